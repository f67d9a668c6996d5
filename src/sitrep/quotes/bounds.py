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
from spacy.attrs import DEP, IDX, IS_PUNCT, IS_SPACE, LENGTH, LOWER, ORTH, POS, SENT_START

MODEL_FILE = "quote_bounds.npz"
N_BUCKETS = 2**17
K = 8  # farthest move of an edge, in tokens
KINDS = {"direct": 1, "partial": 2, "indirect": 3, "stance": 4}
_ATTRS = [LOWER, POS, DEP, IS_PUNCT, IS_SPACE, SENT_START, IDX, LENGTH]
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


class DocArrays:
    """The token attributes the features read, as arrays, taken from the parse once per article."""

    def __init__(self, doc: Any, body: str) -> None:
        a = doc.to_array(_ATTRS).astype(np.int64)
        n = len(a)
        self.lower = a[:, 0].astype(np.uint64)
        self.pos, self.dep = a[:, 1].astype(np.uint64), a[:, 2].astype(np.uint64)
        self.punct, space = a[:, 3] == 1, a[:, 4] == 1
        self.word = ~(self.punct | space)
        self.start = a[:, 6]
        self.end = a[:, 6] + a[:, 7]
        self.sent = np.cumsum(a[:, 5] == 1)
        self.sent[:] = self.sent - self.sent.min()  # a sentence number per token
        strings = doc.vocab.strings
        comma = np.isin(a[:, 0], [strings[c] for c in (",", ";", "—", "–", "(", ")", "-", "--")])
        mark = np.isin(a[:, 0], [strings[c] for c in ('"', "“", "”", "''", "``")])
        verb = np.isin(a[:, 1], [strings["VERB"], strings["AUX"]])
        # prefix sums: how many of each lie before token i
        self.c_comma = np.concatenate([[0], np.cumsum(comma)])
        self.c_mark = np.concatenate([[0], np.cumsum(mark)])
        self.c_verb = np.concatenate([[0], np.cumsum(verb)])
        self.c_word = np.concatenate([[0], np.cumsum(self.word)])
        # quote marks read from the text (the hashed columns above are cast to int64, which wraps
        # large hashes: their mark and comma counts, model features, stay as the model was trained)
        orth = doc.to_array([ORTH]).reshape(-1).astype(np.uint64)
        qmark = np.isin(orth, np.array([strings[c] for c in ('"', "“", "”", "''", "``")], dtype=np.uint64))
        self.c_qmark = np.concatenate([[0], np.cumsum(qmark)])
        self.n = n
        ws = np.flatnonzero(self.word)
        n_sent = int(self.sent.max()) + 1 if n else 0
        last = np.full(n_sent, -1, dtype=np.int64)
        first = np.full(n_sent, n, dtype=np.int64)
        np.maximum.at(last, self.sent[ws], ws)
        np.minimum.at(first, self.sent[ws], ws)
        self.sent_last = last[self.sent] if n else last  # last word token of each token's sentence
        self.sent_first = first[self.sent] if n else first
        self.doc = doc
        self.blocked = np.zeros(0, dtype=np.int64)

    def block(self, spans: list[tuple[int, int]]) -> None:
        """Tokens no content may grow over: every draft's cue and speaker (PolNeAR gives each token
        one role, so a content never holds a cue or a source)."""
        marks = np.zeros(self.n, dtype=bool)
        for s, e in spans:
            marks[(self.start < e) & (self.end > s)] = True
        self.blocked = np.flatnonzero(marks)

    def last_word_before(self, char: int) -> int:
        """The last word token that starts before ``char`` (-1 when none)."""
        i = int(np.searchsorted(self.start, char, side="left")) - 1
        while i >= 0 and not self.word[i]:
            i -= 1
        return i

    def first_word_from(self, char: int) -> int:
        """The first word token that ends after ``char`` (n when none)."""
        i = int(np.searchsorted(self.end, char, side="right"))
        while i < self.n and not self.word[i]:
            i += 1
        return i


def _shift(arr: np.ndarray, j: np.ndarray) -> np.ndarray:
    """arr[j], 0 where j falls outside the document."""
    ok = (j >= 0) & (j < len(arr))
    return np.where(ok, arr[np.clip(j, 0, len(arr) - 1)], np.uint64(0))


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
    lo, hi = np.minimum(idx, cur) + side, np.maximum(idx, cur) + side  # the tokens a move adds or drops
    commas = (da.c_comma[hi] - da.c_comma[lo]) > 0
    marks = (da.c_mark[hi] - da.c_mark[lo]) > 0
    verbs = (da.c_verb[hi] - da.c_verb[lo]) > 0
    words = np.minimum(da.c_word[hi] - da.c_word[lo], 6)
    a_chr = np.minimum(da.start[idx], da.start[cur])
    b_chr = np.maximum(da.end[idx], da.end[cur])
    moved = delta != 0

    def crosses(span: np.ndarray) -> np.ndarray:
        has = span[:, 0] >= 0
        return (has & moved & (span[:, 0] < b_chr) & (a_chr < span[:, 1])) + has.astype(np.int64)

    cue_x, spk_x = crosses(r.cue), crosses(r.spk)
    lw, pos, dep = da.lower[idx], da.pos[idx], da.dep[idx]
    n1, n2, i1 = idx + out_dir, idx + 2 * out_dir, idx - out_dir
    n1w, n1p, n1d = _shift(da.lower, n1), _shift(da.pos, n1), _shift(da.dep, n1)
    n2w, n2p = _shift(da.lower, n2), _shift(da.pos, n2)
    i1w = _shift(da.lower, i1)
    edge = idx == np.where(side == 1, da.sent_last[idx], da.sent_first[idx])
    sg = np.sign(delta) + 1 + 3 * side  # direction of the move, and which edge
    dd = np.clip(delta, -K, K) + K + 100 * side
    k = r.kind
    cm = commas * 2 + marks
    cs = cue_x * 3 + spk_x
    slots = [
        (dd,), (k, dd), (sg, lw), (sg, pos), (sg, dep), (sg, n1w), (sg, n1p), (sg, n1d), (sg, n2w),
        (sg, n1p, n2p), (sg, i1w), (sg, pos, n1p), (sg, edge), (sg, cm), (sg, cs), (sg, verbs), (sg, words),
        (k, sg, n1w), (k, sg, commas), (k, sg, edge), (sg, dep, n1w), (k, sg, lw), (side,), (k, sg, cs),
        (k, sg, marks),
    ]
    n = len(idx)
    m = np.zeros((len(slots), 3, n), dtype=np.uint64)
    for i, vals in enumerate(slots):
        for j, v in enumerate(vals):
            m[i, j] = v
    with np.errstate(over="ignore"):
        x = (np.arange(1, len(slots) + 1, dtype=np.uint64) * _M1)[:, None]
        for j in range(3):
            x = (x ^ m[:, j]) * _M2
            x = x ^ (x >> np.uint64(29))
        x = (x * _M3) >> np.uint64(20)
    return (x % np.uint64(N_BUCKETS)).T.astype(np.int64)


