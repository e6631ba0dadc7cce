"""The triggers stage on hand-built parses (no statistical model): which words start an event."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from eventwire.pipeline.packs import LanguagePack
from eventwire.pipeline.state import DocState, SentState
from eventwire.records import Document
from eventwire.stages.modality import ModalityLexicon
from eventwire.stages.triggers import TriggerLexicon, Triggers


@pytest.fixture(scope="module")
def stage() -> Triggers:
    lang = LanguagePack("en", spacy.blank("en"), TriggerLexicon.load(), ModalityLexicon.load())
    return Triggers(lang, None, {})  # type: ignore[arg-type]  # the stage needs no knowledge


def parsed(words, heads, deps, pos, tags, lemmas) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
              sent_starts=[True] + [False] * (len(words) - 1))
    return doc


def run(stage: Triggers, doc: Doc) -> list[tuple[str, str, str | None]]:
    state = DocState(Document("d", doc.text, date(2025, 3, 12)))
    state.sentence = SentState(doc[:], 0, 0, None)  # type: ignore[arg-type]  # triggers need no resolver
    stage(state)
    return [(t.token.text, t.rule.type, t.obj.text if t.obj is not None else None) for t in state.current.triggers]


def test_a_request_to_act_is_one_event(stage):
    # "Kenya urged France to lift sanctions ." : lifting is what was asked, not an act of its own
    doc = parsed(["Kenya", "urged", "France", "to", "lift", "sanctions", "."],
                 heads=[1, 1, 1, 4, 1, 4, 1],
                 deps=["nsubj", "ROOT", "dobj", "aux", "xcomp", "dobj", "punct"],
                 pos=["PROPN", "VERB", "PROPN", "PART", "VERB", "NOUN", "PUNCT"],
                 tags=["NNP", "VBD", "NNP", "TO", "VB", "NNS", "."],
                 lemmas=["Kenya", "urge", "France", "to", "lift", "sanction", "."])
    assert run(stage, doc) == [("urged", "REQUEST", None)]


def test_a_plain_verb_with_its_object(stage):
    # "Brazil signed a treaty ." : the object makes the rule specific
    doc = parsed(["Brazil", "signed", "a", "treaty", "."],
                 heads=[1, 1, 3, 1, 1],
                 deps=["nsubj", "ROOT", "det", "dobj", "punct"],
                 pos=["PROPN", "VERB", "DET", "NOUN", "PUNCT"],
                 tags=["NNP", "VBD", "DT", "NN", "."],
                 lemmas=["Brazil", "sign", "a", "treaty", "."])
    assert run(stage, doc) == [("signed", "AGREE", "treaty")]


def test_no_trigger_word_no_trigger(stage):
    doc = parsed(["Brazil", "is", "large", "."],
                 heads=[1, 1, 1, 1],
                 deps=["nsubj", "ROOT", "acomp", "punct"],
                 pos=["PROPN", "AUX", "ADJ", "PUNCT"],
                 tags=["NNP", "VBZ", "JJ", "."],
                 lemmas=["Brazil", "be", "large", "."])
    assert run(stage, doc) == []
