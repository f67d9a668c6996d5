"""Filtered queries: merged events, reports, quotes (word search), actors; errors; Arrow frames."""

from __future__ import annotations


import pytest
from conftest import merge_report_articles

from sitrep.errors import SitrepError
from sitrep.schema import Actor, Provenance, Quote
from sitrep.store import Store

@pytest.fixture(scope="module")
def store():
    arts = merge_report_articles()
    art = arts[0]
    prov = Provenance(art.id, "test", "1")
    art.actors = [Actor("A-1", "Lloyd Austin", "person", "defence secretary", None, "US", [[0, 3]], prov)]
    art.quotes = [Quote("Q-1", "the troops will move to Romania within days", "indirect", "A-1", "Lloyd Austin",
                        "said", [[0, 10]], provenance=prov)]
    with Store(":memory:") as s:
        s.write_batch(arts)
        s.refresh()
        yield s


def test_query_events_by_category_actor_place_and_dates(store):
    rows = store.find("events", category="mobilize", actor="US", place="PL")
    assert len(rows) == 3 and all(r["place_country"] == "PL" for r in rows)
    feb = store.find("events", category="CONSULT", since="2022-02-01", until="2022-02-09")
    assert feb and all(str(r["date_start"]) <= "2022-02-09" for r in feb)
    assert store.find("events", actor="DE", category="MOBILIZE")[0]["actor_country"] == "DE"  # not Denmark
    assert store.find("events", min_sources=3)


def test_query_reports_quotes_and_actors(store):
    assert all("Kharkiv" in r["sentence"] for r in store.find("reports", text="kharkiv"))
    quotes = store.find("quotes", text="Romania troops", speaker="austin")
    assert [q["speaker_name"] for q in quotes] == ["Lloyd Austin"]
    assert store.find("quotes", text="Romania Kharkiv") == []  # every word must appear
    actors = store.find("actors", name="austin")
    assert actors[0]["role"] == "defence secretary" and actors[0]["articles"] == 1


def test_query_arrow_frame(store):
    table = store.arrow("events", category="MOBILIZE")
    assert table.num_rows == len(store.find("events", category="MOBILIZE", limit=None))
    assert "n_sources" in table.column_names


@pytest.mark.parametrize("kind, filters, code", [
    ("battles", {}, "E603"), ("events", {"speaker": "x"}, "E605"), ("events", {"since": "Feb 2"}, "E605"),
])
def test_query_bad_requests_are_coded(store, kind, filters, code):
    with pytest.raises(SitrepError, match=code):
        store.find(kind, **filters)
