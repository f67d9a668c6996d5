"""Parse features of a (source, target) pair for the pair classifier (``events.classify``).

They come from the spaCy parse the pipeline already has (no second parse): the head token of
each mention, their lowest common ancestor and the verb governing it (the trigger), the
dependency path from each head up to it, the prepositions on the target's path, the lemmas on
the path, and, for the trigger and for the verb nearest the target when that is another one
("X said it would free Y"), its modal and negation, object, particle and xcomp, the verb above
it, and the verb-dictionary category (``verbs.json``) of each of these words. Offsets are
character offsets relative to the start of the sentence span.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import load, word_set

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

Offsets = tuple[int, int]
VERBAL = ("VERB", "AUX")
OBJECT_DEPS = ("dobj", "attr", "prt", "acomp")  # trigger children whose lemma is a feature with the trigger's
UP_DEPS = ("xcomp", "ccomp", "advcl", "conj", "relcl")  # a trigger under another verb: that verb is a feature


@lru_cache(maxsize=1)
def _modals() -> frozenset[str]:
    status = load("status")
    return frozenset(status["future_aux"]) | frozenset(status["hypothetical_aux"])


IRREGULAR = {"sent": "send", "met": "meet", "held": "hold", "fought": "fight", "took": "take", "gave": "give",
             "struck": "strike", "withdrew": "withdraw", "withdrawn": "withdraw", "sought": "seek", "shot": "shoot", "told": "tell"}


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude English stem so "accused", "accuses", "accusing", "accuse" share a feature."""
    word = IRREGULAR.get(word, word)
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, str]:
    """Verb-dictionary lemma (stemmed) -> PLOVER category, for the rule feature."""
    return {stem(e["lemma"]): e["category"] for e in load("verbs")["entries"]}


def dictionary_category(word: str, stemmed: bool = False) -> str | None:
    """The verb-dictionary category of a word or lemma (``stemmed``: already through ``stem``), if any."""
    return _dictionary().get(word if stemmed else stem(word))


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _rule(tok: Token) -> str | None:
    """The verb-dictionary category of a token (by its word or its lemma)."""
    return dictionary_category(tok.text.lower()) or dictionary_category(_lemma(tok))


def mention_head(sent: Span, offsets: Offsets | None) -> Token | None:
    """The syntactic head of the tokens overlapping ``offsets`` (None: implicit or no token)."""
    if offsets is None:
        return None
    start, end = offsets[0] + sent.start_char, offsets[1] + sent.start_char
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    toks = [t for t in (span if span is not None else sent) if t.idx < end and t.idx + len(t) > start]
    ids = {t.i for t in toks}
    return next((t for t in toks if t.head.i not in ids or t.head.i == t.i), toks[-1] if toks else None)


def _ancestors(tok: Token) -> list[Token]:
    out = [tok]
    while tok.head.i != tok.i:
        tok = tok.head
        out.append(tok)
    return out


def _verb_up(tok: Token) -> Token | None:
    return next((t for t in _ancestors(tok) if t.pos_ in VERBAL), None)


def _verb_info(verb: Token, tag: str) -> list[str]:
    """The trigger-like verb's lemma, category, modal, negation, object, xcomp and governing verb."""
    feats = [f"{tag}={_lemma(verb)}"]
    feats += [f"{tag}R={c}" for c in [_rule(verb)] if c]
    for child in verb.children:
        dep, lemma = child.dep_, _lemma(child)
        if dep == "neg":
            feats += [f"{tag}NEG", f"{tag}NEG={_lemma(verb)}"]
        elif dep in ("aux", "auxpass") and lemma in _modals():
            feats += [f"{tag}MOD={lemma}", f"{tag}MOD", f"{tag}MODV={_lemma(verb)}"]
        elif dep in OBJECT_DEPS:
            feats += [f"{tag}_{dep}={lemma}", f"{tag}+OBJ={_lemma(verb)}_{lemma}"]
            feats += [f"{tag}OBJR={c}" for c in [_rule(child)] if c]
        elif dep == "xcomp":
            feats.append(f"{tag}X={lemma}")
            feats += [f"{tag}XR={c}" for c in [_rule(child)] if c]
    if verb.dep_ in UP_DEPS and verb.head.i != verb.i:
        feats += [f"{tag}UP={_lemma(verb.head)}", f"{tag}UPDEP={verb.dep_}"]
    return feats


