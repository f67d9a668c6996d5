"""Evaluation: one scorer per task, each reading gold from a path and returning
a dict with at least ``precision``, ``recall``, ``f1``, ``n`` (and per-part ``sections``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import E, SitrepError
from ..settings import Settings
from . import cleaning, quotes, seed

Scorer = Callable[[Path, Settings], dict[str, Any]]

TASKS: dict[str, Scorer] = {
    "seed": seed.evaluate,
    "quotes": quotes.evaluate,
    "cleaning": cleaning.evaluate,
}


def evaluate(task: str, data: str | Path, settings: Settings | None = None) -> dict[str, Any]:
    """Run the scorer for ``task`` on the gold under ``data``."""
    if task not in TASKS:
        raise SitrepError(E.E802, task=task, choices=", ".join(TASKS))
    return TASKS[task](Path(data), settings or Settings())
