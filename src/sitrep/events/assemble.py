"""Building :class:`~sitrep.schema.Event` records for one sentence from its triggers.

Steps per trigger: 1. actor and target; 2. date (the mention on the trigger's clause, else on
the reporting verb, else the sentence's only one); 3. status; 4. places and quantities from
the trigger's clause; 5. confidence. Then triggers nested in another one's clause that add
nothing of their own ("visits Kyiv to meet with ...") are folded into it. A violent verb whose
subject is the strike itself ("Shelling killed three civilians") has that strike as a source with
no country; a verb whose object is a bare number counts what its coordinated twin counted
("killing two people and wounding seven").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..ids import fact_id
from ..schema import ActorRef, Article, Event, EventDate, Provenance, Quantity
from .actors_of import actor_refs, is_instrument
from .coding import Trigger, match, object_of, reporter_of, scope
from .lexicon import word_set
from .participants import Resolver, is_participant, np_tokens
from .numwords import written_number
from .places import cause_place, event_places, place_from_name, place_from_token
from .quantities import find_quantities
from .recode import code_event
from .status import event_status, governors, tense_of
from .targets import demand_owner, target_refs
from .time import DateMention, resolve_date, valid_published

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

BASE_CONFIDENCE = 0.8  # a dictionary trigger with a named actor; hand-checked on the seed article
PRONOUN_PENALTY = 0.15  # actor read through a pronoun
NOUN_PENALTY = 0.1  # nominal trigger ("the massing of troops")
NO_TARGET_PENALTY = 0.1  # categories that normally have a target but none was found
CARRIED_DATE_PENALTY = 0.05  # date taken from the previous sentence
MODEL_PENALTY = 0.1  # the pair classifier overrode the dictionary's category
GENERIC_PENALTY = 0.25  # a verb outside the dictionary, coded by the pair classifier alone
UNTARGETED = frozenset({"MOBILIZE", "RETREAT", "PROTEST", "REJECT"})
OTHERS_UNITS = frozenset({"other", "others"})  # "killing 3 civilians and wounding 12 others": 12 civilians


@dataclass
class Candidate:
    """An event being built, with the parse objects it came from."""

    trigger: Trigger
    event: Event
    tokens: set[int]


def _anchor(sent: Span, m: DateMention) -> Token | None:
    """The verb (or nearest governing word) a date mention hangs on."""
    tok = next((t for t in sent if t.idx >= sent.start_char + m.start), None)
    for _ in range(4):
        if tok is None or tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    return tok


def _in_other_clause(anchor: Token | None, trigger: Token) -> bool:
    """True when a date hangs in a relative/adverbial clause the trigger is not part of
    ("massed troops for drills that are scheduled to start on Thursday")."""
    if anchor is None:
        return False
    trigger_line = {trigger.i, *(t.i for t in trigger.ancestors)}
    for tok in [anchor, *anchor.ancestors]:
        if tok.i in trigger_line:
            return False
        if tok.dep_ in ("relcl", "acl", "advcl"):
            return True
    return False


def event_date(trig: Trigger, sent: Span, mentions: list[DateMention], published: str | None) -> EventDate | None:
    """The date of a trigger's event from the sentence's date mentions (None without one)."""
    if not mentions:
        return None
    anchors = [(m, _anchor(sent, m)) for m in mentions]
    chain = governors(trig.token)
    reporter = reporter_of(trig.token)
    picked = next(((m, a) for m, a in anchors if a is not None and a in chain), None)
    if picked is None and reporter is not None:
        picked = next(((m, a) for m, a in anchors if a is reporter), None)
    if picked is None and len(anchors) == 1 and not _in_other_clause(anchors[0][1], trig.token):
        picked = anchors[0]
    if picked is None:
        return None
    m, anchor = picked
    tense = tense_of(anchor) if anchor is not None else "past"
    return resolve_date(m, published, tense, sent.start_char)


def _quantities(sent: Span, found: list[Quantity], tokens: set[int], claimed: set[int]) -> list[Quantity]:
    doc = sent.doc
    inside: list[Quantity] = []
    for q in found:
        span = doc.char_span(q.span[0], q.span[1], alignment_mode="expand") if q.span else None
        if span is not None and span.root.i in tokens and span.root.i not in claimed:
            inside.append(q)
            claimed.add(span.root.i)
    return inside


def _confidence(trig: Trigger, ev: Event, pronoun: bool, by_model: bool) -> float:
    conf = BASE_CONFIDENCE
    conf -= (GENERIC_PENALTY if trig.entry.get("generic") else MODEL_PENALTY) if by_model else 0.0
    conf -= PRONOUN_PENALTY if pronoun else 0.0
    conf -= NOUN_PENALTY if trig.token.pos_ == "NOUN" else 0.0
    conf -= NO_TARGET_PENALTY if ev.target is None and ev.category not in UNTARGETED else 0.0
    return round(max(0.1, conf), 2)


@dataclass
class SentenceContext:
    """What every trigger of one sentence shares."""

    article: Article
    resolver: Resolver
    mentions: list[DateMention]
    sent: Span
    others: set[int]  # token indices of all triggers in the sentence
    claimed: set[int]  # quantity heads already given to an event
    found: list[Quantity] | None = None

    @property
    def quantities(self) -> list[Quantity]:
        """The sentence's quantities, read on first use (most trigger sentences yield no event)."""
        if self.found is None:
            self.found = find_quantities(self.sent.text, self.sent.start_char, self.sent)
        return self.found


