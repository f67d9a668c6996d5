"""quotes r5: who speaks. The subject nearest the cue, a second cue coordinated inside the first
one's clause, datelines cut from sources, passives and scene phrases without a source, inverted
and unlisted verbs after a quotation, interview lines, possessive pronouns on a noun cue. All
sentences written for sitrep."""

from __future__ import annotations

from sitrep.quotes.speaker import no_source
from quote_helpers import quote_with as _with
from quote_helpers import run_quotes as _run
from quote_helpers import source_of as _source


def test_speaker_is_not_read_inside_the_quotation(make_ctx):
    body = '"My apologies, I am sorry," Swift said after a break.'
    q = _with(_run(make_ctx, body), "My apologies")
    assert _source(body, q) == "Swift"


def test_second_cue_inside_reported_clause_keeps_outer_speaker(make_ctx):
    body = "Councillor Okafor said on Friday that she did not want to run again and predicted that Lee would win the seat."
    q = _with(_run(make_ctx, body), "Lee would win")
    assert q.cue == "predicted" and _source(body, q) == "Councillor Okafor"


def test_dateline_is_cut_from_the_source(make_ctx):
    body = "LISBON (Reuters) — Finance Minister Rui Costa said on Friday that the deficit would shrink next year."
    q = _with(_run(make_ctx, body), "deficit would shrink")
    assert _source(body, q).startswith("Finance Minister")


def test_reduced_passive_participle_has_no_source(make_ctx):
    body = "Many young families moved to a quiet suburb known to be supportive of the school reforms."
    q = _with(_run(make_ctx, body), "supportive of the school")
    assert q.cue == "known" and q.speaker_span is None


def test_noun_cue_after_despite_has_no_source(make_ctx):
    body = "Despite complaints that it favours the rich, the council passed the budget."
    q = _with(_run(make_ctx, body), "favours the rich")
    assert q.speaker_span is None


def test_participle_on_those_is_their_statement(make_ctx):
    body = "Among those describing themselves as undecided, the mayor leads her rival by four points."
    q = _with(_run(make_ctx, body), "themselves")
    assert q.cue == "describing" and _source(body, q) == "those"


def test_interview_line_with_reported_speech_keeps_the_inner_speaker(make_ctx):
    body = ("Q: You said last week that the steel plant would close by the spring.\n\n"
            "A: That was the plan, and it still is.")
    q = _with(_run(make_ctx, body), "steel plant would close")
    assert q.cue == "said" and _source(body, q) == "You"


def test_question_quote_then_addressee_verb(make_ctx):
    body = '"Do you really think I will quit now?" Varga asked reporters at the depot. "I am staying."'
    q = _with(_run(make_ctx, body), "really think I will quit")
    assert q.cue == "asked" and _source(body, q) == "Varga"


def test_inverted_writer_after_quote(make_ctx):
    body = '"Shame on every one of them," wrote a commenter on the forum.'
    q = _with(_run(make_ctx, body), "Shame on every")
    assert q.cue == "wrote" and _source(body, q).startswith("a commenter")


def test_unlisted_verb_hands_over_a_quote(make_ctx):
    body = 'The trains were late again.\n\n"Not this again, not today," the driver grumbled.'
    q = _with(_run(make_ctx, body), "Not this again")
    assert q.cue == "grumbled" and _source(body, q) == "the driver"


def test_reporting_verb_parsed_as_noun_after_quote(make_ctx):
    body = '"If he wants the job, he should act like it," the editorial read.'
    q = _with(_run(make_ctx, body), "act like it")
    assert q.cue == "read" and _source(body, q) == "the editorial"


def test_inverted_pronoun_speaker_after_quote(make_ctx):
    body = ('"The vote was rigged from the start," one fan wrote online.\n\n'
            '"Shame on the whole league board," tweeted another.')
    q = _with(_run(make_ctx, body), "Shame on the whole")
    assert q.cue == "tweeted" and _source(body, q) == "another"


