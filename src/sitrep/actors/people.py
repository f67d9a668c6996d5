"""Roles, affiliations and countries of people, read from the words around their names.

Two shapes: pre-modifiers ("Pentagon spokesman John Kirby", "Turkish President Recep
Tayyip Erdogan") and appositions ("Erdogan's chief adviser, Ibrahim Kalin" / "Ibrahim
Kalin, a top adviser to Erdogan"). A role relative to another person ("adviser to
Erdogan") records that person; the caller copies their country once it is known.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .. import countries
from . import lexicon
from .mentions import Mention

# Longest pre-modifier or apposition read around a name, in tokens (seed article + tests).
MAX_PREMOD_TOKENS = 8
MAX_APPOS_TOKENS = 12
_MODIFIER_POS = frozenset({"PROPN", "NOUN", "ADJ"})
_GLUE = frozenset({"-", "'s", "’s"})
_APPOS_END = frozenset({",", ".", ";", ":", ")", "—"})
_LINKS = frozenset({"to", "of", "at", "for", "in"})


@dataclass
class RoleInfo:
    """What the words around a name say about the person."""

    role: str | None = None
    affiliation: str | None = None
    country: str | None = None
    of_person: int | None = None  # token index of a person mention the role is relative to
    confidence: float = 0.8
    span: tuple[int, int] | None = None  # token range of an apposition naming the person


def _token_country(tok: Token) -> str | None:
    if not tok.text[:1].isupper():
        return None
    if countries.stance_marked(tok):
        return None
    return countries.demonym_code(tok.text) or (countries.country_code(tok.text) if tok.pos_ == "PROPN" else None)


def read_window(doc: Doc, s: int, e: int, by_token: dict[int, Mention], role_at_end: bool) -> RoleInfo | None:
    """Role, affiliation and country from the tokens [s, e); None when no role is named there."""
    matches = lexicon.role_finder().find(doc, s, e)
    if not matches:
        return None
    rs, re_, role = matches[-1] if role_at_end else matches[0]
    if role_at_end and re_ != e:
        return None
    info = RoleInfo(role=role)
    _fill(doc, s, rs, by_token, info)
    after = re_
    if after < e and doc[after].lower_ in _LINKS:
        _fill(doc, after + 1, e, by_token, info)
    return info


def _fill(doc: Doc, s: int, e: int, by_token: dict[int, Mention], info: RoleInfo) -> None:
    """Copy affiliation/country/relative person from the names in [s, e) into info."""
    i = s
    while i < e:
        m = by_token.get(i)
        if m is None:
            code = _token_country(doc[i])
            info.country = info.country or code
            i += 1
            continue
        if m.kind == "person":
            info.of_person = info.of_person if info.of_person is not None else m.tok_start
        elif m.kind in ("org", "group"):
            info.affiliation = info.affiliation or m.text
            if m.kind == "org":
                info.country = info.country or m.code
        else:
            info.country = info.country or m.code
        i = max(m.tok_end, i + 1)


def premodifier(doc: Doc, m: Mention, by_token: dict[int, Mention]) -> RoleInfo | None:
    """Role from the words right before a name ("British Prime Minister Boris Johnson")."""
    s = m.tok_start
    while s > 0 and m.tok_start - s < MAX_PREMOD_TOKENS:
        tok = doc[s - 1]
        if not (tok.pos_ in _MODIFIER_POS or tok.text in _GLUE or (s - 1) in by_token):
            break
        if "\n" in tok.text or (by_token.get(s - 1) is not None and by_token[s - 1].kind == "person"
                                and doc[s].text not in _GLUE):
            break
        s -= 1
        if tok.is_sent_start:
            break
    if s == m.tok_start:
        return None
    return read_window(doc, s, m.tok_start, by_token, role_at_end=True)


def _no_verbs(doc: Doc, s: int, e: int) -> bool:
    return all(t.pos_ not in ("VERB", "AUX") or t.tag_ == "VBN" for t in doc[s:e])


def apposition_after(doc: Doc, m: Mention, by_token: dict[int, Mention]) -> RoleInfo | None:
    """Role from ", a top adviser to Erdogan," after a name."""
    s = m.tok_end
    if s >= len(doc) or doc[s].text != ",":
        return None
    e = s + 1
    while e < len(doc) and e - s <= MAX_APPOS_TOKENS and doc[e].text not in _APPOS_END and "\n" not in doc[e].text:
        e += 1
    if e >= len(doc) or doc[e].text not in _APPOS_END or e == s + 1 or not _no_verbs(doc, s + 1, e):
        return None
    if doc[s + 1].pos_ not in ("DET", "ADJ", "NOUN", "PROPN"):
        return None
    info = read_window(doc, s + 1, e, by_token, role_at_end=False)
    if info is not None:
        info.confidence = 0.7
        roles = lexicon.role_finder().find(doc, s + 1, e)
        info.span = (s + 1, roles[0][1])  # "a top adviser" of "a top adviser to Erdogan"
    return info


def apposition_before(doc: Doc, m: Mention, by_token: dict[int, Mention]) -> RoleInfo | None:
    """Role from "Erdogan's chief adviser, " before a name."""
    comma = m.tok_start - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    s = comma
    while s > 0 and comma - s < MAX_APPOS_TOKENS:
        tok = doc[s - 1]
        if tok.text in _APPOS_END or tok.text in ("(", "\"", "“", "”") or "\n" in tok.text:
            break
        s -= 1
        if tok.is_sent_start:
            break
    if s == comma or not _no_verbs(doc, s, comma) or doc[s].pos_ in ("ADP", "SCONJ", "ADV", "CCONJ"):
        return None
    info = read_window(doc, s, comma, by_token, role_at_end=True)
    if info is not None:
        info.confidence = 0.7
        info.span = (s, comma)
    return info


def role_info(doc: Doc, m: Mention, by_token: dict[int, Mention]) -> RoleInfo | None:
    """The first of pre-modifier, apposition before, apposition after that names a role."""
    return premodifier(doc, m, by_token) or apposition_before(doc, m, by_token) or apposition_after(doc, m, by_token)
