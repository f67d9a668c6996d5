"""The events, dates and quantities scorers on tiny gold files written for sitrep (tests/fixtures/events)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sitrep.eval import dates, events, quantities
from sitrep.events.quantities import Measure
from sitrep.events.time import Timex
from sitrep.schema import ActorRef, Article
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
