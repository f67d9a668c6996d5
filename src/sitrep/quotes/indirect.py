"""Reported speech, beliefs and intentions read from the parse.

A cue verb ("said", "believes", "showed") governs a reported clause (its ``ccomp``
subtree, with the complementiser "that"); an intention verb ("vowed", "refused") its
infinitive (``xcomp``: "to press on"); "according to X" the sentence part it attaches
to. The content keeps PolNeAR's conventions (the complementiser and any quotation marks
inside it); quotation marks that the clause only partly covers are left to ``merge``. A stance
verb reports its object ("endorsed [Smith]", "sees [him as a threat]"), or in the passive its
subject ("[the plan] was denounced"); a trailing aside set off by a comma (", which ...") is
left out, as PolNeAR does.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from . import gaps, phrases, raising
from .cues import Layout, discourse_said, lexicon
from .direct import Draft
from .speaker import ActorIndex, Speaker, resolve, source_span

_TRIM = " \t\n,;:—–-"
_MARKS = "\"“”"
_CLOSERS = ".!?"
# Shortest content in words: one, as a stance verb's one-word object ("endorsed Smith") is a
# content in PolNeAR (train: lenient F1 +0.003 over 2).
MIN_CLAUSE_WORDS = 1
# An infinitive content shorter than this many words ("to go") is kept too: PolNeAR does.
MIN_INTENT_WORDS = 2
# The tokens that can be cues: verbs (clauses, intentions, raising), nouns ("the claim that"),
# "according" (to) and "reportedly"; no other reading starts from another token ("in a poll" is
# read from its noun).
_CUE_POS = frozenset({"VERB", "AUX", "NOUN"})
_CUE_WORDS = frozenset({"according", "reportedly"})
# Nouns of a survey that, as "in [a poll]", is the source of the clause it sits in ("In a CBS poll,
# 40 percent backed Kim", "Kim leads in the polls": PolNeAR train).
_POLL_NOUNS = frozenset({"poll", "survey", "polling"})
# Verbs with which "in the polls" is the election ("won in the polls").
_ELECTION_VERBS = frozenset({"win", "lose", "vote", "beat", "defeat", "sweep"})
_ADVERBIAL_WORDS = frozenset({"poll", "polls", "survey", "surveys", "polling", "reportedly"})
# Adjectives that with "make" report the clause after them ("made it clear that ...").
_MADE_ADJS = frozenset({"clear", "plain", "known", "obvious"})
# Verbs that as "as X reported, ..." report the clause they sit in (others: a time, "as X testified").
_AS_VERBS = frozenset({"report", "say", "note", "write", "tell", "put", "explain", "predict", "state"})
# Verbs whose "if"/"whether" clause is what they report, even as the parser's adverbial clause.
_QUESTION_VERBS = frozenset({"ask", "wonder", "inquire"})


@lru_cache(maxsize=1)
def _verbs() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    lex = lexicon()
    return frozenset(lex["clause_verbs"]), frozenset(lex["intent_verbs"]), frozenset(lex["indirect_exclude"])


def content_of(tok: Token) -> tuple[int, int] | None:
    """Character range of what a cue token reports (before trimming), or None if it is no cue."""
    spans = content_spans(tok)
    return (spans[0][0], spans[-1][1]) if spans else None


def content_spans(tok: Token) -> list[tuple[int, int]] | None:
    """Character ranges of what a cue token reports (several when the source and cue
    interrupt it: ``gaps``), or None if it is no cue."""
    if tok.lower_ == "according":
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        found = gaps.according(tok) if nxt is not None and nxt.lower_ == "to" else None
        return gaps.runs(found) or None if found else None
    if tok.pos_ not in ("VERB", "AUX") or discourse_said(tok):
        return None
    clause, intent, exclude = _verbs()
    lemma = tok.lemma_.lower()
    if lemma == "make":
        comp = _made_clear(tok)
        return gaps.runs(_clause_tokens(tok, comp, None)) or None if comp is not None else None
    if (lemma in _object_verbs() or _as_object(tok, lemma)) and not any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
        found = _object_content(tok) or _passive_object(tok)
        if found is not None:
            return [found]
    if lemma in exclude:
        return None
    comp = None
    if lemma in clause:
        comps = [c for c in tok.children if c.dep_ == "ccomp"]
        comp = next((c for c in comps if c.i > tok.i), comps[0] if comps else None)
    obj = None
    if comp is None and lemma in _QUESTION_VERBS:  # "Asked if she believed ...": the parser's adverbial clause
        comp = next((c for c in tok.children if c.dep_ == "advcl" and c.i > tok.i
                     and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)), None)
    if comp is None and lemma in intent:
        comp = next((c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i), None)
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubj") and tok.i < c.i < (comp.i if comp else 0)), None)
    if comp is None and (lemma in clause or lemma == "put") and tok.dep_ == "advcl" and _as_aside(tok):
        found = gaps.according(tok)  # "As the paper reported, [...]": the clause it sits in
        return gaps.runs(found) or None if found else None
    if comp is None and lemma in clause and _trailing(tok):
        skip = {t.i for t in tok.subtree}  # `He said ... "...," the paper reported.`: all before it
        return gaps.runs(t for t in tok.head.subtree if t.i not in skip) or None
    if comp is None:
        found = gaps.parenthetical(tok, _own_cue) if lemma in clause else None
        return gaps.runs(found) or None if found else None
    return gaps.runs(_clause_tokens(tok, comp, obj)) or None


def _as_aside(tok: Token) -> bool:
    """ "As the paper reported, ...", "as one aide put it": a verb that reports, with "as", its own
    subject and no object (not "as the nation decides on ...", "as Kim lamented the vote", "as
    the senator testified, ...": a time or a manner; PolNeAR train), on a clause that is no
    attribution of its own ("He said X, as the party had said": the content is He's)."""
    if tok.lemma_.lower() not in _AS_VERBS:
        return False
    deps = {c.dep_ for c in tok.children if not (c.dep_ == "dobj" and c.lower_ == "it")}
    marks = [c for c in tok.children if c.dep_ == "mark"]
    return len(marks) == 1 and marks[0].lower_ == "as" and "nsubj" in deps \
        and not deps & {"dobj", "prep", "xcomp", "advcl"} and not _reports_clause(tok.head)


def _reports_clause(tok: Token) -> bool:
    """A speech verb with a reported clause of its own ("[He] said [X]", "[52 percent] said [X]")."""
    return tok.lemma_.lower() in lexicon()["verbs"] and any(c.dep_ == "ccomp" for c in tok.children)


def _trailing(tok: Token) -> bool:
    """A cue with its subject closing the sentence after a comma or quotation mark, which the parser
    hangs as a clause under the sentence's verb (`Kim said ... "...," the paper reported.`)."""
    head, doc = tok.head, tok.doc
    if tok.dep_ != "ccomp" or head.i >= tok.i or head.pos_ not in ("VERB", "AUX"):
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.left_edge.i == 0 or doc[subj.left_edge.i - 1].text not in (",", "''", "”", '"'):
        return False
    if tok.left_edge.i != subj.left_edge.i:  # "said that once X stops, [the people] will decide": the reporter starts at its subject
        return False
    return all(t.is_punct or t.is_space for t in doc[tok.right_edge.i + 1 : head.right_edge.i + 1]) \
        and not any(c.dep_ in ("dobj", "xcomp", "prep") and c.i > tok.i for c in tok.children)


def _made_clear(tok: Token) -> Token | None:
    """ "made (it) clear that [...]": the clause after the adjective (the parser hangs it on the
    verb or on the adjective), or None."""
    adj = next((c for c in tok.children if c.i > tok.i and c.lower_ in _MADE_ADJS
                and c.dep_ in ("ccomp", "oprd", "acomp", "xcomp", "advmod", "dobj")), None)
    if adj is None:
        return None
    for head in (adj, tok):
        comp = next((c for c in head.children if c.i > adj.i and c.dep_ in ("ccomp", "advcl")
                     and c.pos_ in ("VERB", "AUX")), None)
        if comp is not None:
            return comp
    return None


def poll_content(tok: Token) -> list[tuple[int, int]] | None:
    """ "In a CBS poll, [40 percent backed Kim]", "[Kim leads] in the polls": the clause an "in"
    phrase on a survey sits in, without the phrase; None for any other "in"."""
    head = tok.head
    if tok.lower_ != "in" or tok.dep_ != "prep" or head.pos_ not in ("VERB", "AUX") or head.dep_ != "ROOT":
        return None  # "who leads in the polls", "leading in Iowa polls": an aside on someone (train)
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children):
        return None
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if obj is None or obj.lemma_.lower() not in _POLL_NOUNS:
        return None
    if obj.tag_ == "NNS" and (head.lemma_.lower() in _ELECTION_VERBS or any(c.dep_ == "dobj" for c in head.children)):
        return None  # "won a landslide in the polls": the election, no survey
    if _reports_clause(head):
        return None  # "In a survey, [52 percent] said [X]": the inner attribution speaks
    found = gaps.according(tok)
    for c in head.children:  # "[A trails] in the polls and turnout was low": a joined clause of its own
        if c.dep_ == "conj" and c.i > tok.i and any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in c.children):
            found = [t for t in found or [] if t.i < c.left_edge.i]
            while found and found[-1].dep_ in ("cc", "punct"):
                found.pop()
    return gaps.runs(found) or None if found else None


