"""The runner and the registry with stages written for the test (no model): order, scopes, failures."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.pipeline import registry
from eventwire.pipeline.runner import Runner
from eventwire.pipeline.state import DocState, SentState
from eventwire.records import Document


class Recorder:
    """A stage that notes where it was called."""

    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __init__(self, name: str, scope: str, log: list[str]) -> None:
        self.name, self.scope, self.log = name, scope, log

    def __call__(self, state):
        if self.scope == "batch":
            for s in state:
                if "bad" in s.document.text and self.name == "split":
                    raise ValueError("cannot take it")
                s.sentences = [SentState(None, 0, i, None) for i in range(2)]  # type: ignore[arg-type]
            self.log.append(f"{self.name}:{len(state)}")
            return state
        if self.scope == "document":
            if "boom" in state.document.text:
                raise RuntimeError("broken")
            self.log.append(f"{self.name}:{state.document.id}")
            return state
        self.log.append(f"{self.name}:{state.document.id}:{state.current.index}")
        return state


def docs(*texts: str) -> list[Document]:
    return [Document(f"d{i}", t, date(2025, 3, 12)) for i, t in enumerate(texts)]


def test_sentence_stages_run_together_sentence_by_sentence():
    log: list[str] = []
    runner = Runner([Recorder("split", "batch", log), Recorder("a", "sentence", log),
                     Recorder("b", "sentence", log), Recorder("end", "document", log)])
    out = list(runner.pipe(docs("one")))
    assert [r.doc_id for r in out] == ["d0"]
    assert log == ["split:1", "a:d0:0", "b:d0:0", "a:d0:1", "b:d0:1", "end:d0"]


def test_a_failing_document_is_reported_and_the_others_go_on():
    log: list[str] = []
    runner = Runner([Recorder("split", "batch", log), Recorder("end", "document", log)])
    out = list(runner.pipe(docs("one", "boom", "bad", "two")))
    # the batch stage fails on d2, so each document of the batch is tried alone: one answer per input
    assert [(r.doc_id, r.problem) for r in out] == [
        ("d0", None), ("d1", "internal error while coding: RuntimeError: broken"),
        ("d2", "cannot parse the text: ValueError: cannot take it"), ("d3", None)]


def test_replace_puts_a_stage_in_place():
    log: list[str] = []
    runner = Runner([Recorder("split", "batch", log), Recorder("end", "document", log)])
    runner.replace("end", Recorder("other", "document", log))
    assert runner.names() == ["split", "other"]
    with pytest.raises(KeyError, match=r"\[E090\] no stage called 'nothing'"):
        runner.replace("nothing", Recorder("x", "document", log))


def test_registry_knows_the_shipped_stages():
    assert {"parse", "mentions", "references", "triggers", "arguments", "modality", "sentence_dedup", "coding",
            "dates", "places", "dedup"} <= set(registry.names())
    info = registry.get("dates")
    assert (info.scope, info.module) == ("sentence", "eventwire.stages.dates")
    with pytest.raises(KeyError, match=r"\[E090\] no stage called 'nope'"):
        registry.get("nope")


def test_a_stage_with_an_unknown_scope_is_refused():
    with pytest.raises(ValueError, match=r"\[E091\] stage 'odd': scope 'weekly'"):
        registry.stage("odd", scope="weekly")


def test_state_has_no_current_sentence_outside_sentence_stages():
    state = DocState(docs("one")[0])
    with pytest.raises(RuntimeError, match=r"\[E092\] document d0: no sentence under work"):
        state.current  # noqa: B018
