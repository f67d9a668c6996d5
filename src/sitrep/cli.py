"""The ``sitrep`` command: thin wrappers that parse options, call the library, print with Rich."""

from __future__ import annotations

import dataclasses
import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any, Optional

import typer
from rich.console import Console
from rich.table import Table

from . import api, summary
from .errors import SitrepError
from .export import FORMATS, export as export_store
from .pipeline import stage_table
from .records import to_dict, to_json
from .settings import Settings, load_settings, settings_help
from .store import Store

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_show_locals=False, help="sitrep: raw news to a structured record.")
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


@app.callback()
def main(
    ctx: typer.Context,
    config: Optional[Path] = typer.Option(None, help="TOML settings file (default: ./sitrep.toml)"),
    set_: list[str] = typer.Option([], "--set", help="Override a setting: name=value (repeatable)"),
) -> None:
    """Global options shared by every command."""
    try:
        ctx.obj = load_settings(config, set_)
    except SitrepError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc


def _settings(ctx: typer.Context, db: Optional[str] = None) -> Settings:
    settings: Settings = ctx.obj or Settings()
    return dataclasses.replace(settings, db=db) if db else settings


def _report_error(exc: SitrepError) -> None:
    err.print(f"[yellow]{exc}[/yellow]", highlight=False)


@app.command()
def extract(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., help="Files or folders (.txt .html .jsonl .csv, .gz)"),
    format: str = typer.Option("json", "--format", "-f", help="json (one array) or jsonl"),
) -> None:
    """Print the extracted records as JSON (nothing is stored)."""
    records, failed = [], 0
    for outcome in api.extract(paths, _settings(ctx)):
        if outcome.error:
            failed += 1
            _report_error(outcome.error)
        elif format == "jsonl":
            sys.stdout.write(to_json(outcome.article) + "\n")
        else:
            records.append(to_dict(outcome.article))
    if format != "jsonl":
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    if failed and not records and format != "jsonl":
        raise typer.Exit(1)


@app.command()
def ingest(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., help="Files or folders to read"),
    db: Optional[str] = typer.Option(None, help="DuckDB file (default: setting db)"),
    workers: Optional[int] = typer.Option(None, help="Worker processes (default: setting workers)"),
) -> None:
    """Read, extract and store; prints counts and per-input errors."""
    settings = _settings(ctx, db)
    if workers:
        settings = dataclasses.replace(settings, workers=workers)
    report = _ingest_with_progress(paths, settings)
    _print_report(report)


def _ingest_with_progress(paths: list[Path], settings: Settings) -> api.IngestReport:
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} inputs"),
               TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("extracting", total=None)
        return api.ingest(paths, settings, on_outcome=lambda _o: progress.advance(task))


def _print_report(report: api.IngestReport) -> None:
    out.print(f"[bold]{report.db}[/bold]: {report.added} articles added, "
              f"{report.unchanged} already stored, {len(report.errors)} failed")
    for exc in report.errors:
        _report_error(exc)
    for note in report.notes:
        err.print(f"[dim]{note}[/dim]", highlight=False)


def _table(rows: list[dict[str, Any]], columns: list[str], title: str) -> Table:
    table = Table(title=title, show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*["" if row.get(c) is None else str(row.get(c)) for c in columns])
    return table


SHOW_COLUMNS = {
    "events": ["date_value", "category", "actor_name", "target_name", "place_name", "quantities", "status",
               "article_id"],
    "quotes": ["speaker_name", "kind", "text", "article_id"],
    "actors": ["name", "kind", "role", "affiliation", "country", "articles", "mentions"],
    "articles": ["id", "published", "language", "title", "source"],
    "merged": ["id", "date_start", "category", "actor_country", "target_country", "place_name", "quantity",
               "status", "n_reports", "n_sources", "n_disagreements"],
}
QUERY_COLUMNS = {
    "events": SHOW_COLUMNS["merged"],
    "reports": ["id", "date_value", "category", "actor_name", "target_name", "place_name", "status", "outlet",
                "sentence"],
    "quotes": ["published", "outlet", "speaker_name", "kind", "text"],
    "actors": ["name", "kind", "country", "role", "affiliation", "articles", "mentions"],
}


@app.command()
def show(
    ctx: typer.Context,
    what: str = typer.Argument(..., help="events | quotes | actors | articles | merged | disagreements | "
                                         "event ID | an article id (or prefix)"),
    ident: Optional[str] = typer.Argument(None, help="with 'event': the merged event id (or prefix)"),
    db: Optional[str] = typer.Option(None, help="DuckDB file (default: setting db)"),
) -> None:
    """Readable tables of what is stored; `show event ID` explains why reports were merged."""
    try:
        with Store(_settings(ctx, db).db, read_only=True) as store:
            if what == "event":
                summary.print_event(out, store.event(ident or ""))
            elif what == "disagreements":
                summary.print_disagreements(out, store.disagreements())
            elif what in SHOW_COLUMNS:
                out.print(_table(getattr(store, what)(), SHOW_COLUMNS[what], what))
            else:
                summary.print_article(out, store.article(what))
    except SitrepError as exc:
        _report_error(exc)
        raise typer.Exit(1) from exc


