"""Train the given-mentions PLOVER classifier on PLV and ship it as ``data/events/plv_model.npz``.

Usage: ``.venv/bin/python scripts/train_events.py --data ../shared/eval``. numpy only (no
scikit-learn); the sentences are parsed with the pipeline's spaCy model, whose parse the
features read (``events.pairfeats``). Its cross-validated figures come from ``sitrep eval
events`` (5 folds), never from the sentences a model was trained on.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sitrep.eval.common import find_file, read_jsonl
from sitrep.eval.events import pair_rows, plv_examples
from sitrep.events import classify
from sitrep.settings import Settings


def main() -> None:
    """Train on every PLV train pair and write the model next to the other events data."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=Path("../shared/eval"))
    args = ap.parse_args()
    examples = plv_examples(read_jsonl(find_file(args.data, "plv_train.jsonl", "events"), "events"))
    rows = pair_rows(examples, Settings())
    model = classify.train(rows, [e["y"] for e in examples])
    out = Path(classify.__file__).parent.parent / "data" / "events" / classify.MODEL_FILE
    out.write_bytes(classify.save(model))
    print(f"{len(examples)} pairs, {len(model.vocab)} features, {len(model.classes)} classes -> {out} ({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
