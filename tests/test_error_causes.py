"""The error-cause counts of bench/error_causes.py on records written for the test: each missed or false event is
given the cause the docstring promises, and the totals are the scorer's missed and false counts."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from .conftest import REPO, SHARED

if not (SHARED / "tools" / "score.py").exists():
    pytest.skip("the shared scorer is not beside the repository", allow_module_level=True)

sys.path.insert(0, str(REPO / "bench"))
_spec = importlib.util.spec_from_file_location("error_causes", REPO / "bench" / "error_causes.py")
ec = importlib.util.module_from_spec(_spec)
assert _spec.loader is not None
_spec.loader.exec_module(ec)
score = ec.accuracy._tool("score")

TEXT = "Kenya accused France of spying. Brazil met Argentina. Kenya praised the plan."
DOCS = [{"id": "tr-a-001", "text": TEXT}]


def gold(sentence, evidence, etype, source, target, modality="asserted"):
    return {"doc_id": "tr-a-001", "sentence": sentence, "evidence": evidence, "event_type": etype,
            "source": source, "target": target, "modality": modality}


def pred(sentence, etype, source, target, modality="asserted", guessed=False):
    t = None if target is None else {"code": target, "start": 0, "end": 0 if guessed else 5}
    return {"doc_id": "tr-a-001", "sentence": sentence, "event_type": etype, "source": {"code": source},
            "target": t, "modality": modality}


def probe(seen):
    p = ec.Probe()
    p.seen = seen
    return p


def test_each_missed_event_gets_its_cause():
    g = [gold(0, "accused France", "ACCUSE", "KEN", "FRA"), gold(1, "met Argentina", "CONSULT", "BRA", "ARG"),
         gold(2, "praised the plan", "SUPPORT", "KEN", "BRA")]
    seen = {("tr-a-001", 0): (0, [(6, "ACCUSE")], []),  # the trigger fired, no candidate
            ("tr-a-001", 1): (32, [(39, "CONSULT")], [(39, "CONSULT", "BRA", "ARG")]),  # a candidate, then dropped
            ("tr-a-001", 2): (53, [], [])}
    p = [pred(2, "SUPPORT", "KEN", "FRA", guessed=True)]
    counts = ec.causes(score, g, p, DOCS, probe(seen), "a")
    assert counts == {"arguments: none found": 1, "suppressed": 1, "actors: target guessed": 1,
                      "false: wrong actors": 1}


def test_modality_type_coverage_and_false_events_without_an_act():
    g = [gold(0, "accused France", "ACCUSE", "KEN", "FRA"), gold(1, "met Argentina", "CONSULT", "BRA", "ARG"),
         gold(2, "praised the plan", "SUPPORT", "KEN", None)]
    seen = {("tr-a-001", 0): (0, [], []),
            ("tr-a-001", 1): (32, [(39, "COOPERATE")], [(39, "COOPERATE", "BRA", "ARG")]),
            ("tr-a-001", 2): (53, [], [])}
    p = [pred(0, "ACCUSE", "KEN", "FRA", modality="planned"), pred(1, "COOPERATE", "BRA", "ARG"),
         pred(1, "THREATEN", "ARG", "BRA"), pred(3, "ASSAULT", "BRA", "KEN")]
    counts = ec.causes(score, g, p, DOCS, probe(seen), "a")
    assert counts == {"modality": 1, "type": 1, "trigger coverage": 1, "false: modality": 1,
                      "false: wrong type": 2, "false: no act": 1}
    # an output event matched anywhere in its document is no error, as the scorer has it
    counts = ec.causes(score, g, [pred(2, "ACCUSE", "KEN", "FRA")], DOCS, probe(seen), "a")
    assert counts["modality"] == 0 and counts["false: wrong actors"] == 0
