"""HTML pages: trafilatura for title, date, author and body; figcaptions kept apart as captions."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field

import htmldate
import lxml.html
import trafilatura
from lxml import etree

from .features import is_date_line
from .flattened import classify

# Dates from <meta>/<time>/JSON-LD only: a date guessed from the running text is found
# later by our own text rules and labelled "text", not "meta".
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "section",
               "article", "header", "footer", "nav", "aside", "blockquote", "figure", "ul", "ol", "table", "main"}
_DROP_TAGS = ("script", "style", "noscript", "template", "svg")
_WS = re.compile(r"\s+")
# An unclosed <title> swallows the whole page as its text; close it before the next tag.
_UNCLOSED_TITLE = re.compile(r"(<title\b[^>]*>)([^<]*)(?=<(?!/title))", re.IGNORECASE)
# trafilatura's baseline fallback returns one blob with paragraph breaks lost; a blob this
# long is re-split along the page's block elements.
RESPLIT_MIN_CHARS = 200
MAX_DATE_LINES = 3  # printed date lines kept from a page (the first ones: the article's own)
MAX_DATE_LINE_CHARS = 120
# trafilatura's precision mode is used unless it keeps less than this share of the tokens
# its default mode finds (then it cut the article itself). Shares 0.3-0.6 scored the same
# on eval/cleaning HTML (`sitrep eval cleaning`).
PRECISION_MIN_SHARE = 0.5
_TOKEN = re.compile(r"\w+")
RESPLIT_MIN_COVER = 0.8  # the re-split lines must cover this share of the blob, else keep it


@dataclass
class Extracted:
    """What the HTML gave: title, body paragraphs, captions, date, author, canonical URL."""

    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    date: str | None = None
    date_lines: list[str] = field(default_factory=list)  # printed date lines ("Published ..."), page order
    author: str | None = None
    url: str | None = None


def parse_tree(html: str) -> lxml.html.HtmlElement | None:
    """The page as an lxml tree, or None when lxml finds no document in it."""
    try:
        return lxml.html.document_fromstring(_UNCLOSED_TITLE.sub(r"\1\2</title>", html, count=1))
    except (etree.ParserError, ValueError):
        return None


def take_captions(tree: lxml.html.HtmlElement) -> list[str]:
    """Remove every <figcaption> from ``tree`` and return their texts (whitespace collapsed)."""
    captions = []
    for node in list(tree.iter("figcaption")):
        text = _WS.sub(" ", node.text_content()).strip()
        if text and text not in captions:
            captions.append(text)
        node.drop_tree()
    return captions


def extract_html(html: str) -> Extracted:
    """1. parse; 2. captions out; 3. trafilatura; 4. fallback to the line classifier; 5. date."""
    tree = parse_tree(html)
    if tree is None:
        return Extracted()
    out = Extracted(captions=take_captions(tree), date_lines=printed_dates(tree))
    doc = _best_extraction(lxml.html.tostring(tree, encoding="unicode"))
    if doc is not None and doc.text and doc.text.strip():
        out.title, out.author, out.url, out.date = doc.title, doc.author, doc.url, doc.date
        out.paragraphs = [p.strip() for p in doc.text.split("\n") if p.strip()]
        if len(out.paragraphs) == 1 and len(out.paragraphs[0]) >= RESPLIT_MIN_CHARS:
            out.paragraphs = _resplit(out.paragraphs[0], tree)
    else:
        labelled = classify(page_text(tree))
        out.title = labelled.title
        out.paragraphs, out.boilerplate = labelled.body, labelled.boilerplate
        out.captions += [c for c in labelled.captions if c not in out.captions]
    if out.title is None:
        node = tree.find(".//title")
        out.title = _WS.sub(" ", node.text_content()).strip() or None if node is not None else None
    if out.date is None:
        out.date = _htmldate(tree)
    return out


def printed_dates(tree: lxml.html.HtmlElement) -> list[str]:
    """The first few lines of the page's visible text that are a date ("Published Nov. 19, 2019")."""
    found = []
    for line in page_text(_copy(tree)).split("\n\n"):
        if len(line) <= MAX_DATE_LINE_CHARS and is_date_line(line):
            found.append(line)
            if len(found) >= MAX_DATE_LINES:
                break
    return found


def _best_extraction(html: str) -> trafilatura.settings.Document | None:
    """trafilatura in precision mode (it leaves out more teasers and newsletter boxes), or in
    its default mode when precision mode kept too little of what the default mode finds."""
    precise = _trafilatura(html, favor_precision=True)
    default = _trafilatura(html, favor_precision=False)
    if precise is None or default is None:
        return precise or default
    kept, found = len(_TOKEN.findall(precise.text or "")), len(_TOKEN.findall(default.text or ""))
    return precise if kept >= PRECISION_MIN_SHARE * found else default


def _trafilatura(html: str, favor_precision: bool) -> trafilatura.settings.Document | None:
    with warnings.catch_warnings():
        # trafilatura's own lxml truth-testing warns on some pages; not ours to fix.
        warnings.simplefilter("ignore", FutureWarning)
        result = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_images=False,
            date_extraction_params=_DATE_PARAMS, favor_precision=favor_precision,
        )
    if not isinstance(result, trafilatura.settings.Document) or not (result.text or "").strip():
        return None
    return result


def _htmldate(tree: lxml.html.HtmlElement) -> str | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        found = htmldate.find_date(tree, extensive_search=False, original_date=True)
    return found or None


def _resplit(blob: str, tree: lxml.html.HtmlElement) -> list[str]:
    """The blob cut back into paragraphs: the page's block lines found in it, in order."""
    flat = _WS.sub(" ", blob)
    pieces, pos = [], 0
    for line in page_text(_copy(tree)).split("\n\n"):
        at = flat.find(line, pos)
        if at >= 0 and len(line) > 1:
            pieces.append(line)
            pos = at + len(line)
    covered = sum(len(p) + 1 for p in pieces)
    return pieces if covered >= RESPLIT_MIN_COVER * len(flat) else [blob]


def _copy(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(lxml.html.tostring(tree, encoding="unicode"))


def page_text(tree: lxml.html.HtmlElement) -> str:
    """All visible text of the page, one block element per line (for the fallback classifier)."""
    for tag in _DROP_TAGS:
        for node in list(tree.iter(tag)):
            node.drop_tree()
    for node in tree.iter():
        if isinstance(node.tag, str) and node.tag.lower() in _BLOCK_TAGS:
            node.tail = "\n\n" + (node.tail or "")
            if node.tag.lower() != "br":
                node.text = "\n\n" + (node.text or "")
    text = tree.text_content()
    lines = (_WS.sub(" ", ln).strip() for ln in text.split("\n\n"))
    return "\n\n".join(ln for ln in lines if ln)
