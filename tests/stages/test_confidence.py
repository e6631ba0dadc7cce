"""The confidence the coding stage gives each event: an act reported inside another act's clause ranks below it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _ranked(events: list[dict]) -> list[tuple]:
    return [(e["event_type"], e["source"]["code"], e["target"]["code"], round(e["confidence"], 2))
            for e in sorted(events, key=lambda e: -e["confidence"])]


def test_an_act_in_an_adverbial_clause_ranks_below_the_act_it_explains(code):
    # both fully named: without the penalty both would score 0.85 and tie
    assert _ranked(code("Japan condemned Brazil after Brazilian troops attacked the Japanese embassy.")) == [
        ("ACCUSE", "JPN", "BRA", 0.85), ("ASSAULT", "BRA", "JPN", 0.7)]


def test_the_act_a_measure_answers_ranks_below_the_measure(code):
    assert _ranked(code("Kenya recalled its ambassador from France after French police arrested two Kenyan "
                        "diplomats.")) == [("SANCTION", "KEN", "FRA", 0.95), ("COERCE", "FRA", "KEN", 0.7)]


def test_coordinated_acts_rank_level(code):
    assert _ranked(code("Japan condemned Brazil and criticised Argentina.")) == [
        ("ACCUSE", "JPN", "BRA", 0.85), ("ACCUSE", "JPN", "ARG", 0.85)]
