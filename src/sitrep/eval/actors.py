"""Score people and their identity: within an article (coreference) and across articles.

Gold (``sitrep/data/eval/actors/``, written for sitrep; its README gives the format): one
``*.ann`` file per article, the body as sitrep cleans it with every person mention marked
``[[surface|person]]``; ``gold.jsonl`` holds the same as character offsets (built from the
``.ann`` files by :func:`build_gold`). Person ids are shared across articles: the same id
in two articles is the same real person. Unnamed people ("a Kremlin aide") are annotated
but only reported apart (found, spurious, role); named people are scored.

The stages after ``clean`` run on each gold body. A predicted mention aligns with the gold
mention it overlaps most (one-to-one); predicted people match gold people one-to-one by
the number of aligned mentions they share. Reported per part (all, demo, dev, fresh, fresh2, fresh3, orgs, orgs2):
MUC and B3 (CoNLL style: unaligned predicted mentions count against precision) over named
people's mentions; per mention kind (name, description, pronoun) the share linked to the
right person; person detection P/R/F1; role and country accuracy of matched people; and
cross-article identity as pairwise P/R/F1 over (article, person) pairs with the store's
resolver (``sitrep.merge.actors.actor_keys``), also on the gold people ("oracle") to score
the resolver alone.

Organisations and countries as actors (files with ``# org:``/``# country:``/``# group:``
lines, the ``orgs`` and ``orgs2`` parts so far): their predicted mentions align with gold mentions of the
same family (org or group / country) by overlap, predicted actors with gold ones by shared
mentions; reported are mention P/R/F1 (``org+country mentions``, ``org mentions``,
``country mentions``), B3 over those mentions (``org+country b3``), organisations found,
the country accuracy of the found ones and spurious organisations, with ``org_errors``.
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import E, SitrepError
from ..merge.actors import actor_keys
from ..schema import Article
from ..settings import Settings
from .common import read_jsonl, run_on_bodies
from .metrics import prf

GOLD_FILE = "gold.jsonl"
MARK = re.compile(r"\[\[([^\[\]|]+)\|([A-Za-z0-9_]+)(?:\|([npd]))?\]\]")
KINDS = {"n": "name", "p": "pronoun", "d": "description"}
PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself",
                      "they", "them", "their", "theirs", "themselves", "themself"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "col", "gen"})
PARTS = ("demo", "dev", "fresh", "fresh2", "fresh3", "orgs", "orgs2")
ACTOR_KINDS = ("org", "country", "group")  # header keys of non-person actors
FAMILY = {"org": "org", "group": "org", "country": "country"}  # an alliance (NATO, EU) is sitrep's group, the gold's org or group
ACTOR_PRONOUNS = frozenset({"it", "its", "itself", "they", "them", "their", "theirs", "themselves"})
TUNED_ON = ("actor rules were written while the demo corpus and the seed article existed (demo part: seen, "
            "not held out); the fresh_* articles were written for this eval on 2026-11-25 after the rules "
            "and have not been used to change them (fresh part: held out); the dev_* articles were written on "
            "2026-11-25 for tuning the actor rules of issue 5 (dev part: seen); the fresh2_* articles were written and "
            "annotated on 2026-11-25 before sitrep's output on them was looked at, and are never used to change "
            "rules (fresh2 part: held out until 2026-12-07, when its errors were used to tune round-5 rules: seen since); "
            "the fresh3_* articles were written and annotated on 2026-12-07 before sitrep's output on them was looked "
            "at, and are never used to change rules (fresh3 part: held out); the orgs_* articles were written and "
            "annotated on 2026-12-08 (organisations and countries as actors) before sitrep's output on them was looked "
            "at (orgs part: held out until its first run on 2026-12-08, then tuned on: seen); the orgs2_* articles were "
            "written and annotated on 2026-12-08 before sitrep's output on them was looked at, and are never used to "
            "change rules (orgs2 part: held out)")


# ---- gold -----------------------------------------------------------------------------

def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text.lower()).split())


def mention_kind(surface: str, name: str | None) -> str:
    """'pronoun', 'name' (a word of the person's name, honorifics aside) or 'description'."""
    if surface.lower() in PRONOUNS:
        return "pronoun"
    words = set(_fold(name or "").split())
    if any(w in words for w in _fold(surface).split() if w not in HONORIFICS):
        return "name"
    return "description"


def actor_mention_kind(surface: str) -> str:
    """Kind of an organisation's or country's mention: 'pronoun' (it, its, they ...), 'name'
    (a capitalised word past the first: "NATO", "the Sudanese army", "Moscow") or 'description'
    ("the army", "the ministry", "an armed group")."""
    words = surface.split()
    if surface.lower() in ACTOR_PRONOUNS:
        return "pronoun"
    if words and (words[0][:1].isupper() and words[0].lower() not in ("the", "a", "an", "its", "their")
                  or any(w[:1].isupper() for w in words[1:])):
        return "name"
    return "description"


def _actor_line(kind: str, value: str, source: str) -> dict[str, Any]:
    """``# org: id | name | alpha-2 or -``, ``# country: id | alpha-2``, ``# group: id | name``."""
    fields = [f.strip() for f in value.split("|")]
    want = 3 if kind == "org" else 2
    if len(fields) != want or not fields[0]:
        raise SitrepError(E.E801, task="actors", path=f"{source} (bad {kind} line: {value.strip()!r})")
    if kind == "org":
        return {"id": fields[0], "kind": kind, "name": fields[1], "country": None if fields[2] in ("-", "") else fields[2]}
    if kind == "country":
        return {"id": fields[0], "kind": kind, "name": fields[1], "country": fields[1]}
    return {"id": fields[0], "kind": kind, "name": fields[1], "country": None}


def _header(lines: list[str], source: str) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    meta: dict[str, Any] = {}
    people: list[dict[str, Any]] = []
    actors: list[dict[str, Any]] = []
    for line in lines:
        key, _, value = line.removeprefix("#").strip().partition(":")
        if key in ACTOR_KINDS:
            actors.append(_actor_line(key, value, source))
        elif key == "person":
            pid, name, roles, country, affil = (f.strip() for f in value.split("|"))
            people.append({"id": pid, "name": None if name == "-" else name, "named": name != "-",
                           "roles": [r.strip() for r in roles.split("/") if r.strip()],
                           "country": country.rstrip("?") or None, "country_inferred": country.endswith("?"),
                           "affiliation": affil or None})
        elif key:
            meta[key] = value.strip()
    if "id" not in meta or meta.get("part") not in PARTS:
        raise SitrepError(E.E801, task="actors", path=f"{source} (header needs id and part {'|'.join(PARTS)})")
    return meta, people, actors


def parse_ann(text: str, source: str = "<ann>") -> dict[str, Any]:
    """One ``.ann`` file as a gold record: header fields, ``body`` and offset mentions."""
    head, sep, marked = text.partition("\n%%\n")
    if not sep:
        raise SitrepError(E.E801, task="actors", path=f"{source} (no '%%' line)")
    meta, people, actors = _header([ln for ln in head.splitlines() if ln.startswith("#")], source)
    names = {p["id"]: p["name"] for p in people}
    kinds = {a["id"]: a["kind"] for a in actors}
    if set(names) & set(kinds):
        raise SitrepError(E.E801, task="actors", path=f"{source} (id both person and {'/'.join(ACTOR_KINDS)})")
    others: list[dict[str, Any]] = []
    marked = marked.removesuffix("\n")
    body, mentions, pos = [], [], 0
    for m in MARK.finditer(marked):
        body.append(marked[pos:m.start()])
        start = sum(len(b) for b in body)
        surface, pid, kind = m.group(1), m.group(2), m.group(3)
        if pid in kinds:  # an organisation, country or group
            body.append(surface)
            others.append({"start": start, "end": start + len(surface), "text": surface, "actor": pid,
                           "kind": KINDS[kind] if kind else actor_mention_kind(surface)})
            pos = m.end()
            continue
        if pid not in names:
            raise SitrepError(E.E801, task="actors", path=f"{source} (unknown person {pid!r})")
        body.append(surface)
        mentions.append({"start": start, "end": start + len(surface), "text": surface, "person": pid,
                         "kind": KINDS[kind] if kind else mention_kind(surface, names[pid])})
        pos = m.end()
    body.append(marked[pos:])
    text_out = "".join(body)
    if "[[" in text_out or "]]" in text_out:
        raise SitrepError(E.E801, task="actors", path=f"{source} (malformed mark)")
    used = {m["person"] for m in mentions}
    people = [p for p in people if p["id"] in used]
    rec = {**meta, "body": text_out, "people": people, "mentions": mentions}
    if actors:  # only files with org/country/group lines carry these keys (older records stay as they were)
        used = {m["actor"] for m in others}
        rec["actors"] = [a for a in actors if a["id"] in used]
        rec["actor_mentions"] = others
    return rec


def gold_dir() -> Any:
    """The packaged gold folder (a Traversable)."""
    return resources.files("sitrep.data").joinpath("eval").joinpath("actors")


def build_gold(folder: Any = None) -> list[dict[str, Any]]:
    """Every ``*.ann`` under ``folder`` (default: the packaged gold) parsed, sorted by id."""
    folder = folder if folder is not None else gold_dir()
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".ann")), key=lambda f: f.name)
    return sorted((parse_ann(f.read_text(encoding="utf-8"), f.name) for f in files), key=lambda r: r["id"])


