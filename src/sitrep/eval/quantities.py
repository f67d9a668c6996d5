"""Score quantity extraction against NewsQuant (``eval/quantities/newsquant.jsonl``).

The CQE evaluation (``evaluate_models.py``), as ``shared/eval/README.md`` describes: per
sentence, each gold quantity greedily takes the first unused prediction whose value is
numerically equal (``isclose`` with rtol 1e-5; ranges must match both ends). Counted:
**value** matches, **value+unit** (same lower-cased normalised unit), **value+change** (same
change symbol). P = matches / predictions, R = matches / gold quantities.

Held-out figures (never used for tuning; measured once before and once after a round of work):
the ``recognizers_*.jsonl`` files (value and value+unit per file) and span P/R/F1 (strict and
relaxed, as for timexes) on ``meantime_values_en.jsonl``. Each is scored when its file is found.
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path
from typing import Any

from ..events.quantities import Measure, extract_quantities
from ..errors import SitrepError
from ..nlp import load_model, resolve_model_name
from ..settings import Settings
from .common import find_file, read_jsonl
from .dates import match_relaxed
from .metrics import prf

RTOL = 1e-5  # numpy.isclose default relative tolerance, as CQE uses
ATOL = 1e-8  # numpy.isclose default absolute tolerance


def _close(a: float, b: float) -> bool:
    return math.isfinite(a) and math.isfinite(b) and abs(a - b) <= ATOL + RTOL * abs(b)


def same_value(gold: Any, pred: Measure) -> bool:
    """True when the predicted value equals the gold one (both ends for ranges)."""
    if isinstance(gold, list):
        return pred.high is not None and _close(pred.value, gold[0]) and _close(pred.high, gold[1])
    return pred.high is None and _close(pred.value, float(gold))


def score_sentence(gold: list[dict[str, Any]], preds: list[Measure], c: Counter[str]) -> None:
    """Add one sentence's greedy matches to the counters ``c``."""
    c["gold"] += len(gold)
    c["pred"] += len(preds)
    used: set[int] = set()
    for g in gold:
        hit = next((i for i, p in enumerate(preds) if i not in used and same_value(g["value"], p)), None)
        if hit is None:
            continue
        used.add(hit)
        p = preds[hit]
        c["value"] += 1
        c["unit"] += p.unit.lower() == str(g["normalized_unit"]).lower()
        c["change"] += p.change == g["change"]


RECOGNIZERS = ("age", "currency", "dimension", "temperature")  # held-out recognizers_<name>.jsonl files


def _optional(data: Path, name: str) -> Path | None:
    try:
        return find_file(data, name, "quantities")
    except SitrepError:
        return None


def recognizers(data: Path) -> dict[str, Any]:
    """Held out: value and value+unit P/R/F1 per ``recognizers_<kind>.jsonl`` found under ``data``."""
    out: dict[str, Any] = {}
    for kind in RECOGNIZERS:
        path = _optional(data, f"recognizers_{kind}.jsonl")
        if path is None:
            continue
        c: Counter[str] = Counter()
        for rec in read_jsonl(path, "quantities"):
            gold = [dict(g, change=g.get("change", "=")) for g in rec["quantities"]]
            score_sentence(gold, extract_quantities(rec["text"]), c)
        out[kind] = {"value": prf(c["value"], c["pred"], c["value"], c["gold"]),
                     "value_unit": prf(c["unit"], c["pred"], c["unit"], c["gold"])}
    return out


def meantime_spans(data: Path) -> dict[str, Any] | None:
    """Held out: strict / relaxed span P/R/F1 on ``meantime_values_en.jsonl`` (quantities in ``text``)."""
    path = _optional(data, "meantime_values_en.jsonl")
    if path is None:
        return None
    c: Counter[str] = Counter()
    for rec in read_jsonl(path, "quantities"):
        gold, preds = rec["quantities"], extract_quantities(rec["text"])
        c["gold"] += len(gold)
        c["pred"] += len(preds)
        c["strict"] += len({(g["start"], g["end"]) for g in gold} & {(p.start, p.end) for p in preds})
        c["relaxed"] += len(match_relaxed(gold, preds))
    return {"docs": "meantime_values_en.jsonl", "strict": prf(c["strict"], c["pred"], c["strict"], c["gold"]),
            "relaxed": prf(c["relaxed"], c["pred"], c["relaxed"], c["gold"])}


def evaluate(data: Path, settings: Settings) -> dict[str, Any]:
    """Value / value+unit / value+change P/R/F1 of ``extract_quantities`` on NewsQuant, plus the
    held-out recognizers and MEANTIME span figures when their files are present."""
    records = read_jsonl(find_file(data, "newsquant.jsonl", "quantities"), "quantities")
    c: Counter[str] = Counter()
    nlp = load_model(resolve_model_name(settings))
    for rec, doc in zip(records, nlp.pipe(r["text"] for r in records)):
        score_sentence(rec["quantities"], extract_quantities(rec["text"], doc), c)
    result = prf(c["value"], c["pred"], c["value"], c["gold"])
    result.update(
        task="quantities", sentences=len(records), tuned_on="newsquant.jsonl (unit names and cue words read from it: not held out)",
        value=prf(c["value"], c["pred"], c["value"], c["gold"]),
        value_unit=prf(c["unit"], c["pred"], c["unit"], c["gold"]),
        value_change=prf(c["change"], c["pred"], c["change"], c["gold"]),
        heldout={"recognizers": recognizers(data), "meantime_values": meantime_spans(data),
                 "note": "never used for tuning: measured once before and once after a round of work"},
    )
    return result
