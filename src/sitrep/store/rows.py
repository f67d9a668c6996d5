"""Flatten article records into the store's table rows (column order = schema.sql)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from ..clean import neardup
from ..schema import Article, Place, Provenance
from .outlet import outlet


def _prov(p: Provenance | None) -> list[Any]:
    return [p.stage, p.version, p.confidence] if p else [None, None, None]


def _place(p: Place | None) -> list[Any]:
    return [p.name, p.country] if p else [None, None]


ARTICLE_COLUMNS = (
    "id, source, format, url, title, published, published_source, language, byline, dateline, body,"
    " captions, boilerplate, notes, stages, record, run_id, ingested_at, outlet"
)


def article_row(art: Article, record: str, run_id: str | None, now: datetime) -> list[Any]:
    return [
        art.id, art.source, art.format, art.url, art.title, art.published, art.published_source,
        art.language, art.byline, art.dateline, art.body, json.dumps(art.captions),
        json.dumps(art.boilerplate), json.dumps(art.notes), json.dumps(art.stages), record, run_id, now,
        outlet(art),
    ]


def mention_rows(art: Article) -> list[list[Any]]:
    return [
        [a.id, art.id, i, start, end, art.body[start:end]]
        for a in art.actors
        for i, (start, end) in enumerate(a.mentions)
    ]


def _place_row(event_id: str, art: Article, role: str, idx: int, p: Place) -> list[Any]:
    span = p.span or [None, None]
    return [event_id, art.id, role, idx, p.name, p.country, p.lat, p.lon, p.kind, span[0], span[1]]


def place_rows(art: Article) -> list[list[Any]]:
    out = []
    for e in art.events:
        pairs = [("place", 0, e.place), ("origin", 0, e.origin)]
        pairs += [("destination", i, p) for i, p in enumerate(e.destinations)]
        out.extend(_place_row(e.id, art, role, i, p) for role, i, p in pairs if p is not None)
    return out


def minhash_rows(art: Article) -> tuple[list[list[Any]], list[list[Any]]]:
    """The article's MinHash signature row and its LSH band-key rows (none for short bodies)."""
    sig = neardup.signature(art.body)
    if sig is None:
        return [], []
    return [[art.id, sig]], [[art.id, band, key] for band, key in neardup.band_keys(sig)]


def actor_rows(art: Article) -> list[list[Any]]:
    return [
        [a.id, art.id, a.name, a.kind, a.role, a.affiliation, a.country, json.dumps(a.mentions), *_prov(a.provenance), a.named]
        for a in art.actors
    ]


def quote_rows(art: Article) -> list[list[Any]]:
    return [
        [q.id, art.id, q.text, q.kind, q.speaker, q.speaker_name, q.cue, json.dumps(q.spans), *_prov(q.provenance)]
        for q in art.quotes
    ]


def event_rows(art: Article) -> list[list[Any]]:
    out = []
    for e in art.events:
        actor = [e.actor.id, e.actor.name, e.actor.country] if e.actor else [None] * 3
        target = [e.target.id, e.target.name, e.target.country] if e.target else [None] * 3
        place = [*_place(e.place), e.place.lat if e.place else None, e.place.lon if e.place else None]
        date = [e.date.value, e.date.end, e.date.precision, e.date.text] if e.date else [None] * 4
        prov = _prov(e.provenance)[:2]
        out.append([
            e.id, art.id, e.category, e.mode, e.cameo, *actor, *target, *place, *_place(e.origin),
            *date, e.status, e.trigger, e.sentence, e.span[0], e.span[1], e.confidence, *prov,
        ])
    return out


def quantity_rows(art: Article) -> list[list[Any]]:
    return [
        [e.id, art.id, i, q.value, q.low, q.high, q.unit, q.qualifier, q.text]
        for e in art.events
        for i, q in enumerate(e.quantities)
    ]