def edge_candidates(da: DocArrays, spans: list[list[int]], side: int,
                    cue: tuple[int, int] | None = None) -> tuple[int, np.ndarray] | None:
    """(current edge token, candidate tokens) of a draft's start (side 0) or end (side 1): the
    word tokens of the current edge token's sentence at most ``K`` tokens away that keep the span
    non-empty, cross no quote mark, grow over no cue or speaker, and stay consistent with the cue: a start drops no
    word the cue governs ("expressed [support for ...]"), an end after the cue stays in the
    cue's phrase ("The officials who said [the plan would fail] were right")."""
    first, last = spans[0], spans[-1]
    if side == 0:
        cur = da.first_word_from(first[0])
        if cur >= da.n or da.start[cur] >= first[1]:
            return None
        lo, hi = max(cur - K, da.sent_first[cur]), min(cur + K, da.sent_last[cur], da.last_word_before(first[1]))
    else:
        cur = da.last_word_before(last[1])
        if cur < 0 or da.end[cur] <= last[0]:
            return None
        lo, hi = max(cur - K, da.sent_first[cur], da.first_word_from(last[0])), min(cur + K, da.sent_last[cur])
    c = da.first_word_from(cue[0]) if cue is not None else da.n
    if c < da.n:
        tok = da.doc[c]
        if side == 0:
            kids = [k.i for k in tok.children if k.i >= cur]
            hi = min(hi, max(cur, min(kids))) if kids else hi
        elif c < cur:
            hi = min(hi, max(cur, tok.right_edge.i))
    if len(da.blocked):  # grow up to the nearest cue or speaker token, never over it
        k = int(np.searchsorted(da.blocked, cur))
        if side == 0 and k > 0:
            lo = max(lo, int(da.blocked[k - 1]) + 1)
        k = int(np.searchsorted(da.blocked, cur, side="right"))
        if side == 1 and k < len(da.blocked):
            hi = min(hi, int(da.blocked[k]) - 1)
    idx = np.arange(lo, hi + 1)
    idx = idx[da.word[idx]]
    a, b = np.minimum(idx, cur), np.maximum(idx, cur)
    idx = idx[da.c_qmark[b] - da.c_qmark[np.minimum(a + 1, b)] == 0]  # never over a quote mark ('said "X" next week')
    if not (lo <= cur <= hi) or not len(idx):
        return None
    return cur, idx


def rows_of(da: DocArrays, items: list[tuple[list[list[int]], int, Any, Any]]) -> tuple[Rows, list[tuple[int, int, int, int, int]]]:
    """The candidate rows of many drafts ((spans, kind, cue span, speaker span) each), and per draft
    edge (draft, side, current token, first row, end row)."""
    parts, groups, at = [], [], 0
    for q, (spans, kind, cue, spk) in enumerate(items):
        for side in (0, 1) if spans and kind != KINDS["direct"] else ():  # a direct quote's edges are its marks
            found = edge_candidates(da, spans, side, cue)
            if found is None:
                continue
            cur, idx = found
            parts.append((idx, cur, side, kind, cue or (-1, -1), spk or (-1, -1)))
            groups.append((q, side, cur, at, at + len(idx)))
            at += len(idx)
    if not parts:
        return Rows(*(np.zeros(0, np.int64) for _ in range(4)), np.zeros((0, 2), np.int64), np.zeros((0, 2), np.int64)), []
    lens = [len(p[0]) for p in parts]
    rows = Rows(
        np.concatenate([p[0] for p in parts]),
        np.repeat([p[1] for p in parts], lens),
        np.repeat([p[2] for p in parts], lens),
        np.repeat([p[3] for p in parts], lens),
        np.repeat(np.array([p[4] for p in parts], dtype=np.int64), lens, axis=0),
        np.repeat(np.array([p[5] for p in parts], dtype=np.int64), lens, axis=0),
    )
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
    out = []
    for q, side, cur, a, b in groups:
        seg = sc[a:b]
        best = int(seg.argmax())
        tok = int(rows.idx[a + best])
        if tok != cur:
            here = int(np.flatnonzero(rows.idx[a:b] == cur)[0])
            out.append((q, side, int(da.start[tok] if side == 0 else da.end[tok]), float(seg[best] - seg[here])))
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
    if not drafts or not len(doc):
        return
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
