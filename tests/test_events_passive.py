"""Agentless passive troop moves: the actor from the troops' demonym/possessive or from the
reporting source; origin and destination from "from ... to ...". Sentences written for sitrep."""

from __future__ import annotations

from sitrep import events


def _moves(make_ctx, text: str):
    art, ctx = make_ctx(text, "2022-03-09")
    art.actors = []
    events.run(art, ctx)
    return [e for e in art.events if e.category == "MOBILIZE"]


def test_demonym_on_troops_gives_actor_number_and_route(make_ctx) -> None:
    [ev] = _moves(make_ctx, "Roughly 1,800 Canadian soldiers will be relocated from bases in Poland to Latvia, officials said Tuesday.")
    assert ev.actor is not None and ev.actor.country == "CA"
    assert ev.origin is not None and ev.origin.country == "PL"
    assert [d.country for d in ev.destinations] == ["LV"]
    assert [q.value for q in ev.quantities] == [1800.0]
    assert ev.status == "planned"


def test_reporting_source_gives_actor_when_troops_are_unmarked(make_ctx) -> None:
    [ev] = _moves(make_ctx, "About 600 troops were moved from Italy to Bulgaria, French officials said.")
    assert ev.actor is not None and ev.actor.country == "FR"
    assert ev.origin is not None and ev.origin.country == "IT"


def test_possessive_owner_of_passive_troops(make_ctx) -> None:
    [ev] = _moves(make_ctx, "Norway's troops were deployed to Lithuania last week.")
    assert ev.actor is not None and ev.actor.country == "NO"


def test_unmarked_passive_with_unmarked_source_codes_no_actor(make_ctx) -> None:
    assert _moves(make_ctx, "The troops were sent to Estonia, officials said.") == []


def test_agentless_expulsion_is_by_the_state_expelled_from(make_ctx) -> None:
    art, ctx = make_ctx("Four UN inspectors were expelled from Iran last week.", "2022-03-09")
    art.actors = []
    events.run(art, ctx)
    [ev] = art.events
    assert (ev.category, ev.actor.country, ev.target.country) == ("SANCTION", "IR", "UN")  # not Iran -> Iran
