"""State bodies named by a common noun ("the Sudanese army", "Russia's defence ministry") are
organisations with a country; a later bare "the army" is the same body, and quotes reach it.
Sentences written for these tests."""

from __future__ import annotations

from sitrep import actors, quotes


def _run(make_ctx, body: str):
    art, ctx = make_ctx(body)
    actors.run(art, ctx)
    quotes.run(art, ctx)
    return art


def _orgs(art) -> dict[str, object]:
    return {a.name: a for a in art.actors if a.kind == "org"}


def _texts(body: str, actor) -> list[str]:
    return [body[s:e] for s, e in actor.mentions]


def test_a_demonym_and_a_possessor_name_the_same_army(make_ctx):
    body = ("The Sudanese army said on Tuesday it had retaken a bridge in Omdurman. "
            "Sudan's army also said its drones had struck a fuel depot.")
    art = _run(make_ctx, body)
    army = _orgs(art)["Sudan's army"]
    assert army.country == "SD"
    assert _texts(body, army) == ["Sudanese army", "it", "Sudan's army", "its"]


def test_a_bare_body_later_is_the_one_named_with_its_country(make_ctx):
    body = ("Russia's defence ministry said air defences downed twelve drones overnight. "
            "The ministry said none had reached the capital.")
    art = _run(make_ctx, body)
    ministry = _orgs(art)["Russia's defence ministry"]
    assert ministry.country == "RU"
    assert _texts(body, ministry) == ["Russia's defence ministry", "ministry"]
    speakers = {q.speaker for q in art.quotes}
    assert speakers == {ministry.id}


def test_an_of_phrase_gives_the_country(make_ctx):
    art = _run(make_ctx, "The government of Niger said it would expel the envoy within 48 hours.")
    gov = _orgs(art)["Niger's government"]
    assert gov.country == "NE"
    assert art.quotes and art.quotes[0].speaker == gov.id


def test_two_armies_leave_a_bare_army_unresolved(make_ctx):
    body = ("The Armenian army and the Azerbaijani army traded fire near the border on Monday. "
            "The army said two soldiers were wounded.")
    art = _run(make_ctx, body)
    orgs = _orgs(art)
    assert {orgs["Armenia's army"].country, orgs["Azerbaijan's army"].country} == {"AM", "AZ"}
    assert all(body[s:e] != "army" for a in orgs.values() for s, e in a.mentions)


def test_a_bare_body_with_none_named_before_is_no_actor(make_ctx):
    art = _run(make_ctx, "The army said on Monday that the road to the airport had reopened.")
    assert _orgs(art) == {}


def test_a_body_noun_modifying_another_noun_is_no_body(make_ctx):
    art = _run(make_ctx, "A Russian army truck and two government buses were seen near the bridge, a witness said.")
    assert _orgs(art) == {}


def test_the_spokesman_of_a_body_takes_its_name_and_country(make_ctx):
    body = ("CAIRO (Wire) - The Sudanese army said it had retaken the bridge. "
            "The army's spokesman, Nabil Abdallah, said the fighting was over.")
    art = _run(make_ctx, body)
    person = next(a for a in art.actors if a.name == "Nabil Abdallah")
    assert (person.affiliation, person.country) == ("Sudan's army", "SD")


def test_a_country_named_through_its_government_still_counts_for_the_countrys(make_ctx):
    body = ("PRAGUE - The Czech government ordered extra checks on its border with Slovakia. "
            "The head of the country's police, Marta Novakova, said the checks would last a week.")
    art = _run(make_ctx, body)
    person = next(a for a in art.actors if a.name == "Marta Novakova")
    assert person.country == "CZ"


def test_its_body_belongs_to_the_country_named_before_not_to_an_earlier_body(make_ctx):
    body = ("Georgia's foreign ministry protested on Monday. "
            "Turkey said through its foreign ministry that it was concerned.")
    art = _run(make_ctx, body)
    orgs = _orgs(art)
    assert _texts(body, orgs["Georgia's foreign ministry"]) == ["Georgia's foreign ministry"]
    assert orgs["Turkey's foreign ministry"].country == "TR"


def test_its_spokeswoman_works_for_the_body_named_before(make_ctx):
    body = ("Moldova's interior ministry denied the report on Tuesday. "
            "Its spokeswoman, Irina Cojocaru, said no officers had been sent to the border.")
    art = _run(make_ctx, body)
    person = next(a for a in art.actors if a.name == "Irina Cojocaru")
    assert (person.affiliation, person.country) == ("Moldova's interior ministry", "MD")


def test_a_body_before_a_role_is_the_role_holders_affiliation(make_ctx):
    body = "Chinese foreign ministry spokesman Wen Bo said the visit would go ahead."
    art = _run(make_ctx, body)
    person = next(a for a in art.actors if a.name == "Wen Bo")
    assert (person.role, person.affiliation, person.country) == ("spokesman", "China's foreign ministry", "CN")
    assert _orgs(art)["China's foreign ministry"].country == "CN"


