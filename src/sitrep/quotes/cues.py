"""Reporting cues (said, told, added, according to ...) and the frame a quote is read in.

The frame of a quote is the reporter's sentence around it: from the last sentence end
outside quotation marks before the opening mark to the first one after the closing mark.
Cues are looked for in the frame, outside the marks.
"""

from __future__ import annotations

import bisect
import json
from functools import lru_cache
from importlib import resources
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Token

from ..actors.lexicon import DocView

from .marks import Segment

_ENDS = frozenset({".", "!", "?"})
_CLOSERS = frozenset({'"', "”", "''", "’"})  # closing quotation marks as tokens


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """``data/quotes/cues.json``."""
    text = resources.files("sitrep.data").joinpath("quotes").joinpath("cues.json").read_text(encoding="utf-8")
    data = json.loads(text)
    data["verbs"] = frozenset(data["verbs"])
    data["object_ok_verbs"] = frozenset(data["object_ok_verbs"])
    return data


HAS_CLITICS = frozenset({"'s", "’s"})  # "She's said ...": the parser reads the perfect "has" as a passive "is"


def active_deps(tok: Token) -> set[str]:
    """Dependency labels of a verb's children, a "'s" the parser took for a passive auxiliary left out."""
    return {c.dep_ for c in tok.children if not (c.dep_ == "auxpass" and c.lower_ in HAS_CLITICS)}


def discourse_said(tok: Token) -> bool:
    """ "That said, ...", "This said, ...": a linking phrase, not a report."""
    doc, i = tok.doc, tok.i
    if tok.lower_ != "said" or not 0 < i < len(doc) - 1 or doc[i + 1].text != ",":
        return False
    return doc[i - 1].lower_ in ("that", "this") and (i == 1 or doc[i - 2].is_punct or doc[i - 2].is_space)


def is_cue(tok: Token, inside: Callable[[int], bool] | None = None) -> bool:
    """A reporting verb used as one (not "add troops", not "is said to"), or "according" (to).
    An object that is itself a quotation (`threatened "a response"`) keeps the verb a cue."""
    if tok.lower_ == "according":
        return tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to"
    lex = lexicon()
    lemma = tok.lemma_.lower()
    if lemma not in lex["verbs"] or tok.pos_ != "VERB" or discourse_said(tok):
        return False
    deps = active_deps(tok)
    if "auxpass" in deps:
        return False
    if "dobj" not in deps or lemma in lex["object_ok_verbs"]:
        return True
    obj = next(c for c in tok.children if c.dep_ == "dobj")
    after_quote = tok.i > 0 and tok.nbor(-1).text in _CLOSERS and inside is not None and inside(tok.nbor(-1).idx - 1)
    if obj.i > tok.i and after_quote:
        return True  # `"...," wrote a reader`: the parser's object is the inverted speaker
    return inside is not None and inside(obj.left_edge.idx)


