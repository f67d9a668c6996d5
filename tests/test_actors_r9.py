"""Round 9 of the actor rules: "it"/"its" off the reporting subject, organisation descriptions
("the company", "an armed group"), "the mayor of <city>, <name>" and a body before a role with
no country. Sentences written for these tests."""

from __future__ import annotations

from actor_helpers import by_name, mention_texts, owner_of, run_actors


_run, _by_name, _texts = run_actors, by_name, mention_texts


def _owner_of(art, body: str, start: int):
    return owner_of(art, start)


# -- 1. "it"/"its" that are not the subject of a reporting clause ----------------------------

def test_an_object_it_skips_its_own_clause_subject(make_ctx):
    body = "Hungary's interior ministry said on Friday that a court in Szeged had fined it for breaching privacy rules."
    art = _run(make_ctx, body)
    ministry = _by_name(art, "org")["Hungary's interior ministry"]
    assert "it" in _texts(body, ministry)


def test_an_object_it_is_not_the_body_its_own_subject_stands_for(make_ctx):
    # control: "it" is the decision, which the ministry itself will look at
    body = "Latvia's foreign ministry said it had not been warned of the decision but would examine it carefully."
    art = _run(make_ctx, body)
    ministry = _by_name(art, "org")["Latvia's foreign ministry"]
    assert _texts(body, ministry).count("it") == 1
    assert _owner_of(art, body, body.index("examine it") + len("examine ")) is None


def test_its_after_an_object_controller(make_ctx):
    body = "Lawmakers accused Moldova's energy ministry of hiding its debts from auditors."
    art = _run(make_ctx, body)
    ministry = _by_name(art, "org")["Moldova's energy ministry"]
    assert "its" in _texts(body, ministry)


def test_its_passes_over_a_plural_subject_but_not_a_named_one(make_ctx):
    body = ("Georgia's defence ministry said rebel fighters had shelled its posts overnight. "
            "Armenia said Azerbaijan had moved its artillery closer to the border.")
    art = _run(make_ctx, body)
    ministry = _by_name(art, "org")["Georgia's defence ministry"]
    assert "its" in _texts(body, ministry)
    second = body.index("its artillery")
    owner = _owner_of(art, body, second)
    assert owner is not None and owner.kind == "country" and owner.country == "AZ"


def test_it_after_a_conjoined_reporting_verb_and_a_participle(make_ctx):
    body = ("ECOWAS welcomed the truce and said it would send monitors. "
            "Ghana's navy declined to comment, saying it never discussed patrols.")
    art = _run(make_ctx, body)
    navy = _by_name(art, "org")["Ghana's navy"]
    assert "it" in _texts(body, navy)
    ecowas = next(a for a in art.actors if "ECOWAS" in _texts(body, a))
    assert "it" in _texts(body, ecowas)


def test_an_impersonal_it_stays_unresolved(make_ctx):
    body = "Serbia's interior ministry said it was not clear who had planted the device."
    art = _run(make_ctx, body)
    assert _owner_of(art, body, body.index("it was")) is None


def test_an_object_it_outside_a_reported_clause_is_left_alone(make_ctx):
    # control: "it" is the help, in a clause joined to Estonia's, not reported by anyone
    body = "Estonia asked for more help, and the allies are sending it."
    art = _run(make_ctx, body)
    assert _owner_of(art, body, body.index("sending it") + len("sending ")) is None


# -- 2. organisation descriptions ------------------------------------------------------------

def _org_with(art, body: str, text: str):
    return next(a for a in art.actors if a.kind in ("org", "group") and text in _texts(body, a))


def test_an_apposition_and_a_later_definite_description_name_the_company(make_ctx):
    body = ("Gunmen attacked a copper mine run by Tarvo Metals, a Finnish mining company, on Sunday. "
            "The company said it had flown its engineers out of the region.")
    art = _run(make_ctx, body)
    org = _org_with(art, body, "Tarvo Metals")
    texts = _texts(body, org)
    assert "a Finnish mining company" in texts and "company" in texts and "its" in texts
    assert org.country == "FI"
    assert not any(a.kind == "person" and a.name == "Tarvo Metals" for a in art.actors)


def test_an_armed_group_in_apposition_and_the_group_later(make_ctx):
    body = ("The Lake Kivu Front, an armed group that operates in the hills, said it had seized a police post. "
            "The group said its fighters had taken four rifles.")
    art = _run(make_ctx, body)
    front = _org_with(art, body, "Lake Kivu Front")
    texts = _texts(body, front)
    assert "an armed group" in texts and "group" in texts and texts.count("its") == 1


