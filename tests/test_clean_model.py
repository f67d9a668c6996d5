"""Clean stage, issue 4: the trained line model (and its fallback), repeats, dates, titles."""

from __future__ import annotations

import json

import numpy as np
import pytest

from sitrep import clean
from sitrep.clean import linemodel
from sitrep.clean.dedup import drop_repeats
from sitrep.clean.flattened import classify, rule_labels, split_lines
from sitrep.clean.linefeatures import feature_names, page_matrix
from sitrep.clean.published import resolve_published
from sitrep.ids import article_id
from sitrep.pipeline import Context
from sitrep.schema import Article
from sitrep.settings import Settings

MENU = ["Home", "World", "Business", "Science", "Culture", "Travel", "Weather", "Podcasts", "Newsletters",
        "Sign in", "Subscribe"]
BODY = [
    "The regional council voted on Tuesday to close the old ferry terminal at the end of the summer season.",
    "Ferry operators said the decision would leave island residents with a single crossing in winter.",
    "A spokeswoman for the council said repairs to the pier would have cost more than the terminal earns in a decade.",
    "Residents plan to present a petition with about 4,000 signatures at the next council meeting.",
]
RELATED = ["More from this region", "Bridge tolls to rise in spring", "School bus routes redrawn after flood",
           "Library opens on Sundays"]


def long_page() -> str:
    """A page over the model's minimum size: menus, title, byline, body, related links, footer."""
    lines = [*MENU, "", "Council Votes to Close Ferry Terminal", "By Ines Moravec", "Published 3 May 2023", "",
             *BODY, "", *RELATED, *[f"Section {i}" for i in range(30)],
             "Cookie settings", "Copyright 2023 Island Courier. All rights reserved."]
    return "\n".join(lines)


def cleaned(raw: str, fmt: str = "text") -> Article:
    art = Article(id=article_id(raw), source="<test>", format=fmt, raw=raw)
    clean.run(art, Context(Settings()))
    return art


def test_line_model_is_shipped_with_its_cv_figure() -> None:
    model = linemodel.line_model()
    assert model is not None, "data/clean/line_model.json missing or out of date with linefeatures"
    cv = model.info["cv"]
    assert cv["grouped_by"] == "site" and 0.0 < cv["model"]["f1"] <= 1.0
    assert "all" in model.info["trained_on"]


def test_line_features_one_row_per_line_with_names() -> None:
    lines = split_lines(long_page())
    x = page_matrix(lines, rule_labels(lines))
    assert x.shape == (len(lines), len(feature_names()))
    assert np.isfinite(x).all()


def test_model_page_keeps_body_drops_menus_and_related() -> None:
    labelled = classify(long_page())
    assert labelled.body == BODY
    assert labelled.title == "Council Votes to Close Ferry Terminal"
    for line in ("Home", "Bridge tolls to rise in spring", "Cookie settings"):
        assert line in labelled.boilerplate


def test_model_absent_falls_back_to_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(linemodel.resources, "files", lambda _pkg: _Missing())
    linemodel.line_model.cache_clear()
    try:
        assert linemodel.line_model() is None
        assert linemodel.model_info() is None
        labelled = classify(long_page())
        assert labelled.body == BODY  # the rules alone still find this body
    finally:
        monkeypatch.undo()
        linemodel.line_model.cache_clear()
    assert linemodel.line_model() is not None


class _Missing:
    def joinpath(self, _name: str) -> _Missing:
        return self

    def is_file(self) -> bool:
        return False


def test_model_with_other_features_is_ignored() -> None:
    assert linemodel.from_dict({"features": ["something", "else"], "trees": [], "baseline": 0.0}) is None


def test_model_file_is_small_json() -> None:
    from importlib import resources

    text = resources.files("sitrep.data.clean").joinpath("line_model.json").read_text(encoding="utf-8")
    assert len(text.encode()) < 1_000_000
    assert json.loads(text)["features"] == feature_names()


