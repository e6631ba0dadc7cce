"""The one codec for events: Event <-> record dict <-> flat row.

Every writer (JSONL, CSV, Parquet), the DuckDB store and the Dask part files
go through this module, so the columns are listed once, in `COLUMNS`. Adding
a column is one entry there: its name, its type and how to read it from the
record (EVENTS.md §2). `flat=False` keeps a column out of the CSV/Parquet
rows (the store still has it); `stored=False` keeps it out of the store's
`events` table (the store has it elsewhere: the published date is a column of
its `documents`). Lists stay lists in Parquet (`list<string>`) and are joined
with '|' in CSV.

`decode_event` validates a coded-event record field by field (pydantic, in
strict mode: a number is not a string, a boolean is not a number) and raises
`RecordError` naming every wrong field; `event_from_dict` rebuilds an Event
from a record already known to be good (the coder's own output).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, StrictStr, ValidationError

from ..errors import EventwireError
from ..records import EVENT_TYPES, MODALITIES, PRECISIONS, Actor, ActorMention, Attribution, Event, Location, Span

# ---------------------------------------------------------------------------- columns


@dataclass(frozen=True)
class Column:
    """One column of the flat form of an event: name, type, and how to read it from the record."""

    name: str
    type: Literal["str", "int8", "int32", "int64", "float", "date", "list[str]", "json"]
    get: Callable[[dict[str, Any]], Any]
    flat: bool = True  # in CSV and Parquet rows
    stored: bool = True  # in the store's `events` table


def _field(key: str) -> Callable[[dict[str, Any]], Any]:
    return lambda d: d.get(key)


def _sub(obj: str, key: str) -> Callable[[dict[str, Any]], Any]:
    return lambda d: (d.get(obj) or {}).get(key)


def event_day(value: str | None) -> date | None:
    """The day an event's `date` stands for: '2025-11' -> 2025-11-01; None when absent or unreadable."""
    if not isinstance(value, str) or not value.isascii():
        return None
    parts = value.split("-")
    try:
        if len(parts) > 3 or len(parts[0]) != 4 or any(len(p) != 2 for p in parts[1:]):
            return None
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        return None


_ACTOR_FIELDS: tuple[tuple[str, Literal["str", "int64"]], ...] = (
    ("text", "str"), ("name", "str"), ("code", "str"), ("sector", "str"), ("start", "int64"), ("end", "int64"))

COLUMNS: tuple[Column, ...] = (
    Column("event_id", "str", _field("event_id")),
    Column("doc_id", "str", _field("doc_id")),
    Column("sentence", "int32", _field("sentence")),
    Column("event_type", "str", _field("event_type")),
    Column("mode", "str", _field("mode")),
    Column("cameo", "str", _field("cameo")),
    Column("cameo_root", "str", lambda d: d["cameo"][:2] if isinstance(d.get("cameo"), str) and d["cameo"] else None,
           stored=False),
    Column("goldstein", "float", _field("goldstein")),
    Column("quad_class", "int8", _field("quad_class")),
    Column("modality", "str", _field("modality")),
    Column("date", "str", _field("date")),
    Column("date_precision", "str", _field("date_precision")),
    Column("published", "date", lambda d: event_day(d.get("published")), stored=False),  # of the document
    # `date` as a day (first day of a month or year); the store falls back on the published date
    Column("day", "date", lambda d: event_day(d.get("date")), flat=False),
    *(Column(f"{side}_{f}", t, _sub(side, f)) for side in ("source", "target") for f, t in _ACTOR_FIELDS),
    Column("trigger_text", "str", _sub("trigger", "text")),
    Column("trigger_start", "int64", _sub("trigger", "start")),
    Column("trigger_end", "int64", _sub("trigger", "end")),
    Column("location_text", "str", _sub("location", "text")),
    Column("location_country", "str", _sub("location", "country")),
    Column("location_lat", "float", _sub("location", "lat")),
    Column("location_lon", "float", _sub("location", "lon")),
    Column("topics", "list[str]", lambda d: [str(t) for t in d.get("topics") or []]),
    Column("attributed_to_text", "str", _sub("attributed_to", "text")),
    Column("attributed_to_code", "str", _sub("attributed_to", "code")),
    Column("attributed_to_sector", "str", _sub("attributed_to", "sector")),
    Column("confidence", "float", _field("confidence")),
    Column("text", "str", _field("text")),
    Column("record", "json", lambda d: json.dumps(d, ensure_ascii=False), flat=False),
)

FLAT_COLUMNS: tuple[Column, ...] = tuple(c for c in COLUMNS if c.flat)
CSV_COLUMNS: list[str] = [c.name for c in FLAT_COLUMNS]
STORED_COLUMNS: tuple[Column, ...] = tuple(c for c in COLUMNS if c.stored)
# a DataFrame of events (`frames.events_frame`, `Store.events_frame`): every column of the default output
# profile (CSV_COLUMNS) and the `day` an event is placed on, in the order of COLUMNS; not the JSON record
FRAME_COLUMNS: tuple[Column, ...] = tuple(c for c in COLUMNS if c.type != "json")

