"""The trained line model: body vs not-body per line of a flattened page (numpy only).

The model file ``data/clean/line_model.json`` is written by ``scripts/train_cleaner.py``:
boosted regression trees over ``linefeatures.page_matrix`` (the features include the
neighbouring lines' and windows of the page, so a line is judged in its context), and a
second pass of trees over ``linestack.stack_matrix`` (the first pass's probabilities of the
neighbouring lines, the page's main block, comment-thread markers). When the
file is absent (or does not match the feature list) ``line_model()`` returns None and the
rules alone decide.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from .features import is_chrome, is_player, is_prose
from .linefeatures import anchor_index, feature_names, page_matrix
from .linestack import stack_matrix, stack_names

MODEL_FILE = "line_model.json"
# The model learnt from whole web pages (6 of the 181 training pages are shorter, median
# 167 lines); shorter texts - a pasted article, a feed item - are left to the rules, which
# were written for them. Site-grouped CV F1 is unchanged by this gate (train_cleaner.py).
MIN_MODEL_LINES = 50
# Fallback when the model keeps no line (site-grouped CV, train_cleaner.py): the body's first
# prose line sits at most this many lines under the headline's repeat (after a date, a byline).
LEAD_LOOKAHEAD = 4
LEAD_STOP_LABELS = ("date", "byline", "dup", "caption")  # rule labels that end the lead's run


@dataclass
class Tree:
    """One regression tree as parallel arrays; ``left == -1`` marks a leaf."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    depth: int

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Leaf value for each row of ``x`` (``x[f] <= threshold`` goes left)."""
        node = np.zeros(len(x), dtype=int)
        rows = np.arange(len(x))
        for _ in range(self.depth):
            leaf = self.left[node] < 0
            go_left = x[rows, self.feature[node]] <= self.threshold[node]
            node = np.where(leaf, node, np.where(go_left, self.left[node], self.right[node]))
        return self.value[node]


@dataclass
class Boosted:
    """Boosted trees on one feature matrix: P(body) = sigmoid(baseline + sum of leaf values)."""

    trees: list[Tree]
    baseline: float

    def probability(self, x: np.ndarray) -> np.ndarray:
        """P(body) for each row of the feature matrix ``x``."""
        z = self.baseline + sum((t.predict(x) for t in self.trees), np.zeros(len(x)))
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


@dataclass
class LineModel:
    """The first pass, the optional second pass, the threshold and the labels the rules keep."""

    first: Boosted
    second: Boosted | None  # reads the first pass's probabilities along the page (linestack.py)
    threshold: float
    protected: frozenset[str]  # rule labels the model does not override
    info: dict[str, Any]

    def body_probability(self, x: np.ndarray) -> np.ndarray:
        """First-pass P(body) for each row of the feature matrix ``x``."""
        return self.first.probability(x)

    def line_probabilities(self, lines: list[str], labels: list[str]) -> np.ndarray:
        """Final P(body) per line: the second pass over the first's output when it is shipped."""
        x = page_matrix(lines, labels)
        p = self.first.probability(x)
        if self.second is None:
            return p
        return self.second.probability(stack_matrix(lines, x, p))


def boosted_from_dict(data: dict[str, Any]) -> Boosted:
    """One pass's trees from the model file (``{"baseline", "trees"}``)."""
    trees = [
        Tree(np.array(t["feature"], dtype=int), np.array(t["threshold"], dtype=float),
             np.array(t["left"], dtype=int), np.array(t["right"], dtype=int),
             np.array(t["value"], dtype=float), int(t["depth"]))
        for t in data["trees"]
    ]
    return Boosted(trees, float(data["baseline"]))


def from_dict(data: dict[str, Any]) -> LineModel | None:
    """A LineModel from the JSON the training script writes; None when its features differ."""
    names = feature_names()
    if data.get("features") != names:
        return None
    second = data.get("second")
    if second is not None and second.get("features") != stack_names(names):
        return None
    return LineModel(boosted_from_dict(data), boosted_from_dict(second) if second else None, float(data.get("threshold", 0.5)),
                     frozenset(data.get("protected", [])),
                     {k: data.get(k) for k in ("trained_on", "cv", "threshold")})


@lru_cache(maxsize=1)
def line_model() -> LineModel | None:
    """The shipped model, loaded once; None when the file is absent or out of date."""
    path = resources.files("sitrep.data.clean").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    return from_dict(json.loads(path.read_text(encoding="utf-8")))


def model_info() -> dict[str, Any] | None:
    """What the shipped model says about itself (training set, cross-validated score)."""
    model = line_model()
    return model.info if model is not None else None


def apply_model(model: LineModel, lines: list[str], labels: list[str]) -> list[str]:
    """Rule labels revised by the model: it decides body vs not-body, except on protected labels,
    known chrome and repeated non-prose lines the rules did not keep; short texts (under
    ``MIN_MODEL_LINES`` lines) keep the rule labels. When the model keeps no line at all, the
    prose right under the headline's repeat is the body (``anchor_lead``), else the rules decide."""
    if len(lines) < MIN_MODEL_LINES:
        return labels
    body = model.line_probabilities(lines, labels) >= model.threshold
    if not body.any():
        return anchor_lead(lines, labels)
    counts = Counter(lines)
    out = []
    for line, label, is_body in zip(lines, labels, body):
        if label in model.protected or (label == "boilerplate" and (is_chrome(line) or is_player(line))):
            out.append(label)
        elif label != "body" and counts[line] > 1 and not is_prose(line):
            out.append(label)  # share buttons, teaser titles printed twice: chrome, whatever the neighbours
        elif is_body:
            out.append("body")
        else:
            out.append("boilerplate" if label == "body" else label)
    return out


def anchor_lead(lines: list[str], labels: list[str]) -> list[str]:
    """Fallback when the model keeps nothing (a one-paragraph article among long menus): the run of
    prose lines starting within ``LEAD_LOOKAHEAD`` lines under the headline's repeat is the body.
    Without a headline repeat followed by prose, the rule labels stand."""
    anchor = anchor_index(lines)
    if anchor == 0:
        return labels
    start = next((i for i in range(anchor + 1, min(anchor + 1 + LEAD_LOOKAHEAD, len(lines))) if is_prose(lines[i])), None)
    if start is None:
        return labels
    end = start
    while end < len(lines) and is_prose(lines[end]) and labels[end] not in LEAD_STOP_LABELS:
        end += 1
    return ["body" if start <= i < end else "boilerplate" if label == "body" else label
            for i, label in enumerate(labels)]
