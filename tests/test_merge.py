"""Cross-article merge: rules with reasons, order independence, copies, disagreements, quality floor."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

import pytest

from sitrep.eval.merge import evaluate, report_article
from sitrep.merge import compare
from sitrep.merge.report import Amount, Report
from sitrep.settings import Settings
from sitrep.store import Store

FIXTURE = Path(__file__).parent / "fixtures" / "merge"
MERGE_F1_FLOOR = 0.9  # the target; measured 0.99 on the set it was tuned on
HELDOUT_F1_FLOOR = 0.9  # measured 0.912 on the held-out set (written after the weights were fixed)


def _gold(group_prefix: str = "") -> list[dict]:
    rows = [json.loads(line) for line in (FIXTURE / "reports.jsonl").read_text().splitlines() if line.strip()]
    return [r for r in rows if r["group"].startswith(group_prefix)]


def _report(**kw) -> Report:
    base = dict(event_id="V-1", article_id="a1", source_id="a1", outlet="x", published=None, category="MOBILIZE",
                mode="troops", actor="US", target=None, actor_name="United States", actor_country="US",
                target_name=None, target_country=None, place_name="Romania", place_country="RO", place_kind="country",
                lat=None, lon=None, origin_name=None, date_value=None, date_end=None, date_precision=None,
                status="planned", sentence="US troops go to Romania.", span=(0, 10), amounts=[])
    base.update(kw)
    return Report(**base)


def test_merge_compare_links_with_reasons():
    from datetime import date

    a = _report(date_value=date(2022, 2, 2), date_precision="day", amounts=[Amount("personnel", 3000, 3000, "3,000")])
    b = _report(event_id="V-2", article_id="a2", source_id="a2", date_value=date(2022, 2, 3), date_precision="day",
                amounts=[Amount("personnel", 2500, 2500, "2,500")])
    v = compare(a, b)
    assert v.linked and "same actor US" in v.reasons and any("dates agree" in r for r in v.reasons)


@pytest.mark.parametrize("change, reason", [
    ({"actor": "GB"}, "actor differs"),
    ({"place_name": "Poland", "place_country": "PL"}, "place differs"),
    ({"amounts": [Amount("personnel", 500, 500, "500")]}, "too different"),
    ({"article_id": "a1"}, "same article"),
])
def test_merge_compare_contradictions_block(change, reason):
    a = _report(amounts=[Amount("personnel", 3000, 3000, "3,000")])
    b = replace(_report(event_id="V-2", article_id="a2", source_id="a2", amounts=[Amount("personnel", 2900, 2900, "x")]),
                **change)
    v = compare(a, b)
    assert not v.compatible and any(reason in r for r in v.reasons)


def test_merge_same_result_in_any_order():
    arts = [report_article(r) for r in _gold()]
    results = []
    for seed in (1, 2):
        random.Random(seed).shuffle(arts)
        with Store(":memory:") as store:  # two batches, refreshed in between: like two ingests
            store.write_batch(arts[:40])
            store.refresh()
            store.write_batch(arts[40:])
            store.refresh()
            results.append(store.con.execute(
                "SELECT merged_id, event_id FROM event_sources ORDER BY ALL").fetchall())
    assert results[0] == results[1]


def test_merge_disagreements_keep_every_value_with_sources():
    arts = [report_article(r) for r in _gold("g01")]
    with Store(":memory:") as store:
        store.write_batch(arts)
        store.refresh()
        rows = store.disagreements()
    numbers = {r["value"]: json.loads(r["outlets"]) for r in rows if r["field"] == "number"}
    assert numbers == {"2500 personnel": ["danube-daily.example"],
                       "3000 personnel": ["harbor-times.example", "northbridge-post.example"]}
    assert {r["field"] for r in rows} >= {"number", "status", "date"}
    assert "place" not in {r["field"] for r in rows}  # Constanta lies in Romania: not a disagreement


def test_merge_syndicated_copy_counts_once():
    arts = [report_article(r) for r in _gold("g04")]  # g04-1 and g04-2: one wire story, two outlets
    story = arts[0].body + " The ministry gave no further details about the move or its cost."
    arts[0].body = arts[1].body = story  # long enough for a MinHash signature
    with Store(":memory:") as store:
        store.write_batch(arts)
        store.refresh()
        merged = store.query("SELECT n_reports, n_sources FROM merged_events")
        copies = store.query("SELECT article_id, copy_of FROM article_copies")
    assert len(copies) == 1 and {copies[0]["article_id"], copies[0]["copy_of"]} == {arts[0].id, arts[1].id}
    assert merged == [{"n_reports": 3, "n_sources": 2}]


def test_merge_quality_on_hand_made_set():
    result = evaluate(FIXTURE, Settings())
    assert result["reports"] >= 90 and result["groups"] >= 50
    assert result["f1"] >= MERGE_F1_FLOOR - 0.0005, result


def _snapshot(store: Store) -> dict[str, list]:
    tables = ("article_copies", "actor_keys", "merged_events", "event_sources", "merge_links", "disagreements",
              "ledger", "event_blocks")
    return {t: store.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables}


def _with_copies_and_people(arts: list) -> list:
    """Gold articles plus: a wire story whose later republication arrives first, and people
    sharing a surname spread over articles (identity groups span batches)."""
    from sitrep.schema import Actor, Provenance

    wire = ("Germany will move more soldiers to Lithuania over the next two weeks to strengthen the battlegroup "
            "it leads there, the defence minister said on Monday during a visit to a base near Rukla.")
    first, late = arts[0], arts[1]
    for art, prefix in ((first, ""), (late, "Republished. ")):
        art.body = prefix + wire
    names = ["Anna Kowal", "Kowal", "Piotr Kowal", "Kowal"]
    for art, name in zip(arts[2:6], names):
        art.actors = [Actor(f"A-{art.id[:6]}", name, "person", None, None, "PL", [[0, 3]],
                            Provenance(art.id, "gold", "1", 1.0))]
    return arts


def test_refresh_incremental_equals_full_in_any_order():
    arts = _with_copies_and_people([report_article(r) for r in _gold()])
    with Store(":memory:") as store:
        store.write_batch(arts)
        store.refresh(full=True)
        at_once = _snapshot(store)
    assert at_once["article_copies"] and at_once["actor_keys"] and at_once["ledger"]
    for order in (arts[::-1], arts[1:] + arts[:1]):  # the republication (arts[1]) before the original
        with Store(":memory:") as store:
            for i in range(0, len(order), 17):  # many small ingests, each refreshed incrementally
                store.write_batch(order[i:i + 17])
                store.refresh()
            assert _snapshot(store) == at_once
            store.refresh(full=True)
            assert _snapshot(store) == at_once


def test_merge_denial_needs_more_than_actor_and_date():
    from datetime import date

    denial = _report(actor="RU", actor_name="Russia", actor_country="RU", status="denied", place_name=None,
                     place_country=None, place_kind=None, date_value=date(2022, 2, 10), date_precision="day",
                     sentence="Moscow rejected claims that it plans an attack on its neighbour.")
    moved = _report(event_id="V-2", article_id="a2", source_id="a2", actor="RU", actor_name="Russia",
                    actor_country="RU", status="occurred", place_name="Belarus", place_country="BY",
                    date_value=date(2022, 2, 11), date_precision="day",
                    sentence="Russian units rolled into Belarus ahead of joint drills.")
    v = compare(denial, moved)
    assert not v.compatible and any("denial" in r for r in v.reasons)
    same_place = replace(denial, place_name="Belarus", place_country="BY")  # a denial of that very move
    assert compare(same_place, moved).linked


def test_merge_sources_count_outlets():
    arts = [report_article(r) for r in _gold("g01")]
    for art in arts[:2]:  # two stories from one outlet (its site name in the title)
        art.title = f"US troops head for Romania ({art.title}) | Harbor Times"
    with Store(":memory:") as store:
        store.write_batch(arts)
        store.refresh()
        (merged,) = store.merged()
        outlets = {r["outlet"] for r in store.query("SELECT outlet FROM event_sources")}
    assert "Harbor Times" in outlets
    assert merged["n_reports"] == len(arts) and merged["n_sources"] == len(outlets) == len(arts) - 1


def test_merge_quality_on_held_out_set():
    result = evaluate(FIXTURE.parent / "merge_heldout", Settings())
    assert result["reports"] >= 50 and result["groups"] >= 25 and result["recall"] == 1.0
    assert result["f1"] >= HELDOUT_F1_FLOOR - 0.0005, result
