"""A small learned corrector for where a content starts and ends.

The rules cut a content from the parse; PolNeAR's annotators often put its edges a few words
away (keep or drop a trailing clause, a leading "that", an aside), and no single rule picks the
convention per case. For each draft, every word token of the sentence around its first word (a
candidate start) and around its last word (a candidate end), at most ``K`` words away, is scored
by a linear model over hashed parse features (``features``: the word and its neighbours, their
tags and dependencies, how far it moves the edge, what the move would cross: a comma, a quote
mark, the cue, the speaker, a verb). The edge moves to the best candidate only when it beats the
current one by the model's margin (on the logit), so the rule boundary stays unless the model is
confident. Never leaves the sentence of the current edge, never empties a span, never grows a
content over any draft's cue or speaker.

Cost: all drafts of an article at once, in numpy over token columns read from the parse once
(``DocArrays``): the candidates of every edge as one (edges, 2K+1) mask, the features of every
candidate as one hash over (slots, 3, rows); no Python loop per draft or candidate, and nothing
at all for an article whose drafts are all direct quotes.

Weights: ``data/quotes/quote_bounds.npz``, built from PolNeAR train by
``scripts/train_quote_bounds.py`` (margins chosen on article folds inside train). When the file
is absent, contents keep the rule boundaries.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, IS_PUNCT, IS_SPACE, LENGTH, LOWER, POS, SENT_START
from spacy.strings import hash_string
from spacy.symbols import AUX as _AUX, VERB as _VERB

MODEL_FILE = "quote_bounds.npz"
N_BUCKETS = 2**17
K = 8  # farthest move of an edge, in tokens
KINDS = {"direct": 1, "partial": 2, "indirect": 3, "stance": 4}
_ATTRS = [LOWER, POS, DEP, IS_PUNCT, IS_SPACE, SENT_START, IDX, LENGTH, HEAD]
_M1, _M2, _M3 = np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9)


@dataclass
class BoundsModel:
    """Weights of the start and the end scorer (one hashed space) and the margin of each edge."""

    w: np.ndarray  # start and end features hash apart (the edge is part of every feature)
    margin_start: float
    margin_end: float


def load(path: Path | None = None) -> BoundsModel | None:
    """The model stored at path (default: the shipped file); None when there is none."""
    ref = path if path is not None else resources.files("sitrep.data").joinpath("quotes").joinpath(MODEL_FILE)
    if not ref.is_file():
        return None
    with ref.open("rb") as fh:
        d = np.load(fh)
        return BoundsModel(d["w"].astype(np.float32), float(d["margin_start"]), float(d["margin_end"]))


@lru_cache(maxsize=1)
def shipped() -> BoundsModel | None:
    """The shipped model, loaded once per process; None when its file is absent."""
    return load()


def save(model: BoundsModel, path: Path) -> None:
    """Write the model as compressed npz (float16 weights)."""
    np.savez_compressed(path, w=model.w.astype(np.float16),
                        margin_start=np.float32(model.margin_start), margin_end=np.float32(model.margin_end))


_COMMAS = (",", ";", "—", "–", "(", ")", "-", "--")
_MARKS = ('"', "“", "”", "''", "``")
_COMMA_IDS = np.array([hash_string(c) for c in _COMMAS], dtype=np.uint64)  # LOWER of these is their ORTH
_MARK_IDS = np.array([hash_string(c) for c in _MARKS], dtype=np.uint64)
_PAD = 2  # the features read up to two tokens beyond a candidate


class DocArrays:
    """The token attributes the features read, as arrays, taken from the parse once per article.
    Hashes (LOWER) stay uint64: an int64 cast would wrap the larger half of them."""

    def __init__(self, doc: Any, body: str = "") -> None:
        a = doc.to_array(_ATTRS)  # uint64
        ai = a.view(np.int64)  # the same bits: offsets, lengths, flags and relative heads as signed
        n = len(a)
        self.n = n
        self.doc = doc
        ar = np.arange(n, dtype=np.int64)
        punct = ai[:, 3] == 1
        self.word = word = ~(punct | (ai[:, 4] == 1))
        self.start = np.ascontiguousarray(ai[:, 6])
        self.end = self.start + ai[:, 7]
        self.head = ar + ai[:, 8]  # HEAD is relative
        # LOWER, POS and DEP padded: token i at i + _PAD, 0 outside the document
        cols = np.zeros((3, n + 2 * _PAD), dtype=np.uint64)
        cols[:, _PAD : _PAD + n] = a[:, :3].T
        self.cols = cols
        self.lower_p, self.pos_p, self.dep_p = cols
        # flags (comma, quote mark, verb, word), then how many of each lie before token i
        f = np.zeros((n, 4), dtype=np.int64)
        pi = np.flatnonzero(ai[:, 7] <= 2)  # every comma and quote mark is one or two characters long
        pl = a[pi, 0]
        f[pi, 0] = (pl[:, None] == _COMMA_IDS).any(axis=1)
        f[pi, 1] = (pl[:, None] == _MARK_IDS).any(axis=1)
        f[:, 2] = (ai[:, 1] == _VERB) | (ai[:, 1] == _AUX)
        f[:, 3] = word
        c = np.zeros((n + 1, 4), dtype=np.int64)
        np.cumsum(f, axis=0, out=c[1:])
        self.c = c = c.T.copy()
        self.c_comma, self.c_mark, self.c_verb, self.c_word = c
        # the nearest word token at or after / at or before each token (n / -1 when none)
        self.next_word = np.append(np.minimum.accumulate(np.where(word, ar, n)[::-1])[::-1], n)
        self.prev_word = np.maximum.accumulate(np.where(word, ar, -1))
        ss = ai[:, 5] == 1
        ss[:1] = True
        self.sent = np.cumsum(ss) - 1  # a sentence number per token
        s_first = np.flatnonzero(ss)
        s_last = np.append(s_first[1:] - 1, n - 1)[: len(s_first)]
        fw, lw = self.next_word[s_first], self.prev_word[s_last]
        first = np.where(fw <= s_last, fw, n)  # first word token of each sentence (n when none)
        last = np.where(lw >= s_first, lw, -1)
        self.sent_last = last[self.sent]  # last word token of each token's sentence
        self.sent_first = first[self.sent]
        self.blocked = np.zeros(0, dtype=np.int64)

    def block(self, spans: list[tuple[int, int]]) -> None:
        """Tokens no content may grow over: every draft's cue and speaker (PolNeAR gives each token
        one role, so a content never holds a cue or a source)."""
        if not spans:
            self.blocked = np.zeros(0, dtype=np.int64)
            return
        se = np.asarray(spans, dtype=np.int64).reshape(-1, 2)
        lo = np.searchsorted(self.end, se[:, 0], side="right")  # first token ending after the start
        hi = np.searchsorted(self.start, se[:, 1], side="left")  # first token starting at or after the end
        ok = lo < hi
        d = np.bincount(lo[ok], minlength=self.n + 1) - np.bincount(hi[ok], minlength=self.n + 1)
        self.blocked = np.flatnonzero(np.cumsum(d[: self.n]) > 0)

    def last_word_before(self, char: Any) -> Any:
        """The last word token that starts before ``char`` (-1 when none); ``char`` may be an array."""
        i = np.searchsorted(self.start, char, side="left") - 1
        return np.where(i >= 0, self.prev_word[np.maximum(i, 0)], -1)

    def first_word_from(self, char: Any) -> Any:
        """The first word token that ends after ``char`` (n when none); ``char`` may be an array."""
        return self.next_word[np.searchsorted(self.end, char, side="right")]


@dataclass
class Rows:
    """Candidate edges of many drafts at once, one entry per candidate token."""

    idx: np.ndarray  # candidate token
    cur: np.ndarray  # the draft's current edge token
    side: np.ndarray  # 0 start, 1 end
    kind: np.ndarray
    cue: np.ndarray  # (n, 2) character span of the cue, -1 when none
    spk: np.ndarray  # (n, 2) the speaker's


def features(da: DocArrays, r: Rows) -> np.ndarray:
    """Hashed feature buckets, one row per candidate: the candidate word, its neighbour outside and
    inside the edge, their tags and dependencies, how far the move goes (in tokens) and whether it
    crosses a comma, a quote mark, a verb, the cue or the speaker; some paired with the draft's kind."""
    idx, cur, side = r.idx, r.cur, r.side
    delta = idx - cur
    out_dir = 2 * side - 1  # the neighbour outside the candidate edge: before a start, after an end
    lo = np.minimum(idx, cur) + side  # the tokens a move adds or drops: lo .. lo + |delta| - 1
    c = da.c[:, lo + np.abs(delta)] - da.c[:, lo]  # commas, quote marks, verbs, words among them
    commas, marks, verbs = c[0] > 0, c[1] > 0, c[2] > 0
    a_chr = np.minimum(da.start[idx], da.start[cur])
    b_chr = np.maximum(da.end[idx], da.end[cur])
    moved = delta != 0

    def crosses(span: np.ndarray) -> np.ndarray:
        has = span[:, 0] >= 0
        return (has & moved & (span[:, 0] < b_chr) & (a_chr < span[:, 1])) + has.astype(np.int64)

    p = idx + _PAD
    n = len(idx)
    # every value a slot reads, one row each (row 0: nothing): see _VAL_ROWS
    v = np.empty((21, n), dtype=np.uint64)
    v[0] = 0
    v[1] = np.clip(delta, -K, K) + K + 100 * side  # dd
    v[2] = r.kind
    v[3] = np.sign(delta) + 1 + 3 * side  # direction of the move, and which edge
    v[4:7] = da.cols[:, p]  # the candidate's LOWER, POS, DEP
    v[7:10] = da.cols[:, p + out_dir]  # its neighbour outside the edge
    v[10:12] = da.cols[:2, p + 2 * out_dir]  # the one after that (LOWER, POS)
    v[12] = da.cols[0, p - out_dir]  # its neighbour inside
    v[13] = idx == np.where(side == 1, da.sent_last[idx], da.sent_first[idx])  # edge of its sentence
    v[14] = commas * 2 + marks
    v[15] = crosses(r.cue) * 3 + crosses(r.spk)
    v[16] = verbs
    v[17] = np.minimum(c[3], 6)
    v[18] = commas
    v[19] = side
    v[20] = marks
    m = v[_SLOTS]  # (slots, 3, rows)
    with np.errstate(over="ignore"):
        x = _SLOT_SEEDS
        for j in range(3):
            x = (x ^ m[:, j]) * _M2
            x = x ^ (x >> np.uint64(29))
        x = (x * _M3) >> np.uint64(20)
    return (x % np.uint64(N_BUCKETS)).T.astype(np.int64)


