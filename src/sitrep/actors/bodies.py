"""State bodies named by a common noun: "the Sudanese army", "Russia's defence ministry",
"Israeli police", "the government of Niger" are organisations with a country, one per country
and body in the article. A later bare "the army" is that body when the article named exactly
one army before it; a bare body with none before it stays no actor (whose army is a guess).

The body nouns and the words some of them need ("air force", "coast guard") are
``state_bodies`` in ``data/actors/roles.json``.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from .. import countries
from . import dateline, lexicon, orgrefs
from .kinds import country_display
from .mentions import Mention

_COUNTRY_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
_QUALIFIER_DEPS = frozenset({"amod", "compound"})
_POSTS = frozenset({"embassy", "consulate"})  # a country's body abroad: "in <country>" is where it is, not whose
_NOT_HEAD_DEPS = frozenset({"compound", "amod", "nmod"})  # "army officer", "government forces": a modifier


@lru_cache(maxsize=1)
def _heads() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in lexicon.load("roles")["state_bodies"].items()}


def find(doc: Doc, mentions: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """The mentions with the state bodies added, and the country mentions a body's phrase took in
    ("Russia" in "Russia's defence ministry"): the country is still an actor named there, but
    the words are the body's."""
    heads = _heads()
    mentions = [m for m in mentions if not _sentence_case_body(doc, m, heads)]
    by_token = {i: m for m in mentions for i in range(m.tok_start, m.tok_end)}
    named: dict[str, str] = {}  # canonical name of each body named with its country -> its code
    bodies: list[Mention] = []
    dropped: set[int] = set()
    for tok in lexicon.tokens_where(doc, "lower", frozenset(heads)):
        if tok.i in by_token or tok.pos_ not in ("NOUN", "PROPN") or _of_an_org(tok, by_token):
            continue
        if tok.dep_ in _NOT_HEAD_DEPS and not _before_a_role(doc, tok):
            continue
        words = _words(tok, heads[tok.lower_])
        if words is None:
            continue
        found = _country(doc, tok, by_token)
        if found is not None:
            code, start, end = found
            if any(by_token.get(i) is not None and by_token[i].kind != "country" for i in range(start, end)):
                continue  # "Putin's government": a person's, not a country's
            canonical = f"{_possessive(country_display(code))} {words}"
            longer = [c for c, k in named.items() if k == code and c.endswith(" " + words)]
            if canonical not in named and len(longer) == 1:
                canonical = longer[0]  # "the Armenian ministry" after "Armenia's defence ministry"
            named[canonical] = code
        else:
            if not _bare(tok, by_token):
                continue
            same = [c for c in named if c.endswith(" " + words)]  # "the ministry" after "Russia's defence ministry"
            if not same and (home := _home_country(doc, tok, mentions)) is not None:
                same = [f"{_possessive(country_display(home))} {words}"]  # "WARSAW — ... The interior ministry said"
                named[same[0]] = home
            if len(same) != 1:
                continue
            canonical, code = same[0], named[same[0]]
            start, end = _left(tok), tok.i + 1
        for i in range(start, end):
            m = by_token.get(i)
            if m is not None:
                dropped.add(id(m))
        span = doc[start:end]
        bodies.append(Mention(start, end, span.start_char, span.end_char, span.text, "org", code, canonical=canonical))
    kept = [m for m in mentions if id(m) not in dropped and not _opening_modifier(doc, m, heads)]
    for m in kept:
        _name_ner_body(doc, m, heads)
    inner = [m for m in mentions if id(m) in dropped and m.kind == "country"]
    return sorted(kept + bodies, key=lambda m: m.start), inner


def _lowerish(t: Token) -> bool:
    """A lower-case word, or one capitalised only because it opens the sentence ("Coast guard spokesman")."""
    return t.text.islower() or (t.is_sent_start and t.text[:1].isupper() and t.text[1:].islower()
                                and not countries.demonym_code(t.text) and not countries.country_code(t.text))


def _sentence_case_body(doc: Doc, m: Mention, heads: dict[str, frozenset[str]]) -> bool:
    """ "Coast guard spokesman Jay Ramos", "Army spokesman X", "Interior ministry spokesman X": NER's
    organisation of a body's common words (or of the first of them), capitalised only to open the
    sentence, is left to the body rules (the body named before, if any)."""
    if m.kind != "org" or m.from_table or m.state_body or not 1 <= m.tok_end - m.tok_start <= 3:
        return False
    span = doc[m.tok_start : m.tok_end]
    if not span[0].is_sent_start or not all(_lowerish(t) for t in span):
        return False
    after = doc[m.tok_end] if m.tok_end < len(doc) else None
    return span[-1].lower_ in heads or (after is not None and after.text.islower() and after.lower_ in heads)


