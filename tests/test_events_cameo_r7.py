"""CAMEO roots the verb dictionary lacked (issue 6, round 7): 01 make a public statement (an
attitude expressed about someone, never a plain "said"), 10 demand, 12 reject and 16 reduce
relations, coded by ``data/events/verbs.json`` (sentences written for sitrep)."""

from __future__ import annotations

import pytest

from sitrep.events.cameo import cameo_triples

from event_helpers import cameo_roots as _triples
from event_helpers import dictionary_events as _events


@pytest.mark.parametrize("text, triple, category", [
    # 01: an optimistic or appreciative comment (013) and a pessimistic one (012) about a named side
    ("The Kenyan government expressed gratitude for Japan's support.", ("KENGOV", "JPN", "01"), "SUPPORT"),
    ("Germany voiced concern over Turkey's military operation in northern Iraq.", ("DEU", "TURMIL", "01"), "ACCUSE"),
    # 10: a demand told by a noun after a light verb, "press for"
    ("Poland renewed its demand for the return of the wreckage from Russia.", ("POL", "RUS", "10"), "REQUEST"),
    ("Iran pressed for the immediate release of its tankers by Britain.", ("IRN", "GBR", "10"), "REQUEST"),
    # 12: ruling out talks, snubbing an offer
    ("Hungary ruled out talks with Ukraine on the pipeline.", ("HUN", "UKR", "12"), "REJECT"),
    ("Venezuela snubbed the mediation offer from Colombia.", ("VEN", "COL", "12"), "REJECT"),
    # 16: aid cut, embassy closed, envoy withdrawn, talks called off, travel advised against
    ("Japan cut aid to Myanmar after the coup.", ("JPN", "MMR", "16"), "SANCTION"),
    ("Bahrain shut its embassy in Qatar.", ("BHR", "QAT", "16"), "SANCTION"),
    ("Bahrain announced the closure of its embassy in Qatar.", ("BHR", "QAT", "16"), "SANCTION"),
    ("Serbia withdrew its ambassador from Montenegro.", ("SRB", "MNE", "16"), "SANCTION"),
    ("Armenia called off peace talks with Azerbaijan.", ("ARM", "AZE", "16"), "SANCTION"),
    ("Canada's foreign ministry advises against all travel to Haiti.", ("CANGOV", "HTI", "16"), "SANCTION"),
])
def test_new_roots_are_coded(runner, text, triple, category):
    art = _events(runner, text)
    assert triple in _triples(art)
    assert any(e.category == category and (e.cameo or "")[:2] == triple[2] for e in art.events)


def test_withdrawn_ambassador_is_no_troop_retreat(runner):
    art = _events(runner, "Serbia withdrew its ambassador from Montenegro.")
    assert not any(e.category == "RETREAT" for e in art.events)


@pytest.mark.parametrize("text", [
    '"We will win the vote," the Chilean minister said on Monday.',
    "Brazil's president said the economy would grow this year.",
    "The Kremlin declined to comment on the report.",
])
def test_a_plain_statement_is_no_event(runner, text):
    # CAMEO 010/011 are left out: a quote, a paraphrase or a "no comment" is a statement, not an event
    art = _events(runner, text)
    assert art.events == [] and cameo_triples(art) == []


def test_denied_permission_is_a_refusal_and_its_content_no_event(runner):
    art = _events(runner, "The Spanish government will not give permission to Morocco to fish in its waters.")
    assert ("ESPGOV", "MAR", "12") in _triples(art)  # refusing to yield (124)
    assert [e.category for e in art.events] == ["CONCEDE"]  # the record: the permission, status denied
    assert art.events[0].status in ("denied", "refused")


def test_accepted_demands_are_no_new_demand(runner):
    art = _events(runner, "The government accepted the demands of the striking miners.")
    assert not any(e.category == "REQUEST" for e in art.events)


def test_refusing_to_rule_out_is_no_ruling_out(runner):
    # "rule out" as the complement of a refusal is what is refused: the refusal stays the event
    art = _events(runner, "Brussels refused to rule out new tariffs on Chinese steel.")
    assert [e.trigger for e in art.events] == ["refused"]
    art = _events(runner, "Hungary ruled out any talks with Ukraine about the pipeline.")
    assert [e.trigger for e in art.events] == ["ruled"]
