"""Reader for a single text or HTML file (optionally gzip-compressed)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import E, SitrepError
from ..schema import Article
from ..settings import Settings
from .decode import decode_bytes
from .opener import read_limited
from .records import make_article


def read_document(path: Path, kind: str, compressed: bool, settings: Settings) -> Iterator[Article]:
    """Yield the one Article in ``path``; raise E101/E102/E103/E104/E109 on bad input."""
    data = read_limited(path, compressed, settings.max_input_bytes)
    if not data.strip():
        raise SitrepError(E.E102, path=str(path))
    decoded = decode_bytes(data, str(path))
    if not decoded.text.strip():
        raise SitrepError(E.E102, path=str(path))
    fmt = "html" if kind == "html" else None
    yield make_article(decoded.text, str(path), fmt, note=decoded.note)