def _casualties(trig: Trigger, resolver: Resolver) -> list[ActorRef]:
    """The counted victims of an agentless violent passive ("at least 12 civilians were killed"):
    an event of its own with no known actor, so the toll is not lost (a folded-in clause such as
    "when warplanes struck" may still name the attacker)."""
    tok = trig.token
    if trig.entry["category"] != "ASSAULT" or tok.pos_ != "VERB":
        return []
    victims = [c for c in tok.children if c.dep_ == "nsubjpass" and any(n.dep_ == "nummod" for n in c.children)]
    return [r for v in victims for r in (resolver.resolve_all(v) or [_victims_ref(v)])]


def _struck_by(trig: Trigger) -> ActorRef | None:
    """The strike or weapon a violent verb has as its subject ("Shelling killed three civilians",
    "An air strike wounded two children"), as a thing with no country: whoever used it is not
    named; the event stands with its victims (PLV marks such a phrase as the source)."""
    tok = trig.token
    if trig.entry["category"] != "ASSAULT" or tok.pos_ != "VERB":
        return None
    passive = "nsubjpass" in trig.entry.get("target", [])  # an entry read in the passive ("was hit by a bomb")
    agents = [o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"] if passive else []
    for agent in agents:  # "a hospital was hit by a guided bomb": the weapon, its user unnamed
        toks = np_tokens(agent)
        return ActorRef(None, tok.doc[toks[0].i : agent.i + 1].text, None, [toks[0].idx, agent.idx + len(agent.text)])
    for subj in (c for c in tok.children if c.dep_ in ("nsubj", "csubj")):
        if any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("by", "from")) for c in subj.children):
            return None  # "Shelling by Russian forces killed ...": the strike names its author, its own event
        entry = match(subj) if subj.tag_ == "VBG" else None  # "Shelling" read as a gerund
        if is_instrument(subj) or (entry is not None and entry["category"] == "ASSAULT"):
            toks = np_tokens(subj)
            return ActorRef(None, tok.doc[toks[0].i : subj.i + 1].text, None, [toks[0].idx, subj.idx + len(subj.text)])
    return None


def _victims_ref(tok: Token) -> ActorRef:
    first = min(t.i for t in tok.subtree if t.i <= tok.i)
    return ActorRef(None, tok.doc[first : tok.i + 1].text, None, [tok.doc[first].idx, tok.idx + len(tok.text)])


def pairs(trig: Trigger, resolver: Resolver) -> tuple[list[tuple[ActorRef | None, ActorRef | None]], bool]:
    """The (actor, target) pairs of a trigger and whether the actors came from a pronoun.

    Coordinated actors and targets give one pair each ("Peru and Chile expelled envoys of
    Bolivia" -> PE->BO, CL->BO); a reciprocal action ("met", "signed a deal") with coordinated
    actors and no target pairs each actor with each other one ("Peru and Chile met" -> PE->CL, CL->PE).
    """
    actors, pronoun = actor_refs(trig, resolver)
    if not actors and (strike := _struck_by(trig)) is not None:  # the victims it hit, else where
        hit = [r for o in trig.token.children if o.dep_ == "dobj" or (o.dep_ == "nsubjpass" and "nsubjpass" in trig.entry.get("target", []))
               for r in (resolver.resolve_all(o) or [_victims_ref(o)])]
        return [(strike, t) for t in hit or target_refs(trig, resolver, None)], False
    if not actors:
        victims = _casualties(trig, resolver)
        return [(None, v) for v in victims], False
    reciprocal = len(actors) > 1 and trig.entry.get("cameo") in word_set("cameo", "reciprocal")
    refusal = trig.entry["category"] == "REJECT"
    targets = target_refs(trig, resolver, actors[0], deep=not (reciprocal or refusal))
    if refusal and not any(is_participant(t) for t in targets):  # the owner of the demand refused,
        owner = demand_owner(trig, resolver)  # else who lies deeper in the phrase ("a request from Modi")
        targets = [owner] if owner is not None else target_refs(trig, resolver, actors[0])
    things_only = all(not is_participant(t) for t in targets)  # "held a five-hour meeting": no party
    if things_only and reciprocal:
        if trig.entry.get("one_way"):  # "talks between Peru and Chile": one event, the CAMEO view adds the reverse
            return [(actors[0], b) for b in actors[1:]], pronoun
        return [(a, b) for a in actors for b in actors if a is not b], pronoun
    if trig.entry.get("needs_target") and not targets:
        return [], pronoun
    return [(a, t) for a in actors for t in (targets or [None])], pronoun


