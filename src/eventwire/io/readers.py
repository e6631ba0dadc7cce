"""The one reader of input: JSON Lines documents and coded-event records, text files, folders, stdin.

Reading never raises on bad input. A bad line, file or field becomes an
`InputProblem` naming where it was (file and line) and what is wrong, with a
code from the catalogue (`errors.py`), and reading goes on. Lines are decoded
one by one, so a line that is not UTF-8 costs only itself; standard input is
read the same way as a file (a byte-order mark is dropped, bytes are UTF-8).
Files are read as a stream: memory does not grow with the size of the input.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from ..errors import tagged
from ..records import Document, Event
from .codec import RecordError, decode_event, is_event_record

# larger documents are refused (parsing 1 MB peaks near 3 GB); smaller ones are coded in pieces
MAX_DOC_CHARS = 2_000_000
RAW_CHARS = 2000  # how much of a bad line an --errors record keeps
INPUT_SUFFIXES = (".jsonl", ".txt")
NOT_EVENT_SUFFIXES = {".txt": "plain-text", ".csv": "CSV", ".parquet": "Parquet"}  # never coded-event JSON Lines


@dataclass
class InputProblem:
    """A record that could not be read: where it was, what is wrong (with its code), and the raw text."""

    source: str
    line: int | None
    problem: str
    raw: str | None = None
    code: str = "E002"

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}" if self.line is not None else self.source

    def message(self) -> str:
        return f"{self.where}: {tagged(self.code, self.problem)}"

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "line": self.line, "code": self.code, "problem": self.problem,
                "raw": self.raw}


class DocumentError(ValueError):
    """A decoded line that is not a valid document; `code` is its catalogue code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


# ---------------------------------------------------------------------------- documents

def parse_date(value: Any) -> date | None:
    """An ISO date (or datetime) string -> date; raises ValueError with a readable reason."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"'published' must be an ISO date string, got {type(value).__name__}")
    text = value.strip()
    try:  # a date, or a timestamp whose date part is taken ("2025-11-26T08:00:00Z")
        if not text.isascii():  # fromisoformat reads other scripts' digits too
            raise ValueError(text)
        return date.fromisoformat(text) if len(text) <= 10 else datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(f"'published' is not an ISO date: {value[:40]!r}") from None


def _lone_surrogate(value: str) -> int | None:
    """Index of the first lone surrogate in `value` (not encodable as UTF-8), or None."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        return e.start
    return None


def document_from_dict(obj: Any) -> Document:
    """Validate one decoded JSON object as a Document; raises DocumentError (a ValueError) naming the field."""
    if not isinstance(obj, dict):
        raise DocumentError("E005", f"expected a JSON object, got {type(obj).__name__}")
    doc_id = obj.get("id")
    if doc_id is None or (isinstance(doc_id, str) and not doc_id.strip()):
        raise DocumentError("E010", "missing 'id'")
    if not isinstance(doc_id, str):
        raise DocumentError("E010", f"'id' must be a string, got {type(doc_id).__name__} {str(doc_id)[:30]}")
    text = obj.get("text")
    if text is None:
        raise DocumentError("E011", f"document {doc_id!r}: missing 'text'")
    if not isinstance(text, str):
        raise DocumentError("E011", f"document {doc_id!r}: 'text' must be a string, got {type(text).__name__}")
    if len(text) > MAX_DOC_CHARS:
        raise DocumentError("E012", f"document {doc_id!r}: text of {len(text):,} characters exceeds "
                                    f"{MAX_DOC_CHARS:,}")
    for key in ("source", "title"):
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise DocumentError("E015", f"document {doc_id!r}: '{key}' must be a string, got {type(value).__name__}")
    for key in ("id", "text", "source", "title"):  # a JSON escape such as \ud800 decodes to a lone surrogate
        value = obj.get(key)
        if isinstance(value, str) and (bad := _lone_surrogate(value)) is not None:
            raise DocumentError("E013", f"document {doc_id!r}: '{key}' holds a lone surrogate "
                                        f"(U+{ord(value[bad]):04X} at character {bad}), which is not Unicode text")
    try:
        published = parse_date(obj.get("published"))
    except ValueError as e:
        raise DocumentError("E014", f"document {doc_id!r}: {e}") from None
    return Document(id=doc_id, text=text, published=published, source=obj.get("source"), title=obj.get("title"))


# ---------------------------------------------------------------------------- ids seen


