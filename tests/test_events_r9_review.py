"""Round 9, after review of the events changes: labour strikes and cyber attacks are no air
strikes, physical targets of a weapon are attacks, armed subjects attack physically, a batch of
prisoners is prisoners. Sentences written for sitrep."""

from __future__ import annotations

import pytest

from actor_helpers import run_stages


def _events(make_ctx, text: str):
    return run_stages(make_ctx, text).events


@pytest.mark.parametrize("text", [
    "A nationwide strike hit the port of Antwerp on Tuesday.",
    "Rail strikes hit northern Italy for a third day.",
    "A cyber attack hit the tax office's computer systems in Tallinn.",
    "The city council was hit by a ransomware attack.",
])
def test_labour_strikes_and_cyber_attacks_are_no_assault(make_ctx, text):
    assert not [e for e in _events(make_ctx, text) if e.category == "ASSAULT"]


@pytest.mark.parametrize("text", [
    "A Russian missile hit a grain factory in Odesa.",
    "Ukrainian drones hit a refinery plant in Saratov.",
    "Ukraine hit Russia's gas industry with long-range drones.",
])
def test_a_weapon_hitting_a_physical_target_is_an_assault(make_ctx, text):
    assert [e.category for e in _events(make_ctx, text)][:1] == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "Israeli jets attacked the group's leadership in Beirut.",
    "Masked gunmen attacked opponents of the mayor in Culiacan.",
])
def test_armed_subjects_attack_physically(make_ctx, text):
    cats = [e.category for e in _events(make_ctx, text)]
    assert "ASSAULT" in cats and "ACCUSE" not in cats


def test_a_verbal_attack_on_a_budget_stays_an_accusation(make_ctx):
    assert [e.category for e in _events(make_ctx, "The senator launched a blistering attack on the budget.")] == ["ACCUSE"]


@pytest.mark.parametrize("text", [
    "Israel released the latest batch of Palestinian prisoners on Thursday.",
    "The rebels released a new group of hostages near Goma.",
])
def test_a_new_batch_of_prisoners_is_still_a_release(make_ctx, text):
    assert [e.category for e in _events(make_ctx, text)] == ["CONCEDE"]


def test_a_new_product_released_is_still_no_event(make_ctx):
    assert _events(make_ctx, "The carmaker released its latest electric model on Friday.") == []
