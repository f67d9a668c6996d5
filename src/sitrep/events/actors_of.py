"""The actor side of a trigger: who did it.

The subject, agent, possessor or modified noun of the trigger; for speaker and obligation frames
the reporting verb's subject; for undergo frames ("Russia would face sanctions") who warned of
them; for troops moved in an agentless passive their owner; for an arrest with no agent the state
it happened in (an expulsion: the state expelled from); for an agentless passive attack whose strike
or weapon names its owner, that owner ("killed in Israeli shelling", "in an air strike by government
forces"); for an event noun its possessor, "by" agent,
first "between" party or "-led" leader ("a Saudi-led strike"), else the governing verb's subject.
Phrases that name no participant are searched deeper (rules tuned on PLV folds 0-2 only; the
strike owner on the GSR dev half, ``eval.events.gsr_half``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..countries import country_code, country_name, demonym_code
from ..schema import ActorRef
from .coding import (
    REPORT_HOPS,
    WIDE_CUT,
    Trigger,
    in_class,
    led_by,
    object_of,
    prep_objects,
    reporter_of,
    subject_of,
    undergone_by,
)
from .lexicon import load, word_set
from .participants import Resolver, is_participant, unique_refs
from .places import place_from_token, settlement_name
from .status import governors
from .targets import place_ref, refine, thing_ref

if TYPE_CHECKING:
    from spacy.tokens import Token

OWN_FORCE_CATEGORIES = frozenset({"MOBILIZE", "RETREAT"})  # "troops placed on alert": the troops' owner acts
NAMED_ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})  # names that act even with no country known
RELATIVE_PRONOUNS = frozenset({"that", "which", "who"})
ACRONYM_MIN = 2  # letters of an all-caps noun read as a name
INNER_ACTOR_DEPTH = 3  # "a car bombing by the Islamic State group": how deep an actor phrase is searched
INSTRUMENT_CLASSES = ("attack", "weapons", "fighting")  # verbs.json classes naming a strike or a weapon
INSTRUMENT_NOUNS = frozenset({"shelling", "shellfire", "gunfire"})  # "killed in Israeli shelling" (noun lemmas; not "fire": "a Chinese factory fire")


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
    source = subject_of(rep, False) if rep is not None else None
    return source if source is not None and _marked_country(source) else None


def _marked_country(tok: Token) -> bool:
    """True when a demonym, country name or possessive country modifies the noun ("American soldiers",
    "U.S. officials", "Britain's troops") or the noun is a country itself."""
    mods = [c for c in tok.subtree if c.i < tok.i and c.dep_ in ("amod", "compound", "poss", "nmod")]
    return any(demonym_code(c.text) or country_code(c.text) for c in mods + [tok])


def _warner(verb: Token) -> Token | None:
    """Who warned of or reported an undergo frame ("Scholz warned that Russia would face ..." -> Scholz)."""
    speaking = word_set("verbs", "reporting_verbs") | word_set("verbs", "warning_verbs")
    cur = verb
    for _ in range(REPORT_HOPS):
        if cur.head is cur or cur.dep_ not in ("ccomp", "advcl", "xcomp", "conj"):
            return None
        cur = cur.head
        if cur.lemma_.lower() in speaking:
            return subject_of(cur, True)
    return None


def actor_token(trig: Trigger) -> Token | None:
    """The token naming the actor: subject, agent, possessor, modified noun, or a governor's subject."""
    tok = trig.token
    if trig.entry.get("actor_frame") in ("speaker", "obligation"):
        rep = reporter_of(tok)
        return subject_of(rep, True) if rep is not None else None
    if (verb := undergone_by(tok)) is not None:
        return _warner(verb)
    if tok.pos_ in ("NOUN", "PROPN"):
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is not None or prep_objects(tok, "by"):
            return poss or prep_objects(tok, "by")[0]
        between = prep_objects(tok, "between")  # "talks between Peru and Chile": the parties themselves
        if len(between) > 1:
            return between[0]
        if (leader := led_by(tok)) is not None:  # "a Saudi-led strike"
            return leader
    else:
        subj = subject_of(tok, False)
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
            # and so is it for an adverbial clause ("children were killed in tank shelling": no shelling by them)
            through_prep = any(t.dep_ in ("pobj", "pcomp", "advcl") for t in chain[:k])
            subj = subject_of(gov, not through_prep)
            if subj is not None:
                return subj
    return None


