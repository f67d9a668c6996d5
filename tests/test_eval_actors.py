"""The actors scorer (``sitrep eval actors``): its gold and its metrics on hand-made cases."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitrep.actors.identity import name_parts
from sitrep.errors import SitrepError
from sitrep.eval import evaluate
from sitrep.eval.actors import (
    PRONOUNS,
    b3_counts,
    build_gold,
    gold_dir,
    load_gold,
    muc_counts,
    parse_ann,
    score,
)

TWO_PEOPLE = """# id: t1
# part: fresh
# person: rossi | Marta Rossi | Interior Minister / minister | IT |
# person: conti | Paolo Conti | spokesman | IT? | interior ministry
# person: aide | - | aide | |
%%
ROME — Interior Minister [[Marta Rossi|rossi]] said on Monday the ports would stay open. [[She|rossi]] spoke after [[Paolo Conti|conti]], [[her spokesman|conti]], read a statement. [[Conti|conti]] said [[he|conti]] expected more arrivals. [[An aide|aide]] said nothing.
"""

SECOND = """# id: t2
# part: demo
# person: rossi | Marta Rossi | Interior Minister | IT |
# person: lrossi | Luca Rossi | mayor | IT |
%%
[[Marta Rossi|rossi]] met the mayor of Bari, [[Luca Rossi|lrossi]], on Friday.
"""


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return [parse_ann(TWO_PEOPLE, "t1"), parse_ann(SECOND, "t2")]


def _actor(gold_rec: dict, pid: str, name: str, role: str | None = None, country: str | None = None,
           drop: tuple[str, ...] = ()) -> dict:
    """A predicted person holding exactly the gold mentions of ``pid`` (minus texts in ``drop``)."""
    spans = [(m["start"], m["end"]) for m in gold_rec["mentions"] if m["person"] == pid and m["text"] not in drop]
    return {"id": f"A-{gold_rec['id']}-{pid}", "name": name, "role": role, "country": country, "mentions": spans}


def _perfect(gold: list[dict]) -> dict[str, list[dict]]:
    t1, t2 = gold
    return {"t1": [_actor(t1, "rossi", "Marta Rossi", "Interior Minister", "IT"),
                   _actor(t1, "conti", "Paolo Conti", "spokesman", "IT")],
            "t2": [_actor(t2, "rossi", "Marta Rossi", "Interior Minister", "IT"), _actor(t2, "lrossi", "Luca Rossi", "mayor", "IT")]}


# ---- the markup -------------------------------------------------------------------------

def test_parse_ann_offsets_and_kinds(gold):
    t1 = gold[0]
    assert "[[" not in t1["body"] and t1["body"].startswith("ROME — Interior Minister Marta Rossi said")
    for m in t1["mentions"]:
        assert t1["body"][m["start"]:m["end"]] == m["text"]
    kinds = {m["text"]: m["kind"] for m in t1["mentions"]}
    assert kinds == {"Marta Rossi": "name", "She": "pronoun", "Paolo Conti": "name", "her spokesman": "description",
                     "Conti": "name", "he": "pronoun", "An aide": "description"}
    people = {p["id"]: p for p in t1["people"]}
    assert people["aide"]["named"] is False and people["rossi"]["roles"] == ["Interior Minister", "minister"]
    assert people["conti"]["country"] == "IT" and people["conti"]["country_inferred"] is True


def test_parse_ann_rejects_unknown_person_and_missing_separator():
    with pytest.raises(SitrepError):
        parse_ann("# id: x\n# part: fresh\n# person: a | A B | | |\n%%\n[[B|zz]] spoke.\n")
    with pytest.raises(SitrepError):
        parse_ann("# id: x\n# part: fresh\nno separator\n")


# ---- the shipped gold ---------------------------------------------------------------------

def test_gold_jsonl_is_the_build_of_the_ann_files():
    assert load_gold(None) == build_gold()


def test_gold_offsets_point_at_the_names_they_claim():
    gold = build_gold()
    assert {g["part"] for g in gold} == {"demo", "dev", "fresh", "fresh2", "fresh3", "orgs", "orgs2"}
    assert sum(g["part"] == "fresh" for g in gold) >= 10 and sum(g["part"] == "fresh2" for g in gold) == 12
    for g in gold:
        names = {p["id"]: p["name"] for p in g["people"]}
        for m in g["mentions"]:
            assert g["body"][m["start"]:m["end"]] == m["text"], (g["id"], m)
            if m["kind"] == "pronoun":
                assert m["text"].lower() in PRONOUNS
            if m["kind"] == "name":  # a name mention carries the person's surname (spelling variants fold)
                assert name_parts(m["text"])[0] == name_parts(names[m["person"]])[0], (g["id"], m)
        for m in g.get("actor_mentions", []):
            assert g["body"][m["start"]:m["end"]] == m["text"], (g["id"], m)


def test_orgs_articles_are_news_length_and_stress_bodies_and_traps():
    orgs = [g for g in build_gold() if g["part"] == "orgs"]
    assert len(orgs) == 10
    for g in orgs:
        assert 130 <= len(g["body"].split()) <= 260, g["id"]
        assert {a["kind"] for a in g["actors"]} >= {"org", "country"}, g["id"]
    text = " ".join(m["text"].lower() for g in orgs for m in g["actor_mentions"])
    assert all(w in text.split() for w in ("it", "its", "they")) and "the army" in text and "the ministry" in text
    # bodies as modifiers ("Army trucks", "Government buses") are in the text and marked nowhere
    marked = [(m["start"], m["end"]) for g in orgs for m in g["actor_mentions"]]
    assert any("Army trucks" in g["body"] for g in orgs) and any("Government buses" in g["body"] for g in orgs)
    assert len(marked) > 100


def test_orgs2_articles_are_a_second_news_length_part_with_bodies_pronouns_and_new_groups():
    orgs2 = [g for g in build_gold() if g["part"] == "orgs2"]
    assert len(orgs2) == 10
    for g in orgs2:
        assert 150 <= len(g["body"].split()) <= 300, g["id"]
        assert {a["kind"] for a in g["actors"]} >= {"org", "country"}, g["id"]
        assert all(a["country"] for a in g["actors"] if a["kind"] == "country"), g["id"]
    texts = [m["text"].lower() for g in orgs2 for m in g["actor_mentions"]]
    assert all(w in texts for w in ("it", "its", "they", "the ministry", "the army", "the group", "the company", "the agency"))
    assert "an armed group" in texts and "moscow" in texts
    # no person id of this part is used by another part (ids are global)
    other = {p["id"] for g in build_gold() if g["part"] != "orgs2" for p in g["people"]}
    assert not other & {p["id"] for g in orgs2 for p in g["people"]}
    # nor a surname: the part has no cross-article people, so no accidental namesakes either
    surnames = {name_parts(p["name"])[0] for g in build_gold() if g["part"] != "orgs2" for p in g["people"] if p["name"]}
    assert not surnames & {name_parts(p["name"])[0] for g in orgs2 for p in g["people"] if p["name"]}


def test_fresh_articles_are_news_length_and_gold_has_surname_traps():
    gold = build_gold()
    for g in gold:
        if g["part"] == "fresh":
            assert 80 <= len(re.findall(r"\S+", g["body"])) <= 250, g["id"]
    seen: dict[str, set[str]] = {}
    for g in gold:
        for p in g["people"]:
            if p["named"]:
                seen.setdefault(name_parts(p["name"])[0], set()).add(p["id"])
    def key(surname: str) -> str:
        return name_parts(surname)[0]
    assert seen[key("Keller")] == {"mkeller", "skeller"} and seen[key("Sokolov")] == {"sokolov", "isokolov"}
    assert seen[key("Holloway")] == {"holloway", "dholloway"} and seen[key("Ortiz")] == {"aortiz", "lortiz"}


def test_fresh2_articles_are_news_length_with_a_cross_article_variant_and_unnamed_sources():
    gold = [g for g in build_gold() if g["part"] == "fresh2"]
    for g in gold:
        assert 150 <= len(re.findall(r"\S+", g["body"])) <= 300, g["id"]
    names = {(p["id"], p["name"]) for g in gold for p in g["people"]}
    texts = {m["text"] for g in gold for m in g["mentions"] if m["person"] == "f2_ounapuu" and m["kind"] == "name"}
    assert ("f2_ounapuu", "Rein Õunapuu") in names and {"Rein Õunapuu", "Rein Ounapuu"} <= texts
    assert sum(1 for g in gold if any(p["id"] == "f2_ounapuu" for p in g["people"])) == 2
    assert sum(not p["named"] for g in gold for p in g["people"]) >= 10
    assert any(p["country_inferred"] for g in gold for p in g["people"])


def test_demo_part_is_the_demo_corpus():
    gold = [g for g in build_gold() if g["part"] == "demo"]
    demo = gold_dir().parent.parent.joinpath("demo")
    for g in gold:
        src = g["source"].removeprefix("demo/").split("#")[0]
        assert demo.joinpath(src).is_file(), src
        first_words = g["body"].split()[:4]
        assert " ".join(first_words) in re.sub(r"\s+", " ", demo.joinpath(src).read_text(encoding="utf-8"))


# ---- the metrics --------------------------------------------------------------------------

def test_muc_and_b3_on_a_textbook_case():
    key = [{1, 2, 3}]
    resp = [{1, 2}, {3}]
    rn, rd, pn, pd = muc_counts(key, resp)
    assert (rn, rd, pn, pd) == (1, 2, 1, 1)  # recall 1/2, precision 1
    r, n, p, m = b3_counts(key, resp)
    assert r / n == pytest.approx(5 / 9) and p / m == pytest.approx(1.0)


def test_perfect_prediction_scores_one(gold):
    res = score(gold, _perfect(gold))["all"]
    for part in ("muc", "b3", "persons", "name mentions", "pronoun mentions", "description mentions",
                 "cross_article"):
        assert res[part]["f1"] == 1.0, part
    assert res["role_accuracy"] == 1.0 and res["country_accuracy"] == 1.0
    assert res["cross_article"]["n"] == 1  # Marta Rossi in t1 and t2; Luca Rossi is someone else


def test_merging_two_people_lowers_precision_not_recall(gold):
    preds = _perfect(gold)
    rossi, conti = preds["t1"]
    preds["t1"] = [{**rossi, "mentions": rossi["mentions"] + conti["mentions"]}]
    res = score(gold, preds)["all"]
    assert res["b3"]["recall"] == 1.0 and res["b3"]["precision"] < 1.0
    assert res["muc"]["recall"] == 1.0 and res["muc"]["precision"] < 1.0
    assert res["persons"]["recall"] < 1.0


def test_splitting_a_person_lowers_recall_not_precision(gold):
    preds = _perfect(gold)
    t1 = gold[0]
    preds["t1"][1] = _actor(t1, "conti", "Paolo Conti", drop=("he", "Conti"))
    preds["t1"].append({**_actor(t1, "conti", "Conti", drop=("Paolo Conti", "her spokesman")), "id": "A-extra"})
    res = score(gold, preds)["all"]
    assert res["b3"]["precision"] == 1.0 and res["b3"]["recall"] < 1.0
    assert res["persons"]["precision"] < 1.0  # the second Conti matches no gold person


def test_a_missed_pronoun_counts_against_pronoun_recall_only(gold):
    preds = _perfect(gold)
    preds["t1"][0] = _actor(gold[0], "rossi", "Marta Rossi", "Interior Minister", "IT", drop=("She",))
    res = score(gold, preds)["all"]
    assert res["pronoun mentions"]["recall"] == 0.5
    assert res["name mentions"]["recall"] == 1.0 and res["b3"]["precision"] == 1.0


def test_a_pronoun_on_the_wrong_person_is_wrong_for_its_kind(gold):
    preds = _perfect(gold)
    t1 = gold[0]
    he = next((m["start"], m["end"]) for m in t1["mentions"] if m["text"] == "he")
    preds["t1"][1]["mentions"].remove(he)
    preds["t1"][0]["mentions"].append(he)
    res = score(gold, preds)["all"]
    assert res["pronoun mentions"]["precision"] == 0.5 and res["pronoun mentions"]["recall"] == 0.5
    assert res["b3"]["precision"] < 1.0


def test_a_spurious_mention_lowers_precision(gold):
    preds = _perfect(gold)
    preds["t1"][0]["mentions"].append((0, 4))  # "ROME" is nobody
    res = score(gold, preds)["all"]
    assert res["b3"]["precision"] < 1.0 and res["b3"]["recall"] == 1.0


def test_unnamed_people_are_reported_apart(gold):
    preds = _perfect(gold)
    aide = _actor(gold[0], "aide", "aide")
    preds["t1"].append(aide)
    res = score(gold, preds)["all"]
    assert res["unnamed_people_found"] == "1/1"
    assert res["persons"]["precision"] == 1.0 and res["b3"]["precision"] == 1.0


def test_cross_article_merge_of_two_people_sharing_a_surname_is_wrong(gold):
    preds = _perfect(gold)
    preds["t2"] = [_actor(gold[1], "lrossi", "Marta Rossi", None, "IT"),  # misnamed: the store merges them
                   _actor(gold[1], "rossi", "Marta Rossi", None, "FR")]  # wrong country: not merged
    res = score(gold, preds)["all"]
    assert res["cross_article"]["precision"] == 0.0 and res["cross_article"]["recall"] == 0.0
    assert res["cross_article_oracle"]["f1"] == 1.0  # the resolver itself, on gold people, is right


def test_wrong_role_and_country_lower_their_accuracy(gold):
    preds = _perfect(gold)
    preds["t1"][0] = {**preds["t1"][0], "role": "mayor", "country": "FR"}
    res = score(gold, preds)["all"]
    assert res["role_accuracy"] == pytest.approx(3 / 4) and res["country_accuracy"] == pytest.approx(3 / 4)


# ---- organisations and countries ------------------------------------------------------------

ORGS = """# id: o1
# part: orgs
# person: kaya | Deniz Kaya | spokesman | TR | Turkey's defence ministry
# org: tr_mod | Turkey's defence ministry | TR
# org: nato | NATO | -
# org: gr_mod | Greece's defence ministry | GR
# country: gr | GR
%%
ANKARA — [[Turkey's defence ministry|tr_mod]] said on Monday [[it|tr_mod]] would join the drill. [[Turkish defence ministry|tr_mod]] spokesman [[Deniz Kaya|kaya]] said [[NATO|nato]] had asked for ships. [[Greece's defence ministry|gr_mod]] said [[Athens|gr]] would take part. Army trucks were seen at the port.
"""


@pytest.fixture(scope="module")
def org_gold() -> list[dict]:
    return [parse_ann(ORGS, "o1")]


def _other(rec: dict, aid: str, kind: str, name: str, country: str | None, drop: tuple[str, ...] = ()) -> dict:
    """A predicted org/country/group holding exactly the gold mentions of ``aid`` (minus ``drop``)."""
    spans = [(m["start"], m["end"]) for m in rec["actor_mentions"] if m["actor"] == aid and m["text"] not in drop]
    return {"id": f"A-{aid}", "name": name, "kind": kind, "country": country, "mentions": spans}


def _org_scores(gold: list[dict], others: list[dict]) -> dict:
    rec = gold[0]
    people = {"o1": [_actor(rec, "kaya", "Deniz Kaya", "spokesman", "TR")]}
    return score(gold, people, {"o1": others})["orgs"]


def test_parse_ann_reads_org_and_country_lines(org_gold, gold):
    rec = org_gold[0]
    assert "[[" not in rec["body"] and [m["person"] for m in rec["mentions"]] == ["kaya"]
    actors = {a["id"]: a for a in rec["actors"]}
    assert actors["nato"] == {"id": "nato", "kind": "org", "name": "NATO", "country": None}
    assert actors["gr"]["kind"] == "country" and actors["gr"]["country"] == "GR"
    kinds = {m["text"]: (m["actor"], m["kind"]) for m in rec["actor_mentions"]}
    assert kinds["it"] == ("tr_mod", "pronoun") and kinds["Athens"] == ("gr", "name")
    for m in rec["actor_mentions"]:
        assert rec["body"][m["start"]:m["end"]] == m["text"]
    assert "actors" not in gold[0] and "actor_mentions" not in gold[0]  # older files keep their shape
    with pytest.raises(SitrepError):
        parse_ann("# id: x\n# part: orgs\n# org: a | A | -\n%%\n[[B|b]] spoke.\n")
    with pytest.raises(SitrepError):
        parse_ann("# id: x\n# part: orgs\n# org: a | A\n%%\n[[A|a]] spoke.\n")  # no country field


def test_perfect_orgs_and_countries_score_one(org_gold):
    rec = org_gold[0]
    res = _org_scores(org_gold, [_other(rec, "tr_mod", "org", "Turkey's defence ministry", "TR"),
                                 _other(rec, "nato", "group", "NATO", None),  # sitrep's alliances are groups
                                 _other(rec, "gr_mod", "org", "Greece's defence ministry", "GR"),
                                 _other(rec, "gr", "country", "Greece", "GR")])
    for key in ("org+country mentions", "org mentions", "country mentions", "org+country b3"):
        assert res[key]["f1"] == 1.0, key
    assert res["orgs_found"] == "3/3" and res["org_country_accuracy"] == 1.0 and res["orgs_spurious"] == 0
    assert res["b3"]["f1"] == 1.0  # the person figures are untouched


def test_a_wrong_country_and_a_missed_org(org_gold):
    rec = org_gold[0]
    res = _org_scores(org_gold, [_other(rec, "tr_mod", "org", "Turkey's defence ministry", "TR"),
                                 _other(rec, "gr_mod", "org", "Greece's defence ministry", "CY"),
                                 _other(rec, "gr", "country", "Greece", "GR")])
    assert res["orgs_found"] == "2/3" and res["org_recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert res["org_country_accuracy"] == 0.5
    assert res["org mentions"]["precision"] == 1.0 and res["org mentions"]["recall"] == 0.8
    assert res["org+country mentions"]["recall"] == pytest.approx(5 / 6, abs=1e-4)
    assert res["org+country b3"]["precision"] == 1.0 and res["org+country b3"]["recall"] == pytest.approx(5 / 6, abs=1e-4)
    assert res["country mentions"]["f1"] == 1.0


def test_a_spurious_org_a_split_org_and_a_nested_country(org_gold):
    rec = org_gold[0]
    body = rec["body"]
    army = (body.index("Army"), body.index("Army") + 4)
    tr = next(m for m in rec["actor_mentions"] if m["text"] == "Turkish defence ministry")
    split = _other(rec, "tr_mod", "org", "Turkey's defence ministry", "TR", drop=("Turkish defence ministry",))
    res = _org_scores(org_gold, [
        split, {"id": "A-x", "name": "Turkey's defence ministry", "kind": "org", "country": "TR",
                "mentions": [(tr["start"], tr["end"])]},  # the same body as a second actor
        {"id": "A-army", "name": "Army", "kind": "org", "country": None, "mentions": [army]},  # "Army trucks"
        {"id": "A-tr", "name": "Turkey", "kind": "country", "country": "TR",
         "mentions": [(tr["start"], tr["start"] + 7)]},  # "Turkish" inside the body's mention: not scored
        _other(rec, "gr", "country", "Greece", "GR")])
    assert res["orgs_spurious"] == 2  # the army and the second ministry
    assert res["org mentions"]["predicted"] == 4 and res["org mentions"]["precision"] == 0.5
    assert res["country mentions"]["predicted"] == 1 and res["country mentions"]["precision"] == 1.0
    assert res["org+country b3"]["recall"] < 1.0 and res["org+country b3"]["precision"] < 1.0


def test_org_figures_only_where_the_gold_marks_orgs(gold):
    res = score(gold, _perfect(gold), {})
    assert "org+country b3" not in res["all"] and "org_errors" in res and not res["org_errors"]


# ---- the registered task -------------------------------------------------------------------

def test_sitrep_eval_actors_runs_on_the_packaged_gold(runner):
    result = evaluate("actors", Path("/nonexistent"))
    assert result["task"] == "actors" and "held out" in result["tuned_on"]
    assert result["demo_articles"] == 18 and result["fresh_articles"] == 11 and result["fresh2_articles"] == 12
    assert result["n"] == result["mentions"] > 200
    for part in ("all", "demo", "fresh", "fresh2"):
        assert 0.0 < result["parts"][part]["b3"]["f1"] <= 1.0
        assert 0.0 < result["parts"][part]["persons"]["recall"] <= 1.0
    assert result["orgs_articles"] == 10 and result["orgs2_articles"] == 10 and "org+country b3" in result["sections"]
    orgs = result["parts"]["orgs"]
    assert 0.0 < orgs["org+country b3"]["f1"] <= 1.0 and 0.0 < orgs["org_country_accuracy"] <= 1.0
    assert orgs["org mentions"]["n"] + orgs["country mentions"]["n"] == orgs["org+country mentions"]["n"]
    assert "org+country b3" not in result["parts"]["demo"]
