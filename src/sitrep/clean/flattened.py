"""Line classifier for flattened pages: each line is title, body, caption, byline, date or boilerplate.

Steps (``classify``): 1. split into lines (unwrapping hard-wrapped paragraphs); 2. label
what single-line rules know (chrome, dates, bylines, captions printed twice, embedded
video titles); 3. find the article region, the densest run of prose lines; 4. pick the
title just above it; 5. label the rest by where it sits relative to the region.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from . import features as f
from .dates import find_dates
from .linemodel import apply_model, line_model

# Score of a non-prose, non-chrome line when finding the densest prose run, in characters
# of prose it cancels (tuned by eye on the seed and the flattened cleaning set).
NONPROSE_PENALTY = 40
TITLE_WINDOW = 12  # how many lines above the article region the title may sit
MIN_DECK_WORDS = 6  # a non-prose line between title and body this long is a standfirst, kept
MIN_SUBHEAD_WORDS = 2  # shorter unknown lines inside the body are chrome, longer ones subheads
PLAYER_LOOKAHEAD = 2  # a video title has player residue within this many lines before or after
MAX_VIDEO_TITLE_WORDS = 15
MAX_CAPTION_WORDS = 40
WRAP_MIN_CHARS = 40  # hard-wrapped text: long lines whose sentence goes on in the next line
WRAP_MIN_SHARE = 0.5
WRAP_MIN_LINES = 3


@dataclass
class Labelled:
    """The classifier's verdict on one page."""

    title: str | None = None
    body: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)  # date-only lines, in order (also boilerplate)


def split_lines(text: str) -> list[str]:
    """Non-empty stripped lines; paragraphs hard-wrapped over several lines are joined."""
    blocks = [[ln.strip() for ln in b.splitlines() if ln.strip()] for b in text.replace("\r\n", "\n").split("\n\n")]
    blocks = [b for b in blocks if b]
    if not _hard_wrapped(blocks):
        return [ln for b in blocks for ln in b]
    lines: list[str] = []
    for block in blocks:
        if _wrapped_block(block):
            lines.append(" ".join(block))
        else:
            lines.extend(block)
    return lines


def _continues(line: str, following: str) -> bool:
    """True when ``following`` carries on the sentence of ``line`` (a hard line break)."""
    if line == following or len(line) < WRAP_MIN_CHARS or f.has_terminal(line) or f.is_chrome(line):
        return False
    return following[:1].islower() or following[:1].isdigit() or line.endswith((",", "-", "—"))


def _wrapped_block(block: list[str]) -> bool:
    return len(block) > 1 and _continues(block[0], block[1])


def _hard_wrapped(blocks: list[list[str]]) -> bool:
    pairs = [(a, b) for block in blocks for a, b in zip(block, block[1:])]
    joined = sum(1 for a, b in pairs if _continues(a, b))
    return joined >= WRAP_MIN_LINES and joined >= WRAP_MIN_SHARE * len(pairs)


def _line_labels(lines: list[str]) -> list[str]:
    """Step 2: labels from single-line rules; '' where the line's place must decide."""
    labels = [""] * len(lines)
    counts = Counter(lines)
    for i, line in enumerate(lines):
        if i and line == lines[i - 1]:
            labels[i] = "dup" if labels[i - 1] == "caption" else "boilerplate"
            if labels[i - 1] in ("", "repeated") and _is_caption(line):
                labels[i - 1], labels[i] = "caption", "dup"
        elif f.is_date_line(line):
            labels[i] = "date"
        elif f.is_chrome(line) or f.is_player(line):
            labels[i] = "boilerplate"
        elif f.is_byline(line):
            labels[i] = "byline"
        elif counts[line] > 1 and not f.is_prose(line):
            labels[i] = "repeated"
    # Video titles inside the body only: above it, a headline near a player is the title.
    first_prose = next((i for i, line in enumerate(lines) if labels[i] == "" and f.is_prose(line)), len(lines))
    for i in range(first_prose + 1, len(lines)):
        if labels[i] == "" and _is_video_title(lines, i):
            labels[i] = "boilerplate"
    return labels


def _is_caption(line: str) -> bool:
    """A line printed twice in a row is a caption when it reads as one (a sentence or a dated line)."""
    if len(f.words(line)) > MAX_CAPTION_WORDS:
        return False  # a whole paragraph printed twice is a scraper repeat, not a caption
    return f.has_terminal(line) or bool(find_dates(line))


