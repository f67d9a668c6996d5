"""The CAMEO view of coded events: CAMEO actor codes and directed (source, target, code) triples.

The event record says what the text says: ``actor``, ``target`` (None when none is named) and
``place``. CAMEO coders (PETRARCH, the GSR gold, GDELT) add conventions on top, and this view
applies them without touching the record, for the scorer (``sitrep.eval.events``) and for
exports that want CAMEO-style triples:

1. actor codes: ISO-3 (or a Phoenix IGO code) + a role code + a sub-role where the phrase makes
   it clear ("Iraq's national security adviser" -> ``IRQGOVMIL``, "Egypt's Muslim Brotherhood"
   -> ``EGYOPPMUS``, "UN troops" -> ``IGOUNOMIL``); ``---`` for no country;
2. location as target: an event with no target but a place in a country codes that country as
   its target ("US activists protested in Beijing" -> ``CHN``; a home-country place too, as
   PETRARCH codes domestic events); the record keeps the place in ``place`` and ``target``
   empty, which is what analysts want;
3. reciprocal and paired codes (``cameo.json``): a consultation, negotiation or agreement
   between two named sides is listed in both directions, a visit (042) also as the host's
   043 the other way; a reverse triple already present (coordinated actors) is not repeated;
   a place as target ("will meet in Zurich") hosts nothing and gets no reverse triple;
4. intent and refusal (``cameo.json`` ``status_codes``): CAMEO codes a stated intention as
   its own event, so a planned or threatened material act becomes "express intent" (03, "would
   free prisoners" -> 035) or "threaten" (13, "wants to attack" -> 138), and a refused or denied
   cooperative act "reject" (12, "would not provide support" -> 121); the record keeps the
   action and says so in ``status``;
5. a target with a role but no country ("children were killed ... in Gaza", "talks with
   President X during a visit to Beirut") takes the country of the event's place;
6. coordinated actors meeting each other in a third country ("Obama and Putin will meet in
   Zurich") are each coded against that country, as PETRARCH codes a compound subject (the GSR
   dev half does); meeting in one of their own countries, and other reciprocal acts ("Israel and
   Hamas negotiated in Cairo", ``cameo.json`` ``third_country_meeting``), keep the pairs;
7. a person the text gave no country but a name the well-known leaders table knows (``actors.leaders``
   lookup, so a surname in its ``ambiguous_surnames`` alone gives none: "President Bush") takes
   that leader's country when the text's title, if any, is the table's; a generational suffix
   ("Marcos Jr.", "Charles III") is no surname (``leaders.bare``);
8. a material conflict act that a speaker accuses its actor of after an accusation verb ("The US
   claimed that ISIL had attacked Iraq"; ``cameo.json`` ``reported_conflict`` ``cues``) is the
   speaker accusing the actor (112); a plain report ("officials said militants attacked"), a
   trailing attribution ("..., officials said"), the speaker's own side ("the army said it had
   shelled") and an accusation with no country on either side keep the act;
9. the toll of an attack told by a participle ("shelled a police post, killing eight") is no event
   of its own when the attack's target codes a country or role (else the toll, which may carry the
   only side with a country, is kept), and a triple with no source, or with no country or
   international body on either side ("a protester demolished a building"), is not coded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..actors import leaders
from ..actors import lexicon as actor_lexicon
from ..countries import alpha3
from ..schema import Actor, ActorRef, Article, Event
from .lexicon import load, word_set
from .participants import agent_code
from .places import place_from_name

NONE = "---"
INTENT_WINDOW = 3  # words between a wish word and its trigger ("would not immediately free"); checked on GSR


@dataclass(frozen=True)
class Triple:
    """One directed CAMEO event: source and target actor codes, event code, PLOVER category."""

    source: str
    target: str
    code: str
    category: str
    event_id: str
    derived: str | None = None  # "location" (place as target) or "reverse" (reciprocal/paired)


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    return load("cameo_actors")


def _actor(ref: ActorRef, article: Article) -> Actor | None:
    return next((a for a in article.actors if a.id == ref.id), None) if ref.id else None


def phrase_text(ref: ActorRef, article: Article) -> str:
    """The words that named a participant: its span in the body (a pronoun gives its name)."""
    if ref.span and article.body:
        text = article.body[ref.span[0] : ref.span[1]]
        if len(text.split()) > 1 or text.lower() not in load("verbs")["pronouns"]["any"] + ["he", "she", "it"]:
            return text
    return ref.name or ""


def _role(ref: ActorRef, phrase: str, actor: Actor | None) -> str:
    """Role code (+ sub-role): the phrase's head noun, else a known organisation, else the role table."""
    padded = f" {' '.join(x for x in (phrase, ref.name, actor.role if actor else None, actor.affiliation if actor else None) if x).lower()} "
    role = agent_code(phrase) or agent_code(ref.name)
    if role is None:
        org = next((code for name, code in _table()["orgs"].items() if f" {name} " in padded), None)
        if org is not None:
            return str(org)
        role = next((code for code, cues in _table()["roles"] if any(f" {c} " in padded for c in cues)), None)
    if role is None:
        return ""
    for sub, cues, primaries in _table()["sub_roles"]:
        if sub != role and (not primaries or role in primaries) and any(f" {c} " in padded for c in cues):
            return role + sub
    return role


