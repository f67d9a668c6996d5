"""Folder walk: every readable file under a folder, recursively, in a stable order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .opener import kind_of


def walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` with a known suffix, sorted by relative path; hidden ones skipped."""
    found = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() and kind_of(path)[0] is not None:
            found.append(rel)
    for rel in sorted(found, key=lambda r: r.as_posix()):
        yield folder / rel
