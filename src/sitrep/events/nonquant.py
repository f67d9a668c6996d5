"""Numbers that are no quantities: years ("2021"), days of months ("May 5"), clock times
("10:30", "9 a.m."), ordinals ("5th"), dates and schedules ("9/11", "24/7"), seasons ("2020-21")
and numbers inside names ("Model 3", "COVID-19", "TA-35", "Section 427").

Used by ``measures``; tokens are its (text, start, end) triples. Word lists come from
``data/events/units.json`` (months, change cue words).
"""

from __future__ import annotations

from .counted import Tok, _data, _low, _words

YEAR_RANGE = (1800, 2100)  # bare integers in this range with no unit are years, not quantities
SKIP_BEFORE = frozenset({"category", "no", "number", "section", "row", "room", "route", "page", "chapter", "article", "#", "version", "season", "game", "week", "level", "grade", "phase", "round"})
NAME_STOP = frozenset({"the", "a", "an", "in", "on", "at", "by", "for", "of", "to", "and", "or", "but", "with", "from", "about", "some", "over", "under", "only", "just", "nearly", "almost", "around"})


def is_date_or_id(toks: list[Tok], i: int, k: int, value: float, scaled: bool, unit: bool = False) -> bool:
    """True when the number at tokens i..k-1 is no quantity: a year, a day of a month, a clock
    time, an ordinal or an identifier; ``unit`` = a unit from the table follows ("MacBook Pro 16
    inch" is a measure, "Model 3" a name)."""
    word, prev, nxt = _low(toks, i), _low(toks, i - 1), _low(toks, k)
    months = _words("months")
    if prev.rstrip(".") in months or nxt.rstrip(".") in months or (prev == "." and _low(toks, i - 2) in months):
        return True
    if _clock(toks, i, k) or nxt in ("st", "nd", "rd", "th") or prev in SKIP_BEFORE:
        return True
    if i > 0 and toks[i - 1][2] == toks[i][1] and (toks[i - 1][0].isalpha() or _hyphen_name(toks, i)):
        return True  # "S23", "TA-35", "COVID-19": part of a name
    if _slashed(toks, i, k):
        return True  # "9/11", "24/7": a date or a schedule, not a fraction
    if prev == "-" and i > 1 and toks[i - 2][2] == toks[i - 1][1] and _is_year(_low(toks, i - 2)):
        return True  # "2020-21": the end of a season or fiscal year
    if i > 0 and _is_name(toks, i - 1) and not (unit or scaled):
        return True  # "Model 3", "S&P 500", "iPhone 14": part of a name
    if not (unit or scaled) and _street_number(toks, k):
        return True  # "22-24 Mill Road", "210 East 9th Street": an address
    return not scaled and _is_year(word)


STREET_WORDS = frozenset({"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive", "terrace",
                          "crescent", "highway", "parkway"})  # not "court", "way", "square": "State Supreme Court"
STREET_LOOKAHEAD = 5  # name words between a house number and "Street" ("210 East 9th Street")


def _street_number(toks: list[Tok], k: int) -> bool:
    """True when capitalised words ending in a street word follow the number (reading resumes at
    k, after a "22-24" range too): a house number."""
    j = k + 2 if _low(toks, k) == "-" and _low(toks, k + 1).isdigit() else k
    for n in range(j, min(len(toks), j + STREET_LOOKAHEAD)):
        word = toks[n][0]
        ordinal = word in ("st", "nd", "rd", "th") and toks[n - 1][0].isdigit() and toks[n][1] == toks[n - 1][2]
        if word == "." and n > j and len(toks[n - 1][0]) == 1:
            continue  # "45 N. Main St."
        if not (word[:1].isupper() or word[:1].isdigit() or ordinal):
            return False
        if n > j and word.lower().rstrip(".") in STREET_WORDS:
            return True
    return False


