"""Counts with their counted noun and qualifier (events/quantities.py)."""

from __future__ import annotations

from sitrep.events.quantities import find_counts, find_quantities


def _one(text: str):
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


def test_quantities_more_after_number():
    q = _one("Washington is sending 3,000 more troops.")
    assert (q.value, q.unit, q.qualifier, q.text) == (3000, "troops", "more", "3,000 more troops")


def test_quantities_more_than_skips_demonym():
    q = _one("a buildup of more than 60,000 Belarusian soldiers")
    assert (q.value, q.unit, q.qualifier, q.low) == (60000, "soldiers", "more than", 60000)


def test_quantities_about_and_country_modifier():
    q = _one("about 4,200 U.S. troops were placed on standby")
    assert (q.value, q.unit, q.qualifier) == (4200, "troops", "about")


def test_quantities_up_to():
    q = _one("up to 30,000 personnel could be deployed")
    assert (q.value, q.qualifier, q.high) == (30000, "up to", 30000)


def test_quantities_thousands_of_is_vague_range():
    q = _one("thousands of marines landed")
    assert q.value is None and q.unit == "marines" and q.qualifier == "thousands"
    assert q.low == 1000 and q.high is not None and q.high > q.low


def test_quantities_number_words_and_ranges():
    assert (_one("two brigades moved north").value, _one("two brigades moved north").unit) == (2, "brigades")
    q = _one("between 400 and 600 tanks")
    assert (q.value, q.low, q.high) == (None, 400, 600)


def test_quantities_offsets_point_into_the_body():
    body = "Intro text. Then 1,200 troops left from the port."
    q = find_quantities(body[12:], offset=12)[0]
    assert body[q.span[0] : q.span[1]] == "1,200 troops"


def test_quantities_years_and_bare_numbers_are_not_counts():
    assert find_counts("In 2021 the plan had 3 stages.") == []  # "stages" is no troop-like noun
    found = find_quantities("In 2021 the plan had 3 stages.")  # the general reader adds it; the year stays out
    assert [(q.value, q.unit, q.text) for q in found] == [(3.0, "stage", "3 stages")]


def test_find_quantities_adds_money_and_percent_after_the_counts():
    text = "The alliance sent 1,500 more troops and $2 billion, up 12% on last year."
    got = [(q.value, q.unit, q.qualifier, q.low, q.high) for q in find_quantities(text, offset=5)]
    assert got == [(1500.0, "troops", "more", None, None), (2e9, "dollar", None, None, None),
                   (12.0, "percentage", "increase", None, None)]
    spans = [q.span for q in find_quantities(text, offset=5)]
    assert text[spans[1][0] - 5 : spans[1][1] - 5] == "$2 billion"


def test_find_quantities_ranges_and_bounds_from_the_general_reader():
    found = find_quantities("Convoys of between 40 and 60 trucks carried no more than 300 tonnes of grain.")
    assert [(q.value, q.unit, q.low, q.high) for q in found] == [(None, "truck", 40.0, 60.0), (300.0, "metric ton", None, 300.0)]


def test_extract_quantities_money_percent_range_and_change() -> None:
    from sitrep.events.quantities import extract_quantities

    found = extract_quantities("Exports fell 3.5% to $2.1 billion, and between 40 and 60 trucks waited about 12 hours.")
    got = [(q.value, q.high, q.unit, q.change) for q in found]
    assert (3.5, None, "percentage", "down") in got
    assert (2.1e9, None, "dollar", "=") in got
    assert (40.0, 60.0, "truck", "=") in got
    assert (12.0, None, "hour", "~") in got


def test_extract_quantities_skips_years_dates_and_names() -> None:
    from sitrep.events.quantities import extract_quantities

    assert extract_quantities("In 2021 the Model 3 sold well on March 4 at 10:30.") == []


def test_extract_quantities_vague_counts_are_ranges() -> None:
    from sitrep.events.quantities import extract_quantities

    q = extract_quantities("Tens of thousands of people marched in the capital.")[0]
    assert (q.value, q.high, q.unit) == (10000.0, 100000.0, "people")


def test_model_designators_are_names_not_counts():
    from sitrep.events.quantities import find_quantities

    found = find_quantities("Norway is sending six F-35 jets and two MiG-29 fighters to Iceland.")
    assert [(q.text, q.value) for q in found] == [("six F-35 jets", 6.0), ("two MiG-29 fighters", 2.0)]
    assert not find_quantities("Greece bought S-300 systems from Cyprus.")
