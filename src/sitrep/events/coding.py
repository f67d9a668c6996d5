"""Triggers and participants: which words of a sentence report an event, coded how, by whom, to whom.

A trigger is a token whose lemma has an entry in ``verbs.json`` whose ``needs`` hold in the
parse (``send`` needs a troop-like object to be MOBILIZE; ``speak`` needs "with" to be
CONSULT). Needs grammar, all must hold:

- ``obj:@class`` / ``obj:lemma`` / ``obj:*``: the trigger's object (direct object, passive
  subject, "of" object of a noun, or the noun a participle modifies) is in the class;
- ``prep:X``: the trigger has a preposition X; ``pobj:X=@class``: ...whose object is in the class;
- ``xcomp:LEMMA`` (``xcomp:*``: any), ``prt:X``, ``head:LEMMA``, ``of:@class``; target slot ``ccomp_subj``: the subject of the
  trigger's clausal complement.

Also reported obligations ("X said Y must ...": X demands of Y). Sides the slots miss are searched
deeper in the actor's and the trigger's phrases (rules tuned on PLV folds 0-2 only).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..countries import country_code, country_name, demonym_code
from ..schema import ActorRef
from .lexicon import load, word_set
from .participants import Resolver, agent_code, is_participant, np_tokens, unique_refs
from .places import place_from_token
from .status import governors

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

OWN_FORCE_CATEGORIES = frozenset({"MOBILIZE", "RETREAT"})  # "troops placed on alert": the troops' owner acts
REPORT_HOPS = 6  # how far up the parse a reporting verb ("said") is looked for
NAMED_ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})  # names that act even with no country known
NAMED_TARGET_ENTS = frozenset({"PERSON", "ORG", "GPE"})  # not NORP: "two Russian diplomats" are the diplomats
# dependencies a search for participants inside a phrase does not follow (the actor's own side, clause glue)
WIDE_CUT = frozenset({"nsubj", "csubj", "advcl", "parataxis", "punct", "cc", "aux", "auxpass", "mark", "det"})
INNER_ACTOR_DEPTH = 3  # "a car bombing by the Islamic State group": how deep an actor phrase is searched


@dataclass
class Trigger:
    """A token that reports an event, with the dictionary entry it matched."""

    token: Token
    entry: dict[str, Any]


@lru_cache(maxsize=1)
def _index() -> dict[tuple[str, str], list[dict[str, Any]]]:
    index: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for entry in load("verbs")["entries"]:
        index.setdefault((entry["lemma"], entry["pos"]), []).append(entry)
    return index


@lru_cache(maxsize=1)
def trigger_lemmas() -> frozenset[str]:
    """Every lemma that can start a trigger: the cheap pre-filter for sentences."""
    return frozenset(lemma for lemma, _ in _index())


def _in_class(tok: Token | None, spec: str) -> bool:
    if tok is None:
        return False
    if spec == "*":
        return True
    words = {tok.lemma_.lower(), tok.lower_}
    if spec.startswith("@"):
        return bool(words & set(load("verbs")["classes"][spec[1:]]))
    return spec in words


def object_of(tok: Token) -> Token | None:
    """The trigger's object: dobj, passive subject, a noun's "of" object, or the noun a participle modifies."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if objs:  # the nearest: a dateline ("BUCHAREST — Some 2,500 soldiers were moved") can parse as a second subject
        return min(objs, key=lambda c: abs(c.i - tok.i))
    if tok.pos_ == "NOUN":
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head
    return None


def prep_objects(tok: Token | None, word: str) -> list[Token]:
    """Objects of the preposition ``word`` under ``tok`` (conjoined objects included)."""
    if tok is None:
        return []
    out: list[Token] = []
    for child in tok.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ == word:  # "send arms to Kyiv": "to" may parse as dative
            for obj in child.children:
                if obj.dep_ == "pobj":
                    out += [obj, *obj.conjuncts]
    return out


