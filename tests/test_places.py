"""Places from the gazetteer and from an event's prepositional phrases (events/places.py)."""

from __future__ import annotations

from sitrep.events.coding import find_triggers, scope
from sitrep.events.places import event_places, place_from_name


def test_places_country_has_capital_coordinates():
    p = place_from_name("Lithuania")
    assert p is not None and (p.kind, p.country) == ("country", "LT")
    assert p.lat is not None and 54 < p.lat < 55.5  # Vilnius


def test_places_city_from_gazetteer_and_alias():
    p = place_from_name("Kharkiv")
    assert p is not None and (p.kind, p.country) == ("city", "UA") and p.lon is not None
    assert place_from_name("Kiev").name == "Kyiv"  # type: ignore[union-attr]


def test_places_regions_have_no_coordinates():
    for name in ("Eastern Europe", "the Baltics", "NATO's eastern flank"):
        p = place_from_name(name)
        assert p is not None and p.kind == "region" and p.lat is None and p.lon is None


def test_places_unknown_name():
    assert place_from_name("Thingamajig") is None


def _places(make_ctx, text: str):
    _, ctx = make_ctx(text)
    sent = next(iter(ctx.doc.sents))
    trig = find_triggers(sent)[0]
    toks = scope(trig, set())
    return event_places([t for t in toks if t.pos_ == "ADP"], trig.entry["category"])


def test_places_origin_to_destination_move(make_ctx):
    got = _places(make_ctx, "Canada is shifting 600 soldiers from Latvia to Lithuania.")
    assert got.origin is not None and got.origin.country == "LV"
    assert [p.country for p in got.destinations] == ["LT"]
    assert got.place is not None and got.place.country == "LT"


def test_places_region_and_country_destinations_prefer_the_specific(make_ctx):
    got = _places(make_ctx, "France will send 500 troops to Eastern Europe, most of them to Romania.")
    assert {p.kind for p in got.destinations} == {"region", "country"}
    assert got.place is not None and got.place.country == "RO"


def test_places_border_region_takes_its_country(make_ctx):
    got = _places(make_ctx, "Russia deployed tanks along its border with Finland.")
    region = got.destinations[0]
    assert region.kind == "region" and region.country == "FI" and region.lat is None


def test_places_location_in_city(make_ctx):
    got = _places(make_ctx, "The two ministers met in Vienna.")
    assert got.place is not None and (got.place.name, got.place.kind) == ("Vienna", "city")
