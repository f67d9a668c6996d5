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

from spacy.tokens import Span, Token

from .cues import Layout, lexicon
from .direct import Draft
from .indirect import trim
from .speaker import ActorIndex, Speaker, resolve

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


def _own(toks: list[Token], layout: Layout, cues: frozenset[str]) -> list[list[str]]:
    """Each token's own features: word, parse, position, quotes, its governing reporting word."""
    n = len(toks)
    lemmas = [t.lemma_.lower() for t in toks]
    deps = [t.dep_ for t in toks]
    start = toks[0].i
    heads = [min(max(t.head.i - start, 0), n - 1) for t in toks]
    out = []
    for k, tok in enumerate(toks):
        lemma, h = lemmas[k], heads[k]
        f = ["w=" + tok.lower_, "l=" + lemma, "p=" + tok.pos_, "t=" + tok.tag_, "d=" + deps[k],
             "hl=" + lemmas[h], "dh=" + deps[k] + "|" + toks[h].pos_, "e=" + tok.ent_iob_ + tok.ent_type_,
             "at=" + str(min(k, 4)), "toend=" + str(min(n - 1 - k, 3))]
        if layout.inside(tok.idx):
            f.append("q")
        if tok.text[:1].isupper():
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
    ``cues`` are the lemmas read as reporting words."""
    toks = list(sent)
    own = _own(toks, layout, cues)
    words = [t.lower_ for t in toks]
    pos = [t.pos_ for t in toks]
    deps = [t.dep_ for t in toks]
    n = len(toks)
    for k, f in enumerate(own):
        for off in (-2, -1, 1, 2):
            j = k + off
            if 0 <= j < n:
                f += [f"{off}w=" + words[j], f"{off}p=" + pos[j]]
                if off in (-1, 1):
                    f.append(f"{off}d=" + deps[j])
            else:
                f.append(f"{off}<>")
    return own


def gated(sent: Span, layout: Layout, cues: frozenset[str]) -> bool:
    """Whether a sentence holds a reporting word outside quotation marks (else it is not tagged)."""
    return any(t.lemma_.lower() in cues and not layout.inside(t.idx) for t in sent)


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

    def __init__(self, path: Path, threshold: float, cue_lemmas: frozenset[str]) -> None:
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(path))
        self.threshold = threshold
        self.cues = cue_lemmas | report_words()

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
    return SpanTagger(path, meta["threshold"] if threshold is None else threshold, frozenset(meta["cue_lemmas"]))


@lru_cache(maxsize=1)
def shipped() -> SpanTagger | None:
    """The shipped tagger, loaded once per process; None when absent."""
    return load()


def free_sentences(layout: Layout, taken: Callable[[int, int], bool]) -> list[Span]:
    """Sentences nothing has read: no rule or cue-tagger content, cue or quotation in them."""
    return [s for s in layout.doc.sents if not taken(s.start_char, s.end_char) and len(s) > 2]


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
    if src is None:
        return found
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
    """Attributions the CRF finds in sentences nothing else read (``taken`` tells) that hold
    a reporting word."""
    out: list[Draft] = []
    for sent in free_sentences(layout, taken):
        if not gated(sent, layout, model.cues):
            continue
        tags, probs = model.tag(features(sent, layout, model.cues))
        if "B-CUE" not in tags:
            continue
        found = [c for c in chunks(tags, probs) if c.role != "CUE" or c.prob >= model.threshold]
        out += _drafts_in(layout, sent, found, index)
    return out


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
