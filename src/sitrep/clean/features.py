"""Per-line features for the flattened-text classifier: chrome, prose, headline, byline."""

from __future__ import annotations

import re

from .dates import find_dates
from .resources import chrome, stopwords

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_EDGE = " \t•|·›»«‹–—-:*#>.…"
_BULLETS = " \t•|·›»«‹*#>"
# Closing quotes/brackets that may follow a sentence's final punctuation.
_CLOSERS = "\"”’')]»"
_TERMINAL = ".!?…:;"
_BYLINE = re.compile(r"^(?:by|par|por|von|di)\s+[A-Z][\w.'’-]*(?:[\s,]+(?:and\s+)?[A-Z][\w.'’-]*){0,7}\s*[,|]?.{0,40}$", re.IGNORECASE)

# An embedded tweet's signature line: "— Jane Doe (@janedoe) November 18, 2019".
_TWEET_SIGNATURE = re.compile(r"^[—–-]\s*.{1,80}\(@\w{1,30}\)\s+\w+\.? \d{1,2}, \d{4}$")

MIN_PROSE_WORDS = 4  # a line with final punctuation and this many words reads as a sentence
LONG_LINE_WORDS = 16  # a line this long is prose even without final punctuation
MIN_HEADLINE_WORDS = 3  # "Breaking News", "Middle East" are section labels, not headlines
MAX_HEADLINE_WORDS = 30
MAX_DATE_LINE_EXTRA_WORDS = 4  # "Updated Feb. 2, 2022 10:03 PM GMT": a date plus a few words


def words(text: str) -> list[str]:
    """Word tokens (letters first) in ``text``."""
    return _WORD.findall(text)


def norm(text: str) -> str:
    """Lower-cased, edge punctuation and bullets stripped: the key for chrome lookups."""
    return text.strip(_EDGE).strip().lower()


def is_chrome(text: str) -> bool:
    """True when the whole line is a known chrome phrase or pattern."""
    ch = chrome()
    line = text.strip(_BULLETS).strip().lower()  # regexes see the final punctuation
    return norm(text) in ch.exact or any(r.fullmatch(line) for r in ch.regex)


def is_player(text: str) -> bool:
    """True when the line is video/audio player residue ("please wait", "0:00 0:03:24")."""
    ch = chrome()
    line = text.strip(_BULLETS).strip().lower()
    return norm(text) in ch.player or any(r.fullmatch(line) for r in ch.player_regex)


def has_terminal(text: str) -> bool:
    """True when the line ends like a sentence (final punctuation, maybe inside quotes)."""
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def stop_ratio(text: str) -> float:
    """Share of words that are English function words."""
    toks = words(text)
    if not toks:
        return 0.0
    stops = stopwords()
    return sum(1 for w in toks if w.lower() in stops) / len(toks)


def is_prose(text: str) -> bool:
    """True when the line reads as running text (a sentence or a long line)."""
    n = len(words(text))
    return n >= LONG_LINE_WORDS or (n >= MIN_PROSE_WORDS and has_terminal(text))


def is_headline(text: str) -> bool:
    """True for a line shaped like a headline: a few words, no sentence-final period."""
    n = len(words(text))
    stripped = text.rstrip().rstrip(_CLOSERS)
    if not (MIN_HEADLINE_WORDS <= n <= MAX_HEADLINE_WORDS) or not stripped:
        return False
    return stripped[-1] not in ".:;,"


def is_title_case(text: str) -> bool:
    """True when most longer words start with a capital ("Kyiv Residents Anxious Over ...")."""
    long_words = [w for w in words(text) if len(w) > 3]
    if not long_words:
        return False
    return sum(1 for w in long_words if w[0].isupper()) / len(long_words) >= 0.6


def is_byline(text: str) -> bool:
    """True for "By Jane Doe" / "By JANE DOE and JOHN ROE, Reuters" lines."""
    return len(words(text)) <= 12 and not has_terminal(text) and bool(_BYLINE.match(text.strip()))


def is_date_line(text: str) -> bool:
    """True when the line is a date with at most a few extra words (a timestamp line)."""
    found = find_dates(text)
    if not found:
        return False
    rest = text
    for d in found:
        rest = rest.replace(d.text, " ")
    return len(words(rest)) <= MAX_DATE_LINE_EXTRA_WORDS and not has_terminal(rest.strip() or "x")


def is_table_row(text: str) -> bool:
    """True for a table row as an HTML extractor prints it ("| 1 | Jane Doe | 5040 |")."""
    line = text.strip()
    return len(line) > 2 and line.startswith("|") and line.endswith("|")


def is_tweet_signature(text: str) -> bool:
    """True for the closing line of an embedded tweet (its author, handle and date)."""
    return bool(_TWEET_SIGNATURE.match(text.strip()))
