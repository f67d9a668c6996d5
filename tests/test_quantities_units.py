"""extract_quantities, round six: unit names for temperature, length, area, mass and money;
metres written "m"; ages read from the words before a number; a bare number before a verb; and
the shared-unit pass (``events.ellipsis``). Sentences written for sitrep."""

from __future__ import annotations

import pytest

from sitrep.events.ellipsis import share_units
from sitrep.events.measures import Measure
from sitrep.events.quantities import extract_quantities


def _first(text: str, parse=None) -> tuple[float, float | None, str]:
    m = extract_quantities(text, parse)[0]
    return round(m.value, 4), m.high, m.unit


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The pool was warmed to 28 degrees Celsius overnight.", 28.0, "celsius"),
        ("The gauge read 41 deg c at noon.", 41.0, "celsius"),
        ("The lab keeps samples at 4 degrees centigrade.", 4.0, "celsius"),
        ("The kettle cooled to 60℃ within minutes.", 60.0, "celsius"),
        ("A nurse noted 99.1 degrees F on the chart.", 99.1, "fahrenheit"),
        ("The freezer holds a steady 250 kelvin.", 250.0, "kelvin"),
        ("The slope rises at 12° near the top.", 12.0, "degree"),
    ],
)
def test_temperature_names(text: str, value: float, unit: str) -> None:
    assert _first(text) == (value, None, unit)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The new mast stands 140 m tall over the harbour.", 140.0, "metre"),
        ("A 52m-long barge ran aground.", 52.0, "metre"),
        ("Crews raised a 37m (121ft) crane beside the hall.", 37.0, "metre"),
        ("She set a record in the 400m hurdles on Friday.", 400.0, "metre"),
        ("The ridge is 2,900 sq km of forest.", 2900.0, "square kilometre"),
        ("The lake covers 48 km2 in the dry season.", 48.0, "square kilometre"),
        ("The vineyard spans 35 ha on the hillside.", 35.0, "hectare"),
        ("The tablet has a 10.9in screen.", 10.9, "inch"),
        ("The ferry was 9 nautical miles from port.", 9.0, "nautical mile"),
        ("The mill ships 800 metric tonnes of flour.", 800.0, "metric ton"),
        ("The new foundry uses a 5nm process.", 5.0, "nanometre"),
    ],
)
def test_dimension_names(text: str, value: float, unit: str) -> None:
    assert _first(text) == (value, None, unit)


def test_glued_m_stays_million_for_money_and_counts() -> None:
    assert _first("The club paid $37m (£30m) for the striker.") == (37_000_000.0, None, "dollar")
    assert extract_quantities("Some 35m people watched the final.")[0].value == 35_000_000.0
    assert _first("The bank lent $2m long-term to the farm.") == (2_000_000.0, None, "dollar")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The painter was fined 900 pounds sterling.", 900.0, "pound sterling"),
        ("The bike cost 300 British pounds.", 300.0, "pound sterling"),
        ("He owed his cousin 40 bucks.", 40.0, "dollar"),
        ("The watch sold for 8,000 Singapore dollars.", 8000.0, "singaporean dollar"),
        ("The ferry ticket is ₹450 one way.", 450.0, "indian rupee"),
        ("The studio was priced at CHF 2 million.", 2_000_000.0, "swiss franc"),
        ("The farm earned 5 million reais last season.", 5_000_000.0, "brazilian real"),
        ("Bus fares rose to 4 zlotys.", 4.0, "polish zloty"),
    ],
)
def test_currency_names(text: str, value: float, unit: str) -> None:
    assert _first(text) == (value, None, unit)


@pytest.mark.parametrize(
    ("text", "value", "high"),
    [
        ("The driver, aged 61, was unhurt.", 61.0, None),
        ("The poet died at the age of 93 in her home town.", 93.0, None),
        ("The survey asked people between the ages of 18 and 29 about rent.", 18.0, 29.0),
        ("Workers aged 50 to 64 were offered training.", 50.0, 64.0),
    ],
)
def test_ages(text: str, value: float, high: float | None) -> None:
    assert _first(text) == (value, high, "year of age")


def test_age_with_time_unit() -> None:
    assert _first("Foals aged 6 months were sold first.") == (6.0, None, "month of age")


def test_rate_not_read_from_a_time_reference() -> None:
    units = [m.unit for m in extract_quantities("Profit rose to $4.1 billion from $3.9 billion a year earlier.")]
    assert units == ["dollar", "dollar"]


def test_from_up_to_range_with_the_unit_twice() -> None:
    assert _first("Cabins range from 300 sq ft up to 650 sq ft on the upper deck.") == (300.0, 650.0, "square foot")


def test_bare_number_before_a_verb_is_a_value(nlp) -> None:
    text = "Life expectancy in the valley is around 79 leaving many retirees worried."
    found = extract_quantities(text, nlp(text))
    assert [(m.value, m.unit) for m in found] == [(79.0, "-")]


def test_out_of_ten_is_no_bare_value(nlp) -> None:
    text = "About seven out of 10 said the plan would not matter."
    assert all(m.value != 10.0 for m in extract_quantities(text, nlp(text)))


def test_share_units_gives_a_bare_number_the_earlier_unit() -> None:
    text = "Sales reached 4.2 million phones, up from 3.1 million."
    found = [Measure(4_200_000.0, None, "phone", "=", 14, 32, text[14:32]), Measure(3_100_000.0, None, "-", "up", 42, 53, text[42:53])]
    assert [m.unit for m in share_units(text, found)] == ["phone", "phone"]


def test_share_units_stops_at_a_clause_break() -> None:
    text = "Sales reached 4.2 million phones; 3.1 million were sold"
    found = [Measure(4_200_000.0, None, "phone", "=", 14, 32, text[14:32]), Measure(3_100_000.0, None, "-", "=", 34, 45, text[34:45])]
    assert share_units(text, found)[1].unit == "-"
