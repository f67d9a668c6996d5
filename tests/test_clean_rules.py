"""Clean stage building blocks: date finding, datelines, chrome lines, the line classifier."""

from __future__ import annotations

import pytest

from sitrep.clean.dateline import find_dateline
from sitrep.clean.dates import date_from_url, find_dates, to_iso
from sitrep.clean.features import is_byline, is_chrome, is_player, is_prose
from sitrep.clean.flattened import classify, split_lines


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Photo taken Feb. 2, 2022.", "2022-02-02"),
        ("Updated February 02, 2022 10:03 PM", "2022-02-02"),
        ("Filed 2022-02-02 at noon", "2022-02-02"),
        ("On 24 August 2021 the vote was held", "2021-08-24"),
        ("Sept. 30, 2019", "2019-09-30"),
    ],
)
def test_dates_find_formats(text: str, iso: str) -> None:
    assert [d.iso for d in find_dates(text)] == [iso]


def test_dates_reject_impossible_dates() -> None:
    assert find_dates("Feb. 30, 2022 and 2022-13-01") == []


def test_dates_to_iso_and_url() -> None:
    assert to_iso("2022-02-02T23:10:00+02:00") == "2022-02-02"
    assert to_iso("Wed, 02 Feb 2022 10:00:00 GMT") == "2022-02-02"
    assert to_iso("not a date") is None
    assert date_from_url("https://x.example/2020/1/9/story") == "2020-01-09"
    assert date_from_url("https://x.example/news/20200109/story") == "2020-01-09"
    assert date_from_url("https://x.example/news/story-123") is None


@pytest.mark.parametrize(
    ("body", "dateline"),
    [
        ("KYIV, Ukraine — Officials said", "KYIV, Ukraine"),
        ("WASHINGTON (AP) — The senator said", "WASHINGTON (AP)"),
        ("UNITED NATIONS -- Diplomats met", "UNITED NATIONS"),
        ("PORT SUDAN, Sudan, Tuesday, March 14, 2023 (Nile Wire) - The army said",
         "PORT SUDAN, Sudan, Tuesday, March 14, 2023 (Nile Wire)"),
    ],
)
def test_dateline_found(body: str, dateline: str) -> None:
    found = find_dateline(body)
    assert found is not None and found[0] == dateline


@pytest.mark.parametrize("body", ["The U.S. — and its allies — said", "NATO said on Friday", "U.S.-led forces - a few"])
def test_dateline_not_found_in_ordinary_sentences(body: str) -> None:
    assert find_dateline(body) is None


def test_features_chrome_player_prose_byline() -> None:
    assert is_chrome("Accessibility links") and is_chrome("  Share  ") and is_chrome("1:02 0:45:10")
    assert not is_chrome("Share prices fell sharply on Monday after the announcement.")
    assert is_player("please wait") and not is_player("Please wait for the official count, he said.")
    assert is_prose("The minister said the talks would go on.")
    assert not is_prose("Talks Go On")
    assert is_byline("By Jane Roe and John Doe") and not is_byline("By the end of the week, it was over.")


def test_classifier_duplicate_headline_is_not_a_caption() -> None:
    text = ("Ferry Service Suspended\n\nFerry Service Suspended\n\n"
            "The ferry company suspended all crossings on Sunday because of high winds, a spokesman said.\n")
    labelled = classify(text)
    assert labelled.title == "Ferry Service Suspended"
    assert labelled.captions == []
    assert labelled.body == ["The ferry company suspended all crossings on Sunday because of high winds, a spokesman said."]


def test_classifier_joins_hard_wrapped_paragraphs() -> None:
    para = ("The committee met on Tuesday to review the budget for the coming year and\n"
            "agreed to postpone the vote on new spending until the auditors had finished\n"
            "their report on the accounts of the previous administration.\n")
    text = "\n".join([para, para.replace("committee", "council"), para.replace("Tuesday", "Friday")])
    lines = split_lines(text)
    assert len(lines) == 3 and lines[0].startswith("The committee met") and lines[0].endswith("administration.")
    assert len(classify(text).body) == 3


def test_classifier_trailing_chrome_after_body_is_boilerplate() -> None:
    text = ("Storm Closes Schools Across the Region\n\n"
            "Schools across the region stayed closed on Monday as the storm brought down power lines.\n\n"
            "Officials said classes would resume once roads had been cleared.\n\n"
            "More from our reporters\n\nWeather Alerts\n")
    labelled = classify(text)
    assert len(labelled.body) == 2
    assert "More from our reporters" in labelled.boilerplate and "Weather Alerts" in labelled.boilerplate


def test_classifier_without_prose_keeps_unknown_lines() -> None:
    labelled = classify("Share\n\nTalks resumed today\n")
    assert labelled.body == ["Talks resumed today"] and labelled.boilerplate == ["Share"]


def test_classifier_menus_players_undotted_captions_and_cookie_notices() -> None:
    text = "\n".join([
        "THE VALLEY GAZETTE",
        "News | Sport | Weather | Opinion",
        "Log in | Subscribe",
        "",
        "Mayor Orders Evacuation of Flooded Suburb",
        "",
        "Loading video…",
        "0:00 / 2:41",
        "Watch: Drone footage shows the river breaking its banks",
        "",
        "Rescue boats near the old mill, 14 April 2023",
        "Rescue boats near the old mill, 14 April 2023",
        "",
        "The mayor ordered the evacuation of the eastern suburb on Friday after the river rose two metres overnight.",
        "",
        "About 800 residents were taken to schools and sports halls, a council spokesman said.",
        "",
        "This site uses cookies to measure traffic. Accept | Settings",
    ])
    labelled = classify(text)
    assert labelled.title == "Mayor Orders Evacuation of Flooded Suburb"
    assert labelled.captions == ["Rescue boats near the old mill, 14 April 2023"]
    assert len(labelled.body) == 2 and labelled.body[1].startswith("About 800 residents")
    for line in ("News | Sport | Weather | Opinion", "0:00 / 2:41", "Loading video…",
                 "Watch: Drone footage shows the river breaking its banks",
                 "This site uses cookies to measure traffic. Accept | Settings"):
        assert line in labelled.boilerplate
