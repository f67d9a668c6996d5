"""The DuckDB store: one file holds articles, actors, quotes, events and quantities.

Writes go in one transaction per batch of articles, so a crash leaves either the
whole batch or none of it. An article already stored (same id: same content) is
not written again, so re-ingesting the same input changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from ..errors import E, SitrepError
from ..records import to_dict
from ..schema import Article
from . import rows

SCHEMA_VERSION = "1"
TABLES = ("articles", "actors", "quotes", "events", "quantities")


class Store:
    """A sitrep database file. Use as a context manager or call ``close()``."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            if read_only and not Path(self.path).exists():
                raise SitrepError(E.E601, path=self.path, reason="no such database; run sitrep ingest first")
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise SitrepError(E.E601, path=self.path, reason=str(exc).splitlines()[0]) from exc
        if not read_only:
            self._migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _migrate(self) -> None:
        ddl = resources.files("sitrep.store").joinpath("schema.sql").read_text(encoding="utf-8")
        self.con.execute(ddl)
        self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])

    # -- writes ---------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def write_batch(self, articles: Iterable[Article], run_id: str | None = None) -> int:
        """Write articles not yet stored, all in one transaction; returns how many were added."""
        added = 0
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        self.con.execute("BEGIN TRANSACTION")
        try:
            for art in articles:
                if self.has_article(art.id):
                    continue
                self._insert(art, run_id, now)
                added += 1
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return added

    def _insert(self, art: Article, run_id: str | None, now: datetime) -> None:
        record = to_dict(art)
        self.con.execute(
            "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows.article_row(art, json.dumps(record, ensure_ascii=False), run_id, now),
        )
        for table, values in (
            ("actors", rows.actor_rows(art)),
            ("quotes", rows.quote_rows(art)),
            ("events", rows.event_rows(art)),
            ("quantities", rows.quantity_rows(art)),
        ):
            if values:
                marks = ",".join("?" * len(values[0]))
                self.con.executemany(f"INSERT OR IGNORE INTO {table} VALUES ({marks})", values)

    def record_run(self, run: dict[str, Any]) -> None:
        self.con.execute(
            "INSERT OR REPLACE INTO runs VALUES (?,?,?,?,?,?,?,?)",
            [run["run_id"], run["started"], run["finished"], json.dumps(run["stages"]),
             json.dumps(run["inputs"]), run["added"], run["unchanged"], run["failed"]],
        )

    # -- reads ----------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}

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


def open(path: str | Path = "sitrep.duckdb", read_only: bool = True) -> Store:  # noqa: A001
    """Open a sitrep database for reading (the Python API's entry point)."""
    return Store(path, read_only=read_only)
