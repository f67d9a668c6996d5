"""The target side of a trigger: to whom (or to what) it was done.

The participants of the first of the entry's target slots that names any, else participants
deeper in the trigger's phrase, else a plain noun phrase (PLOVER targets may be things); never
the actor's own side. Also the obliged party of a reported obligation and the owner of the demand
a refusal answers, in an earlier sentence or in the refused act ("declined to answer a request
from the agency" -> the agency, slot ``xcomp.requester``) (rules tuned on PLV folds 0-2 only).
A holder joined to a participle ("a government-held district") is not the target: the held thing
is; a dateline or heading before a colon names no participant (GSR dev half, round 5).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..countries import country_name
from ..schema import ActorRef
from .coding import (
    WIDE_CUT,
    Trigger,
    in_class,
    object_of,
    prep_objects,
    subject_of,
    undergone_by,
    xcomp_objects,
)
from .lexicon import load, word_set
from .participants import Resolver, agent_code, is_participant, np_tokens, unique_refs
from .places import place_from_token

if TYPE_CHECKING:
    from spacy.tokens import Token

NAMED_TARGET_ENTS = frozenset({"PERSON", "ORG", "GPE"})  # not NORP: "two Russian diplomats" are the diplomats
_THING_ENTS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY")
STATE_ROLES = frozenset({"GOV", "MIL"})  # "Russia sent Russian troops": the state's own arms are its side
LOCATIVE = frozenset({"in", "at", "near", "outside", "inside"})  # prepositions of where an event happened
DEMAND_LOOKBACK = 3  # sentences searched back for the demand a refusal answers
WEAPON_CLASSES = ("weapons", "arms_given", "forces_sent", "projectiles")  # verbs.json classes of named weapons
WEAPON_HEADS = frozenset({"system", "battery", "launcher", "interceptor", "jet", "vehicle"})  # "a Patriot battery"


def place_ref(tok: Token) -> ActorRef | None:
    """The token as a gazetteer place in its country ("in Niger" -> Niger), or None."""
    place = place_from_token(tok)
    if place is None or not place.country:
        return None
    return ActorRef(None, country_name(place.country) or place.name, place.country, place.span)


def thing_ref(tok: Token) -> ActorRef | None:
    """A target that is no actor ("a military base", "the legislation"): the noun phrase itself."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in _THING_ENTS:
        return None
    place = place_from_token(tok) if tok.pos_ == "PROPN" else None
    if place is not None and place.country:  # "an attack on Kharkiv": the city, in its country
        return ActorRef(None, place.name, place.country, place.span)
    toks = np_tokens(tok)
    return ActorRef(None, tok.doc[toks[0].i : tok.i + 1].text, None, [toks[0].idx, tok.idx + len(tok.text)])


def _origin_code(tok: Token, resolver: Resolver, depth: int = 2) -> str | None:
    """The country of a phrase's "of"/"from" object ("the mayor of the city of Nablus" -> PS,
    "dissidents from Myanmar" -> MM, "ministers from the Georgian government" -> GE)."""
    for obj in prep_objects(tok, "of") + prep_objects(tok, "from"):
        poss = next((c for c in obj.children if c.dep_ == "poss"), None)  # "of Rwanda's Senate": Rwanda
        place = place_ref(obj) if obj.pos_ == "PROPN" else None
        ref = (resolver.resolve(poss) if poss is not None else None) or place or resolver.resolve(obj)
        code = ref.country if ref is not None and ref.country and len(ref.country) == 2 else None  # not a group ("West")
        if code is None and depth > 1:
            code = _origin_code(obj, resolver, depth - 1)
        if code:
            return code
    return None


def refine(refs: list[ActorRef], tok: Token, resolver: Resolver) -> list[ActorRef]:
    """Participants of the phrase headed by ``tok`` completed from the phrase: an agent noun with no
    country takes its "of"/"from" object's ("the mayor of Nablus"); a partitive phrase's span
    covers the whole phrase ("Hundreds of UN troops", not "Hundreds")."""
    if not refs:
        return refs
    if tok.lower_ in word_set("agents", "partitives") and prep_objects(tok, "of"):
        inner = prep_objects(tok, "of")[0]
        start = np_tokens(tok)[0].idx
        for ref in refs:
            if ref.span is not None and ref.span[0] == start:
                ref.span = [start, max(ref.span[1], inner.idx + len(inner.text))]
    for ref in refs:  # an actor record without a country too ("the mayor of Nablus" is a record of its own)
        if ref.country is None and agent_code(ref.name):
            ref.country = _origin_code(tok, resolver)
    return refs


