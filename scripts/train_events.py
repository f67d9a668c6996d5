"""Train the given-mentions PLOVER classifier on PLV and ship it as ``data/events/plv_model.npz``.

Usage: ``.venv/bin/python scripts/train_events.py --data ../shared/eval``. numpy only (no
scikit-learn). When the encoder is installed (``sitrep.encoder``), its head is trained too and
written as ``data/events/plv_dense.npz``; the sentences are parsed with the pipeline's spaCy model, whose parse the
features read (``events.pairfeats``). Its cross-validated figures come from ``sitrep eval
events`` (5 folds), never from the sentences a model was trained on.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sitrep.eval.common import find_file, read_jsonl
from sitrep.encoder import available as encoder_available
from sitrep.encoder import load_encoder
from sitrep.eval.events import dense_rows, pair_rows, parse_examples, plv_examples
from sitrep.events import classify
from sitrep.settings import Settings


def main() -> None:
    """Train on every PLV train pair and write the model next to the other events data."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=Path("../shared/eval"))
    ap.add_argument("--encoder", default="minilm", help="encoder whose head is trained too, when installed")
    ap.add_argument("--no-encoder", action="store_true", help="train the sparse classifier only")
    args = ap.parse_args()
    examples = plv_examples(read_jsonl(find_file(args.data, "plv_train.jsonl", "events"), "events"))
    settings = Settings()
    parsed = parse_examples(examples, settings)
    rows = pair_rows(examples, settings, parsed)
    model = classify.train(rows, [e["y"] for e in examples])
    folder = Path(classify.__file__).parent.parent / "data" / "events"
    out = folder / classify.MODEL_FILE
    out.write_bytes(classify.save(model))
    print(f"{len(examples)} pairs, {len(model.vocab)} features, {len(model.classes)} classes -> {out} ({out.stat().st_size} bytes)")
    if not args.no_encoder and encoder_available(args.encoder):  # the encoder head, used with the encoder setting on
        dense = dense_rows(examples, parsed, load_encoder(args.encoder))
        head = classify.train_dense(dense, [e["y"] for e in examples], model.classes)
        out = folder / classify.DENSE_FILE
        out.write_bytes(classify.save_dense(head))
        print(f"encoder head ({args.encoder}): {dense.shape[1]} inputs -> {out} ({out.stat().st_size} bytes)")
    elif (folder / classify.DENSE_FILE).exists():  # a head from an older run would not match the new model
        (folder / classify.DENSE_FILE).unlink()
        print(f"no encoder: removed the old {classify.DENSE_FILE}")


if __name__ == "__main__":
    main()
