"""The actors stage: people (with roles, affiliations, countries), organisations,
countries and groups, one actor per real entity with all its mentions.

Steps: 1. entity mentions from NER and the names tables (``mentions``); 2. surnames
mis-tagged as places or organisations become people; weapons, news outlets and cities NER
took for people, and the city and agency of a dateline, are dropped; state bodies named by a
common noun ("the Sudanese army", "Russia's defence ministry") become organisation mentions
(``bodies``); 3. person mentions grouped by name (``coref``); 4. roles from pre-modifiers and
appositions (``people``), then a well-known leader's country for people the text gave none
(``leaders``); 5. definite descriptions and pronouns attached to people (``descriptions``,
``coref``), "Mr."/"Ms." moved to the namesake of that gender (``gender``), singular "they"
(``they``), and a weak default country from where the text sets a person (``dateline``);
6. countries, organisations and groups (``kinds``); 7. records built.
"""

from __future__ import annotations

from typing import Any

from .. import countries
from ..events.places import place_from_name
from ..ids import fact_id
from ..schema import Actor, Article, Provenance
from . import (
    bodies,
    coref,
    dateline,
    descriptions,
    gender,
    kinds,
    leaders,
    lexicon,
    orgdesc,
    orgrefs,
    people,
    they,
)
from .coref import Person
from .mentions import Mention, collect, particle

NAME = "actors"
VERSION = "14"
REQUIRES = ("body", "doc")
ASSIGNS = ("actors",)

# Confidence of a person actor: named in full at least once, or only by one name.
CONF_FULL_NAME = 0.9
CONF_SINGLE_NAME = 0.6
CONF_UNNAMED = 0.5  # a person the article only describes ("a Kremlin aide")


def run(article: Article, ctx: Any) -> None:
    """Fill ``article.actors`` from ``ctx.doc``."""
    doc = ctx.doc
    if doc is None:
        return
    with lexicon.reading(doc):  # token attributes read once for the whole stage
        _run(article, doc)


def _run(article: Article, doc: Any) -> None:
    mentions = collect(doc)  # 1
    mentions = _fix_surnames(doc, mentions)  # 2
    mentions, inner = bodies.find(doc, mentions)  # "the Sudanese army", "Russia's defence ministry"
    _possessor_countries(doc, mentions)  # "The U.S. military's Central Command"
    described = orgdesc.find(doc, mentions)  # "Kora Gold, a British mining company", later "the company"
    inner += described
    by_token = {i: m for m in mentions for i in range(m.tok_start, m.tok_end)}
    for m in described:  # "The group's spokesman, X," takes the group named before
        for i in range(m.tok_start, m.tok_end):
            by_token.setdefault(i, m)
    persons, owner = coref.group_names(doc, mentions)  # 3
    _read_roles(doc, mentions, by_token, persons, owner)  # 4
    gender.fix_honorifics(doc, persons)  # "Mr. Medina" is the man of two Medinas
    leaders.assign(persons)  # well-known leaders the text gave no country
    descriptions.resolve(doc, persons, by_token)  # 5
    gender.assign(doc, persons)
    inside = coref.resolve_pronouns(doc, persons)  # the tokens inside quotation marks, when read
    they.resolve(doc, persons, inside)  # singular they for a person of unknown gender
    dateline.assign(doc, persons)  # a weak default country for ministers and residents
    entities = kinds.entities(sorted(mentions + inner, key=lambda m: m.start))  # 6 ("Russia" of "Russia's army" too)
    orgrefs.attach(doc, entities, frozenset(r.start for p in persons for r in p.refs if r.how == "pronoun"))
    article.actors = _records(article, persons, entities)  # 7


