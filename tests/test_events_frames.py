"""Events through the whole per-article pipeline (actors stage included) on frames that need both."""

from __future__ import annotations

from sitrep import events
from sitrep.events import classify
from sitrep.ids import article_id
from sitrep.schema import Article


def _record(runner, text: str) -> Article:
    art = Article(id=article_id(text), source="<test>", raw=text)
    outcome = next(runner.run([art]))
    assert outcome.error is None and outcome.article is not None
    return outcome.article


def _summary(art: Article) -> list[tuple]:
    return [(e.category, e.actor and e.actor.country, e.target and e.target.country, e.status) for e in art.events]


def test_undergo_frame_makes_the_subject_the_target_and_the_warner_the_actor(runner):
    art = _record(runner, "Belgium warned on Monday that Serbia would face tough sanctions if it refused.")
    assert len(art.events) == 1
    ev = art.events[0]
    assert (ev.actor.country, ev.target.country, ev.status) == ("BE", "RS", "threatened")


def test_undergo_frame_without_a_warner_invents_no_actor(runner):
    art = _record(runner, "Serbia would face tough sanctions.")
    assert all(e.actor is None or e.actor.country != "RS" for e in art.events)


def test_verb_and_its_noun_are_one_event(runner):
    art = _record(runner, "Norway imposed sanctions on Belarus on Tuesday.")
    assert _summary(art) == [("SANCTION", "NO", "BY", "occurred")]


def test_coordinated_moves_are_two_events(runner):
    art = _record(runner, "Chancellor Olaf Scholz flew to Kyiv on Monday and will travel to Moscow on Tuesday.")
    assert _summary(art) == [("CONSULT", "DE", "UA", "occurred"), ("CONSULT", "DE", "RU", "planned")]
    assert art.events[1].target.name == "Russia"  # a short name, not "Russian Federation"


def test_city_the_tagger_took_for_a_person_is_a_target_in_its_country(runner):
    art = _record(runner, "Russia launched an attack on Kharkiv on Friday.")
    assert not any(a.kind == "person" and a.name == "Kharkiv" for a in art.actors)
    assert [(e.category, e.target.name, e.target.country) for e in art.events] == [("ASSAULT", "Kharkiv", "UA")]


def test_adjective_frames_give_status(runner):
    cases = {
        "Estonia is ready to send more troops to Latvia.": "planned",
        "Austria is unlikely to send troops to Hungary.": "hypothetical",
        "Italy is unwilling to send weapons to Libya.": "refused",
    }
    for text, status in cases.items():
        art = _record(runner, text)
        assert [e.status for e in art.events] == [status], text


def test_pro_and_anti_name_a_side_not_a_nationality(runner):
    art = _record(runner, "Pro-Turkish fighters shelled a village on Thursday.")
    assert [e.actor.country for e in art.events] == [None]


def test_agentless_toll_is_an_event_and_takes_the_attacker_of_its_clause(runner):
    art = _record(runner, "At least nine villagers were killed when rebels shelled a bridge on Friday.")
    assert len(art.events) == 1
    ev = art.events[0]
    assert ev.category == "ASSAULT" and ev.actor is not None and ev.actor.name == "rebels"
    assert [q.text for q in ev.quantities] == ["At least nine villagers"]


def test_victims_of_a_passive_are_never_the_attacker(runner):
    art = _record(runner, "Four Moldovan border guards were killed in shelling on Monday.")
    assert [(e.actor, e.target.country) for e in art.events] == [(None, "MD")]


def test_no_plans_to_act_is_a_denial_by_the_speaker(runner):
    art = _record(runner, "Serbia said it had no plans to attack Kosovo.")
    assert _summary(art) == [("ASSAULT", "RS", "XK", "denied")]


def test_troops_as_subject_of_a_build_up_verb(runner):
    art = _record(runner, "Some 12,000 Belarusian soldiers have gathered near the Polish border.")
    assert [(e.category, e.actor.country, [q.value for q in e.quantities]) for e in art.events] == [
        ("MOBILIZE", "BY", [12000.0])]


