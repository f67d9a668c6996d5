"""actors stage: people with roles/affiliations/countries, coreference, countries, orgs, groups."""

from __future__ import annotations

from sitrep import actors
from sitrep.ids import fact_id
from sitrep.schema import Actor


def _run(make_ctx, body: str) -> tuple[str, list[Actor]]:
    art, ctx = make_ctx(body)
    actors.run(art, ctx)
    return body, art.actors


def _person(found: list[Actor], name: str) -> Actor:
    hits = [a for a in found if a.kind == "person" and a.name == name]
    assert len(hits) == 1, [(a.kind, a.name) for a in found]
    return hits[0]


def _texts(body: str, actor: Actor) -> list[str]:
    return [body[s:e] for s, e in actor.mentions]


def test_actors_role_affiliation_country_from_org_premodifier(make_ctx):
    body, found = _run(make_ctx, "Pentagon spokesman Mark Ellery told journalists on Monday that the convoy had left.")
    p = _person(found, "Mark Ellery")
    assert (p.role, p.affiliation, p.country) == ("spokesman", "Pentagon", "US")


def test_actors_country_from_demonym_premodifier(make_ctx):
    body, found = _run(make_ctx, "Polish President Andrzej Marek Nowicki arrived in Vilnius for a summit.")
    p = _person(found, "Andrzej Marek Nowicki")
    assert (p.role, p.country) == ("President", "PL")


def test_actors_multiword_roles_and_country_abbreviation(make_ctx):
    body, found = _run(
        make_ctx,
        "U.S. National Security Adviser Laura Penfold met British Prime Minister Tom Ridley in London.",
    )
    assert (_person(found, "Laura Penfold").role, _person(found, "Laura Penfold").country) == (
        "National Security Adviser", "US")
    assert (_person(found, "Tom Ridley").role, _person(found, "Tom Ridley").country) == ("Prime Minister", "GB")


def test_actors_group_affiliation(make_ctx):
    body, found = _run(make_ctx, "NATO Secretary-General Anders Kvale said the alliance would meet on Friday.")
    p = _person(found, "Anders Kvale")
    assert (p.role, p.affiliation) == ("Secretary-General", "NATO")
    assert any(a.kind == "group" and a.name == "NATO" for a in found)


def test_actors_apposition_before_borrows_country_from_other_person(make_ctx):
    body, found = _run(
        make_ctx,
        "Turkish President Recep Tayyip Erdogan spoke on Monday. Erdogan's chief adviser, Selim Arkan, "
        "travelled to Brussels the next day.",
    )
    p = _person(found, "Selim Arkan")
    assert (p.role, p.country) == ("adviser", "TR")
    assert "Erdogan's chief adviser" in _texts(body, p)


def test_actors_apposition_after(make_ctx):
    body, found = _run(
        make_ctx,
        "Russian President Vladimir Putin gave a speech. Yuri Antonov, a senior adviser to Putin, said little.",
    )
    p = _person(found, "Yuri Antonov")
    assert (p.role, p.country) == ("adviser", "RU")


def test_actors_surname_pronoun_and_description_corefer(make_ctx):
    body, found = _run(
        make_ctx,
        "Pentagon spokesman Mark Ellery briefed reporters on Tuesday. Ellery said the brigade was ready. "
        "He did not give a date. The Defense Department spokesman later added that the unit would fly "
        "from Texas. The spokesman declined to comment further.",
    )
    p = _person(found, "Mark Ellery")
    texts = _texts(body, p)
    assert texts == ["Mark Ellery", "Ellery", "He", "The Defense Department spokesman", "The spokesman"]
    assert p.mentions == sorted(p.mentions)
    assert sum(a.kind == "person" for a in found) == 1


def test_actors_same_surname_different_people(make_ctx):
    body, found = _run(
        make_ctx,
        "Senator Alan Whitby criticised the plan. Later, Governor Ruth Whitby defended it in a speech. "
        "Whitby said the state would pay for the repairs.",
    )
    alan, ruth = _person(found, "Alan Whitby"), _person(found, "Ruth Whitby")
    bare = body.rindex("Whitby said")
    assert [bare, bare + len("Whitby")] in ruth.mentions
    assert [bare, bare + len("Whitby")] not in alan.mentions


def test_actors_leader_description_matches_country(make_ctx):
    body, found = _run(
        make_ctx,
        "Russian President Vladimir Putin met Polish Foreign Minister Ewa Brzeska. "
        "Brzeska said the Russian leader had listened.",
    )
    putin = _person(found, "Vladimir Putin")
    assert "the Russian leader" in _texts(body, putin)
    assert "the Russian leader" not in _texts(body, _person(found, "Ewa Brzeska"))


def test_actors_pronoun_object_is_not_the_subject(make_ctx):
    body, found = _run(
        make_ctx,
        "Helga Marsh spoke with Ivan Dorin by phone on Monday. She told him that the border must stay open.",
    )
    marsh, dorin = _person(found, "Helga Marsh"), _person(found, "Ivan Dorin")
    assert "She" in _texts(body, marsh)
    assert "him" in _texts(body, dorin)


def test_actors_countries_and_groups(make_ctx):
    body, found = _run(
        make_ctx,
        "Russia moved troops toward Ukraine while the European Union and the West weighed sanctions. "
        "The Kremlin rejected the claims, and Moscow summoned the U.S. envoy. Russia said nothing more.",
    )
    by_name = {a.name: a for a in found}
    assert by_name["Russia"].kind == "country" and by_name["Russia"].country == "RU"
    assert len(by_name["Russia"].mentions) >= 2
    assert by_name["Ukraine"].country == "UA"
    assert by_name["EU"].kind == "group" and by_name["the West"].kind == "group"
    assert by_name["Kremlin"].kind == "org" and by_name["Kremlin"].country == "RU"
    assert by_name["United States"].kind == "country"


def test_actors_ids_and_provenance_are_stable(make_ctx):
    body = "Finnish Defence Minister Jaana Lehto visited Helsinki barracks."
    art, ctx = make_ctx(body)
    actors.run(art, ctx)
    first = [(a.id, a.name) for a in art.actors]
    actors.run(art, ctx)
    assert first == [(a.id, a.name) for a in art.actors]
    p = _person(art.actors, "Jaana Lehto")
    assert p.id == fact_id("A", art.id, "person", "Jaana Lehto")
    assert p.provenance is not None and p.provenance.stage == "actors" and 0 < p.provenance.confidence <= 1
    assert (p.role, p.country) == ("Defence Minister", "FI")


def test_actors_mentions_point_into_body(make_ctx):
    body, found = _run(make_ctx, "German Chancellor Klara Voss met Romanian officials in Bucharest on Friday.")
    for a in found:
        for s, e in a.mentions:
            assert 0 <= s < e <= len(body)
            assert body[s:e].strip() == body[s:e]
    assert _person(found, "Klara Voss").role == "Chancellor"


def test_hyphenated_names_keep_their_hyphen_and_link_across_case(make_ctx):
    from sitrep import actors

    art, ctx = make_ctx("Foreign Minister Nasser al-Harbi flew to Oslo. Al-Harbi said the talks went well.")
    actors.run(art, ctx)
    people = [a for a in art.actors if a.kind == "person"]
    assert [(p.name, len(p.mentions)) for p in people] == [("Nasser al-Harbi", 2)]


def test_a_capital_after_a_place_preposition_is_a_place_not_its_country(make_ctx):
    from sitrep import actors

    art, ctx = make_ctx("The ministers will meet in Vienna on Friday.")
    actors.run(art, ctx)
    assert not any(a.country == "AT" for a in art.actors)
