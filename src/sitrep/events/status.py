"""An event's status and tense from its trigger: auxiliaries, negation, governing frames.

occurred / planned / threatened / denied / hypothetical / refused, read from the trigger's
auxiliaries ("will send", "could dispatch", "did not send"), the verbs and nouns that govern it
("is expected to speak", "refused to withdraw", "the preparation of sanctions") and conditions
in the sentence ("should it invade"). ``None`` means the trigger is no event of its own: it is
the condition itself ("if Russia invades") or the content of a demand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..schema import EventDate, Status
from .lexicon import word_set
from .time import Tense

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Links followed from a trigger to the words that govern it (not ccomp: a reported clause's
# status is its own, "said it will send" is planned whatever "said" is).
CHAIN_DEPS = frozenset({"xcomp", "advcl", "acl", "prep", "pobj", "pcomp", "dobj", "conj", "npadvmod", "auxpass", "acomp"})  # acomp: "was ready to send"
MAX_CHAIN = 5  # hops; deeper frames are rare and the parse gets unreliable


def governors(tok: Token) -> list[Token]:
    """The trigger followed by the tokens governing it through CHAIN_DEPS, nearest first."""
    chain = [tok]
    while len(chain) <= MAX_CHAIN and chain[-1].dep_ in CHAIN_DEPS and chain[-1].head is not chain[-1]:
        chain.append(chain[-1].head)
    return chain


def _aux(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("aux", "auxpass", "neg", "advmod")]


def _is_protasis(tok: Token) -> bool:
    """True for the verb of a condition: "if Russia invades", "should it invade"."""
    for child in tok.children:
        if child.dep_ == "mark" and child.lower_ in ("if", "unless"):
            return True
        if child.dep_ == "aux" and child.lower_ == "should":
            if any(c.dep_ in ("nsubj", "nsubjpass") and c.i == child.i + 1 for c in tok.children):
                return True
    return False


def verbs_of(chain: list[Token]) -> list[Token]:
    """The trigger and the verbs whose auxiliaries it shares: xcomp heads ("is expected to
    speak"), the head of a purpose infinitive ("will travel to Kyiv to meet", "did not travel ...
    to meet") and the head of a subjectless conjunct ("is dispatching ... and moving")."""
    out = [chain[0]]
    for prev, cur in zip(chain, chain[1:]):
        shares = prev.dep_ == "xcomp" or _purpose(prev) or (
            prev.dep_ in ("conj", "npadvmod") and not any(c.dep_.startswith("nsubj") for c in prev.children)
            and not _own_tense(prev, cur)
        )
        if not shares:
            break
        if cur.pos_ in ("VERB", "AUX"):
            out.append(cur)
    return out


def _purpose(tok: Token) -> bool:
    """True for a subjectless "to" infinitive modifying a verb ("travel ... to meet the leaders")."""
    return (tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            and not any(c.dep_.startswith("nsubj") for c in tok.children))


_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _own_tense(conjunct: Token, head: Token) -> bool:
    """A conjunct with an auxiliary of its own, or finite in another form than its head, carries its
    own tense and shares none of the head's auxiliaries ("would not withdraw ... and accused Kyiv":
    "accused" is not denied)."""
    if any(c.dep_ in ("aux", "auxpass") for c in conjunct.children):
        return True  # "may attack and has moved troops": its own auxiliary
    return conjunct.tag_ in _FINITE and conjunct.tag_ != head.tag_


REPORTED_FUTURE = frozenset({"would", "'d"})  # the back-shifted "will" of reported speech


def _reporting_head(tok: Token) -> Token | None:
    """The verb (or adjective) whose complement holds the trigger's clause ("said", "believe",
    "unlikely"), None when the clause is no complement."""
    cur = tok
    for _ in range(MAX_CHAIN):
        if cur.head is cur:
            return None
        if cur.dep_ in ("ccomp", "parataxis"):
            return cur.head
        cur = cur.head
    return None


def _reported_in_past(tok: Token, past_only: bool = True) -> bool:
    """True when the trigger's clause is the complement of a past-tense reporting verb ("said");
    with ``past_only`` False, of a reporting verb in any form ("has said", "says", "saying")."""
    head = _reporting_head(tok)
    if head is None or not (head.tag_ == "VBD" or not past_only and head.pos_ in ("VERB", "AUX")):
        return False
    return not any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children)


def _denied_report(chain: list[Token]) -> bool:
    """True when the clause is the content of a denial ("denied that it plans to invade")."""
    top = chain[-1]
    return top.dep_ == "ccomp" and top.head.lemma_.lower() in word_set("status", "denial_frames")


def tense_of(tok: Token) -> Tense:
    """past / present / future of the clause a token belongs to."""
    chain = governors(tok)
    frames = word_set("status", "planned_frames")
    for t in chain:
        words = {a.lower_ for a in _aux(t)}
        if words & word_set("status", "future_aux") or (t is not tok and t.lemma_.lower() in frames):
            return "future"
    for t in verbs_of(chain):
        auxes = _aux(t)
        if t.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxes):
            return "past"  # simple past, "did", "was", and the perfect ("has sent")
        if t.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "present"
    if tok.tag_ not in ("VBN", "VBD"):  # a noun or gerund ("killed in shelling on Wednesday"): its clause's verb
        gov = next((t for t in chain[1:] if t.pos_ in ("VERB", "AUX")), None)
        if gov is not None:
            return tense_of(gov)
    return "past" if tok.tag_ in ("VBN", "VBD") else "present"


