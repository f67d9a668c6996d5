"""The events stage's data files (``sitrep/data/events/*.json``), each loaded once per process."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """The parsed JSON file ``data/events/<name>.json`` (without its ``_about`` note)."""
    path = resources.files("sitrep.data").joinpath("events").joinpath(f"{name}.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("_about", None)
    return data


@lru_cache(maxsize=None)
def word_set(name: str, key: str) -> frozenset[str]:
    """A list from a data file as a frozenset of lower-case words."""
    return frozenset(w.lower() for w in load(name)[key])
