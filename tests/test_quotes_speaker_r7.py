"""quotes speaker r7: who speaks through a participle hanging on a scene phrase ("at one point
calling ..."), a gerund after a preposition ("for promoting ..."), an infinitive after "use", a
participle set off after a reported clause; inverted and misparsed names around a quotation
("said the director, who ...", `"...," Kettering answers`), a verb coordinated past a dashed aside ("Kim
criticised it - "...," she said - and warned"); a date after the cue is no speaker. All
sentences written for sitrep."""

from __future__ import annotations

from quote_helpers import quote_with as _with
from quote_helpers import run_quotes as _run
from quote_helpers import source_of as _source


def test_participle_on_a_scene_phrase_is_the_subjects(make_ctx):
    body = "The senator has clashed with the mayor over the budget for months, at one point calling him a liar."
    q = _with(_run(make_ctx, body), "a liar")
    assert q.cue == "calling" and _source(body, q) == "The senator"


def test_participle_on_a_speech_is_the_speakers(make_ctx):
    body = "The speaker, who has led the chamber for a decade, spent much of his 20-minute address defending his record on taxes."
    q = _with(_run(make_ctx, body), "his record on taxes")
    assert q.cue == "defending" and _source(body, q).startswith("The speaker")


def test_statement_noun_still_speaks_for_itself(make_ctx):
    body = "The ministry responded with a statement saying the border crossing would reopen on Friday."
    q = _with(_run(make_ctx, body), "border crossing would reopen")
    assert _source(body, q) == "a statement"


def test_gerund_after_a_noun_phrase_is_the_subjects(make_ctx):
    body = "Kessler drew intense criticism for defending the decision on social media."
    q = _with(_run(make_ctx, body), "the decision")
    assert q.cue == "defending" and _source(body, q) == "Kessler"


def test_infinitive_after_use_is_the_users(make_ctx):
    body = "Okafor used his victory speech to call for an end to the strike at the port."
    q = _with(_run(make_ctx, body), "an end to the strike")
    assert _source(body, q) == "Okafor"


def test_participle_after_a_reported_clause_is_the_reporters(make_ctx):
    body = 'Adams also wrote the inspectors knew to expect the failures, saying, "They came every winter, but nobody fixed the pipes."'
    q = _with(_run(make_ctx, body), "nobody fixed the pipes")
    assert q.cue == "saying" and _source(body, q) == "Adams"


def test_inverted_cue_with_a_description_after_it(make_ctx):
    body = '"We simply ran out of beds," said the hospital director, who like most staff there would not give her name.'
    q = _with(_run(make_ctx, body), "ran out of beds")
    assert (_source(body, q) or "").startswith("the hospital director")


def test_capitalised_name_read_as_a_modal_after_a_quotation(make_ctx):
    body = 'The appeal ran on the front page. "The fund is nearly empty, and the winter has not even started," Will wrote.'
    q = _with(_run(make_ctx, body), "winter has not even started")
    assert q.cue == "wrote" and _source(body, q) == "Will"


def test_capitalised_name_read_as_a_compound_after_a_quotation(make_ctx):
    body = '"Nobody listens to us anymore," Kettering answers.'
    q = _with(_run(make_ctx, body), "Nobody listens")
    assert q.cue == "answers" and _source(body, q) == "Kettering"


def test_date_after_the_cue_is_no_speaker(make_ctx):
    body = "Mayor Osei, in Accra, said Tuesday that the new market would open next month."
    q = _with(_run(make_ctx, body), "new market would open")
    assert _source(body, q) == "Mayor Osei"


def test_perfect_tense_cue_finds_its_subject_past_an_aside(make_ctx):
    body = ("In addition to Mayor Lindqvist, two members of the council, Ana Ruiz and Tom Ostrowski, have said they"
            " will not back the plan, as has the city manager.")
    q = _with(_run(make_ctx, body), "not back the plan")
    assert (_source(body, q) or "").startswith("two members of the council")


def test_verb_after_a_quoted_aside_is_the_first_subjects(make_ctx):
    body = ('The governor dismissed the audit as partisan - "It is a hit job from start to finish," she said - and'
            " warned that the state would appeal.")
    q = _with(_run(make_ctx, body), "the state would appeal")
    assert q.cue == "warned" and _source(body, q) == "The governor"


def test_verb_after_a_dashed_aside_is_the_first_subjects(make_ctx):
    body = "Okafor logged onto his account early on Sunday — as he so often does — and posted a long attack on the commission."
    q = _with(_run(make_ctx, body), "the commission")
    assert _source(body, q) == "Okafor"
