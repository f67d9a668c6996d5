"""The quotes stage: direct, partial and indirect quotes, each with its speaker (an actor).

Steps: 1. quotation marks (``marks``); 2. direct and partial quotes with cue and speaker
(``direct``); 3. reported speech, beliefs and intentions (``indirect``), impressions without a
source ("seems", "is expected to": ``raising``), prepositional and noun cues ("called for",
"the claim that": ``phrases``) and "Name:" transcript lines (``colon``); a content the source and cue interrupt
keeps its spans on both sides ("[The plan], she said, [would fail]": ``gaps``); all reconciled with the
quotes (``merge``); 4. cues only the trained tagger knows, where no rule read anything
(``tagger``; skipped when its weights file is absent), then attributions a trained CRF tags in
sentences nothing else read (``spans``; skipped when its model or python-crfsuite is absent); a direct quote with no cue of its own
joins the attribution just before it in its paragraph, or takes its speaker from the paragraph
before (``inherit``); 5. records, in text order. ``speaker_span`` is the source's whole phrase
("Pentagon spokesman John Kirby", "two senior officials"); ``speaker`` the actor it names.
Speakers are found through the actors' mention offsets (``speaker``), so this stage reads
the coreference the actors stage wrote and never re-does it.
"""

from __future__ import annotations

from typing import Any

from ..clean.dateline import find_dateline
from ..ids import fact_id
from ..schema import Article, Provenance, Quote
from . import bounds, colon, direct, indirect, marks, spans, tagger
from .merge import merge
from .cues import Layout
from .direct import Draft
from .speaker import ActorIndex

NAME = "quotes"
VERSION = "13"
REQUIRES = ("doc", "actors")
ASSIGNS = ("quotes",)

# Confidence by how the speaker was found (seed article + tests; rerun `sitrep eval quotes`).
CONF_CUE = 0.9  # subject of the reporting cue, an actor mention
CONF_FALLBACK = 0.7  # a pronoun no actor claimed, given to the last named person
CONF_CONTINUED = 0.7  # a cue-less quote continuing the previous quote's speaker
CONF_UNATTRIBUTED = 0.5
CONF_INDIRECT_FACTOR = 0.9  # reported clauses are cut from the parse, a little less sure
CONF_TAGGED_FACTOR = 0.75  # a cue only the trained tagger knows (PolNeAR train holdout precision)


def run(article: Article, ctx: Any) -> None:
    """Fill ``article.quotes`` from ``article.body``, ``ctx.doc`` and ``article.actors``."""
    doc = ctx.doc
    if doc is None:
        return
    last = doc[-1] if len(doc) else None  # the parsed length, without joining every token as doc.text does
    body = article.body[: last.idx + len(last.text_with_ws)] if last is not None else ""
    segments = marks.find(body)  # 1
    layout = Layout(doc, body, segments)
    index = ActorIndex(article.actors)
    directs, clauses = rule_drafts(layout, segments, index)  # 2, 3
    model = tagger.shipped()
    if model is not None:  # 4
        clauses += tagger.build(layout, index, model, Taken(directs + clauses))
    span_model = spans.shipped()
    if span_model is not None:  # 4b
        clauses += spans.build(layout, index, span_model, Taken(directs + clauses))
    drafts = inherit(layout, merge(body, directs, clauses))
    _skip_dateline(body, drafts)
    _keep_handover_commas(body, drafts)
    _whole_words(doc, body, drafts)
    for d in drafts:
        if d.kind == "indirect" and not d.segments and not _has_verb(doc, d.spans):
            d.kind = "stance"  # "expressed support for Kyiv", "addressed the conflict": a stance, no statement
    bound_model = bounds.shipped() if getattr(getattr(ctx, "settings", None), "quote_edges", False) else None
    if bound_model is not None:  # learned content edges (``bounds``; setting quote_edges, off: it costs time)
        bounds.correct(doc, body, drafts, bound_model)
    article.quotes = [_record(article, body, d) for d in drafts]  # 5


def _skip_dateline(body: str, drafts: list[Draft]) -> None:
    """A content that starts the body starts after its dateline ("KYIV, Ukraine — ")."""
    found = find_dateline(body)
    if found is None:
        return
    end = found[1]
    for d in drafts:
        if d.spans and d.spans[0][0] < end < d.spans[0][1]:
            d.spans[0] = (end, d.spans[0][1]) if isinstance(d.spans[0], tuple) else [end, d.spans[0][1]]


def _has_verb(doc: Any, spans: list[tuple[int, int]]) -> bool:
    """True when a content span holds a verb (a reported statement, not just a noun phrase)."""
    for s, e in spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or any(t.pos_ in ("VERB", "AUX") for t in span):
            return True
    return False


def rule_drafts(layout: Layout, segments: list[marks.Segment], index: ActorIndex) -> tuple[list[Draft], list[Draft]]:
    """Quotes from marks, and clauses from the rule cues (before ``merge``)."""
    directs = direct.build(layout, segments, index)
    clauses = indirect.build(layout, index)
    return directs, clauses + colon.build(layout, index, clauses)


# A cue-less direct quote takes the speaker of the attribution before it at most this many
# line breaks back (2 = the paragraph before, with a blank line between; PolNeAR train).
MAX_INHERIT_BREAKS = 2
# ... and joins it as one more span when that attribution is a direct quote right before it, at
# most this many line breaks back (PolNeAR train: lenient and exact F1 up on three samples).
MAX_JOIN_BREAKS = 2


