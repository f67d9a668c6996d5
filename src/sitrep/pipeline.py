"""The stage registry and the runner shared by the CLI, the Python API and workers.

A stage is a module with ``NAME``, ``VERSION``, ``REQUIRES``, ``ASSIGNS`` (record
fields, plus ``"doc"`` for the parse) and ``run(article, ctx)``, which fills in its
part of the article in place. ``check_stages`` verifies at start-up that each stage's
requirements are assigned by an earlier stage (as spaCy's ``pipe_analysis`` does).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any

from . import actors, clean, events, quotes
from . import parse as parse_stage
from .errors import E, SitrepError
from .encoder import load_encoder
from .nlp import load_model, resolve_model_name
from .schema import Article
from .settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The per-article stages, in order. tests/stages.json pins this list.
STAGES: tuple[ModuleType, ...] = (clean, parse_stage, actors, quotes, events)
INPUT_FIELDS = ("id", "source", "format", "raw")


@dataclass
class Context:
    """What a stage may use besides the article: settings, the model, the parse."""

    settings: Settings
    nlp: Any = None  # spacy.language.Language, loaded once per process
    doc: Doc | None = None
    cache: dict[str, Any] = field(default_factory=dict)


def check_stages(stages: Iterable[ModuleType] = STAGES, given: Iterable[str] = ()) -> None:
    """Raise E302 if a stage requires a field no earlier stage assigns (or the caller gives)."""
    assigned = set(INPUT_FIELDS) | set(given)
    for stage in stages:
        for req in stage.REQUIRES:
            if req not in assigned:
                raise SitrepError(E.E302, stage=stage.NAME, field=req)
        assigned.update(stage.ASSIGNS)


def body_runner(settings: Settings) -> Runner:
    """A runner for articles whose ``body`` is already clean: every stage but ``clean``."""
    # The caller supplies what clean would assign (gold texts whose offsets must not move).
    return Runner(settings, tuple(s for s in STAGES if s is not clean), given=clean.ASSIGNS)


def stage_table() -> list[dict[str, Any]]:
    """The registry as data: name, version, requires, assigns."""
    return [
        {"name": s.NAME, "version": s.VERSION, "requires": list(s.REQUIRES), "assigns": list(s.ASSIGNS)}
        for s in STAGES
    ]


@dataclass
class Outcome:
    """One input's result: an article (possibly with notes) or an error naming the input."""

    article: Article | None = None
    error: SitrepError | None = None
    source: str = ""


class Runner:
    """Runs the stages over articles in batches; one per process."""

    def __init__(self, settings: Settings, stages: tuple[ModuleType, ...] = STAGES, given: Iterable[str] = ()) -> None:
        check_stages(stages, given)
        load_encoder(settings.encoder)  # a bad encoder setting fails here, once, not in every article
        self.settings = settings
        self.stages = stages
        self._nlp: Any = None

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_model(resolve_model_name(self.settings))
        return self._nlp

    def run(self, items: Iterable[Article | SitrepError]) -> Iterator[Outcome]:
        """Process articles batch by batch; outcomes (reader errors included) keep input order."""
        batch: list[Article | SitrepError] = []
        for item in items:
            batch.append(item)
            if len(batch) >= self.settings.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Article | SitrepError]) -> Iterator[Outcome]:
        # 1. stages before the parse, per article; 2. one nlp.pipe over the batch;
        # 3. stages after the parse, per article; 4. outcomes in input order.
        split = next(i for i, s in enumerate(self.stages) if s.NAME == parse_stage.NAME)
        done: dict[int, Outcome] = {}
        ctxs = {i: Context(self.settings) for i in range(len(batch))}
        for i, item in enumerate(batch):
            if isinstance(item, SitrepError):
                done[i] = Outcome(error=item, source=str(item.kwargs.get("path", "")))
            elif (failed := self._apply(item, self.stages[:split], ctxs[i])) is not None:
                done[i] = failed
        alive = [(i, a) for i, a in enumerate(batch) if i not in done and isinstance(a, Article)]
        english = [(i, a) for i, a in alive if parse_stage.wants_parse(a)]
        if english:
            nlp = self.nlp
            texts = (parse_stage.text_for(a, self.settings) for _, a in english)
            for (i, art), doc in zip(english, nlp.pipe(texts, batch_size=self.settings.batch_size)):
                ctxs[i].nlp, ctxs[i].doc = nlp, doc
                art.stages[parse_stage.NAME] = parse_stage.version_of(nlp)
        for i, art in alive:
            failed = self._apply(art, self.stages[split + 1 :], ctxs[i]) if ctxs[i].doc is not None else None
            done[i] = failed or Outcome(article=art, source=art.source)
        for i in range(len(batch)):
            yield done[i]

    def _apply(self, art: Article, stages: tuple[ModuleType, ...], ctx: Context) -> Outcome | None:
        for stage in stages:
            try:
                stage.run(art, ctx)
            except SitrepError as err:
                return Outcome(error=err, source=art.source)
            except Exception as exc:  # a bug in a stage must not stop the batch
                err = SitrepError(E.E303, stage=stage.NAME, path=art.source, reason=repr(exc))
                return Outcome(error=err, source=art.source)
            art.stages[stage.NAME] = stage.VERSION
        return None
