"""Grammatical gender of people, so that "he" and "she" pick the right one of two people.

Read from a first name (``data/actors/gender.json``), an honorific in or before a name
("Mrs. Clinton"), a gendered role ("spokeswoman") or description. Unknown when the cues
disagree or there are none; an unknown person fits either pronoun.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from . import lexicon
from .coref import Person, PersonRef


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    data = lexicon.load("gender")
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


def of_pronoun(word: str) -> str | None:
    """ "m" for he/him/his, "f" for she/her, None for anything else."""
    w = _words()
    low = word.lower()
    return "m" if low in w["male_pronouns"] else "f" if low in w["female_pronouns"] else None


def _word_vote(word: str, male: str, female: str) -> set[str]:
    """{"m"} / {"f"} when a word is in the male / female list of ``_words()``, else {}."""
    w = _words()
    return {"m"} if word in w[male] else {"f"} if word in w[female] else set()


def _first_name_votes(p: Person) -> set[str]:
    """The genders the person's first names point to (full names only); for names missing
    from the lists, a weak guess from their endings (``_guess``)."""
    out: set[str] = set()
    for name in p.names:
        if len(name) > 1:
            out |= _word_vote(name[0].lower(), "male_first_names", "female_first_names")
    if not out:
        for name in p.names:
            if len(name) > 1:
                out |= _guess(name[0].lower(), name[-1].lower())
    return out


def _guess(first: str, last: str) -> set[str]:
    """ "f" for a first name in -a (not a listed male one) or a feminine surname ending
    (-ova, -ska, -ute ...), "m" for -ov/-ev; {} when nothing fits or the two disagree."""
    data = lexicon.load("gender")
    votes = set()
    if first.endswith("a") and first not in data["male_a_names"]:
        votes.add("f")
    if last.endswith(tuple(data["female_surname_endings"])):
        votes.add("f")
    elif last.endswith(tuple(data["male_surname_endings"])):
        votes.add("m")
    return votes if len(votes) == 1 else set()


def _votes(doc: Doc, p: Person) -> set[str]:
    w = _words()
    out = _first_name_votes(p)
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


def _honorific(doc: Doc, r: PersonRef) -> str | None:
    """Gender of a Mr./Ms./Mrs. opening a name mention or right before it."""
    w = _words()
    for i in (r.tok_start, r.tok_start - 1):
        if 0 <= i < len(doc) and i <= r.tok_start:
            low = doc[i].lower_
            if low in w["male_honorifics"]:
                return "m"
            if low in w["female_honorifics"]:
                return "f"
    return None


def _base_votes(p: Person) -> set[str]:
    """Genders the first name and role words say (no honorifics)."""
    return _first_name_votes(p) | _word_vote((p.info.role or "").lower(), "male_words", "female_words")


def _base_gender(p: Person) -> str | None:
    """Gender from the first name and role words alone (no honorifics)."""
    votes = _base_votes(p)
    return next(iter(votes)) if len(votes) == 1 else None


def fits(role: str | None, p: Person) -> bool:
    """A gendered role word ("spokeswoman") does not contradict the person's first name or role."""
    want = _word_vote((role or "").lower(), "male_words", "female_words")
    have = _base_votes(p)
    return not want or not have or bool(want & have)


def fix_honorifics(doc: Doc, people: list[Person]) -> None:
    """Move a name mention with an honorific ("Mr. Medina") from a person whose first name or
    role says the other gender to the one person of that surname whose gender fits."""
    base = {id(p): _base_gender(p) for p in people}
    for p in people:
        for r in [r for r in p.refs if r.how == "name"]:
            want = _honorific(doc, r)
            if want is None or base[id(p)] in (None, want):
                continue
            surname = doc[r.tok_end - 1].lower_
            fits = [q for q in people if q is not p and base[id(q)] in (want, None)
                    and any(n and n[-1].lower().split()[-1] == surname for n in q.names)]
            if len(fits) == 1:
                p.refs.remove(r)
                fits[0].refs.append(r)
