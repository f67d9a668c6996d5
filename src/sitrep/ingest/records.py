"""Building the Article a reader yields from what it read."""

from __future__ import annotations

from collections.abc import Mapping

from ..ids import article_id
from ..schema import Article
from .sniff import looks_like_html

META_FIELDS = ("url", "title", "published")


def make_article(content: str, source: str, fmt: str | None, meta: Mapping[str, object] | None = None,
                 note: str | None = None) -> Article:
    """An Article over ``content``; ``fmt`` None means sniff text vs HTML from the content."""
    if fmt is None:
        fmt = "html" if looks_like_html(content) else "text"
    art = Article(id=article_id(content), source=source, format=fmt, raw=content)
    for name in META_FIELDS:
        value = (meta or {}).get(name)
        if isinstance(value, str) and value.strip():
            setattr(art, name, value.strip())
    if art.published:
        art.published_source = "input"
    if note:
        art.notes.append(note)
    return art


def content_of(record: Mapping[str, object]) -> tuple[str, str | None] | None:
    """(content, format) from a record's ``html`` or ``text`` field, or None when both are empty."""
    html, text = record.get("html"), record.get("text")
    if isinstance(html, str) and html.strip():
        return html, "html"
    if isinstance(text, str) and text.strip():
        return text, None
    return None
