"""quotes stage: direct, partial, split, multi-paragraph and indirect quotes with their speakers."""

from __future__ import annotations

from sitrep import actors, quotes
from sitrep.schema import Quote


def _run(make_ctx, body: str) -> list[Quote]:
    art, ctx = make_ctx(body)
    actors.run(art, ctx)
    quotes.run(art, ctx)
    for q in art.quotes:  # every quote's offsets read back to its text
        assert " ".join(body[s:e] for s, e in q.spans) == q.text
        if q.speaker_span is not None:
            assert 0 <= q.speaker_span[0] < q.speaker_span[1] <= len(body)
        if q.cue_span is not None:
            assert body[q.cue_span[0] : q.cue_span[1]] == q.cue
    return art.quotes


def _one(found: list[Quote], contains: str, kind: str | None = None) -> Quote:
    hits = [q for q in found if contains in q.text and (kind is None or q.kind == kind)]
    assert len(hits) == 1, [(q.kind, q.text, q.speaker_name) for q in found]
    return hits[0]


def test_quotes_direct_typographic_leading_cue(make_ctx):
    body = "Dutch Defence Minister Femke Aalders announced, “Our jets will patrol the Baltic skies from March.”"
    q = _one(_run(make_ctx, body), "Our jets will patrol")
    assert (q.kind, q.speaker_name, q.cue) == ("direct", "Femke Aalders", "announced")
    assert not q.text.startswith("“") and not q.text.endswith("”")


def test_quotes_direct_straight_trailing_cue(make_ctx):
    body = 'The talks lasted four hours. "We made real progress on the grain corridor," Tomas Verhoef said.'
    q = _one(_run(make_ctx, body), "real progress")
    assert (q.kind, q.speaker_name, q.cue) == ("direct", "Tomas Verhoef", "said")
    assert body[q.speaker_span[0] : q.speaker_span[1]] == "Tomas Verhoef"
    assert q.text == "We made real progress on the grain corridor"


def test_quotes_partial_in_reporter_sentence_told_reporters(make_ctx):
    body = (
        'The extra brigade is "only there to deter, not to attack" during the exercise, '
        "Pentagon spokesman Mark Ellery told reporters."
    )
    q = _one(_run(make_ctx, body), "only there to deter", kind="partial")
    assert (q.speaker_name, q.cue) == ("Mark Ellery", "told")


def test_quotes_split_quote_is_one_quote_with_two_spans(make_ctx):
    body = (
        "Finance Minister Ola Brandt spoke after the vote. "
        '"The budget is balanced for the first time in a decade," she said, "and we intend to keep it so."'
    )
    q = _one(_run(make_ctx, body), "budget is balanced")
    assert len(q.spans) == 2 and "intend to keep it so" in q.text
    assert (q.kind, q.speaker_name, q.cue) == ("direct", "Ola Brandt", "said")
    assert body[q.speaker_span[0] : q.speaker_span[1]] == "she"


def test_quotes_multi_paragraph_quote(make_ctx):
    body = (
        "Ambassador Petra Lind read a statement to the council on Monday.\n\n"
        '"The shelling of the port must stop at once. Civilians are paying the price.\n\n'
        '"We call on all sides to return to the table," Lind said.'
    )
    found = _run(make_ctx, body)
    q = _one(found, "shelling of the port")
    assert "return to the table" in q.text and len(q.spans) == 2
    assert q.speaker_name == "Petra Lind"
    assert len([x for x in found if x.kind != "indirect"]) == 1


def test_quotes_nested_single_marks_stay_inside(make_ctx):
    body = "“They keep calling it a ‘routine drill’ but nobody believes that,” Marta Kowal said."
    q = _one(_run(make_ctx, body), "routine drill")
    assert "‘routine drill’" in q.text and q.speaker_name == "Marta Kowal"


def test_quotes_pronoun_speaker_via_coreference(make_ctx):
    body = (
        "Foreign Minister Jonas Vaitkus met his Latvian counterpart on Monday. "
        "He added, “The Baltic states will speak with one voice.”"
    )
    q = _one(_run(make_ctx, body), "one voice")
    assert q.speaker_name == "Jonas Vaitkus"
    assert body[q.speaker_span[0] : q.speaker_span[1]] == "He"
    assert (q.cue, body[q.cue_span[0] : q.cue_span[1]]) == ("added", "added")