def cameo_actor(ref: ActorRef | None, article: Article) -> str:
    """A CAMEO actor code for a participant: ISO-3 (or IGO code) plus role and sub-role codes.

    A participant without a country keeps ``---`` ("rebels" -> ``---REB``).
    """
    if ref is None:
        return NONE
    groups = _table()["groups"]
    phrase = phrase_text(ref, article)
    padded = f" {' '.join(x for x in (phrase, ref.name) if x).lower()} "
    known = next((code for name, code in _table()["named_orgs"].items() if f" {name} " in padded), None)
    if known is not None:  # an international body with a code of its own ("Interpol")
        return str(known)
    if ref.country in groups:
        base = groups[ref.country]
        head = phrase.split()[-1] if phrase.split() else ""
        return base + (agent_code(phrase) or "") if len(phrase.split()) > 1 and head.islower() else base  # not "European Union"
    actor = _actor(ref, article)
    country = ref.country or _titled_leader(actor)
    base = (alpha3(country) if country else None) or NONE
    return base + _role(ref, phrase, actor)


def _titled_leader(actor: Actor | None) -> str | None:
    """The country of a person the text left without one, by the well-known leaders table
    (``actors.leaders.lookup``, which honours its ``ambiguous_surnames``: "President Bush" stays
    without one, and reads a name without its generational suffix: "President Marcos Jr."), when
    the table's title for that leader is the one the text gave, if any."""
    if actor is None or actor.kind != "person" or not actor.name.split():
        return None
    found = leaders.lookup(tuple(actor.name.split()))
    if found is None or (actor.role and actor.role.lower() != found[1].lower()):
        return None
    return found[0]


def location_code(ev: Event) -> str | None:
    """The country of an event's place (or first destination) as a CAMEO code, for an event with no target."""
    place = ev.place or (ev.destinations[0] if ev.destinations else None)
    return alpha3(place.country) if place is not None and place.country else None


def _wished(ev: Event) -> bool:
    """True when a word of wish or reported intent comes just before the trigger ("wants to
    help", "said it would free"); a commitment ("will supply", "agreed to lift") is no such word."""
    words = re.findall(r"[\w']+", ev.sentence.lower())
    trigger = (ev.trigger or "").lower()
    wish = word_set("cameo", "intent_words")
    return any(w == trigger and wish & set(words[max(0, i - INTENT_WINDOW) : i]) for i, w in enumerate(words))


def status_code(ev: Event) -> tuple[str, str]:
    """The event's CAMEO code and PLOVER category in the CAMEO view: a threatened (or wished)
    material act is an intent (03) or a threat (13), a refused/denied cooperative one a rejection (12)."""
    code = ev.cameo or ""
    rule = load("cameo")["status_codes"].get(ev.status or "", {})
    new = rule.get(code[:3]) or rule.get(code[:2])
    if not new or (ev.status == "planned" and not _wished(ev)):
        return code, ev.category
    return new, load("cameo")["codes"][new]["plover"]


def _is_place(ref: ActorRef) -> bool:
    """A target that is a city or region ("in Zurich"), not a party that can host or answer."""
    if ref.id is not None or agent_code(ref.name):
        return False
    place = place_from_name(ref.name or "")
    return place is not None and place.kind in ("city", "region")


def _reverse_code(code: str | None) -> str | None:
    data = load("cameo")
    if not code:
        return None
    return data["paired"].get(code) or (code if code in data["reciprocal"] else None)


AUXILIARIES = frozenset({"had", "has", "have", "was", "were", "is", "are", "been", "be", "would", "will", "had been", "not", "also"})


