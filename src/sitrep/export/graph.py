"""The actor network as GraphML or GEXF: who met, accused, supported whom.

Nodes are event participants (a country code, else the actor's name); a directed edge
runs from actor to target, weighted by the number of merged events between them, with the
count per PLOVER category as edge attributes (``n_CONSULT``...).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..store import Store

EDGES_SQL = """
SELECT coalesce(actor_country, actor_name) AS source, coalesce(target_country, target_name) AS target,
       category, count(*) AS n, sum(n_sources) AS sources
FROM merged_events
WHERE coalesce(actor_country, actor_name) IS NOT NULL AND coalesce(target_country, target_name) IS NOT NULL
GROUP BY ALL ORDER BY 1, 2, 3
"""


def actor_graph(store: Store) -> Any:
    """A networkx DiGraph of participants, edges weighted by merged events."""
    import networkx as nx

    graph = nx.DiGraph(name="sitrep actor network")
    for row in store.query(EDGES_SQL):
        s, t = row["source"], row["target"]
        if s == t:
            continue
        for node in (s, t):
            if node not in graph:
                graph.add_node(node, label=node, kind="country" if len(node) <= 4 and node.isupper() else "actor")
        data = graph.get_edge_data(s, t) or {"weight": 0, "sources": 0}
        data["weight"] += int(row["n"])
        data["sources"] += int(row["sources"] or 0)
        data[f"n_{row['category']}"] = int(row["n"])
        graph.add_edge(s, t, **data)
    return graph


def export_graphml(store: Store, out: Path, table: str | None = None) -> int:
    """The actor network as GraphML; returns the number of edges."""
    import networkx as nx

    graph = actor_graph(store)
    nx.write_graphml(graph, out)
    return graph.number_of_edges()


def export_gexf(store: Store, out: Path, table: str | None = None) -> int:
    """The actor network as GEXF (Gephi); returns the number of edges."""
    import networkx as nx

    graph = actor_graph(store)
    nx.write_gexf(graph, out)
    return graph.number_of_edges()