def _fix_surnames(doc: Any, mentions: list[Mention]) -> list[Mention]:
    """Surnames of named people that NER tagged as places or organisations, or missed, become
    person mentions."""
    orgs = set()
    for m in mentions:
        if _name_beside_role(doc, m) or _particle_name(doc, m):
            m.kind, m.code = "person", None
        elif _name_beside_org_noun(doc, m):
            m.kind = "org"  # "Kora Gold, a British mining company," (NER: a person)
            orgs.add(m.text)
        elif (noun := _org_noun_before(doc, m)) is not None:
            if m.kind == "person":
                orgs.add(m.text)
            m.kind, m.code = "org", m.code or _demonym_before(doc, noun)  # "British maritime security firm Ambrey said"
    for m in mentions:
        if m.kind == "person" and m.text in orgs:
            m.kind = "org"  # "Kora Gold said ...": the same name again
    surnames = coref.surnames(doc, mentions)
    for m in mentions:  # "supporters from Chelsea and Everton" (NER: Everton a person)
        if (m.kind == "person" and m.tok_end - m.tok_start == 1 and m.text not in surnames
                and doc[m.tok_start].lower_ not in lexicon.first_names() and _listed_companies(doc, doc[m.tok_start])):
            m.kind = "org"
    head = dateline.opening(lexicon.doc_text(doc))
    mentions = [m for m in mentions if not _dateline_agency(doc, m, head) and not _dateline_city(m, head)
                and not _city_read_as_person(doc, m, surnames)
                and not _thing_read_as_person(doc, m, surnames) and not _plural_surname(m, surnames)
                and not (m.kind == "org" and not m.from_table and _vessel_name(doc, m))]
    names = coref.person_names(doc, mentions)
    surnames = coref.surnames(doc, mentions)
    taken = set()
    for m in mentions:
        # one word, or one hyphenated one ("Adebayo-Sorensen" is three tokens)
        one = m.tok_end - m.tok_start == 1 or (" " not in m.text and "-" in m.text) or (
            m.tok_end - m.tok_start == 2 and doc[m.tok_start].lower_ in lexicon.particles()["all"])  # "De Pascale"
        if m.kind != "person" and not m.from_table and ((one and _named(m.text, names)) or _is_leader(m.text)):
            m.kind, m.code = "person", None  # "Kirby" (ORG), "Adebayo-Sorensen" (ORG) after the full name
        taken.update(range(m.tok_start, m.tok_end))
    v = lexicon.view(doc)
    pos, text = (v.pos, v.text) if v is not None else ([t.pos_ for t in doc], [t.text for t in doc])
    added = [
        Mention(i, i + 1, doc[i].idx, doc[i].idx + len(text[i]), text[i], "person")
        for i in range(len(doc))
        if pos[i] == "PROPN" and i not in taken and (text[i] in surnames or _is_leader(text[i]))
        and not _ship_name(doc, i)
    ]
    added += _hyphenated_surnames(doc, surnames, taken)
    return sorted(mentions + added, key=lambda m: m.start)


def _possessor_countries(doc: Any, mentions: list[Mention]) -> None:
    """An organisation with no country owned by a body or organisation that has one ("The U.S.
    military's Central Command", "Kenya's army's special unit") takes its country."""
    ends = {m.tok_end: m for m in mentions}
    for m in mentions:
        if m.kind != "org" or m.code is not None or m.tok_start < 2 or doc[m.tok_start - 1].text not in ("'s", "’s"):
            continue
        own = ends.get(m.tok_start - 1)
        if own is not None and own.kind in ("org", "country") and own.code and len(own.code) == 2:
            m.code = own.code


def _named(text: str, names: set[str]) -> bool:
    """A word of a full name, also with its particle capitalised to open a sentence ("Al-Nouri"
    for "Faisal al-Nouri")."""
    return text in names or (text[:1].isupper() and text[:1].lower() + text[1:] in names)


def _hyphenated_surnames(doc: Any, surnames: set[str], taken: set[int]) -> list[Mention]:
    """A hyphenated surname of someone named in full ("Mbemba-Nordgren"), three tokens NER missed."""
    out = []
    for name in (n for n in surnames if "-" in n):
        parts = name.split("-")
        if len(parts) != 2 or not all(parts):
            continue
        for t in doc:
            i = t.i
            if (t.text == parts[0] and i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].text == parts[1]
                    and not t.whitespace_ and not doc[i + 1].whitespace_ and not taken & {i, i + 1, i + 2}):
                out.append(Mention(i, i + 3, t.idx, doc[i + 2].idx + len(doc[i + 2].text), doc[i:i + 3].text, "person"))
                taken.update((i, i + 1, i + 2))
    return out


