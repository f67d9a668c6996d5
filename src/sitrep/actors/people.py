"""Roles, affiliations and countries of people, read from the words around their names.

Two shapes: pre-modifiers ("Pentagon spokesman John Kirby", "Turkish President Recep
Tayyip Erdogan") and appositions ("Erdogan's chief adviser, Ibrahim Kalin" / "Ibrahim
Kalin, a top adviser to Erdogan"). A role relative to another person ("adviser to
Erdogan") records that person; the caller copies their country once it is known.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .. import countries
from . import backrefs, lexicon, orgrefs
from .mentions import Mention

# Longest pre-modifier or apposition read around a name, in tokens (seed article + tests).
MAX_PREMOD_TOKENS = 8
MAX_APPOS_TOKENS = 12
_MODIFIER_POS = frozenset({"PROPN", "NOUN", "ADJ"})
_GLUE = frozenset({"-", "'s", "’s"})
_APPOS_END = frozenset({",", ".", ";", ":", ")", "—"})
_LINKS = frozenset({"to", "of", "at", "for", "in"})
# words after a place name that make it the seat of a local office ("the Donetsk regional governor",
# "Kharkiv mayor", "the Kursk region's governor"): the place's country is the official's
_LOCAL_WORDS = frozenset({"regional", "provincial", "region", "province", "oblast", "city", "municipal",
                          "governor", "mayor", "district", "local"})
_LOCAL_OFFICES = frozenset({"mayor", "governor"})  # an office of a city or region: "the mayor of <city>" is in its country
_RELATIVE = frozenset({"who", "whose", "which"})  # an apposition ends where a relative clause starts


@dataclass
class RoleInfo:
    """What the words around a name say about the person."""

    role: str | None = None
    affiliation: str | None = None
    country: str | None = None
    of_person: int | None = None  # token index of a person mention the role is relative to
    confidence: float = 0.8
    span: tuple[int, int] | None = None  # token range of an apposition naming the person
    rank: str | None = None  # a military rank beside an office ("Colonel" of "the commander ..., Colonel X")
    country_hint: str | None = None  # a country the role phrase refers back to ("the ministry's"): used last


def _token_country(tok: Token) -> str | None:
    if not tok.text[:1].isupper():
        return None
    if countries.stance_marked(tok):
        return None
    return countries.demonym_code(tok.text) or (countries.country_code(tok.text) if tok.pos_ == "PROPN" else None)


def read_window(doc: Doc, s: int, e: int, by_token: dict[int, Mention], role_at_end: bool) -> RoleInfo | None:
    """Role, affiliation and country from the tokens [s, e); None when no role is named there."""
    matches = lexicon.role_finder().find(doc, s, e)
    if not matches:
        return None
    if role_at_end:
        hit = _role_at_end(doc, matches, e, by_token)
        if hit is None:
            return None
        rs, re_, role = hit
    else:
        rs, re_, role = _first_role(matches)
    rs, role = _with_prefix(doc, s, rs, role)
    info = RoleInfo(role=role)
    if role_at_end and matches[-1][0] >= re_ and matches[-1][2] in lexicon.load("roles")["ranks"]:
        info.rank = matches[-1][2]  # "army chief General X": an office, then a rank
    _fill(doc, s, rs, by_token, info)
    after = re_
    if after < e and doc[after].lower_ in _LINKS:
        host = doc[after].lower_ == "to" and role.lower() in lexicon.load("roles")["host_roles"]
        _fill(doc, after + 1, e, by_token, info, countries_too=not host)
        if info.country is None and role.split()[-1].lower() in _LOCAL_OFFICES:
            info.country = _place_country(doc, after + 1, e)  # "the mayor of Kharkiv"
    if info.country is None:  # a guess from earlier in the article: explicit cues near the name come first
        info.country_hint = backrefs.country(doc, s, e, by_token)
    return info


def _role_at_end(doc: Doc, matches: list[tuple[int, int, str]], e: int,
                 by_token: dict[int, Mention]) -> tuple[int, int, str] | None:
    """The role that ends the window: the last match, a role before a rank ("spokesman Lt.
    Col."), or a role followed by "to/of <named place or body>" ("Ambassador to Germany")."""
    ranks = set(lexicon.load("roles")["ranks"])
    rs, re_, role = matches[-1]
    if re_ == e and role in ranks and len(matches) > 1 and matches[-2][1] == rs and matches[-2][2] not in ranks:
        return matches[-2]
    if re_ == e:
        return matches[-1]
    if doc[re_].lower_ in _LINKS and re_ + 1 < e and all(i in by_token for i in range(re_ + 1, e)):
        return matches[-1]
    return None


def _first_role(matches: list[tuple[int, int, str]]) -> tuple[int, int, str]:
    """The first role of an apposition, a bare prefix ("deputy") joined to the role after it."""
    prefixes = lexicon.load("roles")["role_prefixes"]
    _, re_, role = matches[0]
    if role.lower() in prefixes and len(matches) > 1 and matches[1][0] == re_:
        return matches[1]
    return matches[0]


def _with_prefix(doc: Doc, s: int, rs: int, role: str) -> tuple[int, str]:
    """ "deputy defence minister": a prefix word right before the role makes a new role."""
    prefixes = lexicon.load("roles")["role_prefixes"]
    if rs - 1 >= s and doc[rs - 1].lower_ in prefixes and not role.lower().startswith(doc[rs - 1].lower_):
        word = prefixes[doc[rs - 1].lower_]
        return rs - 1, f"{word} {role[:1].upper()}{role[1:]}" if role[:1].isupper() else f"{word.lower()} {role}"
    return rs, role


def _place_country(doc: Doc, s: int, e: int) -> str | None:
    """The country of the city or region whose name opens the tokens [s, e) ("Kharkiv" of "of Kharkiv")."""
    k = s
    while k < e and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
        k += 1
    if k == s:
        return None
    from ..events.places import place_from_name

    place = place_from_name(doc[s:k].text)
    return place.country if place is not None and place.kind in ("city", "region") else None


def _local_country(doc: Doc, i: int) -> str | None:
    """The country of a city or region named before a local office word ("Donetsk regional")."""
    tok = doc[i]
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or i + 1 >= len(doc) or doc[i + 1].lower_ not in _LOCAL_WORDS:
        return None
    from ..events.places import place_from_name

    place = place_from_name(tok.text)
    return place.country if place is not None and place.kind in ("city", "region") else None


def _fill(doc: Doc, s: int, e: int, by_token: dict[int, Mention], info: RoleInfo, countries_too: bool = True) -> None:
    """Copy affiliation/country/relative person from the names in [s, e) into info (not the
    country when ``countries_too`` is False: the host of an ambassador)."""
    i = s
    while i < e:
        m = by_token.get(i)
        if m is None and doc[i].lower_ == "its" and doc[i].dep_ == "poss":
            m = orgrefs.owner(doc, i, by_token.get)  # "Its spokeswoman, X," after "Azerbaijan's foreign ministry rejected ..."
        if m is None:
            code = _token_country(doc[i]) if countries_too else None
            if code is None and countries_too and info.country is None:
                code = _local_country(doc, i)
            info.country = info.country or code
            i += 1
            continue
        if m.kind == "person":
            info.of_person = info.of_person if info.of_person is not None else m.tok_start
        elif m.kind in ("org", "group"):
            info.affiliation = info.affiliation or m.canonical or m.text
            if m.kind == "org" and countries_too:
                info.country = info.country or m.code
        elif countries_too:
            info.country = info.country or m.code
        i = max(m.tok_end, i + 1)


def phrase_info(doc: Doc, s: int, e: int, by_token: dict[int, Mention]) -> RoleInfo:
    """The first country the tokens [s, e) name (a country, a demonym, a country's organisation)
    and the first organisation or group."""
    info = RoleInfo()
    _fill(doc, s, e, by_token, info)
    return info


def premodifier(doc: Doc, m: Mention, by_token: dict[int, Mention]) -> RoleInfo | None:
    """Role from the words right before a name ("British Prime Minister Boris Johnson")."""
    s = m.tok_start
    while s > 0 and m.tok_start - s < MAX_PREMOD_TOKENS:
        tok = doc[s - 1]
        link = tok.lower_ in ("to", "of") and (s in by_token or _inside_role(doc, s - 1))
        # "Ambassador to Germany Nino Beridze", "army chief of staff Gen. Tomas Novak"
        if not (tok.pos_ in _MODIFIER_POS or tok.text in _GLUE or (s - 1) in by_token or link):
            break
        if "\n" in tok.text or (by_token.get(s - 1) is not None and by_token[s - 1].kind == "person"
                                and doc[s].text not in _GLUE):
            break
        s -= 1
        if tok.is_sent_start:
            break
    e = m.tok_start
    honorifics = lexicon.load("roles")["honorifics"]
    while e > s and doc[e - 1].lower_ in honorifics:  # "Kremlin spokesman Mr. Lebedev"
        e -= 1
    if s == e:
        return None
    return read_window(doc, s, e, by_token, role_at_end=True)


def _inside_role(doc: Doc, i: int) -> bool:
    """Token i lies inside a role phrase ("of" in "chief of staff")."""
    finder = lexicon.role_finder()
    return any((hit := finder.match_at(doc, j)) is not None and hit[0] > i for j in range(max(0, i - 3), i))


def of_country(doc: Doc, m: Mention, by_token: dict[int, Mention]) -> str | None:
    """Country of "<name> of Finland" right after a name ("Foreign Minister Marja Koski of
    Finland")."""
    i = m.tok_end
    if i + 1 < len(doc) and doc[i].lower_ == "of":
        after = by_token.get(i + 1)
        if after is not None and after.kind == "country":
            return after.code
    return None


def _no_verbs(doc: Doc, s: int, e: int) -> bool:
    return all(t.pos_ not in ("VERB", "AUX") or t.tag_ == "VBN" for t in doc[s:e])


def apposition_after(doc: Doc, m: Mention, by_token: dict[int, Mention]) -> RoleInfo | None:
    """Role from ", a top adviser to Erdogan," after a name."""
    s = m.tok_end
    if s >= len(doc) or doc[s].text != ",":
        return None
    e = s + 1
    while (e < len(doc) and e - s <= MAX_APPOS_TOKENS and doc[e].text not in _APPOS_END
           and doc[e].lower_ not in _RELATIVE and "\n" not in doc[e].text):
        e += 1
    ends = e < len(doc) and (doc[e].text in _APPOS_END or doc[e].lower_ in _RELATIVE)
    if not ends or e == s + 1 or not _no_verbs(doc, s + 1, e):
        return None
    if doc[s + 1].pos_ not in ("DET", "ADJ", "NOUN", "PROPN"):
        return None
    info = read_window(doc, s + 1, e, by_token, role_at_end=False)
    if info is not None:
        info.confidence = 0.7
        roles = lexicon.role_finder().find(doc, s + 1, e)
        info.span = (s + 1, roles[0][1])  # "a top adviser" of "a top adviser to Erdogan"
    return info


def apposition_before(doc: Doc, m: Mention, by_token: dict[int, Mention]) -> RoleInfo | None:
    """Role from "Erdogan's chief adviser, " before a name (or before a rank opening it:
    "the commander of the unit, Colonel X")."""
    comma = _before_rank(doc, m.tok_start) - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    s = comma
    while s > 0 and comma - s < MAX_APPOS_TOKENS:
        tok = doc[s - 1]
        if tok.text in _APPOS_END or tok.text in ("(", "\"", "“", "”") or "\n" in tok.text:
            break
        s -= 1
        if tok.is_sent_start:
            break
    left = doc[comma - 1].left_edge.i  # the noun phrase before the comma
    if s < left < comma and (doc[s].pos_ in ("ADP", "SCONJ", "ADV", "CCONJ") or not _no_verbs(doc, s, comma)):
        s = left  # "Earlier this month Georgia's foreign minister, ...", "met his Turkish counterpart, ..."
    if s == comma or not _no_verbs(doc, s, comma) or doc[s].pos_ in ("ADP", "SCONJ", "ADV", "CCONJ"):
        return None
    info = read_window(doc, s, comma, by_token, role_at_end=True) or _role_then_link(doc, s, comma, by_token)
    if info is not None:
        info.confidence = 0.7
        # "his Turkish counterpart, Selin Arslan": "his" is someone else; the phrase is not marked
        info.span = None if doc[s].tag_ == "PRP$" else (s, comma)
    return info


def apposed_noun(doc: Doc, m: Mention, by_token: dict[int, Mention]) -> tuple[int, int] | None:
    """Token range of the common noun a name stands in apposition to right after it, with its
    modifiers but not its possessor ("[One protester], Ibrahim Moussa, said", "Kim's [colleague]
    at the office, X,"): a mention of that person, whatever the noun."""
    root = doc[m.tok_start : m.tok_end].root
    head = root.head
    if root.dep_ != "appos" or head.i >= m.tok_start or head.tag_ != "NN" or head.i in by_token or head.dep_ == "pobj":
        return None
    comma = _before_rank(doc, m.tok_start) - 1
    if comma <= head.i or doc[comma].text != "," or doc[head.i + 1 : comma + 1].text.count(",") != 1:
        return None
    if not all(head.is_ancestor(doc[i]) for i in range(head.i + 1, comma)) \
            or lexicon.role_finder().find(doc, head.i + 1, comma):
        return None  # "made the announcement alongside the chief of staff, General X": X is the chief
    s = head.left_edge.i
    for c in head.children:
        if c.dep_ == "poss" and c.i < head.i:
            if c.tag_ == "PRP$":
                return None  # "his lawyer, X": left unmarked, as the role reader leaves "his counterpart, X"
            s = max(s, c.right_edge.i + 1)  # "Kim's colleague": the owner is someone else
    if any(i in by_token for i in range(s, head.i)) or "\n" in doc[s : head.i + 1].text:
        return None
    return s, head.i + 1


def _before_rank(doc: Doc, i: int) -> int:
    """Start of a military rank ending right before token i ("Lieutenant Colonel"), else i; a
    capitalised party word before either is skipped too ("chairman, Democrat Luis Ortega")."""
    data = lexicon.load("roles")
    hits = [h for h in lexicon.role_finder().find(doc, max(0, i - 3), i) if h[1] == i and h[2] in data["ranks"]]
    i = min((h[0] for h in hits), default=i)
    if i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].lower_ in data["party_labels"]:
        i -= 1
    return i


