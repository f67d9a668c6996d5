"""The CLI over the record across articles: show event/disagreements, query, ledger, refresh, exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.eval.merge import report_article
from sitrep.store import Store

FIXTURE = Path(__file__).parent / "fixtures" / "merge" / "reports.jsonl"
cli = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = cli.invoke(app, list(args), env={"COLUMNS": "300"})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "record.duckdb")
    rows = [json.loads(line) for line in FIXTURE.read_text().splitlines() if line.strip()]
    with Store(path) as store:
        store.write_batch([report_article(r) for r in rows])
        store.refresh()
    return path


def test_cli_query_events_json_then_show_event_explains(db):
    code, stdout, _ = run("query", "events", "--category", "MOBILIZE", "--place", "RO", "--actor", "US", "--json",
                          "--db", db)
    rows = [json.loads(line) for line in stdout.splitlines()]
    assert code == 0 and max(r["n_sources"] for r in rows) == 4
    best = max(rows, key=lambda r: r["n_sources"])
    code, stdout, _ = run("show", "event", best["id"][:8], "--db", db)
    assert code == 0 and "why these reports were joined" in stdout and "same actor US" in stdout
    assert "where the reports differ" in stdout


def test_cli_show_disagreements_and_unknown_event(db):
    code, stdout, _ = run("show", "disagreements", "--db", db)
    assert code == 0 and "number" in stdout and "2500" in stdout
    code, _, stderr = run("show", "event", "M-nothing", "--db", db)
    assert code == 1 and "E604" in stderr


def test_cli_ledger_and_query_errors(db):
    code, stdout, _ = run("ledger", "--actor", "US", "--place", "PL", "--json", "--db", db)
    rows = [json.loads(line) for line in stdout.splitlines()]
    assert code == 0 and rows and all(r["place_country"] == "PL" and r["sources"] for r in rows)
    code, stdout, _ = run("ledger", "--place", "Romania", "--db", db)
    assert code == 0 and "Romania (RO)" in stdout
    code, _, stderr = run("query", "battles", "--db", db)
    assert code == 1 and "E603" in stderr


def test_cli_refresh_and_export_geojson(db, tmp_path):
    code, stdout, _ = run("refresh", "--db", db)
    assert code == 0 and "54 merged_events" in stdout  # 53 groups; one straddles a merge-block boundary
    code, full, _ = run("refresh", "--full", "--db", db)
    assert code == 0 and full == stdout
    code, stdout, _ = run("export", "geojson", "--out", str(tmp_path / "e.geojson"), "--db", db)
    assert code == 0 and json.loads((tmp_path / "e.geojson").read_text())["features"]