LOCATIVE = frozenset({"in", "on", "near", "into", "outside", "around", "from", "at", "toward", "towards", "across"})


def _city_read_as_person(doc: Any, m: Mention, surnames: set[str]) -> bool:
    """A city after a place preposition ("an attack on Kharkiv", "a meeting in Brussels") is where
    something happened, not an actor: neither a person NER made of it (unless it is the surname
    of someone the article names in full) nor the country whose capital it is."""
    if m.kind == "person" and (m.tok_end - m.tok_start != 1 or m.text in surnames):
        return False
    if m.kind not in ("person", "country") and not (m.kind == "org" and not m.from_table and m.tok_end - m.tok_start == 1):
        return False  # "a clinic in Gusau" (NER: an organisation) too
    root = doc[m.tok_start : m.tok_end].root
    if m.kind != "country" and _listed_companies(doc, root):
        return False  # "stakes in Toyota and Honda": Toyota is a city too, but the list is of companies
    if m.kind != "country" and root.dep_ == "conj":
        return _coordinated_towns(doc, root)  # "residents of Ravenna and Lugo"
    if root.dep_ != "pobj" or root.head.lower_ not in LOCATIVE:
        return m.kind != "country" and _coordinated_towns(doc, root)
    place = place_from_name(m.text)
    return place is not None and place.kind == "city"


def _coordinated_towns(doc: Any, tok: Any) -> bool:
    """Token tok is one of a list of names after "of" or a place preposition ("to evacuate residents of
    Ravenna and Lugo", "in Cesena and Forli") of which at least one the gazetteer knows as a city
    and none as anything else."""
    first, names = _name_list(doc, tok)
    if first.dep_ != "pobj" or (first.head.lower_ not in LOCATIVE and first.head.lower_ != "of"):
        return False
    if first.head.lower_ == "of" and first.head.head.lemma_.lower() not in _PLACE_OF:
        return False  # "residents of Ravenna", not "shares of Siemens and Ravenna" or "the wife of Victoria"
    if any(t.pos_ != "PROPN" or not t.text[:1].isupper() or any(c.dep_ == "compound" for c in t.children) for t in names):
        return False
    found = [place_from_name(t.text) for t in names]
    return any(p is not None and p.kind == "city" for p in found) and all(p is None or p.kind == "city" for p in found)


def _name_list(doc: Any, tok: Any) -> tuple[Any, list[Any]]:
    """The first name of the list of coordinated names token tok is in, and the list's names; a
    name the parser cut from the list at its first comma ("Residents of Ravenna, Faenza and Lugo")
    opens it."""
    first = tok
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    names = [first] + [t for t in first.subtree if t.dep_ == "conj"]
    i = first.i
    if (first.dep_ != "pobj" and len(names) > 1 and i >= 2 and doc[i - 1].text == "," and doc[i - 2].dep_ == "pobj"
            and doc[i - 2].pos_ == "PROPN" and doc[i - 2].head.i < i - 2):
        first = doc[i - 2]
        names = [first] + names
    return first, names


def _listed_companies(doc: Any, tok: Any) -> bool:
    """Token tok is one of a list of names NER took, at least in part, for organisations, of which
    some the gazetteer does not know as a town, outside a "residents of" context: "stakes in Toyota
    and Honda", "supporters from Chelsea and Everton"."""
    first, names = _name_list(doc, tok)
    if len(names) < 2 or not any(t.ent_type_ == "ORG" for t in names):
        return False
    if first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.lemma_.lower() in _PLACE_OF:
        return False
    found = [place_from_name(t.text) for t in names]
    return not all(p is not None and p.kind == "city" for p in found)


