"""extract_quantities on the unit classes of round eight: shares written in words ("% <what of>"),
"one of four", compound units ("A/cm2"), rates past a bracket, suspended hyphens, ranges across a
date, bare numbers sharing a unit past an unlike quantity, house numbers and clock times, acronym
plurals, possessors and the superlative's infinitive. Sentences written for sitrep."""

from __future__ import annotations

import pytest

from sitrep.events.quantities import extract_quantities


def _read(text: str, nlp) -> list[tuple[float, float | None, str]]:
    return [(round(m.value, 4), m.high, m.unit) for m in extract_quantities(text, nlp(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two-thirds of voters backed the levy.", (0.6667, None, "% voter")),
        ("A quarter of respondents said no.", (0.25, None, "% respondent")),
        ("The plant has 900 staff, half of whom work nights.", (0.5, None, "% -")),
        ("The survey found that one of five reporting teams had quit.", (0.2, None, "% reporting team")),
        ("The bank trimmed its forecast by half a percentage point.", (0.5, None, "percentage point")),
    ],
)
def test_shares_in_words_name_what_they_are_of(text: str, expected, nlp) -> None:
    assert expected in _read(text, nlp)


def test_share_of_a_counted_group_keeps_the_count(nlp) -> None:
    got = _read("Half of the 40 drivers were fined.", nlp)
    assert (0.5, None, "% driver") in got and (40.0, None, "driver") in got


def test_scaled_half_stays_a_number(nlp) -> None:
    assert _read("Half a million homes lost power.", nlp)[0][:2] == (500_000.0, None)


def test_compound_unit_with_a_slash(nlp) -> None:
    got = _read("The cell reached a current density of 2.1 A/cm2 in the test.", nlp)
    assert got == [(2.1, None, "ampere per square centimetre")]


def test_rate_after_a_bracketed_conversion(nlp) -> None:
    got = _read("The trade is worth 4 billion rand ($250 million) a year.", nlp)
    assert (4e9, None, "south african rand per year") in got and (2.5e8, None, "dollar") in got


def test_suspended_hyphen_shares_the_noun(nlp) -> None:
    got = _read("The builder offers two-, three- and four-bedroom flats.", nlp)
    assert [g[2] for g in got] == ["bedroom"] * 3 and [g[0] for g in got] == [2.0, 3.0, 4.0]


def test_from_range_across_a_year(nlp) -> None:
    got = _read("The battery's range grew from 300 km in 2015 to 420 km.", nlp)
    assert got == [(300.0, 420.0, "kilometre")]


def test_bare_number_skips_an_unlike_quantity_for_its_unit(nlp) -> None:
    text = "The clinic saw 4,100 patients who waited one to two weeks and 5,300 who waited longer."
    assert (5300.0, None, "patient") in _read(text, nlp)


def test_casualty_count_after_and(nlp) -> None:
    assert (30.0, None, "people") in _read("At least 9 people died and 30 injured in the crash.", nlp)


def test_house_numbers_and_four_digit_clock_times_are_no_quantities(nlp) -> None:
    assert _read("The shop at 27-29 Harbour Road reopened.", nlp) == []
    assert _read("The curfew begins at 2100 GMT.", nlp) == []


def test_acronym_plural_and_imperial_unit(nlp) -> None:
    assert _read("A letter from 35 MPs reached him.", nlp) == [(35.0, None, "MP")]
    assert _read("The drum holds 40 imperial gallons.", nlp) == [(40.0, None, "gallon")]


def test_counted_noun_with_a_possessor_and_a_kind(nlp) -> None:
    assert _read("Five of Nokia's plants closed.", nlp) == [(5.0, None, "Nokia plant")]
    assert _read("The ban covers 300 types of toys.", nlp) == [(300.0, None, "type toy")]


def test_superlative_with_its_infinitive(nlp) -> None:
    got = _read("She was one of the fastest runners ever to win the title.", nlp)
    assert got == [(1.0, None, "fast runner win title")]


def test_millions_of_a_people(nlp) -> None:
    assert _read("Millions of Brazilians voted.", nlp) == [(1e6, 1e7, "Brazilians")]


def test_prime_mark_is_feet(nlp) -> None:
    assert _read("The drone hovered at 40' above the field.", nlp) == [(40.0, None, "foot")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She spent 3 ½ years abroad.", (3.5, None, "year")),
        ("Whisk in 2 1/4 cups of milk.", (2.25, None, "cup")),
        ("The trip took ¾ of an hour.", (0.75, None, "hour")),
    ],
)
def test_vulgar_and_mixed_fractions(text: str, expected, nlp) -> None:
    assert _read(text, nlp)[0] == expected