def _adverbial(body: str, tok: Token) -> list[Draft]:
    """A draft for "in [a poll]" (the poll its source) or "reportedly" (no source): the clause
    it sits in, without it."""
    if tok.lower_ not in ("in", "reportedly"):
        return []
    if tok.lower_ == "reportedly":
        head = tok.head  # no speech verb or "according to X" for the same content ("reportedly told aides that X")
        ok = tok.dep_ == "advmod" and head.pos_ in ("VERB", "AUX") and head.dep_ not in ("relcl", "acl") \
            and not (head.lemma_.lower() in lexicon()["verbs"] and _own_cue(head)) and not any(t.lower_ == "according" and t.head.i in {a.i for a in head.subtree}
                                               for t in tok.sent)
        found = gaps.runs(gaps.according(tok) or []) if ok else None
    else:
        found = poll_content(tok)
    if not found:
        return []
    spans = [list(trim(body, s, e)) for s, e in found]
    d = Draft("indirect", [sp for sp in spans if sp[1] > sp[0]], cue=tok)
    if tok.lower_ == "in":
        polled = next(c for c in tok.children if c.dep_ == "pobj")
        d.speaker = Speaker(None, source_span(polled, tok))  # a poll is no actor
    return [d] if d.spans else []


def _own_cue(tok: Token) -> bool:
    return content_of(tok) is not None


