"""Train the flattened-text line model and write ``src/sitrep/data/clean/line_model.json``.

Usage::

    .venv/bin/python scripts/train_cleaner.py --data /path/to/eval/cleaning/flattened.jsonl --cv 5

Steps: 1. read the pages (``flattened_text`` + ``gold_body``); 2. split each page into
lines exactly as the clean stage does and label every line body / not-body by aligning it
with the gold body's 4-token shingles; 3. k-fold cross-validation grouped by site (no site
is in both the training and the test folds), scored with the benchmark's own metric on the
held-out pages; the second pass (``linestack.py``) learns from first-pass probabilities that
are themselves out-of-fold, and inside CV those come from inner folds that never saw the
test sites (nested); 4. train on all pages and write the model, with the CV figure in its
``cv`` field. Takes about 5-10 minutes on 2 cores (k + k(k-1)/2 + k + 2 fits). Needs scikit-learn (training only: the run-time model is plain arrays read with numpy).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from sitrep.clean.dedup import drop_repeats
from sitrep.clean.flattened import _gather, rule_labels, split_lines
from sitrep.clean.linefeatures import feature_names, page_matrix
from sitrep.clean.linemodel import LineModel, apply_model, boosted_from_dict, from_dict
from sitrep.clean.linestack import stack_matrix, stack_names
from sitrep.eval.cleaning import aggregate, page_score

TOKEN = re.compile(r"\w+")
SHINGLE = 4
MATCH_SHARE = 0.5  # a long line is body when this share of its shingles is in the gold body
OUT = Path(__file__).resolve().parent.parent / "src" / "sitrep" / "data" / "clean" / "line_model.json"

# Training settings, chosen by the site-grouped CV (rerun this script to check).
TREES = 400
SECOND_TREES = 200  # the second pass reads few, strong features
SECOND_MIN_LEAF = 100  # a coarser second pass (40: CV F1 0.9211, 100: 0.9239, 200: 0.9208, 400: 0.9192)
LEAVES = 7
MIN_LEAF = 40
LEARNING_RATE = 0.1
L2 = 1.0
SEED = 0
THRESHOLD = 0.4  # P(body) above which a line is body (0.3-0.5 gave CV F1 within 0.005)
PROTECTED = ("title", "dup")  # rule labels the model leaves alone


@dataclass
class Page:
    """One training page: its lines, rule labels, features, line targets and gold body."""

    site: str
    lines: list[str]
    labels: list[str]
    x: np.ndarray
    y: np.ndarray
    w: np.ndarray
    gold: str


def align(lines: list[str], gold: str) -> np.ndarray:
    """1 for each line found in the gold body (by shingles, or in context for short lines)."""
    gold_toks = TOKEN.findall(gold)
    remaining = Counter(tuple(gold_toks[i:i + SHINGLE]) for i in range(len(gold_toks) - SHINGLE + 1))
    gold_str = " " + " ".join(gold_toks) + " "
    toks = [TOKEN.findall(ln) for ln in lines]
    y = np.zeros(len(lines))
    for i, t in enumerate(toks):
        if len(t) >= SHINGLE:
            sh = [tuple(t[j:j + SHINGLE]) for j in range(len(t) - SHINGLE + 1)]
            hits = 0
            for s in sh:
                if remaining[s] > 0:
                    remaining[s] -= 1
                    hits += 1
            y[i] = hits / len(sh) >= MATCH_SHARE
        elif t:
            before = (toks[i - 1][-3:] if i else []) + t
            after = t + (toks[i + 1][:3] if i + 1 < len(toks) else [])
            y[i] = any(len(seq) > len(t) and f" {' '.join(seq)} " in gold_str for seq in (before, after))
    return y


def load_pages(path: Path) -> list[Page]:
    """Every page of the flattened cleaning set, featurised and labelled."""
    pages = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(raw)
        lines = split_lines(rec["flattened_text"])
        if not lines:
            continue
        labels = rule_labels(lines)
        n_toks = np.array([len(TOKEN.findall(ln)) for ln in lines], dtype=float)
        pages.append(Page(urlparse(rec["url"]).netloc.removeprefix("www."), lines, labels,
                          page_matrix(lines, labels), align(lines, rec["gold_body"]),
                          np.sqrt(n_toks + 1.0), rec["gold_body"]))
    return pages


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, n_trees: int, min_leaf: int = MIN_LEAF) -> dict:
    """Fit boosted trees (scikit-learn, training only) and export them as plain arrays."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    clf = HistGradientBoostingClassifier(
        max_iter=n_trees, learning_rate=LEARNING_RATE, max_leaf_nodes=LEAVES, min_samples_leaf=min_leaf,
        l2_regularization=L2, random_state=SEED,
    ).fit(x, y, sample_weight=w)
    trees = []
    for (pred,) in clf._predictors:  # one tree per boosting round (binary task)
        nodes = pred.nodes
        trees.append({
            "feature": nodes["feature_idx"].tolist(), "threshold": [round(float(t), 6) for t in nodes["num_threshold"]],
            "left": [int(l) if not leaf else -1 for l, leaf in zip(nodes["left"], nodes["is_leaf"])],
            "right": [int(r) if not leaf else -1 for r, leaf in zip(nodes["right"], nodes["is_leaf"])],
            "value": [round(float(v), 6) for v in nodes["value"]], "depth": int(nodes["depth"].max()),
        })
    return {"baseline": float(np.ravel(clf._baseline_prediction)[0]), "trees": trees}


