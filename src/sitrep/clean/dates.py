"""Dates in text, URLs and metadata, normalised to ISO ``YYYY-MM-DD`` (regex only: cheap)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .resources import months

MIN_YEAR, MAX_YEAR = 1900, 2100
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
URL_DATE = re.compile(r"/(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:/|\b)|/(\d{4})(\d{2})(\d{2})/")


@dataclass(frozen=True)
class FoundDate:
    """A date found in text: ISO value, the matched text, and where it starts."""

    iso: str
    text: str
    start: int


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = "|".join(sorted(months(), key=len, reverse=True))
    mdy = re.compile(rf"\b({names})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)
    # "2 February 2022", "8 février 2022", "1er mars 2022", "19. November 2019", "19 de novembro de 2019"
    dmy = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?({names})\.?,?\s+(?:de\s+)?(\d{{4}})\b",
                     re.IGNORECASE)
    return mdy, dmy


def _iso(year: int, month: int, day: int) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[FoundDate]:
    """All full dates (day, month, year) in ``text``, in order of appearance."""
    mdy, dmy = _patterns()
    table = months()
    found: list[FoundDate] = []
    for m in _ISO.finditer(text):
        iso = _iso(int(m[1]), int(m[2]), int(m[3]))
        if iso:
            found.append(FoundDate(iso, m[0], m.start()))
    for m in mdy.finditer(text):
        iso = _iso(int(m[3]), table[m[1].lower()], int(m[2]))
        if iso:
            found.append(FoundDate(iso, m[0], m.start()))
    for m in dmy.finditer(text):
        iso = _iso(int(m[3]), table[m[2].lower()], int(m[1]))
        if iso:
            found.append(FoundDate(iso, m[0], m.start()))
    return sorted(found, key=lambda d: d.start)


def first_date(text: str) -> str | None:
    """The first full date in ``text`` as ISO, or None."""
    found = find_dates(text)
    return found[0].iso if found else None


def to_iso(value: str | None) -> str | None:
    """Normalise a metadata date ("2022-02-02T10:00Z", "Feb. 2, 2022") to ISO, or None."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if m:
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    return first_date(value)


def date_from_url(url: str | None) -> str | None:
    """A date in a URL path ("/2022/02/02/", "/2022-02-02", "/20220202/"), or None."""
    if not url:
        return None
    m = URL_DATE.search(url)
    if not m:
        return None
    parts = m.groups()[:3] if m[1] else m.groups()[3:]
    return _iso(int(parts[0]), int(parts[1]), int(parts[2]))
