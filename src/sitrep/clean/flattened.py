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

# Score of a non-prose, non-chrome line when finding the densest prose run, in characters
# of prose it cancels (tuned by eye on the seed and the flattened cleaning set).
NONPROSE_PENALTY = 40
TITLE_WINDOW = 12  # how many lines above the article region the title may sit
MIN_DECK_WORDS = 6  # a non-prose line between title and body this long is a standfirst, kept
MIN_SUBHEAD_WORDS = 2  # shorter unknown lines inside the body are chrome, longer ones subheads
PLAYER_LOOKAHEAD = 2  # a video title is followed by player residue within this many lines
MAX_VIDEO_TITLE_WORDS = 15
WRAP_MIN_CHARS = 40  # hard-wrapped text: many long lines without final punctuation
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
    dates: list[str] = field(default_factory=list)  # date-only lines, in order


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


def _wrapped_block(block: list[str]) -> bool:
    first = block[0]
    wrapped = len(block) > 1 and len(first) >= WRAP_MIN_CHARS and not f.has_terminal(first)
    return wrapped and not any(f.is_chrome(ln) for ln in block)


def _hard_wrapped(blocks: list[list[str]]) -> bool:
    inner = [ln for b in blocks if len(b) > 1 for ln in b[:-1]]
    wrapped = [ln for ln in inner if len(ln) >= WRAP_MIN_CHARS and not f.has_terminal(ln)]
    return len(wrapped) >= WRAP_MIN_LINES and len(wrapped) >= WRAP_MIN_SHARE * len(inner)


def _line_labels(lines: list[str]) -> list[str]:
    """Step 2: labels from single-line rules; '' where the line's place must decide."""
    labels = [""] * len(lines)
    counts = Counter(lines)
    for i, line in enumerate(lines):
        if i and line == lines[i - 1]:
            labels[i] = "dup" if labels[i - 1] == "caption" else "boilerplate"
            if f.has_terminal(line) and labels[i - 1] == "":
                labels[i - 1], labels[i] = "caption", "dup"
        elif f.is_chrome(line) or f.is_player(line):
            labels[i] = "boilerplate"
        elif f.is_date_line(line):
            labels[i] = "date"
        elif f.is_byline(line):
            labels[i] = "byline"
        elif counts[line] > 1 and not f.is_prose(line):
            labels[i] = "repeated"
    for i, line in enumerate(lines):
        if labels[i] == "" and _is_video_title(lines, labels, i):
            labels[i] = "boilerplate"
    return labels


def _is_video_title(lines: list[str], labels: list[str], i: int) -> bool:
    line = lines[i]
    if f.has_terminal(line) or len(f.words(line)) > MAX_VIDEO_TITLE_WORDS or not f.is_title_case(line):
        return False
    following = lines[i + 1 : i + 1 + PLAYER_LOOKAHEAD]
    return any(f.is_player(ln) for ln in following)


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
    """Step 4: the topmost headline in the group of headline-like lines just above the region."""
    chosen = None
    for i in range(start - 1, max(-1, start - 1 - TITLE_WINDOW), -1):
        if labels[i] in ("caption", "dup", "date", "byline"):
            continue
        if labels[i] != "" or not f.is_headline(lines[i]) or f.is_prose(lines[i]):
            if chosen is not None or labels[i] == "boilerplate":
                break
            continue
        chosen = i
    return chosen


def classify(text: str) -> Labelled:
    """Label every line of a flattened page and gather title, body, captions and boilerplate."""
    lines = split_lines(text)
    labels = _line_labels(lines)
    span = _region(lines, labels)
    if span is None:
        return _gather(lines, ["boilerplate" if lb in ("", "repeated") else lb for lb in labels])
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
    return _gather(lines, labels)


def classify_body_lines(text: str) -> Labelled:
    """Light pass for text an HTML extractor already chose: drop chrome, player residue, video titles."""
    lines = split_lines(text)
    labels = _line_labels(lines)
    labels = ["body" if lb in ("", "repeated") else lb for lb in labels]
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
        elif label == "boilerplate":
            out.boilerplate.append(line)
    return out
