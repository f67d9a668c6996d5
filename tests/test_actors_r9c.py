"""Round 9c of the actor rules: over-reaches a review found in round 9b. A demonym joined to
"-backed"/"-owned" before an organisation noun, a list of companies one of which is also a town,
an armed group's name joined to "-controlled"/"-led", "the group" with another organisation named
in between, a country name that is a person's first name, and an armed group named by its
adjective and its noun. Sentences written for these tests."""

from __future__ import annotations

from actor_helpers import by_name, mention_texts, run_actors


_run, _by_name, _texts = run_actors, by_name, mention_texts


# -- 1. the demonym nearest the organisation noun, past "X-backed" / "X-owned" -----------------

def test_a_backed_demonym_does_not_give_the_firm_its_country(make_ctx):
    art = _run(make_ctx, "Iranian-backed Iraqi firm Dijla Works said its depot was struck overnight.")
    assert _by_name(art, "org")["Dijla Works"].country == "IQ"


def test_an_owned_demonym_does_not_give_the_firm_its_country(make_ctx):
    art = _run(make_ctx, "Chinese-owned British firm Halvard Steel said it would shut two mills.")
    assert _by_name(art, "org")["Halvard Steel"].country == "GB"


def test_a_plain_demonym_before_the_firm_noun_still_counts(make_ctx):
    art = _run(make_ctx, "British maritime security firm Ambrey said a tanker was hit off the coast.")
    assert _by_name(art, "org")["Ambrey"].country == "GB"


# -- 2. a list of companies is kept though one of them is also a town ----------------------------

def test_companies_listed_with_a_town_named_company_stay(make_ctx):
    art = _run(make_ctx, "The pension fund raised its stakes in Toyota and Honda during the spring.")
    assert {"Toyota", "Honda"} <= set(_by_name(art, "org"))


def test_clubs_listed_after_from_stay_organisations(make_ctx):
    art = _run(make_ctx, "Police kept apart supporters from Chelsea and Everton after the match.")
    assert {"Chelsea", "Everton"} <= set(_by_name(art, "org"))
    assert "Everton" not in _by_name(art, "person")


def test_towns_after_residents_of_are_still_dropped(make_ctx):
    art = _run(make_ctx, "Residents of Ravenna, Faenza and Lugo were told to leave their homes.")
    names = {a.name for a in art.actors}
    assert not names & {"Ravenna", "Faenza", "Lugo"}


def test_towns_after_in_are_still_no_organisations(make_ctx):
    art = _run(make_ctx, "Soldiers helped evacuate residents of Faenza and Cesena as the water rose.")
    assert not {a.name for a in art.actors} & {"Faenza", "Cesena"}


# -- 3. "Houthi-controlled": a modifier, no mention ending in a hyphen -------------------------

def test_a_group_name_joined_to_controlled_makes_no_hyphen_mention(make_ctx):
    body = "A Houthi-controlled court jailed nine men. Houthi-led officials said the verdict was fair."
    art = _run(make_ctx, body)
    for a in art.actors:
        assert not a.name.endswith("-")
        assert not any(t.rstrip().endswith("-") for t in _texts(body, a))


def test_rsf_controlled_is_no_mention_ending_in_a_hyphen(make_ctx):
    body = "RSF-controlled districts were shelled again on Sunday."
    art = _run(make_ctx, body)
    assert not any(a.name.endswith("-") for a in art.actors)


def test_a_group_named_with_its_noun_is_still_found(make_ctx):
    body = "Houthi rebels said they fired a missile at the ship."
    art = _run(make_ctx, body)
    orgs = _by_name(art, "org")
    assert any(a.country == "YE" for a in orgs.values())


# -- 4. "the group" with another organisation named in between ---------------------------------

def test_the_group_is_not_the_one_before_another_organisation(make_ctx):
    body = ("Yemen's Houthi movement said it had boarded the ship. Amnesty International condemned the "
            "boarding. The group's spokesman, Salim Qassem, said the sailors were unharmed.")
    art = _run(make_ctx, body)
    spokesman = _by_name(art, "person")["Salim Qassem"]
    assert spokesman.affiliation in (None, "Amnesty International")


def test_the_group_with_nothing_in_between_is_the_group(make_ctx):
    body = ("Yemen's Houthi movement said it had boarded the ship. The group's spokesman, Salim Qassem, "
            "said the sailors were unharmed.")
    art = _run(make_ctx, body)
    assert _by_name(art, "person")["Salim Qassem"].affiliation == "Houthi movement"


def test_the_group_after_two_named_groups_is_unresolved(make_ctx):
    body = ("The Sahel Front said it attacked the base. The Northern Brigade denied it. The group's "
            "spokesman, Omar Diallo, said the fighters withdrew.")
    art = _run(make_ctx, body)
    assert _by_name(art, "person")["Omar Diallo"].affiliation is None


# -- 5. a country name that is a first name -----------------------------------------------------

def test_a_first_name_with_his_brother_is_no_country(make_ctx):
    body = "NEW YORK (Reuters) - Chad and his brother were charged with fraud, prosecutors said."
    art = _run(make_ctx, body)
    assert "Chad" not in _by_name(art, "country")


def test_a_country_name_after_an_honorific_is_no_country(make_ctx):
    art = _run(make_ctx, "Police said Mr Chad was arrested at his home on Monday.")
    assert "Chad" not in _by_name(art, "country")


def test_a_country_name_before_an_age_is_no_country(make_ctx):
    art = _run(make_ctx, "Chad, 17, was arrested at his home on Monday.")
    assert "Chad" not in _by_name(art, "country")


def test_countries_as_subjects_still_count(make_ctx):
    art = _run(make_ctx, "NDJAMENA (Reuters) - Chad and Niger agreed to reopen their shared border.")
    assert {"Chad", "Niger"} <= set(_by_name(art, "country"))
    art = _run(make_ctx, "Eritrea denied the report on Monday.")
    assert "Eritrea" in _by_name(art, "country")
    art = _run(make_ctx, "DR Congo said the rebels had pulled out of Goma.")
    assert not any(a.kind == "person" and "Congo" in a.name for a in art.actors)


# -- 6. an armed group named by its adjective takes the table's name ------------------------

def test_a_group_named_with_its_noun_takes_the_table_name(make_ctx):
    body = "The Houthi movement said it fired two missiles at the ship."
    art = _run(make_ctx, body)
    orgs = _by_name(art, "org")
    assert "Houthi" not in orgs
    assert orgs["Houthi movement"].country == "YE"
    assert "Houthi movement" in _texts(body, orgs["Houthi movement"])


def test_a_group_named_with_fighters_keeps_its_short_name(make_ctx):
    body = "Houthi fighters seized a cargo ship on Monday."
    art = _run(make_ctx, body)
    orgs = _by_name(art, "org")
    assert "Houthi" in orgs and orgs["Houthi"].country == "YE"
