"""The DuckDB store: one file holds articles, actors, quotes, events and the record across them.

Writes go in one transaction per batch of articles, so a crash or a kill leaves either the
whole batch or none of it. An article already stored (same id: same content) is not
written again, so re-ingesting the same input changes nothing and completes what a killed
run left undone. After the writes, :meth:`Store.refresh` rebuilds everything derived
across articles (copies, merged events, disagreements, ledger) in one transaction,
recomputing only what the new articles can change (``store/refresh.py``).

Concurrency: DuckDB lets one process write a file, and no other process may open it while
it does. ``sitrep ingest`` therefore opens the file only for each batch write (and for the
final refresh) and closes it in between; readers and writers that find the file locked
retry for up to ``LOCK_WAIT`` seconds. Readers see the state after the last batch.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb

from ..errors import E, SitrepError
from ..records import to_dict
from ..schema import Article
from . import bulk, migrations, rows

SCHEMA_VERSION = str(migrations.LATEST)
TABLES = ("articles", "actors", "quotes", "events", "quantities")
ALL_TABLES = (*TABLES, "mentions", "places", "article_copies", "merged_events", "event_sources",
              "merge_links", "disagreements", "ledger")
LOCK_WAIT = 30.0  # seconds to wait for another process's lock (a batch write takes well under that)
_LOCK_POLL = 0.05


def connect(path: str, read_only: bool, wait: float = LOCK_WAIT) -> duckdb.DuckDBPyConnection:
    """Open the file, retrying while another process holds its lock; E601 after ``wait`` seconds."""
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                raise SitrepError(E.E601, path=path, reason=str(exc).splitlines()[0]) from exc
            time.sleep(_LOCK_POLL)
        except duckdb.Error as exc:
            raise SitrepError(E.E601, path=path, reason=str(exc).splitlines()[0]) from exc


class Store:
    """A sitrep database file. Use as a context manager or call ``close()``."""

    def __init__(self, path: str | Path, read_only: bool = False, wait: float = LOCK_WAIT) -> None:
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise SitrepError(E.E601, path=self.path, reason="no such database; run sitrep ingest first")
        self.read_only = read_only
        self.con = connect(self.path, read_only, wait)
        if not read_only:
            migrations.migrate(self.con)
        elif migrations.stored_version(self.con) < migrations.LATEST:
            # an older file: upgrade it once (briefly as a writer), then read it as asked
            self.con.close()
            with Store(self.path, read_only=False, wait=wait):
                pass
            self.con = connect(self.path, read_only, wait)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- writes ---------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def article_ids(self) -> set[str]:
        """Ids of every stored article (what an ingest may skip before parsing)."""
        return {r[0] for r in self.con.execute("SELECT id FROM articles").fetchall()}

    def write_batch(self, articles: Iterable[Article], run_id: str | None = None) -> int:
        """Write articles not yet stored, all in one transaction; returns how many were added.

        The same transaction marks the derived tables stale, so a kill before the next
        :meth:`refresh` is repaired by the next ingest."""
        batch = list({a.id: a for a in articles}.values())
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        self.con.execute("BEGIN TRANSACTION")
        try:
            stored = self._stored([a.id for a in batch])
            fresh = [a for a in batch if a.id not in stored]
            for table, values in self._rows(fresh, run_id, now).items():
                bulk.insert(self.con, table, values)
            if fresh:
                self.con.execute("INSERT OR REPLACE INTO meta VALUES ('derived_stale', '1')")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return len(fresh)

    def _stored(self, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        marks = ",".join("?" * len(ids))
        return {r[0] for r in self.con.execute(f"SELECT id FROM articles WHERE id IN ({marks})", ids).fetchall()}

    @staticmethod
    def _rows(arts: list[Article], run_id: str | None, now: datetime) -> dict[str, list[list[Any]]]:
        out: dict[str, list[list[Any]]] = {t: [] for t in (
            "articles", "actors", "quotes", "events", "quantities", "mentions", "places", "article_minhash",
            "neardup_keys")}
        for art in arts:
            record = json.dumps(to_dict(art), ensure_ascii=False)
            out["articles"].append(rows.article_row(art, record, run_id, now))
            out["actors"] += rows.actor_rows(art)
            out["quotes"] += rows.quote_rows(art)
            out["events"] += rows.event_rows(art)
            out["quantities"] += rows.quantity_rows(art)
            out["mentions"] += rows.mention_rows(art)
            out["places"] += rows.place_rows(art)
            sig, keys = rows.minhash_rows(art)
            out["article_minhash"] += sig
            out["neardup_keys"] += keys
        return out

    def record_run(self, run: dict[str, Any]) -> None:
        self.con.execute(
            "INSERT OR REPLACE INTO runs VALUES (?,?,?,?,?,?,?,?)",
            [run["run_id"], run["started"], run["finished"], json.dumps(run["stages"]),
             json.dumps(run["inputs"]), run["added"], run["unchanged"], run["failed"]],
        )

    def is_stale(self) -> bool:
        """True when articles were written since the derived tables were last rebuilt."""
        row = self.con.execute("SELECT value FROM meta WHERE key = 'derived_stale'").fetchone()
        return bool(row and row[0] == "1")

    def refresh(self, force: bool = False, full: bool = False) -> bool:
        """Bring copies, merged events, disagreements and the ledger up to date with the
        articles stored since the last refresh (when stale or ``force``); ``full`` rebuilds
        them from every article. Both give the same result."""
        from .refresh import rebuild

        if not (force or full or self.is_stale()):
            return False
        rebuild(self.con, full=full)
        return True

    # -- reads ----------------------------------------------------------------
    def counts(self, tables: Iterable[str] = TABLES) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Rows of a SQL query as dicts."""
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def article(self, article_id: str) -> dict[str, Any]:
        """The stored extract record of one article (id or unique id prefix)."""
        found = self.query("SELECT record FROM articles WHERE id LIKE ? || '%'", [article_id])
        if len(found) != 1:
            raise SitrepError(E.E602, id=article_id, path=self.path)
        return json.loads(found[0]["record"])

    def events(self) -> list[dict[str, Any]]:
        return self.query(
            "SELECT e.*, (SELECT string_agg(q.text, '; ' ORDER BY q.idx) FROM quantities q"
            " WHERE q.event_id = e.id) AS quantities FROM events e ORDER BY date_value NULLS LAST, id"
        )

    def quotes(self) -> list[dict[str, Any]]:
        return self.query("SELECT * FROM quotes ORDER BY article_id, id")

    def actors(self) -> list[dict[str, Any]]:
        return self.query(
            "SELECT name, kind, any_value(role) AS role, any_value(affiliation) AS affiliation,"
            " any_value(country) AS country, count(DISTINCT article_id) AS articles,"
            " sum(json_array_length(mentions)) AS mentions FROM actors"
            " GROUP BY name, kind ORDER BY mentions DESC, name"
        )

    def articles(self) -> list[dict[str, Any]]:
        return self.query(
            "SELECT id, source, title, published, language FROM articles ORDER BY published NULLS LAST, id"
        )

    def merged(self) -> list[dict[str, Any]]:
        """Merged events, one row per real-world event, with how many reports and sources."""
        return self.query("SELECT * FROM merged_events ORDER BY date_start NULLS LAST, id")

    def event(self, merged_id: str) -> dict[str, Any]:
        """One merged event (id or unique prefix) with its sources, links and disagreements."""
        from .explain import merged_event

        return merged_event(self, merged_id)

    def disagreements(self) -> list[dict[str, Any]]:
        """Every field on which reports of one merged event differ, one row per value."""
        return self.query(
            "SELECT d.*, m.category, m.actor_country, m.place_name FROM disagreements d"
            " JOIN merged_events m ON m.id = d.merged_id ORDER BY m.date_start NULLS LAST, d.merged_id,"
            " d.field, d.value"
        )

    def ledger(self, actor: str | None = None, place: str | None = None) -> list[dict[str, Any]]:
        """The force-posture ledger, optionally for one actor country and/or place."""
        from .ledger import ledger_rows

        return ledger_rows(self, actor, place)

    def find(self, kind: str, **filters: Any) -> list[dict[str, Any]]:
        """Events, quotes or actors matching filters (see :mod:`sitrep.store.query`)."""
        from .query import find

        return find(self, kind, **filters)

    def arrow(self, kind: str, **filters: Any) -> Any:
        """The same as :meth:`find` as a pyarrow Table (``.to_pandas()`` for a DataFrame)."""
        from .query import arrow

        return arrow(self, kind, **filters)


def open(path: str | Path = "sitrep.duckdb", read_only: bool = True) -> Store:  # noqa: A001
    """Open a sitrep database for reading (the Python API's entry point)."""
    return Store(path, read_only=read_only)