class Seen:
    """The document and event ids read so far in one run, with where each was first read.

    Where is kept as one int per id (the source's number in `sources`, and the line), not as a string: an
    ingest of 100k documents and their events remembers 300k ids, and a string per id cost 25 MB more.
    """

    def __init__(self) -> None:
        self.docs: dict[str, int] = {}
        self.events: dict[str, int] = {}
        self.sources: list[str] = []
        self._source_numbers: dict[str, int] = {}

    def _where(self, source: str, line: int | None) -> int:
        n = self._source_numbers.setdefault(source, len(self.sources))
        if n == len(self.sources):
            self.sources.append(source)
        return n << 32 | (line or 0)  # lines count from 1: 0 is a source without lines (a text file)

    def _name(self, where: int) -> str:
        source, line = self.sources[where >> 32], where & 0xFFFFFFFF
        return f"{source}:{line}" if line else source

    def repeat(self, item: Document | Event, source: str, line: int | None) -> InputProblem | None:
        """None for a first sighting (remembered); else the problem to report for the repeat."""
        where = self._where(source, line)
        if isinstance(item, Document):
            table, key, code, what = self.docs, item.id, "E016", "document id"
        else:
            table, key, code, what = self.events, item.event_id, "E021", "event id"
        first = table.get(key)
        if first is None:
            table[key] = where
            return None
        return InputProblem(source, line,
                            f"duplicate {what} {key[:80]!r} (first read at {self._name(first)}): the first one is kept",
                            code=code)


# ---------------------------------------------------------------------------- lines

