"""Read documents (JSONL, text files, folders, stdin) and write events (JSONL, CSV, Parquet).

Reading never raises on bad input: a bad line, file or field becomes an
`InputProblem` naming where it was and what is wrong, and reading goes on.
Writers write to a temporary name beside the target and rename at the end,
so a failed run never leaves a file that looks complete.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from .records import Document, Event

# larger documents are refused (parsing 1 MB peaks near 3 GB); smaller ones are coded in pieces
MAX_DOC_CHARS = 2_000_000


@dataclass
class InputProblem:
    """A record that could not be read: where it was, what is wrong, and the raw text."""

    source: str
    line: int | None
    problem: str
    raw: str | None = None

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}" if self.line is not None else self.source

    def message(self) -> str:
        return f"{self.where}: {self.problem}"

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "line": self.line, "problem": self.problem, "raw": self.raw}


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
    """Validate one decoded JSON object as a Document; raises ValueError naming the field."""
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    doc_id = obj.get("id")
    if doc_id is None or (isinstance(doc_id, str) and not doc_id.strip()):
        raise ValueError("missing 'id'")
    if not isinstance(doc_id, str | int) or isinstance(doc_id, bool):
        raise ValueError(f"'id' must be a string, got {type(doc_id).__name__}")
    text = obj.get("text")
    if text is None:
        raise ValueError(f"document {doc_id!r}: missing 'text'")
    if not isinstance(text, str):
        raise ValueError(f"document {doc_id!r}: 'text' must be a string, got {type(text).__name__}")
    if len(text) > MAX_DOC_CHARS:
        raise ValueError(f"document {doc_id!r}: text of {len(text):,} characters exceeds {MAX_DOC_CHARS:,}")
    for key in ("id", "text", "source", "title"):  # a JSON escape such as \ud800 decodes to a lone surrogate
        value = obj.get(key)
        if isinstance(value, str) and (bad := _lone_surrogate(value)) is not None:
            raise ValueError(f"document {doc_id!r}: '{key}' holds a lone surrogate (U+{ord(value[bad]):04X} at "
                             f"character {bad}), which is not Unicode text")
    try:
        published = parse_date(obj.get("published"))
    except ValueError as e:
        raise ValueError(f"document {doc_id!r}: {e}") from None

    def opt(key: str) -> str | None:
        v = obj.get(key)
        return v if isinstance(v, str) else None

    return Document(id=str(doc_id), text=text, published=published, source=opt("source"), title=opt("title"))


def read_jsonl(stream: Iterable[str], name: str) -> Iterator[Document | InputProblem]:
    """Documents from JSON Lines; each bad line becomes an InputProblem."""
    for n, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputProblem(name, n, f"not valid JSON ({e.msg} at column {e.colno})", line[:2000])
            continue
        except RecursionError:  # the decoder recurses once per level of [ or {
            yield InputProblem(name, n, "not valid JSON (nested too deeply)", line[:2000])
            continue
        try:
            yield document_from_dict(obj)
        except ValueError as e:
            yield InputProblem(name, n, str(e), line[:2000])


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ValueError(f"not UTF-8 (byte {e.start}: {data[e.start:e.start + 1]!r})") from None


def read_path(path: Path, published: date | None = None) -> Iterator[Document | InputProblem]:
    """Documents from one .jsonl or .txt file, or a folder of them (sorted by name)."""
    name = str(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in (".jsonl", ".txt"))
        if not files:
            yield InputProblem(name, None, "folder holds no .jsonl or .txt files")
        for f in files:
            yield from read_path(f, published)
        return
    if not path.exists():
        yield InputProblem(name, None, "no such file or folder")
        return
    try:
        text = _read_text(path)
    except (OSError, ValueError) as e:
        yield InputProblem(name, None, str(e))
        return
    if not text.strip():
        yield InputProblem(name, None, "file is empty")
        return
    if path.suffix.lower() == ".txt":
        if len(text) > MAX_DOC_CHARS:
            yield InputProblem(name, None, f"text of {len(text):,} characters exceeds {MAX_DOC_CHARS:,}")
            return
        yield Document(id=path.stem, text=text, published=published, source=None, title=None)
    else:
        yield from read_jsonl(io.StringIO(text), name)


def read_inputs(inputs: Iterable[str], published: date | None = None) -> Iterator[Document | InputProblem]:
    """Documents from every input: paths, folders, or '-' for JSON Lines on stdin."""
    for inp in inputs:
        if inp == "-":
            stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
            yield from read_jsonl(stdin, "<stdin>")
        else:
            yield from read_path(Path(inp), published)


# ---------------------------------------------------------------------------- writers

FORMATS = ("jsonl", "csv", "parquet", "table")

ACTOR_FIELDS = ("text", "name", "code", "sector", "start", "end")
CSV_COLUMNS = (
    ["event_id", "doc_id", "sentence", "event_type", "mode", "cameo", "goldstein", "quad_class", "modality",
     "date", "date_precision"]
    + [f"source_{f}" for f in ACTOR_FIELDS]
    + [f"target_{f}" for f in ACTOR_FIELDS]
    + ["trigger_text", "trigger_start", "trigger_end", "location_text", "location_country",
       "topics", "attributed_to_text", "attributed_to_code", "attributed_to_sector", "confidence", "text"]
)


def flat_row(ev: Event) -> dict[str, Any]:
    """An event as one flat row: actors and nested fields spread into columns."""
    d = ev.to_dict()
    row: dict[str, Any] = {k: d[k] for k in ("event_id", "doc_id", "sentence", "event_type", "mode", "cameo",
                                             "goldstein", "quad_class", "modality", "date", "date_precision",
                                             "confidence", "text")}
    for side in ("source", "target"):
        a = d[side] or {}
        for f in ACTOR_FIELDS:
            row[f"{side}_{f}"] = a.get(f)
    row["trigger_text"] = d["trigger"]["text"]
    row["trigger_start"] = d["trigger"]["start"]
    row["trigger_end"] = d["trigger"]["end"]
    row["location_text"] = d["location"]["text"]
    row["location_country"] = d["location"]["country"]
    row["topics"] = "|".join(d["topics"])
    att = d["attributed_to"] or {}
    row["attributed_to_text"] = att.get("text")
    row["attributed_to_code"] = att.get("code")
    row["attributed_to_sector"] = att.get("sector")
    return {c: row[c] for c in CSV_COLUMNS}


def parquet_schema():  # -> pyarrow.Schema
    """The fixed Parquet schema: one column per flat field."""
    import pyarrow as pa

    types = {
        "sentence": pa.int32(), "goldstein": pa.float64(), "quad_class": pa.int8(), "confidence": pa.float64(),
        "source_start": pa.int64(), "source_end": pa.int64(), "target_start": pa.int64(),
        "target_end": pa.int64(), "trigger_start": pa.int64(), "trigger_end": pa.int64(),
    }
    return pa.schema([(c, types.get(c, pa.string())) for c in CSV_COLUMNS])


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _umask()


class AtomicFile:
    """Write to a temporary file beside `path`; rename onto it only on success.

    The file keeps the mode of the one it replaces (a new one gets 0666 less
    the umask, as `open` would give). A path that is not a regular file (a
    device such as /dev/null or /dev/full, a FIFO, /dev/stdout on a pipe) is
    written in place: renaming a file over it would replace the device itself.
    A symbolic link to a file is followed, so the link stays a link.
    """

    def __init__(self, path: Path, mode: str = "w") -> None:
        self.path = path
        self.mode = mode
        self.tmp: str | None = None
        self.fh: IO[Any] | None = None
        self.target = path

    def _open(self, fd_or_path: int | str | Path) -> IO[Any]:
        if "b" in self.mode:
            return open(fd_or_path, self.mode)
        return open(fd_or_path, self.mode, encoding="utf-8", newline="")

    def __enter__(self) -> IO[Any]:
        try:
            st: os.stat_result | None = os.stat(self.path)
        except FileNotFoundError:
            st = None
        if st is not None and not stat.S_ISREG(st.st_mode):
            self.fh = self._open(self.path)
            return self.fh
        self.target = Path(os.path.realpath(self.path)) if self.path.is_symlink() else self.path
        directory = self.target.parent if str(self.target.parent) else Path(".")
        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".part", dir=directory)
        try:
            os.fchmod(fd, stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_UMASK)
            self.fh = self._open(fd)
        except BaseException:
            os.close(fd)
            os.unlink(self.tmp)
            raise
        return self.fh

    def __exit__(self, exc_type, exc, tb) -> None:
        assert self.fh is not None
        if self.tmp is None:  # written in place
            if exc_type is None:
                self.fh.flush()
            self.fh.close()
            return
        try:
            if exc_type is None:
                self.fh.flush()
                os.fsync(self.fh.fileno())
            self.fh.close()
        except OSError:
            os.unlink(self.tmp)
            raise
        if exc_type is None:
            os.replace(self.tmp, self.target)
        else:
            os.unlink(self.tmp)


class EventWriter:
    """Streams events to one output in one format; call `close()` to finish (atomic for files)."""

    def __init__(self, fmt: str, out: Path | None) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        if fmt == "parquet" and out is None:
            raise ValueError("--format parquet needs -o FILE")
        self.fmt, self.out = fmt, out
        self.count = 0
        self._atomic: AtomicFile | None = None
        self._rows: list[dict[str, Any]] = []
        self._events: list[Event] = []
        if out is not None and fmt != "parquet":
            self._atomic = AtomicFile(out, "w")
            self.fh: IO[str] = self._atomic.__enter__()
        else:
            self.fh = sys.stdout
        if fmt == "csv":
            self._csv = csv.DictWriter(self.fh, fieldnames=list(CSV_COLUMNS))
            self._csv.writeheader()

    def write(self, ev: Event) -> None:
        self.count += 1
        if self.fmt == "jsonl":
            self.fh.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
        elif self.fmt == "csv":
            self._csv.writerow(flat_row(ev))
        elif self.fmt == "parquet":
            self._rows.append(flat_row(ev))
        else:
            self._events.append(ev)

    def close(self, ok: bool = True) -> None:
        if self.fmt == "parquet" and self.out is not None and ok:
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pylist(self._rows, schema=parquet_schema())
            with AtomicFile(self.out, "wb") as fh:
                pq.write_table(table, fh)
        elif self.fmt == "table":
            print_table(self._events, self.fh)
        if self._atomic is not None:
            if ok:
                self._atomic.__exit__(None, None, None)
            else:
                self._atomic.__exit__(RuntimeError, RuntimeError("aborted"), None)
        else:
            self.fh.flush()


def print_table(events: list[Event], fh: IO[str]) -> None:
    """A readable table of events (rich), for people at a terminal."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(events)} events", show_lines=False)
    for col in ("doc", "date", "source", "event", "target", "modality", "trigger"):
        table.add_column(col, overflow="fold")

    def who(m) -> str:
        if m is None:
            return "-"
        named = f"({m.text})" if m.text else "(from context)"
        return f"{m.code or '?'} {m.actor.sector or ''} {named}".replace("  ", " ")

    for ev in events:
        table.add_row(ev.doc_id, ev.date or "", who(ev.source), ev.event_type, who(ev.target), ev.modality,
                      ev.trigger.text)
    Console(file=fh, width=160).print(table)
