"""Shared fixtures: the real spaCy pipeline, loaded once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.nlp import load_model, resolve_model_name
from sitrep.pipeline import Context, Runner
from sitrep.schema import Article
from sitrep.ids import article_id
from sitrep.settings import Settings
from sitrep.store import Store


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def nlp(settings: Settings):
    return load_model(resolve_model_name(settings))


@pytest.fixture(scope="session")
def runner(settings: Settings, nlp) -> Runner:
    r = Runner(settings)
    r._nlp = nlp
    return r


@pytest.fixture
def make_ctx(settings: Settings, nlp):
    """Build (article, ctx) for a body text, parsed with the real pipeline."""

    def _make(body: str, published: str | None = "2022-02-02") -> tuple[Article, Context]:
        art = Article(id=article_id(body), source="<test>", raw=body, body=body, language="en", published=published)
        ctx = Context(settings=settings, nlp=nlp, doc=nlp(body))
        return art, ctx

    return _make


MERGE_REPORTS = Path(__file__).parent / "fixtures" / "merge" / "reports.jsonl"


def merge_report_articles() -> list[Article]:
    """The hand-written merge set (tests/fixtures/merge) as stored-ready article records."""
    from sitrep.eval.merge import report_article

    rows = [json.loads(line) for line in MERGE_REPORTS.read_text().splitlines() if line.strip()]
    return [report_article(r) for r in rows]


@pytest.fixture(scope="module")
def merged_store():
    """An in-memory store holding the merge set, refreshed (merged events, ledger, ...)."""
    with Store(":memory:") as s:
        s.write_batch(merge_report_articles())
        s.refresh()
        yield s
