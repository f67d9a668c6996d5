"""Quantities of a sentence for the events stage: "2,000 more troops", "more than 100,000 Russian
troops", "thousands of soldiers", and every other quantity the general reader finds ("$2 billion",
"12 percent", "40 trucks").

Troop-like counts come first from a reader written for them: a number (digits, digits with a
scale word, or number words), an optional qualifier before it ("about", "up to", "more than") or
after it ("more", "additional"), up to three modifiers (demonyms, "U.S.", "combat", ...) and a
counted noun from ``numbers.json``. Vague counts ("thousands of soldiers") have no value but a
low/high range. Then ``measures.extract_quantities`` (the reader scored on NewsQuant) adds every
quantity not overlapping one of those, so the events stage and the quantities eval read alike.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..countries import country_code, demonym_code
from ..schema import Quantity
from .lexicon import load, word_set
from .measures import Measure, extract_quantities

# a model designator ("F-16", "MiG-29", "S-400", "M1A2") is one word, never a count
_MODEL = re.compile(r"[A-Z][A-Za-z]{0,3}-?\d+[A-Za-z0-9]*$")
_WORD = re.compile(r"[A-Z][A-Za-z]{0,3}-\d+[A-Za-z0-9]*|[A-Z]+\d+[A-Za-z0-9]*|\d[\d,]*(?:\.\d+)?|(?:[A-Za-z]\.){2,}"
                   r"|[A-Za-z][A-Za-z\-'’]*[A-Za-z]|[A-Za-z]|\S")
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?$")
MAX_MODIFIERS = 3  # words allowed between the number and the counted noun ("8,500 U.S. combat troops")
MAX_MODEL_NUMBER = 100  # "Leopard 2", "Challenger 3": a small bare number after a name is part of it

Tok = tuple[str, int, int]


@cache
def _multiword(key: str) -> list[list[str]]:
    """Multi-word phrases of a list, longest first, as word lists."""
    return sorted((p.split() for p in load("numbers")[key]), key=len, reverse=True)


_FIRST: dict[int, frozenset[str]] = {}


def _first_words(key: int, phrases: list[list[str]]) -> frozenset[str]:
    """First words of a (cached, long-lived) phrase list: a quick reject before matching."""
    if key not in _FIRST:
        _FIRST[key] = frozenset(p[0] for p in phrases)
    return _FIRST[key]


def _match_phrase(toks: list[Tok], i: int, phrases: list[list[str]]) -> int:
    """Index after the longest phrase starting at ``i`` (``i`` when none matches)."""
    if i >= len(toks) or toks[i][0].lower() not in _first_words(id(phrases), phrases):
        return i
    for words in phrases:
        if [t[0].lower() for t in toks[i : i + len(words)]] == words:
            return i + len(words)
    return i


def _number(toks: list[Tok], i: int) -> tuple[float, int] | None:
    """The number starting at token ``i`` and the index after it."""
    if i >= len(toks):
        return None
    word = toks[i][0].lower()
    scales = load("numbers")["scales"]
    if _DIGITS.match(word):
        value = float(word.replace(",", ""))
    else:
        j = _match_phrase(toks, i, _multiword("words"))
        if j == i:
            return None
        value = float(load("numbers")["words"][" ".join(t[0].lower() for t in toks[i:j])])
        i = j - 1
    if i + 1 < len(toks) and toks[i + 1][0].lower() in scales:
        return value * scales[toks[i + 1][0].lower()], i + 2
    return value, i + 1


def _is_modifier(word: str) -> bool:
    low = word.lower()
    return (low in word_set("numbers", "modifiers") or bool(_MODEL.match(word)) or bool(demonym_code(word))
            or bool(country_code(word)))


def _name_part(toks: list[Tok], k: int, first: int) -> bool:
    """A word of a weapon or unit name between a count and its noun: a capitalised word ("250 M1
    Abrams tanks", "300 Wagner fighters") or a small number after one ("14 Leopard 2 tanks")."""
    word = toks[k][0]
    if word[:1].isupper() and word.isalpha():
        return True
    return k > first and bool(_DIGITS.match(word)) and "," not in word and toks[k - 1][0][:1].isupper() \
        and float(word) < MAX_MODEL_NUMBER


def _unit(toks: list[Tok], i: int) -> tuple[str, int] | None:
    """The counted noun at or a few modifiers after ``i``, and the index after it."""
    units = _multiword("units")
    for skip in range(MAX_MODIFIERS + 1):
        j = _match_phrase(toks, i + skip, units)
        if j > i + skip:
            return " ".join(t[0].lower() for t in toks[i + skip : j]), j
        if i + skip >= len(toks) or not (_is_modifier(toks[i + skip][0]) or _name_part(toks, i + skip, i)):
            return None
    return None


def _inside_name(toks: list[Tok], i: int) -> bool:
    """"Germany sent Leopard 2 tanks": a small bare number right after a capitalised word inside
    the sentence (no month, country or listed modifier) names a model, it counts nothing."""
    if i < 2 or "," in toks[i][0] or not _DIGITS.match(toks[i][0]) or float(toks[i][0]) >= MAX_MODEL_NUMBER:
        return False
    prev = toks[i - 1][0]
    return prev[:1].isupper() and prev.isalpha() and not _is_modifier(prev) \
        and prev.lower() not in load("units")["months"] and toks[i - 2][0] not in ".!?:"


def _vague(toks: list[Tok], i: int, text: str, offset: int) -> tuple[Quantity, int] | None:
    vague = load("numbers")["vague"]
    j = _match_phrase(toks, i, _multiword("vague"))
    if j == i or j >= len(toks) or toks[j][0].lower() != "of":
        return None
    unit = _unit(toks, j + 1)
    if unit is None:
        return None
    name = " ".join(t[0].lower() for t in toks[i:j])
    low, high = vague[name]
    start, end = toks[i][1], toks[unit[1] - 1][2]
    q = Quantity(None, unit[0], name, text[start:end], float(low), float(high), [start + offset, end + offset])
    return q, unit[1]


def _count(toks: list[Tok], i: int, text: str, offset: int) -> tuple[Quantity, int] | None:
    j = _match_phrase(toks, i, _multiword("qualifiers"))
    qualifier = " ".join(t[0].lower() for t in toks[i:j]) or None
    between = j < len(toks) and toks[j][0].lower() == "between"
    if j == i and _inside_name(toks, i):
        return None
    num = _number(toks, j + 1 if between else j)
    if num is None:
        return None
    value, k = num
    low = high = None
    if k < len(toks) and toks[k][0].lower() in ("to", "and", "-", "–") and (between or _DIGITS.match(toks[k - 1][0])):
        upper = _number(toks, k + 1)
        if upper is not None:
            low, high, k = value, upper[0], upper[1]
            value, qualifier = None, qualifier or "between"
    if k < len(toks) and toks[k][0].lower() in word_set("numbers", "post_qualifiers"):
        qualifier = qualifier or toks[k][0].lower()
        k += 1
    unit = _unit(toks, k)
    if unit is None:
        return None
    if qualifier in ("up to", "as many as", "at most") and value is not None:
        high = value
    elif qualifier in ("more than", "at least", "over", "well over") and value is not None:
        low = value
    start, end = toks[i][1], toks[unit[1] - 1][2]
    q = Quantity(value, unit[0], qualifier, text[start:end], low, high, [start + offset, end + offset])
    return q, unit[1]


def find_quantities(text: str, offset: int = 0, parse: Any = None) -> list[Quantity]:
    """Every quantity in ``text`` in order: troop-like counts, then the general reader's quantities
    that overlap none of them. Spans are shifted by ``offset`` (the text's start in the body);
    ``parse`` (optional) is the spaCy Span/Doc over exactly ``text`` (it gives counted nouns)."""
    if not _may_hold_quantity(text):
        return []  # most sentences: no digit and no number word, so both readers would find nothing
    found = find_counts(text, offset)
    taken = [q.span for q in found if q.span]
    for m in extract_quantities(text, parse):
        start, end = m.start + offset, m.end + offset
        if not any(start < b and a < end for a, b in taken):
            found.append(as_quantity(m, offset))
    return sorted(found, key=lambda q: q.span[0] if q.span else 0)


@cache
def _number_word_pattern() -> re.Pattern[str]:
    """Every word that can start or carry a quantity without a digit, from the readers' own tables."""
    numbers, numwords, units = load("numbers"), load("numwords"), load("units")
    words = set(numbers["words"]) | set(numbers["scales"]) | set(numbers["vague"])
    words |= {w for key in ("units", "tens", "multipliers", "fractions") for w in numwords[key]}
    words |= set(units["word_numbers"]) | set(units["vague"]) | {w for w in units["scales"] if len(w) > 2}
    words |= {"dozen", "dozens", "score", "scores", "couple", "several", "few", "pair", "handful"}
    firsts = sorted({w.split()[0].lower() for w in words}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, firsts)) + r")\b", re.IGNORECASE)


