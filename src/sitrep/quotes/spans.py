"""A learned sequence tagger for attributions the rules miss entirely.

A linear-chain CRF (python-crfsuite) tags each token of a sentence cue / source / content
(BIO) from the pipeline's own parse: word, lemma, POS, dependency, head, the nearest
reporting-word ancestor and the path to it, quotation marks, position, and a window of
neighbours (``features``). It reads only *free* sentences, where no rule and no cue-tagger
attribution read anything (``Taken``), that hold a reporting word (``gated``: the rule lists'
words and the lemmas that head PolNeAR train cues), so it adds attributions but never changes
one, and stays cheap. A tagged cue whose mean marginal probability reaches the model's threshold,
with a tagged content of at least ``MIN_CONTENT_WORDS`` words, becomes an indirect attribution
(``build``); its speaker is the existing speaker resolution from the cue when that lands on the
tagged source (or nothing was tagged), else the tagged source's words and the actor of its head.

The model is ``data/quotes/quote_spans.crfsuite`` with its settings in ``quote_spans.json``,
built from PolNeAR train by ``scripts/train_quote_spans.py``. When a file or python-crfsuite is
absent the stage runs without it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc, Span, Token

from .cues import Layout, lexicon
from .direct import Draft
from .indirect import trim
from .speaker import ActorIndex, Speaker, no_source, resolve

try:  # optional: without it the stage runs on rules and the cue tagger only
    import pycrfsuite
except ImportError:  # pragma: no cover - depends on the environment
    pycrfsuite = None

MODEL_FILE = "quote_spans.crfsuite"
ROLES = ("CUE", "SRC", "CON")
# Shortest tagged content, in words (PolNeAR train holdout, as for the cue tagger).
MIN_CONTENT_WORDS = 2
# Ancestors climbed to find the reporting word that governs a token.
MAX_CLIMB = 6
_LIST_NAMES = ("verbs", "clause_verbs", "intent_verbs", "object_verbs", "prep_verbs", "noun_cues")


@dataclass
class Chunk:
    """A run of tokens with one role (token indices into the sentence, end exclusive)."""

    role: str
    start: int
    end: int
    prob: float = 1.0


@lru_cache(maxsize=1)
def report_words() -> frozenset[str]:
    """Lemmas of the rule lists' reporting words."""
    lex = lexicon()
    return frozenset(w for name in _LIST_NAMES for w in lex[name]) | {"accord"}


def _governor(k: int, heads: list[int], lemmas: list[str], cues: frozenset[str]) -> tuple[int, int, int] | None:
    """The nearest ancestor of token k that is a reporting word, the child through which the
    path reaches it, and the number of links (indices into the sentence)."""
    child, cur = k, heads[k]
    for depth in range(1, MAX_CLIMB + 1):
        if cur == child:
            return None
        if lemmas[cur] in cues:
            return cur, child, depth
        child, cur = cur, heads[cur]
    return None


# Token attributes read as string ids, and as numbers, by ``Sheet`` (one to_array call each).
_STRING_ATTRS = ["LEMMA", "LOWER", "POS", "TAG", "DEP", "ENT_TYPE", "ORTH"]
_NUMBER_ATTRS = ["HEAD", "IDX", "LENGTH", "SENT_START", "ENT_IOB"]
_IOB = ("", "I", "O", "B")  # spaCy's ENT_IOB codes


@dataclass
class Rows:
    """A sentence's token attributes as lists (indices into the sentence; heads too)."""

    lemmas: list[str]
    words: list[str]
    pos: list[str]
    tags: list[str]
    deps: list[str]
    ents: list[str]
    caps: list[bool]
    quoted: list[bool]
    heads: list[int]


