"""State bodies named by a common noun: "the Sudanese army", "Russia's defence ministry",
"Israeli police", "the government of Niger" are organisations with a country, one per country
and body in the article. A later bare "the army" is that body when the article named exactly
one army before it; a bare body with none before it stays no actor (whose army is a guess).

The body nouns and the words some of them need ("air force", "coast guard") are
``state_bodies`` in ``data/actors/roles.json``.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from .. import countries
from . import lexicon
from .kinds import country_display
from .mentions import Mention
from .people import its_owner

_COUNTRY_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
_QUALIFIER_DEPS = frozenset({"amod", "compound"})
_NOT_HEAD_DEPS = frozenset({"compound", "amod", "nmod"})  # "army officer", "government forces": a modifier


@lru_cache(maxsize=1)
def _heads() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in lexicon.load("roles")["state_bodies"].items()}


def find(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """The mentions with the state bodies added; a country mention inside a body's phrase
    ("Russia" in "Russia's defence ministry") becomes part of the body's mention."""
    heads = _heads()
    by_token = {i: m for m in mentions for i in range(m.tok_start, m.tok_end)}
    named: dict[str, str] = {}  # canonical name of each body named with its country -> its code
    bodies: list[Mention] = []
    dropped: set[int] = set()
    for tok in lexicon.tokens_where(doc, "lower", frozenset(heads)):
        if tok.i in by_token or tok.pos_ not in ("NOUN", "PROPN") or _of_an_org(tok, by_token):
            continue
        if tok.dep_ in _NOT_HEAD_DEPS and not _before_a_role(doc, tok):
            continue
        words = _words(tok, heads[tok.lower_])
        if words is None:
            continue
        found = _country(doc, tok, by_token)
        if found is not None:
            code, start, end = found
            if any(by_token.get(i) is not None and by_token[i].kind != "country" for i in range(start, end)):
                continue  # "Putin's government": a person's, not a country's
            canonical = f"{_possessive(country_display(code))} {words}"
            named[canonical] = code
        else:
            if any(c.dep_ == "poss" or c.i in by_token or c.text[:1].isupper() for c in tok.lefts if c.dep_ != "det"):
                continue  # "the Houthi military", "their army": someone's body, not the one named before
            same = [c for c in named if c.endswith(" " + words)]  # "the ministry" after "Russia's defence ministry"
            if len(same) != 1:
                continue
            canonical, code = same[0], named[same[0]]
            start, end = _left(tok), tok.i + 1
        for i in range(start, end):
            m = by_token.get(i)
            if m is not None:
                dropped.add(id(m))
        span = doc[start:end]
        bodies.append(Mention(start, end, span.start_char, span.end_char, span.text, "org", code, canonical=canonical))
    kept = [m for m in mentions if id(m) not in dropped]
    return sorted(kept + bodies, key=lambda m: m.start)


def _before_a_role(doc: Doc, tok: Token) -> bool:
    """ "Chinese foreign ministry spokesman Lin Jian": the body a role works for (not "army officer"
    either: the body is read only when it carries its country, which the caller checks)."""
    return tok.dep_ == "compound" and tok.i + 1 < len(doc) and lexicon.role_finder().match_at(doc, tok.i + 1) is not None


def _of_an_org(tok: Token, by_token: dict[int, Mention]) -> bool:
    """ "the General Staff of the Estonian armed forces": part of another organisation's name."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    owner = by_token.get(tok.head.head.i)
    return owner is not None and owner.kind == "org"


def _words(tok: Token, needs: frozenset[str]) -> str | None:
    """The body's own words ("defence ministry", "air force"), or None when a needed word is missing."""
    quals = [c for c in tok.lefts if c.dep_ in _QUALIFIER_DEPS and c.text.islower() and c.is_alpha]
    if not needs:
        return tok.lower_
    if "*" in needs:
        return " ".join([c.lower_ for c in quals] + [tok.lower_])
    q = next((c for c in quals if c.lower_ in needs), None)
    return f"{q.lower_} {tok.lower_}" if q is not None else None


def _code(doc: Doc, t: Token, by_token: dict[int, Mention]) -> str | None:
    m = by_token.get(t.i)
    if m is not None:
        return m.code if m.kind == "country" and m.code and len(m.code) == 2 else None
    code = countries.demonym_code(t.text) or countries.country_code(t.text)
    return code if code and len(code) == 2 and t.text[:1].isupper() else None


def _country(doc: Doc, tok: Token, by_token: dict[int, Mention]) -> tuple[str, int, int] | None:
    """The body's country and the token range of the whole phrase: a demonym, country name or
    possessor before it ("Sudan's army"), or "of <country>" after it ("the government of Niger")."""
    for c in tok.lefts:
        if c.dep_ in _COUNTRY_DEPS and (code := _code(doc, c, by_token)) is not None:
            return code, _left(tok), tok.i + 1
        if c.dep_ == "poss" and c.lower_ == "its":  # "Russia said through its foreign ministry"
            owner = its_owner(doc, c.i, by_token)
            if owner is not None and owner.kind == "country" and owner.code and len(owner.code) == 2:
                return owner.code, _left(tok), tok.i + 1
    if tok.dep_ == "compound" and tok.head.i > tok.i:  # "Chinese foreign ministry spokesman": the demonym hangs on the role
        for c in tok.head.lefts:
            if c.i < tok.i and c.dep_ in _COUNTRY_DEPS and (code := _code(doc, c, by_token)) is not None:
                start = min(c.left_edge.i, _left(tok))
                return code, start + (doc[start].dep_ == "det"), tok.i + 1
    for prep in tok.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and (code := _code(doc, obj, by_token)) is not None:
                m = by_token.get(obj.i)
                return code, _left(tok), (m.tok_end if m is not None else obj.i + 1)
    return None


def _left(tok: Token) -> int:
    """First token of the phrase before the noun, without a determiner."""
    start = tok.i
    for c in tok.lefts:
        if c.dep_ in _COUNTRY_DEPS | _QUALIFIER_DEPS:
            start = min(start, c.left_edge.i)
    doc = tok.doc
    while start < tok.i and doc[start].dep_ == "det":
        start += 1
    return start


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"
