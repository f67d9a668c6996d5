"""Clean stage (placeholder until the clean helper lands): body = raw text."""

from __future__ import annotations

from typing import Any

from ..schema import Article

NAME = "clean"
VERSION = "0"
REQUIRES = ("raw", "format")
ASSIGNS = ("title", "body", "captions", "boilerplate", "published", "language", "byline", "dateline")


def run(article: Article, ctx: Any) -> None:
    article.body = article.raw.strip()
    article.language = "en"