def trigger_offset(ev: Event, article: Article) -> int:
    """Where an event's trigger stands in the body: of the trigger's whole-word occurrences in the
    event's sentence, the one nearest its participants' words (-1 when none is found)."""
    if not ev.trigger or not article.body:
        return -1
    found = [ev.span[0] + m.start() for m in re.finditer(rf"\b{re.escape(ev.trigger)}\b", article.body[ev.span[0] : ev.span[1]])]
    anchors = [r.span for r in (ev.actor, ev.target) if r is not None and r.span]
    if not found or not anchors:
        return found[0] if found else -1
    return min(found, key=lambda at: min(abs(at - s) if at >= s else abs(at - e) for s, e in anchors))


def _pronoun_actor(ev: Event, article: Article, at: int) -> bool:
    """True when the word before the trigger (past auxiliaries) is a subject pronoun ("the army said
    it had shelled"): the act is told by its own side, whatever name the pronoun was resolved to."""
    words = re.findall(r"[\w']+", article.body[max(ev.span[0], at - 40) : at].lower())
    while words and words[-1] in AUXILIARIES:
        words.pop()
    return bool(words) and words[-1] in load("cameo")["reported_conflict"]["own_side_words"]


def reported_by(ev: Event, article: Article) -> ActorRef | None:
    """The speaker who accuses an actor of a material conflict act in a clause after an accusation
    verb ("The US claimed that ISIL had attacked Iraq" -> the US; ``cameo.json`` ``reported_conflict``
    ``cues``), from the article's attributions; None for other acts, plain reports ("officials said
    militants attacked"), unreported acts and trailing attributions ("..., officials said")."""
    rule = load("cameo")["reported_conflict"]
    if ev.category not in rule["categories"] or not ev.trigger or not article.body:
        return None
    at = trigger_offset(ev, article)
    if at < 0:
        return None
    for q in article.quotes:
        if not (q.speaker_span and q.cue_span and q.spans and (q.cue or "").replace(" ", "").isalpha()):
            continue  # a statement with a speaker and a reporting word ("GAZA CITY:" is a dateline)
        if q.kind == "stance" or q.cue_span[0] > q.spans[0][0] or (q.cue or "").lower() not in rule["cues"]:
            continue
        if any(s <= at < e for s, e in q.spans):
            speaker = next((a for a in article.actors if a.id == q.speaker), None) if q.speaker else None
            name = q.speaker_name or article.body[q.speaker_span[0] : q.speaker_span[1]]
            return ActorRef(q.speaker, name, speaker.country if speaker else None, q.speaker_span)
    return None


def _own_side(ev: Event, speaker: ActorRef, accuser: str, source: str, article: Article) -> bool:
    """True when a reported act is the speaker's own side's: the same actor, code or country, an
    actor inside the speaker's words, a possessive ("its forces") or a pronoun actor ("it had shelled")."""
    actor = ev.actor
    if actor is None:
        return True
    if (actor.id is not None and actor.id == speaker.id) or accuser == source:
        return True
    if accuser[:3] == source[:3] and not accuser.startswith(NONE):
        return True
    if actor.span and speaker.span and actor.span[0] < speaker.span[1] and speaker.span[0] < actor.span[1]:
        return True
    if phrase_text(actor, article).lower().split()[:1] in (["its"], ["their"], ["our"], ["his"], ["her"]):
        return True
    return _pronoun_actor(ev, article, trigger_offset(ev, article))


def _ref_key(ref: ActorRef | None) -> tuple[str | None, str | None, str | None]:
    return (None, None, None) if ref is None else (ref.id, ref.country, ref.name)


def co_actor_events(article: Article) -> set[str]:
    """Ids of events whose target is a coordinated fellow actor of the same trigger ("Obama and
    Putin will meet in Zurich": Obama->Putin and Putin->Obama, found as pairs with actor and target
    swapped) and whose place is in a third country, none of the co-actors' own: such a meeting is
    coded, as PETRARCH codes a compound subject, once per actor against that country. Only a
    meeting (``cameo.json`` ``third_country_meeting``: the GSR dev half codes "will meet in Zurich"
    so); other reciprocal acts ("Israel and Hamas negotiated in Cairo") keep the pair of sides."""
    meets = set(load("cameo")["third_country_meeting"])
    seen = {(ev.trigger, tuple(ev.span), _ref_key(ev.actor), _ref_key(ev.target)) for ev in article.events}
    paired = [ev for ev in article.events if ev.target is not None and (ev.trigger or "").lower() in meets
              and (ev.trigger, tuple(ev.span), _ref_key(ev.target), _ref_key(ev.actor)) in seen]
    sides: dict[tuple[str | None, tuple[int, ...]], set[str | None]] = {}
    for ev in paired:
        sides.setdefault((ev.trigger, tuple(ev.span)), set()).add(ev.actor.country if ev.actor else None)
    out = set()
    for ev in paired:
        place = ev.place or (ev.destinations[0] if ev.destinations else None)
        if place is not None and place.country and place.country not in sides[(ev.trigger, tuple(ev.span))]:
            out.add(ev.id)
    return out


