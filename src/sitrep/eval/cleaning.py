"""Score body extraction against the Zyte article-extraction benchmark (``eval/cleaning``).

The benchmark's own metric: tokens by ``\\w+``, multisets of 4-token shingles; per page
tp/fp/fn normalised by their sum so each page weighs the same; P and R are means over pages,
F1 from those means; accuracy = share of pages whose token lists are identical. Scored
separately for HTML input and flattened-text input, with trafilatura's own score on the same
HTML pages in the same run, for all pages and for the English ones, plus mean time per page.
"""

from __future__ import annotations

import gzip
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import clean
from ..clean.dates import URL_DATE, date_from_url
from ..clean.linemodel import model_info
from ..errors import SitrepError
from ..ids import article_id
from ..pipeline import Context
from ..schema import Article
from ..settings import Settings
from .common import find_file, read_jsonl

TOKEN = re.compile(r"\w+")
SHINGLE = 4


def _shingles(text: str) -> tuple[Counter[tuple[str, ...]], list[str]]:
    toks = TOKEN.findall(text)
    if len(toks) < SHINGLE:
        return Counter([tuple(toks)]) if toks else Counter(), toks
    return Counter(tuple(toks[i:i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1)), toks


def page_score(pred: str, gold: str) -> tuple[float, float, float, bool]:
    """(tp, fp, fn) normalised to sum 1, and whether the token lists are identical."""
    ps, ptoks = _shingles(pred)
    gs, gtoks = _shingles(gold)
    tp = sum((ps & gs).values())
    fp = sum(ps.values()) - tp
    fn = sum(gs.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return 1.0, 0.0, 0.0, True
    return tp / total, fp / total, fn / total, ptoks == gtoks


def aggregate(scores: list[tuple[float, float, float, bool]]) -> dict[str, Any]:
    """Benchmark aggregation: P, R as means over pages, F1 of the means, accuracy."""
    if not scores:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "accuracy": 0.0, "n": 0}
    precs = [tp / (tp + fp) if tp + fp else 0.0 for tp, fp, _, _ in scores]
    recs = [tp / (tp + fn) if tp + fn else 0.0 for tp, _, fn, _ in scores]
    p, r = sum(precs) / len(precs), sum(recs) / len(recs)
    f = 2 * p * r / (p + r) if p + r else 0.0
    acc = sum(s[3] for s in scores) / len(scores)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "accuracy": round(acc, 4),
            "n": len(scores)}


def sitrep_article(text: str, fmt: str, settings: Settings) -> Article | None:
    """The article after sitrep's clean stage, or None when it finds no body."""
    art = Article(id=article_id(text), source="<eval>", format=fmt, raw=text)
    try:
        clean.run(art, Context(settings))
    except SitrepError:
        return None
    return art


def sitrep_body(text: str, fmt: str, settings: Settings) -> str:
    """The body sitrep's clean stage extracts ('' when it finds none)."""
    art = sitrep_article(text, fmt, settings)
    return art.body if art is not None else ""


def without_url_date(html: str, url: str) -> str:
    """The page with its URL's date segment ("/2019/11/19/") removed wherever it appears,
    plain or JSON-escaped, so the date cannot be read back from canonical links."""
    m = URL_DATE.search(url)
    if not m:
        return html
    seg = m.group(0)
    return html.replace(seg, "/").replace(seg.replace("/", "\\/"), "\\/")


def date_accuracy(pages: list[dict[str, Any]], settings: Settings) -> dict[str, Any]:
    """Share of pages with a date in their URL whose extracted date equals it (URL hidden)."""
    hits = {"html": 0, "flattened": 0}
    n = 0
    for page in pages:
        gold = date_from_url(page["url"])
        if gold is None:
            continue
        n += 1
        html = sitrep_article(without_url_date(page["html"], page["url"]), "html", settings)
        flat = sitrep_article(page["flattened_text"], "text", settings)
        hits["html"] += bool(html and html.published == gold)
        hits["flattened"] += bool(flat and flat.published == gold)
    return {"date_accuracy": round(hits["html"] / max(n, 1), 4),
            "date_accuracy_flattened": round(hits["flattened"] / max(n, 1), 4), "date_n": n,
            "date_gold": "dates in the page URLs (/2019/11/19/-style); the URL's date is removed from the input"}


def model_cv() -> dict[str, Any]:
    """The shipped line model's cross-validated score, as its training script recorded it."""
    info = model_info()
    if info is None:
        return {"flattened_model": "absent: flattened text is cleaned by the rules alone"}
    cv = info.get("cv") or {}
    out: dict[str, Any] = {
        "flattened_model": f"trained on {info.get('trained_on')}; the flattened score above is measured on "
                           "its own training pages, the honest figure is flattened_cv (held-out sites)",
    }
    if cv.get("model"):
        out["flattened_cv"] = {**cv["model"], "folds": cv.get("folds"), "grouped_by": cv.get("grouped_by"),
                               "nested": bool(cv.get("nested"))}
        out["flattened_cv_f1"] = cv["model"]["f1"]
    if cv.get("first_pass_only"):
        out["flattened_cv_first_pass_only_f1"] = cv["first_pass_only"]["f1"]
    return out


def trafilatura_body(html: str, favor_precision: bool = False) -> str:
    """trafilatura's own body for a page (default settings unless ``favor_precision``)."""
    import trafilatura

    return trafilatura.extract(html, include_comments=False, favor_precision=favor_precision) or ""


def _run(pages: list[dict[str, Any]], extract: Callable[[dict[str, Any]], str]) -> dict[str, Any]:
    scores, en, start = [], [], time.perf_counter()
    for page in pages:
        s = page_score(extract(page), page["gold_body"])
        scores.append(s)
        if page.get("lang") == "en":
            en.append(s)
    out = aggregate(scores)
    out["english"] = aggregate(en)
    out["ms_per_page"] = round(1000 * (time.perf_counter() - start) / max(len(pages), 1), 2)
    return out


def evaluate(data: Path, settings: Settings) -> dict[str, Any]:
    path = find_file(data, "flattened.jsonl", "cleaning")
    pages = read_jsonl(path, "cleaning")
    for page in pages:
        with gzip.open(path.parent / page["html_path"], "rt", encoding="utf-8", errors="replace") as fh:
            page["html"] = fh.read()
    html = _run(pages, lambda p: sitrep_body(p["html"], "html", settings))
    flat = _run(pages, lambda p: sitrep_body(p["flattened_text"], "text", settings))
    traf = _run(pages, lambda p: trafilatura_body(p["html"]))
    traf_precise = _run(pages, lambda p: trafilatura_body(p["html"], favor_precision=True))
    traf_flat = _run(pages, lambda p: trafilatura_body(p["flattened_text"]))
    result = {k: html[k] for k in ("precision", "recall", "f1", "n")}
    result.update(task="cleaning", html=html, flattened=flat, trafilatura_html=traf,
                  trafilatura_html_favor_precision=traf_precise, trafilatura_flattened=traf_flat)
    result.update(model_cv())
    result.update(date_accuracy(pages, settings))
    return result
