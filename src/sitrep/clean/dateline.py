"""Datelines at the start of a body: "KYIV, Ukraine —", "WASHINGTON (AP) —", "MOSCOW, Feb 2 (Reuters) -"."""

from __future__ import annotations

import re

# Place in capitals (at least two letters), then up to five comma parts (region, country,
# weekday, date, year: "PORT SUDAN, Sudan, Tuesday, March 14, 2023"), an optional agency in
# brackets, then a dash.
_DATELINE = re.compile(
    r"^(?P<line>[A-Z][A-Z.'’\- ]*[A-Z](?:,\s*[A-Z0-9][\w.'’\- ]{0,30}){0,5}\s*(?:\([^()\n]{1,30}\))?)"
    r"\s*(?:—|–|--|-)\s+(?=\S)"
)


def find_dateline(body: str) -> tuple[str, int] | None:
    """(dateline text without the dash, length of the prefix incl. dash) at the body start, or None.

    The body itself is left intact: the dateline stays in the first paragraph, so offsets
    and sentences are as printed, and ``Article.dateline`` records it separately.
    """
    m = _DATELINE.match(body)
    if not m:
        return None
    return m["line"].strip(), m.end()


HEAD_CHARS = 160  # a dateline, agency and date included, stands within this many characters of the body start


def opening(text: str) -> tuple[str, int] | None:
    """(dateline text without the dash, offset where the text after it starts) when ``text``
    opens with a dateline (leading whitespace allowed), read within ``HEAD_CHARS``; else None."""
    head = text[:HEAD_CHARS]
    found = find_dateline(head.lstrip())
    if found is None:
        return None
    return found[0], found[1] + len(head) - len(head.lstrip())


def dateline_place(line: str) -> str:
    """The place a dateline names first, as written ("KYIV, Ukraine" -> KYIV, "WASHINGTON (AP)" -> WASHINGTON)."""
    return re.split(r"[,(]", line, maxsplit=1)[0].strip()
