"""Score the seed article against its hand-made gold (``eval/seed_gold.json``).

Sections: cleaning (title, boilerplate removed, body kept), people (found, with role
and country), direct and indirect quotes (found with the right speaker), events
(category, actor, numbers, date, status). Reads gold from ``--data`` only.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import E, SitrepError
from ..schema import Article, Event
from ..settings import Settings
from .metrics import prf

DIRECT_KINDS = ("direct", "partial")


def find_gold(data: Path) -> tuple[dict[str, Any], Path]:
    """The seed gold and the seed article under ``data`` (shared/ or shared/eval/)."""
    for gold_path in (data / "seed_gold.json", data / "eval" / "seed_gold.json"):
        if gold_path.exists():
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            name = Path(gold["article"]).name
            for cand in (data / "seed" / name, data.parent / "seed" / name, gold_path.parent.parent / "seed" / name):
                if cand.exists():
                    return gold, cand
    raise SitrepError(E.E801, task="seed", path=str(data))


def evaluate(data: Path, settings: Settings) -> dict[str, Any]:
    from ..api import extract

    gold, article_path = find_gold(data)
    outcome = next(iter(extract([article_path], settings)))
    if outcome.error:
        raise outcome.error
    art = outcome.article
    assert art is not None
    sections = {
        "cleaning": score_cleaning(art, gold),
        "people": score_people(art, gold),
        "direct_quotes": score_quotes(art, gold["direct_quotes"], DIRECT_KINDS),
        "indirect_quotes": score_quotes(art, gold["indirect_quotes"], ("indirect",)),
        "events": score_events(art, gold),
    }
    totals = [sum(s[k] for s in sections.values()) for k in ("_tp_pred", "_n_pred", "_tp_gold", "_n_gold")]
    result = prf(*totals)
    result["task"] = "seed"
    result["sections"] = {k: {n: v for n, v in s.items() if not n.startswith("_")} for k, s in sections.items()}
    return result


def _section(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int, **extra: Any) -> dict[str, Any]:
    out = prf(tp_pred, n_pred, tp_gold, n_gold)
    out.update(extra, _tp_pred=tp_pred, _n_pred=n_pred, _tp_gold=tp_gold, _n_gold=n_gold)
    return out


def score_cleaning(art: Article, gold: dict[str, Any]) -> dict[str, Any]:
    """Checks: title, date, each boilerplate line absent, each must-keep passage present."""
    body = art.body
    checks = [art.title == gold["title"], art.published == gold["published"]]
    checks += [line not in body for line in gold["boilerplate"]]
    checks += [keep in body for keep in gold["body_must_keep"]]
    ok = sum(checks)
    return _section(ok, len(checks), ok, len(checks), title=art.title, published=art.published)


def _same_person(name: str, gold_name: str) -> bool:
    return name == gold_name or name.split()[-1] == gold_name.split()[-1]


def score_people(art: Article, gold: dict[str, Any]) -> dict[str, Any]:
    """A person counts when found with the gold role and country (where gold has them)."""
    people = [a for a in art.actors if a.kind == "person"]
    right, found, missed = 0, 0, []
    for name, attrs in gold["people"].items():
        match = next((a for a in people if _same_person(a.name, name)), None)
        if match is None:
            missed.append(name)
            continue
        found += 1
        role_ok = "role" not in attrs or (match.role or "").lower() == attrs["role"].lower()
        country_ok = "country" not in attrs or match.country == attrs["country"]
        right += role_ok and country_ok
    correct_preds = sum(any(_same_person(a.name, g) for g in gold["people"]) for a in people)
    return _section(correct_preds, len(people), right, len(gold["people"]), found=found, missed=missed)


def _speaker_ok(quote_speaker: str | None, gold_speaker: str) -> bool:
    return bool(quote_speaker) and _same_person(quote_speaker or "", gold_speaker)


def score_quotes(art: Article, gold_quotes: list[dict[str, str]], kinds: tuple[str, ...]) -> dict[str, Any]:
    """A gold quote is found when a predicted quote of the kind contains it and names its speaker."""
    preds = [q for q in art.quotes if q.kind in kinds]
    hit_gold, missed = 0, []
    good_preds: set[str] = set()
    for g in gold_quotes:
        hits = [q for q in preds if g["contains"] in q.text and _speaker_ok(q.speaker_name, g["speaker"])]
        good_preds.update(q.id for q in hits)
        if hits:
            hit_gold += 1
        else:
            missed.append(g["contains"][:40])
    return _section(len(good_preds), len(preds), hit_gold, len(gold_quotes), missed=missed)


def _event_matches(ev: Event, g: dict[str, Any]) -> bool:
    if ev.category != g["category"]:
        return False
    actor = ev.actor.country or ev.actor.name if ev.actor else None
    if actor != g["actor"]:
        return False
    if "troops" in g:
        return any(q.value == g["troops"] for q in ev.quantities)
    if "target" in g:
        target = ev.target.country or ev.target.name if ev.target else None
        return target == g["target"]
    return True


def _event_details_ok(ev: Event, g: dict[str, Any]) -> bool:
    if ev.status != g["status"]:
        return False
    if "date" in g and (ev.date is None or ev.date.value != g["date"]):
        return False
    if "date_window" in g and (ev.date is None or [ev.date.value, ev.date.end] != g["date_window"]):
        return False
    return "origin" not in g or (ev.origin is not None and ev.origin.country == g["origin"])


def score_events(art: Article, gold: dict[str, Any]) -> dict[str, Any]:
    """A gold event is found when category, actor and number/target match, and date, status
    and origin are right; a prediction is correct when it matches any gold event."""
    hit_gold, missed = 0, []
    for g in gold["events"]:
        cands = [e for e in art.events if _event_matches(e, g)]
        if any(_event_details_ok(e, g) for e in cands):
            hit_gold += 1
        else:
            missed.append(f"{g['category']} {g['actor']}" + (" (wrong details)" if cands else ""))
    good_preds = sum(any(_event_matches(e, g) for g in gold["events"]) for e in art.events)
    return _section(good_preds, len(art.events), hit_gold, len(gold["events"]), missed=missed)
