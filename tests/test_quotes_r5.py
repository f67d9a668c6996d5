"""quotes r5: who speaks. The subject nearest the cue, a second cue coordinated inside the first
one's clause, datelines cut from sources, passives and scene phrases without a source, inverted
and unlisted verbs after a quotation, interview lines, possessive pronouns on a noun cue. All
sentences written for sitrep."""

from __future__ import annotations

import pytest

from sitrep.quotes.speaker import no_source
from quote_helpers import Said, check_said
from quote_helpers import quote_with as _with
from quote_helpers import run_quotes as _run
from quote_helpers import source_of as _source


def test_participle_after_inverted_said_takes_its_speaker(make_ctx):
    body = '"Our data team is second to none," said Early, explaining that the files were clean.'
    found = _run(make_ctx, body)
    assert _source(body, _with(found, "second to none")) == "Early"  # a name the parser reads as an adverb
    assert _source(body, _with(found, "files were clean")) == "Early"


def test_asked_without_agent_has_no_source(nlp):
    doc = nlp("Asked whether the plant would close, the manager said it would not.")
    assert no_source(doc[0])
    assert not no_source(doc[8])


def test_quote_paragraph_after_attributed_quote_joins_it(make_ctx):
    body = ('The council met on Monday.\n\n"We will fight on," Mayor Lund said. "Nobody here gives up."\n\n'
            '"The next vote is in May, and we will win it."')
    found = _run(make_ctx, body)
    q = _with(found, "next vote is in May")
    assert q.cue == "said" and _source(body, q) == "Mayor Lund"
    assert len(q.spans) == 3 and "fight on" in q.text


SAID = [
    Said("speaker_is_not_read_inside_the_quotation",
         '"My apologies, I am sorry," Swift said after a break.',
         "My apologies", source="Swift"),
    Said("second_cue_inside_reported_clause_keeps_outer_speaker",
         "Councillor Okafor said on Friday that she did not want to run again and predicted that Lee would win the seat.",
         "Lee would win", cue="predicted", source="Councillor Okafor"),
    Said("dateline_is_cut_from_the_source",
         "LISBON (Reuters) — Finance Minister Rui Costa said on Friday that the deficit would shrink next year.",
         "deficit would shrink", starts="Finance Minister"),
    Said("reduced_passive_participle_has_no_source",
         "Many young families moved to a quiet suburb known to be supportive of the school reforms.",
         "supportive of the school", cue="known", silent=True),
    Said("noun_cue_after_despite_has_no_source",
         "Despite complaints that it favours the rich, the council passed the budget.",
         "favours the rich", silent=True),
    Said("participle_on_those_is_their_statement",
         "Among those describing themselves as undecided, the mayor leads her rival by four points.",
         "themselves", cue="describing", source="those"),
    Said("interview_line_with_reported_speech_keeps_the_inner_speaker",
         "Q: You said last week that the steel plant would close by the spring.\n\n"
         "A: That was the plan, and it still is.",
         "steel plant would close", cue="said", source="You"),
    Said("question_quote_then_addressee_verb",
         '"Do you really think I will quit now?" Varga asked reporters at the depot. "I am staying."',
         "really think I will quit", cue="asked", source="Varga"),
    Said("inverted_writer_after_quote",
         '"Shame on every one of them," wrote a commenter on the forum.',
         "Shame on every", cue="wrote", starts="a commenter"),
    Said("unlisted_verb_hands_over_a_quote",
         'The trains were late again.\n\n"Not this again, not today," the driver grumbled.',
         "Not this again", cue="grumbled", source="the driver"),
    Said("reporting_verb_parsed_as_noun_after_quote",
         '"If he wants the job, he should act like it," the editorial read.',
         "act like it", cue="read", source="the editorial"),
    Said("inverted_pronoun_speaker_after_quote",
         '"The vote was rigged from the start," one fan wrote online.\n\n'
         '"Shame on the whole league board," tweeted another.',
         "Shame on the whole", cue="tweeted", source="another"),
    Said("criticism_faced_is_not_the_subjects",
         "The ministry faced sharp criticism of its slow repairs after the floods.",
         "slow repairs", silent=True),
    Said("possessive_pronoun_on_object_noun_cue_names_the_subject",
         "Senator Ruiz repeated her claim that the audit had been rigged by the board.",
         "audit had been rigged", has="Ruiz"),
    Said("participle_after_of_phrase_is_said_by_it",
         "A video of Mayor Lund talking candidly about the budget went viral on Sunday.",
         "the budget", cue="talking", source="Mayor Lund"),
    Said("sign_held_up_speaks_for_itself",
         "Nadia Berg held up a sign saying that the mill must stay open.",
         "mill must stay open", cue="saying", source="a sign"),
    Said("unlisted_verb_after_exclamation_with_inverted_name",
         '"This is wonderful!" beamed Tom Hale of Dayton.',
         "This is wonderful", cue="beamed", starts="Tom Hale"),
    Said("subject_inside_quote_gives_way_to_its_apposition",
         '"Nice work tonight, Madam Speaker," Senator Ann Moss, a Democrat from Ohio, told Ms. Reyes at the dinner.',
         "Nice work tonight", cue="told", starts="Senator Ann Moss"),
    Said("fronted_asked_read_as_past_tense_has_no_source",
         'Asked what that might look like, she said: "We will see."',
         "what that might look like", cue="Asked", silent=True),
    Said("unlisted_verb_before_colon_leads_in_the_quote",
         'The vote ended late.\n\nAnd Mayor Lund gloated: "I told you they would not be ready."',
         "would not be ready", cue="gloated", source="Mayor Lund"),
    Said("put_it_before_colon",
         'The council met.\n\nAs Ann Moss, a former treasurer, put it: "Nobody reads the fine print."',
         "fine print", cue="put", starts="Ann Moss"),
    Said("unlisted_verb_before_comma_leads_in_the_quote",
         'The debate was tense. During the first hour, Mayor Lund cracked, "I am a reformer who likes to finish things."',
         "likes to finish", cue="cracked", source="Mayor Lund"),
]


@pytest.mark.parametrize("case", SAID, ids=lambda case: case.name)
def test_who_says_what(make_ctx, case):
    check_said(make_ctx, case)
