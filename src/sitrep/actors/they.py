"""Singular "they" for a named person whose gender the text never gives: "Robin Hale, a
spokesperson for the mission, said ... They said drones had been jammed."

Most "they" are plural, so the rule is narrow. Outside quotation marks, a they/them/their
goes to a person only when: that person is the subject of a clause earlier in the same
sentence or the subject of the previous sentence; their gender is unknown (no first name,
honorific, gendered role or he/she pronoun says one); and no plural noun or pronoun is a
subject between them and the pronoun ("Officials met Hale. They said ..." stays plural).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from . import coref, lexicon
from .coref import Person

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def _plural_subject(tok: Token) -> bool:
    return tok.dep_ in _SUBJECT_DEPS and (tok.tag_ in _PLURAL_TAGS or tok.lower_ in ("they", "we"))


def _subject_person(doc: Doc, start: int, end: int, owner: dict[int, Person], quoted: set[int]) -> Person | None:
    """The last person who is a subject in tokens [start, end); None when a plural subject
    comes after them."""
    found = None
    for i in range(start, end):
        tok = doc[i]
        if i in quoted:
            continue
        if tok.dep_ in _SUBJECT_DEPS and i in owner:
            found = owner[i]
        elif _plural_subject(tok):
            found = None
    return found


def resolve(doc: Doc, people: list[Person], quoted: set[int] | None = None) -> None:
    """Attach singular they/their to the person of unknown gender they continue (``quoted``:
    the tokens inside quotation marks, when the caller has them)."""
    words = frozenset(lexicon.load("pronouns")["singular_they"])
    targets = lexicon.pronoun_tokens(doc, words)
    neutral = [p for p in people if p.named and p.gender is None and not any(r.how == "pronoun" for r in p.refs)]
    if not targets or not neutral:
        return
    quoted = coref.quoted(doc) if quoted is None else quoted
    owner = {i: p for p in neutral for r in p.refs if r.how != "pronoun" for i in range(r.tok_start, r.tok_end)}
    for tok in targets:
        if tok.i in quoted:
            continue
        sent = tok.sent
        start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        p = _subject_person(doc, start, tok.i, owner, quoted)
        if p is not None:
            p.add(doc, tok.i, tok.i + 1, "pronoun")