_SQL_TYPES = {"str": "VARCHAR", "int8": "TINYINT", "int32": "INTEGER", "int64": "BIGINT", "float": "DOUBLE",
              "date": "DATE", "list[str]": "VARCHAR[]", "json": "JSON"}
EVENT_COLUMNS: list[tuple[str, str]] = [(c.name, _SQL_TYPES[c.type]) for c in STORED_COLUMNS]


def arrow_type(kind: str):  # -> pyarrow.DataType
    """The Arrow type of a column type (and of the store's SQL types, for the document table)."""
    import pyarrow as pa

    return {"str": pa.string(), "VARCHAR": pa.string(), "json": pa.string(), "JSON": pa.string(),
            "int8": pa.int8(), "TINYINT": pa.int8(), "int32": pa.int32(), "INTEGER": pa.int32(),
            "int64": pa.int64(), "BIGINT": pa.int64(), "float": pa.float64(), "DOUBLE": pa.float64(),
            "date": pa.date32(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"),
            "list[str]": pa.list_(pa.string()), "VARCHAR[]": pa.list_(pa.string())}[kind]


def parquet_schema():  # -> pyarrow.Schema
    """The fixed Parquet schema: one column per flat field, each of its own type (`topics` a list of strings)."""
    import pyarrow as pa

    return pa.schema([(c.name, arrow_type(c.type)) for c in FLAT_COLUMNS])


def flat_row(ev: Event) -> dict[str, Any]:
    """An event as one flat row of typed values (Parquet): a list stays a list, a day is a `date`."""
    d = ev.to_dict()
    return {c.name: c.get(d) for c in FLAT_COLUMNS}


def csv_row(ev: Event) -> dict[str, Any]:
    """An event as one CSV row: the flat row with lists joined with '|' (days print as YYYY-MM-DD)."""
    row = flat_row(ev)
    for c in FLAT_COLUMNS:
        if c.type == "list[str]":
            row[c.name] = "|".join(row[c.name])
    return row


def frame_row(ev: Event) -> dict[str, Any]:
    """An event as one row of an events DataFrame (FRAME_COLUMNS): typed values, lists as lists."""
    d = ev.to_dict()
    return {c.name: c.get(d) for c in FRAME_COLUMNS}


def store_row(ev: Event) -> dict[str, Any]:
    """An event as one row of the store's `events` table (the stored columns of `COLUMNS`)."""
    d = ev.to_dict()
    return {c.name: c.get(d) for c in STORED_COLUMNS}


# ---------------------------------------------------------------------------- record -> Event


def _mention(a: dict[str, Any] | None) -> ActorMention | None:
    if not a:
        return None
    actor = Actor(code=a.get("code"), name=a.get("name"), sector=a.get("sector"))
    return ActorMention(a.get("text") or "", a.get("start") or 0, a.get("end") or 0, actor)


def _index(event_id: Any) -> int:
    if isinstance(event_id, str) and event_id.count(":") >= 2:
        tail = event_id.rsplit(":", 1)[1]
        if tail.isascii() and tail.isdigit():
            return int(tail)
    return 0


def event_from_dict(d: dict[str, Any]) -> Event:
    """Rebuild an Event from its output record (a record known to be good: see `decode_event`)."""
    trig = d.get("trigger") or {}
    loc = d.get("location") or {}
    att = d.get("attributed_to")
    return Event(
        doc_id=d["doc_id"],
        sentence=int(d.get("sentence", 0)),
        text=d.get("text") or "",
        trigger=Span(trig.get("text") or "", trig.get("start") or 0, trig.get("end") or 0),
        event_type=d["event_type"],
        source=_mention(d.get("source")),
        target=_mention(d.get("target")),
        mode=d.get("mode"),
        cameo=d.get("cameo"),
        goldstein=d.get("goldstein"),
        quad_class=d.get("quad_class"),
        modality=d.get("modality") or "asserted",
        date=d.get("date"),
        date_precision=d.get("date_precision"),
        published=d.get("published"),
        location=Location(loc.get("text"), loc.get("country"), loc.get("lat"), loc.get("lon"), loc.get("start"),
                          loc.get("end")),
        topics=list(d.get("topics") or []),
        attributed_to=Attribution(att.get("text"), att.get("code"), att.get("sector"), att.get("start"),
                                  att.get("end")) if att else None,
        confidence=float(d.get("confidence") or 0.0),
        index=_index(d.get("event_id")),
    )


class RestoredEvent(Event):
    """An event read back from a record; `to_dict()` gives back exactly that record."""

    _record: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return deepcopy(self._record)


def restore_event(rec: dict[str, Any]) -> RestoredEvent:
    """An event whose output is the given record, byte for byte (part files of sharded runs)."""
    base = event_from_dict(rec)
    ev = RestoredEvent(**{f: getattr(base, f) for f in base.__dataclass_fields__})
    ev._record = rec
    return ev


# ---------------------------------------------------------------------------- validation


class RecordError(EventwireError):
    """A coded-event record that breaks the contract; the message names every wrong field."""

    def __init__(self, message: str) -> None:
        super().__init__("E020", message)


_Offset = StrictInt | None
_Text = StrictStr | None


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="allow", allow_inf_nan=False)