def train_first(pages: list[Page]) -> dict:
    """The first pass, on the line features alone."""
    return fit(np.concatenate([p.x for p in pages]), np.concatenate([p.y for p in pages]),
               np.concatenate([p.w for p in pages]), TREES)


def train_second(pages: list[Page], first_probs: list[np.ndarray]) -> dict:
    """The second pass, on the first pass's out-of-fold probabilities along each page."""
    x = np.concatenate([stack_matrix(p.lines, p.x, q) for p, q in zip(pages, first_probs)])
    data = fit(x, np.concatenate([p.y for p in pages]), np.concatenate([p.w for p in pages]), SECOND_TREES,
               SECOND_MIN_LEAF)
    data["features"] = stack_names(feature_names())
    return data


def assemble(first: dict, second: dict | None) -> dict:
    """The model file's content from the two passes."""
    return {"features": feature_names(), **first, "second": second, "threshold": THRESHOLD,
            "protected": list(PROTECTED)}


def out_of_fold(pages: list[Page], k: int) -> tuple[list[np.ndarray], dict[int, dict]]:
    """First-pass P(body) of every page from a model that never saw its site, and the k models."""
    probs: list[np.ndarray] = [np.zeros(0)] * len(pages)
    models = {}
    for fold in sorted({fold_of(p.site, k) for p in pages}):
        models[fold] = train_first([p for p in pages if fold_of(p.site, k) != fold])
        first = boosted_from_dict(models[fold])
        for i, p in enumerate(pages):
            if fold_of(p.site, k) == fold:
                probs[i] = first.probability(p.x)
    return probs, models


def predict_body(model: LineModel | None, page: Page) -> str:
    """The body the clean stage would give for this page with ``model`` (None = rules only),
    text printed twice dropped as the stage drops it."""
    labels = apply_model(model, page.lines, page.labels) if model is not None else page.labels
    labelled = _gather(page.lines, labels)
    return "\n\n".join(drop_repeats(labelled.body, labelled.captions)[0])


def fold_of(site: str, k: int) -> int:
    """The CV fold of a site: a stable hash, so every page of a site lands in one fold."""
    return int(hashlib.sha256(site.encode()).hexdigest(), 16) % k


def _pair_probabilities(pages: list[Page], k: int) -> dict[tuple[int, int], np.ndarray]:
    """{(outer fold, page index): first-pass P(body) of a training page of that outer fold} from
    models that saw neither the outer fold nor the page's own fold. The model without folds
    {f, g} serves outer f (for pages of g) and outer g (for pages of f): k(k-1)/2 fits."""
    folds = [fold_of(p.site, k) for p in pages]
    out: dict[tuple[int, int], np.ndarray] = {}
    for f, g in itertools.combinations(range(k), 2):
        first = boosted_from_dict(train_first([p for p, fo in zip(pages, folds) if fo not in (f, g)]))
        for i, p in enumerate(pages):
            if folds[i] in (f, g):
                out[(f + g - folds[i], i)] = first.probability(p.x)
    return out


def _second_for_fold(pages: list[Page], k: int, fold: int, pair: dict[tuple[int, int], np.ndarray]) -> dict:
    """Second pass for outer fold ``fold``: its training pages' first-pass probabilities come
    from inner models that saw neither the test fold nor the page's own fold (nested CV)."""
    train = [i for i, p in enumerate(pages) if fold_of(p.site, k) != fold]
    return train_second([pages[i] for i in train], [pair[(fold, i)] for i in train])


def cross_validate(pages: list[Page], k: int, first_models: dict[int, dict]) -> dict:
    """Benchmark P/R/F1 on held-out sites, fold by fold: both passes, the first pass alone, rules."""
    scores, first_only, rules = [], [], []
    pair = _pair_probabilities(pages, k)
    for fold in range(k):
        test = [p for p in pages if fold_of(p.site, k) == fold]
        one = from_dict(assemble(first_models[fold], None))
        two = from_dict(assemble(first_models[fold], _second_for_fold(pages, k, fold, pair)))
        for p in test:
            scores.append(page_score(predict_body(two, p), p.gold))
            first_only.append(page_score(predict_body(one, p), p.gold))
            rules.append(page_score(predict_body(None, p), p.gold))
        print(f"fold {fold}: {len(test)} pages, F1 so far {aggregate(scores)['f1']} "
              f"(first pass alone {aggregate(first_only)['f1']})", file=sys.stderr)
    return {"folds": k, "grouped_by": "site", "nested": True, "model": aggregate(scores),
            "first_pass_only": aggregate(first_only), "rules_only": aggregate(rules)}


def main(argv: list[str] | None = None) -> int:
    """Parse options, cross-validate, train on all pages, write the model file."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("/work/shared/eval/cleaning/flattened.jsonl"))
    ap.add_argument("--cv", type=int, default=5, help="folds, grouped by site (0 = skip CV)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    start = time.time()
    pages = load_pages(args.data)
    print(f"{len(pages)} pages, {sum(len(p.lines) for p in pages)} lines, "
          f"{int(sum(p.y.sum() for p in pages))} body lines", file=sys.stderr)
    probs, first_models = out_of_fold(pages, max(args.cv, 2))
    cv = cross_validate(pages, args.cv, first_models) if args.cv > 1 else None
    model = assemble(train_first(pages), train_second(pages, probs))
    model["trained_on"] = f"all {len(pages)} pages of {args.data.name} (Zyte article-extraction benchmark)"
    model["cv"] = cv
    args.out.write_text(json.dumps(model, separators=(",", ":")), encoding="utf-8")
    print(json.dumps({"cv": cv, "out": str(args.out), "seconds": round(time.time() - start, 1)}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
