"""Article records as JSON Lines; one stored table as CSV or Parquet (DuckDB's COPY)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ..errors import E, SitrepError
from ..store import ALL_TABLES, Store


def export_jsonl(store: Store, out: Path, table: str | None = None) -> int:
    """One article record (extract JSON) per line; with ``table``, that table's rows instead."""
    if table and table != "articles":
        return _copy("json")(store, out, table)
    rows = store.query("SELECT record FROM articles ORDER BY id")
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(json.loads(row["record"]), ensure_ascii=False) + "\n")
    return len(rows)


def _copy(fmt: str) -> Callable[[Store, Path, str | None], int]:
    def export(store: Store, out: Path, table: str | None = None) -> int:
        table = table or "events"
        if table not in ALL_TABLES:
            raise SitrepError(E.E701, format=f"{fmt} table {table}", choices=", ".join(ALL_TABLES))
        escaped = str(out).replace("'", "''")
        store.con.execute(f"COPY (SELECT * FROM {table} ORDER BY 1) TO '{escaped}' (FORMAT {fmt})")
        return int(store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    export.__doc__ = f"One stored table (default: events) as {fmt.upper()}; returns the number of rows."
    return export


export_csv = _copy("csv")
export_parquet = _copy("parquet")