class Layout:
    """Where quotes, sentence ends and paragraphs are in a body."""

    def __init__(self, doc: Doc, body: str, segments: list[Segment]) -> None:
        self.doc = doc
        self.body = body
        self.quoted = sorted((s.open, s.close) for s in segments)
        self._q_starts = [s for s, _ in self.quoted]
        self.view = DocView(doc)  # token attributes as plain columns: no Token built per token
        self.newline_after = ["\n" in t for t in self.view.text]  # a token holding a line break
        bounds = {0, len(body)}
        for text, idx, newline in zip(self.view.text, self.view.idx, self.newline_after):
            if text in _ENDS and not self.inside(idx):
                bounds.add(idx + len(text))
            elif newline:
                bounds.add(idx)
        bounds.update(_quote_ends(doc, body, segments))
        self.bounds = sorted(bounds)
        self.breaks = [i for i, ch in enumerate(body) if ch == "\n"]

    def tokens(self, pos: frozenset[str], lower: frozenset[str] = frozenset(),
               governs: frozenset[str] | None = None) -> list[Token]:
        """The tokens outside quotation marks whose part of speech is in ``pos`` or whose lower
        case form is in ``lower``, in order (a filtered ``for tok in doc``); with ``governs``,
        only those with a child after them of one of these dependency labels."""
        v = self.view
        kids = {h for i, (h, d) in enumerate(zip(v.head, v.dep)) if h < i and d in governs} if governs is not None else None
        return [self.doc[i] for i, (p, w, idx) in enumerate(zip(v.pos, v.lower, v.idx))
                if (p in pos or w in lower) and (kids is None or i in kids) and not self.inside(idx)]

    def paragraph_starts(self) -> list[Token]:
        """The first token of each paragraph: the first one, and each after a line break (not a space)."""
        after = self.newline_after
        return [self.doc[i] for i, space in enumerate(self.view.space) if not space and (i == 0 or after[i - 1])]

    def inside(self, pos: int) -> bool:
        """Whether a position lies within quotation marks."""
        k = bisect.bisect_right(self._q_starts, pos) - 1
        return k >= 0 and self.quoted[k][0] <= pos < self.quoted[k][1]

    def frame(self, start: int, end: int) -> tuple[int, int]:
        """The reporter's sentence around [start, end)."""
        k = bisect.bisect_right(self.bounds, start) - 1
        j = bisect.bisect_left(self.bounds, end)
        return self.bounds[max(k, 0)], self.bounds[min(j, len(self.bounds) - 1)]

    def paragraph(self, pos: int) -> int:
        """Index of the paragraph (line) a position is in."""
        return bisect.bisect_right(self.breaks, pos)

    def has_end_between(self, start: int, end: int) -> bool:
        """Whether a sentence end or paragraph break lies strictly within (start, end)."""
        k = bisect.bisect_right(self.bounds, start)
        return k < len(self.bounds) and self.bounds[k] < end

    def cues_in(self, start: int, end: int) -> list[Token]:
        """Cue tokens within [start, end), outside quotation marks."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return []
        return [t for t in span if start <= t.idx < end and not self.inside(t.idx) and is_cue(t, self.inside)]


def _quote_ends(doc: Doc, body: str, segments: list[Segment]) -> set[int]:
    """Closing marks that end a sentence: the quote ends with . ? or ! and the parser starts a
    new sentence after it (`"... right?" The lawyer later told ...` is not the quote's frame)."""
    out = set()
    for seg in segments:
        if not seg.closed or not seg.pieces or body[seg.pieces[-1][1] - 1] not in _ENDS:
            continue
        span = doc.char_span(seg.close, min(seg.close + 40, len(body)), alignment_mode="expand")
        nxt = next((t for t in span if not t.is_space), None) if span is not None else None
        if nxt is not None and nxt.is_sent_start and nxt.idx >= seg.close and _own_statement(nxt.sent.root):
            out.add(seg.close)
    return out


def _own_statement(root: Token) -> bool:
    """A sentence whose verb has a complement of its own ("X told reporters he was joking"),
    not a bare attribution ("Trump said.")."""
    addressee = root.lemma_.lower() in lexicon()["addressee_verbs"]  # "Trump asked reporters."
    return any(c.dep_ in ("ccomp", "xcomp", "attr", "acomp") or (c.dep_ == "dobj" and not addressee)
               for c in root.children)


def pick(cues: list[Token], start: int, end: int) -> Token | None:
    """The cue governing a quote at [start, end): the closest one whose clause contains it,
    else the nearest one."""
    if not cues:
        return None
    covering = [c for c in cues if c.left_edge.idx <= start < c.right_edge.idx + len(c.right_edge.text)]
    if covering:
        return min(covering, key=lambda c: c.right_edge.i - c.left_edge.i)

    def distance(c: Token) -> int:
        return c.idx - end if c.idx >= end else start - (c.idx + len(c.text))

    return min(cues, key=distance)
