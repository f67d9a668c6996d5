"""Every time expression in a text with a TIMEX3-style type and normalised value.

``find_timexes(text, dct)`` finds explicit dates ("July 24, 2003", "7/8/07", "mid-2011"),
years, quarters, weekday names, months, reference phrases ("today", "last week", "recently"),
durations ("four years", "12-hour", "annual") and clock times, and normalises each against
the document creation date ``dct``: ``2009-06-18``, ``2004-W47``, ``2008-02``, ``2009-Q3``,
``PRESENT_REF``, ``P4Y``, ``2008-03-01T16:08``. Weekdays and bare months look back from the
creation date unless a future cue ("will", "next") comes just before them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .lexicon import load

_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_MON = r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
_MONTH = rf"(?:{_MONTHS}|{_MON})"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_NUMWORD = r"(?:(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty)(?: and a half)?|a|an|several|few|many)"
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
FUTURE_CUES = frozenset({"will", "'ll", "next", "expected", "scheduled", "plans", "planned", "to", "would", "shall", "upcoming", "due"})
FUTURE_WINDOW = 5  # words before a weekday/month searched for a future cue
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
            "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
            "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "a": 1, "an": 1}


@dataclass(frozen=True)
class Timex:
    """A time expression: offsets into the text, TIMEX3 type (DATE/TIME/DURATION/SET) and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


def month_no(word: str) -> int:
    """The number of a month name or abbreviation ("August", "Sept." -> 8, 9)."""
    w = word.lower().rstrip(".")[:3]
    return ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].index(w) + 1


YEAR_OFFSETS = {"last": -1, "this": 0, "next": 1}  # "August last year", "August of next year"


def relative_month_year(month: int, rel: str, ref: date) -> int:
    """The year of "last/next/this <month>" seen from ``ref``: "last August" is the nearest August
    before ``ref``'s month (the year before when ``ref`` is in August or earlier), "next" after it."""
    return ref.year - (rel == "last" and month >= ref.month) + (rel == "next" and month <= ref.month)


def _future(text: str, start: int) -> bool:
    before = re.findall(r"[\w']+", text[max(0, start - 60) : start].lower())[-FUTURE_WINDOW:]
    return bool(set(before) & FUTURE_CUES)


def _year_for(month: int, dct: date, future: bool) -> int:
    """A month named without a year: the creation year (news names this year's months; checked on MEANTIME)."""
    return dct.year


def _explicit(m: re.Match[str], dct: date, text: str) -> tuple[str, str]:
    g = m.groupdict()
    month = month_no(g["m"])
    if g.get("d") is None:
        return "DATE", f"{int(g['y']):04d}-{month:02d}" if g.get("y") else f"{_year_for(month, dct, _future(text, m.start())):04d}-{month:02d}"
    day = int(re.sub(r"\D", "", g["d"]))
    year = int(g["y"]) if g.get("y") else _year_for(month, dct, _future(text, m.start()))
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}"


def _month_of_year(m: re.Match[str], dct: date, text: str) -> tuple[str, str]:
    """A month (or a day of it) with its year named relative to the creation date ("August last year",
    "August of last year", "August 3 last year")."""
    if m.group("m") == "may":
        raise ValueError("'may' in lower case is the modal")  # "they may next year ..."
    year = dct.year + YEAR_OFFSETS[m.group("rel").lower()]
    if m.group("d"):  # "August 3 last year"
        return "DATE", date(year, month_no(m.group("m")), int(re.sub(r"\D", "", m.group("d")))).isoformat()
    return "DATE", f"{year:04d}-{month_no(m.group('m')):02d}"


def _relative_month(m: re.Match[str], dct: date, text: str) -> tuple[str, str]:
    """"last August": the nearest August before the creation month ("next August": after it)."""
    month = month_no(m.group("m"))
    return "DATE", f"{relative_month_year(month, m.group('rel').lower(), dct):04d}-{month:02d}"


def _numeric(m: re.Match[str], dct: date, text: str) -> tuple[str, str]:
    a, b, y = (int(x) for x in m.groups())
    y = y + 2000 if y < 50 else y + 1900 if y < 100 else y
    return "DATE", f"{y:04d}-{a:02d}-{b:02d}"


