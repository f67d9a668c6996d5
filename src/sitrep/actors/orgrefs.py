""""It", "its", "they" and "their" for organisations, countries and groups. One reader of the
parse, :func:`owner`, serves both the people stage ("Its spokeswoman, X," takes the body's
country) and the entities here (the pronoun becomes a mention of its actor):

* "its"/"their": the subject of the nearest clause above that can own it. A subject that is or
  holds the pronoun, and for "its" a plural or coordinated one, is passed over ("The army said
  Azerbaijani troops had fired on its positions", "said 40 of its trucks were waiting"); a clause
  without a subject of its own takes its conjunction head's or its controller's ("urged Ankara to
  reopen its border"; "accused Russia of violating its airspace" is the accuser's); a second "and
  that" clause is read from the reporting verb ("said Russia had lost ... and that its forces had
  repelled ..."); "its" joined to a thing is the thing's ("the vessel and its cargo"); any other subject stops the
  search ("Russia said Ukraine had lost its ..." is Ukraine's). "their" needs a plural subject or
  police.
* "it"/"they" as subject or object of a clause reported by a reporting verb: that verb's subject
  ("The army said on Sunday it had retaken ...", "ECOWAS welcomed the move and said it would
  ...", "declined to comment, saying it ...", "said in a statement that it ..."); an object "it"
  only when its own clause's subject stands for something else ("The ministry said a court had
  fined it", not "it had not been told ... but would study it").
* A pronoun opening a sentence: the subject of the sentence before ("Its spokesman said");
  a subject "it"/"they" of a reporting verb that finds nobody so takes the latest organisation
  (for "it", else country) or group/country named as a noun within a few sentences.

"it" with no reference ("it is clear that", "it was the third attack") is left alone.
"""

from __future__ import annotations

import bisect
from typing import Callable, Protocol, TypeVar

from spacy.tokens import Doc, Token

from . import lexicon
from .kinds import Entity

