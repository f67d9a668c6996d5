"""Round-5 actor rules: descriptions that refer back to a named person, pronouns inside
quotations, hyphenated names NER mislabels, plural surnames, delayed-identification leads
and "the country's" in a datelined article. Sentences written for these tests."""

from __future__ import annotations

from sitrep import actors


def _people(make_ctx, body: str):
    art, ctx = make_ctx(body)
    actors.run(art, ctx)
    return [a for a in art.actors if a.kind == "person"]


def _mentions(body: str, person) -> list[str]:
    return [body[s:e] for s, e in person.mentions]


def _by_name(people, name: str):
    return next(p for p in people if p.name == name)


# ---- descriptions -------------------------------------------------------------------------

def test_the_deputy_minister_joins_the_named_deputy_defence_minister(make_ctx):
    body = ("Deputy Defence Minister Tomasz Wilk said the jets would arrive in May. "
            "The deputy minister added that the pilots had finished their training.")
    people = _people(make_ctx, body)
    assert [p.name for p in people] == ["Tomasz Wilk"]
    assert "The deputy minister" in _mentions(body, people[0])


def test_the_deputy_minister_is_not_the_named_foreign_minister(make_ctx):
    body = ("Foreign Minister Lena Korhonen met a Swedish deputy minister on Tuesday. "
            "The deputy minister said the two countries would share radar data.")
    people = _people(make_ctx, body)
    assert "The deputy minister" not in _mentions(body, _by_name(people, "Lena Korhonen"))


def test_an_age_before_the_role_still_makes_a_description(make_ctx):
    body = ("Army chief General Piotr Laskowski visited the troops on Monday. "
            "The 61-year-old general said morale was high.")
    people = _people(make_ctx, body)
    assert [p.name for p in people] == ["Piotr Laskowski"]
    assert "The 61-year-old general" in _mentions(body, people[0])


def test_a_spokeswoman_description_skips_the_man_named_before(make_ctx):
    body = ("Army spokesman Colonel Ivan Horvat said the drill was routine. Defence ministry "
            "spokeswoman Mirna Kovac said the drill would end on Friday. The spokeswoman added "
            "that no reservists had been called up.")
    people = _people(make_ctx, body)
    assert "The spokeswoman" in _mentions(body, _by_name(people, "Mirna Kovac"))
    assert "The spokeswoman" not in _mentions(body, _by_name(people, "Ivan Horvat"))


def test_a_lead_object_goes_to_the_person_the_next_sentence_names(make_ctx):
    body = ("LIMA — A court on Monday sentenced a former deputy energy minister to six years in prison. "
            "Mario Quispe, 61, was arrested in 2024. The former official denied the charges.")
    people = _people(make_ctx, body)
    assert [p.name for p in people] == ["Mario Quispe"]
    assert _mentions(body, people[0]) == ["a former deputy energy minister", "Mario Quispe", "The former official"]


def test_a_lead_object_is_not_given_to_someone_who_only_comments(make_ctx):
    body = "Police arrested a protest leader on Monday. Maria Soto said the arrest was illegal."
    people = _people(make_ctx, body)
    soto = _by_name(people, "Maria Soto")
    assert _mentions(body, soto) == ["Maria Soto"] and soto.role is None


def test_a_description_before_a_rank_gives_the_office_and_its_country(make_ctx):
    body = ("TALLINN — Troops have moved back to bases near the border, the head of Estonia's military "
            "intelligence said on Monday. Colonel Rein Tamm told reporters the units were new.")
    people = _people(make_ctx, body)
    tamm = _by_name(people, "Rein Tamm")
    assert (tamm.role, tamm.country) == ("head", "EE")
    assert "the head" in _mentions(body, tamm)


# ---- pronouns inside quotations -------------------------------------------------------------

def test_a_he_inside_a_quote_is_not_its_speaker(make_ctx):
    body = ("Interior Minister Goran Babic ordered the police to clear the square. "
            "Analyst Dario Matic said the order was risky. "
            "\"He cannot afford a single injured student,\" Matic said.")
    people = _people(make_ctx, body)
    assert "He" not in _mentions(body, _by_name(people, "Dario Matic"))
    assert "He" in _mentions(body, _by_name(people, "Goran Babic"))


def test_said_of_names_whom_a_quoted_pronoun_means(make_ctx):
    body = ("Energy Minister Aruzhan Sadykova said exports would double. "
            "Lana Petrosyan, an energy analyst in Yerevan, said the plan was bold. "
            "\"She is promising a lot,\" Petrosyan said of the minister.")
    people = _people(make_ctx, body)
    assert "She" in _mentions(body, _by_name(people, "Aruzhan Sadykova"))
    assert "She" not in _mentions(body, _by_name(people, "Lana Petrosyan"))


