"""Shared helpers for the actor-rule tests: run the actors stage (or actors, quotes and events) on
one body and look actors up by name or by a mention's offset."""

from __future__ import annotations

from sitrep import actors, events, quotes
from sitrep.schema import Actor, Article


def run_actors(make_ctx, body: str) -> Article:
    """The article after the actors stage."""
    art, ctx = make_ctx(body)
    actors.run(art, ctx)
    return art


def run_stages(make_ctx, body: str) -> Article:
    """The article after the actors, quotes and events stages."""
    art, ctx = make_ctx(body)
    actors.run(art, ctx)
    quotes.run(art, ctx)
    events.run(art, ctx)
    return art


def by_name(art: Article, kind: str) -> dict[str, Actor]:
    return {a.name: a for a in art.actors if a.kind == kind}


def mention_texts(body: str, actor: Actor) -> list[str]:
    return [body[s:e] for s, e in actor.mentions]


def owner_of(art: Article, start: int) -> Actor | None:
    """The actor one of whose mentions starts at character ``start``."""
    return next((a for a in art.actors if any(s == start for s, _ in a.mentions)), None)
