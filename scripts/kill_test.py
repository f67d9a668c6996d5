"""Kill -9 an ingest at random moments, resume, and compare row counts with a clean run.

    .venv/bin/python scripts/kill_test.py [--kills 20] [--corpus src/sitrep/data/demo]

Each trial runs `sitrep ingest` (the real pipeline, batches of 2 articles so there are
many transactions) into a fresh file, kills it with SIGKILL after a random delay, checks
the file is consistent (every stored article has all of its events, quotes and actors, no
row twice), runs the same ingest again to completion, and compares every table's row
count (and the merged event ids) with an ingest that was never interrupted.
Only the processes this script starts are killed, by their pid.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
# The CLI run from a frozen copy of the source (set up in main), so that edits others make to the
# shared tree during the test cannot change what the stages produce between two runs.
SITREP = [sys.executable, "-c", "from sitrep.cli import app; app()", "--set", "batch_size=2", "ingest"]
ENV = dict(os.environ)
TABLES = ("articles", "actors", "quotes", "events", "quantities", "mentions", "places", "article_minhash",
          "neardup_keys", "article_copies", "merged_events", "event_sources", "disagreements", "ledger")


def ingest(corpus: Path, db: Path, kill_after: float | None) -> bool:
    """Run one ingest; kill it after ``kill_after`` seconds. True when it was killed."""
    with subprocess.Popen([*SITREP, str(corpus), "--db", str(db)], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, env=ENV) as proc:
        if kill_after is None:
            proc.wait()
            return False
        try:
            proc.wait(timeout=kill_after)
            return False
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            return True


def consistent(db: Path) -> list[str]:
    """Problems found: articles whose stored rows differ from their record, duplicate rows."""
    if not db.exists():
        return []
    con = duckdb.connect(str(db), read_only=True)
    try:
        if not _has_schema(con):  # killed before the first migration committed: an empty, valid file
            return []
        problems = []
        for aid, record in con.execute("SELECT id, record FROM articles").fetchall():
            rec = json.loads(record)
            for table, key in (("events", "events"), ("quotes", "quotes"), ("actors", "actors")):
                n = con.execute(f"SELECT count(*) FROM {table} WHERE article_id = ?", [aid]).fetchone()[0]
                if n != len({x["id"] for x in rec[key]}):
                    problems.append(f"{aid}: {table} {n} != {len(rec[key])}")
        for table, key in (("articles", "id"), ("events", "id"), ("quotes", "id")):
            dup = con.execute(f"SELECT count(*) - count(DISTINCT {key}) FROM {table}").fetchone()[0]
            if dup:
                problems.append(f"{table}: {dup} duplicate rows")
        return problems
    finally:
        con.close()


def _has_schema(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'articles'").fetchone()[0])


def stored_articles(db: Path) -> int:
    """Articles in a (possibly killed) database file; 0 when it has no schema yet."""
    if not db.exists():
        return 0
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0] if _has_schema(con) else 0
    finally:
        con.close()


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        out["merged_ids"] = hash(tuple(r[0] for r in con.execute("SELECT id FROM merged_events ORDER BY id").fetchall()))
        return out
    finally:
        con.close()


def trial(corpus: Path, db: Path, delay: float, expected: dict[str, int]) -> tuple[bool, int, list[str]]:
    """Ingest into a fresh file, kill after ``delay``, check, resume: (killed, articles at kill, problems)."""
    db.unlink(missing_ok=True)
    Path(f"{db}.wal").unlink(missing_ok=True)
    was_killed = ingest(corpus, db, delay)
    problems = consistent(db)
    at_kill = stored_articles(db)
    ingest(corpus, db, None)
    got = counts(db)
    problems += [f"{t}: clean {expected[t]} resumed {got[t]}" for t in expected if expected[t] != got[t]]
    return was_killed, at_kill, problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--corpus", type=Path, default=ROOT / "src" / "sitrep" / "data" / "demo")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(ROOT / "src", Path(tmp) / "src", ignore=shutil.ignore_patterns("__pycache__"))
        ENV["PYTHONPATH"] = str(Path(tmp) / "src")
        clean_db, db = Path(tmp) / "clean.duckdb", Path(tmp) / "killed.duckdb"
        t0 = time.monotonic()
        ingest(args.corpus, clean_db, None)
        full = time.monotonic() - t0
        expected = counts(clean_db)
        killed, failures = 0, 0
        for i in range(args.kills):
            delay = rng.uniform(0.2, full)
            was_killed, at_kill, problems = trial(args.corpus, db, delay, expected)
            killed += was_killed
            failures += bool(problems)
            print(f"trial {i + 1:2d}: {'killed' if was_killed else 'finished'} at {delay:.2f}s with {at_kill:2d} "
                  f"articles stored; after resume: {'same as clean run' if not problems else problems}")
    print(f"clean run {full:.1f}s: " + ", ".join(f"{n} {t}" for t, n in expected.items() if t != "merged_ids"))
    print(f"{killed} of {args.kills} ingests killed mid-run; {failures} trials differ from the clean run")
    print("PASS" if failures == 0 else "FAIL")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
