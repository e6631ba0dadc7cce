"""Trigger words and argument forms of wire reports, end to end on sentences written for these tests."""

from __future__ import annotations

import pytest

from .conftest import triples

pytestmark = pytest.mark.slow


def test_returning_property_to_its_owner_is_a_retreat(code):
    assert triples(code("Japan returned three stolen statues to Kenya on Monday.")) == {
        ("RETREAT", "JPN", "KEN", "asserted")}
    assert triples(code("France returned to Brazil a collection of old manuscripts.")) == {
        ("RETREAT", "FRA", "BRA", "asserted")}