class _Span(_Strict):
    text: _Text = None
    start: _Offset = Field(default=None, ge=0, le=2**62)
    end: _Offset = Field(default=None, ge=0, le=2**62)


class _Mention(_Span):
    name: _Text = None
    code: _Text = None
    sector: _Text = None


class _Location(_Span):
    country: _Text = None
    lat: StrictFloat | StrictInt | None = Field(default=None, ge=-90, le=90)
    lon: StrictFloat | StrictInt | None = Field(default=None, ge=-180, le=180)


class _Attribution(_Span):
    code: _Text = None
    sector: _Text = None


class EventRecord(_Strict):
    """The contract of one coded-event record (EVENTS.md §2), checked field by field."""

    event_id: _Text = None
    doc_id: StrictStr = Field(min_length=1)
    sentence: StrictInt = Field(default=0, ge=0, le=2**31 - 1)
    text: _Text = None
    trigger: _Span | None = None
    source: _Mention | None = None
    target: _Mention | None = None
    event_type: Literal[EVENT_TYPES]  # type: ignore[valid-type]
    mode: _Text = None
    cameo: _Text = None
    goldstein: StrictFloat | StrictInt | None = Field(default=None, ge=-10, le=10)
    quad_class: StrictInt | None = Field(default=None, ge=1, le=4)  # not Literal[1..4]: True == 1 passes it
    modality: Literal[MODALITIES] | None = None  # type: ignore[valid-type]
    date: _Text = None
    date_precision: Literal[PRECISIONS] | None = None  # type: ignore[valid-type]
    published: StrictStr | None = Field(default=None, pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    location: _Location | None = None
    topics: list[StrictStr] | None = None
    attributed_to: _Attribution | None = None
    confidence: StrictFloat | StrictInt | None = Field(default=None, ge=0, le=1)


def _where(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if not (isinstance(p, str) and ("[" in p or p.startswith("function-")))]
    return ".".join(parts) or "record"


def _problems(e: ValidationError) -> str:
    seen: dict[str, str] = {}
    for err in e.errors(include_url=False):
        loc = err["loc"]
        if err["type"] == "union_tag_invalid" or (loc and isinstance(loc[-1], str) and "[" in loc[-1]):
            loc = tuple(p for p in loc if not (isinstance(p, str) and "[" in p))
        where = _where(loc)
        if where in seen:
            continue
        given = err.get("input")
        shown = "missing" if err["type"] == "missing" else f"{type(given).__name__} {str(given)[:30]!r}"
        msg = err["msg"].replace("Input should be", "should be")
        seen[where] = f"{where!r} {msg} (got {shown})" if err["type"] != "missing" else f"{where!r} is missing"
    return "; ".join(seen.values())


def _surrogate(obj: Any) -> None:
    try:  # an escape such as \ud800 alone decodes to a lone surrogate, which no store column can hold
        json.dumps(obj, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as e:
        raise RecordError(f"holds a lone surrogate (U+{ord(e.object[e.start]):04X}), which is not Unicode text") \
            from None


def decode_event(obj: Any) -> Event:
    """A decoded JSON value checked as a coded-event record and rebuilt as an Event; raises RecordError."""
    if not isinstance(obj, dict):
        raise RecordError(f"expected a JSON object, got {type(obj).__name__}")
    try:
        EventRecord.model_validate(obj)
    except ValidationError as e:
        raise RecordError(f"not a valid event record: {_problems(e)}") from None
    for key in ("trigger", "source", "target", "location", "attributed_to"):
        span = obj.get(key) or {}
        if isinstance(span.get("start"), int) and isinstance(span.get("end"), int) and span["end"] < span["start"]:
            raise RecordError(f"not a valid event record: '{key}' ends before it starts")
    _surrogate(obj)
    if isinstance(obj.get("goldstein"), float) and not math.isfinite(obj["goldstein"]):
        raise RecordError("not a valid event record: 'goldstein' is not a finite number")
    return event_from_dict(obj)


def is_event_record(obj: Any) -> bool:
    """Whether a decoded line is a coded-event record (rather than a document)."""
    return isinstance(obj, dict) and ("event_type" in obj or "event_id" in obj)
