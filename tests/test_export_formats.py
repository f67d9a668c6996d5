"""Every export format round-trips through the library that reads it."""

from __future__ import annotations

import json
import sqlite3

import pytest

from sitrep.export import FORMATS, export

@pytest.fixture(scope="module")
def store(merged_store):
    return merged_store


def test_export_jsonl_csv_parquet(store, tmp_path):
    import pyarrow.csv
    import pyarrow.parquet as pq

    assert export(store, "jsonl", tmp_path / "a.jsonl") == 99
    first = json.loads((tmp_path / "a.jsonl").read_text().splitlines()[0])
    assert first["events"][0]["category"]
    n = export(store, "parquet", tmp_path / "m.parquet", "merged_events")
    table = pq.read_table(tmp_path / "m.parquet")
    assert table.num_rows == n == store.counts(["merged_events"])["merged_events"] >= 50 and "n_sources" in table.column_names
    export(store, "csv", tmp_path / "e.csv")
    assert pyarrow.csv.read_csv(tmp_path / "e.csv").num_rows == 99


def test_export_geojson_is_longitude_first(store, tmp_path):
    n = export(store, "geojson", tmp_path / "e.geojson")
    doc = json.loads((tmp_path / "e.geojson").read_text())
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == n > 0
    kyiv = next(f for f in doc["features"] if f["properties"]["place_name"] == "Kyiv")
    assert kyiv["geometry"]["coordinates"] == [30.52, 50.45]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_actor_network(store, tmp_path, fmt):
    import networkx as nx

    n = export(store, fmt, tmp_path / f"g.{fmt}")
    graph = nx.read_graphml(tmp_path / f"g.{fmt}") if fmt == "graphml" else nx.read_gexf(tmp_path / f"g.{fmt}")
    assert graph.number_of_edges() == n > 0
    edge = graph.get_edge_data("US", "RU")
    assert int(edge["weight"]) >= 3 and int(edge["n_CONSULT"]) >= 1


def test_export_plover_lists_every_report(store, tmp_path):
    n = export(store, "plover", tmp_path / "p.json")
    doc = json.loads((tmp_path / "p.json").read_text())
    assert doc["format"] == "sitrep-plover" and len(doc["events"]) == n == 54  # 53 groups; one straddles a merge-block boundary
    romania = max((e for e in doc["events"] if e["location"]["placename"] == "Romania"), key=lambda e: e["n_reports"])
    assert romania["event_type"] == "MOBILIZE" and len(romania["reports"]) == 4
    assert {d["field"] for d in romania["disagreements"]} >= {"number"}
    assert all(r["offsets"][1] > r["offsets"][0] for r in romania["reports"])


def test_export_sqlite_opens_with_sqlite3(store, tmp_path):
    export(store, "sqlite", tmp_path / "s.db")
    con = sqlite3.connect(tmp_path / "s.db")
    try:
        assert con.execute("SELECT count(*) FROM merged_events").fetchone() == (54,)
        assert con.execute("SELECT count(*) FROM event_sources").fetchone() == (99,)
        date = con.execute("SELECT date_start FROM merged_events WHERE date_start IS NOT NULL LIMIT 1").fetchone()[0]
        assert isinstance(date, str) and len(date) == 10
    finally:
        con.close()


def test_export_formats_listed():
    assert set(FORMATS) == {"jsonl", "csv", "parquet", "geojson", "graphml", "gexf", "plover", "sqlite"}
