"""Trigger coverage: noun classes, noun and verb forms, senses decided by the complement, dedup by act.

Every sentence is written for these tests; each test asserts the whole event set it should give.
"""

from __future__ import annotations

import pytest

from eventwire.stages.noun_classes import NounClasses
from eventwire.stages.triggers import TriggerLexicon

from .conftest import triples


def test_classes_include_other_classes_and_refuse_unknown_ones():
    classes = NounClasses({"classes": {"a": {"lemmas": ["tank"]}, "b": {"lemmas": ["jet"], "includes": ["a"]}}})
    assert classes.lemmas["b"] == frozenset({"tank", "jet"})
    with pytest.raises(ValueError, match="E094"):
        NounClasses({"classes": {"a": {"includes": ["missing"]}}})


def test_rules_may_name_only_known_classes():
    with pytest.raises(ValueError, match="E094"):
        TriggerLexicon({"types": {}, "triggers": [{"lemma": "send", "type": "AID", "objects": ["@nothing"]}]},
                       {"classes": {}})


def test_verb_entry_gives_its_noun_form():
    lex = TriggerLexicon({"types": {"REJECT": ["of"]}, "triggers": [
        {"lemma": "veto", "type": "REJECT", "cameo": "1241", "nouns": ["veto"]}]}, {"classes": {}})
    (rule,) = lex.rules[("veto", "NOUN")]
    assert (rule.type, rule.cameo, rule.targets) == ("REJECT", "1241", ("of",))



@pytest.mark.slow
@pytest.mark.parametrize("text,word,cls", [
    ("Kenya dispatched two battalions.", "battalions", "personnel"),
    ("Brazil sent air-defence batteries.", "batteries", "weapons"),
    ("Japan sent 40 aid trucks.", "trucks", "aid"),
    ("Japan pledged $5 million.", "million", "money"),
])
def test_noun_class_membership(nlp, text, word, cls):
    lex = TriggerLexicon.load()
    tok = next(t for t in nlp(text) if t.text == word)
    assert lex.classes.member(tok, cls)
    assert not lex.classes.member(tok, "diplomats")


@pytest.mark.slow
def test_unlisted_personnel_and_weapons(code):
    assert triples(code("Kenya dispatched two battalions toward Brazil.")) == {
        ("MOBILIZE", "KEN", "BRA", "asserted")}
    assert triples(code("Brazil sent air-defence batteries to Argentina.")) == {("AID", "BRA", "ARG", "asserted")}
    assert triples(code("Kenya sent warships toward Brazil.")) == {("MOBILIZE", "KEN", "BRA", "asserted")}


@pytest.mark.slow
def test_troops_sent_to_a_named_country_are_aid(code):
    assert triples(code("Kenya sent three battalions to Argentina.")) == {("AID", "KEN", "ARG", "asserted")}


@pytest.mark.slow
def test_noun_forms_of_verb_triggers(code):
    assert triples(code("Brazil's veto of the French plan surprised Kenya.")) == {("REJECT", "BRA", "FRA", "asserted")}
    assert triples(code("The looting by Kenyan protesters lasted two days.")) == {
        ("PROTEST", "KEN", "KEN", "asserted")}
    assert triples(code("Brazil imposed penalties on Argentine banks.")) == {("SANCTION", "BRA", "ARG", "asserted")}


@pytest.mark.slow
def test_call_takes_its_sense_from_the_complement(code):
    assert triples(code("Kenya called the Brazilian plan reckless.")) == {("ACCUSE", "KEN", "BRA", "asserted")}
    assert triples(code("Argentina called France a dependable partner.")) == {("SUPPORT", "ARG", "FRA", "asserted")}


@pytest.mark.slow
def test_offered_act_is_coded_planned(code):
    assert triples(code("Argentina offered to release the French sailors.")) == {
        ("RETREAT", "ARG", "FRA", "planned")}