# nouns that take a place after "of": "residents of Ravenna and Lugo"
_PLACE_OF = frozenset({"resident", "inhabitant", "people", "town", "city", "village", "outskirt", "centre", "center",
                       "street", "part", "area", "neighbourhood", "neighborhood", "district", "suburb", "north",
                       "south", "east", "west", "mayor", "citizen", "population"})


def _plural_surname(m: Mention, surnames: set[str]) -> bool:
    """ "both Tseretelis", "the two Kellers": a surname in the plural is a group, not a person."""
    if m.kind != "person" or " " in m.text or m.text in surnames:
        return False
    return any(m.text in (s + "s", s + "es") for s in surnames)


def _thing_read_as_person(doc: Any, m: Mention, surnames: set[str]) -> bool:
    """A "person" that is a weapon ("Javelin"), a news outlet ("Danube Daily", "Radio
    Svoboda") or a city used as a modifier ("Rzeszow airport"), unless it is the surname of
    someone the article names in full."""
    if m.kind != "person" or m.text in surnames:
        return False
    words = m.text.lower().split()
    table = lexicon.load("not_people")
    if words[0] in table["weapons"] or " ".join(words) in table["weapons"]:
        return True
    if len(words) > 1 and (words[-1] in table["outlet_words"] or words[0] in ("radio", "tv")):
        return True
    if _ship_name(doc, m.tok_start) or _vessel_name(doc, m):
        return True
    tok = doc[m.tok_end - 1]
    if (len(words) == 1 and tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and m.tok_start > 0
            and doc[m.tok_start - 1].lower_ == "the" and not _is_leader(m.text)):
        return True  # "the Danube port": a one-word name modifying a common noun after "the"
    # a city as modifier ("Rzeszow airport") or object ("attacked Kharkiv"); a city-named person
    # speaks or acts as a subject or carries a title ("Defence Secretary Austin said")
    speaks = tok.dep_ in ("nsubj", "nsubjpass") or any(c.dep_ == "compound" and c.i < tok.i for c in tok.children)
    place = place_from_name(m.text) if len(words) == 1 and not speaks else None
    return place is not None and place.kind == "city"


def _ship_name(doc: Any, i: int) -> bool:
    """Token i names a ship: it follows a ship prefix in capitals ("the destroyer USS Carney")."""
    return i > 0 and doc[i - 1].text.isupper() and doc[i - 1].lower_ in lexicon.load("not_people")["ship_prefixes"]


_DASHES = frozenset({"-", "—", "–", "--"})


def _dateline_agency(doc: Any, m: Mention, head: tuple[str, int] | None) -> bool:
    """The news agency in brackets that closes a dateline ("YEREVAN, Armenia, Sept. 13, 2023
    (Caucasus Newsline) - Two soldiers ..."): an outlet, neither a person nor an actor. A name that
    is no person counts only inside a dateline found as such (not "The Syrian Democratic Forces
    (SDF) - backed by ...")."""
    s, e = m.tok_start, m.tok_end
    return (0 < s and m.start < dateline.HEAD_CHARS and e + 1 < len(doc) and doc[s - 1].text == "("
            and doc[e].text == ")" and doc[e + 1].text in _DASHES and "\n" not in doc[0:s].text
            and (m.kind == "person" or (head is not None and m.end <= head[1])))


def _dateline_city(m: Mention, head: tuple[str, int] | None) -> bool:
    """The city in capitals opening a dateline ("KHARTOUM, Sudan -"): where the story was filed,
    not an actor (not Sudan speaking)."""
    return head is not None and m.end <= head[1] and m.text.isupper() and m.text in head[0]


