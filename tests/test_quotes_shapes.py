"""quotes v3 shapes: noun and prepositional cues, colon transcripts, beliefs, raising verbs
without a source, full source phrases; actors: gendered pronouns, it/they for organisations,
organisation aliases. All sentences written for sitrep."""

from __future__ import annotations

from sitrep import actors, quotes
from sitrep.schema import Actor, Quote


def _run(make_ctx, body: str) -> tuple[list[Quote], list[Actor]]:
    art, ctx = make_ctx(body)
    actors.run(art, ctx)
    quotes.run(art, ctx)
    return art.quotes, art.actors


def _with(found: list[Quote], words: str) -> Quote:
    hits = [q for q in found if words in q.text]
    assert len(hits) == 1, [(q.kind, q.text, q.cue) for q in found]
    return hits[0]


def test_noun_cue_claim_that_with_possessor_source(make_ctx):
    body = "The minister's claim that the border fence had stopped smuggling drew laughter in parliament."
    q = _with(_run(make_ctx, body)[0], "border fence had stopped")
    assert q.cue == "claim" and q.text.startswith("that")
    assert body[q.speaker_span[0] : q.speaker_span[1]] == "The minister's"


def test_prepositional_cue_called_for(make_ctx):
    body = "On Monday the farmers' union called for an immediate ban on grain imports from the east."
    q = _with(_run(make_ctx, body)[0], "immediate ban on grain imports")
    assert q.cue == "called" and "union" in body[q.speaker_span[0] : q.speaker_span[1]]


def test_colon_transcript_line(make_ctx):
    body = "The debate ran late into the night.\n\nHALVORSEN: We will not raise the fuel tax this year, full stop."
    q = _with(_run(make_ctx, body)[0], "raise the fuel tax")
    assert q.cue == ":" and body[q.speaker_span[0] : q.speaker_span[1]] == "HALVORSEN"


def test_belief_verb_is_an_attribution(make_ctx):
    body = "Greta Lind believes the harbour project will double the town's revenue."
    q = _with(_run(make_ctx, body)[0], "double the town's revenue")
    assert q.cue == "believes" and q.speaker_name == "Greta Lind"


def test_passive_expectation_has_no_speaker(make_ctx):
    body = "The ferry service is expected to resume on Thursday after the storm passes."
    q = _with(_run(make_ctx, body)[0], "to resume on Thursday")
    assert q.speaker is None and q.speaker_span is None
    assert len(q.spans) == 2 and q.text.startswith("The ferry service")


def test_seems_impression_has_no_speaker(make_ctx):
    body = "After the vote the coalition seems ready to drop its demand for new elections."
    q = _with(_run(make_ctx, body)[0], "drop its demand")
    assert q.cue == "seems" and q.speaker_span is None


def test_source_span_is_the_whole_phrase(make_ctx):
    body = "Two senior port officials said the cranes would be repaired by May."
    q = _with(_run(make_ctx, body)[0], "cranes would be repaired")
    assert body[q.speaker_span[0] : q.speaker_span[1]] == "Two senior port officials"


def test_participle_after_by_climbs_to_subject(make_ctx):
    body = "Mayor Ana Petrescu responded by saying that the budget would not be cut."
    q = _with(_run(make_ctx, body)[0], "budget would not be cut")
    assert q.speaker_name == "Ana Petrescu"


def test_she_picks_the_woman_among_two_people(make_ctx):
    body = (
        "Helen Ashworth met Thomas Brandt in Oslo on Friday. "
        "She said the pipeline deal was close to signature."
    )
    q = _with(_run(make_ctx, body)[0], "pipeline deal")
    assert q.speaker_name == "Helen Ashworth"


def test_he_picks_the_spokesman_not_the_spokeswoman(make_ctx):
    body = (
        "Spokeswoman Kiri Tane and spokesman Lio Marsh briefed reporters together. "
        "He said the convoy had crossed the border at dawn."
    )
    q = _with(_run(make_ctx, body)[0], "convoy had crossed")
    assert q.speaker_name == "Lio Marsh"


def test_it_refers_to_the_organisation(make_ctx):
    body = "The Pentagon reviewed the request overnight. It said the aircraft would leave on Sunday."
    found, acts = _run(make_ctx, body)
    q = _with(found, "aircraft would leave")
    org = next(a for a in acts if a.id == q.speaker)
    assert org.kind == "org" and org.country == "US"
    assert [body.index("It said"), body.index("It said") + 2] in org.mentions


def test_org_aliases_are_one_actor(make_ctx):
    body = (
        "The Pentagon announced new drills on Monday. "
        "A day later the Defense Department said the drills would last a week."
    )
    _, acts = _run(make_ctx, body)
    orgs = [a for a in acts if a.kind == "org"]
    assert len(orgs) == 1 and len(orgs[0].mentions) == 2


# quotes v6 shapes (PolNeAR train error analysis). All sentences written for sitrep.


def test_cueless_quote_after_reported_speech_joins_it(make_ctx):
    body = ('Mayor Ines Ortega said the bridge would reopen in May. "We have checked every bolt '
            'twice and the inspectors agree."')
    found = _run(make_ctx, body)[0]
    q = _with(found, "reopen in May")
    assert len(q.spans) == 2 and "checked every bolt" in q.text
    assert q.speaker_name == "Ines Ortega"


