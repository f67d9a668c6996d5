"""Store benchmark on synthetic extracted records (no NLP): writes, merge, query latency.

    .venv/bin/python bench/bench_store.py [--articles 100000] [--events-per-article 5] [--db PATH]

1. generates article records with actors, quotes, events and quantities (seeded, so runs
   compare); a share of them are syndicated copies and repeated reports of one event;
2. writes them in batches of ``--batch`` articles (one transaction each): rows/s;
3. rebuilds copies, merged events, disagreements and the ledger (``refresh --full``): seconds;
4. writes ``--add`` more articles (the next ones in time, as a later ingest brings them) and
   refreshes incrementally: seconds;
5. runs the common queries 100 times each: p50/p95 in milliseconds.
Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import random
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from sitrep.ids import fact_id
from sitrep.schema import Actor, ActorRef, Article, Event, EventDate, Place, Provenance, Quantity, Quote
from sitrep.store import Store

COUNTRIES = ["US", "GB", "DE", "FR", "RU", "UA", "PL", "NL", "DK", "ES", "CA", "TR", "BY", "IT", "LT", "EE", "LV",
             "RO", "BG", "SE", "FI", "NO", "CN", "JP", "IN", "BR", "ZA", "EG", "IR", "IL"]
PLACES = [(f"Place{i}", COUNTRIES[i % len(COUNTRIES)], 40 + i % 20, 10 + i % 30) for i in range(60)]
CATEGORIES = ["MOBILIZE", "CONSULT", "ACCUSE", "THREATEN", "AID", "SANCTION", "PROTEST", "ASSAULT", "REQUEST",
              "REJECT", "COOPERATE", "SUPPORT", "RETREAT", "AGREE", "DEMAND", "COERCE"]
WORDS = "troops border talks sanctions aid missiles ceasefire embassy drills warning convoy refugees".split()
START = date(2022, 1, 1)
_SYLLABLES = "ka ro mi ten sol var del bri nor ost lan peg ur vik ham".split()
FIRST = "Anna Boris Carla Dmytro Elena Frank Greta Hans Ivana Jonas Kasia Luca Marta Nils Olga Pavel".split()


def _person(rng: random.Random) -> str:
    """A made-up full name (letters only, so identity folds it like a real one)."""
    surname = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{rng.choice(FIRST)} {surname}"


def _event(rng: random.Random, aid: str, k: int, published: date, seed_event: tuple | None) -> Event:
    cat, actor, target, place, day, number = seed_event or (
        rng.choice(CATEGORIES), rng.choice(COUNTRIES), rng.choice(COUNTRIES + [None] * 10),
        rng.choice(PLACES + [None] * 20), published - timedelta(days=rng.randint(0, 3)), rng.randint(1, 60) * 100)
    if seed_event:  # another outlet's report: a slightly different number, sometimes no date
        number = int(number * rng.uniform(0.85, 1.15))
    prov = Provenance(aid, "synthetic", "1", 0.9)
    pl = Place(place[0], place[1], place[2], place[3], "city") if place else None
    dated = rng.random() < 0.7
    sentence = f"{actor} {cat.lower()} {number} {rng.choice(WORDS)} {rng.choice(WORDS)} in {pl.name if pl else 'x'}."
    return Event(
        id=fact_id("V", aid, k), category=cat, mode=None, cameo=None, actor=ActorRef(None, actor, actor),
        target=ActorRef(None, target, target) if target else None, place=pl, origin=None,
        date=EventDate(day.isoformat(), "day", "on Monday") if dated else None,
        quantities=[Quantity(float(number), "troops", "about", f"about {number:,} troops")] if cat == "MOBILIZE" else [],
        status=rng.choice(["occurred", "occurred", "planned", "denied"]), sentence=sentence, span=[0, len(sentence)],
        confidence=0.8, provenance=prov), (cat, actor, target, place, day, number)


def synthetic(n: int, per_article: int, seed: int = 1) -> list[Article]:
    """``n`` article records; ~30 % of events retell an earlier event, ~5 % of articles are copies."""
    rng = random.Random(seed)
    arts: list[Article] = []
    recent: list[tuple] = []
    for i in range(n):
        if arts and rng.random() < 0.05:  # a syndicated copy of a recent article
            src = arts[-rng.randint(1, min(50, len(arts)))]
            cid = f"{i:016x}"
            arts.append(Article(id=cid, source=f"copy{i}", url=f"https://outlet{i % 300}.example/{i}",
                                published=src.published, body="Republished. " + src.body, language="en",
                                events=[replace(e, id=fact_id("V", cid, k)) for k, e in enumerate(src.events)],
                                actors=[replace(a, id=fact_id("A", cid, k)) for k, a in enumerate(src.actors)],
                                quotes=[replace(q, id=fact_id("Q", cid, k)) for k, q in enumerate(src.quotes)]))
            continue
        aid, published = f"{i:016x}", START + timedelta(days=i * 365 // n)
        prov = Provenance(aid, "synthetic", "1", 0.9)
        events = []
        for k in range(per_article):
            ev, key = _event(rng, aid, k, published, rng.choice(recent) if recent and rng.random() < 0.3 else None)
            events.append(ev)
            recent = (recent + [key])[-500:]
        body = " ".join(e.sentence for e in events) + " " + " ".join(rng.choice(WORDS) for _ in range(80))
        actors = [Actor(fact_id("A", aid, j), _person(rng), "person", "minister", None,
                        rng.choice(COUNTRIES), [[0, 5], [10, 15]], prov) for j in range(3)]
        quotes = [Quote(fact_id("Q", aid, j), f"we will {rng.choice(WORDS)} the {rng.choice(WORDS)} soon",
                        "direct", actors[0].id, actors[0].name, "said", [[0, 20]], provenance=prov) for j in range(2)]
        arts.append(Article(id=aid, source=f"art{i}", url=f"https://outlet{i % 300}.example/{i}",
                            published=published.isoformat(), body=body, events=events, actors=actors, quotes=quotes,
                            language="en"))
    return arts


def timed(store: Store, fn, runs: int = 100) -> tuple[float, float]:
    ms = []
    for _ in range(runs):
        t = time.perf_counter()
        fn(store)
        ms.append((time.perf_counter() - t) * 1000)
    ms.sort()
    return statistics.median(ms), ms[int(0.95 * len(ms)) - 1]


QUERIES = {
    "events actor+category": lambda s: s.find("events", actor="US", category="MOBILIZE"),
    "events place+dates": lambda s: s.find("events", place="PL", since="2022-03-01", until="2022-03-31"),
    "reports target+category": lambda s: s.find("reports", target="UA", category="ASSAULT"),
    "quotes text search": lambda s: s.find("quotes", text="missiles border"),
    "quotes by speaker": lambda s: s.find("quotes", speaker="Olga Kasol"),
    "actors by name": lambda s: s.find("actors", name="Vikten"),
    "ledger actor+place": lambda s: s.ledger("RU", "BY"),
    "disagreements": lambda s: s.query("SELECT * FROM disagreements ORDER BY merged_id LIMIT 100"),
}


def main() -> None:
    ap = argparse.ArgumentParser(description="sitrep store benchmark")
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--events-per-article", type=int, default=5)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=100)
    ap.add_argument("--add", type=int, default=1000, help="articles added after the full refresh (0: none)")
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--profile", type=int, default=0, metavar="N",
                    help="print the top N functions (cumulative time) of the incremental refresh (0: off)")
    args = ap.parse_args()
    arts = synthetic(args.articles + args.add, args.events_per_article)
    arts, later = arts[:args.articles], arts[args.articles:]
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        t, rows = time.perf_counter(), 0
        for i in range(0, len(arts), args.batch):
            with Store(db) as store:  # reopened per batch, as an ingest does
                store.write_batch(arts[i:i + args.batch])
        write_s = time.perf_counter() - t
        n_written = len(arts)
        del arts  # an ingest holds one batch, not the corpus: millions of live objects would slow
        gc.collect()  # every garbage-collector pass of the refreshes below (they are not the store's cost)
        with Store(db) as store:
            rows = sum(store.counts(("articles", "actors", "quotes", "events", "quantities", "mentions", "places",
                                     "neardup_keys")).values())
            t = time.perf_counter()
            store.refresh(force=True)
            merge_s = time.perf_counter() - t
            derived = store.counts(("events", "article_copies", "merged_events", "disagreements", "ledger"))
            if later:
                store.write_batch(later)
                prof = cProfile.Profile() if args.profile else None
                t = time.perf_counter()
                if prof:
                    prof.enable()
                store.refresh()
                add_s = time.perf_counter() - t
                if prof:
                    prof.disable()
                    pstats.Stats(prof).sort_stats("cumulative").print_stats(args.profile)
        print(f"articles {n_written:,}  rows written {rows:,} in {write_s:.1f}s = {rows / write_s:,.0f} rows/s "
              f"({n_written / write_s:,.0f} articles/s)")
        print(f"full refresh (copies + merge + disagreements + ledger) {merge_s:.1f}s: "
              + ", ".join(f"{n:,} {k}" for k, n in derived.items()))
        if later:
            print(f"incremental refresh after adding {len(later):,} articles: {add_s:.1f}s")
        with Store(db, read_only=True) as store:
            for name, fn in QUERIES.items():
                p50, p95 = timed(store, fn, args.runs)
                print(f"  {name:26s} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms")


if __name__ == "__main__":
    main()
