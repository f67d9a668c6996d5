"""Reader for JSON Lines: one article per line, streamed line by line (optionally gzip).

Memory stays bounded however large the file is: each line is read with a cap of
``max_input_bytes``; a longer line is skipped (in chunks) with an E109 error for that line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..errors import E, SitrepError
from ..schema import Article
from ..settings import Settings
from .decode import decode_bytes
from .opener import open_binary
from .records import content_of, make_article

SKIP_CHUNK = 1 << 20  # bytes read at a time while skipping the rest of an oversized line


def read_jsonl(path: Path, compressed: bool, settings: Settings) -> Iterator[Article | SitrepError]:
    """Yield one Article per good line and one error per bad line (E105, E107, E109)."""
    limit = settings.max_input_bytes
    seen_lines = 0
    try:
        with open_binary(path, compressed) as fh:
            for number, line, oversized in _lines(fh, limit):
                if oversized:
                    yield SitrepError(E.E109, path=f"{path}#L{number}", size=f"more than {limit}", limit=limit)
                    continue
                if not line.strip():
                    continue
                seen_lines += 1
                yield _read_line(line, path, number)
    except (OSError, EOFError) as exc:
        yield SitrepError(E.E101, path=str(path), reason=str(exc) or type(exc).__name__)
        return
    if seen_lines == 0:
        yield SitrepError(E.E102, path=str(path))


def _lines(fh: IO[bytes], limit: int) -> Iterator[tuple[int, bytes, bool]]:
    """(line number, line, oversized?) with at most ``limit + 1`` bytes of a line in memory."""
    number = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # drop the rest of the line without holding it
                rest = fh.readline(SKIP_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, b"", True
        else:
            yield number, line, False


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
