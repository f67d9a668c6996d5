"""Given a sentence and two mentions (source, target), which PLOVER category links them.

A softmax (multinomial logistic) regression over sparse binary features, each row scaled to
the same length (``NORM``), trained with numpy only (``train``), shipped as
``data/events/plv_model.npz`` by ``scripts/train_events.py`` and used at run time by
``classify_pair``. Features (``pair_features``): surface words (``features``: the words between
the mentions, around them, of each mention, word pairs between them, their order, the
verb-dictionary categories of the words between them) and the parse of the sentence the
pipeline already has (``pairfeats``: the trigger verb over the two mentions, the dependency
path, prepositions, modal/negation, object and xcomp, dictionary categories along the path).
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

import numpy as np

from ..encoder import Encoder, covered, span_mean
from .pairfeats import dictionary_category, parse_features, stem, trigger

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
MIN_COUNT = 1  # a feature must occur in at least this many training pairs (1 beat 2 in 5-fold CV)
L2 = 1e-4  # weight decay, by 5-fold CV on plv_train.jsonl (4e-5 / 1e-4 / 2e-4: 0.763 / 0.766 / 0.765 macro-F1)
EPOCHS = 300  # full-batch Adam steps
LEARNING_RATE = 0.05
BALANCE = 1.0  # class weight = (n / (classes * class count)) ** BALANCE
NORM = 5.0  # every feature row scaled to this L2 length (5-fold CV: +0.02 macro-F1 over raw 0/1 rows)
NB_ALPHA = 0.3  # complement naive Bayes smoothing (5-fold CV: 0.1 / 0.3 / 1.0)
NB_MIX = 0.25  # share of the naive Bayes probabilities in the mix (5-fold CV: 0.2-0.3 best, +0.013 macro-F1)
CONTEXT = 3  # words kept before the first and after the second mention
MODEL_FILE = "plv_model.npz"
DENSE_FILE = "plv_dense.npz"  # the encoder head, used only with the ``encoder`` setting on
DENSE_L2 = 1e-3  # 5-fold CV on plv_train.jsonl (1e-4 / 1e-3 / 1e-2: 0.801 / 0.818 / 0.807 macro-F1 mixed)
DENSE_STEPS = 400
DENSE_PARTS = 5  # vectors per pair in ``dense_features``: sentence, source, target, between, trigger
DENSE_MIX = 0.5  # share of the encoder head in the mix (5-fold CV: 0.3 / 0.4 / 0.5 / 0.6: 0.808 / 0.812 / 0.818 / 0.812)

Span = tuple[int, int]


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
        feats += [f"B={w}" for w in between] + [f"BB={a}_{b}" for a, b in pairwise(between)]
        feats += [f"L={w}" for w in _words(text[: first[0]])[-CONTEXT:]]
        feats += [f"R={w}" for w in _words(text[last[1] :])[:CONTEXT]]
        feats += [f"RULE={c}" for c in (dictionary_category(w, stemmed=True) for w in between) if c]
    if source:
        feats += [f"S={w}" for w in _words(text[source[0] : source[1]])]
    if target:
        feats += [f"T={w}" for w in _words(text[target[0] : target[1]])]
    feats += [f"W={w}" for w in _words(text)]
    return feats


def pair_features(sent: Any, source: Span | None, target: Span | None) -> list[str]:
    """Surface and parse features of a pair in a parsed sentence (a spaCy Span, ``doc[:]`` for a whole Doc; offsets
    relative to its first character)."""
    return features(sent.text, source, target) + parse_features(sent, source, target)


@dataclass
class Model:
    """Vocabulary, weights (features x classes), bias, class names and the complement naive
    Bayes log weights (features x classes) mixed in with ``NB_MIX``."""

    vocab: dict[str, int]
    weights: Any
    bias: Any
    classes: list[str]
    nb: Any = None
    dense: DenseHead | None = None  # the encoder head (``train_dense``), used when an encoder is on
    _joined: Any = field(default=None, repr=False, compare=False)

    def joined(self) -> Any:
        """Regression and naive Bayes weights side by side (features x 2 classes), built once."""
        if self._joined is None:
            self._joined = np.hstack([self.weights, self.nb]).astype(np.float32)
        return self._joined

    def predict(self, feats: list[str]) -> str:
        """The most probable class for one feature list."""
        return self.predict_proba(feats)[0]

    def predict_proba(self, feats: list[str], dense_x: Any = None) -> tuple[str, float]:
        """The most probable class for one feature list and its probability; with ``dense_x``
        (``dense_features``) and a dense head, mixed with the encoder head's probabilities."""
        probs = self.probs(feats)
        if dense_x is not None and self.dense is not None:
            probs = (1 - DENSE_MIX) * probs + DENSE_MIX * self.dense.probs(dense_x)
        best = int(np.argmax(probs))
        return self.classes[best], float(probs[best])

    def probs(self, feats: list[str]) -> Any:
        """Class probabilities (in ``classes`` order) for one feature list."""
        vocab = self.vocab
        idx = list({vocab[f] for f in feats if f in vocab})
        if not idx:
            return _softmax(self.bias)
        if self.nb is None:
            return _softmax(self.weights[idx].sum(axis=0) * (NORM / np.sqrt(len(idx))) + self.bias)
        both = self.joined()[idx].sum(axis=0)  # one gather for the regression and naive Bayes weights
        n = len(self.classes)
        return (1 - NB_MIX) * _softmax(both[:n] * (NORM / np.sqrt(len(idx))) + self.bias) + NB_MIX * _softmax(both[n:])


