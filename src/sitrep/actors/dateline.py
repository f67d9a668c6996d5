"""Where the text sets a person, as a weak default for their country: a city opening their
sentence ("In Moscow, foreign ministry spokeswoman X said"), else the dateline ("VILNIUS —
... Energy Minister Dainius Kairys said" makes the minister Lithuanian) when nothing else in
the text gives a country. A dateline in a city where international bodies meet
counts only when the article names its country again (not "BRUSSELS — EU ministers met"),
and only for roles that are usually held at home (``dateline_roles`` in ``data/actors/roles.json``:
ministers, mayors, local residents), never for spokesmen, envoys or commanders, who are
often quoted abroad.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .. import countries
from ..clean import dateline as clean_dateline
from ..clean.dateline import HEAD_CHARS, dateline_place  # HEAD_CHARS: also read by the actors stage from here
from ..events.places import place_from_name
from . import lexicon
from .coref import Person


def opening(text: str) -> tuple[str, int] | None:
    """The place of the dateline opening text, as written ("VILNIUS"), and the offset where the
    text after the dateline starts (``clean.dateline``, which also sets ``Article.dateline``), else None."""
    found = clean_dateline.opening(text)
    return (dateline_place(found[0]), found[1]) if found is not None else None


def city(text: str) -> str | None:
    """The dateline place opening text, as written ("VILNIUS"), else None."""
    found = opening(text)
    return found[0] if found is not None else None


def country(city: str | None) -> str | None:
    """Alpha-2 code of a dateline city or country, else None."""
    place = place_from_name(city.title()) if city else None
    return place.country if place is not None and place.kind in ("city", "country") else None


def meeting_city(city: str) -> bool:
    """The dateline is a city where international bodies meet (``meeting_cities``)."""
    return city.strip().lower() in lexicon.load("roles")["meeting_cities"]


def named_again(doc: Doc, code: str) -> bool:
    """The country is named again after the dateline (by name, capital-free alias or demonym)."""
    for ent in doc.ents:
        if ent.start > 2 and ent.label_ in ("GPE", "NORP") and code in (
                countries.country_code(ent.text), countries.demonym_code(ent.text)):
            return True
    return False


def _home_role(role: str | None, code: str | None) -> bool:
    """A role usually held at home (``dateline_roles``) that the dateline's country has: a minister
    under a WASHINGTON dateline is a visitor (``no_ministers``)."""
    if not role:
        return False
    low = role.lower()
    if "minister" in low and code in lexicon.load("roles")["no_ministers"]:
        return False
    return any(low == r or low.endswith(" " + r) for r in lexicon.load("roles")["dateline_roles"])


def assign(doc: Doc, people: list[Person]) -> None:
    """Give people with a role and no country the country of a city their sentence sets
    them in ("In Moscow, ministry spokeswoman X said"), else, for a home role, the dateline's."""
    # an unnamed person gets no guess on top of a description ("a Western official" in Brussels is not Belgian)
    todo = [p for p in people if p.info.country is None and p.info.role and p.refs and p.named]
    place = city(lexicon.doc_text(doc)) if todo else None
    code = country(place)
    if code is not None and place is not None and meeting_city(place) and not named_again(doc, code):
        code = None  # "BRUSSELS — EU ministers ...": a meeting place, not the officials' country
    places = [e for e in lexicon.doc_ents(doc) if e.label_ == "GPE"] if todo else []  # doc.ents is built anew on each read
    for p in todo:
        p.info.country = _local_place(doc, p, places) or (code if _home_role(p.info.role, code) else None)


def _local_place(doc: Doc, p: Person, places: list[Span]) -> str | None:
    """Country of a city (one of the GPE entities ``places``) the sentence of the person's first
    mention sets them in, before them ("In Vilnius, ... the deputy mayor ..."), which beats the dateline."""
    first = min(p.refs, key=lambda r: r.start)
    sent_start = doc[first.tok_start].sent.start
    for ent in places:
        root = ent.root
        if sent_start <= ent.start and ent.end <= first.tok_start and root.dep_ == "pobj" and root.head.lower_ == "in":
            place = place_from_name(ent.text)
            if place is not None and place.kind == "city":
                return place.country
    return None
