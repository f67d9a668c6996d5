"""Train the quotes stage's content-boundary corrector on PolNeAR train; write ``data/quotes/quote_bounds.npz``.

    .venv/bin/python scripts/train_quote_bounds.py --data /work/shared/eval [--cache /tmp/polnear_train.spacy]

Steps: 1. parse train once (cached as a DocBin) and run the actors and quotes stages without the
corrector; 2. for each predicted content that matches a gold one leniently, the candidate starts
and ends ``bounds.rows_of`` offers, labelled 1 where the gold content (trimmed as the
scorer trims) starts or ends; 3. ``FOLDS`` folds by article: two logistic regressions (start,
end) on the other folds, and the margins that maximise the mean gain in exact content F1 of the
whole stage on the held-out folds; 4. the final model on all of train with those margins.
scikit-learn is needed here only; the stage reads the weights with numpy.
"""

from __future__ import annotations

import argparse
import json
import pickle
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from sitrep import actors, quotes
from sitrep.eval import quotes as qe
from sitrep.nlp import cached_docs
from sitrep.pipeline import Context
from sitrep.quotes import bounds
from sitrep.schema import Article, Quote
from sitrep.settings import Settings

FOLDS = 3
C = 3.0  # inverse L2 strength (3 train folds: mean exact gain +0.0036 at 0.3, +0.0046 at 1, +0.0052 at 3, +0.0048 at 10)
MARGINS = [0.0, 0.5, 1.0, 2.0, 3.0, float("inf")]
OUT = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "data" / "quotes" / bounds.MODEL_FILE


def _run_stage(records: list[dict[str, Any]], docs: list[Any], nlp: Any) -> list[list[Quote]]:
    """The quotes stage's records per article, without the corrector."""
    settings = Settings()
    bounds.shipped = lambda: None  # type: ignore[assignment]  # this process only
    out = []
    for r, d in zip(records, docs):
        art = Article(id=r["id"], source=r["id"], raw=r["text"], body=r["text"], language="en",
                      published=r.get("publication_date"))
        ctx = Context(settings=settings, nlp=nlp, doc=d)
        actors.run(art, ctx)
        quotes.run(art, ctx)
        out.append(art.quotes)
    return out


def _trim_end(text: str, e: int) -> int:
    while e > 0 and text[e - 1] in qe.EDGE:
        e -= 1
    return e


def _trim_start(text: str, s: int) -> int:
    while s < len(text) and text[s] in qe.EDGE:
        s += 1
    return s


def _items(qs: list[Quote]) -> list[tuple[list[list[int]], int, Any, Any]]:
    return [([list(x) for x in q.spans], bounds.KINDS.get(q.kind, 0), tuple(q.cue_span) if q.cue_span else None,
             tuple(q.speaker_span) if q.speaker_span else None) for q in qs]


def _groups(rec: dict[str, Any], doc: Any, preds: list[Quote]) -> list[tuple[int, np.ndarray, np.ndarray]]:
    """(side, feature rows, labels) of each matched content's start and end candidates."""
    text = rec["text"]
    gold = [g for g in rec["attributions"] if g["content"]]
    preds = [q for q in preds if q.spans]
    da = bounds.DocArrays(doc, text)
    items = _items(preds)
    da.block([span for _, _, cue, spk in items for span in (cue, spk) if span is not None])  # as ``bounds.moves``
    rows, groups = bounds.rows_of(da, items)
    if not groups:
        return []
    feats = bounds.features(da, rows)
    match = {pi: gi for gi, pi in qe._match(text, gold, preds)}
    out = []
    for q, side, _cur, a, b in groups:
        if q not in match:
            continue
        gt = sorted(qe._trimmed(text, [[c["start"], c["end"]] for c in gold[match[q]]["content"]]))
        if not gt:
            continue
        idx = rows.idx[a:b]
        if side == 0:
            y = np.array([_trim_start(text, int(da.start[j])) == gt[0][0] for j in idx])
        else:
            y = np.array([_trim_end(text, int(da.end[j])) == gt[-1][1] for j in idx])
        if y.sum() != 1:
            continue  # the gold edge is out of reach: nothing to learn
        out.append((side, feats[a:b], y.astype(np.int8)))
    return out


def _fit(groups: list[tuple[int, np.ndarray, np.ndarray]], side: int) -> np.ndarray:
    x = np.concatenate([f for s, f, _ in groups if s == side])
    y = np.concatenate([lab for s, _, lab in groups if s == side])
    n, k = x.shape
    m = csr_matrix((np.ones(n * k, dtype=np.float32), x.ravel(), np.arange(0, n * k + 1, k)),
                   shape=(n, bounds.N_BUCKETS))
    m.sum_duplicates()
    clf = LogisticRegression(C=C, solver="liblinear", max_iter=300, fit_intercept=False)
    clf.fit(m, y)
    return clf.coef_[0].astype(np.float32)


def _proposals(text_doc: list[tuple[str, Any]], preds: list[list[Quote]], w: np.ndarray) -> list[dict[int, list[Any]]]:
    """Per article, per quote: the (side, new offset, gain) moves the model proposes."""
    out = []
    for (text, doc), qs in zip(text_doc, preds):
        per: dict[int, list[Any]] = {}
        for q, side, edge, gain in bounds.moves(bounds.DocArrays(doc, text), _items(qs), w):
            per.setdefault(q, []).append((side, edge, gain))
        out.append(per)
    return out