def asks_someone(verb: Token) -> bool:
    """True for a request verb with someone asked ("urged Russia", "Obama was asked", "called on Iran")."""
    if verb.lemma_.lower() not in word_set("status", "request_frames"):
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ == "on") for c in verb.children)


def requested_act(tok: Token) -> bool:
    """True for the act someone is asked to do ("urged Russia to withdraw", "wants Putin to attack",
    "was pressured to help"): the content of the request rather than an event of its own."""
    if tok.dep_ == "xcomp":
        return asks_someone(tok.head)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    if not infinitive or tok.dep_ not in ("ccomp", "advcl"):
        return False
    own_subject = tok.dep_ == "ccomp" and any(c.dep_ == "nsubj" for c in tok.children)
    return asks_someone(tok.head) or (own_subject and tok.head.lemma_.lower() in word_set("status", "request_frames"))


def _negated_future(tok: Token, chain: list[Token]) -> Status | None:
    """The status of a negated will: ``refused`` for a stated refusal ("Serbia will not
    recognise", "won't send", "has said it would not provide"), ``hypothetical`` for a negated
    will-have ("would not have invaded if ..."); None (a denial) for anything else: a negated past,
    another party's belief or forecast ("officials believe Moscow will not attack"), a passive
    ("will not be allowed to attend": someone else decides)."""
    verbs = verbs_of(chain)
    words = {a.lower_ for t in verbs for a in _aux(t) if a.dep_ == "aux"}
    if not (words & word_set("status", "future_aux") or words & REPORTED_FUTURE and _reported_in_past(tok, past_only=False)):
        return None
    if "have" in words:
        return "hypothetical"
    if any(c.dep_ == "auxpass" for t in verbs for c in t.children):
        return None
    head = _reporting_head(tok)
    if {t.lemma_.lower() for t in [*chain[1:], *([head] if head is not None else [])]} & word_set("status", "belief_frames"):
        return None
    return "refused"


def _negated_hesitation(chain: list[Token]) -> bool:
    """True for "will not hesitate to strike", "would not hesitate to respond": a readiness, not a refusal."""
    return any(t.lemma_.lower() == "hesitate" and any(c.dep_ == "neg" for c in t.children) for t in verbs_of(chain)[1:])


def _has_condition(sent: Span, chain: list[Token]) -> bool:
    return any(_is_protasis(t) for t in sent if t not in chain)


def event_status(
    tok: Token, category: str, date_: EventDate | None, published: str | None, sent: Span | None = None
) -> Status | None:
    """The status of the event a trigger reports (``None``: not an event of its own)."""
    chain = governors(tok)
    lemmas = [t.lemma_.lower() for t in chain[1:]]
    if any(_is_protasis(t) for t in chain[:2]):
        return None
    if any(t.lemma_.lower() in word_set("status", "content_nouns") for t in chain[1:] if t.pos_ == "NOUN"):
        return None
    if requested_act(tok):
        return None
    if set(lemmas) & word_set("status", "refusal_frames"):
        return "refused"
    coercive = category.lower() in word_set("status", "coercive_categories")
    if _negated_hesitation(chain):
        return "threatened" if coercive else "planned"
    negs = word_set("status", "negations")
    if any(a.dep_ == "neg" and a.lower_ in negs for t in verbs_of(chain) for a in _aux(t)):
        return _negated_future(tok, chain) or "denied"
    if set(lemmas) & word_set("status", "denial_frames") or _denied_report(chain):
        return "denied"
    if any(t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in t.children) for t in chain[1:]):
        return "denied"  # "has no plans to invade", "no intention of sending"
    if set(lemmas) & word_set("status", "threat_frames"):
        return "threatened"
    if _has_condition(sent if sent is not None else tok.sent, chain) and coercive:
        return "threatened"
    return _modal_status(tok, chain, lemmas, date_, published)


def _modal_status(tok: Token, chain: list[Token], lemmas: list[str], date_: EventDate | None, published: str | None) -> Status:
    words = {a.lower_ for t in verbs_of(chain) for a in _aux(t)}
    if words & REPORTED_FUTURE and _reported_in_past(tok):
        return "planned"  # "said it would send": a future seen from a past report
    if words & (word_set("status", "hypothetical_aux") | word_set("status", "hypothetical_adverbs")):
        return "hypothetical"
    if set(lemmas) & word_set("status", "hypothetical_frames"):
        return "hypothetical"
    if words & word_set("status", "future_aux") or set(lemmas) & word_set("status", "planned_frames"):
        return "planned"
    future_date = date_ is not None and published and date_.value > published[:10] and date_.precision == "day"
    if future_date and tense_of(tok) != "past":  # a dated past-tense report stays occurred
        return "planned"
    return "occurred"

