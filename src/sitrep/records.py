"""Records to and from plain JSON-ready dicts (the ``sitrep extract`` contract)."""

from __future__ import annotations

from typing import Any

import msgspec

from .schema import EXCLUDED_FROM_JSON, Article


def to_dict(article: Article, include_raw: bool = False) -> dict[str, Any]:
    """The article as JSON-ready builtins; ``raw`` is left out unless asked for."""
    data: dict[str, Any] = msgspec.to_builtins(article)
    if not include_raw:
        for name in EXCLUDED_FROM_JSON:
            data.pop(name, None)
    return data


def to_json(article: Article, indent: int | None = None) -> str:
    data = to_dict(article)
    if indent is None:
        return msgspec.json.encode(data).decode("utf-8")
    return msgspec.json.format(msgspec.json.encode(data), indent=indent).decode("utf-8")


def from_dict(data: dict[str, Any]) -> Article:
    """Rebuild an Article (with nested records) from its JSON form."""
    return msgspec.convert(data, Article)


def json_schema() -> dict[str, Any]:
    """JSON Schema of the article record, generated from the dataclasses."""
    return msgspec.json.schema(Article)
