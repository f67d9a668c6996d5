"""Round 7 (lead): a finite conjunct keeps its own status, and a rank word that opens an
organisation's name is no role. All sentences written for sitrep."""

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
    assert _status(art, "withdraw") == "denied"
    assert _status(art, "accused") == "occurred"


def test_bare_conjunct_still_shares_the_negation(make_ctx):
    art = _run(make_ctx, "Moscow did not send troops or deploy tanks to the border.")
    assert _status(art, "send") == "denied" and _status(art, "deploy") == "denied"


def test_progressive_conjunct_still_shares_the_auxiliary(make_ctx):
    art = _run(make_ctx, "Belarus is sending troops and moving tanks to the border.")
    assert _status(art, "moving") == "occurred"


def test_general_staff_is_an_organisation_that_speaks(make_ctx):
    art = _run(make_ctx, "Ukraine's General Staff said on Sunday that 14 drones were shot down overnight.")
    staff = [a for a in art.actors if a.name == "General Staff"]
    assert staff and staff[0].kind == "org" and staff[0].role is None
    q = next(q for q in art.quotes if "drones" in q.text)
    assert q.speaker_name == "General Staff"


def test_general_before_a_name_is_still_a_rank(make_ctx):
    art = _run(make_ctx, "General Olena Marchenko said the line held.")
    person = next(a for a in art.actors if a.kind == "person")
    assert person.name == "Olena Marchenko" and person.role == "General"