def _clause_tokens(tok: Token, comp: Token, obj: Token | None) -> list[Token]:
    """The tokens of a cue's clause ("urged a judge to block ..."), with the antecedent of a
    relative-clause cue and, for a clause before its cue, the tail after the cue."""
    doc = tok.doc
    # a clause before its cue is read whole ("[A held a meeting and pledged to ...], the paper reported")
    left, right = (obj or comp).left_edge, _clause_end(comp) if comp.i > tok.i else comp.right_edge
    if left.i < tok.i < right.i:  # the cue inside its clause: a fronted relative pronoun
        toks = [t for t in comp.subtree if t.i <= right.i] + (list(obj.subtree) if obj is not None else [])
    else:
        toks = list(doc[left.i : right.i + 1])
    if comp.i < tok.i:
        toks += gaps.tail(tok, _own_cue)
    return gaps.antecedent(tok, comp) + toks


@lru_cache(maxsize=1)
def _object_verbs() -> frozenset[str]:
    return frozenset(lexicon()["object_verbs"])


def _object_content(tok: Token) -> tuple[int, int] | None:
    """ "called the plan "a disaster"", "accused the board of lying": the object and what follows it."""
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    if obj is not None and tok.i > 0 and tok.nbor(-1).text in _CLOSING \
            and obj.i == tok.i + 1 + (tok.nbor(1).pos_ == "DET"):
        return None  # `"...," tweeted another`: the parser's object is the inverted speaker
    if obj is None or obj.pos_ == "PRON" and obj.lower_ in ("it", "this", "that") and not _has_complement(tok):
        return None
    preps = frozenset(lexicon()["object_preps"])
    last = obj.right_edge
    whole = tok.lemma_.lower() in _SMALL_CLAUSE_VERBS
    for c in tok.children:
        if c.i > obj.i and (c.dep_ in _OBJECT_TAIL or (c.dep_ == "prep" and (whole or c.lower_ in preps))
                            or (whole and c.dep_ in ("advcl", "xcomp", "npadvmod", "advmod"))):
            last = max(last, c.right_edge, key=lambda t: t.i)
    return obj.left_edge.idx, last.idx + len(last.text)


