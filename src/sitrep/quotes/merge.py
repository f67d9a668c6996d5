"""One attribution per statement: reconcile quotes found from marks with clauses found from cues.

A reported clause that contains a quotation (`said the deployment is "not permanent"`)
becomes one partial quote: the clause, with the quotation inside. A partial quote no clause
took, after its cue in one sentence, starts where the clause holding it starts (`said in a
statement that the plan "will fail"`: from "that"), as PolNeAR does. A clause that is
nothing but a quotation (`"We are ready," she said`) is left to the direct quote, which
takes the clause's cue and speaker when it has none. A clause that ends inside a
quotation is stretched to the quotation's end. Nested clauses ("said X believes Y")
are kept only at the outer level, as PolNeAR annotates one role per token.
"""

from __future__ import annotations

from .cues import lexicon
from .direct import Draft

_MARKS = "\"“”"
# Words of a clause outside quotation marks up to which the clause *is* the quotation: none, as
# PolNeAR keeps even one word before it (`said Kim "will not run"`; train: exact F1 up on three samples).
MAX_UNQUOTED_WORDS = 0


def _bounds(d: Draft) -> tuple[int, int]:
    return d.spans[0][0], d.spans[-1][1]


def _seg_bounds(d: Draft) -> tuple[int, int]:
    return d.segments[0].open, d.segments[-1].close


def _unquoted_words(body: str, s: int, e: int, quoted: list[tuple[int, int]]) -> int:
    text = list(body[s:e])
    for qs, qe in quoted:
        for i in range(max(qs, s), min(qe, e)):
            text[i - s] = " "
    words = [w for w in "".join(text).split() if any(ch.isalnum() for ch in w)]
    return len(words) + (len(words) == 1 and words[0].lower() == "that")  # PolNeAR keeps `that "..."`


def _kind(body: str, s: int, e: int) -> str:
    if body[s] in _MARKS and body[e - 1] in _MARKS:
        return "direct"
    return "partial" if any(m in body[s:e] for m in _MARKS) else "indirect"


def _absorb(body: str, clause: Draft, directs: list[Draft]) -> Draft | None:
    """Merge the direct quotes overlapping a clause into it; None when a direct quote should win."""
    s, e = _bounds(clause)
    hits = [d for d in directs if _seg_bounds(d)[0] < e and s < _seg_bounds(d)[1]]
    if not hits:
        return clause
    quoted = [(d2.open, d2.close) for d in hits for d2 in d.segments]
    if _unquoted_words(body, s, e, quoted) <= MAX_UNQUOTED_WORDS or any(len(d.segments) > 1 for d in hits):
        for d in hits:
            if d.cue is None and clause.cue is not None:
                d.cue, d.speaker, d.continued = clause.cue, clause.speaker, False
        return None
    if any(_seg_bounds(d)[0] < s for d in hits):
        return None  # the clause starts inside a quotation: the quotation is the statement
    e = max(e, max(_seg_bounds(d)[1] for d in hits))
    clause.spans = [sp for sp in clause.spans[:-1] if sp[1] <= e] + [[clause.spans[-1][0], e]]
    clause.kind = _kind(body, s, e)
    for d in hits:
        d.kind = "absorbed"
    return clause


def _outermost(drafts: list[Draft]) -> list[Draft]:
    """Drop clauses lying inside another clause's content; a clause that follows the outer
    content as a statement of its own (", saying ...", ", while others said ...") cuts the outer
    content there and is kept (PolNeAR train)."""
    out: list[Draft] = []
    for d in sorted(drafts, key=lambda x: (_bounds(x)[0], -_bounds(x)[1])):
        if out and _bounds(d)[1] <= _bounds(out[-1])[1] and _bounds(d)[0] >= _bounds(out[-1])[0]:
            if _carrier(out[-1], d):
                out[-1].spans = d.spans  # the outer cue and speaker, the inner content
                continue
            cut = _own_statement(out[-1], d)
            if cut is None:
                continue
            outer = out[-1]
            outer.spans = [sp for sp in outer.spans if sp[1] <= cut] + \
                [[sp[0], cut] for sp in outer.spans if sp[0] < cut < sp[1]]
            if d.cue.tag_ == "VBG":
                d.speaker = outer.speaker  # "Kim said ..., adding that ...": Kim adds
        out.append(d)
    return out


