"""The catalogue of coded errors (E0xx): every problem eventwire reports has one.

A code names the kind of problem; the message beside it names the input and
the detail. Codes are stable: scripts may match on them. `docs/errors.md`
lists every code (a test keeps the two in step).

    E001-E019  reading input: lines, JSON, documents
    E020-E029  coded-event records
    E030-E039  files and folders
    E040-E049  coding a document
    E050-E059  writing output
    E060-E069  the store
    E070-E079  the web server
    E080-E089  large runs: checkpoints and the Dask cluster
    E090-E099  the pipeline, its stages and its knowledge files
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ErrorCode:
    """One entry of the catalogue: the code, a short title and what to do about it."""

    code: str
    title: str
    advice: str


_ENTRIES = (
    ErrorCode("E001", "line is not UTF-8", "Re-encode the file as UTF-8; only the named line was skipped."),
    ErrorCode("E002", "line is not valid JSON", "Each line must hold one complete JSON value."),
    ErrorCode("E003", "JSON nested too deeply", "The line opens more arrays or objects than can be read."),
    ErrorCode("E004", "number too large", "A JSON number has more digits than can be read (over 4,300)."),
    ErrorCode("E005", "not a JSON object", "Each line must be one JSON object."),
    ErrorCode("E010", "document id missing or not a string", "Give every document a non-empty string `id`."),
    ErrorCode("E011", "document text missing or not a string", "Give every document a string `text`."),
    ErrorCode("E012", "document text too long", "Split documents of more than 2,000,000 characters."),
    ErrorCode("E013", "lone surrogate", "A \\uD800-\\uDFFF escape alone is not Unicode text."),
    ErrorCode("E014", "published is not an ISO date", "Write `published` as YYYY-MM-DD (or an ISO timestamp)."),
    ErrorCode("E015", "optional field of the wrong type", "`source` and `title` must be strings or null."),
    ErrorCode("E016", "duplicate document id", "Within one run the first document with an id wins."),
    ErrorCode("E020", "invalid coded-event record", "A field of the record breaks the event contract (EVENTS.md)."),
    ErrorCode("E021", "duplicate event id", "Within one run the first event record with an id wins."),
    ErrorCode("E022", "not a coded-event record", "Events are read from the output of `eventwire code`; "
                                                  "a document is coded with `eventwire code`."),
    ErrorCode("E030", "no such file or folder", "Check the path."),
    ErrorCode("E031", "cannot read file or folder", "Check its permissions; nothing under it was read."),
    ErrorCode("E032", "file is empty", "The file holds no record."),
    ErrorCode("E033", "folder holds no input files", "A folder is read for its .jsonl and .txt files."),
    ErrorCode("E034", "not a JSON Lines file", "Coded events are read from .jsonl files or stdin; convert a CSV "
                                               "or Parquet file from the JSON Lines it was written from."),
    ErrorCode("E040", "document could not be coded", "The document was skipped; the others were coded."),
    ErrorCode("E041", "date beyond the calendar", "A date before year 1 or after 9999 is left empty."),
    ErrorCode("E050", "cannot write output", "The disk is full, the file is read-only or the stream closed."),
    ErrorCode("E051", "input stream closed", "Standard input was closed before it could be read."),
    ErrorCode("E060", "store busy", "Another process writes the store; try again when it has finished."),
    ErrorCode("E061", "store cannot be opened or written", "Check the path and that it is an eventwire store."),
    ErrorCode("E062", "bad query parameter", "The message names the parameter and what it expects."),
    ErrorCode("E063", "no such document", "No document with that id is stored; `eventwire query events` lists ids."),
    ErrorCode("E070", "host not allowed", "Serve with `--allow-host NAME` to accept another Host header."),
    ErrorCode("E080", "checkpoint in use", "Another run writes this checkpoint; wait for it or give another path."),
    ErrorCode("E081", "not a checkpoint", "The file is no eventwire checkpoint, or one of another version."),
    ErrorCode("E082", "checkpoint of other settings", "It was made with other shards or coder settings."),
    ErrorCode("E083", "checkpoint of other input", "It was made from other documents; give a new checkpoint."),
    ErrorCode("E084", "scheduler unreachable", "Check the Dask scheduler's address and that it runs."),
    ErrorCode("E085", "no Dask worker", "Start workers against the scheduler, or run without --scheduler."),
    ErrorCode("E086", "shard results lost", "The coder returned fewer results than documents; report it."),
    ErrorCode("E090", "unknown stage", "Name one of the registered stages (`eventwire info` lists them)."),
    ErrorCode("E091", "bad stage declaration or order", "A stage's scope is batch, document or sentence; "
              "a batch stage comes first."),
    ErrorCode("E092", "no sentence under work", "A sentence stage was called outside the sentence loop."),
    ErrorCode("E093", "spaCy model not installed", "Install the model package the message names."),
    ErrorCode("E094", "bad language data file", "A YAML file of lang/ does not follow its layout."),
    ErrorCode("E095", "no such word list", "The word list or word file named is not in lang/."),
    ErrorCode("E096", "code table incomplete", "A table of data/ lacks rows the coder needs."),
    ErrorCode("E097", "bad pipeline config file", "The config file is not TOML or its [pipeline] table is wrong."),
)

CATALOGUE: dict[str, ErrorCode] = {e.code: e for e in _ENTRIES}
# problems of the run's surroundings, not of one record: reported like the others, but the exit status is 2
FATAL_CODES = frozenset({"E051"})


def tagged(code: str, message: str) -> str:
    """`message` with its code in front, as every report prints it: 'E002 line is not valid JSON (...)'."""
    if code not in CATALOGUE:
        raise KeyError(f"unknown error code {code!r}")
    return f"{code} {message}"


class EventwireError(Exception):
    """An error with a catalogue code; `str()` gives the tagged message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(tagged(code, message))
        self.code = code
        self.detail = message


class OutputError(EventwireError):
    """Output that cannot be written: a full disk, a read-only file, a closed stream (exit status 2)."""

    def __init__(self, message: str) -> None:
        super().__init__("E050", message)


def output_error(what: str, e: OSError | ValueError) -> OutputError:
    """The one error a failed write gives: E050 naming what was written and why it failed."""
    reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e) or type(e).__name__
    return OutputError(f"cannot write {what}: {reason}")
