"""Round 7 (lead): a conjunct with its own tense or auxiliary keeps its own status; a weekday
is not read together with a later "this week's". All sentences written for sitrep."""

from __future__ import annotations

from sitrep import actors, events, quotes


def _run(make_ctx, text: str):
    art, ctx = make_ctx(text)
    actors.run(art, ctx)
    quotes.run(art, ctx)
    events.run(art, ctx)
    return art


def _status(art, trigger: str) -> str:
    found = [e.status for e in art.events if e.trigger == trigger]
    assert found, [(e.trigger, e.status) for e in art.events]
    return found[0]


def test_finite_conjunct_is_not_denied_by_the_first_verb(make_ctx):
    art = _run(make_ctx, "The minister said Moscow would not withdraw its forces and accused Kyiv of shelling villages.")
    assert _status(art, "withdraw") == "refused"  # a reported negated will
    assert _status(art, "accused") == "occurred"


def test_bare_conjunct_still_shares_the_negation(make_ctx):
    art = _run(make_ctx, "Moscow did not send troops or deploy tanks to the border.")
    assert _status(art, "send") == "denied" and _status(art, "deploy") == "denied"


def test_progressive_conjunct_still_shares_the_auxiliary(make_ctx):
    art = _run(make_ctx, "Belarus is sending troops and moving tanks to the border.")
    assert _status(art, "moving") == "occurred"


def test_conjunct_with_its_own_auxiliary_keeps_its_status(make_ctx):
    art = _run(make_ctx, "Russia may attack and has moved troops to the border.")
    assert _status(art, "moved") == "occurred"


def test_weekday_is_not_read_with_a_later_possessive_week(make_ctx):
    from sitrep.events.time import find_date_mentions

    found = find_date_mentions("He left on Sunday, this week's plan said.")
    assert [m.text for m in found if m.kind == "weekday"] == ["Sunday"]


def test_cutting_a_budget_is_no_sanction(make_ctx):
    art = _run(make_ctx, "The city council reduced funding for libraries this year.")
    assert not any(e.category == "SANCTION" for e in art.events), [(e.trigger, e.category) for e in art.events]


def test_cutting_aid_to_a_country_is_a_sanction(make_ctx):
    art = _run(make_ctx, "Sweden slashed humanitarian assistance to Eritrea on Monday.")
    ev = next(e for e in art.events if e.trigger == "slashed")
    assert ev.category == "SANCTION" and ev.cameo == "162" and ev.target.country == "ER"


def test_ruling_out_a_medical_cause_is_no_rejection(make_ctx):
    art = _run(make_ctx, "Police have ruled out foul play in the death of the fisherman.")
    assert not any(e.category == "REJECT" for e in art.events), [(e.trigger, e.category) for e in art.events]
