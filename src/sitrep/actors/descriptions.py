"""Definite role descriptions ("the spokesman", "the Russian leader") resolved to people.

A description is "the" + modifiers + a role noun that heads its phrase and is not
followed by a name (modifiers include an age: "the 62-year-old general"). It goes to the
person whose role fits best (same office: "the deputy minister" for a Deputy Defence
Minister, "the former pilot" after "X, a former fighter pilot"; else "leader" for presidents
and prime ministers, "official" for anyone with a role) and who was mentioned most recently
before it, whose country and gender do not contradict the description's. Indefinite ones
are read when they report speech, are a passive's agent, the object of a past verb ("had
met a Russian diplomat": an unnamed person) or an object in the lead that the next sentence
names ("A court sentenced a former deputy minister ... Vitalie Cojocaru, 54, ...").
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from . import gender, lexicon
from .coref import Person
from .mentions import Mention
from .people import RoleInfo, phrase_info, read_window

# Modifiers allowed between "the" and the role noun (seed article + tests).
MAX_DESCRIPTION_MODIFIERS = 5
# How many sentences (this one included) a description before any fitting person may look
# ahead for the person it names (dev articles).
CATAPHORA_SENTENCES = 2
_MODIFIER_POS = frozenset({"ADJ", "PROPN", "NOUN"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Words opening a description of someone new, never of a person already mentioned.
_NEW_PERSON = frozenset({"a", "an", "one", "its"})


def _compatible(desc: str, role: str | None) -> int:
    """How well a description's role fits a person's: 2 the same office ("the minister", "the
    deputy minister" for a Deputy Defence Minister), 1 a word any official fits ("the
    official", "the diplomat", "the leader" for a president), 0 not at all."""
    if role is None:
        return 0
    data = lexicon.load("roles")
    d, r = desc.lower(), role.lower()
    if d == r or (" " not in d and _same_head(r.split()[-1], d)):  # "the minister" fits a Foreign Minister
        return 2
    dw, rw = d.split(), r.split()
    prefixes = data["role_prefixes"]
    if (len(dw) > 1 and _same_head(dw[-1], rw[-1]) and set(dw[:-1]) <= set(rw[:-1])
            and {w for w in dw if w in prefixes} == {w for w in rw if w in prefixes}):
        return 2  # "the deputy minister" fits a Deputy Defence Minister, not a Foreign Minister
    if desc == "leader" and role in data["leader_roles"]:
        return 1
    return int(desc in data["official_heads"] and desc != "leader")


def _same_head(a: str, b: str) -> bool:
    """Two role head words alike, or listed as the same office ("head" / "chief")."""
    return a == b or any(a in group and b in group for group in lexicon.load("roles")["same_heads"])


def find(doc: Doc, by_token: dict[int, Mention]) -> list[tuple[int, int, RoleInfo]]:
    """(token start, token end, what it says) of each definite description (also "Ghana's
    minister", and an indefinite one that reports speech), in order."""
    out = []
    matches = lexicon.role_finder().find(doc)
    starts = {m[0] for m in matches}
    prefixes = lexicon.load("roles")["role_prefixes"]
    for rs, re_, role in matches:
        if doc[re_ - 1].tag_ in _PLURAL_TAGS:
            continue
        if role.lower() in prefixes and any(k in starts and all(t.pos_ in _MODIFIER_POS for t in doc[re_:k])
                                             for k in range(re_, re_ + 3)):
            continue  # "deputy" of "a former deputy interior minister": the role noun comes later
        if re_ < len(doc) and (doc[re_].pos_ in ("PROPN", "NOUN") or re_ in by_token or doc[re_].text in ("-", "'s", "’s")):
            if not _possessor(doc, rs, re_):
                continue  # a pre-modifier of a name or of another noun ("the general public")
        s = rs
        while s > 0 and rs - s < MAX_DESCRIPTION_MODIFIERS:
            tok = doc[s - 1]
            if tok.lower_ == "the":
                break
            age = tok.pos_ == "NUM" and s < len(doc) and doc[s].text == "-"  # "the 62-year-old general"
            if not (tok.pos_ in _MODIFIER_POS or tok.text == "-" or age or (s - 1) in by_token) or "\n" in tok.text:
                break
            s -= 1
        start = _determiner(doc, s, by_token) if s > 0 and doc[s - 1].lower_ not in _NEW_PERSON else _speaker(doc, s, re_)
        if start is None and _possessive_body(doc, s, by_token):
            start = s  # "Iran's foreign ministry spokesman said": the body's possessor opens it
        if start is None and (_lead_object(doc, s) or _met_object(doc, s, re_)):
            start = s - 1  # "A court sentenced a former deputy minister ... ." then "Vitalie Cojocaru, 54, ..."
        if start is None:
            continue
        info = read_window(doc, start, re_, by_token, role_at_end=True)
        if info is not None:
            trail = _trailing(doc, re_, by_token)
            info.country = info.country or (trail.country if trail else None) or info.country_hint
            info.affiliation = info.affiliation or (trail.affiliation if trail else None)
            out.append((start, re_, info))
    return out


def _trailing(doc: Doc, re_: int, by_token: dict[int, Mention]) -> RoleInfo | None:
    """Country and affiliation of an "of/for/at" phrase hanging on the role ("the head of Estonia's
    military intelligence", "a spokesman for Israel's army"); "to" (the host of an ambassador) is
    never read, nor "for" a bare country, which is a mandate ("the UN special envoy for Syria")."""
    if re_ >= len(doc) or doc[re_].lower_ not in ("of", "for", "at") or doc[re_].head.i != re_ - 1:
        return None
    if doc[re_].lower_ == "for":
        obj = next((c for c in doc[re_].children if c.dep_ == "pobj"), None)
        m = by_token.get(obj.i) if obj is not None else None
        if obj is None or (m is not None and m.kind == "country"):
            return None
    return phrase_info(doc, re_ + 1, doc[re_].right_edge.i + 1, by_token)


def _possessor(doc: Doc, rs: int, re_: int) -> bool:
    """ "the Ukrainian president's office": a definite description as a possessor names a person."""
    if doc[re_].text not in ("'s", "’s"):
        return False
    s = rs
    while s > 0 and rs - s < MAX_DESCRIPTION_MODIFIERS and doc[s - 1].pos_ in _MODIFIER_POS:
        s -= 1
    return s > 0 and doc[s - 1].lower_ == "the"


def _speaker(doc: Doc, s: int, e: int) -> int | None:
    """Start of an indefinite description ("a", "one", "its") that is the subject of a verb
    ("a battalion commander told the radio", "a deputy minister chaired the talks") or the
    source of "according to": someone the text names later, else an unnamed person."""
    head = doc[e - 1]
    if s == 0 or head.dep_ not in ("nsubj", "nsubjpass") and not _according_to(head) and not _agent(head):
        return None
    return s - 1


def _met_object(doc: Doc, s: int, e: int) -> bool:
    """ "a"/"an" before a description that is the object of a past, not negated verb ("had
    met a Russian diplomat"): someone the text does not name, an unnamed person."""
    head = doc[e - 1]
    verb = head.head
    return (s > 0 and doc[s - 1].lower_ in ("a", "an") and head.dep_ == "dobj" and verb.tag_ in ("VBD", "VBN")
            and not any(c.dep_ == "neg" for c in verb.children))


def _agent(tok: Any) -> bool:
    """The agent of a passive ("the delegation was led by a deputy defence minister")."""
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"


def _lead_object(doc: Doc, s: int) -> bool:
    """ "a"/"an" before a description in the article's first sentence that is not its subject:
    a delayed-identification lead, whose person the next sentence names."""
    return s > 0 and doc[s - 1].lower_ in ("a", "an") and doc[s].sent.start == doc[0].sent.start


def _according_to(tok: Any) -> bool:
    """The object of "according to" ("according to a Kremlin aide")."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"


def _possessive_body(doc: Doc, s: int, by_token: dict[int, Mention]) -> bool:
    """A state body written with its country's possessive starts at token s ("Iran's foreign ministry")."""
    m = by_token.get(s)
    return (m is not None and m.state_body and m.tok_start == s
            and any(t.text in ("'s", "’s") for t in doc[m.tok_start : m.tok_end]))


def _determiner(doc: Doc, s: int, by_token: dict[int, Mention]) -> int | None:
    """Start of "the" or of a country's or organisation's possessive ("Ghana's", "the Pentagon's")
    right before token s."""
    if s == 0:
        return None
    if doc[s - 1].lower_ == "the":
        return s - 1
    owner = by_token.get(s - 2) if s >= 2 and doc[s - 1].text in ("'s", "’s") else None
    return owner.tok_start if owner is not None and owner.kind in ("country", "org") else None


def resolve(doc: Doc, people: list[Person], by_token: dict[int, Mention]) -> None:
    """Attach each description to the person it is set beside ("Thomas Reyes, the commander of
    ..."), else to the fitting person mentioned most recently before it, else (and always for an
    indefinite one) to the person named right after it; a description of nobody the article
    names is an unnamed person of its own ("a Kremlin aide"), whom later descriptions can fit."""
    for s, e, info in find(doc, by_token):
        if any(r.tok_start < e and s < r.tok_end for p in people for r in p.refs):
            continue  # an apposition the role reader already gave its person
        root = doc[s:e].root
        lead = _lead_object(doc, s + 1) and root.dep_ not in ("nsubj", "nsubjpass") and not _agent(root)
        met = _met_object(doc, s + 1, e)
        best = _apposed(doc, people, s, e) or _fitting(doc, people, s, e, info)
        if best is None and (lead or not met):
            best = _named_after(doc, people, s, e, info, lead)
        if lead and best is None and not met:
            continue  # an object in the lead the article does not name: left alone
        if best is None and info.role:
            best = _unnamed(doc, s, e, info)
            people.append(best)
        if best is not None:
            best.add(doc, s, e, "description")


def _speaks(doc: Doc, p: Person) -> bool:
    """p's first name mention is the subject of a reporting verb ("Maria Soto said"): someone
    who comments on the lead, not the person it was about."""
    first = min((r for r in p.refs if r.how == "name"), key=lambda r: r.start)
    root = doc[first.tok_start : first.tok_end].root
    return lexicon.reporting_subject(root)


def _first_named(people: list[Person], p: Person) -> bool:
    """p is the first person the article names."""
    firsts = [(min((r.start for r in q.refs if r.how == "name"), default=-1), id(q)) for q in people]
    named = [f for f in firsts if f[0] >= 0]
    return bool(named) and min(named)[1] == id(p)


def _apposed(doc: Doc, people: list[Person], s: int, e: int) -> Person | None:
    """The named person this description stands in apposition to, either way round."""
    head = doc[s:e].root
    partners = [c.i for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        partners.append(head.head.i)
    for p in people:
        if any(r.how == "name" and r.tok_start <= i < r.tok_end for r in p.refs for i in partners):
            return p
    return None


def _unnamed(doc: Doc, s: int, e: int, info: RoleInfo) -> Person:
    """A person known only by this description, named after it without its article."""
    words = doc[s + 1 : e] if doc[s].lower_ in ("the", *_NEW_PERSON) else doc[s:e]
    return Person(name=words.text, info=RoleInfo(info.role, info.affiliation, info.country, confidence=info.confidence),
                  named=False)


def _fitting(doc: Doc, people: list[Person], s: int, e: int, info: RoleInfo) -> Person | None:
    """The person whose role, rank or earlier description fits the description [s, e) best
    (the same office before a word any official fits; "former" before "former"), then who was
    mentioned most recently before it; their country and gender must not contradict it. An
    unnamed person fits only the same office. None for an indefinite description: "a" brings
    in someone new."""
    pos = doc[s].idx
    best, best_key = None, (0.0, -1)
    indefinite = doc[s].lower_ in _NEW_PERSON
    former = any(t.lower_ == "former" for t in doc[s:e])
    for p in people if not indefinite else ():
        level = max(_compatible(info.role or "", p.info.role), _compatible(info.role or "", p.info.rank),
                    *(2 * (_compatible(info.role or "", r) == 2) for r in _described_as(doc, p, pos)))
        if not level or (level < 2 and not p.named):
            continue  # an unnamed person comes back by the same noun ("a Russian diplomat ... the diplomat")
        if info.country and p.info.country and info.country != p.info.country:
            continue
        if not gender.fits(info.role, p):
            continue  # "the spokeswoman" is not the spokesman named before her
        if former and level < 2 and any(t.lower_ == "former" for r in p.refs for t in doc[r.tok_start : r.tok_end]):
            level += 0.5  # "the former official" is the one described as "a former deputy minister"
        key = (level, p.last_before(pos))  # the same office beats "the official" for anyone with a role
        if key[1] >= 0 and key > best_key:
            best, best_key = p, key
    return best


def _described_as(doc: Doc, p: Person, pos: int) -> list[str]:
    """Roles of the descriptions already given to p before pos ("a former fighter pilot" of a
    minister: "the former pilot" is him too)."""
    finder = lexicon.role_finder()
    out = []
    for r in p.refs:
        if r.how == "description" and r.start < pos:
            hits = finder.find(doc, r.tok_start, r.tok_end)
            if hits:
                out.append(hits[-1][2])
    return out


def _named_after(doc: Doc, people: list[Person], s: int, e: int, info: RoleInfo, lead: bool = False) -> Person | None:
    """Cataphora: a description no earlier person fits ("Ghana's interior minister said ...
    Kwame Asante said") goes to the first person named after it, within
    ``CATAPHORA_SENTENCES``, who has no role yet; they take its role and country. A ``lead``
    object ("sentenced a former minister") names only the article's first named person."""
    sent = doc[s].sent
    limit = sent.end
    for _ in range(CATAPHORA_SENTENCES - 1):
        if limit < len(doc):
            limit = doc[limit].sent.end
    firsts = [(min(r.tok_start for r in p.refs if r.how == "name"), p) for p in people
              if any(r.how == "name" for r in p.refs)]
    after = sorted((t, p) for t, p in firsts if e <= t < limit)
    ranks = lexicon.load("roles")["ranks"]
    if not after or after[0][1].info.role not in (None, *ranks):
        return None
    p = after[0][1]
    if info.country and p.info.country and info.country != p.info.country:
        return None
    if not gender.fits(info.role, p):
        return None  # "the ministry spokeswoman" is not the General Thomas named next
    if lead and (not _first_named(people, p) or _speaks(doc, p)):
        return None  # an object in the lead goes only to the first person named, if not a commenter
    if p.info.role in ranks and info.role:  # "the head of ... intelligence ... Colonel X": the office is the role
        p.info.rank, p.info.role = p.info.rank or p.info.role, None
    p.info.role, p.info.country = p.info.role or info.role, p.info.country or info.country
    p.info.affiliation = p.info.affiliation or info.affiliation
    return p
