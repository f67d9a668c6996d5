"""Readers, issue 4: WARC and gzip round trips, large inputs, wrong encodings, broken HTML."""

from __future__ import annotations

import dataclasses
import gzip
import io
import json
from pathlib import Path

import pytest

from sitrep import clean
from sitrep.errors import E, SitrepError
from sitrep.ingest import read_inputs
from sitrep.pipeline import Context
from sitrep.schema import Article
from sitrep.settings import Settings

PAGE = """<!doctype html><html><head><title>Dam Repairs Finish Early | Valley Times</title>
<meta charset="utf-8"></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Dam Repairs Finish Early</h1>
<p>Repairs to the river dam finished two weeks ahead of schedule, the water authority said on Monday.</p>
<p>The reservoir will be refilled slowly over the next month to let engineers check the new gates.</p>
</article><footer>Copyright 2023 Valley Times</footer></body></html>"""


def read(paths: list[Path], settings: Settings) -> list[Article | SitrepError]:
    return list(read_inputs(paths, settings))


def write_warc(path: Path, records: list[tuple[str, str, bytes]], gz: bool) -> None:
    """A WARC with one response per (url, content type, body), written with warcio."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, ctype, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            # an explicit length keeps warcio from buffering the payload in a temporary file
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          length=len(body), http_headers=headers))
            request = b"GET / HTTP/1.1\r\n\r\n"
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(request),
                                                          length=len(request)))


@pytest.mark.parametrize("gz", [False, True])
def test_ingest_warc_round_trip_html_only(settings: Settings, tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, [
        ("https://valley.example/2023/05/02/dam", "text/html; charset=utf-8", PAGE.encode()),
        ("https://valley.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(50)),
        ("https://valley.example/latin", "text/html; charset=iso-8859-1", "<p>Caf\xe9 reopens in town.</p>".encode("latin-1")),
    ], gz)
    items = read([path], settings)
    assert all(isinstance(i, Article) for i in items) and len(items) == 2
    first, second = items
    assert first.format == "html" and first.url == "https://valley.example/2023/05/02/dam"
    assert "Repairs to the river dam" in first.raw and first.source.startswith(str(path) + "#record")
    assert "Café reopens" in second.raw  # decoded by the charset the server declared
    clean.run(first, Context(settings))
    assert first.published == "2023-05-02" and first.published_source == "url"
    assert "Home" not in first.body and first.body.startswith("Repairs to the river dam")


def test_ingest_warc_without_html_is_a_clear_error(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "images.warc"
    write_warc(path, [("https://valley.example/a.png", "image/png", b"\x89PNG" + bytes(20))], False)
    (err,) = read([path], settings)
    assert isinstance(err, SitrepError) and err.code == E.E111 and "images.warc" in err.message


def test_ingest_not_a_warc(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("this is not an archive\n" * 5, encoding="utf-8")
    (err,) = read([path], settings)
    assert isinstance(err, SitrepError) and err.code == E.E101 and "fake.warc" in err.message


@pytest.mark.parametrize("name", ["page.html.gz", "page.txt.gz", "pages.jsonl.gz"])
def test_ingest_gzip_round_trip(settings: Settings, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    payload = json.dumps({"html": PAGE, "url": "https://valley.example/dam"}) + "\n" if "jsonl" in name else PAGE
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(payload)
    (art,) = read([path], settings)
    assert isinstance(art, Article) and art.format == "html" and art.raw.strip() == PAGE.strip()


def test_ingest_50mb_text_is_rejected_with_message(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = b"The river rose again overnight and the council opened two more shelters.\n"
    with path.open("wb") as fh:
        for _ in range(50_000_000 // len(line) + 1):
            fh.write(line)
    assert path.stat().st_size >= 50_000_000
    (err,) = read([path], settings)
    assert isinstance(err, SitrepError) and err.code == E.E109
    assert "huge.txt" in err.message and "max_input_bytes" in err.message


def test_ingest_50mb_jsonl_is_streamed(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    record = json.dumps({"text": "Flood waters receded in the valley on Tuesday. " * 200}) + "\n"
    small = dataclasses.replace(settings, max_input_bytes=1_000_000)
    with path.open("w", encoding="utf-8") as fh:
        for _ in range(50_000_000 // len(record) + 1):
            fh.write(record)
        fh.write(json.dumps({"text": "x" * 2_000_000}) + "\n")  # one line over the per-document limit
        fh.write(record)
    count, errs = 0, []
    for item in read_inputs([path], small):  # consumed one by one: nothing holds the whole file
        if isinstance(item, Article):
            count += 1
        else:
            errs.append(item)
    assert count == 50_000_000 // len(record) + 2
    assert len(errs) == 1 and errs[0].code == E.E109 and "#L" in errs[0].message


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_ingest_wrong_encoding_is_decoded(settings: Settings, tmp_path: Path, encoding: str) -> None:
    text = "Le café du port a rouvert ses portes après les réparations du quai, a annoncé la mairie lundi."
    path = tmp_path / "cafe.txt"
    path.write_bytes(text.encode(encoding))
    (art,) = read([path], settings)
    assert isinstance(art, Article) and "café du port" in art.raw and "réparations" in art.raw


@pytest.mark.parametrize("html", [
    "<html><body><div><p>Talks between the two unions broke down on Friday evening, a mediator said.<p>"
    "Both sides will meet again next week, he added.</div></span></body>",
    "<title>Union Talks Fail<body><p>Talks between the two unions broke down on Friday evening, a mediator said."
    "<p>Both sides will meet again next week, he added.",
    "<p>Talks between the two unions broke down on Friday evening, a mediator said.</b></i><table><tr><td>"
    "<p>Both sides will meet again next week, he added.",
])
def test_clean_broken_html_still_gives_body(settings: Settings, html: str) -> None:
    art = Article(id="b", source="<test>", format="html", raw=html)
    clean.run(art, Context(settings))
    assert "Talks between the two unions broke down" in art.body
    assert "Both sides will meet again next week" in art.body
