"""Issue 6, third round: coordinated actors and targets split, reciprocal and paired events in
both directions, location as target in the CAMEO view only, compound role codes (sentences
written for sitrep)."""

from __future__ import annotations

from sitrep import events
from sitrep.events import classify
from sitrep.events.cameo import cameo_actor, cameo_triples, event_triples
from sitrep.events.places import place_from_name
from sitrep.schema import Actor, ActorRef, Article, Event, Place


def _events(make_ctx, text: str) -> Article:
    art, ctx = make_ctx(text, "2023-05-10")
    art.actors = []
    with classify.using(None):  # the dictionary alone: what these rules add, without the classifier
        events.run(art, ctx)
    return art


def _pairs(art: Article, category: str) -> set[tuple[str | None, str | None]]:
    return {(e.actor.country if e.actor else None, e.target.country if e.target else None)
            for e in art.events if e.category == category}


def _event(cameo: str, category: str, actor: ActorRef | None, target: ActorRef | None, place: Place | None = None) -> Event:
    return Event(id="V-1", category=category, mode=None, cameo=cameo, actor=actor, target=target, place=place,
                 origin=None, date=None, quantities=[], status="occurred", sentence="", span=[0, 1],
                 confidence=0.8)


def test_coordinated_subject_gives_one_event_per_actor(make_ctx):
    art = _events(make_ctx, "Hungary and Slovakia expelled two Serbian diplomats on Monday.")
    assert _pairs(art, "SANCTION") >= {("HU", "RS"), ("SK", "RS")}
    ids = [e.id for e in art.events if e.category == "SANCTION"]
    assert len(ids) == len(set(ids))  # split events keep distinct ids


def test_coordinated_country_modifiers_split(make_ctx):
    art = _events(make_ctx, "Chilean and Peruvian activists staged a protest in Lima on Sunday.")
    codes = {cameo_actor(e.actor, art) for e in art.events if e.category == "PROTEST"}
    assert codes == {"CHLOPP", "PEROPP"}


def test_coordinated_objects_split(make_ctx):
    art = _events(make_ctx, "Moldova accused Russia and Belarus of meddling in its election.")
    assert _pairs(art, "ACCUSE") >= {("MD", "RU"), ("MD", "BY")}


def test_reciprocal_action_with_coordinated_subject_pairs_every_side(make_ctx):
    art = _events(make_ctx, "Peru, Chile and Bolivia met in La Paz on Friday.")
    pairs = _pairs(art, "CONSULT")
    assert pairs == {(a, b) for a in ("PE", "CL", "BO") for b in ("PE", "CL", "BO") if a != b}
    # every direction is in the record already: the CAMEO view adds no reverse copy
    assert len(cameo_triples(art)) == 6


def test_talks_with_a_named_side_are_coded_both_ways(make_ctx):
    art = _events(make_ctx, "Vietnam held talks with Laos about the dam on Tuesday.")
    ev = next(e for e in art.events if e.category == "CONSULT")
    assert (ev.actor.country, ev.target.country) == ("VN", "LA")  # the record: one event, as written
    triples = {(t.source, t.target, t.code[:2]) for t in cameo_triples(art)}
    assert {("VNM", "LAO", "04"), ("LAO", "VNM", "04")} <= triples


def test_visit_pairs_with_host_the_other_way() -> None:
    art = Article(id="a", source="a", raw="", body="")
    ev = _event("042", "CONSULT", ActorRef(None, "Ghana", "GH"), ActorRef(None, "Togo", "TG"))
    assert [(t.source, t.target, t.code, t.derived) for t in event_triples(ev, art)] == [
        ("GHA", "TGO", "042", None), ("TGO", "GHA", "043", "reverse")]


def test_one_sided_codes_are_not_mirrored() -> None:
    art = Article(id="a", source="a", raw="", body="")
    ev = _event("190", "ASSAULT", ActorRef(None, "Ghana", "GH"), ActorRef(None, "Togo", "TG"))
    assert len(event_triples(ev, art)) == 1


def test_location_is_the_target_only_in_the_cameo_view(make_ctx):
    art = _events(make_ctx, "Dutch activists staged a protest in Ankara on Saturday.")
    ev = next(e for e in art.events if e.category == "PROTEST")
    assert ev.target is None and ev.place is not None and ev.place.country == "TR"  # the record keeps the place
    assert [(t.source, t.target, t.derived) for t in event_triples(ev, art)] == [("NLDOPP", "TUR", "location")]


def test_location_fallback_needs_a_country() -> None:
    art = Article(id="a", source="a", raw="", body="")
    region = _event("141", "PROTEST", ActorRef(None, "activists", None), None, Place("the border", None, None, None, "region"))
    assert [(t.source, t.target, t.derived) for t in event_triples(region, art)] == [("---OPP", "---", None)]


