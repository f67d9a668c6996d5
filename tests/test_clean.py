"""Clean stage: flattened pages, HTML pages, dates, language, empty bodies."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep import clean
from sitrep.errors import E, SitrepError
from sitrep.ids import article_id
from sitrep.pipeline import Context
from sitrep.schema import Article
from sitrep.settings import Settings

FIX = Path(__file__).parent / "fixtures" / "clean"


def cleaned(raw: str, settings: Settings, fmt: str = "text", **given: str) -> Article:
    art = Article(id=article_id(raw), source="<test>", format=fmt, raw=raw, **given)
    clean.run(art, Context(settings))
    return art


@pytest.fixture(scope="module")
def flattened(settings: Settings) -> Article:
    return cleaned((FIX / "flattened_page.txt").read_text(encoding="utf-8"), settings)


def test_clean_flattened_title_skips_chrome(flattened: Article) -> None:
    assert flattened.title == "Aid Convoy Reaches Besieged River Town After Week of Talks"


def test_clean_flattened_keeps_every_body_sentence(flattened: Article) -> None:
    paragraphs = flattened.body.split("\n\n")
    assert paragraphs[0].startswith("RIVERTON, Examplestan — A convoy of 40 trucks")
    assert "unloading would continue through the night." in flattened.body
    assert "many of them sheltering in basements." in flattened.body
    assert paragraphs[-1].endswith("the governor added.")
    assert "What happens next" in paragraphs  # a subhead inside the body is kept


def test_clean_flattened_removes_chrome_and_video_residue(flattened: Article) -> None:
    for line in ("Skip to main content", "Breaking News", "Share", "Tweet", "please wait",
                 "No media source currently available", "0:00 0:02:11 0:00", "Related stories"):
        assert line in flattened.boilerplate
        assert line not in flattened.body.split("\n\n")
    assert "Copyright 2022 Example News. All rights reserved." in flattened.boilerplate


def test_clean_flattened_embedded_video_title_is_boilerplate(flattened: Article) -> None:
    assert "Residents Queue for Bread in the Cold" in flattened.boilerplate
    assert "Residents Queue" not in flattened.body


def test_clean_flattened_caption_printed_twice_kept_once(flattened: Article) -> None:
    caption = "Trucks from the aid convoy wait at a checkpoint outside the river town, March 9, 2022."
    assert flattened.captions == [caption]
    assert caption not in flattened.body and caption not in flattened.boilerplate


def test_clean_flattened_byline_dateline_and_date(flattened: Article) -> None:
    assert flattened.byline == "Marta Kowal"
    assert "By Marta Kowal" not in flattened.body
    assert flattened.dateline == "RIVERTON, Examplestan"
    assert flattened.published == "2022-03-09" and flattened.published_source == "text"
    assert flattened.language == "en" and flattened.notes == []


def test_clean_html_page(settings: Settings) -> None:
    art = cleaned((FIX / "page.html").read_text(encoding="utf-8"), settings, fmt="html")
    assert art.title == "Dam Inspection Finds Cracks"
    paragraphs = art.body.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("Engineers who inspected the northern dam")
    assert paragraphs[-1] == "A spokeswoman for the agency said a full report would be published next month."
    assert art.captions == ["The concrete wall of the reservoir seen from the valley floor."]
    for chrome in ("Home", "Sport", "Contact the newsroom", "All rights reserved", "reservoir seen from"):
        assert chrome not in art.body
    assert art.published == "2021-11-18" and art.published_source == "meta"
    assert art.url == "https://ledger.example.com/news/dam-inspection"


def test_clean_broken_html_keeps_its_paragraphs(settings: Settings) -> None:
    art = cleaned((FIX / "broken.html").read_text(encoding="utf-8"), settings, fmt="html")
    assert art.title == "Market Fire"
    assert art.body.startswith("A fire broke out at the central market late on Sunday night")
    assert "dozens of stalls were destroyed" in art.body
    assert "<p>" not in art.body and "</head>" not in (art.title or "")


def test_clean_non_english_sets_language_and_note(settings: Settings) -> None:
    art = cleaned((FIX / "spanish.txt").read_text(encoding="utf-8"), settings)
    assert art.language == "es"
    assert art.notes and art.notes[0].startswith("[E202]")
    assert "lluvias intensas obligaron" in art.body


def test_clean_short_body_defaults_language(settings: Settings) -> None:
    art = cleaned("Zona cerrada hoy por obras.", settings)
    assert art.language == settings.language_default


def test_clean_empty_body_raises_e201(settings: Settings) -> None:
    with pytest.raises(SitrepError) as info:
        cleaned("Home\n\nShare\n\nAccessibility links\n\n0:00 0:01:05 0:00\n", settings)
    assert info.value.code == E.E201 and "<test>" in info.value.message


def test_clean_input_date_wins_and_is_normalised(settings: Settings) -> None:
    raw = "The ministry said on Friday, March 9, 2022, that the talks had ended without a deal."
    art = cleaned(raw, settings, published="2022-03-11T09:00:00Z", published_source="input")
    assert art.published == "2022-03-11" and art.published_source == "input"


def test_clean_unreadable_input_date_falls_back_with_a_note(settings: Settings) -> None:
    raw = "The ministry said on Friday, March 9, 2022, that the talks had ended without a deal."
    art = cleaned(raw, settings, published="sometime soon", published_source="input")
    assert art.published == "2022-03-09" and art.published_source == "text"
    assert any("could not be read" in n for n in art.notes)


def test_clean_date_from_url(settings: Settings) -> None:
    raw = "The ministry said on Friday that the talks had ended without a deal, and both sides left."
    art = cleaned(raw, settings, url="https://news.example.org/world/2021/07/30/talks-end")
    assert art.published == "2021-07-30" and art.published_source == "url"


def test_clean_date_from_dateline(settings: Settings) -> None:
    raw = "GENEVA, Oct. 4, 2021 (Example Wire) - Delegates from the two sides met for a third round of talks."
    art = cleaned(raw, settings)
    assert art.dateline == "GENEVA, Oct. 4, 2021 (Example Wire)"
    assert art.published == "2021-10-04" and art.published_source == "dateline"
    assert art.body.startswith("GENEVA, Oct. 4, 2021")  # the dateline stays in the body


def test_clean_is_deterministic(settings: Settings) -> None:
    raw = (FIX / "flattened_page.txt").read_text(encoding="utf-8")
    first, second = cleaned(raw, settings), cleaned(raw, settings)
    assert (first.body, first.boilerplate, first.captions) == (second.body, second.boilerplate, second.captions)
