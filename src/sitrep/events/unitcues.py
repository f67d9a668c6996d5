"""Units read from the words around a number rather than from a unit after it.

- Ages: "aged 34", "at the age of 87", "between the ages of 17 and 20", "ages 40 to 65" give
  "year of age" ("aged 5 months" gives "month of age"); "Trump, who is 70" too (a person word,
  then "is", then a bare number).
- Metres written "m", which is also the "million" suffix: "a 37m (121ft) skeleton", "330 m tall",
  "the 100m sprint" are metres; "35m people" and "$5m" stay millions.

Used by ``measures``; tokens are its (text, start, end) triples. Word lists come from
``data/events/units.json`` (``age_cues``, ``age_cue_skip``, ``length_units``,
``length_adjectives``, ``length_nouns``).
"""

from __future__ import annotations

from .counted import Tok, _data, _low, _words

AGE_CUE_LOOKBACK = 3  # words ("of", "between", "about") allowed between "age(d)" and the number
MAX_AGE = 120  # a bare number read as an age is below this
PERSON_WORDS = frozenset({"who", "he", "she", "i", "i'm", "you"})
AGE_TIME_UNITS = frozenset({"year", "month", "week", "day"})  # "aged 5 months" -> "month of age"


def age_cue(toks: list[Tok], i: int) -> bool:
    """True when "aged", "age" or "ages" comes just before the number at token i, with at most a
    few linking words between ("at the age of 87", "aged between 18 and 25")."""
    for j in range(i - 1, max(-1, i - 1 - AGE_CUE_LOOKBACK), -1):
        word = _low(toks, j)
        if word in _words("age_cues"):
            return True
        if word not in _words("age_cue_skip"):
            return False
    return False


def between_ages(toks: list[Tok], start: int) -> bool:
    """"between the ages of 17 and 20": "between" further back than a range's usual lead words."""
    return [_low(toks, start - b) for b in (4, 3, 2, 1)] in (["between", "the", "ages", "of"],
                                                             ["between", "the", "age", "of"])


def age_unit(unit: tuple[str, int] | None, k: int) -> tuple[str, int] | None:
    """The unit of a number after an age cue: "year of age", or "<time unit> of age" for a
    time unit read after it ("aged 5 months"); None when another unit follows ("age 5G")."""
    if unit is None:
        return "year of age", k
    if unit[0] in AGE_TIME_UNITS:
        return f"{unit[0]} of age", unit[1]
    return None


def person_age(toks: list[Tok], i: int, value: float) -> bool:
    """"Trump, who is 70", "he will be 35 by then": a bare number after a person and "is" is an age."""
    if _low(toks, i - 1) not in ("is", "was", "be", "turns", "turned") or not 0 < value < MAX_AGE:
        return False
    return any(_low(toks, i - b) in PERSON_WORDS for b in range(2, 5))


def metre(toks: list[Tok], i: int, k: int) -> bool:
    """True when token k, "m" after the number at token i, means metres: a length word follows
    ("tall", "long", "-long", "sprint"), a length in other units follows in brackets ("37m
    (121ft)"), or the number itself stands in brackets after a length ("121ft (37m)")."""
    if _low(toks, k) != "m":
        return False
    nxt = k + 1 + (_low(toks, k + 1) == "-" and toks[k + 1][1] == toks[k][2])
    word = _low(toks, nxt)
    hyphenated = _low(toks, nxt + 1) == "-" and nxt + 1 < len(toks) and toks[nxt + 1][1] == toks[nxt][2]
    if word in _words("length_adjectives") and not hyphenated or word in _words("length_nouns"):
        return True  # "330 m tall", "37m-long", "the 100m sprint"; not "$2m long-term"
    if word == "(" and _low(toks, nxt + 1)[:1].isdigit() and _length(toks, nxt + 2):
        return True
    return _low(toks, i - 1) == "(" and _length(toks, i - 2) and _low(toks, k + 1) == ")"


def _length(toks: list[Tok], j: int) -> bool:
    """A length unit written at token j ("ft", "feet", "miles", "yards", "km")."""
    return _data()["units"].get(_low(toks, j)) in _words("length_units")
