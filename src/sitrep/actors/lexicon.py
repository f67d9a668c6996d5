"""Word lists of the actors stage (``data/actors/*.json``) and a token-sequence phrase finder."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from spacy import parts_of_speech
from spacy.attrs import DEP, HEAD, IDX, IS_SPACE, LOWER, ORTH, POS, SPACY
from spacy.tokens import Doc, Token


class DocView:
    """Token attributes of one Doc read once as plain lists (a full scan of ``for t in doc``
    builds a Token object per token per scan), and results memoised for that Doc. Only used
    while ``reading(doc)`` is active, when the Doc does not change."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.memo: dict[Any, Any] = {}
        self._columns: dict[int, list[Any]] = {}
        self._doc_text: str | None = None
        self._ents: tuple[Any, ...] | None = None

    def _column(self, attr: int) -> list[str]:
        """The string value of one token attribute (``LOWER``, ``ORTH``, ``POS``, ``DEP``) for every token."""
        if attr not in self._columns:
            names: Any = parts_of_speech.NAMES if attr == POS else self.doc.vocab.strings
            self._columns[attr] = [names[h] for h in self.doc.to_array(attr).tolist()]
        return self._columns[attr]

    @property
    def lower(self) -> list[str]:
        """``tok.lower_`` of every token."""
        return self._column(LOWER)

    @property
    def text(self) -> list[str]:
        """``tok.text`` of every token."""
        return self._column(ORTH)

    @property
    def pos(self) -> list[str]:
        """``tok.pos_`` of every token."""
        return self._column(POS)

    @property
    def dep(self) -> list[str]:
        """``tok.dep_`` of every token."""
        return self._column(DEP)

    def _ints(self, attr: int) -> list[int]:
        """The integer value of one token attribute (``IDX``, ``IS_SPACE``, ``HEAD``) for every token."""
        if attr not in self._columns:  # stored unsigned: a head before its token wraps around
            self._columns[attr] = self.doc.to_array(attr).astype("int64").tolist() if len(self.doc) else []
        return self._columns[attr]

    @property
    def idx(self) -> list[int]:
        """``tok.idx`` of every token."""
        return self._ints(IDX)

    @property
    def space(self) -> list[bool]:
        """``tok.is_space`` of every token."""
        return [bool(x) for x in self._ints(IS_SPACE)]

    @property
    def head(self) -> list[int]:
        """``tok.head.i`` of every token."""
        return [i + off for i, off in enumerate(self._ints(HEAD))]  # stored as head minus token

    @property
    def doc_text(self) -> str:
        """``doc.text`` (joined anew from every token on each read)."""
        if self._doc_text is None:  # as Doc.text joins Token.text_with_ws
            spaces = self.doc.to_array(SPACY).tolist()
            self._doc_text = "".join([t + " " if sp else t for t, sp in zip(self.text, spaces)])
        return self._doc_text

    @property
    def ents(self) -> tuple[Any, ...]:
        """``doc.ents`` (Span objects built anew on each read)."""
        if self._ents is None:
            self._ents = self.doc.ents
        return self._ents


_VIEW = "sitrep.actors.view"  # key of the active DocView in ``doc.user_data``: the state lives on the Doc


@contextmanager
def reading(doc: Doc) -> Iterator[DocView]:
    """While active, ``view(doc)`` returns one shared DocView of ``doc`` (kept in ``doc.user_data``)."""
    v = DocView(doc)
    doc.user_data[_VIEW] = v
    try:
        yield v
    finally:
        doc.user_data.pop(_VIEW, None)


def view(doc: Doc) -> DocView | None:
    """The DocView of ``doc`` when ``reading(doc)`` is active, else None."""
    return doc.user_data.get(_VIEW)


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
def armed_group_first_words() -> frozenset[str]:
    """The first word of every listed armed group's name, as ``armed_group`` normalises it."""
    return frozenset(k.split()[0] for k in load("armed_groups")["groups"] if k.split())


_GROUP_TAILS = (" movement", " group", " militia", " rebels", " fighters", " militants")


def armed_group_key(text: str) -> str | None:
    """One key for the ways of naming a listed armed group ("Houthi", "the Houthis", "Houthi
    movement" -> "houthis"), None when text names no listed group."""
    key = " ".join(text.lower().replace("-", " ").replace("‐", " ").split())
    groups = load("armed_groups")["groups"]
    for tail in _GROUP_TAILS:
        if key not in groups and key.endswith(tail) and key[: -len(tail)] in groups:
            key = key[: -len(tail)]  # "houthi fighters"
    if key not in groups:
        return None
    key = key.removeprefix("the ")
    for tail in _GROUP_TAILS:
        if key.endswith(tail) and key[: -len(tail)] in groups:
            key = key[: -len(tail)]
    return key + "s" if key + "s" in groups else key


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


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Lower-case first names of the gender lists ("petra", "ibrahim")."""
    data = load("gender")
    return frozenset(data["male_first_names"]) | frozenset(data["female_first_names"])


def pronouns() -> frozenset[str]:
    """Pronouns that refer to a person."""
    return frozenset(load("pronouns")["person"])


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once while ``reading(doc)`` is active."""
    v = view(doc)
    return doc.text if v is None else v.doc_text


