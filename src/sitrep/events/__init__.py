"""The events stage: PLOVER-coded events with actor, target, status, date, places and quantities.

``run`` walks the sentences of the parse; a sentence goes further only when one of its lemmas
can start a trigger (a cheap set lookup), so most of the article costs nothing beyond spaCy. With the pair classifier (``classify``, shipped
model) every verb with a subject and an object is a candidate too, coded by ``recode``; with the
``encoder`` setting on, that classifier also reads each pair through a contextual encoder.
Modules: ``coding`` (triggers, needs, clause scope), ``actors_of`` / ``targets`` (each trigger's sides),
``participants`` (phrases -> actors/countries), ``status``, ``time``, ``places``, ``quantities``,
``assemble`` (one sentence's events: one per (actor, target) pair, coordinated sides split),
``cameo`` (the CAMEO view: actor codes, location as target, reciprocal/paired triples; it never
changes the record).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..schema import Article, Event
from .assemble import carry_dates, provenance, sentence_events
from ..encoder import load_encoder
from .classify import active_model, encoding
from .coding import find_triggers, trigger_lemmas
from .participants import Resolver
from .time import find_date_mentions

NAME = "events"
VERSION = "15"
REQUIRES = ("doc", "actors", "published")
ASSIGNS = ("events",)


def run(article: Article, ctx: Any) -> None:
    """Fill ``article.events`` from ``ctx.doc`` (the parse of ``article.body``)."""
    doc = getattr(ctx, "doc", None)
    article.events = []
    if doc is None:
        return
    lemmas = trigger_lemmas()
    generic = active_model() is not None  # verbs outside the dictionary need the pair classifier
    resolver = Resolver(article, doc)
    prev: list[Event] = []
    encoder_name = getattr(getattr(ctx, "settings", None), "encoder", "")
    with encoding(load_encoder(encoder_name)):  # off by default
        for sent in doc.sents:
            if not generic and not any(t.lemma_.lower() in lemmas for t in sent):
                prev = []
                continue
            mentions = find_date_mentions(sent.text)
            events = sentence_events(article, sent, find_triggers(sent, generic), resolver, mentions)
            carry_dates(events, prev, bool(mentions))
            article.events.extend(events)
            prev = events
    # each event says whether the encoder coded it ("12+minilm"); the stage version itself stays
    provenance(article, article.events, NAME, f"{VERSION}+{encoder_tag(encoder_name)}" if encoder_name else VERSION)


def encoder_tag(name: str) -> str:
    """A short mark of the encoder in an event's provenance version: its setting, or a path's file name."""
    return name if name == "minilm" else Path(name).name