def build_all(trig: Trigger, sent: Span, sc: SentenceContext) -> list[Candidate]:
    """One event per (actor, target) pair of a trigger; the quantities go to every one of them."""
    found, pronoun = pairs(trig, sc.resolver)
    out: list[Candidate] = []
    for k, (actor, target) in enumerate(found):
        cand = build(trig, sent, sc, actor, target, pronoun)
        if cand is None:
            continue
        if out:
            cand.event.quantities = list(out[0].event.quantities)
        if k:  # the first pair keeps the id a single-actor event always had
            tok = trig.token
            cand.event.id = fact_id("V", sc.article.id, tok.idx, tok.idx + len(tok.text), cand.event.category,
                                    _ref_key(actor), _ref_key(target))
        out.append(cand)
    return out


def _ref_key(ref: ActorRef | None) -> str:
    return "" if ref is None else f"{ref.id}|{ref.country}|{ref.name}"


def build(trig: Trigger, sent: Span, sc: SentenceContext, actor: ActorRef | None, target: ActorRef | None,
          pronoun: bool) -> Candidate | None:
    """One event for one trigger and one (actor, target) pair, or None when it is no event of its own."""
    article, mentions, others, claimed = sc.article, sc.mentions, sc.others, sc.claimed
    tok = trig.token
    coding = code_event(trig.entry, sent, actor, target)
    if coding is None:
        return None
    published = valid_published(article.published)
    date = event_date(trig, sent, mentions, published)
    status = event_status(tok, coding.category, date, published, sent)
    if status is None:
        return None
    tokens = scope(trig, others - {tok.i})
    places = event_places([t for t in tokens if t.pos_ == "ADP"], coding.category)
    obj = object_of(tok) if trig.entry.get("place_from_object") and places.place is None else None
    places.place = place_from_token(obj) if obj is not None else places.place
    if places.place is None and target is not None and target.id is None:  # "shelled Kharkiv": where it happened
        city = place_from_name(target.name, target.span)
        places.place = city if city is not None and city.kind in ("city", "region") else None
    if places.place is None:  # "killed in Israeli shelling in Gaza": the place of what it happened in
        places.place = cause_place(tok)
    start, end = tok.idx, tok.idx + len(tok.text)
    ev = Event(
        id=fact_id("V", article.id, start, end, coding.category),
        category=coding.category, mode=coding.mode, cameo=coding.cameo,
        actor=actor, target=target, place=places.place, origin=places.origin, date=date,
        quantities=_quantities(sent, sc.quantities, {t.i for t in tokens}, claimed), status=status,
        sentence=sent.text.strip(), span=[sent.start_char, sent.end_char], confidence=0.0,
        trigger=tok.text, destinations=places.destinations,
    )
    ev.confidence = _confidence(trig, ev, pronoun, coding.by_model)
    return Candidate(trig, ev, {t.i for t in tok.subtree})


def _same_kind(host: Candidate, cand: Candidate) -> bool:
    """Same category, or the candidate is the noun the host verb acts with ("imposed sanctions",
    "launched an attack"), which names the host's own action whatever the classifier made of it."""
    tok = cand.trigger.token
    return host.event.category == cand.event.category or (tok.dep_ == "dobj" and tok.head == host.trigger.token)


def _acted_with(host: Candidate, cand: Candidate) -> bool:
    """True when the candidate is the noun its host verb acts with, in the same category ("held two
    meetings", "declared a two-week ceasefire"): one event, whatever quantity the noun carries."""
    tok = cand.trigger.token
    return tok.dep_ == "dobj" and tok.head == host.trigger.token and host.event.category == cand.event.category


def _separate(host: Candidate, cand: Candidate) -> bool:
    """A coordinated verb ("flew to Kyiv and will travel to Moscow"), or a subordinate clause whose
    actor is not the host's, is an event of its own, not a detail of the host."""
    if cand.trigger.token in host.trigger.token.conjuncts:
        return True
    # "soldiers returned fire after militants attacked a post": a clause with an actor of its own
    tok, h, c = cand.trigger.token, host.event.actor, cand.event.actor
    own_subject = any(k.dep_ in ("nsubj", "nsubjpass") for k in tok.children)
    return tok.dep_ == "advcl" and own_subject and h is not None and c is not None and (h.id or h.name) != (c.id or c.name)


