"""Whether two reports describe the same real-world event, and why.

:func:`compare` checks one pair and returns a :class:`Verdict`: ``compatible`` is False
when anything contradicts (another actor, target or place, dates too far apart, numbers
of one kind too different, the same article); ``score`` adds up the evidence that they
match (``specific`` counts the evidence beyond actor and date; a denial needs some to join
a report that is not one). Two reports are *linked* when compatible with ``score >= LINK_SCORE``; a merged
event only ever holds reports that are pairwise compatible (see ``cluster.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .report import Report

# Evidence weights and the link threshold, tuned on tests/fixtures/merge
# (`sitrep eval merge --data tests/fixtures/merge`).
W_ACTOR = 1.0
W_TARGET = 1.0
W_PLACE = 1.0
W_PLACE_COUNTRY = 0.5  # a city and its country ("Constanta" and "Romania")
W_DATE = 1.0  # both reports dated and their windows overlap
W_UNDATED = 0.5  # one report undated, published within the other's window
W_STATUS = 0.25  # both denied, both threatened... (not "occurred", which says little)
W_AMOUNT = 0.5  # numbers of one kind within AMOUNT_RATIO
W_MODE = 0.25
W_WORDS = 0.5  # sentences share at least WORDS_MIN of their content words
LINK_SCORE = 2.0
AMOUNT_RATIO = 1.6  # 3,000 vs 2,500 troops is one deployment; 3,000 vs 1,700 is two
AMOUNT_RATIO_BY_CLASS = {"people": 3.0}  # crowd sizes vary widely between police and organisers
WORDS_MIN = 0.3
COPY_SENTENCE_MIN = 0.7  # a copy's sentence may differ from the original's in its dateline


@dataclass
class Verdict:
    """The outcome of comparing two reports, with the reasons in words."""

    compatible: bool
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    specific: int = 0  # pieces of evidence beyond actor and date: target, place, number, wording, copy

    @property
    def linked(self) -> bool:
        return self.compatible and self.score >= LINK_SCORE


def _no(reason: str) -> Verdict:
    return Verdict(False, 0.0, [reason])


def _participants(a: Report, b: Report, v: Verdict) -> bool:
    for label, x, y, w in (("actor", a.actor, b.actor, W_ACTOR), ("target", a.target, b.target, W_TARGET)):
        if x and y and x != y:
            v.reasons.append(f"{label} differs: {x} vs {y}")
            return False
        if x and y:
            v.score += w
            v.specific += label == "target"
            v.reasons.append(f"same {label} {x}")
    return True


def _place(a: Report, b: Report, v: Verdict) -> bool:
    if not (a.place and b.place):
        return True
    if a.place == b.place:
        v.score += W_PLACE
        v.specific += 1
        v.reasons.append(f"same place {a.place_name}")
        return True
    countryish = "country" in (a.place_kind, b.place_kind) or a.place_country in (b.place, None)
    if a.place_country and a.place_country == b.place_country and countryish:
        v.score += W_PLACE_COUNTRY
        v.specific += 1
        v.reasons.append(f"places in one country: {a.place_name} / {b.place_name} ({a.place_country})")
        return True
    v.reasons.append(f"place differs: {a.place_name} vs {b.place_name}")
    return False


def _dates(a: Report, b: Report, v: Verdict) -> bool:
    wa, wb = a.window(), b.window()
    if wa is None or wb is None:
        v.reasons.append("no date to compare")
        return True
    if wa[0] > wb[1] or wb[0] > wa[1]:
        v.reasons.append(f"dates too far apart: {wa[0]}..{wa[1]} vs {wb[0]}..{wb[1]}")
        return False
    if a.date_value and b.date_value:
        v.score += W_DATE
        v.reasons.append(f"dates agree: {a.date_value} ({a.date_precision}) / {b.date_value} ({b.date_precision})")
    else:
        v.score += W_UNDATED
        v.reasons.append("undated report published within the other's window")
    return True


def _amounts(a: Report, b: Report, v: Verdict) -> bool:
    for x in a.amounts:
        for y in b.amounts:
            if x.cls != y.cls:
                continue
            ratio = max(x.high, y.high) / max(min(x.high, y.high), 1.0)
            overlap = x.low <= y.high and y.low <= x.high
            if ratio > AMOUNT_RATIO_BY_CLASS.get(x.cls, AMOUNT_RATIO) and not overlap:
                v.reasons.append(f"numbers of {x.cls} too different: {x.text} vs {y.text}")
                return False
            v.score += W_AMOUNT
            v.specific += 1
            v.reasons.append(f"numbers of {x.cls} close: {x.text} / {y.text}")
            return True
    return True


def _overlap(a: Report, b: Report) -> float:
    wa, wb = a.words(), b.words()
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def _hints(a: Report, b: Report, v: Verdict) -> None:
    if a.mode and a.mode == b.mode:
        v.score += W_MODE
        v.reasons.append(f"same mode {a.mode}")
    if a.status == b.status and a.status != "occurred":
        v.score += W_STATUS
        v.reasons.append(f"both {a.status}")
    if _overlap(a, b) >= WORDS_MIN:
        v.score += W_WORDS
        v.specific += 1
        v.reasons.append("sentences share their wording")


def compare(a: Report, b: Report) -> Verdict:
    """Compare two reports of one category: compatible or not, how much evidence, why."""
    if a.category != b.category:
        return _no(f"categories differ: {a.category} vs {b.category}")
    if a.article_id == b.article_id:
        return _no("same article")
    v = Verdict(True, 0.0, [f"same category {a.category}"])
    if a.source_id == b.source_id:
        # a syndicated copy repeats the original's sentence; its other sentences are other events
        if _overlap(a, b) < COPY_SENTENCE_MIN:
            return _no("one story (syndicated copy), another sentence")
        v.score += LINK_SCORE
        v.specific += 1
        v.reasons.append("syndicated copies of one story, same sentence")
    for check in (_participants, _place, _dates, _amounts):
        if not check(a, b, v):
            v.compatible = False
            return v
    _hints(a, b, v)
    if (a.status == "denied") != (b.status == "denied") and not v.specific:
        # "Russia denies it will invade" is not "Russia moves troops into Belarus" just because
        # both name Russia in one week: a denial joins a report only on something it denies
        v.compatible = False
        v.reasons.append("a denial and another report share only actor and date")
    return v
