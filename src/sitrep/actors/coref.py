"""Grouping person mentions into people: full names, surnames and first names, pronouns.

Names: a full name joins an earlier person whose name it extends or shortens ("Tayyip
Erdogan" / "Recep Tayyip Erdogan"); two full names sharing only a surname stay two
people. A single name goes to the person who carries it and was mentioned most
recently before it ("Johnson" after "Boris Johnson" and "Jo Johnson" goes to the later).
Pronouns go to the most salient recent person: an earlier subject in the same sentence,
else the subject of the nearest earlier sentence that names someone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from . import lexicon
from .mentions import Mention
from .people import RoleInfo

# How many sentences back a pronoun may look for its person (seed article + tests).
PRONOUN_SENTENCE_WINDOW = 3
# How far back a he/she inside a quotation may look for the one person of its gender (fresh2).
QUOTED_PRONOUN_WINDOW = 8
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "pobj"})
_MALE = frozenset({"he", "him", "his", "himself"})
_QUOTE_CHARS = re.compile('["“”\n]')


@dataclass
class PersonRef:
    """One mention of a person: char offsets, token range and how it was found."""

    start: int
    end: int
    tok_start: int
    tok_end: int
    how: str  # name|description|pronoun


@dataclass
class Person:
    """A person of the article with every mention and what is known about them."""

    names: list[tuple[str, ...]] = field(default_factory=list)
    refs: list[PersonRef] = field(default_factory=list)
    name: str = ""
    info: RoleInfo = field(default_factory=RoleInfo)
    gender: str | None = None  # "m"/"f" when the name, an honorific or the role says (``gender``)
    named: bool = True  # False for a person the article only describes ("a Kremlin aide")

    def last_before(self, pos: int, hows: tuple[str, ...] = ("name", "description")) -> int:
        """Start of this person's latest mention of the given kinds before pos (-1 if none)."""
        starts = [r.start for r in self.refs if r.start < pos and r.how in hows]
        return max(starts, default=-1)

    def add(self, doc: Doc, s: int, e: int, how: str) -> None:
        span = doc[s:e]
        self.refs.append(PersonRef(span.start_char, span.end_char, s, e, how))


def name_words(doc: Doc, m: Mention) -> tuple[str, ...]:
    """The words of a name without honorifics, ranks or a possessive ending; a surname
    particle joins the word after it ("Hendrik de Wit" -> "Hendrik", "de Wit")."""
    skip = lexicon.name_skip_words()
    words: list[str] = []
    glued = False  # the previous token had no space after it: "al-Kadhimi" is one word, not "al - Kadhimi"
    for t in doc[m.tok_start : m.tok_end]:
        if (t.lower_ in skip and not words) or t.text in ("'s", "’s"):
            glued = False
            continue
        if glued and words:
            words[-1] += t.text
        else:
            words.append(t.text)
        glued = not t.whitespace_
    return join_particles(words)


def join_particles(words: list[str]) -> tuple[str, ...]:
    """Glue surname particles (van, de, al ...) to the word after them: lower-case ones
    anywhere, capitalised ones inside a name or opening a two-word name ("De Wit")."""
    particles = lexicon.particles()
    out: list[str] = []
    carry = ""
    for i, w in enumerate(words):
        low = w.lower()
        last = i == len(words) - 1
        if not last and low in particles["all"] and (
                w.islower() or (i > 0 and not carry) or (len(words) == 2 and low not in particles["first_names"])):
            carry = f"{carry}{w} "
            continue
        out.append(carry + w)
        carry = ""
    return tuple(out)


def same_word(a: str, b: str) -> bool:
    """Two name words alike but for case ("de Wit" / "De Wit")."""
    return a.lower() == b.lower()


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    la, lb = {w.lower() for w in a}, {w.lower() for w in b}
    return same_word(a[-1], b[-1]) and (la <= lb or lb <= la)


