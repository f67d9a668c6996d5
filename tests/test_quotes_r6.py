"""quotes r6: one attribution per cue. A reported clause does not swallow a second statement set
off after it (", telling reporters that ...", ", while others said ..."), a subject right before
a quotation stays in the content, and a reporting verb whose subject the parser lost in an aside
still finds it. All sentences written for sitrep."""

from __future__ import annotations

from quote_helpers import quote_with as _with
from quote_helpers import run_quotes as _run
from quote_helpers import source_of as _source


def test_participle_after_comma_is_its_own_statement(make_ctx):
    body = "Mayor Alvarez said the council had finally approved the budget, telling reporters that taxes would stay flat next year."
    found = _run(make_ctx, body)
    first = _with(found, "approved the budget")
    assert "taxes" not in first.text and first.cue == "said"
    second = _with(found, "taxes would stay flat")
    assert second.cue == "telling" and _source(body, second) == "Mayor Alvarez"


def test_participle_warning_keeps_the_outer_speaker(make_ctx):
    body = "The union leader said the talks had collapsed on Monday, warning that a strike could begin within days."
    found = _run(make_ctx, body)
    assert "strike" not in _with(found, "talks had collapsed").text
    q = _with(found, "a strike could begin")
    assert q.cue == "warning" and _source(body, q) == "The union leader"


def test_participle_that_reports_nothing_stays_in_the_content(make_ctx):
    body = "She said the old plant had closed in March, leaving hundreds of workers without jobs."
    q = _with(_run(make_ctx, body), "plant had closed")
    assert "leaving hundreds" in q.text


def test_contrast_with_its_own_speaker_is_split(make_ctx):
    body = "Some residents said the new bridge was far too expensive, while other residents said it would save them an hour each day."
    found = _run(make_ctx, body)
    assert "save them" not in _with(found, "far too expensive").text
    q = _with(found, "save them an hour")
    assert _source(body, q) == "other residents"


def test_contrast_inside_a_finding_stays_in_it(make_ctx):
    body = "The survey found that, while most voters say the economy is weak, few of them blame the mayor."
    q = _with(_run(make_ctx, body), "blame the mayor")
    assert q.cue == "found" and "economy is weak" in q.text


def test_subject_before_a_quotation_stays_in_the_content(make_ctx):
    body = 'The governor said Kowalski "has never run anything bigger than a bakery."'
    q = _with(_run(make_ctx, body), "bigger than a bakery")
    assert q.kind == "partial" and q.text.startswith("Kowalski")


def test_subject_lost_in_an_aside_is_found(make_ctx):
    body = "Dunmore, meanwhile, who has no endorsements so far, said the race was far from over."
    q = _with(_run(make_ctx, body), "far from over")
    assert _source(body, q) == "Dunmore"


def test_coordinated_reporting_verb_with_object_is_its_own_statement(make_ctx):
    body = "The senator said the vote had been rushed through the chamber and called the new rules a disgrace."
    found = _run(make_ctx, body)
    assert "disgrace" not in _with(found, "rushed through").text
    q = _with(found, "new rules a disgrace")
    assert q.cue == "called" and _source(body, q) == "The senator"


def test_coordinated_stance_stays_in_the_content(make_ctx):
    body = "The senator said the vote had been rushed and would support the deal anyway."
    q = _with(_run(make_ctx, body), "rushed")
    assert "support the deal" in q.text


def test_that_said_is_no_report(make_ctx):
    body = "That said, most commuters say the new timetable is an improvement."
    found = _run(make_ctx, body)
    assert [q.cue for q in found] == ["say"]
    assert _source(body, found[0]) == "most commuters"


def test_quote_after_a_quoted_title_continues_the_statement(make_ctx):
    body = ('"We will not back down on the library funding," Mayor Reyes said on "Morning Desk." '
            '"The money has already been set aside for it."')
    found = _run(make_ctx, body)
    assert len(found) == 1, [(q.kind, q.text) for q in found]
    q = found[0]
    assert q.kind == "direct" and len(q.spans) == 2 and "set aside" in q.text
    assert _source(body, q) == "Mayor Reyes"


def test_what_a_poll_shows_is_the_whole_small_clause(make_ctx):
    body = "A new survey shows Councillor Patel with a comfortable lead among older voters in the northern wards."
    q = _with(_run(make_ctx, body), "Councillor Patel")
    assert q.text.endswith("northern wards") and _source(body, q) == "A new survey"


def test_a_stance_object_does_not_take_the_scene(make_ctx):
    body = "The mayor endorsed Patel in a short video on Friday."
    q = _with(_run(make_ctx, body), "Patel")
    assert "video" not in q.text