def _need_holds(tok: Token, need: str) -> bool:
    kind, _, arg = need.partition(":")
    if kind == "obj":
        return _in_class(object_of(tok), arg)
    if kind == "subj":  # "Russian troops massed near the border": the troops are the subject
        return any(c.dep_ == "nsubj" and _in_class(c, arg) for c in tok.children)
    if kind == "of":
        return any(_in_class(o, arg) for o in prep_objects(tok, "of"))
    if kind == "prep":
        return bool(prep_objects(tok, arg))
    if kind == "pobj":
        word, _, spec = arg.partition("=")
        return any(_in_class(o, spec) for o in prep_objects(tok, word))
    if kind in ("xcomp", "prt"):
        return any(c.dep_ == kind and arg in ("*", c.lemma_.lower(), c.lower_) for c in tok.children)
    if kind == "head":
        return tok.head.lemma_.lower() == arg
    return False


def match(tok: Token) -> dict[str, Any] | None:
    """The first dictionary entry for a token whose needs hold, or None."""
    pos = "NOUN" if tok.pos_ in ("NOUN", "PROPN") else "VERB"
    for entry in _index().get((tok.lemma_.lower(), pos), []):
        if all(_need_holds(tok, n) for n in entry["needs"]):
            return entry
    return None


def _generic_entry(tok: Token) -> dict[str, Any] | None:
    """A dictionary-less trigger for a verb with a subject and an object or prepositional phrase,
    to be coded by the pair classifier (``recode``); None for verbs that report no action."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() in word_set("verbs", "generic_stop") or tok.lemma_.lower() in word_set("verbs", "reporting_verbs"):
        return None
    deps = {c.dep_ for c in tok.children}
    if not deps & {"nsubj", "nsubjpass", "agent"} or not deps & {"dobj", "prep", "dative"}:
        return None
    defaults = load("verbs")["target_defaults"]
    return {"lemma": tok.lemma_.lower(), "pos": "VERB", "needs": [], "category": None, "cameo": None, "mode": None,
            "generic": True, "target": defaults["_generic"]}


def find_triggers(sent: Span, generic: bool = False) -> list[Trigger]:
    """The triggers in a sentence; a frame verb ("threatened to", "refused to") yields to its xcomp's trigger.

    With ``generic`` every other verb with a subject and an object becomes a candidate too.
    """
    found = [Trigger(t, e) for t in sent if t.lemma_.lower() in trigger_lemmas() and (e := match(t)) is not None]
    tokens = {t.token.i for t in found}
    if generic:
        found += [Trigger(t, e) for t in sent if t.i not in tokens and (e := _generic_entry(t)) is not None]
        found.sort(key=lambda t: t.token.i)
        tokens = {t.token.i for t in found}
    found += obligations(sent)
    frames = word_set("status", "frame_verbs_suppressed_by_xcomp")
    return [
        t for t in found
        if not (t.token.lemma_.lower() in frames and any(c.dep_ == "xcomp" and c.i in tokens for c in t.token.children))
    ]


def obligations(sent: Span) -> list[Trigger]:
    """Reported obligations ("Qatar's envoy said Iran must free the crew": a demand of Iran by the
    envoy): the modal of a clause that complements a reporting verb."""
    frame = load("verbs")["obligation_frame"]
    reporting = word_set("verbs", "reporting_verbs")
    return [Trigger(t, frame["entry"]) for t in sent if t.dep_ == "aux" and t.lower_ in frame["modals"]
            and t.head.dep_ == "ccomp" and t.head.head.lemma_.lower() in reporting]


def reporter_of(tok: Token) -> Token | None:
    """The reporting verb ("said", "told") whose complement holds the token, if any."""
    cur = tok
    reporting = word_set("verbs", "reporting_verbs")
    for _ in range(REPORT_HOPS):
        if cur.head is cur:
            return None
        crossed = cur.dep_ in ("ccomp", "parataxis", "prep", "pobj", "conj")
        cur = cur.head
        if crossed and cur.lemma_.lower() in reporting:
            return cur
    return None


def _subject(tok: Token, passive_ok: bool) -> Token | None:
    deps = ("nsubj", "nsubjpass") if passive_ok else ("nsubj",)
    subjects = [c for c in tok.children if c.dep_ in deps]  # a dateline ("KABUL -- The president held")
    subj = min(subjects, key=lambda c: abs(c.i - tok.i)) if subjects else None  # parses as a second subject
    if subj is None:  # passive: "were sent by Russia"
        agent = [o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        subj = agent[0] if agent else None
    return subj


def _passive_owner(tok: Token) -> Token | None:
    """Who moves troops in an agentless passive ("2,500 American soldiers will be transferred",
    "U.S. officials said"): the troops themselves when a demonym, country or possessor marks
    whose they are, else the subject of the reporting verb ("U.S. officials")."""
    moved = object_of(tok)
    if moved is None or moved.dep_ != "nsubjpass" or any(c.dep_ == "agent" for c in tok.children):
        return None
    if _marked_country(moved):
        return moved
    rep = reporter_of(tok)
    source = _subject(rep, False) if rep is not None else None
    return source if source is not None and _marked_country(source) else None


def _marked_country(tok: Token) -> bool:
    """True when a demonym, country name or possessive country modifies the noun ("American soldiers",
    "U.S. officials", "Britain's troops") or the noun is a country itself."""
    mods = [c for c in tok.subtree if c.i < tok.i and c.dep_ in ("amod", "compound", "poss", "nmod")]
    return any(demonym_code(c.text) or country_code(c.text) for c in mods + [tok])


def undergone_by(tok: Token) -> Token | None:
    """The verb of an undergo frame ("Russia would face sanctions", "risks an attack"): the trigger
    noun is its object and its subject is the target, not the actor."""
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in word_set("verbs", "undergo_verbs"):
        return tok.head
    return None


def _warner(verb: Token) -> Token | None:
    """Who warned of or reported an undergo frame ("Scholz warned that Russia would face ..." -> Scholz)."""
    speaking = word_set("verbs", "reporting_verbs") | word_set("verbs", "warning_verbs")
    cur = verb
    for _ in range(REPORT_HOPS):
        if cur.head is cur or cur.dep_ not in ("ccomp", "advcl", "xcomp", "conj"):
            return None
        cur = cur.head
        if cur.lemma_.lower() in speaking:
            return _subject(cur, True)
    return None


def actor_token(trig: Trigger) -> Token | None:
    """The token naming the actor: subject, agent, possessor, modified noun, or a governor's subject."""
    tok = trig.token
    if trig.entry.get("actor_frame") in ("speaker", "obligation"):
        rep = reporter_of(tok)
        return _subject(rep, True) if rep is not None else None
    if (verb := undergone_by(tok)) is not None:
        return _warner(verb)
    if tok.pos_ in ("NOUN", "PROPN"):
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is not None or prep_objects(tok, "by"):
            return poss or prep_objects(tok, "by")[0]
    else:
        subj = _subject(tok, False)
        if subj is not None:
            return subj
        own_forces = trig.entry.get("category") in OWN_FORCE_CATEGORIES
        if own_forces and (owner := _passive_owner(tok)) is not None:
            return owner
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)  # "plans to attack"
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and (tok.tag_ not in ("VBN", "VBD") or own_forces) and not infinitive:  # VBD: a mis-tagged participle
            return tok.head  # "troops massing", "U.S. troops placed on alert"; not "officials accused of"
    chain = governors(tok)
    for k, gov in enumerate(chain[1:], start=1):
        if gov.pos_ in ("VERB", "AUX"):
            # a passive subject is the governor's patient once the path runs through a preposition:
            # "soldiers were killed in shelling" -> the soldiers did not shell
            through_prep = any(t.dep_ in ("pobj", "pcomp") for t in chain[:k])
            subj = _subject(gov, not through_prep)
            if subj is not None:
                return subj
    return None


