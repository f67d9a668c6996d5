"""The store as a SQLite file that Datasette (or any SQLite tool) opens directly.

Every table of the record is copied with its columns; dates become ISO text, JSON
columns stay JSON text (Datasette renders them), and the MinHash tables are left out.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..store import ALL_TABLES, Store

TABLES = (*ALL_TABLES, "actor_keys", "runs", "meta")
_TYPES = {"INTEGER": "INTEGER", "BIGINT": "INTEGER", "SMALLINT": "INTEGER", "DOUBLE": "REAL", "FLOAT": "REAL"}
_CHUNK = 10_000


def _cell(v: Any) -> Any:
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    if isinstance(v, (list, dict)):
        return str(v)
    return v


def _copy_table(store: Store, db: sqlite3.Connection, table: str) -> int:
    cur = store.con.execute(f"SELECT * FROM {table}")
    cols = [(d[0], _TYPES.get(str(d[1]).upper(), "TEXT")) for d in cur.description]
    db.execute(f'CREATE TABLE "{table}" ({", ".join(f"[{n}] {t}" for n, t in cols)})')
    marks = ",".join("?" * len(cols))
    n = 0
    while rows := cur.fetchmany(_CHUNK):
        db.executemany(f'INSERT INTO "{table}" VALUES ({marks})', [[_cell(v) for v in r] for r in rows])
        n += len(rows)
    return n


def export_sqlite(store: Store, out: Path, table: str | None = None) -> int:
    """Copy every table (or one) into a new SQLite file; returns the number of rows copied."""
    out.unlink(missing_ok=True)
    db = sqlite3.connect(out)
    try:
        n = sum(_copy_table(store, db, t) for t in ([table] if table else TABLES))
        db.commit()
    finally:
        db.close()
    return n