def inherit(layout: Layout, drafts: list[Draft]) -> list[Draft]:
    """A direct quote with no cue of its own joins the attribution just before it as one more
    span: in its paragraph (`Kim said the plan would work. "We are ready."`), or in the paragraph
    before when that one is a direct quote too (PolNeAR keeps a quote going on over paragraphs as
    one attribution); else it takes the speaker of the last attribution in the paragraph before."""
    prev, out = None, []
    for d in drafts:
        if d.kind == "direct" and d.cue is None and d.speaker is None and prev is not None:
            gap = layout.paragraph(d.spans[0][0]) - layout.paragraph(prev.spans[-1][1])
            joins = gap == 0 or (gap <= MAX_JOIN_BREAKS and prev.kind == "direct")
            if prev is out[-1] and prev.cue is not None and joins:
                prev.spans += d.spans  # `Kim said the plan works. "We are ready."`: one statement
                prev.segments += d.segments
                continue
            if gap <= MAX_INHERIT_BREAKS:
                d.speaker, d.continued = prev.speaker, True
        out.append(d)
        if d.speaker is not None:
            prev = d
    return out


class Taken:
    """Whether a character range touches what the rules already read (a cue or a content)."""

    def __init__(self, drafts: list[Draft]) -> None:
        ranges = [(s, e) for d in drafts for s, e in d.spans]
        ranges += [(d.cue.idx, d.cue.idx + len(d.cue.text)) for d in drafts if d.cue is not None]
        ranges += [(seg.open, seg.close) for d in drafts for seg in d.segments]
        self.mask = bytearray(max((e for _, e in ranges), default=0))  # 1 = a read character
        for s, e in ranges:
            self.mask[s:e] = b"\x01" * (e - s)

    def __call__(self, start: int, end: int) -> bool:
        return 1 in self.mask[start:end]


def _confidence(d: Draft) -> float:
    if d.speaker is None or d.speaker.actor is None:
        conf = CONF_UNATTRIBUTED
    elif d.continued:
        conf = CONF_CONTINUED
    else:
        conf = CONF_FALLBACK if d.speaker.fallback else CONF_CUE
    if d.tagged:
        conf *= CONF_TAGGED_FACTOR
    return round(conf * CONF_INDIRECT_FACTOR, 3) if d.kind == "indirect" else round(conf, 3)


_SENTENCE_END = frozenset(".!?")
_OPEN_MARKS = "\"“'‘("


def _keep_handover_commas(body: str, drafts: list[Draft]) -> None:
    """A piece of a quote that a sentence end separates from a next piece opening a sentence
    keeps the punctuation it ends with: the comma that hands it over to an attribution ending a
    sentence (`"We were asleep," she said. "We are lucky."`: it stood for the speaker's own
    sentence end) or its full stop (`Kim said the plan works. "We are ready."`); without it the
    joined content runs on (`asleep We are lucky`)."""
    for d in drafts:
        for k in range(len(d.spans) - 1):
            s, e = d.spans[k]
            nxt = d.spans[k + 1][0]
            if e >= len(body) or body[e] not in ",." or not body[e - 1].isalnum() or nxt >= len(body) \
                    or not body[nxt].isupper():
                continue
            gap = body[e + 1 : nxt]
            lead = gap.rstrip().rstrip(_OPEN_MARKS).rstrip()
            if body[e] == "." or "\n" in gap or (lead and lead[-1] in _SENTENCE_END):
                d.spans[k] = [s, e + 1]


def _whole_words(doc: Any, body: str, drafts: list[Draft]) -> None:
    """A content that ends inside a hyphenated word the parser split into clauses of their own
    ("troops had been pre-deployed in two countries": "pre", "-", "deployed") runs on over the
    word and what its last part governs."""
    for d in drafts:
        s, e = d.spans[-1]
        if not (0 < e < len(body) - 1 and body[e] == "-" and body[e - 1].isalnum() and body[e + 1].isalnum()):
            continue
        span = doc.char_span(e + 1, e + 2, alignment_mode="expand")
        if span is None or not len(span):
            continue
        tok = span[0]
        while tok.i + 2 < len(doc) and not tok.whitespace_ and doc[tok.i + 1].text == "-" \
                and not doc[tok.i + 1].whitespace_:
            tok = doc[tok.i + 2]  # "pre-war-era"
        last = tok.right_edge if tok.right_edge.sent.start == tok.sent.start else tok
        while last.i > tok.i and (last.is_punct or last.is_space):
            last = doc[last.i - 1]
        d.spans[-1] = [s, max(e, last.idx + len(last.text))]


def _record(article: Article, body: str, d: Draft) -> Quote:
    sp = d.speaker
    actor = sp.actor if sp is not None else None
    return Quote(
        id=fact_id("Q", article.id, d.kind, d.spans[0][0], d.spans[0][1]),
        text=" ".join(body[s:e] for s, e in d.spans),
        kind=d.kind,  # type: ignore[arg-type]
        speaker=actor.id if actor else None,
        speaker_name=actor.name if actor else None,
        cue=d.cue.text if d.cue is not None else None,
        spans=[list(s) for s in d.spans],
        speaker_span=list(sp.span) if sp else None,
        cue_span=[d.cue.idx, d.cue.idx + len(d.cue.text)] if d.cue is not None else None,
        provenance=Provenance(article.id, NAME, VERSION, _confidence(d)),
    )
