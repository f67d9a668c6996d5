"""Issue 3: a batch mixing bad inputs with good ones — every bad input gets a coded message
naming it, every good one is stored, and ingesting the batch again changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import sitrep

GOOD = "Lithuania Asks for Air Defences\n\nThe Lithuanian government said on Friday it had asked Germany for two air defence batteries.\n"


def _batch(folder: Path) -> dict[str, Path]:
    paths = {
        "good": folder / "good.txt",
        "empty": folder / "empty.txt",
        "binary": folder / "blob.txt",
        "latin1": folder / "latin1.txt",
        "jsonl": folder / "wire.jsonl",
        "csv": folder / "table.csv",
    }
    paths["good"].write_text(GOOD, encoding="utf-8")
    paths["empty"].write_bytes(b"")
    paths["binary"].write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    paths["latin1"].write_bytes("Zürich Talks Resume\n\nThe Swiss mediator said the café meeting in Zürich would resume on Monday.\n".encode("latin-1"))
    lines = [json.dumps({"text": "Estonia Hosts Drill\n\nEstonia said it would host a NATO drill next month with 2,000 soldiers."}),
             "{not json",
             json.dumps({"text": "Latvia Buys Radars\n\nLatvia said on Tuesday it would buy three radars from Sweden."})]
    paths["jsonl"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    paths["csv"].write_text("headline,author\nSomething,Someone\n", encoding="utf-8")
    return paths


def test_issue3_bad_inputs_named_good_inputs_stored(tmp_path, runner):
    folder = tmp_path / "in"
    folder.mkdir()
    paths = _batch(folder)
    db = tmp_path / "batch.duckdb"
    report = sitrep.ingest(sorted(paths.values()), db=db)
    messages = [str(e) for e in report.errors]
    assert any("E102" in m and "empty.txt" in m for m in messages)
    assert any("E103" in m and "blob.txt" in m for m in messages)
    assert any("E105" in m and "wire.jsonl" in m for m in messages)
    assert any("E106" in m and "table.csv" in m for m in messages)
    assert len(messages) == 4
    assert report.added == 4  # good.txt, latin1.txt, two JSONL lines
    assert any("latin1.txt" in n for n in report.notes)  # decoded with a note naming the encoding
    with sitrep.open(db) as store:
        titles = {a["title"] for a in store.articles()}
    assert {"Lithuania Asks for Air Defences", "Zürich Talks Resume", "Estonia Hosts Drill"} <= titles

    again = sitrep.ingest(sorted(paths.values()), db=db)
    assert again.added == 0 and again.unchanged == 4
    with sitrep.open(db) as store:
        assert store.counts()["articles"] == 4
