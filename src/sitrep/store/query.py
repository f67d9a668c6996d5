"""Filtered queries over the store: merged events (or single reports), quotes, actors.

Each kind is one SQL statement plus a table of filters, each filter one WHERE clause with
parameters; the CLI (``sitrep query``), the Python API (``Store.find`` / ``Store.arrow``)
and exports all use these.

Text search on quotes: DuckDB's ``fts`` extension cannot be installed offline with the
DuckDB version pinned here (the extension is downloaded on ``INSTALL fts``, and the pip
packages that ship it are built for older DuckDB versions), so ``text=`` matches every
word of the query case-insensitively (``ILIKE``), in any order. Over 1 M quotes that is a
scan, well within the latency target (see bench/bench_store.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from ..errors import E, SitrepError

if TYPE_CHECKING:
    from . import Store

Clause = Callable[[Any], tuple[str, list[Any]]]
DEFAULT_LIMIT = 100


def _words(column: str) -> Clause:
    def clause(text: Any) -> tuple[str, list[Any]]:
        words = re.findall(r"\w[\w'-]*", str(text))
        if not words:
            raise SitrepError(E.E605, name="text", reason="no words to search for")
        return " AND ".join(f"{column} ILIKE ?" for _ in words), [f"%{w}%" for w in words]

    return clause


def _party(name_col: str, country_col: str) -> Clause:
    def clause(v: Any) -> tuple[str, list[Any]]:
        if len(str(v)) <= 3:  # a code (US, GB, EU): match it exactly, never inside a name ("DE" in "Denmark")
            return f"(upper({country_col}) = upper(?) OR upper({name_col}) = upper(?))", [v, v]
        return f"(upper({country_col}) = upper(?) OR {name_col} ILIKE ?)", [v, f"%{v}%"]

    return clause


def _place(name_col: str, country_col: str) -> Clause:
    return lambda v: (f"(upper({country_col}) = upper(?) OR lower({name_col}) = lower(?))", [v, v])


def _date(col: str, op: str) -> Clause:
    def clause(v: Any) -> tuple[str, list[Any]]:
        try:
            day = v if isinstance(v, date) else date.fromisoformat(str(v))
        except ValueError as exc:
            raise SitrepError(E.E605, name=col, reason=f"{v!r} is not an ISO date (YYYY-MM-DD)") from exc
        return f"{col} {op} ?", [day]

    return clause


def _eq(col: str) -> Clause:
    return lambda v: (f"upper({col}) = upper(?)", [v])


def _like(col: str) -> Clause:
    return lambda v: (f"{col} ILIKE ?", [f"%{v}%"])


KINDS: dict[str, tuple[str, str, dict[str, Clause]]] = {
    "events": (
        "SELECT * FROM merged_events", "date_start NULLS LAST, id",
        {"actor": _party("actor_name", "actor_country"), "target": _party("target_name", "target_country"),
         "category": _eq("category"), "place": _place("place_name", "place_country"), "status": _eq("status"),
         "since": _date("coalesce(date_end, date_start)", ">="), "until": _date("date_start", "<="),
         "min_sources": lambda v: ("n_sources >= ?", [int(v)])},
    ),
    "reports": (
        "SELECT e.*, a.outlet, a.published FROM events e JOIN articles a ON a.id = e.article_id",
        "e.date_value NULLS LAST, e.id",
        {"actor": _party("e.actor_name", "e.actor_country"), "target": _party("e.target_name", "e.target_country"),
         "category": _eq("e.category"), "place": _place("e.place_name", "e.place_country"),
         "status": _eq("e.status"), "since": _date("coalesce(e.date_value, a.published)", ">="),
         "until": _date("coalesce(e.date_value, a.published)", "<="), "text": _words("e.sentence"),
         "article": lambda v: ("e.article_id LIKE ? || '%'", [v])},
    ),
    "quotes": (
        "SELECT q.id, q.article_id, q.speaker_name, q.kind, q.cue, q.text, a.outlet, a.published, a.title"
        " FROM quotes q JOIN articles a ON a.id = q.article_id", "a.published NULLS LAST, q.article_id, q.id",
        {"speaker": _like("q.speaker_name"), "text": _words("q.text"), "kind": _eq("q.kind"),
         "since": _date("a.published", ">="), "until": _date("a.published", "<="),
         "article": lambda v: ("q.article_id LIKE ? || '%'", [v])},
    ),
    "actors": (
        "SELECT coalesce(k.key, a.id) AS key, any_value(a.name ORDER BY a.name) AS name, any_value(a.kind) AS kind,"
        " any_value(a.country) AS country, any_value(a.role) FILTER (WHERE a.role IS NOT NULL) AS role,"
        " any_value(a.affiliation) FILTER (WHERE a.affiliation IS NOT NULL) AS affiliation,"
        " count(DISTINCT a.article_id) AS articles, sum(json_array_length(a.mentions)) AS mentions"
        " FROM actors a LEFT JOIN actor_keys k ON k.actor_id = a.id", "mentions DESC, name",
        {"name": _like("a.name"), "country": _eq("a.country"), "kind": _eq("a.kind"), "role": _like("a.role")},
    ),
}
_GROUP = {"actors": " GROUP BY coalesce(k.key, a.id)"}


def build(kind: str, limit: int | None = DEFAULT_LIMIT, **filters: Any) -> tuple[str, list[Any]]:
    """The SQL and parameters for ``kind`` with ``filters`` (None values are ignored)."""
    if kind not in KINDS:
        raise SitrepError(E.E603, kind=kind, choices=", ".join(KINDS))
    base, order, table = KINDS[kind]
    where, params = [], []
    for name, value in filters.items():
        if value is None or value == "":
            continue
        if name not in table:
            raise SitrepError(E.E605, name=name, reason=f"not a filter of {kind}; choose from {', '.join(table)}")
        sql, args = table[name](value)
        where.append(sql)
        params += args
    sql = base + (" WHERE " + " AND ".join(where) if where else "") + _GROUP.get(kind, "") + f" ORDER BY {order}"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return sql, params


def find(store: Store, kind: str, limit: int | None = DEFAULT_LIMIT, **filters: Any) -> list[dict[str, Any]]:
    """Rows of ``kind`` (events | reports | quotes | actors) matching ``filters``, as dicts."""
    sql, params = build(kind, limit, **filters)
    return store.query(sql, params)


def arrow(store: Store, kind: str, limit: int | None = None, **filters: Any) -> Any:
    """The same rows as a pyarrow Table (needs pyarrow; ``.to_pandas()`` needs pandas)."""
    sql, params = build(kind, limit, **filters)
    return store.con.sql(sql, params=params).to_arrow_table()