def write_gold(folder: Path) -> Path:
    """Rebuild ``gold.jsonl`` in ``folder`` from its ``.ann`` files."""
    out = folder / GOLD_FILE
    with out.open("w", encoding="utf-8") as fh:
        for rec in build_gold(folder):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return out


def load_gold(data: Path | None) -> list[dict[str, Any]]:
    """Gold records from ``data`` (``gold.jsonl`` there or under ``actors``/``eval/actors``),
    else the packaged gold (so no ``--data`` is needed)."""
    if data is not None:
        for cand in (data / GOLD_FILE, data / "actors" / GOLD_FILE, data / "eval" / "actors" / GOLD_FILE):
            if cand.exists():
                return read_jsonl(cand, "actors")
    with resources.as_file(gold_dir().joinpath(GOLD_FILE)) as path:
        return read_jsonl(Path(path), "actors")


# ---- alignment --------------------------------------------------------------------------

@dataclass
class Aligned:
    """One article: gold and predicted people and mentions, aligned."""

    gold: dict[str, Any]
    pred: list[dict[str, Any]]  # person actors as {"id", "name", "role", "country", "mentions"}
    pmentions: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, actor index)
    m2g: dict[int, int] = field(default_factory=dict)  # predicted mention index -> gold mention index
    p2g: dict[int, str] = field(default_factory=dict)  # predicted actor index -> gold person id

    @property
    def named(self) -> set[str]:
        """Ids of the gold people with a name (the scored ones)."""
        return {p["id"] for p in self.gold["people"] if p["named"]}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def align(gold: dict[str, Any], pred: list[dict[str, Any]], same_kind: bool = False) -> Aligned:
    """Align predicted mentions to gold mentions, then predicted people to gold people. With
    ``same_kind`` a predicted mention aligns only with a gold mention whose ``actor_kind`` is of
    its actor's ``kind`` family (:data:`FAMILY`: an org or group with an org or group, a country
    with a country)."""
    al = Aligned(gold, pred)
    al.pmentions = [(s, e, i) for i, a in enumerate(pred) for s, e in a["mentions"]]
    gm = [(g["start"], g["end"]) for g in gold["mentions"]]
    cands = sorted(((_overlap((s, e), g), pi, gi) for pi, (s, e, ai) in enumerate(al.pmentions)
                    for gi, g in enumerate(gm) if _overlap((s, e), g) > 0
                    and (not same_kind or FAMILY.get(pred[ai]["kind"]) == FAMILY.get(gold["mentions"][gi]["actor_kind"]))),
                   reverse=True)
    used_g: set[int] = set()
    for _, pi, gi in cands:
        if pi not in al.m2g and gi not in used_g:
            al.m2g[pi] = gi
            used_g.add(gi)
    shared: dict[tuple[int, str], int] = defaultdict(int)
    for pi, gi in al.m2g.items():
        shared[(al.pmentions[pi][2], gold["mentions"][gi]["person"])] += 1
    taken: set[str] = set()
    for (ai, pid), _ in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0])):
        if ai not in al.p2g and pid not in taken:
            al.p2g[ai] = pid
            taken.add(pid)
    return al


