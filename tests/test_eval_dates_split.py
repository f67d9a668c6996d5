"""The dates eval's dev/test halves: a stable split by the sha256 parity of the document id."""

from __future__ import annotations

from collections import Counter

from sitrep.eval.dates import result_f1, split_of


def test_split_is_stable_and_uses_both_halves() -> None:
    ids = [str(n) for n in range(100000, 100040)]
    halves = [split_of(i) for i in ids]
    assert halves == [split_of(i) for i in ids]
    assert set(halves) == {"dev", "test"}


def test_result_f1_is_relaxed_f1_times_value_accuracy() -> None:
    c = Counter(gold=10, pred=10, relaxed=8, value=4)
    assert result_f1(c) == 0.4  # relaxed F1 0.8 x value accuracy 0.5
