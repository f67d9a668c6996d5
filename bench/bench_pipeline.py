"""Benchmark: the full sitrep pipeline against raw spaCy on the same cleaned texts.

Usage::

    python bench/bench_pipeline.py [--n 200] [--batch-size 32] [--corpus DIR] [--json]

Steps: 1. build N input files in a temp folder from the demo corpus (copies get shifted
figures and an edition marker, so every copy has its own id); 2. load the model and warm
up every stage on the untouched corpus; 3. time ``read_inputs`` + ``Runner.run`` over the
folder, with each stage timed on its own; 4. time raw ``nlp.pipe`` over exactly the texts
the parse stage received; 5. print the numbers (a table, or one JSON line with --json).

Benchmarks print numbers; nothing here is asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import tempfile
import time
import types
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sitrep
from sitrep import parse as parse_stage
from sitrep.ingest import read_inputs
from sitrep.pipeline import STAGES, Runner
from sitrep.schema import Article
from sitrep.settings import Settings, load_settings

DEMO_DIR = Path(sitrep.__file__).parent / "data" / "demo"
TEMPLATE_SUFFIXES = (".txt", ".html", ".htm")
# Figures with a thousands separator ("1,200"): shifted in copies so bodies differ a little.
_FIGURE = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")
_MAX_ERRORS_SHOWN = 5
# Stages not yet written carry version "0" (see the placeholder modules in src/sitrep).
PLACEHOLDER_VERSION = "0"


@dataclass
class Template:
    """One demo article to copy: how it is stored and its raw content."""

    kind: str  # "file" (.txt/.html) or "jsonl" (a record)
    suffix: str
    content: str
    record: dict[str, Any] = field(default_factory=dict)


@dataclass
class Timings:
    """Seconds spent in each phase of the sitrep run, and in each non-parse stage."""

    read: float = 0.0
    run: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)


def load_templates(corpus: Path) -> list[Template]:
    """Every readable article of the corpus folder; empty and binary files are left out."""
    templates: list[Template] = []
    for path in sorted(corpus.iterdir()):
        data = path.read_bytes()
        if not data.strip() or b"\x00" in data:
            continue
        if path.suffix in TEMPLATE_SUFFIXES:
            templates.append(Template("file", path.suffix, data.decode("utf-8")))
        elif path.suffix == ".jsonl":
            for line in data.decode("utf-8").splitlines():
                if line.strip():
                    templates.append(Template("jsonl", ".jsonl", "", json.loads(line)))
    if not templates:
        sys.exit(f"no .txt/.html/.jsonl articles found in {corpus}")
    return templates


def vary(text: str, copy: int) -> str:
    """The text with every thousands figure shifted by ``copy * 10`` (copy 0 is unchanged)."""
    if copy == 0:
        return text

    def shift(m: re.Match[str]) -> str:
        return f"{int(m.group().replace(',', '')) + copy * 10:,}"

    return _FIGURE.sub(shift, text)


def render(template: Template, copy: int) -> str:
    """File content (or one JSONL line) for copy number ``copy`` of a template."""
    if template.kind == "jsonl":
        record = dict(template.record)
        record["text"] = vary(record["text"], copy) + (f"\n\nEdition {copy}." if copy else "")
        if copy and record.get("url"):
            record["url"] = f"{record['url']}?edition={copy}"
        return json.dumps(record, ensure_ascii=False)
    body = vary(template.content, copy)
    if not copy:
        return body
    if template.suffix == ".txt":
        return f"Edition {copy}\n{body}"
    return body.replace("<head>", f'<head>\n<meta name="edition" content="{copy}">', 1)


def build_inputs(templates: list[Template], n: int, folder: Path) -> None:
    """Write ``n`` articles into ``folder``: one file per page copy, one JSONL for records."""
    lines: list[str] = []
    for i in range(n):
        template, copy = templates[i % len(templates)], i // len(templates)
        if template.kind == "jsonl":
            lines.append(render(template, copy))
        else:
            (folder / f"a{i:06d}{template.suffix}").write_text(render(template, copy), encoding="utf-8")
    if lines:
        (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed_stages(totals: dict[str, float]) -> tuple[Any, ...]:
    """The registered stages, each wrapped so its ``run`` time adds up in ``totals``."""

    def wrap(run: Callable[..., None], name: str) -> Callable[..., None]:
        def timed_run(article: Article, ctx: Any) -> None:
            start = time.perf_counter()
            try:
                run(article, ctx)
            finally:
                totals[name] = totals.get(name, 0.0) + time.perf_counter() - start

        return timed_run

    wrapped: list[Any] = []
    for stage in STAGES:
        if stage.NAME == parse_stage.NAME:  # batched by the runner through nlp.pipe
            wrapped.append(stage)
            continue
        wrapped.append(types.SimpleNamespace(
            NAME=stage.NAME, VERSION=stage.VERSION, REQUIRES=stage.REQUIRES,
            ASSIGNS=stage.ASSIGNS, run=wrap(stage.run, stage.NAME),
        ))
    return tuple(wrapped)


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (ru_maxrss is kB on Linux)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


def run_sitrep(runner: Runner, folder: Path, timings: Timings) -> tuple[list[Article], Counter[str], list[str]]:
    """Read the folder and run every stage; the articles, error counts by code, first messages."""
    start = time.perf_counter()
    items = list(read_inputs([folder], runner.settings))
    timings.read = time.perf_counter() - start
    articles: list[Article] = []
    errors: Counter[str] = Counter()
    messages: list[str] = []
    start = time.perf_counter()
    for outcome in runner.run(items):
        if outcome.article is not None:
            articles.append(outcome.article)
        elif outcome.error is not None:
            errors[outcome.error.code.name] += 1
            if len(messages) < _MAX_ERRORS_SHOWN:
                messages.append(outcome.error.message)
    timings.run = time.perf_counter() - start
    return articles, errors, messages


def run_raw_spacy(nlp: Any, texts: list[str], batch_size: int) -> float:
    """Seconds for raw ``nlp.pipe`` over ``texts`` (every Doc is consumed, nothing kept)."""
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def warm_up(runner: Runner, templates: list[Template], batch_size: int) -> None:
    """Load the model and every stage's data once, outside the timed runs."""
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-warm-") as tmp:
        build_inputs(templates, len(templates), Path(tmp))
        articles = [o.article for o in runner.run(read_inputs([tmp], runner.settings)) if o.article]
    texts = [parse_stage.text_for(a, runner.settings) for a in articles if parse_stage.wants_parse(a)]
    run_raw_spacy(runner.nlp, texts, batch_size)


