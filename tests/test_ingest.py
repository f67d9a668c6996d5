"""Readers: every input kind, and every bad input yields a coded error naming it."""

from __future__ import annotations

import dataclasses
import gzip
import shutil
from pathlib import Path

import pytest

from sitrep.errors import E, SitrepError
from sitrep.ids import article_id
from sitrep.ingest import read_inputs
from sitrep.schema import Article
from sitrep.settings import Settings

FIX = Path(__file__).parent / "fixtures" / "ingest"


def read(paths: list[Path | str], settings: Settings) -> list[Article | SitrepError]:
    return list(read_inputs(paths, settings))


def articles(items: list[Article | SitrepError]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def errors(items: list[Article | SitrepError]) -> list[SitrepError]:
    return [i for i in items if isinstance(i, SitrepError)]


def test_ingest_text_file(settings: Settings) -> None:
    (art,) = read([FIX / "article.txt"], settings)
    assert isinstance(art, Article)
    assert art.format == "text"
    assert art.source == str(FIX / "article.txt")
    assert art.raw.startswith("Border Crossing Reopens")
    assert art.id == article_id(art.raw)


def test_ingest_same_content_same_id(settings: Settings, tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    shutil.copy(FIX / "article.txt", copy)
    first, second = read([FIX / "article.txt", copy], settings)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == second.id and first.source != second.source


def test_ingest_html_file(settings: Settings) -> None:
    (art,) = read([FIX / "page.html"], settings)
    assert isinstance(art, Article)
    assert art.format == "html"
    assert "<h1>Port Talks Resume</h1>" in art.raw


def test_ingest_text_file_with_html_content_is_sniffed(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text("<!doctype html><html><body><p>Saved page.</p></body></html>", encoding="utf-8")
    (art,) = read([path], settings)
    assert isinstance(art, Article) and art.format == "html"


def test_ingest_folder_sorted_recursive_skips_hidden_and_unknown(settings: Settings) -> None:
    items = read([FIX / "folder"], settings)
    assert not errors(items)
    sources = [a.source for a in articles(items)]
    assert sources == [str(FIX / "folder" / "a.txt"), str(FIX / "folder" / "sub" / "b.html")]
    assert articles(items)[1].format == "html"


def test_ingest_jsonl_good_bad_and_missing_lines(settings: Settings) -> None:
    items = read([FIX / "articles.jsonl"], settings)
    arts, errs = articles(items), errors(items)
    assert [a.source.rsplit("#", 1)[1] for a in arts] == ["L1", "L4", "L6"]
    first = arts[0]
    assert first.title == "Village Evacuated"
    assert first.url == "https://news.example.org/2022/05/12/flood"
    assert first.published == "2022-05-12T08:30:00Z" and first.published_source == "input"
    assert arts[1].format == "html"  # from the html field
    assert arts[2].format == "html"  # sniffed from the text field
    assert [e.code for e in errs] == [E.E105, E.E107]
    assert all(str(FIX / "articles.jsonl") in e.message for e in errs)
    assert "line 2" in errs[0].message and "line 5" in errs[1].message


def test_ingest_csv_rows(settings: Settings) -> None:
    items = read([FIX / "articles.csv"], settings)
    arts, errs = articles(items), errors(items)
    assert [a.source.rsplit("#", 1)[1] for a in arts] == ["row1", "row3"]
    assert arts[0].title == "Bridge Repairs" and arts[0].published == "2022-06-03"
    assert "\n\nIts second paragraph" in arts[1].raw
    assert [e.code for e in errs] == [E.E107]
    assert "articles.csv#row2" in errs[0].message


def test_ingest_csv_without_text_column(settings: Settings) -> None:
    (err,) = read([FIX / "nocontent.csv"], settings)
    assert isinstance(err, SitrepError) and err.code == E.E106
    assert "nocontent.csv" in err.message and "summary" in err.message


def test_ingest_gzip_round_trip(settings: Settings, tmp_path: Path) -> None:
    for name in ("article.txt", "articles.jsonl"):
        with gzip.open(tmp_path / f"{name}.gz", "wb") as fh:
            fh.write((FIX / name).read_bytes())
    plain = articles(read([FIX / "article.txt", FIX / "articles.jsonl"], settings))
    packed = articles(read([tmp_path / "article.txt.gz", tmp_path / "articles.jsonl.gz"], settings))
    assert [a.id for a in packed] == [a.id for a in plain]
    assert [a.raw for a in packed] == [a.raw for a in plain]


def test_ingest_empty_file(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n", encoding="utf-8")
    (err,) = read([path], settings)
    assert isinstance(err, SitrepError) and err.code == E.E102 and str(path) in err.message


def test_ingest_binary_file(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (err,) = read([path], settings)
    assert isinstance(err, SitrepError) and err.code == E.E103 and str(path) in err.message


def test_ingest_latin1_file_is_decoded_with_a_note(settings: Settings, tmp_path: Path) -> None:
    text = "Le ministre a déclaré mercredi que les négociations reprendraient à Genève après l'été."
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("latin-1"))
    (art,) = read([path], settings)
    assert isinstance(art, Article)
    assert art.raw == text
    assert art.notes and "not valid UTF-8" in art.notes[0] and str(path) in art.notes[0]


def test_ingest_missing_path_does_not_stop_the_batch(settings: Settings) -> None:
    items = read([FIX / "nope.txt", FIX / "article.txt"], settings)
    assert isinstance(items[0], SitrepError) and items[0].code == E.E108
    assert "nope.txt" in items[0].message
    assert isinstance(items[1], Article)


def test_ingest_oversize_file(settings: Settings) -> None:
    small = dataclasses.replace(settings, max_input_bytes=50)
    (err,) = read([FIX / "article.txt"], small)
    assert isinstance(err, SitrepError) and err.code == E.E109
    assert "article.txt" in err.message and "50" in err.message


def test_ingest_unsupported_suffix(settings: Settings) -> None:
    (err,) = read([FIX / "folder" / "readme.rst"], settings)
    assert isinstance(err, SitrepError) and err.code == E.E110 and "readme.rst" in err.message


@pytest.mark.parametrize("name", ["article.txt", "articles.jsonl", "articles.csv"])
def test_ingest_is_deterministic(settings: Settings, name: str) -> None:
    first = [a.id for a in articles(read([FIX / name], settings))]
    second = [a.id for a in articles(read([FIX / name], settings))]
    assert first and first == second
