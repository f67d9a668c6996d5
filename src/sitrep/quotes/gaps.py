"""Contents interrupted by their attribution: several spans around the source and cue.

PolNeAR splits a content around whatever is not part of it: "[The plan], she said, [would
fail]"; "[Two people were hurt], according to police, [and three were arrested]"; a
relative clause whose gap is the content's subject or object ("[which] critics said [was
unfair]", "[a battle] the firm expects [to last]"); a passive impression ("[The ferries]
were ordered [to stay]"). Here a content is a set of tokens, and its spans are the runs of
consecutive tokens in that set.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Token

from .cues import active_deps, lexicon

_COMMAS = frozenset({",", ";", "—", "–", "--"})
_RELATIVE = frozenset({"which", "that", "what", "who", "whom", "whatever"})
_EXPLETIVES = frozenset({"it", "there"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_OBJECTS = frozenset({"dobj", "ccomp", "attr"})


def runs(tokens: Iterable[Token]) -> list[tuple[int, int]]:
    """Character ranges of the runs of consecutive tokens (runs of punctuation only dropped)."""
    toks = sorted(set(tokens), key=lambda t: t.i)
    out: list[list[Token]] = []
    for t in toks:
        if out and t.i == out[-1][-1].i + 1:
            out[-1].append(t)
        else:
            out.append([t])
    return [(r[0].idx, r[-1].idx + len(r[-1].text)) for r in out
            if any(not (t.is_punct or t.is_space) for t in r)]


def tail(cue: Token, own_cue: Callable[[Token], bool]) -> list[Token]:
    """Tokens of the cue's dependents after it that continue its content (after a comma)."""
    out: list[Token] = []
    doc = cue.doc
    for c in cue.children:
        if c.i <= cue.i or not _continues(c) or c.left_edge.i == 0:
            continue
        if doc[c.left_edge.i - 1].text not in _COMMAS or own_cue(c):
            continue
        out.extend(c.subtree)
        out.extend(x for x in cue.children if x.dep_ == "cc" and x.i < c.i and x.i > cue.i)
    return out


def _continues(c: Token) -> bool:
    """A dependent after the cue carrying on the content: a subordinate clause with its
    conjunction ("X, he said, because ...") or a ``tail_preps`` preposition; participles
    ("..., wiping his face") describe the speaking, not the content (PolNeAR train)."""
    if c.dep_ == "prep":
        return c.lower_ in lexicon()["tail_preps"]
    return c.dep_ == "advcl" and any(m.dep_ == "mark" for m in c.children)


def parenthetical(cue: Token, own_cue: Callable[[Token], bool]) -> list[Token] | None:
    """ "The plan, she said, would fail": the tokens of the clause the cue interrupts."""
    head = cue.head
    if cue.dep_ != "parataxis" or head is cue or head.pos_ not in ("VERB", "AUX"):
        return None
    if not any(c.dep_ in _SUBJECTS for c in head.children):
        return None  # "Asked whether ..., she said": the participle is no content
    skip = {t.i for t in cue.subtree}
    if not any(t.i < cue.left_edge.i for t in head.subtree):
        return None  # "He said, we will win" is read as any clause after its cue
    return [t for t in head.subtree if t.i not in skip] + tail(cue, own_cue)


def according(cue: Token) -> list[Token] | None:
    """ "according to X": the clause it attaches to, without the "according to X" phrase; the
    whole rest of the sentence when the phrase ends it after a comma (`[A, and B], according to
    X.`) or opens it before one (`According to X, [A, and B].`), wherever the parser attached it
    (PolNeAR train)."""
    head = cue.head
    if head is cue:
        return None
    doc, sent = cue.doc, cue.sent
    lo, hi = cue.left_edge.i, cue.right_edge.i
    before, after = _has_words(doc[sent.start : lo]), _has_words(doc[hi + 1 : sent.end])
    if lo > sent.start and doc[lo - 1].text == "," and before and not after:
        return list(doc[sent.start : lo - 1])
    if hi + 1 < sent.end and doc[hi + 1].text == "," and after and not before:
        return list(doc[hi + 2 : sent.end])
    skip = {t.i for t in cue.subtree}
    return [t for t in head.subtree if t.i not in skip]


def _has_words(toks: Iterable[Token]) -> bool:
    return any(not (t.is_punct or t.is_space) for t in toks)


def antecedent(cue: Token, comp: Token) -> list[Token]:
    """A relative-clause cue whose content has a gap: "[a battle] the firm expects [to last]"
    gives the antecedent's words; "[what] he described [as ...]" the relative pronoun."""
    if cue.dep_ != "relcl":
        return []
    for c in cue.children:
        if c.i < cue.i and c.dep_ in ("dobj", "mark") and c.lower_ in _RELATIVE:
            return [c]
    subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ in _RELATIVE:
        return []  # "officials who said ...": the antecedent is the source
    if any(t.i < cue.i for t in comp.subtree):
        return []  # a relative pronoun inside the content already fills the gap
    if any(c.i < cue.i and (c.dep_ == "advmod" or c.dep_ == "prep") for c in cue.children):
        return []  # "the rally where he said ...", "the email in which she asked ...": no gap
    deps = {c.dep_ for c in comp.children}
    if comp.dep_ == "ccomp" and deps & _SUBJECTS:
        return []  # a clause with its own subject: the gap is no part of it
    if comp.dep_ == "xcomp" and deps & _OBJECTS:
        return []  # "asked Sullivan to send her a document": nothing missing
    noun = cue.head
    first = cue.left_edge.i
    return [t for t in noun.subtree if t.i < first]



def passive_subject(cue: Token) -> list[Token]:
    """The subject of a passive cue without agent ("[The ferries] were ordered [to stay]"):
    PolNeAR reads it as the first part of a source-less content."""
    if any(c.dep_ == "agent" for c in cue.children) or cue.lemma_.lower() in lexicon()["passive_addressed"]:
        return []
    if "auxpass" not in active_deps(cue):
        return []  # "He's said ...": the perfect "has", so "He" is the source, not content
    subj = next((c for c in cue.children if c.dep_ == "nsubjpass" and c.i < cue.i), None)
    if subj is None or subj.lower_ in _EXPLETIVES:
        return []
    return list(subj.subtree)
