"""Grammatical gender of people, so that "he" and "she" pick the right one of two people.

Read from a first name (``data/actors/gender.json``), an honorific in or before a name
("Mrs. Clinton"), a gendered role ("spokeswoman") or description. Unknown when the cues
disagree or there are none; an unknown person fits either pronoun.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from . import lexicon
from .coref import Person


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    data = lexicon.load("gender")
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


def of_pronoun(word: str) -> str | None:
    """ "m" for he/him/his, "f" for she/her, None for anything else."""
    w = _words()
    low = word.lower()
    return "m" if low in w["male_pronouns"] else "f" if low in w["female_pronouns"] else None


def _votes(doc: Doc, p: Person) -> set[str]:
    w = _words()
    out: set[str] = set()
    for name in p.names:
        if len(name) > 1:
            first = name[0].lower()
            out.update({"m"} if first in w["male_first_names"] else {"f"} if first in w["female_first_names"] else set())
    words = [(p.info.role or "").lower()]
    for r in p.refs:
        if r.how == "pronoun":
            continue
        words += [t.lower_ for t in doc[max(r.tok_start - 1, 0) : r.tok_end]]
    for word in words:
        if word in w["male_words"]:
            out.add("m")
        elif word in w["female_words"]:
            out.add("f")
    return out


def assign(doc: Doc, people: list[Person]) -> None:
    """Set ``gender`` ("m", "f" or None) on each person."""
    for p in people:
        votes = _votes(doc, p)
        p.gender = next(iter(votes)) if len(votes) == 1 else None
