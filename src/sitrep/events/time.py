"""Event dates: find date expressions in a sentence and resolve them against the publication date.

Pure functions. ``find_date_mentions`` reads a text for explicit dates ("Feb. 2, 2022",
"February 3", "March 2021", "August (3) (of) last year", "last August"), weekday names and relative phrases ("last week", "earlier this
month", "in the coming days"); ``resolve_date`` turns one mention into an
:class:`~sitrep.schema.EventDate` given the publication date and the tense of the verb the
mention hangs on ("said Wednesday" looks back, "will visit Thursday" looks ahead).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

from ..schema import EventDate
from .lexicon import load
from .timex import YEAR_OFFSETS, month_no, relative_month_year

Tense = Literal["past", "present", "future"]

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_EXPLICIT = [
    # (pattern, precision): month-day[-year], day-month[-year], month-year, "in March"
    (re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+\d{{4}})?\b"), "day"),
    (re.compile(rf"\b{_DAY}\s+{_MONTH}(?:,?\s+\d{{4}})?"), "day"),
    (re.compile(rf"\b{_MONTH}\s+\d{{4}}\b"), "month"),
    (re.compile(rf"\b(?:in|since|until|by|during|early|late) ({_MONTH})(?![\w.]*\s*\d)"), "month"),
]
# "in August last year", "in August of last year", "on August 3 last year": the year named after the month decides
_MONTH_OF_YEAR = re.compile(rf"\b({_MONTH})(?:\s+({_DAY}))?,?\s+(?:of\s+)?((?i:last|this|next))\s+year\b")
_RELATIVE_MONTH = re.compile(rf"\b((?i:last|next|this))\s+({_MONTH})(?![\w.]*\s*\d)")  # "last August"
_WEEKDAY = re.compile(r"\b(?:((?i:last|next|this|on)) )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
                      r"(?: (?:of )?((?i:next|last|this)) week\b(?!['’]s))?")  # "Wednesday next week": that week's day


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text: offsets relative to that text, and how to resolve it."""

    text: str
    start: int
    end: int
    kind: str  # explicit | weekday | phrase | month_of_year | relative_month
    precision: str = "day"
    modifier: str | None = None  # last/next/this before a weekday