def actor_refs(trig: Trigger, resolver: Resolver) -> tuple[list[ActorRef], bool]:
    """Every actor of a trigger ("Peru and Chile signed" -> both) and whether they came from a pronoun."""
    tok = actor_token(trig)
    if tok is None:
        return _custodian(trig), False
    if tok.pos_ == "PRON":
        return resolver.resolve_pronoun_all(tok, reporter_of(trig.token)), True
    named = tok.ent_type_ in NAMED_ACTOR_ENTS  # "The Islamic State attacked": a name with no country still acts
    refs = [r for r in resolver.resolve_all(tok) if named or is_participant(r)] or _inner_actors(tok, resolver)
    if not refs and tok.pos_ == "PROPN" and (name := _thing_ref(tok)) is not None:
        refs = [name]  # a name the entity tagger missed ("Haaretz conducted an inquiry", "ICE returned")
    if tok.dep_ == "nsubjpass" and _in_class(tok, "@troops"):
        for ref in refs:  # "2,500 American soldiers were moved": the acting side is their country
            if ref.id is None and ref.country:
                ref.name = country_name(ref.country) or ref.name
    return refs, False


def _custodian(trig: Trigger) -> list[ActorRef]:
    """The state where an agentless passive arrest happened ("a reporter was detained in Niger" ->
    Niger), which holds the custody; nothing for other categories or without such a place."""
    tok = trig.token
    if trig.entry.get("category") != "COERCE" or not any(c.dep_ == "nsubjpass" for c in tok.children):
        return []
    return [r for o in prep_objects(tok, "in") if (r := _place_ref(o)) is not None][:1]


