"""Readable Rich renderings of stored records, scores and the demo summary."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.table import Table

from .store import Store

TROOP_UNITS = ("troops", "soldiers", "troop", "soldier", "service members", "personnel", "marines", "paratroopers")


def _rows_table(title: str, columns: list[str], rows: list[list[Any]]) -> Table:
    table = Table(title=title)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*["" if v is None else str(v) for v in row])
    return table


def print_article(out: Console, rec: dict[str, Any]) -> None:
    """One stored article: metadata, actors, quotes and events."""
    out.print(f"[bold]{rec.get('title') or '(no title)'}[/bold]  {rec['id']}")
    out.print(f"source {rec['source']}  published {rec.get('published')} ({rec.get('published_source')})"
              f"  language {rec.get('language')}")
    out.print(_rows_table("actors", ["name", "kind", "role", "affiliation", "country", "mentions"],
                          [[a["name"], a["kind"], a["role"], a["affiliation"], a["country"], len(a["mentions"])]
                           for a in rec["actors"]]))
    out.print(_rows_table("quotes", ["speaker", "kind", "text"],
                          [[q["speaker_name"], q["kind"], q["text"]] for q in rec["quotes"]]))
    out.print(_rows_table("events", ["category", "actor", "target", "place", "date", "quantities", "status"],
                          [_event_cells(e) for e in rec["events"]]))


def _event_cells(e: dict[str, Any]) -> list[Any]:
    def name(ref: dict[str, Any] | None) -> str | None:
        return None if ref is None else (ref.get("country") or ref.get("name"))

    date = e["date"]["value"] if e.get("date") else None
    qty = "; ".join(q["text"] for q in e.get("quantities", []))
    return [e["category"], name(e.get("actor")), name(e.get("target")), (e.get("place") or {}).get("name"),
            date, qty, e["status"]]


def print_scores(out: Console, result: dict[str, Any]) -> None:
    """An eval result as a table: one row per scored part (nested P/R/F1 dicts), then the
    total, then any other figures (accuracies, timings)."""
    parts = dict(result.get("sections", {}))
    parts.update({k: v for k, v in result.items() if isinstance(v, dict) and "f1" in v})
    rows = [[name, s["precision"], s["recall"], s["f1"], s["n"]] for name, s in parts.items()]
    rows.append(["total", result["precision"], result["recall"], result["f1"], result["n"]])
    out.print(_rows_table(f"sitrep eval {result.get('task', '')}", ["part", "precision", "recall", "f1", "n"], rows))
    extra = {k: v for k, v in result.items()
             if not isinstance(v, (dict, list)) and k not in ("precision", "recall", "f1", "n", "predicted", "task")}
    for name, value in extra.items():
        out.print(f"{name}: {value}")
    for name, s in parts.items():
        if s.get("missed"):
            out.print(f"[dim]{name} missed: {s['missed']}[/dim]")


def print_demo(out: Console, store: Store) -> None:
    """Events per category, top speakers and troop numbers in a store."""
    cats = store.query("SELECT category, count(*) AS n FROM events GROUP BY 1 ORDER BY 2 DESC, 1")
    out.print(_rows_table("events per category", ["category", "events"], [[r["category"], r["n"]] for r in cats]))
    speakers = store.query(
        "SELECT speaker_name, count(*) AS n FROM quotes WHERE speaker_name IS NOT NULL"
        " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10"
    )
    out.print(_rows_table("top speakers", ["speaker", "quotes"], [[r["speaker_name"], r["n"]] for r in speakers]))
    marks = ",".join("?" * len(TROOP_UNITS))
    troops = store.query(
        "SELECT e.actor_country, e.place_name, e.origin_name, q.text, e.status, e.date_value, a.source"
        " FROM quantities q JOIN events e ON e.id = q.event_id JOIN articles a ON a.id = q.article_id"
        f" WHERE lower(q.unit) IN ({marks}) ORDER BY e.date_value NULLS LAST, q.value DESC",
        list(TROOP_UNITS),
    )
    out.print(_rows_table("troop numbers", ["actor", "to", "from", "number", "status", "date", "source"],
                          [[r["actor_country"], r["place_name"], r["origin_name"], r["text"], r["status"],
                            r["date_value"], r["source"].rsplit("/", 1)[-1]] for r in troops]))
    merged = store.merged()
    several = sum(1 for m in merged if m["n_sources"] > 1)
    out.print(f"{len(merged)} merged events, {several} reported by more than one source")
    numbers = [d for d in store.disagreements() if d["field"] == "number"]
    if numbers:
        print_disagreements(out, numbers, title="sources disagree on numbers")


def print_event(out: Console, ev: dict[str, Any]) -> None:
    """One merged event: its fields, every report, why they were joined, where they differ."""
    out.print(f"[bold]{ev['id']}[/bold]  {ev['category']} ({ev['mode'] or '-'})  "
              f"{ev['actor_name'] or ev['actor_country'] or '?'} -> {ev['target_name'] or ev['target_country'] or '-'}"
              f"  at {ev['place_name'] or '?'}  {ev['date_start'] or '?'}..{ev['date_end'] or ''}  {ev['status']}"
              f"  {ev['quantity'] or ''}")
    out.print(f"{ev['n_reports']} reports from {ev['n_sources']} sources (syndicated copies count once)")
    out.print(_rows_table("reports", ["event", "outlet", "published", "copy of", "offsets", "status", "numbers",
                                      "sentence"],
                          [[s["event_id"], s["outlet"], s["published"], s["copy_of"],
                            f"{s['article_id'][:8]}[{s['span_start']}:{s['span_end']}]", s["status"],
                            s["quantities"], s["sentence"]] for s in ev["sources"]]))
    out.print(_rows_table("why these reports were joined", ["report", "with", "score", "reasons"],
                          [[lk["event_a"], lk["event_b"], f"{lk['score']:.2f}", "; ".join(lk["reasons"])]
                           for lk in ev["links"]]))
    if ev["disagreements"]:
        print_disagreements(out, ev["disagreements"], title="where the reports differ")


def print_disagreements(out: Console, rows: list[dict[str, Any]], title: str = "disagreements") -> None:
    """Each differing value with the outlets that give it."""
    def outlets(r: dict[str, Any]) -> str:
        names = r["outlets"]
        return ", ".join(json.loads(names) if isinstance(names, str) else names)

    out.print(_rows_table(title, ["event", "what", "field", "value", "sources", "outlets"],
                          [[r.get("merged_id", ""), " ".join(str(r.get(k) or "") for k in
                                                              ("category", "actor_country", "place_name")).strip(),
                            r["field"], r["value"], r["n_sources"], outlets(r)] for r in rows]))


def print_ledger(out: Console, rows: list[dict[str, Any]]) -> None:
    """The force-posture ledger, one timeline per place."""
    columns = ["date", "actor", "unit", "from", "number", "status", "sources", "outlets", "event"]
    by_place: dict[str, list[list[Any]]] = {}
    for r in rows:
        place = r["place_name"] or "(place not reported)"
        if r["place_country"]:
            place += f" ({r['place_country']})"
        span = f"{r['date_start'] or '?'}" + (f"..{r['date_end']}" if r["date_end"] and r["date_end"] != r["date_start"]
                                             else "")
        outlets = sorted({s["outlet"] or "" for s in json.loads(r["sources"])})
        by_place.setdefault(place, []).append([span, r["actor_country"], r["unit"], r["origin_name"],
                                               r["number_text"], r["status"], r["n_sources"], ", ".join(outlets),
                                               r["merged_id"]])
    for place, table_rows in by_place.items():
        out.print(_rows_table(place, columns, table_rows))
    if not rows:
        out.print("no deployments recorded")


def print_rows(out: Console, rows: list[dict[str, Any]], title: str, columns: list[str] | None = None) -> None:
    """Query results as a table (the given columns, or every column)."""
    cols = columns or (list(rows[0]) if rows else [])
    out.print(_rows_table(f"{title} ({len(rows)})", cols, [[r.get(c) for c in cols] for r in rows]))
