"""quotes speaker r8: a participle on a copula's noun is that noun's ("were two unions backing
..."); a thing that raises questions, and a noun cue in a backdrop phrase ("after reports
that ...", "because of fears that ..."), have no source, while a person raising concerns is one;
a publishing verb's subject speaks through its object's relative clause ("released figures that
suggest ..."); a finite verb coordinated past a modal clause goes with the outer reporter; the
name after an object-taking cue is its object, not its speaker; a participle naming a state of
mind ("is convinced", "focused on") keeps its subject or noun as source. All sentences written
for sitrep."""

from __future__ import annotations

import pytest

from quote_helpers import Said, check_said
from quote_helpers import quote_with as _with
from quote_helpers import run_quotes as _run
from quote_helpers import source_of as _source


def test_focus_on_a_thing_makes_no_source(make_ctx):
    body = "Smith wrote a letter focused on claims that the vote was rigged."
    q = _with(_run(make_ctx, body), "the vote was rigged")
    assert _source(body, q) != "a letter"


def test_rules_focused_on_something_are_no_source(make_ctx):
    body = "The new rules are focused on curbing migration, officials said."
    assert all(_source(body, q) != "The new rules" for q in _run(make_ctx, body))


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


SAID = [
    Said("participle_on_a_copulas_noun_is_the_nouns",
         "The biggest donors this year were two unions backing the governor's reelection bid.",
         "reelection bid", cue="backing", source="two unions"),
    Said("participle_on_a_predicate_noun_after_a_pronoun",
         "He is a salesman saying whatever the crowd wants to hear.",
         "the crowd wants to hear", source="a salesman"),
    Said("a_document_raising_questions_is_no_source",
         "The new audit raised questions about how the agency spent its disaster funds.",
         "how the agency spent", cue="questions", silent=True),
    Said("a_person_raising_concerns_is_the_source",
         "The senator raised concerns about how the agency spent its disaster funds.",
         "how the agency spent", source="The senator"),
    Said("noun_cue_after_a_backdrop_preposition_has_no_source",
         "The minister resigned after reports that she had used public money for a holiday.",
         "public money for a holiday", cue="reports", silent=True),
    Said("noun_cue_after_because_of_has_no_source",
         "The fee remains unpopular, largely because of fears that it will push small shops out of business.",
         "push small shops out of business", cue="fears", silent=True),
    Said("publisher_speaks_through_the_relative_clause_of_its_object",
         "The research group released figures on Monday that suggest rents have doubled in a decade.",
         "rents have doubled", cue="suggest", source="The research group"),
    Said("finite_verb_after_a_modal_clause_goes_with_the_reporter",
         "Marquez insists that she will run again next year and refuses to discuss a possible successor.",
         "discuss a possible successor", cue="refuses", source="Marquez"),
    Said("name_after_an_object_taking_cue_is_not_its_speaker",
         'Moreno has on several occasions described Ortega as "a tyrant" and "a thief."',
         "a tyrant", cue="described", source="Moreno"),
    Said("participle_after_a_fragment_quote_is_the_reporters",
         '"Total chaos," he said, blaming the organisers for the long queues.',
         "the organisers", cue="blaming", source="he"),
    Said("state_participle_keeps_its_subject_as_source",
         "Okonkwo is convinced the reforms will fail within a year.",
         "the reforms will fail", cue="convinced", source="Okonkwo"),
    Said("focus_held_by_people_keeps_them",
         "Voters focused on the economy said they would back the challenger.",
         "the economy", cue="focused", source="Voters"),
    Said("true_passive_without_agent_still_has_no_source",
         "The bridge was described as unsafe.",
         "The bridge", cue="described", silent=True),
    Said("named_subject_of_a_copula_keeps_the_participle",
         "Senator Elizabeth Warren was the first candidate saying she would break up the banks.",
         "break up the banks", cue="saying", source="Senator Elizabeth Warren"),
    Said("role_subject_of_a_copula_keeps_the_participle",
         "The ministry's spokesman is the official saying the border will stay closed.",
         "the border will stay closed", source="The ministry's spokesman"),
]


@pytest.mark.parametrize("case", SAID, ids=lambda case: case.name)
def test_who_says_what(make_ctx, case):
    check_said(make_ctx, case)