def _role_then_link(doc: Doc, s: int, e: int, by_token: dict[int, Mention]) -> RoleInfo | None:
    """ "The commander of the Danish contingent": a role opening the phrase (after a
    determiner and modifiers) and carried on by "of/for/at"; the rest gives the country."""
    matches = lexicon.role_finder().find(doc, s, e)
    if not matches:
        return None
    rs, re_, _ = _first_role(matches)
    opening = all(t.pos_ in ("DET", "ADJ", "NOUN", "PROPN") or t.text in _GLUE for t in doc[s:rs])
    if not opening or re_ >= e or doc[re_].lower_ not in _LINKS:
        return None
    return read_window(doc, s, e, by_token, role_at_end=False)


def role_info(doc: Doc, m: Mention, by_token: dict[int, Mention]) -> RoleInfo | None:
    """The first of pre-modifier, apposition before, apposition after that names a role; an
    office in an apposition beats a bare rank before the name ("the commander of ...,
    Colonel X")."""
    info = premodifier(doc, m, by_token)
    if info is None or info.role in lexicon.load("roles")["ranks"]:
        appos = apposition_before(doc, m, by_token) or apposition_after(doc, m, by_token)
        if appos is not None and info is not None:
            appos.rank = info.role
            appos.country = appos.country or info.country
            appos.affiliation = appos.affiliation or info.affiliation
        info = appos or info
    if info is not None and info.country is None:
        info.country = of_country(doc, m, by_token) or info.country_hint
    return info
