"""Definite role descriptions ("the spokesman", "the Russian leader") resolved to people.

A description is "the" + modifiers + a role noun that heads its phrase and is not
followed by a name. It goes to the person mentioned most recently before it whose role
fits (same head noun, "leader" for presidents and prime ministers, "official" for anyone
with a role) and whose country does not contradict the description's.
"""

from __future__ import annotations

from spacy.tokens import Doc

from . import lexicon
from .coref import Person
from .mentions import Mention
from .people import RoleInfo, read_window

# Modifiers allowed between "the" and the role noun (seed article + tests).
MAX_DESCRIPTION_MODIFIERS = 5
_MODIFIER_POS = frozenset({"ADJ", "PROPN", "NOUN"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


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
    """(token start, token end, what it says) of each definite description, in order."""
    out = []
    for rs, re_, _role in lexicon.role_finder().find(doc):
        if doc[re_ - 1].tag_ in _PLURAL_TAGS:
            continue
        if re_ < len(doc) and (doc[re_].pos_ in ("PROPN", "NOUN") or re_ in by_token or doc[re_].text in ("-", "'s", "’s")):
            continue  # a pre-modifier of a name or of another noun ("the general public")
        s = rs
        while s > 0 and rs - s < MAX_DESCRIPTION_MODIFIERS:
            tok = doc[s - 1]
            if tok.lower_ == "the":
                break
            if not (tok.pos_ in _MODIFIER_POS or tok.text == "-" or (s - 1) in by_token) or "\n" in tok.text:
                break
            s -= 1
        if s == 0 or doc[s - 1].lower_ != "the":
            continue
        info = read_window(doc, s, re_, by_token, role_at_end=True)
        if info is not None:
            out.append((s - 1, re_, info))
    return out


def resolve(doc: Doc, people: list[Person], by_token: dict[int, Mention]) -> None:
    """Attach each definite description to the fitting person mentioned most recently before it."""
    for s, e, info in find(doc, by_token):
        pos = doc[s].idx
        best, best_pos = None, -1
        for p in people:
            if not _compatible(info.role or "", p.info.role):
                continue
            if info.country and p.info.country and info.country != p.info.country:
                continue
            last = p.last_before(pos)
            if last > best_pos:
                best, best_pos = p, last
        if best is not None:
            best.add(doc, s, e, "description")