def measure(args: argparse.Namespace, settings: Settings) -> dict[str, Any]:
    """Run both benchmarks once and return every number as a flat dict."""
    templates = load_templates(Path(args.corpus))
    totals: dict[str, float] = {}
    runner = Runner(settings, stages=timed_stages(totals))
    rss_start = peak_rss_mb()
    warm_up(runner, templates, settings.batch_size)
    rss_model = peak_rss_mb()
    totals.clear()
    timings = Timings(stages=totals)
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        build_inputs(templates, args.n, Path(tmp))
        articles, errors, messages = run_sitrep(runner, Path(tmp), timings)
    rss_sitrep = peak_rss_mb()
    parsed = [parse_stage.text_for(a, settings) for a in articles if parse_stage.wants_parse(a)]
    raw_seconds = run_raw_spacy(runner.nlp, parsed, settings.batch_size)
    return summarise(args, settings, articles, parsed, timings, raw_seconds, errors, messages,
                     {"start": rss_start, "model": rss_model, "sitrep": rss_sitrep, "end": peak_rss_mb()})


def summarise(args: argparse.Namespace, settings: Settings, articles: list[Article], parsed: list[str],
              timings: Timings, raw_seconds: float, errors: Counter[str], messages: list[str],
              rss: dict[str, float]) -> dict[str, Any]:
    """The flat dict of results: throughput, overhead, memory, stage versions and times, errors."""
    sitrep_seconds = timings.read + timings.run
    words_parsed = sum(len(t.split()) for t in parsed)
    words_body = sum(len(a.body.split()) for a in articles)
    stage_seconds = {name: round(sec, 4) for name, sec in timings.stages.items()}
    stage_seconds["parse (nlp.pipe)"] = round(timings.run - sum(timings.stages.values()), 4)
    versions: dict[str, str] = {}
    for art in articles:  # union over articles: a non-English one has no parse version
        versions.update(art.stages)
    return {
        "n_requested": args.n, "batch_size": settings.batch_size, "model": versions.get("parse"),
        "articles": len(articles), "articles_parsed": len(parsed), "errors": dict(errors),
        "error_samples": messages, "words_body": words_body, "words_parsed": words_parsed,
        "read_s": round(timings.read, 4), "run_s": round(timings.run, 4),
        "sitrep_s": round(sitrep_seconds, 4), "spacy_s": round(raw_seconds, 4),
        "sitrep_articles_per_s": round(len(articles) / sitrep_seconds, 2) if sitrep_seconds else None,
        "sitrep_words_per_s": round(words_parsed / sitrep_seconds, 1) if sitrep_seconds else None,
        "spacy_words_per_s": round(words_parsed / raw_seconds, 1) if raw_seconds else None,
        "ratio_sitrep_over_spacy": round(sitrep_seconds / raw_seconds, 3) if raw_seconds else None,
        "overhead_pct": round((sitrep_seconds / raw_seconds - 1) * 100, 1) if raw_seconds else None,
        "peak_rss_mb": {k: round(v, 1) for k, v in rss.items()},
        "stage_seconds": stage_seconds, "stage_versions": versions,
    }


