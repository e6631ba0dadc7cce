"""Typed records that flow through the pipeline: Document in, Event out.

The field names and their order follow the event contract (EVENTS.md §2):
`Event.to_dict()` is exactly one output line; the codec (`io/codec.py`) turns
it into the flat rows every sink (CSV, Parquet, the DuckDB store) writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE",
    "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN",
    "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES: tuple[str, ...] = ("asserted", "planned", "negated", "hypothetical")
SECTORS: tuple[str, ...] = ("GOV", "MIL", "COP", "LEG", "JUD", "POL", "MED", "BUS", "CVL", "REB", "IGO")
# sectors a modifier gives a head word that is government by default ("ARMY officers", "POLICE spokesman")
MODIFIER_SECTORS: frozenset[str] = frozenset({"MIL", "COP", "LEG", "JUD", "POL", "REB", "MED", "BUS"})
PRECISIONS: tuple[str, ...] = ("day", "month", "year")


@dataclass
class Document:
    """One news document: `id` and `text` are required, `published` anchors relative dates."""

    id: str
    text: str
    published: date | None = None
    source: str | None = None
    title: str | None = None

    def __post_init__(self) -> None:
        """`published` may be given as an ISO date string ('2025-11-26'); anything else but a date is refused."""
        p = self.published
        if isinstance(p, datetime):
            self.published = p.date()
        elif isinstance(p, str):
            try:
                self.published = date.fromisoformat(p.strip()[:10]) if len(p.strip()) >= 10 else None
            except ValueError:
                self.published = None
            if self.published is None:
                raise ValueError(f"Document {self.id!r}: published must be an ISO date (YYYY-MM-DD), got {p[:40]!r}")
        elif p is not None and not isinstance(p, date):
            raise TypeError(f"Document {self.id!r}: published must be a date or an ISO date string, "
                            f"got {type(p).__name__}")


@dataclass(frozen=True)
class Actor:
    """A resolved actor: who it is, independent of where it was mentioned."""

    code: str | None
    name: str | None = None
    sector: str | None = None
    office: str | None = None
    entry: str | None = None  # the knowledge-base entry it came from, e.g. "people:xi-jinping"


@dataclass
class Span:
    """Text with character offsets into the document text."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class ActorMention:
    """An actor as mentioned in the text: the span plus what it resolved to."""

    text: str
    start: int
    end: int
    actor: Actor

    @property
    def code(self) -> str | None:
        return self.actor.code

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.actor.name,
            "code": self.actor.code,
            "sector": self.actor.sector,
            "start": self.start,
            "end": self.end,
        }


@dataclass
class Location:
    text: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"text": self.text, "country": self.country, "lat": self.lat, "lon": self.lon}
        if self.start is not None:
            d["start"], d["end"] = self.start, self.end
        return d


@dataclass
class Attribution:
    text: str
    code: str | None
    sector: str | None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"text": self.text, "code": self.code, "sector": self.sector}
        if self.start is not None:
            d["start"], d["end"] = self.start, self.end
        return d


@dataclass
class Event:
    """One coded event; the single record every stage fills and every sink writes."""

    doc_id: str
    sentence: int
    text: str
    trigger: Span
    event_type: str
    source: ActorMention | None = None
    target: ActorMention | None = None
    mode: str | None = None
    cameo: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    modality: str = "asserted"
    date: str | None = None
    date_precision: str | None = None
    location: Location = field(default_factory=Location)
    topics: list[str] = field(default_factory=list)
    attributed_to: Attribution | None = None
    confidence: float = 0.5
    index: int = 0  # position among the events of this sentence, for event_id
    published: str | None = None  # the document's publication date (ISO), which `date` was resolved against

    @property
    def event_id(self) -> str:
        return f"{self.doc_id}:{self.sentence}:{self.index}"

    def to_dict(self) -> dict[str, Any]:
        """The record as in EVENTS.md §2 (field order kept)."""
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence": self.sentence,
            "text": self.text,
            "trigger": self.trigger.to_dict(),
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "event_type": self.event_type,
            "mode": self.mode,
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "modality": self.modality,
            "date": self.date,
            "date_precision": self.date_precision,
            "published": self.published,
            "location": self.location.to_dict(),
            "topics": list(self.topics),
            "attributed_to": self.attributed_to.to_dict() if self.attributed_to else None,
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        """Rebuild an Event from its output record (the codec's `event_from_dict`; no validation)."""
        from .io.codec import event_from_dict

        return event_from_dict(d)
