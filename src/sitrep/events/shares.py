"""Shares and counted phrases for ``measures``: what a fraction written in words is a share of
("two-thirds of voters" -> "voter", "half of which" -> "-"), "one of four X" as a quarter of them
(not "one of three men arrested": a group member, whose count is read instead), the superlative's
infinitive ("one of the tallest towers ever to stand"), units named with a standard ("US fluid
ounce" -> "ounce") and the counted noun after a number.

Tokens are ``measures``' (text, start, end) triples; ``Parse`` is the parse features it passes.
"""

from __future__ import annotations

import re

from .counted import Tok, _data, _low, _words, counted_noun, parsed_noun, singular
from .numwords import _data as _numword_data

DIGITS = re.compile(r"(?:\d[\d,]*)?\.?\d+$")

# counted heads by number offset, offsets of non-nouns, base forms of "best", "largest", offsets of verbs,
# the noun phrase of each "of" by its offset
Parse = tuple[dict[int, tuple[str, int]], frozenset[int], dict[str, str], frozenset[int], dict[int, tuple[str, int]]]


def noun_after(toks: list[Tok], i: int, k: int, parse: Parse | None) -> tuple[str, int] | None:
    """The counted noun after the number at token i (reading resumes at k): the parse's phrase,
    else the words after it (not ending on a word the parse calls a verb or adjective)."""
    head = parse[0].get(toks[i][1]) if parse else None
    found = parsed_noun(toks, k, head)
    if found is None:
        found = counted_noun(toks, k)
        if found is not None and parse is not None and (toks[found[1] - 1][1] in parse[1] or toks[k][1] in parse[3]):
            found = None  # "the two learned", "around 73 raising concerns": a verb, not a counted noun
        elif found is not None and parse is not None:
            found = (" ".join(parse[2].get(w, w) for w in found[0].split()), found[1])
    return found or (head and (head[0], k))


EVER_OBJECT_WORDS = 3  # words of the object after "to cross the Atlantic Ocean"


def ever_to(toks: list[Tok], found: tuple[str, int], parse: Parse | None) -> tuple[str, int]:
    """"one of the tallest towers ever to stand", "one of the fastest boats ever to cross the
    Atlantic": the infinitive that closes the superlative belongs to what is counted ("tall tower
    stand", "fast boat cross Atlantic")."""
    j = found[1]
    seq = [_low(toks, j + n) for n in range(3)]
    if seq[:2] not in (["to", "ever"], ["ever", "to"]):
        return found  # "one of the first firms to cut prices": no "ever", no part of the count
    j += 2
    verb = _low(toks, j)
    if not verb.isalpha() or parse is not None and toks[j][1] not in parse[1]:
        return found  # not a verb after "to"
    words, e = [verb], j + 1
    if _low(toks, e) in ("a", "an", "the"):
        obj = []
        for x in range(e + 1, min(len(toks), e + 1 + EVER_OBJECT_WORDS)):
            if not toks[x][0].isalpha() or toks[x][0].islower() and _low(toks, x) in _words("stop_nouns"):
                break
            obj.append(toks[x][0])
        if obj:
            words += obj[:-1] + [singular(obj[-1])]
            e += 1 + len(obj)
    return f"{found[0]} {' '.join(words)}", e


UNIT_QUALIFIERS = frozenset({"fluid", "imperial"})  # "US fluid ounce", "imperial gallons": still the unit


def qualified_unit(phrase: str) -> str:
    """"US fluid ounce" -> "ounce": a counted phrase whose head is a unit of the table and whose other
    words only say which standard it follows (a country or system name, "fluid")."""
    *mods, head = phrase.split()
    unit = _data()["units"].get(head.lower())
    if not mods or unit is None or head.lower() in _words("ambiguous_short_units"):
        return phrase
    if all(w[:1].isupper() or w.lower() in UNIT_QUALIFIERS for w in mods):
        return unit
    return phrase


def share_of(toks: list[Tok], i: int, k: int, parse: Parse | None) -> tuple[str, int]:
    """What a fraction written in words is a share of, and the index after it: "of" and its noun
    phrase ("two-thirds of voters" -> "voter", "half of which" -> "-"), else the counted noun
    after it ("half the revenue"); "-" when none."""
    if _low(toks, k) == "of":
        obj = parse[4].get(toks[k][1]) if parse else None
        if obj is not None:
            end = next((j for j in range(k, len(toks)) if toks[j][2] >= obj[1]), k)
            counts = any(DIGITS.match(_low(toks, j)) for j in range(k, end))
            return obj[0], k if counts else end + 1  # "half of the 40 workers": 40 is read next
        j = k + 1
        if _low(toks, j) in ("which", "whom", "them", "those", "these", "it", "us", "you"):
            return "-", j + 1
        found = counted_noun(toks, j + (_low(toks, j) in ("a", "an", "the")))
        return found if found is not None else ("-", k)
    whole = parse[4].get(toks[i][1]) if parse else None
    if whole is not None:  # "half the ticket income": the noun "half" qualifies
        end = next((j for j in range(k, len(toks)) if toks[j][2] >= whole[1]), k)
        counts = any(DIGITS.match(_low(toks, j)) or _low(toks, j) in _data()["prefix"] for j in range(k, end))
        return whole[0], k if counts else end + 1  # "half their $30 list price": $30 is read next
    head = parse[0].get(toks[k - 1][1]) if parse else None  # "one of four rival designs": four's noun
    k += _low(toks, k) in SHARE_DETERMINERS  # "half the budget"
    found = parsed_noun(toks, k, head) or noun_after(toks, i, k, parse)
    if found is None or found[1] <= k or found[0] in _fractions():
        return "-", k  # "the top one-fifth earn": no noun
    return found


SHARE_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "all"})


def _fractions() -> frozenset[str]:
    return frozenset(_numword_data()["fractions"])


GROUP_RELATIVES = frozenset({"who", "whom", "whose", "that", "which"})
IRREGULAR_PARTICIPLES = frozenset({"held", "hurt", "shot", "caught", "found", "left", "sent", "kept", "brought", "built",
                                   "made", "hit", "struck", "sold", "bought", "put", "cut", "led", "fled"})


def group_member(toks: list[Tok], i: int, parse: Parse | None) -> bool:
    """"one of three men arrested after the raid", "one of two sisters who ran the shop": "one"
    picks a member of a group the words after its noun describe (a participle or a relative
    pronoun), so it is no share; the group's count ("three men") is read instead."""
    if _low(toks, i) != "one" or _low(toks, i + 1) != "of":
        return False
    found = counted_noun(toks, i + 3)
    if found is None or found[1] >= len(toks):
        return False
    word, j = _low(toks, found[1]), found[1]
    if word in GROUP_RELATIVES:
        return True
    if not toks[j][0].islower() or parse is not None and toks[j][1] in parse[3]:
        return False  # "one of three suspects fled": a finite verb, the share stands
    return word.endswith(("ed", "en")) or word in IRREGULAR_PARTICIPLES