@dataclass
class DenseHead:
    """A softmax regression over the encoder's vectors of a pair (``dense_features``)."""

    weights: Any  # features x classes
    bias: Any
    classes: list[str]

    def probs(self, x: Any) -> Any:
        return _softmax(x @ self.weights + self.bias)


def dense_features(encoded: tuple[Any, Any], sent: Any, source: Span | None, target: Span | None) -> Any:
    """The encoder's view of a pair: mean vectors of the sentence, the source, the target, the
    words between them and the trigger verb (zeros for a missing part), side by side; None when
    a mention or the trigger lies past the encoder's cut (a very long sentence: the sparse model alone)."""
    x = encoded[0]
    trig = trigger(sent, source, target)
    at = trig.idx - sent.start_char if trig is not None else 0
    if not all(covered(encoded, start) for start in (source and source[0], target and target[0], at) if start is not None):
        return None
    zero = np.zeros(x.shape[1], dtype=np.float32)
    parts = [x.mean(axis=0)]
    parts += [span_mean(encoded, *side) if side else zero for side in (source, target)]
    spans = sorted(s for s in (source, target) if s is not None)
    parts.append(span_mean(encoded, spans[0][1], spans[1][0]) if len(spans) == 2 else zero)
    parts.append(span_mean(encoded, at, at + len(trig)) if trig is not None else zero)
    return np.concatenate(parts).astype(np.float32)


def train_dense(x: Any, labels: list[str], classes: list[str], l2: float = DENSE_L2, steps: int = DENSE_STEPS) -> DenseHead:
    """Fit a class-balanced softmax regression on dense rows with full-batch Adam (numpy)."""
    onehot = _onehot(labels, classes)
    sample_w = _sample_weights(onehot)
    n, k = onehot.shape
    w = np.zeros((x.shape[1], k), dtype=np.float32)
    b = np.zeros(k, dtype=np.float32)
    state = [[np.zeros_like(w), np.zeros_like(b)], [np.zeros_like(w), np.zeros_like(b)]]
    for step in range(1, steps + 1):
        g = (_softmax_rows(x @ w + b) - onehot) * sample_w / n
        _adam([w, b], [x.T @ g + l2 * w, g.sum(axis=0)], state, step)
    return DenseHead(w, b, list(classes))


def _onehot(labels: list[str], classes: list[str]) -> Any:
    """Labels as one-hot rows (float32) in ``classes`` order."""
    y = np.zeros((len(labels), len(classes)), dtype=np.float32)
    y[np.arange(len(labels)), [classes.index(lab) for lab in labels]] = 1.0
    return y


def _sample_weights(onehot: Any) -> Any:
    """Each row's class weight, (n / (classes * class count)) ** BALANCE: rarer classes weigh more."""
    n, k = onehot.shape
    return ((n / (k * np.maximum(onehot.sum(axis=0), 1))) ** BALANCE)[onehot.argmax(axis=1)][:, None].astype(np.float32)


def _softmax_rows(z: Any) -> Any:
    """Row-wise softmax of a score matrix."""
    p = np.exp(z - z.max(axis=1, keepdims=True))
    return p / p.sum(axis=1, keepdims=True)


def _softmax(scores: Any) -> Any:
    scores = np.exp(scores - scores.max())
    return scores / scores.sum()