def _is_video_title(lines: list[str], i: int) -> bool:
    line = lines[i]
    if f.has_terminal(line) or len(f.words(line)) > MAX_VIDEO_TITLE_WORDS or not f.is_title_case(line):
        return False
    near = lines[max(0, i - PLAYER_LOOKAHEAD) : i] + lines[i + 1 : i + 1 + PLAYER_LOOKAHEAD]
    return any(f.is_player(ln) for ln in near)


def _region(lines: list[str], labels: list[str]) -> tuple[int, int] | None:
    """Step 3: [start, end) of the maximum-sum run (prose = +chars, unknown short line = -penalty)."""
    best, best_span = 0, None
    run, run_start = 0, 0
    for i, line in enumerate(lines):
        if labels[i] in ("", "repeated"):
            score = len(line) if f.is_prose(line) else -NONPROSE_PENALTY
        else:
            score = 0  # chrome, captions, dates: removed anyway, neutral for the region
        if run <= 0:
            run, run_start = 0, i
        run += score
        if run > best:
            best, best_span = run, (run_start, i + 1)
    if best_span is None:
        return None
    start, end = best_span
    while start < end and not (labels[start] == "" and f.is_prose(lines[start])):
        start += 1
    return start, end


def _find_title(lines: list[str], labels: list[str], start: int) -> int | None:
    """Step 4: the topmost line of the first group of headline-like lines above the region.

    Lines between the region and the first headline-like line are stepped over (captions,
    bylines, share buttons, video residue); once one is found, any other line ends the group.
    """
    chosen = None
    for i in range(start - 1, max(-1, start - 1 - TITLE_WINDOW), -1):
        if labels[i] in ("caption", "dup", "date", "byline"):
            continue
        if labels[i] in ("", "repeated") and f.is_headline(lines[i]) and not f.is_prose(lines[i]):
            chosen = i
        elif chosen is not None:
            break
    return chosen


def rule_labels(lines: list[str]) -> list[str]:
    """Steps 2-5: one final label per line from the rules alone (the fallback classifier)."""
    labels = _line_labels(lines)
    span = _region(lines, labels)
    if span is None:
        # no prose anywhere (a bare headline, a one-liner): keep what is not known chrome
        return ["body" if lb == "" else "boilerplate" if lb == "repeated" else lb for lb in labels]
    start, end = span
    title = _find_title(lines, labels, start)
    lower = title + 1 if title is not None else start
    for i in range(len(lines)):
        if labels[i] not in ("", "repeated"):
            continue
        if i == title:
            labels[i] = "title"
        elif lower <= i < start:
            labels[i] = "body" if len(f.words(lines[i])) >= MIN_DECK_WORDS else "boilerplate"
        elif start <= i < end and labels[i] == "":
            prose = f.is_prose(lines[i])
            labels[i] = "body" if prose or len(f.words(lines[i])) >= MIN_SUBHEAD_WORDS else "boilerplate"
        else:
            labels[i] = "boilerplate"
    return labels


def classify(text: str, use_model: bool = True) -> Labelled:
    """Label every line of a flattened page and gather title, body, captions and boilerplate.

    The trained line model (``linemodel.py``) decides body vs not-body when its file is
    shipped and ``use_model`` is true; otherwise the rules alone decide.
    """
    lines = split_lines(text)
    labels = rule_labels(lines)
    model = line_model() if use_model else None
    if model is not None and lines:
        labels = apply_model(model, lines, labels)
    return _gather(lines, labels)


def classify_body_lines(text: str) -> Labelled:
    """Light pass for text an HTML extractor already chose: drop chrome, player residue, video titles.

    Table rows and embedded tweets' signature lines are the extractor's own rendering of
    article content, so they stay in the body whatever the line rules say of them.
    """
    lines = split_lines(text)
    labels = _line_labels(lines)
    labels = ["body" if lb in ("", "repeated") or f.is_table_row(ln) or f.is_tweet_signature(ln) else lb
              for ln, lb in zip(lines, labels)]
    return _gather(lines, labels)


def _gather(lines: list[str], labels: list[str]) -> Labelled:
    out = Labelled()
    for line, label in zip(lines, labels):
        if label == "title" and out.title is None:
            out.title = line
        elif label == "body":
            out.body.append(line)
        elif label == "caption":
            out.captions.append(line)
        elif label == "byline":
            out.bylines.append(line)
        elif label == "date":
            out.dates.append(line)
            out.boilerplate.append(line)
        elif label == "boilerplate":
            out.boilerplate.append(line)
    return out
