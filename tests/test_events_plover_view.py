"""Issue 6: the PLOVER-convention view of an event's category (events/plover.py), in the PLV
end-to-end scorer and the plover export; the record keeps the act and its status (sentences
written for sitrep)."""

from __future__ import annotations

import json

import pytest

from sitrep import events
from sitrep.eval import events as scorer
from sitrep.events import classify
from sitrep.events.plover import plover_category, view_category
from sitrep.export import export
from sitrep.schema import ActorRef, Article, Event


def _coded(make_ctx, text: str) -> Article:
    art, ctx = make_ctx(text, "2023-05-10")
    art.actors = []
    with classify.using(None):  # the dictionary alone: stable while the pair classifier changes
        events.run(art, ctx)
    return art


def _event_with(art: Article, trigger: str) -> Event:
    return next(e for e in art.events if e.trigger == trigger)


def test_commitment_to_withdraw_is_retreat_planned_in_the_record_and_agree_in_the_view(make_ctx):
    ev = _event_with(_coded(make_ctx, "Russia agreed to withdraw its troops from Moldova."), "withdraw")
    assert (ev.category, ev.status) == ("RETREAT", "planned")
    assert view_category(ev) == "AGREE"
    assert ev.category == "RETREAT"  # the view leaves the record as it is


def test_refusal_to_lift_sanctions_is_reject_in_the_view(make_ctx):
    ev = _event_with(_coded(make_ctx, "Hungary refused to lift the sanctions on Belarus."), "lift")
    assert ev.status == "refused" and ev.category == "CONCEDE"
    assert view_category(ev) == "REJECT"


def test_threat_of_sanctions_is_threaten_in_the_view(make_ctx):
    ev = _event_with(_coded(make_ctx, "Turkey threatened to impose sanctions on Sweden."), "impose")
    assert (ev.category, ev.status) == ("SANCTION", "threatened")
    assert view_category(ev) == "THREATEN"


def test_occurred_act_keeps_its_category(make_ctx):
    art = _coded(make_ctx, "Poland expelled two Russian diplomats on Monday.")
    ev = _event_with(art, "expelled")
    assert ev.status == "occurred" and view_category(ev) == ev.category == "SANCTION"


def test_negated_release_is_reject_in_the_view(make_ctx):
    ev = _event_with(_coded(make_ctx, "Chile said it will not release the detained fishermen."), "release")
    assert ev.status == "refused" and view_category(ev) == "REJECT"  # a negated will is a refusal


@pytest.mark.parametrize("category,status,code,view", [
    ("CONSULT", "planned", "040", "AGREE"),  # "will meet": PLV codes a scheduled meeting as AGREE
    ("AID", "planned", "070", "AGREE"),
    ("RETREAT", "threatened", "0874", "AGREE"),  # "willing to withdraw if ...": a conditional offer
    ("ASSAULT", "threatened", "138", "THREATEN"),
    ("ASSAULT", "planned", "138", "THREATEN"),  # the CAMEO view's threat code ("wants to attack")
    ("ASSAULT", "planned", "190", "ASSAULT"),  # "will strike": no convention moves it
    ("ACCUSE", "planned", "090", "ACCUSE"),  # "will investigate" stays
    ("ASSAULT", "hypothetical", "190", "ASSAULT"),
    ("AID", "occurred", "033", "AID"),  # an occurred event is never remapped
])
def test_plover_category_table(category, status, code, view):
    assert plover_category(category, status, code) == view


def _event(category: str, status: str, actor: list[int], target: list[int]) -> Event:
    return Event(id="v", category=category, mode=None, cameo=None, actor=ActorRef(None, "x", None, actor),
                 target=ActorRef(None, "y", None, target), place=None, origin=None, date=None, quantities=[],
                 status=status, sentence="", span=[0, 1], confidence=0.5)  # type: ignore[arg-type]


def test_end_to_end_scores_record_and_view_separately():
    rec = {"id": "a", "text": "Chad agreed to pull out of Mali.",
           "events": [{"plover": "AGREE", "source_start": 0, "source_end": 4, "target_start": 27, "target_end": 31}]}
    art = Article(id="a", source="a", raw=rec["text"], body=rec["text"])
    art.events = [_event("RETREAT", "planned", [0, 4], [27, 31])]
    assert scorer.plv_end_to_end([rec], [art])["f1"] == 0.0  # the record's RETREAT (PLV YIELD) is not AGREE
    assert scorer.plv_end_to_end([rec], [art], view_category)["f1"] == 1.0
    assert scorer.fold_split([rec], [art], {"a": 0}, scorer.DEV_FOLDS, view_category)["f1"] == 1.0


def test_plover_export_adds_the_view_column(merged_store, tmp_path):
    n = export(merged_store, "plover", tmp_path / "p.json")
    doc = json.loads((tmp_path / "p.json").read_text())
    assert len(doc["events"]) == n > 0
    for e in doc["events"]:
        assert e["event_type"] and e["event_type_view"]  # the record's category is kept next to the view
        assert e["status"] != "occurred" or e["event_type_view"] == e["event_type"]
    pledged = [e for e in doc["events"] if (e["event_type"], e["status"]) == ("AID", "planned")]  # "will give ... missiles"
    assert pledged and all(e["event_type_view"] == "AGREE" for e in pledged)
    threats = [e for e in doc["events"] if e["status"] == "threatened"]
    assert threats and all(e["event_type_view"] == "THREATEN" for e in threats)
