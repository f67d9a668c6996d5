"""quotes r8: outer attributions and multi-word cues. "made (it) clear that X" reports X; "in a
poll" is the source of the clause it sits in; "reportedly" marks a source-less report; "asked
if X" reports X; a content coordinated with "and that ..." or with its own subject stays whole,
as does a clause before its cue ("[A met B and pledged to C], the paper reported"); "As the
paper reported, [X]" reports X; "reminded voters that X" reports X. All sentences written for
sitrep."""

from __future__ import annotations

import pytest

from quote_helpers import quote_with as _with
from quote_helpers import run_quotes as _run
from quote_helpers import source_of as _source


def _spans(body: str, q) -> list[str]:
    return [body[s:e] for s, e in q.spans]


def test_made_it_clear_reports_its_clause(make_ctx):
    body = "The harbour master made it clear that the pier would stay closed until the spring."
    q = _with(_run(make_ctx, body), "pier would stay closed")
    assert q.cue == "made"
    assert _spans(body, q) == ["that the pier would stay closed until the spring"]
    assert _source(body, q) == "The harbour master"


def test_made_clear_without_it_reports_its_clause(make_ctx):
    body = "Several council members made clear on Monday that they would vote against the new parking fees."
    q = _with(_run(make_ctx, body), "vote against")
    assert q.cue == "made"
    assert _spans(body, q)[0].startswith("that they would vote against")
    assert _source(body, q) == "Several council members"


def test_opening_poll_phrase_is_the_source(make_ctx):
    body = "In a county poll released on Tuesday, 62 percent of residents backed the new library tax."
    q = _with(_run(make_ctx, body), "backed the new library tax")
    assert q.cue == "In"
    assert _spans(body, q) == ["62 percent of residents backed the new library tax"]
    assert _source(body, q) == "a county poll released on Tuesday"
    assert q.speaker is None


def test_trailing_poll_phrase_reports_the_main_clause(make_ctx):
    body = "The mayor still leads her two rivals comfortably in the latest survey."
    q = _with(_run(make_ctx, body), "leads her two rivals")
    assert q.cue == "in"
    assert _spans(body, q) == ["The mayor still leads her two rivals comfortably"]
    assert _source(body, q) == "the latest survey"


def test_poll_phrase_in_a_relative_clause_is_no_attribution(make_ctx):
    body = "The council backed Ms. Varga, who trails in most polls, as its candidate."
    assert not any(q.cue == "in" for q in _run(make_ctx, body))


def test_reportedly_is_a_sourceless_report(make_ctx):
    body = "The shipping firm has reportedly ordered four new ferries from a yard in Finland."
    q = _with(_run(make_ctx, body), "ordered four new ferries")
    assert q.cue == "reportedly"
    assert _spans(body, q) == ["The shipping firm has", "ordered four new ferries from a yard in Finland"]
    assert q.speaker_span is None


def test_asked_if_reports_the_question(make_ctx):
    body = "Asked if he thought the bridge was safe, the engineer said more tests were needed."
    found = _run(make_ctx, body)
    q = _with(found, "bridge was safe")
    assert q.cue == "Asked"
    assert _spans(body, q) == ["if he thought the bridge was safe"]
    assert q.speaker_span is None
    assert _with(found, "more tests").cue == "said"


def test_second_that_clause_stays_in_the_content(make_ctx):
    body = ("The coach says the team is tired after the long trip and that she can understand why "
            "the fans are upset.")
    found = _run(make_ctx, body)
    q = _with(found, "team is tired")
    assert q.cue == "says"
    assert "fans are upset" in q.text
    assert not any(x.cue == "understand" for x in found)


def test_clause_before_its_cue_is_read_whole(make_ctx):
    body = ("On Friday the minister met the fishing crews and promised to "
            "double the harbour fund, the local paper reported.")
    found = _run(make_ctx, body)
    q = _with(found, "met the fishing crews")
    assert q.cue == "reported"
    assert "double the harbour fund" in q.text
    assert _source(body, q) == "the local paper"


def test_reminded_reports_its_clause(make_ctx):
    body = "The governor reminded voters that the new bridge had opened a year ahead of schedule."
    q = _with(_run(make_ctx, body), "bridge had opened")
    assert q.cue == "reminded"
    assert _spans(body, q)[0].endswith("a year ahead of schedule")
    assert _source(body, q) == "The governor"


def test_as_aside_reports_the_clause_it_opens(make_ctx):
    body = "As the regional paper reported, the ferry company will cut its winter timetable by half."
    q = _with(_run(make_ctx, body), "winter timetable")
    assert q.cue == "reported"
    assert _spans(body, q) == ["the ferry company will cut its winter timetable by half"]
    assert _source(body, q) == "the regional paper"


def test_as_with_an_object_is_no_aside(make_ctx):
    body = "As the mayor praised the volunteers, the crowd in the square began to cheer."
    assert not any(q.cue == "praised" and "crowd" in q.text for q in _run(make_ctx, body))


def test_outer_cue_wins_over_an_impression_with_the_same_content(make_ctx):
    body = "Night workers would be considered a priority group for the new clinic, Dr. Osei said."
    q = _with(_run(make_ctx, body), "priority group")
    assert q.cue == "said"
    assert _source(body, q) == "Dr. Osei"
    assert "Night workers would be considered" in q.text


