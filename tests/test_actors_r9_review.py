"""Round 9, after review of the actor rules: a hub dateline's country, names with commas, "its"
in a second reported clause or joined to a thing, descriptions that need a salient antecedent
and no other phrase of their noun in between. Passages written for these tests."""

from __future__ import annotations

from actor_helpers import by_name, owner_of, run_actors


_run = run_actors


def _owner_of(art, body: str, start: int):
    return owner_of(art, start)


def _names(art, kind: str) -> set[str]:
    return set(by_name(art, kind))


def test_a_hub_dateline_gives_no_country_to_another_countrys_body(make_ctx):
    body = ("NAIROBI (Reuters) - Gunmen attacked a convoy in eastern Ethiopia on Monday. "
            "The army said on Tuesday it had arrested six suspects.")
    art = _run(make_ctx, body)
    assert not any(a.kind == "org" and a.country == "KE" for a in art.actors)


def test_a_dateline_body_keeps_its_country_when_that_country_is_named(make_ctx):
    body = ("OSLO (Reuters) - Norway's foreign ministry summoned Russia's ambassador on Monday. "
            "The justice ministry said it had expelled a diplomat.")
    art = _run(make_ctx, body)
    assert "Norway's justice ministry" in _names(art, "org")


def test_a_company_name_with_a_comma_is_not_split(make_ctx):
    body = "Hanwha Aerospace Co., Ltd. said on Tuesday it would build a plant in Romania."
    art = _run(make_ctx, body)
    assert "Ltd." not in _names(art, "org")


def test_its_in_a_second_that_clause_is_the_speakers(make_ctx):
    body = ("Ukraine's defence ministry said Russia had lost 900 soldiers in a day "
            "and that its own units had repelled 30 assaults.")
    art = _run(make_ctx, body)
    owner = _owner_of(art, body, body.index("its own"))
    assert owner is not None and owner.country == "UA"


def test_its_joined_to_a_thing_is_the_things(make_ctx):
    body = "Italy's coast guard said a fishing boat and its crew of nine had been towed to Lampedusa."
    art = _run(make_ctx, body)
    assert _owner_of(art, body, body.index("its crew")) is None


def test_accused_of_violating_its_airspace_is_the_accusers(make_ctx):
    body = "Estonia accused Russia of violating its airspace with a military plane."
    art = _run(make_ctx, body)
    owner = _owner_of(art, body, body.index("its airspace"))
    assert owner is not None and owner.country == "EE"


def test_the_group_needs_an_antecedent_named_as_a_subject(make_ctx):
    body = ("Jamaat Nusrat al-Islam, a longtime al Qaeda affiliate, said it had attacked a base. "
            "The group said ten soldiers were killed.")
    art = _run(make_ctx, body)
    qaeda = [a for a in art.actors if a.name.lower().endswith("al qaeda")]
    assert all(_owner_of(art, body, body.index("The group")) is not a for a in qaeda)


def test_another_phrase_of_the_noun_between_blocks_the_description(make_ctx):
    body = ("The World Bank lowered its growth forecast for Ghana. Ghana's central bank raised "
            "interest rates on Monday. The bank said inflation was still too high.")
    art = _run(make_ctx, body)
    bank = next(a for a in art.actors if a.name == "World Bank")
    assert not any(body[s:e] == "bank" and s > body.index("The bank said") - 1 for s, e in bank.mentions)


def test_a_sentence_case_body_word_before_a_role_is_the_body_named_before(make_ctx):
    body = ("Chile's interior ministry said on Monday it had closed two border crossings. "
            "Interior ministry spokesman Pablo Rojas said the measure was temporary.")
    art = _run(make_ctx, body)
    assert "Interior" not in _names(art, "org")
    rojas = by_name(art, "person")["Pablo Rojas"]
    assert (rojas.affiliation, rojas.country) == ("Chile's interior ministry", "CL")


def test_army_before_a_role_with_no_army_named_makes_no_organisation(make_ctx):
    art = _run(make_ctx, "Army spokesman Pablo Rojas said the fighting had stopped.")
    assert "Army" not in _names(art, "org")
