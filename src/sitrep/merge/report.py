"""One report of an event, as the merge sees it: the stored event row plus its article's
outlet, publication date and copy group, with its date turned into a window.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

# Days added on each side of a reported date, by precision: reports of one event disagree
# by a day or two ("Wednesday" vs the day it was announced). Tuned on tests/fixtures/merge
# (`sitrep eval merge --data tests/fixtures/merge`).
SLACK_DAYS = {"day": 2, "week": 3, "month": 5, "year": 10, "window": 3}
# An event without a date of its own happened around its article's publication.
UNDATED_BEFORE, UNDATED_AFTER = 7, 1
# Merge blocks: reports are merged only with reports of their block (category and the
# BLOCK_DAYS period holding the middle of their date window), so a refresh re-merges only
# the blocks new reports fall in, and the result is the same whatever the ingest order.
# Reports of one event whose windows straddle a block boundary stay apart (a recall cost
# measured on tests/fixtures/merge*). Periods count from BLOCK_EPOCH.
BLOCK_DAYS = 28
BLOCK_EPOCH = date(2000, 1, 3)  # a Monday
UNDATED_ANCHOR = 1  # an undated report most likely tells of the day before it was published
_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def units() -> dict[str, Any]:
    """The unit classes and formation words (data/merge/units.json)."""
    data = json.loads(resources.files("sitrep.data").joinpath("merge").joinpath("units.json").read_text("utf-8"))
    data["by_unit"] = {u: cls for cls, names in data["classes"].items() for u in names}
    return data


def unit_class(unit: str | None) -> str | None:
    """The class of a counted noun ('paratroopers' -> 'personnel'), or the noun itself."""
    if not unit:
        return None
    u = unit.lower().strip()
    return units()["by_unit"].get(u) or units()["by_unit"].get(u.split()[-1]) or u


@dataclass(frozen=True)
class Amount:
    """A quantity of one report: its class, its number (or range) and the words."""

    cls: str
    low: float
    high: float
    text: str

    @property
    def value(self) -> str:
        """The number as text: '3000' or '2500-3000'."""
        lo, hi = f"{self.low:g}", f"{self.high:g}"
        return lo if lo == hi else f"{lo}-{hi}"


@dataclass
class Report:
    """An event read from one sentence of one article."""

    event_id: str
    article_id: str
    source_id: str  # the article, or the original of which it is a syndicated copy
    outlet: str | None
    published: date | None
    category: str
    mode: str | None
    actor: str | None  # country code, else lower-cased name
    target: str | None
    actor_name: str | None
    actor_country: str | None
    target_name: str | None
    target_country: str | None
    place_name: str | None
    place_country: str | None
    place_kind: str | None
    lat: float | None
    lon: float | None
    origin_name: str | None
    date_value: date | None
    date_end: date | None
    date_precision: str | None
    status: str
    sentence: str
    span: tuple[int, int]
    amounts: list[Amount] = field(default_factory=list)
    source_outlet: str | None = None  # the outlet of source_id (a wire copy counts as the original's outlet)

    @property
    def place(self) -> str | None:
        """The place name, folded for comparison (computed once: compare asks for it per pair)."""
        if "_place" not in self.__dict__:
            self.__dict__["_place"] = (self.place_name.lower().removeprefix("the ").strip()
                                       if self.place_name else None)
        return self.__dict__["_place"]

    def window(self) -> tuple[date, date] | None:
        """The days this report's event may have happened on (None when nothing dates it)."""
        if self.date_value:
            slack = timedelta(days=SLACK_DAYS.get(self.date_precision or "day", 2))
            return self.date_value - slack, (self.date_end or self.date_value) + slack
        if self.published:
            return self.published - timedelta(days=UNDATED_BEFORE), self.published + timedelta(days=UNDATED_AFTER)
        return None

    @property
    def source_key(self) -> str:
        """What counts as one source: the outlet of the original story (else the story itself)."""
        return (self.source_outlet or self.source_id).lower()

    @property
    def block(self) -> str:
        """The merge block: category and the BLOCK_DAYS period of the report's likeliest day
        (the middle of its date, else the day before publication)."""
        if self.date_value:
            day = self.date_value + ((self.date_end or self.date_value) - self.date_value) / 2
        elif self.published:
            day = self.published - timedelta(days=UNDATED_ANCHOR)
        else:
            return f"{self.category}|undated"
        return f"{self.category}|{(day - BLOCK_EPOCH).days // BLOCK_DAYS}"

    def words(self) -> frozenset[str]:
        """Content words of the sentence (for a similarity hint); computed once per report."""
        if "_words" not in self.__dict__:
            self.__dict__["_words"] = frozenset(w for w in _WORD.findall(self.sentence.lower()) if len(w) > 3)
        return self.__dict__["_words"]


def _participant(name: str | None, country: str | None) -> str | None:
    if country:
        return country.upper()
    return name.lower().strip() if name else None


REPORT_SQL = """
SELECT e.id, e.article_id, coalesce(c.copy_of, e.article_id) AS source_id, a.outlet,
       coalesce(o.outlet, a.outlet) AS source_outlet, a.published,
       e.category, e.mode, e.actor_name, e.actor_country, e.target_name, e.target_country,
       e.place_name, e.place_country, p.kind AS place_kind, e.lat, e.lon, e.origin_name,
       e.date_value, e.date_end, e.date_precision, e.status, e.sentence, e.span_start, e.span_end,
       list(struct_pack(unit := q.unit, value := q.value, low := q.low, high := q.high, text := q.text)
            ORDER BY q.idx) FILTER (WHERE q.idx IS NOT NULL) AS qs
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN article_copies c ON c.article_id = e.article_id
LEFT JOIN articles o ON o.id = c.copy_of
LEFT JOIN places p ON p.event_id = e.id AND p.role = 'place' AND p.idx = 0
LEFT JOIN quantities q ON q.event_id = e.id
{where}
GROUP BY ALL
ORDER BY e.id
"""


def _amounts(qs: list[dict[str, Any]] | None) -> list[Amount]:
    out = []
    for q in qs or []:
        low = q["low"] if q["low"] is not None else q["value"]
        high = q["high"] if q["high"] is not None else q["value"]
        cls = unit_class(q["unit"])
        if cls and low is not None and high is not None:
            out.append(Amount(cls, float(low), float(high), q["text"] or ""))
    return out


def load_reports(con: Any, where: str = "", params: list[Any] | None = None) -> list[Report]:
    """Stored events as Reports, in event-id order: every one, or those matching ``where``
    (a SQL WHERE clause over ``e`` the events and ``a`` their articles)."""
    out = []
    for r in con.execute(REPORT_SQL.format(where=where), params or []).fetchall():
        (eid, aid, sid, outlet, source_outlet, published, cat, mode, an, ac, tn, tc, pn, pc, pk, lat, lon, origin,
         dv, de, dp, status, sentence, s0, s1, qs) = r
        out.append(Report(
            eid, aid, sid, outlet, published, cat, mode, _participant(an, ac), _participant(tn, tc),
            an, ac, tn, tc, pn, pc, pk, lat, lon, origin, dv, de, dp, status, sentence or "",
            (s0, s1), _amounts(qs), source_outlet,
        ))
    return out
