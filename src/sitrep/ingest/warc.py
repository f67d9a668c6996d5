"""Reader for WARC crawl archives (``.warc``, ``.warc.gz``): HTML responses only, via warcio.

Records are streamed one at a time; each response body is read with a cap of
``max_input_bytes`` (a larger one gets an E109 error for that record and reading goes on).
Requests, metadata, and non-HTML responses (images, scripts, JSON) are skipped silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import E, SitrepError
from ..schema import Article
from ..settings import Settings
from .decode import Decoded, decode_bytes
from .records import make_article

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, settings: Settings) -> Iterator[Article | SitrepError]:
    """Yield one Article per HTML response record (source ``path#record<N>``, url from the record)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    limit, found, number = settings.max_input_bytes, 0, 0
    try:
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                if not str(record.format).startswith("warc"):
                    break  # warcio reads any text as ARC lines: that is not a crawl archive
                number += 1
                if record.rec_type != "response" or not _is_html(record):
                    continue
                found += 1
                yield _article(record, f"{path}#record{number}", limit)
    except ArchiveLoadFailed as exc:
        yield SitrepError(E.E101, path=str(path), reason=f"not a readable WARC ({exc})")
        return
    if number == 0:
        yield SitrepError(E.E101, path=str(path), reason="no WARC records found")
    elif found == 0:
        yield SitrepError(E.E111, path=str(path))


def _is_html(record: object) -> bool:
    headers = getattr(record, "http_headers", None)
    if headers is None:
        return False
    ctype = (headers.get_header("Content-Type") or "").lower()
    return any(t in ctype for t in HTML_TYPES)


def _article(record: object, source: str, limit: int) -> Article | SitrepError:
    data = record.content_stream().read(limit + 1)  # type: ignore[attr-defined]
    if len(data) > limit:
        return SitrepError(E.E109, path=source, size=f"more than {limit}", limit=limit)
    if not data.strip():
        return SitrepError(E.E102, path=source)
    try:
        decoded = _decode(data, record, source)
    except SitrepError as err:
        return err
    url = record.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]
    return make_article(decoded.text, source, "html", {"url": url or ""}, note=decoded.note)


def _decode(data: bytes, record: object, source: str) -> Decoded:
    """Bytes by the charset the server declared, else by detection (``decode_bytes``)."""
    ctype = record.http_headers.get_header("Content-Type") or ""  # type: ignore[attr-defined]
    charset = ctype.lower().partition("charset=")[2].split(";")[0].strip(" \"'")
    if charset:
        try:
            return Decoded(data.decode(charset), charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, source)
