"""Parse cues of a candidate trigger word (lang/en/cues.py), on parses built by hand: no statistical model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from eventwire.lang.en import cues
from eventwire.stages.triggers import TriggerLexicon

_EN = spacy.blank("en").vocab


def _doc() -> Doc:
    # "Chile did not impose new tariffs on Peru ."
    return Doc(_EN, words=["Chile", "did", "not", "impose", "new", "tariffs", "on", "Peru", "."],
               heads=[3, 3, 3, 3, 5, 3, 3, 6, 3],
               deps=["nsubj", "aux", "neg", "ROOT", "amod", "dobj", "prep", "pobj", "punct"],
               pos=["PROPN", "AUX", "PART", "VERB", "ADJ", "NOUN", "ADP", "PROPN", "PUNCT"],
               tags=["NNP", "VBD", "RB", "VB", "JJ", "NNS", "IN", "NNP", "."],
               lemmas=["Chile", "do", "not", "impose", "new", "tariff", "on", "Peru", "."])


def test_cues_name_the_word_its_arguments_and_the_lexicon_type():
    doc = _doc()
    lex = TriggerLexicon.load()
    states = {"Chile", "Peru"}
    got = cues.cues(doc[3], lex, lambda t: t.text in states, "SANCTION")
    assert got == [
        "lemma=impose", "pos=V", "tag=VB", "dep=ROOT", "lex=SANCTION", "lemma+lex=impose|SANCTION", "head=impose",
        "light",
        "subj=chile", "subj:actor",
        "obj=tariff", "obj:class=act_reference", "obj:class=restriction", "lemma+obj=impose|tariff",
        "prt=on", "lemma+prt=impose|on",  # the adapter's particles include a preposition ("called ON")
        "negated",
        "prep=on", "prep:on=peru", "prep:on:actor",
    ]


def test_a_noun_names_the_verb_it_is_the_object_of_and_a_word_with_no_rule_says_so():
    doc = _doc()
    got = cues.cues(doc[5], TriggerLexicon.load(), lambda t: False, None)
    assert got == ["lemma=tariff", "pos=N", "tag=NNS", "dep=dobj", "lex=-", "lemma+lex=tariff|-", "head=impose",
                   "mod=new", "gov=impose"]


def test_candidates_are_verbs_and_common_nouns():
    doc = _doc()
    assert [t.text for t in doc if cues.candidate(t)] == ["did", "impose", "tariffs"]