def test_trailing_reporter_is_the_outer_source(make_ctx):
    # the parser hangs "reported" as a clause under "said": the reporter still frames it all
    body = ("The minister said at a trade forum that the port was ''fully open to all of the new "
            "carriers,'' The Courier reported.")
    q = _with(_run(make_ctx, body), "fully open")
    assert q.cue == "reported"
    assert _source(body, q) == "The Courier"
    assert q.text.startswith("The minister said at a trade forum that the port was")


# After review of the rules above: a second speaker in a joined clause, "reportedly" beside a
# real attribution, a time "as", a fronted clause after "that", "in the polls" as the election.

def _pairs(found) -> set[tuple[str, str]]:
    return {(q.cue, q.text) for q in found}


def test_joined_clause_of_a_second_speaker_is_cut(make_ctx):
    body = "The minister said the talks had failed and the president warned that war was coming."
    found = _run(make_ctx, body)
    assert ("said", "the talks had failed") in _pairs(found)
    q = _with(found, "war was coming")
    assert (q.cue, q.text) == ("warned", "that war was coming")
    assert _source(body, q) == "the president"


def test_joined_intention_of_a_second_speaker_is_cut(make_ctx):
    body = "Kim said the deal was dead and Lee vowed to block it in parliament."
    found = _run(make_ctx, body)
    assert ("said", "the deal was dead") in _pairs(found)
    q = _with(found, "block it")
    assert q.cue == "vowed"
    assert _source(body, q) == "Lee"


def test_two_said_clauses_joined_by_and_are_two_quotes(make_ctx):
    body = "Police said two men were arrested and prosecutors said they would be charged on Monday"
    found = _run(make_ctx, body)
    assert ("said", "two men were arrested") in _pairs(found)
    assert _with(found, "charged on Monday").text == "they would be charged on Monday"


def test_reportedly_leaves_a_reporting_verb_its_quote(make_ctx):
    body = "The minister reportedly told aides that the talks had failed."
    found = _run(make_ctx, body)
    q = _with(found, "talks had failed")
    assert (q.cue, q.text) == ("told", "that the talks had failed")
    assert _source(body, q) == "The minister"


def test_reportedly_leaves_according_to_its_quote(make_ctx):
    body = "The army is reportedly preparing a new offensive, according to two officials."
    found = _run(make_ctx, body)
    q = _with(found, "new offensive")
    assert q.cue == "according"
    assert "according to" not in q.text
    assert not any(x.cue == "reportedly" for x in found)


def test_reportedly_in_a_relative_clause_gives_no_quote(make_ctx):
    body = "The clerk, who reportedly moved to Lisbon in the spring, was questioned by police."
    assert not any(q.text.startswith("who") for q in _run(make_ctx, body))


@pytest.mark.parametrize("body", [
    "As the senator testified, protesters interrupted the hearing.",
    "As lawmakers argued, the budget deadline passed without a deal.",
    "As the nurses complained, the ward ran out of clean sheets.",
])
def test_time_as_is_no_source(make_ctx, body):
    found = _run(make_ctx, body)
    assert not any(q.cue in ("testified", "argued", "complained") for q in found), _pairs(found)


def test_time_as_keeps_the_main_stance(make_ctx):
    body = "As residents complained, the council promised new funds."
    found = _run(make_ctx, body)
    assert not any(q.cue == "complained" for q in found)
    assert _with(found, "new funds").cue == "promised"


def test_trailing_as_clause_does_not_take_the_reporting_frame(make_ctx):
    body = "He said the law would be repealed, as the opposition had demanded."
    found = _run(make_ctx, body)
    assert not any(q.text.startswith("He said") for q in found), _pairs(found)
    assert _with(found, "law would be repealed").cue == "said"


def test_as_one_aide_put_it_is_a_source(make_ctx):
    body = "As one farmer put it, the river has never been this low in living memory."
    q = _with(_run(make_ctx, body), "river has never been")
    assert q.cue == "put"
    assert _source(body, q) == "one farmer"


def test_fronted_clause_after_that_is_no_trailing_reporter(make_ctx):
    body = "The minister said that once the fighting stops, the people will decide."
    found = _run(make_ctx, body)
    assert not any(q.text == "The minister said" for q in found), _pairs(found)
    q = _with(found, "people will decide")
    assert q.cue == "said"
    assert _source(body, q) == "The minister"


@pytest.mark.parametrize("body", [
    "The ruling party won a landslide in the polls on Sunday.",
    "The governing coalition was beaten in the polls last spring.",
])
def test_polls_as_the_election_are_no_source(make_ctx, body):
    found = _run(make_ctx, body)
    assert not any(q.cue.lower() == "in" for q in found), _pairs(found)


def test_poll_phrase_leaves_a_joined_clause_out(make_ctx):
    body = "The young mayor is gaining in the polls and the mood at her rallies is upbeat."
    q = _with(_run(make_ctx, body), "young mayor is gaining")
    assert q.cue == "in"
    assert "rallies" not in q.text


def test_survey_on_a_said_clause_keeps_the_said_quote(make_ctx):
    body = "In a survey of 800 nurses, 61 percent said they planned to leave the profession."
    q = _with(_run(make_ctx, body), "planned to leave")
    assert q.cue == "said"
    assert q.text == "they planned to leave the profession"
