"""Accuracy floors: pinned figures per eval task that must not fall (as trafilatura's gate).

``tests/quality_floors.json`` holds, per task, the sha256 of its gold files and a floor for
chosen figures (dotted paths into the eval result, e.g. ``exact.f1``). ``scripts/pin_floors.py``
re-pins them from a fresh run and refuses to lower a floor without ``--allow-regression``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

TOLERANCE = 0.0005  # a figure may wobble this much below its floor (rounding)

# task -> gold files (relative to the shared/ folder) and the figures pinned for it
GATED: dict[str, dict[str, Any]] = {
    "seed": {"files": ["seed/000_4beeaa3f045c4520.txt", "eval/seed_gold.json"], "figures": ["f1", "recall"]},
    "cleaning": {"files": ["eval/cleaning/flattened.jsonl"], "figures": ["html.f1", "flattened_cv_f1"]},
    "quotes": {"files": ["eval/quotes/polnear_dev.jsonl"],
               "figures": ["f1", "exact.f1", "speaker_accuracy", "cue_accuracy"]},
    "events": {"files": ["eval/events/plv_train.jsonl", "eval/events/petr2_gsr_validation.jsonl"],
               "figures": ["f1", "plv_macro_f1_cv", "plv_end_to_end.f1", "plv_end_to_end_view.f1", "plv_macro_f1_cv_encoder",
                           "general_news_dev.precision", "general_news_dev.recall"],
               "optional": ["plv_macro_f1_cv_encoder"]},  # only where the encoder is installed (the Makefile installs it)
    "dates": {"files": ["eval/dates/meantime_en.jsonl"], "figures": ["f1", "value_f1"]},
    "quantities": {"files": ["eval/quantities/newsquant.jsonl"], "figures": ["f1", "value_unit.f1"]},
    # the actors gold ships inside the package: this floor holds everywhere, shared/ or not
    "actors": {"files": [], "figures": ["f1", "parts.fresh.b3.f1", "parts.fresh2.b3.f1", "sections.cross_article.f1",
                                        "parts.fresh3.b3.f1", "parts.orgs.org+country mentions.f1",
                                        "parts.orgs2.org+country mentions.f1"]},
}


def figure(result: dict[str, Any], path: str) -> float:
    """The number at a dotted path in an eval result."""
    value: Any = result
    for part in path.split("."):
        value = value[part]
    return float(value)


def gold_hashes(shared: Path, task: str) -> dict[str, str]:
    """sha256 of each gold file of a task (so a changed gold set is noticed, not silently scored)."""
    return {
        name: hashlib.sha256((shared / name).read_bytes()).hexdigest()
        for name in GATED[task]["files"]
        if (shared / name).exists()
    }


def check(result: dict[str, Any], pinned: dict[str, Any]) -> list[str]:
    """Figures below their floor, as readable lines (empty when all hold)."""
    return [
        f"{path}: {figure(result, path):.4f} < floor {floor:.4f}"
        for path, floor in pinned["floors"].items()
        if _present(result, path, result.get("task", "")) and figure(result, path) < floor - TOLERANCE
    ]


def _present(result: dict[str, Any], path: str, task: str) -> bool:
    """False only for an optional figure of ``task`` the result lacks (its part is not installed here)."""
    try:
        figure(result, path)
    except KeyError:
        if path in GATED.get(task, {}).get("optional", ()):
            return False
        raise
    return True


def pin(result: dict[str, Any], task: str, old: dict[str, Any] | None, allow_regression: bool) -> dict[str, Any]:
    """New floors from a result; raises ValueError if one would fall without permission."""
    floors = {path: round(figure(result, path), 4) for path in GATED[task]["figures"] if _present(result, path, task)}
    for path in GATED[task].get("optional", ()):  # not measurable here: its floor stays as pinned
        if path not in floors and old and path in old["floors"]:
            floors[path] = old["floors"][path]
    if old and not allow_regression:
        lower = [p for p, v in floors.items() if v < old["floors"].get(p, 0.0) - TOLERANCE]
        if lower:
            raise ValueError(f"{task}: would lower {lower}; pass --allow-regression to accept")
    return {"floors": floors}


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
