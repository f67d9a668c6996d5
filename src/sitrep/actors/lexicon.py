"""Word lists of the actors stage (``data/actors/*.json``) and a token-sequence phrase finder."""

from __future__ import annotations

import json
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Token


@cache  # one entry per data file
def load(name: str, area: str = "actors") -> dict[str, Any]:
    """One data file of an area, parsed (``data/<area>/<name>.json``)."""
    text = resources.files("sitrep.data").joinpath(area).joinpath(f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def cue_verbs() -> frozenset[str]:
    """Lemmas of reporting verbs (the quotes stage's cue list)."""
    return frozenset(load("cues", "quotes")["verbs"])


def reporting_subject(tok: Token, deps: frozenset[str] = frozenset({"nsubj"})) -> bool:
    """tok is the subject of a reporting verb ("Smith" of "Smith said"; ``deps``: the
    dependency labels that count as its subject)."""
    return tok.dep_ in deps and tok.head.lemma_.lower() in cue_verbs()


@lru_cache(maxsize=1)
def countries_table() -> dict[str, dict[str, str]]:
    """The shared countries table (read-only here): aliases, organisations, groups."""
    text = resources.files("sitrep.data").joinpath("countries.json").read_text(encoding="utf-8")
    return json.loads(text)


def armed_group(text: str) -> str | None:
    """Country code ("" when none) of an armed group named by text ("Boko Haram", "al-Shabaab"),
    from ``data/actors/armed_groups.json``; None when text names no listed group."""
    key = " ".join(text.lower().replace("-", " ").replace("‐", " ").split())
    groups = load("armed_groups")["groups"]
    if key not in groups:
        return None
    return groups[key] or ""


@lru_cache(maxsize=1)
def roles() -> dict[str, str]:
    """Lower-case role phrase -> canonical role; an abbreviation also with its full stop as
    a token of its own ("lt. col." and "lt . col .": spaCy splits "Lt." in some contexts)."""
    table = dict(load("roles")["roles"])
    for phrase, role in list(table.items()):
        if "." in phrase:
            table.setdefault(" ".join(w[:-1] + " ." if w.endswith(".") else w for w in phrase.split()), role)
    return table


@lru_cache(maxsize=1)
def name_skip_words() -> frozenset[str]:
    """Lower-case tokens that open a name without being part of it: honorifics and ranks
    ("Mr.", "Lt.", "Col.", "Major")."""
    data = load("roles")
    ranks = set(data["ranks"])
    return frozenset(data["honorifics"]) | frozenset(
        w for k, v in data["roles"].items() if v in ranks and " " not in k for w in (k, k.rstrip("."))) | {"."}


@lru_cache(maxsize=1)
def particles() -> dict[str, frozenset[str]]:
    """Surname particles ("van", "de", "al"), and those that are also first names ("Ben")."""
    data = load("names")
    return {"all": frozenset(data["particles"]), "first_names": frozenset(data["also_first_names"])}


def pronouns() -> frozenset[str]:
    """Pronouns that refer to a person."""
    return frozenset(load("pronouns")["person"])


def _split(phrase: str) -> tuple[str, ...]:
    # Tokenise like spaCy does for the phrases we keep ("secretary-general" -> 3 tokens).
    out: list[str] = []
    for word in phrase.split():
        if "-" in word and word not in ("-",):
            parts = word.split("-")
            for i, part in enumerate(parts):
                if part:
                    out.append(part)
                if i < len(parts) - 1:
                    out.append("-")
        elif word.endswith("'s"):
            out.extend([word[:-2], "'s"])
        else:
            out.append(word)
    return tuple(out)


class PhraseFinder:
    """Finds lower-case token sequences in a Doc, longest match first, without overlaps."""

    def __init__(self, phrases: dict[str, str]) -> None:
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, value in phrases.items():
            toks = _split(phrase)
            self.by_first.setdefault(toks[0], []).append((toks, value))
        for entries in self.by_first.values():
            entries.sort(key=lambda e: -len(e[0]))

    def find(self, doc: Doc, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """(token start, token end, value) of each match within tokens [start, end), in order."""
        found: list[tuple[int, int, str]] = []
        i, n = start, len(doc) if end is None else end
        while i < n:
            hit = self.match_at(doc, i, n)
            if hit is None:
                i += 1
                continue
            found.append((i, hit[0], hit[1]))
            i = hit[0]
        return found

    def match_at(self, doc: Doc, i: int, limit: int | None = None) -> tuple[int, str] | None:
        """(end token, value) of the longest phrase starting at token i (ending by limit), or None."""
        limit = len(doc) if limit is None else limit
        for toks, value in self.by_first.get(doc[i].lower_, ()):
            end = i + len(toks)
            if end <= limit and all(doc[i + k].lower_ == t for k, t in enumerate(toks)):
                return end, value
        return None


@lru_cache(maxsize=1)
def role_finder() -> PhraseFinder:
    """Finder over the role phrases."""
    return PhraseFinder(roles())


@lru_cache(maxsize=1)
def table_finder() -> PhraseFinder:
    """Finder over known organisations and groups; value is ``org:<code>`` or ``group:<code>``."""
    table = countries_table()
    phrases = {k: f"org:{v}" for k, v in table["organisations"].items()}
    phrases.update({k: f"group:{v}" for k, v in table["groups"].items()})
    return PhraseFinder(phrases)
