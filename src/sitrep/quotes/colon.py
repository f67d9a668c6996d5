"""Statements introduced by a name and a colon at a paragraph start: interview transcripts and
headlines ("KASICH: We have to ...", "Carly Fiorina: 'Fair game'", "Q: ...").

The name (a few capitalised words, no verb) is the source; the rest of the paragraph is the
content and the colon the cue. An actor mention inside the name makes it the speaker.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .cues import Layout
from .direct import Draft
from .speaker import ActorIndex, Speaker

# Longest name before the colon, in tokens; shortest content after it, in words (PolNeAR train).
MAX_NAME_TOKENS = 5
MIN_CONTENT_WORDS = 3
_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "PUNCT", "DET"})


def _name_ok(toks: list[Token]) -> bool:
    words = [t for t in toks if t.is_alpha]
    return bool(words) and all(t.pos_ in _NAME_POS or t.is_upper for t in toks) and all(
        t.text[:1].isupper() for t in words)


def _colon_after_start(doc: Doc, i: int) -> int | None:
    """Index of a colon within MAX_NAME_TOKENS tokens after token i (a paragraph start)."""
    for k in range(i, min(i + MAX_NAME_TOKENS + 1, len(doc))):
        if doc[k].text == ":":
            return k if k > i and _name_ok(list(doc[i:k])) else None
        if "\n" in doc[k].text:
            return None
    return None


def build(layout: Layout, index: ActorIndex, clauses: list[Draft] | None = None) -> list[Draft]:
    """A draft for every paragraph opened by "Name:". A "Q:"/"A:" line holding a reported clause
    (`Q: You said the plan would work.`) is left to that clause: PolNeAR annotates the speech
    inside interview lines, not the line (train: 15 line attributions, 113 inside them)."""
    inner = [(d.spans[0][0], d.spans[-1][1]) for d in clauses or [] if d.spans]
    doc, body = layout.doc, layout.body
    out: list[Draft] = []
    for tok in layout.paragraph_starts():
        colon = _colon_after_start(doc, tok.i)
        if colon is None:
            continue
        start = doc[colon].idx + 1
        end = body.find("\n", start)
        end = len(body) if end < 0 else end
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        if len(body[start:end].split()) < MIN_CONTENT_WORDS:
            continue
        name = [tok.idx, doc[colon - 1].idx + len(doc[colon - 1].text)]
        d = Draft("indirect", [[start, end]], cue=doc[colon])
        hit = next((h for t in doc[tok.i:colon] if (h := index.at(t.idx, t.idx + len(t.text))) is not None), None)
        if colon - tok.i > 1 or len(tok.text) > 1:  # "Q:" / "A:" name no one (PolNeAR: no source)
            d.speaker = Speaker(hit[0] if hit else None, name)
        elif any(start <= s and e <= end for s, e in inner):
            continue
        out.append(d)
    return out