def decode_json(line: str) -> Any:
    """One line as JSON; raises DocumentError with the catalogue code of whatever `json` objected to."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as e:
        raise DocumentError("E002", f"not valid JSON ({e.msg} at column {e.colno})") from None
    except RecursionError:  # the decoder recurses once per level of [ or {
        raise DocumentError("E003", "not valid JSON (nested too deeply)") from None
    except ValueError as e:  # an integer of more than 4,300 digits
        raise DocumentError("E004", f"not readable JSON (a number too large: {str(e)[:80]})") from None


def _lines(stream: Iterable[bytes | str]) -> Iterator[tuple[int, str | None, bytes | str]]:
    """(line number, text or None when not UTF-8, raw) for each line; a leading BOM is dropped.

    Lines end at '\\n' only: U+2028 and the other characters `splitlines()` breaks at are text inside a
    JSON string, so line numbers are the ones an editor shows.
    """
    for n, raw in enumerate(stream, 1):
        if isinstance(raw, str):
            text: str | None = raw
        else:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = None
        if n == 1 and text is not None and text.startswith("\ufeff"):
            text = text[1:]
        yield n, text, raw


def _not_utf8(raw: bytes) -> str:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return f"line is not UTF-8 (byte {e.start + 1} of the line: {raw[e.start:e.start + 1]!r})"
    return "line is not UTF-8"


def read_jsonl(stream: Iterable[bytes | str], name: str, events: bool = False, seen: Seen | None = None,
               only_events: bool = False) -> Iterator[Document | Event | InputProblem]:
    """Documents (and, with `events`, coded-event records) from JSON Lines; each bad line is an InputProblem.

    With `seen`, a repeated id is a problem of its line (the first one read wins). With `only_events`,
    a line that is not a coded-event record (a document) is a problem (E022).
    """
    for n, text, raw in _lines(stream):
        if text is None:
            assert isinstance(raw, bytes)
            yield InputProblem(name, n, _not_utf8(raw), raw[:RAW_CHARS].decode("utf-8", "replace"), "E001")
            continue
        if not text.strip():
            continue
        try:
            obj = decode_json(text)
            if only_events and not is_event_record(obj):
                raise DocumentError("E022", "not a coded-event record (no 'event_type'): a document is coded "
                                            "with `eventwire code`")
            item = decode_event(obj) if (events or only_events) and is_event_record(obj) else \
                document_from_dict(obj)
        except DocumentError as e:
            yield InputProblem(name, n, str(e), text[:RAW_CHARS], e.code)
        except RecordError as e:
            yield InputProblem(name, n, e.detail, text[:RAW_CHARS], e.code)
        else:
            dup = seen.repeat(item, name, n) if seen is not None else None
            if dup is not None:
                dup.raw = text[:RAW_CHARS]
            yield dup or item


class _Counted:
    """Iterates the lines of a binary file and remembers whether any held more than white space."""

    def __init__(self, fh: IO[bytes]) -> None:
        self.fh, self.content = fh, False

    def __iter__(self) -> Iterator[bytes]:
        for line in self.fh:
            if not self.content and line.strip().removeprefix(b"\xef\xbb\xbf").strip():
                self.content = True
            yield line.removesuffix(b"\n")


# ---------------------------------------------------------------------------- files and folders

def _os_problem(name: str, e: OSError) -> InputProblem:
    if isinstance(e, FileNotFoundError):
        return InputProblem(name, None, "no such file or folder", code="E030")
    return InputProblem(name, None, f"cannot read: {e.strerror or e}", code="E031")


def _walk(folder: Path) -> Iterator[Path | InputProblem]:
    """The input files under `folder` in name order, and a problem for each folder that cannot be read."""
    problems: list[InputProblem] = []
    files: list[Path] = []
    for root, dirs, names in os.walk(folder, onerror=lambda e: problems.append(_os_problem(e.filename, e))):
        dirs.sort()
        files += [Path(root) / n for n in names if Path(n).suffix.lower() in INPUT_SUFFIXES]
    yield from problems
    found = sorted(f for f in files if f.is_file() or not f.exists())
    if not found and not problems:
        yield InputProblem(str(folder), None, "folder holds no .jsonl or .txt files", code="E033")
    yield from found


def _read_text_file(path: Path, published: date | None, seen: Seen | None) -> Iterator[Document | InputProblem]:
    name = str(path)
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_DOC_CHARS * 4 + 4)
    except OSError as e:
        yield _os_problem(name, e)
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        yield InputProblem(name, line, f"not UTF-8 (byte {e.start}: {data[e.start:e.start + 1]!r})", code="E001")
        return
    if not text.strip():
        yield InputProblem(name, None, "file is empty", code="E032")
    elif len(text) > MAX_DOC_CHARS:
        yield InputProblem(name, None, f"text of {len(text):,} characters exceeds {MAX_DOC_CHARS:,}", code="E012")
    else:
        doc = Document(id=path.stem, text=text, published=published, source=None, title=None)
        yield (seen.repeat(doc, name, None) if seen is not None else None) or doc


def _read_jsonl_file(path: Path, events: bool, seen: Seen | None, only_events: bool = False,
                     ) -> Iterator[Document | Event | InputProblem]:
    name = str(path)
    try:
        fh = path.open("rb")
    except OSError as e:
        yield _os_problem(name, e)
        return
    with fh:
        lines = _Counted(fh)
        try:
            yield from read_jsonl(lines, name, events, seen, only_events)
        except OSError as e:  # a read error part way (an I/O error, a folder given a .jsonl name)
            yield _os_problem(name, e)
            return
    if not lines.content:
        yield InputProblem(name, None, "file is empty", code="E032")


def read_path(path: Path, published: date | None = None, events: bool = False, seen: Seen | None = None,
              only_events: bool = False) -> Iterator[Document | Event | InputProblem]:
    """Documents from one .jsonl or .txt file, or a folder of them (sorted by name, unreadable ones reported).

    With `only_events`, coded-event records only: any other line is a problem (E022), and a text, CSV or
    Parquet file is one problem (E034) rather than a line-by-line list of JSON errors.
    """
    if path.is_dir():
        for item in _walk(path):
            if isinstance(item, InputProblem):
                yield item
            else:
                yield from read_path(item, published, events, seen, only_events)
        return
    suffix = path.suffix.lower()
    try:
        path.stat()
    except OSError as e:  # missing (E030), or a symbolic-link loop or a folder not searchable (E031)
        yield _os_problem(str(path), e)
        return
    if only_events and suffix in NOT_EVENT_SUFFIXES:
        yield InputProblem(str(path), None, f"a {NOT_EVENT_SUFFIXES[suffix]} file, not JSON Lines of coded events",
                           code="E034")
    elif suffix == ".txt":
        yield from _read_text_file(path, published, seen)
    else:
        yield from _read_jsonl_file(path, events, seen, only_events)


def _stdin(events: bool, seen: Seen, only_events: bool = False) -> Iterator[Document | Event | InputProblem]:
    stream = getattr(sys.stdin, "buffer", None)
    if sys.stdin is None or stream is None or stream.closed:
        yield InputProblem("<stdin>", None, "standard input is closed", code="E051")
        return
    try:
        yield from read_jsonl((line.removesuffix(b"\n") for line in stream), "<stdin>", events, seen, only_events)
    except (OSError, ValueError) as e:  # a closed descriptor reads as EBADF, a closed file as ValueError
        yield InputProblem("<stdin>", None, f"standard input cannot be read: {e}", code="E051")


def read_inputs(inputs: Iterable[str], published: date | None = None, events: bool = False,
                only_events: bool = False) -> Iterator[Document | Event | InputProblem]:
    """Documents (and coded events, with `events`) from paths, folders, or '-' for JSON Lines on stdin.

    Ids are unique within one run: the first document (or event record) with an id wins, and each
    repeat is an InputProblem at its own line that names where the first was. With `only_events`,
    coded events alone (what `eventwire convert` reads): anything else is a problem.
    """
    seen = Seen()
    for inp in inputs:
        if inp == "-":
            yield from _stdin(events, seen, only_events)
        else:
            yield from read_path(Path(inp), published, events, seen, only_events)
