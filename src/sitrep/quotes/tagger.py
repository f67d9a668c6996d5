"""A small trained cue tagger: stance cues the rule lists do not know ("has been critical of",
"pushed back on", "his pitch that ...").

Every verb, noun or adjective outside quotation marks that governs something a statement
could be (a clause, an infinitive, an object, a prepositional object: ``content_of``) is
scored by a logistic regression over hashed parse features (``features``). A token scoring
at least the model's threshold, which no rule already read, becomes an attribution with
that content and the cue's subject/owner as source, with lower confidence.

The weights are ``data/quotes/cue_tagger.npz``, built from PolNeAR train by
``scripts/train_quotes.py`` (which also picks the threshold on a held-out part of train).
When the file is absent the stage runs on rules only.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Token

from .cues import Layout, lexicon
from .direct import Draft
from .gaps import passive_subject, runs
from .speaker import ActorIndex, resolve

MODEL_FILE = "cue_tagger.npz"
N_BUCKETS = 2**18  # hashed feature space; weights stored as float16 (~0.5 MB compressed)
CANDIDATE_POS = frozenset({"VERB", "NOUN", "ADJ"})
# Shortest content a tagged cue may report, in words (PolNeAR train, as for rule clauses).
MIN_CONTENT_WORDS = 2
_NOUN_CLAUSE_DEPS = frozenset({"acl", "relcl", "ccomp"})
_OBJ_DEPS = frozenset({"pobj", "pcomp"})
# What ``content_of`` can read a content from: a child after the cue with one of these labels.
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "prep"}) | _NOUN_CLAUSE_DEPS
_LIST_NAMES = ("verbs", "clause_verbs", "intent_verbs", "object_verbs", "raising_verbs",
               "passive_raising_verbs", "indirect_exclude")


@dataclass
class CueTagger:
    """Logistic-regression weights over hashed features, and the decision threshold."""

    weights: np.ndarray
    bias: float
    threshold: float

    def prob(self, feats: list[str]) -> float:
        """Probability that a token with these features is an attribution cue."""
        z = self.bias + float(self.weights[hashed(feats)].sum())
        return 1.0 / (1.0 + np.exp(-z))


def hashed(feats: list[str]) -> list[int]:
    """Bucket of each feature (crc32: stable across processes and machines)."""
    return [zlib.crc32(f.encode("utf-8")) % N_BUCKETS for f in feats]


def load(path: Path | None = None) -> CueTagger | None:
    """The tagger stored at path (default: the shipped file); None when there is none."""
    ref = path if path is not None else resources.files("sitrep.data").joinpath("quotes").joinpath(MODEL_FILE)
    if not ref.is_file():
        return None
    with ref.open("rb") as fh:
        data = np.load(fh)
        return CueTagger(data["weights"].astype(np.float32), float(data["bias"]), float(data["threshold"]))


@lru_cache(maxsize=1)
def shipped() -> CueTagger | None:
    """The shipped tagger, loaded once per process; None when its file is absent."""
    return load()


def save(model: CueTagger, path: Path) -> None:
    """Write a tagger as compressed npz (float16 weights)."""
    np.savez_compressed(path, weights=model.weights.astype(np.float16), bias=np.float32(model.bias),
                        threshold=np.float32(model.threshold))


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    lex = lexicon()
    out = {name: frozenset(lex[name]) for name in _LIST_NAMES}
    out["prep_verbs"] = frozenset(lex["prep_verbs"])
    out["noun_cues"] = frozenset(lex["noun_cues"])
    return out


def _end(tok: Token) -> int:
    return tok.right_edge.idx + len(tok.right_edge.text)


def _after(tok: Token, deps: frozenset[str] | tuple[str, ...]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps and c.i > tok.i), None)


def _marked(c: Token) -> bool:
    return any(m.lower_ in ("that", "to") for m in c.children if m.dep_ in ("mark", "aux"))


def content_of(tok: Token) -> tuple[int, int] | None:
    """What a cue token could report: its clause, infinitive, object or prepositional object."""
    from .indirect import _clause_end  # a clause ends before a coordinated cue of its own

    comp = _after(tok, ("ccomp",))
    if comp is None and tok.pos_ == "NOUN":
        comp = next((c for c in tok.children if c.dep_ in _NOUN_CLAUSE_DEPS and c.i > tok.i and _marked(c)), None)
    if comp is not None:
        return comp.left_edge.idx, _end(_clause_end(comp))
    xcomp = _after(tok, ("xcomp",))
    if xcomp is not None and tok.pos_ != "NOUN":
        obj = next((c for c in tok.children if c.dep_ == "dobj" and tok.i < c.i < xcomp.i), None)
        return (obj or xcomp).left_edge.idx, _end(xcomp)
    obj = _after(tok, ("dobj",)) if tok.pos_ == "VERB" else None
    if obj is not None:
        return obj.left_edge.idx, _end(obj)
    for c in tok.children:
        if c.dep_ == "prep" and c.i > tok.i:
            pobj = next((o for o in c.children if o.dep_ in _OBJ_DEPS), None)
            if pobj is not None:
                return pobj.left_edge.idx, _end(c)
    return None


def features(tok: Token) -> list[str]:
    """Hashed-feature names of a candidate cue token, read from the parse."""
    lemma, head = tok.lemma_.lower(), tok.head
    f = ["b", "l=" + lemma, "p=" + tok.pos_, "t=" + tok.tag_, "d=" + tok.dep_, "ld=" + lemma + "|" + tok.dep_,
         "hl=" + head.lemma_.lower(), "hp=" + head.pos_, "dhp=" + tok.dep_ + "|" + head.pos_,
         "lp=" + lemma + "|" + tok.pos_]
    for c in tok.children:
        f.append("c=" + c.dep_)
        f.append("lc=" + lemma + "|" + c.dep_)
        if c.dep_ in ("prep", "mark", "aux", "auxpass", "neg", "dative", "agent", "prt"):
            f.append("cl=" + c.dep_ + "|" + c.lower_)
            f.append("lcl=" + lemma + "|" + c.lower_)
        if c.dep_ in ("nsubj", "nsubjpass", "poss"):
            f.append("s=" + c.pos_ + "|" + (c.ent_type_ or "-"))
    doc = tok.doc
    for k in (-2, -1, 1, 2):
        j = tok.i + k
        f.append(f"n{k}=" + (doc[j].lemma_.lower() if 0 <= j < len(doc) else "<>"))
    lists = _lists()
    f += ["in=" + name for name, words in lists.items() if lemma in words]
    return f + _argument_features(tok, lemma)


def _argument_features(tok: Token, lemma: str) -> list[str]:
    """What kind of thing the subject is (a person, a pronoun, an organisation) and the object's
    head word, each also paired with the cue's lemma."""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "poss")), None)
    if subj is None and tok.pos_ == "ADJ" and tok.head.i != tok.i:
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        f = ["nosubj", "lnosubj=" + lemma]
    else:
        kind = "pron" if subj.pos_ == "PRON" else (subj.ent_type_ or subj.pos_)
        f = ["sk=" + kind, "lsk=" + lemma + "|" + kind, "sl=" + subj.lemma_.lower()]
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "ccomp", "xcomp", "prep") and c.i > tok.i), None)
    if obj is not None:
        ol = obj.lemma_.lower()
        f += ["ol=" + ol, "lol=" + lemma + "|" + ol, "od=" + obj.dep_ + "|" + (obj.ent_type_ or obj.pos_)]
    return f