def event_triples(ev: Event, article: Article, co_actor: bool = False) -> list[Triple]:
    """The CAMEO triples of one event: itself (location as target when it has none) and its reverse.
    ``co_actor``: the target is a coordinated fellow actor, which a placed event drops for its place."""
    source = cameo_actor(ev.actor, article)
    if ev.actor is not None and (speaker := reported_by(ev, article)) is not None:
        accuser = cameo_actor(speaker, article)
        charge = load("cameo")["reported_conflict"]["code"]
        accusation = Triple(accuser, source, charge, load("cameo")["codes"][charge]["plover"], ev.id, "reported")
        if not _own_side(ev, speaker, accuser, source, article) and codable(accusation):
            return [accusation]  # else the act itself, as told
    code, category = status_code(ev)
    if co_actor and location_code(ev):  # "Obama and Putin will meet in Zurich": each meets in CHE
        return [Triple(source, str(location_code(ev)), code, category, ev.id, "location")]
    if ev.target is None:
        loc = location_code(ev)
        return [Triple(source, loc or NONE, code, category, ev.id, "location" if loc else None)]
    target = cameo_actor(ev.target, article)
    if target.startswith(NONE) and target != NONE and (loc := location_code(ev)):
        target = loc + target[len(NONE):]  # "four children were killed in Gaza": Gaza's children
    out = [Triple(source, target, code, category, ev.id)]
    reverse = _reverse_code(code)
    named = bool(ev.target.id or ev.target.country) and not _is_place(ev.target)  # a thing or place hosts nothing
    if reverse and named and source != NONE and target != source:
        out.append(Triple(target, source, reverse, category, ev.id, "reverse"))
    return out


def consequences(article: Article) -> set[str]:
    """Ids of events that only tell the toll of another attack by the same actor in the same
    sentence ("shelled the town, killing eight people"): a participle after a comma whose actor and
    category are an earlier trigger's, and whose target codes a country or role (``_aimed``). CAMEO
    codes the attack once, against whom it was aimed."""
    out: set[str] = set()
    for ev in article.events:
        trig = (ev.trigger or "").lower()
        if ev.category != "ASSAULT" or not trig.endswith("ing"):
            continue
        at = [m.start(1) for m in re.finditer(r",\s+(\w+)\b", ev.sentence) if m.group(1).lower() == trig]
        if at and any(o.id != ev.id and o.category == ev.category and tuple(o.span) == tuple(ev.span)
                      and _ref_key(o.actor) == _ref_key(ev.actor) and o.trigger
                      and 0 <= ev.sentence.find(o.trigger) < at[0] and _aimed(o, article) for o in article.events):
            out.add(ev.id)
    return out


def _aimed(ev: Event, article: Article) -> bool:
    """True when an attack's own target codes a country or a role ("shelled a Ukrainian town",
    "attacked a police checkpoint"): only then does its toll add nothing ("shelled the town, killing
    eight Ukrainian civilians" keeps the toll, the only side with a country)."""
    return ev.target is not None and cameo_actor(ev.target, article) != NONE


def cameo_triples(article: Article) -> list[Triple]:
    """Every CAMEO triple of an article's events; a reverse triple already coded is kept once;
    the toll of an attack told by a participle ("..., killing eight") is no event of its own."""
    co = co_actor_events(article)
    tolls = consequences(article)
    events = [ev for ev in article.events if ev.id not in tolls]
    out: list[Triple] = []
    met: set[tuple[str, str, str]] = set()
    for ev in events:
        for t in event_triples(ev, article, ev.id in co):
            if t.derived == "reverse":
                continue
            if ev.id in co:  # co-actors met in a third country: one triple per actor, not one per partner
                if (t.source, t.target, t.code) in met:
                    continue
                met.add((t.source, t.target, t.code))
            out.append(t)
    seen = {(t.source, t.target, t.code) for t in out}
    for ev in events:
        for t in event_triples(ev, article, ev.id in co):
            if t.derived == "reverse" and (t.source, t.target, t.code) not in seen:
                seen.add((t.source, t.target, t.code))
                out.append(t)
    return [t for t in out if codable(t)]


def codable(t: Triple) -> bool:
    """A triple a CAMEO coder would record: it has a source actor, and a country or an international
    body on one side at least ("a protester demolished a building" places no state anywhere)."""
    return t.source != NONE and not (t.source.startswith(NONE) and t.target.startswith(NONE))
