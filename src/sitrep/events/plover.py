"""The PLOVER-convention view of an event's category, next to the record's own.

The event record says what the text says: "Russia agreed to withdraw its troops" is RETREAT with
status ``planned``, "refused to lift the sanctions" is the lifting (CONCEDE) with status
``refused``, "threatened to impose sanctions" is SANCTION with status ``threatened``. That is
what analysts want and what ``Event.category`` keeps. PLOVER coders (and the PLV gold) code the
stated commitment, refusal or threat itself: AGREE, REJECT, THREATEN. This view applies that
convention without touching the record, for the PLV scorer (``sitrep.eval.events``) and for the
``plover`` export, as ``events.cameo`` does for CAMEO's:

1. an occurred event keeps its category;
2. a CAMEO-view code (``cameo.status_code``: a wished or threatened material act, a refused or
   denied cooperative one) of root 03, 12 or 13 gives AGREE, REJECT or THREATEN;
3. otherwise the table ``data/events/plover_view.json`` ``by_status`` maps the record's category
   for its status (a planned cooperative act, "will meet" included, is AGREE; a refused one
   REJECT; a threatened coercive one THREATEN); anything else keeps its category.
"""

from __future__ import annotations

from ..schema import Event
from .cameo import status_code
from .lexicon import load


def plover_category(category: str, status: str | None, code: str | None = None) -> str:
    """The PLOVER-convention category of an event given its record category, status and
    (optionally) its CAMEO-view code; pure: same inputs, same answer.

    >>> plover_category("RETREAT", "planned")
    'AGREE'
    >>> plover_category("SANCTION", "occurred")
    'SANCTION'
    """
    if not status or status == "occurred":
        return category
    table = load("plover_view")
    by_root = table["roots"].get((code or "")[:2])
    if by_root:
        return str(by_root)
    return str(table["by_status"].get(status, {}).get(category, category))


def view_category(ev: Event) -> str:
    """An event's category under PLOVER's coding conventions (the record is left as it is)."""
    code, _ = status_code(ev)
    return plover_category(ev.category, ev.status, code)


def stored_view(category: str, status: str | None, cameo: str | None, sentence: str | None,
                trigger: str | None) -> str:
    """The view of a stored event row (the fields ``cameo.status_code`` reads, without a record)."""
    ev = Event(id="", category=category, mode=None, cameo=cameo, actor=None, target=None, place=None,
               origin=None, date=None, quantities=[], status=status or "occurred",  # type: ignore[arg-type]
               sentence=sentence or "", span=[0, 0], confidence=0.0, trigger=trigger)
    return view_category(ev)
