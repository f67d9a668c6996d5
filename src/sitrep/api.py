"""The library's front door: extract records from inputs, ingest them into a store.

The CLI, the web UI and workers call these; each is a few numbered steps over the
readers, the stage runner and the store.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .errors import SitrepError
from .ids import article_id
from .ingest import read_inputs
from .pipeline import Outcome, Runner, stage_table
from .schema import Article
from .settings import Settings
from .store import Store
from .workers import process

OnOutcome = Callable[[Outcome], None]


def extract(paths: Iterable[str | Path], settings: Settings | None = None) -> Iterator[Outcome]:
    """Read and process inputs; yields one Outcome (article or error) per input."""
    settings = settings or Settings()
    yield from process(read_inputs(paths, settings), settings)


def extract_text(text: str, settings: Settings | None = None, source: str = "<text>", fmt: str = "text") -> Article:
    """Process one text (or HTML string) and return its record; raises SitrepError on bad input."""
    settings = settings or Settings()
    art = Article(id=article_id(text), source=source, format=fmt, raw=text)
    outcome = next(Runner(settings).run([art]))
    if outcome.error:
        raise outcome.error
    assert outcome.article is not None
    return outcome.article


@dataclass
class IngestReport:
    """What an ingest did: counts and the per-input errors."""

    db: str
    run_id: str
    added: int = 0
    unchanged: int = 0
    errors: list[SitrepError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def ingest(
    paths: Iterable[str | Path], settings: Settings | None = None, db: str | Path | None = None,
    on_outcome: OnOutcome | None = None,
) -> IngestReport:
    """Read, extract and store; articles already stored are skipped before any parsing.

    The database file is opened only to write each batch (one transaction) and, at the end,
    to rebuild what is derived across articles, so readers can open it in between. A killed
    ingest leaves whole batches; running it again adds the rest and rebuilds."""
    settings = settings or Settings()
    db_path = str(db or settings.db)
    report = IngestReport(db=db_path, run_id=uuid.uuid4().hex[:12])
    started = datetime.now(timezone.utc).replace(tzinfo=None)
    inputs = [str(p) for p in paths]
    # 1. what is stored already; 2. read, dropping it; 3. run the stages; 4. write per batch
    with Store(db_path) as store:
        stored = store.article_ids()
    fresh = _skip_stored(read_inputs(inputs, settings), stored, report)
    batch: list[Article] = []
    for outcome in process(fresh, settings):
        if on_outcome:
            on_outcome(outcome)
        if outcome.error:
            report.errors.append(outcome.error)
            continue
        assert outcome.article is not None
        report.notes.extend(n if outcome.source in n else f"{outcome.source}: {n}" for n in outcome.article.notes)
        batch.append(outcome.article)
        if len(batch) >= settings.batch_size:
            report.added += _write(db_path, batch, report.run_id)
            batch = []
    report.added += _write(db_path, batch, report.run_id)
    # 5. rebuild copies, merged events, disagreements, ledger; record the run
    with Store(db_path) as store:
        store.refresh()
        store.record_run({
            "run_id": report.run_id, "started": started,
            "finished": datetime.now(timezone.utc).replace(tzinfo=None),
            "stages": stage_table(), "inputs": inputs, "added": report.added,
            "unchanged": report.unchanged, "failed": len(report.errors),
        })
    return report


def _write(db_path: str, batch: list[Article], run_id: str) -> int:
    if not batch:
        return 0
    with Store(db_path) as store:
        return store.write_batch(batch, run_id)


def _skip_stored(items: Iterable[Article | SitrepError], stored: set[str], report: IngestReport,
                 ) -> Iterator[Article | SitrepError]:
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Article) and (item.id in seen or item.id in stored):
            report.unchanged += 1
            continue
        if isinstance(item, Article):
            seen.add(item.id)
        yield item
