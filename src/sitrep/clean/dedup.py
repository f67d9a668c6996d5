"""Text printed twice inside one article: keep the first copy.

Scrapers repeat paragraphs, pages print a pull-quote both inside the text and as a display
line, and captions leak into the body. A body paragraph is dropped when (1) it repeats an
paragraph right before it or is a long paragraph printed again further on, (2) it repeats
a caption, or (3) it is a short line (a pull-quote) whose words also appear verbatim inside
a longer paragraph nearby. Questions and short lines are never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_NON_WORD = re.compile(r"\W+")
# Shorter repeats (subheads, an interview's recurring questions) are left alone: pages
# repeat those on purpose (tuned on eval/cleaning HTML, `sitrep eval cleaning`).
MIN_REPEAT_WORDS = 8
MAX_PULL_QUOTE_WORDS = 40  # a line this long is a paragraph in its own right, never a pull-quote
PULL_QUOTE_WINDOW = 4  # a pull-quote sits within this many paragraphs of the one it quotes
# A copy far from the first one is dropped only when this long: lists (recipes, schedules,
# an interview's recurring lines) repeat shorter items on purpose.
MIN_FAR_REPEAT_WORDS = 40


def _key(text: str) -> str:
    """Words only, lower-cased: quotes, dashes and spacing do not hide a repeat."""
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def drop_repeats(paragraphs: list[str], captions: Sequence[str] = ()) -> tuple[list[str], list[str]]:
    """(paragraphs kept, paragraphs dropped as repeats), order preserved."""
    keys = [_key(p) for p in paragraphs]
    caption_keys = {_key(c) for c in captions}
    seen: set[str] = set()
    kept, dropped = [], []
    for i, (para, key) in enumerate(zip(paragraphs, keys)):
        (dropped if _is_repeat(i, para, keys, seen, caption_keys) else kept).append(para)
        seen.add(key)
    return kept, dropped


def _is_repeat(i: int, para: str, keys: list[str], seen: set[str], caption_keys: set[str]) -> bool:
    key = keys[i]
    n_words = len(key.split())
    if n_words < MIN_REPEAT_WORDS or para.rstrip().endswith("?"):
        return False
    if key in caption_keys or (i and keys[i - 1] == key):
        return True
    if key in seen and n_words >= MIN_FAR_REPEAT_WORDS:
        return True
    if n_words > MAX_PULL_QUOTE_WORDS:
        return False
    near = keys[max(0, i - PULL_QUOTE_WINDOW):i] + keys[i + 1:i + 1 + PULL_QUOTE_WINDOW]
    return any(len(other) > len(key) and f" {key} " in f" {other} " for other in near)
