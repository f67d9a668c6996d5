"""Precision, recall and F1 from counts."""

from __future__ import annotations

from typing import Any


def prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict[str, Any]:
    """P = correct predictions / predictions; R = gold items found / gold items."""
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "n": n_gold, "predicted": n_pred}
