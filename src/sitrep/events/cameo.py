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
   President X during a visit to Beirut") takes the country of the event's place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

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
    base = (alpha3(ref.country) if ref.country else None) or NONE
    return base + _role(ref, phrase, _actor(ref, article))


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


def event_triples(ev: Event, article: Article) -> list[Triple]:
    """The CAMEO triples of one event: itself (location as target when it has none) and its reverse."""
    source = cameo_actor(ev.actor, article)
    code, category = status_code(ev)
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


def cameo_triples(article: Article) -> list[Triple]:
    """Every CAMEO triple of an article's events; a reverse triple already coded is kept once."""
    direct = [t for ev in article.events for t in event_triples(ev, article) if t.derived != "reverse"]
    seen = {(t.source, t.target, t.code) for t in direct}
    out = list(direct)
    for ev in article.events:
        for t in event_triples(ev, article):
            if t.derived == "reverse" and (t.source, t.target, t.code) not in seen:
                seen.add((t.source, t.target, t.code))
                out.append(t)
    return out