def group_names(doc: Doc, mentions: list[Mention]) -> tuple[list[Person], dict[int, Person]]:
    """People from the person mentions; also a map from mention token start to person."""
    people: list[Person] = []
    owner: dict[int, Person] = {}
    persons = [m for m in mentions if m.kind == "person"]
    for m in persons:
        words = name_words(doc, m)
        if len(words) < 2:
            continue
        p = next((p for p in people if any(len(n) > 1 and _same_person(words, n) for n in p.names)), None)
        _attach_name(doc, m, words, p, people, owner)
    for m in persons:
        words = name_words(doc, m)
        if len(words) != 1:
            continue
        _attach_name(doc, m, words, _single_name_owner(people, words[0], m.start), people, owner)
    for p in people:
        longest = max(p.names, key=len)
        p.name = " ".join(longest)
    return people, owner


def _attach_name(doc: Doc, m: Mention, words: tuple[str, ...], p: Person | None, people: list[Person],
                 owner: dict[int, Person]) -> None:
    """Add a name mention to person ``p`` (a new person when None)."""
    if p is None:
        p = Person()
        people.append(p)
    p.names.append(words)
    p.add(doc, m.tok_start, m.tok_end, "name")
    owner[m.tok_start] = p


def _single_name_owner(people: list[Person], word: str, pos: int) -> Person | None:
    """The person carrying this name mentioned most recently before pos (else the first after)."""
    low = word.lower()  # "Al-Kadhimi" opening a sentence is "al-Kadhimi"
    carriers = [p for p in people if any(low in (w.lower() for w in n) for n in p.names)]
    if not carriers:
        return None
    before = [p for p in carriers if p.last_before(pos, ("name",)) >= 0]
    if before:
        return max(before, key=lambda p: p.last_before(pos, ("name",)))
    return carriers[0]


def _full_names(doc: Doc, mentions: list[Mention]) -> list[tuple[str, ...]]:
    """Words of each person mention that has two or more words."""
    return [ws for m in mentions if m.kind == "person" and len(ws := name_words(doc, m)) > 1]


def person_names(doc: Doc, mentions: list[Mention]) -> set[str]:
    """Words of full person names: lets a surname mis-tagged ORG/GPE ("Kirby") count as a person."""
    return {w for ws in _full_names(doc, mentions) for w in ws}


def surnames(doc: Doc, mentions: list[Mention]) -> set[str]:
    """Last words of full person names ("Ashworth" of "Helen Ashworth")."""
    return {ws[-1] for ws in _full_names(doc, mentions)}


def _root(doc: Doc, r: PersonRef) -> int:
    span: Span = doc[r.tok_start : r.tok_end]
    return span.root.i


def _salience(doc: Doc, r: PersonRef) -> int:
    tok = doc[_root(doc, r)]
    if tok.dep_ in _SUBJECT_DEPS and tok.head.dep_ == "ROOT":
        return 2
    return 1 if tok.dep_ in _SUBJECT_DEPS else 0


def quoted(doc: Doc) -> set[int]:
    """Token indices inside quotation marks (straight or typographic), reset at line breaks."""
    inside, out, opened = False, set(), -1
    starts: Any = None

    def close(end: int) -> None:
        nonlocal starts
        if end <= opened:
            return
        if starts is None:
            starts = doc.to_array("IDX")  # token start offsets, read once and only for a quote
        out.update(range(int(starts.searchsorted(opened)), int(starts.searchsorted(end))))

    text = lexicon.doc_text(doc)
    for m in _QUOTE_CHARS.finditer(text):
        ch = m.group()
        if ch == "\n":  # a quote running on to the next paragraph counts up to the line break
            if inside:
                close(m.start())
            inside = False
            continue
        was = inside
        inside = ch == "“" or (ch == '"' and not inside)
        if inside and not was:
            opened = m.end()
        elif was:
            close(m.start())
            opened = m.end()
    if inside:
        close(len(text))
    return out


