"""Input and output: one reader (`readers`), one codec for events (`codec`), the writers (`writers`),
and `convert` (coded events from JSON Lines to other formats).

    from eventwire import io as ewio
    for item in ewio.read_inputs(["news.jsonl", "-"]):   # Document | Event | InputProblem
        ...
    writer = ewio.EventWriter("csv", Path("events.csv"))  # rows from codec.csv_row
    outs = ewio.EventOutputs()                             # several outputs, each format from its suffix
"""

from __future__ import annotations

from .codec import (
    COLUMNS,
    CSV_COLUMNS,
    EVENT_COLUMNS,
    STORED_COLUMNS,
    Column,
    EventRecord,
    RecordError,
    RestoredEvent,
    csv_row,
    decode_event,
    event_from_dict,
    flat_row,
    is_event_record,
    parquet_schema,
    restore_event,
    store_row,
)
from .convert import convert_events
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
from .writers import (
    FORMATS,
    SUFFIX_FORMATS,
    AtomicFile,
    EventOutputs,
    EventWriter,
    is_stdout,
    output_targets,
    print_table,
)

__all__ = [
    "COLUMNS", "CSV_COLUMNS", "EVENT_COLUMNS", "FORMATS", "MAX_DOC_CHARS", "STORED_COLUMNS", "SUFFIX_FORMATS",
    "AtomicFile", "Column", "DocumentError", "EventOutputs", "EventRecord", "EventWriter", "InputProblem",
    "RecordError", "RestoredEvent", "Seen", "convert_events", "csv_row", "decode_event", "decode_json",
    "document_from_dict", "event_from_dict", "flat_row", "is_event_record", "is_stdout", "output_targets",
    "parquet_schema", "parse_date", "print_table", "read_inputs", "read_jsonl", "read_path", "restore_event",
    "store_row",
]
