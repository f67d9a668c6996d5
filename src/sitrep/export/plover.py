"""Merged events as a PLOVER-style JSON file.

PLOVER (the successor of CAMEO) names each event by ``event_type`` and ``mode`` between a
source and a target actor; this file follows the field names of PLOVER's JSON examples
(``event_type``, ``mode``, ``source``/``target`` actors, ``location``, ``date``) and adds
what sitrep keeps: the status, the number the sources give, every report with its
outlet, sentence and character offsets, and the disagreements between reports.

``event_type`` is the record's category (the act: "agreed to withdraw" is RETREAT with status
``planned``); ``event_type_view`` is the same event under PLOVER's coding convention
(``events.plover``: a stated commitment to act is AGREE, a refusal REJECT, a threat THREATEN),
read from the merged category and status and the CAMEO-view code of a report that has both.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from ..events.plover import plover_category, stored_view
from ..store import Store

FORMAT = "sitrep-plover"
VERSION = "2"  # 2: event_type_view


def _iso(v: Any) -> Any:
    return v.isoformat() if isinstance(v, date) else v


def _views(store: Store) -> dict[str, tuple[str, str, str]]:
    """Event id -> (category, status, PLOVER-view category) of every stored event not reported as occurred."""
    rows = store.query("SELECT id, category, status, cameo, trigger, sentence FROM events"
                       " WHERE status IS DISTINCT FROM 'occurred'")
    return {r["id"]: (r["category"], r["status"], stored_view(r["category"], r["status"], r["cameo"], r["sentence"], r["trigger"]))
            for r in rows}


def _view(m: dict[str, Any], sources: list[dict[str, Any]], views: dict[str, tuple[str, str, str]]) -> str:
    """A merged event's PLOVER-view category: that of a report with its category and status, else from the table."""
    same = (views[s["event_id"]][2] for s in sources
            if s["event_id"] in views and views[s["event_id"]][:2] == (m["category"], m["status"]))
    return next(same, None) or plover_category(m["category"], m["status"])


def _event(m: dict[str, Any], sources: list[dict[str, Any]], disagree: list[dict[str, Any]], view: str) -> dict[str, Any]:
    return {
        "id": m["id"], "event_type": m["category"], "event_type_view": view, "mode": m["mode"],
        "date": _iso(m["date_start"]), "date_end": _iso(m["date_end"]), "status": m["status"],
        "source": {"name": m["actor_name"], "country": m["actor_country"]},
        "target": {"name": m["target_name"], "country": m["target_country"]},
        "location": {"placename": m["place_name"], "country": m["place_country"], "lat": m["lat"], "lon": m["lon"]},
        "quantity": m["quantity"], "n_reports": m["n_reports"], "n_sources": m["n_sources"],
        "reports": [{"event_id": s["event_id"], "article_id": s["article_id"], "copy_of": s["copy_of"],
                     "outlet": s["outlet"], "published": _iso(s["published"]), "sentence": s["sentence"],
                     "offsets": [s["span_start"], s["span_end"]]} for s in sources],
        "disagreements": [{"field": d["field"], "value": d["value"], "n_sources": d["n_sources"],
                           "outlets": json.loads(d["outlets"])} for d in disagree],
    }


def export_plover(store: Store, out: Path, table: str | None = None) -> int:
    """Every merged event in one JSON document; returns the number of events."""
    sources: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in store.query("SELECT * FROM event_sources ORDER BY merged_id, published NULLS LAST, event_id"):
        sources[s["merged_id"]].append(s)
    disagree: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d in store.query("SELECT * FROM disagreements ORDER BY merged_id, field, value"):
        disagree[d["merged_id"]].append(d)
    views = _views(store)
    events = [_event(m, sources[m["id"]], disagree[m["id"]], _view(m, sources[m["id"]], views))
              for m in store.query("SELECT * FROM merged_events ORDER BY date_start NULLS LAST, id")]
    doc = {"format": FORMAT, "version": VERSION, "events": events}
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(events)
