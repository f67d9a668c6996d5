"""eval/quotes.py scoring on a tiny hand-written PolNeAR-format record."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from sitrep.eval import quotes as qe
from sitrep.schema import Quote

FIXTURE = Path(__file__).parent / "fixtures" / "quotes" / "polnear_tiny.jsonl"


def _rec() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8").splitlines()[0])


def _span(text: str, sub: str) -> list[int]:
    i = text.index(sub)
    return [i, i + len(sub)]


def _quote(text: str, content: str, speaker: str | None, cue: str | None, kind: str = "indirect") -> Quote:
    return Quote(id="q", text=content, kind=kind, spans=[_span(text, content)],  # type: ignore[arg-type]
                 speaker_span=_span(text, speaker) if speaker else None, cue_span=_span(text, cue) if cue else None)


def test_eval_quotes_scores_exact_lenient_speaker_and_tokens():
    rec = _rec()
    text = rec["text"]
    preds = [
        _quote(text, "that the cranes would stay idle until May", "Sepp", "said"),  # exact, speaker overlaps
        _quote(text, "We have no parts", "Lina Sepp", "added", "direct"),  # exact after trimming marks; wrong speaker
        _quote(text, "the strike could", None, None),  # lenient only, source missed
        _quote(text, "Port talks stall", None, None),  # no gold: false positive
    ]
    c: Counter[str] = Counter()
    qe._score_article(rec, preds, c)
    out = qe.summarise(c, "tiny", 1)
    assert (c["gold"], c["pred"], c["lenient_tp"], c["exact_tp"]) == (3, 4, 3, 2)
    assert out["recall"] == 1.0 and out["precision"] == 0.75
    assert out["speaker_accuracy"] == round(1 / 3, 4)
    assert out["speaker_accuracy_pronoun"] == 0.0 and out["speaker_accuracy_named"] == 0.5
    assert out["cue_accuracy"] == round(2 / 3, 4)
    assert c["m_gold"] == 1 and c["m_pred"] == 1 and out["marked"]["f1"] == 1.0
    assert out["token_content"]["recall"] < 1.0 and out["token_cue"]["precision"] == 1.0
    assert out["counts"]["gold"] == 3


def test_a_gold_span_past_the_text_end_is_cut_not_a_crash():
    from sitrep.eval.quotes import _trimmed

    assert _trimmed('He said "no".', [[8, 40], [0, 2]]) == frozenset({(9, 11), (0, 2)})


def test_a_record_the_pipeline_rejects_does_not_shift_the_others(tmp_path):
    # an empty text fails in the pipeline; the next record must still be scored against its own quotes
    from sitrep.settings import Settings

    bad = dict(_rec(), id="fixture_empty", text="", attributions=[])
    lines = [json.dumps(bad), FIXTURE.read_text(encoding="utf-8").splitlines()[0]]
    (tmp_path / "polnear_dev.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = qe.evaluate(tmp_path, Settings())
    assert out["articles"] == 2 and out["n"] == 3
    assert out["recall"] >= 2 / 3  # the fixture's quotes are found in its own text