# Nouns that only carry what their verb's subject feels or says ("expressed [concern] about X"):
# PolNeAR's content is the noun's complement, the noun part of the cue (train).
_CARRIER_NOUNS = frozenset({"concern", "fear", "doubt", "hope", "belief"})


def _carrier(outer: Draft, inner: Draft) -> bool:
    """Whether the outer verb's object only carries the inner attribution: a feeling noun
    ("expressed concern about [X]") or a noun with a reporting participle ("issued a statement
    saying [X]"); the inner content is then the statement's."""
    oc, ic = outer.cue, inner.cue
    if oc is None or ic is None or oc.pos_ != "VERB" or not inner.spans:
        return False
    obj = next((c for c in oc.children if c.dep_ == "dobj" and c.i > oc.i), None)
    if obj is None:
        return False
    if ic.i == obj.i:
        return ic.lemma_.lower() in _CARRIER_NOUNS
    return ic.dep_ == "acl" and ic.head.i == obj.i and ic.tag_ == "VBG"


_SET_OFF = frozenset({",", "—", "--", "–", ";"})
_CONTRAST = frozenset({"while", "whereas"})


def _own_statement(outer: Draft, inner: Draft) -> int | None:
    """Where the outer content ends when the inner clause's cue opens a statement of its own
    after it, set off by a comma or dash: a participle (", telling reporters that ...") or a
    contrast with its own subject (", while others said ..."); None otherwise."""
    cue, ocue = inner.cue, outer.cue
    if cue is None or ocue is None or cue.i <= ocue.i or cue.dep_ != "advcl":
        return None
    first = cue.left_edge
    if first.i == 0 or first.idx <= _bounds(outer)[0]:
        return None
    before = cue.doc[first.i - 1]
    if before.text not in _SET_OFF:
        return None
    speech = lexicon()["verbs"]
    if cue.lemma_.lower() not in speech:
        return None
    subj = any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children)
    if cue.tag_ == "VBG" and not subj and first.i == cue.i:
        return before.idx
    if subj and first.lower_ in _CONTRAST and ocue.lemma_.lower() in speech:
        return before.idx
    return None


_VERBS = frozenset({"VERB", "AUX"})
# Dependents of the cue between it and a partial quote that are no part of the content
# ("said [in a statement] that ...", "told [reporters] [Monday] that ...").
_CUE_ASIDES = frozenset({"prep", "npadvmod", "advmod", "dative", "agent", "punct"})


def _lead_in(d: Draft) -> int | None:
    """Where a partial quote's content starts when words of its clause stand between the cue
    and the quotation (`says in a statement that Kim's "plan will fail"`: at "that"): the left
    edge of the highest verb above the quotation below the cue (else of the cue's dependent
    holding it), after the cue's own asides; None when nothing changes."""
    cue, start = d.cue, d.spans[0][0]
    if cue is None or cue.idx + len(cue.text) > start:
        return None
    doc = cue.doc
    found = doc.char_span(start, start + 1, alignment_mode="expand")
    if found is None or len(found) == 0:
        return None
    q = found[0]
    if q.i <= cue.i + 1 or q.sent.start != cue.sent.start or not any(t.is_alpha for t in doc[cue.i + 1:q.i]):
        return None
    cur, top = q, None
    while cur.head.i != cur.i and cur.head.i > cue.i:
        cur = cur.head
        if cur.pos_ in _VERBS:
            top = cur
    if top is None and cur.head.i != cue.i:
        return None
    first = max((top or cur).left_edge.i, cue.i + 1)
    for c in cue.children:
        if c.dep_ in _CUE_ASIDES and cue.i < c.left_edge.i <= first <= c.right_edge.i < q.i:
            first = c.right_edge.i + 1
    while first < q.i and (doc[first].is_punct or doc[first].is_space):
        first += 1
    return doc[first].idx if first < q.i else None


def merge(body: str, directs: list[Draft], clauses: list[Draft]) -> list[Draft]:
    """Directs and clauses as one list of statements, in text order."""
    kept = []
    for c in _outermost(clauses):
        m = _absorb(body, c, directs)
        if m is not None:
            kept.append(m)
    for d in directs:
        if d.kind == "partial" and (lead := _lead_in(d)) is not None:
            d.spans[0] = [lead, d.spans[0][1]]
    out = [d for d in directs if d.kind != "absorbed"] + kept
    out.sort(key=lambda d: d.spans[0][0])
    return out