def test_cueless_quote_in_next_paragraph_keeps_speaker(make_ctx):
    body = ('Coach Petra Novak said the team had trained hard all winter.\n\n'
            '"Nobody skipped a single session, not even in the snow."')
    q = _with(_run(make_ctx, body)[0], "skipped a single session")
    assert "Petra Novak" in (q.speaker_name or "") and q.kind == "direct"


def test_stance_verb_with_one_word_object(make_ctx):
    body = "The teachers' union endorsed Halvorsen on Tuesday."
    q = _with(_run(make_ctx, body)[0], "Halvorsen")
    assert q.cue == "endorsed" and "union" in body[q.speaker_span[0] : q.speaker_span[1]]


def test_passive_stance_with_agent_reports_its_subject(make_ctx):
    body = "The new tariff plan was denounced by several farm groups last week."
    q = _with(_run(make_ctx, body)[0], "tariff plan")
    assert q.cue == "denounced" and "farm groups" in body[q.speaker_span[0] : q.speaker_span[1]]


def test_see_as_reports_object_and_complement(make_ctx):
    body = "Many investors see the merger as a risk to small suppliers."
    q = _with(_run(make_ctx, body)[0], "the merger as a risk")
    assert q.cue == "see" and body[q.speaker_span[0] : q.speaker_span[1]] == "Many investors"


def test_trailing_relative_clause_left_out_of_content(make_ctx):
    body = "Mr. Brandt said he backs the canal project, which has been delayed since 2019."
    q = _with(_run(make_ctx, body)[0], "backs the canal project")
    assert "delayed" not in q.text


def test_hopes_is_a_cue(make_ctx):
    body = "Lena Vogt hopes the festival will return to the old square next summer."
    q = _with(_run(make_ctx, body)[0], "festival will return")
    assert q.cue == "hopes" and q.speaker_name == "Lena Vogt"


def test_interview_letters_name_no_speaker(make_ctx):
    body = ("Q: Will the plant close before the end of the year?\n\n"
            "A: We are looking at every option to keep it running.")
    found = _run(make_ctx, body)[0]
    q = _with(found, "every option to keep it running")
    assert q.speaker is None and q.speaker_span is None


def test_object_of_leading_verb_is_the_source(make_ctx):
    body = "The weak sales figures led several analysts to predict a cut in the dividend."
    q = _with(_run(make_ctx, body)[0], "cut in the dividend")
    assert "analysts" in body[q.speaker_span[0] : q.speaker_span[1]]


def test_has_said_contraction_keeps_its_subject(make_ctx):
    body = "She's said the council will publish the audit before the vote."
    q = _with(_run(make_ctx, body)[0], "publish the audit")
    assert body[q.speaker_span[0] : q.speaker_span[1]] == "She"


def test_passive_stance_without_agent_has_no_speaker(make_ctx):
    body = "The proposed parking levy was widely criticized at the meeting."
    q = _with(_run(make_ctx, body)[0], "parking levy")
    assert q.cue == "criticized" and q.speaker_span is None


def test_a_stance_without_a_statement_is_kind_stance(make_ctx):
    from sitrep import actors, quotes

    art, ctx = make_ctx("Prime Minister Ana Brnabic expressed support for the new border agreement on Monday.")
    actors.run(art, ctx)
    quotes.run(art, ctx)
    assert [(q.kind, q.text) for q in art.quotes] == [("stance", "support for the new border agreement")]
    said, sctx = make_ctx("Prime Minister Ana Brnabic said the new border agreement would hold.")
    actors.run(said, sctx)
    quotes.run(said, sctx)
    assert [q.kind for q in said.quotes] == ["indirect"]


def test_content_starting_the_body_skips_the_dateline(make_ctx):
    from sitrep import actors, quotes

    art, ctx = make_ctx("TIRANA, Albania — Flooding closed the main highway on Monday, local officials said.")
    actors.run(art, ctx)
    quotes.run(art, ctx)
    assert [(q.text, q.speaker) for q in art.quotes] == [("Flooding closed the main highway on Monday", None)]
    span = art.quotes[0].speaker_span
    assert art.body[span[0] : span[1]] == "local officials"  # the words stay, no actor is guessed


def test_a_state_phrase_speaks_for_its_country(make_ctx):
    from sitrep import actors, quotes

    art, ctx = make_ctx("Estonia closed two crossings. The move was temporary, the Estonian government said.")
    actors.run(art, ctx)
    quotes.run(art, ctx)
    by_id = {a.id: a for a in art.actors}
    assert [(by_id[q.speaker].name, q.text) for q in art.quotes] == [("Estonia's government", "The move was temporary")]
    assert by_id[art.quotes[0].speaker].country == "EE"  # the state body, with its country


def test_contracted_has_said_is_no_passive(make_ctx):
    from sitrep import actors, quotes

    art, ctx = make_ctx("He's said the ferries will keep running.")
    actors.run(art, ctx)
    quotes.run(art, ctx)
    assert [(q.text, art.body[q.speaker_span[0]:q.speaker_span[1]]) for q in art.quotes] == [
        ("the ferries will keep running", "He")]


def test_content_starting_the_body_skips_a_dateline_with_date_and_agency(make_ctx):
    q = _with(_run(make_ctx, "PORT SUDAN, Sudan, Tuesday, March 14, 2023 (Nile Wire) - The army has "
                             "retaken the airport, a military spokesman said.")[0], "retaken the airport")
    assert q.text == "The army has retaken the airport"
