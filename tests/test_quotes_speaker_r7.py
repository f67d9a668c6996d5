"""quotes speaker r7: who speaks through a participle hanging on a scene phrase ("at one point
calling ..."), a gerund after a preposition ("for promoting ..."), an infinitive after "use", a
participle set off after a reported clause; inverted and misparsed names around a quotation
("said the director, who ...", `"...," Kettering answers`), a verb coordinated past a dashed aside ("Kim
criticised it - "...," she said - and warned"); a date after the cue is no speaker. All
sentences written for sitrep."""

from __future__ import annotations

import pytest

from quote_helpers import Said, check_said

SAID = [
    Said("participle_on_a_scene_phrase_is_the_subjects",
         "The senator has clashed with the mayor over the budget for months, at one point calling him a liar.",
         "a liar", cue="calling", source="The senator"),
    Said("participle_on_a_speech_is_the_speakers",
         "The speaker, who has led the chamber for a decade, spent much of his 20-minute address defending his record on taxes.",
         "his record on taxes", cue="defending", starts="The speaker"),
    Said("statement_noun_still_speaks_for_itself",
         "The ministry responded with a statement saying the border crossing would reopen on Friday.",
         "border crossing would reopen", source="a statement"),
    Said("gerund_after_a_noun_phrase_is_the_subjects",
         "Kessler drew intense criticism for defending the decision on social media.",
         "the decision", cue="defending", source="Kessler"),
    Said("infinitive_after_use_is_the_users",
         "Okafor used his victory speech to call for an end to the strike at the port.",
         "an end to the strike", source="Okafor"),
    Said("participle_after_a_reported_clause_is_the_reporters",
         'Adams also wrote the inspectors knew to expect the failures, saying, "They came every winter, but nobody fixed the pipes."',
         "nobody fixed the pipes", cue="saying", source="Adams"),
    Said("inverted_cue_with_a_description_after_it",
         '"We simply ran out of beds," said the hospital director, who like most staff there would not give her name.',
         "ran out of beds", starts="the hospital director"),
    Said("capitalised_name_read_as_a_modal_after_a_quotation",
         'The appeal ran on the front page. "The fund is nearly empty, and the winter has not even started," Will wrote.',
         "winter has not even started", cue="wrote", source="Will"),
    Said("capitalised_name_read_as_a_compound_after_a_quotation",
         '"Nobody listens to us anymore," Kettering answers.',
         "Nobody listens", cue="answers", source="Kettering"),
    Said("date_after_the_cue_is_no_speaker",
         "Mayor Osei, in Accra, said Tuesday that the new market would open next month.",
         "new market would open", source="Mayor Osei"),
    Said("perfect_tense_cue_finds_its_subject_past_an_aside",
         "In addition to Mayor Lindqvist, two members of the council, Ana Ruiz and Tom Ostrowski, have said they"
         " will not back the plan, as has the city manager.",
         "not back the plan", starts="two members of the council"),
    Said("verb_after_a_quoted_aside_is_the_first_subjects",
         'The governor dismissed the audit as partisan - "It is a hit job from start to finish," she said - and'
         " warned that the state would appeal.",
         "the state would appeal", cue="warned", source="The governor"),
    Said("verb_after_a_dashed_aside_is_the_first_subjects",
         "Okafor logged onto his account early on Sunday — as he so often does — and posted a long attack on the commission.",
         "the commission", source="Okafor"),
]


@pytest.mark.parametrize("case", SAID, ids=lambda case: case.name)
def test_who_says_what(make_ctx, case):
    check_said(make_ctx, case)