def complement_nb(row_ids: Any, col_ids: Any, labels: Any, shape: tuple[int, int], alpha: float = NB_ALPHA) -> Any:
    """Complement naive Bayes log weights (features x classes) from binary rows: minus the log of
    each feature's smoothed share among the rows of the other classes (Rennie et al. 2003)."""
    counts = np.zeros(shape, dtype=np.float64)
    np.add.at(counts, (col_ids, labels[row_ids]), 1.0)
    comp = counts.sum(axis=1, keepdims=True) - counts + alpha
    return (-np.log(comp / comp.sum(axis=0, keepdims=True))).astype(np.float32)


def _sparse(rows: list[list[str]], vocab: dict[str, int]) -> tuple[Any, Any, Any]:
    """(row index, feature index, value) of every known feature, rows scaled to length ``NORM``."""
    pairs = [(i, j) for i, feats in enumerate(rows) for j in sorted({vocab[f] for f in feats if f in vocab})]
    row_ids = np.array([i for i, _ in pairs], dtype=np.int64)
    col_ids = np.array([j for _, j in pairs], dtype=np.int64)
    lengths = np.sqrt(np.bincount(row_ids, minlength=len(rows)).astype(np.float32))
    return row_ids, col_ids, (NORM / np.maximum(lengths, 1.0))[row_ids][:, None]


def _adam(params: list[Any], grads: list[Any], state: list[list[Any]], step: int) -> None:
    for k, (param, g) in enumerate(zip(params, grads)):
        state[0][k] = 0.9 * state[0][k] + 0.1 * g
        state[1][k] = 0.999 * state[1][k] + 0.001 * g * g
        param -= LEARNING_RATE * (state[0][k] / (1 - 0.9**step)) / (np.sqrt(state[1][k] / (1 - 0.999**step)) + 1e-8)


def train(rows: list[list[str]], labels: list[str], epochs: int = EPOCHS, l2: float = L2) -> Model:
    """Fit a class-balanced softmax regression with full-batch Adam on sparse rows (numpy only, seconds on CPU)."""
    counts = Counter(f for feats in rows for f in set(feats))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    classes = sorted(set(labels))
    row_ids, col_ids, vals = _sparse(rows, vocab)
    row_starts = np.flatnonzero(np.r_[True, row_ids[1:] != row_ids[:-1]])  # every row has a feature (ORDER)
    by_col = np.argsort(col_ids, kind="stable")
    col_starts = np.flatnonzero(np.r_[True, col_ids[by_col][1:] != col_ids[by_col][:-1]])  # every vocab column occurs
    y = _onehot(labels, classes)
    sample_w = _sample_weights(y)
    w = np.zeros((len(vocab), len(classes)), dtype=np.float32)
    b = np.zeros(len(classes), dtype=np.float32)
    state = [[np.zeros_like(w), np.zeros_like(b)], [np.zeros_like(w), np.zeros_like(b)]]
    for step in range(1, epochs + 1):
        p = _softmax_rows(np.add.reduceat(w[col_ids] * vals, row_starts) + b)
        grad = (p - y) * sample_w / len(rows)
        grad_w = np.add.reduceat((grad[row_ids] * vals)[by_col], col_starts) + l2 * w
        _adam([w, b], [grad_w, grad.sum(axis=0)], state, step)
    nb = complement_nb(row_ids, col_ids, y.argmax(axis=1), (len(vocab), len(classes)))
    return Model(vocab, w, b, classes, nb)


def save(model: Model) -> bytes:
    """The model as .npz bytes (weights float16 to stay small)."""
    buf = io.BytesIO()
    names = sorted(model.vocab, key=model.vocab.__getitem__)
    np.savez_compressed(buf, weights=model.weights.astype(np.float16), bias=model.bias, nb=model.nb.astype(np.float16),
                        vocab=np.array(json.dumps(names)), classes=np.array(json.dumps(model.classes)))
    return buf.getvalue()


def load_bytes(data: bytes) -> Model:
    """A model from the bytes ``save`` wrote."""
    with np.load(io.BytesIO(data)) as z:
        names = json.loads(str(z["vocab"]))
        nb = z["nb"].astype(np.float32) if "nb" in z else None
        return Model({n: i for i, n in enumerate(names)}, z["weights"].astype(np.float32), z["bias"], json.loads(str(z["classes"])), nb)


