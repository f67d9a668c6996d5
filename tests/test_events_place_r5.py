"""The place of an event read from what it happened in or by ("killed in Israeli shelling in
Gaza"): a location phrase on the instrument/cause noun, used only when the event's own clause
names no place, and never one nested deeper in an argument of that noun. Sentences written for sitrep."""

from __future__ import annotations

from sitrep import events


def _assaults(make_ctx, text: str):
    art, ctx = make_ctx(text, "2024-03-05")
    art.actors = []
    events.run(art, ctx)
    return [e for e in art.events if e.category == "ASSAULT"]


def _place(make_ctx, text: str) -> str | None:
    [ev] = _assaults(make_ctx, text)
    return ev.place.name if ev.place is not None else None


def test_place_of_the_shelling_a_passive_killing_happened_in(make_ctx) -> None:
    [ev] = _assaults(make_ctx, "Five children were killed in Israeli shelling in Gaza on Tuesday.")
    assert ev.trigger == "killed"
    assert ev.place is not None and (ev.place.name, ev.place.country) == ("Gaza", "PS")
    assert [q.value for q in ev.quantities] == [5.0]


def test_place_of_an_agent_phrase(make_ctx) -> None:
    assert _place(make_ctx, "Two soldiers were killed by shelling near Kharkiv.") == "Kharkiv"


def test_place_of_a_bombing(make_ctx) -> None:
    assert _place(make_ctx, "Two soldiers were killed in a bombing near Kharkiv.") == "Kharkiv"


def test_place_of_the_target_of_a_strike_or_raid(make_ctx) -> None:
    assert _place(make_ctx, "Three people were killed in an air strike on a market in Idlib.") == "Idlib"
    assert _place(make_ctx, "Six civilians were killed during a raid on a camp near Mosul.") == "Mosul"


def test_own_place_beats_the_place_of_the_cause(make_ctx) -> None:
    assert _place(make_ctx, "Israeli troops killed three men in Hebron during a raid near Nablus.") == "Hebron"


def test_topic_of_a_protest_is_not_its_place(make_ctx) -> None:
    assert _place(make_ctx, "Four people were killed in a protest against the war in Yemen.") is None


def test_place_of_a_protest_on_the_noun_itself(make_ctx) -> None:
    assert _place(make_ctx, "Four people were killed in a protest in Sanaa against the war in Yemen.") == "Sanaa"
