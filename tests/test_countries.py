"""Country lookup: names, aliases and codes, but never an ordinary short word."""

import pytest

from sitrep.countries import country_code, demonym_code


@pytest.mark.parametrize("text,code", [("Peru", "PE"), ("the United States", "US"), ("U.S.", "US"),
                                       ("UK", "GB"), ("USA", "US"), ("IRN", "IR"), ("Chad", "TD")])
def test_names_aliases_and_upper_case_codes(text, code):
    assert country_code(text) == code


@pytest.mark.parametrize("word", ["to", "in", "us", "is", "be", "no", "me", "at", "by", "u.s."])
def test_short_lower_case_words_are_not_countries(word):
    assert country_code(word) is None


def test_demonym():
    assert demonym_code("Turkish") == "TR"


@pytest.mark.parametrize("text,code", [("Chisinau", "MD"), ("Belgrade", "RS"), ("Yerevan", "AM")])
def test_capitals_stand_for_their_country(text, code):
    assert country_code(text) == code


@pytest.mark.parametrize("text", ["Victoria", "Kingston", "Male"])
def test_capitals_that_are_common_names_do_not(text):
    assert country_code(text) is None
