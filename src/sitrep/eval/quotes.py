"""Score quotations against PolNeAR (``eval/quotes/polnear_<split>.jsonl``).

As ``shared/eval/README.md`` describes: per article, system attributions are matched to
gold ones by content. Exact = same set of content spans after trimming whitespace and edge
punctuation; lenient = token-overlap F1 >= 0.5, one-to-one greedy by overlap. On lenient
matches: speaker accuracy (predicted speaker mention overlaps the gold source; a gold
without source expects none), split by pronoun sources, and cue accuracy. Everything is
also reported separately for quote-marked and unmarked gold contents.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from ..schema import Quote
from ..settings import Settings
from .common import find_file, read_jsonl, run_on_bodies
from .metrics import prf

TOKEN = re.compile(r"\w+")
QUOTE_MARKS = ('"', "“", "”")
EDGE = " \t\n\r\"'“”‘’.,;:!?—–-()[]"
LENIENT_MIN = 0.5
ROLES = ("source", "cue", "content")


def _trimmed(text: str, spans: list[list[int]]) -> frozenset[tuple[int, int]]:
    out = set()
    for start, end in spans:
        end = min(end, len(text))  # a gold span may run past its record's text (PolNeAR train has some)
        while start < end and text[start] in EDGE:
            start += 1
        while end > start and text[end - 1] in EDGE:
            end -= 1
        if end > start:
            out.add((start, end))
    return frozenset(out)


def _tokens(text: str, spans: list[list[int]]) -> Counter[str]:
    return Counter(t.lower() for s, e in spans for t in TOKEN.findall(text[s:e]))


def _overlap_f1(a: Counter[str], b: Counter[str]) -> float:
    common = sum((a & b).values())
    if not common:
        return 0.0
    p, r = common / sum(a.values()), common / sum(b.values())
    return 2 * p * r / (p + r)


def _overlaps(a: list[int] | None, b: dict[str, Any] | None) -> bool:
    return a is not None and b is not None and a[0] < b["end"] and b["start"] < a[1]


def _match(text: str, gold: list[dict[str, Any]], preds: list[Quote]) -> list[tuple[int, int]]:
    """One-to-one greedy matching by content token overlap (>= LENIENT_MIN)."""
    gtoks = [_tokens(text, [[c["start"], c["end"]] for c in g["content"]]) for g in gold]
    ptoks = [_tokens(text, p.spans) for p in preds]
    scored = sorted(
        ((_overlap_f1(gt, pt), gi, pi) for gi, gt in enumerate(gtoks) for pi, pt in enumerate(ptoks)),
        reverse=True,
    )
    used_g, used_p, pairs = set(), set(), []
    for score, gi, pi in scored:
        if score < LENIENT_MIN:
            break
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _is_marked(text: str, g: dict[str, Any]) -> bool:
    """The README's test, applied alike to gold and predicted contents (with their marks:
    a predicted direct quote's spans exclude them, so one character around each is read)."""
    return any(m in text[c["start"]:c["end"]] for c in g["content"] for m in QUOTE_MARKS)


def evaluate(data: Path, settings: Settings, split: str = "dev") -> dict[str, Any]:
    records = read_jsonl(find_file(data, f"polnear_{split}.jsonl", "quotes"), "quotes")
    items = [(r["id"], r["text"], r.get("publication_date")) for r in records]
    done = {art.id: art.quotes for art in run_on_bodies(items, settings)}  # a record that failed has no quotes:
    return score_quotes([(rec, done.get(rec["id"], [])) for rec in records], split)  # pair by id, never by position


def score_quotes(pairs: list[tuple[dict[str, Any], list[Quote]]], split: str) -> dict[str, Any]:
    """The summary over (gold record, predicted quotes) pairs: for training scripts that run
    the quotes stage themselves on parsed held-out articles."""
    c: Counter[str] = Counter()
    for rec, preds in pairs:
        _score_article(rec, preds, c)
    return summarise(c, split, len(pairs))


