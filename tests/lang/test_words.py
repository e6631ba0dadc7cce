"""The English word lists in `lang/en/words.yaml`."""

from __future__ import annotations

import pytest

from eventwire.lang.en import words
from eventwire.lang.en.clauses import REFUSAL_VERBS


def test_a_list_is_a_frozen_set_of_words():
    assert words("refusal_verbs") == frozenset({"refuse", "decline", "reject"})
    assert REFUSAL_VERBS is words("refusal_verbs")


def test_an_unknown_list_is_named_in_the_error():
    with pytest.raises(KeyError, match=r"\[E033\] lang/en/words.yaml has no list 'colours'"):
        words("colours")
