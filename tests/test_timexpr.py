"""Time expressions without a parse: patterns, calendar arithmetic and precision (`eventwire.timexpr`)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.timexpr import OPEN, Context, absolute, count_from, fmt, number, precision, scan, shift, widen_month

PUB = date(2025, 3, 12)  # a Wednesday


def only(text: str):
    found = scan(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text,name,words,direction,value", [
    ("The ministers met on Monday.", "wd", "on Monday", "past", (date(2025, 3, 10), date(2025, 3, 10))),
    ("The ministers meet on Monday.", "wd", "on Monday", "future", (date(2025, 3, 17), date(2025, 3, 17))),
    ("Talks resumed on 4 March 2025.", "dmy", "4 March 2025", "past", (date(2025, 3, 4), date(2025, 3, 4))),
    ("The vote was held in June.", "mon", "June", "past", (date(2024, 6, 1), date(2024, 6, 30))),
    ("The vote will be held in June.", "mon", "June", "future", (date(2025, 6, 1), date(2025, 6, 30))),
    ("The summit ends next week.", "period", "next week", "future", (date(2025, 3, 17), date(2025, 3, 23))),
    ("Officials spoke on 2024-11-05.", "iso", "2024-11-05", "past", (date(2024, 11, 5), date(2024, 11, 5))),
])
def test_absolute_expressions(text, name, words, direction, value):
    m = only(text)
    assert (m.name, text[m.start:m.end]) == (name, words)
    assert absolute(m, Context(PUB, direction)) == value


def test_an_impossible_date_is_none():
    assert absolute(only("Officials spoke on 2024-02-30."), Context(PUB, "past")) is None


def test_a_date_without_year_needs_the_publication_date():
    assert absolute(only("Talks resumed on 4 March."), Context(None, "past")) is None


def test_anchored_expressions_need_a_base():
    later = only("Troops withdrew two days later.")
    following = only("Rain fell the following day.")
    assert absolute(later, Context(PUB, "past")) is None
    assert absolute(following, Context(PUB, "past")) is None
    base = (date(2025, 3, 1), date(2025, 3, 1))
    assert count_from(later, base, 12.0) == (date(2025, 3, 3), date(2025, 3, 3))
    assert count_from(following, base, 12.0) == (date(2025, 3, 2), date(2025, 3, 2))


def test_no_expression_no_match():
    assert scan("The ministers signed the accord.") == ()


def test_since_a_month_names_that_month():
    # the open range itself ("since") is decided by the date stage, which sees the preposition in the parse
    found = [absolute(m, Context(PUB, "past")) for m in scan("Prices have risen since December.")]
    assert found == [(date(2024, 12, 1), date(2024, 12, 31))]
    assert found[0] is not OPEN


def test_precision_and_format():
    assert precision((date(2025, 3, 4), date(2025, 3, 4))) == "day"
    assert precision((date(2025, 3, 1), date(2025, 3, 31))) == "month"
    assert precision((date(2025, 3, 28), date(2025, 4, 2))) == "year"
    assert fmt((date(2025, 3, 1), date(2025, 3, 31))) == ("2025-03", "month")
    assert fmt((date(2025, 1, 1), date(2025, 12, 31))) == ("2025", "year")


def test_calendar_arithmetic():
    assert shift((date(2025, 2, 27), date(2025, 2, 28)), 2) == (date(2025, 3, 1), date(2025, 3, 2))
    assert widen_month((date(2025, 3, 10), date(2025, 3, 12))) == (date(2025, 3, 1), date(2025, 3, 31))


@pytest.mark.parametrize("text,n", [("about three", 3), ("12", 12), ("a", 1), (None, None), ("several", 4),
                                    ("a few", 3), ("elections", None)])
def test_number_words(text, n):
    assert number(text) == n
