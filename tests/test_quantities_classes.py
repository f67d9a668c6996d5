"""extract_quantities on error classes fixed in round four: written numbers, fractions, ranges,
signed numbers, non-quantities, change cues and the parse's counted noun. Sentences written for sitrep."""

from __future__ import annotations

import pytest

from sitrep.events.quantities import extract_quantities


def _values(text: str, parse=None) -> list[tuple[float, float | None]]:
    return [(round(m.value, 4), m.high) for m in extract_quantities(text, parse)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The town hired forty-seven teachers.", 47.0),
        ("The college has nine thousand four hundred twelve students.", 9412.0),
        ("They counted three hundred and six ballots.", 306.0),
        ("The bakery sold a dozen pies.", 12.0),
        ("The region will get 1.5 million doses.", 1_500_000.0),
    ],
)
def test_written_numbers(text: str, value: float) -> None:
    assert _values(text)[0] == (value, None)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Nearly two-thirds of the voters stayed home.", 0.6667),
        ("A third of the crew fell ill.", 0.3333),
        ("One out of four drivers ignored the sign.", 0.25),
        ("Half the shops were shut by noon.", 0.5),
        ("Add 3/4 cup of sugar.", 0.75),
    ],
)
def test_fractions(text: str, value: float) -> None:
    assert _values(text)[0][0] == value


def test_first_half_is_no_fraction() -> None:
    assert _values("He scored twice in the first half of the match.") == []


def test_ranges_with_repeated_unit_and_falling_from_to() -> None:
    assert _values("Analysts expect a 3% to 6% gain.") == [(3.0, 6.0)]
    assert _values("His weight went from 190 pounds to 172 over the winter.") == [(190.0, 172.0)]


def test_signed_numbers_are_negative_and_fall() -> None:
    found = extract_quantities("Markets: Nikkei -2.1% Hang Seng -0.4%.")
    assert [m.value for m in found] == [-2.1, -0.4]
    assert {m.change for m in found} == {"down"}
    assert extract_quantities("The offense finished with minus-7 yards.")[0].value == -7.0


def test_years_with_a_comma_and_ids_are_not_quantities() -> None:
    assert _values("In 2017, the mayor resigned.") == []
    assert _values("Call 555-0142 after Section 12 closes.") == []


def test_up_to_is_at_most_not_a_rise() -> None:
    assert extract_quantities("The ferry carries up to 300 passengers.")[0].change == "<"
    assert extract_quantities("Sales rose 4% in May.")[0].change == "up"
    assert extract_quantities("Exports fell by 12 percent.")[0].change == "down"


def test_leading_decimal_point() -> None:
    assert _values("The error rate dropped to .02 percent.") == [(0.02, None)]


def test_parse_gives_the_counted_noun_after_capitalised_words(nlp) -> None:
    text = "The coach has won four Gold Cup finals."
    assert _values(text) == []  # no lower-case noun right after the number
    found = extract_quantities(text, nlp(text))
    assert [(m.value, m.unit) for m in found] == [(4.0, "final")]
