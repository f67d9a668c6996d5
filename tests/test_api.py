"""The public API and the `sitrep extract` JSON contract."""

from __future__ import annotations

import json
from pathlib import Path

import sitrep
from sitrep.records import json_schema, to_dict

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMA_FILE = Path(__file__).parent.parent / "docs" / "article.schema.json"

CONTRACT = {
    "article": {"id", "source", "title", "published", "body", "captions", "actors", "quotes", "events"},
    "actor": {"id", "name", "kind", "role", "affiliation", "country", "mentions"},
    "quote": {"id", "text", "kind", "speaker", "speaker_name", "cue", "spans"},
    "event": {"id", "category", "mode", "cameo", "actor", "target", "place", "origin", "date", "quantities",
              "status", "sentence", "span", "confidence"},
}


def test_api_public_names_are_pinned():
    assert sorted(sitrep.__all__) == sorted([
        "Actor", "Article", "E", "Event", "IngestReport", "Quote", "Settings", "SitrepError", "Store",
        "extract", "extract_text", "ingest", "load_settings", "open", "__version__",
    ])


def test_api_extract_contract_fields(runner):
    text = (FIXTURES / "corpus" / "harbour.txt").read_text()
    article = sitrep.extract_text(text)
    data = json.loads(json.dumps(to_dict(article)))
    assert CONTRACT["article"] <= set(data)
    assert "raw" not in data
    assert data["actors"], "the fixture names people and countries"
    for actor in data["actors"]:
        assert CONTRACT["actor"] <= set(actor)
        for start, end in actor["mentions"]:
            assert 0 <= start < end <= len(data["body"])
    for quote in data["quotes"]:
        assert CONTRACT["quote"] <= set(quote)
    for event in data["events"]:
        assert CONTRACT["event"] <= set(event)


def test_api_same_text_same_ids(runner):
    text = (FIXTURES / "corpus" / "second.txt").read_text()
    one, two = sitrep.extract_text(text), sitrep.extract_text(text + "\n\n")
    assert one.id == two.id
    assert [a.id for a in one.actors] == [a.id for a in two.actors]


def _without_empty_defaults(node):
    """pydantic >= 2.14 writes ``"default": []`` for fields built by a default factory; older ones don't."""
    if isinstance(node, dict):
        return {k: _without_empty_defaults(v) for k, v in node.items() if not (k == "default" and v in ([], {}))}
    if isinstance(node, list):
        return [_without_empty_defaults(v) for v in node]
    return node


def test_api_json_schema_file_is_current():
    on_file = json.loads(SCHEMA_FILE.read_text())
    current = json.loads(json.dumps(json_schema(), sort_keys=True))
    assert _without_empty_defaults(on_file) == _without_empty_defaults(current)
    assert on_file["$defs"]["Article"]["required"] == current["$defs"]["Article"]["required"]


def test_api_ingest_then_open(tmp_path, runner):
    db = tmp_path / "api.duckdb"
    report = sitrep.ingest([FIXTURES / "corpus"], db=db)
    assert report.added == 2
    assert any("empty.txt" in str(e) for e in report.errors)
    with sitrep.open(db) as store:
        assert len(store.articles()) == 2
