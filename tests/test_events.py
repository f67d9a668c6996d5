"""The events stage end to end on hand-written sentences (coding, actors, status, dates)."""

from __future__ import annotations

import pytest

from sitrep import events
from sitrep.schema import Actor


def _events(make_ctx, text: str, published: str | None = "2022-02-02", actors: list[Actor] | None = None):
    art, ctx = make_ctx(text, published)
    art.actors = actors or []
    events.run(art, ctx)
    return art


def _one(make_ctx, text: str, **kw):
    art = _events(make_ctx, text, **kw)
    assert len(art.events) == 1, [(e.category, e.trigger) for e in art.events]
    return art.events[0]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Armenia and Azerbaijan signed a ceasefire agreement on Monday.", "AGREE"),
        ("The Japanese prime minister held talks with Indian officials on Monday.", "CONSULT"),
        ("Poland voiced support for Lithuania on Tuesday.", "SUPPORT"),
        ("Serbia lifted sanctions on Kosovo last week.", "CONCEDE"),
        ("Norway agreed to share intelligence with Sweden.", "COOPERATE"),
        ("Germany will provide 5,000 helmets to Ukraine.", "AID"),
        ("Belarus withdrew its troops from the frontier on Friday.", "RETREAT"),
        ("Finland urged Russia to halt the drills.", "REQUEST"),
        ("Lithuania accused Belarus of staging the crisis.", "ACCUSE"),
        ("Hungary rejected the Polish proposal on Monday.", "REJECT"),
        ("China threatened Taiwan on Sunday.", "THREATEN"),
        ("Georgian students protested against Russia outside the embassy.", "PROTEST"),
        ("Russia deployed 3,000 troops to Belarus on Monday.", "MOBILIZE"),
        ("Canada imposed sanctions on Russia on Tuesday.", "SANCTION"),
        ("Iranian police arrested two British citizens in Tehran.", "COERCE"),
        ("Russian artillery shelled Ukrainian positions near Donetsk.", "ASSAULT"),
    ],
)
def test_events_each_plover_category(make_ctx, text, category):
    art = _events(make_ctx, text)
    assert category in [e.category for e in art.events]
    ev = next(e for e in art.events if e.category == category)
    assert ev.actor is not None and ev.actor.country is not None
    assert ev.cameo and ev.sentence and art.body[ev.span[0] : ev.span[1]].strip() == ev.sentence


def test_events_reported_clause_with_pronoun_actor(make_ctx):
    art = _events(make_ctx, "Canada said Wednesday it is sending 400 more soldiers to Latvia.")
    [ev] = art.events
    assert (ev.category, ev.mode, ev.status) == ("MOBILIZE", "troops", "occurred")
    assert ev.actor is not None and ev.actor.country == "CA"
    # the span names the antecedent the pronoun was resolved to (as PLV marks sources), not "it";
    # the confidence still carries the pronoun penalty
    assert ev.actor.span is not None and art.body[ev.actor.span[0] : ev.actor.span[1]] == "Canada"
    assert ev.confidence < 0.8
    assert ev.date is not None and ev.date.value == "2022-02-02"
    assert [(q.value, q.unit, q.qualifier) for q in ev.quantities] == [(400, "soldiers", "more")]
    assert ev.place is not None and ev.place.country == "LV"
    assert ev.confidence < 0.8  # the actor came through a pronoun


def test_events_two_moves_in_one_sentence_keep_their_own_numbers(make_ctx):
    art = _events(make_ctx, "Britain is sending 350 marines to Poland and moving 900 troops from Estonia to Latvia.")
    got = {e.quantities[0].value: e for e in art.events if e.quantities}
    assert set(got) == {350, 900}
    assert got[900].origin is not None and got[900].origin.country == "EE"
    assert [p.country for p in got[900].destinations] == ["LV"]
    assert all(e.actor and e.actor.country == "GB" for e in art.events)
    assert len({e.id for e in art.events}) == len(art.events)


def test_events_consult_planned_with_same_weekday(make_ctx):
    ev = _one(make_ctx, "French President Emmanuel Macron is expected to speak by telephone with Chinese leader Xi Jinping Wednesday.")
    assert (ev.category, ev.status) == ("CONSULT", "planned")
    assert ev.actor.country == "FR" and ev.target is not None and ev.target.country == "CN"
    assert ev.date.value == "2022-02-02"


def test_events_visit_next_weekday_planned(make_ctx):
    ev = _one(make_ctx, "Polish President Andrzej Duda will visit Vilnius on Thursday.")
    assert (ev.category, ev.mode, ev.status) == ("CONSULT", "visit", "planned")
    assert ev.date.value == "2022-02-03" and ev.target.country == "LT"
    assert ev.place is not None and ev.place.name == "Vilnius"


def test_events_past_weekday_with_talks(make_ctx):
    ev = _one(make_ctx, "The Dutch foreign minister held talks Monday with Greek officials.")
    assert ev.date.value == "2022-01-31" and ev.status == "occurred" and ev.target.country == "GR"


def test_events_last_week_window(make_ctx):
    ev = _one(make_ctx, "Spain put 1,500 soldiers on alert last week.")
    assert (ev.category, ev.cameo) == ("MOBILIZE", "152")
    assert (ev.date.value, ev.date.end, ev.date.precision) == ("2022-01-24", "2022-01-30", "week")


def test_events_sunday_publication(make_ctx):
    ev = _one(make_ctx, "Turkey said Sunday it had deployed 200 troops to Cyprus.", published="2022-02-06")
    assert ev.date.value == "2022-02-06"


