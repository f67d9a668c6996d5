"""Named organisations referred to by a common noun: an apposition ("Kora Gold, a British mining
company,", "the Sahel Front, an armed group that ...") and a later definite description ("the
company", "the group") are mentions of the organisation.

A definite description needs one organisation named before it, as a subject or with an
apposition (not only inside another phrase: "a former al Qaeda affiliate"), whose kind fits the noun: the noun
of its apposition, the last word of its name ("Baltic Trust Bank": "the bank") or, for a listed
armed group, "group"; any words before the noun must have been said of it ("the mining company",
not "the state company"). An indefinite one that is no apposition ("an armed group attacked ...")
introduces something unnamed: it is no mention, and a later "the group" may be it, so is left alone;
so does any other phrase of the same noun in between ("Russia's central bank ... The bank said").
State bodies are read by ``bodies`` and are not antecedents here. The head nouns are
``org_descriptions`` in ``data/actors/not_people.json``.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from .. import countries
from . import lexicon
from .kinds import alias, org_key
from .mentions import Mention

_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# a noun said of organisations of any kind: a named organisation of no known kind between its
# antecedent and it may be the one meant ("rights group", "business group")
_LOOSE_NOUNS = frozenset({"group"})
_INDEFINITE = frozenset({"a", "an", "another", "one"})


@lru_cache(maxsize=1)
def _nouns() -> frozenset[str]:
    return frozenset(lexicon.load("not_people")["org_descriptions"])


def _copy(doc: Doc, s: int, e: int, m: Mention) -> Mention:
    span = doc[s:e]
    canonical = m.canonical or alias(m.text) or " ".join(m.text.split())
    return Mention(s, e, span.start_char, span.end_char, span.text, m.kind, m.code, m.from_table,
                   canonical if m.kind == "org" else None)


def _is_noun(tok: Token) -> bool:
    return tok.tag_ == "NN" and tok.text.islower() and tok.lemma_.lower() in _nouns()


def _words(tok: Token) -> set[str]:
    """The lower-case words said of the noun before it ("british", "mining" of "a British mining company")."""
    return {c.lower_ for c in tok.lefts if c.dep_ in _MODIFIER_DEPS}


def find(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Description mentions of the named organisations and groups among ``mentions``."""
    by_token = {i: m for m in mentions for i in range(m.tok_start, m.tok_end)}
    out: list[Mention] = []
    known: dict[tuple[str, str], tuple[Mention, set[str], set[str]]] = {}  # key -> (first mention, nouns, words)
    latest: dict[tuple[str, str], int] = {}
    apposed: set[int] = set()
    salient: set[tuple[str, str]] = set()  # named as a subject or with an apposition somewhere before
    for m in mentions:
        if m.kind not in ("org", "group") or m.state_body:
            continue
        key = (m.kind, org_key(m) if m.kind == "org" else m.code or m.text)
        entry = known.setdefault(key, (m, set(), set()))
        last = m.text.split()[-1].lower()
        if last in _nouns():
            entry[1].add(last)
        if m.kind == "org" and lexicon.armed_group(m.text) is not None:
            entry[1].add("group")
        latest[key] = max(latest.get(key, -1), m.tok_start)
        if _salient(doc, m):
            salient.add(key)
        app = _apposition(doc, m, by_token)
        if app is not None:
            s, head = app
            desc = _copy(doc, s, head.i + 1, m)
            if m.kind == "org" and m.code is None:  # "a British mining company": the company's country
                desc.code = next((c for t in doc[s : head.i] if t.text[:1].isupper()
                                  and (c := countries.demonym_code(t.text)) and len(c) == 2), None)
            out.append(desc)
            salient.add(key)
            apposed.add(head.i)
            entry[1].add(head.lemma_.lower())
            entry[2].update(_words(head))
    for tok in lexicon.tokens_where(doc, "lower", _nouns()):  # singular description nouns only (``_is_noun``)
        if tok.i in apposed or tok.i in by_token or not _is_noun(tok) or tok.dep_ in _MODIFIER_DEPS:
            continue
        if not _definite(tok, by_token):
            continue
        words = _words(tok)
        fits = [k for k, (first, nouns, said) in known.items()
                if first.tok_start < tok.i and tok.lemma_.lower() in nouns and words <= said and k in salient]
        if len(fits) != 1:
            continue
        key = fits[0]
        if _new_one_between(doc, latest[key], tok, apposed, by_token):
            continue
        if tok.lemma_.lower() in _LOOSE_NOUNS and _other_org_between(doc, mentions, known, key, latest[key], tok.i):
            continue  # "... Amnesty International condemned it. The group's spokesman": which group?
        out.append(_copy(doc, tok.left_edge.i + 1, tok.i + 1, known[key][0]))
        latest[key] = tok.i
    return out


