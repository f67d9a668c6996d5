"""Publication date, first source that gives one wins: input, meta, url, dateline, text.

One refinement: HTML metadata often stores the time in UTC, so its day can be one off the
day printed on the page ("Published November 19, 2019 9:40 PM" vs "2019-11-20T03:40Z").
When a date line printed near the top of the page is within ``META_DRIFT_DAYS`` of the
metadata date, the printed day wins (source "text"); so does a printed date far from a
stale metadata date (``META_STALE_DAYS``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .dates import date_from_url, first_date, to_iso

TEXT_DATE_PARAGRAPHS = 2  # body paragraphs searched for a date when nothing better exists
# Max distance in days between the metadata date and a printed date line for the printed
# one to win (timezones shift a day; more means the line is about something else). Tuned
# on the URL dates of eval/cleaning (`sitrep eval cleaning`, date_accuracy).
META_DRIFT_DAYS = 1
# Metadata this many days away from the first printed date line is stale (a template's or
# an image's date): the printed line wins. Same tuning set as above.
META_STALE_DAYS = 30


def resolve_published(
    given: str | None,
    given_source: str | None,
    meta: str | None,
    url: str | None,
    dateline: str | None,
    text_hints: Iterable[str],
    date_lines: Iterable[str] = (),
) -> tuple[str | None, str | None, str | None]:
    """(ISO date, its source, a note when the input's own date could not be read).

    ``date_lines`` are the page's printed date lines ("Published ...") in page order;
    ``text_hints`` are captions and the first body paragraphs, searched last.
    """
    note = None
    if given:
        iso = to_iso(given)
        if iso:
            return iso, given_source or "input", None
        note = f"published date {given!r} from the input could not be read; looked elsewhere"
    printed = [d for d in (first_date(line) for line in date_lines) if d]
    meta_iso = to_iso(meta)
    if meta_iso:
        near = [d for d in printed if _days_apart(d, meta_iso) <= META_DRIFT_DAYS]
        if near:
            return (meta_iso, "meta", note) if meta_iso in near else (near[0], "text", note)
        if printed and _days_apart(printed[0], meta_iso) > META_STALE_DAYS:
            return printed[0], "text", note  # metadata left over from an older version of the page
        return meta_iso, "meta", note
    candidates = (("url", date_from_url(url)), ("text", printed[0] if printed else None),
                  ("dateline", first_date(dateline or "")))
    for source, iso in candidates:
        if iso:
            return iso, source, note
    for hint in text_hints:
        iso = first_date(hint)
        if iso:
            return iso, "text", note
    return None, None, note


def _days_apart(a: str, b: str) -> int:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
