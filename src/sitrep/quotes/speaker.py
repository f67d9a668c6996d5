"""Who is speaking: the subject of a reporting cue, read from the parse, found among the actors.

The subject token is looked up in the actors' mention offsets (so "he", "the spokesman"
and "Kirby" all lead to the actor the actors stage grouped them into). A he/she that no
actor claims goes to the last named person before it. Anything else that is not an
actor's mention leaves the quote unattributed: a speaker is never guessed.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..schema import Actor
from .cues import lexicon

_SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Clause links a participle or second verb climbs to find the subject ("..., saying",
# "X expressed support and said"); how many links at most.
_CLIMB_DEPS = frozenset({"advcl", "conj", "xcomp", "parataxis", "ccomp"})
MAX_CLIMB = 3
# Mentions nested in an enclosing mention ("the Defense Department spokesman") sit just
# after it in start order; how many to look back over.
_LOOKBACK = 8
_PERSONAL = frozenset({"he", "she", "him", "her"})
# Longest run of words before a source's head read as part of its mention.
MAX_SOURCE_PREMODS = 6


@dataclass
class Speaker:
    """The actor found for a cue (None when the source is no actor: "officials", "a poll"),
    and the mention it was read from."""

    actor: Actor | None
    span: list[int]
    fallback: bool = False  # found by the last-named-person rule, not by the actors' coreference


class ActorIndex:
    """Actor mentions sorted by offset, for lookups by character position."""

    def __init__(self, actors: list[Actor]) -> None:
        spans = sorted(((s, e, a) for a in actors for s, e in a.mentions), key=lambda x: (x[0], -x[1]))
        self.spans = spans
        self.starts = [s for s, _, _ in spans]

    def at(self, start: int, end: int) -> tuple[Actor, list[int]] | None:
        """The actor whose innermost mention contains [start, end)."""
        k = bisect.bisect_right(self.starts, start)
        best = None
        for s, e, a in self.spans[max(0, k - _LOOKBACK) : k]:
            if s <= start and end <= e and (best is None or e - s < best[1][1] - best[1][0]):
                best = (a, [s, e])  # the innermost mention: "Erdogan" inside "adviser to Erdogan"
        return best

    def last_named_person(self, pos: int, body: str) -> tuple[Actor, list[int]] | None:
        """The person whose name (not a pronoun or description) appears last before pos."""
        for s, e, a in reversed(self.spans[: bisect.bisect_left(self.starts, pos)]):
            if a.kind == "person" and body[s:e][:1].isupper() and body[s:e].lower() not in _PERSONAL \
                    and not body[s:e].lower().startswith("the "):
                return a, [s, e]
        return None


def subject_of(cue: Token) -> Token | None:
    """The token naming who speaks through this cue."""
    if cue.lower_ == "according":
        for to in cue.children:
            if to.lower_ == "to":
                return next((c for c in to.children if c.dep_ == "pobj"), None)
        return None
    tok = cue
    for _ in range(MAX_CLIMB + 1):
        subj = next((c for c in tok.children if c.dep_ in _SUBJECT_DEPS), None)
        if subj is not None:
            return subj
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head  # "an NSC statement saying ..."
        if tok.dep_ not in _CLIMB_DEPS or tok.head is tok:
            break
        tok = tok.head
    return _adjacent_name(cue)


def _adjacent_name(cue: Token) -> Token | None:
    """ "said Kirby": a proper noun right after the cue."""
    nxt = cue.nbor(1) if cue.i + 1 < len(cue.doc) else None
    return nxt if nxt is not None and nxt.pos_ == "PROPN" else None


def resolve(doc: Doc, cue: Token, index: ActorIndex, body: str) -> Speaker | None:
    """The speaker of a cue: an actor with its mention; or, when the source names no actor,
    only the source's words (actor None); None when the cue has no source."""
    subj = subject_of(cue)
    if subj is None:
        return None
    for tok in _candidates(subj):
        hit = index.at(tok.idx, tok.idx + len(tok.text))
        if hit is not None:
            return Speaker(hit[0], hit[1])
    if subj.lower_ in _PERSONAL:
        hit = index.last_named_person(subj.idx, body)
        if hit is not None:
            return Speaker(hit[0], [subj.idx, subj.idx + len(subj.text)], fallback=True)
    return Speaker(None, _source_span(subj))


def _source_span(subj: Token) -> list[int]:
    """The source's words up to its head ("a senior State Department official")."""
    left = subj.left_edge if subj.left_edge.i >= subj.i - MAX_SOURCE_PREMODS else subj
    while left.i < subj.i and (left.is_punct or left.is_space):
        left = left.nbor(1)
    return [left.idx, subj.idx + len(subj.text)]


def _candidates(subj: Token) -> list[Token]:
    """The subject, then the compound names inside its phrase ("NSC statement" -> NSC), unless
    the subject is an unnamed person ("a NATO diplomat" is not NATO)."""
    if subj.lower_ in lexicon()["unnamed_heads"]:
        return [subj]
    return [subj] + [c for c in subj.children if c.dep_ == "compound"]
