"""Helpers shared by the quote test files: run actors + quotes on a body, pick a quote, read its source."""

from __future__ import annotations

from sitrep import actors, quotes
from sitrep.schema import Quote


def run_quotes(make_ctx, body: str) -> list[Quote]:
    """The quotes of ``body`` after the actors stage, with the real pipeline."""
    art, ctx = make_ctx(body)
    actors.run(art, ctx)
    quotes.run(art, ctx)
    return art.quotes


def quote_with(found: list[Quote], words: str) -> Quote:
    """The one quote whose text holds ``words`` (fails, listing them all, when not exactly one)."""
    hits = [q for q in found if words in q.text]
    assert len(hits) == 1, [(q.kind, q.text, q.cue) for q in found]
    return hits[0]


def source_of(body: str, q: Quote) -> str | None:
    """The text of a quote's speaker span."""
    return body[q.speaker_span[0] : q.speaker_span[1]] if q.speaker_span else None