def _other_org_between(doc: Doc, mentions: list[Mention], known: dict, key: tuple[str, str], since: int,
                       until: int) -> bool:
    """Another organisation, of no kind its name or an apposition tells, named as a subject between
    the antecedent's latest mention and the description."""
    for m in mentions:
        if m.kind != "org" or m.state_body or not since < m.tok_start < until:
            continue
        k = (m.kind, org_key(m))
        if k != key and k in known and not known[k][1] and _salient(doc, m):
            return True
    return False


def _apposition(doc: Doc, m: Mention, by_token: dict[int, Mention]) -> tuple[int, Token] | None:
    """(start, head noun) of a common-noun phrase set right after the name between commas or
    before a relative clause: "Kora Gold, a British mining company,"; not a role ("X, a spokesman")."""
    e = m.tok_end
    if e + 1 >= len(doc) or doc[e].text != ",":
        return None
    root = doc[m.tok_start : m.tok_end].root
    head = next((c for c in root.children if c.dep_ == "appos" and c.i > e), None)
    if head is None and root.dep_ in ("nsubj", "nsubjpass"):  # "KFOR, the peacekeeping force NATO ..., said": two subjects
        head = next((c for c in root.head.children if c.dep_ == root.dep_ and c.left_edge.i == e + 1), None)
    if head is None or not _is_noun(head) or head.left_edge.i != e + 1:
        return None
    if any(by_token.get(i) is not None and by_token[i].kind == "person" for i in range(e + 1, head.i + 1)):
        return None
    if lexicon.role_finder().find(doc, e + 1, head.i + 1):
        return None
    return e + 1, head


def _definite(tok: Token, by_token: dict[int, Mention]) -> bool:
    """ "the company", "the mining company": "the" and lower-case words only, no "of" phrase after."""
    lefts = list(tok.lefts)
    if not lefts or lefts[0].lower_ != "the" or lefts[0].dep_ != "det":
        return False
    for c in lefts[1:]:
        if c.dep_ not in _MODIFIER_DEPS or not c.text.islower() or c.i in by_token:
            return False
    return not any(c.dep_ in ("prep", "relcl", "acl") and c.lower_ != "'s" for c in tok.rights)


def _new_one_between(doc: Doc, since: int, tok: Token, apposed: set[int], by_token: dict[int, Mention]) -> bool:
    """Another phrase of the same noun, no apposition and no mention of a named organisation,
    between the organisation's latest mention and the description: something else of that kind
    came in between ("an armed group", "Russia's central bank", "the TASS news agency")."""
    lemma = tok.lemma_.lower()
    for t in doc[since + 1 : tok.i]:
        if t.lemma_.lower() == lemma and t.pos_ == "NOUN" and t.i not in apposed and t.i not in by_token:
            return True
    return False


def _salient(doc: Doc, m: Mention) -> bool:
    """The organisation is named as a subject ("The World Bank cut ...", "M23 rebels seized ...") or
    with an apposition, not only inside another phrase ("a former al Qaeda affiliate", "an ally of
    Hezbollah", "alongside Hamas")."""
    root = doc[m.tok_start : m.tok_end].root
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head
    if root.dep_ == "compound" and root.head.i > root.i:
        root = root.head  # "M23 rebels seized the town"
    return root.dep_ in ("nsubj", "nsubjpass") or any(c.dep_ == "appos" for c in root.children)