def _opening_modifier(doc: Doc, m: Mention, heads: dict[str, frozenset[str]]) -> bool:
    """ "Army trucks were seen ...": a body noun capitalised only because it opens the sentence,
    modifying another noun, is no organisation (NER often calls it one)."""
    if m.kind != "org" or m.from_table or m.tok_end - m.tok_start != 1:
        return False
    tok = doc[m.tok_start]
    return tok.lower_ in heads and tok.is_sent_start and tok.dep_ in _NOT_HEAD_DEPS and not _before_a_role(doc, tok)


def _name_ner_body(doc: Doc, m: Mention, heads: dict[str, frozenset[str]]) -> None:
    """A state body NER found itself ("the Ukrainian navy" as ORG) takes the same name as one
    the rules read ("Ukraine's navy"), so both spellings are one actor."""
    if m.kind != "org" or m.from_table or m.state_body or m.tok_end - m.tok_start < 2:
        return
    head = doc[m.tok_end - 1]
    if head.lower_ not in heads or not head.text.islower():
        return
    first = doc[m.tok_start]
    code = countries.demonym_code(first.text) or countries.country_code(first.text)
    if not code or len(code) != 2:
        return
    words = " ".join(t.lower_ for t in doc[m.tok_start + 1 : m.tok_end] if t.text not in ("'s", "’s"))
    if words == head.lower_ or " ".join(words.split()[-2:]) in {f"{q} {head.lower_}" for q in heads[head.lower_]} \
            or "*" in heads[head.lower_]:
        m.canonical, m.code = f"{_possessive(country_display(code))} {words}", code


def _bare(tok: Token, by_token: dict[int, Mention]) -> bool:
    """ "the army", "police": a body written with "the" or nothing else, which may be the one
    named before; not "the Houthi military", "their army", "an army of volunteers", "any
    government that ...", "the government in Tehran" or a modifier before a role."""
    if tok.dep_ in _NOT_HEAD_DEPS and not (_before_a_role(tok.doc, tok) and not _placed(tok.head)):
        return False  # "an army spokesman" is the army's; "a government spokesman in Taipei" need not be
    for c in tok.children:
        if c.dep_ == "det" and c.lower_ != "the":
            return False
        if c.i < tok.i and c.dep_ != "det" and (c.dep_ == "poss" or c.i in by_token or not _lowerish(c)):
            return False
        if c.i > tok.i and c.dep_ in ("prep", "relcl", "acl"):
            return False
    return True


def _home_country(doc: Doc, tok: Token, mentions: list[Mention]) -> str | None:
    """The dateline's country for a bare body that speaks or acts as a subject ("WARSAW — ... The
    interior ministry said"), when no body of those words was named before: a wire report's
    government, army or police are those of where it is filed (not in a city where international
    bodies meet, unless the article names its country again), unless the article named other
    countries before it but not this one ("DUBAI — Iran hanged a man ... The interior ministry
    said": a hub's dateline, someone else's ministry)."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or not any(c.dep_ == "det" for c in tok.children):
        return None
    place = dateline.city(lexicon.doc_text(doc))
    code = dateline.country(place)
    if code is None or place is None or (dateline.meeting_city(place) and not dateline.named_again(doc, code)):
        return None
    before = {m.code for m in mentions if m.kind == "country" and m.tok_start < tok.i}
    if before - {code} and code not in before:
        return None
    return code if len(code) == 2 else None


def _placed(tok: Token) -> bool:
    """The word has an "in/from <place>" phrase of its own."""
    return any(c.dep_ == "prep" and c.lower_ in ("in", "from") for c in tok.children)


def _before_a_role(doc: Doc, tok: Token) -> bool:
    """ "Chinese foreign ministry spokesman Lin Jian": the body a role works for (not "army officer"
    either: the body is read only when it carries its country, which the caller checks)."""
    return tok.dep_ == "compound" and tok.i + 1 < len(doc) and lexicon.role_finder().match_at(doc, tok.i + 1) is not None


def _of_an_org(tok: Token, by_token: dict[int, Mention]) -> bool:
    """ "the General Staff of the Estonian armed forces": part of another organisation's name."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    owner = by_token.get(tok.head.head.i)
    return owner is not None and owner.kind == "org"