_SLOT_NAMES = [
    ("dd",), ("k", "dd"), ("sg", "lw"), ("sg", "pos"), ("sg", "dep"), ("sg", "n1w"), ("sg", "n1p"), ("sg", "n1d"),
    ("sg", "n2w"), ("sg", "n1p", "n2p"), ("sg", "i1w"), ("sg", "pos", "n1p"), ("sg", "edge"), ("sg", "cm"),
    ("sg", "cs"), ("sg", "verbs"), ("sg", "words"), ("k", "sg", "n1w"), ("k", "sg", "commas"), ("k", "sg", "edge"),
    ("sg", "dep", "n1w"), ("k", "sg", "lw"), ("side",), ("k", "sg", "cs"), ("k", "sg", "marks"),
]
_VAL_ROWS = {name: i + 1 for i, name in enumerate(
    ["dd", "k", "sg", "lw", "pos", "dep", "n1w", "n1p", "n1d", "n2w", "n2p", "i1w", "edge", "cm", "cs", "verbs",
     "words", "commas", "side", "marks"])}
_SLOTS = np.array([[_VAL_ROWS[v] for v in names] + [0] * (3 - len(names)) for names in _SLOT_NAMES])
with np.errstate(over="ignore"):
    _SLOT_SEEDS = (np.arange(1, len(_SLOT_NAMES) + 1, dtype=np.uint64) * _M1)[:, None]