def test_reciprocal_meeting_with_a_thing_object_pairs_the_actors(runner):
    art = _record(runner, "Orban and Fico held a long meeting in Vienna.")
    assert sorted((e.actor.country, e.target.country) for e in art.events) == [("HU", "SK"), ("SK", "HU")]


def test_made_or_backed_somewhere_is_not_a_nationality(runner):
    art = _record(runner, "Iranian-backed militias attacked a Danish base in Iraq.")
    assert [(e.actor.country, e.target.country) for e in art.events] == [(None, "DK")]


def test_a_downed_drone_is_not_the_shooter(runner):
    art = _record(runner, "The debris came from a Turkish-made drone shot down over Armenia.")
    assert not any(e.actor is not None and e.actor.country == "TR" for e in art.events)


def test_domestic_parties_with_other_roles_are_not_the_actors_own_side(runner):
    art = _record(runner, "Armenian police detained dozens of Armenian protesters on Monday.")
    assert [(e.category, e.actor.country, e.target.name) for e in art.events] == [
        ("COERCE", "AM", "Armenian protesters")]


def test_weekday_on_a_nominal_takes_the_tense_of_its_clause(runner):
    text = "Shelling hits town\n\nPublished March 3, 2022\n\nAt least six villagers were killed in shelling near Izium on Wednesday."
    art = _record(runner, text)
    assert art.published == "2022-03-03"
    assert [e.date.value for e in art.events if e.category == "ASSAULT"] == ["2022-03-02"]


def test_target_found_deeper_in_the_phrase_when_the_slots_name_no_party(runner):
    art = _record(runner, "Norway agreed to open its ports to Chilean fishing boats.")
    assert [(e.category, e.actor.country, e.target.country) for e in art.events] == [("AGREE", "NO", "CL")]
    ev = art.events[0]
    assert art.body[ev.target.span[0]:ev.target.span[1]] == "Chilean fishing boats"


def test_subject_of_a_clause_under_the_trigger_is_its_target(runner):
    art = _record(runner, "A Danish court convicted Sweden's biggest lender to pay a fine.")
    assert [(e.category, e.actor.country, e.target.country) for e in art.events] == [("ACCUSE", "DK", "SE")]
    ev = art.events[0]
    assert "lender" in art.body[ev.target.span[0]:ev.target.span[1]]


def test_actor_phrase_naming_no_party_gives_the_party_inside_it(runner):
    art = _record(runner, "Missiles fired by the Syrian army struck a market in Idlib.")
    assert [e.actor.country for e in art.events] == ["SY"]
    ev = art.events[0]
    assert art.body[ev.actor.span[0]:ev.actor.span[1]] == "Syrian army"


def test_refused_request_targets_whoever_made_it(runner):
    art = _record(runner, "Peru refused a request from Chilean President Gabriel Boric to reopen the border.")
    assert [(e.category, e.actor.country, e.target.country) for e in art.events] == [("REJECT", "PE", "CL")]


def test_dateline_city_is_not_the_subject_of_the_sentence(runner):
    art = _record(runner, "TRIPOLI -- A Libyan court on Monday jailed two Maltese sailors.")
    assert [(e.category, e.actor.country, e.target.country) for e in art.events] == [("COERCE", "LY", "MT")]
    assert art.body[art.events[0].actor.span[0]:art.events[0].actor.span[1]] == "Libyan court"


def test_reported_obligation_is_a_demand_of_the_obliged(runner):
    art = _record(runner, "Peru's foreign minister said on Monday that Chile must reopen the border.")
    demands = [e for e in art.events if e.category == "REQUEST"]
    assert [(e.actor.country, e.target.country, e.status) for e in demands] == [("PE", "CL", "occurred")]


def test_obligation_of_the_speaker_is_no_demand(runner):
    art = _record(runner, "The minister said he must resign.")
    assert not any(e.category == "REQUEST" for e in art.events)


