"""The trigger lexicon: data loads, rules pick the most specific reading."""

from __future__ import annotations

import pytest

from eventwire.records import EVENT_TYPES
from eventwire.stages.triggers import TriggerLexicon


def test_lexicon_loads_and_covers_every_type():
    lex = TriggerLexicon.load()
    types = {r.type for rules in lex.rules.values() for r in rules}
    assert types == set(EVENT_TYPES)
    assert set(lex.type_targets) == set(EVENT_TYPES)


def test_bare_yaml_booleans_are_refused():
    with pytest.raises(ValueError, match="E094"):
        TriggerLexicon({"types": {"AGREE": [True]}, "triggers": []})


def test_unknown_type_is_refused():
    with pytest.raises(ValueError, match="E094"):
        TriggerLexicon({"types": {}, "triggers": [{"lemma": "x", "type": "NOPE"}]})


@pytest.mark.slow
@pytest.mark.parametrize("text,word,etype", [
    ("Kenya imposed tariffs on Brazil.", "imposed", "SANCTION"),
    ("Kenya imposed a curfew on the capital.", "imposed", "COERCE"),
    ("Kenya called on France to act.", "called", "REQUEST"),
    ("The union called off the strike.", "called", "CONCEDE"),
    ("Troops carried out airstrikes.", "carried", "ASSAULT"),
    ("Kenya released the prisoners.", "released", "RETREAT"),
])
def test_most_specific_rule(nlp, text, word, etype):
    lex = TriggerLexicon.load()
    tok = next(t for t in nlp(text) if t.text == word)
    trig = lex.find(tok) or lex.light_noun(tok)
    assert trig is not None and trig.rule.type == etype


@pytest.mark.slow
def test_light_verb_hands_over_to_its_noun(nlp):
    lex = TriggerLexicon.load()
    tok = next(t for t in nlp("The ministers held talks in Geneva.") if t.text == "held")
    trig = lex.light_noun(tok)
    assert trig is not None and trig.rule.type == "CONSULT" and trig.token.text == "talks"


def test_yields_to_light_is_read_from_the_entry():
    lex = TriggerLexicon({"types": {"AGREE": ["with"]}, "triggers": [
        {"lemma": "pledge", "type": "AGREE", "prt": "to", "yields_to_content": True, "yields_to_light": True},
        {"lemma": "offer", "type": "AGREE", "prt": "to", "yields_to_content": True}]}, {"classes": {}})
    assert [r.yields_to_light for r in lex.rules[("pledge", "VERB")] + lex.rules[("offer", "VERB")]] == [True, False]


def test_generic_rule_keeps_the_word_and_its_modality_and_takes_the_type_targets():
    lex = TriggerLexicon({
        "types": {"CONSULT": ["with"], "AGREE": ["with", "to"]},
        "triggers": [{"lemma": "pledge", "type": "AGREE", "modality": "planned", "objects": ["aid"], "self": True},
                     {"lemma": "talks", "pos": "NOUN", "type": "CONSULT"}],
    })
    pledge = lex.rules[("pledge", "VERB")][0]
    g = lex.generic_rule(pledge, "CONSULT")
    assert (g.lemma, g.pos, g.type, g.targets, g.modality, g.objects, g.self_target) == \
        ("pledge", "VERB", "CONSULT", ("with",), "planned", frozenset(), False)
    noun = lex.generic_rule(lex.rules[("talks", "NOUN")][0], "AGREE")
    assert (noun.type, noun.targets) == ("AGREE", ("with", "to", "of"))