def candidates(layout: Layout, taken: Callable[[int, int], bool] | None = None) -> list[tuple[Token, tuple[int, int]]]:
    """Tokens that could be cues outside quotation marks, with the content each would report;
    with ``taken``, only those whose token and content the rules left free."""
    body = layout.body
    from .indirect import trim

    out = []
    for tok in layout.tokens(CANDIDATE_POS, governs=_CONTENT_DEPS):
        if taken is not None and taken(tok.idx, tok.idx + len(tok.text)):
            continue
        found = content_of(tok)
        if found is None:
            continue
        s, e = trim(body, *found)
        if len(body[s:e].split()) >= MIN_CONTENT_WORDS and not (s <= tok.idx < e):
            if taken is None or not taken(s, e):
                out.append((tok, (s, e)))
    return out


def _speaker_cue(tok: Token) -> Token:
    """The token whose subject is the source: an adjective's verb ("is critical of")."""
    return tok.head if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "amod", "oprd") else tok


def build(layout: Layout, index: ActorIndex, model: CueTagger, taken: Callable[[int, int], bool]) -> list[Draft]:
    """Drafts for the cues the tagger finds where no rule read anything (``taken`` tells)."""
    out: list[Draft] = []
    for tok, (s, e) in candidates(layout, taken):
        if model.prob(features(tok)) < model.threshold:
            continue
        lead = [list(r) for r in runs(passive_subject(tok)) if r[1] <= s]
        d = Draft("indirect", lead + [[s, e]], cue=tok, tagged=True)
        d.speaker = resolve(layout.doc, _speaker_cue(tok), index, layout.body)
        out.append(d)
    return out
