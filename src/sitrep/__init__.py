"""sitrep: raw news to a structured, source-linked record of a crisis.

Public API (pinned by tests/test_api.py)::

    import sitrep
    article = sitrep.extract_text("...")            # one text -> Article record
    for outcome in sitrep.extract(["corpus/"]): ...  # files/folders -> Outcome per input
    report = sitrep.ingest(["corpus/"], db="sitrep.duckdb")
    db = sitrep.open("sitrep.duckdb"); db.events()
"""

from __future__ import annotations

from .api import IngestReport, extract, extract_text, ingest
from .errors import E, SitrepError
from .schema import Actor, Article, Event, Quote
from .settings import Settings, load_settings
from .store import Store
from .store import open as open  # noqa: PLC0414

__version__ = "0.1.0"

__all__ = [
    "Actor", "Article", "E", "Event", "IngestReport", "Quote", "Settings", "SitrepError", "Store",
    "extract", "extract_text", "ingest", "load_settings", "open", "__version__",
]