_CLOSING = frozenset({'"', "”", "''"})
# Verbs whose object and what follows it are one reported state ("polls show [Kim with a lead]").
_SMALL_CLAUSE_VERBS = frozenset({"show"})


def _as_object(tok: Token, lemma: str) -> bool:
    """ "sees [him as a threat]": an ``as_verbs`` verb with an object and an "as" phrase."""
    return lemma in _as_verbs() and any(c.dep_ == "prep" and c.lower_ == "as" and c.i > tok.i for c in tok.children)


@lru_cache(maxsize=1)
def _as_verbs() -> frozenset[str]:
    return frozenset(lexicon()["as_verbs"])


# Dependents after a stance verb's object that belong to its content ("called [Obama an "ignorant
# baboon"]": the parser often makes the second noun another object; PolNeAR train).
_OBJECT_TAIL = frozenset({"oprd", "dobj", "attr", "ccomp"})


def _passive_object(tok: Token) -> tuple[int, int] | None:
    """ "[His remarks] were derided (by X)": a passive stance verb reports its subject (no source
    without an agent)."""
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.i < tok.i), None)
    if subj is None or subj.lower_ in ("it", "there", "who", "which", "that"):
        return None
    return subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text)


def _has_complement(tok: Token) -> bool:
    return any(c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ in ("as", "of")) for c in tok.children)


def _clause_end(comp: Token) -> Token:
    """Last token of a clause, cut before a coordinated cue with its own content
    ("said the party was calm, and urged that ...": the second verb is its own attribution)."""
    for c in comp.children:
        if c.dep_ == "conj" and c.i > comp.i and _cuts(c):
            end = c.left_edge.i - 1
            while end > comp.i and comp.doc[end].dep_ in ("cc", "punct"):
                end -= 1
            return comp.doc[end]
    return comp.right_edge


def _cuts(c: Token) -> bool:
    """A coordinated verb that starts an attribution of its own (``_cuts_own``), or a speech
    verb with a named subject of its own and a content ("said [A] and the president warned that
    [B]", "said [A] and Lee vowed [to B]": a second speaker)."""
    subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.pos_ in ("PROPN", "NOUN") and not any(x.dep_ == "mark" for x in c.children) \
            and c.lemma_.lower() in lexicon()["verbs"] and content_of(c) is not None:
        return True
    return _cuts_own(c)


def _cuts_own(c: Token) -> bool:
    """A coordinated verb that starts an attribution of its own: a reported clause or
    infinitive ("and urged that ...", "and vowed to ..."), or a reporting verb's object ("and
    called the rules a disgrace"), not a stance on an object ("and support the deal" stays in
    the content: PolNeAR train)."""
    if any(x.dep_ == "mark" or x.dep_ in ("nsubj", "nsubjpass") for x in c.children):
        return False  # "said [A] and that [B]", "said [A] and he feels [B]": a second reported clause
    own = any(x.dep_ in ("ccomp", "xcomp") for x in c.children) or c.lemma_.lower() in lexicon()["verbs"]
    return own and content_of(c) is not None


