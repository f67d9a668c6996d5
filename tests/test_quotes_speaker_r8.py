"""quotes speaker r8: a participle on a copula's noun is that noun's ("were two unions backing
..."); a thing that raises questions, and a noun cue in a backdrop phrase ("after reports
that ...", "because of fears that ..."), have no source, while a person raising concerns is one;
a publishing verb's subject speaks through its object's relative clause ("released figures that
suggest ..."); a finite verb coordinated past a modal clause goes with the outer reporter; the
name after an object-taking cue is its object, not its speaker; a participle naming a state of
mind ("is convinced", "focused on") keeps its subject or noun as source. All sentences written
for sitrep."""

from __future__ import annotations

from quote_helpers import quote_with as _with
from quote_helpers import run_quotes as _run
from quote_helpers import source_of as _source


def test_participle_on_a_copulas_noun_is_the_nouns(make_ctx):
    body = "The biggest donors this year were two unions backing the governor's reelection bid."
    q = _with(_run(make_ctx, body), "reelection bid")
    assert q.cue == "backing" and _source(body, q) == "two unions"


def test_participle_on_a_predicate_noun_after_a_pronoun(make_ctx):
    body = "He is a salesman saying whatever the crowd wants to hear."
    q = _with(_run(make_ctx, body), "the crowd wants to hear")
    assert _source(body, q) == "a salesman"


def test_a_document_raising_questions_is_no_source(make_ctx):
    body = "The new audit raised questions about how the agency spent its disaster funds."
    q = _with(_run(make_ctx, body), "how the agency spent")
    assert q.cue == "questions" and q.speaker_span is None


def test_a_person_raising_concerns_is_the_source(make_ctx):
    body = "The senator raised concerns about how the agency spent its disaster funds."
    q = _with(_run(make_ctx, body), "how the agency spent")
    assert _source(body, q) == "The senator"


def test_noun_cue_after_a_backdrop_preposition_has_no_source(make_ctx):
    body = "The minister resigned after reports that she had used public money for a holiday."
    q = _with(_run(make_ctx, body), "public money for a holiday")
    assert q.cue == "reports" and q.speaker_span is None


def test_noun_cue_after_because_of_has_no_source(make_ctx):
    body = "The fee remains unpopular, largely because of fears that it will push small shops out of business."
    q = _with(_run(make_ctx, body), "push small shops out of business")
    assert q.cue == "fears" and q.speaker_span is None


def test_publisher_speaks_through_the_relative_clause_of_its_object(make_ctx):
    body = "The research group released figures on Monday that suggest rents have doubled in a decade."
    q = _with(_run(make_ctx, body), "rents have doubled")
    assert q.cue == "suggest" and _source(body, q) == "The research group"


def test_finite_verb_after_a_modal_clause_goes_with_the_reporter(make_ctx):
    body = "Marquez insists that she will run again next year and refuses to discuss a possible successor."
    q = _with(_run(make_ctx, body), "discuss a possible successor")
    assert q.cue == "refuses" and _source(body, q) == "Marquez"


def test_name_after_an_object_taking_cue_is_not_its_speaker(make_ctx):
    body = 'Moreno has on several occasions described Ortega as "a tyrant" and "a thief."'
    q = _with(_run(make_ctx, body), "a tyrant")
    assert q.cue == "described" and _source(body, q) == "Moreno"


def test_participle_after_a_fragment_quote_is_the_reporters(make_ctx):
    body = '"Total chaos," he said, blaming the organisers for the long queues.'
    q = _with(_run(make_ctx, body), "the organisers")
    assert q.cue == "blaming" and _source(body, q) == "he"


def test_state_participle_keeps_its_subject_as_source(make_ctx):
    body = "Okonkwo is convinced the reforms will fail within a year."
    q = _with(_run(make_ctx, body), "the reforms will fail")
    assert q.cue == "convinced" and _source(body, q) == "Okonkwo"


def test_focus_on_a_thing_makes_no_source(make_ctx):
    body = "Smith wrote a letter focused on claims that the vote was rigged."
    q = _with(_run(make_ctx, body), "the vote was rigged")
    assert _source(body, q) != "a letter"


def test_focus_held_by_people_keeps_them(make_ctx):
    body = "Voters focused on the economy said they would back the challenger."
    q = _with(_run(make_ctx, body), "the economy")
    assert q.cue == "focused" and _source(body, q) == "Voters"


def test_rules_focused_on_something_are_no_source(make_ctx):
    body = "The new rules are focused on curbing migration, officials said."
    assert all(_source(body, q) != "The new rules" for q in _run(make_ctx, body))


def test_true_passive_without_agent_still_has_no_source(make_ctx):
    body = "The bridge was described as unsafe."
    q = _with(_run(make_ctx, body), "The bridge")
    assert q.cue == "described" and q.speaker_span is None


def test_named_subject_of_a_copula_keeps_the_participle(make_ctx):
    body = "Senator Elizabeth Warren was the first candidate saying she would break up the banks."
    q = _with(_run(make_ctx, body), "break up the banks")
    assert q.cue == "saying" and _source(body, q) == "Senator Elizabeth Warren"


def test_role_subject_of_a_copula_keeps_the_participle(make_ctx):
    body = "The ministry's spokesman is the official saying the border will stay closed."
    q = _with(_run(make_ctx, body), "the border will stay closed")
    assert _source(body, q) == "The ministry's spokesman"


def test_people_and_groups_raising_concerns_are_sources(make_ctx):
    for body, who in (("Police raised concerns that the march would turn violent.", "Police"),
                      ("Women raised questions about the new law.", "Women"),
                      ("Several countries raised concerns that the deal would fail.", "Several countries"),
                      ("The opposition raised concerns that the vote would be rigged.", "The opposition"),
                      ("The bank raised fears that rates would climb.", "The bank")):
        found = _run(make_ctx, body)
        assert found and all(_source(body, q) == who for q in found), (body, [(q.cue, _source(body, q)) for q in found])


def test_own_remarks_after_a_backdrop_preposition_keep_the_subject(make_ctx):
    body = "The minister apologized on Tuesday after remarks that women should stay at home."
    q = _with(_run(make_ctx, body), "women should stay at home")
    assert q.cue == "remarks" and _source(body, q) == "The minister"
    body = "Kim drew fire after comments that the war was already lost."
    q = _with(_run(make_ctx, body), "the war was already lost")
    assert q.cue == "comments" and _source(body, q) == "Kim"


def test_released_people_do_not_speak_for_the_releaser(make_ctx):
    body = "Hamas released three hostages that said they had been held in tunnels."
    q = _with(_run(make_ctx, body), "held in tunnels")
    assert _source(body, q) != "Hamas"


def test_a_run_company_does_not_speak_for_its_owner(make_ctx):
    body = "Elon Musk runs a company that said last week it would cut jobs."
    q = _with(_run(make_ctx, body), "cut jobs")
    assert _source(body, q) != "Elon Musk"


def test_name_after_a_dash_following_a_quote_is_the_speaker(make_ctx):
    for dash in ("—", "–", "--"):
        body = f'"We will not back down" {dash} warned Putin on Tuesday.'
        q = _with(_run(make_ctx, body), "back down")
        assert q.cue == "warned" and _source(body, q) == "Putin", dash