def summarise(c: Counter[str], split: str, articles: int) -> dict[str, Any]:
    """The report from the counts ``_score_article`` accumulated."""
    result = prf(c["lenient_tp"], c["pred"], c["lenient_tp"], c["gold"])
    result.update(
        task="quotes", split=split, articles=articles,
        exact=prf(c["exact_tp"], c["pred"], c["exact_tp"], c["gold"]),
        marked=prf(c["m_tp"], c["m_pred"], c["m_tp"], c["m_gold"]),
        unmarked=prf(c["u_tp"], c["pred"] - c["m_pred"], c["u_tp"], c["gold"] - c["m_gold"]),
        speaker_accuracy=_ratio(c["spk_ok"], c["lenient_tp"]),
        speaker_accuracy_pronoun=_ratio(c["spk_ok_pron"], c["pron"]),
        speaker_accuracy_named=_ratio(c["spk_ok"] - c["spk_ok_pron"], c["lenient_tp"] - c["pron"]),
        cue_accuracy=_ratio(c["cue_ok"], c["lenient_tp"]),
        counts={k: c[k] for k in ("gold", "pred", "lenient_tp", "exact_tp", "m_gold", "m_pred", "pron")},
    )
    for role in ROLES:
        result[f"token_{role}"] = prf(c[f"tok_{role}_tp"], c[f"tok_{role}_pred"], c[f"tok_{role}_tp"], c[f"tok_{role}_gold"])
    return result


def _token_roles(text: str, spans: dict[str, list[list[int]]]) -> dict[int, str]:
    """Start offset of each \\w+ token -> the role whose span covers it."""
    out: dict[int, str] = {}
    for role, pieces in spans.items():
        for s, e in pieces:
            for m in TOKEN.finditer(text, s, e):
                out[m.start()] = role
    return out


def _score_tokens(text: str, gold: list[dict[str, Any]], preds: list[Quote], c: Counter[str]) -> None:
    """Token-level source/cue/content labels (PolNeAR labels never overlap)."""
    g_spans: dict[str, list[list[int]]] = {r: [] for r in ROLES}
    p_spans: dict[str, list[list[int]]] = {r: [] for r in ROLES}
    for g in gold:
        g_spans["content"] += [[x["start"], x["end"]] for x in g["content"]]
        for role in ("source", "cue"):
            if g.get(role):
                g_spans[role].append([g[role]["start"], g[role]["end"]])
    for p in preds:
        p_spans["content"] += p.spans
        p_spans["source"] += [p.speaker_span] if p.speaker_span else []
        p_spans["cue"] += [p.cue_span] if p.cue_span else []
    gt, pt = _token_roles(text, g_spans), _token_roles(text, p_spans)
    for role in ROLES:
        c[f"tok_{role}_gold"] += sum(1 for r in gt.values() if r == role)
        c[f"tok_{role}_pred"] += sum(1 for r in pt.values() if r == role)
        c[f"tok_{role}_tp"] += sum(1 for i, r in pt.items() if r == role and gt.get(i) == role)


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _score_article(rec: dict[str, Any], preds: list[Quote], c: Counter[str]) -> None:
    text, gold = rec["text"], [g for g in rec["attributions"] if g["content"]]
    c["gold"] += len(gold)
    c["pred"] += len(preds)
    marked = [_is_marked(text, g) for g in gold]
    c["m_gold"] += sum(marked)
    c["m_pred"] += sum(_is_marked(text, {"content": [{"start": max(s - 1, 0), "end": e + 1} for s, e in p.spans]}) for p in preds)
    gold_exact = Counter(_trimmed(text, [[x["start"], x["end"]] for x in g["content"]]) for g in gold)
    pred_exact = Counter(_trimmed(text, p.spans) for p in preds)
    c["exact_tp"] += sum((gold_exact & pred_exact).values())
    _score_tokens(text, gold, preds, c)
    for gi, pi in _match(text, gold, preds):
        g, p = gold[gi], preds[pi]
        c["lenient_tp"] += 1
        c["m_tp" if marked[gi] else "u_tp"] += 1
        ok = _overlaps(p.speaker_span, g["source"]) if g["source"] else p.speaker_span is None
        c["spk_ok"] += ok
        if g.get("source_is_pronoun"):
            c["pron"] += 1
            c["spk_ok_pron"] += ok
        c["cue_ok"] += _overlaps(p.cue_span, g["cue"])
