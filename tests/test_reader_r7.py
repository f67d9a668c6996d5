"""Round 7 (reader): a name the text calls a town is a place at any size, and a region named
after a city or a subdivision gets that country. All sentences written for sitrep."""

from __future__ import annotations

from sitrep import actors, events, quotes
from sitrep.events.places import place_from_name


def _run(make_ctx, text: str):
    art, ctx = make_ctx(text, "2024-04-02")
    actors.run(art, ctx)
    quotes.run(art, ctx)
    events.run(art, ctx)
    return art


def _event(art, trigger: str):
    found = [e for e in art.events if e.trigger == trigger]
    assert found, [(e.trigger, e.place) for e in art.events]
    return found[0]


def test_small_town_named_as_town_is_the_place_not_an_actor(make_ctx):
    art = _run(make_ctx, "Russian guns pounded the frontline town of Avdiivka on Monday, local officials said.")
    ev = _event(art, "pounded")
    assert ev.place is not None and ev.place.country == "UA" and ev.place.lat is not None
    assert not any(a.name in ("Avdiivka", "Avdiyivka") for a in art.actors)


def test_unlisted_village_keeps_its_name_without_a_country(make_ctx):
    art = _run(make_ctx, "Two farmers were killed in a drone strike near the village of Zarvanytsi on Sunday.")
    ev = _event(art, "killed")
    assert ev.place is not None and ev.place.name == "Zarvanytsi" and ev.place.kind == "city"


def test_region_named_after_a_city_gets_its_country(make_ctx):
    art = _run(make_ctx, "Moscow moved 3,000 soldiers from the Kursk region to the border with Ukraine's Sumy region.")
    ev = _event(art, "moved")
    assert ev.origin is not None and ev.origin.country == "RU"
    assert ev.destinations and ev.destinations[0].country == "UA"


def test_subdivision_name_is_a_region_of_its_country():
    place = place_from_name("South Darfur")
    assert place is not None and (place.kind, place.country) == ("region", "SD")
    assert place_from_name("Northern") is None  # generic words are no place on their own


def test_plain_common_word_after_town_is_not_read(make_ctx):
    art = _run(make_ctx, "Gunmen attacked a police post in the town on Friday, the army said.")
    ev = _event(art, "attacked")
    assert ev.place is None or ev.place.kind != "city"


def test_town_of_origin_is_no_destination(make_ctx):
    art = _run(make_ctx, "The army withdrew 500 soldiers from the town of Kupiansk to the city of Izium on Monday.")
    ev = _event(art, "withdrew")
    assert ev.origin is not None and ev.origin.country == "UA"
    assert [(d.name, d.country) for d in ev.destinations] == [("Izyum", "UA")]


def test_regional_governor_takes_the_country_of_his_region(make_ctx):
    art = _run(make_ctx, "Five houses burned overnight, the Kharkiv regional governor, Oleh Bondar, said on Monday.")
    [person] = [a for a in art.actors if a.name == "Oleh Bondar"]
    assert person.country == "UA"


def test_weapon_designator_is_no_actor(make_ctx):
    art = _run(make_ctx, "Berlin will deliver two more IRIS-T launchers, the defence ministry said.")
    assert not any(a.name.startswith("IRIS") for a in art.actors)


def test_weekday_of_next_week(make_ctx):
    art = _run(make_ctx, "The Iraqi prime minister will travel to Ankara on Thursday next week, his office said.")
    ev = _event(art, "travel")
    assert ev.date is not None and ev.date.value == "2024-04-11"  # published Tuesday 2024-04-02


def test_bare_small_town_name_after_in_is_not_looked_up(make_ctx):
    # small towns share names across the world and with people: only "the town of X" reads one
    art = _run(make_ctx, "Protesters clashed with police in Kensington on Sunday.")
    assert not any(e.place is not None and e.place.lat is not None for e in art.events), \
        [(e.trigger, e.place) for e in art.events]
