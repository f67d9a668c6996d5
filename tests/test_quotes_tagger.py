"""The trained cue tagger: stance cues no rule lists, and the stage without its weights file."""

from __future__ import annotations

from pathlib import Path

from sitrep import quotes
from sitrep.quotes import tagger
from quote_helpers import run_quotes

STANCE = "Senator Ada Marsh has been sharply critical of the new tariff plan."


def test_quotes_tagger_shipped_file_loads():
    model = tagger.shipped()
    assert model is not None
    assert model.weights.shape == (tagger.N_BUCKETS,) and 0.0 < model.threshold < 1.0


def test_quotes_tagger_finds_stance_cue_rules_miss(make_ctx):
    q = next(q for q in run_quotes(make_ctx, STANCE) if q.cue == "critical")
    assert q.text == "the new tariff plan"
    assert q.speaker_name == "Ada Marsh"
    assert q.provenance.confidence < quotes.CONF_CUE * quotes.CONF_INDIRECT_FACTOR  # tagged: less sure


def test_quotes_tagger_absent_runs_rules_only(make_ctx, monkeypatch):
    monkeypatch.setattr(tagger, "shipped", lambda: None)
    assert [q for q in run_quotes(make_ctx, STANCE) if q.cue == "critical"] == []
    body = 'Mayor Tomas Berg said the harbour would reopen in May. "We are ready," he added.'
    found = run_quotes(make_ctx, body)
    assert {q.cue for q in found} == {"said", "added"}
    assert all(q.speaker_name == "Tomas Berg" for q in found)


def test_quotes_tagger_load_missing_path_is_none(tmp_path: Path):
    assert tagger.load(tmp_path / "nothing.npz") is None


def test_quotes_tagger_save_load_round_trip(tmp_path: Path):
    model = tagger.shipped()
    path = tmp_path / "t.npz"
    tagger.save(model, path)
    again = tagger.load(path)
    assert again is not None and abs(again.threshold - model.threshold) < 1e-6
    feats = ["l=critical", "p=ADJ", "c=prep"]
    assert abs(again.prob(feats) - model.prob(feats)) < 1e-3


def test_quotes_tagger_leaves_rule_cues_alone(make_ctx):
    body = "Governor Lena Holt said the bridge would be repaired by June."
    found = run_quotes(make_ctx, body)
    assert len(found) == 1 and found[0].cue == "said"
    assert found[0].provenance.confidence == round(quotes.CONF_CUE * quotes.CONF_INDIRECT_FACTOR, 3)
