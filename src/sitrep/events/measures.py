"""Every quantity in a sentence: money, percentages, measures, counts with their noun, ranges.

``extract_quantities(text)`` reads a sentence left to right. At each number (digits, digits with
a scale "2.8bn", number words "five", "a dozen") it reads: 1. a currency before it ("$", "US$",
"€"); 2. a scale after it ("million", "m"); 3. a range ("4 to 5", "$7/$9", "between 2 and 3");
4. a unit from ``units.json`` ("%", "mph", "year-old"), else the counted noun that follows;
5. the change from the words before it ("more than" >, "about" ~, "rose" up, "fell" down).
Dates, times, years and identifiers ("Section 427") are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .counted import (
    Tok,
    _data,
    _low,
    _words,
    counted_heads,
    counted_noun,
    graded_lemmas,
    non_nouns,
    parsed_noun,
    singular,
)
from .numwords import fraction, written_number

_TOKEN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?(?![\d,]*\d)|\d[\d,]*(?:\.\d+)?|(?<![\w.])\.\d+|[A-Za-zμ°]+|\S")
_DIGITS = re.compile(r"(?:\d[\d,]*)?\.?\d+$")
MAX_UNIT_TOKENS = 6  # tokens a unit may span ("degrees", "km / h", "miles per hour", "m.p.h.")
CHANGE_LOOKBACK = 3  # tokens before a number searched for "more than", "about"
TREND_LOOKBACK = 5  # tokens before a number searched for "rose", "fell"
YEAR_RANGE = (1800, 2100)  # bare integers in this range with no unit are years, not quantities
SKIP_BEFORE = frozenset({"category", "no", "number", "section", "row", "room", "route", "page", "chapter", "article", "#", "version", "season", "game", "week", "level", "grade", "phase", "round"})

NAME_STOP = frozenset({"the", "a", "an", "in", "on", "at", "by", "for", "of", "to", "and", "or", "but", "with", "from", "about", "some", "over", "under", "only", "just", "nearly", "almost", "around"})

@dataclass
class Measure:
    """One quantity: value (the low end of a range), high end, canonical unit, change symbol, span."""

    value: float
    high: float | None
    unit: str  # canonical unit name; "-" when none
    change: str  # = ~ > < up down
    start: int
    end: int
    text: str
    noun: str | None = None  # the counted noun as written ("troops")



def _joined(text: str, toks: list[Tok], i: int, j: int) -> str:
    """Tokens i..j-1 as written, lower-cased, inner whitespace collapsed."""
    return " ".join(text[toks[i][1] : toks[j - 1][2]].lower().split())


def _number(text: str, toks: list[Tok], i: int) -> tuple[float, int, bool] | None:
    """(value, index after, had a scale) for a number starting at token i."""
    word = _low(toks, i)
    frac = fraction(toks, i)
    if frac is not None:
        k = frac[1]
        if _low(toks, k) == "a" and _low(toks, k + 1) in ("dozen", "thousand", "million", "billion", "trillion"):
            return frac[0] * _data()["scales"][_low(toks, k + 1)], k + 2, True  # "half a million"
        return frac[0], k, False
    if _DIGITS.match(word):
        if re.search(r",\d{1,2}(?!\d)", word):
            return None
        value, k = float(word.replace(",", "")) * _sign(toks, i), i + 1
    elif word == "a" and _low(toks, i + 1) in ("dozen", "hundred", "thousand", "million", "billion"):
        value, k = (12.0 if _low(toks, i + 1) == "dozen" else 1.0), i + 1 + (_low(toks, i + 1) == "dozen")
    elif word == "dozen" or word in _data()["word_numbers"] and word not in ("hundred", "half"):
        written = written_number(toks, i)
        if written is None:
            value, k = float(_data()["word_numbers"][word]), i + 1
        else:
            value, k = written
            if _low(toks, k - 1) in ("thousand", "million", "billion", "trillion"):
                return value, k, True  # "five thousand": scaled, so "four to five thousand" scales both ends
    else:
        return None
    scales = _data()["scales"]
    scaled = False
    while k < len(toks) and _low(toks, k) in scales:
        adjacent = toks[k][1] == toks[k - 1][2]
        if _low(toks, k) in _words("glued_scales") and not adjacent:  # "5 m" is no million, "5m" may be
            break
        value, k, scaled = value * scales[_low(toks, k)], k + 1, True
    return value, k, scaled


def _sign(toks: list[Tok], i: int) -> float:
    """-1 for "-1.3%" (a minus sign glued to the number, not joining two words) and "minus 5"."""
    prev = _low(toks, i - 1)
    if prev == "-" and toks[i - 1][2] == toks[i][1]:
        before = _low(toks, i - 2)
        if before == "minus" or i < 2 or toks[i - 2][2] < toks[i - 1][1]:
            return -1.0
    return -1.0 if prev == "minus" else 1.0


def _currency(text: str, toks: list[Tok], i: int) -> tuple[str, int] | None:
    """The currency written just before token i and the index where it starts."""
    prefix = _data()["prefix"]
    for back in (2, 1):
        j = i - back
        if j < 0:
            continue
        form = _joined(text, toks, j, i)
        glued = all(toks[x][2] == toks[x + 1][1] for x in range(j, i - 1))
        code = toks[j][0].isupper() and toks[j][0] not in ("A", "I")  # "HK $5", "NZ $9", not "a $9 loan"
        if form in prefix or (glued or code) and form.replace(" ", "") in prefix:
            return prefix[form if form in prefix else form.replace(" ", "")], j
    return None


def _unit(text: str, toks: list[Tok], k: int) -> tuple[str, int] | None:
    """A unit from the table starting at token k (a hyphen right after the number skipped)."""
    units = _data()["units"]
    start = k + 1 if _low(toks, k) == "-" and k > 0 and toks[k][1] == toks[k - 1][2] else k
    cased = _cased_unit(toks, start)
    for j in range(min(len(toks), start + MAX_UNIT_TOKENS), start, -1):
        if cased is not None and j == start + 1:
            return cased  # "5 W", "5G" before the lower-case table's "w", "g"; "kV/cm" before "kV"
        form = _joined(text, toks, start, j)
        if form in units:
            if form in _words("ambiguous_short_units") and toks[start][1] != toks[start - 1][2]:
                continue  # "5V", "35m": ambiguous short units only when written against the number
            return units[form], j
    return cased


def _cased_unit(toks: list[Tok], k: int) -> tuple[str, int] | None:
    """A unit symbol written with its exact case ("5G", "45g", "5 W", "3687 mAh") at token k."""
    if not 0 < k < len(toks):
        return None
    form = toks[k][0]
    if form not in _data()["cased_units"]:
        return None
    glued = toks[k][1] == toks[k - 1][2]
    if not glued and form in _words("cased_glued_only"):
        return None
    if _low(toks, k + 1)[:1].isalpha() and toks[k + 1][1] == toks[k][2]:
        return None  # part of a longer word
    return _data()["cased_units"][form], k + 1


def _change(toks: list[Tok], i: int) -> str:
    """The change cue before token i: a qualifier phrase, else a rise/fall verb."""
    changes = _data()["changes"]
    for back in range(CHANGE_LOOKBACK, 0, -1):
        j = i - back
        if j >= 0:
            phrase = " ".join(_low(toks, x) for x in range(j, i))
            if phrase in changes:
                trend = _trend_word(_low(toks, j - 1))
                if changes[phrase] == "~" and trend:
                    return trend  # "up nearly 57%", "advancing about 1.7 percent": the trend wins
                return changes[phrase]  # "up to" (<) before the bare "up" (rise)
    for back in (1, 2):
        if _low(toks, i - back) in _data()["near_trend"]:
            return _data()["near_trend"][_low(toks, i - back)]
    if _low(toks, i) == "-" and _low(toks, i + 1)[:1].isdigit():
        return "down"  # "-1.3%": a signed change
    for j in range(i - 1, max(-1, i - TREND_LOOKBACK - 1), -1):
        word = _low(toks, j)
        if _DIGITS.match(word) or word in ("to", "at", "from", "of", ",", "and"):
            break
        if _trend_word(word):
            return _trend_word(word)
    return "="


def _qualifier_start(toks: list[Tok], i: int) -> int:
    """Where the span of a quantity starts: at a qualifier right before it ("up to 60", "about
    $5", "between 3 and 4"), as news annotation (MEANTIME) marks it; else at token i."""
    for back in range(CHANGE_LOOKBACK, 0, -1):
        j = i - back
        phrase = " ".join(_low(toks, x) for x in range(j, i)) if j >= 0 else ""
        if phrase in _words("span_qualifiers"):
            return j
    return i


def _trend_word(word: str) -> str | None:
    """"up" / "down" for a rise or fall word ("rose", "up", "plunged"), else None."""
    if word in _data()["near_trend"]:
        return _data()["near_trend"][word]
    if word in _words("up_words"):
        return "up"
    return "down" if word in _words("down_words") else None


def _is_date_or_id(toks: list[Tok], i: int, k: int, value: float, scaled: bool, unit: bool = False) -> bool:
    """Years, days of months, clock times, ordinals and identifiers are not quantities; ``unit``
    = a unit from the table follows ("MacBook Pro 16 inch" is a measure, "Model 3" a name)."""
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
    return not scaled and _is_year(word)


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
    return nxt in ("am", "pm") and toks[k][1] == toks[k - 1][2]


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


def _vague(text: str, toks: list[Tok], i: int) -> tuple[Measure, int] | None:
    """"dozens of people", "tens of thousands of dollars": a range with the counted noun."""
    vague = _data()["vague"]
    for n in (3, 1):
        phrase = " ".join(_low(toks, x) for x in range(i, i + n))
        if phrase in vague and _low(toks, i + n) == "of":
            unit = _unit(text, toks, i + n + 1)
            noun = unit or counted_noun(toks, i + n + 1)
            if noun is None:
                return None
            low, high = vague[phrase]
            s, e = toks[i][1], toks[noun[1] - 1][2]
            return Measure(float(low), float(high), noun[0], _change(toks, i), s, e, text[s:e]), noun[1]
    return None


def _range_end(text: str, toks: list[Tok], k: int, between: bool) -> tuple[float, int, bool] | None:
    link = _low(toks, k)
    words = _low(toks, k - 1).isalpha() and _low(toks, k + 1).isalpha()
    if link in ("-", "–", "to", "/") or (between and link == "and") or (link == "or" and words):
        j = k + 1
        for n in (2, 1):  # "$", "US$", "$US" repeated on the high end
            if j + n < len(toks) and _joined(text, toks, j, j + n).replace(" ", "") in _data()["prefix"]:
                j += n
                break
        return _number(text, toks, j)
    return None


# counted heads by number offset, offsets of non-nouns, base forms of "best", "largest"
Parse = tuple[dict[int, tuple[str, int]], frozenset[int], dict[str, str]]


BARE_BEFORE = frozenset({"by", "to", "from", "is", "was", "be", "been", "are", "were", "at", "of", "and", "reached", "hit", "totalled", "totaled", "about", "around"})


BARE_DATE_LOOKBACK = 4  # tokens before a bare number searched for a month name
MAX_AGE = 120  # a bare number read as an age is below this
PERSON_WORDS = frozenset({"who", "he", "she", "i", "i'm", "you"})


def _bare_value(toks: list[Tok], i: int, k: int, parse: Parse | None) -> bool:
    """A plain number with no noun after it, read as a value when the parse is given and it
    ends a clause after a linking word ("decreased by 1.", "he was 10 when")."""
    if parse is None or not toks[i][0].isdigit() or _low(toks, i - 1) not in BARE_BEFORE:
        return False
    if any(_low(toks, i - b).rstrip(".") in _words("months") for b in range(1, BARE_DATE_LOOKBACK + 1)):
        return False  # "from Sept. 19 to 22"
    return _low(toks, k) in ("", ".", ",", ";", "when", "who", "in", "on", "and", "but", "by", "after")


def _age(toks: list[Tok], i: int, value: float) -> bool:
    """"Trump, who is 70", "he will be 35 by then": a bare number after a person and "is" is an age."""
    if _low(toks, i - 1) not in ("is", "was", "be", "turns", "turned") or not 0 < value < MAX_AGE:
        return False
    return any(_low(toks, i - b) in PERSON_WORDS for b in range(2, 5))


def _noun_after(toks: list[Tok], i: int, k: int, parse: Parse | None) -> tuple[str, int] | None:
    """The counted noun after the number at token i (reading resumes at k): the parse's phrase,
    else the words after it (not ending on a word the parse calls a verb or adjective)."""
    head = parse[0].get(toks[i][1]) if parse else None
    found = parsed_noun(toks, k, head)
    if found is None:
        found = counted_noun(toks, k)
        if found is not None and parse is not None and toks[found[1] - 1][1] in parse[1]:
            found = None
        elif found is not None and parse is not None:
            found = (" ".join(parse[2].get(w, w) for w in found[0].split()), found[1])
    return found or (head and (head[0], k))


def _read(text: str, toks: list[Tok], i: int, heads: Parse | None = None) -> tuple[Measure, int] | None:
    num = _number(text, toks, i)
    if num is None:
        return _vague(text, toks, i)
    value, k, scaled = num
    cur = _currency(text, toks, i)
    if cur is None and _is_date_or_id(toks, i, k, value, scaled, _unit(text, toks, k) is not None):
        return None
    start = cur[1] if cur else _signed_start(toks, i, value)
    high = None
    lead = {_low(toks, start - x) for x in (1, 2, 3)}
    trend = _low(toks, start - 1) in _words("up_words") | _words("down_words")
    ranged = _low(toks, start - 1) != "by" and (not trend or lead & {"between", "from"})  # "rose $1 to $84": two
    end_range = _range_end(text, toks, k, "between" in lead) if ranged else None
    first_unit: tuple[str, int] | None = None
    unit = _unit(text, toks, k) if end_range is None and (lead & {"between", "from"} or not trend) else None
    if unit is not None and _low(toks, unit[1]) in ("to", "and", "-"):
        end_range = _range_end(text, toks, unit[1], "between" in lead)
        second = _unit(text, toks, end_range[1]) if end_range is not None else None
        if second is None and "from" not in lead or second is not None and second[0] != unit[0]:
            end_range = None
        elif second is None:
            first_unit = unit  # "from 208 pounds to 193": the unit written once, on the low end
    if end_range is not None and (end_range[0] > value or "from" in lead and end_range[0] != value
                                  or _score(toks, k, value, end_range[0])):
        high, k2, scaled2 = end_range
        if scaled2 and not scaled:
            value = _rescale(value, high)
        k = k2
        if cur is None and _is_date_or_id(toks, k - 1, k, high, scaled2):
            return None
    unit = _unit(text, toks, k) or _deferred_unit(text, toks, k, _is_fraction(toks, i))
    if unit is None and first_unit is not None and high is not None:
        unit = (first_unit[0], k)  # "from 208 pounds to 193": the low end's unit
    noun = None
    if cur is not None:
        name = cur[0]
    elif unit is not None:
        name, k = unit
        name = _data()["money_after_scale"].get(name, name) if scaled else name  # "2 million pounds"
    else:
        found = _noun_after(toks, i, k, heads)
        if found is None and not (("," in toks[i][0] or "." in toks[i][0] or scaled) and toks[i][0][0].isdigit()
                                  or _is_fraction(toks, i) or _bare_value(toks, i, k, heads)):
            return None
        name, noun = (found[0], toks[k][0]) if found else ("year of age" if _age(toks, i, value) else "-", None)
        k = found[1] if found else k
    name, k = _rate(text, toks, k, name)
    s, e = toks[start][1], toks[k - 1][2]
    s = toks[_qualifier_start(toks, start)][1]
    return Measure(value, high, name, _change(toks, start), s, e, text[s:e], noun), k


MAX_SCORE = 200  # "a 9-2 lead", "a 5-4 ruling": a descending pair of small counts joined by a hyphen


def _score(toks: list[Tok], k: int, value: float, high: float) -> bool:
    """"9-2", "5-4": a score or vote tally, kept as one pair (low end first as written)."""
    glued = _low(toks, k) == "-" and toks[k][1] == toks[k - 1][2] and toks[k + 1][1] == toks[k][2]
    plain = toks[k - 1][0].isdigit() and toks[k + 1][0].isdigit()
    return glued and plain and 0 <= high < value <= MAX_SCORE


SUSPENDED_LOOKAHEAD = 8  # tokens searched for the shared unit of "7- or 8-inch", "four-, five- and six-cylinder"


def _deferred_unit(text: str, toks: list[Tok], k: int, frac: bool) -> tuple[str, int] | None:
    """A unit written later: "7- or 8-inch" (7 takes "inch", reading stops after "7-") and
    "1/16 of a US pint" (the fraction takes "pint")."""
    if _low(toks, k) == "-" and toks[k][1] == toks[k - 1][2] and _low(toks, k + 1) in ("or", "and", "to", ","):
        for j in range(k + 2, min(len(toks), k + SUSPENDED_LOOKAHEAD)):
            unit = _unit(text, toks, j) if _number(text, toks, j - 1) is not None else None
            if unit is not None:
                return unit[0], k + 1
        return None
    if frac and _low(toks, k) == "of":
        j = k + 1 + (_low(toks, k + 1) in ("a", "an", "the"))
        while j < len(toks) - 1 and j < k + 4 and (toks[j][0][:1].isupper() or _low(toks, j) == "fluid"):
            j += 1  # "of a US pint", "of a fluid ounce"
        return _unit(text, toks, j)
    return None


def _signed_start(toks: list[Tok], i: int, value: float) -> int:
    """The token where a negative number starts: its "-" sign or the word "minus"."""
    if value >= 0 or i == 0:
        return i
    back = i - 1 if _low(toks, i - 1) == "minus" else i - 1 - (_low(toks, i - 2) == "minus")
    return max(back, 0)


def _is_fraction(toks: list[Tok], i: int) -> bool:
    return fraction(toks, i) is not None


def _rate(text: str, toks: list[Tok], k: int, name: str) -> tuple[str, int]:
    """"$3500 a month", "$62 per share": the unit becomes "dollar per month"."""
    if _low(toks, k) not in ("per", "a", "an", "/") or name == "-":
        return name, k
    rates = _data()["rate_words"]
    for n in (2, 1):
        if k + n < len(toks):
            form = singular(_joined(text, toks, k + 1, k + 1 + n))
            unit = _data()["units"].get(form) or rates.get(form)
            if unit and (form in rates or _low(toks, k) == "per"):
                return f"{name} per {unit}", k + 1 + n
    return name, k


def _rescale(low: float, high: float) -> float:
    """"4 to 5 thousand": the low end takes the high end's scale when it is far smaller."""
    for scale in (1e12, 1e9, 1e6, 1e3):
        if high >= scale and low < 1000 and low * scale <= high:
            return low * scale
    return low


def extract_quantities(text: str, parse: Any = None) -> list[Measure]:
    """Every quantity in ``text``, in order; spans are offsets into ``text``. ``parse`` (optional)
    is the spaCy Doc or Span over exactly ``text``: its ``nummod`` arcs give the counted noun
    where the words after the number do not."""
    heads = (counted_heads(parse), non_nouns(parse), graded_lemmas(parse)) if parse is not None else None
    toks: list[Tok] = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    found: list[Measure] = []
    i = 0
    while i < len(toks):
        hit = _read(text, toks, i, heads)
        if hit is None:
            i += 1
            continue
        found.append(hit[0])
        i = max(hit[1], i + 1)
    return _shared_units(text, found)


ELLIPSIS_GAP = 60  # characters allowed between a quantity and a later bare number sharing its unit
RATE_UNITS = frozenset({"percentage", "percentage point", "basis point"})
ELLIPSIS_RATIO = 1000.0  # the two values must be within this factor ("5%" never lends to "1.2 million")


def _shared_units(text: str, found: list[Measure]) -> list[Measure]:
    """"3.9 million headsets, up from 2.4 million": a bare number takes the unit of the quantity
    just before it when a linking word ("from", "to", "and", "including") joins them."""
    for n in range(1, len(found)):
        m, p = found[n], found[n - 1]
        if m.unit != "-" or p.unit == "-" or not m.text[:1].isdigit() or m.start - p.end > ELLIPSIS_GAP:
            continue
        between = re.findall(r"[a-z]+", text[p.end : m.start].lower())
        if not set(between) & _words("elliptic_links") or _sentence_break(text[p.end : m.start]):
            continue
        if "to" in between and p.unit in RATE_UNITS:
            continue  # "rose 8.15% to 3.65": the level reached, not a share
        if p.value and m.value and 1 / ELLIPSIS_RATIO <= abs(m.value / p.value) <= ELLIPSIS_RATIO:
            m.unit = p.unit
    return found


def _sentence_break(gap: str) -> bool:
    return any(ch in gap for ch in ";:()")
