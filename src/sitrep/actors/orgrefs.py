""""It" and "they" for organisations and countries: "The ministry denied the report. It said
...". Only a pronoun that is the subject of a reporting or stance verb is read (most "it" are
no reference: "it is clear"); it goes to the latest organisation (for "it", else country) or
group/country (for "they") named as a noun, not as a modifier, within a few sentences.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from . import lexicon
from .kinds import Entity

# How many sentences back "it"/"they" may look for its organisation (tests).
ORG_SENTENCE_WINDOW = 2
_WANT = {"it": ("org", "country"), "they": ("org", "group", "country")}
_PRONOUNS = frozenset(_WANT)
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def _verbs() -> frozenset[str]:
    return lexicon.cue_verbs() | frozenset(lexicon.load("cues", "quotes")["clause_verbs"])


def attach(doc: Doc, entities: list[Entity], taken: frozenset[int] = frozenset()) -> None:
    """Add each resolvable it/they (subject of a cue verb) to its entity's mentions; a
    pronoun whose character offset is in ``taken`` already names a person."""
    verbs = _verbs()
    cands = []
    for e in entities:
        for s, end in e.mentions:
            span = doc.char_span(s, end, alignment_mode="expand")
            if span is not None and span.root.dep_ not in _MODIFIER_DEPS:
                cands.append((s, span.start, e))
    cands.sort(key=lambda c: c[0])
    starts = [c[0] for c in cands]
    for tok in lexicon.tokens_where(doc, "lower", _PRONOUNS):
        want = _WANT.get(tok.lower_)
        if want is None or tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in verbs or tok.idx in taken:
            continue
        floor = _window_start(doc, tok.i)
        k = bisect.bisect_left(starts, tok.idx)
        best = next((e for s, ti, e in reversed(cands[:k]) if ti >= floor and e.kind in want[:1]), None)
        best = best or next((e for s, ti, e in reversed(cands[:k]) if ti >= floor and e.kind in want), None)
        if best is not None:
            best.mentions.append([tok.idx, tok.idx + len(tok.text)])


def _window_start(doc: Doc, i: int) -> int:
    sent = doc[i].sent
    for _ in range(ORG_SENTENCE_WINDOW):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
    return sent.start
