"""Every quantity in a sentence: money, percentages, measures, counts with their noun, ranges.

``extract_quantities(text)`` reads a sentence left to right. At each number (digits, digits with
a scale "2.8bn", number words "five", "a dozen") it reads: 1. a currency before it ("$", "US$",
"€"); 2. a scale after it ("million", "m"); 3. a range ("4 to 5", "$7/$9", "between 2 and 3");
4. a unit from ``units.json`` ("%", "mph", "year-old"), else the counted noun that follows;
5. the change from the words before it ("more than" >, "about" ~, "rose" up, "fell" down).
A fraction written in words is a share named after what it is of, as NewsQuant names it ("a third
of voters" -> "% voter", "half of which" -> "% -"); "one of four X" is a quarter of them
(``shares``).
Dates, times, years, house numbers and identifiers ("Section 427") are skipped.
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
    of_objects,
    plural,
    singular,
    verbs,
)
from .ellipsis import share_units
from .nonquant import _is_year, is_date_or_id
from .numwords import fraction, vulgar_after, written_number
from .shares import DIGITS as _DIGITS
from .shares import Parse, ever_to, group_member, noun_after, qualified_unit, share_of
from .unitcues import age_cue, age_unit, between_ages, metre, person_age

_TOKEN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?(?![\d,]*\d)|\d[\d,]*(?:\.\d+)?|(?<![\w.])\.\d+|[A-Za-zμΩ°]+|\S")
MAX_UNIT_TOKENS = 6  # tokens a unit may span ("degrees", "km / h", "miles per hour", "m.p.h.")
BIG_SCALES = ("thousand", "million", "billion", "trillion")
CHANGE_LOOKBACK = 3  # tokens before a number searched for "more than", "about"
TREND_LOOKBACK = 5  # tokens before a number searched for "rose", "fell"


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
        k += _low(toks, k) == "of" and _low(toks, k + 1) == "a" and _low(toks, k + 2) in BIG_SCALES  # "a quarter of a million"
        if _low(toks, k) == "a" and _low(toks, k + 1) in ("dozen",) + BIG_SCALES:
            return frac[0] * _data()["scales"][_low(toks, k + 1)], k + 2, True  # "half a million"
        return frac[0], k, False
    if _DIGITS.match(word):
        if re.search(r",\d{1,2}(?!\d)", word):
            return None
        value, k = float(word.replace(",", "")) * _sign(toks, i), i + 1
        if "." not in word and vulgar_after(toks, k):
            value, k = value + vulgar_after(toks, k), k + 1  # "3 ½ hours"
        elif "." not in word and "," not in word and _low(toks, k).isdigit() and _low(toks, k + 1) in ("/", "\u2044"):
            part = fraction(toks, k)
            if part is not None and part[0] < 1:
                value, k = value + part[0], part[1]  # "2 3/4 cups"
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
        if metre(toks, i, k) and _currency(text, toks, i) is None:
            break  # "37m (121ft)", "330m tall": metres
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
            console = _low(toks, i).isdigit() and len(_low(toks, i)) == 1 and _low(toks, i + 1) not in _data()["scales"]
            if form == "ps" and glued and console:
                return None  # "PS4": a games console, not pounds
            return prefix[form if form in prefix else form.replace(" ", "")], j
    return None


def _unit(text: str, toks: list[Tok], k: int) -> tuple[str, int] | None:
    """A unit from the table starting at token k (a hyphen right after the number skipped)."""
    units = _data()["units"]
    start = k + 1 if _low(toks, k) == "-" and k > 0 and toks[k][1] == toks[k - 1][2] else k
    if metre(toks, start - 1, start):
        return "metre", start + 1
    if _prime(text, toks, start):
        return "foot", start + 1  # "hovering at 40'", "6′"
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


def _prime(text: str, toks: list[Tok], k: int) -> bool:
    """A foot mark right after a number: "′", or "'" when no other "'" in the text pairs with it
    (not a closing quote) and no letter is glued after it ("the 1990's")."""
    if not 0 < k < len(toks) or toks[k][0] not in ("'", "′") or toks[k][1] != toks[k - 1][2]:
        return False
    if not toks[k - 1][0][:1].isdigit() or _low(toks, k + 1)[:1].isalnum() and toks[k + 1][1] == toks[k][2]:
        return False
    return toks[k][0] == "′" or text.count("'") == 1


def _cased_unit(toks: list[Tok], k: int) -> tuple[str, int] | None:
    """A unit symbol written with its exact case ("5G", "45g", "5 W", "3687 mAh") at token k."""
    if not 0 < k < len(toks):
        return None
    form = toks[k][0]
    if form not in _data()["cased_units"]:
        return None
    glued = toks[k][1] == toks[k - 1][2]
    slashed = _low(toks, k + 1) == "/" and toks[k + 1][1] == toks[k][2]  # "2.1 A/cm2": a compound unit
    if not glued and not slashed and form in _words("cased_glued_only") or not slashed and form in _words("cased_compound_only"):
        return None  # "5 G" is no 5G; "4A" is a school class, "2.1 A/cm2" a current density
    if _low(toks, k + 1)[:1].isalnum() and toks[k + 1][1] == toks[k][2]:
        return None  # part of a longer word or code ("bit.ly/3X9K")
    if len(form) == 1 and _low(toks, k + 1) == "." and toks[k + 2 : k + 3] and toks[k + 2][0][:1].isupper():
        return None  # "45 N. Main St.": an initial or a compass point
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


def _vague(text: str, toks: list[Tok], i: int) -> tuple[Measure, int] | None:
    """"dozens of people", "tens of thousands of dollars": a range with the counted noun."""
    vague = _data()["vague"]
    for n in (3, 1):
        phrase = " ".join(_low(toks, x) for x in range(i, i + n))
        if phrase in vague and _low(toks, i + n) == "of":
            unit = _unit(text, toks, i + n + 1)
            noun = unit or counted_noun(toks, i + n + 1) or _people(toks, i + n + 1)
            if noun is None:
                return None
            low, high = vague[phrase]
            s, e = toks[i][1], toks[noun[1] - 1][2]
            return Measure(float(low), float(high), noun[0], _change(toks, i), s, e, text[s:e]), noun[1]
    return None


def _people(toks: list[Tok], k: int) -> tuple[str, int] | None:
    """"thousands of Brazilians": a capitalised plural (a people or a group) as written."""
    word = toks[k][0] if k < len(toks) else ""
    if word[:1].isupper() and word.isalpha() and plural(word.lower()) and word.lower() not in _words("months"):
        return word, k + 1
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


BARE_BEFORE = frozenset({"by", "to", "from", "is", "was", "be", "been", "are", "were", "at", "of", "and", "reached", "hit", "totalled", "totaled", "about", "around"})


BARE_DATE_LOOKBACK = 4  # tokens before a bare number searched for a month name


def _bare_value(toks: list[Tok], i: int, k: int, parse: Parse | None) -> bool:
    """A plain number with no noun after it, read as a value when the parse is given and it
    ends a clause after a linking word ("decreased by 1.", "he was 10 when")."""
    if parse is None or not toks[i][0].isdigit() or _low(toks, i - 1) not in BARE_BEFORE:
        return False
    if _low(toks, i - 2) == "out" and _low(toks, i - 1) == "of":
        return False  # "eight out of 10 said"
    if any(_low(toks, i - b).rstrip(".") in _words("months") for b in range(1, BARE_DATE_LOOKBACK + 1)):
        return False  # "from Sept. 19 to 22"
    if _low(toks, i - 1) == "and" and _low(toks, k).endswith("ed") and k < len(toks) and toks[k][1] in parse[1]:
        return True  # "12 people were killed and 40 injured": a participle follows
    return _low(toks, k) in ("", ".", ",", ";", "when", "who", "in", "on", "and", "but", "by", "after") \
        or toks[k][1] in parse[3]  # "is around 73 raising the prospect": a verb follows


def _read(text: str, toks: list[Tok], i: int, heads: Parse | None = None) -> tuple[Measure, int] | None:
    """The quantity whose number starts at token i and the index after it, or None."""
    num = _number(text, toks, i)
    if num is None:
        return _vague(text, toks, i)
    if group_member(toks, i, heads):
        return None  # "one of three men arrested": the count "three men" is read next
    value, k, scaled = num
    cur = _currency(text, toks, i)
    if cur is None and is_date_or_id(toks, i, k, value, scaled, _unit(text, toks, k) is not None):
        return None
    start = cur[1] if cur else _signed_start(toks, i, value)
    ranged = _read_range(text, toks, start, (value, k, scaled), cur is None)
    if ranged is None:
        return None
    value, high, k, first_unit = ranged
    named = _read_name(text, toks, (i, k), (value, scaled, cur, first_unit if high is not None else None), heads)
    if named is None:
        return None
    name, noun, k = named
    name, k = _rate(text, toks, k, name)
    s, e = toks[_qualifier_start(toks, start)][1], toks[k - 1][2]
    return Measure(value, high, name, _change(toks, start), s, e, text[s:e], noun), k


Ranged = tuple[float, float | None, int, tuple[str, int] | None]  # low, high, index after, low end's unit


def _read_range(text: str, toks: list[Tok], start: int, num: tuple[float, int, bool], check: bool) -> Ranged | None:
    """The high end of a range after the number ``num`` (value, index after, scaled) whose span
    starts at ``start``: "4 to 5", "between 2 and 3", "from 208 pounds to 193" (the unit written
    on the low end is returned). None when the high end is a date or a name (``check``)."""
    value, k, scaled = num
    high = None
    lead = {_low(toks, start - x) for x in (1, 2, 3)} | ({"between"} if between_ages(toks, start) else set())
    trend = _low(toks, start - 1) in _words("up_words") | _words("down_words")
    ranged = _low(toks, start - 1) != "by" and (not trend or lead & {"between", "from"})  # "rose $1 to $84": two
    end_range = _range_end(text, toks, k, "between" in lead) if ranged else None
    if end_range is None and ranged and "from" in lead and _dated(toks, k) > k:
        end_range = _range_end(text, toks, _dated(toks, k), False)  # "from $5 in 2019 to $7"
    first_unit: tuple[str, int] | None = None
    unit = _unit(text, toks, k) if end_range is None and (lead & {"between", "from"} or not trend) else None
    up_to = unit is not None and "from" in lead and [_low(toks, unit[1]), _low(toks, unit[1] + 1)] == ["up", "to"]
    dated = _dated(toks, unit[1]) - unit[1] if unit is not None and "from" in lead else 0
    if unit is not None and (_low(toks, unit[1]) in ("to", "and", "-") or up_to or dated):
        # "from 450 sq ft up to 900 sq ft", "from 22 mpg in 2009 to 31 mpg"
        end_range = _range_end(text, toks, unit[1] + up_to + dated, "between" in lead)
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
        if check and is_date_or_id(toks, k - 1, k, high, scaled2):
            return None
    return value, high, k, first_unit


def _dated(toks: list[Tok], j: int) -> int:
    """The index of "to" when a date lies between the two ends of a "from" range at token j
    ("from 22 mpg in 2009 to 31 mpg": "in 2009"); j when none."""
    if _low(toks, j) not in ("in", "on"):
        return j
    n = j + 1 + (_low(toks, j + 1).rstrip(".") in _words("months"))
    n += _is_year(_low(toks, n))
    return n if n > j + 1 and _low(toks, n) == "to" else j


def _read_name(text: str, toks: list[Tok], at: tuple[int, int], how: tuple[float, bool, tuple[str, int] | None,
               tuple[str, int] | None], heads: Parse | None) -> tuple[str, str | None, int] | None:
    """(unit name, counted noun as written, index after) for the number at token ``at[0]`` whose
    reading resumes at ``at[1]``; ``how`` = (value, scaled, currency before it, the range's low-end
    unit). None for a bare number that is no quantity."""
    i, k = at
    value, scaled, cur, first_unit = how
    unit = _unit(text, toks, k) or _deferred_unit(text, toks, k, _is_fraction(toks, i))
    if unit is None and first_unit is not None:
        unit = (first_unit[0], k)  # "from 208 pounds to 193": the low end's unit
    if cur is not None:
        return cur[0], None, k
    aged = age_unit(unit, k) if age_cue(toks, i) else None
    if aged is not None:
        return aged[0], None, aged[1]  # "aged 34", "at the age of 87", "aged 5 months"
    if unit is not None:
        name, k = unit
        return (_data()["money_after_scale"].get(name, name) if scaled else name), None, k  # "2 million pounds"
    if _is_fraction(toks, i) and toks[i][0][:1].isalpha() and not scaled:
        unit = _unit(text, toks, k + 1) if _low(toks, k) in ("a", "an") else None
        if unit is not None:
            return unit[0], None, unit[1]  # "half a percentage point"
        share, k = share_of(toks, i, k, heads)
        return f"% {share}", None, k  # "a third of the population": a share, named "% <what it is of>"
    found = noun_after(toks, i, k, heads)
    if found is None and not (("," in toks[i][0] or "." in toks[i][0] or scaled) and toks[i][0][0].isdigit()
                              or _is_fraction(toks, i) or _bare_value(toks, i, k, heads)):
        return None
    if found and _low(toks, i) == "one" and _low(toks, k) == "of":
        found = ever_to(toks, found, heads)  # "one of the tallest towers ever to stand"
    if found:
        return qualified_unit(found[0]), toks[k][0], found[1]
    return ("year of age" if person_age(toks, i, value) else "-"), None, k


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
            if _number(text, toks, j - 1) is None:
                continue
            unit = _unit(text, toks, j)
            if unit is not None:
                return unit[0], k + 1
            glued = toks[j][1] == toks[j - 1][2] == toks[j + 1][1] - 1 if j + 1 < len(toks) else False
            if _low(toks, j) == "-" and _low(toks, j + 1).isalpha() and glued:
                return singular(_low(toks, j + 1)), k + 1  # "two- and three-bedroom homes": bedroom
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


BRACKET_SPAN = 12  # tokens searched for the closing bracket of "($250 million)"
RATE_NOT_AFTER = frozenset({"earlier", "ago", "before", "later", "previously", "prior"})  # "a year earlier": a time


def _rate(text: str, toks: list[Tok], k: int, name: str) -> tuple[str, int]:
    """"$3500 a month", "$62 per share": the unit becomes "dollar per month"; also past a bracket
    ("4 billion rand ($250 million) a year", reading resumes in the bracket)."""
    if _low(toks, k) == "(" and name != "-":
        close = next((j for j in range(k + 1, min(len(toks), k + BRACKET_SPAN)) if toks[j][0] == ")"), None)
        if close is not None and _low(toks, close + 1) in ("per", "a", "an"):
            rated, after = _rate(text, toks, close + 1, name)
            return (rated, k) if after > close + 1 else (name, k)
    if _low(toks, k) not in ("per", "a", "an", "/") or name == "-":
        return name, k
    rates = _data()["rate_words"]
    for n in (2, 1):
        if k + n < len(toks):
            form = singular(_joined(text, toks, k + 1, k + 1 + n))
            unit = _data()["units"].get(form) or rates.get(form)
            compound = _low(toks, k) == "/" and toks[k][1] == toks[k - 1][2] == toks[k + 1][1] - 1  # "A/cm2"
            linked = form in rates or _low(toks, k) == "per" or compound
            if unit and linked and _low(toks, k + 1 + n) not in RATE_NOT_AFTER:
                return f"{name} per {unit}", k + 1 + n  # not "$6.78 billion a year earlier"
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
    heads = (counted_heads(parse), non_nouns(parse), graded_lemmas(parse), verbs(parse), of_objects(parse)) \
        if parse is not None else None
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
    return share_units(text, found)

