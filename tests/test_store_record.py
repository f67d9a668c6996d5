"""The store's migrations, near-duplicate links, stale flag and readers during a write."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import duckdb

from sitrep.clean import neardup
from sitrep.eval.merge import report_article
from sitrep.store import Store, migrations

FIXTURE = Path(__file__).parent / "fixtures" / "merge" / "reports.jsonl"


def _arts(prefix: str = "g0") -> list:
    rows = [json.loads(line) for line in FIXTURE.read_text().splitlines() if line.strip()]
    return [report_article(r) for r in rows if r["group"].startswith(prefix)]


def test_store_migrates_a_version_1_file(tmp_path):
    db = str(tmp_path / "old.duckdb")
    con = duckdb.connect(db)
    con.execute(resources.files("sitrep.data").joinpath("store").joinpath("001_schema.sql").read_text())
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO articles (id, source) VALUES ('old', 'old.txt')")
    con.close()
    with Store(db, read_only=True) as store:  # a reader upgrades an old file once
        assert migrations.stored_version(store.con) == migrations.LATEST
        assert store.query("SELECT id, outlet FROM articles") == [{"id": "old", "outlet": None}]
        assert store.counts(["merged_events", "ledger"]) == {"merged_events": 0, "ledger": 0}


def test_store_write_marks_stale_until_refresh(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        assert not store.is_stale()
        store.write_batch(_arts("g01"))
        assert store.is_stale() and store.counts(["merged_events"])["merged_events"] == 0
        assert store.refresh() and not store.is_stale()
        assert store.counts(["merged_events", "mentions", "places"])["merged_events"] == 1
        assert store.refresh() is False  # nothing new: nothing to do


def test_store_neardup_signature_is_stable_and_finds_copies():
    wire = ("Germany will move soldiers to Lithuania over the next two weeks to strengthen the battlegroup "
            "it leads there, the defence minister said on Monday during a visit to a base.")
    other = ("Protesters marched through the capital on Saturday carrying flags and banners, and the police "
             "said the crowd was larger than at any rally this year.")
    a, b, c = neardup.signature(wire), neardup.signature("Republished. " + wire), neardup.signature(other)
    assert a == neardup.signature(wire) and a is not None
    assert neardup.similarity(a, b) >= neardup.COPY_THRESHOLD > neardup.similarity(a, c)
    assert set(neardup.band_keys(a)) & set(neardup.band_keys(b))
    assert neardup.signature("too short") is None


HOLD = """
import sys, time
from sitrep.store import Store
with Store(sys.argv[1]) as s:
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_store_reader_waits_for_a_writer_batch(tmp_path):
    db = str(tmp_path / "s.duckdb")
    with Store(db) as store:
        store.write_batch(_arts("g01"))
    with subprocess.Popen([sys.executable, "-c", HOLD, db, "1.0"], stdout=subprocess.PIPE, text=True) as writer:
        assert writer.stdout.readline().strip() == "locked"
        assert writer.poll() is None  # the writer still holds the file
        with Store(db, read_only=True) as store:  # waits for the writer to let go, then reads
            assert store.counts(["articles"]) == {"articles": 4}
        writer.wait(timeout=30)
