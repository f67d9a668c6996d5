"""Extraction in a pool of worker processes that each load the model once.

Measured here (shared/PERFORMANCE.md): a pool of 2 workers with chunks of ~100 beats
spaCy's own ``n_process`` because only plain records cross process boundaries, never
Docs. Order is kept, so output is identical to the single-process runner.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from itertools import islice

from .errors import SitrepError
from .pipeline import Outcome, Runner
from .schema import Article
from .settings import Settings

Item = Article | SitrepError

_RUNNER: Runner | None = None  # one per worker process: holds the loaded model


def _init(settings: Settings) -> None:
    global _RUNNER
    _RUNNER = Runner(settings)


def _work(chunk: list[Item]) -> list[Outcome]:
    assert _RUNNER is not None
    return list(_RUNNER.run(chunk))


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def process(items: Iterable[Item], settings: Settings) -> Iterator[Outcome]:
    """Run the stages over ``items`` in ``settings.workers`` processes (in this one if 1)."""
    if settings.workers <= 1:
        yield from Runner(settings).run(items)
        return
    # spawn, not fork: the parent may hold a DuckDB connection and threads.
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(settings.workers, initializer=_init, initargs=(settings,)) as pool:
        for outcomes in pool.imap(_work, _chunks(items, settings.chunk_size)):
            yield from outcomes