class Sheet:
    """A doc's token attributes read once as arrays: building a spaCy Token per attribute read
    was most of the tagger's time. Lemmas, offsets and sentences for the whole doc; the other
    strings per sentence, only for the sentences that are tagged."""

    def __init__(self, doc: Doc, layout: Layout) -> None:
        self.doc, self.layout = doc, layout
        self._ids = doc.to_array(_STRING_ATTRS)
        nums = doc.to_array(_NUMBER_ATTRS).astype("int64")
        strings = doc.vocab.strings
        self.lemmas = [strings[x].lower() for x in self._ids[:, 0].tolist()]
        self.heads = (nums[:, 0] + np.arange(len(doc))).tolist()
        self.idx = nums[:, 1].tolist()
        self.ends = (nums[:, 1] + nums[:, 2]).tolist()
        self._iob = nums[:, 4].tolist()
        self._verbs = self._ids[:, 2] == strings["VERB"]
        starts = [k for k, s in enumerate(nums[:, 3].tolist()) if s == 1 or k == 0]
        self.sents = list(zip(starts, starts[1:] + [len(doc)]))

    def rows(self, a: int, b: int) -> Rows:
        """Token attributes of tokens [a, b) (a sentence)."""
        strings, ids = self.doc.vocab.strings, self._ids[a:b].T.tolist()
        words, pos, tags, deps, types, orths = ([strings[x] for x in col] for col in ids[1:])
        inside, n = self.layout.inside, b - a
        return Rows(self.lemmas[a:b], words, pos, tags, deps,
                    [_IOB[i] + t for i, t in zip(self._iob[a:b], types)],
                    [o[:1].isupper() for o in orths], [inside(i) for i in self.idx[a:b]],
                    [min(max(h - a, 0), n - 1) for h in self.heads[a:b]])

    def gated(self, a: int, b: int, cues: frozenset[str], taken: Callable[[int, int], bool] | None = None) -> bool:
        """Whether tokens [a, b) hold a reporting word outside quotation marks (given ``taken``:
        a reporting verb no attribution read, as nearly all the holdout's added ones had)."""
        inside, lemmas, idx = self.layout.inside, self.lemmas, self.idx
        if taken is None:
            return any(lemmas[k] in cues and not inside(idx[k]) for k in range(a, b))
        verbs = self._verbs
        return any(verbs[k] and lemmas[k] in cues and not inside(idx[k]) and not taken(idx[k], self.ends[k])
                   for k in range(a, b))

    def features(self, a: int, b: int, cues: frozenset[str]) -> list[list[str]]:
        """CRF features of tokens [a, b) (a sentence), as ``features``."""
        r = self.rows(a, b)
        own = _own(r, cues)
        n = b - a
        for off in (-2, -1, 1, 2):  # a column at a time: half the time of token by token
            words = [f"{off}w=" + w for w in r.words]
            pos = [f"{off}p=" + p for p in r.pos]
            deps = [f"{off}d=" + d for d in r.deps] if off in (-1, 1) else None
            edge = f"{off}<>"
            for k, f in enumerate(own):
                j = k + off
                if 0 <= j < n:
                    f += [words[j], pos[j]] if deps is None else [words[j], pos[j], deps[j]]
                else:
                    f.append(edge)
        return own


def _own(r: Rows, cues: frozenset[str]) -> list[list[str]]:
    """Each token's own features: word, parse, position, quotes, its governing reporting word."""
    n = len(r.lemmas)
    lemmas, deps, heads = r.lemmas, r.deps, r.heads
    out = []
    for k in range(n):
        lemma, h = lemmas[k], heads[k]
        f = ["w=" + r.words[k], "l=" + lemma, "p=" + r.pos[k], "t=" + r.tags[k], "d=" + deps[k],
             "hl=" + lemmas[h], "dh=" + deps[k] + "|" + r.pos[h], "e=" + r.ents[k],
             "at=" + str(min(k, 4)), "toend=" + str(min(n - 1 - k, 3))]
        if r.quoted[k]:
            f.append("q")
        if r.caps[k]:
            f.append("cap")
        if lemma in cues:
            f += ["rep", "rep=" + lemma + "|" + deps[k]]
        gov = _governor(k, heads, lemmas, cues)
        if gov is None:
            f.append("nogov")
        else:
            g, child, depth = gov
            dep = deps[child]
            f += ["gd=" + dep, "gdd=" + dep + "|" + str(min(depth, 3)), "gl=" + lemmas[g] + "|" + dep,
                  "gside=" + ("L" if k < g else "R")]
        out.append(f)
    return out


