"""Second-pass features for the line model: the first pass's P(body) of the line's neighbours.

The first pass (``linefeatures.page_matrix``) judges each line from its own shape and a
window of its neighbours' shapes. The second pass reads the first pass's probabilities
along the page: how sure the model is about the lines around this one, whether the line
sits inside the page's main block of likely body lines or after its end (where related
stories and reader comments follow the article), and how many comment-thread or
related-list markers ("... says:", "2 days ago", "Related") lie between it and that block.
Shared by the run-time model and ``scripts/train_cleaner.py``.
"""

from __future__ import annotations

import numpy as np

from .linefeatures import BASE_NAMES, CONTEXT_NAMES, window_mean
from .resources import thread_patterns

PROB_OFFSETS = (-4, -3, -2, -1, 1, 2, 3, 4)  # neighbours whose P(body) a line sees
PROB_WINDOWS = (2, 5, 15)  # half-widths of windows over which P(body) is averaged
BLOCK_CUT = 0.5  # P(body) above which a line counts for the main block
AFTER_BLOCK_CAP = 50  # lines after the main block's end are counted up to this
MARKER_CAP = 10  # counts of markers are clipped here (then scaled to [0, 1])
TEASER_RUN_CAP = 12  # a leading run of capitalised words longer than this counts as this
MIN_TEASER_CAPS = 4  # a teaser's title has at least this many capitalised words, and its text too
_EDGE = " \t•|·›»«‹*#>-–—"

OWN_COLUMNS = len(BASE_NAMES) + len(CONTEXT_NAMES)  # first-pass columns carried over (the line's own)
STACK_NAMES = (
    "p", "logit", *(f"p@{o:+d}" for o in PROB_OFFSETS), *(f"p_w{h}" for h in PROB_WINDOWS),
    "in_block", "before_block", "after_block", "lines_after_block", "mass_before", "mass_after",
    "comment", "thread", "related", "teaser_caps", "thread_w5", "teaser_w5", "comments_before", "comments_w5",
    "related_before_here", "markers_after_block",
)


def stack_names(first_names: list[str]) -> list[str]:
    """Column names of ``stack_matrix`` given the first pass's column names."""
    return list(first_names[:OWN_COLUMNS]) + list(STACK_NAMES)


def _marks(lines: list[str], key: str) -> np.ndarray:
    pats = thread_patterns()[key]
    out = np.zeros(len(lines))
    for i, line in enumerate(lines):
        text = line.strip(_EDGE).strip().lower()
        out[i] = float(len(text) < 200 and any(p.match(text) for p in pats))
    return out


def _teaser_caps(line: str) -> float:
    """Length of the line's leading run of capitalised words when a sentence follows it
    ("Customers Leave Without Paying $690 Bill At Steakhouse A party of six left ...")."""
    toks = line.split()
    run, caps = 0, 0
    while run < len(toks):
        tok = toks[run].lstrip("\"“‘'(¿¡$€£")
        nxt = toks[run + 1].lstrip("\"“‘'(") if run + 1 < len(toks) else ""
        if tok[:1].isupper() or tok[:1].isdigit():
            caps += 1
        elif not (tok.isalpha() and len(tok) <= 3 and nxt[:1].isupper()):
            break  # a short linking word ("of", "in") inside a title-case run is part of it
        run += 1
    rest = toks[run:]
    if caps < MIN_TEASER_CAPS or len(rest) < MIN_TEASER_CAPS:
        return 0.0
    return min(caps, TEASER_RUN_CAP) / TEASER_RUN_CAP


def _main_block(p: np.ndarray, chars: np.ndarray) -> tuple[int, int]:
    """[start, end) of the maximum-sum run of (P(body) - cut) weighted by sqrt(chars)."""
    gain = (p - BLOCK_CUT) * np.sqrt(chars + 1.0)
    best, span, run, start = 0.0, (0, 0), 0.0, 0
    for i, g in enumerate(gain):
        if run <= 0:
            run, start = 0.0, i
        run += g
        if run > best:
            best, span = run, (start, i + 1)
    return span


def _shift(values: np.ndarray, off: int, fill: float) -> np.ndarray:
    out = np.full_like(values, fill)
    n = len(values)
    lo, hi = max(0, -off), min(n, n - off)
    if lo < hi:
        out[lo:hi] = values[lo + off:hi + off]
    return out




def stack_matrix(lines: list[str], first: np.ndarray, p: np.ndarray) -> np.ndarray:
    """One row per line: its own first-pass features, then the second-pass features."""
    n = len(lines)
    chars = np.array([len(ln) for ln in lines], dtype=float)
    start, end = _main_block(p, chars)
    idx = np.arange(n)
    mass = p * chars
    teaser = np.array([_teaser_caps(ln) for ln in lines])
    total = max(float(mass.sum()), 1.0)
    comment, thread, related = _marks(lines, "comment"), _marks(lines, "thread"), _marks(lines, "related")
    # markers count from the main block's start: a "Comments" link in the page header is not a thread
    cum_comment = np.cumsum(np.where(idx >= start, comment, 0.0))
    cum_related = np.cumsum(np.where(idx >= start, related, 0.0))
    before_end = cum_comment[end - 1] + cum_related[end - 1] if end > 0 else 0.0
    cols = [p, np.log(np.clip(p, 1e-4, 1 - 1e-4) / np.clip(1 - p, 1e-4, 1.0)) / 10]
    cols += [_shift(p, o, 0.0) for o in PROB_OFFSETS]
    cols += [window_mean(p, h) for h in PROB_WINDOWS]
    cols += [
        ((idx >= start) & (idx < end)).astype(float),
        np.clip(start - idx, 0, None) / max(n, 1),
        np.clip(idx - end + 1, 0, None) / max(n, 1),
        np.minimum(np.clip(idx - end + 1, 0, None), AFTER_BLOCK_CAP) / AFTER_BLOCK_CAP,
        (np.cumsum(mass) - mass) / total,
        (total - np.cumsum(mass)) / total,
        comment, thread, related,
        teaser,
        window_mean(thread, 5),
        window_mean(teaser, 5),
        np.minimum(cum_comment - comment, MARKER_CAP) / MARKER_CAP,
        window_mean(comment, 5),
        np.minimum(cum_related - related, MARKER_CAP) / MARKER_CAP,
        np.where(idx >= end, np.minimum(cum_comment + cum_related - before_end, MARKER_CAP) / MARKER_CAP, 0.0),
    ]
    return np.concatenate([first[:, :OWN_COLUMNS], np.stack(cols, axis=1)], axis=1).reshape(n, -1)

