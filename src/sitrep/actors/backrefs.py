"""A person's country from a body the article named earlier: "The ministry's spokeswoman,
Siri Haugland" after "Norway's foreign ministry"; "The government spokesman, X" after "The
Czech government"; "the head of the country's police" in an article about one country.

Only a definite noun ("the ministry", "the country's") inside the person's role phrase is
read; the earlier phrase must carry the country itself (a possessive, a demonym or a
country name among its modifiers). Nouns are in ``data/actors/backrefs.json``.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc, Token

from .. import countries
from . import lexicon
from .mentions import Mention


@lru_cache(maxsize=1)
def _nouns() -> tuple[frozenset[str], frozenset[str]]:
    """Head words of the body nouns ("guard" of "coast guard": a role phrase is read word by word)
    and the nouns that stand for the country itself."""
    data = lexicon.load("backrefs")
    return frozenset(n.split()[-1] for n in data["body_nouns"]), frozenset(data["country_nouns"])


def _definite(tok: Token) -> bool:
    """ "the ministry('s)", "the government spokesman": the noun right after "the" or with it."""
    return (tok.i > 0 and tok.doc[tok.i - 1].lower_ == "the") or any(
        c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def country(doc: Doc, s: int, e: int, by_token: dict[int, Mention]) -> str | None:
    """Country of the role phrase [s, e) from an earlier body it refers back to, else None."""
    bodies, lands = _nouns()
    for tok in doc[s:e]:
        if tok.pos_ != "NOUN" or not _definite(tok):
            continue
        if tok.lower_ in lands:
            return _main_country(doc, s, by_token)
        if tok.lower_ in bodies:
            code = _earlier_body(doc, tok, s, by_token)
            if code is not None:
                return code
    return None


def _phrase_country(doc: Doc, tok: Token, by_token: dict[int, Mention]) -> str | None:
    """Country among the modifiers of an earlier body noun ("Norway's foreign ministry")."""
    for i in range(tok.left_edge.i, tok.i):
        m = by_token.get(i)
        if m is not None and _names_country(m):
            return m.code
        code = countries.demonym_code(doc[i].text) if doc[i].text[:1].isupper() else None
        if code:
            return code
    return None


def _names_country(m: Mention) -> bool:
    """A country mention, or a state body's that holds its country ("the Czech government")."""
    return bool(m.code) and (m.kind == "country" or m.state_body)


def _earlier_body(doc: Doc, tok: Token, s: int, by_token: dict[int, Mention]) -> str | None:
    """Country of the latest earlier mention of the same body noun that names one."""
    for prev in reversed(doc[:s]):
        if prev.lower_ == tok.lower_ and prev.pos_ in ("NOUN", "PROPN"):
            code = _phrase_country(doc, prev, by_token)
            if code is not None:
                return code
    return None


def _main_country(doc: Doc, s: int, by_token: dict[int, Mention]) -> str | None:
    """The country named most often before token s (ties: the first named); the dateline's
    country wins when named within one mention of the top count ("KINSHASA — Congo's government
    ... Rwanda ... Rwanda's army ... the country's president" is Congo's), unless the dateline is
    a meeting city, but not over a country named clearly more often ("WASHINGTON — The United
    States ... Iran ... Iran's ... Iran's ... the country's oil minister" is Iran's)."""
    seen: list[str] = []
    home, body = _dateline_country(doc)
    for i in range(s):
        if doc[i].idx < body:
            continue  # the dateline itself ("WASHINGTON —") is not a mention in the text
        m = by_token.get(i)
        if m is not None and _names_country(m) and m.tok_start == i:
            seen.append(m.code)
        elif m is None and doc[i].text[:1].isupper() and (code := countries.demonym_code(doc[i].text)):
            seen.append(code)
    if not seen:
        return None
    counts = Counter(seen)
    if home is not None and home in counts and counts[home] >= max(counts.values()) - 1:
        return home
    return max(counts, key=lambda c: (counts[c], -seen.index(c)))


def _dateline_country(doc: Doc) -> tuple[str | None, int]:
    """Country of the dateline city (None for none or a city where international bodies meet)
    and the character offset where the text after the dateline starts (0 without one)."""
    from . import dateline  # here: dateline needs coref, which needs people, which needs this module

    found = dateline.opening(lexicon.doc_text(doc))
    if found is None:
        return None, 0
    city, end = found
    return (None if dateline.meeting_city(city) else dateline.country(city)), end
