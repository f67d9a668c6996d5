"""The PLOVER pair classifier (``events.classify``): features, training, the model file, the shipped model."""

from __future__ import annotations

import numpy as np
import pytest

from sitrep.events import classify


def _pair(nlp, text: str, source: str, target: str | None):
    doc = nlp(text)
    s = text.index(source)
    t = text.index(target) if target else None
    return doc[:], (s, s + len(source)), (None if t is None else (t, t + len(target)))


def test_surface_features_mark_order_and_implicit_side() -> None:
    text = "Rebels freed the aid workers on Monday."
    feats = classify.features(text, (0, 6), (17, 28))
    assert "ORDER=st" in feats and "B=fre" in feats and "S=rebel" in feats and "T=worker" in feats
    assert not any(f.startswith("IMPLICIT=") for f in feats)
    implicit = classify.features(text, (0, 6), None)
    assert "IMPLICIT=t" in implicit and not any(f.startswith("T=") for f in implicit)


def test_pair_features_find_the_trigger_over_both_mentions(nlp):
    feats = classify.pair_features(*_pair(nlp, "Peru recalled its ambassador from Bolivia.", "Peru", "Bolivia"))
    assert "TRIG=recall" in feats and "TPREP=from" in feats and "SDEP=nsubj" in feats


def test_training_separates_toy_classes_and_survives_a_round_trip() -> None:
    rows = [["ORDER=st", "B=bomb"], ["ORDER=st", "B=shell", "B=bomb"], ["ORDER=st", "B=praise"], ["ORDER=ts", "B=praise", "B=thank"]]
    labels = ["ASSAULT", "ASSAULT", "SUPPORT", "SUPPORT"]
    model = classify.train(rows, labels, epochs=60)
    assert model.classes == ["ASSAULT", "SUPPORT"]
    loaded = classify.load_bytes(classify.save(model))
    assert loaded.vocab == model.vocab
    assert np.allclose(loaded.weights, model.weights, atol=1e-2)  # stored as float16
    assert [loaded.predict(r) for r in rows] == labels
    label, prob = loaded.predict_proba(["B=thank"])
    assert label == "SUPPORT" and 0.5 < prob <= 1.0


def test_no_model_means_no_category() -> None:
    with classify.using(None):
        assert classify.classify_pair("Oman hosted Qatar.", (0, 4), (12, 17)) is None


@pytest.mark.parametrize(
    ("text", "source", "target", "category"),
    [
        ("Chilean police fired tear gas at students marching in Santiago.", "Chilean police", "students", "ASSAULT"),
        ("Rebels released twelve hostages held since March.", "Rebels", "twelve hostages", "YIELD"),
        ("Seoul rejected Pyongyang's offer of talks.", "Seoul", "Pyongyang", "REJECT"),
        ("The Indian foreign minister held talks with his Chinese counterpart in Moscow.", "The Indian foreign minister",
         "his Chinese counterpart", "CONSULT"),
        ("Iran warned Israel it would respond to any strike on its nuclear sites.", "Iran", "Israel", "THREATEN"),
        ("Police arrested 40 opposition activists in Minsk.", "Police", "40 opposition activists", "COERCE"),
        ("Germany sent 2,000 tents and blankets to earthquake victims in Turkey.", "Germany", "earthquake victims", "AID"),
        ("Thousands of farmers protested in Delhi against the new laws.", "Thousands of farmers", None, "PROTEST"),
    ],
)
def test_shipped_model_codes_unambiguous_pairs(nlp, text, source, target, category):
    found = classify.classify_pair_proba(*_pair(nlp, text, source, target))
    assert found is not None and found[0] == category and found[1] > 0.5