def _name_beside_role(doc: Any, m: Mention) -> bool:
    """A two- or three-word name NER took for an organisation, set in apposition to a
    person's role ("The government spokesman, Ondrej Kral, said"): a person."""
    span = doc[m.tok_start : m.tok_end]
    if m.kind != "org" or m.from_table or not 2 <= len(span) <= 4:
        return False
    if not all((t.pos_ == "PROPN" and t.text[:1].isupper() and t.text[1:].islower())
               or (0 < k < len(span) - 1 and particle(t)) for k, t in enumerate(span)):
        return False  # "Michele de Pascale": a lower-case particle inside
    if len(span) == 4 and not any(particle(t) for t in span):
        return False
    root = span.root
    other = root.head if root.dep_ == "appos" else next((c for c in root.children if c.dep_ == "appos"), None)
    if other is None or other.pos_ != "NOUN":
        return False
    if (other.tag_ == "NN" and other.i < root.i and span[0].lower_ in lexicon.first_names()
            and other.lemma_.lower() not in lexicon.load("not_people")["org_nouns"]):
        return True  # "One marcher, Petra Sandvik, said": a first name beside a singular noun ("The company, Petra Holdings": none)
    return any(s <= other.i < e for s, e, _ in lexicon.role_finder().find(doc, other.left_edge.i, other.i + 1))


def _name_beside_org_noun(doc: Any, m: Mention) -> bool:
    """A name NER took for a person, followed by a common noun naming an organisation in
    apposition ("Kora Gold, a British mining company,"): an organisation."""
    if m.kind != "person" or m.from_table or m.tok_end - m.tok_start < 2 or m.tok_end + 1 >= len(doc):
        return False
    if doc[m.tok_end].text != "," or doc[m.tok_start].lower_ in lexicon.first_names():
        return False
    root = doc[m.tok_start : m.tok_end].root
    return any(c.dep_ == "appos" and c.i > m.tok_end and c.tag_ == "NN" and c.text.islower()
               and c.lemma_.lower() in lexicon.load("not_people")["org_nouns"]
               and not lexicon.role_finder().find(doc, c.left_edge.i, c.i + 1) for c in root.children)


def _particle_name(doc: Any, m: Mention) -> bool:
    """A name NER took for an organisation made of a known first name, a lower-case surname particle
    and a capitalised word ("Michele de Pascale said"; not "Banco de Sabadell")."""
    if m.kind != "org" or m.from_table or m.tok_end - m.tok_start != 3:
        return False
    first, mid, last = doc[m.tok_start : m.tok_end]
    return (first.lower_ in lexicon.first_names() and first.text[:1].isupper() and particle(mid)
            and last.pos_ == "PROPN" and last.text[:1].isupper() and last.text[1:].islower()
            and last.lower_ not in lexicon.load("not_people")["org_name_words"])


def _org_noun_before(doc: Any, m: Mention) -> Any:
    """The lower-case noun naming an organisation ("firm", "company", "group", "agency") right before
    a name NER took for a person, or for an organisation of no known country, and modifying it
    ("security firm Ambrey said"), else None."""
    s = m.tok_start
    if m.kind not in ("person", "org") or m.from_table or s == 0 or (m.kind == "org" and m.code is not None):
        return None
    noun = doc[s - 1]
    if noun.pos_ != "NOUN" or not noun.text.islower() or noun.lemma_.lower() not in lexicon.load("not_people")["org_descriptions"]:
        return None
    if noun.dep_ != "compound" or not s <= noun.head.i < m.tok_end:
        return None
    if m.tok_end - s > 1 and doc[s].lower_ in lexicon.first_names():
        return None  # "party member Anna Kovac": a person after all
    if lexicon.role_finder().find(doc, noun.left_edge.i, s):
        return None
    return noun


# "Saudi-led coalition", "Houthi-controlled court": led or held by that side, not of its country
_MODIFIER_SUFFIXES = frozenset({"led", "controlled", "run", "held", "allied", "aligned"})


def _demonym_before(doc: Any, noun: Any) -> str | None:
    """The country of a demonym among the words before an organisation noun ("British" of "British
    maritime security firm"): the one nearest the noun, past a demonym that only says who backs, owns,
    leads or houses it ("Russian-backed Ukrainian firm": UA)."""
    for t in reversed(doc[noun.left_edge.i : noun.i]):
        if countries.stance_marked(t) or (t.i + 2 < len(doc) and doc[t.i + 1].text == "-"
                                          and doc[t.i + 2].lower_ in _MODIFIER_SUFFIXES):
            continue
        code = countries.demonym_code(t.text) if t.text[:1].isupper() else None
        if code and len(code) == 2:
            return code
    return None


