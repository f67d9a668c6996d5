"""Round 9 (lead): a negated will is a refusal, a negated past a denial. All sentences written
for sitrep."""

from __future__ import annotations

import pytest

from actor_helpers import run_stages
from sitrep.events.plover import view_category


_run = run_stages


def _event(art, trigger: str):
    found = [e for e in art.events if e.trigger == trigger]
    assert found, [(e.trigger, e.status) for e in art.events]
    return found[0]


@pytest.mark.parametrize(("text", "trigger"), [
    ("Serbia will not recognise the new government in Kosovo, the president said on Monday.", "recognise"),
    ("Bolivia won't send troops to the border, its defence minister said.", "send"),
    ("Chile said on Friday that it would not expel the Peruvian ambassador.", "expel"),
])
def test_negated_will_is_a_refusal(make_ctx, text, trigger):
    assert _event(_run(make_ctx, text), trigger).status == "refused"


def test_refused_recognition_is_reject_in_the_plover_view(make_ctx):
    ev = _event(_run(make_ctx, "Serbia will not recognise the new government in Kosovo."), "recognise")
    assert (ev.category, view_category(ev)) == ("SUPPORT", "REJECT")


@pytest.mark.parametrize(("text", "trigger"), [
    ("Bolivia did not send troops to the border last week.", "send"),
    ("The Chilean government has not expelled the Peruvian ambassador.", "expelled"),
])
def test_negated_past_stays_a_denial(make_ctx, text, trigger):
    assert _event(_run(make_ctx, text), trigger).status == "denied"


def test_purpose_infinitive_shares_its_host_verbs_status(make_ctx):
    art = _run(make_ctx, "The chairman said he would travel to both capitals next week to meet the two leaders.")
    assert [e.status for e in art.events if e.trigger == "meet"] == ["planned"]


@pytest.mark.parametrize(("text", "trigger", "status"), [
    ("Hungary has repeatedly said it would not send tanks to Ukraine.", "send", "refused"),  # any tense of the report
    ("Serbia says it would not send troops to Kosovo.", "send", "refused"),
    ("He said Russia would not have invaded Ukraine if NATO had not expanded.", "invaded", "hypothetical"),
    ("Western officials believe Moscow will not attack Kyiv before spring.", "attack", "denied"),  # a belief, no refusal
    ("Russia will not be allowed to attend the summit in Geneva.", "attend", "denied"),  # someone else decides
    ("Iran will not hesitate to strike Israel if attacked, the general said.", "strike", "threatened"),
])
def test_negated_will_refusal_edges(make_ctx, text, trigger, status):
    assert _event(_run(make_ctx, text), trigger).status == status


def test_a_dateline_names_no_participant(make_ctx):
    art = _run(make_ctx, "MILAN (Reuters) - Heavy rain flooded large parts of the region on Thursday, "
                         "forcing more than 10,000 people to leave their homes, officials said.")
    assert not any(e.actor is not None and e.actor.name.upper() == "MILAN" for e in art.events)


def test_a_dateline_leaves_the_sentence_after_it_alone(make_ctx):
    art = _run(make_ctx, "KYIV, Feb 3 (Reuters) - Russian forces shelled Kharkiv overnight.")
    assert [(e.category, e.actor.country) for e in art.events if e.trigger == "shelled"] == [("ASSAULT", "RU")]
