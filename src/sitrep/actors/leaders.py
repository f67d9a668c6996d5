"""Countries and roles of well-known leaders the article names without one ("Obama said",
"Putin met ..."), from ``data/actors/leaders.json``.

Used only for a person the text gave no country: the article's own words ("Kenyan
President ...", "X, a Ukrainian diplomat") always win. A name matches by its full form,
by first and last word, by a listed short form ("Xi", "Erdogan"), or by its surname alone
when that surname is unambiguous in the table; a generational suffix ("Marcos Jr.", "Charles
III") is no part of a name's words, on either side.
"""

from __future__ import annotations

from functools import lru_cache

from . import lexicon
from .coref import Person


SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})  # no surname ("Ferdinand Marcos Jr.")
TITLES = frozenset({"king", "queen", "prince", "princess", "emir", "sheikh", "sultan", "pope", "crown"})  # "King Charles III": no surname


def bare(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words without a generational suffix ("Ferdinand Marcos Jr." -> Ferdinand Marcos)."""
    out = list(words)
    while len(out) > 1 and out[-1].lower() in SUFFIXES:
        out.pop()
    return tuple(out)


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, str]]:
    data = lexicon.load("leaders")
    leaders = {k: (v[0], v[1]) for k, v in data["leaders"].items()}
    out: dict[str, tuple[str, str]] = {}
    surnames: dict[str, set[tuple[str, str]]] = {}
    for name, value in leaders.items():
        words = bare(tuple(name.split()))
        out[" ".join(words).lower()] = value
        if words[0].lower() in TITLES:  # "King Charles": a given name, no surname to match alone
            continue
        out[f"{words[0]} {words[-1]}".lower()] = value
        surnames.setdefault(words[-1].lower(), set()).add(value)
    skip = {s.lower() for s in data["ambiguous_surnames"]}
    for surname, values in surnames.items():
        if len(values) == 1 and surname not in skip:
            out.setdefault(surname, next(iter(values)))
    for short, name in data["short"].items():
        out[short.lower()] = leaders[name]
    return out


def lookup(words: tuple[str, ...]) -> tuple[str, str] | None:
    """(country, role) of a leader named by these words (a generational suffix aside), or None."""
    index = _index()
    words = bare(words)
    for key in (" ".join(words), f"{words[0]} {words[-1]}" if len(words) > 1 else ""):
        if key and key.lower() in index:
            return index[key.lower()]
    return None


def assign(persons: list[Person]) -> None:
    """Give a table country (and a role when none is known) to people the text left without a country.
    A person the text names in full is looked up by that full name only: "Coach Pedro Marcos ...
    Marcos added" is not the table's Marcos."""
    for p in persons:
        if p.info.country is not None:
            continue
        names = sorted(p.names, key=len, reverse=True)
        if names and len(names[0]) > 1:
            names = [n for n in names if len(n) > 1]
        if p.info.role and p.info.role.lower() in TITLES:  # "King Charles": the table's title is part of the name
            names = [(p.info.role, *n) for n in names] + names
        found = next((hit for words in names if (hit := lookup(words))), None)
        if found is not None:
            p.info.country = found[0]
            p.info.role = p.info.role or found[1]