def _may_hold_quantity(text: str) -> bool:
    return any(c.isdigit() for c in text) or _number_word_pattern().search(text) is not None


CHANGE_QUALIFIER = {">": "more than", "<": "less than", "~": "about", "up": "increase", "down": "decrease"}


def as_quantity(m: Measure, offset: int = 0) -> Quantity:
    """A measure of the general reader as a schema Quantity: a range has no single value; "more
    than" sets the low end, "less than" / "up to" the high end; the unit is the counted noun
    phrase or the unit's canonical name ("dollar", "percentage"); no unit -> None."""
    qualifier = CHANGE_QUALIFIER.get(m.change)
    unit = None if m.unit == "-" else m.unit
    span = [m.start + offset, m.end + offset]
    if m.high is not None:
        return Quantity(None, unit, qualifier, m.text, m.value, m.high, span)
    low = m.value if m.change == ">" else None
    high = m.value if m.change == "<" else None
    return Quantity(m.value, unit, qualifier, m.text, low, high, span)


def find_counts(text: str, offset: int = 0) -> list[Quantity]:
    """Every troop-like count in ``text`` (nouns from ``numbers.json``); spans shifted by ``offset``."""
    toks: list[Tok] = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
    found: list[Quantity] = []
    i = 0
    while i < len(toks):
        hit = _vague(toks, i, text, offset) or _count(toks, i, text, offset)
        if hit is None:
            i += 1
            continue
        found.append(hit[0])
        i = hit[1]
    return found


__all__ = ["Measure", "as_quantity", "extract_quantities", "find_counts", "find_quantities"]
