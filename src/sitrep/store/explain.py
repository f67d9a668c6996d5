"""One merged event in full: its fields, every report, why they were joined, where they differ."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..errors import E, SitrepError

if TYPE_CHECKING:
    from . import Store


def merged_event(store: Store, merged_id: str) -> dict[str, Any]:
    """The merged event ``merged_id`` (or a unique prefix): row, sources, links, disagreements."""
    found = store.query("SELECT * FROM merged_events WHERE id LIKE ? || '%'", [merged_id])
    if len(found) != 1:
        raise SitrepError(E.E604, id=merged_id, path=store.path)
    event = found[0]
    mid = event["id"]
    event["sources"] = store.query(
        "SELECT s.*, e.status, e.date_value, e.place_name,"
        " (SELECT string_agg(q.text, '; ' ORDER BY q.idx) FROM quantities q WHERE q.event_id = s.event_id)"
        " AS quantities FROM event_sources s JOIN events e ON e.id = s.event_id WHERE s.merged_id = ?"
        " ORDER BY s.published NULLS LAST, s.event_id", [mid])
    event["links"] = [{**r, "reasons": json.loads(r["reasons"])} for r in store.query(
        "SELECT event_a, event_b, score, reasons FROM merge_links WHERE merged_id = ? ORDER BY score DESC,"
        " event_a, event_b", [mid])]
    event["disagreements"] = [
        {**r, "outlets": json.loads(r["outlets"]), "article_ids": json.loads(r["article_ids"]),
         "event_ids": json.loads(r["event_ids"])}
        for r in store.query("SELECT field, value, event_ids, article_ids, outlets, n_sources FROM disagreements"
                             " WHERE merged_id = ? ORDER BY field, value", [mid])]
    return event
