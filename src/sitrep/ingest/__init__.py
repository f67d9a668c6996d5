"""Readers: yield one Article per input document, or a SitrepError naming the bad input.

Inputs are ``.txt``/``.html``/``.htm`` files, folders (recursive, sorted, hidden files
skipped, unknown suffixes skipped silently), ``.jsonl`` (one article per line), ``.csv``
(a ``text`` or ``html`` column), ``.warc`` crawl archives (HTML responses only) and
``.gz`` of any of these. Large inputs: JSONL and WARC are streamed record by record; a
single document over ``max_input_bytes`` is rejected with E109. A bad input never stops the
batch: its error is yielded in its place and reading goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import E, SitrepError
from ..schema import Article
from ..settings import Settings
from .csvfile import read_csv
from .files import read_document
from .jsonl import read_jsonl
from .opener import kind_of
from .walk import walk
from .warc import read_warc

__all__ = ["read_inputs", "read_path"]


def read_inputs(paths: Iterable[str | Path], settings: Settings) -> Iterator[Article | SitrepError]:
    """Articles (and errors) from files and folders, in the order given."""
    for p in paths:
        path = Path(p)
        if not path.exists():
            yield SitrepError(E.E108, path=str(path))
        elif path.is_dir():
            for child in walk(path):
                yield from read_path(child, settings)
        else:
            yield from read_path(path, settings)


def read_path(path: Path, settings: Settings) -> Iterator[Article | SitrepError]:
    """Articles (and errors) from one file, chosen by suffix; E110 for an unknown suffix."""
    kind, compressed, suffix = kind_of(path)
    if kind is None:
        yield SitrepError(E.E110, path=str(path), suffix=suffix)
        return
    try:
        if kind == "jsonl":
            yield from read_jsonl(path, compressed, settings)
        elif kind == "csv":
            yield from read_csv(path, compressed, settings)
        elif kind == "warc":
            yield from read_warc(path, settings)
        else:
            yield from read_document(path, kind, compressed, settings)
    except SitrepError as err:
        yield err
    except OSError as exc:
        yield SitrepError(E.E101, path=str(path), reason=exc.strerror or str(exc))