def test_console_and_school_class_names_are_no_units(nlp) -> None:
    assert _read("The PS5 bundle sold for $499.", nlp) == [(499.0, None, "dollar")]
    assert _read("In Class 5A the relay team won the 400 yard race.", nlp)[-1] == (400.0, None, "yard")
    assert _read("The club paid PS8 million for him.", nlp) == [(8e6, None, "pound sterling")]


def test_first_graders_and_plus_counts(nlp) -> None:
    assert _read("The school lost 12 first-graders to the flu.", nlp) == [(12.0, None, "first-grader")]
    assert _read("The firm has traded for 12-plus years.", nlp) == [(12.0, None, "year")]


# Review fixes: compass points, acronyms, durations in hours, group members, bp/pp, ohms.


@pytest.mark.parametrize(
    "text",
    [
        "Pirates boarded the freighter at 11 N 47 E off the coast.",
        "A lorry overturned on Highway 61 N near the bridge.",
        "The patrol pulled back 8 N of the river crossing.",
    ],
)
def test_compass_points_are_no_newtons(text: str, nlp) -> None:
    assert all(unit != "newton" for _, _, unit in _read(text, nlp))


def test_glued_newton_still_read(nlp) -> None:
    assert (12.0, None, "newton") in _read("The spring pushes back with 12N of force.", nlp)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The agency placed 25 HR advisers in schools.", "hour"),
        ("Thieves cloned 60 ATM cards at the station.", "atmosphere"),
        ("The council elected 70 LM members in May.", "lumen"),
    ],
)
def test_upper_case_acronyms_are_no_units(text: str, unit: str, nlp) -> None:
    got = _read(text, nlp)
    assert got and all(u != unit for _, _, u in got)


def test_lower_case_short_units_still_read(nlp) -> None:
    assert _read("The drill ran for 6 hr without a break.", nlp)[0] == (6.0, None, "hour")
    assert (3.0, None, "atmosphere") in _read("The chamber was held at 3 atm.", nlp)
    assert (450.0, None, "lumen") in _read("Each bulb gives 450 lm of light.", nlp)


def test_hours_of_work_are_durations_not_clock_times(nlp) -> None:
    assert (1500.0, None, "hour") in _read("Students put in 1500 hours of tutoring this term.", nlp)
    assert (3000.0, None, "hour") in _read("Archivists sorted 3000 hours of tape.", nlp)
    assert _read("The border closes at 2300 hours tonight.", nlp) == []


def test_one_of_a_described_group_keeps_the_count(nlp) -> None:
    got = _read("She was one of four nurses injured in the blast.", nlp)
    assert (4.0, None, "nurse") in got and all(not u.startswith("%") for _, _, u in got)
    assert (0.2, None, "% bidder") in _read("Only one of five bidders met the deadline.", nlp)


def test_spaced_points_and_basis_points(nlp) -> None:
    assert (3.0, None, "percentage point") in _read("Turnout fell 3 pp to 61%.", nlp)
    assert _read("The bond yield rose 40 bp on Tuesday.", nlp)[0] == (40.0, None, "basis point")
    assert all(u != "basis point" for _, _, u in _read("Drivers queued at 9 BP garages.", nlp))


def test_ohm_symbols_in_either_case(nlp) -> None:
    assert _read("The coil measures 8 Ω.", nlp)[0] == (8.0, None, "ohm")
    assert _read("Use a 2.2 kΩ resistor.", nlp)[0] == (2.2, None, "kiloohm")