def features(sent: Span, layout: Layout, cues: frozenset[str]) -> list[list[str]]:
    """CRF features of each token of a sentence, with a window of neighbours' words and tags;
    ``cues`` are the lemmas read as reporting words (one sentence; a doc's many: ``Sheet``)."""
    return Sheet(sent.doc, layout).features(sent.start, sent.end, cues)


def gated(sent: Span, layout: Layout, cues: frozenset[str]) -> bool:
    """Whether a sentence holds a reporting word outside quotation marks (else it is not tagged)."""
    return Sheet(sent.doc, layout).gated(sent.start, sent.end, cues)


def chunks(tags: list[str], probs: list[float] | None = None) -> list[Chunk]:
    """Runs of B-/I- tags as chunks (an I- after another role starts a new chunk)."""
    out: list[Chunk] = []
    for k, tag in enumerate(tags):
        if tag == "O":
            continue
        bio, role = tag.split("-", 1)
        if bio == "I" and out and out[-1].role == role and out[-1].end == k:
            out[-1].end = k + 1
        else:
            out.append(Chunk(role, k, k + 1))
    if probs is not None:
        for c in out:
            c.prob = sum(probs[c.start:c.end]) / (c.end - c.start)
    return out


class SpanTagger:
    """A trained CRF, the lemmas it reads as reporting words, and the least mean marginal
    probability of a tagged cue for its attribution to be kept."""

    def __init__(self, path: Path, threshold: float, cue_lemmas: frozenset[str], covered: float | None = None) -> None:
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(path))
        self.threshold = threshold
        self.cues = cue_lemmas | report_words()
        self.covered = covered is not None  # also tag sentences the rules read (``build``) ...
        self.covered_threshold = threshold if covered is None else covered  # ... with this least cue probability

    def tag(self, feats: list[list[str]]) -> tuple[list[str], list[float]]:
        """The Viterbi tags of a sentence and each tag's marginal probability (1.0 for O)."""
        tags = self.tagger.tag(feats)
        return tags, [1.0 if t == "O" else self.tagger.marginal(t, k) for k, t in enumerate(tags)]


_STACK = ExitStack()


def load(path: Path | None = None, threshold: float | None = None) -> SpanTagger | None:
    """The tagger at path (default: the shipped file) with its settings from the JSON file of
    the same name; None when it or pycrfsuite is absent."""
    if pycrfsuite is None:
        return None
    if path is None:
        ref = resources.files("sitrep.data").joinpath("quotes").joinpath(MODEL_FILE)
        if not ref.is_file():
            return None
        path = _STACK.enter_context(resources.as_file(ref))
    path = Path(path)
    meta_path = path.with_suffix(".json")
    if not path.is_file() or not meta_path.is_file():
        return None
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    return SpanTagger(path, meta["threshold"] if threshold is None else threshold, frozenset(meta["cue_lemmas"]),
                      meta.get("covered_threshold"))


@lru_cache(maxsize=1)
def shipped() -> SpanTagger | None:
    """The shipped tagger, loaded once per process; None when absent."""
    return load()


def _cue_token(sent: Span, c: Chunk) -> Token:
    """The chunk's syntactic head (its token whose head lies outside it, or the root), a verb
    before anything else ("is [calling]")."""
    toks = [sent[k] for k in range(c.start, c.end)]
    lo, hi = sent.start + c.start, sent.start + c.end
    heads = [t for t in toks if t.head.i == t.i or not lo <= t.head.i < hi] or toks
    return next((t for t in heads if t.pos_ == "VERB"), next((t for t in heads if t.pos_ in ("NOUN", "ADJ")), heads[0]))


def _char_span(sent: Span, c: Chunk) -> list[int]:
    first, last = sent[c.start], sent[c.end - 1]
    return [first.idx, last.idx + len(last.text)]


def _speaker(layout: Layout, sent: Span, cue: Token, src: Chunk | None, index: ActorIndex) -> Speaker | None:
    """The parse's speaker when it falls on the tagged source (or nothing was tagged), else
    the tagged source's words, with the actor of its innermost mention."""
    found = resolve(layout.doc, cue, index, layout.body)
    if src is None or (found is None and no_source(cue)):
        return found  # "When asked whether ..., he said": the tagged "he" is the answer's source
    span = _char_span(sent, src)
    if found is not None and found.span[0] < span[1] and span[0] < found.span[1]:
        return found
    head = _cue_token(sent, src)
    hit = index.at(head.idx, head.idx + len(head.text))
    return Speaker(hit[0] if hit else None, span)


