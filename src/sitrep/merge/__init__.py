"""The record across articles: reports of one real-world event merged into one event.

``report.py`` turns stored events into reports, ``rules.py`` compares two reports (with
reasons), ``cluster.py`` groups them deterministically, ``disagree.py`` keeps every value
reports differ on, ``actors.py`` is the hook for actor identity across articles.
"""

from __future__ import annotations

from .cluster import Cluster, cluster
from .disagree import Disagreement, disagreements, summary
from .report import Report, load_reports
from .rules import Verdict, compare

__all__ = ["Cluster", "Disagreement", "Report", "Verdict", "cluster", "compare", "disagreements",
           "load_reports", "summary"]