def _quote_spans(inside: set[int]) -> list[tuple[int, int]]:
    """Runs of quoted token indices as [start, end) ranges."""
    spans: list[tuple[int, int]] = []
    for i in sorted(inside):
        if spans and spans[-1][1] == i:
            spans[-1] = (spans[-1][0], i + 1)
        else:
            spans.append((i, i + 1))
    return spans


def _speaker_token(doc: Doc, sents: list[Span], s: int, e: int, inside: set[int]) -> int | None:
    """The subject of the reporting verb outside the quote [s, e) in its sentence: after the
    quote ("...," Kvirikashvili said) or before it (Kvirikashvili said: "..."). A partial quote
    inside the verb's own clause (Smith said the ruling "proves he was innocent") has none: its
    words are the reporter's sentence, whose he may well be the speaker."""
    last = sents[_sent_index(sents, e - 1)]
    first = sents[_sent_index(sents, s)]
    after = next((i for i in range(e, last.end) if i not in inside
                  and lexicon.reporting_subject(doc[i], _SUBJECT_DEPS) and doc[i].head.i not in inside), None)
    if after is not None:
        return after
    before = next((i for i in range(first.start, s) if i not in inside
                   and lexicon.reporting_subject(doc[i], _SUBJECT_DEPS) and doc[i].head.i not in inside), None)
    if before is None:
        return None
    mark = s - 1 if s > 0 and doc[s - 1].is_quote else s
    lead = doc[mark - 1] if mark > 0 else None
    # free-standing only right after the verb or its colon/comma: X said: "..." / X said, "..."
    if lead is None or lead.i == doc[before].head.i or (lead.is_punct and lead.text in ":,"):
        return before
    return None


def _said_of(doc: Doc, subj: int) -> int | None:
    """ "... ," X said of the minister: the token the quote is about ("minister")."""
    verb = doc[subj].head
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "about"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj.i
    return None


def resolve_pronouns(doc: Doc, people: list[Person]) -> set[int] | None:
    """Attach he/she/him/his/her... to the most salient recent person. Pronouns outside
    quotation marks first; then those inside, which never name the quote's own speaker (who
    says "I"): "'He cannot afford it,' Kvirikashvili said" is about someone else, and
    "..., X said of the minister" names whom. Returns the quoted tokens when it read them."""
    words = lexicon.pronouns()
    sents = list(doc.sents)
    by_sent: dict[int, list[tuple[PersonRef, Person]]] = {}
    # an unnamed person takes no pronoun: "he" after "a Kremlin aide said" more often means someone named
    refs = sorted(((r, p) for p in people if p.named for r in p.refs if r.how != "pronoun"), key=lambda x: x[0].start)
    for r, p in refs:
        by_sent.setdefault(_sent_index(sents, r.tok_start), []).append((r, p))
    if not by_sent:
        return None
    owner = {i: p for r, p in refs for i in range(r.tok_start, r.tok_end)}
    targets = lexicon.pronoun_tokens(doc, words)
    if not targets:
        return None
    inside = quoted(doc)
    for tok in [t for t in targets if t.i not in inside]:
        _attach_pronoun(doc, tok, by_sent, sents, owner, None, None)
    todo = [t for t in targets if t.i in inside]
    if not todo:
        return inside
    for s, e in _quote_spans(inside):
        mine = [t for t in todo if s <= t.i < e]
        if not mine:
            continue
        subj = _speaker_token(doc, sents, s, e, inside)
        speaker = owner.get(subj) if subj is not None else None
        about_tok = _said_of(doc, subj) if subj is not None else None
        about = owner.get(about_tok) if about_tok is not None else None
        for tok in mine:
            _attach_pronoun(doc, tok, by_sent, sents, owner, speaker, about if about is not speaker else None, True)
    return inside


