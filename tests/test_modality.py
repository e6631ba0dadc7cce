"""Modality from the parse: each case a sentence written for the test."""

from __future__ import annotations

import pytest

from eventwire.stages.modality import ModalityLexicon, classify

from .conftest import triples

pytestmark = pytest.mark.slow

CASES = [
    ("Kenya condemned the decision.", "condemned", "asserted"),
    ("Kenya did not condemn the decision.", "condemn", "negated"),
    ("Kenya declined to condemn the decision.", "condemn", "negated"),
    ("Kenya failed to reach a deal.", "reach", "negated"),
    ("Kenya refrained from criticising the decision.", "criticising", "negated"),
    ("Kenya will host the talks.", "host", "planned"),
    ("Kenya plans to visit Paris in April.", "visit", "planned"),
    ("Kenya is expected to sign the accord.", "sign", "planned"),
    ("Officials said Kenya would send troops.", "send", "planned"),
    ("Kenya may impose sanctions.", "impose", "hypothetical"),
    ("Kenya could retaliate against France.", "retaliate", "hypothetical"),
    ("If talks fail, Kenya would impose sanctions.", "impose", "hypothetical"),
    ("Kenya is unlikely to extradite him.", "extradite", "hypothetical"),
    # the condition belongs to what is reported, not to the report
    ("If Chile refused, Argentina warned, Brazil would impose new sanctions.", "warned", "asserted"),
    ("If Chile refused, Argentina warned, Brazil would impose new sanctions.", "impose", "hypothetical"),
    # a past participle on a noun is a done act, whatever the noun is
    ("The plan, agreed by Kenya and Japan in May, allows more exports.", "agreed", "asserted"),
    ("Kenya unveiled a plan to withdraw its troops.", "withdraw", "planned"),
    # a perfect participle reports what was done, whatever its governor plans
    ("Kenya will expand its role, having already sent troops to Somalia.", "sent", "asserted"),
    # a present participle on a text is what the text does: the verb that issues it governs
    ("France signed an order lifting sanctions on Kenya.", "lifting", "asserted"),
    ("France could sign an order lifting sanctions on Kenya.", "lifting", "hypothetical"),
    # a verb the parser hangs on a reported clause is coordinated with the report
    ("Kenya said the plan had not been discussed and urged France to wait.", "urged", "asserted"),
]


@pytest.mark.parametrize("text,word,expected", CASES)
def test_modality(nlp, text, word, expected):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert classify(tok, ModalityLexicon.load()) == expected


def test_no_determiner_negates(nlp):
    doc = nlp("Police made no arrests.")
    tok = next(t for t in doc if t.text == "made")
    assert classify(tok, ModalityLexicon.load()) == "negated"


def test_inherent_modality_of_a_pledge(nlp):
    doc = nlp("Japan pledged new aid.")
    tok = next(t for t in doc if t.text == "pledged")
    assert classify(tok, ModalityLexicon.load(), inherent="planned") == "planned"
    doc = nlp("Japan did not pledge new aid.")
    tok = next(t for t in doc if t.text == "pledge")
    assert classify(tok, ModalityLexicon.load(), inherent="planned") == "negated"


def test_a_noun_act_under_a_planning_light_verb_is_planned(code):

    assert triples(code("Japan proposed talks with Kenya on Monday.")) == {("CONSULT", "JPN", "KEN", "planned")}
    assert triples(code("France scheduled a visit to Kenya for next month.")) == {("CONSULT", "FRA", "KEN", "planned")}
    # a light verb that plans nothing leaves the act asserted
    assert triples(code("Japan and Kenya held talks on Monday.")) == {("CONSULT", "JPN", "KEN", "asserted")}


@pytest.mark.parametrize("text", [
    "Brazil should help Argentina find other suppliers.",
    "Brazil ought to send aid to Argentina.",
])
def test_the_writers_advice_is_no_event(code, text):
    assert code(text) == []


@pytest.mark.parametrize("text", [
    "Kenya said Brazil should send aid to Argentina.",
    "Kenya said Brazil ought to send aid to Argentina.",
])
def test_an_actor_saying_another_should_act_is_a_demand(code, text):
    assert triples(code(text)) == {("REQUEST", "KEN", "BRA", "asserted")}


def test_the_writers_supposition_under_advice_stays_hypothetical(code):
    assert triples(code("If Kenya attacks Brazil, Argentina should respond.")) == {
        ("ASSAULT", "KEN", "BRA", "hypothetical")}
