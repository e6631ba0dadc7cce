"""English parse repairs (lang/en/syntax.py), on parses built by hand: no statistical model."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventwire.lang.en.syntax import normalize


def _doc(words, heads, deps, pos):
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)


def test_a_preposition_labelled_dative_becomes_prep():
    doc = _doc(["Chile", "gave", "aid", "to", "Peru"], [1, 1, 1, 1, 3],
               ["nsubj", "ROOT", "dobj", "dative", "pobj"], ["PROPN", "VERB", "NOUN", "ADP", "PROPN"])
    normalize(doc)
    assert [t.dep_ for t in doc] == ["nsubj", "ROOT", "dobj", "prep", "pobj"]


def test_a_noun_recipient_stays_dative():
    doc = _doc(["Chile", "gave", "Peru", "aid"], [1, 1, 1, 1],
               ["nsubj", "ROOT", "dative", "dobj"], ["PROPN", "VERB", "PROPN", "NOUN"])
    normalize(doc)
    assert [t.dep_ for t in doc] == ["nsubj", "ROOT", "dative", "dobj"]
