"""Reader for JSON Lines: one article per line, read line by line (optionally gzip)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import E, SitrepError
from ..schema import Article
from ..settings import Settings
from .decode import decode_bytes
from .opener import check_size, open_binary
from .records import content_of, make_article


def read_jsonl(path: Path, compressed: bool, settings: Settings) -> Iterator[Article | SitrepError]:
    """Yield one Article per good line and one error per bad line (E105, E107)."""
    check_size(path, settings.max_input_bytes)
    seen_bytes, seen_lines = 0, 0
    try:
        with open_binary(path, compressed) as fh:
            for number, line in enumerate(fh, start=1):
                seen_bytes += len(line)
                if seen_bytes > settings.max_input_bytes:
                    size = f"more than {settings.max_input_bytes} (decompressed)"
                    yield SitrepError(E.E109, path=str(path), size=size, limit=settings.max_input_bytes)
                    return
                if not line.strip():
                    continue
                seen_lines += 1
                yield _read_line(line, path, number)
    except (OSError, EOFError) as exc:
        yield SitrepError(E.E101, path=str(path), reason=str(exc) or type(exc).__name__)
        return
    if seen_lines == 0:
        yield SitrepError(E.E102, path=str(path))


def _read_line(line: bytes, path: Path, number: int) -> Article | SitrepError:
    source = f"{path}#L{number}"
    try:
        decoded = decode_bytes(line, source)
        record = json.loads(decoded.text)
    except SitrepError as err:
        return err
    except json.JSONDecodeError as exc:
        return SitrepError(E.E105, path=str(path), line=number, reason=exc.msg)
    if not isinstance(record, dict):
        return SitrepError(E.E105, path=str(path), line=number, reason="not a JSON object")
    found = content_of(record)
    if found is None:
        return SitrepError(E.E107, path=str(path), line=number)
    content, fmt = found
    return make_article(content, source, fmt, record, note=decoded.note)
