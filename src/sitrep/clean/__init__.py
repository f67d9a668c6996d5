"""Clean stage: from the raw input to title, body, captions, boilerplate, date and language.

HTML goes through trafilatura (``html.py``), flattened text through our line classifier
(``flattened.py``: rules, revised by the trained line model ``linemodel.py`` when its file
is shipped). Text printed twice is kept once (``dedup.py``). Datelines are recorded but
left in the body (``dateline.py``); the date's source is recorded (``published.py``).
Non-English bodies get ``language`` and an E202 note; the parse stage skips them.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import E, SitrepError
from ..schema import Article
from .dateline import find_dateline
from .dedup import drop_repeats
from .flattened import Labelled, classify, classify_body_lines
from .html import extract_html
from .language import detect_language
from .published import TEXT_DATE_PARAGRAPHS, resolve_published

_BYLINE_EDGE = " \t·•|,;:-–—"
_BY_PREFIX = re.compile(r"^(?:by|par|por|von|di)\s+", re.IGNORECASE)

NAME = "clean"
VERSION = "4"
REQUIRES = ("raw", "format")
ASSIGNS = ("title", "body", "captions", "boilerplate", "published", "published_source", "language", "byline", "dateline")


def run(article: Article, ctx: Any) -> None:
    """Fill the article's cleaned fields in place; raise E201 when no body text is left."""
    # 1. split the input into title, body lines, captions, boilerplate
    labelled, meta_date = _labelled(article)
    # 2. the body without text printed twice, or an error naming the input
    labelled.body, repeats = drop_repeats(labelled.body, labelled.captions)
    labelled.boilerplate += repeats
    body = "\n\n".join(labelled.body).strip()
    if not body:
        raise SitrepError(E.E201, path=article.source)
    article.body = body
    article.title = article.title or labelled.title
    article.captions = labelled.captions
    article.boilerplate = labelled.boilerplate
    article.byline = article.byline or _byline(labelled.bylines)
    # 3. dateline and publication date
    found = find_dateline(body)
    article.dateline = found[0] if found else None
    hints = [*labelled.captions, *labelled.body[:TEXT_DATE_PARAGRAPHS]]
    iso, source, note = resolve_published(
        article.published, article.published_source, meta_date, article.url, article.dateline, hints,
        labelled.dates,
    )
    article.published, article.published_source = iso, source
    if note:
        article.notes.append(note)
    # 4. language; non-English is a note, not an error
    article.language = detect_language(body, ctx.settings.language_default)
    if article.language != "en":
        article.notes.append(SitrepError(E.E202, path=article.source, language=article.language).message)


def _labelled(article: Article) -> tuple[Labelled, str | None]:
    """The page labelled line by line, and the date from HTML metadata (if HTML)."""
    if article.format != "html":
        return classify(article.raw), None
    page = extract_html(article.raw)
    paragraphs = [p for p in page.paragraphs if p != page.title]
    labelled = classify_body_lines("\n\n".join(paragraphs))
    labelled.title = page.title
    labelled.captions = page.captions + [c for c in labelled.captions if c not in page.captions]
    labelled.boilerplate = page.boilerplate + labelled.boilerplate
    labelled.dates = page.date_lines + labelled.dates
    if page.author and not labelled.bylines:
        labelled.bylines.append(page.author)
    if page.url and not article.url:
        article.url = page.url
    return labelled, page.date


def _byline(lines: list[str]) -> str | None:
    """The first byline without its leading "By "."""
    if not lines:
        return None
    line = lines[0].strip().strip(_BYLINE_EDGE)
    return _BY_PREFIX.sub("", line).strip(_BYLINE_EDGE) or None
