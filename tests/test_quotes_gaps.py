"""quotes v5: contents split around their attribution (two spans), and exact content edges.
All sentences written for sitrep."""

from __future__ import annotations

from sitrep import actors, quotes
from sitrep.schema import Quote


def _run(make_ctx, body: str) -> list[Quote]:
    art, ctx = make_ctx(body)
    actors.run(art, ctx)
    quotes.run(art, ctx)
    return art.quotes


def _pieces(body: str, q: Quote) -> list[str]:
    return [body[s:e] for s, e in q.spans]


def _by_cue(found: list[Quote], cue: str) -> Quote:
    hits = [q for q in found if q.cue == cue]
    assert len(hits) == 1, [(q.kind, q.text, q.cue) for q in found]
    return hits[0]


def test_mid_sentence_source_and_cue_split_the_content(make_ctx):
    body = "The plan, she said, would fail within a year."
    q = _by_cue(_run(make_ctx, body), "said")
    assert _pieces(body, q) == ["The plan", "would fail within a year"]
    assert body[q.speaker_span[0] : q.speaker_span[1]] == "she"


def test_parenthetical_cue_with_a_named_source(make_ctx):
    body = "Voters, the mayor suggested, do not need to worry about the tax."
    q = _by_cue(_run(make_ctx, body), "suggested")
    assert _pieces(body, q) == ["Voters", "do not need to worry about the tax"]
    assert body[q.speaker_span[0] : q.speaker_span[1]] == "the mayor"


def test_according_to_in_mid_sentence_keeps_both_halves(make_ctx):
    body = "Only two people were hurt in the fire, according to the police, and there were few arrests."
    q = _by_cue(_run(make_ctx, body), "according")
    assert _pieces(body, q) == ["Only two people were hurt in the fire", "and there were few arrests"]


def test_according_to_at_sentence_start_has_no_final_stop(make_ctx):
    body = "According to the police, two people were hurt."
    q = _by_cue(_run(make_ctx, body), "According")
    assert _pieces(body, q) == ["two people were hurt"]


def test_tail_after_the_cue_with_including(make_ctx):
    body = "The report was thorough, he said, including dozens of interviews."
    q = _by_cue(_run(make_ctx, body), "said")
    assert _pieces(body, q) == ["The report was thorough", "including dozens of interviews"]


def test_relative_pronoun_before_the_cue_is_a_first_span(make_ctx):
    body = "The rule, which critics said was unfair to renters, was dropped in May."
    q = _by_cue(_run(make_ctx, body), "said")
    assert _pieces(body, q)[0] == "which"
    assert _pieces(body, q)[1].startswith("was unfair to renters")
    assert body[q.speaker_span[0] : q.speaker_span[1]] == "critics"


def test_relative_clause_cue_takes_its_antecedent(make_ctx):
    body = "It was a battle the company expects to last into the summer."
    q = _by_cue(_run(make_ctx, body), "expects")
    assert _pieces(body, q) == ["a battle", "to last into the summer"]


def test_relative_pronoun_source_adds_no_antecedent(make_ctx):
    body = "The officials who said the plan would fail were right."
    q = _by_cue(_run(make_ctx, body), "said")
    assert _pieces(body, q) == ["the plan would fail"]


def test_raising_frame_split_around_the_cue(make_ctx):
    body = "The storm was expected to reach the coast by Friday."
    q = _by_cue(_run(make_ctx, body), "expected")
    assert _pieces(body, q) == ["The storm", "to reach the coast by Friday"]
    assert q.speaker_span is None


def test_quote_split_across_sentences_by_he_said(make_ctx):
    body = '"They sue," he said. "Everybody sues, right?" The lawyer later told reporters he was joking.'
    found = _run(make_ctx, body)
    q = next(q for q in found if "They sue" in q.text)
    assert _pieces(body, q) == ["They sue,", "Everybody sues, right?"]  # the comma stood for the sentence end
    assert q.cue == "said" and body[q.speaker_span[0] : q.speaker_span[1]] == "he"
    told = _by_cue(found, "told")
    assert _pieces(body, told) == ["he was joking"]


def test_quote_ending_in_question_mark_still_takes_the_following_cue(make_ctx):
    body = '"Everybody sues, right?" Trump said.'
    q = _run(make_ctx, body)[0]
    assert q.cue == "said" and body[q.speaker_span[0] : q.speaker_span[1]] == "Trump"


def test_that_before_a_quotation_belongs_to_the_content(make_ctx):
    body = 'Carson said that "those who know me trust me."'
    q = _by_cue(_run(make_ctx, body), "said")
    assert q.kind == "partial" and body[q.spans[0][0] : q.spans[0][0] + 4] == "that"