@app.command()
def query(
    ctx: typer.Context,
    kind: str = typer.Argument(..., help="events (merged) | reports (one per sentence) | quotes | actors"),
    actor: Optional[str] = typer.Option(None, help="actor country code or name"),
    target: Optional[str] = typer.Option(None, help="target country code or name"),
    category: Optional[str] = typer.Option(None, help="PLOVER category, e.g. MOBILIZE"),
    place: Optional[str] = typer.Option(None, help="place name or country code"),
    since: Optional[str] = typer.Option(None, help="from this ISO date"),
    until: Optional[str] = typer.Option(None, help="up to this ISO date"),
    speaker: Optional[str] = typer.Option(None, help="quotes: speaker name contains"),
    text: Optional[str] = typer.Option(None, help="quotes/reports: every word appears in the text"),
    name: Optional[str] = typer.Option(None, help="actors: name contains"),
    limit: int = typer.Option(100, help="at most this many rows (0: all)"),
    as_json: bool = typer.Option(False, "--json", help="Print JSON lines instead of a table"),
    db: Optional[str] = typer.Option(None, help="DuckDB file (default: setting db)"),
) -> None:
    """Filtered events, quotes or actors, as a table or JSON."""
    filters = {"actor": actor, "target": target, "category": category, "place": place, "since": since,
               "until": until, "speaker": speaker, "text": text, "name": name}
    try:
        with Store(_settings(ctx, db).db, read_only=True) as store:
            rows = store.find(kind, limit=limit or None, **{k: v for k, v in filters.items() if v})
    except SitrepError as exc:
        _report_error(exc)
        raise typer.Exit(1) from exc
    if as_json:
        sys.stdout.writelines(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows)
    else:
        summary.print_rows(out, rows, kind, QUERY_COLUMNS.get(kind))


@app.command()
def ledger(
    ctx: typer.Context,
    actor: Optional[str] = typer.Option(None, help="actor country code, e.g. US"),
    place: Optional[str] = typer.Option(None, help="place country code or name, e.g. PL"),
    as_json: bool = typer.Option(False, "--json", help="Print JSON lines instead of tables"),
    db: Optional[str] = typer.Option(None, help="DuckDB file (default: setting db)"),
) -> None:
    """The force-posture ledger: troop movements per place over time, with every source."""
    try:
        with Store(_settings(ctx, db).db, read_only=True) as store:
            rows = store.ledger(actor, place)
    except SitrepError as exc:
        _report_error(exc)
        raise typer.Exit(1) from exc
    if as_json:
        sys.stdout.writelines(json.dumps({**r, "sources": json.loads(r["sources"])}, ensure_ascii=False,
                                         default=str) + "\n" for r in rows)
    else:
        summary.print_ledger(out, rows)


@app.command()
def refresh(
    ctx: typer.Context,
    db: Optional[str] = typer.Option(None, help="DuckDB file (default: setting db)"),
    full: bool = typer.Option(False, "--full", help="Rebuild from every article, not only the new ones"),
) -> None:
    """Bring copies, merged events, disagreements and the ledger up to date with what is stored."""
    try:
        with Store(_settings(ctx, db).db) as store:
            store.refresh(force=True, full=full)
            counts = store.counts(("articles", "events", "article_copies", "merged_events", "disagreements",
                                   "ledger"))
    except SitrepError as exc:
        _report_error(exc)
        raise typer.Exit(1) from exc
    out.print(", ".join(f"{n} {t}" for t, n in counts.items()))


@app.command("eval")
def eval_(
    ctx: typer.Context,
    task: str = typer.Argument(..., help="seed | cleaning | quotes | events | dates | quantities | merge | actors (merge, actors: gold ships with sitrep)"),
    data: Path = typer.Option(Path("../shared"), help="Folder holding the gold data"),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object"),
) -> None:
    """Score an extractor against gold data: precision, recall, F1."""
    from .eval import evaluate

    try:
        result = evaluate(task, data, _settings(ctx))
    except SitrepError as exc:
        _report_error(exc)
        raise typer.Exit(1) from exc
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    else:
        summary.print_scores(out, result)


@app.command()
def demo(
    ctx: typer.Context,
    db: str = typer.Option("sitrep-demo.duckdb", help="Database to create (replaced if it exists)"),
) -> None:
    """Ingest the bundled demo corpus into a fresh database and summarise it."""
    path = Path(db)
    for stale in (path, Path(db + ".wal")):
        stale.unlink(missing_ok=True)
    corpus = resources.files("sitrep.data").joinpath("demo")
    with resources.as_file(corpus) as folder:
        report = _ingest_with_progress([Path(folder)], _settings(ctx, db))
    _print_report(report)
    with Store(db, read_only=True) as store:
        summary.print_demo(out, store)


@app.command()
def export(
    ctx: typer.Context,
    fmt: str = typer.Argument(..., help=" | ".join(FORMATS)),
    out_path: Path = typer.Option(..., "--out", help="File to write"),
    table: Optional[str] = typer.Option(None, help="Table for csv/parquet/sqlite (default: events; sqlite: all)"),
    db: Optional[str] = typer.Option(None, help="DuckDB file (default: setting db)"),
) -> None:
    """Export the store: jsonl records, csv/parquet tables, geojson, graphml/gexf network, plover, sqlite."""
    try:
        with Store(_settings(ctx, db).db, read_only=True) as store:
            n = export_store(store, fmt, out_path, table)
    except SitrepError as exc:
        _report_error(exc)
        raise typer.Exit(1) from exc
    out.print(f"wrote {n} records to {out_path}")


@app.command()
def stages() -> None:
    """The stage registry: what each stage requires and assigns."""
    rows = [{**s, "requires": ", ".join(s["requires"]), "assigns": ", ".join(s["assigns"])} for s in stage_table()]
    out.print(_table(rows, ["name", "version", "requires", "assigns"], "stages"))


@app.command("settings")
def settings_cmd(ctx: typer.Context) -> None:
    """Every setting with its current value and help."""
    current = _settings(ctx)
    rows = [{"name": n, "value": getattr(current, n), "default": d, "help": h} for n, d, h in settings_help()]
    out.print(_table(rows, ["name", "value", "default", "help"], "settings"))