def test_quotes_description_speaker(make_ctx):
    body = (
        "Pentagon spokesman Mark Ellery spoke on Tuesday. The Defense Department spokesman said the "
        'deployment was "a clear signal of resolve" to allies.'
    )
    q = _one(_run(make_ctx, body), "clear signal of resolve", kind="partial")
    assert q.speaker_name == "Mark Ellery"
    assert body[q.speaker_span[0] : q.speaker_span[1]] == "The Defense Department spokesman"


def test_quotes_same_surname_goes_to_most_recent(make_ctx):
    body = (
        "Senator Alan Whitby criticised the plan. Later, Governor Ruth Whitby defended it. "
        '"The state will pay for every bridge," Whitby said.'
    )
    q = _one(_run(make_ctx, body), "pay for every bridge")
    assert q.speaker_name == "Ruth Whitby"


def test_quotes_no_speaker_stays_unattributed(make_ctx):
    body = 'Smoke rose over the harbour. "Nobody expected it to happen so fast."'
    q = _one(_run(make_ctx, body), "Nobody expected")
    assert q.speaker is None and q.speaker_name is None and q.speaker_span is None
    assert q.kind == "direct"


def test_quotes_continuation_in_same_paragraph(make_ctx):
    body = '"We are ready," Colonel Ivo Saar said. "Our units have trained for this all winter."'
    q = _one(_run(make_ctx, body), "trained for this")
    assert q.speaker_name == "Ivo Saar" and q.cue == "said"
    assert len(q.spans) == 2 and "We are ready" in q.text  # one statement, two spans (as PolNeAR)


def test_quotes_indirect_said_that(make_ctx):
    body = "Interior Minister Lena Moritz said that the border crossings would reopen on Friday."
    q = _one(_run(make_ctx, body), "border crossings would reopen", kind="indirect")
    assert q.speaker_name == "Lena Moritz"
    assert q.text == "that the border crossings would reopen on Friday"  # PolNeAR keeps the complementiser


def test_quotes_indirect_said_day_without_that(make_ctx):
    body = "Hungarian Prime Minister Gabor Sandor said Tuesday the pipeline deal had been signed."
    q = _one(_run(make_ctx, body), "pipeline deal had been signed", kind="indirect")
    assert q.speaker_name == "Gabor Sandor" and q.cue == "said"


def test_quotes_indirect_according_to(make_ctx):
    body = "According to Colonel Ivo Saar, the battalion will stay in Tapa until the summer."
    q = _one(_run(make_ctx, body), "battalion will stay", kind="indirect")
    assert q.speaker_name == "Ivo Saar" and q.cue == "According"


def test_quotes_indirect_told_reporters_that(make_ctx):
    body = "Nora Quist told reporters that the ceasefire had broken down overnight."
    q = _one(_run(make_ctx, body), "ceasefire had broken down", kind="indirect")
    assert q.speaker_name == "Nora Quist" and q.cue == "told"


def test_quotes_mostly_quoted_clause_gives_only_the_partial(make_ctx):
    body = 'Nora Quist said it was "an outrageous and entirely unprovoked attack on a civilian convoy."'
    found = _run(make_ctx, body)
    q = _one(found, "outrageous", kind="partial")
    assert q.speaker_name == "Nora Quist"
    assert not [x for x in found if x.kind == "indirect"]


def test_quotes_scare_quote_single_word_is_skipped(make_ctx):
    body = 'The ministry reaffirmed its "commitment" to the treaty.'
    assert _run(make_ctx, body) == []


def test_quotes_ids_and_provenance(make_ctx):
    body = '"We will rebuild the bridge," Mayor Ana Petrescu said.'
    art, ctx = make_ctx(body)
    actors.run(art, ctx)
    quotes.run(art, ctx)
    first = [q.id for q in art.quotes]
    quotes.run(art, ctx)
    assert first == [q.id for q in art.quotes] and len(set(first)) == len(first)
    q = art.quotes[0]
    speaker = next(a for a in art.actors if a.id == q.speaker)
    assert speaker.name == "Ana Petrescu"
    assert q.provenance is not None and q.provenance.stage == "quotes" and q.provenance.confidence > 0.5