# ---- coreference metrics -----------------------------------------------------------------

def clusters(al: Aligned) -> tuple[list[set[Any]], list[set[Any]]]:
    """(key, response) mention clusters over named people; predicted mentions aligned to an
    unnamed person's mention are left out, unaligned ones are their own items."""
    named = al.named
    key: dict[str, set[Any]] = defaultdict(set)
    for gi, g in enumerate(al.gold["mentions"]):
        if g["person"] in named:
            key[g["person"]].add(gi)
    resp: dict[int, set[Any]] = defaultdict(set)
    for pi, (_, _, ai) in enumerate(al.pmentions):
        gi = al.m2g.get(pi)
        if gi is None:
            resp[ai].add(("p", pi))
        elif al.gold["mentions"][gi]["person"] in named:
            resp[ai].add(gi)
    return list(key.values()), [r for r in resp.values() if r]


def muc_counts(key: list[set[Any]], resp: list[set[Any]]) -> tuple[int, int, int, int]:
    """(recall numerator, denominator, precision numerator, denominator) of MUC."""
    def side(a: list[set[Any]], b: list[set[Any]]) -> tuple[int, int]:
        where = {m: i for i, c in enumerate(b) for m in c}
        num = den = 0
        for c in a:
            parts = {where.get(m, ("alone", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num, den
    rn, rd = side(key, resp)
    pn, pd = side(resp, key)
    return rn, rd, pn, pd


def b3_counts(key: list[set[Any]], resp: list[set[Any]]) -> tuple[float, int, float, int]:
    """(recall numerator, gold mentions, precision numerator, predicted mentions) of B3."""
    r = sum(len(k & p) ** 2 / len(k) for k in key for p in resp)
    p = sum(len(k & q) ** 2 / len(q) for k in key for q in resp)
    return r, sum(len(k) for k in key), p, sum(len(q) for q in resp)


def coref_scores(aligned: list[Aligned]) -> dict[str, dict[str, Any]]:
    """MUC and B3 summed over articles (micro)."""
    muc, b3 = [0, 0, 0, 0], [0.0, 0, 0.0, 0]
    for al in aligned:
        key, resp = clusters(al)
        muc = [x + y for x, y in zip(muc, muc_counts(key, resp))]
        b3 = [x + y for x, y in zip(b3, b3_counts(key, resp))]
    # [recall numerator, recall denominator, precision numerator, precision denominator]
    return {"muc": prf(muc[2], muc[3], muc[0], muc[1]), "b3": prf(b3[2], b3[3], b3[0], b3[1])}


# ---- mention kinds, people, roles ----------------------------------------------------------

def kind_scores(aligned: list[Aligned]) -> dict[str, dict[str, Any]]:
    """Per mention kind: recall = gold mentions of named people aligned to a predicted mention
    of the predicted person matched to their person; precision = predicted mentions of that
    kind (read from their text) aligned to a mention of the person their actor matched."""
    out: dict[str, list[int]] = {k: [0, 0, 0, 0] for k in KINDS.values()}
    for al in aligned:
        named, gm = al.named, al.gold["mentions"]
        g2p = {gi: pi for pi, gi in al.m2g.items()}
        for gi, g in enumerate(gm):
            if g["person"] not in named:
                continue
            pi = g2p.get(gi)
            ok = pi is not None and al.p2g.get(al.pmentions[pi][2]) == g["person"]
            out[g["kind"]][2] += ok
            out[g["kind"]][3] += 1
        for pi, (s, e, ai) in enumerate(al.pmentions):
            gi = al.m2g.get(pi)
            if gi is not None and gm[gi]["person"] not in named:
                continue
            a = al.pred[ai]
            kind = mention_kind(al.gold["body"][s:e], a["name"] if a.get("named", True) else None)
            out[kind][1] += 1
            out[kind][0] += gi is not None and al.p2g.get(ai) == gm[gi]["person"]
    return {f"{k} mentions": prf(*v) for k, v in out.items()}


def _role_ok(pred: str | None, roles: list[str], loose: bool) -> bool:
    if not pred:
        return False
    p = _fold(pred)
    golds = [_fold(r) for r in roles]
    if loose:
        return any(p.split()[-1:] == g.split()[-1:] or g in p or p in g for g in golds)
    return p in golds


def people_scores(aligned: list[Aligned]) -> dict[str, Any]:
    """Person detection P/R/F1 (named people), unnamed recall, role and country accuracy."""
    c = defaultdict(int)
    for al in aligned:
        people = {p["id"]: p for p in al.gold["people"]}
        named = al.named
        c["gold"] += len(named)
        c["unnamed"] += len(people) - len(named)
        for ai in range(len(al.pred)):
            pid = al.p2g.get(ai)
            if pid is not None and pid not in named:
                c["unnamed_found"] += 1
                c["unnamed_role_ok"] += _role_ok(al.pred[ai]["role"], people[pid]["roles"], loose=True)
                continue
            if pid is None and not al.pred[ai].get("named", True):
                c["unnamed_spurious"] += 1  # an unnamed person the gold does not mark
                continue
            c["pred"] += 1
            if pid is None:
                continue
            c["hit"] += 1
            g, a = people[pid], al.pred[ai]
            if g["roles"]:
                c["role_n"] += 1
                c["role_ok"] += _role_ok(a["role"], g["roles"], loose=False)
                c["role_loose"] += _role_ok(a["role"], g["roles"], loose=True)
            if g["country"]:
                c["country_n"] += 1
                c["country_ok"] += a["country"] == g["country"]
                c["explicit_n"] += not g["country_inferred"]
                c["explicit_ok"] += not g["country_inferred"] and a["country"] == g["country"]
            elif a["country"]:
                c["country_unsupported"] += 1
    out: dict[str, Any] = {"persons": prf(c["hit"], c["pred"], c["hit"], c["gold"])}
    out["unnamed_people_found"] = f"{c['unnamed_found']}/{c['unnamed']}"
    out["unnamed_people_spurious"] = c["unnamed_spurious"]
    out["unnamed_role_accuracy_loose"] = round(c["unnamed_role_ok"] / c["unnamed_found"], 4) if c["unnamed_found"] else None
    out["role_accuracy"] = round(c["role_ok"] / c["role_n"], 4) if c["role_n"] else None
    out["role_accuracy_loose"] = round(c["role_loose"] / c["role_n"], 4) if c["role_n"] else None
    out["country_accuracy"] = round(c["country_ok"] / c["country_n"], 4) if c["country_n"] else None
    out["country_accuracy_explicit"] = round(c["explicit_ok"] / c["explicit_n"], 4) if c["explicit_n"] else None
    out["country_without_gold"] = c["country_unsupported"]
    return out


# ---- organisations, countries and groups ---------------------------------------------------

def actor_gold(gold: dict[str, Any]) -> dict[str, Any]:
    """The non-person actors of a gold record in the shape :func:`align` reads (actors as
    "people", every one scored; mentions carry the actor's id as "person")."""
    kinds = {a["id"]: a["kind"] for a in gold.get("actors", [])}
    return {"id": gold["id"], "part": gold.get("part"), "body": gold["body"],
            "people": [{**a, "named": True} for a in gold.get("actors", [])],
            "mentions": [{**m, "person": m["actor"], "actor_kind": kinds[m["actor"]]} for m in gold.get("actor_mentions", [])]}


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def align_actors(gold: dict[str, Any], pred: list[dict[str, Any]]) -> Aligned:
    """Align predicted organisations, countries and groups to the gold ones (same kind, by
    mention overlap). A predicted mention aligned to nothing that lies inside a gold mention
    ("Russia" in "Russia's defence ministry", "the ministry" in "a spokesman for the ministry")
    is left out: the gold does not mark nested mentions."""
    ag = actor_gold(gold)
    first = align(ag, pred, same_kind=True)
    nested = [(m["start"], m["end"]) for m in gold["mentions"] + ag["mentions"]]
    drop = {(s, e, ai) for pi, (s, e, ai) in enumerate(first.pmentions) if pi not in first.m2g and _inside((s, e), nested)}
    if not drop:
        return first
    kept = [{**a, "mentions": [(s, e) for s, e in a["mentions"] if (s, e, ai) not in drop]} for ai, a in enumerate(pred)]
    return align(ag, kept, same_kind=True)


def actor_scores(aligned: list[Aligned]) -> dict[str, Any]:
    """Non-person actors: mention P/R/F1 (all, orgs with groups, countries; a predicted mention
    is right when it aligns with a gold mention of the gold actor its actor matched), B3 over
    their mentions, organisations found, country accuracy of the found ones (no country is
    right for an org the gold gives none, "-"), spurious organisations."""
    counts: dict[str, list[int]] = {k: [0, 0, 0, 0] for k in ("all", "org", "country")}
    c: dict[str, int] = defaultdict(int)
    for al in aligned:
        gm = al.gold["mentions"]
        g2p = {gi: pi for pi, gi in al.m2g.items()}
        for gi, g in enumerate(gm):
            pi = g2p.get(gi)
            ok = int(pi is not None and al.p2g.get(al.pmentions[pi][2]) == g["person"])
            for k in ("all", FAMILY.get(g["actor_kind"])):
                if k in counts:
                    counts[k][2] += ok
                    counts[k][3] += 1
        for pi, (_, _, ai) in enumerate(al.pmentions):
            gi = al.m2g.get(pi)
            ok = int(gi is not None and al.p2g.get(ai) == gm[gi]["person"])
            for k in ("all", FAMILY.get(al.pred[ai]["kind"])):
                if k in counts:
                    counts[k][0] += ok
                    counts[k][1] += 1
        gold = {a["id"]: a for a in al.gold["people"]}
        found = {pid: al.pred[ai] for ai, pid in al.p2g.items()}
        for pid, a in gold.items():
            fam = FAMILY.get(a["kind"])
            c[f"{fam}_gold"] += 1
            p = found.get(pid)
            if p is None:
                continue
            c[f"{fam}_found"] += 1
            if fam == "org":
                c["org_country_ok"] += p.get("country") == a["country"]
        mentioned = {ai for _, _, ai in al.pmentions}
        c["org_spurious"] += sum(1 for ai, a in enumerate(al.pred) if FAMILY.get(a["kind"]) == "org" and ai in mentioned and ai not in al.p2g)
    b3 = [0.0, 0, 0.0, 0]
    for al in aligned:
        key, resp = clusters(al)
        b3 = [x + y for x, y in zip(b3, b3_counts(key, resp))]
    out: dict[str, Any] = {"org+country mentions": prf(*counts["all"]), "org mentions": prf(*counts["org"]),
                           "country mentions": prf(*counts["country"]), "org+country b3": prf(b3[2], b3[3], b3[0], b3[1])}
    out["orgs_found"] = f"{c['org_found']}/{c['org_gold']}"
    out["org_recall"] = round(c["org_found"] / c["org_gold"], 4) if c["org_gold"] else None
    out["org_country_accuracy"] = round(c["org_country_ok"] / c["org_found"], 4) if c["org_found"] else None
    out["orgs_spurious"] = c["org_spurious"]
    out["countries_found"] = f"{c['country_found']}/{c['country_gold']}"
    return out


def _mention_notes(al: Aligned, kind_key: str, keep: Callable[[dict[str, Any]], bool], spurious_kind: bool) -> list[str]:
    """Gold mentions (those ``keep`` accepts) that sitrep missed or gave to another actor, then the
    predicted mentions no gold mention aligns with; ``kind_key`` names the gold mention's kind field,
    ``spurious_kind`` prints the predicted actor's kind on a spurious one."""
    notes, body = [], al.gold["body"]
    g2p = {gi: pi for pi, gi in al.m2g.items()}
    for gi, g in enumerate(al.gold["mentions"]):
        if not keep(g):
            continue
        pi = g2p.get(gi)
        if pi is None:
            notes.append(f"missed {g[kind_key]} {g['text']!r}@{g['start']} ({g['person']})")
            continue
        ai = al.pmentions[pi][2]
        if al.p2g.get(ai) != g["person"]:
            notes.append(f"wrong {g[kind_key]} {g['text']!r}@{g['start']} ({g['person']}) -> {al.pred[ai]['name']}")
    for pi, (s, e, ai) in enumerate(al.pmentions):
        if pi not in al.m2g:
            kind = f"{al.pred[ai]['kind']} " if spurious_kind else ""
            notes.append(f"spurious {kind}{body[s:e]!r}@{s} -> {al.pred[ai]['name']}")
    return notes


def actor_error_notes(al: Aligned, limit: int = 25) -> list[str]:
    """Misses, wrong links and spurious mentions of organisations and countries in one article."""
    notes = _mention_notes(al, "actor_kind", lambda g: True, spurious_kind=True)
    gold = {a["id"]: a for a in al.gold["people"]}
    for ai, pid in sorted(al.p2g.items()):
        if FAMILY.get(gold[pid]["kind"]) == "org" and al.pred[ai].get("country") != gold[pid]["country"]:
            notes.append(f"country of {pid}: {al.pred[ai].get('country')}, gold {gold[pid]['country']}")
    return [f"{al.gold['id']}: {n}" for n in notes[:limit]]


# ---- across articles -------------------------------------------------------------------

def _unit_pairs(keyed: list[tuple[str, str, Any]]) -> set[tuple[tuple[str, Any], tuple[str, Any]]]:
    """Pairs of (article, unit) in different articles sharing a key; ``keyed`` holds
    (key, article id, unit)."""
    by_key: dict[str, set[tuple[str, Any]]] = defaultdict(set)
    for key, art, unit in keyed:
        by_key[key].add((art, unit))
    return {tuple(sorted(p, key=str)) for members in by_key.values()  # type: ignore[misc]
            for p in itertools.combinations(sorted(members, key=str), 2) if p[0][0] != p[1][0]}


def _gold_units(aligned: list[Aligned]) -> list[tuple[str, str, Any]]:
    return [(pid, al.gold["id"], pid) for al in aligned for pid in sorted(al.named)]


def cross_scores(aligned: list[Aligned], part_of: dict[str, str]) -> dict[str, Any]:
    """Pairwise P/R/F1 of cross-article identity with the store's resolver, on the predicted
    people and on the gold people (oracle). Parts: ``demo`` pairs have both articles there,
    ``dev``, ``fresh``, ``fresh2`` and ``fresh3`` pairs at least one (a fresh article naming a demo person is held-out work)."""
    rows, units = [], {}
    for al in aligned:
        for ai, a in enumerate(al.pred):
            rid = f"{al.gold['id']}|{a['id']}"
            rows.append({"id": rid, "article_id": al.gold["id"], "name": a["name"], "kind": "person",
                         "role": a["role"], "affiliation": a.get("affiliation"), "country": a["country"],
                         "named": a.get("named", True)})
            pid = al.p2g.get(ai)
            units[rid] = pid if pid in al.named else ("spurious", rid) if pid is None else ("unnamed", pid)
    keys = actor_keys(rows)
    pred = _unit_pairs([(keys[r["id"]], r["article_id"], units[r["id"]]) for r in rows])
    gold = _unit_pairs(_gold_units(aligned))
    oracle = _unit_pairs(_oracle_keys(aligned))
    out: dict[str, Any] = {}
    for part in ("all", *PARTS):
        g, p, o = (_in_part(pairs, part, part_of) for pairs in (gold, pred, oracle))
        out[part] = {"cross_article": prf(len(p & g), len(p), len(p & g), len(g)),
                     "cross_article_oracle": prf(len(o & g), len(o), len(o & g), len(g)),
                     "wrong_pairs": sorted(_pair_str(x) for x in p - g)[:15],
                     "missed_pairs": sorted(_pair_str(x) for x in g - p)[:15]}
    return out


def _in_part(pairs: set[Any], part: str, part_of: dict[str, str]) -> set[Any]:
    """The pairs counted for ``part``: all; demo = both articles there; fresh = at least one."""
    test = all if part == "demo" else any
    return {p for p in pairs if part == "all" or test(part_of[u[0]] == part for u in p)}


def _pair_str(pair: Any) -> str:
    return " = ".join(f"{art}:{unit if isinstance(unit, str) else unit[1]}" for art, unit in pair)


def _oracle_keys(aligned: list[Aligned]) -> list[tuple[str, str, Any]]:
    """The resolver's keys for the gold people, each named by their longest name mention."""
    rows = []
    for al in aligned:
        for p in al.gold["people"]:
            names = [m["text"] for m in al.gold["mentions"] if m["person"] == p["id"] and m["kind"] == "name"]
            if p["named"] and names:
                rows.append({"id": f"{al.gold['id']}|{p['id']}", "article_id": al.gold["id"], "kind": "person",
                             "name": max(names, key=len), "role": (p["roles"] or [None])[0],
                             "affiliation": p["affiliation"], "country": p["country"]})
    keys = actor_keys(rows)
    return [(keys[r["id"]], r["article_id"], r["id"].split("|", 1)[1]) for r in rows]


# ---- running -------------------------------------------------------------------------------

def predicted_people(article: Article) -> list[dict[str, Any]]:
    """The person actors of a processed article as plain dicts."""
    return [{"id": a.id, "name": a.name, "role": a.role, "affiliation": a.affiliation, "country": a.country,
             "mentions": [tuple(m) for m in a.mentions], "named": a.named} for a in article.actors if a.kind == "person"]


def predicted_others(article: Article) -> list[dict[str, Any]]:
    """The organisation, country and group actors of a processed article as plain dicts."""
    return [{"id": a.id, "name": a.name, "kind": a.kind, "country": a.country,
             "mentions": [tuple(m) for m in a.mentions]} for a in article.actors if a.kind != "person"]


def error_notes(al: Aligned, limit: int = 20) -> list[str]:
    """Readable misses and wrong links of one article (gold mention -> what sitrep did)."""
    named = al.named
    notes = _mention_notes(al, "kind", lambda g: g["person"] in named, spurious_kind=False)
    people = {p["id"]: p for p in al.gold["people"]}
    for ai, pid in sorted(al.p2g.items()):
        g, a = people[pid], al.pred[ai]
        if pid in named and g["roles"] and not _role_ok(a["role"], g["roles"], loose=False):
            notes.append(f"role of {pid}: {a['role']!r}, gold {' / '.join(g['roles'])!r}")
        if pid in named and g["country"] and a["country"] != g["country"]:
            notes.append(f"country of {pid}: {a['country']}, gold {g['country']}")
    return [f"{al.gold['id']}: {n}" for n in notes[:limit]]


def _part_scores(aligned: list[Aligned], actors: list[Aligned] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = dict(coref_scores(aligned))
    out.update(kind_scores(aligned))
    out.update(people_scores(aligned))
    out["articles"] = len(aligned)
    out["mentions"] = sum(1 for al in aligned for m in al.gold["mentions"] if m["person"] in al.named)
    if actors:  # only parts whose gold marks organisations and countries
        out.update(actor_scores(actors))
        out["org+country_mentions_gold"] = sum(len(al.gold["mentions"]) for al in actors)
    return out


def score(gold: list[dict[str, Any]], preds: dict[str, list[dict[str, Any]]],
          others: dict[str, list[dict[str, Any]]] | None = None) -> dict[str, Any]:
    """Every figure from gold records and predicted people per article id (no pipeline); with
    ``others`` (predicted organisations, countries and groups per article id) also the
    organisation and country figures, over the articles whose gold marks them."""
    aligned = [align(g, preds.get(g["id"], [])) for g in gold]
    part_of = {g["id"]: g["part"] for g in gold}
    actors = None
    if others is not None:
        actors = [align_actors(g, others.get(g["id"], [])) for g in gold if g.get("actors")]
    cross = cross_scores(aligned, part_of)

    def of(part: str) -> list[Aligned] | None:
        return None if actors is None else [a for a in actors if part == "all" or part_of[a.gold["id"]] == part]
    result: dict[str, Any] = {"all": {**_part_scores(aligned, of("all")), **cross["all"]}}
    for part in PARTS:
        result[part] = {**_part_scores([a for a in aligned if part_of[a.gold["id"]] == part], of(part)), **cross[part]}
    result["errors"] = [n for al in aligned for n in error_notes(al)]
    if actors is not None:
        result["org_errors"] = [n for al in actors for n in actor_error_notes(al)]
    return result


def _flatten(result: dict[str, Any]) -> dict[str, Any]:
    """The nested result as a flat dict for ``print_scores``: B3 of all as the total."""
    flat: dict[str, Any] = {"task": "actors", **{k: result["all"]["b3"][k] for k in ("precision", "recall", "f1", "n")}}
    sections: dict[str, Any] = {}
    for part in ("all", *PARTS):
        for name, value in result[part].items():
            label = name if part == "all" else f"{part}: {name}"
            if isinstance(value, dict):
                sections[label] = value
            elif not isinstance(value, list):
                flat[label.replace(": ", "_").replace(" ", "_")] = value
    flat["sections"] = sections
    flat["tuned_on"] = TUNED_ON
    flat["parts"] = {p: result[p] for p in ("all", *PARTS)}
    flat["errors"] = result["errors"]
    if "org_errors" in result:
        flat["org_errors"] = result["org_errors"]
    return flat


def evaluate(data: Path, settings: Settings) -> dict[str, Any]:
    """Run the stages after ``clean`` on every gold body and score people and identity."""
    gold = load_gold(data)
    items = [(g["id"], g["body"], g.get("published")) for g in gold]
    preds, others = {}, {}
    for a in run_on_bodies(items, settings):
        preds[a.id], others[a.id] = predicted_people(a), predicted_others(a)
    return _flatten(score(gold, preds, others))
