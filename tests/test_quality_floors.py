"""The accuracy gate: each pinned eval figure stays at or above its floor.

Runs only where the gold data is present (the shared/ folder beside the repository, as in
CI, or SITREP_SHARED); sitrep itself never needs it. Floors: tests/quality_floors.json,
re-pinned with scripts/pin_floors.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitrep.eval import evaluate
from sitrep.eval.gate import check, gold_hashes, load

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared"))
FLOORS = load(Path(__file__).parent / "quality_floors.json")


@pytest.mark.parametrize("task", sorted(FLOORS))
def test_quality_floor(task, runner):
    pinned = FLOORS[task]
    if not all((SHARED / name).exists() for name in pinned["sha256"]):
        pytest.skip(f"gold for {task!r} not under {SHARED} (set SITREP_SHARED); the gate needs it")
    assert gold_hashes(SHARED, task) == pinned["sha256"], "gold changed: re-pin with scripts/pin_floors.py"
    result = evaluate(task, SHARED if task == "seed" else SHARED / "eval")
    assert check(result, pinned) == []
