"""Countries, organisations and groups as actors: one per entity, all mentions gathered."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import countries
from . import lexicon
from .mentions import Mention

# Confidence of a non-person actor by where its mentions came from.
CONF_TABLE = 0.9  # a known name from data/countries.json or a resolved country
CONF_NER_ORG = 0.7  # an organisation only spaCy's NER vouches for


@dataclass
class Entity:
    """A non-person actor being assembled."""

    kind: str
    name: str
    code: str | None
    mentions: list[list[int]] = field(default_factory=list)
    confidence: float = CONF_TABLE


def country_display(code: str) -> str:
    """Common English name for an alpha-2 code ("RU" -> "Russia")."""
    short = lexicon.load("roles")["country_names"]
    return short.get(code) or countries.country_name(code) or code


def group_display(code: str) -> str:
    """Display name for a group code ("West" -> "the West")."""
    return lexicon.load("roles")["group_names"].get(code, code)


def alias(text: str) -> str | None:
    """Canonical name of an organisation written another way ("the Pentagon" -> "U.S.
    Department of Defense"), from ``data/actors/aliases.json``; None when not listed."""
    key = " ".join(text.lower().split())
    key = key[4:] if key.startswith("the ") else key
    return lexicon.load("aliases")["aliases"].get(key)


def org_key(m: Mention) -> str:
    """The lower-case key of the organisation a mention names: its canonical name, alias or words, one
    for all the ways of naming a listed armed group ("Houthi", "the Houthis", "Houthi movement")."""
    text = m.canonical or alias(m.text) or " ".join(m.text.split())
    return lexicon.armed_group_key(text) or text.lower()


def _key(m: Mention) -> tuple[str, str]:
    if m.kind in ("country", "group"):
        return m.kind, m.code or m.text
    if m.kind == "org":
        return m.kind, org_key(m)
    return m.kind, " ".join(m.text.split()).lower()


def entities(mentions: list[Mention]) -> list[Entity]:
    """Country, org and group entities from the mentions, in order of first mention."""
    found: dict[tuple[str, str], Entity] = {}
    for m in mentions:
        if m.kind == "person":
            continue
        key = _key(m)
        ent = found.get(key)
        if ent is None:
            if m.kind == "country":
                ent = Entity("country", country_display(m.code or ""), m.code)
            elif m.kind == "group":
                ent = Entity("group", group_display(m.code or m.text), None)
            else:
                conf = CONF_TABLE if m.from_table else CONF_NER_ORG
                ent = Entity("org", m.canonical or alias(m.text) or m.text, m.code, confidence=conf)
            found[key] = ent
        elif m.kind == "org" and lexicon.armed_group_key(ent.name) is not None:
            if " ".join(m.text.lower().split()) == key[1]:
                ent.name = m.text  # "Houthis", not "Houthi movement"
        elif m.kind == "org" and not m.state_body and alias(m.text) is None and len(m.text) > len(ent.name):
            ent.name = m.text
        if ent.code is None and m.code and m.kind == "org":
            ent.code = m.code
        ent.mentions.append([m.start, m.end])
    return list(found.values())
