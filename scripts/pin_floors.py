"""Run the gated evals and pin their figures as floors in tests/quality_floors.json.

usage: python scripts/pin_floors.py [--shared ../shared] [--task TASK ...] [--allow-regression]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sitrep.eval import evaluate
from sitrep.eval.gate import GATED, gold_hashes, load, pin

FLOORS = Path(__file__).resolve().parent.parent / "tests" / "quality_floors.json"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared")
    ap.add_argument("--task", action="append", choices=list(GATED))
    ap.add_argument("--allow-regression", action="store_true")
    args = ap.parse_args()
    floors = load(FLOORS)
    for task in args.task or list(GATED):
        data = args.shared if task == "seed" else args.shared / "eval"
        result = evaluate(task, data)
        entry = pin(result, task, floors.get(task), args.allow_regression)
        entry["sha256"] = gold_hashes(args.shared, task)
        floors[task] = entry
        print(task, entry["floors"])
    FLOORS.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
