"""Flatten article records into the store's table rows (column order = schema.sql)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from ..schema import Article, Place, Provenance


def _prov(p: Provenance | None) -> list[Any]:
    return [p.stage, p.version, p.confidence] if p else [None, None, None]


def _place(p: Place | None) -> list[Any]:
    return [p.name, p.country] if p else [None, None]


def article_row(art: Article, record: str, run_id: str | None, now: datetime) -> list[Any]:
    return [
        art.id, art.source, art.format, art.url, art.title, art.published, art.published_source,
        art.language, art.byline, art.dateline, art.body, json.dumps(art.captions),
        json.dumps(art.boilerplate), json.dumps(art.notes), json.dumps(art.stages), record, run_id, now,
    ]


def actor_rows(art: Article) -> list[list[Any]]:
    return [
        [a.id, art.id, a.name, a.kind, a.role, a.affiliation, a.country, json.dumps(a.mentions), *_prov(a.provenance)]
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