def _vessel_name(doc: Any, m: Mention) -> bool:
    """A name set in apposition to a vessel noun ("The ship, the Aegean Star, was hit") or right after
    one ("the tanker Aegean Star"): the vessel, not a person."""
    vessels = lexicon.load("not_people")["vessel_nouns"]
    root = doc[m.tok_start : m.tok_end].root
    if root.dep_ == "appos" and root.head.i < m.tok_start and root.head.pos_ == "NOUN" \
            and root.head.lemma_.lower() in vessels:
        return True
    prev = doc[m.tok_start - 1] if m.tok_start > 0 else None
    return (prev is not None and prev.pos_ == "NOUN" and prev.text.islower() and prev.lemma_.lower() in vessels
            and prev.dep_ == "compound" and m.tok_start <= prev.head.i < m.tok_end)


def _is_leader(text: str) -> bool:
    """A well-known leader's name that NER took for a place or organisation ("Scholz" as GPE)."""
    words = tuple(text.split())
    return bool(words) and countries.country_code(text) is None and leaders.lookup(words) is not None


def _read_roles(doc: Any, mentions: list[Mention], by_token: dict[int, Mention],
                persons: list[Person], owner: dict[int, Person]) -> None:
    """Merge what each name's surroundings say into its person; then borrow countries."""
    relative: dict[int, int] = {}
    for m in mentions:
        p = owner.get(m.tok_start) if m.kind == "person" else None
        info = people.role_info(doc, m, by_token) if p is not None else None
        if p is None or info is None:
            continue
        for attr in ("role", "affiliation", "country", "rank"):
            if getattr(p.info, attr) is None:
                setattr(p.info, attr, getattr(info, attr))
        if info.span is not None:
            p.add(doc, info.span[0], info.span[1], "description")
        if info.of_person is not None and info.of_person in owner:
            relative[id(p)] = info.of_person
    for m in mentions:  # "One protester, Ibrahim Moussa, said": the noun is the person too
        p = owner.get(m.tok_start) if m.kind == "person" else None
        span = people.apposed_noun(doc, m, by_token) if p is not None else None
        if span is not None and not any(r.tok_start < span[1] and span[0] < r.tok_end for q in persons for r in q.refs):
            p.add(doc, span[0], span[1], "description")
    for _ in range(2):  # a chain of "adviser to the aide of X" is rare; two rounds suffice
        for p in persons:
            other = owner.get(relative.get(id(p), -1))
            if other is not None and other is not p and p.info.country is None:
                p.info.country = other.info.country


def _records(article: Article, persons: list[Person], entities: list[kinds.Entity]) -> list[Actor]:
    out: list[Actor] = []
    for p in persons:
        full = any(len(n) > 1 for n in p.names)
        conf = CONF_FULL_NAME if full else CONF_SINGLE_NAME if p.named else CONF_UNNAMED
        mentions = sorted([r.start, r.end] for r in p.refs)
        # two unnamed people may share a description ("a U.S. official" ... "a U.S. official")
        key = (p.name,) if p.named else (p.name, mentions[0][0])
        out.append(Actor(
            id=fact_id("A", article.id, "person", *key), name=p.name, kind="person", named=p.named,
            role=p.info.role, affiliation=p.info.affiliation, country=p.info.country, mentions=mentions,
            provenance=Provenance(article.id, NAME, VERSION, conf),
        ))
    for e in entities:
        out.append(Actor(
            id=fact_id("A", article.id, e.kind, e.name), name=e.name, kind=e.kind,  # type: ignore[arg-type]
            country=e.code if e.kind != "group" else None, mentions=sorted(e.mentions),
            provenance=Provenance(article.id, NAME, VERSION, e.confidence),
        ))
    return out
