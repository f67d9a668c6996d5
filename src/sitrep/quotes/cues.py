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

from spacy import parts_of_speech
from spacy.attrs import DEP, HEAD, IDX, IS_SPACE, LOWER, ORTH, POS
from spacy.tokens import Doc, Token

from .marks import Segment

_ENDS = frozenset({".", "!", "?"})
POS_IDS = {name: int(i) for i, name in parts_of_speech.NAMES.items()}
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
        # Token attributes as plain columns: a ``for tok in doc`` scan builds a Token per token.
        cols = doc.to_array([ORTH, LOWER, POS, IDX, IS_SPACE]).tolist() if len(doc) else []
        self.idx = [c[3] for c in cols]
        self.pos_ids = [c[2] for c in cols]
        self.lower_ids = [c[1] for c in cols]
        strings = doc.vocab.strings
        ends = {strings[e]: len(e) for e in _ENDS}
        self.space = [bool(c[4]) for c in cols]
        self.newline_after = ["\n" in strings[c[0]] for c in cols]  # a token holding a line break
        bounds = {0, len(body)}
        for (orth, _, _, idx, _), newline in zip(cols, self.newline_after):
            if orth in ends and not self.inside(idx):
                bounds.add(idx + ends[orth])
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
        strings = self.doc.vocab.strings
        pos_ids = {POS_IDS[p] for p in pos}
        lower_ids = {strings[w] for w in lower}
        kids = self._deps_after({strings[d] for d in governs}) if governs is not None else None
        doc = self.doc
        return [doc[i] for i, (p, w, idx) in enumerate(zip(self.pos_ids, self.lower_ids, self.idx))
                if (p in pos_ids or w in lower_ids) and (kids is None or i in kids) and not self.inside(idx)]

    def paragraph_starts(self) -> list[Token]:
        """The first token of each paragraph: the first one, and each after a line break (not a space)."""
        doc, after = self.doc, self.newline_after
        return [doc[i] for i, space in enumerate(self.space) if not space and (i == 0 or after[i - 1])]

    def _deps_after(self, dep_ids: set[int]) -> set[int]:
        """Indices of the tokens with a child after them whose dependency label is in dep_ids."""
        if not len(self.doc):
            return set()
        cols = self.doc.to_array([HEAD, DEP])
        offsets = cols[:, 0].astype("int64").tolist()  # head minus token, stored unsigned
        return {j + off for j, (off, dep) in enumerate(zip(offsets, cols[:, 1].tolist())) if off < 0 and dep in dep_ids}

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
