"""The quotes stage's learned span tagger (``quotes/spans.py``): features, BIO tags, and the
attributions it adds where the rules read nothing."""

from __future__ import annotations

import pytest

from sitrep import actors, quotes
from sitrep.quotes import marks, spans
from sitrep.quotes.cues import Layout

CALLING = "The governor is calling for the state to double its spending on flood defences."
COVERED = "Mayor Tom Reyes said the plan would work."
PLAIN = "The river rose two metres overnight and the old bridge closed."


def _layout(make_ctx, body: str) -> tuple[Layout, object]:
    _, ctx = make_ctx(body)
    return Layout(ctx.doc, body, marks.find(body)), ctx.doc


def _run(make_ctx, body: str) -> list:
    art, ctx = make_ctx(body)
    actors.run(art, ctx)
    quotes.run(art, ctx)
    return art.quotes


@pytest.fixture(scope="session")
def model():
    found = spans.shipped()  # python-crfsuite is a dependency and the model ships: both must be there
    assert found is not None, "python-crfsuite or data/quotes/quote_spans.crfsuite missing"
    return found


def test_labels_start_a_new_chunk_for_each_attribution(make_ctx):
    body = "Kim said taxes rise and Lee said rents fall."
    _, doc = _layout(make_ctx, body)
    sent = next(iter(doc.sents))
    at = body.index
    gold = [
        {"source": {"start": 0, "end": 3}, "cue": {"start": at("said"), "end": at("said") + 4},
         "content": [{"start": at("taxes"), "end": at(" and")}]},
        {"source": {"start": at("Lee"), "end": at("Lee") + 3}, "cue": {"start": at("said rents"), "end": at(" rents")},
         "content": [{"start": at("rents"), "end": len(body) - 1}]},
    ]
    tags = spans.labels(sent, spans.gold_roles(gold))
    assert tags == ["B-SRC", "B-CUE", "B-CON", "I-CON", "O", "B-SRC", "B-CUE", "B-CON", "I-CON", "O"]
    found = spans.chunks(tags)
    assert [(c.role, c.start, c.end) for c in found][:3] == [("SRC", 0, 1), ("CUE", 1, 2), ("CON", 2, 4)]


def test_features_read_quotes_and_the_governing_cue(make_ctx):
    body = 'Kim said the deal was "a disaster" for farmers.'
    layout, doc = _layout(make_ctx, body)
    sent = next(iter(doc.sents))
    feats = spans.features(sent, layout, spans.report_words())
    by_word = {t.text: f for t, f in zip(sent, feats)}
    assert "q" in by_word["disaster"] and "q" not in by_word["farmers"]
    assert "rep" in by_word["said"]
    assert any(f.startswith("gl=say|") for f in by_word["deal"])  # governed by "said"
    assert "nogov" in by_word["said"]


def test_gate_needs_a_reporting_word_outside_quotes(make_ctx):
    cues = spans.report_words()
    layout, doc = _layout(make_ctx, PLAIN)
    assert not spans.gated(next(iter(doc.sents)), layout, cues)
    layout, doc = _layout(make_ctx, COVERED)
    assert spans.gated(next(iter(doc.sents)), layout, cues)


def test_tagger_adds_an_attribution_the_rules_miss(make_ctx, model, monkeypatch):
    monkeypatch.setattr(spans, "shipped", lambda: None)
    assert _run(make_ctx, CALLING) == []
    monkeypatch.setattr(spans, "shipped", lambda: model)
    found = _run(make_ctx, CALLING)
    assert len(found) == 1
    q = found[0]
    assert q.kind == "indirect" and q.cue == "calling"
    assert q.text == "the state to double its spending on flood defences"
    assert CALLING[q.speaker_span[0]:q.speaker_span[1]] == "The governor"
    assert q.provenance.confidence < quotes.CONF_CUE  # tagged: less sure than a rule cue


def test_tagger_leaves_what_the_rules_read(make_ctx, model, monkeypatch):
    monkeypatch.setattr(spans, "shipped", lambda: None)
    rules = [(q.kind, q.text, q.speaker_name) for q in _run(make_ctx, COVERED)]
    monkeypatch.setattr(spans, "shipped", lambda: model)
    assert [(q.kind, q.text, q.speaker_name) for q in _run(make_ctx, COVERED)] == rules
    assert rules == [("indirect", "the plan would work", "Tom Reyes")]
    assert _run(make_ctx, PLAIN) == []
