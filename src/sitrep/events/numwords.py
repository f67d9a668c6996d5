"""Written numbers and fractions: "twenty-eight thousand six hundred forty-two", "a dozen",
"two-thirds", "a third of", "one out of three", "half the", "1/2".

Each reader takes the token list of ``measures`` ((text, start, end) triples) and an index and
returns ``(value, index after)`` or ``None``. Words come from ``data/events/numwords.json``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .lexicon import load

Tok = tuple[str, int, int]
_INT = re.compile(r"\d+$")
MAX_DENOMINATOR = 128  # "1/2", "3/4", "1/128": larger denominators are more likely ids or scores
MAX_BARE_DENOMINATOR = 8  # "9/11", "7/10" not followed by "of" are dates or scores; "3/4 cup" is a fraction


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return load("numwords")


def _low(toks: list[Tok], i: int) -> str:
    return toks[i][0].lower() if 0 <= i < len(toks) else ""


def _small(word: str) -> float | None:
    d = _data()
    if word in d["units"]:
        return float(d["units"][word])
    if word in d["tens"]:
        return float(d["tens"][word])
    return None


def written_number(toks: list[Tok], i: int) -> tuple[float, int] | None:
    """A number written in words starting at ``i`` ("forty-two", "six hundred and five",
    "twenty-eight thousand six hundred forty-two"); ``None`` for a lone scale word."""
    mult = _data()["multipliers"]
    total, current, k, seen = 0.0, 0.0, i, False
    while k < len(toks):
        word = _low(toks, k)
        small = _small(word)
        if small is not None:
            if seen and current % 100 and not (current % 10 == 0 and small < 10 and current >= 20):
                break  # "five six": two numbers, not one
            current += small
            seen = True
            k += 1
            if _low(toks, k) == "-" and _small(_low(toks, k + 1)) is not None and small >= 20:
                current += _small(_low(toks, k + 1)) or 0.0
                k += 2
        elif seen and word in mult:
            scale = mult[word]
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0.0
            k += 1
        elif seen and word == "and" and _small(_low(toks, k + 1)) is not None and (current or total) >= 100:
            k += 1
        else:
            break
    if not seen:
        return None
    return total + current, k


def vulgar_after(toks: list[Tok], k: int) -> float:
    """The single-character fraction right after a whole number ("5 ½", "2½"), else 0."""
    return float(_data()["vulgar"].get(_low(toks, k), 0.0))


def fraction(toks: list[Tok], i: int) -> tuple[float, int] | None:
    """"a third of", "two-thirds", "one fourth of", "half the", "one out of three", "1/2"."""
    fr = _data()["fractions"]
    word = _low(toks, i)
    if word in _data()["vulgar"]:
        return _data()["vulgar"][word], i + 1  # "¾ of an hour"
    if _INT.match(word) and _low(toks, i + 1) in ("/", "\u2044") and _INT.match(_low(toks, i + 2)):  # "1/2", "1⁄32"
        adjacent = toks[i][2] == toks[i + 1][1] and toks[i + 1][2] == toks[i + 2][1]
        num, den = int(word), int(_low(toks, i + 2))
        glued = toks[i + 3 : i + 4] and toks[i + 3][1] == toks[i + 2][2] and toks[i + 3][0][:1].isalpha()  # "3/4in"
        shared = den <= MAX_BARE_DENOMINATOR or _low(toks, i + 3) == "of" or glued
        if adjacent and 0 < num < den <= MAX_DENOMINATOR and _low(toks, i + 3) not in ("/", "\u2044") and shared:
            return num / den, i + 3
        return None
    if word in fr and word.startswith("half"):
        before = _low(toks, i - 1)
        if before in ("first", "second", "the", "last", "and", "a") or _low(toks, i + 1) not in _data()["fraction_follow"]:
            return None
        return fr[word], i + 1
    count = 1.0 if word in ("a", "one") else _small(word)
    if count is None:
        return None
    k = i + 1 + (_low(toks, i + 1) == "-")
    if _low(toks, k) in fr and not _low(toks, k).startswith("half"):
        if word == "a" and _low(toks, k + 1) != "of":
            return None  # "a quarter" of an hour is kept to the time rules; "a third of" is a share
        return count * fr[_low(toks, k)], k + 1
    if _low(toks, i + 1) == "out" and _low(toks, i + 2) == "of":
        den = _small(_low(toks, i + 3))
        if den:
            return count / den, i + 4
    if word == "one" and _low(toks, i + 1) == "of":
        den = _small(_low(toks, i + 2))  # written small numbers only: "one of 30 passengers hurt" stays a count
        if den and 2 < den <= 10 and _low(toks, i + 3).isalpha() and _low(toks, i + 3) not in ("of", "and", "or", "to"):
            return 1.0 / den, i + 3  # "one of four rival designs": a quarter of them
    return None
