"""The learned content-boundary corrector (``quotes.bounds``): it loads, runs inside the real
stage, keeps clean rule edges, and never empties a span or moves an edge out of its sentence."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from sitrep import actors, quotes
from sitrep.quotes import bounds
from sitrep.quotes.direct import Draft

BODY = (
    "Mayor Ines Varga said on Tuesday that the ferry service, which has run at a loss for years, "
    "would be cut to two crossings a day. \"We have no money left for the night boats,\" she told "
    "reporters, adding that the council would review the decision in spring. Union leaders warned "
    "that the cuts would cost dozens of jobs, according to a statement from the dock workers. "
    "The harbour master believes the older vessels are unsafe and should be sold, officials said."
)
CLEAN = "Governor Lena Holt said the bridge would be repaired by June."


def _with_edges(make_ctx, body: str):
    """(article, context) with the corrector switched on (setting ``quote_edges``, off by default)."""
    art, ctx = make_ctx(body)
    ctx.settings = replace(ctx.settings, quote_edges=True)
    return art, ctx


def _quotes_with_edges(make_ctx, body: str):
    art, ctx = _with_edges(make_ctx, body)
    actors.run(art, ctx)
    quotes.run(art, ctx)
    return art.quotes


def _drafts(make_ctx, body: str, monkeypatch) -> tuple[object, list[Draft]]:
    """The stage's drafts just before the corrector (captured by wrapping ``bounds.correct``)."""
    seen: dict[str, object] = {}

    def keep(doc, body_, drafts, model):
        seen["doc"], seen["drafts"] = doc, [replace(d, spans=[list(s) for s in d.spans]) for d in drafts]

    monkeypatch.setattr(bounds, "correct", keep)
    art, ctx = _with_edges(make_ctx, body)
    actors.run(art, ctx)
    quotes.run(art, ctx)
    monkeypatch.undo()
    return seen["doc"], seen["drafts"]


def test_quote_bounds_shipped_model_loads():
    model = bounds.shipped()
    assert model is not None
    assert model.w.shape == (bounds.N_BUCKETS,)
    assert 0.0 <= model.margin_start and 0.0 <= model.margin_end


def test_quote_bounds_load_missing_path_is_none(tmp_path: Path):
    assert bounds.load(tmp_path / "nothing.npz") is None


def test_quote_bounds_save_load_round_trip(tmp_path: Path):
    model = bounds.shipped()
    path = tmp_path / "b.npz"
    bounds.save(model, path)
    again = bounds.load(path)
    assert again is not None and again.margin_end == pytest.approx(model.margin_end)
    assert abs(again.w - model.w).max() < 1e-2


@pytest.mark.parametrize("margin", [0.0, None])
def test_quote_bounds_never_empty_or_out_of_sentence(make_ctx, monkeypatch, margin):
    """Even with every move taken (margin 0), each span stays non-empty and each moved edge stays
    in the sentence of the rule edge."""
    doc, drafts = _drafts(make_ctx, BODY, monkeypatch)
    assert drafts, "the stage found no quotes to correct"
    model = bounds.shipped()
    if margin is not None:
        model = bounds.BoundsModel(model.w, margin, margin)
    rule = [[list(s) for s in d.spans] for d in drafts]
    bounds.correct(doc, BODY, drafts, model)
    for d, before in zip(drafts, rule):
        assert d.spans and all(0 <= s < e <= len(BODY) for s, e in d.spans)
        assert d.spans[1:-1] == before[1:-1]
        for new, old in ((d.spans[0][0], before[0][0]), (d.spans[-1][1] - 1, before[-1][1] - 1)):
            old_sent = doc.char_span(old, old + 1, alignment_mode="expand")
            new_sent = doc.char_span(new, new + 1, alignment_mode="expand")
            if new != old and BODY[old].strip():
                assert new_sent[0].sent.start == old_sent[0].sent.start


def test_quote_bounds_infinite_margins_change_nothing(make_ctx, monkeypatch):
    doc, drafts = _drafts(make_ctx, BODY, monkeypatch)
    rule = [[list(s) for s in d.spans] for d in drafts]
    model = bounds.shipped()
    bounds.correct(doc, BODY, drafts, bounds.BoundsModel(model.w, float("inf"), float("inf")))
    assert [d.spans for d in drafts] == rule


def test_quote_bounds_keeps_a_clean_reported_clause(make_ctx):
    found = _quotes_with_edges(make_ctx, CLEAN)
    assert len(found) == 1
    assert found[0].text == "the bridge would be repaired by June"


