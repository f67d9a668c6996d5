"""quotes stage (placeholder until its first version lands)."""

from __future__ import annotations

from typing import Any

from ..schema import Article

NAME = "quotes"
VERSION = "0"
REQUIRES = ("doc", "actors")
ASSIGNS = ("quotes",)


def run(article: Article, ctx: Any) -> None:
    return None
