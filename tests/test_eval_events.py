"""The events, dates and quantities scorers on tiny gold files written for sitrep (tests/fixtures/events)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sitrep.eval import dates, events, quantities
from sitrep.events.quantities import Measure
from sitrep.events.time import Timex
from sitrep.schema import ActorRef, Article, Event
from sitrep.settings import Settings

FIX = Path(__file__).parent / "fixtures" / "events"


def test_quantities_scorer_counts_value_unit_and_change() -> None:
    c: Counter[str] = Counter()
    gold = [{"value": 4.5, "normalized_unit": "percentage", "change": "up"}, {"value": [1.0, 2.0], "normalized_unit": "-", "change": "="}]
    preds = [Measure(4.5, None, "percentage", "=", 0, 3, "4.5%"), Measure(1.0, 2.0, "-", "=", 5, 8, "1-2")]
    quantities.score_sentence(gold, preds, c)
    assert (c["value"], c["unit"], c["change"]) == (2, 2, 1)


def test_quantities_scorer_on_fixture() -> None:
    result = quantities.evaluate(FIX, Settings())
    assert result["n"] == 5
    assert result["value"]["recall"] == 1.0
    assert result["value_unit"]["f1"] >= 0.8


def test_dates_scorer_relaxed_match_and_value_f1() -> None:
    c: Counter[str] = Counter()
    gold = [{"start": 0, "end": 6, "type": "DATE", "value": "2022-02-06"}]
    dates.score_doc(gold, [Timex(0, 9, "Sunday it", "DATE", "2022-02-06")], c)
    assert (c["relaxed"], c["strict"], c["value"]) == (1, 0, 1)


def test_dates_scorer_on_fixture() -> None:
    result = dates.evaluate(FIX, Settings())
    assert result["relaxed"]["recall"] == 1.0
    assert result["value_accuracy"] == 1.0
    assert result["value_f1"] == result["relaxed"]["f1"]


def test_cameo_actor_adds_role_code() -> None:
    art = Article(id="a", source="a", raw="", body="")
    assert events.cameo_actor(ActorRef(None, "Russian troops", "RU"), art) == "RUSMIL"
    assert events.cameo_actor(ActorRef(None, "NATO", "NATO"), art) == "IGOWSTNAT"  # Phoenix-style IGO code
    assert events.cameo_actor(None, art) == "---"


def test_class_scores_macro_f1() -> None:
    scores = events.class_scores(["AID", "AID", "ACCUSE"], ["AID", "ACCUSE", "ACCUSE"])
    assert scores["accuracy"] == round(2 / 3, 4)
    assert 0.6 < scores["macro_f1"] < 0.7


def test_events_scorer_on_fixture() -> None:
    result = events.evaluate(FIX, Settings())
    assert result["plv_classifier_cv"]["n"] == 6
    assert result["plv_rules_accuracy"] >= 0.5  # "sent", "condemned", "accused" are dictionary verbs
    assert result["cameo_standard"]["n"] == 1
    for key in ("precision", "recall", "f1", "n"):
        assert key in result and key in result["plv_end_to_end"]
        for view in ("plv_end_to_end_view", "plv_end_to_end_view_dev_folds_0_2", "plv_end_to_end_view_heldout_folds_3_4"):
            assert key in result[view]  # the PLOVER-convention view, next to the record's figure


def test_fold_split_scores_only_the_wanted_folds() -> None:
    recs = [{"id": "a", "text": "Chad hit Mali.", "events": [{"plover": "ASSAULT", "source_start": 0, "source_end": 4,
                                                                  "target_start": 9, "target_end": 13}]},
            {"id": "b", "text": "Peru met Chile.", "events": [{"plover": "CONSULT", "source_start": 0, "source_end": 4,
                                                                   "target_start": 9, "target_end": 14}]}]
    hit = Article(id="a", source="a", raw=recs[0]["text"], body=recs[0]["text"])
    hit.events = [_event("ASSAULT", [0, 4], [9, 13])]
    miss = Article(id="b", source="b", raw=recs[1]["text"], body=recs[1]["text"])
    fold_of = {"a": 0, "b": 3}
    assert events.fold_split(recs, [hit, miss], fold_of, events.DEV_FOLDS)["f1"] == 1.0
    held = events.fold_split(recs, [hit, miss], fold_of, events.HELD_OUT_FOLDS)
    assert (held["f1"], held["n"]) == (0.0, 1)
    assert events.DEV_FOLDS.isdisjoint(events.HELD_OUT_FOLDS)


def _event(category: str, actor: list[int], target: list[int]) -> Event:
    return Event(id="v", category=category, mode=None, cameo=None, actor=ActorRef(None, "x", None, actor),
                 target=ActorRef(None, "y", None, target), place=None, origin=None, date=None, quantities=[],
                 status="occurred", sentence="", span=[0, 1], confidence=0.5)
