"""Clean stage, issue 4 round 2: the line model's second pass, comment threads, HTML extraction choices."""

from __future__ import annotations

import numpy as np
import pytest

from sitrep.clean import html as html_mod
from sitrep.clean import linemodel
from sitrep.clean.features import is_table_row, is_tweet_signature
from sitrep.clean.flattened import (
    classify,
    classify_body_lines,
    rule_labels,
    split_lines,
)
from sitrep.clean.linefeatures import feature_names, page_matrix
from sitrep.clean.linestack import _marks, _teaser_caps, stack_matrix, stack_names

MENU = ["Home", "Regions", "Markets", "Opinion", "Photos", "Sign in", "Subscribe", "Newsletters"]
BODY = [
    "Harbour authorities in the northern port closed two of its four container berths on Monday after a crane collapsed in high winds.",
    "Nobody was hurt, the port's operations director told reporters, but the berths will stay shut for at least a week while engineers inspect the other cranes.",
    "Shipping agents said vessels already at anchor would be diverted to a smaller terminal further down the coast, adding a day to deliveries.",
    "The port handled about 1.2 million containers last year, most of them bound for inland distribution centres.",
    "A union representative said workers had raised concerns about the crane's brakes twice this year.",
]
THREAD = [
    "12 Comments",
    "harbourwatcher says:",
    "About time someone looked at those old cranes, they have been rattling for years and nobody listens to us.",
    "Reply",
    "Marta K. on March 4, 2023 at 9:12 pm said:",
    "My brother works nights there and he told me the same thing about the brakes last spring, it is a scandal.",
    "Reply",
    "dockside_dan says:",
    "Diverting ships down the coast will cost the small importers far more than anyone in the council admits, mark my words.",
    "Reply",
]


def thread_page() -> str:
    """A page over the model's minimum size: menus, title, body, a reader-comment thread, footer."""
    lines = [*MENU, "", "Crane Collapse Shuts Two Berths at Northern Port", "By Tomas Lindqvist", "",
             *BODY, "", *THREAD, *[f"Topic {i}" for i in range(30)], "Privacy policy", "Cookie settings"]
    return "\n".join(lines)


def test_stack_features_one_row_per_line_with_names() -> None:
    lines = split_lines(thread_page())
    x = page_matrix(lines, rule_labels(lines))
    p = np.linspace(0.0, 1.0, len(lines))
    s = stack_matrix(lines, x, p)
    assert s.shape == (len(lines), len(stack_names(feature_names())))
    assert np.isfinite(s).all()


def test_comment_thread_markers_and_teasers_are_seen() -> None:
    marks = _marks(THREAD, "comment")
    assert [THREAD[i] for i in np.nonzero(marks)[0]] == [THREAD[1], THREAD[4], THREAD[7]]
    assert _marks(THREAD, "thread")[3] == 1.0 and _marks(THREAD, "thread")[0] == 1.0
    assert _marks(BODY, "comment").sum() == 0.0
    assert _teaser_caps("Crane Collapse Shuts Two Berths At Port Engineers said the other cranes were safe") > 0
    assert _teaser_caps(BODY[0]) == 0.0


def test_shipped_model_has_second_pass_and_nested_cv() -> None:
    model = linemodel.line_model()
    assert model is not None and model.second is not None
    cv = model.info["cv"]
    assert cv["nested"] is True and "first_pass_only" in cv


def test_model_page_drops_comment_thread_keeps_body() -> None:
    labelled = classify(thread_page())
    assert labelled.body == BODY
    for line in (THREAD[1], THREAD[2], THREAD[5]):
        assert line in labelled.boilerplate


def test_model_with_stale_second_pass_is_ignored() -> None:
    data = {"features": feature_names(), "trees": [], "baseline": 0.0,
            "second": {"features": ["old"], "trees": [], "baseline": 0.0}}
    assert linemodel.from_dict(data) is None
    data["second"] = None
    assert linemodel.from_dict(data) is not None


def test_html_body_lines_keep_tables_and_tweet_signatures() -> None:
    row = "| 2 | Lena Ortiz | 4120 | 3 |"
    tweet = "— Port Authority (@portauthority) March 4, 2023"
    assert is_table_row(row) and not is_table_row("Home | World | Sport")
    assert is_tweet_signature(tweet) and not is_tweet_signature(BODY[0])
    labelled = classify_body_lines("\n\n".join([BODY[0], row, tweet, "Subscribe"]))
    assert labelled.body == [BODY[0], row, tweet]


class _Doc:
    def __init__(self, text: str) -> None:
        self.text = text


@pytest.mark.parametrize(("precise", "expected"), [
    (" ".join(BODY[:4]), "precise"),  # precision mode kept most of the text: use it
    (BODY[4], "default"),  # precision mode cut the article itself: fall back to the default mode
])
def test_html_precision_mode_unless_it_cuts_the_article(monkeypatch: pytest.MonkeyPatch, precise: str,
                                                        expected: str) -> None:
    docs = {True: _Doc(precise), False: _Doc(" ".join(BODY))}
    monkeypatch.setattr(html_mod, "_trafilatura", lambda _html, favor_precision: docs[favor_precision])
    chosen = html_mod._best_extraction("<html></html>")
    assert chosen is docs[expected == "precise"]


def _constant_model(logit: float) -> linemodel.LineModel:
    """A line model that gives every line the same P(body): sigmoid(logit)."""
    return linemodel.LineModel(linemodel.Boosted([], logit), None, 0.4, frozenset({"title", "dup"}), {})


def one_paragraph_page() -> list[str]:
    """A site page whose article is one paragraph at the very bottom, under the headline's repeat."""
    headline = "Library Van Broken Into Overnight"
    menus = [f"Archive {year}" for year in range(1990, 2050)]
    return [headline, *MENU, *menus, headline, "Posted 4 March 2023 by the press office",
            "Someone forced open the mobile library van parked behind the town hall overnight and took two laptops used for the reading club.",
            "Share this", "Back to top"]


def test_model_keeping_nothing_falls_back_to_prose_under_headline_repeat() -> None:
    lines = one_paragraph_page()
    labels = linemodel.apply_model(_constant_model(-20.0), lines, rule_labels(lines))
    assert [ln for ln, lb in zip(lines, labels) if lb == "body"] == [lines[-3]]


def test_model_keeping_nothing_without_headline_repeat_keeps_rule_labels() -> None:
    lines = one_paragraph_page()[1:]  # no <title> line: nothing marks where the article starts
    rules = rule_labels(lines)
    assert linemodel.apply_model(_constant_model(-20.0), lines, rules) == rules


def test_model_does_not_turn_repeated_share_buttons_into_body() -> None:
    share = ["Post to Tumblr (new window)", "Send to Pinterest (new window)"]
    lines = [*MENU, *share, *BODY, *share, *[f"Topic {i}" for i in range(40)]]
    rules = rule_labels(lines)
    labels = linemodel.apply_model(_constant_model(20.0), lines, rules)
    for i, line in enumerate(lines):
        if line in share:
            assert labels[i] == rules[i] != "body"
    assert all(labels[lines.index(b)] == "body" for b in BODY)
