"""Quotation marks in a body: straight and typographic pairs, quotes over several paragraphs.

A quote opened by `"` or `“` is closed by the next `"` or `”`. Single marks (‘ ’) inside
are content (nested quotes); a single apostrophe never starts a quote, a doubled one
('') is a straight double mark. When a paragraph ends
inside a quote and the next paragraph opens with a mark, the quote continues there (the
newspaper convention for a quote running over paragraphs); otherwise the quote ends with
its paragraph, marked unclosed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

OPENERS = frozenset({"\"", "“"})
CLOSERS = frozenset({"\"", "”"})
DOUBLED = "''"
# Every character find() acts on (any other one is passed over): marks, line breaks, apostrophes (DOUBLED).
_MARKED = re.compile("[\"“”\n']")


@dataclass
class Segment:
    """One quotation: the opening mark, the end (after the closing mark) and the content pieces."""

    open: int
    close: int
    pieces: list[list[int]] = field(default_factory=list)  # content spans, one per paragraph
    closed: bool = True


def _trimmed(body: str, s: int, e: int) -> list[int] | None:
    while s < e and body[s].isspace():
        s += 1
    while e > s and body[e - 1].isspace():
        e -= 1
    return [s, e] if e > s else None


def _next_nonspace(body: str, i: int) -> int:
    while i < len(body) and body[i].isspace():
        i += 1
    return i


def find(body: str) -> list[Segment]:
    """Every quotation in the body, in order."""
    out: list[Segment] = []
    i, n = 0, len(body)
    cur: Segment | None = None
    piece = 0
    while i < n:
        if body[i] not in "\"“”\n'":  # skip to the next character that can matter
            m = _MARKED.search(body, i)
            if m is None:
                break
            i = m.start()
        c, w = _mark_at(body, i)
        if cur is None:
            if c in OPENERS:
                cur, piece = Segment(open=i, close=i), i + w
        elif c in CLOSERS:
            _add(cur, body, piece, i)
            cur.close = i + w
            out.append(cur)
            cur = None
        elif c == "“":
            cur, piece = Segment(open=i, close=i), i + 1  # a stray opener: start again here
        elif c == "\n":
            j = _next_nonspace(body, i)
            _add(cur, body, piece, i)
            jc, jw = _mark_at(body, j)
            if j < n and jc in OPENERS:
                piece, i = j + jw, j + jw  # the quote runs on into the next paragraph
                continue
            cur.close, cur.closed = i, False
            if cur.pieces:
                out.append(cur)
            cur = None
        i += w
    if cur is not None:
        _add(cur, body, piece, n)
        cur.close, cur.closed = n, False
        if cur.pieces:
            out.append(cur)
    return out


def _mark_at(body: str, i: int) -> tuple[str, int]:
    """The character at i and its width; a doubled apostrophe ('' as some papers print a
    quotation mark) reads as one straight double mark."""
    if body.startswith(DOUBLED, i) and not body.startswith(DOUBLED, i + 1):
        return "\"", 2
    return (body[i], 1) if i < len(body) else ("", 1)


def _add(seg: Segment, body: str, s: int, e: int) -> None:
    span = _trimmed(body, s, e)
    if span is not None:
        seg.pieces.append(span)
