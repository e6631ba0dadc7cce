"""The working record of one document while it is coded: `DocState`, its sentences and its candidates.

Stages read and write this record and nothing else. The public `Event`
records are built by the coding stage and kept in `Candidate.event`; what the
stages need besides (the trigger, the argument tokens, where a date came from,
whether an act is a second mention) stays here and never reaches the output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ..records import Actor, Attribution, Document, Event
from ..records import Span as TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from ..actors.mentions import Match, NPResolver
    from ..dates import DateResult
    from ..stages.references import MentionHistory
    from ..stages.triggers import Trigger


@dataclass
class Arg:
    """An argument of an event: the actor and where it is named."""

    actor: Actor
    text: str
    start: int  # document offsets
    end: int
    direct: bool = True  # named in the sentence (not a pronoun or inferred)
    inferred: bool = False  # the country was not named but taken from the document


@dataclass
class Candidate:
    """A possible event: a trigger with its source and target, the stage that proposed it and its score."""

    trigger: Trigger
    source: Arg
    target: Arg | None
    producer: str  # the stage (and rule set) that proposed it
    group: int = 0  # candidates proposed together for one trigger share a group number
    score: float = 0.0
    modality: str = "asserted"
    restated: bool = False  # coded from a noun or a pronoun: likely a second mention of an earlier act
    target_inferred: bool = False  # the target was not named but taken from the document
    index: int = 0  # position among the kept events of its sentence
    when: DateResult | None = None
    date_span: TextSpan | None = None
    event: Event | None = None

    @property
    def event_type(self) -> str:
        return self.trigger.rule.type


@dataclass
class Piece:
    """One parsed piece of the document: its character offset, the spaCy Doc and its actor-term matches."""

    offset: int
    doc: Doc
    matches: list[Match] = field(default_factory=list)
    resolver: NPResolver | None = None


@dataclass
class SentState:
    """One sentence under work: where it is, how its noun phrases resolve, and what was found in it."""

    sent: Span
    offset: int  # character offset of its piece in the document
    index: int  # sentence number in the document
    resolver: NPResolver
    cache: dict[int, list[Arg]] = field(default_factory=dict)  # resolved arguments by token index
    attribution: Attribution | None = None
    triggers: list[Trigger] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)


@dataclass
class DocState:
    """Everything known about one document while it is coded."""

    document: Document
    pieces: list[Piece] = field(default_factory=list)
    history: MentionHistory | None = None  # the discourse actors, in reading order
    sentences: list[SentState] = field(default_factory=list)
    sentence: SentState | None = None  # the sentence sentence-scoped stages work on
    last_date: date | None = None  # the last day-precise date the text stated, for "the following day"
    candidates: list[Candidate] = field(default_factory=list)  # kept candidates of all sentences, in order
    events: list[Event] = field(default_factory=list)

    @property
    def current(self) -> SentState:
        """The sentence under work (only inside sentence-scoped stages)."""
        if self.sentence is None:
            raise RuntimeError(f"[E092] document {self.document.id}: no sentence under work")
        return self.sentence
