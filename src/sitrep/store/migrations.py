"""Schema migrations: numbered SQL steps applied in order, each in its own transaction.

``meta.schema_version`` holds the number of the last step applied. A new database
runs every step; an older one runs the steps it lacks. Add a step by appending a file
to ``STEPS``; never edit a step that has shipped.
"""

from __future__ import annotations

from importlib import resources

import duckdb

# (version, SQL file in sitrep/data/store)
STEPS: list[tuple[int, str]] = [
    (1, "001_schema.sql"),
    (2, "002_record.sql"),
    (3, "003_incremental.sql"),
    (4, "004_unnamed.sql"),
]
LATEST = STEPS[-1][0]


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of an open database (0 for an empty one)."""
    con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def stored_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of a database opened read-only (0 when it has no meta table)."""
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except duckdb.CatalogException:
        return 0
    return int(row[0]) if row else 0


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply the steps the database lacks; returns the version it is at afterwards."""
    version = current_version(con)
    for number, name in STEPS:
        if number <= version:
            continue
        sql = resources.files("sitrep.data").joinpath("store").joinpath(name).read_text(encoding="utf-8")
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(number)])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        version = number
    return version
