"""Exports from the store: one function per format, chosen by name.

``jsonl`` writes one extract record per article (the ``sitrep extract`` contract);
``csv`` and ``parquet`` write one stored table (events by default) through DuckDB's COPY.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ..errors import E, SitrepError
from ..store import TABLES, Store


def export_jsonl(store: Store, out: Path, table: str = "articles") -> int:
    """One article record (extract JSON) per line; returns the number of lines."""
    rows = store.query("SELECT record FROM articles ORDER BY id")
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(json.loads(row["record"]), ensure_ascii=False) + "\n")
    return len(rows)


def _copy(fmt: str) -> Callable[[Store, Path, str], int]:
    def export(store: Store, out: Path, table: str = "events") -> int:
        if table not in TABLES:
            raise SitrepError(E.E701, format=f"{fmt} table {table}", choices=", ".join(TABLES))
        escaped = str(out).replace("'", "''")
        store.con.execute(f"COPY (SELECT * FROM {table} ORDER BY 1) TO '{escaped}' (FORMAT {fmt})")
        return int(store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    export.__doc__ = f"The stored table as {fmt.upper()}; returns the number of rows."
    return export


FORMATS: dict[str, Callable[[Store, Path, str], int]] = {
    "jsonl": export_jsonl,
    "csv": _copy("csv"),
    "parquet": _copy("parquet"),
}


def export(store: Store, fmt: str, out: str | Path, table: str | None = None) -> int:
    """Write the store in ``fmt`` to ``out``; returns the number of records written."""
    if fmt not in FORMATS:
        raise SitrepError(E.E701, format=fmt, choices=", ".join(FORMATS))
    func = FORMATS[fmt]
    return func(store, Path(out), table) if table else func(store, Path(out))
