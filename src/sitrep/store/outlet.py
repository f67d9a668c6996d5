"""The outlet that published an article, from what its record holds.

In order: the site name a page's title ends with ("... | Danube Daily", "... — The Baltic
Courier"), the URL's host ("danube-daily.example"), the name of the file it was read from.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import urlparse

from ..schema import Article

# Separators between a headline and the site name; a hyphen only with spaces around it.
_SUFFIX = re.compile(r"\s(?:\||—|–|-|::|·)\s+([^|—–·]+?)\s*$")
MAX_SITE_WORDS = 5  # longer tails are part of the headline ("... - and why it matters")
_SITE_WORD = re.compile(r"^(?:[A-Z][\w&'.-]*|of|the|and|de|du|la|le|al|der|die|des|&)$")


def site_name(title: str | None) -> str | None:
    """The site name a title ends with, if its tail looks like one (capitalised, no digits)."""
    if not title:
        return None
    m = _SUFFIX.search(title)
    if not m:
        return None
    name = m.group(1).strip()
    words = name.split()
    if not 1 <= len(words) <= MAX_SITE_WORDS or any(c.isdigit() for c in name):
        return None
    if not words[0][0].isupper() or not all(_SITE_WORD.match(w) for w in words):
        return None
    if len(title) - len(m.group(0)) < len(name):  # the "headline" would be shorter than the site
        return None
    return name


def outlet_of(title: str | None, url: str | None, source: str) -> str:
    """Who published an article: the title's site name, else the URL's host, else the file name."""
    if name := site_name(title):
        return name
    if url:
        host = urlparse(url).netloc.lower()
        if host:
            return host.removeprefix("www.")
    return PurePosixPath(source.split("#", 1)[0]).stem


def outlet(art: Article) -> str:
    """:func:`outlet_of` an article record."""
    return outlet_of(art.title, art.url, art.source)
