"""Reported speech without quotation marks: "X said (that) ...", "X told reporters ...",
"according to X, ...", "..., saying ...".

The content is the reported clause (the cue's clausal complement, or for "according to"
the clause it is attached to). A clause that is mostly inside quotation marks is left to
the partial quote found there (``max_quoted_share`` in ``data/quotes/cues.json``).
"""

from __future__ import annotations

from spacy.tokens import Token

from .cues import Layout, is_cue, lexicon
from .direct import Draft
from .speaker import ActorIndex, resolve

_TRIM = " \t\n,.;:—–-"
_MARKS = "\"“”"
# A reported clause shorter than this many words is not a statement (tests).
MIN_CLAUSE_WORDS = 3


def _clause(cue: Token) -> tuple[int, int] | None:
    """Character range of what a cue reports, before trimming."""
    if cue.lower_ == "according":
        head = cue.head
        if head is cue:
            return None
        a_start, a_end = cue.left_edge.idx, cue.right_edge.idx + len(cue.right_edge.text)
        h_start, h_end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
        return (a_end, h_end) if a_start <= head.idx else (h_start, a_start)
    comp = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    if comp is None:
        return None
    left = comp.left_edge
    while left.dep_ == "mark" and left.i < comp.i:  # "said that ..."
        left = left.nbor(1)
    return left.idx, comp.right_edge.idx + len(comp.right_edge.text)


def _trim(body: str, s: int, e: int) -> tuple[int, int]:
    """Strip punctuation at the ends, and a quotation mark left unpaired by the cut."""
    while True:
        s0, e0 = s, e
        while s < e and body[s] in _TRIM:
            s += 1
        while e > s and body[e - 1] in _TRIM:
            e -= 1
        unpaired = sum(body.count(m, s, e) for m in _MARKS) % 2 == 1
        if unpaired and e > s and body[e - 1] in _MARKS:
            e -= 1
        elif unpaired and e > s and body[s] in _MARKS:
            s += 1
        if (s, e) == (s0, e0):
            return s, e


def _quoted_share(layout: Layout, s: int, e: int) -> float:
    inside = 0
    for qs, qe in layout.quoted:
        lo, hi = max(s, qs), min(e, qe)
        if hi > lo:
            inside += hi - lo
    return inside / max(e - s, 1)


def build(layout: Layout, index: ActorIndex) -> list[Draft]:
    """Indirect quotes for every reporting cue with a reported clause mostly outside quotation marks."""
    lex = lexicon()
    body = layout.body
    out: list[Draft] = []
    for tok in layout.doc:
        if layout.inside(tok.idx) or not is_cue(tok) or tok.lemma_.lower() in lex["indirect_exclude"]:
            continue
        clause = _clause(tok)
        if clause is None:
            continue
        s, e = _trim(body, *clause)
        if len(body[s:e].split()) < MIN_CLAUSE_WORDS or _quoted_share(layout, s, e) > lex["max_quoted_share"]:
            continue
        d = Draft("indirect", [[s, e]], cue=tok)
        d.speaker = resolve(layout.doc, tok, index, body)
        out.append(d)
    return out
