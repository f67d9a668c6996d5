"""Impressions and expectations without a source: "X seems ready to ...", "X is expected to ...".

PolNeAR annotates these as attributions with no source whose content is the subject and the
complement, two spans around the cue ("[the talks] seem [close to a deal]"). An expletive
subject ("it appears that ...") is no content: only the clause is. An agent ("is expected by
analysts to") is left to the ordinary reading.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from .cues import active_deps, lexicon

_COMPLEMENT_DEPS = ("xcomp", "acomp", "attr", "oprd", "ccomp")
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_EXPLETIVES = frozenset({"it", "there"})


@lru_cache(maxsize=1)
def _verbs() -> tuple[frozenset[str], frozenset[str]]:
    lex = lexicon()
    return frozenset(lex["raising_verbs"]), frozenset(lex["passive_raising_verbs"])


def _end(tok: Token) -> int:
    return tok.right_edge.idx + len(tok.right_edge.text)


def spans_of(tok: Token) -> list[tuple[int, int]] | None:
    """Content ranges (subject, complement) of a raising cue, or None when tok is none."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    active, passive = _verbs()
    lemma = tok.lemma_.lower()
    deps = active_deps(tok)
    if not (lemma in active or (lemma in passive and "auxpass" in deps and "agent" not in deps)):
        return None
    comp = next((c for c in tok.children if c.dep_ in _COMPLEMENT_DEPS and c.i > tok.i), None)
    if comp is None:
        return None
    out = []
    subj = next((c for c in tok.children if c.dep_ in _SUBJECT_DEPS), None)
    if subj is not None and subj.lower_ not in _EXPLETIVES:
        if subj.i > tok.i:
            return None
        out.append((subj.left_edge.idx, _end(subj)))
    out.append((comp.left_edge.idx, _end(comp)))
    return out
