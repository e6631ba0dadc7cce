"""Noun phrases to actors: names, demonyms, capitals, titles by date, sector words, place-name guard."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors.mentions import NPResolver, TermMatcher
from eventwire.lang.en.words import words

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def resolve(nlp, test_kb):
    matcher = TermMatcher(test_kb, nlp)

    def run(text: str, head: str, on: str = "2025-03-01"):
        doc = nlp(text)
        res = NPResolver(test_kb, doc, matcher.matches(doc), date.fromisoformat(on))
        tok = next(t for t in doc if t.text == head)
        return res.resolve(tok)

    return run


def test_state_name_demonym_and_capital(resolve):
    assert resolve("Kenya protested.", "Kenya").actor.code == "KEN"
    r = resolve("Kenyan troops crossed the river.", "troops")
    assert (r.actor.code, r.actor.sector) == ("KEN", "MIL")
    assert resolve("Nairobi protested.", "Nairobi").actor.code == "KEN"


def test_possessor_gives_country(resolve):
    r = resolve("Brazil's foreign ministry protested.", "ministry")
    assert (r.actor.code, r.actor.sector) == ("BRA", "GOV")


def test_title_with_country_resolves_by_date(resolve):
    assert resolve("Kenya's prime minister spoke.", "minister", on="2024-01-10").actor.name == "Daniel Okafor"
    assert resolve("Kenya's prime minister spoke.", "minister", on="2025-01-10").actor.name == "Grace Mwangi"


def test_bare_title_is_left_for_coreference(resolve):
    r = resolve("The president spoke.", "president")
    assert r.actor.code is None and r.title == "head_of_state"


def test_person_by_surname(resolve):
    r = resolve("Rivera spoke.", "Rivera")
    assert (r.actor.code, r.actor.name) == ("ARG", "Lucia Rivera")


def test_country_inside_a_longer_place_name_is_not_the_country(nlp, test_kb):
    from spacy.tokens import Span

    matcher = TermMatcher(test_kb, nlp)
    doc = nlp.make_doc("Officials in Kenya Harbour met Brazil.")
    doc.ents = [Span(doc, 2, 4, label="GPE")]  # "Kenya Harbour", a place of its own
    names = [doc[m.start:m.end].text for m in matcher.matches(doc)]
    assert "Kenya" not in names and "Brazil" in names


def test_plural_demonym(resolve):
    assert resolve("Kenyans protested.", "Kenyans").actor.code == "KEN"


def test_sponsor_named_in_a_participle_is_not_the_groups_country(nlp, test_kb):
    doc = nlp("Kenyan officials said Brazil-backed rebels attacked a convoy near the border.")
    res = NPResolver(test_kb, doc, TermMatcher(test_kb, nlp).matches(doc), date(2025, 3, 1),
                     sponsors=words("sponsor_participles"))
    r = res.resolve(next(t for t in doc if t.text == "rebels"))
    assert (r.actor.code, r.actor.sector, r.text) == (None, "REB", "Brazil-backed rebels")


def test_of_two_people_with_one_name_the_one_in_office_that_day(nlp):
    from eventwire.knowledge.actors import ActorKB, parse_entries

    from .conftest import KB_YAML

    kb = ActorKB(parse_entries(KB_YAML + """
- {id: t/p/elder-halvorsen, kind: person, code: KEN, name: Elder Halvorsen, sector: POL, terms: [Halvorsen],
   offices: [{office: head_of_state, title: president, start: 1990-01-01, end: 1998-01-01}]}
- {id: t/p/younger-halvorsen, kind: person, code: KEN, name: Younger Halvorsen, sector: POL, terms: [Halvorsen],
   offices: [{office: head_of_state, title: president, start: 2004-01-01, end: 2012-01-01}]}
""", "test"))
    matcher = TermMatcher(kb, nlp, cache=False)
    doc = nlp("Halvorsen criticised France.")
    head = doc[0]
    for on, name in (("1995-05-01", "Elder Halvorsen"), ("2008-05-01", "Younger Halvorsen")):
        r = NPResolver(kb, doc, matcher.matches(doc), date.fromisoformat(on)).resolve(head)
        assert (r.actor.name, r.actor.code, r.actor.office) == (name, "KEN", "head_of_state")
