"""The force-posture ledger: who moved how many troops where, when, according to whom.

One row per merged MOBILIZE event: the actor's country, the military unit when a report
names one, the place (and where the forces came from), the number or the range the
sources give, the date or window, the status, and every source with its own number.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..merge.cluster import Cluster
from ..merge.report import Report, units

if TYPE_CHECKING:
    from . import Store

CATEGORIES = ("MOBILIZE",)
NUMBER_CLASS = "personnel"  # the ledger counts people in uniform; other classes are listed in text


@lru_cache(maxsize=1)
def _formation() -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(w) for w in units()["formations"]), key=len, reverse=True))
    return re.compile(rf"\b((?:\d+(?:st|nd|rd|th)|[A-Z][\w'-]+)(?:\s+[A-Z][\w'-]+)*\s+(?:{words}))\b")


def named_unit(sentence: str) -> str | None:
    """A military formation named in a sentence ('the 82nd Airborne Division'), if any."""
    m = _formation().search(sentence)
    return m.group(1) if m else None


def _main_number(r: Report) -> Any:
    """The report's first count of people in uniform (later ones are usually other moves)."""
    return next((a for a in r.amounts if a.cls == NUMBER_CLASS), None)


def _source(r: Report) -> dict[str, Any]:
    return {"article_id": r.article_id, "outlet": r.outlet, "published": str(r.published) if r.published else None,
            "number": (a.text if (a := _main_number(r)) else None), "status": r.status,
            "copy_of": r.source_id if r.source_id != r.article_id else None, "sentence": r.sentence}


def _row(c: Cluster) -> list[Any]:
    rs = c.reports
    nums = [a for r in rs if (a := _main_number(r))]
    statuses = Counter(r.status for r in rs)
    place = next((r for r in rs if r.place_name), None)
    dated = [r for r in rs if r.date_value]
    texts = sorted({a.text for a in nums})
    return [
        c.id, next((r.actor_country or r.actor_name for r in rs if r.actor), None),
        next((u for r in rs if (u := named_unit(r.sentence))), None),
        place.place_name if place else None, place.place_country if place else None,
        next((r.origin_name for r in rs if r.origin_name), None),
        min((a.low for a in nums), default=None), max((a.high for a in nums), default=None),
        " / ".join(texts) if texts else None,
        min((r.date_value for r in dated), default=None),
        max(((r.date_end or r.date_value) for r in dated), default=None),
        " / ".join(s for s, _ in statuses.most_common()), len(c.sources),
        json.dumps([_source(r) for r in rs], ensure_ascii=False, default=str),
    ]


def build_ledger(clusters: list[Cluster]) -> list[list[Any]]:
    """Ledger rows (column order = the ``ledger`` table) for the MOBILIZE merged events."""
    return [_row(c) for c in clusters if c.reports[0].category in CATEGORIES]


def ledger_rows(store: Store, actor: str | None = None, place: str | None = None) -> list[dict[str, Any]]:
    """The ledger as a timeline per place (place, then date), filtered by actor country and place.

    ``place`` matches the place's name or its country code (``PL`` or ``Poland``)."""
    where, params = [], []
    if actor:
        where.append("(upper(actor_country) = upper(?))")
        params.append(actor)
    if place:
        where.append("(upper(place_country) = upper(?) OR lower(place_name) = lower(?))")
        params += [place, place]
    sql = "SELECT * FROM ledger" + (" WHERE " + " AND ".join(where) if where else "")
    return store.query(sql + " ORDER BY place_country NULLS LAST, place_name, date_start NULLS LAST, merged_id", params)