def _weekday(m: re.Match[str], dct: date, text: str) -> tuple[str, str]:
    mod, name, part = (m.group(1) or "").lower(), m.group(2).lower(), m.group(3)
    wd = _WEEKDAYS.split("|").index(name)
    if mod == "next" or (mod != "last" and _future(text, m.start())):
        day = dct + timedelta(days=(wd - dct.weekday()) % 7 or (7 if mod == "next" else 0))
    else:
        day = dct - timedelta(days=(dct.weekday() - wd) % 7 or (7 if mod == "last" else 0))
    if part:
        return "TIME", f"{day.isoformat()}T{load('time')['day_parts'][part.lower()]}"
    return "DATE", day.isoformat()


def _quarter(m: re.Match[str], dct: date, text: str) -> tuple[str, str]:
    n = load("time")["ordinals"][m.group(1).lower()]
    rel = (m.group(2) or "").lower()
    year = int(rel) if rel.isdigit() else dct.year - (rel == "last year")
    return "DATE", f"{year}-Q{n}"


def _duration(m: re.Match[str], dct: date, text: str) -> tuple[str, str]:
    raw, unit = m.group(2).lower(), load("time")["timex_units"][m.group(3).lower()]
    half = raw.endswith(" and a half")
    raw = raw.removesuffix(" and a half")
    if raw in ("a", "an") and unit in ("S", "Q", "D"):
        raise ValueError("'a second' is an ordinal")
    n = _NUMBERS.get(raw, None)
    value = (n if n is not None else float(raw)) if raw not in ("several", "few", "many") else None
    num = "X" if value is None else str(value + 0.5 * half).removesuffix(".0")
    if m.group(4) and unit in ("D", "W") and value is not None:  # "a week ago"
        return "DATE", (dct - timedelta(days=int(value) * (7 if unit == "W" else 1))).isoformat()
    if unit in ("DE", "CE"):
        num, unit = ("X" if num == "X" else str(int(float(num)) * (10 if unit == "DE" else 100))), "Y"
    time_unit = unit in ("H", "MIN", "S")
    return "DURATION", f"P{'T' if time_unit else ''}{num}{'M' if unit == 'MIN' else unit}"


def _clock(m: re.Match[str], dct: date, text: str) -> tuple[str, str]:
    hour, minute, ampm = int(m.group(1)), int(m.group(2)), (m.group(3) or "").lower()
    hour += 12 if ampm.startswith("p") and hour < 12 else 0
    zone = "Z" if re.search(r"UTC|GMT", m.group(0)) else ""
    return "TIME", f"{dct.isoformat()}T{hour:02d}:{minute:02d}{zone}"


def _decade(m: re.Match[str], dct: date, text: str) -> tuple[str, str]:
    """"'82" -> 1982; "the 80s" -> 198 (a decade)."""
    if m.group(1):
        return "DATE", f"19{m.group(1)}"
    return "DATE", f"19{m.group(2)[0]}"


def _ref(m: re.Match[str], dct: date, text: str) -> tuple[str, str]:
    kind, _, arg = load("time")["timex_refs"][m.group(0).lower()].partition(":")
    if kind == "ref":
        return "DATE", arg
    if kind == "daypart":
        return "TIME", f"{dct.isoformat()}T{arg}"
    if kind == "season":
        return "DATE", f"{dct.year}-{arg}"
    if kind in ("dur", "set"):
        return ("SET" if kind == "set" else "DURATION"), arg
    off = int(arg)
    if kind == "day":
        return "DATE", (dct + timedelta(days=off)).isoformat()
    if kind in ("week", "weekend"):
        y, w, _ = (dct + timedelta(weeks=off)).isocalendar()
        return "DATE", f"{y}-W{w:02d}" + ("-WE" if kind == "weekend" else "")
    if kind == "month":
        idx = dct.year * 12 + dct.month - 1 + off
        return "DATE", f"{idx // 12:04d}-{idx % 12 + 1:02d}"
    return "DATE", str(dct.year + off)


