"""Round 9b of the actor rules, from wire-style copy: names with lower-case particles, towns after
"residents of", the ways of naming an armed group, an organisation noun before a name, vessel names,
a described organisation owning a role, a country NER missed after a dateline and a possessor's
country. Sentences written for these tests."""

from __future__ import annotations

from actor_helpers import by_name, mention_texts, owner_of, run_actors


_run, _by_name, _texts = run_actors, by_name, mention_texts


def _owner_of(art, body: str, start: int):
    return owner_of(art, start)


# -- 1. a name with a lower-case particle beside a role ----------------------------------------

def test_a_particle_name_beside_a_role_is_one_person(make_ctx):
    body = ('The regional president, Stefano de Marchi, said the damage was huge. '
            '"Nobody should drive tonight," he told local radio.')
    art = _run(make_ctx, body)
    people = _by_name(art, "person")
    assert list(people) == ["Stefano de Marchi"]
    president = people["Stefano de Marchi"]
    assert president.role == "President"
    assert {"The regional president", "he"} <= set(_texts(body, president))
    assert not _by_name(art, "org")


def test_a_particle_name_beside_an_organisation_noun_stays_an_organisation(make_ctx):
    body = "The lender, Banco de Sabadell, said profits rose."
    art = _run(make_ctx, body)
    assert "Banco de Sabadell" in _by_name(art, "org")
    assert not _by_name(art, "person")


# -- 2. towns in a place context are no organisations -------------------------------------------

def test_towns_after_residents_of_are_no_organisations(make_ctx):
    body = "Soldiers helped evacuate residents of Faenza and Cesena as the river rose."
    art = _run(make_ctx, body)
    names = {a.name for a in art.actors}
    assert not names & {"Faenza", "Cesena"}


def test_a_company_listed_with_a_town_after_shares_of_stays(make_ctx):
    body = "Shares of Siemens and Ravenna fell sharply on Tuesday."
    art = _run(make_ctx, body)
    assert "Siemens" in _by_name(art, "org")


# -- 3. one organisation for the ways of naming an armed group ----------------------------------

def test_an_armed_group_named_three_ways_is_one_organisation(make_ctx):
    body = ("Yemen's Houthi movement said on Monday it had launched drones at a tanker. U.S. aircraft later "
            "hit Houthi radar sites, and the Houthis vowed to retaliate. Hamas praised the attack.")
    art = _run(make_ctx, body)
    orgs = _by_name(art, "org")
    houthis = orgs["Houthis"]
    assert houthis.country == "YE"
    assert {"Houthi movement", "it", "Houthi", "Houthis"} <= set(_texts(body, houthis))
    assert _owner_of(art, body, body.index(" it ") + 1) is houthis
    assert "Hamas" in orgs and orgs["Hamas"] is not houthis  # control: another group stays apart


# -- 4. an organisation noun before a name; a vessel's name ------------------------------------

def test_a_firm_noun_before_a_name_makes_an_organisation_with_its_country(make_ctx):
    body = "Danish shipping security company Vantor said the tanker had been struck twice."
    art = _run(make_ctx, body)
    assert not _by_name(art, "person")
    assert _by_name(art, "org")["Vantor"].country == "DK"


def test_a_party_member_before_a_full_name_stays_a_person(make_ctx):
    body = "Labour party member Anna Kovac said she would resign."
    art = _run(make_ctx, body)
    assert "Anna Kovac" in _by_name(art, "person")


def test_a_vessel_named_after_the_ship_is_no_actor(make_ctx):
    body = ("The ship, the Aegean Star, was hit by a drone off the coast. "
            "The ship's captain, Nikos Pappas, said nobody was hurt.")
    art = _run(make_ctx, body)
    names = {a.name for a in art.actors}
    assert "Aegean Star" not in names
    assert _by_name(art, "person")["Nikos Pappas"].role == "Captain"  # control: the captain is a person


# -- 5. "the group's spokesman" takes the group described ---------------------------------------

def test_the_groups_spokesman_takes_the_group_named_before(make_ctx):
    body = ("Yemen's Houthi movement said it had seized the vessel. The group's spokesman, Abdullah Nasser, "
            "said more attacks would follow.")
    art = _run(make_ctx, body)
    spokesman = _by_name(art, "person")["Abdullah Nasser"]
    assert spokesman.affiliation in ("Houthis", "Houthi movement")
    assert spokesman.country == "YE"


def test_the_groups_spokesman_with_no_group_named_has_no_affiliation(make_ctx):
    body = "A convoy was ambushed near the town. The group's spokesman, Abdullah Nasser, said nobody was hurt."
    art = _run(make_ctx, body)
    assert _by_name(art, "person")["Abdullah Nasser"].affiliation is None


# -- 6. "it" after a conjoined reporting verb is the accuser ------------------------------------

def test_it_after_accused_and_warned_is_the_accuser(make_ctx):
    body = ("Sudan accused Chad on Monday of arming rebel fighters near the frontier, "
            "and warned that it would retaliate.")
    art = _run(make_ctx, body)
    it = _owner_of(art, body, body.index(" it ") + 1)
    assert it is not None and it.name == "Sudan"


def test_it_after_the_reported_speakers_verb_is_that_speaker(make_ctx):
    body = "Sudan said Chad had warned that it would close the border."
    art = _run(make_ctx, body)
    it = _owner_of(art, body, body.index(" it ") + 1)
    assert it is not None and it.name == "Chad"


# -- 7. a country NER missed after a dateline ---------------------------------------------------

def test_both_coordinated_countries_after_a_dateline_are_mentions(make_ctx):
    body = "TBILISI (Reuters) - Armenia and Azerbaijan agreed on Friday to resume talks on border demarcation."
    art = _run(make_ctx, body)
    countries = _by_name(art, "country")
    assert _texts(body, countries["Armenia"]) == ["Armenia"]
    assert _texts(body, countries["Azerbaijan"]) == ["Azerbaijan"]


def test_a_dateline_country_before_a_dash_is_not_glued_to_the_next(make_ctx):
    body = "YEREVAN, Armenia - Armenia and Azerbaijan agreed on Friday to resume talks."
    art = _run(make_ctx, body)
    assert not any("-" in a.name for a in art.actors)
    assert "Azerbaijan" in _by_name(art, "country")
    assert body.index("Armenia and") in {s for s, _ in _by_name(art, "country")["Armenia"].mentions}


# -- 8. an organisation owned by a body takes the body's country --------------------------------

def test_an_organisation_owned_by_a_countrys_military_takes_its_country(make_ctx):
    body = "The U.S. military's Central Command said its forces had shot down four drones."
    art = _run(make_ctx, body)
    command = _by_name(art, "org")["Central Command"]
    assert command.country == "US"
    assert "its" in _texts(body, command)


def test_an_organisation_owned_by_a_body_without_country_has_none(make_ctx):
    body = "The alliance's Military Committee said its members would meet in May."
    art = _run(make_ctx, body)
    assert _by_name(art, "org")["Military Committee"].country is None


def test_a_country_ner_read_as_a_date_after_in_is_a_mention(make_ctx):
    body = "Togo shut its airspace after a coup in Niger in 2023."
    art = _run(make_ctx, body)
    countries = _by_name(art, "country")
    assert _texts(body, countries["Niger"]) == ["Niger"]
    assert _texts(body, countries["Togo"]) == ["Togo", "its"]  # NER: a nationality


def test_a_country_name_inside_a_persons_name_is_no_country(make_ctx):
    body = "Jordan Peterson said on Monday he would speak in Vienna."
    art = _run(make_ctx, body)
    assert "Jordan" not in _by_name(art, "country")
