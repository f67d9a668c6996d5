"""Bring everything derived across articles up to date, in one transaction.

New articles are those not yet in ``refreshed_articles``. A refresh recomputes only what
they can change, each part over whole independent units, so the result equals a full
rebuild whatever order or batches the articles arrived in:

1. copies: the copy groups (connected components of MinHash-similar articles) that the new
   articles' LSH band keys reach are recomputed whole (``clean/neardup.py``);
2. actor keys: the identity groups of new actors (people: one surname) are re-resolved
   whole (``merge/actors.py``);
3. merged events: the merge blocks (category and date period) holding new events, or
   events whose copy group changed, are re-clustered whole (``merge/``), with their
   disagreements and ledger rows.

``full=True`` clears the derived tables first, recomputes every article's outlet and
treats every article as new. A kill
mid-way rolls it all back and the next ingest (or ``sitrep refresh``) redoes it.
"""

from __future__ import annotations

import json
from typing import Any

import duckdb

from ..clean import neardup
from ..merge import actors as actor_identity
from ..merge import cluster, disagreements, load_reports, summary
from ..merge.cluster import Cluster
from . import bulk
from .ledger import build_ledger
from .outlet import outlet_of

DERIVED = ("article_copies", "actor_keys", "merged_events", "event_sources", "merge_links", "disagreements",
           "ledger", "event_blocks", "refreshed_articles")
BY_MERGED = {"merged_events": "id", "event_sources": "merged_id", "merge_links": "merged_id",
             "disagreements": "merged_id", "ledger": "merged_id"}
REPORTED = ("article_copies", "actor_keys", "merged_events", "event_sources", "merge_links", "disagreements",
            "ledger")

# band-key candidates: pairs with at least one end in _seed (a temp table of article ids)
_PAIRS_SQL = """
SELECT DISTINCT least(n.article_id, o.article_id), greatest(n.article_id, o.article_id)
FROM neardup_keys n JOIN _seed s ON s.article_id = n.article_id
JOIN neardup_keys o ON o.band = n.band AND o.key = n.key AND o.article_id <> n.article_id
"""


def rebuild(con: duckdb.DuckDBPyConnection, full: bool = True) -> dict[str, int]:
    """Bring the derived tables up to date (all of them when ``full``); returns their row counts."""
    con.execute("BEGIN TRANSACTION")
    try:
        if full:
            for table in DERIVED:
                con.execute(f"DELETE FROM {table}")
            _outlets(con)
        con.execute("CREATE OR REPLACE TEMP TABLE _new AS SELECT a.id AS article_id FROM articles a"
                    " WHERE NOT EXISTS (SELECT 1 FROM refreshed_articles r WHERE r.article_id = a.id)")
        _copies(con)
        _actor_keys(con)
        _merge(con)
        con.execute("INSERT OR IGNORE INTO refreshed_articles SELECT article_id FROM _new")
        con.execute("INSERT OR REPLACE INTO meta VALUES ('derived_stale', '0')")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    for temp in ("_new", "_seed", "_moved", "_touched", "_gone"):
        con.execute(f"DROP TABLE IF EXISTS {temp}")
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in REPORTED}


