"""The worker pool gives the same records, in the same order, as one process."""

from __future__ import annotations

import dataclasses
import pickle

from sitrep.errors import E, SitrepError
from sitrep.ids import article_id
from sitrep.records import to_dict
from sitrep.schema import Article
from sitrep.workers import process

TEXTS = [
    "Poland Hosts Talks\n\nPolish President Marek Lis said on Monday that talks with Lithuania went well.",
    "Latvia Sends Medics\n\nLatvia said it sent 40 medics to Ukraine last week, officials said.",
    "Drill Ends\n\nEstonian troops ended a drill near Tapa, the army said on Sunday.",
]


def _items() -> list:
    arts: list = [Article(id=article_id(t), source=f"t{i}.txt", raw=t) for i, t in enumerate(TEXTS)]
    arts.insert(1, SitrepError(E.E102, path="empty.txt"))
    return arts


def test_workers_error_survives_pickling():
    err = pickle.loads(pickle.dumps(SitrepError(E.E101, path="x.txt", reason="gone")))
    assert isinstance(err, SitrepError) and str(err) == "[E101] cannot read x.txt: gone"


def test_workers_pool_matches_single_process(settings, runner):
    single = list(process(_items(), settings))
    pooled = list(process(_items(), dataclasses.replace(settings, workers=2, chunk_size=2)))
    assert [o.source for o in pooled] == [o.source for o in single]
    assert str(pooled[1].error) == str(single[1].error) == "[E102] empty.txt is empty"
    assert [to_dict(o.article) for o in pooled if o.article] == [to_dict(o.article) for o in single if o.article]