@lru_cache(maxsize=1)
def _phrase_re() -> re.Pattern[str]:
    phrases = sorted(load("time")["phrases"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)


def find_date_mentions(text: str) -> list[DateMention]:
    """All date expressions in ``text``, in order, without overlaps (longest first)."""
    found: list[DateMention] = []
    for rx, precision in _EXPLICIT:
        for m in rx.finditer(text):
            g = 1 if m.lastindex else 0  # "in March": the month without the preposition
            found.append(DateMention(m.group(g), m.start(g), m.end(g), "explicit", precision))
    for m in _MONTH_OF_YEAR.finditer(text):  # the year named after the month decides ("August last year")
        found.append(DateMention(m.group(0), m.start(), m.end(), "month_of_year", "day" if m.group(2) else "month",
                                 m.group(3).lower()))
    for m in _RELATIVE_MONTH.finditer(text):  # "last August": the nearest August before (after) publication
        end = m.end() - 1 if m.group(0).endswith(".") and m.group(2)[:-1] in calendar.month_name else m.end()  # "last August." ends the sentence
        found.append(DateMention(text[m.start() : end], m.start(), end, "relative_month", "month", m.group(1).lower()))
    for m in _phrase_re().finditer(text):
        found.append(DateMention(m.group(0), m.start(), m.end(), "phrase"))
    for m in _WEEKDAY.finditer(text):
        mod = m.group(1).lower() if m.group(1) else None
        start = m.start() if mod in ("last", "next", "this") else m.start(2)
        if m.group(3):  # "Wednesday next week": the week named after the day decides
            mod = m.group(3).lower() + " week"
        found.append(DateMention(text[start : m.end()], start, m.end(), "weekday", "day", mod))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[DateMention] = []
    for d in found:
        if not kept or d.start >= kept[-1].end:
            kept.append(d)
        elif d.end - d.start > kept[-1].end - kept[-1].start:
            kept[-1] = d
    return kept


def weekday_date(published: date, weekday: int, tense: Tense, modifier: str | None = None) -> date:
    """The date of a weekday named in an article published on ``published``.

    Past tense (or "last Monday") looks back, the same day included; present and future look
    ahead, the same day included ("is expected to speak Wednesday" on a Wednesday is that day).
    """
    if modifier == "last" or (tense == "past" and modifier != "next"):
        back = (published.weekday() - weekday) % 7
        if modifier == "last" and back == 0:
            back = 7
        return published - timedelta(days=back)
    ahead = (weekday - published.weekday()) % 7
    if modifier == "next" and ahead == 0:
        ahead = 7
    return published + timedelta(days=ahead)


def _week_start(d: date, weeks: int) -> date:
    return d - timedelta(days=d.weekday()) + timedelta(weeks=weeks)


def _month_start(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _window(text: str, span: list[int] | None, start: date, end: date, precision: str) -> EventDate:
    return EventDate(start.isoformat(), precision, text, end.isoformat(), span)  # type: ignore[arg-type]


def _resolve_phrase(m: DateMention, pub: date, span: list[int] | None) -> EventDate | None:
    rule = load("time")["phrases"].get(m.text.lower())
    if rule is None:
        return None
    kind = rule["kind"]
    if kind == "day":
        return EventDate((pub + timedelta(days=rule["offset"])).isoformat(), "day", m.text, None, span)
    if kind == "week":
        start = _week_start(pub, rule["offset"])
        return _window(m.text, span, start, start + timedelta(days=6), "week")
    if kind == "weekend":
        saturday = _week_start(pub, rule["offset"]) + timedelta(days=5)
        return _window(m.text, span, saturday, saturday + timedelta(days=1), "window")
    if kind == "month":
        start = _month_start(pub, rule["offset"])
        return _window(m.text, span, start, _month_start(start, 1) - timedelta(days=1), "month")
    if kind == "year":
        year = pub.year + rule["offset"]
        return _window(m.text, span, date(year, 1, 1), date(year, 12, 31), "year")
    if kind.startswith("earlier_this_"):
        period = kind.removeprefix("earlier_this_")
        start = {"week": _week_start(pub, 0), "month": _month_start(pub, 0), "year": date(pub.year, 1, 1)}[period]
        return _window(m.text, span, start, max(start, pub - timedelta(days=1)), "window")
    if kind == "coming":
        return _window(m.text, span, pub + timedelta(days=1), pub + timedelta(days=rule["days"]), "window")
    return None


def _resolve_explicit(m: DateMention, pub: date, tense: Tense, span: list[int] | None) -> EventDate | None:
    import dateparser  # imported lazily: only explicit dates need it

    prefer = {"past": "past", "future": "future"}.get(tense, "current_period")
    base = datetime(pub.year, pub.month, pub.day)
    parsed = dateparser.parse(
        m.text.replace(".", ""), languages=["en"],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer, "PREFER_DAY_OF_MONTH": "first"},
    )
    if parsed is None:
        return None
    value = parsed.date()
    if m.precision == "month":
        start = date(value.year, value.month, 1)
        return _window(m.text, span, start, _month_start(start, 1) - timedelta(days=1), "month")
    return EventDate(value.isoformat(), "day", m.text, None, span)


def _month_number(text: str) -> int:
    """The month a mention names first ("Sept. last year" -> 9)."""
    abbr = re.match(r"[a-z]+", text.lower())
    return month_no(abbr.group(0)) if abbr else 1


def valid_published(published: str | None) -> str | None:
    """The publication date as ``YYYY-MM-DD``, or None when it is missing or malformed ("121108")."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).isoformat()
    except ValueError:
        return None


def resolve_date(m: DateMention, published: str | None, tense: Tense, offset: int = 0) -> EventDate | None:
    """The :class:`EventDate` of a mention; ``offset`` shifts its span into body offsets.

    Without a (well-formed) publication date only explicit dates with a year can be resolved.
    """
    span = [m.start + offset, m.end + offset]
    published = valid_published(published)
    if not published:
        if m.kind == "explicit" and re.search(r"\d{4}", m.text):
            return _resolve_explicit(m, date.today(), tense, span)
        return None
    pub = date.fromisoformat(published[:10])
    if m.kind == "weekday":
        names = load("time")["weekdays"]
        day = next(names.index(w) for w in re.findall(r"[a-z]+", m.text.lower()) if w in names)
        if m.modifier in ("next week", "last week", "this week"):
            weeks = {"next week": 1, "last week": -1, "this week": 0}[m.modifier]
            value = _week_start(pub, weeks) + timedelta(days=day)
            return EventDate(value.isoformat(), "day", m.text, None, span)
        return EventDate(weekday_date(pub, day, tense, m.modifier).isoformat(), "day", m.text, None, span)
    if m.kind == "phrase":
        return _resolve_phrase(m, pub, span)
    if m.kind == "month_of_year":
        month = _month_number(m.text)
        start = date(pub.year + YEAR_OFFSETS[m.modifier or "this"], month, 1)
        day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", m.text) if m.precision == "day" else None
        if day is not None:  # "August 3 last year"
            try:
                return EventDate(start.replace(day=int(day.group(1))).isoformat(), "day", m.text, None, span)
            except ValueError:  # "February 30 last year": the month
                pass
        return _window(m.text, span, start, _month_start(start, 1) - timedelta(days=1), "month")
    if m.kind == "relative_month":  # "last August": the most recent August before the publication month
        month = _month_number(m.text.split(None, 1)[1])
        start = date(relative_month_year(month, m.modifier or "this", pub), month, 1)
        return _window(m.text, span, start, _month_start(start, 1) - timedelta(days=1), "month")
    return _resolve_explicit(m, pub, tense, span)


from .timex import Timex, find_timexes  # noqa: E402  (TIMEX-style finder over a whole text, re-exported)

__all__ = ["DateMention", "Timex", "find_date_mentions", "find_timexes", "resolve_date", "valid_published", "weekday_date"]
