"""The force-posture ledger: rows per merged MOBILIZE event, filters, named units."""

from __future__ import annotations

import json

import pytest

from sitrep.store.ledger import named_unit

@pytest.fixture(scope="module")
def store(merged_store):
    return merged_store


def test_ledger_romania_keeps_the_range_and_every_source(store):
    rows = [r for r in store.ledger(actor="US", place="RO") if r["n_sources"] > 1]
    assert len(rows) == 1
    row = rows[0]
    assert (row["number_low"], row["number_high"]) == (2500, 3000)
    assert "some 2,500 U.S. soldiers" in row["number_text"] and "about 3,000 troops" in row["number_text"]
    assert {s["outlet"] for s in json.loads(row["sources"])} >= {"danube-daily.example", "northbridge-post.example"}
    assert row["status"].startswith("planned")


def test_ledger_filters_by_actor_and_place_name(store):
    assert {r["actor_country"] for r in store.ledger(actor="us")} == {"US"}
    poland = store.ledger(place="Poland")
    assert poland and all(r["place_country"] == "PL" for r in poland)
    dates = [r["date_start"] for r in poland if r["date_start"]]
    assert dates == sorted(dates)  # a timeline per place
    assert all(r["actor_country"] != "EU" for r in store.ledger())  # only MOBILIZE events


@pytest.mark.parametrize("sentence, unit", [
    ("Soldiers of the 82nd Airborne Division landed in Poland.", "82nd Airborne Division"),
    ("The 2nd Cavalry Regiment moved east.", "2nd Cavalry Regiment"),
    ("About 3,000 troops will move to Romania.", None),
])
def test_ledger_named_unit(sentence, unit):
    assert named_unit(sentence) == unit
