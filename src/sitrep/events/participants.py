"""Who did it and to whom: noun phrases of the parse mapped to actors and countries.

An actor record from the actors stage wins when one of its mentions covers the phrase; else
the phrase is read with ``sitrep.countries`` (names, demonyms, groups), through its modifiers
("British Prime Minister Boris Johnson" -> GB), its possessor ("Erdogan's adviser") and the
countries earlier mentions gave a surname ("Russian President Vladimir Putin" ... "Putin").
Pronouns take the subject of the reporting clause ("The U.S. said ... it is sending") or the
nearest fitting phrase before them; the reference's span is then the antecedent's words in the
sentence (as PLV marks sources), not the pronoun's.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import TYPE_CHECKING

from ..clean.dateline import opening
from ..countries import country_code, demonym_code, group_code, stance_marked
from ..schema import Actor, ActorRef, Article
from .lexicon import load, word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_NAME_ENTS = ("PERSON", "ORG", "GPE", "NORP", "LOC")
MODIFIER_DEPS = ("compound", "amod", "poss", "nmod", "det")
INSTITUTION_ROLES = frozenset({"GOV", "JUD", "LEG", "COP"})  # "a court in Guyana" is Guyana's; "journalists in Minsk" need not be


def np_tokens(tok: Token) -> list[Token]:
    """The head and the modifiers before it (no relative clauses or prepositional phrases)."""
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in MODIFIER_DEPS:
            start = min(start, child.left_edge.i)
    return [t for t in tok.doc[start : tok.i + 1] if t.dep_ != "det" or t.i == tok.i]


def ent_span(tok: Token) -> Span | None:
    """The named-entity span holding a token, read from IOB tags (cheaper than scanning doc.ents)."""
    if not tok.ent_type_:
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def members(tok: Token) -> list[Token]:
    """The coordinated heads of a phrase: the token, its conjuncts, and a list the parser read as
    apposition ("The US, Russia, and Switzerland": Russia appos of US, Switzerland conj of Russia)."""
    out = [tok, *tok.conjuncts]
    ent = ent_span(tok)
    if ent is not None and len(ent) > 1:  # a name parsed apart ("Barack Obama and X": "and X" hangs on "Obama")
        out += [c for t in ent if t.i != tok.i for c in t.conjuncts if not ent.start <= c.i < ent.end]
    if tok.ent_type_ == "GPE":
        for child in tok.children:
            if child.dep_ == "appos" and child.ent_type_ == "GPE" and child.conjuncts:
                out += [child, *child.conjuncts]
    seen: set[int] = set()
    return [t for t in sorted(out, key=lambda t: t.i) if not (t.i in seen or seen.add(t.i))]


def _located_in(tok: Token) -> str | None:
    """The country of an institution's "in" phrase ("a court in Guyana" -> GY, "police in Kyiv" -> UA);
    the country owning or naming the place comes first ("lawmakers in Kenya's Senate" -> KE, not the
    US that a bare "Senate" stands for)."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            for obj in child.children:
                if obj.dep_ != "pobj" or obj.pos_ != "PROPN":
                    continue
                owners = [c.text for c in obj.children if c.dep_ in ("poss", "amod", "compound") and c.i < obj.i]
                for word in (*owners, obj.text):
                    if (code := country_code(word) or demonym_code(word)) and len(code) == 2:
                        return code
    return None


def unique_refs(refs: list[ActorRef]) -> list[ActorRef]:
    """The refs without repeats (same id, country and name), first kept."""
    seen: set[tuple[str | None, str | None, str | None]] = set()
    out = []
    for ref in refs:
        key = (ref.id, ref.country, ref.name)
        if key not in seen:
            seen.add(key)
            out.append(ref)
    return out


def _code_of(text: str) -> str | None:
    return group_code(text) or country_code(text)


@lru_cache(maxsize=1)
def _agents() -> dict[str, str]:
    return {w: code for code, words in load("agents")["nouns"].items() for w in words}


def agent_code(phrase: str | None) -> str | None:
    """The CAMEO role code of a phrase headed by an agent noun ("Syrian rebels" -> REB, "the police" -> COP)."""
    words = (phrase or "").lower().split()
    return _agents().get(words[-1]) if words else None


def person_noun(phrase: str | None) -> bool:
    """True for a phrase headed by a person noun with no role code ("37 prisoners", "a 35-year-old inmate")."""
    words = (phrase or "").lower().split()
    return bool(words) and words[-1] in word_set("agents", "persons")