def _placed(ref: ActorRef, tok: Token) -> ActorRef:
    """A name with no country that is a place in the gazetteer ("an attack on Kharkiv", tagged a
    person) as that place, in its country; else the name itself."""
    place = thing_ref(tok)
    return place if place is not None and place.country else ref


def _one_per_record(refs: list[ActorRef]) -> list[ActorRef]:
    """One reference per actor record, the first, with a country another reference to it found
    ("sanctions on Russia and the Crimea": the Crimea read with Russia and on its own)."""
    first: dict[str, ActorRef] = {}
    out: list[ActorRef] = []
    for ref in refs:
        if ref.id is None or ref.id not in first:
            out.append(ref)
            if ref.id is not None:
                first[ref.id] = ref
        elif first[ref.id].country is None:
            first[ref.id].country = ref.country
    return out


def _place_country(ref: ActorRef, tok: Token) -> None:
    """A named target with no country that is a town or region of the gazetteer ("drones at Odesa",
    an actor record the tagger made an organisation) takes that place's country."""
    if ref.country is None and tok.pos_ == "PROPN":
        place = place_from_token(tok)
        if place is not None and place.kind in ATTACKED_PLACE_KINDS and place.country:
            ref.country = place.country


def _nominal_top(tok: Token) -> Token:
    top = tok
    while top.dep_ in ("pobj", "prep") and top.head.pos_ in ("NOUN", "ADP"):
        top = top.head
    return top


