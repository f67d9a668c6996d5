"""Score quantity extraction against NewsQuant (``eval/quantities/newsquant.jsonl``).

The CQE evaluation (``evaluate_models.py``), as ``shared/eval/README.md`` describes: per
sentence, each gold quantity greedily takes the first unused prediction whose value is
numerically equal (``isclose`` with rtol 1e-5; ranges must match both ends). Counted:
**value** matches, **value+unit** (same lower-cased normalised unit), **value+change** (same
change symbol). P = matches / predictions, R = matches / gold quantities.

NewsQuant is split in two stable halves by the parity of sha256(record id) (``split_of``): rules
are tuned while reading errors of the ``dev`` half only; ``test`` is reported beside it. Earlier
rounds read errors on all of NewsQuant, so neither half is truly unseen (``tuned_on`` says so).
The events stage's own reader (``find_quantities``: troop-like counts, then this reader's other
quantities) is scored on the same gold by value, with and without the sentence parse.

Held-out figures (never used for tuning; measured once before and once after a round of work):
the ``recognizers_*.jsonl`` files (value and value+unit per file) and span P/R/F1 (strict and
relaxed, as for timexes) on ``meantime_values_en.jsonl``. Each is scored when its file is found.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import SitrepError
from ..events.quantities import Measure, extract_quantities, find_quantities
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


def split_of(record_id: str) -> str:
    """``dev`` or ``test``: a stable half of NewsQuant by the parity of the sha256 of the record id."""
    return "dev" if hashlib.sha256(record_id.encode("utf-8")).digest()[-1] % 2 == 0 else "test"


def _figures(c: Counter[str]) -> dict[str, Any]:
    return {"value": prf(c["value"], c["pred"], c["value"], c["gold"]),
            "value_unit": prf(c["unit"], c["pred"], c["unit"], c["gold"]),
            "value_change": prf(c["change"], c["pred"], c["change"], c["gold"])}


def _pipeline_measures(text: str, parse: Any = None) -> list[Measure]:
    """What the events stage reads from a sentence (``find_quantities``), as measures (value only)."""
    out = []
    for q in find_quantities(text, 0, parse):
        low = q.value if q.value is not None else q.low
        high = None if q.value is not None else q.high
        if low is not None:
            out.append(Measure(low, high, "-", "=", 0, 0, q.text))
    return out


def _sections(splits: dict[str, Counter[str]], data: Path) -> dict[str, Any]:
    """Rows for the printed table: dev / test NewsQuant figures, the pipeline path, the held-out sets."""
    rows: dict[str, Any] = {}
    for name in ("dev", "test"):
        rows.update({f"{name} {k}": v for k, v in _figures(splits[name]).items()})
    for key, name in (("pipe", "events stage reader value (all)"), ("pipe_noparse", "same, no parse (all)")):
        rows[name] = prf(splits[key]["value"], splits[key]["pred"], splits[key]["value"], splits[key]["gold"])
    for kind, figs in recognizers(data).items():
        rows.update({f"held-out {kind} {k}": v for k, v in figs.items()})
    spans = meantime_spans(data)
    if spans:
        rows.update({f"held-out meantime span {k}": spans[k] for k in ("strict", "relaxed")})
    return rows


TUNED_ON = ("newsquant.jsonl: rounds 1-4 read errors on all 590 sentences (unit names and cue words taken from them), "
            "so 'all' and 'test' are not held out; from round 5 on only the dev half (sha256(id) parity) is read. "
            "Held out, never read for tuning: recognizers_*.jsonl, meantime_values_en.jsonl. Round 6 also ran the "
            "reader over the unlabelled texts of PolNeAR dev and PLV train to spot general misreadings (no labels read). "
            "Round 7 likewise read only dev-half errors and unlabelled text; its unit names (temperature, length, area, "
            "money, ages) were written from how units are commonly written, not from held-out files, whose scores "
            "were printed (never their records) after each step. Round 8 read dev-half errors only (test half scored "
            "at its start and end) plus the reader's output, without labels, over PolNeAR and PLV texts and the cleaning "
            "gold bodies")


def evaluate(data: Path, settings: Settings) -> dict[str, Any]:
    """Value / value+unit / value+change P/R/F1 of ``extract_quantities`` on NewsQuant (all, and the
    dev / test halves), the events stage's own reader (``find_quantities``) on the same gold, and the
    held-out recognizers and MEANTIME span figures when their files are present."""
    records = read_jsonl(find_file(data, "newsquant.jsonl", "quantities"), "quantities")
    splits: dict[str, Counter[str]] = {k: Counter() for k in ("all", "dev", "test", "pipe", "pipe_noparse")}
    nlp = load_model(resolve_model_name(settings))
    for rec, doc in zip(records, nlp.pipe(r["text"] for r in records)):
        preds = extract_quantities(rec["text"], doc)
        score_sentence(rec["quantities"], preds, splits["all"])
        score_sentence(rec["quantities"], preds, splits[split_of(rec["id"])])
        score_sentence(rec["quantities"], _pipeline_measures(rec["text"], doc), splits["pipe"])
        score_sentence(rec["quantities"], _pipeline_measures(rec["text"]), splits["pipe_noparse"])
    c = splits["all"]
    result = prf(c["value"], c["pred"], c["value"], c["gold"])
    result.update(
        task="quantities", sentences=len(records), tuned_on=TUNED_ON, **_figures(c),
        dev=_figures(splits["dev"]), test=_figures(splits["test"]),
        sections=_sections(splits, data),
        heldout={"recognizers": recognizers(data), "meantime_values": meantime_spans(data),
                 "note": "never used for tuning: measured once before and once after a round of work"},
    )
    return result