def test_first_person_inside_a_quote_is_nobody(make_ctx):
    body = "Colonel Anton Rusev said the unit would stay. \"We will not leave, and I will not ask them to,\" he said."
    people = _people(make_ctx, body)
    assert _mentions(body, _by_name(people, "Anton Rusev")) == ["Anton Rusev", "he"]


def test_a_he_inside_a_partial_quote_can_be_its_speaker(make_ctx):
    # review finding: a quote inside the cue verb's own clause is not free-standing
    body = ("Viktor Halloran walked out of court on Monday. Halloran said the verdict "
            "\"shows he was right all along\".")
    people = _people(make_ctx, body)
    assert _mentions(body, _by_name(people, "Viktor Halloran")) == ["Viktor Halloran", "Halloran", "he"]


def test_a_he_after_a_colon_quote_is_still_not_its_speaker(make_ctx):
    body = ("Interior Minister Goran Babic ordered the police to clear the square. "
            "Analyst Dario Matic said on Tuesday: \"He cannot afford a single injured student.\"")
    people = _people(make_ctx, body)
    assert "He" not in _mentions(body, _by_name(people, "Dario Matic"))


def test_one_weak_pronoun_guess_does_not_fix_a_gender(make_ctx):
    # review finding: "his" guessed for Morgan must not bar "she" from Morgan later
    body = ("Tarin Morgan greeted Quill Reed at the airport on Monday. Reporters asked about his "
            "health. Morgan later said she was pleased with the visit.")
    people = _people(make_ctx, body)
    assert "she" in _mentions(body, _by_name(people, "Tarin Morgan"))


def test_a_person_who_took_he_keeps_that_gender(make_ctx):
    body = ("Minister Dagny Lund spoke alongside General Marian Holub. She said the hospital would "
            "open in May, and he said it would treat soldiers. Holub said his staff had planned it, "
            "and that she had approved it.")
    people = _people(make_ctx, body)
    assert _mentions(body, _by_name(people, "Dagny Lund")).count("she") == 1
    assert "she" not in _mentions(body, _by_name(people, "Marian Holub"))


# ---- names --------------------------------------------------------------------------------

def test_a_hyphenated_name_ner_calls_an_organisation_is_a_person(make_ctx):
    body = ("Finland's interior minister, Aino-Kaisa Rautavaara, said the note had been delivered. "
            "Rautavaara said she expected no quick answer.")
    people = _people(make_ctx, body)
    p = _by_name(people, "Aino-Kaisa Rautavaara")
    assert p.role == "Interior Minister" and p.country == "FI"
    assert _mentions(body, p) == ["Finland's interior minister", "Aino-Kaisa Rautavaara", "Rautavaara", "she"]


def test_a_lawyer_ner_calls_a_place_is_a_person(make_ctx):
    body = "\"My client did nothing wrong,\" his lawyer, Eugenia Rusu, told reporters outside the court."
    people = _people(make_ctx, body)
    assert [(p.name, p.role) for p in people] == [("Eugenia Rusu", "lawyer")]


def test_a_hyphenated_surname_alone_joins_the_full_name(make_ctx):
    body = ("Defence Minister Olusegun Adebayo-Sorensen met the ambassador. "
            "Adebayo-Sorensen said the meeting was useful.")
    people = _people(make_ctx, body)
    p = _by_name(people, "Olusegun Adebayo-Sorensen")
    assert _mentions(body, p) == ["Olusegun Adebayo-Sorensen", "Adebayo-Sorensen"]


def test_a_plural_surname_is_no_person(make_ctx):
    body = ("Interior Minister Giorgi Lomidze met protest leader Nino Lomidze, who is not related to him. "
            "An analyst said both Lomidzes wanted calm.")
    people = _people(make_ctx, body)
    assert "Lomidzes" not in [p.name for p in people]


def test_a_former_judge_is_a_role(make_ctx):
    body = "The protest is led by Tamar Gelashvili, a former judge who wants early elections."
    people = _people(make_ctx, body)
    p = _by_name(people, "Tamar Gelashvili")
    assert p.role == "judge" and "a former judge" in _mentions(body, p)


# ---- the country's ------------------------------------------------------------------------