def test_the_agency_closing_a_dateline_is_no_actor(make_ctx):
    body = "RIGA, Latvia, May 4, 2026 (Baltic Signal) - Latvia's government said it would close two crossings."
    art = _run(make_ctx, body)
    assert not any("Baltic Signal" in a.name for a in art.actors)
    assert _orgs(art)["Latvia's government"].country == "LV"


def test_a_body_of_a_named_group_is_not_an_earlier_countrys_body(make_ctx):
    body = ("The US military said it struck radar sites on the coast. "
            "The Houthi military said it fired two missiles at a ship.")
    art = _run(make_ctx, body)
    us = _orgs(art)["United States' military"]
    assert _texts(body, us) == ["US military", "it"]  # not "The Houthi military", nor its "it"


def test_a_name_ending_like_an_organisation_is_no_person(make_ctx):
    body = ("Human Rights Watch said the raid killed at least 30 people. "
            "Tomas Verhoef said the bridge was closed.")
    art = _run(make_ctx, body)
    kinds = {a.name: a.kind for a in art.actors}
    assert kinds["Human Rights Watch"] == "org"
    assert kinds["Tomas Verhoef"] == "person"


def test_an_unnamed_official_at_a_body_works_for_it(make_ctx):
    art = _run(make_ctx, "A spokesman for the Ukrainian air force said six drones were shot down overnight.")
    person = next(a for a in art.actors if a.kind == "person")
    assert (person.named, person.role, person.affiliation, person.country) == (False, "spokesman", "Ukraine's air force", "UA")


def test_an_embassy_speaks_for_its_country(make_ctx):
    body = ("The Russian embassy in Washington said the aid would prolong the war. "
            "The embassy added that talks were still possible.")
    art = _run(make_ctx, body)
    embassy = _orgs(art)["Russia's embassy"]
    assert embassy.country == "RU"
    assert [q.speaker for q in art.quotes] == [embassy.id, embassy.id]


def test_a_party_word_between_an_apposition_and_the_name_is_skipped(make_ctx):
    art = _run(make_ctx, "The committee's chairman, Democrat Luis Ortega of New Mexico, called the vote a signal.")
    person = next(a for a in art.actors if a.name == "Luis Ortega")
    assert person.role == "chairman"
    assert art.quotes and art.quotes[0].speaker == person.id


def test_an_organisations_possessive_opens_an_unnamed_official(make_ctx):
    art = _run(make_ctx, "The Pentagon's top policy official warned that interceptor stocks were running low.")
    person = next(a for a in art.actors if a.kind == "person")
    assert (person.named, person.role, person.country) == (False, "official", "US")
    assert art.quotes and art.quotes[0].speaker == person.id


# ---- review round: "its" by subject, bare bodies, demonym traps --------------------------------

def test_its_is_the_subject_of_the_sentence_before_not_the_last_name(make_ctx):
    body = ("Israel's army struck a militia position in southern Lebanon. "
            "Its spokesman, Avi Kedem, said the site stored rockets.")
    art = _run(make_ctx, body)
    person = next(a for a in art.actors if a.name == "Avi Kedem")
    assert (person.affiliation, person.country) == ("Israel's army", "IL")


def test_its_inside_a_clause_is_its_subjects(make_ctx):
    art = _run(make_ctx, "Turkey accused Sweden of sheltering militants and said its parliament would wait.")
    assert _orgs(art)["Turkey's parliament"].country == "TR"


def test_a_reporting_body_takes_the_it_of_its_clause(make_ctx):
    body = "Kosovo's police said on Sunday they had arrested two men near the bridge."
    art = _run(make_ctx, body)
    assert "they" in _texts(body, _orgs(art)["Kosovo's police"])


def test_a_placed_or_qualified_bare_body_is_not_the_one_named_before(make_ctx):
    body = ("The US government imposed new sanctions on Monday. The government in Tehran said it would retaliate. "
            "An army of volunteers arrived after the Sudanese army left.")
    art = _run(make_ctx, body)
    orgs = _orgs(art)
    assert orgs["Iran's government"].country == "IR"
    assert _texts(body, orgs["United States' government"]) == ["US government"]
    assert _texts(body, orgs["Sudan's army"]) == ["Sudanese army"]


def test_demonyms_that_name_no_country_make_no_body(make_ctx):
    art = _run(make_ctx, "The Turkish Cypriot government said yes. The anti-Russian government said no. "
                         "The Moscow police detained twenty people.")
    assert _orgs(art) == {}


def test_a_country_named_inside_a_body_is_still_an_actor(make_ctx):
    art = _run(make_ctx, "The government of Sudan said the talks would resume.")
    assert any(a.kind == "country" and a.country == "SD" for a in art.actors)
    assert _orgs(art)["Sudan's government"].country == "SD"


def test_an_embassy_in_a_country_is_not_that_countrys(make_ctx):
    art = _run(make_ctx, "Bahrain shut its embassy in Qatar on Monday.")
    assert not any(a.kind == "org" and a.country == "QA" for a in art.actors)