def save_dense(head: DenseHead) -> bytes:
    """The encoder head as .npz bytes."""
    buf = io.BytesIO()
    np.savez_compressed(buf, weights=head.weights.astype(np.float16), bias=head.bias, classes=np.array(json.dumps(head.classes)))
    return buf.getvalue()


def load_dense(data: bytes) -> DenseHead:
    """An encoder head from the bytes ``save_dense`` wrote."""
    with np.load(io.BytesIO(data)) as z:
        return DenseHead(z["weights"].astype(np.float32), z["bias"], json.loads(str(z["classes"])))


@lru_cache(maxsize=1)
def shipped_model() -> Model | None:
    """The model shipped under ``data/events/`` (None when it has not been trained), with its
    encoder head when that was trained too."""
    folder = resources.files("sitrep.data").joinpath("events")
    path = folder.joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    model = load_bytes(path.read_bytes())
    dense = folder.joinpath(DENSE_FILE)
    if dense.is_file():
        head = load_dense(dense.read_bytes())
        model.dense = head if head.classes == model.classes else None  # a head from another training run: unused
    return model


_SHIPPED = object()  # "no model set by ``using``": the shipped one
_MODEL: ContextVar[Any] = ContextVar("sitrep_model", default=_SHIPPED)
_ENCODER: ContextVar[Encoder | None] = ContextVar("sitrep_encoder", default=None)


@contextmanager
def _scoped(var: ContextVar[Any], value: Any) -> Iterator[None]:
    token = var.set(value)
    try:
        yield
    finally:
        var.reset(token)


def using(model: Model | None) -> AbstractContextManager[None]:
    """Within the block, ``classify_pair`` uses ``model`` (None: no classifier, the dictionary
    alone); the scorer sets each fold's model this way."""
    return _scoped(_MODEL, model)


def encoding(encoder: Encoder | None) -> AbstractContextManager[None]:
    """Within the block, ``classify_pair`` also reads the pair through ``encoder`` (None: not)."""
    return _scoped(_ENCODER, encoder)


def active_model() -> Model | None:
    """The model ``classify_pair`` uses: the one set by ``using``, else the shipped one."""
    found = _MODEL.get()
    return shipped_model() if found is _SHIPPED else found


def classify_pair(sent: Any, source: Span | None, target: Span | None, model: Model | None = None) -> str | None:
    """The PLV/PLOVER category for a source and target in a parsed sentence (None without a model).

    ``sent`` is a spaCy Span (``doc[:]`` for a whole Doc); offsets are relative to its first character."""
    found = classify_pair_proba(sent, source, target, model)
    return found[0] if found is not None else None


def classify_pair_proba(sent: Any, source: Span | None, target: Span | None, model: Model | None = None) -> tuple[str, float] | None:
    """The PLV category for a source and target in a parsed sentence with its probability (None without a model)."""
    model = model or active_model()
    if model is None:
        return None
    encoder = _ENCODER.get()
    if model.dense is None or encoder is None or model.dense.weights.shape[0] != DENSE_PARTS * encoder.width:
        encoder = None  # no head, or one trained on another encoder's vectors: the sparse model alone
    key = (id(model), id(encoder), sent.text, sent.start_char, source, target)  # the same pair for several triggers
    hit = _MEMO.get(key)
    if hit is None or hit[0] is not model or hit[1] is not encoder:
        if len(_MEMO) >= MEMO_SIZE:
            _MEMO.clear()
        dense_x = dense_features(_encoded(encoder, sent.text), sent, source, target) if encoder is not None else None
        hit = _MEMO[key] = (model, encoder, model.predict_proba(pair_features(sent, source, target), dense_x))
    return hit[2]


def _encoded(encoder: Encoder, text: str) -> tuple[Any, Any]:
    """``encoder.encode(text)``, remembered for the last few sentences (several pairs share one)."""
    key = (id(encoder), text)
    hit = _ENCODED.get(key)
    if hit is None or hit[0] is not encoder:
        if len(_ENCODED) >= 8:
            _ENCODED.clear()
        hit = _ENCODED[key] = (encoder, encoder.encode(text))
    return hit[1]


_ENCODED: dict[tuple[int, str], tuple[Encoder, tuple[Any, Any]]] = {}
MEMO_SIZE = 256  # pairs remembered (one sentence's triggers share their pairs)
_MEMO: dict[tuple[Any, ...], tuple[Model, Encoder | None, tuple[str, float]]] = {}