# How many sentences back "it"/"they" may look for its organisation (tests).
ORG_SENTENCE_WINDOW = 2
_WANT = {"it": ("org", "country", "group"), "they": ("org", "group", "country")}
_FALLBACK = {"it": ("org", "country"), "they": ("org", "group", "country")}  # the window guess
_BASE = {"its": "it", "their": "they", "it": "it", "they": "they"}
_PRONOUNS = frozenset(_BASE)
_POSSESSIVES = frozenset({"its", "their"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
# "it" with these verbs and a clause or an impersonal adjective is no reference ("it is clear that")
_COPULAS = frozenset({"be", "seem", "appear", "become", "remain"})
_IMPERSONAL = frozenset({"clear", "unclear", "likely", "unlikely", "possible", "impossible", "important",
                         "necessary", "true", "difficult", "hard", "easy", "certain", "uncertain", "early",
                         "late", "time", "enough", "too"})


class _Kinded(Protocol):
    kind: str


T = TypeVar("T", bound=_Kinded)


def owner(doc: Doc, i: int, lookup: Callable[[int], T | None]) -> T | None:
    """The organisation, country or group the pronoun at token i stands for: ``lookup`` of the token
    heading the owning subject (a person mention, or nothing, there: None)."""
    tok = doc[i]
    base = _BASE.get(tok.lower_)
    if base is None:
        return None
    want = _WANT[base]
    if tok.lower_ in ("it", "they") and _expletive(tok):
        return None
    if i == tok.sent.start:  # "Its spokesman ...", "It said ...": the subject of the sentence before
        if i == 0:
            return None
        root = doc[i - 1].sent.root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        found = next((f for c in _subjects(root) if (f := lookup(c.i)) is not None), None)
        return found if found is not None and found.kind in want else None
    found = _possessor(tok, lookup) if tok.lower_ in _POSSESSIVES else _reported(tok, lookup)
    return found if found is not None and found.kind in want else None


def _possessor(tok: Token, lookup: Callable[[int], T | None]) -> T | None:
    """ "its"/"their": the subject of the nearest clause above that can own it; "their" only a
    plural one or police ("Kosovo police said their officers ...", not "the Kremlin ... their border")."""
    i = tok.i
    singular = tok.lower_ == "its"
    owned = tok.head
    if owned.dep_ == "conj" and owned.head.pos_ in ("NOUN", "PROPN") and owned.head.i < i:
        return lookup(owned.head.i)  # "the vessel and its cargo", "Russia and its allies"
    node = tok
    while node.head.i != node.i:
        came_from, node = node, node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        if came_from.dep_ == "conj" and any(c.dep_ == "mark" for c in came_from.children):
            continue  # "said Russia had lost ... and that its forces had repelled": not Russia's
        subjs = [c for c in _subjects(node) if c.i < i and not c.left_edge.i <= i <= c.right_edge.i]
        if not subjs:
            continue  # no subject before the pronoun, or the pronoun is inside it
        found = next((f for c in subjs if (f := lookup(c.i)) is not None), None)
        subj = subjs[0]
        if found is not None:
            return found if singular or subj.tag_ in _PLURAL_TAGS or subj.lemma_.lower() == "police" else None
        if singular and (subj.tag_ in _PLURAL_TAGS or any(c.dep_ == "conj" for c in subj.children)):
            obj = next((f for c in node.children if c.dep_ == "dobj" and c.i < i and (f := lookup(c.i)) is not None), None)
            if obj is not None:
                return obj  # "Lawmakers accused Moldova's energy ministry of hiding its debts"
            continue  # "Azerbaijani troops had fired on its positions": no owner of "its"
        return None
    return None


def _reported(tok: Token, lookup: Callable[[int], T | None]) -> T | None:
    """ "it"/"they" in a clause reported by a reporting verb: that verb's subject ("The army said on
    Sunday it had retaken ...", "ECOWAS welcomed the move and said it would ...", "declined to
    comment, saying it ..."); an object "it" not when the subject of its own clause stands for the
    same ("The ministry said a court had fined it": the ministry; "it had not been told ... but would
    study it": not the ministry)."""
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # "had ruled against it"
    if verb.pos_ not in ("VERB", "AUX") or (tok.dep_ in _SUBJECTS and tok.head.i != verb.i):
        return None
    own = [] if tok.dep_ in _SUBJECTS else _subjects(verb)
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    cue = clause.head
    if clause.dep_ in ("relcl", "acl") and any(c.dep_ == "mark" for c in clause.children):
        while cue.pos_ not in ("VERB", "AUX") and cue.head.i != cue.i:
            cue = cue.head  # "said in a statement that it had ...": the parse hangs the clause on "statement"
    elif clause.dep_ != "ccomp":
        return None
    if cue.lemma_.lower() not in lexicon.cue_verbs():
        return None  # a reporting verb ("said", "denied"), not any clause verb ("the Kremlin knows it exists")
    subjs = _subjects(cue)
    while not subjs and cue.dep_ in ("advcl", "xcomp") and cue.head.i != cue.i:
        cue = cue.head  # "declined to comment, saying it ..."
        subjs = _subjects(cue)
    found = next((f for c in subjs if (f := lookup(c.i)) is not None), None)
    if found is None or any(c.i == tok.i or lookup(c.i) is found for c in own):
        return None
    return found


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects, nearest first (a parse may give two: "KFOR, the peacekeeping force ...,
    said"); for a verb without one, its conjunction head's ("welcomed the move and said"), or the
    object of the verb it complements ("urged Ankara to reopen"; not "accused Russia of violating
    its airspace", where "its" is mostly the accuser's).
    Empty when the subject is only the governing verb's (read further up)."""
    while True:
        subjs = [c for c in reversed(list(verb.lefts)) if c.dep_ in _SUBJECTS]
        if subjs:
            return subjs
        if verb.dep_ == "conj" and verb.head.i != verb.i:
            finite = verb.tag_ in _FINITE and verb.head.tag_ == "VBG"
            verb = verb.head
            while finite and verb.dep_ in ("pcomp", "xcomp", "conj") and verb.head.i != verb.i:
                # "accused Eritrea of moving soldiers ..., and warned": a parse hanging the finite
                # "warned" on "moving" still means the accuser warned, not the accused
                verb = verb.head.head if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" else verb.head
            continue
        gov = verb.head if verb.dep_ == "xcomp" else None
        if gov is not None and gov.pos_ in ("VERB", "AUX"):
            return [c for c in gov.children if c.dep_ == "dobj"][:1]
        return []


def _expletive(tok: Token) -> bool:
    """ "it is clear that", "it seems", "it was the third attack", "it emerged that": no reference."""
    if tok.dep_ not in _SUBJECTS:
        return False
    verb = tok.head
    kids = list(verb.children)
    if verb.lemma_.lower() in _COPULAS:
        if any(c.dep_ in ("ccomp", "csubj", "attr") for c in kids):
            return True
        return any(c.dep_ == "acomp" and (c.lower_ in _IMPERSONAL or any(g.lower_ in _IMPERSONAL for g in c.children))
                   for c in kids) or verb.lemma_.lower() in ("seem", "appear") and any(c.dep_ == "xcomp" for c in kids)
    return verb.lemma_.lower() in ("emerge", "transpire", "rain", "take") and any(c.dep_ in ("ccomp", "xcomp") for c in kids)


def _verbs() -> frozenset[str]:
    return lexicon.cue_verbs() | frozenset(lexicon.load("cues", "quotes")["clause_verbs"])


def attach(doc: Doc, entities: list[Entity], taken: frozenset[int] = frozenset()) -> None:
    """Add each resolvable it/its/they/their to its entity's mentions; a pronoun whose character
    offset is in ``taken`` already names a person."""
    verbs = _verbs()
    cands = []
    at: dict[int, tuple[int, Entity]] = {}  # token -> (span length, entity): the longest mention wins
    for e in entities:
        for s, end in e.mentions:
            span = doc.char_span(s, end, alignment_mode="expand")
            if span is None:
                continue
            if span.root.dep_ not in _MODIFIER_DEPS:
                cands.append((s, span.start, e))
            for k in range(span.start, span.end):
                if k not in at or at[k][0] < len(span):
                    at[k] = (len(span), e)
    cands.sort(key=lambda c: c[0])
    starts = [c[0] for c in cands]

    def lookup(k: int) -> Entity | None:
        hit = at.get(k)
        return hit[1] if hit is not None else None

    for tok in lexicon.tokens_where(doc, "lower", _PRONOUNS):
        if tok.idx in taken:
            continue
        best = owner(doc, tok.i, lookup)
        want = _FALLBACK.get(tok.lower_)
        if best is None and want is not None and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in verbs:
            floor = _window_start(doc, tok.i)  # "The ministry denied the report. It said ..."
            k = bisect.bisect_left(starts, tok.idx)
            best = next((e for s, ti, e in reversed(cands[:k]) if ti >= floor and e.kind in want[:1]), None)
            best = best or next((e for s, ti, e in reversed(cands[:k]) if ti >= floor and e.kind in want), None)
        if best is not None:
            best.mentions.append([tok.idx, tok.idx + len(tok.text)])
            at[tok.i] = (1, best)


def _window_start(doc: Doc, i: int) -> int:
    sent = doc[i].sent
    for _ in range(ORG_SENTENCE_WINDOW):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
    return sent.start