def _path_features(src: Token, tgt: Token) -> tuple[list[str], Token]:
    """Features of the dependency path between the two heads, and the trigger (the verb over their LCA)."""
    up, down = _ancestors(src), _ancestors(tgt)
    down_ids = {t.i for t in down}
    anc = next((t for t in up if t.i in down_ids), up[-1])
    up = up[: up.index(anc) + 1] if anc in up else up
    down = down[: [t.i for t in down].index(anc.i) + 1] if anc.i in down_ids else down
    trig = _verb_up(anc) or anc
    spath, tpath = "/".join(t.dep_ for t in up[:-1]), "/".join(t.dep_ for t in down[:-1])
    feats = [f"SPATH={spath}", f"TPATH={tpath}", f"PATH={spath}|{tpath}", f"LCA={_lemma(anc)}", f"LCAPOS={anc.pos_}",
             f"LCA_TP={_lemma(anc)}|{tpath}", f"TRIG_TP={_lemma(trig)}|{tpath}"]
    if anc.i != trig.i:
        feats += ["LCA_NOUN", f"LCAN={_lemma(anc)}"]
    for tok in up[1:] + down[1:]:
        feats.append(f"PL={_lemma(tok)}")
        if tok.pos_ in ("VERB", "NOUN"):
            feats.append(f"PLV={_lemma(tok)}")
        feats += [f"PLR={c}" for c in [_rule(tok)] if c]
    for side, toks in (("T", down[1:-1]), ("S", up[1:-1])):
        for tok in toks:
            if tok.dep_ in ("prep", "agent") or tok.pos_ == "ADP":
                prep = _lemma(tok)
                feats += [f"{side}PREP={prep}", f"LCA_{side}PREP={_lemma(anc)}|{prep}", f"TRIG_{side}PREP={_lemma(trig)}|{prep}"]
    return feats, trig


def _trigger_of(src: Token | None, tgt: Token | None) -> tuple[list[str], Token | None]:
    """The path features and the trigger of two mention heads: the verb over their lowest common
    ancestor, or the verb above the one head there is (None: no head or no verb)."""
    if src is not None and tgt is not None:
        return _path_features(src, tgt)
    trig = _verb_up(src or tgt) if src is not None or tgt is not None else None  # type: ignore[arg-type]
    return ([f"LCA={_lemma(trig)}"] if trig is not None else []), trig


def trigger(sent: Span, source: Offsets | None, target: Offsets | None) -> Token | None:
    """The trigger ``parse_features`` reads for a pair of mentions."""
    return _trigger_of(mention_head(sent, source), mention_head(sent, target))[1]


def _head_features(tok: Token, side: str) -> list[str]:
    return [f"{side}DEP={tok.dep_}", f"{side}H={_lemma(tok)}", f"{side}HENT={tok.ent_type_}"]


def parse_features(sent: Span, source: Offsets | None, target: Offsets | None) -> list[str]:
    """The parse features of one pair in a parsed sentence (a missing side is implicit)."""
    src, tgt = mention_head(sent, source), mention_head(sent, target)
    feats, trig = _trigger_of(src, tgt)
    if trig is not None:
        feats += _verb_info(trig, "TRIG")
    if src is not None:
        feats += _head_features(src, "S")
    if tgt is not None:
        feats += _head_features(tgt, "T")
        feats += [f"THEADL={_lemma(tgt.head)}", f"THEAD2={_lemma(tgt.head)}|{tgt.dep_}"]
        near = _verb_up(tgt.head if tgt.head.i != tgt.i else tgt)
        if near is not None:
            feats.append(f"TVERB={_lemma(near)}")
            if trig is not None and near.i != trig.i:
                feats += _verb_info(near, "TV")
                if _lemma(trig) in word_set("verbs", "reporting_verbs"):
                    feats.append("REPORTED")
    return feats