def test_quote_bounds_apply_respects_margins_and_refuses_empty_spans():
    spans = [[10, 40]]
    assert bounds.apply(spans, [(1, 30, 2.0)], (1.0, 1.0)) == [[10, 30]]
    assert bounds.apply(spans, [(1, 30, 0.5)], (1.0, 1.0)) is None  # not confident enough: keep
    assert bounds.apply(spans, [(0, 20, 3.0), (1, 15, 3.0)], (1.0, 1.0)) is None  # would be empty
    assert spans == [[10, 40]]  # the input is never modified in place


def test_quote_bounds_stage_without_model_keeps_rule_edges(make_ctx, monkeypatch):
    monkeypatch.setattr(bounds, "shipped", lambda: None)
    without = _quotes_with_edges(make_ctx, BODY)
    monkeypatch.undo()
    with_model = _quotes_with_edges(make_ctx, BODY)
    assert len(without) == len(with_model)
    assert [q.cue for q in without] == [q.cue for q in with_model]


def test_quote_bounds_never_grow_over_a_cue_or_speaker(make_ctx, monkeypatch):
    """With every move taken (margin 0), no content grows over a cue or a speaker of any draft."""
    body = ("Trade minister Omar Reyes said the talks had stalled and the union warned that prices "
            "would rise. The engineers who said the dam would hold were wrong, a report found.")
    doc, drafts = _drafts(make_ctx, body, monkeypatch)
    rule = [[list(s) for s in d.spans] for d in drafts]
    marks = [(d.cue.idx, d.cue.idx + len(d.cue.text)) for d in drafts if d.cue is not None]
    marks += [tuple(d.speaker.span) for d in drafts if d.speaker is not None and d.speaker.span]
    model = bounds.shipped()
    bounds.correct(doc, body, drafts, bounds.BoundsModel(model.w, 0.0, 0.0))

    def covered(spans):
        return {m for m in marks for s, e in spans if s < m[1] and m[0] < e}

    for d, before in zip(drafts, rule):
        assert covered(d.spans) <= covered(before)


def test_quote_bounds_end_stays_in_the_cue_phrase(make_ctx):
    found = _quotes_with_edges(make_ctx, "The engineers who said the dam would hold were wrong.")
    said = [q for q in found if q.cue == "said"]
    assert len(said) == 1 and said[0].text == "the dam would hold"


def test_quote_bounds_are_off_by_default(make_ctx, monkeypatch):
    called = []
    monkeypatch.setattr(bounds, "correct", lambda *a: called.append(a))
    art, ctx = make_ctx("The minister said the bridge would reopen next week, officials said.")
    actors.run(art, ctx)
    quotes.run(art, ctx)
    assert art.quotes and called == []


def test_quote_bounds_counts_every_comma_and_quote_mark(nlp):
    """The comma and quote-mark counts read hashes as uint64: a straight quote, a dash and an
    opening bracket (hashes above 2**63, which an int64 cast wrapped) count like the others."""
    text = 'The mayor — who spoke (briefly) on Friday — said the plan was "ready", and "sound".'
    doc = nlp(text)
    da = bounds.DocArrays(doc, text)
    marks = sum(t.text in ('"', "“", "”", "''", "``") for t in doc)
    commas = sum(t.text in (",", ";", "—", "–", "(", ")", "-", "--") for t in doc)
    assert marks == 4 and commas == 5
    assert da.c_mark[-1] == marks
    assert da.c_comma[-1] == commas


def test_quote_bounds_candidates_stay_in_the_sentence_and_keep_the_rule_edge(make_ctx, monkeypatch):
    """Every draft edge offered for a move lists its current token among its candidates, and all
    candidates are word tokens of the current token's sentence at most K tokens away."""
    doc, drafts = _drafts(make_ctx, BODY, monkeypatch)
    da = bounds.DocArrays(doc, BODY)
    items = [([list(s) for s in d.spans], bounds.KINDS.get(d.kind, 0),
              (d.cue.idx, d.cue.idx + len(d.cue.text)) if d.cue is not None else None,
              tuple(d.speaker.span) if d.speaker is not None and d.speaker.span else None) for d in drafts]
    da.block([span for _, _, cue, spk in items for span in (cue, spk) if span is not None])
    rows, groups = bounds.rows_of(da, items)
    assert groups
    for _q, _side, cur, a, b in groups:
        idx = rows.idx[a:b]
        assert cur in idx.tolist()
        assert all(doc[int(i)].sent.start == doc[cur].sent.start for i in idx)
        assert all(abs(int(i) - cur) <= bounds.K and not doc[int(i)].is_punct for i in idx)
