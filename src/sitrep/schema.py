"""The records every stage fills in, and the JSON contract of ``sitrep extract``.

Plain dataclasses: no runtime dependency, cheap to build in hot loops, picklable
(so records, never spaCy Docs, cross process boundaries). msgspec encodes them to
JSON and generates the JSON Schema (``docs/article.schema.json``).

Offsets (``mentions``, ``spans``, ``span``) are ``[start, end)`` character offsets
into ``Article.body``. Every fact carries a :class:`Provenance`.

Contract: fields of ``Article``, ``Actor``, ``Quote`` and ``Event`` named in the
foundation issue may never be renamed or dropped; new fields may be added.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SCHEMA_VERSION = "1"

ActorKind = Literal["person", "org", "country", "group"]
QuoteKind = Literal["direct", "partial", "indirect", "stance"]  # stance: a reported position with no statement ("expressed support for Kyiv")
Status = Literal["occurred", "planned", "threatened", "denied", "hypothetical", "refused"]
DatePrecision = Literal["day", "week", "month", "year", "window"]


@dataclass
class Provenance:
    """Where a fact came from: which article, which stage (and version), how sure."""

    article_id: str
    stage: str
    version: str
    confidence: float = 1.0


@dataclass
class Actor:
    """One real entity within an article, with all its mentions."""

    id: str
    name: str
    kind: ActorKind
    role: str | None = None
    affiliation: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    mentions: list[list[int]] = field(default_factory=list)
    provenance: Provenance | None = None
    named: bool = True  # False for a person the article only describes ("a Kremlin aide"): never merged across articles


@dataclass
class Quote:
    """A statement attributed (or not) to a speaker."""

    id: str
    text: str
    kind: QuoteKind
    speaker: str | None = None  # Actor.id
    speaker_name: str | None = None
    cue: str | None = None
    spans: list[list[int]] = field(default_factory=list)  # content spans
    speaker_span: list[int] | None = None  # the mention the speaker was read from
    cue_span: list[int] | None = None
    provenance: Provenance | None = None


@dataclass
class ActorRef:
    """An event participant: an actor id (when the actor is a record), a name, a country."""

    id: str | None
    name: str
    country: str | None = None
    span: list[int] | None = None  # the words in the sentence the participant was read from


@dataclass
class Place:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    kind: str | None = None  # country|city|region
    span: list[int] | None = None


@dataclass
class EventDate:
    value: str  # ISO date (start of the window when precision is week/month/window)
    precision: DatePrecision
    text: str
    end: str | None = None  # last day of the window, inclusive
    span: list[int] | None = None


@dataclass
class Quantity:
    value: float | None  # None for vague counts ("thousands of")
    unit: str | None  # the counted noun ("troops")
    qualifier: str | None  # "more than", "about", "up to", "more" ...
    text: str
    low: float | None = None
    high: float | None = None
    span: list[int] | None = None


@dataclass
class Event:
    """One coded event (PLOVER category, CAMEO code) read from one sentence."""

    id: str
    category: str
    mode: str | None
    cameo: str | None
    actor: ActorRef | None
    target: ActorRef | None
    place: Place | None
    origin: Place | None
    date: EventDate | None
    quantities: list[Quantity]
    status: Status
    sentence: str
    span: list[int]
    confidence: float
    trigger: str | None = None
    destinations: list[Place] = field(default_factory=list)
    provenance: Provenance | None = None


@dataclass
class Article:
    """The record that travels through the per-article stages."""

    id: str
    source: str  # path or path#line, where the article was read from
    format: str = "text"  # text|html
    raw: str = ""  # the input as read (not part of the extract JSON)
    title: str | None = None
    published: str | None = None  # ISO date
    published_source: str | None = None  # meta|url|dateline|text|input
    url: str | None = None
    language: str | None = None
    byline: str | None = None
    dateline: str | None = None
    body: str = ""
    captions: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # non-fatal messages (e.g. skipped stages)
    stages: dict[str, str] = field(default_factory=dict)  # stage name -> version that ran


EXCLUDED_FROM_JSON = ("raw",)
