"""Which reader a path needs (by suffix, through ``.gz``), and size-limited byte access."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import IO

from ..errors import E, SitrepError

# File suffix -> reader kind. ``.gz`` of any of these is read through gzip (a ``.warc.gz``
# by warcio itself: its records are gzip members).
KINDS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".csv": "csv",
         ".warc": "warc"}


def kind_of(path: Path) -> tuple[str | None, bool, str]:
    """(reader kind or None, gzip-compressed?, the suffix that decided) for ``path``."""
    suffixes = [s.lower() for s in path.suffixes]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    if compressed:
        suffixes = suffixes[:-1]
    suffix = suffixes[-1] if suffixes else ""
    shown = suffix + (".gz" if compressed else "") or path.suffix
    return KINDS.get(suffix), compressed, shown


def open_binary(path: Path, compressed: bool) -> IO[bytes]:
    """The file as a binary stream, decompressed on the fly when it is gzip."""
    if compressed:
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def check_size(path: Path, limit: int) -> None:
    """Raise E109 when the file on disk is over ``limit`` bytes."""
    size = path.stat().st_size
    if size > limit:
        raise SitrepError(E.E109, path=str(path), size=size, limit=limit)


def read_limited(path: Path, compressed: bool, limit: int) -> bytes:
    """All bytes of ``path`` (decompressed), raising E109 past ``limit`` and E101 on bad gzip."""
    check_size(path, limit)
    try:
        with open_binary(path, compressed) as fh:
            data = fh.read(limit + 1)
    except (OSError, EOFError) as exc:
        raise SitrepError(E.E101, path=str(path), reason=str(exc) or type(exc).__name__) from None
    if len(data) > limit:
        raise SitrepError(E.E109, path=str(path), size=f"more than {limit} (decompressed)", limit=limit)
    return data