def _words(tok: Token, needs: frozenset[str]) -> str | None:
    """The body's own words ("defence ministry", "air force"), or None when a needed word is missing;
    before a role, the parse may hang them on the role ("Iraqi interior ministry spokesman")."""
    lefts = list(tok.lefts)
    if tok.dep_ == "compound" and tok.head.i > tok.i:
        lefts += [c for c in tok.head.lefts if c.i < tok.i]
    quals = sorted((c for c in lefts if c.dep_ in _QUALIFIER_DEPS and _lowerish(c) and c.is_alpha), key=lambda c: c.i)
    if not needs:
        return tok.lower_
    if "*" in needs:
        return " ".join([c.lower_ for c in quals] + [tok.lower_])
    q = next((c for c in quals if c.lower_ in needs), None)
    return f"{q.lower_} {tok.lower_}" if q is not None else None


def _code(doc: Doc, t: Token, by_token: dict[int, Mention], city_ok: bool = True) -> str | None:
    """The country a modifier names; not a demonym after "pro-"/"anti-" ("the anti-Russian
    government") or before another ("the Turkish Cypriot government"), nor a capital where a
    city stands for itself (``city_ok`` False: "the Moscow police")."""
    if t.i > 0 and ((doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_) or doc[t.i - 1].lower_ in countries.STANCE_PREFIXES):
        return None
    for k in (t.i - 1, t.i + 1):  # "Turkish Cypriot": a community, not either country
        if 0 <= k < len(doc) and doc[k].text[:1].isupper() and countries.demonym_code(doc[k].text):
            return None
    m = by_token.get(t.i)
    if m is not None:
        code = m.code if m.kind == "country" and m.code and len(m.code) == 2 else None
    else:
        code = countries.demonym_code(t.text) or countries.country_code(t.text)
        code = code if code and len(code) == 2 and t.text[:1].isupper() else None
    if code is not None and not city_ok and countries.demonym_code(t.text) is None and countries.is_capital(t.text):
        return None
    return code


def _country(doc: Doc, tok: Token, by_token: dict[int, Mention]) -> tuple[str, int, int] | None:
    """The body's country and the token range of the whole phrase: a demonym, country name or
    possessor before it ("Sudan's army"), or "of/in <country>" after it ("the government of
    Niger", "the government in Tehran"). A city names no national police ("the Moscow police")."""
    city_ok = tok.lower_ != "police"
    placed_ok = tok.lower_ not in _POSTS  # "its embassy in Qatar" is Bahrain's, in Qatar
    for c in tok.lefts:
        if c.dep_ in _COUNTRY_DEPS and (code := _code(doc, c, by_token, city_ok)) is not None:
            return code, _left(tok), tok.i + 1
        if c.dep_ == "poss" and c.lower_ == "its" and placed_ok:  # "Russia said through its foreign ministry"
            owner = orgrefs.owner(doc, c.i, by_token.get)
            if owner is not None and owner.kind == "country" and owner.code and len(owner.code) == 2:
                return owner.code, _left(tok), tok.i + 1
    if tok.dep_ == "compound" and tok.head.i > tok.i:  # "Chinese foreign ministry spokesman": the demonym hangs on the role
        for c in tok.head.lefts:
            if c.i < tok.i and c.dep_ in _COUNTRY_DEPS and (code := _code(doc, c, by_token, city_ok)) is not None:
                start = min(c.left_edge.i, _left(tok))
                return code, start + (doc[start].dep_ == "det"), tok.i + 1
    for prep in tok.rights:
        if prep.dep_ == "prep" and (prep.lower_ == "of" or (prep.lower_ == "in" and placed_ok)):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and (code := _code(doc, obj, by_token, city_ok)) is not None:
                m = by_token.get(obj.i)
                return code, _left(tok), (m.tok_end if m is not None else obj.i + 1)
    return None


def _left(tok: Token) -> int:
    """First token of the phrase before the noun, without a determiner."""
    start = tok.i
    for c in tok.lefts:
        if c.dep_ in _COUNTRY_DEPS | _QUALIFIER_DEPS:
            start = min(start, c.left_edge.i)
    doc = tok.doc
    cut = [i for i in range(start, tok.i) if "\n" in doc[i].text or (doc[i].is_punct and doc[i].text not in ("'s", "’s")
                                                                    and (doc[i].text != "-" or doc[i].whitespace_))]
    start = max([start, tok.sent.start] + [i + 1 for i in cut])  # "MOSCOW — Russia's army": not the dateline
    while start < tok.i and doc[start].dep_ == "det":
        start += 1
    return start


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"