def test_events_no_date(make_ctx):
    ev = _one(make_ctx, "Russia has massed tanks along its border with Finland.")
    assert ev.date is None and ev.place is not None and ev.place.kind == "region"


def test_events_explicit_date(make_ctx):
    ev = _one(make_ctx, "Estonia expelled two Russian diplomats on Jan. 14, 2022.")
    assert ev.date.value == "2022-01-14" and ev.target is not None and ev.target.country == "RU"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Italy sent 250 troops to Bulgaria.", "occurred"),
        ("Italy will send 250 troops to Bulgaria.", "planned"),
        ("Italy plans to send 250 troops to Bulgaria.", "planned"),
        ("Italy is set to send 250 troops to Bulgaria.", "planned"),
        ("Italy threatened to send 250 troops to Bulgaria.", "threatened"),
        ("Italy did not send troops to Bulgaria.", "denied"),
        ("Italy denied sending troops to Bulgaria.", "denied"),
        ("Italy refused to send troops to Bulgaria.", "refused"),
        ("Italy could send 250 troops to Bulgaria.", "hypothetical"),
        ("Italy may send 250 troops to Bulgaria.", "hypothetical"),
    ],
)
def test_events_status(make_ctx, text, status):
    ev = _one(make_ctx, text)
    assert ev.category == "MOBILIZE" and ev.status == status


def test_events_conditional_sanctions_are_threatened(make_ctx):
    art = _events(make_ctx, "The EU said the sanctions by Western allies against Belarus would follow should it attack Lithuania.")
    sanction = next(e for e in art.events if e.category == "SANCTION")
    assert sanction.status == "threatened" and sanction.actor.country == "West"
    assert sanction.target is not None and sanction.target.country == "BY"
    assert "ASSAULT" not in [e.category for e in art.events]  # the condition itself is no event


def test_events_refused_to_rule_out_is_reject(make_ctx):
    ev = _one(make_ctx, "NATO has refused to rule out Georgian membership.")
    assert (ev.category, ev.status) == ("REJECT", "occurred") and ev.actor.country == "NATO"


def test_events_ignored_demands_is_accusation_by_the_speaker(make_ctx):
    ev = _one(make_ctx, "Belarusian President Alexander Lukashenko said Monday that Poland ignored his demands.")
    assert ev.category == "ACCUSE" and ev.actor.country == "BY" and ev.target.country == "PL"
    assert ev.date.value == "2022-01-31"


def test_events_use_actor_records_when_present(make_ctx):
    text = "Kallas held talks with Sandu on Monday."
    start = text.index("Kallas")
    rec = Actor(id="A-kallas", name="Kaja Kallas", kind="person", country="EE", mentions=[[start, start + 6]])
    ev = _one(make_ctx, text, actors=[rec])
    assert ev.actor is not None and (ev.actor.id, ev.actor.country) == ("A-kallas", "EE")


def test_events_reporting_verbs_alone_are_not_events(make_ctx):
    art = _events(make_ctx, "The spokesman told reporters on Monday that the weather was cold.")
    assert art.events == []


def test_events_ids_and_provenance_are_stable(make_ctx):
    text = "Sweden sent 100 troops to Gotland on Monday."
    first = _events(make_ctx, text).events
    second = _events(make_ctx, text).events
    assert [e.id for e in first] == [e.id for e in second] and first
    prov = first[0].provenance
    assert prov is not None and (prov.stage, prov.version) == (events.NAME, events.VERSION)
    assert prov.confidence == first[0].confidence


def test_events_without_parse_leave_no_events(make_ctx):
    art, ctx = make_ctx("Sweden sent 100 troops.")
    ctx.doc = None
    events.run(art, ctx)
    assert art.events == []


def test_events_reported_would_is_planned(make_ctx):
    evs = _events(make_ctx, "Norway said on Monday that it would send 300 soldiers to Latvia.").events
    assert [(e.category, e.status) for e in evs] == [("MOBILIZE", "planned")]


def test_events_content_of_a_denial_is_denied(make_ctx):
    evs = _events(make_ctx, "The Kremlin has again denied that Russia plans to invade Georgia.").events
    assert evs and all(e.status == "denied" for e in evs)


def test_events_past_report_with_later_dated_clause_stays_occurred(make_ctx):
    evs = _events(make_ctx, "Russia has massed 40,000 troops near Finland for drills that are scheduled to begin on Friday.").events
    assert evs[0].status == "occurred"


def test_events_refusal_targets_the_owner_of_the_demand(make_ctx):
    text = "Moscow delivered Russian security demands to Washington. NATO has refused to rule out Georgian membership."
    evs = [e for e in _events(make_ctx, text).events if e.category == "REJECT"]
    assert evs and evs[0].target is not None and evs[0].target.country == "RU"


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Germany will send weapons to Ukraine.", "DE", "UA"),  # the parser reads "to" as a dative
        ("France gave aid to Lebanon on Monday.", "FR", "LB"),
        ("Spain said it would not provide support to Morocco.", "ES", "MA"),
    ],
)
def test_events_dative_to_is_the_recipient_not_a_country_code(make_ctx, text, actor, target):
    ev = _one(make_ctx, text)
    assert (ev.category, ev.actor.country, ev.target.country) == ("AID", actor, target)


@pytest.mark.parametrize("verb", ["gathered", "amassed", "massed", "positioned", "concentrated"])
def test_events_troop_build_up_verbs_mobilize(make_ctx, verb):
    ev = _one(make_ctx, f"Serbia has {verb} 4,000 troops near the Kosovo border.")
    assert (ev.category, ev.actor.country, [q.text for q in ev.quantities]) == ("MOBILIZE", "RS", ["4,000 troops"])