def _outlets(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute every article's outlet (older files stored the URL host only)."""
    rows = con.execute("SELECT id, title, url, source, outlet FROM articles").fetchall()
    changed = [[aid, new] for aid, title, url, source, old in rows
               if (new := outlet_of(title, url, source or "")) != old]
    if changed:
        con.execute("CREATE OR REPLACE TEMP TABLE _outlet (id VARCHAR, outlet VARCHAR)")
        bulk.insert(con, "_outlet", changed, ignore=False)
        con.execute("UPDATE articles SET outlet = o.outlet FROM _outlet o WHERE articles.id = o.id")
        con.execute("DROP TABLE _outlet")


def _temp(con: duckdb.DuckDBPyConnection, name: str, ids: list[str] | set[str], column: str = "article_id") -> None:
    """A temp table of one column holding ``ids``."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} ({column} VARCHAR)")
    if ids:
        bulk.insert(con, name, [[i] for i in sorted(ids)], ignore=False)


def _linked(con: duckdb.DuckDBPyConnection, pairs: list[tuple[str, str]]) -> tuple[list[tuple[str, str, float]], dict]:
    """The candidate pairs that are copies (with similarity), and the order of their articles."""
    ids = sorted({x for p in pairs for x in p})
    _temp(con, "_ids", ids)
    info = con.execute("SELECT m.article_id, m.signature, a.published FROM article_minhash m JOIN _ids i"
                       " ON i.article_id = m.article_id JOIN articles a ON a.id = m.article_id").fetchall()
    sigs = {aid: sig for aid, sig, _ in info}
    order = {aid: (str(pub) if pub else "9999", aid) for aid, _, pub in info}
    linked = [(a, b, sim) for a, b in pairs
              if (sim := neardup.similarity(sigs[a], sigs[b])) >= neardup.COPY_THRESHOLD]
    return linked, order


def _copies(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute the copy groups new articles reach; ``_moved`` gets every article regrouped."""
    con.execute("CREATE OR REPLACE TEMP TABLE _seed AS SELECT article_id FROM _new")
    linked, _ = _linked(con, con.execute(_PAIRS_SQL).fetchall())
    seeds = {x for a, b, _ in linked for x in (a, b)}
    _temp(con, "_ids", seeds)
    # whole old groups of the seeds: their canonical articles and every copy of those
    group = {r[0] for r in con.execute(
        "WITH g AS (SELECT coalesce(c.copy_of, i.article_id) AS canon FROM _ids i"
        " LEFT JOIN article_copies c ON c.article_id = i.article_id)"
        " SELECT canon FROM g UNION SELECT c.article_id FROM article_copies c JOIN g ON c.copy_of = g.canon"
    ).fetchall()}
    affected = seeds | group
    _temp(con, "_seed", affected)
    pairs = [p for p in con.execute(_PAIRS_SQL).fetchall() if p[0] in affected and p[1] in affected]
    linked, order = _linked(con, pairs)
    groups = neardup.canonical_groups(linked, order)
    con.execute("DELETE FROM article_copies WHERE article_id IN (SELECT article_id FROM _seed)")
    bulk.insert(con, "article_copies", [[aid, canon, sim] for aid, (canon, sim) in sorted(groups.items())])
    con.execute("CREATE OR REPLACE TEMP TABLE _moved AS SELECT article_id FROM _seed"
                " WHERE article_id NOT IN (SELECT article_id FROM _new)")
    con.execute("DROP TABLE IF EXISTS _ids")


def _actor_rows(con: duckdb.DuckDBPyConnection, where: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cur = con.execute("SELECT a.id, a.article_id, a.name, a.kind, a.role, a.affiliation, a.country, a.named, k.grp"
                      f" FROM actors a LEFT JOIN actor_keys k ON k.actor_id = a.id {where} ORDER BY a.id", params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _actor_keys(con: duckdb.DuckDBPyConnection) -> None:
    """Resolve the identity groups of new actors whole (with the stored actors of those groups)."""
    rows = _actor_rows(con, "WHERE a.article_id IN (SELECT article_id FROM _new)")
    for a in rows:
        a["grp"] = actor_identity.actor_group(a)
    people = sorted({a["grp"] for a in rows if a["grp"].startswith("P|")})
    if people:
        marks = ",".join("?" * len(people))
        known = {a["id"] for a in rows}
        rows += [a for a in _actor_rows(con, f"WHERE k.grp IN ({marks})", people) if a["id"] not in known]
        con.execute(f"DELETE FROM actor_keys WHERE grp IN ({marks})", people)
    keys = actor_identity.actor_keys(rows)
    bulk.insert(con, "actor_keys", [[a["id"], keys[a["id"]], a["grp"]] for a in rows])


def _merge(con: duckdb.DuckDBPyConnection) -> None:
    """Re-cluster the blocks of new events and of events whose copy group changed."""
    new = load_reports(con, "WHERE e.article_id IN (SELECT article_id FROM _new)")
    bulk.insert(con, "event_blocks", [[r.event_id, r.block] for r in new])
    touched = {r.block for r in new} | {b for (b,) in con.execute(
        "SELECT DISTINCT b.block FROM event_blocks b JOIN events e ON e.id = b.event_id"
        " WHERE e.article_id IN (SELECT article_id FROM _moved)").fetchall()}
    _temp(con, "_touched", touched, "block")
    con.execute("CREATE OR REPLACE TEMP TABLE _gone AS SELECT DISTINCT s.merged_id FROM event_sources s"
                " JOIN event_blocks b ON b.event_id = s.event_id JOIN _touched t ON t.block = b.block")
    for table, key in BY_MERGED.items():
        con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT merged_id FROM _gone)")
    reports = load_reports(con, "WHERE e.id IN (SELECT b.event_id FROM event_blocks b"
                                " JOIN _touched t ON t.block = b.block)")
    clusters = cluster(reports)
    _write_merged(con, clusters)
    bulk.insert(con, "ledger", build_ledger(clusters))


def _write_merged(con: duckdb.DuckDBPyConnection, clusters: list[Cluster]) -> None:
    merged, sources, links, disagree = [], [], [], []
    cols = bulk.columns(con, "merged_events")
    for c in clusters:
        found = disagreements(c)
        row = summary(c)
        row["n_disagreements"] = len({d.field for d in found})
        merged.append([row[k] for k in cols])
        sources += [[c.id, r.event_id, r.article_id, r.source_id if r.source_id != r.article_id else None,
                     r.outlet, r.published, r.sentence, r.span[0], r.span[1]] for r in c.reports]
        links += [[c.id, a, b, v.score, json.dumps(v.reasons)] for a, b, v in c.links]
        disagree += [[c.id, d.field, d.value, json.dumps([r.event_id for r in d.reports]),
                      json.dumps(sorted({r.article_id for r in d.reports})),
                      json.dumps(sorted({r.outlet or "" for r in d.reports})), d.n_sources] for d in found]
    bulk.insert(con, "merged_events", merged)
    bulk.insert(con, "event_sources", sources)
    bulk.insert(con, "merge_links", links, ignore=False)
    bulk.insert(con, "disagreements", disagree, ignore=False)