def _attach_pronoun(doc: Doc, tok: Token, by_sent: dict[int, list[tuple[PersonRef, Person]]], sents: list[Span],
                    owner: dict[int, Person], speaker: Person | None, about: Person | None,
                    in_quote: bool = False) -> None:
    """Give one pronoun its person (``speaker``: the quote's speaker, never chosen; ``about``:
    whom the quote is said of, chosen when the gender fits). A person of unknown gender keeps
    the gender of a he or she only on strong evidence (``_strong``), so one guess
    does not bar them from the other pronoun for the rest of the article."""
    avoid = speaker
    if tok.dep_ in _OBJECT_DEPS and not tok.lower_.endswith("self") and speaker is None:
        # "she told him": him is not the one telling
        subj = next((c for c in tok.head.children if c.dep_ in _SUBJECT_DEPS), None)
        avoid = owner.get(subj.i) if subj is not None else None
    want = "m" if tok.lower_ in _MALE else "f"
    k = _sent_index(sents, tok.i)
    picked = False
    if about is not None and about.gender in (None, want):
        best: Person | None = about
    else:
        best = _pick(doc, by_sent, k, tok.idx, avoid, want)
        picked = best is not None
    if best is None and in_quote:
        best = _latest_of_gender(by_sent, k, tok.idx, avoid, want)
    if best is not None:
        best.add(doc, tok.i, tok.i + 1, "pronoun")
        owner[tok.i] = best
        if best.gender is None and picked and not in_quote and _strong(doc, tok, by_sent, k, best, want, avoid):
            best.gender = want


def _strong(doc: Doc, tok: Token, by_sent: dict[int, list[tuple[PersonRef, Person]]], k: int,
            p: Person, want: str, avoid: Person | None) -> bool:
    """Evidence strong enough to fix p's gender from one he/she outside quotes: the only person
    of fitting gender left beside people of the other (known) gender ("Kollarova ... alongside
    General Sedlak. She said ..., and he said ..."), or a subject pronoun taking the main-clause
    subject of its own or the previous sentence ("Kollarova made the announcement. She said")."""
    others: set[int] = set()
    for back in range(PRONOUN_SENTENCE_WINDOW + 1):
        refs = [(r, q) for r, q in by_sent.get(k - back, ()) if r.start < tok.idx and q is not avoid]
        others |= {id(q) for _, q in refs if q is not p}
        if any(q is p for _, q in refs):
            break
    rest = [q for sent in by_sent.values() for _, q in sent if id(q) in others]
    if rest and all(q.gender not in (None, want) for q in rest):
        return True
    return tok.dep_ in _SUBJECT_DEPS and any(q is p and r.start < tok.idx and _salience(doc, r) == 2
                                             for back in (0, 1) for r, q in by_sent.get(k - back, ()))


def _latest_of_gender(by_sent: dict[int, list[tuple[PersonRef, Person]]], k: int, pos: int,
                      avoid: Person | None, want: str) -> Person | None:
    """A quoted he/she with no one nearby: the person of that (known) gender mentioned last
    within ``QUOTED_PRONOUN_WINDOW`` sentences, when only one such person is that near."""
    found: list[tuple[int, Person]] = []
    for back in range(QUOTED_PRONOUN_WINDOW + 1):
        found += [(r.start, p) for r, p in by_sent.get(k - back, ())
                  if r.start < pos and p is not avoid and p.gender == want]
    if len({id(p) for _, p in found}) != 1:
        return None
    return max(found, key=lambda x: x[0])[1]


def _sent_index(sents: list[Span], i: int) -> int:
    lo, hi = 0, len(sents) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sents[mid].start <= i:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _pick(doc: Doc, by_sent: dict[int, list[tuple[PersonRef, Person]]], k: int, pos: int,
          avoid: Person | None = None, want: str | None = None) -> Person | None:
    """Same sentence: the latest earlier subject (else the latest mention); then earlier sentences.
    A person of the other gender is skipped."""
    for back in range(PRONOUN_SENTENCE_WINDOW + 1):
        cands = [(r, p) for r, p in by_sent.get(k - back, ())
                 if r.start < pos and p is not avoid and (p.gender is None or want is None or p.gender == want)]
        if not cands:
            continue
        ranked = max(enumerate(cands), key=lambda ic: (_salience(doc, ic[1][0]), ic[0]))
        return ranked[1][1]
    return None
