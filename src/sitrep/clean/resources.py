"""The clean stage's data files (chrome patterns, stop words, months), loaded once."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any


def _load(name: str) -> dict[str, Any]:
    text = resources.files("sitrep.data.clean").joinpath(name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


class Chrome:
    """Whole-line site chrome: exact phrases and regexes; ``player`` = video player residue."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.exact = frozenset(data["exact"])
        self.regex = [re.compile(p, re.IGNORECASE) for p in data["regex"]]
        self.player = frozenset(data["player"])
        self.player_regex = [re.compile(p, re.IGNORECASE) for p in data["player_regex"]]


@lru_cache(maxsize=1)
def chrome() -> Chrome:
    """The chrome patterns from ``data/clean/chrome.json``."""
    return Chrome(_load("chrome.json"))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """English function words from ``data/clean/stopwords.json``."""
    return frozenset(_load("stopwords.json")["words"])


@lru_cache(maxsize=1)
def months() -> dict[str, int]:
    """Month name or abbreviation (lower-case) -> month number."""
    return dict(_load("months.json")["months"])


@lru_cache(maxsize=1)
def thread_patterns() -> dict[str, list[re.Pattern[str]]]:
    """Comment-thread and related-list line patterns from ``data/clean/thread.json``."""
    data = _load("thread.json")
    return {key: [re.compile(p, re.IGNORECASE) for p in data[key]] for key in ("comment", "thread", "related")}