_ASIDE_DEPS = frozenset({"relcl", "acl"})


def _nonrestrictive_cut(layout: Layout, s: int, e: int) -> int:
    """End of a content before a trailing aside set off by a comma (", who has ...", ", which
    ..."): PolNeAR leaves it out of the content (train). Quoted text is never cut."""
    span = layout.doc.char_span(s, e, alignment_mode="contract")
    if span is None:
        return e
    for t in span:
        if t.dep_ not in _ASIDE_DEPS or t.left_edge.i <= span.start or layout.inside(t.idx):
            continue
        comma = t.doc[t.left_edge.i - 1]
        if comma.text in (",", "—", "--", "–") and t.right_edge.i >= span.end - 2 and not layout.inside(comma.idx):
            return comma.idx
    return e


def trim(body: str, s: int, e: int) -> tuple[int, int]:
    """Strip punctuation at the ends (keeping a sentence's final stop inside a quote), and a
    quotation mark left unpaired by the cut."""
    while True:
        s0, e0 = s, e
        while s < e and body[s] in _TRIM + _CLOSERS:
            s += 1
        while e > s and (body[e - 1] in _TRIM or (body[e - 1] in _CLOSERS and (e == len(body) or body[e] not in _MARKS))):
            e -= 1
        unpaired = sum(body.count(m, s, e) for m in _MARKS) % 2 == 1
        if unpaired and e > s and body[e - 1] in _MARKS:
            e -= 1
        elif unpaired and e > s and body[s] in _MARKS:
            s += 1
        if (s, e) == (s0, e0):
            return s, e


def build(layout: Layout, index: ActorIndex) -> list[Draft]:
    """A draft for every cue with a reported clause or intention outside quotation marks."""
    body = layout.body
    out: list[Draft] = []
    for tok in layout.tokens(_CUE_POS, _CUE_WORDS):
        if tok.lower_ in _ADVERBIAL_WORDS:  # read from the poll noun, not from every "in"
            found_adv = _adverbial(body, tok.head if tok.pos_ == "NOUN" else tok)
            if found_adv:
                out.extend(found_adv)
                continue
        raised = raising.spans_of(tok)
        if raised is not None:
            out.extend(_raised(body, tok, raised))
            continue
        found = content_spans(tok)
        if found is None:
            phrase = phrases.content_of(tok)
            found = [phrase] if phrase is not None else None
        if found is None:
            continue
        found = sorted(set(gaps.runs(gaps.passive_subject(tok)) + found))
        found[-1] = (found[-1][0], _nonrestrictive_cut(layout, *found[-1]))
        spans = [list(trim(body, s, e)) for s, e in found]
        spans = [sp for sp in spans if sp[1] > sp[0]]
        if sum(len(body[s:e].split()) for s, e in spans) < MIN_CLAUSE_WORDS:
            continue
        d = Draft("indirect", spans, cue=tok)
        d.speaker = resolve(layout.doc, tok, index, body)
        out.append(d)
    # of two drafts with one content, the outer cue first: it is the one ``merge`` keeps ("[X would
    # be considered Y], Kim said": Kim's statement, not a source-less impression)
    out.sort(key=lambda d: sum(1 for _ in d.cue.ancestors))
    return out


def _raised(body: str, tok: Token, ranges: list[tuple[int, int]]) -> list[Draft]:
    """A source-less draft from a raising cue's content ranges (none if too short)."""
    spans = [list(trim(body, s, e)) for s, e in ranges]
    spans = [sp for sp in spans if sp[1] > sp[0]]
    if sum(len(body[s:e].split()) for s, e in spans) < MIN_CLAUSE_WORDS:
        return []
    return [Draft("indirect", spans, cue=tok)]
