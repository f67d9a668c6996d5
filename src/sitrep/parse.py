"""The parse stage: the runner batches it through ``nlp.pipe``; this module says what to parse."""

from __future__ import annotations

from typing import Any

from .nlp import model_version
from .schema import Article
from .settings import Settings

NAME = "parse"
VERSION = "1"
REQUIRES = ("body", "language")
ASSIGNS = ("doc",)


def wants_parse(article: Article) -> bool:
    """Only English articles with a body are parsed; others keep a note from clean."""
    return bool(article.body) and (article.language or "en") == "en"


def text_for(article: Article, settings: Settings) -> str:
    return article.body[: settings.max_body_chars]


def version_of(nlp: Any) -> str:
    return model_version(nlp)


def run(article: Article, ctx: Any) -> None:  # pragma: no cover - batched by the runner
    ctx.doc = ctx.nlp(text_for(article, ctx.settings))
