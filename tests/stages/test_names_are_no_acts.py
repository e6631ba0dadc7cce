"""A capitalised word of an actor's name is no trigger ("the Asia-Pacific Economic Cooperation forum")."""

from __future__ import annotations

import pytest

from eventwire.coder import Coder
from eventwire.records import Document

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def full():
    return Coder()  # the shipped knowledge base, which names the forum


def _triples(coder, text):
    return {(e.event_type, e.source.actor.code, e.target.actor.code if e.target else None, e.modality)
            for e in coder.code(Document("t", text, None))}


def test_a_word_of_a_bodys_name_is_no_act(full):
    assert _triples(full, "China hosted the Asia-Pacific Economic Cooperation summit in Beijing.") == {
        ("CONSULT", "CHN", None, "asserted")}  # the summit, not the cooperation of its name
    # the same word outside a name is an act
    assert _triples(full, "China and Japan expanded their economic cooperation.") == {
        ("COOPERATE", "CHN", "JPN", "asserted")}