def _nearest(c: Chunk, pool: list[Chunk]) -> Chunk | None:
    return min(pool, key=lambda x: abs(x.start - c.start), default=None)


def _scare_quote(layout: Layout, start: int, end: int) -> bool:
    """Whether [start, end) holds or cuts a quotation shorter than the rules' shortest quote."""
    least = lexicon()["min_quote_words"]
    return any(qs < end and start < qe and len(layout.body[qs:qe].split()) < least for qs, qe in layout.quoted)


def _drafts_in(layout: Layout, sent: Span, found: list[Chunk], index: ActorIndex) -> list[Draft]:
    cues = [c for c in found if c.role == "CUE"]
    sources = [c for c in found if c.role == "SRC"]
    out = []
    for cue in cues:
        mine = [c for c in found if c.role == "CON" and _nearest(c, cues) is cue]
        spans = [list(trim(layout.body, *_char_span(sent, c))) for c in mine]
        spans = [s for s in spans if s[1] > s[0]]
        if sum(len(layout.body[s:e].split()) for s, e in spans) < MIN_CONTENT_WORDS:
            continue
        if any(_scare_quote(layout, s, e) for s, e in spans):
            continue  # a scare quote the rules skipped ("its "commitment" to") stays skipped
        tok = _cue_token(sent, cue)
        d = Draft("indirect", spans, cue=tok, tagged=True)
        d.speaker = _speaker(layout, sent, tok, _nearest(cue, sources), index)
        out.append(d)
    return out


def build(layout: Layout, index: ActorIndex, model: SpanTagger, taken: Callable[[int, int], bool]) -> list[Draft]:
    """Attributions the CRF finds in sentences that hold a reporting word: in sentences nothing
    else read (``taken`` tells), and, when the model's settings say so, in sentences the rules
    read, where it has a reporting word of its own and its cue and content touch nothing read."""
    out: list[Draft] = []
    sheet = Sheet(layout.doc, layout)
    for a, b in sheet.sents:
        if b - a <= 2:
            continue
        free = not taken(sheet.idx[a], sheet.ends[b - 1])
        if not (sheet.gated(a, b, model.cues) if free else model.covered and sheet.gated(a, b, model.cues, taken)):
            continue
        tags, probs = model.tag(sheet.features(a, b, model.cues))
        if "B-CUE" not in tags:
            continue
        sent = layout.doc[a:b]
        least = model.threshold if free else model.covered_threshold
        found = [c for c in chunks(tags, probs) if c.role != "CUE" or c.prob >= least]
        out += [d for d in _drafts_in(layout, sent, found, index) if free or not _touches(d, taken)]
    return out


def _touches(d: Draft, taken: Callable[[int, int], bool]) -> bool:
    """Whether a draft's cue or content touches what an attribution already read."""
    cue = d.cue
    return (cue is not None and taken(cue.idx, cue.idx + len(cue.text))) or any(taken(s, e) for s, e in d.spans)


def labels(sent: Span, roles: dict[int, tuple[str, int]]) -> list[str]:
    """BIO tags of a sentence from ``gold_roles`` (training); a new attribution starts a new chunk."""
    out, prev = [], None
    for tok in sent:
        got = roles.get(tok.idx)
        out.append("O" if got is None else ("I-" if prev == got else "B-") + got[0])
        prev = got
    return out


def gold_roles(attributions: list[dict[str, Any]]) -> dict[int, tuple[str, int]]:
    """Character offset -> (role, attribution number) for every character of gold spans."""
    out: dict[int, tuple[str, int]] = {}
    for n, g in enumerate(attributions):
        pieces = [("CON", c) for c in g["content"]]
        pieces += [(r, g[k]) for r, k in (("CUE", "cue"), ("SRC", "source")) if g.get(k)]
        for role, sp in pieces:
            for i in range(sp["start"], sp["end"]):
                out[i] = (role, n)
    return out
