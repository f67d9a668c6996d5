"""Units written once for two numbers: "3.9 million headsets, up from 2.4 million" -> both
headsets; "rose from $5 to 7" -> both dollars.

``share_units`` runs after ``measures`` has read a sentence: a bare number (no unit, no counted
noun) takes the unit of the quantity just before it when a linking word from ``units.json``
(``elliptic_links``: "from", "to", "and", "including", ...) joins the two, they are close, no
clause break lies between them and their values are of a like size. When the quantity just before
is of another size ("4,100 nurses on leave for one to two weeks and 5,300 who ..."), the one
before it lends its unit if their values are within ``SKIP_RATIO``; a share ("% voter") lends none.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .counted import _words

if TYPE_CHECKING:
    from .measures import Measure

ELLIPSIS_GAP = 60  # characters allowed between a quantity and a later bare number sharing its unit
SKIP_RATIO = 10.0  # a bare number passes over a quantity of another size to one within this factor
RATE_UNITS = frozenset({"percentage", "percentage point", "basis point"})
ELLIPSIS_RATIO = 1000.0  # the two values must be within this factor ("5%" never lends to "1.2 million")


def share_units(text: str, found: list[Measure]) -> list[Measure]:
    """Give each bare number of ``found`` (measures of ``text``, in order) the unit of the quantity
    just before it when a linking word joins them; ``found`` is changed in place and returned."""
    for n in range(1, len(found)):
        m, p = found[n], found[n - 1]
        if n > 1 and p.unit != "-" and not _alike(m, p, ELLIPSIS_RATIO) and _alike(m, found[n - 2], SKIP_RATIO):
            p = found[n - 2]  # "4,100 nurses on leave for one to two weeks and 5,300 who": nurses
        if m.unit != "-" or p.unit == "-" or not m.text[:1].isdigit() or m.start - p.end > ELLIPSIS_GAP:
            continue
        if p.unit.startswith("% "):
            continue  # "a third of the members ... 4 in 10": a share lends no unit to a count
        between = re.findall(r"[a-z]+", text[p.end : m.start].lower())
        if not set(between) & _words("elliptic_links") or _clause_break(text[p.end : m.start]):
            continue
        if "to" in between and p.unit in RATE_UNITS:
            continue  # "rose 8.15% to 3.65": the level reached, not a share
        if _alike(m, p, ELLIPSIS_RATIO):
            m.unit = p.unit
    return found


def _alike(m: Measure, p: Measure, ratio: float) -> bool:
    """Both values non-zero and within ``ratio`` of each other."""
    return bool(p.value and m.value) and 1 / ratio <= abs(m.value / p.value) <= ratio


def _clause_break(gap: str) -> bool:
    """A semicolon, colon or bracket between the two numbers: they belong to different clauses."""
    return any(ch in gap for ch in ";:()")
