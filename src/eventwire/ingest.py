"""The ingest loop: read documents and coded events, code what needs coding, store in batches.

Input is read once, as a stream. Documents and event records are spooled to
temporary files beside nothing else in memory but their ids (and, for event
records, where each one lies in its spool), so memory stays flat in the
number of documents. Then:

1. each document whose events were given is stored with those events;
2. the other documents are coded (here or on workers) and stored with theirs;
3. events whose document was not given replace that id's events.

Each document goes into the store in the same transaction as all its
events, so a re-ingested document replaces the old one with all its events
atomically, whatever the batch size. Duplicate ids never reach this loop: the
reader keeps the first and reports the rest.
"""

from __future__ import annotations

import json
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import IO, Any

from .io.codec import restore_event
from .io.readers import InputProblem
from .records import Document, Event
from .store import Store

Report = Callable[[str, str, str, dict[str, Any] | None], None]  # where, code, problem, record
Code = Callable[[Iterable[Document]], Iterator[Any]]  # documents -> CodedDocument per document, in order


@dataclass
class IngestCounts:
    """What one ingest stored: documents, of which coded now, and events."""

    documents: int = 0
    coded: int = 0
    events: int = 0


class _Spool:
    """Records in a temporary file, one JSON line each, read back in order or by position."""

    def __init__(self) -> None:
        self.fh: IO[bytes] = tempfile.TemporaryFile(prefix="eventwire-ingest-")

    def add(self, record: dict[str, Any]) -> int:
        pos = self.fh.tell()
        self.fh.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
        return pos

    def at(self, pos: int) -> dict[str, Any]:
        self.fh.seek(pos)
        return json.loads(self.fh.readline())

    def all(self) -> Iterator[dict[str, Any]]:
        self.fh.seek(0)
        while line := self.fh.readline():
            yield json.loads(line)

    def close(self) -> None:
        self.fh.close()


def _doc_record(d: Document) -> dict[str, Any]:
    return {"id": d.id, "text": d.text, "published": d.published.isoformat() if d.published else None,
            "source": d.source, "title": d.title}


def _doc(rec: dict[str, Any]) -> Document:
    pub = rec["published"]
    return Document(rec["id"], rec["text"], date.fromisoformat(pub) if pub else None, rec["source"], rec["title"])


class Ingest:
    """One ingest run into an open store; `run(items)` reads, codes and stores, and returns the counts."""

    def __init__(self, store: Store, code: Code, report: Report, batch: int = 200) -> None:
        self.store, self.code, self.report, self.batch = store, code, report, batch
        self.counts = IngestCounts()
        self.docs = _Spool()
        self.events = _Spool()
        self.doc_ids: set[str] = set()
        self.given: dict[str, list[int]] = {}  # doc id -> positions of its event records in the spool

    def _read(self, items: Iterable[Document | Event | InputProblem]) -> None:
        for item in items:
            if isinstance(item, InputProblem):
                self.report(item.where, item.code, item.problem, item.to_dict())
            elif isinstance(item, Event):
                self.given.setdefault(item.doc_id, []).append(self.events.add(item.to_dict()))
            else:
                self.doc_ids.add(item.id)
                self.docs.add(_doc_record(item))

    def _given(self, doc_id: str) -> list[Event]:
        return [restore_event(self.events.at(p)) for p in self.given[doc_id]]

    def _put(self, docs: list[Document], events: list[Event], ids: Iterable[str] = ()) -> None:
        r = self.store.ingest(docs, events) if docs else self.store.ingest_events(events, ids)
        self.counts.documents += r.documents
        self.counts.events += r.events

    def _store_given(self) -> None:
        """Documents whose events are among the inputs, stored with them (not coded again)."""
        docs: list[Document] = []
        for rec in self.docs.all():
            if rec["id"] in self.given:
                docs.append(_doc(rec))
                if len(docs) >= self.batch:
                    self._put(docs, [ev for d in docs for ev in self._given(d.id)])
                    docs = []
        if docs:
            self._put(docs, [ev for d in docs for ev in self._given(d.id)])

    def _uncoded(self, fed: deque[Document]) -> Iterator[Document]:
        for rec in self.docs.all():
            if rec["id"] not in self.given:
                doc = _doc(rec)
                fed.append(doc)
                yield doc

    def _store_coded(self) -> None:
        """The other documents, coded and stored with their events, a batch per transaction."""
        if self.doc_ids <= self.given.keys():
            return  # nothing to code: the coder (and its model) is never loaded
        fed: deque[Document] = deque()  # documents handed to the coder whose results have not come back
        docs: list[Document] = []
        events: list[Event] = []
        for result in self.code(self._uncoded(fed)):
            doc = fed.popleft()
            if result.problem:
                self.report(f"document {result.doc_id}", "E040", result.problem, None)
                continue
            self.counts.coded += 1
            docs.append(doc)
            events.extend(result.events)
            if len(docs) >= self.batch:
                self._put(docs, events)
                docs, events = [], []
        if docs:
            self._put(docs, events)

    def _store_orphans(self) -> None:
        """Events whose document was not given: each id gets exactly these events."""
        ids = sorted(set(self.given) - self.doc_ids)
        for i in range(0, len(ids), self.batch):
            chunk = ids[i:i + self.batch]
            self._put([], [ev for d in chunk for ev in self._given(d)], chunk)

    def run(self, items: Iterable[Document | Event | InputProblem]) -> IngestCounts:
        try:
            self._read(items)
            self._store_given()
            self._store_coded()
            self._store_orphans()
        finally:
            self.docs.close()
            self.events.close()
        return self.counts
