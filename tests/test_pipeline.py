"""The stage registry: pinned order, declared requirements, and the runner on bad stages."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from sitrep.errors import SitrepError
from sitrep.ids import article_id
from sitrep.pipeline import STAGES, Runner, check_stages, stage_table
from sitrep.schema import Article

PINNED = Path(__file__).parent / "stages.json"


def test_pipeline_stage_list_is_pinned():
    names = [(s["name"], s["requires"], s["assigns"]) for s in stage_table()]
    pinned = [(s["name"], s["requires"], s["assigns"]) for s in json.loads(PINNED.read_text())]
    assert names == pinned


def test_pipeline_requirement_missing_is_reported():
    later = SimpleNamespace(NAME="late", REQUIRES=("nonexistent",), ASSIGNS=())
    with pytest.raises(SitrepError, match="E302.*late.*nonexistent"):
        check_stages([*STAGES, later])


def test_pipeline_failing_stage_names_input_and_batch_goes_on(settings, nlp):
    def boom(article, ctx):
        if "explode" in article.body:
            raise RuntimeError("kaput")

    bad = SimpleNamespace(NAME="boom", VERSION="1", REQUIRES=("body",), ASSIGNS=(), run=boom)
    stages = (*STAGES[:2], bad, *STAGES[2:])
    runner = Runner(settings, stages)
    runner._nlp = nlp
    texts = ["Please explode now.", "The minister said the talks went well."]
    arts = [Article(id=article_id(t), source=f"in{i}.txt", raw=t) for i, t in enumerate(texts)]
    outcomes = list(runner.run(arts))
    assert outcomes[0].error is not None and "in0.txt" in str(outcomes[0].error)
    assert "E303" in str(outcomes[0].error)
    assert outcomes[1].article is not None and "events" in outcomes[1].article.stages
