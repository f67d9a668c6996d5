"""Actor identity across articles: one global key per actor record.

When ``sitrep.actors.identity.resolve`` exists (rows with id, article_id, name, kind, role,
affiliation, country -> {actor id: global key}) it decides; until then actors are grouped
by (kind, lower-cased name, country). This module is the one hook between the two.

Identity is decided within groups (:func:`actor_group`): people sharing a folded surname are
resolved together, every other actor on its own. A refresh re-resolves only the groups of
new actors, which gives what resolving everything gives.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

Resolver = Callable[[list[dict[str, Any]]], dict[str, str]]


def fallback_resolve(actors: list[dict[str, Any]]) -> dict[str, str]:
    """Group by (kind, name, country): exact names only, no aliases; an unnamed person alone."""
    return {a["id"]: f"{a['kind']}|{(a['name'] or '').strip().lower()}|{a['country'] or ''}"
            if a.get("named") is not False else f"U|{a['id']}" for a in actors}


def resolver() -> Resolver:
    """The identity resolver of ``sitrep.actors.identity`` if present, else the fallback."""
    try:
        module = importlib.import_module("sitrep.actors.identity")
    except ImportError:
        return fallback_resolve
    return getattr(module, "resolve", fallback_resolve)


def actor_keys(actors: list[dict[str, Any]]) -> dict[str, str]:
    """Actor id -> global key for every actor row (ids the resolver leaves out fall back)."""
    keys = fallback_resolve(actors)
    keys.update(resolver()(actors))
    return keys


def actor_group(row: dict[str, Any]) -> str:
    """The group an actor row is resolved within: 'P|surname' for people, else its own id."""
    if row.get("kind") != "person" or row.get("named") is False:
        return f"X|{row['id']}"
    try:
        from ..actors.identity import name_parts
    except ImportError:
        return f"X|{row['id']}"
    return f"P|{name_parts(row.get('name') or '')[0]}"