def _merge(host: Candidate, cand: Candidate) -> None:
    """Fill what the host event lacks from a candidate folded into it."""
    h, c = host.event, cand.event
    h.quantities = h.quantities or c.quantities  # "held two meetings with": the host's own count
    h.actor = h.actor or c.actor  # "12 were killed when warplanes struck": the attacker
    h.target = h.target or c.target
    h.place = h.place or c.place
    h.destinations = h.destinations or c.destinations
    h.origin = h.origin or c.origin
    h.date = h.date or c.date


def _subject_host(cand: Candidate, cands: list[Candidate]) -> Candidate | None:
    """The verb an event noun is the subject of, when it reports the same event ("a Saudi-led
    strike on a market killed 12": one attack)."""
    tok = cand.trigger.token
    if tok.pos_ != "NOUN" or tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    return next((k for k in cands if k.trigger.token == tok.head and k.event.category == cand.event.category), None)


def fold(cands: list[Candidate]) -> list[Candidate]:
    """Drop a candidate nested in another one of the same category that adds no quantity of its own,
    and an event noun that is the subject of its own event's verb."""
    kept: list[Candidate] = []
    for cand in cands:
        if (verb := _subject_host(cand, cands)) is not None:
            _merge(verb, cand)
            continue
        host = next((k for k in kept if _same_kind(k, cand) and cand.trigger.token.i in k.tokens
                     and k.trigger.token.i != cand.trigger.token.i), None)
        if host is None or (cand.event.quantities and not _acted_with(host, cand)) or _separate(host, cand):
            kept.append(cand)
            continue
        _merge(host, cand)
    return kept


def _bare_count(tok: Token) -> tuple[Token, float] | None:
    """The bare number a verb takes as its object ("wounding seven"), with its value."""
    for obj in (c for c in tok.children if c.dep_ == "dobj" and c.pos_ == "NUM" and c.like_num):
        if obj.text[:1].isdigit():
            try:
                return obj, float(obj.text.replace(",", ""))
            except ValueError:
                return None
        words = [(t.text, t.idx, t.idx + len(t.text)) for t in obj.subtree if t.pos_ == "NUM" or t.text == "-"]
        found = written_number(words, 0)
        return (obj, found[0]) if found is not None else None
    return None


def elided_counts(cands: list[Candidate]) -> None:
    """A verb coordinated with another of its category whose object is a bare number counts what
    the other one counted ("killing two people and wounding seven": seven people), so the count is
    not lost in the fold."""
    for cand in cands:
        tok = cand.trigger.token
        others = [q for q in cand.event.quantities if q.unit in OTHERS_UNITS]  # "wounding 12 others"
        if tok.pos_ != "VERB" or (cand.event.quantities and not others):
            continue
        bare = _bare_count(tok) if not others else None
        if bare is None and not others:
            continue
        twins = set(tok.conjuncts)
        donor = next((k for k in cands if k.trigger.token in twins and k.event.category == cand.event.category
                      and any(q.unit and q.unit not in OTHERS_UNITS for q in k.event.quantities)), None)
        if donor is None:
            continue
        unit = next(q.unit for q in donor.event.quantities if q.unit and q.unit not in OTHERS_UNITS)
        for q in others:
            q.unit = unit
        if bare is None:
            continue
        num, value = bare
        first = next(t for t in num.subtree if t.pos_ == "NUM")
        span = [first.idx, num.idx + len(num.text)]
        cand.event.quantities = [Quantity(value, unit, None, num.doc.text[span[0] : span[1]], None, None, span)]


def sentence_events(article: Article, sent: Span, triggers: list[Trigger], resolver: Resolver,
                    mentions: list[DateMention]) -> list[Event]:
    """The events of one sentence (``mentions``: its date mentions, ``time.find_date_mentions``)."""
    sc = SentenceContext(article, resolver, mentions, sent, {t.token.i for t in triggers}, set())
    cands = [c for t in triggers for c in build_all(t, sent, sc)]
    elided_counts(cands)
    return [c.event for c in fold(cands)]


def carry_dates(events: list[Event], prev: list[Event], had_mentions: bool) -> None:
    """An undated event whose actor was the actor of a dated event in the previous sentence takes that date."""
    if had_mentions:
        return
    for ev in events:
        if ev.date is not None or ev.actor is None:
            continue
        donor = next((p for p in prev if p.date and p.actor and p.actor.name == ev.actor.name), None)
        if donor is not None:
            ev.date = donor.date
            ev.confidence = round(ev.confidence - CARRIED_DATE_PENALTY, 2)
            if ev.provenance is not None:
                ev.provenance.confidence = ev.confidence


def provenance(article: Article, events: list[Event], stage: str, version: str) -> None:
    """Attach provenance to each event."""
    for ev in events:
        ev.provenance = Provenance(article.id, stage, version, ev.confidence)
