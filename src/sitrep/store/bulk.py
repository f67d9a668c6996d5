"""Insert many rows at once: through an Arrow table when pyarrow is installed (fast), else
``executemany``. Rows are positional, in the table's column order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb

try:
    import pyarrow as pa
except ImportError:  # pragma: no cover - pyarrow is a dependency; this keeps the store usable without it
    pa = None

_ARROW_MIN_ROWS = 64  # below this, executemany is as fast and needs no type inference


def columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """The column names of a table, in order."""
    return [d[0] for d in con.execute(f"SELECT * FROM {table} LIMIT 0").description]


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Sequence[Any]], ignore: bool = True) -> None:
    """Insert ``rows`` into ``table`` (skipping rows whose key is already there when ``ignore``)."""
    if not rows:
        return
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    if pa is None or len(rows) < _ARROW_MIN_ROWS:
        marks = ",".join("?" * len(rows[0]))
        con.executemany(f"{verb} INTO {table} VALUES ({marks})", [list(r) for r in rows])
        return
    names = columns(con, table)
    data = pa.table({name: pa.array([r[i] for r in rows]) for i, name in enumerate(names)})
    view = f"_bulk_{table}"
    con.register(view, data)
    con.execute(f"{verb} INTO {table} SELECT * FROM {view}")
    con.unregister(view)  # not in a finally: an aborted transaction refuses it (the next register replaces it)
