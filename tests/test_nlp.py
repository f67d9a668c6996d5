"""Model loading: the pipeline is a setting, loaded once, with sitrep's sentence rules."""

from __future__ import annotations

import pytest

from sitrep.errors import SitrepError
from sitrep.nlp import PARAGRAPHS, load_model


def test_nlp_loaded_once_with_paragraph_component(nlp, settings):
    assert load_model(settings.model) is load_model(settings.model)
    assert PARAGRAPHS in nlp.pipe_names


def test_nlp_sentences_stop_at_blank_lines(nlp):
    doc = nlp("Security\n\nSome 2,500 soldiers will be moved to Romania, officials said.\n\nHe left.")
    assert [s.text.strip() for s in doc.sents] == [
        "Security", "Some 2,500 soldiers will be moved to Romania, officials said.", "He left."]


def test_nlp_closing_quote_stays_with_its_sentence(nlp):
    doc = nlp('She said the talks were "the best chance we have."\n\nThe minister left on Monday.')
    first = next(iter(doc.sents)).text.strip()
    assert first.endswith('have."')


def test_nlp_missing_pipeline_is_a_clear_error():
    with pytest.raises(SitrepError, match="E301.*no_such_pipeline"):
        load_model("no_such_pipeline")
