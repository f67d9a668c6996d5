"""Unnamed people: a person the article only describes ("a Kremlin aide") is an actor of its
own, speaks in quotes, and is never merged with anyone in another article."""

from __future__ import annotations

from sitrep import actors, quotes
from sitrep.merge.actors import actor_keys
from sitrep.store import Store


def _people(make_ctx, body: str):
    art, ctx = make_ctx(body)
    actors.run(art, ctx)
    return art, ctx, [a for a in art.actors if a.kind == "person"]


def test_an_indefinite_speaker_is_an_unnamed_person_with_role_and_affiliation(make_ctx):
    body = "A senior NATO diplomat said the alliance would send more jets to the Baltic states."
    _, _, people = _people(make_ctx, body)
    assert [(p.name, p.named, p.role, p.affiliation) for p in people] == [
        ("senior NATO diplomat", False, "diplomat", "NATO")]
    assert [body[s:e] for s, e in people[0].mentions] == ["A senior NATO diplomat"]


def test_an_unnamed_speaker_is_the_speaker_of_the_quote(make_ctx):
    body = "A White House official said the call had been frank but produced no agreement."
    art, ctx, people = _people(make_ctx, body)
    quotes.run(art, ctx)
    assert [(q.speaker, q.speaker_name) for q in art.quotes] == [(people[0].id, "White House official")]


def test_a_later_description_joins_the_unnamed_person(make_ctx):
    body = ("A State Department official said the embassy would stay open. "
            "The official added that staff numbers would be cut.")
    _, _, people = _people(make_ctx, body)
    assert len(people) == 1 and not people[0].named
    assert [body[s:e] for s, e in people[0].mentions] == ["A State Department official", "The official"]


def test_a_description_of_someone_named_is_no_unnamed_person(make_ctx):
    body = ("Brigadier General Tomas Ardell, the commander of the arriving brigade, said his soldiers "
            "would train with Polish units.")
    _, _, people = _people(make_ctx, body)
    assert [(p.name, p.named) for p in people] == [("Tomas Ardell", True)]
    assert "the commander" in [body[s:e] for s, e in people[0].mentions]


def test_two_unnamed_officials_are_two_people_and_never_merged_across_articles(make_ctx):
    body = "A U.S. official said the talks would resume. Later a U.S. official said they had stalled."
    _, _, people = _people(make_ctx, body)
    assert len(people) == 2 and len({p.id for p in people}) == 2
    rows = [{"id": f"{art}|{p.id}", "article_id": art, "name": p.name, "kind": "person", "role": p.role,
             "affiliation": p.affiliation, "country": p.country, "named": p.named}
            for art in ("a1", "a2") for p in people[:1]]
    keys = actor_keys(rows)
    assert keys[rows[0]["id"]] != keys[rows[1]["id"]]


def test_the_store_keeps_the_unnamed_flag(make_ctx, tmp_path):
    art, ctx, people = _people(make_ctx, "A Kremlin aide said the talks had been useful. Foreign Minister Dmitri Orlov agreed.")
    with Store(tmp_path / "u.duckdb") as store:
        store.write_batch([art])
        rows = store.query("SELECT name, named FROM actors WHERE kind = 'person' ORDER BY name")
    assert rows == [{"name": "Dmitri Orlov", "named": True}, {"name": "Kremlin aide", "named": False}]


def test_one_official_its_spokesman_and_a_non_speaking_deputy_minister_are_unnamed_people(make_ctx):
    body = ("Sweden's energy agency backed the plan. Its spokesman said the grid could cope. "
            "One official said the cost was still open. A Norwegian deputy energy minister chaired the meeting. "
            "According to a Danish aide, the vote will come in May.")
    _, _, people = _people(make_ctx, body)
    found = {body[s:e] for p in people if not p.named for s, e in p.mentions}
    assert {"Its spokesman", "One official", "A Norwegian deputy energy minister", "a Danish aide"} <= found
    roles = {p.role for p in people}
    assert {"spokesman", "official", "aide"} <= roles and any("Deputy" in (r or "") or "deputy" in (r or "") for r in roles)


def test_a_spokeswoman_is_not_the_general_named_next(make_ctx):
    body = ("The ministry spokeswoman said 400 reservists had been called up. "
            "Brigadier General Paul Hendry said his troops would arrive on Friday.")
    _, _, people = _people(make_ctx, body)
    general = next(p for p in people if p.name == "Paul Hendry")
    assert "The ministry spokeswoman" not in [body[s:e] for s, e in general.mentions]
