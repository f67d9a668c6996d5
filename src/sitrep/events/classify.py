"""Given a sentence and two mentions (source, target), which PLOVER category links them.

A softmax (multinomial logistic) regression over sparse word features, trained with numpy
only (``train``), shipped as ``data/events/plv_model.npz`` by ``scripts/train_events.py``
and used at run time by ``classify_pair``. Features: the words between the mentions, the
words around them, the words of each mention, word pairs between them, their order, and the
verb-dictionary categories (``verbs.json``) of the words between them (the rules as a feature).
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from .lexicon import load

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
MIN_COUNT = 2  # a feature must occur in at least this many training pairs
L2 = 1e-3  # weight decay; picked by 5-fold CV on plv_train.jsonl (sitrep eval events)
EPOCHS = 300  # full-batch Adam steps
LEARNING_RATE = 0.05
CONTEXT = 3  # words kept before the first and after the second mention
MODEL_FILE = "plv_model.npz"

Span = tuple[int, int]


IRREGULAR = {"sent": "send", "met": "meet", "held": "hold", "fought": "fight", "took": "take", "gave": "give",
             "struck": "strike", "withdrew": "withdraw", "withdrawn": "withdraw", "sought": "seek", "shot": "shoot", "told": "tell"}


def stem(word: str) -> str:
    """A crude English stem so "accused", "accuses", "accusing", "accuse" share a feature."""
    word = IRREGULAR.get(word, word)
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, str]:
    """Verb-dictionary lemma (stemmed) -> PLOVER category, for the rule feature."""
    return {stem(e["lemma"]): e["category"] for e in load("verbs")["entries"]}


def _words(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text.lower())]


def features(text: str, source: Span | None, target: Span | None) -> list[str]:
    """The feature strings of one (sentence, source, target) triple; a missing side is implicit."""
    spans = sorted(s for s in (source, target) if s is not None)
    feats = [f"ORDER={'st' if source and target and source[0] < target[0] else 'ts'}"]
    if source is None or target is None:
        feats.append(f"IMPLICIT={'s' if source is None else 't'}")
    if spans:
        first, last = spans[0], spans[-1]
        between = _words(text[first[1] : last[0]]) if len(spans) == 2 else []
        feats += [f"B={w}" for w in between] + [f"BB={a}_{b}" for a, b in zip(between, between[1:])]
        feats += [f"L={w}" for w in _words(text[: first[0]])[-CONTEXT:]]
        feats += [f"R={w}" for w in _words(text[last[1] :])[:CONTEXT]]
        feats += [f"RULE={_dictionary()[w]}" for w in between if w in _dictionary()]
    if source:
        feats += [f"S={w}" for w in _words(text[source[0] : source[1]])]
    if target:
        feats += [f"T={w}" for w in _words(text[target[0] : target[1]])]
    feats += [f"W={w}" for w in _words(text)]
    return feats


@dataclass
class Model:
    """Vocabulary, weights (features x classes), bias and class names."""

    vocab: dict[str, int]
    weights: Any
    bias: Any
    classes: list[str]

    def predict(self, feats: list[str]) -> str:
        """The most probable class for one feature list."""
        return self.predict_proba(feats)[0]

    def predict_proba(self, feats: list[str]) -> tuple[str, float]:
        """The most probable class for one feature list and its softmax probability."""
        idx = [self.vocab[f] for f in feats if f in self.vocab]
        scores = self.weights[idx].sum(axis=0) + self.bias if idx else self.bias
        scores = np.exp(scores - scores.max())
        best = int(np.argmax(scores))
        return self.classes[best], float(scores[best] / scores.sum())


def _matrix(rows: list[list[str]], vocab: dict[str, int]) -> Any:
    x = np.zeros((len(rows), len(vocab)), dtype=np.float32)
    for i, feats in enumerate(rows):
        for f in feats:
            if f in vocab:
                x[i, vocab[f]] = 1.0
    return x


def train(rows: list[list[str]], labels: list[str], epochs: int = EPOCHS, l2: float = L2) -> Model:
    """Fit a class-balanced softmax regression with full-batch Adam (numpy only, seconds on CPU)."""
    counts = Counter(f for feats in rows for f in set(feats))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    classes = sorted(set(labels))
    x = _matrix(rows, vocab)
    y = np.zeros((len(rows), len(classes)), dtype=np.float32)
    y[np.arange(len(rows)), [classes.index(lab) for lab in labels]] = 1.0
    freq = y.sum(axis=0)
    sample_w = (len(rows) / (len(classes) * freq))[y.argmax(axis=1)][:, None]  # balanced classes
    w = np.zeros((len(vocab), len(classes)), dtype=np.float32)
    b = np.zeros(len(classes), dtype=np.float32)
    m = [np.zeros_like(w), np.zeros_like(b)]
    v = [np.zeros_like(w), np.zeros_like(b)]
    for step in range(1, epochs + 1):
        logits = x @ w + b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        grad = (p - y) * sample_w / len(rows)
        grads = [x.T @ grad + l2 * w, grad.sum(axis=0)]
        for k, (param, g) in enumerate(zip((w, b), grads)):
            m[k] = 0.9 * m[k] + 0.1 * g
            v[k] = 0.999 * v[k] + 0.001 * g * g
            param -= LEARNING_RATE * (m[k] / (1 - 0.9**step)) / (np.sqrt(v[k] / (1 - 0.999**step)) + 1e-8)
    return Model(vocab, w, b, classes)


def save(model: Model) -> bytes:
    """The model as .npz bytes (weights float16 to stay small)."""
    buf = io.BytesIO()
    names = sorted(model.vocab, key=model.vocab.__getitem__)
    np.savez_compressed(buf, weights=model.weights.astype(np.float16), bias=model.bias,
                        vocab=np.array(json.dumps(names)), classes=np.array(json.dumps(model.classes)))
    return buf.getvalue()


@lru_cache(maxsize=1)
def shipped_model() -> Model | None:
    """The model shipped under ``data/events/`` (None when it has not been trained)."""
    path = resources.files("sitrep.data").joinpath("events").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    with np.load(io.BytesIO(path.read_bytes())) as z:
        names = json.loads(str(z["vocab"]))
        return Model({n: i for i, n in enumerate(names)}, z["weights"].astype(np.float32), z["bias"], json.loads(str(z["classes"])))


_ACTIVE: list[Model | None] = []  # models set by ``using`` (the scorer's per-fold models), innermost last


@contextmanager
def using(model: Model | None) -> Iterator[None]:
    """Within the block, ``classify_pair`` uses ``model`` (None: no classifier, the dictionary alone)."""
    _ACTIVE.append(model)
    try:
        yield
    finally:
        _ACTIVE.pop()


def active_model() -> Model | None:
    """The model ``classify_pair`` uses: the one set by ``using``, else the shipped one."""
    return _ACTIVE[-1] if _ACTIVE else shipped_model()


def classify_pair(text: str, source: Span | None, target: Span | None, model: Model | None = None) -> str | None:
    """The PLV/PLOVER category for a source and target in a sentence (None without a model)."""
    found = classify_pair_proba(text, source, target, model)
    return found[0] if found is not None else None


def classify_pair_proba(text: str, source: Span | None, target: Span | None, model: Model | None = None) -> tuple[str, float] | None:
    """The PLV category for a source and target in a sentence with its probability (None without a model)."""
    model = model or active_model()
    return model.predict_proba(features(text, source, target)) if model is not None else None
