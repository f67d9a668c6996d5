"""Evaluation: one scorer per task, each reading gold from a path and returning
a dict with at least ``precision``, ``recall``, ``f1``, ``n`` (parts as nested dicts).

Scorers are imported when their task runs, so one task's module never slows another.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from ..errors import E, SitrepError
from ..settings import Settings

# task -> module in sitrep.eval holding ``evaluate(data: Path, settings: Settings) -> dict``
TASKS: dict[str, str] = {
    "seed": "seed",
    "cleaning": "cleaning",
    "quotes": "quotes",
    "events": "events",
    "dates": "dates",
    "quantities": "quantities",
    "merge": "merge",
    "actors": "actors",  # gold ships with the package: no --data needed
}


def evaluate(task: str, data: str | Path, settings: Settings | None = None) -> dict[str, Any]:
    """Run the scorer for ``task`` on the gold under ``data``."""
    if task not in TASKS:
        raise SitrepError(E.E802, task=task, choices=", ".join(TASKS))
    module = importlib.import_module(f"{__name__}.{TASKS[task]}")
    return module.evaluate(Path(data), settings or Settings())