def _inner_actors(tok: Token, resolver: Resolver) -> list[ActorRef]:
    """The participants inside an actor phrase that names none itself ("The missiles fired by the
    Israeli military", "a car bombing by the Islamic State group"), nearest first."""
    level = [c for c in tok.children if c.dep_ not in WIDE_CUT]
    for _ in range(INNER_ACTOR_DEPTH):
        found = [r for t in sorted(level, key=lambda t: t.i) if t.pos_ in ("NOUN", "PROPN")
                 for r in resolver.resolve_all(t) if is_participant(r) or t.ent_type_ in NAMED_ACTOR_ENTS]
        if found:
            return unique_refs(found)
        level = [c for t in level for c in t.children if c.dep_ not in WIDE_CUT]
    return []


def _place_ref(tok: Token) -> ActorRef | None:
    place = place_from_token(tok)
    if place is None or not place.country:
        return None
    return ActorRef(None, country_name(place.country) or place.name, place.country, place.span)


def _nominal_top(tok: Token) -> Token:
    top = tok
    while top.dep_ in ("pobj", "prep") and top.head.pos_ in ("NOUN", "ADP"):
        top = top.head
    return top


def _slot(trig: Trigger, slot: str) -> list[Token | ActorRef]:
    tok = trig.token
    obj = object_of(tok)
    kind, _, arg = slot.partition(":")
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
        return [r for c in tok.children if c.dep_ == "dobj" and (r := _place_ref(c))]
    if slot == "ccomp_subj":  # "alleged that France was aware" -> France
        return [s for c in tok.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    if slot == "to_place":
        return [r for o in prep_objects(tok, "to") if (r := _place_ref(o))]
    if kind == "scope":
        top = _nominal_top(tok)
        return [o for p in top.subtree if p.dep_ == "prep" and p.lower_ == arg for o in prep_objects(p.head, arg)]
    return []


_THING_ENTS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY")


def _thing_ref(tok: Token) -> ActorRef | None:
    """A target that is no actor ("a military base", "the legislation"): the noun phrase itself."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in _THING_ENTS:
        return None
    place = place_from_token(tok) if tok.pos_ == "PROPN" else None
    if place is not None and place.country:  # "an attack on Kharkiv": the city, in its country
        return ActorRef(None, place.name, place.country, place.span)
    toks = np_tokens(tok)
    return ActorRef(None, tok.doc[toks[0].i : tok.i + 1].text, None, [toks[0].idx, tok.idx + len(tok.text)])


def _placed(ref: ActorRef, tok: Token) -> ActorRef:
    """A name with no country that is a place in the gazetteer ("an attack on Kharkiv", tagged a
    person) as that place, in its country; else the name itself."""
    place = _thing_ref(tok)
    return place if place is not None and place.country else ref


STATE_ROLES = frozenset({"GOV", "MIL"})  # "Russia sent Russian troops": the state's own arms are its side


def _same_side(ref: ActorRef, actor: ActorRef | None) -> bool:
    """The actor itself, or the actor's own country's state or forces; not a domestic party with
    another role ("the court freed a Kyrgyz journalist", "police detained Georgian protesters")."""
    if actor is None:
        return False
    if ref.id and ref.id == actor.id:
        return True
    role, own = agent_code(ref.name), agent_code(actor.name)
    if role is not None and role != own and (own is not None or role not in STATE_ROLES):
        return False
    return bool(ref.country and ref.country == actor.country and not ref.id)


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
        subj = _subject(trig.token, False)
        return resolver.resolve_all(subj) if subj is not None else []
    if (verb := undergone_by(trig.token)) is not None:
        subj = _subject(verb, False)
        return [r for r in resolver.resolve_all(subj) if is_participant(r)] if subj is not None else []
    defaults = load("verbs")["target_defaults"]
    slots = trig.entry.get("target", defaults.get(trig.entry["category"], defaults["_"]))
    fallback: ActorRef | None = None
    for slot in slots:
        found_refs: list[ActorRef] = []
        for found in _slot(trig, slot):
            refs = [found] if isinstance(found, ActorRef) else resolver.resolve_all(found)
            named = not isinstance(found, ActorRef) and found.ent_type_ in NAMED_TARGET_ENTS
            parts = [_placed(r, found) if named and not is_participant(r) else r for r in refs if named or is_participant(r)]
            if not parts:
                fallback = fallback or (_thing_ref(found) if not isinstance(found, ActorRef) else None)
            found_refs += [r for r in parts if not _same_side(r, actor)]
        if found_refs:
            return unique_refs(found_refs)
    deeper = _deeper_participants(trig, resolver, actor) if deep else []
    if deeper:
        return deeper
    return [fallback] if fallback is not None else []


def _obliged(trig: Trigger, resolver: Resolver, actor: ActorRef | None) -> list[ActorRef]:
    """Who a reported obligation binds ("said Iran must free the crew" -> Iran), not the speaker's own side."""
    subj = _subject(trig.token.head, False)
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
    level = [c for c in trig.token.children if c.dep_ not in WIDE_CUT]
    while level:
        found: list[ActorRef] = []
        for tok in sorted(level, key=lambda t: t.i):
            if tok.pos_ not in ("NOUN", "PROPN") or taken[0] <= tok.idx < taken[1]:
                continue
            named = tok.ent_type_ in NAMED_TARGET_ENTS
            found += [_placed(r, tok) if named and not is_participant(r) else r for r in resolver.resolve_all(tok)
                      if (named or is_participant(r)) and not _same_side(r, actor)]
        if found:
            return unique_refs(found)
        level = [c for t in level for c in t.children if c.dep_ not in WIDE_CUT or c.dep_ == "nsubj"]
    return []


def scope(trig: Trigger, others: set[int]) -> list[Token]:
    """The tokens an event's places and quantities are read from: the trigger's own clause."""
    tok = trig.token
    cut = ("ccomp", "advcl", "relcl", "acl", "parataxis", "nsubj", "csubj")
    out: list[Token] = []
    stack = [tok]
    while stack:
        cur = stack.pop()
        out.append(cur)
        stack += [c for c in cur.children if c.dep_ not in cut and c.i not in others]
    if tok.dep_ == "acl":
        out += [t for t in tok.head.lefts] + [tok.head]
    if any(need.startswith("subj:") for need in trig.entry.get("needs", [])):  # "30,000 soldiers gathered"
        out += [t for c in tok.children if c.dep_ == "nsubj" for t in c.subtree if t.i not in others]
    if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass"):
        for prep in tok.head.children:  # "staged a protest in Beijing": the light verb's place phrases
            if prep.dep_ == "prep" and prep.i not in others:
                out += [t for t in prep.subtree if t.i not in others]
    return sorted(set(out), key=lambda t: t.i)



DEMAND_LOOKBACK = 3  # sentences searched back for the demand a refusal answers


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
        if tok.pos_ != "NOUN" or not _in_class(tok, "@demand"):
            continue
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        ref = resolver.resolve(poss) if poss is not None else None
        code = ref.country if ref is not None else resolver._modifier_code(np_tokens(tok)[:-1])
        if code:
            return ref or ActorRef(None, country_name(code) or code, code, [tok.idx, tok.idx + len(tok.text)])
    return None
