"""Coder: loads the pipeline once and turns documents into events.

    coder = Coder()                       # loads spaCy and the actor knowledge
    for result in coder.pipe(documents):  # one CodedDocument per input, in order
        result.events

Stages (each its own module, each a pure function of what it is given):
nlp.parse -> actors.mentions -> events.extract (triggers, arguments, coref)
-> events.modality -> dates -> events.dedup.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import nlp as nlp_mod
from .actors.kb import ActorKB
from .events.extract import Extractor
from .records import Document, Event

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())


@dataclass
class CodedDocument:
    """The coder's answer for one document: its events, or the problem that stopped it."""

    doc_id: str
    events: list[Event] = field(default_factory=list)
    problem: str | None = None


class Coder:
    """The whole pipeline, loaded once per process (per Dask worker)."""

    def __init__(
        self,
        kb: ActorKB | None = None,
        model: str = nlp_mod.MODEL,
        actor_files: Iterable[str | Path] = (),
        batch_size: int = 32,
    ) -> None:
        self.nlp = nlp_mod.load(model)
        self.kb = kb if kb is not None else ActorKB.load(extra=list(actor_files))
        self.extractor = Extractor(self.kb, self.nlp)
        self.batch_size = batch_size

    def pipe(self, docs: Iterable[Document]) -> Iterator[CodedDocument]:
        """Code documents in batches; yields one CodedDocument per input document, in order.

        A document that fails inside the pipeline is reported as a problem and the
        others go on.
        """
        buffer: list[Document] = []
        for doc in docs:
            buffer.append(doc)
            if len(buffer) >= self.batch_size:
                yield from self._code_batch(buffer)
                buffer = []
        if buffer:
            yield from self._code_batch(buffer)

    def _code_batch(self, batch: list[Document]) -> Iterator[CodedDocument]:
        try:
            parsed = list(nlp_mod.parse(self.nlp, (d.text for d in batch), batch_size=self.batch_size))
        except Exception as e:  # one text the parser cannot take (a lone surrogate) must not lose its batch
            if len(batch) > 1:
                for doc in batch:
                    yield from self._code_batch([doc])
                return
            log.warning("document %s could not be parsed: %s: %s", batch[0].id, type(e).__name__, e)
            yield CodedDocument(batch[0].id, [], f"cannot parse the text: {type(e).__name__}: {e}")
            return
        for doc, pieces in zip(batch, parsed, strict=True):
            try:
                events = self.extractor.extract(doc, pieces)
            except Exception as e:  # a bug on one document must not lose the others
                log.exception("document %s failed", doc.id)
                yield CodedDocument(doc.id, [], f"internal error while coding: {type(e).__name__}: {e}")
                continue
            yield CodedDocument(doc.id, events)

    def code(self, doc: Document) -> list[Event]:
        """Events of one document."""
        result = next(self.pipe([doc]))
        if result.problem:
            raise RuntimeError(f"[E020] document {doc.id}: {result.problem}")
        return result.events


_default: Coder | None = None


def default_coder() -> Coder:
    """A process-wide Coder with the built-in knowledge (created on first use)."""
    global _default
    if _default is None:
        _default = Coder()
    return _default


def code_text(text: str, published: date | str | None = None, doc_id: str = "text") -> list[Event]:
    """Events in one piece of text."""
    if isinstance(published, str):
        published = date.fromisoformat(published)
    return default_coder().code(Document(id=doc_id, text=text, published=published))


def code_documents(docs: Iterable[Document], coder: Coder | None = None) -> Iterator[Event]:
    """Events of many documents, in input order."""
    c = coder or default_coder()
    for result in c.pipe(docs):
        yield from result.events
