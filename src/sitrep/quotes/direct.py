"""Direct and partial quotes from quotation marks, with their cue and speaker.

"direct": the quoted words stand as the statement (after a paragraph start, a sentence
end, a comma or colon: `X declared, "..."`, `"...," X said`). "partial": a fragment
inside the reporter's sentence (`troops are "not going to fight" ..., X said`). A quote
split by its attribution (`"...," he said, "..."`) is one quote with two spans. A
direct quote with no cue of its own continues the previous attributed quote of its
paragraph (another span of it). A cue-less partial quote is dropped (a title, a scare quote).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from . import cues as cue_mod
from .cues import Layout
from .marks import Segment
from .speaker import ActorIndex, Speaker, resolve

_DIRECT_BEFORE = frozenset(",:;.!?—–-(")
_CLOSING = "\"”"
# Longest attribution between the two halves of a split quote, in characters (tests).
MAX_SPLIT_GAP = 80


@dataclass
class Draft:
    """A quote before it becomes a record."""

    kind: str
    spans: list[list[int]]
    cue: Token | None = None
    speaker: Speaker | None = None
    continued: bool = False
    tagged: bool = False  # cue found by the trained tagger, not by the rules
    segments: list[Segment] = field(default_factory=list)


def _words(body: str, seg: Segment) -> int:
    return sum(len(body[s:e].split()) for s, e in seg.pieces)


def kind_of(body: str, seg: Segment) -> str:
    """ "direct" when the quote opens a statement, "partial" when it sits inside a sentence."""
    i = seg.open - 1
    while i >= 0 and body[i].isspace() and body[i] != "\n":  # a no-break space too (`said.\xa0"We ...`)
        i -= 1
    if i < 0 or body[i] == "\n" or body[i] in ".!?—–(":
        return "direct"
    if body[i] == "'" and i > 0 and body[i - 1] == "'":
        i -= 1  # a doubled apostrophe closing the quote before (`... the Tiger.'' ''We ...`)
    if body[i] in _CLOSING + "'" and i > 0 and body[i - 1] in ".!?":  # `... "on Meet the Press." "We ...`
        return "direct" if seg.pieces and not body[seg.pieces[0][0]].islower() else "partial"
    if body[i] in _DIRECT_BEFORE:
        first = body[seg.pieces[0][0]] if seg.pieces else "x"
        return "direct" if not first.islower() else "partial"
    return "partial"


def _split_cue(layout: Layout, a: Segment, b: Segment) -> Token | None:
    """The cue between two halves of one quote (`"...," he said, "..."`), or None."""
    body = layout.body
    gap = body[a.close : b.open]
    if len(gap) > MAX_SPLIT_GAP or layout.paragraph(a.close) != layout.paragraph(b.open):
        return None
    if not gap.rstrip().endswith((",", ":")) or layout.has_end_between(a.close, b.open):
        return None
    last = body[a.pieces[-1][1] - 1] if a.pieces else ""
    if last != "," and not gap.lstrip().startswith(","):
        return None
    found = layout.cues_in(a.close, b.open)
    return found[0] if found else None


def _group(layout: Layout, segments: list[Segment]) -> list[tuple[list[Segment], Token | None]]:
    groups: list[tuple[list[Segment], Token | None]] = []
    for seg in segments:
        if groups:
            prev, cue = groups[-1]
            split = _split_cue(layout, prev[-1], seg) if len(prev) == 1 else None
            if split is not None:
                groups[-1] = (prev + [seg], split)
                continue
        groups.append(([seg], None))
    return groups


def build(layout: Layout, segments: list[Segment], index: ActorIndex) -> list[Draft]:
    """Drafts for every quotation long enough to be a statement (not a scare quote)."""
    body = layout.body
    keep = [s for s in segments if _words(body, s) >= cue_mod.lexicon()["min_quote_words"]]
    drafts: list[Draft] = []
    for segs, split in _group(layout, keep):
        spans = [_no_comma(body, p) for s in segs for p in s.pieces]
        d = Draft(kind_of(body, segs[0]), spans, segments=segs)
        start, end = segs[0].open, segs[-1].close
        d.cue = split or cue_mod.pick(layout.cues_in(*layout.frame(start, end)), start, end) or _colon_cue(layout, start)
        if d.cue is None and d.kind == "direct":
            d.cue, d.speaker = _handover(layout, segs[-1], index)
        elif d.cue is not None:
            d.speaker = resolve(layout.doc, d.cue, index, body)
        if d.cue is None and d.kind == "partial":
            continue  # a cue-less fragment is a title or a scare quote, not a statement
        if d.cue is None and drafts and _continue(layout, drafts, d):
            continue
        if _same_cue(layout, drafts, d):
            continue
        drafts.append(d)
    return drafts


def _same_cue(layout: Layout, drafts: list[Draft], d: Draft) -> bool:
    """A direct quote whose cue is the one of a direct quote before it in its paragraph
    (`"...," Kim said on "Meet the Press." "..."`): one statement with one more span; a title
    quoted in between with that cue is dropped. True when joined."""
    if d.cue is None or d.kind != "direct":
        return False
    k = len(drafts) - 1
    while k >= 0 and drafts[k].cue is not None and drafts[k].cue.i == d.cue.i and drafts[k].kind == "partial":
        k -= 1
    if k < 0 or drafts[k].cue is None or drafts[k].cue.i != d.cue.i or drafts[k].kind != "direct":
        return False
    prev = drafts[k]
    if layout.paragraph(prev.segments[-1].close) != layout.paragraph(d.segments[0].open):
        return False
    prev.spans += d.spans
    prev.segments += d.segments
    del drafts[k + 1:]
    return True


def _no_comma(body: str, span: list[int]) -> list[int]:
    """Content without the comma that hands over to the attribution (`"...," she said`)."""
    s, e = span
    return [s, e - 1] if e - 1 > s and body[e - 1] == "," else [s, e]


def _continue(layout: Layout, drafts: list[Draft], d: Draft) -> bool:
    """A cue-less direct quote after an attributed one in the same paragraph continues it
    (`"...," she said. "..."`): one statement with one more span; a title quoted in between
    with that cue (`"...," Kim said on "This Week." "..."`) is dropped. True when joined."""
    k = len(drafts) - 1
    while k > 0 and drafts[k].kind == "partial" and drafts[k].cue is not None \
            and drafts[k - 1].cue is not None and drafts[k].cue.i == drafts[k - 1].cue.i:
        k -= 1
    prev = drafts[k]
    same_par = layout.paragraph(prev.segments[-1].close) == layout.paragraph(d.segments[0].open)
    if same_par and prev.cue is not None and prev.kind == "direct":
        prev.spans += d.spans
        prev.segments += d.segments
        del drafts[k + 1:]
        return True
    return False


# Most words between a quote's closing mark and the verb that hands it over ("the editorial read").
MAX_HANDOVER_WORDS = 6


def _handover(layout: Layout, seg: Segment, index: ActorIndex) -> tuple[Token | None, Speaker | None]:
    """`"...," the editorial read.`: a quote ending in a comma (or "!", "?"), then a short clause
    to the end of the sentence whose verb is no listed cue ("riffed", "beamed") or that the parser
    took for a noun ("read", "states"): that word is the cue, the words before it the speaker."""
    body, doc = layout.body, layout.doc
    if not seg.pieces or body[seg.pieces[-1][1] - 1] not in ",!?":
        return None, None
    _, end = layout.frame(seg.close, seg.close)
    span = doc.char_span(seg.close, end, alignment_mode="expand")
    if span is None:
        return None, None
    toks = [t for t in span if t.idx >= seg.close and not t.is_space]
    for k, t in enumerate(toks[: MAX_HANDOVER_WORDS + 1]):
        if (t.is_punct and t.tag_ != "HYPH") or layout.inside(t.idx):
            return None, None
        if t.pos_ == "VERB" and t.dep_ == "ROOT":
            found = resolve(doc, t, index, body)
            return (t, found) if found is not None else (None, None)
        if k > 0 and t.pos_ == "NOUN" and t.lower_ in _NOUN_VERBS and (k + 1 == len(toks) or toks[k + 1].is_punct):
            last = toks[k - 1]
            hit = index.at(last.idx, last.idx + len(last.text))
            return t, Speaker(hit[0] if hit else None, [toks[0].idx, last.idx + len(last.text)])
    return None, None


# Reporting verbs the parser tags as nouns after a quote ("the editorial read", "the ad states").
_NOUN_VERBS = frozenset({"read", "states", "says", "notes"})


def _colon_cue(layout: Layout, start: int) -> Token | None:
    """The cue of a sentence ending in a colon just before the quote, even across a paragraph
    break (`Clinton recalled:` / `"..."`)."""
    body = layout.body
    i = start - 1
    while i >= 0 and body[i].isspace():
        i -= 1
    if i >= 0 and body[i] == ",":
        return _comma_verb(layout, i)
    if i < 0 or body[i] != ":":
        return None
    s, _ = layout.frame(i, i)
    found = layout.cues_in(s, i)
    return found[-1] if found else _lead_in_verb(layout, s, i)


def _lead_in_verb(layout: Layout, start: int, colon: int) -> Token | None:
    """ `Kim gloated: "..."`, `as Kim put it: "..."`: with no listed cue before the colon, the
    last verb of the clause leading in to it, when it has a subject (PolNeAR train)."""
    span = layout.doc.char_span(start, colon, alignment_mode="expand")
    if span is None:
        return None
    for t in reversed(span):
        if t.idx >= colon or layout.inside(t.idx):
            continue
        if t.pos_ == "VERB":
            return t if _has_subject(t) else None
    return None


def _comma_verb(layout: Layout, comma: int) -> Token | None:
    """ `Kim cracked, "..."`: a verb with a subject right before the comma that opens the quote."""
    span = layout.doc.char_span(max(comma - 40, 0), comma, alignment_mode="expand")
    toks = [t for t in span if t.idx < comma] if span is not None else []
    if not toks or layout.inside(toks[-1].idx):
        return None
    t = toks[-1]
    return t if t.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in t.children) else None


def _has_subject(verb: Token) -> bool:
    """A subject on the verb, or on the verb it is coordinated with or completes."""
    for _ in range(3):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return True
        if verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False
