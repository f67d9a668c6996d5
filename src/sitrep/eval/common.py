"""Helpers shared by the scorers: reading JSONL gold, running the stages on gold texts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import E, SitrepError
from ..pipeline import body_runner
from ..schema import Article
from ..settings import Settings


def read_jsonl(path: Path, task: str) -> list[dict[str, Any]]:
    """Every record of a gold JSONL file; E801 naming the path when it is missing."""
    if not path.exists():
        raise SitrepError(E.E801, task=task, path=str(path))
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def find_file(data: Path, name: str, task: str) -> Path:
    """``name`` under ``data`` or ``data/<task>`` or ``data/eval/<task>``."""
    for cand in (data / name, data / task / name, data / "eval" / task / name):
        if cand.exists():
            return cand
    raise SitrepError(E.E801, task=task, path=str(data / name))


def run_on_bodies(items: list[tuple[str, str, str | None]], settings: Settings) -> Iterator[Article]:
    """Run every stage after ``clean`` on (id, text, published) with ``body = text`` unchanged,
    so gold offsets index into the body."""
    arts = (
        Article(id=i, source=i, raw=text, body=text, language="en", published=published)
        for i, text, published in items
    )
    for outcome in body_runner(settings).run(arts):
        if outcome.article is not None:
            yield outcome.article