def _slot(trig: Trigger, slot: str) -> list[Token | ActorRef]:
    tok = trig.token
    obj = object_of(tok)
    kind, _, arg = slot.partition(":")
    if slot == "nsubjpass":  # "inspectors were expelled": the passive subject
        return [c for c in tok.children if c.dep_ == "nsubjpass" and not _headline(c, tok)]
    if slot in ("dobj", "dative"):  # a dative "to" is a preposition: its object is the participant
        found = [c for c in tok.children if c.dep_ == slot]
        return [o for c in found for o in (prep_objects(tok, c.lower_) if c.pos_ == "ADP" else [c])]
    if kind == "prep":
        return list(prep_objects(tok, arg))
    if kind == "obj.prep":
        return list(prep_objects(obj, arg))
    if kind in ("obj.poss", "obj.compound", "obj.amod"):
        return [c for c in obj.children if c.dep_ == kind[4:]] if obj is not None else []
    if slot == "dobj_place":
        return [r for c in tok.children if c.dep_ == "dobj" and (r := place_ref(c))]
    if slot == "ccomp_subj":  # "alleged that France was aware" -> France
        return [s for c in tok.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    if slot == "to_place":
        return [r for o in prep_objects(tok, "to") if (r := place_ref(o))]
    if kind == "place":  # "place:in": a gazetteer place in the phrase ("a ceasefire in Idlib"), not "in a bid"
        return [o for o in prep_objects(tok, arg) if o.ent_type_ in ("GPE", "LOC") or place_ref(o)]
    if slot == "xcomp.requester":  # "refused to respond to a request from Haaretz" -> Haaretz
        return [o for n in xcomp_objects(tok) if in_class(n, "@demand")
                for o in prep_objects(n, "from") + prep_objects(n, "by") + [c for c in n.children if c.dep_ == "poss"]]
    if kind == "scope":
        top = _nominal_top(tok)
        return [o for p in top.subtree if p.dep_ == "prep" and p.lower_ == arg for o in prep_objects(p.head, arg)]
    return []


ATTACKED_PLACE_KINDS = frozenset({"city", "region"})  # "Ukrainian forces shelled Donetsk": a place, not a side


def _same_side(ref: ActorRef, actor: ActorRef | None, attacked_place: bool = False) -> bool:
    """The actor itself, or the actor's own country's state or forces; not a domestic party with
    another role ("the court freed a Kyrgyz journalist", "police detained Georgian protesters"),
    nor a town or region an attack hit in the actor's own country (``attacked_place``:
    "Ukrainian forces shelled Donetsk")."""
    if actor is None:
        return False
    if ref.id and ref.id == actor.id:
        return True
    if ref.span and actor.span and ref.span[0] < actor.span[1] and actor.span[0] < ref.span[1]:
        return True  # the same words ("expelled from North Korea": the state and the place it expelled from)
    role, own = agent_code(ref.name), agent_code(actor.name)
    if role is not None and role != own and (own is not None or role not in STATE_ROLES):
        return False
    return bool(ref.country and ref.country == actor.country and not ref.id) and not attacked_place


def _attacked_place(trig: Trigger, tok: Token) -> bool:
    """True when an attack's target phrase is a town or region of the gazetteer ("shelled Donetsk",
    "struck the town of Avdiivka"): where the blow fell, kept even in the attacker's own country."""
    if trig.entry.get("category") != "ASSAULT" or tok.pos_ not in ("PROPN", "NOUN"):
        return False
    place = place_from_token(tok)
    return place is not None and place.kind in ATTACKED_PLACE_KINDS


def target_refs(trig: Trigger, resolver: Resolver, actor: ActorRef | None, deep: bool = True) -> list[ActorRef]:
    """The targets: the trigger's subject for speaker frames, else the participants of the first of
    the entry's (or category's) slots that names any (coordinated ones split: "expelled envoys of
    Qatar and Turkey" -> both); else (``deep``) participants deeper in the trigger's phrase; else
    the first plain noun phrase of the slots (PLOVER targets may be things: "stormed a police
    compound"), which has no country and codes as ``---``. Named entities with no country count
    as participants here ("pardoned Peter Biar Ajak"). Obligation frames: the obliged subject."""
    if trig.entry.get("actor_frame") == "obligation":
        return _obliged(trig, resolver, actor)
    if trig.entry.get("actor_frame") == "speaker":
        subj = subject_of(trig.token, False)
        return resolver.resolve_all(subj) if subj is not None else []
    if (verb := undergone_by(trig.token)) is not None:
        subj = subject_of(verb, False)
        return [r for r in resolver.resolve_all(subj) if is_participant(r)] if subj is not None else []
    defaults = load("verbs")["target_defaults"]
    slots = trig.entry.get("target", defaults.get(trig.entry["category"], defaults["_"]))
    fallback: ActorRef | None = None
    fallback_hit = False
    for slot in slots:
        found_refs: list[ActorRef] = []
        for found in _slot(trig, slot):
            if not isinstance(found, ActorRef) and found.pos_ == "PRON" and found.lower_ in word_set("verbs", "object_pronouns"):
                found_refs += [r for r in _object_pronoun(found, resolver, actor) if not _same_side(r, actor)]
                continue
            refs = [found] if isinstance(found, ActorRef) else refine(resolver.resolve_all(found), found, resolver)
            named = not isinstance(found, ActorRef) and found.ent_type_ in NAMED_TARGET_ENTS
            parts = [_placed(r, found) if named and not is_participant(r) else r for r in refs if named or is_participant(r)]
            for ref in parts if named else []:
                _place_country(ref, found)
            hit = not isinstance(found, ActorRef) and _attacked_place(trig, found)
            if not parts and fallback is None and not isinstance(found, ActorRef):
                fallback, fallback_hit = thing_ref(found), hit
            found_refs += [r for r in parts if not _same_side(r, actor, hit)]
        if found_refs:
            return unique_refs(_one_per_record(found_refs))
    deeper = _deeper_participants(trig, resolver, actor) if deep else []
    if deeper:
        return deeper
    return [fallback] if fallback is not None and not _same_side(fallback, actor, fallback_hit) else []


def _object_pronoun(pron: Token, resolver: Resolver, actor: ActorRef | None) -> list[ActorRef]:
    """The antecedent of an object pronoun ("Kiir pardoned him" -> the man named before), never the actor's own phrase."""
    skip = set(range(actor.span[0], actor.span[1])) if actor is not None and actor.span else set()
    return resolver.resolve_pronoun_all(pron, None, skip)


def _obliged(trig: Trigger, resolver: Resolver, actor: ActorRef | None) -> list[ActorRef]:
    """Who a reported obligation binds ("said Iran must free the crew" -> Iran), not the speaker's own side."""
    subj = subject_of(trig.token.head, False)
    if subj is None:
        return []
    named = subj.ent_type_ in NAMED_TARGET_ENTS
    return [r for r in resolver.resolve_all(subj) if (named or is_participant(r)) and not _same_side(r, actor)]


def _deeper_participants(trig: Trigger, resolver: Resolver, actor: ActorRef | None) -> list[ActorRef]:
    """Participants deeper in the trigger's phrase when its slots name none, nearest (in the parse)
    first: "agreed to open its borders to Somali refugees", "provided $340 million for assistance
    in northern Iraq", "suspended publication of Algeria's largest newspaper"; below the first level
    a clause's subject counts ("convicted the bank to pay", "demanded that the minister appear")."""
    taken = actor.span if actor is not None and actor.span else [-1, -1]
    level = [c for c in trig.token.children if c.dep_ not in WIDE_CUT and not _venue(c, trig)]
    while level:
        found: list[ActorRef] = []
        held: list[ActorRef] = []
        for tok in sorted(level, key=lambda t: t.i):
            if tok.pos_ not in ("NOUN", "PROPN") or taken[0] <= tok.idx < taken[1] or _headline(tok, trig.token):
                continue
            if _holder(tok):  # "a government-held district": the district, in its country, not the government
                thing = thing_ref(tok.head.head) if tok.head.head != trig.token else None
                if thing is not None and not _same_side(thing, actor):
                    thing.country = thing.country or _origin_code(tok.head.head, resolver)
                    held.append(thing)
                continue
            named = tok.ent_type_ in NAMED_TARGET_ENTS
            found += [_placed(r, tok) if named and not is_participant(r) else r for r in refine(resolver.resolve_all(tok), tok, resolver)
                      if (named or is_participant(r)) and not _same_side(r, actor) and not _system_name(tok, r)]
        if found or held:
            return unique_refs(found or held)
        level = [c for t in level for c in t.children if (c.dep_ not in WIDE_CUT or c.dep_ == "nsubj") and not _venue(c, trig)]
    return []


def _system_name(tok: Token, ref: ActorRef) -> bool:
    """A name that modifies a weapon ("two Patriot air defence systems", "Leopard tanks", "a Patriot
    battery"): the weapon's own name, part of the object, not a party; a name with an actor record
    or a country ("a Hamas rocket", "Russian missiles") still is one."""
    head = tok.head
    weapon = head.lemma_.lower() in WEAPON_HEADS or any(in_class(head, f"@{c}") for c in WEAPON_CLASSES)
    return (tok.dep_ == "compound" and tok.pos_ == "PROPN" and weapon and ref.id is None
            and ref.country is None and agent_code(ref.name) is None)


def _headline(tok: Token, trigger: Token) -> bool:
    """A phrase before a colon that comes before the trigger: a dateline or heading the parser
    made an argument ("CITY, Region: four people were killed"), not a participant."""
    return tok.i < trigger.i and any(t.text == ":" for t in tok.doc[tok.i : trigger.i]) and tok.sent == trigger.sent


def _holder(tok: Token) -> bool:
    """A noun joined by a hyphen to the participle it modifies ("a government-held district",
    "an Iran-backed militia"): who holds or backs the thing, not the party the act is done to."""
    return tok.head.tag_ == "VBN" and tok.head.i == tok.i + 2 and tok.doc[tok.i + 1].text == "-"


def _venue(tok: Token, trig: Trigger) -> bool:
    """A place phrase ("in Ankara") of a category whose place is where it happened, not to whom
    (``venue_categories``: "staged a protest in Ankara")."""
    if (trig.entry.get("category") or "").lower() not in word_set("verbs", "venue_categories") or tok.dep_ != "prep":
        return False
    objects = [o for c in tok.children if c.dep_ == "pobj" for o in (c, *c.conjuncts)]  # this phrase's own, not a twin's
    return tok.lower_ in LOCATIVE and any(o.ent_type_ in ("GPE", "LOC", "FAC") for o in objects)


def demand_owner(trig: Trigger, resolver: Resolver) -> ActorRef | None:
    """Whose demand a refusal with no target of its own answers: the owner of the nearest
    demand noun in this or the previous sentences ("Russian security demands" -> RU)."""

    sent = trig.token.sent
    doc = sent.doc
    first = sent.start
    for _ in range(DEMAND_LOOKBACK):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    for tok in reversed(doc[first : trig.token.i]):
        if tok.pos_ != "NOUN" or not in_class(tok, "@demand"):
            continue
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        ref = resolver.resolve(poss) if poss is not None else None
        code = ref.country if ref is not None else resolver._modifier_code(np_tokens(tok)[:-1])
        if code:
            return ref or ActorRef(None, country_name(code) or code, code, [tok.idx, tok.idx + len(tok.text)])
    return None
