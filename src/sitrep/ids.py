"""Stable identifiers: same content, same id, in any process or machine."""

from __future__ import annotations

import hashlib
import re

_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Whitespace collapsed and stripped: what the article id is computed over."""
    return _WS.sub(" ", text).strip()


def article_id(text: str) -> str:
    """16 hex chars of sha256 over the normalised input text."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:16]


def fact_id(prefix: str, *parts: object) -> str:
    """An id for a fact, derived from what identifies it (article id, offsets, ...)."""
    key = "\x1f".join(str(p) for p in parts)
    return f"{prefix}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"
