"""Stances read through a preposition or a noun: "called for X", "referring to X", "his
support for X", "the claim that ...", "a pledge to ...".

A prepositional verb (``prep_verbs``) reports its prepositional object; its speaker is found
like any verb's. A noun cue (``noun_cues``) reports its complement (a prepositional object,
a "that" clause or an infinitive); its source is the possessor ("Trump's claim"), a "by"
phrase, or the subject of the verb whose object the noun is ("voiced concerns about").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from .cues import lexicon

_CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl"})
_OBJECT_DEPS = frozenset({"pobj", "pcomp"})
# Prepositions setting a noun cue as the scene of another's act: it has no source there.
_SCENE_PREPS = frozenset({"despite", "amid"})
_POSS_PRONOUNS = frozenset({"his", "her", "their", "its", "my", "our", "your"})
# Verbs whose subject undergoes or stirs up the noun cue they take as object, not voices it.
_UNDERGOING_VERBS = frozenset({"face", "receive", "draw", "attract", "earn", "spark", "fuel", "stoke", "prompt",
                               "trigger", "provoke", "drive", "invite", "ignite", "unleash", "field", "entertain",
                               "endure", "weather", "withstand", "deflect", "dodge", "get"})
# Dependencies that make a noun the object of a verb whose subject is the noun's source.
_CARRIED = frozenset({"dobj", "attr"})


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    lex = lexicon()
    verbs = {k: frozenset(v) for k, v in lex["prep_verbs"].items()}
    nouns = {k: frozenset(v) for k, v in lex["noun_cues"].items()}
    return verbs, nouns


def _end(tok: Token) -> int:
    return tok.right_edge.idx + len(tok.right_edge.text)


def _prep_object(tok: Token, preps: frozenset[str]) -> tuple[int, int] | None:
    """The object of the first child preposition in preps, after tok."""
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps and c.i > tok.i:
            obj = next((o for o in c.children if o.dep_ in _OBJECT_DEPS), None)
            if obj is not None:
                return obj.left_edge.idx, _end(c)
    return None


def _noun_clause(tok: Token, kinds: frozenset[str]) -> tuple[int, int] | None:
    for c in tok.children:
        if c.dep_ not in _CLAUSE_DEPS or c.i < tok.i:
            continue
        marks = {m.lower_ for m in c.children if m.dep_ in ("mark", "aux")}
        if ("that" in kinds and "that" in marks) or ("to" in kinds and "to" in marks):
            return c.left_edge.idx, _end(c)
    return None


def content_of(tok: Token) -> tuple[int, int] | None:
    """Character range a prepositional verb or a noun cue reports, or None."""
    verbs, nouns = _tables()
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lemma in verbs:
        found = _prep_object(tok, verbs[lemma])
        if found is None:
            return None
        xcomp = next((c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i), None)
        return (found[0], max(found[1], _end(xcomp))) if xcomp is not None else found  # "called on X to Y"
    if tok.pos_ == "NOUN" and lemma in nouns:
        return _noun_clause(tok, nouns[lemma]) or _prep_object(tok, nouns[lemma])
    return None


def noun_source(tok: Token) -> Token | None | bool:
    """The token naming a noun cue's source; None for none; False when the noun's verb should
    be asked instead (the caller resolves that verb's subject)."""
    for c in tok.children:
        if c.dep_ == "poss":
            if c.lower_ in _POSS_PRONOUNS and tok.dep_ == "dobj" and tok.head.pos_ == "VERB" \
                    and any(x.dep_ == "nsubj" for x in tok.head.children):
                return False  # "Kim repeated her claim that ...": the verb's subject is named
            return c
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            return next((o for o in c.children if o.dep_ == "pobj"), None)
    if tok.dep_ in _CARRIED and tok.head.pos_ in ("VERB", "AUX"):
        if tok.head.lemma_.lower() in _UNDERGOING_VERBS:
            return None  # "Kim faced criticism for ...", "the move fueled speculation that ...": not Kim's
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ in _SCENE_PREPS:
        return None  # "Despite complaints that ..., X won": the complaints are not X's
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
        return False  # "rebounded with a call to ...": the verb's subject
    return None