def test_participle_after_inverted_said_takes_its_speaker(make_ctx):
    body = '"Our data team is second to none," said Early, explaining that the files were clean.'
    found = _run(make_ctx, body)
    assert _source(body, _with(found, "second to none")) == "Early"  # a name the parser reads as an adverb
    assert _source(body, _with(found, "files were clean")) == "Early"


def test_asked_without_agent_has_no_source(nlp):
    doc = nlp("Asked whether the plant would close, the manager said it would not.")
    assert no_source(doc[0])
    assert not no_source(doc[8])


def test_criticism_faced_is_not_the_subjects(make_ctx):
    body = "The ministry faced sharp criticism of its slow repairs after the floods."
    q = _with(_run(make_ctx, body), "slow repairs")
    assert q.speaker_span is None


def test_possessive_pronoun_on_object_noun_cue_names_the_subject(make_ctx):
    body = "Senator Ruiz repeated her claim that the audit had been rigged by the board."
    q = _with(_run(make_ctx, body), "audit had been rigged")
    assert "Ruiz" in _source(body, q)


def test_participle_after_of_phrase_is_said_by_it(make_ctx):
    body = "A video of Mayor Lund talking candidly about the budget went viral on Sunday."
    q = _with(_run(make_ctx, body), "the budget")
    assert q.cue == "talking" and _source(body, q) == "Mayor Lund"


def test_sign_held_up_speaks_for_itself(make_ctx):
    body = "Nadia Berg held up a sign saying that the mill must stay open."
    q = _with(_run(make_ctx, body), "mill must stay open")
    assert q.cue == "saying" and _source(body, q) == "a sign"


def test_unlisted_verb_after_exclamation_with_inverted_name(make_ctx):
    body = '"This is wonderful!" beamed Tom Hale of Dayton.'
    q = _with(_run(make_ctx, body), "This is wonderful")
    assert q.cue == "beamed" and _source(body, q).startswith("Tom Hale")


def test_subject_inside_quote_gives_way_to_its_apposition(make_ctx):
    body = '"Nice work tonight, Madam Speaker," Senator Ann Moss, a Democrat from Ohio, told Ms. Reyes at the dinner.'
    q = _with(_run(make_ctx, body), "Nice work tonight")
    assert q.cue == "told" and _source(body, q).startswith("Senator Ann Moss")


def test_fronted_asked_read_as_past_tense_has_no_source(make_ctx):
    body = 'Asked what that might look like, she said: "We will see."'
    q = _with(_run(make_ctx, body), "what that might look like")
    assert q.cue == "Asked" and q.speaker_span is None


def test_unlisted_verb_before_colon_leads_in_the_quote(make_ctx):
    body = 'The vote ended late.\n\nAnd Mayor Lund gloated: "I told you they would not be ready."'
    q = _with(_run(make_ctx, body), "would not be ready")
    assert q.cue == "gloated" and _source(body, q) == "Mayor Lund"


def test_put_it_before_colon(make_ctx):
    body = 'The council met.\n\nAs Ann Moss, a former treasurer, put it: "Nobody reads the fine print."'
    q = _with(_run(make_ctx, body), "fine print")
    assert q.cue == "put" and _source(body, q).startswith("Ann Moss")


def test_unlisted_verb_before_comma_leads_in_the_quote(make_ctx):
    body = 'The debate was tense. During the first hour, Mayor Lund cracked, "I am a reformer who likes to finish things."'
    q = _with(_run(make_ctx, body), "likes to finish")
    assert q.cue == "cracked" and _source(body, q) == "Mayor Lund"


def test_quote_paragraph_after_attributed_quote_joins_it(make_ctx):
    body = ('The council met on Monday.\n\n"We will fight on," Mayor Lund said. "Nobody here gives up."\n\n'
            '"The next vote is in May, and we will win it."')
    found = _run(make_ctx, body)
    q = _with(found, "next vote is in May")
    assert q.cue == "said" and _source(body, q) == "Mayor Lund"
    assert len(q.spans) == 3 and "fight on" in q.text

