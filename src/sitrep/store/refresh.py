"""Rebuild everything derived across articles, in one transaction, from what is stored.

1. copies: articles sharing an LSH band key whose MinHash similarity reaches the copy
   threshold are linked to the earliest of their group (``clean/neardup.py``);
2. actor keys: one global key per actor record (``merge/actors.py``);
3. merged events with their sources and the links that joined them (``merge/``);
4. disagreements between the reports of each merged event;
5. the force-posture ledger (``store/ledger.py``).

Everything is recomputed over all stored rows, so the result depends only on what is
stored, never on the order or the runs it arrived in; a kill mid-way rolls it all back
and the next ingest (or ``sitrep refresh``) redoes it.
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

DERIVED = ("article_copies", "actor_keys", "merged_events", "event_sources", "merge_links", "disagreements",
           "ledger")

CANDIDATES_SQL = """
SELECT DISTINCT a.article_id, b.article_id
FROM neardup_keys a JOIN neardup_keys b ON a.band = b.band AND a.key = b.key AND a.article_id < b.article_id
"""


def rebuild(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Recompute the derived tables; returns their row counts."""
    con.execute("BEGIN TRANSACTION")
    try:
        for table in DERIVED:
            con.execute(f"DELETE FROM {table}")
        bulk.insert(con, "article_copies", _copies(con))
        bulk.insert(con, "actor_keys", _actor_keys(con))
        clusters = cluster(load_reports(con))
        _write_merged(con, clusters)
        bulk.insert(con, "ledger", build_ledger(clusters))
        con.execute("INSERT OR REPLACE INTO meta VALUES ('derived_stale', '0')")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in DERIVED}


def _copies(con: duckdb.DuckDBPyConnection) -> list[list[Any]]:
    pairs = con.execute(CANDIDATES_SQL).fetchall()
    if not pairs:
        return []
    ids = sorted({x for p in pairs for x in p})
    marks = ",".join("?" * len(ids))
    info = con.execute(
        f"SELECT m.article_id, m.signature, a.published FROM article_minhash m JOIN articles a"
        f" ON a.id = m.article_id WHERE m.article_id IN ({marks})", ids).fetchall()
    sigs = {aid: sig for aid, sig, _ in info}
    order = {aid: (str(pub) if pub else "9999", aid) for aid, _, pub in info}
    linked = [(a, b, sim) for a, b in pairs
              if (sim := neardup.similarity(sigs[a], sigs[b])) >= neardup.COPY_THRESHOLD]
    groups = neardup.canonical_groups(linked, order)
    return [[aid, canon, sim] for aid, (canon, sim) in sorted(groups.items())]


def _actor_keys(con: duckdb.DuckDBPyConnection) -> list[list[Any]]:
    cur = con.execute("SELECT id, article_id, name, kind, role, affiliation, country FROM actors ORDER BY id")
    names = [d[0] for d in cur.description]
    actors = [dict(zip(names, r)) for r in cur.fetchall()]
    return [[aid, key] for aid, key in sorted(actor_identity.actor_keys(actors).items())]


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
