"""events stage (placeholder until its first version lands)."""

from __future__ import annotations

from typing import Any

from ..schema import Article

NAME = "events"
VERSION = "0"
REQUIRES = ("doc", "actors", "published")
ASSIGNS = ("events",)


def run(article: Article, ctx: Any) -> None:
    return None
