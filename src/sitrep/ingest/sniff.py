"""Cheap content sniffs: does this text look like HTML, do these bytes look binary."""

from __future__ import annotations

import re

# A document is HTML when one of these tags shows up near its start.
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p|meta|title)\b", re.IGNORECASE)
SNIFF_CHARS = 2048  # only the start of a document is sniffed

BINARY_SAMPLE_BYTES = 8192
# Share of control bytes (other than tab/newline/CR/FF/ESC) above which a file is binary;
# plain text in any encoding has next to none.
BINARY_CONTROL_RATIO = 0.10
_TEXT_CONTROLS = {9, 10, 12, 13, 27}


def looks_like_html(text: str) -> bool:
    """True when the start of ``text`` has an HTML tag (doctype, html, body, p ...)."""
    return bool(_HTML_START.search(text[:SNIFF_CHARS]))


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` looks binary (NUL bytes, many control bytes), or None if it looks like text."""
    sample = data[:BINARY_SAMPLE_BYTES]
    if not sample:
        return None
    if b"\x00" in sample:
        return "contains NUL bytes"
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    ratio = controls / len(sample)
    if ratio > BINARY_CONTROL_RATIO:
        return f"{ratio:.0%} control bytes"
    return None
