"""The counted noun of a number: "5,700 categories" -> "category", "60 commercial fishermen" ->
"commercial fisherman" (from the words after the number, or from the parse's ``nummod`` arc).

Used by ``measures``; tokens are its (text, start, end) triples. Word lists come from
``data/events/units.json`` (stop nouns, months, irregular plurals, words left out of a phrase).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from .lexicon import load

Tok = tuple[str, int, int]
MAX_NOUN_WORDS = 3  # words of a counted noun phrase ("public housing properties")


@cache
def _data() -> dict[str, Any]:
    return load("units")


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(_data()[key])


def _low(toks: list[Tok], i: int) -> str:
    return toks[i][0].lower() if 0 <= i < len(toks) else ""


def singular(word: str) -> str:
    """A plain English singular ("categories" -> "category", "troops" -> "troop")."""
    irregular = _data()["irregular_plurals"]
    if word in irregular:
        return irregular[word]
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"  # "fishermen", "chairmen"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def counted_noun(toks: list[Tok], k: int) -> tuple[str, int] | None:
    """The counted noun right after the number ("5,700 categories", "35m of its devices")."""
    stop = _words("stop_nouns")
    if _low(toks, k) in _words("phrase_drop") and _low(toks, k + 1).isalpha():
        k += 1  # "2,000 more troops": the count is of troops
    if _low(toks, k) == "of" and _low(toks, k + 1) in ("its", "their", "the", "his", "her", "our"):
        k += 2
        while k + 1 < len(toks) and toks[k][0][:1].isupper() and toks[k + 1][0].isalpha():
            k += 1
    j = k
    while j < len(toks) and j - k < MAX_NOUN_WORDS:
        word = _low(toks, j)
        if not word.isalpha() or word in stop or word in _words("months") or toks[j][0][:1].isupper():
            break
        j += 1
        if plural(word):
            break  # the plural head noun ends the phrase
    words = [_low(toks, x) for x in range(k, j)]
    if len(words) > 1 and not plural(words[-1]):
        words, j = words[:1], k + 1  # no plural head: only the first word is safe
    while len(words) > 1 and words[0].endswith(("ing", "ed")):
        words.pop(0)  # "rushing yards", "recorded songs": participles are not part of the unit
    if not words:
        return None
    return " ".join(words[:-1] + [singular(words[-1])]), j


def plural(word: str) -> bool:
    """A plural noun by its ending ("troops", "fishermen") or the irregular table ("people")."""
    return word.endswith("s") and not word.endswith("ss") or word.endswith("men") or word in _data()["irregular_plurals"]


def parsed_noun(toks: list[Tok], k: int, head: tuple[str, int] | None) -> tuple[str, int] | None:
    """The parse's counted noun phrase when it starts right after the number: (phrase, index after)."""
    if head is None:
        return None
    end = next((j for j in range(k, min(len(toks), k + 2 * MAX_NOUN_WORDS)) if toks[j][2] == head[1]), None)
    return (head[0], end + 1) if end is not None else None


PHRASE_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})  # words kept in a counted noun phrase
PHRASE_SKIP = frozenset({"CCONJ", "PUNCT"})  # words passed over inside it ("Kia and Hyundai vehicles")


def _phrase(tokens: Any) -> str | None:
    """"commercial fishermen" -> "commercial fisherman": the words before the head as written
    (proper nouns keep their case, "gas-only" its hyphen), the head in the singular; a leading
    participle is dropped ("rushing yards"); None when a word of another kind intervenes."""
    if len(tokens) > 1 and tokens[0].tag_ == "VBG":
        tokens = tokens[1:]
    out = ""
    for n, tok in enumerate(tokens):
        glued = n > 0 and not tokens[n - 1].whitespace_
        if tok.text == "-" and glued:
            out += "-"
            continue
        if tok.pos_ in PHRASE_SKIP or tok.text.lower() in _words("phrase_drop"):
            continue
        if tok.pos_ not in PHRASE_POS:
            return None
        word = _head_word(tok) if n == len(tokens) - 1 else tok.text if tok.pos_ == "PROPN" else tok.text.lower()
        out += word if not out or out.endswith("-") and glued else " " + word
    return out or None


def _head_word(tok: Any) -> str:
    """The head of a counted phrase in the singular ("Americans" -> "American", "fishermen" -> "fisherman")."""
    if tok.pos_ != "PROPN":
        return singular(tok.text.lower())
    return tok.text[:-1] if tok.text.endswith("s") and not tok.text.endswith(("ss", "us", "is", "as")) else tok.text


def counted_heads(span: Any) -> dict[int, tuple[str, int]]:
    """From a spaCy Doc/Span over ``text``: character offset (relative to the span) of each number
    token attached as ``nummod`` to a noun after it -> (the counted noun phrase, offset where it
    ends) ("seven European countries" -> "European country")."""
    base = span[0].idx if len(span) else 0
    out: dict[int, tuple[str, int]] = {}
    for t in span:
        counted = t.head.pos_ in ("NOUN", "PROPN") and t.head.lower_ not in _data()["scales"]  # not "100m"
        if t.dep_ == "nummod" and counted and t.head.i > t.i:
            phrase = _phrase(t.doc[t.i + 1 : t.head.i + 1])
            end = t.head.idx + len(t.head.text) - base if phrase else -1  # -1: the bare head noun only
            scaled = t.lower_ in _data()["scales"] and t.i > 0 and t.doc[t.i - 1].like_num
            for num in [t, t.doc[t.i - 1]] if scaled else [t]:  # "9.3 million containers": "9.3" too
                out[num.idx - base] = (phrase or singular(t.head.text.lower()), end)
    return out