def test_an_indefinite_armed_group_opens_someone_new(make_ctx):
    # control: "an armed group" with no name is not the Front, and the group after it may not be either
    body = ("The Lake Kivu Front said it had withdrawn from the town on Monday. "
            "On Tuesday an armed group attacked a convoy near the lake. The group said its fighters had burned two trucks.")
    art = _run(make_ctx, body)
    front = _org_with(art, body, "Lake Kivu Front")
    texts = _texts(body, front)
    assert "an armed group" not in texts and "group" not in texts
    assert not any("group" in _texts(body, a) for a in art.actors)


def test_a_description_needs_a_fitting_noun_and_one_antecedent(make_ctx):
    # controls: "the bank" fits no company named before; "the company" fits two
    body = ("Tarvo Metals, a Finnish mining company, and Oriel Copper, a Chilean mining company, signed the deal. "
            "The company said the bank would lend the money.")
    art = _run(make_ctx, body)
    for a in art.actors:
        assert "company" not in _texts(body, a) and "bank" not in _texts(body, a)


# -- 3. "the mayor of <city>, <name>" --------------------------------------------------------

def test_the_mayor_of_a_city_then_his_name_is_one_person(make_ctx):
    body = "The mayor of Kharkiv, Ihor Terekhov, said three people had been killed in the strike."
    art = _run(make_ctx, body)
    assert not [a for a in art.actors if a.kind == "org"]
    person = _by_name(art, "person")["Ihor Terekhov"]
    assert person.role.lower() == "mayor" and person.country == "UA"
    assert "The mayor of Kharkiv" in _texts(body, person)


def test_an_organisation_name_with_a_comma_stays_an_organisation(make_ctx):
    # control: the comma split only takes out a place or a person set beside a place
    body = "The governor of the Kursk region, Anton Volkov, said a drone had hit a fuel depot."
    art = _run(make_ctx, body)
    person = _by_name(art, "person")["Anton Volkov"]
    assert person.country == "RU"
    assert not [a for a in art.actors if a.kind == "org"]


# -- 4. a body before a role with no country --------------------------------------------------

def test_a_bare_body_before_a_role_takes_the_body_named_before(make_ctx):
    body = ("Ukraine's air force said it had shot down 20 drones overnight. "
            "Air force spokesman Yuriy Ihnat said the attack came from the south.")
    art = _run(make_ctx, body)
    person = _by_name(art, "person")["Yuriy Ihnat"]
    assert person.country == "UA" and person.affiliation == "Ukraine's air force"
    force = _by_name(art, "org")["Ukraine's air force"]
    assert "Air force" in _texts(body, force)


def test_a_bare_body_before_a_role_with_no_body_named_has_no_country(make_ctx):
    body = "Air force spokesman Yuriy Ihnat said the attack came from the south."
    art = _run(make_ctx, body)
    assert _by_name(art, "person")["Yuriy Ihnat"].country is None
    assert not [a for a in art.actors if a.kind == "org"]


def test_a_bare_body_before_a_role_after_two_such_bodies_has_no_country(make_ctx):
    body = ("Russia's air force and Ukraine's air force both claimed hits overnight. "
            "Air force spokesman Yuriy Ihnat said the attack came from the south.")
    art = _run(make_ctx, body)
    assert _by_name(art, "person")["Yuriy Ihnat"].country is None


def test_a_sentence_case_body_before_a_role_is_the_body_named_before(make_ctx):
    body = ("The Philippine coast guard said a Chinese vessel had rammed a supply boat. "
            "Coast guard spokesman Jay Ramos said nobody had been hurt.")
    art = _run(make_ctx, body)
    guard = _org_with(art, body, "Philippine coast guard")
    assert "Coast guard" in _texts(body, guard)
    assert len([a for a in art.actors if a.kind == "org"]) == 1
    assert _by_name(art, "person")["Jay Ramos"].country == "PH"


# -- a bare body speaking under a dateline, "it" after "said in a statement that" -------------

def test_a_bare_body_speaking_under_a_dateline_is_that_countrys(make_ctx):
    body = ("WARSAW — The interior ministry said in a statement that it had moved 300 more soldiers "
            "to the eastern border on Monday.")
    art = _run(make_ctx, body)
    ministry = _by_name(art, "org")["Poland's interior ministry"]
    assert ministry.country == "PL"
    assert "it" in _texts(body, ministry)


def test_a_bare_body_in_a_meeting_city_or_as_an_object_stays_no_actor(make_ctx):
    # controls: a dateline where international bodies meet; a body that is not a subject
    for body in ("BRUSSELS — The ministry said on Monday that talks would resume in March.",
                 "WARSAW — Farmers blocked a road on Monday and threw eggs at the police."):
        art = _run(make_ctx, body)
        assert not [a for a in art.actors if a.kind == "org"], body
