"""Numeric features per line of a flattened page, with neighbour context, for the line model.

Shared by the run-time model (``linemodel.py``) and the training script
(``scripts/train_cleaner.py``): both must build exactly the same matrix, so the list of
feature names is part of the model file and checked when it is loaded.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np

from . import features as f
from . import resources

# Final rule labels (``flattened.rule_labels``) given to the model as one-hot features.
RULE_LABELS = ("body", "title", "caption", "byline", "date", "boilerplate", "dup")
NEIGHBOUR_OFFSETS = (-3, -2, -1, 1, 2, 3)  # lines whose own features are appended to a line's
WINDOWS = (3, 10)  # half-widths of the windows over which prose density is averaged
ANCHOR_SHARE = 0.6  # a line with this share of the first line's words repeats the headline
_URLISH = re.compile(r"https?://|www\.|@\w|\.com\b|\.org\b", re.IGNORECASE)
_SEPARATORS = re.compile(r"[|•·›»]")
_QUOTES = "\"“”«»"

BASE_NAMES = (
    "log_chars", "log_words", "terminal", "stop_ratio", "title_case", "upper_ratio", "digit_ratio",
    "punct_ratio", "comma_rate", "prose", "headline", "chrome", "player", "byline", "date_line",
    "repeated", "separators", "ends_colon", "starts_lower", "urlish", "quote", "short_menu",
    "rel_length", *(f"rule_{lb}" for lb in RULE_LABELS),
)


def _base(line: str, label: str, count: int, longest: int) -> list[float]:
    """The features of one line on its own (names in ``BASE_NAMES``)."""
    toks = f.words(line)
    n_chars, n_words = len(line), len(toks)
    letters = [c for c in line if c.isalpha()]
    punct = sum(1 for c in line if not c.isalnum() and not c.isspace())
    long_words = [w for w in toks if len(w) > 3]
    title_share = sum(1 for w in long_words if w[0].isupper()) / len(long_words) if long_words else 0.0
    return [
        math.log1p(n_chars) / 6,
        math.log1p(n_words) / 4,
        float(f.has_terminal(line)),
        f.stop_ratio(line),
        title_share,
        sum(1 for c in letters if c.isupper()) / len(letters) if letters else 0.0,
        sum(1 for c in line if c.isdigit()) / max(n_chars, 1),
        punct / max(n_chars, 1),
        line.count(",") / max(n_words, 1),
        float(f.is_prose(line)),
        float(f.is_headline(line)),
        float(f.is_chrome(line)),
        float(f.is_player(line)),
        float(f.is_byline(line)),
        float(f.is_date_line(line)),
        float(count > 1),
        float(bool(_SEPARATORS.search(line))),
        float(line.rstrip().endswith(":")),
        float(line[:1].islower()),
        float(bool(_URLISH.search(line))),
        float(any(q in line for q in _QUOTES)),
        float(n_words <= 3 and not f.has_terminal(line)),
        n_chars / max(longest, 1),
        *(float(label == lb) for lb in RULE_LABELS),
    ]


def _content(line: str, stops: frozenset[str]) -> set[str]:
    return {w.lower() for w in f.words(line) if len(w) > 2 and w.lower() not in stops}


def _anchor(content: list[set[str]]) -> int:
    title = content[0] if content else set()
    return next((i for i in range(1, len(content)) if title and len(content[i] & title) >= ANCHOR_SHARE * len(title)), 0)


def anchor_index(lines: list[str]) -> int:
    """Index of the first line that repeats the page's first line (its <title>), 0 when none does.

    Flattened pages start with the <title>; the headline printed again above the article
    marks where the article starts.
    """
    stops = resources.stopwords()
    return _anchor([_content(ln, stops) for ln in lines])


def _vocabulary(lines: list[str], labels: list[str]) -> np.ndarray:
    """Topic coherence: overlap with the page's first line (its <title>) and with the rule body.

    Related-story teasers and sidebars talk about something else; body lines share words
    with the headline and with each other. The headline's repeat marks where the article starts.
    """
    stops = resources.stopwords()
    content = [_content(ln, stops) for ln in lines]
    title = content[0] if content else set()
    body_vocab: Counter[str] = Counter()
    for c, lb in zip(content, labels):
        if lb == "body":
            body_vocab.update(c)
    anchor = _anchor(content)
    rows = []
    for i, (c, lb) in enumerate(zip(content, labels)):
        own = 1 if lb == "body" else 0
        shared = sum(1 for w in c if body_vocab[w] - own > 0)
        rows.append([len(c & title) / len(c) if c else 0.0, shared / len(c) if c else 0.0,
                     float(i > anchor > 0), (i - anchor) / max(len(lines), 1)])
    return np.array(rows, dtype=float).reshape(len(lines), 4)


def _page_context(base: np.ndarray) -> np.ndarray:
    """Per-line position and density features: where the line sits among the page's prose."""
    n = base.shape[0]
    prose = base[:, BASE_NAMES.index("prose")]
    chars = np.expm1(base[:, BASE_NAMES.index("log_chars")] * 6)
    prose_chars = chars * prose
    total = max(float(prose_chars.sum()), 1.0)
    cum = np.cumsum(prose_chars) / total
    cols = [np.arange(n) / max(n - 1, 1), cum, np.full(n, math.log1p(n) / 8)]
    for half in WINDOWS:
        for name in WINDOW_FEATURES:
            cols.append(window_mean(base[:, BASE_NAMES.index(name)], half))
    return np.stack(cols, axis=1)


def window_mean(values: np.ndarray, half: int) -> np.ndarray:
    """Mean of ``values`` over [i - half, i + half], clipped at the page edges."""
    n = len(values)
    cum = np.concatenate([[0.0], np.cumsum(values)])
    idx = np.arange(n)
    lo, hi = np.maximum(idx - half, 0), np.minimum(idx + half + 1, n)
    return (cum[hi] - cum[lo]) / (hi - lo)


# Base features averaged over each window around the line.
WINDOW_FEATURES = ("prose", "rule_body", "chrome", "short_menu", "stop_ratio", "log_chars")
CONTEXT_NAMES = ("position", "prose_before", "page_lines", *(f"{k}_w{h}" for h in WINDOWS for k in WINDOW_FEATURES),
                 "title_overlap", "body_overlap", "after_anchor", "from_anchor")


def feature_names() -> list[str]:
    """Names of the columns of ``page_matrix``, in order."""
    names = list(BASE_NAMES) + list(CONTEXT_NAMES)
    for off in NEIGHBOUR_OFFSETS:
        names += [f"{name}@{off:+d}" for name in BASE_NAMES] + [f"exists@{off:+d}"]
    return names


def page_matrix(lines: list[str], labels: list[str]) -> np.ndarray:
    """One row per line: its own features, page context, and its neighbours' features."""
    counts = Counter(lines)
    longest = max((len(ln) for ln in lines), default=1)
    base = np.array([_base(ln, lb, counts[ln], longest) for ln, lb in zip(lines, labels)], dtype=float)
    base = base.reshape(len(lines), len(BASE_NAMES))
    parts = [base, _page_context(base), _vocabulary(lines, labels)]
    n = len(lines)
    for off in NEIGHBOUR_OFFSETS:
        shifted = np.zeros_like(base)
        exists = np.zeros((n, 1))
        lo, hi = max(0, -off), min(n, n - off)
        if lo < hi:
            shifted[lo:hi] = base[lo + off:hi + off]
            exists[lo:hi] = 1.0
        parts += [shifted, exists]
    return np.concatenate(parts, axis=1)
