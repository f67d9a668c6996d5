"""The trained line model: body vs not-body per line of a flattened page (numpy only).

The model file ``data/clean/line_model.json`` is written by ``scripts/train_cleaner.py``:
a one-hidden-layer network over ``linefeatures.page_matrix`` and a two-state Viterbi pass
that smooths the line decisions along the page. When the file is absent (or does not
match the feature list) ``line_model()`` returns None and the rules alone decide.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from .linefeatures import feature_names, page_matrix

MODEL_FILE = "line_model.json"
_EPS = 1e-6


@dataclass
class LineModel:
    """Weights of the network, the smoothing tables and the labels the rules keep."""

    mean: np.ndarray
    scale: np.ndarray
    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: float
    threshold: float
    log_trans: np.ndarray | None  # 2x2 log transition probabilities, None = no smoothing
    log_prior: np.ndarray
    protected: frozenset[str]  # rule labels the model does not override
    info: dict[str, Any]

    def body_probability(self, x: np.ndarray) -> np.ndarray:
        """P(body) for each row of the feature matrix ``x``."""
        h = np.tanh(((x - self.mean) / self.scale) @ self.w1 + self.b1)
        z = h @ self.w2 + self.b2
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

    def decide(self, x: np.ndarray) -> np.ndarray:
        """Boolean body decision per line, smoothed along the page when the model says so."""
        p = self.body_probability(x)
        if self.log_trans is None:
            return p >= self.threshold
        return viterbi(p, self.log_trans, self.log_prior, self.threshold)


def viterbi(p: np.ndarray, log_trans: np.ndarray, log_prior: np.ndarray, threshold: float) -> np.ndarray:
    """Most likely body/not-body sequence given per-line P(body) and the transition table."""
    n = len(p)
    # Posterior / prior = scaled likelihood; the threshold shifts the body state's bias.
    bias = np.log(threshold / (1 - threshold))
    emit = np.stack([np.log(1 - p + _EPS) - log_prior[0], np.log(p + _EPS) - log_prior[1] - bias], axis=1)
    score = emit[0] + log_prior
    back = np.zeros((n, 2), dtype=int)
    for i in range(1, n):
        cand = score[:, None] + log_trans  # from-state x to-state
        back[i] = cand.argmax(axis=0)
        score = cand.max(axis=0) + emit[i]
    states = np.zeros(n, dtype=int)
    states[-1] = int(score.argmax())
    for i in range(n - 1, 0, -1):
        states[i - 1] = back[i, states[i]]
    return states.astype(bool)


def from_dict(data: dict[str, Any]) -> LineModel | None:
    """A LineModel from the JSON the training script writes; None when its features differ."""
    if data.get("features") != feature_names():
        return None
    trans = data.get("transitions")
    return LineModel(
        mean=np.array(data["mean"]), scale=np.array(data["scale"]), w1=np.array(data["w1"]),
        b1=np.array(data["b1"]), w2=np.array(data["w2"]), b2=float(data["b2"]),
        threshold=float(data.get("threshold", 0.5)),
        log_trans=np.log(np.array(trans)) if trans else None,
        log_prior=np.log(np.array(data.get("prior", [0.5, 0.5]))),
        protected=frozenset(data.get("protected", [])),
        info={k: data.get(k) for k in ("trained_on", "cv", "created")},
    )


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
    """Rule labels revised by the model: it decides body vs not-body, except on protected labels."""
    body = model.decide(page_matrix(lines, labels))
    if not body.any():
        return labels  # the model found nothing: the rules' region is a better guess than no body
    out = []
    for label, is_body in zip(labels, body):
        if label in model.protected:
            out.append(label)
        elif is_body:
            out.append("body")
        else:
            out.append("boilerplate" if label == "body" else label)
    return out
