"""Helpers shared by the CAMEO-view test files: the whole pipeline with the verb dictionary alone."""

from __future__ import annotations

from sitrep.events import classify
from sitrep.ids import article_id
from sitrep.schema import Article


def dictionary_events(runner, text: str) -> Article:
    """The whole per-article pipeline (actors and quotes stages too), with the verb dictionary
    alone (no pair classifier)."""
    art = Article(id=article_id(text), source="<test>", raw=text)
    with classify.using(None):
        outcome = next(runner.run([art]))
    assert outcome.error is None and outcome.article is not None
    return outcome.article


def cameo_roots(art: Article) -> set[tuple[str, str, str]]:
    """(source, target, CAMEO root) of every triple of the CAMEO view of an article."""
    from sitrep.events.cameo import cameo_triples

    return {(t.source, t.target, t.code[:2]) for t in cameo_triples(art)}
