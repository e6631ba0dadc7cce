"""Input and output: one reader (`readers`), one codec for events (`codec`), the writers (`writers`).

    from eventwire import io as ewio
    for item in ewio.read_inputs(["news.jsonl", "-"]):   # Document | Event | InputProblem
        ...
    writer = ewio.EventWriter("csv", Path("events.csv"))  # rows from codec.flat_row
"""

from __future__ import annotations

from .codec import (
    COLUMNS,
    CSV_COLUMNS,
    EVENT_COLUMNS,
    Column,
    EventRecord,
    RecordError,
    RestoredEvent,
    decode_event,
    event_from_dict,
    flat_row,
    is_event_record,
    parquet_schema,
    restore_event,
    store_row,
)
from .readers import (
    MAX_DOC_CHARS,
    DocumentError,
    InputProblem,
    Seen,
    decode_json,
    document_from_dict,
    parse_date,
    read_inputs,
    read_jsonl,
    read_path,
)
from .writers import FORMATS, AtomicFile, EventWriter, print_table

__all__ = [
    "COLUMNS", "CSV_COLUMNS", "EVENT_COLUMNS", "FORMATS", "MAX_DOC_CHARS", "AtomicFile", "Column", "DocumentError",
    "EventRecord", "EventWriter", "InputProblem", "RecordError", "RestoredEvent", "Seen", "decode_event",
    "decode_json", "document_from_dict", "event_from_dict", "flat_row", "is_event_record", "parquet_schema",
    "parse_date",
    "print_table", "read_inputs", "read_jsonl", "read_path", "restore_event", "store_row",
]
