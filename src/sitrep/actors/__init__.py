"""actors stage (placeholder until its first version lands)."""

from __future__ import annotations

from typing import Any

from ..schema import Article

NAME = "actors"
VERSION = "0"
REQUIRES = ("body", "doc")
ASSIGNS = ("actors",)


def run(article: Article, ctx: Any) -> None:
    return None
