"""Merged events with coordinates as a GeoJSON FeatureCollection (RFC 7946: longitude first)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from ..store import Store

PROPERTIES = ("id", "category", "mode", "actor_name", "actor_country", "target_name", "target_country",
              "place_name", "place_country", "date_start", "date_end", "status", "quantity", "n_reports",
              "n_sources", "n_disagreements")


def _value(v: Any) -> Any:
    return v.isoformat() if isinstance(v, date) else v


def export_geojson(store: Store, out: Path, table: str | None = None) -> int:
    """One Point feature per merged event that has coordinates; returns the number of features."""
    rows = store.query("SELECT * FROM merged_events WHERE lat IS NOT NULL AND lon IS NOT NULL ORDER BY id")
    features = [{
        "type": "Feature", "id": r["id"],
        "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
        "properties": {k: _value(r[k]) for k in PROPERTIES},
    } for r in rows]
    out.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False), "utf-8")
    return len(features)
