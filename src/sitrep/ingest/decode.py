"""Bytes to text: UTF-8 first, then charset-normalizer; binary and undetectable input are errors."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import Any

from charset_normalizer import from_bytes

from ..errors import E, SitrepError
from .sniff import binary_reason

# On short texts charset-normalizer often rates a DOS code page (cp775, cp850) as clean as the
# Windows/ISO one a news site really used; among near-equal candidates prefer these, in order.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r", "cp1253", "cp1254")
_CHAOS_MARGIN = 0.02

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass
class Decoded:
    """Text decoded from bytes, and a note when it was not UTF-8."""

    text: str
    encoding: str
    note: str | None = None


def decode_bytes(data: bytes, source: str) -> Decoded:
    """Decode ``data`` read from ``source``; raise E103 (binary) or E104 (unknown encoding)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(encoding, errors="replace"), encoding)
    reason = binary_reason(data)
    if reason is not None:
        raise SitrepError(E.E103, path=source, reason=reason)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    best = _choose(from_bytes(data))
    if best is None or best.encoding is None:
        raise SitrepError(E.E104, path=source)
    note = f"{source}: not valid UTF-8, decoded as {best.encoding}"
    return Decoded(str(best), best.encoding, note)


def _choose(results: Any) -> Any:
    """The best charset-normalizer match, preferring common web encodings among near-equals."""
    best = results.best()
    if best is None:
        return None
    close = {r.encoding: r for r in results if r.chaos <= best.chaos + _CHAOS_MARGIN}
    return next((close[name] for name in _PREFERRED if name in close), best)