def actor_refs(trig: Trigger, resolver: Resolver) -> tuple[list[ActorRef], bool]:
    """Every actor of a trigger ("Peru and Chile signed" -> both) and whether they came from a pronoun."""
    tok = actor_token(trig)
    if tok is None:
        return _custodian(trig) or _instrument_owner(trig, resolver), False
    if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl" and tok.head.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head.head  # "the militant group that has seized parts of Iraq": the group
    if tok.pos_ == "PRON":
        return resolver.resolve_pronoun_all(tok, reporter_of(trig.token)), True
    named = tok.ent_type_ in NAMED_ACTOR_ENTS  # "The Islamic State attacked": a name with no country still acts
    refs = [r for r in refine(resolver.resolve_all(tok), tok, resolver) if named or is_participant(r)] or _inner_actors(tok, resolver)
    if not refs and _name_like(tok) and not is_instrument(tok) and (name := thing_ref(tok)) is not None:
        refs = [name]  # a name the entity tagger missed ("Haaretz conducted an inquiry", "ICE returned")
    if not any(r.id or r.country for r in refs) and settlement_name(tok) is not None and (town := place_from_token(tok)) is not None:
        refs = [ActorRef(None, town.name, town.country, town.span)]  # "The town of Hempstead filed a lawsuit": the town, in its country
    if tok.dep_ == "nsubjpass" and in_class(tok, "@troops"):
        for ref in refs:  # "2,500 American soldiers were moved": the acting side is their country
            if ref.id is None and ref.country:
                ref.name = country_name(ref.country) or ref.name
    return refs, False


def _name_like(tok: Token) -> bool:
    """A proper noun, an acronym the tagger read as a common noun ("ICE returned", "USAID announced"),
    or a noun led by untagged proper nouns ("3,000 Islamic State members surrendered")."""
    return (tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.is_alpha and tok.is_upper and len(tok.text) >= ACRONYM_MIN)
            or _named_phrase(tok))


def _custodian(trig: Trigger) -> list[ActorRef]:
    """The state where an agentless passive arrest happened ("a reporter was detained in Niger" ->
    Niger), which holds the custody, or the state an agentless expulsion was from ("inspectors were
    expelled from North Korea"): ``custodian_preps`` by category; nothing without such a place."""
    tok = trig.token
    preps = load("verbs")["custodian_preps"].get(trig.entry.get("category") or "", [])
    if not preps or not any(c.dep_ == "nsubjpass" for c in tok.children) or prep_objects(tok, "by"):
        return []
    return [r for p in preps for o in prep_objects(tok, p) if (r := place_ref(o)) is not None][:1]


def _instrument_owner(trig: Trigger, resolver: Resolver) -> list[ActorRef]:
    """Whose strike or weapon an agentless passive attack names: the "by" agent of the attack or
    weapon noun of its "in"/"from" phrase ("were killed in an air strike by government forces"), else
    the demonym or country modifying that noun ("killed in Israeli shelling"); else nothing."""
    tok = trig.token
    if trig.entry.get("category") != "ASSAULT" or not any(c.dep_ == "nsubjpass" for c in tok.children):
        return []
    for obj in prep_objects(tok, "in") + prep_objects(tok, "from"):
        after = obj.doc[obj.i + 1] if obj.i + 1 < len(obj.doc) else None
        if demonym_code(obj.text) and is_instrument(after):  # "in Russian shelling" parsed apart: "Russian" the object
            code = demonym_code(obj.text)
            if code and len(code) == 2:
                return [ActorRef(None, country_name(code) or obj.text, code, [obj.idx, obj.idx + len(obj.text)])]
        if not is_instrument(obj):
            continue
        agents = [r for o in prep_objects(obj, "by") for r in resolver.resolve_all(o) if is_participant(r)]
        if agents:
            return agents
        for mod in obj.lefts:
            code = demonym_code(mod.text) or country_code(mod.text) if mod.dep_ in ("amod", "compound", "poss") else None
            if code and len(code) == 2:
                return [ActorRef(None, country_name(code) or mod.text, code, [mod.idx, mod.idx + len(mod.text)])]
    return []


def is_instrument(tok: Token | None) -> bool:
    """True for a strike, attack or weapon noun (``INSTRUMENT_CLASSES``: "air strike", "tank"; and
    ``INSTRUMENT_NOUNS``, which the parser leaves as nouns the verb classes do not list: "shelling")."""
    return tok is not None and (tok.lemma_.lower() in INSTRUMENT_NOUNS or any(in_class(tok, f"@{c}") for c in INSTRUMENT_CLASSES))


def _inner_actors(tok: Token, resolver: Resolver) -> list[ActorRef]:
    """The participants inside an actor phrase that names none itself ("The missiles fired by the
    Israeli military", "a car bombing by the Islamic State group"), nearest first."""
    level = [c for c in tok.children if c.dep_ not in WIDE_CUT]
    for _ in range(INNER_ACTOR_DEPTH):
        found = [r for t in sorted(level, key=lambda t: t.i) if t.pos_ in ("NOUN", "PROPN")
                 for r in (resolver.resolve_all(t) or _unnamed_name(t)) if is_participant(r) or t.ent_type_ in NAMED_ACTOR_ENTS or _named_phrase(t)]
        if found:
            return unique_refs(found)
        level = [c for t in level for c in t.children if c.dep_ not in WIDE_CUT]
    return []


def _named_phrase(tok: Token) -> bool:
    """A noun whose own modifiers are proper nouns the entity tagger left untagged ("the Islamic State group")."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children)


def _unnamed_name(tok: Token) -> list[ActorRef]:
    """The phrase itself as a name when it is one the entity tagger missed (else nothing)."""
    ref = thing_ref(tok) if _named_phrase(tok) else None
    return [ref] if ref is not None else []
