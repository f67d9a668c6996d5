"""Reported speech, beliefs and intentions read from the parse.

A cue verb ("said", "believes", "showed") governs a reported clause (its ``ccomp``
subtree, with the complementiser "that"); an intention verb ("vowed", "refused") its
infinitive (``xcomp``: "to press on"); "according to X" the sentence part it attaches
to. The content keeps PolNeAR's conventions (the complementiser and any quotation marks
inside it); quotation marks that the clause only partly covers are left to ``merge``.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from . import phrases, raising
from .cues import Layout, lexicon
from .direct import Draft
from .speaker import ActorIndex, resolve

_TRIM = " \t\n,;:—–-"
_MARKS = "\"“”"
_CLOSERS = ".!?"
# A reported clause shorter than this many words is not a statement (tests).
MIN_CLAUSE_WORDS = 2
# An infinitive content shorter than this many words ("to go") is kept too: PolNeAR does.
MIN_INTENT_WORDS = 2


@lru_cache(maxsize=1)
def _verbs() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    lex = lexicon()
    return frozenset(lex["clause_verbs"]), frozenset(lex["intent_verbs"]), frozenset(lex["indirect_exclude"])


def _according(cue: Token) -> tuple[int, int] | None:
    head = cue.head
    if head is cue:
        return None
    a_start, a_end = cue.left_edge.idx, cue.right_edge.idx + len(cue.right_edge.text)
    h_start, h_end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
    return (a_end, h_end) if a_start <= head.idx else (h_start, a_start)


def content_of(tok: Token) -> tuple[int, int] | None:
    """Character range of what a cue token reports (before trimming), or None if it is no cue."""
    if tok.lower_ == "according":
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return _according(tok) if nxt is not None and nxt.lower_ == "to" else None
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    clause, intent, exclude = _verbs()
    lemma = tok.lemma_.lower()
    if lemma in _object_verbs() and not any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
        return _object_content(tok)
    if lemma in exclude:
        return None
    comp = None
    if lemma in clause:
        comps = [c for c in tok.children if c.dep_ == "ccomp"]
        comp = next((c for c in comps if c.i > tok.i), comps[0] if comps else None)
    obj = None
    if comp is None and lemma in intent:
        comp = next((c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i), None)
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubj") and tok.i < c.i < (comp.i if comp else 0)), None)
    if comp is None:
        return None
    left, right = (obj or comp).left_edge, _clause_end(comp)  # "urged a judge to block ..."
    if left.i < tok.i < right.i:  # the cue sits inside its own clause's span: parse noise
        return None
    return left.idx, right.idx + len(right.text)


@lru_cache(maxsize=1)
def _object_verbs() -> frozenset[str]:
    return frozenset(lexicon()["object_verbs"])


def _object_content(tok: Token) -> tuple[int, int] | None:
    """ "called the plan "a disaster"", "accused the board of lying": the object and what follows it."""
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    if obj is None or obj.pos_ == "PRON" and obj.lower_ in ("it", "this", "that") and not _has_complement(tok):
        return None
    preps = frozenset(lexicon()["object_preps"])
    last = obj.right_edge
    for c in tok.children:
        if c.i > obj.i and (c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ in preps)):
            last = max(last, c.right_edge, key=lambda t: t.i)
    return obj.left_edge.idx, last.idx + len(last.text)


def _has_complement(tok: Token) -> bool:
    return any(c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ in ("as", "of")) for c in tok.children)


def _clause_end(comp: Token) -> Token:
    """Last token of a clause, cut before a coordinated cue with its own content
    ("said the party was calm, and urged that ...": the second verb is its own attribution)."""
    for c in comp.children:
        if c.dep_ == "conj" and c.i > comp.i and content_of(c) is not None:
            end = c.left_edge.i - 1
            while end > comp.i and comp.doc[end].dep_ in ("cc", "punct"):
                end -= 1
            return comp.doc[end]
    return comp.right_edge


def trim(body: str, s: int, e: int) -> tuple[int, int]:
    """Strip punctuation at the ends (keeping a sentence's final stop inside a quote), and a
    quotation mark left unpaired by the cut."""
    while True:
        s0, e0 = s, e
        while s < e and body[s] in _TRIM + _CLOSERS:
            s += 1
        while e > s and (body[e - 1] in _TRIM or (body[e - 1] in _CLOSERS and body[e:e + 1] not in _MARKS)):
            e -= 1
        unpaired = sum(body.count(m, s, e) for m in _MARKS) % 2 == 1
        if unpaired and e > s and body[e - 1] in _MARKS:
            e -= 1
        elif unpaired and e > s and body[s] in _MARKS:
            s += 1
        if (s, e) == (s0, e0):
            return s, e


def build(layout: Layout, index: ActorIndex) -> list[Draft]:
    """A draft for every cue with a reported clause or intention outside quotation marks."""
    body = layout.body
    out: list[Draft] = []
    for tok in layout.doc:
        if tok.is_space or layout.inside(tok.idx):
            continue
        raised = raising.spans_of(tok)
        if raised is not None:
            out.extend(_raised(body, tok, raised))
            continue
        clause = content_of(tok) or phrases.content_of(tok)
        if clause is None:
            continue
        s, e = trim(body, *clause)
        if len(body[s:e].split()) < MIN_CLAUSE_WORDS:
            continue
        d = Draft("indirect", [[s, e]], cue=tok)
        d.speaker = resolve(layout.doc, tok, index, body)
        out.append(d)
    return out


def _raised(body: str, tok: Token, ranges: list[tuple[int, int]]) -> list[Draft]:
    """A source-less draft from a raising cue's content ranges (none if too short)."""
    spans = [list(trim(body, s, e)) for s, e in ranges]
    spans = [sp for sp in spans if sp[1] > sp[0]]
    if sum(len(body[s:e].split()) for s, e in spans) < MIN_CLAUSE_WORDS:
        return []
    return [Draft("indirect", spans, cue=tok)]
