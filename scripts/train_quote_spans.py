"""Train the quotes stage's span tagger (a CRF, ``quotes/spans.py``) on PolNeAR train.

    .venv/bin/python scripts/train_quote_spans.py --data /work/shared/eval [--cache /tmp/polnear_train.spacy] [--write]

Steps: 1. parse train once (cached as a DocBin, shared with ``train_quotes.py``); 2. the lemmas
that head PolNeAR cues often enough (``cue_lemmas``), and in every sentence holding one of them
or a rule-list reporting word, the CRF features (``spans.features``) and PolNeAR's cue / source /
content roles as BIO tags; 3. a CRF per setting on 4/5 of the articles; 4. the whole stage
(where the tagger reads only free sentences) scored on the held-out fifth (every 5th article;
never dev) for each setting and cue threshold, against the stage without the tagger; 5. with
``--write``, the best setting refit on all of train and written to
``data/quotes/quote_spans.crfsuite`` with ``quote_spans.json`` (threshold, cue lemmas, holdout
figures). Needs python-crfsuite (the stage too; without it the stage skips the tagger).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pycrfsuite
from spacy.tokens import Doc

from sitrep import actors, quotes
from sitrep.eval import quotes as qe
from sitrep.nlp import cached_docs
from sitrep.pipeline import Context
from sitrep.quotes import marks, spans
from sitrep.quotes.cues import Layout
from sitrep.schema import Article
from sitrep.settings import Settings

HOLDOUT_EVERY = 5  # every 5th train article is held out to choose the setting
# (c1, c2) of L-BFGS training: L1 keeps the model small, L2 smooths.
SETTINGS = [(1.0, 0.01), (2.0, 0.01)]  # holdout F1: c1 0.5 -> 0.8028, 1.0 -> 0.8043, 2.0 -> 0.8022
THRESHOLDS = [0.0, 0.5, 0.6, 0.7, 0.8]  # least mean marginal probability of a tagged cue
MIN_CUE_COUNT = 3  # a lemma heads at least this many train cues to count as a reporting word
MIN_CUE_SHARE = 0.1  # ... in at least this share of its uses outside quotation marks
MAX_ITERATIONS = 150
OUT = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "data" / "quotes"


def _cue_lemmas(records: list[dict[str, Any]], docs: list[Doc], keep: list[int]) -> frozenset[str]:
    """Lemmas heading PolNeAR cues at least ``MIN_CUE_COUNT`` times and in at least
    ``MIN_CUE_SHARE`` of their uses outside quotation marks (the articles in ``keep``)."""
    heads: Counter[str] = Counter()
    uses: Counter[str] = Counter()
    for i in keep:
        rec, doc = records[i], docs[i]
        layout = Layout(doc, rec["text"], marks.find(rec["text"]))
        uses.update(t.lemma_.lower() for t in doc if not layout.inside(t.idx) and t.is_alpha)
        for g in rec["attributions"]:
            span = doc.char_span(g["cue"]["start"], g["cue"]["end"], alignment_mode="expand") if g.get("cue") else None
            if span is not None and len(span):
                heads[span.root.lemma_.lower()] += 1
    return frozenset(w for w, n in heads.items() if n >= MIN_CUE_COUNT and n >= MIN_CUE_SHARE * uses[w] and w.isalpha())


def _sequences(rec: dict[str, Any], doc: Doc, cues: frozenset[str]) -> list[tuple[list[list[str]], list[str]]]:
    """Features and gold BIO tags of an article's sentences that hold a reporting word (all
    of them, not only the free ones: four times the examples, holdout F1 +0.002)."""
    body = rec["text"]
    layout = Layout(doc, body, marks.find(body))
    roles = spans.gold_roles([g for g in rec["attributions"] if g["content"]])
    sheet = spans.Sheet(doc, layout)  # the doc's token arrays, read once for all its sentences
    return [(sheet.features(s.start, s.end, cues), spans.labels(s, roles))
            for s in doc.sents if len(s) > 2 and sheet.gated(s.start, s.end, cues)]


def _save(path: Path, seqs: list[Any], c1: float, c2: float, meta: dict[str, Any]) -> None:
    """Train a CRF into path and write its settings next to it (``spans.load`` reads both)."""
    _train(seqs, c1, c2, path)
    path.with_suffix(".json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _train(seqs: list[tuple[list[list[str]], list[str]]], c1: float, c2: float, path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in seqs:
        trainer.append(x, y)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": MAX_ITERATIONS,
                        "feature.possible_transitions": True})
    trainer.train(str(path))


def _stage(items: list[tuple[dict[str, Any], Article, Any]], model: spans.SpanTagger | None) -> dict[str, Any]:
    """The quotes stage on the holdout with this span tagger (None: without)."""
    spans.shipped = lambda: model  # type: ignore[assignment]  # this process only
    for _, art, ctx in items:
        quotes.run(art, ctx)
    out = qe.score_quotes([(rec, art.quotes) for rec, art, _ in items], "train-holdout")
    return {"f1": out["f1"], "p": out["precision"], "r": out["recall"], "exact": out["exact"]["f1"],
            "speaker": out["speaker_accuracy"], "cue": out["cue_accuracy"], "marked": out["marked"]["f1"],
            "unmarked": out["unmarked"]["f1"], "pred": out["counts"]["pred"], "tp": out["counts"]["lenient_tp"]}


def _holdout_items(records: list[dict[str, Any]], docs: list[Doc], nlp: Any, settings: Settings) -> list[Any]:
    items = []
    for i in range(0, len(records), HOLDOUT_EVERY):
        r = records[i]
        art = Article(id=r["id"], source=r["id"], body=r["text"], language="en", published=r.get("publication_date"))
        ctx = Context(settings=settings, nlp=nlp, doc=docs[i])
        actors.run(art, ctx)
        items.append((r, art, ctx))
    return items


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=Path("/work/shared/eval"))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/polnear_train.spacy"))
    ap.add_argument("--write", action="store_true", help="refit the best setting on all of train and write it")
    args = ap.parse_args()
    t0 = time.time()
    settings = Settings()
    records = [json.loads(line) for line in (args.data / "quotes" / "polnear_train.jsonl").open(encoding="utf-8")]
    nlp, docs = cached_docs([r["text"] for r in records], args.cache, settings)  # 1
    fit_idx = [i for i in range(len(records)) if i % HOLDOUT_EVERY]
    cues = _cue_lemmas(records, docs, fit_idx)
    fit = [s for i in fit_idx for s in _sequences(records[i], docs[i], cues)]  # 2
    tagged = sum(1 for _, y in fit for t in y if t != "O")
    print(f"cue lemmas {len(cues)}; sentences {len(fit)} (fit), tokens {sum(len(y) for _, y in fit)}, "
          f"tagged {tagged} ({time.time() - t0:.0f}s)")
    items = _holdout_items(records, docs, nlp, settings)
    base = _stage(items, None)
    print("holdout without", base)
    best: tuple[float, Any] = (base["f1"], None)
    tmp = Path(tempfile.mkdtemp())
    for c1, c2 in SETTINGS:  # 3, 4
        path = tmp / f"m_{c1}_{c2}.crfsuite"
        _save(path, fit, c1, c2, {"threshold": 0.0, "cue_lemmas": sorted(cues)})
        for th in THRESHOLDS:
            res = _stage(items, spans.load(path, th))
            print(f"c1 {c1} c2 {c2} threshold {th} size {path.stat().st_size // 1024} KB", res, f"({time.time() - t0:.0f}s)")
            best = max(best, (res["f1"], (c1, c2, th, res)), key=lambda b: b[0])
    print("best", best, "baseline", base)
    if args.write and best[1] is not None:  # 5
        c1, c2, th, res = best[1]
        every = list(range(len(records)))
        cues = _cue_lemmas(records, docs, every)
        seqs = [s for i in every for s in _sequences(records[i], docs[i], cues)]
        meta = {"threshold": th, "c1": c1, "c2": c2, "cue_lemmas": sorted(cues), "holdout": res, "holdout_without": base}
        _save(OUT / spans.MODEL_FILE, seqs, c1, c2, meta)
        print(f"wrote {OUT / spans.MODEL_FILE} ({(OUT / spans.MODEL_FILE).stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