def test_compound_role_codes() -> None:
    body = "Chad's national security adviser met the Libyan envoy. Sudan's Muslim Brotherhood objected."
    art = Article(id="a", source="a", raw=body, body=body)
    adviser = ActorRef(None, "Chad", "TD", [0, 32])
    assert cameo_actor(adviser, art) == "TCDGOVMIL"
    brotherhood = ActorRef("A1", "Muslim Brotherhood", "SD", [55, 79])
    art.actors = [Actor("A1", "Muslim Brotherhood", "org", country=None)]
    assert cameo_actor(brotherhood, art) == "SDNOPPMUS"
    assert cameo_actor(ActorRef(None, "European Union", "EU", [0, 4]), Article(id="b", source="b", raw="", body="the European Union")) == "IGOEUREEC"


def test_actor_record_without_country_takes_the_possessor(make_ctx):
    text = "Qatar condemned Egypt's Muslim Brotherhood on Monday."
    art, ctx = make_ctx(text, "2023-05-10")
    start = text.index("Muslim")
    art.actors = [Actor("A1", "Muslim Brotherhood", "org", mentions=[[start, start + len("Muslim Brotherhood")]])]
    with classify.using(None):
        events.run(art, ctx)
    ev = next(e for e in art.events if e.target is not None and e.target.id == "A1")
    assert ev.target.country == "EG"
    assert cameo_actor(ev.target, art) == "EGYOPPMUS"


def test_agent_noun_takes_the_country_it_is_in(make_ctx):
    art = _events(make_ctx, "A court in Malawi jailed a Zambian businessman for fraud.")
    ev = next(e for e in art.events if e.category == "COERCE")
    assert cameo_actor(ev.actor, art) == "MWIJUD"


def test_accentless_city_and_us_state_places() -> None:
    zurich = place_from_name("Zurich")
    assert zurich is not None and zurich.country == "CH" and zurich.kind == "city"
    state = place_from_name("Alaska")
    assert state is not None and state.country == "US" and state.kind == "region" and state.lat is None


# Issue 6, fourth round: intent/refusal codes, request frames, places and phrases completing actor codes.


def _codes(art: Article) -> set[tuple[str, str, str]]:
    return {(t.source, t.target, t.code) for t in cameo_triples(art)}


def test_wished_attack_is_a_threat_in_the_cameo_view(make_ctx):
    art = _events(make_ctx, "Chile wants to bomb Peru.")
    assert [e.status for e in art.events] == ["planned"]
    assert ("CHL", "PER", "138") in _codes(art)
    assert {t.category for t in cameo_triples(art)} == {"THREATEN"}
    assert art.events[0].category == "ASSAULT"  # the record keeps the act


def test_committed_aid_keeps_its_code(make_ctx):
    art = _events(make_ctx, "Brazil will supply rifles to Bolivia.")
    assert {t.code[:2] for t in cameo_triples(art)} == {"07"}


def test_refused_support_is_a_rejection(make_ctx):
    art = _events(make_ctx, "Norway said it would not provide aid to Sudan.")
    assert ("NOR", "SDN", "121") in _codes(art)


def test_place_target_gets_no_reverse_triple(make_ctx):
    art = _events(make_ctx, "The Chilean president will meet in Geneva on Monday.")
    triples = cameo_triples(art)
    assert [(t.source, t.target) for t in triples] == [("CHLGOV", "CHE")]


def test_role_target_without_country_takes_the_place(make_ctx):
    art = _events(make_ctx, "Gunmen shot three villagers in Mosul on Sunday.")
    assert any(t.target == "IRQCVL" for t in cameo_triples(art))


def test_role_noun_takes_country_of_its_of_phrase(make_ctx):
    art = _events(make_ctx, "The police arrested the mayor of Mombasa on Monday.")
    assert ("---COP", "KENGOV", "173") in _codes(art)


def test_partitive_actor_phrase_keeps_its_role(make_ctx):
    art = _events(make_ctx, "Dozens of UN troops withdrew from the border town on Monday.")
    assert any(t.source == "IGOUNOMIL" for t in cameo_triples(art))
    actor = next(e.actor for e in art.events if e.actor)
    assert art.body[actor.span[0] : actor.span[1]] == "Dozens of UN troops"


def test_relative_clause_actor_is_its_noun_not_the_speaker(make_ctx):
    art = _events(make_ctx, "Chile said it would help the town that the rebels attacked, and condemned the militia that seized the port.")
    assert not any(e.category == "COERCE" and e.actor and e.actor.country == "CL" for e in art.events)


def test_named_international_body_code():
    text = "Interpol sent investigators to Peru."
    art = Article(id="a", source="a", raw=text, body=text)
    assert cameo_actor(ActorRef(None, "Interpol", None, [0, 8]), art) == "IGOCOPITP"


def test_condolences_are_an_empathetic_comment(make_ctx):
    art = _events(make_ctx, "Canada expressed condolences to Nepal after the earthquake.")
    assert ("CAN", "NPL", "018") in _codes(art)


def test_an_institution_in_a_named_countrys_senate_takes_that_country(make_ctx):
    def actor_country(text: str) -> list[str | None]:
        return [e.actor.country for e in _events(make_ctx, text).events if e.actor is not None]

    assert actor_country("Lawmakers in Kenya's Senate rejected the budget.") == ["KE"]
    assert actor_country("Lawmakers in the Kenyan Senate rejected the budget.") == ["KE"]
    assert actor_country("Lawmakers in the Senate rejected the budget.") == ["US"]