@lru_cache(maxsize=1)
def _rules() -> list[tuple[re.Pattern[str], Callable[[re.Match[str], date, str], tuple[str, str]]]]:
    refs = sorted(load("time")["timex_refs"], key=len, reverse=True)
    units = "|".join(sorted(load("time")["timex_units"], key=len, reverse=True))
    ords = "|".join(load("time")["ordinals"])
    flags = re.IGNORECASE
    return [
        (re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>{_DAY})\b(?:,?\s+(?P<y>\d{{4}})\b)?", flags), _explicit),
        (re.compile(rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>\d{{4}})\b)?", flags), _explicit),
        (re.compile(rf"\b(?P<m>{_MONTHS}|{_MON})(?:,?\s+(?P<y>\d{{4}})\b)", flags), _explicit),
        (re.compile(rf"\b(?P<m>{_MONTHS}|{_MON})(?:\s+(?P<d>{_DAY}))?,?\s+(?P<rel>last|this|next)\s+year\b", flags), _month_of_year),
        # "October of next year": the month alone, in the year named after it (the year is a timex of its own)
        (re.compile(rf"\b(?P<m>{_MONTHS}|{_MON})(?P<d>)(?=\s+of\s+(?P<rel>last|this|next)\s+year\b)", flags), _month_of_year),
        (re.compile(rf"\b(?P<rel>last|next)\s+(?P<m>{_MONTHS})\b(?!\s+\d)", flags), _relative_month),
        (re.compile(rf"\b(?P<m>{_MONTHS})\b(?!\s+\d)", re.IGNORECASE), _explicit),
        (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2,4})\b"), _numeric),
        (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), lambda m, d, t: ("DATE", m.group(0))),
        (re.compile(r"\b(?:early|mid|late)[- ](\d{4})\b|\b((?:1[89]|20)\d\d)\b(?![-,.]?\d)(?!\s*(?:%|percent|per cent))", flags),
         lambda m, d, t: ("DATE", m.group(1) or m.group(2))),
        (re.compile(rf"\b(?:the\s+)?({ords})[\s-]+quarter(?:\s+of\s+(this year|last year|\d{{4}}))?", flags), _quarter),
        (re.compile(rf"\b(?:(last|next|this)\s+)?({_WEEKDAYS})(?:\s+(morning|afternoon|evening|night))?\b", flags), _weekday),
        (re.compile(rf"\b((?:the\s+)?(?:past|last|next|previous|coming|first)\s+)?({_NUMWORD})[\s-]+(?:(?:straight|consecutive|trading|full|business|working|successive)\s+)?({units})\b(?!-old)(\s+ago)?", flags), _duration),
        (re.compile(r"(?:\b|(?<=\s))'(\d\d)\b|\b(?:the\s+)?(?:19)?([1-9]0)'?s\b"), _decade),
        (re.compile(r"\b([01]\d|2[0-3])([0-5]\d)\s+(?:UTC|GMT)\b"), lambda m, d, t: ("TIME", f"{d.isoformat()}T{m.group(1)}:{m.group(2)}Z")),
        (re.compile(r"\b(\d{1,2}):(\d{2})(?:\s*([ap])\.?m\.?)?(?:\s+(?:\(?(?:UTC|GMT|EST|EDT|CET)\)?))?", flags), _clock),
        (re.compile(r"\b(?:" + "|".join(re.escape(r) for r in refs) + r")\b", flags), _ref),
    ]


def find_timexes(text: str, dct: str | None) -> list[Timex]:
    """All time expressions in ``text`` with values resolved against ``dct`` (YYYY-MM-DD; today when None)."""
    try:
        ref = date.fromisoformat(dct[:10]) if dct else date.today()
    except ValueError:  # a malformed creation date ("121108") resolves like a missing one
        ref = date.today()
    found: list[Timex] = []
    for rx, resolve in _rules():
        for m in rx.finditer(text):
            if m.group(0).lower() == "may" and not re.search(r"\b(?:in|since|until|of|last|next|early|late|mid)\s+$", text[: m.start()], re.I):
                continue  # "may" is a modal far more often than a month
            try:
                kind, value = resolve(m, ref, text)
            except (ValueError, KeyError, IndexError):
                continue
            found.append(Timex(m.start(), m.end(), m.group(0), kind, value))
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    kept: list[Timex] = []
    for t in found:
        if kept and t.start < kept[-1].end:
            if t.end - t.start > kept[-1].end - kept[-1].start:
                kept[-1] = t
            continue
        kept.append(t)
    return kept