def test_the_countrys_prefers_the_dateline_country_the_text_names(make_ctx):
    # Lithuania named once, Germany twice: the dateline breaks a near tie
    body = ("VILNIUS — A German brigade arrived in Lithuania on Monday, and its commander said more "
            "tanks would follow. The head of the country's border guard, Tomas Baltrunas, said the "
            "convoy had no problems.")
    people = _people(make_ctx, body)
    assert _by_name(people, "Tomas Baltrunas").country == "LT"


def test_the_countrys_is_not_the_dateline_country_named_far_less(make_ctx):
    # review finding: the dateline country named once loses to one named three times
    body = ("OTTAWA — Canada imposed new tariffs on Brazil on Monday. Brazil's beef exports have "
            "slowed, and Brazil's farmers are angry. The country's agriculture minister, Paulo "
            "Teixeira, said the tariffs were unfair.")
    people = _people(make_ctx, body)
    assert _by_name(people, "Paulo Teixeira").country == "BR"


def test_the_countrys_in_a_meeting_city_is_the_country_named_most(make_ctx):
    body = ("BRUSSELS — Hungary blocked the sanctions package on Friday. Hungary said it needed more time, "
            "and Hungarian diplomats asked for changes. The head of the country's delegation, "
            "Zoltan Farkas, said talks would continue.")
    people = _people(make_ctx, body)
    assert _by_name(people, "Zoltan Farkas").country == "HU"


# ---- unnamed people and "former" ------------------------------------------------------------

def test_the_agent_of_a_passive_is_an_unnamed_person(make_ctx):
    body = "Latvia's delegation was led by a deputy defence minister, who did not speak to reporters."
    people = _people(make_ctx, body)
    assert [(p.named, p.role) for p in people] == [(False, "Deputy Defence Minister")]


def test_someone_met_is_an_unnamed_person_whom_the_same_noun_brings_back(make_ctx):
    body = ("Investigators said Pavel Rusnak had met a Chinese diplomat in a hotel in Prague. "
            "Prosecutor Jana Mala said the meetings were recorded. The diplomat left the country in May.")
    people = _people(make_ctx, body)
    diplomat = next(p for p in people if not p.named)
    assert _mentions(body, diplomat) == ["a Chinese diplomat", "The diplomat"]
    assert "The diplomat" not in _mentions(body, _by_name(people, "Jana Mala"))


def test_no_one_is_made_of_a_negated_object(make_ctx):
    body = "Transport Minister Ivo Petrov said he had not met a single union leader all week."
    people = _people(make_ctx, body)
    assert [p.name for p in people] == ["Ivo Petrov"]


def test_the_former_official_is_the_one_described_as_former(make_ctx):
    body = ("CHISINAU — A court on Friday sentenced a former deputy interior minister to eight years. "
            "Vitalie Rotaru, 54, was arrested after he met a Russian diplomat in a cafe. "
            "The former official denied the charges.")
    people = _people(make_ctx, body)
    rotaru = _by_name(people, "Vitalie Rotaru")
    assert rotaru.role == "Deputy Interior Minister"
    assert _mentions(body, rotaru)[:2] == ["a former deputy interior minister", "Vitalie Rotaru"]
    assert "The former official" in _mentions(body, rotaru)


def test_a_river_before_a_common_noun_is_no_person(make_ctx):
    body = "A drone damaged two silos at the Danube port of Izmail, regional officials said."
    assert _people(make_ctx, body) == []


def test_a_description_repeating_an_earlier_apposition_joins_its_person(make_ctx):
    body = ("Deputy Defence Minister Zbigniew Koral, a former fighter pilot, said the jets would arrive in May. "
            "Opposition lawmaker Anna Duda criticised the cost. The former pilot said the price was fair.")
    people = _people(make_ctx, body)
    assert [p.name for p in people] == ["Zbigniew Koral", "Anna Duda"]
    assert "The former pilot" in _mentions(body, people[0])


# ---- trailing "for" phrases ---------------------------------------------------------------

def test_an_envoy_for_a_country_does_not_take_its_country(make_ctx):
    # review finding: "for Syria" is a mandate, not the envoy's country
    body = "Talks resumed in Geneva on Monday. The UN special envoy for Syria said both sides had come."
    people = _people(make_ctx, body)
    envoy = next(p for p in people if p.role and "envoy" in p.role.lower())
    assert envoy.country is None


def test_a_spokesman_for_a_countrys_army_takes_its_country(make_ctx):
    body = "Troops crossed the border at dawn. The spokesman for Israel's army said the operation would last days."
    people = _people(make_ctx, body)
    assert [p.country for p in people if p.role == "spokesman"] == ["IL"]
