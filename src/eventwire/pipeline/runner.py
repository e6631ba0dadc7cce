"""The runner: applies an ordered list of stages to documents, batch by batch.

Batch stages (the parser) see the whole batch; document stages one document;
consecutive sentence stages run together over each sentence in reading order,
so that what one sentence adds to the discourse (mentions, the last date) is
there for the next. A document that fails is reported with its problem and
the others go on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ..records import Document, Event
from .registry import Stage
from .state import DocState

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())


@dataclass
class CodedDocument:
    """The coder's answer for one document: its events, or the problem that stopped it."""

    doc_id: str
    events: list[Event] = field(default_factory=list)
    problem: str | None = None

    def to_pandas(self):  # -> pandas.DataFrame
        """The events as a DataFrame with every column of the default output profile (`frames.events_frame`)."""
        from ..frames import events_frame

        return events_frame(self.events)


class Runner:
    """Runs `stages` in order over batches of documents."""

    def __init__(self, stages: Sequence[Stage], batch_size: int = 32) -> None:
        self.stages = list(stages)
        self.batch_size = batch_size
        self._plan = self._groups()

    def _groups(self) -> list[list[Stage]]:
        """The stage list cut into runs: a batch or document stage alone, consecutive sentence stages together."""
        plan: list[list[Stage]] = []
        for st in self.stages:
            if st.scope == "sentence" and plan and plan[-1][0].scope == "sentence":
                plan[-1].append(st)
            else:
                plan.append([st])
        return plan

    def names(self) -> list[str]:
        return [st.name for st in self.stages]

    def replace(self, name: str, new: Stage) -> None:
        """Put `new` in the place of the stage called `name`."""
        at = self.names().index(name) if name in self.names() else None
        if at is None:
            raise KeyError(f"[E090] no stage called {name!r} in this pipeline: {', '.join(self.names())}")
        self.stages[at] = new
        self._plan = self._groups()

    def pipe(self, docs: Iterable[Document]) -> Iterator[CodedDocument]:
        """Code documents in batches; one CodedDocument per input document, in order."""
        buffer: list[Document] = []
        for doc in docs:
            buffer.append(doc)
            if len(buffer) >= self.batch_size:
                yield from self.code_batch(buffer)
                buffer = []
        if buffer:
            yield from self.code_batch(buffer)

    def code_batch(self, batch: list[Document]) -> Iterator[CodedDocument]:
        """Code one batch: the batch stages first, then each document through the others."""
        states = [DocState(doc) for doc in batch]
        plan = self._plan
        while plan and plan[0][0].scope == "batch":
            try:
                plan[0][0](states)
            except Exception as e:  # one text the parser cannot take (a lone surrogate) must not lose its batch
                if len(batch) > 1:
                    for doc in batch:
                        yield from self.code_batch([doc])
                    return
                log.warning("document %s could not be parsed: %s: %s", batch[0].id, type(e).__name__, e)
                yield CodedDocument(batch[0].id, [], f"cannot parse the text: {type(e).__name__}: {e}")
                return
            plan = plan[1:]
        for state in states:
            try:
                self.run(state, plan)
            except Exception as e:  # a bug on one document must not lose the others
                log.exception("document %s failed", state.document.id)
                yield CodedDocument(state.document.id, [], f"internal error while coding: {type(e).__name__}: {e}")
                continue
            yield CodedDocument(state.document.id, state.events)

    @staticmethod
    def run(state: DocState, plan: list[list[Stage]]) -> DocState:
        """Run the document and sentence stages of `plan` over one parsed document."""
        for group in plan:
            if group[0].scope == "batch":
                raise ValueError(f"[E091] batch stage {group[0].name!r} must come before the others")
            if group[0].scope == "document":
                state = group[0](state)
                continue
            for sent in state.sentences:
                state.sentence = sent
                for st in group:
                    state = st(state)
            state.sentence = None
        return state