@pytest.mark.slow
def test_act_coordinated_after_a_request_is_its_own(code):
    evs = code("Kenya urged its citizens to leave Brazil and halted flights to Brasilia.")
    assert [(e["event_type"], e["source"]["code"], e["target"]["code"], e["modality"]) for e in evs] == [
        ("REQUEST", "KEN", "KEN", "asserted"), ("SANCTION", "KEN", "BRA", "asserted")]


@pytest.mark.slow
def test_a_meeting_and_a_call_are_two_acts(code):
    evs = code("Japan met Kenya on Monday and telephoned Kenya on Monday.")
    assert sorted(e["trigger"]["text"] for e in evs) == ["met", "telephoned"]
    assert triples(evs) == {("CONSULT", "JPN", "KEN", "asserted")}


@pytest.mark.slow
def test_two_coordinated_verbs_of_one_act_are_one_event(code):
    evs = code("Japan struck Chinese bases on Monday and hit Chinese radars.")
    assert [(e["event_type"], e["trigger"]["text"]) for e in evs] == [("ASSAULT", "struck")]


@pytest.mark.slow
def test_visits_on_two_stated_dates_are_two_acts(code):
    evs = code("France will visit Kenya on May 3 and will visit Kenya again on June 9.")
    assert sorted(e["date"] for e in evs) == ["2025-05-03", "2025-06-09"]
    assert triples(evs) == {("CONSULT", "FRA", "KEN", "planned")}


@pytest.mark.slow
def test_light_verb_noun_keeps_its_modifier_condition(code):
    assert triples(code("Kenya held joint exercises with Brazil.")) == {("COOPERATE", "KEN", "BRA", "asserted")}
    assert triples(code("Kenya held military exercises near Brazil.")) == {("MOBILIZE", "KEN", "BRA", "asserted")}


@pytest.mark.slow
def test_missile_test_is_no_attack_unless_aimed(code):
    assert triples(code("Argentina said on Monday that Brazil had fired a cruise missile into the ocean.")) == {
        ("MOBILIZE", "BRA", "ARG", "asserted")}
    assert triples(code("Brazil fired missiles and drones at Argentine ports on Monday.")) == {
        ("ASSAULT", "BRA", "ARG", "asserted")}


@pytest.mark.slow
def test_postponed_visit_is_a_rejection_and_the_visit_negated(code):
    # PLOVER: the cancellation of a meeting is REJECT
    assert triples(code("Kenya postponed a visit to Brazil.")) == {
        ("REJECT", "KEN", "BRA", "asserted"), ("CONSULT", "KEN", "BRA", "negated")}
    assert triples(code("Japan cancelled a planned summit with France.")) == {
        ("REJECT", "JPN", "FRA", "asserted"), ("CONSULT", "JPN", "FRA", "negated")}


@pytest.mark.slow
def test_weapons_handed_over_without_recipient_are_a_disarmament(code):
    assert triples(code("Kenyan rebels handed over their weapons to Brazil.")) == {("AID", "KEN", "BRA", "asserted")}
    assert triples(code("Kenya said Argentine rebels would not hand over their weapons.")) == {
        ("RETREAT", "ARG", "ARG", "negated")}


@pytest.mark.slow
def test_mediating_is_the_event(code):
    assert triples(code("Kenya mediated a deal between Brazil and Argentina.")) == {
        ("CONSULT", "KEN", "BRA", "asserted"), ("CONSULT", "KEN", "ARG", "asserted")}


@pytest.mark.slow
def test_ordering_diplomats_out_is_an_expulsion(code):
    assert triples(code("Kenya ordered two French diplomats to leave the country.")) == {
        ("SANCTION", "KEN", "FRA", "asserted")}


@pytest.mark.parametrize("text", [
    "Brazilian stocks staged their strongest rally in a decade on Monday.",
    "Kenyan shares rose sharply as Brazilian growth beat forecasts, traders said.",
    "Japanese fans invaded the pitch after the final whistle.",
])
def test_markets_and_sport_name_no_actor(code, text):
    assert triples(code(text)) == set()


def test_an_inert_head_keeps_its_state_when_the_state_acts(code):
    assert triples(code("Japan banned imports of Brazilian beef on Monday.")) == {
        ("SANCTION", "JPN", "BRA", "asserted")}
