"""Reader for CSV with a ``text`` or ``html`` column (optionally gzip).

CSV fields may hold newlines, so the file is decoded whole (bounded by
``max_input_bytes``) rather than line by line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from ..errors import E, SitrepError
from ..schema import Article
from ..settings import Settings
from .decode import decode_bytes
from .opener import read_limited
from .records import content_of, make_article

CONTENT_COLUMNS = ("text", "html")


def read_csv(path: Path, compressed: bool, settings: Settings) -> Iterator[Article | SitrepError]:
    """Yield one Article per row with content; E106 when there is no text/html column."""
    data = read_limited(path, compressed, settings.max_input_bytes)
    if not data.strip():
        raise SitrepError(E.E102, path=str(path))
    decoded = decode_bytes(data, str(path))
    # Article bodies often exceed csv's default 128 KiB field limit.
    csv.field_size_limit(max(csv.field_size_limit(), settings.max_input_bytes))
    reader = csv.DictReader(io.StringIO(decoded.text, newline=""))
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    if not any(c in columns for c in CONTENT_COLUMNS):
        raise SitrepError(E.E106, path=str(path), columns=", ".join(columns) or "none")
    reader.fieldnames = columns
    for number, row in enumerate(reader, start=1):
        found = content_of(row)
        if found is None:
            yield SitrepError(E.E107, path=f"{path}#row{number}", line=reader.line_num)
            continue
        content, fmt = found
        yield make_article(content, f"{path}#row{number}", fmt, row, note=decoded.note)
