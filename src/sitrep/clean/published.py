"""Publication date, first source that gives one wins: input, meta, url, dateline, text."""

from __future__ import annotations

from collections.abc import Iterable

from .dates import date_from_url, first_date, to_iso

TEXT_DATE_PARAGRAPHS = 2  # body paragraphs searched for a date when nothing better exists


def resolve_published(
    given: str | None,
    given_source: str | None,
    meta: str | None,
    url: str | None,
    dateline: str | None,
    text_hints: Iterable[str],
) -> tuple[str | None, str | None, str | None]:
    """(ISO date, its source, a note when the input's own date could not be read).

    ``text_hints`` are date lines, captions and the first body paragraphs, in that order.
    """
    note = None
    if given:
        iso = to_iso(given)
        if iso:
            return iso, given_source or "input", None
        note = f"published date {given!r} from the input could not be read; looked elsewhere"
    candidates = (("meta", to_iso(meta)), ("url", date_from_url(url)), ("dateline", first_date(dateline or "")))
    for source, iso in candidates:
        if iso:
            return iso, source, note
    for hint in text_hints:
        iso = first_date(hint)
        if iso:
            return iso, "text", note
    return None, None, note