def doc_ents(doc: Doc) -> tuple[Any, ...]:
    """``doc.ents``, read once while ``reading(doc)`` is active."""
    v = view(doc)
    return doc.ents if v is None else v.ents


def tokens_where(doc: Doc, attr: str, values: frozenset[str]) -> Any:
    """The tokens whose ``attr`` ("lower" or "dep") is one of ``values``, in order (every
    token when no view of ``doc`` is active: the caller tests them all anyway)."""
    v = view(doc)
    if v is None:
        return iter(doc)
    vals = getattr(v, attr)
    return [doc[i] for i in range(len(vals)) if vals[i] in values]


def pronoun_tokens(doc: Doc, words: frozenset[str]) -> list[Token]:
    """Tokens whose lower-case text is one of ``words`` and whose part of speech is PRON."""
    v = view(doc)
    if v is None:
        return [t for t in doc if t.lower_ in words and t.pos_ == "PRON"]
    lower, pos = v.lower, v.pos
    return [doc[i] for i in range(len(lower)) if lower[i] in words and pos[i] == "PRON"]


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

    def __init__(self, phrases: dict[str, str | None]) -> None:  # None: a blocked phrase, never matched
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, value in phrases.items():
            toks = _split(phrase)
            self.by_first.setdefault(toks[0], []).append((toks, value))
        for entries in self.by_first.values():
            entries.sort(key=lambda e: -len(e[0]))

    def find(self, doc: Doc, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """(token start, token end, value) of each match within tokens [start, end), in order."""
        v = view(doc)
        if v is None:
            return self._find(doc, None, start, end)
        key = (id(self), start, end)
        if key not in v.memo:
            v.memo[key] = self._find(doc, v.lower, start, end)
        return list(v.memo[key])

    def _find(self, doc: Doc, lower: list[str] | None, start: int, end: int | None) -> list[tuple[int, int, str]]:
        found: list[tuple[int, int, str]] = []
        i, n = start, len(doc) if end is None else end
        while i < n:
            hit = self._longest(doc, lower, i, n)
            if hit is None:
                i += 1
                continue
            if hit[1] is not None:  # a blocked phrase is passed over whole
                found.append((i, hit[0], hit[1]))
            i = hit[0]
        return found

    def _longest(self, doc: Doc, lower: list[str] | None, i: int, limit: int) -> tuple[int, str | None] | None:
        """The longest phrase at token i, blocked ones (value None) included."""
        if lower is not None:
            return self._match_lower(lower, i, limit, True)
        for toks, value in self.by_first.get(doc[i].lower_, ()):
            end = i + len(toks)
            if end <= limit and all(doc[i + k].lower_ == t for k, t in enumerate(toks)):
                return end, value
        return None

    def match_at(self, doc: Doc, i: int, limit: int | None = None) -> tuple[int, str] | None:
        """(end token, value) of the longest phrase starting at token i (ending by limit), or None."""
        limit = len(doc) if limit is None else limit
        v = view(doc)
        hit = self._longest(doc, v.lower if v is not None else None, i, limit)
        return None if hit is None or hit[1] is None else (hit[0], hit[1])

    def _match_lower(self, lower: list[str], i: int, limit: int, blocked: bool = False) -> tuple[int, Any] | None:
        """``match_at`` over the lower-case token texts (a blocked phrase as (end, None) when ``blocked``)."""
        for toks, value in self.by_first.get(lower[i], ()):
            end = i + len(toks)
            if end <= limit and tuple(lower[i:end]) == toks:
                return (end, value) if value is not None or blocked else None
        return None


@lru_cache(maxsize=1)
def role_finder() -> PhraseFinder:
    """Finder over the role phrases; not where a role word opens a body's name ("the General Staff")."""
    phrases: dict[str, str | None] = {b: None for b in bodies()}
    phrases.update(roles())
    return PhraseFinder(phrases)


@lru_cache(maxsize=1)
def bodies() -> frozenset[str]:
    """Names of state bodies that open with a role or rank word ("general staff", "high command")."""
    return frozenset(load("roles")["bodies"])


@lru_cache(maxsize=1)
def table_finder() -> PhraseFinder:
    """Finder over known organisations and groups; value is ``org:<code>`` or ``group:<code>``."""
    table = countries_table()
    phrases = {k: f"org:{v}" for k, v in table["organisations"].items()}
    phrases.update({k: f"group:{v}" for k, v in table["groups"].items()})
    phrases.update({k: "org:" for k in bodies() if k not in phrases})
    phrases.update({k: "org:" for k in load("aliases")["international_bodies"] if k not in phrases})
    return PhraseFinder(phrases)
