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
_BASE = {"its": "it", "their": "they"}
_POSSESSIVES = frozenset(_BASE)
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
    owners = [(s, end, e) for e in entities for s, end in e.mentions]
    for tok in lexicon.tokens_where(doc, "lower", _PRONOUNS | _POSSESSIVES):
        if tok.idx in taken:
            continue
        reporter = _reporter(tok, owners)
        if reporter is not None:  # "The army said on Sunday it had retaken ...", "The army said its units ..."
            reporter.mentions.append([tok.idx, tok.idx + len(tok.text)])
            continue
        want = _WANT.get(tok.lower_)
        if want is None or tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in verbs:
            continue
        floor = _window_start(doc, tok.i)
        k = bisect.bisect_left(starts, tok.idx)
        best = next((e for s, ti, e in reversed(cands[:k]) if ti >= floor and e.kind in want[:1]), None)
        best = best or next((e for s, ti, e in reversed(cands[:k]) if ti >= floor and e.kind in want), None)
        if best is not None:
            best.mentions.append([tok.idx, tok.idx + len(tok.text)])


def _reporter(tok: Token, owners: list[tuple[int, int, Entity]]) -> Entity | None:
    """The organisation or country that reports the clause "it"/"they" opens, or "its"/"their"
    stands in: the subject of the reporting verb above it, when nothing named stands between
    ("Russia's defence ministry said it had downed ...", "The army said its units ..."; not
    "Russia said Ukraine had lost its ...")."""
    if tok.lower_ in _POSSESSIVES:
        if tok.dep_ != "poss":
            return None
    elif tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = tok.head
    while verb.dep_ in ("poss", "pobj", "prep", "dobj", "nsubj", "nsubjpass", "conj", "xcomp", "advcl") and verb.head.i != verb.i:
        if verb.dep_ in ("nsubj", "nsubjpass") and tok.lower_ in _POSSESSIVES and verb.i != tok.head.i:
            return None  # "its" inside another subject: "Ukraine's army said its ..." is read at its own level
        verb = verb.head
    if verb.dep_ != "ccomp" and not (tok.lower_ in _POSSESSIVES and verb.lemma_.lower() in lexicon.cue_verbs()):
        return None
    cue = verb.head if verb.dep_ == "ccomp" else verb
    if cue.lemma_.lower() not in lexicon.cue_verbs():
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i and c.i > cue.i for c in verb.children):
        return None  # a named subject of its own in the clause
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    ent = next((e for start, end, e in owners if start <= subj.idx < end), None)
    want = _WANT.get(_BASE.get(tok.lower_, tok.lower_), ())
    return ent if ent is not None and ent.kind in want else None


def _window_start(doc: Doc, i: int) -> int:
    sent = doc[i].sent
    for _ in range(ORG_SENTENCE_WINDOW):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
    return sent.start