def test_repeats_adjacent_paragraph_and_caption_dropped_once() -> None:
    para = "The minister said the talks would resume in Geneva next week with both delegations present."
    caption = "Delegates leave the conference hall in Geneva after the first round of talks on Monday."
    kept, dropped = drop_repeats([para, para, caption, "Short line here."], [caption])
    assert kept == [para, "Short line here."] and dropped == [para, caption]


def test_repeats_pull_quote_dropped_questions_kept() -> None:
    quote = "We will not sign anything that we cannot explain to our own farmers"
    paras = [
        f'The negotiator was blunt. "{quote}," she told reporters outside the hall on Thursday evening.',
        quote,
        "What happens to the grain quota next year?",
        "Officials expect another round of talks in March, with a deal possible before the harvest.",
        "What happens to the grain quota next year?",
    ]
    kept, dropped = drop_repeats(paras)
    assert dropped == [quote]
    assert kept.count("What happens to the grain quota next year?") == 2


def test_clean_scraped_paragraph_twice_kept_once() -> None:
    para = ("Engineers restored power to the northern districts late on Sunday after a storm brought down two "
            "lines, the utility said, adding that about 12,000 homes had been without electricity for most of the "
            "weekend and that crews from three neighbouring regions had helped with the repairs.")
    art = cleaned(f"Storm Cuts Power to North\n\n{para}\n\n{para}\n\nCrews will inspect the remaining lines today.\n")
    assert art.body.count("Engineers restored power") == 1


@pytest.mark.parametrize(("line", "iso"), [
    ("Published 9 March 2023 • 7:30pm", "2023-03-09"),
    ("Publié le 8 mars 2023 à 18h40", "2023-03-08"),
    ("Publicado el 4 de abril de 2023", "2023-04-04"),
    ("Veröffentlicht am 19. Mai 2023", "2023-05-19"),
])
def test_published_line_in_several_languages(line: str, iso: str) -> None:
    text = "\n".join(["Harbour Reopens After Storm", line, "",
                      "The harbour reopened to fishing boats on Thursday after a week of repairs to the sea wall."])
    art = cleaned(text)
    assert art.published == iso and art.published_source == "text"


def test_published_line_beats_photo_caption() -> None:
    caption = "Workers repair the sea wall near the harbour entrance, March 8, 2023."
    text = "\n".join(["Harbour Reopens After Storm", "By Tomas Reyes", "Published March 9, 2023", "",
                      caption, caption, "",
                      "The harbour reopened to fishing boats on Thursday after a week of repairs to the sea wall.",
                      "", "Boats were back at sea by noon, the port authority said."])
    art = cleaned(text)
    assert art.published == "2023-03-09"
    assert art.captions == [caption] and art.byline == "Tomas Reyes"


def test_published_meta_one_day_off_prefers_printed_day() -> None:
    iso, source, _ = resolve_published(None, None, "2019-11-20T03:10:00Z", None, None, [],
                                       ["November 19, 2019 / 10:10 PM"])
    assert (iso, source) == ("2019-11-19", "text")
    iso, source, _ = resolve_published(None, None, "2016-04-05", None, None, [], ["Nov. 20, 2019"])
    assert (iso, source) == ("2019-11-20", "text")  # stale metadata
    iso, source, _ = resolve_published(None, None, "2019-11-20", None, None, [], [])
    assert (iso, source) == ("2019-11-20", "meta")


def test_title_skips_video_caption_and_site_name() -> None:
    text = "\n".join(["The Lakeside Post", "News | Sport | Weather", "",
                      "Lake Levels Fall to Record Low After Dry Summer", "", "Loading video…", "0:00 / 1:12",
                      "Watch: Drone footage of the exposed lake bed", "",
                      "LAKESIDE — The lake fell to its lowest level since records began, the water board said on Monday.",
                      "", "Farmers have been asked to cut irrigation by a fifth until the autumn rains arrive."])
    art = cleaned(text)
    assert art.title == "Lake Levels Fall to Record Low After Dry Summer"
    assert "Drone footage" not in art.body and art.dateline == "LAKESIDE"