def _slashed(toks: list[Tok], i: int, k: int) -> bool:
    """A number glued to "/" and another number on either side ("9/11") that no fraction read."""
    after = _low(toks, k) == "/" and toks[k][1] == toks[k - 1][2] and _low(toks, k + 1)[:1].isdigit() \
        and toks[k + 1][1] == toks[k][2]
    before = _low(toks, i - 1) == "/" and toks[i - 1][2] == toks[i][1] and _low(toks, i - 2)[:1].isdigit() \
        and toks[i - 2][2] == toks[i - 1][1]
    return after or before


def _is_year(word: str) -> bool:
    """Four plain digits in ``YEAR_RANGE`` ("2021")."""
    return len(word) == 4 and word.isdigit() and YEAR_RANGE[0] <= int(word) <= YEAR_RANGE[1]


def _clock(toks: list[Tok], i: int, k: int) -> bool:
    """"10:30", "9 a.m.", "1.56pm": a clock time ("SINGAPORE: Two sisters" is none)."""
    nxt = _low(toks, k)
    if nxt == ":" and toks[k][1] == toks[k - 1][2] and _low(toks, k + 1)[:1].isdigit():
        return True
    if _low(toks, i - 1) == ":" and toks[i - 1][2] == toks[i][1] and _low(toks, i - 2)[:1].isdigit():
        return True
    if nxt in ("a", "p") and _low(toks, k + 1) == "." and _low(toks, k + 2) == "m":
        return True
    if nxt == "o" and _low(toks, k + 1) in ("'", "’") and _low(toks, k + 2) == "clock":
        return True  # "6 o'clock"
    if k < len(toks) and toks[k - 1][0].isdigit() and len(toks[k - 1][0]) == 4 and toks[k][0] in TIME_ZONES:
        return True  # "0900 GMT": a clock time written as four digits
    if nxt in ("hours", "hrs") and _military(toks, i, k):
        return True  # "at 1800 hours", not "logged 1200 hours of service"
    return nxt in ("am", "pm") and toks[k][1] == toks[k - 1][2]


TIME_ZONES = frozenset({"GMT", "UTC", "EST", "EDT", "CST", "CDT", "PST", "PDT", "CET", "CEST", "BST", "IST", "JST",
                        "AEST", "AEDT", "HKT", "SGT", "ET", "PT", "GST", "EAT", "WAT", "MSK"})
MILITARY_BEFORE = frozenset({"at", "by", "until", "till", "from", "to", "before", "after", "since", "and", "around",
                             "about", "between", "-"})  # words before "1800 hours" read as a clock time


def _military(toks: list[Tok], i: int, k: int) -> bool:
    """"at 1800 hours": four digits that make a valid 24-hour time, after a time preposition, with
    no "of" after "hours" (then it is a duration: "2400 hours of footage")."""
    word = toks[k - 1][0]
    if k != i + 1 or len(word) != 4 or not word.isdigit() or int(word[:2]) > 23 or int(word[2:]) > 59:
        return False
    return _low(toks, k + 1) != "of" and _low(toks, i - 1) in MILITARY_BEFORE


def _hyphen_name(toks: list[Tok], i: int) -> bool:
    """"TA-35", "V-6", "F-16": a number joined by a hyphen to a word holding a capital letter."""
    if i < 2 or toks[i - 1][0] != "-" or toks[i - 2][2] != toks[i - 1][1]:
        return False
    return toks[i - 2][0].isalpha() and any(ch.isupper() for ch in toks[i - 2][0])


def _is_name(toks: list[Tok], j: int) -> bool:
    """True for a capitalised word inside the sentence that is no cue word ("Model" in "Model 3")."""
    word = toks[j][0] if j >= 0 else ""
    capital = word[:1].isupper() or word[:1].islower() and any(ch.isupper() for ch in word[1:])  # "iPhone"
    return j > 0 and capital and word.lower() not in _data()["changes"] and word.lower() not in NAME_STOP | _words("months")
