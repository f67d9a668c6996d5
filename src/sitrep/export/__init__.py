"""Exports from the store: one module per format, chosen by name.

``jsonl`` writes one extract record per article (the ``sitrep extract`` contract), ``csv``
and ``parquet`` one stored table (events by default), ``geojson`` merged events with
coordinates, ``graphml``/``gexf`` the actor network, ``plover`` merged events with every
report, ``sqlite`` the whole record as a file Datasette opens.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import E, SitrepError
from ..store import Store
from .geojson import export_geojson
from .graph import export_gexf, export_graphml
from .plover import export_plover
from .sqlite import export_sqlite
from .tables import export_csv, export_jsonl, export_parquet

Exporter = Callable[[Store, Path, "str | None"], int]

FORMATS: dict[str, Exporter] = {
    "jsonl": export_jsonl,
    "csv": export_csv,
    "parquet": export_parquet,
    "geojson": export_geojson,
    "graphml": export_graphml,
    "gexf": export_gexf,
    "plover": export_plover,
    "sqlite": export_sqlite,
}


def export(store: Store, fmt: str, out: str | Path, table: str | None = None) -> int:
    """Write the store in ``fmt`` to ``out``; returns the number of records written."""
    if fmt not in FORMATS:
        raise SitrepError(E.E701, format=fmt, choices=", ".join(FORMATS))
    return FORMATS[fmt](store, Path(out), table)
