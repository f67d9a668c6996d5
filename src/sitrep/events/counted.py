"""The counted noun of a number: "5,700 categories" -> "category", "60 commercial fishermen" ->
"commercial fisherman" (from the words after the number, or from the parse's ``nummod`` arc).

Used by ``measures``; tokens are its (text, start, end) triples. Word lists come from
``data/events/units.json`` (stop nouns, months, irregular plurals, words left out of a phrase).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from .lexicon import load

Tok = tuple[str, int, int]
_ACRONYMS = re.compile(r"[A-Z]{2,}s$")  # "MPs", "NGOs", "SUVs": the plural of an acronym
MAX_NOUN_WORDS = 3  # words of a counted noun phrase ("public housing properties")
MAX_NAME_WORDS = 3  # name words before a counted noun ("250 M1 Abrams tanks", "14 Leopard 2 tanks")
MAX_MODEL_NUMBER = 100  # "Leopard 2": a small bare number after a name word is part of the name


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
    owner = None
    if _low(toks, k) == "of" and toks[k + 1 : k + 2] and toks[k + 1][0][:1].isupper() \
            and _low(toks, k + 2) in ("'", "’") and _low(toks, k + 3) == "s":
        owner, k = toks[k + 1][0], k + 4  # "one of Nokia's biggest plants": Nokia big plant
    elif _low(toks, k) == "of" and _low(toks, k + 1) in ("its", "their", "the", "his", "her", "our"):
        k += 2
        while k + 1 < len(toks) and toks[k][0][:1].isupper() and toks[k + 1][0].isalpha():
            k += 1
        k += _low(toks, k) in ("most", "least") and _low(toks, k + 1).isalpha()  # "of the most daring rescues"
    named = _named_noun(toks, k)
    if named is not None:
        return named
    j = k
    while j < len(toks) and j - k < MAX_NOUN_WORDS:
        word = _low(toks, j)
        if not word.isalpha() or word in stop or word in _words("months") or toks[j][0][:1].isupper():
            break
        j += 1
        if plural(word):
            break  # the plural head noun ends the phrase
    words = [_low(toks, x) if not _ACRONYMS.match(toks[x][0]) else toks[x][0][:-1].lower() for x in range(k, j)]
    if len(words) > 1 and not plural(words[-1]):
        words, j = words[:1], k + 1  # no plural head: only the first word is safe
    while len(words) > 1 and words[0].endswith(("ing", "ed")):
        words.pop(0)  # "rushing yards", "recorded songs": participles are not part of the unit
    if not words:
        return None
    return " ".join(([owner] if owner else []) + words[:-1] + [singular(words[-1])]), j


def _word_groups(toks: list[Tok], k: int, limit: int) -> list[tuple[str, int]]:
    """Up to ``limit`` words from token ``k`` where a word is a run of tokens written together
    ("AH-64" is one): (word as written, index after it)."""
    out: list[tuple[str, int]] = []
    j = k
    while j < len(toks) and len(out) < limit:
        e = j + 1
        while e < len(toks) and toks[e][1] == toks[e - 1][2] and toks[e][0] not in ",.;:!?()\"'":
            e += 1
        out.append(("".join(t[0] for t in toks[j:e]), e))
        j = e
    return out


def _name_word(word: str, prev: str) -> bool:
    """A word of a proper name or model designator ("M1", "AH-64", "Abrams", "NBA") or a small
    number following one ("Leopard 2")."""
    if word[:1].isupper() and word.replace("-", "").isalnum() and word.lower() not in _words("months") \
            and word.lower() not in _data()["scales"]:
        return True
    return word.isdigit() and prev[:1].isupper() and int(word) < MAX_MODEL_NUMBER


def _named_noun(toks: list[Tok], k: int) -> tuple[str, int] | None:
    """"250 M1 Abrams tanks" -> "M1 Abrams tank": name words, then a plural noun in lower case."""
    if k >= len(toks) or not toks[k][0][:1].isupper():
        return None
    groups = _word_groups(toks, k, MAX_NAME_WORDS + 1)
    names: list[str] = []
    for word, end in groups:
        low = word.lower()
        if _name_word(word, names[-1] if names else ""):
            names.append(word)
            continue
        if names and low.isalpha() and plural(low) and low not in _words("stop_nouns"):
            return " ".join(names + [singular(low)]), end
        return None
    return None


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
    cut = max((n for n, tok in enumerate(tokens[:-1]) if tok.pos_ == "ADV"), default=-1) + 1
    if cut:  # "30 reasonably priced two-bedroom flats": the words after the adverb and the word it grades
        graded = tokens[cut - 1].head
        tokens = tokens[cut + 1 :] if cut < len(tokens) - 1 and graded == tokens[cut] else tokens[cut:]
    out = ""
    for n, tok in enumerate(tokens):
        glued = n > 0 and not tokens[n - 1].whitespace_
        if tok.text == "-" and glued:
            out += "-" if out else ""
            continue
        hyphened = n + 1 < len(tokens) and tokens[n + 1].text == "-" and not tok.whitespace_  # "third-graders"
        dropped = tok.text.lower() in _words("phrase_drop") and not hyphened
        if tok.pos_ in PHRASE_SKIP or dropped or not out and tok.lower_ == "dozen":
            continue  # "3 dozen fresh eggs": egg
        model = tok.pos_ == "NUM" and n > 0 and tokens[n - 1].pos_ == "PROPN"  # "40 Airbus A320 planes"
        if tok.pos_ not in PHRASE_POS and not model:
            return None
        word = _head_word(tok) if n == len(tokens) - 1 else tok.text if tok.pos_ == "PROPN" else _modifier_word(tok)
        out += word if not out or out.endswith("-") and glued else " " + word
    return out or None


def _modifier_word(tok: Any) -> str:
    """A word before the head, lower-cased; a comparative or superlative as its base form
    ("best" -> "good", "largest" -> "large"), as lemmatised unit names have it."""
    return tok.lemma_.lower() if tok.tag_ in ("JJS", "JJR") and tok.lemma_ else tok.text.lower()


def _head_word(tok: Any) -> str:
    """The head of a counted phrase in the singular ("Americans" -> "American", "fishermen" -> "fisherman")."""
    if _ACRONYMS.match(tok.text):
        return tok.text[:-1]  # "MPs" -> "MP"
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
            kind = _kind_of(t.head)
            if phrase and kind is not None:  # "300 types of toys": type toy
                phrase, end = f"{phrase} {singular(kind.lower_)}", kind.idx + len(kind.text) - base
            scaled = t.lower_ in _data()["scales"] and t.i > 0 and t.doc[t.i - 1].like_num
            for num in [t, t.doc[t.i - 1]] if scaled else [t]:  # "9.3 million containers": "9.3" too
                out[num.idx - base] = (phrase or singular(t.head.text.lower()), end)
    return out


def _kind_of(head: Any) -> Any:
    """The bare plural noun right after "<head> of" ("types of toys" -> "toys"), else None;
    not after a unit of the table ("barrels of oil" is a unit of its own) nor a determiner."""
    doc = head.doc
    if head.i + 2 >= len(doc) or doc[head.i + 1].lower_ != "of" or head.lower_ in _data()["units"]:
        return None
    kind = doc[head.i + 2]
    if kind.pos_ != "NOUN" or kind.head != doc[head.i + 1] or not plural(kind.lower_) or kind.tag_ != "NNS":
        return None
    return kind


NOT_NOUN_POS = frozenset({"VERB", "AUX", "ADV", "ADJ", "ADP", "DET", "PRON", "SCONJ", "CCONJ", "PART"})


def non_nouns(span: Any) -> frozenset[int]:
    """Character offsets (relative to the span) of words the parse says are no noun: a counted
    noun read from the words alone must not end on one ("the two learned", "under 30 engage")."""
    base = span[0].idx if len(span) else 0
    return frozenset(t.idx - base for t in span if t.pos_ in NOT_NOUN_POS)


def verbs(span: Any) -> frozenset[int]:
    """Character offsets (relative to the span) of finite verbs and participles ("around 73
    raising concerns": "raising" starts no counted noun)."""
    base = span[0].idx if len(span) else 0
    return frozenset(t.idx - base for t in span if t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN")


def graded_lemmas(span: Any) -> dict[str, str]:
    """Comparatives and superlatives of the span and their base forms ("best" -> "good")."""
    return {t.lower_: t.lemma_.lower() for t in span if t.tag_ in ("JJS", "JJR") and t.lemma_}


SHARE_SKIP_DEPS = frozenset({"det", "poss", "case", "predet", "nummod", "quantmod"})  # left out of "of the country's adults"


def of_objects(span: Any) -> dict[int, tuple[str, int]]:
    """From a spaCy Doc/Span over ``text``: character offset (relative to the span) of each "of"
    -> (the noun phrase it governs, offset where it ends): "of the Welsh population" ->
    "Welsh population", "of its voters" -> "voter"; "-" for a pronoun ("half of which")."""
    base = span[0].idx if len(span) else 0
    out: dict[int, tuple[str, int]] = {}
    for t in span:
        if t.lower_ != "of":
            if t.lower_ == "half" and t.dep_ in ("predet", "nummod", "quantmod") and t.head.i > t.i:
                obj = t.head  # "half the ticket income": keyed by "half" itself
                if obj.pos_ == "NOUN":
                    first = min((c.left_edge.i for c in obj.lefts if c.dep_ not in SHARE_SKIP_DEPS and c.i > t.i),
                                default=obj.i)
                    phrase = _phrase(obj.doc[first : obj.i + 1]) or _head_word(obj)
                    out[t.idx - base] = (phrase, obj.idx + len(obj.text) - base)
            continue
        obj = next((c for c in t.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        if obj.pos_ == "PRON":
            out[t.idx - base] = ("-", obj.idx + len(obj.text) - base)
            continue
        if obj.pos_ not in ("NOUN", "PROPN"):
            continue
        first = obj.i
        for c in obj.lefts:
            if c.dep_ not in SHARE_SKIP_DEPS:
                first = min(first, c.left_edge.i)
        phrase = _phrase(obj.doc[first : obj.i + 1]) or _head_word(obj)
        out[t.idx - base] = (phrase, obj.idx + len(obj.text) - base)
    return out