def _apply(preds: list[list[Quote]], props: list[dict[int, list[Any]]], ms: float, me: float) -> list[list[Quote]]:
    """The quotes with the moves that reach the margins (as ``bounds.correct``)."""
    out = []
    for qs, per in zip(preds, props):
        new = []
        for i, q in enumerate(qs):
            spans = bounds.apply(q.spans, per[i], (ms, me)) if i in per else None
            new.append(Quote(id=q.id, text="", kind=q.kind, spans=spans or q.spans, speaker_span=q.speaker_span,
                             cue_span=q.cue_span))
        out.append(new)
    return out


def _exact_f1(golds: list[Any], text: list[str], preds: list[list[Quote]]) -> float:
    """Exact content F1 alone (the scorer's own count), fast enough to try every margin pair."""
    tp = n_pred = n_gold = 0
    for g, t, qs in zip(golds, text, preds):
        p = Counter(qe._trimmed(t, q.spans) for q in qs)
        tp += sum((g & p).values())
        n_pred += len(qs)
        n_gold += sum(g.values())
    return round(2 * tp / (n_pred + n_gold), 4) if n_pred + n_gold else 0.0


def _gold_exact(rec: dict[str, Any]) -> Counter:
    return Counter(qe._trimmed(rec["text"], [[c["start"], c["end"]] for c in g["content"]])
                   for g in rec["attributions"] if g["content"])


def _score(recs: list[dict[str, Any]], preds: list[list[Quote]]) -> dict[str, float]:
    res = qe.score_quotes(list(zip(recs, preds)), "train-holdout")
    return {"lenient": res["f1"], "exact": res["exact"]["f1"], "speaker": res["speaker_accuracy"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=Path("/work/shared/eval"))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/polnear_train.spacy"))
    ap.add_argument("--preds", type=Path, default=None, help="pickle of the stage's quotes per article (reused)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--folds", type=int, default=FOLDS)
    ap.add_argument("--c", type=float, default=C, help="inverse L2 strength")  # sets the module C
    args = ap.parse_args()
    globals()["C"] = args.c
    t0 = time.time()
    path = args.data / "quotes" / "polnear_train.jsonl"
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    nlp, docs = cached_docs([r["text"] for r in records], args.cache, Settings())  # 1
    if args.preds is not None and args.preds.is_file():
        preds = pickle.loads(args.preds.read_bytes())
    else:
        preds = _run_stage(records, docs, nlp)
        if args.preds is not None:
            args.preds.write_bytes(pickle.dumps(preds))
    print(f"stage run ({time.time() - t0:.0f}s)", flush=True)
    groups = [_groups(r, d, p) for r, d, p in zip(records, docs, preds)]  # 2
    print(f"groups {sum(len(g) for g in groups)} ({time.time() - t0:.0f}s)", flush=True)
    text_doc = [(r["text"], d) for r, d in zip(records, docs)]
    totals: dict[tuple[float, float], list[float]] = {}
    base_all, folds_out = [], []
    for f in range(args.folds):  # 3
        fit = [g for i, gs in enumerate(groups) if i % args.folds != f for g in gs]
        held = [i for i in range(len(records)) if i % args.folds == f]
        w = _fit(fit, 0) + _fit(fit, 1)  # start and end features hash apart
        recs = [records[i] for i in held]
        base = _score(recs, [preds[i] for i in held])
        base_all.append(base)
        res_f = {}
        hp = [preds[i] for i in held]
        props = _proposals([text_doc[i] for i in held], hp, w)
        golds, texts = [_gold_exact(r) for r in recs], [r["text"] for r in recs]
        for ms in MARGINS:
            for me in MARGINS:
                res_f[(ms, me)] = {"exact": _exact_f1(golds, texts, _apply(hp, props, ms, me))}
                totals.setdefault((ms, me), []).append(res_f[(ms, me)]["exact"] - base["exact"])
        res_f["props"] = props  # type: ignore[index]
        folds_out.append((base, res_f))
        best = max((k for k in res_f if k != "props"), key=lambda k: res_f[k]["exact"])
        print(f"fold {f}: base {base} best margins {best} {res_f[best]} ({time.time() - t0:.0f}s)", flush=True)
    mean = {k: float(np.mean(v)) for k, v in totals.items()}
    chosen = max(mean, key=lambda k: (mean[k], k))
    print(f"chosen margins {chosen}: mean exact gain {mean[chosen]:+.4f}")
    for f, (base, res_f) in enumerate(folds_out):
        held = [i for i in range(len(records)) if i % args.folds == f]
        after = _score([records[i] for i in held], _apply([preds[i] for i in held], res_f["props"], *chosen))
        print(f"fold {f}: before {base} after {after}", flush=True)
    every = [g for gs in groups for g in gs]  # 4
    bounds.save(bounds.BoundsModel(_fit(every, 0) + _fit(every, 1), *chosen), args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB, {time.time() - t0:.0f}s)")


if __name__ == "__main__":
    main()
