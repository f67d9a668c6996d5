"""Helpers shared by the quote test files: run actors + quotes on a body, pick a quote, read its source."""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class Said:
    """A hand-written sentence and who says what in it: the one quote holding ``words``, its cue
    and its speaker (exactly ``source``, starting with ``starts``, holding ``has``, or none when
    ``silent``). Fields left as None are not checked."""

    name: str
    body: str
    words: str
    cue: str | None = None
    source: str | None = None
    starts: str | None = None
    has: str | None = None
    silent: bool = False


def check_said(make_ctx, case: Said) -> None:
    """Run the real pipeline on ``case.body`` and check the quote, cue and speaker it names."""
    q = quote_with(run_quotes(make_ctx, case.body), case.words)
    said = source_of(case.body, q)
    if case.cue is not None:
        assert q.cue == case.cue, (q.cue, said)
    if case.source is not None:
        assert said == case.source, (q.cue, said)
    if case.starts is not None:
        assert (said or "").startswith(case.starts), (q.cue, said)
    if case.has is not None:
        assert case.has in (said or ""), (q.cue, said)
    if case.silent:
        assert q.speaker_span is None, (q.cue, said)