def is_participant(ref: ActorRef | None) -> bool:
    """True when a participant can carry an event: an actor record, a country/group, an agent or person noun."""
    return ref is not None and bool(ref.id or ref.country or agent_code(ref.name) or person_noun(ref.name))


class Resolver:
    """Maps tokens of one article's parse to :class:`ActorRef` records."""

    def __init__(self, article: Article, doc: Doc) -> None:
        self.doc = doc
        spans = sorted((m[0], m[1], a) for a in article.actors for m in a.mentions if len(m) == 2)
        self._starts = [s[0] for s in spans]
        self._spans = spans
        self._surnames: dict[str, str] | None = None
        found = opening(doc.text)
        self._dateline_end = found[1] if found is not None else 0  # "MILAN (Reuters) - ": no participant before it

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor record with a mention overlapping [start, end), the closest start first."""
        i = bisect.bisect_right(self._starts, end)
        best: Actor | None = None
        for s, e, actor in reversed(self._spans[max(0, i - 8) : i]):
            if s < end and e > start:
                best = actor
        return best

    def surnames(self) -> dict[str, str]:
        """Surname -> country from the article's people ("Russian President Vladimir Putin")."""
        if self._surnames is None:
            self._surnames = {}
            for ent in self.doc.ents:
                if ent.label_ != "PERSON":
                    continue
                code = self._modifier_code(np_tokens(ent.root), skip=set(range(ent.start, ent.end)))
                if code:
                    self._surnames.setdefault(ent[-1].lower_, code)
        return self._surnames

    def _modifier_code(self, toks: list[Token], skip: set[int] | None = None) -> str | None:
        for t in toks:
            if skip and t.i in skip:
                continue
            if (len(t.text) <= 3 and not t.text.isupper()) or stance_marked(t):
                continue  # "Al" of "Al-Qaeda" is not Albania's code; "pro-Russian" is a side, not a nationality
            if t.dep_ == "poss" and t.pos_ == "PROPN":
                code = _code_of(t.text) or self.surnames().get(t.lower_)
            else:
                code = demonym_code(t.text) or (_code_of(t.text) if t.pos_ == "PROPN" else None)
            if code:
                return code
        return None

    def resolve(self, tok: Token) -> ActorRef | None:
        """The participant named by the noun phrase headed by ``tok`` (None for pronouns/unknowns).

        ``span`` is set to the noun phrase's offsets in the body.
        """
        ref = self._resolve(tok)
        if ref is not None and ref.span is None:
            toks = np_tokens(tok)
            ref.span = [toks[0].idx, tok.idx + len(tok.text)]
        return ref

    def _resolve(self, tok: Token) -> ActorRef | None:
        if tok.pos_ == "PRON" or tok.idx < self._dateline_end:
            return None  # "MILAN (Reuters) - Heavy rain ...": the dateline names no participant
        if tok.lemma_.lower() in word_set("agents", "partitives") or tok.lower_ in word_set("agents", "partitives"):
            inner = next((o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"), None)
            if inner is not None:  # "Hundreds of Kenyan nurses" -> the nurses
                found = self._resolve(inner)
                if found is not None:
                    return found
        for child in tok.children:  # "Erdogan's chief adviser, Ibrahim Kalin": the name in apposition
            if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                found = self.resolve(child)
                if found is not None and (found.country or found.id):
                    found.country = found.country or self._modifier_code(np_tokens(tok)[:-1])  # "The US commander, General X"
                    return found
        toks = np_tokens(tok)
        start, end = toks[0].idx, tok.idx + len(tok.text)
        actor = self.actor_at(tok.idx, tok.idx + len(tok.text)) or self.actor_at(start, end)
        if actor is not None:  # a record without a country takes the phrase's ("Egypt's Muslim Brotherhood")
            code = actor.country or _code_of(actor.name) or self._modifier_code(toks[:-1], self._mention_tokens(actor, toks))
            return ActorRef(actor.id, actor.name, code)
        name = self.doc[toks[0].i : tok.i + 1].text
        ent = ent_span(tok)
        for text in (name, ent.text if ent is not None else None, tok.text):
            code = _code_of(text) if text else None
            if code:
                return ActorRef(None, text.removeprefix("the ").removeprefix("The "), code)  # type: ignore[union-attr]
        code = self._modifier_code(toks[:-1])
        if ent is not None and tok.ent_type_ == "PERSON":
            code = code or self.surnames().get(ent[-1].lower_)
            return ActorRef(None, ent.text, code)
        if code:
            return ActorRef(None, name, code)
        if ent is not None and tok.ent_type_ in _NAME_ENTS:
            return ActorRef(None, ent.text, None)
        if tok.pos_ in ("NOUN", "PROPN") and agent_code(tok.text):  # "police", "rebels", "the government"
            located = _located_in(tok) if agent_code(tok.text) in INSTITUTION_ROLES else None
            return ActorRef(None, name.removeprefix("the ").removeprefix("The "), located)
        if tok.pos_ == "NOUN" and person_noun(tok.text):  # "freed 37 prisoners": no role code, still a party
            return ActorRef(None, name.removeprefix("the ").removeprefix("The "), None)
        return None

    def _mention_tokens(self, actor: Actor, toks: list[Token]) -> set[int]:
        """Indices of the phrase tokens inside one of the actor's own mentions."""
        spans = [m for m in actor.mentions if len(m) == 2]
        return {t.i for t in toks if any(s <= t.idx < e for s, e in spans)}

    def resolve_all(self, tok: Token) -> list[ActorRef]:
        """Every participant a phrase names: its coordinated heads ("Hungary and Slovakia") and
        coordinated country modifiers ("US and British activists" -> US activists, British activists)."""
        refs: list[ActorRef] = []
        for head in members(tok):
            ref = self.resolve(head)
            if ref is None:
                continue
            refs += [ref, *self._modifier_split(head, ref)]
        return unique_refs(refs)

    def _modifier_split(self, head: Token, ref: ActorRef) -> list[ActorRef]:
        if ref.country is None:
            return []
        out: list[ActorRef] = []
        for mod in np_tokens(head)[:-1]:
            if self._modifier_code([mod]) != ref.country:
                continue
            for conj in mod.conjuncts:
                code = self._modifier_code([conj])
                if code and code != ref.country:
                    out.append(ActorRef(None, f"{conj.text} {head.text}", code, ref.span))
        return out

    def is_person(self, tok: Token) -> bool:
        """True when a phrase names a person (entity label, or a role noun like "spokesman")."""
        actor = self.actor_at(tok.idx, tok.idx + len(tok.text))
        if actor is not None:
            return actor.kind == "person"
        return tok.ent_type_ == "PERSON" or tok.lemma_.lower() in word_set("verbs", "person_nouns")

    def resolve_pronoun(self, pron: Token, reporter: Token | None) -> ActorRef | None:
        """The antecedent of a subject pronoun: the reporting clause's subject, else the nearest fit."""
        found = self._antecedent(pron, reporter)
        return found[1] if found is not None else None

    def resolve_pronoun_all(self, pron: Token, reporter: Token | None, skip: set[int] | None = None) -> list[ActorRef]:
        """Like :meth:`resolve_pronoun`; a plural pronoun takes every coordinated antecedent
        ("Peru and Chile said they would ..." -> both). ``skip``: character offsets no antecedent may start at."""
        found = self._antecedent(pron, reporter, skip)
        if found is None:
            return []
        tok, ref = found
        if pron.lower_ not in load("verbs")["pronouns"]["any"] or len(members(tok)) < 2:
            return [ref]
        refs = self.resolve_all(tok)
        return [r for r in refs if is_participant(r)] or [ref]

    def _antecedent(self, pron: Token, reporter: Token | None, skip: set[int] | None = None) -> tuple[Token, ActorRef] | None:
        kinds = load("verbs")["pronouns"]
        word = pron.lower_
        want = "person" if word in kinds["person"] else "thing" if word in kinds["thing"] else "any"
        candidates: list[Token] = []
        if reporter is not None:
            candidates += [c for c in reporter.children if c.dep_ in ("nsubj", "nsubjpass")]
        candidates += [t for t in reversed(list(pron.sent)) if t.i < pron.i and t.pos_ in ("PROPN", "NOUN")
                       and t.dep_ not in ("compound", "poss")]
        for cand in candidates:
            if cand.pos_ == "PRON" or (skip and cand.idx in skip):
                continue
            person = self.is_person(cand)
            if (want == "person" and not person) or (want == "thing" and person):
                continue
            ref = self.resolve(cand)
            if is_participant(ref):  # span: the antecedent's words in this sentence ("Peru said it ..." -> "Peru")
                return cand, ref
        return None
