"""Where reports of one merged event differ: numbers, dates, places, status.

Every value is kept with the reports that give it; nothing is averaged away. Syndicated
copies of one story count as one source.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from .cluster import Cluster
from .report import Report

FIELDS = ("number", "date", "place", "status")


@dataclass
class Disagreement:
    """One value of one field of a merged event, with the reports that give it."""

    merged_id: str
    field: str
    value: str
    reports: list[Report]

    @property
    def n_sources(self) -> int:
        return len({r.source_key for r in self.reports})


def _values(r: Report) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"number": [f"{a.value} {a.cls}" for a in r.amounts[:1]]}
    out["date"] = [str(r.date_value)] if r.date_value else []
    out["place"] = [r.place_name] if r.place_name else []
    out["status"] = [r.status] if r.status else []
    return out


def disagreements(c: Cluster) -> list[Disagreement]:
    """The fields on which the reports of ``c`` give more than one value (from 2+ sources)."""
    if len(c.sources) < 2:
        return []
    by_field: dict[str, dict[str, list[Report]]] = {f: defaultdict(list) for f in FIELDS}
    for r in c.reports:
        for name, values in _values(r).items():
            for value in values:
                by_field[name][value].append(r)
    out = []
    for name in FIELDS:
        values = by_field[name]
        if name == "number":  # compare numbers of one kind only
            kinds = Counter(v.split(" ", 1)[1] for v in values)
            values = {v: rs for v, rs in values.items() if kinds[v.split(" ", 1)[1]] > 1}
        if name == "place":
            values = _distinct_places(values)
        if len(values) > 1:
            out.extend(Disagreement(c.id, name, v, rs) for v, rs in sorted(values.items()))
    return out


def _distinct_places(values: dict[str, list[Report]]) -> dict[str, list[Report]]:
    """Places that differ in name, leaving out a country named beside a city within it."""
    countries = {r.place_country for rs in values.values() for r in rs if r.place_kind != "country"}
    return {v: rs for v, rs in values.items()
            if not all(r.place_kind == "country" and r.place_country in countries for r in rs)}


def summary(c: Cluster) -> dict[str, Any]:
    """The merged event's row: most reported value of each field (ties: first in order)."""
    def top(values: list[Any]) -> Any:
        values = [v for v in values if v is not None]
        return Counter(values).most_common(1)[0][0] if values else None

    rs = c.reports
    dated = [r for r in rs if r.date_value]
    place = top([r.place_name for r in rs])
    at = next((r for r in rs if r.place_name == place), None)
    amounts = [a for r in rs for a in r.amounts[:1]]
    cls = top([a.cls for a in amounts])
    nums = [a for a in amounts if a.cls == cls]
    quantity = None
    if nums:
        lo, hi = min(a.low for a in nums), max(a.high for a in nums)
        quantity = f"{lo:,.0f} {cls}" if lo == hi else f"{lo:,.0f}-{hi:,.0f} {cls}"
    return {
        "id": c.id, "category": rs[0].category, "mode": top([r.mode for r in rs]),
        "actor_name": top([r.actor_name for r in rs]), "actor_country": top([r.actor_country for r in rs]),
        "target_name": top([r.target_name for r in rs]), "target_country": top([r.target_country for r in rs]),
        "place_name": place, "place_country": at.place_country if at else None,
        "lat": at.lat if at else None, "lon": at.lon if at else None,
        "date_start": min((r.date_value for r in dated), default=None),
        "date_end": max(((r.date_end or r.date_value) for r in dated), default=None),
        "status": top([r.status for r in rs]), "quantity": quantity,
        "n_reports": len(rs), "n_sources": len(c.sources),
    }
