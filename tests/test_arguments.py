"""Arguments: coordinated modifiers and sponsor participles (sentences written for these tests)."""

from __future__ import annotations

import pytest

from .conftest import triples

pytestmark = pytest.mark.slow


def test_coordinated_modifiers_give_one_source_each(code):
    evs = code("Brazilian and Argentine fighter jets shot down Kenyan drones.")
    assert triples(evs) == {("ASSAULT", "BRA", "KEN", "asserted"), ("ASSAULT", "ARG", "KEN", "asserted")}
    assert {e["source"]["sector"] for e in evs} == {"MIL"}


def test_coordinated_modifiers_of_one_group_meet_each_other(code):
    evs = code("Japanese and French diplomats met in Nairobi on Monday.")
    assert triples(evs) == {("CONSULT", "JPN", "FRA", "asserted")}


def test_coordinated_modifiers_of_a_target(code):
    evs = code("Kenya criticised American and Chinese officials.")
    assert triples(evs) == {("ACCUSE", "KEN", "USA", "asserted"), ("ACCUSE", "KEN", "CHN", "asserted")}


def test_sponsor_named_in_a_participle_is_not_the_groups_country(code):
    evs = code("Kenyan officials said Brazil-backed rebels attacked a convoy near the border.")
    assert triples(evs) == {("ASSAULT", "KEN", "KEN", "asserted")}
    assert (evs[0]["source"]["text"], evs[0]["source"]["sector"]) == ("Brazil-backed rebels", "REB")
