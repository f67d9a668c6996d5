"""Group reports into merged events, deterministically over everything stored.

1. Block: reports are compared only within their merge block (category and date period,
   ``Report.block``), there with the reports of their actor; reports without an actor are
   compared with every report of their block. Blocks are merged independently, so
   clustering a few whole blocks gives exactly what clustering everything gives for them.
2. Candidates: within a block, only reports whose date windows overlap (sorted sweep).
3. Links: candidate pairs that are compatible with enough evidence (``rules.compare``).
4. Merge: links in a canonical order (strongest first, then by event ids) join two groups
   only when every report of one is compatible with every report of the other, so no
   merged event holds two reports that contradict each other.

The result depends only on the set of reports, never on the order they were stored in:
re-running after new articles gives what ingesting everything at once gives.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from ..ids import fact_id
from .report import Report
from .rules import Verdict, compare

MAX_UNDATED_BLOCK = 5000  # undated reports are compared pairwise only in blocks up to this size


@dataclass
class Cluster:
    """One merged event: its reports and the links that joined them (a spanning tree)."""

    reports: list[Report]
    links: list[tuple[str, str, Verdict]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return fact_id("M", min(r.event_id for r in self.reports))

    @property
    def sources(self) -> list[str]:
        """Distinct sources: outlets (syndicated copies count as the original's outlet)."""
        return sorted({r.source_key for r in self.reports})


def _blocks(reports: list[Report]) -> list[list[Report]]:
    by_key: dict[tuple[str, str | None], list[Report]] = defaultdict(list)
    by_block: dict[str, list[Report]] = defaultdict(list)
    for r in reports:
        by_key[(r.block, r.actor)].append(r)
        by_block[r.block].append(r)
    blocks = []
    for (block, actor), members in sorted(by_key.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        if actor is None:  # no actor: compatible with any actor of the block
            members = by_block[block]
        blocks.append(members)
    return blocks


def _candidates(block: list[Report]) -> set[tuple[int, int]]:
    """Index pairs (into the block) whose date windows overlap, plus undated pairs."""
    dated = [(w, i) for i, r in enumerate(block) if (w := r.window()) is not None]
    undated = [i for i, r in enumerate(block) if r.window() is None]
    dated.sort(key=lambda x: (x[0][0], block[x[1]].event_id))
    pairs: set[tuple[int, int]] = set()
    for k, ((lo, hi), i) in enumerate(dated):
        for (lo2, _hi2), j in dated[k + 1:]:
            if lo2 > hi:
                break
            pairs.add((min(i, j), max(i, j)))
    if len(block) <= MAX_UNDATED_BLOCK:
        pairs.update((min(i, j), max(i, j)) for i in undated for j in range(len(block)) if i != j)
    return pairs


def _links(reports: list[Report]) -> list[tuple[Report, Report, Verdict]]:
    seen: set[tuple[str, str]] = set()
    out = []
    for block in _blocks(reports):
        for i, j in _candidates(block):
            a, b = sorted((block[i], block[j]), key=lambda r: r.event_id)
            if (a.event_id, b.event_id) in seen:
                continue
            seen.add((a.event_id, b.event_id))
            v = compare(a, b)
            if v.linked:
                out.append((a, b, v))
    out.sort(key=lambda t: (-t[2].score, t[0].event_id, t[1].event_id))
    return out


def cluster(reports: list[Report]) -> list[Cluster]:
    """Merged events over all reports (singletons included), ordered by id."""
    parent = {r.event_id: r.event_id for r in reports}
    members = {r.event_id: [r] for r in reports}
    tree: dict[str, list[tuple[str, str, Verdict]]] = defaultdict(list)

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, v in _links(reports):
        ra, rb = find(a.event_id), find(b.event_id)
        if ra == rb or not all(compare(x, y).compatible for x in members[ra] for y in members[rb]):
            continue
        keep, gone = min(ra, rb), max(ra, rb)
        parent[gone] = keep
        members[keep].extend(members.pop(gone))
        tree[keep].extend(tree.pop(gone, []))
        tree[keep].append((a.event_id, b.event_id, v))
    clusters = [Cluster(sorted(m, key=_report_order), tree.get(root, [])) for root, m in members.items()]
    return sorted(clusters, key=lambda c: c.id)


def _report_order(r: Report) -> tuple[date, str]:
    return (r.published or date.max, r.event_id)
