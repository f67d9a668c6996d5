"""Triggers and needs: which words of a sentence report an event, and the clause each one governs.

A trigger is a token whose lemma has an entry in ``verbs.json`` whose ``needs`` hold in the
parse (``send`` needs a troop-like object to be MOBILIZE; ``speak`` needs "with" to be
CONSULT). Needs grammar, all must hold:

- ``obj:@class`` / ``obj:lemma`` / ``obj:*``: the trigger's object (direct object, passive
  subject, "of" object of a noun, or the noun a participle modifies) is in the class;
  ``obj:!@class``: the trigger has an object and it is not in the class ("struck a tone");
- ``prep:X``: the trigger has a preposition X; ``pobj:X=@class``: ...whose object is in the class;
  ``pobj:*=!@class``: no preposition on the trigger or its object has an object in the class ("into orbit");
- ``xcomp:LEMMA`` / ``ccomp:LEMMA`` (``*``: any), ``xcomp.obj:@class``
  (the xcomp verb's object or "to" object is in the class), ``prt:X``, ``head:LEMMA`` (or ``head:@class``),
  ``of:@class``, ``dep:X`` / ``dep:!X`` (the trigger's own dependency is / is not X), ``mod:WORD``
  or ``mod:@class`` (an adjective or compound modifier: "joint exercises"), ``obj.mod:@class`` (one of
  the object's: "launched a scathing attack"), ``obj.pobj:X=@class`` (the object's preposition X has
  an object in the class: "an attack on the budget"), ``frame:light`` (a noun that reports the
  action: ``reported_noun``); ``prep:X|Y`` (any of the prepositions, on the trigger or on its
  object: "launched 40 drones at Kyiv"); ``state:to`` (a "to"/"for" object or dative of the trigger
  or its object names a country: "send tanks to Ukraine"); target slot ``ccomp_subj``: the subject of the
  trigger's clausal complement. A money object is read through its aid phrase ("1.3 billion euros
  in military aid": the aid); an AID entry whose aid is military ("military aid") is coded military (072).

Also reported obligations ("X said Y must ...": X demands of Y). Here too the parse frames both
sides read (object, subject, reporting verb, undergo frame) and ``scope``, the trigger's own clause.
Who acts is found in ``actors_of``, to whom in ``targets``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from ..countries import country_code, demonym_code
from .lexicon import load, word_set
from .participants import agent_code
from .status import asks_someone

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

REPORT_HOPS = 6  # how far up the parse a reporting verb ("said") is looked for
MONEY_PREPS = ("in", "of", "as")  # "$40bn in aid", "$2m of assistance", "1bn euros as aid"
MILITARY_WORDS = frozenset({"military", "defense", "defence", "security", "lethal", "weapons", "arms"})  # "military aid"
# dependencies a search for participants inside a phrase does not follow (the actor's own side, clause glue)
LED_WORDS = frozenset({"lead", "led", "back", "backed"})  # "a Saudi-led strike", "a US-backed offensive"
WIDE_CUT = frozenset({"nsubj", "csubj", "advcl", "parataxis", "punct", "cc", "aux", "auxpass", "mark", "det"})


@dataclass
class Trigger:
    """A token that reports an event, with the dictionary entry it matched."""

    token: Token
    entry: dict[str, Any]


@lru_cache(maxsize=1)
def _index() -> dict[tuple[str, str], list[dict[str, Any]]]:
    index: dict[tuple[str, str], list[dict[str, Any]]] = {}
    data = load("verbs")
    for entry in data["object_entries"] + data["entries"]:  # a narrow object's entry first ("send tanks to Ukraine")
        index.setdefault((entry["lemma"], entry["pos"]), []).append(entry)
    return index


@lru_cache(maxsize=1)
def trigger_lemmas() -> frozenset[str]:
    """Every lemma that can start a trigger: the cheap pre-filter for sentences (the obligation
    modals included: "X said Y must ..." is a trigger with no dictionary entry; so are the
    lemmatiser's slips in ``lemma_aliases``: "staging" -> "stag")."""
    data = load("verbs")
    return frozenset(lemma for lemma, _ in _index()) | frozenset(data["obligation_frame"]["modals"]) | frozenset(data["lemma_aliases"])


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    return dict(load("verbs")["lemma_aliases"])


def lemma_of(tok: Token) -> str:
    """The token's lower-case lemma, a known lemmatiser slip mapped to the dictionary's lemma."""
    lemma = tok.lemma_.lower()
    return _aliases().get(lemma, lemma)


@cache
def _verb_class(name: str) -> frozenset[str]:
    return frozenset(load("verbs")["classes"][name])


def in_class(tok: Token | None, spec: str) -> bool:
    """True when the token is in the ``verbs.json`` class ``@name``, is the word ``spec``, or ``spec`` is ``*``."""
    if tok is None:
        return False
    if spec == "*":
        return True
    words = {tok.lemma_.lower(), tok.lower_}
    words |= {f"{c.lower_} {w}" for c in tok.lefts if c.dep_ in ("compound", "amod") for w in tuple(words)}  # "aid workers"
    if spec.startswith("@"):
        return bool(words & _verb_class(spec[1:]))
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


@cache
def _currencies() -> frozenset[str]:
    """Currency words of ``units.json`` ("euros", "dollars", "yen", ...)."""
    units = load("units")
    names = set(units["prefix"].values())
    return frozenset(w for w, name in units["units"].items() if name in names) | {"pound", "pounds"}


PARTITIVE_OBJECTS = frozenset({"batch", "batches", "group", "groups", "round", "rounds", "wave", "waves", "set",
                               "hundreds", "thousands", "dozens", "scores", "number", "handful"})


def money_content(tok: Token | None) -> Token | None:
    """What a sum of money is given as ("1.3 billion euros in military aid" -> aid), what a batch is
    of ("released the latest batch of prisoners" -> prisoners), else the token."""
    if tok is not None and (counted := _counted_noun(tok, PARTITIVE_OBJECTS)) is not tok:
        return counted
    if tok is None or not (tok.ent_type_ == "MONEY" or tok.lower_ in _currencies()):
        return tok
    for word in MONEY_PREPS:
        for obj in prep_objects(tok, word):
            return obj
    return tok


def _names_state(tok: Token) -> bool:
    """True when a noun phrase names a country or its forces ("Ukraine", "Kyiv", "South Korea",
    "Ukrainian forces")."""
    if tok.pos_ == "NOUN":  # a state's forces or government: "to Ukrainian troops", "to the Afghan army"
        return agent_code(tok.text) is not None and any(
            c.dep_ in ("amod", "compound") and demonym_code(c.text) for c in tok.children)
    if tok.pos_ != "PROPN":
        return False
    code = country_code(tok.text) or country_code(" ".join(t.text for t in tok.subtree if t.dep_ == "compound" or t is tok))
    return bool(code and len(code) == 2)


def _need_holds(tok: Token, need: str) -> bool:
    kind, _, arg = need.partition(":")
    if kind == "obj" and arg.startswith("!"):  # "obj:!@class": an object outside the class ("struck a tone" is no strike)
        obj = object_of(tok)
        return obj is not None and not in_class(obj, arg[1:])
    if kind == "obj":
        return in_class(money_content(object_of(tok)), arg)
    if kind == "prep" and "|" in arg:  # "launched drones at Kyiv": "at" on the verb or on the drones
        obj = object_of(tok)  # ... not "into orbit" ("launched a rocket into orbit" is no attack)
        return any(not in_class(o, "@open_space") for w in arg.split("|") for t in (tok, obj) if t is not None
                   for o in prep_objects(t, w))
    if kind == "state":  # "send tanks to Ukraine": a recipient country
        obj = object_of(tok)
        found = [o for t in (tok, obj) for w in (arg, "for") for o in prep_objects(t, w)]
        found += [c for c in tok.children if c.dep_ == "dative" and c.pos_ != "ADP"]
        return any(_names_state(o) for o in found)
    if kind == "subj" and arg.startswith("!"):  # "subj:!@armed": no subject in the class ("jets attacked the leadership")
        return not any(c.dep_ == "nsubj" and in_class(c, arg[1:]) for c in tok.children)
    if kind == "subj":  # "Russian troops massed near the border": the troops are the subject
        return any(c.dep_ == "nsubj" and in_class(c, arg) for c in tok.children)
    if kind == "means" and arg.startswith("!"):  # "means:!@civil_strikes": a subject, "by" agent or "with" object
        means = [c for c in tok.children if c.dep_ == "nsubj"] + prep_objects(tok, "by") + prep_objects(tok, "with")
        return not any(in_class(m, arg[1:]) or _has_modifier(m, arg[1:]) for m in means)  # not "a general strike hit"
    if kind == "of":
        return any(in_class(o, arg) for o in prep_objects(tok, "of"))
    if kind == "prep":
        return bool(prep_objects(tok, arg))
    if kind == "pobj" and arg.startswith("*=!"):  # "pobj:*=!@open_space": no place phrase in the class ("into orbit")
        obj = object_of(tok)
        return not any(in_class(o, arg[3:]) for t in (tok, obj) if t is not None
                       for c in t.children if c.dep_ == "prep" for o in prep_objects(t, c.lower_))
    if kind == "pobj":
        word, _, spec = arg.partition("=")
        return any(in_class(o, spec) for o in prep_objects(tok, word))
    if kind in ("xcomp", "ccomp", "prt"):
        return any(c.dep_ == kind and arg in ("*", c.lemma_.lower(), c.lower_) for c in tok.children)
    if kind == "xcomp.obj":  # "refused to respond to a request": the xcomp's object or "to" object
        return any(in_class(o, arg) for o in xcomp_objects(tok))
    if kind == "head":  # "head:@class": the governing word is in the class ("renewed its demand")
        return in_class(tok.head, arg) if arg.startswith("@") else tok.head.lemma_.lower() == arg
    if kind == "frame":  # "frame:light": an event noun that reports an action, not a background mention
        return reported_noun(tok)
    if kind == "dep":  # "dep:!xcomp": not the complement of a frame verb ("refused to rule out" is no rejection)
        return tok.dep_ != arg[1:] if arg.startswith("!") else tok.dep_ == arg
    if kind == "mod":  # "joint exercises": a modifier word (or class: "mod:@verbal_attack")
        return _has_modifier(tok, arg)
    if kind == "obj.mod":  # "launched a scathing attack": a modifier of the object; "obj.mod:!@class": none in the class
        obj = money_content(object_of(tok))  # "the latest batch of prisoners": the prisoners
        return obj is not None and (not _has_modifier(obj, arg[1:]) if arg.startswith("!") else _has_modifier(obj, arg))
    if kind == "obj.pobj":  # "obj.pobj:on=@policy_things": "launched an attack on the budget"
        word, _, spec = arg.partition("=")
        return any(in_class(o, spec) for o in prep_objects(object_of(tok), word))
    return False


def _has_modifier(tok: Token, spec: str) -> bool:
    """True when an adjective or compound modifier of the token is the word ``spec`` or in the class ``@name``."""
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound")]
    if spec.startswith("@"):
        return any(in_class(c, spec) for c in mods)
    return any(c.lemma_.lower() == spec for c in mods)


def xcomp_objects(tok: Token) -> list[Token]:
    """The objects of the trigger's xcomp verbs: direct objects and "to" objects ("refused to
    accept a request", "declined to respond to the request")."""
    out: list[Token] = []
    for verb in (c for c in tok.children if c.dep_ == "xcomp"):
        out += [c for c in verb.children if c.dep_ == "dobj"] + prep_objects(verb, "to")
    return out


def led_by(tok: Token) -> Token | None:
    """The leader named in a "-led"/"-backed" modifier ("a Saudi-led strike" -> Saudi)."""
    for mod in tok.children:
        if mod.dep_ == "amod" and mod.lemma_.lower() in LED_WORDS:
            return next((c for c in mod.children if c.dep_ in ("npadvmod", "compound", "nmod")), None)
    return None


def own_parties(tok: Token) -> bool:
    """True when an event noun names its own actor: a possessor, a "by" agent, a "between" pair or a leader."""
    return (any(c.dep_ == "poss" for c in tok.children) or bool(prep_objects(tok, "by"))
            or len(prep_objects(tok, "between")) > 1 or led_by(tok) is not None)


def reported_noun(tok: Token) -> bool:
    """True when an event noun reports the action itself: the object of a light verb ("announced a
    suspension of aid", "began a round of joint exercises"), or a subject or object naming its own
    parties ("their assault", "cooperation between Peru and Chile ..."); not a background mention
    in an adjunct ("after talks with", "complained about a raid on", "ahead of a meeting")."""
    top = tok
    while top.dep_ == "conj":
        top = top.head
    if top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.pos_ == "NOUN":
        top = top.head.head  # "a new round of joint exercises"
    if top.dep_ == "dobj" and top.head.lemma_.lower() in word_set("verbs", "light_verbs"):
        return True
    return top.dep_ in ("dobj", "nsubj", "nsubjpass", "ROOT") and own_parties(tok)


def match(tok: Token) -> dict[str, Any] | None:
    """The first dictionary entry for a token whose needs hold, or None."""
    pos = "NOUN" if tok.pos_ in ("NOUN", "PROPN") else "VERB"
    for entry in _index().get((lemma_of(tok), pos), []):
        if all(_need_holds(tok, n) for n in entry["needs"]):
            if (entry.get("category") == "AID" or entry.get("mode") == "aid") and _private_loan(tok):  # given or offered
                return None
            return _military_aid(tok, entry)
    return None


def _private_loan(tok: Token) -> bool:
    """True for a loan given to no state ("the bank granted a loan to a company", "lent the club
    $5m"): lending is aid only to a country or its government ("the IMF granted a loan to Kenya")."""
    loan = tok.pos_ == "VERB" and lemma_of(tok) in word_set("verbs", "loan_verbs")
    loan = loan or in_class(money_content(object_of(tok)), "@loan")
    return loan and not _need_holds(tok, "state:to")


def _military_aid(tok: Token, entry: dict[str, Any]) -> dict[str, Any]:
    """An aid entry whose aid is military ("pledged 1.3 billion euros in military aid", "a military
    aid package") coded as military aid (CAMEO 072); any other entry unchanged."""
    if entry.get("category") != "AID" or entry.get("mode") not in ("economic", "general"):
        return entry
    obj = object_of(tok)
    aid = money_content(obj)
    for noun in {t for t in (obj, aid) if t is not None and in_class(t, "@aid")}:  # not "security guarantees"
        words = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
        words |= {g.lower_ for c in noun.children if c.dep_ == "compound" for g in c.children if g.dep_ in ("amod", "compound")}
        if words & MILITARY_WORDS:
            return {**entry, "mode": "military", "cameo": "072"}
    return entry


def _generic_entry(tok: Token) -> dict[str, Any] | None:
    """A dictionary-less trigger for a verb with a subject and an object or prepositional phrase,
    to be coded by the pair classifier (``recode``); None for verbs that report no action."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() in word_set("verbs", "generic_stop") or tok.lemma_.lower() in word_set("verbs", "reporting_verbs"):
        return None
    deps = {c.dep_ for c in tok.children}
    if not deps & {"nsubj", "nsubjpass", "agent"} or not deps & {"dobj", "prep", "dative"}:
        return None
    if _listed_phrasal(tok) or _listed_non_event(tok) or _private_loan(tok):
        return None
    defaults = load("verbs")["target_defaults"]
    return {"lemma": tok.lemma_.lower(), "pos": "VERB", "needs": [], "category": None, "cameo": None, "mode": None,
            "generic": True, "target": defaults["_generic"]}


RULED_OUT_LEMMAS = frozenset({"rule"})  # phrasal verbs whose listed objects are their only event senses


def _listed_phrasal(tok: Token) -> bool:
    """True for a phrasal verb the dictionary lists with the objects it is an event for ("rule out"
    a deal, not "ruled out surgery"): no dictionary entry matched, so it is no event; the pair
    classifier does not get to read it as one."""
    if lemma_of(tok) not in RULED_OUT_LEMMAS:  # "carried out a massacre" is for the classifier to read
        return False
    particles = {f"prt:{c.lower_}" for c in tok.children if c.dep_ == "prt"}
    return bool(particles) and any(particles & set(e["needs"]) for e in _index().get((lemma_of(tok), "VERB"), []))


def _listed_non_event(tok: Token) -> bool:
    """True for a verb whose dictionary entry names its object as no event ("obj:!@class": "struck
    a conciliatory tone", "released an update"; "obj.mod:!@class": "released the new iPhone"), or
    whose object ``non_event_objects`` lists for it ("drove tractors into Warsaw", "drove hundreds
    of tractors": a journey, not an act on anyone): the pair classifier does not get to read it as one."""
    obj = object_of(tok)
    if obj is None:
        return False
    counted = _counted_noun(obj)
    if any(in_class(o, spec) for spec in load("verbs")["non_event_objects"].get(lemma_of(tok), []) for o in {obj, counted}):
        return True
    needs = [need for e in _index().get((lemma_of(tok), "VERB"), []) for need in e["needs"]]
    return (any(need.startswith("obj:!") and in_class(obj, need[5:]) for need in needs)
            or any(need.startswith("obj.mod:!") and _has_modifier(obj, need[9:]) for need in needs))


def _counted_noun(tok: Token, partitives: frozenset[str] | None = None) -> Token:
    """The noun a partitive counts ("hundreds of tractors" -> tractors), else the token; the
    partitives are ``agents.json``'s unless given."""
    if tok.lower_ in (partitives if partitives is not None else word_set("agents", "partitives")):
        return next(iter(prep_objects(tok, "of")), tok)
    return tok


def find_triggers(sent: Span, generic: bool = False) -> list[Trigger]:
    """The triggers in a sentence; a frame verb ("threatened to", "refused to") yields to its xcomp's
    trigger, unless it asks someone else to act ("urged Russia to withdraw").

    With ``generic`` every other verb with a subject and an object becomes a candidate too.
    """
    found = [Trigger(t, e) for t in sent if t.lemma_.lower() in trigger_lemmas() and (e := match(t)) is not None]
    tokens = {t.token.i for t in found}
    if generic:
        found += [Trigger(t, e) for t in sent if t.i not in tokens and (e := _generic_entry(t)) is not None]
        found.sort(key=lambda t: t.token.i)
        tokens = {t.token.i for t in found}
    found += obligations(sent)
    accusations = {t.token.i for t in found if t.entry.get("category") == "ACCUSE"}
    found = [t for t in found if not _alleged_act(t.token, accusations)]
    frames = word_set("status", "frame_verbs_suppressed_by_xcomp")
    permits = {t.token.i for t in found if t.entry.get("mode") == "permission"}
    return [
        t for t in found
        if not (t.token.lemma_.lower() in frames and any(c.dep_ == "xcomp" and c.i in tokens for c in t.token.children)
                and not asks_someone(t.token))  # "urged Russia to withdraw": the request is the event
        and not (permits and permitted_act(t.token, permits))
    ]


ALLEGED_HOPS = 4  # how far up the parse the accusation an act is the content of is looked for
ALLEGED_PATH = frozenset({"pcomp", "pobj", "advcl", "conj", "xcomp"})  # "of shelling villages, killing two"


def _alleged_act(tok: Token, accusations: set[int]) -> bool:
    """True for an act that is what an accusation charges someone with ("accused Russia of shelling
    villages, killing two", "blamed the rebels for attacking"): the content of the accusation, no
    event of its own (least of all the accuser's)."""
    preps = load("verbs")["accusation_preps"]
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.i in accusations and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ in preps.get(lemma_of(tok.head), ()) and any(g.dep_ == "pcomp" for g in c.children)
            for c in tok.head.children):
        return True  # "accused Russia of shelling villages, killing two": the participle the parser hung on "accused"
    cur = tok
    for _ in range(ALLEGED_HOPS):
        if cur.dep_ not in ALLEGED_PATH or cur.head is cur:
            return False
        head = cur.head
        if head.dep_ == "prep" and head.head.i in accusations and head.lower_ in preps.get(lemma_of(head.head), ()):
            return True
        cur = head
    return False


def permitted_act(tok: Token, permits: set[int]) -> bool:
    """True for the act a permission is given or denied for ("granted the ship permission to dock in Izmir"):
    the permission's content, no event of its own (least of all the permitting side's)."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    return infinitive and tok.dep_ in ("advcl", "xcomp", "acl") and (tok.head.i in permits or tok.head.head.i in permits)


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


def subject_of(tok: Token, passive_ok: bool) -> Token | None:
    """The nearest subject of a verb (passive ones only with ``passive_ok``), else its "by" agent."""
    deps = ("nsubj", "nsubjpass") if passive_ok else ("nsubj",)
    subjects = [c for c in tok.children if c.dep_ in deps]  # a dateline ("KABUL -- The president held")
    subj = min(subjects, key=lambda c: abs(c.i - tok.i)) if subjects else None  # parses as a second subject
    if subj is None:  # passive: "were sent by Russia"
        agent = [o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        subj = agent[0] if agent else None
    return subj


def undergone_by(tok: Token) -> Token | None:
    """The verb of an undergo frame ("Russia would face sanctions", "risks an attack"): the trigger
    noun is its object and its subject is the target, not the actor."""
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in word_set("verbs", "undergo_verbs"):
        return tok.head
    return None


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
