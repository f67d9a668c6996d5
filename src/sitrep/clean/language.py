"""Language of the cleaned body (py3langid, normalised probabilities, model loaded once)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

LANG_MIN_CHARS = 60  # shorter bodies are too short to identify: the default language is assumed
LANG_MIN_CONFIDENCE = 0.5  # below this probability the default language is assumed
LANG_SAMPLE_CHARS = 5000  # identification reads only the start of long bodies


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(body: str, default: str) -> str:
    """ISO 639-1 code of ``body``; ``default`` when it is too short or the guess is unsure."""
    sample = body[:LANG_SAMPLE_CHARS]
    if len(sample.strip()) < LANG_MIN_CHARS:
        return default
    lang, prob = _identifier().classify(sample)
    return str(lang) if prob >= LANG_MIN_CONFIDENCE else default