def test_troops_remaining_on_alert_are_a_mobilisation(runner):
    art = _record(runner, "NATO troops remained on alert Sunday near the Kosovo border.")
    assert [(e.category, e.actor.name) for e in art.events] == [("MOBILIZE", "NATO")]


def test_agentless_arrest_is_held_by_the_state_where_it_happened(runner):
    art = _record(runner, "A Dutch reporter was detained on Friday in Georgia.")
    arrests = [e for e in art.events if e.category == "COERCE"]
    assert [(e.actor.country, e.target.country) for e in arrests] == [("GE", "NL")]


def test_a_city_target_is_also_the_place(runner):
    art = _record(runner, "Russian forces attacked Kharkiv overnight.")
    assert [(e.target.name, e.place.name if e.place else None, e.place.lat is not None if e.place else None)
            for e in art.events] == [("Kharkiv", "Kharkiv", True)]


def test_obligation_frame_is_found_without_the_pair_classifier(runner):
    from sitrep.events import classify

    with classify.using(None):  # the cheap sentence pre-filter must know the modal trigger too
        art = _record(runner, "Hungary said Serbia must reopen the crossing.")
    assert ("REQUEST", "HU", "RS") in [(e.category, e.actor.country, e.target.country) for e in art.events]


# Issue 6, fourth round: a request's asked-for act is its content, not an event of its own.


def _run(make_ctx, text: str) -> Article:
    art, ctx = make_ctx(text, "2023-05-10")
    art.actors = []
    with classify.using(None):
        events.run(art, ctx)
    return art


def test_urging_someone_to_act_is_a_request(make_ctx):
    art = _run(make_ctx, "Germany urged Hungary to withdraw its veto on Tuesday.")
    assert [(e.category, e.actor.country, e.target.country) for e in art.events] == [("REQUEST", "DE", "HU")]


def test_wanting_someone_to_act_is_a_request(make_ctx):
    art = _run(make_ctx, "Bolivia wants Peru to release the fishermen.")
    assert [(e.category, e.actor.country, e.target.country) for e in art.events] == [("REQUEST", "BO", "PE")]


def test_act_someone_is_pressured_into_is_no_event(make_ctx):
    art = _run(make_ctx, "Serbia was pressured by the EU to arrest the suspect.")
    assert not any(e.category == "COERCE" and e.mode == "arrest" for e in art.events)
    assert all(e.status is not None for e in art.events)


def test_subject_control_frame_still_yields_to_its_act(make_ctx):
    art = _run(make_ctx, "Peru threatened to expel the Chilean ambassador.")
    assert [e.status for e in art.events] == ["threatened"]


def test_event_noun_of_a_light_verb_through_the_pipeline(runner):
    art = _record(runner, "Canada announced a suspension of aid to Haiti on Friday.")
    assert _summary(art) == [("SANCTION", "CA", "HT", "occurred")]


def test_talks_between_two_parties_through_the_pipeline(runner):
    art = _record(runner, "Talks between Armenia and Azerbaijan resumed in Brussels.")
    assert ("CONSULT", "AM", "AZ", "occurred") in _summary(art)
    assert ("CONSULT", "AZ", "AM", "occurred") not in _summary(art)  # one event; the CAMEO view adds the reverse


def test_an_action_that_has_begun_has_occurred_and_one_that_will_begin_is_planned(make_ctx):
    def status(text: str) -> list[tuple[str, str]]:
        return [(e.category, e.status) for e in _run(make_ctx, text).events]

    assert status("Russia has begun withdrawing troops from the border with Ukraine.") == [("RETREAT", "occurred")]
    assert status("Belarus started moving tanks toward the border.") == [("MOBILIZE", "occurred")]
    assert status("Russia will begin withdrawing troops from the border next week.") == [("RETREAT", "planned")]
    assert status("The army plans to start shelling the town.") == [("ASSAULT", "planned")]