def print_table(result: dict[str, Any]) -> None:
    """The results as Rich tables (plain lines when Rich is missing)."""
    rows = [
        ("articles out / requested", f"{result['articles']} / {result['n_requested']}"),
        ("articles parsed (English)", str(result["articles_parsed"])),
        ("words parsed (cleaned bodies)", f"{result['words_parsed']:,}"),
        ("sitrep time (read + stages)", f"{result['sitrep_s']:.2f} s  ({result['read_s']:.2f} + {result['run_s']:.2f})"),
        ("sitrep articles/s", f"{result['sitrep_articles_per_s']}"),
        ("sitrep words/s", f"{result['sitrep_words_per_s']:,}"),
        ("raw spaCy nlp.pipe words/s", f"{result['spacy_words_per_s']:,}"),
        ("sitrep / raw spaCy time", f"{result['ratio_sitrep_over_spacy']}  ({result['overhead_pct']:+.1f} %)"),
        ("peak RSS after model+warm-up", f"{result['peak_rss_mb']['model']:.0f} MB"),
        ("peak RSS after sitrep run", f"{result['peak_rss_mb']['sitrep']:.0f} MB"),
        ("batch size / model", f"{result['batch_size']} / {result['model']}"),
        ("errors", ", ".join(f"{k}: {v}" for k, v in result["errors"].items()) or "none"),
    ]
    stages = [(name, f"{sec:.3f} s", result["stage_versions"].get(name.split()[0], "-"))
              for name, sec in result["stage_seconds"].items()]
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        for label, value in rows + [(n, f"{s} (v{v})") for n, s, v in stages]:
            print(f"{label:34} {value}")
    else:
        main = Table("measure", "value", title="sitrep pipeline benchmark")
        for label, value in rows:
            main.add_row(label, value)
        per_stage = Table("stage", "time", "version", title="time per stage")
        for row in stages:
            per_stage.add_row(*row)
        Console().print(main, per_stage)
    placeholders = [name for name, version in result["stage_versions"].items() if version == PLACEHOLDER_VERSION]
    if placeholders:
        print(f"note: placeholder stages (version {PLACEHOLDER_VERSION}) make the ratio optimistic: {', '.join(placeholders)}")
    for message in result["error_samples"]:
        print(f"  {message}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200, help="articles to generate (default 200)")
    parser.add_argument("--batch-size", type=int, default=None,
                        help="articles per spaCy batch, for sitrep and raw spaCy (default: the setting, 32)")
    parser.add_argument("--corpus", default=str(DEMO_DIR), help="folder of articles to copy (default: the demo corpus)")
    parser.add_argument("--set", dest="overrides", action="append", default=[], metavar="NAME=VALUE",
                        help="any other sitrep setting, repeatable")
    parser.add_argument("--json", action="store_true", help="print one JSON line instead of tables")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print its results."""
    args = parse_args(argv)
    overrides = list(args.overrides)
    if args.batch_size is not None:
        overrides.append(f"batch_size={args.batch_size}")
    result = measure(args, load_settings(None, overrides))
    if args.json:
        print(json.dumps(result))
    else:
        print_table(result)


if __name__ == "__main__":
    main()
