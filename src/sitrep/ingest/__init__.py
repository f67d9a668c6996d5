"""Readers (placeholder): yield one Article per input, or a SitrepError naming it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import E, SitrepError
from ..ids import article_id
from ..schema import Article
from ..settings import Settings


def read_inputs(paths: Iterable[str | Path], settings: Settings) -> Iterator[Article | SitrepError]:
    for p in paths:
        path = Path(p)
        if not path.exists():
            yield SitrepError(E.E108, path=str(path))
            continue
        text = path.read_text(encoding="utf-8")
        yield Article(id=article_id(text), source=str(path), format="text", raw=text)
