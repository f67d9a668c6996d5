"""The DuckDB store: writes, idempotent re-ingest, reads, atomic batches."""

from __future__ import annotations

import pytest

from sitrep.errors import SitrepError
from sitrep.schema import Actor, ActorRef, Article, Event, Provenance, Quantity, Quote
from sitrep.store import Store


def _article(aid: str = "a1") -> Article:
    prov = Provenance(aid, "test", "1", 0.9)
    return Article(
        id=aid, source=f"{aid}.txt", title="T", published="2022-02-02", body="Kirby said it.", language="en",
        actors=[Actor(id=f"A-{aid}", name="John Kirby", kind="person", role="spokesman", country="US",
                      mentions=[[0, 5]], provenance=prov)],
        quotes=[Quote(id=f"Q-{aid}", text="it", kind="indirect", speaker=f"A-{aid}", speaker_name="John Kirby",
                      cue="said", spans=[[11, 13]], provenance=prov)],
        events=[Event(id=f"V-{aid}", category="MOBILIZE", mode="troops", cameo="154",
                      actor=ActorRef(None, "United States", "US"), target=None, place=None, origin=None,
                      date=None, quantities=[Quantity(2000.0, "troops", "more", "2,000 more troops")],
                      status="occurred", sentence="Kirby said it.", span=[0, 14], confidence=0.8, provenance=prov)],
    )


def test_store_write_and_read_back(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        assert store.write_batch([_article()]) == 1
        counts = store.counts()
    assert counts == {"articles": 1, "actors": 1, "quotes": 1, "events": 1, "quantities": 1}
    with Store(db, read_only=True) as store:
        record = store.article("a1")
        assert record["actors"][0]["name"] == "John Kirby"
        assert store.events()[0]["quantities"] == "2,000 more troops"
        assert store.quotes()[0]["speaker_name"] == "John Kirby"


def test_store_rewrite_same_article_changes_nothing(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.write_batch([_article()])
        before = store.counts()
        assert store.write_batch([_article()]) == 0
        assert store.counts() == before


def test_store_failed_batch_leaves_nothing_behind(tmp_path):
    db = tmp_path / "s.duckdb"
    bad = _article("a2")
    bad.events[0].span = None  # type: ignore[assignment]  # makes the row builder fail mid-batch
    with Store(db) as store:
        with pytest.raises(TypeError):
            store.write_batch([_article("a1"), bad])
        assert store.counts()["articles"] == 0
        assert store.write_batch([_article("a1")]) == 1


def test_store_unknown_article_names_id_and_file(tmp_path):
    db = tmp_path / "s.duckdb"
    Store(db).close()
    with Store(db, read_only=True) as store, pytest.raises(SitrepError) as exc:
        store.article("nope")
    assert "nope" in str(exc.value) and str(db) in str(exc.value)


def test_store_read_only_missing_file_is_clear(tmp_path):
    with pytest.raises(SitrepError, match="E601"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_store_outlet_from_site_name_host_or_file():
    from sitrep.store.outlet import outlet_of

    assert outlet_of("Troops land in Poland | Danube Daily", "https://www.dd.example/x", "a.html") == "Danube Daily"
    assert outlet_of("Drills begin near the border — The Baltic Courier", None, "b.html") == "The Baltic Courier"
    assert outlet_of("Talks collapse - and what comes next", "https://www.news.example/1", "c.html") == "news.example"
    assert outlet_of("Biden - Putin call ends", None, "feeds/wire_story.txt#3") == "wire_story"
