"""Round 9 (lead): a negated will is a refusal, a negated past a denial. All sentences written
for sitrep."""

from __future__ import annotations

import pytest

from sitrep import actors, events, quotes
from sitrep.events.plover import view_category


def _run(make_ctx, text: str):
    art, ctx = make_ctx(text)
    actors.run(art, ctx)
    quotes.run(art, ctx)
    events.run(art, ctx)
    return art


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
