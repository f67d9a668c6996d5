"""Regenerate docs/article.schema.json from sitrep.schema (tests check it is current)."""

import json
from pathlib import Path

from sitrep.records import json_schema

OUT = Path(__file__).resolve().parent.parent / "docs" / "article.schema.json"

if __name__ == "__main__":
    OUT.write_text(json.dumps(json_schema(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
