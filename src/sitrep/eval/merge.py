"""Score the cross-article merge: pairwise precision, recall and F1 of merged events.

Gold: ``reports.jsonl`` (under ``--data``), one report a line with ``group`` (reports of one
real-world event share it), ``outlet``, ``published``, ``text`` and the hand-coded ``event``
(category, mode, actor, target, place, date, quantities, status). Each report becomes one
article with one event, stored in a temporary database and merged exactly as an ingest
merges. A pair of reports is predicted when both land in one merged event, and correct
when both share a group.
"""

from __future__ import annotations

import itertools
import re
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..ids import article_id, fact_id
from ..schema import ActorRef, Article, Event, EventDate, Place, Provenance, Quantity
from ..settings import Settings
from ..store import Store
from .common import find_file, read_jsonl
from .metrics import prf


def _ref(d: dict[str, Any] | None) -> ActorRef | None:
    return ActorRef(None, d["name"], d.get("country")) if d else None


def report_article(rec: dict[str, Any]) -> Article:
    """One gold report as an article record holding one event."""
    text, ev = rec["text"], rec["event"]
    aid = article_id(f"{rec['id']}\n{rec['outlet']}\n{text}")
    prov = Provenance(aid, "gold", "1", 1.0)
    place = Place(**ev["place"]) if ev.get("place") else None
    date = EventDate(ev["date"]["value"], ev["date"]["precision"], ev["date"].get("text", ""),
                     ev["date"].get("end")) if ev.get("date") else None
    event = Event(
        id=fact_id("V", aid, 0), category=ev["category"], mode=ev.get("mode"), cameo=None,
        actor=_ref(ev.get("actor")), target=_ref(ev.get("target")), place=place, origin=None, date=date,
        quantities=[Quantity(**q) for q in ev.get("quantities", [])], status=ev.get("status", "occurred"),
        sentence=text, span=[0, len(text)], confidence=1.0, provenance=prov,
    )
    slug = re.sub(r"[^a-z0-9]+", "-", rec["outlet"].lower()).strip("-")
    return Article(id=aid, source=rec["id"], url=f"https://{slug}.example/{rec['id']}", title=rec["id"],
                   published=rec["published"], body=text, language="en", events=[event])


def pairs(groups: dict[str, list[str]]) -> set[tuple[str, str]]:
    """Every unordered pair of members of each group."""
    return {tuple(sorted(p)) for members in groups.values() for p in itertools.combinations(members, 2)}


def evaluate(data: Path, settings: Settings) -> dict[str, Any]:
    """Merge the gold reports and score the pairs (also the share of groups merged exactly)."""
    gold_rows = read_jsonl(find_file(data, "reports.jsonl", "merge"), "merge")
    arts = {rec["id"]: report_article(rec) for rec in gold_rows}
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "merge.duckdb") as store:
        store.write_batch(list(arts.values()))
        store.refresh(force=True)
        found = dict(store.con.execute("SELECT article_id, merged_id FROM event_sources").fetchall())
    by_id = {a.id: rid for rid, a in arts.items()}
    predicted: dict[str, list[str]] = defaultdict(list)
    gold: dict[str, list[str]] = defaultdict(list)
    for aid, mid in found.items():
        predicted[mid].append(by_id[aid])
    for rec in gold_rows:
        gold[rec["group"]].append(rec["id"])
    pred_pairs, gold_pairs = pairs(predicted), pairs(gold)
    correct = pred_pairs & gold_pairs
    result = prf(len(correct), len(pred_pairs), len(correct), len(gold_pairs))
    exact = {frozenset(m) for m in predicted.values()} & {frozenset(m) for m in gold.values()}
    result.update(task="merge", reports=len(gold_rows), groups=len(gold), merged_events=len(predicted),
                  groups_exact=round(len(exact) / len(gold), 4),
                  wrong_pairs=sorted("+".join(p) for p in pred_pairs - gold_pairs)[:20],
                  missed_pairs=sorted("+".join(p) for p in gold_pairs - pred_pairs)[:20])
    return result
