"""Definite role descriptions ("the spokesman", "the Russian leader") resolved to people.

A description is "the" + modifiers + a role noun that heads its phrase and is not
followed by a name. It goes to the person mentioned most recently before it whose role
fits (same head noun, "leader" for presidents and prime ministers, "official" for anyone
with a role) and whose country does not contradict the description's.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from . import gender, lexicon
from .coref import Person
from .mentions import Mention
from .people import RoleInfo, read_window

# Modifiers allowed between "the" and the role noun (seed article + tests).
MAX_DESCRIPTION_MODIFIERS = 5
# How many sentences (this one included) a description before any fitting person may look
# ahead for the person it names (dev articles).
CATAPHORA_SENTENCES = 2
_MODIFIER_POS = frozenset({"ADJ", "PROPN", "NOUN"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Words opening a description of someone new, never of a person already mentioned.
_NEW_PERSON = frozenset({"a", "an", "one", "its"})


def _compatible(desc: str, role: str | None) -> bool:
    if role is None:
        return False
    data = lexicon.load("roles")
    d, r = desc.lower(), role.lower()
    if d == r or (" " not in d and r.split()[-1] == d):  # "the minister" fits a Foreign Minister
        return True
    if desc == "leader" and role in data["leader_roles"]:
        return True
    return desc in data["official_heads"] and desc != "leader"


def find(doc: Doc, by_token: dict[int, Mention]) -> list[tuple[int, int, RoleInfo]]:
    """(token start, token end, what it says) of each definite description (also "Ghana's
    minister", and an indefinite one that reports speech), in order."""
    out = []
    for rs, re_, _role in lexicon.role_finder().find(doc):
        if doc[re_ - 1].tag_ in _PLURAL_TAGS:
            continue
        if re_ < len(doc) and (doc[re_].pos_ in ("PROPN", "NOUN") or re_ in by_token or doc[re_].text in ("-", "'s", "’s")):
            if not _possessor(doc, rs, re_):
                continue  # a pre-modifier of a name or of another noun ("the general public")
        s = rs
        while s > 0 and rs - s < MAX_DESCRIPTION_MODIFIERS:
            tok = doc[s - 1]
            if tok.lower_ == "the":
                break
            if not (tok.pos_ in _MODIFIER_POS or tok.text == "-" or (s - 1) in by_token) or "\n" in tok.text:
                break
            s -= 1
        start = _determiner(doc, s, by_token) if s > 0 and doc[s - 1].lower_ not in _NEW_PERSON else _speaker(doc, s, re_)
        if start is None:
            continue
        info = read_window(doc, start, re_, by_token, role_at_end=True)
        if info is not None:
            info.country = info.country or info.country_hint
            out.append((start, re_, info))
    return out


def _possessor(doc: Doc, rs: int, re_: int) -> bool:
    """ "the Ukrainian president's office": a definite description as a possessor names a person."""
    if doc[re_].text not in ("'s", "’s"):
        return False
    s = rs
    while s > 0 and rs - s < MAX_DESCRIPTION_MODIFIERS and doc[s - 1].pos_ in _MODIFIER_POS:
        s -= 1
    return s > 0 and doc[s - 1].lower_ == "the"


def _speaker(doc: Doc, s: int, e: int) -> int | None:
    """Start of an indefinite description ("a", "one", "its") that is the subject of a verb
    ("a battalion commander told the radio", "a deputy minister chaired the talks") or the
    source of "according to": someone the text names later, else an unnamed person."""
    head = doc[e - 1]
    if s == 0 or head.dep_ not in ("nsubj", "nsubjpass") and not _according_to(head):
        return None
    return s - 1


def _according_to(tok: Any) -> bool:
    """The object of "according to" ("according to a Kremlin aide")."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"


def _determiner(doc: Doc, s: int, by_token: dict[int, Mention]) -> int | None:
    """Start of "the" or of a country's possessive ("Ghana's") right before token s."""
    if s == 0:
        return None
    if doc[s - 1].lower_ == "the":
        return s - 1
    owner = by_token.get(s - 2) if s >= 2 and doc[s - 1].text in ("'s", "’s") else None
    return owner.tok_start if owner is not None and owner.kind == "country" else None


def resolve(doc: Doc, people: list[Person], by_token: dict[int, Mention]) -> None:
    """Attach each description to the person it is set beside ("Thomas Reyes, the commander of
    ..."), else to the fitting person mentioned most recently before it, else (and always for an
    indefinite one) to the person named right after it; a description of nobody the article
    names is an unnamed person of its own ("a Kremlin aide"), whom later descriptions can fit."""
    for s, e, info in find(doc, by_token):
        if any(r.tok_start < e and s < r.tok_end for p in people for r in p.refs):
            continue  # an apposition the role reader already gave its person
        best = _apposed(doc, people, s, e) or _fitting(doc, people, s, info)
        if best is None:
            best = _named_after(doc, people, s, e, info)
        if best is None and info.role:
            best = _unnamed(doc, s, e, info)
            people.append(best)
        if best is not None:
            best.add(doc, s, e, "description")


def _apposed(doc: Doc, people: list[Person], s: int, e: int) -> Person | None:
    """The named person this description stands in apposition to, either way round."""
    head = doc[s:e].root
    partners = [c.i for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        partners.append(head.head.i)
    for p in people:
        if any(r.how == "name" and r.tok_start <= i < r.tok_end for r in p.refs for i in partners):
            return p
    return None


def _unnamed(doc: Doc, s: int, e: int, info: RoleInfo) -> Person:
    """A person known only by this description, named after it without its article."""
    words = doc[s + 1 : e] if doc[s].lower_ in ("the", *_NEW_PERSON) else doc[s:e]
    return Person(name=words.text, info=RoleInfo(info.role, info.affiliation, info.country, confidence=info.confidence),
                  named=False)


def _fitting(doc: Doc, people: list[Person], s: int, info: RoleInfo) -> Person | None:
    """The person mentioned most recently before token s whose role and country fit the
    description (none for an indefinite description: "a" brings in someone new)."""
    pos = doc[s].idx
    best, best_pos = None, -1
    indefinite = doc[s].lower_ in _NEW_PERSON
    for p in people if not indefinite else ():
        if not (_compatible(info.role or "", p.info.role) or _compatible(info.role or "", p.info.rank)):
            continue
        if info.country and p.info.country and info.country != p.info.country:
            continue
        last = p.last_before(pos)
        if last > best_pos:
            best, best_pos = p, last
    return best


def _named_after(doc: Doc, people: list[Person], s: int, e: int, info: RoleInfo) -> Person | None:
    """Cataphora: a description no earlier person fits ("Ghana's interior minister said ...
    Kwame Asante said") goes to the first person named after it, within
    ``CATAPHORA_SENTENCES``, who has no role yet; they take its role and country."""
    sent = doc[s].sent
    limit = sent.end
    for _ in range(CATAPHORA_SENTENCES - 1):
        if limit < len(doc):
            limit = doc[limit].sent.end
    firsts = [(min(r.tok_start for r in p.refs if r.how == "name"), p) for p in people
              if any(r.how == "name" for r in p.refs)]
    after = sorted((t, p) for t, p in firsts if e <= t < limit)
    ranks = lexicon.load("roles")["ranks"]
    if not after or after[0][1].info.role not in (None, *ranks):
        return None
    p = after[0][1]
    if info.country and p.info.country and info.country != p.info.country:
        return None
    if not gender.fits(info.role, p):
        return None  # "the ministry spokeswoman" is not the General Thomas named next
    p.info.role, p.info.country = p.info.role or info.role, p.info.country or info.country
    p.info.affiliation = p.info.affiliation or info.affiliation
    return p