def _edges(da: DocArrays, items: list[tuple[list[list[int]], int, Any, Any]]) -> tuple[np.ndarray, ...] | None:
    """Per draft edge that may move (draft, side, current token, lo, hi, kind, cue, speaker), as
    arrays in draft order, start before end: see ``edge_candidates``."""
    t = [(q, spans[0][0], spans[0][1], spans[-1][0], spans[-1][1], kind, *(cue or (-1, -1)), *(spk or (-1, -1)))
         for q, (spans, kind, cue, spk) in enumerate(items) if spans and kind != KINDS["direct"]]
    if not t or not da.n:
        return None  # a direct quote's edges are its marks
    n, d = da.n, len(t)
    a = np.array(t, dtype=np.int64)
    qs, f, kind, cue, spk = a[:, 0], a[:, 1:5], a[:, 5], a[:, 6:8], a[:, 8:10]
    has_cue = cue[:, 0] >= 0
    # one search per direction: first word token from (start of the first span, start of the last
    # span, the cue), last word token before (end of the first span, end of the last span)
    fw = da.first_word_from(np.concatenate([f[:, 0], f[:, 2], np.maximum(cue[:, 0], 0)]))
    lw = da.last_word_before(np.concatenate([f[:, 1], f[:, 3]]))
    # side 0: the first word token of the first span
    cur0 = fw[:d]
    c0 = np.minimum(cur0, n - 1)
    ok0 = (cur0 < n) & (da.start[c0] < f[:, 1])
    lo0 = np.maximum(c0 - K, da.sent_first[c0])
    hi0 = np.minimum(np.minimum(c0 + K, da.sent_last[c0]), lw[:d])
    # side 1: the last word token of the last span
    cur1 = lw[d:]
    c1 = np.maximum(cur1, 0)
    ok1 = (cur1 >= 0) & (da.end[c1] > f[:, 2])
    lo1 = np.maximum(np.maximum(c1 - K, da.sent_first[c1]), fw[d : 2 * d])
    hi1 = np.minimum(c1 + K, da.sent_last[c1])
    if has_cue.any():
        c = np.where(has_cue, fw[2 * d :], n)
        cc = c < n
        # a start drops no word the cue governs: hi stops at the cue's first child at or after the start
        # (one further away than K changes nothing: hi <= cur + K)
        w = c0[:, None] + np.arange(K + 1)
        kid = (w < n) & (da.head[np.minimum(w, n - 1)] == c[:, None]) & (w != c[:, None]) & cc[:, None]
        anyk = kid.any(axis=1)
        hi0 = np.where(anyk, np.minimum(hi0, w[np.arange(len(w)), kid.argmax(axis=1)]), hi0)
        # an end after the cue stays in the cue's phrase
        after = np.flatnonzero(cc & (c < c1) & ok1)
        if len(after):
            doc = da.doc
            right = np.array([doc[int(c[j])].right_edge.i for j in after], dtype=np.int64)
            hi1[after] = np.minimum(hi1[after], np.maximum(c1[after], right))
    if len(da.blocked):  # grow up to the nearest cue or speaker token, never over it
        b = da.blocked
        k0 = np.searchsorted(b, c0)
        lo0 = np.where(k0 > 0, np.maximum(lo0, b[np.maximum(k0 - 1, 0)] + 1), lo0)
        k1 = np.searchsorted(b, c1, side="right")
        hi1 = np.where(k1 < len(b), np.minimum(hi1, b[np.minimum(k1, len(b) - 1)] - 1), hi1)
    cur = np.stack([c0, c1], axis=1).ravel()
    lo = np.stack([lo0, lo1], axis=1).ravel()
    hi = np.stack([hi0, hi1], axis=1).ravel()
    ok = np.stack([ok0, ok1], axis=1).ravel() & (lo <= cur) & (cur <= hi)
    e = np.flatnonzero(ok)
    if not len(e):
        return None
    return qs[e // 2], e % 2, cur[e], lo[e], hi[e], kind[e // 2], cue[e // 2], spk[e // 2]


def _candidates(da: DocArrays, cur: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """(edges, 2K+1) mask over tokens cur-K .. cur+K: the word tokens within lo..hi that cross no
    quote mark on the way from the current edge ('said "X" next week')."""
    w = cur[:, None] + np.arange(-K, K + 1)
    m = (w >= lo[:, None]) & (w <= hi[:, None])
    wc = np.clip(w, 0, da.n - 1)
    a, b = np.minimum(wc, cur[:, None]), np.maximum(wc, cur[:, None])
    return m & da.word[wc] & (da.c_mark[b] - da.c_mark[np.minimum(a + 1, b)] == 0)


def edge_candidates(da: DocArrays, spans: list[list[int]], side: int,
                    cue: tuple[int, int] | None = None) -> tuple[int, np.ndarray] | None:
    """(current edge token, candidate tokens) of a draft's start (side 0) or end (side 1): the
    word tokens of the current edge token's sentence at most ``K`` tokens away that keep the span
    non-empty, cross no quote mark, grow over no cue or speaker, and stay consistent with the cue: a start drops no
    word the cue governs ("expressed [support for ...]"), an end after the cue stays in the
    cue's phrase ("The officials who said [the plan would fail] were right")."""
    found = _edges(da, [(spans, 0, cue, None)])
    if found is None or side not in found[1]:
        return None
    j = int(np.flatnonzero(found[1] == side)[0])
    cur, lo, hi = found[2][j : j + 1], found[3][j : j + 1], found[4][j : j + 1]
    m = _candidates(da, cur, lo, hi)
    return int(cur[0]), (cur[0] + np.arange(-K, K + 1))[m[0]]


def rows_of(da: DocArrays, items: list[tuple[list[list[int]], int, Any, Any]]) -> tuple[Rows, list[tuple[int, int, int, int, int]]]:
    """The candidate rows of many drafts ((spans, kind, cue span, speaker span) each), and per draft
    edge (draft, side, current token, first row, end row)."""
    found = _edges(da, items)
    if found is None:
        return Rows(*(np.zeros(0, np.int64) for _ in range(4)), np.zeros((0, 2), np.int64), np.zeros((0, 2), np.int64)), []
    q, side, cur, lo, hi, kind, cue, spk = found
    m = _candidates(da, cur, lo, hi)
    e, off = np.nonzero(m)
    rows = Rows(cur[e] + off - K, cur[e], side[e], kind[e], cue[e], spk[e])
    ends = np.cumsum(m.sum(axis=1))
    groups = list(zip(q.tolist(), side.tolist(), cur.tolist(), (ends - m.sum(axis=1)).tolist(), ends.tolist()))
    return rows, groups


def moves(da: DocArrays, items: list[tuple[list[list[int]], int, Any, Any]],
          w: np.ndarray) -> list[tuple[int, int, int, float]]:
    """Per draft edge whose best candidate is not the current one: (draft, side, new character
    offset, score gain over the current edge)."""
    da.block([span for _, _, cue, spk in items for span in (cue, spk) if span is not None])
    rows, groups = rows_of(da, items)
    if not groups:
        return []
    sc = w[features(da, rows)].sum(axis=1)
    starts = np.array([g[3] for g in groups])
    g = np.repeat(np.arange(len(groups)), np.diff(np.append(starts, len(sc))))
    top = np.maximum.reduceat(sc, starts)
    best = np.flatnonzero(sc == top[g])
    best = best[np.unique(g[best], return_index=True)[1]]  # the first best row of each edge
    here = np.flatnonzero(rows.idx == rows.cur)  # the current edge's row (one per edge)
    tok = rows.idx[best]
    out = []
    for j in np.flatnonzero(tok != rows.cur[best]).tolist():
        q, side = groups[j][0], groups[j][1]
        t = int(tok[j])
        out.append((q, side, int(da.start[t] if side == 0 else da.end[t]), float(sc[best[j]] - sc[here[j]])))
    return out


def apply(spans: list[list[int]], found: list[tuple[int, float]], margins: tuple[float, float]) -> list[list[int]] | None:
    """The spans with each (side, new offset, gain) move that reaches its margin; None when none does
    or a span would be empty."""
    out = [list(s) for s in spans]
    changed = False
    for side, edge, gain in found:
        if gain >= margins[side]:
            if side == 0:
                out[0][0] = edge
            else:
                out[-1][1] = edge
            changed = True
    if not changed or any(e <= s for s, e in out):
        return None
    return out


def correct(doc: Any, body: str, drafts: list[Any], model: BoundsModel) -> None:
    """Move each draft's first start and last end to the model's best candidate when it beats
    the rule edge by the margin."""
    drafts = [d for d in drafts if d.spans]
    if not len(doc) or all(d.kind == "direct" for d in drafts):
        return  # nothing to move: a direct quote's edges are its marks
    da = DocArrays(doc, body)
    items = []
    for d in drafts:
        cue = (d.cue.idx, d.cue.idx + len(d.cue.text)) if d.cue is not None else None
        spk = tuple(d.speaker.span) if d.speaker is not None and d.speaker.span else None
        items.append(([list(s) for s in d.spans], KINDS.get(d.kind, 0), cue, spk))
    per: dict[int, list[tuple[int, int, float]]] = {}
    for q, side, edge, gain in moves(da, items, model.w):
        per.setdefault(q, []).append((side, edge, gain))
    for q, found in per.items():
        new = apply(items[q][0], found, (model.margin_start, model.margin_end))
        if new is not None:
            drafts[q].spans = new
