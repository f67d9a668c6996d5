"""One identity per real entity across articles: pure functions over actor rows, no store.

People are grouped by a folded surname ("Zelensky", "Zelenskiy", "Zelenskyy" fold alike),
then split by first name: "Volodymyr Zelensky" and "Zelenskiy" are one person, "Boris
Johnson" and "Jo Johnson" are two. A person named only by surname joins the one full-name
person of that surname whose country does not contradict theirs; when several fit, they
stay apart (never guessed). Two people with the same full name but different countries
stay two. Countries are keyed by ISO code, organisations and groups by folded name.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from typing import Any

from . import lexicon
from .kinds import alias

_NON_LETTER = re.compile(r"[^a-z ]+")
# Spelling variants of name endings in transliterations (Zelenskiy/Zelenskyy/Zelensky).
_ENDINGS = (("iy", "y"), ("yy", "y"), ("ij", "y"), ("yi", "y"))
_DOUBLE = re.compile(r"(.)\1+")


def fold(text: str) -> str:
    """Lower-case ASCII letters and single spaces ("Zelenskyy" -> "zelenskyy")."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(_NON_LETTER.sub(" ", text.lower()).split())


def _word_key(word: str) -> str:
    for old, new in _ENDINGS:
        if word.endswith(old):
            word = word[: -len(old)] + new
    return _DOUBLE.sub(r"\1", word)


@lru_cache(maxsize=1)
def _skip_words() -> frozenset[str]:
    """Honorifics and one-word roles, folded: built once (resolve calls name_parts per row)."""
    roles = lexicon.load("roles")
    return frozenset({fold(h) for h in roles["honorifics"]} | {fold(r) for r in roles["roles"] if " " not in r})


def name_parts(name: str) -> tuple[str, str | None]:
    """(surname key, first-name key or None) of a person's name, honorifics and surname
    particles dropped ("Pieter van Dael" and "van Dael" share the surname key "dael")."""
    skip = _skip_words()
    words = [w for w in fold(name).split() if w not in skip]
    particles = lexicon.particles()
    if len(words) > 1:  # "van dael", "hendrik de wit", "al khatib": the particle is not a first name
        keep = [w for i, w in enumerate(words) if w not in particles["all"] or i == len(words) - 1
                or (i == 0 and len(words) == 2 and w in particles["first_names"])]
        words = keep or words
    if not words:
        return "", None
    first = _word_key(words[0]) if len(words) > 1 else None
    return _word_key(words[-1]), first


def _key(prefix: str, canon: str) -> str:
    return f"{prefix}-{hashlib.sha1(canon.encode()).hexdigest()[:12]}"


def _first_fits(a: str, b: str) -> bool:
    """Same first name, or one an initial of the other ("J" / "john")."""
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _country_fits(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _people(rows: list[dict[str, Any]]) -> dict[str, str]:
    """Global keys for person rows."""
    by_surname: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_surname[name_parts(r.get("name") or "")[0]].append(r)
    out: dict[str, str] = {}
    for surname, group in by_surname.items():
        clusters: list[dict[str, Any]] = []  # {"first", "country", "ids"}
        # Only clusters whose first name starts with the same letter can fit (an initial or the same
        # name), and a cluster's first letter never changes: look there, in creation order.
        by_initial: dict[str, list[dict[str, Any]]] = defaultdict(list)
        singles = []
        for r in sorted(group, key=lambda r: r["id"]):
            first = name_parts(r.get("name") or "")[1]
            if first is None:
                singles.append(r)
                continue
            c = next((c for c in by_initial[first[:1]] if _first_fits(c["first"], first)
                      and _country_fits(c["country"], r.get("country"))), None)
            if c is None:
                c = {"first": first, "country": r.get("country"), "ids": []}
                clusters.append(c)
                by_initial[first[:1]].append(c)
            c["country"] = c["country"] or r.get("country")
            c["first"] = max(c["first"], first, key=len)
            c["ids"].append(r["id"])
        for c in clusters:
            for i in c["ids"]:
                out[i] = _key("P", f"{surname}|{c['first']}|{c['country'] or ''}")
        for r in singles:
            fits = [c for c in clusters if _country_fits(c["country"], r.get("country"))]
            if len(fits) == 1:
                out[r["id"]] = out[fits[0]["ids"][0]]
            elif not clusters:
                out[r["id"]] = _key("P", f"{surname}|?|{r.get('country') or ''}")
            else:
                out[r["id"]] = _key("P", f"{surname}|?|{r['article_id']}|{r['id']}")
    return out


def resolve(actors: list[dict[str, Any]]) -> dict[str, str]:
    """Map each actor row's ``id`` (rows carry ``id, article_id, name, kind, role,
    affiliation, country``) to a global actor key: ``P-`` people, ``C-`` countries,
    ``O-`` organisations, ``G-`` groups."""
    people = [r for r in actors if r.get("kind") == "person" and r.get("named") is not False]
    out = _people(people)
    for r in actors:
        kind = r.get("kind")
        if kind == "person" and r.get("named") is False:
            out[r["id"]] = _key("U", r["id"])  # "a Kremlin aide" here is nobody in particular elsewhere
        if kind == "person":
            continue
        if kind == "country" and r.get("country"):
            out[r["id"]] = f"C-{r['country']}"
        else:
            prefix = "G" if kind == "group" else "O"
            raw = r.get("name") or ""
            name = fold((alias(raw) if kind == "org" else None) or raw).removeprefix("the ")
            out[r["id"]] = _key(prefix, f"{name}|{r.get('country') or ''}")
    return out