def test_quotes_two_hundred_quotes(make_ctx):
    names = ["Ilse Brandt", "Piet Jansen", "Sara Lind", "Tomas Ek"]
    paras = []
    for i in range(200):
        name = names[i % len(names)]
        paras.append(f'"Convoy number {i} reached the depot on time," {name} said.')
    body = "\n\n".join(paras)
    found = _run(make_ctx, body)
    direct = [q for q in found if q.kind == "direct"]
    assert len(direct) == 200
    assert all(q.speaker_name == names[i % len(names)] for i, q in enumerate(direct))


def test_quotes_belief_and_intention(make_ctx):
    body = "Mayor Ana Petrescu believes that the tram line will pay for itself. She vowed to finish it by 2027."
    found = _run(make_ctx, body)
    q = _one(found, "tram line will pay")
    assert q.kind == "indirect" and q.cue == "believes" and q.speaker_name == "Ana Petrescu"
    q = _one(found, "to finish it by 2027")
    assert q.cue == "vowed" and q.speaker_name == "Ana Petrescu"
    assert body[q.speaker_span[0] : q.speaker_span[1]] == "She"


def test_quotes_unnamed_source_keeps_its_words(make_ctx):
    body = "Two senior officials said the convoy had been delayed by shelling near the bridge."
    q = _one(_run(make_ctx, body), "convoy had been delayed")
    assert q.speaker is None and q.speaker_name is None
    assert body[q.speaker_span[0] : q.speaker_span[1]] == "Two senior officials"


def test_quotes_clause_with_partial_quote_is_one_statement(make_ctx):
    body = 'Nils Berg said the new levy was "a tax on the poor" and would be repealed.'
    found = _run(make_ctx, body)
    q = _one(found, "tax on the poor")
    assert q.kind == "partial" and q.text.startswith("the new levy") and len(found) == 1


def test_quotes_split_over_sentence_end_is_one_statement(make_ctx):
    body = '“The pipes froze overnight,” engineer Rosa Tamm said. “We lost pressure in three districts.”'
    q = _one(_run(make_ctx, body), "pipes froze")
    assert len(q.spans) == 2 and "three districts" in q.text and q.speaker_name == "Rosa Tamm"


def test_quotes_doubled_apostrophe_marks(make_ctx):
    body = "''The harvest came in early this year,'' farmer Jaan Ilves said."
    q = _one(_run(make_ctx, body), "harvest came in early")
    assert q.kind == "direct" and q.speaker_name == "Jaan Ilves"
    assert q.text == "The harvest came in early this year"


def test_quotes_called_object_with_label(make_ctx):
    body = 'Opposition leader Kai Rebane called the budget "a recipe for debt."'
    q = _one(_run(make_ctx, body), "recipe for debt")
    assert q.cue == "called" and q.speaker_name == "Kai Rebane" and q.text.startswith("the budget")


def test_quotes_statement_relative_speaks_for_its_issuer(make_ctx):
    body = "The ministry posted a video that claimed the outbreak was under control."
    q = _one(_run(make_ctx, body), "the outbreak was under control")
    assert q.cue == "claimed"
    assert body[q.speaker_span[0] : q.speaker_span[1]] == "The ministry"


def test_quotes_relative_without_carrier_keeps_pronoun(make_ctx):
    body = "Voters met Ilse Brandt, a mayor who said the bridge would reopen on Monday."
    q = _one(_run(make_ctx, body), "the bridge would reopen")
    assert body[q.speaker_span[0] : q.speaker_span[1]] == "who"


def test_quotes_inverted_source_after_quote(make_ctx):
    body = '"Grain prices will rise before the winter," added one trader.'
    q = _one(_run(make_ctx, body), "Grain prices will rise")
    assert q.cue == "added"
    assert body[q.speaker_span[0] : q.speaker_span[1]] == "one trader"


def test_quotes_expletive_it_is_no_source(make_ctx):
    body = "It is impossible to argue that the new levy will fund the harbour repairs."
    q = _one(_run(make_ctx, body), "the new levy will fund")
    assert q.cue == "argue" and q.speaker_span is None


def test_quotes_existential_carrier_noun_is_source(make_ctx):
    body = "There is fresh evidence suggesting that the harbour tax drove traders away."
    q = _one(_run(make_ctx, body), "the harbour tax drove")
    assert q.cue == "suggesting"
    assert body[q.speaker_span[0] : q.speaker_span[1]] == "fresh evidence"
