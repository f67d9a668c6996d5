"""The CLI end to end, in-process (Typer's runner), on real files and a real DuckDB file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
cli = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = cli.invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_cli_extract_json_and_error_for_bad_input(runner):
    code, stdout, stderr = run("extract", str(FIXTURES / "corpus"), "--format", "json")
    records = json.loads(stdout)
    assert code == 0 and len(records) == 2
    assert {r["title"] for r in records} >= {"Germany Moves Troops East"}
    assert "empty.txt" in stderr and "E102" in stderr


def test_cli_extract_jsonl(runner):
    code, stdout, _ = run("extract", str(FIXTURES / "corpus" / "second.txt"), "--format", "jsonl")
    lines = stdout.strip().splitlines()
    assert code == 0 and len(lines) == 1 and json.loads(lines[0])["body"]


def test_cli_ingest_twice_changes_nothing_then_show(tmp_path, runner):
    db = str(tmp_path / "c.duckdb")
    code, stdout, _ = run("ingest", str(FIXTURES / "corpus"), "--db", db)
    assert code == 0 and "2 articles added" in stdout and "1 failed" in stdout
    code, stdout, _ = run("ingest", str(FIXTURES / "corpus"), "--db", db)
    assert "0 articles added, 2 already stored" in stdout
    for what in ("articles", "events", "quotes", "actors"):
        code, stdout, _ = run("show", what, "--db", db)
        assert code == 0 and what in stdout
    _, stdout, _ = run("show", "articles", "--db", db)
    assert "Harbour Talks" in stdout


def test_cli_show_unknown_article_names_it(tmp_path, runner):
    db = str(tmp_path / "c.duckdb")
    run("ingest", str(FIXTURES / "corpus" / "second.txt"), "--db", db)
    code, _, stderr = run("show", "ffffffffffff", "--db", db)
    assert code == 1 and "ffffffffffff" in stderr


def test_cli_export_formats(tmp_path, runner):
    db = str(tmp_path / "c.duckdb")
    run("ingest", str(FIXTURES / "corpus"), "--db", db)
    code, stdout, _ = run("export", "jsonl", "--out", str(tmp_path / "a.jsonl"), "--db", db)
    assert code == 0 and len((tmp_path / "a.jsonl").read_text().splitlines()) == 2
    code, _, _ = run("export", "csv", "--table", "articles", "--out", str(tmp_path / "a.csv"), "--db", db)
    assert code == 0 and "Germany Moves Troops East" in (tmp_path / "a.csv").read_text()
    code, _, stderr = run("export", "xml", "--out", str(tmp_path / "a.xml"), "--db", db)
    assert code == 1 and "E701" in stderr


def test_cli_demo_on_fresh_database(tmp_path, runner):
    db = str(tmp_path / "demo.duckdb")
    code, stdout, stderr = run("demo", "--db", db)
    assert code == 0, stderr
    assert "events per category" in stdout and "top speakers" in stdout and "troop numbers" in stdout
    assert "E102" in stderr or "E102" in stdout  # the demo's empty file is reported, not fatal
    assert "articles added" in stdout


def test_cli_eval_seed_json_on_own_fixture(runner):
    code, stdout, _ = run("eval", "seed", "--data", str(FIXTURES / "eval_seed"), "--json")
    result = json.loads(stdout)
    assert code == 0
    assert {"precision", "recall", "f1", "n"} <= set(result)
    assert result["sections"]["cleaning"]["n"] == 3  # title, date, one must-keep passage
    assert result["n"] == 3 + 1 + 1 + 1 + 0


def test_cli_eval_missing_gold_is_clear(tmp_path):
    code, _, stderr = run("eval", "seed", "--data", str(tmp_path))
    assert code == 1 and "E801" in stderr


@pytest.mark.parametrize("cmd", ["stages", "settings"])
def test_cli_introspection_commands(cmd):
    code, stdout, _ = run(cmd)
    assert code == 0 and ("clean" in stdout or "batch_size" in stdout)
