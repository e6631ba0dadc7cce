"""Writers of events: JSONL, CSV, Parquet and a table for the terminal, to one output or several.

Files are written to a temporary name beside the target and renamed at the
end, so a failed run never leaves a file that looks complete. Rows come from
the codec (`codec.flat_row`, `codec.csv_row`), so every format has the same
columns. `EventOutputs` writes the same events to several outputs (the
format of each from its suffix, `output_targets`); one that fails is dropped
and reported, and the others are still written.
"""

from __future__ import annotations

import csv
import json
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, Protocol

from ..errors import OutputError, output_error
from ..records import Event
from ..text import rich_text
from .codec import CSV_COLUMNS, csv_row, flat_row, parquet_schema

FORMATS = ("jsonl", "csv", "parquet", "table")
SUFFIX_FORMATS = {".jsonl": "jsonl", ".csv": "csv", ".parquet": "parquet"}


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
    """Streams events to one output in one format; call `close()` to finish (atomic for files).

    Every failure to write (a full disk, a closed stream) is one OutputError (E050) naming the output.
    """

    def __init__(self, fmt: str, out: Path | None) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        if fmt == "parquet" and out is None:
            raise ValueError("--format parquet needs -o FILE")
        self.fmt, self.out = fmt, out
        self.name = str(out) if out is not None else "standard output"
        self.count = 0
        self._atomic: AtomicFile | None = None
        self._rows: list[dict[str, Any]] = []
        self._events: list[Event] = []
        self._closed = False
        try:
            if out is not None and fmt != "parquet":
                self._atomic = AtomicFile(out, "w")
                self.fh: IO[str] = self._atomic.__enter__()
            elif out is None:
                if sys.stdout is None:  # started with stdout closed (>&-)
                    raise OutputError("cannot write standard output: it is closed")
                self.fh = sys.stdout
            if fmt == "csv":
                self._csv = csv.DictWriter(self.fh, fieldnames=list(CSV_COLUMNS))
                self._csv.writeheader()
        except (OSError, ValueError) as e:
            raise output_error(self.name, e) from None

    def write(self, ev: Event) -> None:
        self.count += 1
        try:
            if self.fmt == "jsonl":
                self.fh.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
            elif self.fmt == "csv":
                self._csv.writerow(csv_row(ev))
            elif self.fmt == "parquet":
                self._rows.append(flat_row(ev))
            else:
                self._events.append(ev)
        except (OSError, ValueError) as e:  # ValueError: the stream was closed under us
            raise output_error(self.name, e) from None

    def close(self, ok: bool = True) -> None:
        """Finish the output (ok) or drop it (not ok: after another error, which stays the one reported)."""
        if self._closed:
            return
        self._closed = True
        try:
            self._finish(ok)
        except (OSError, ValueError) as e:
            if ok:
                raise output_error(self.name, e) from None

    def _finish(self, ok: bool) -> None:
        if self.fmt == "parquet" and self.out is not None and ok:
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pylist(self._rows, schema=parquet_schema())
            with AtomicFile(self.out, "wb") as fh:
                pq.write_table(table, fh)
        elif self.fmt == "table" and ok:
            print_table(self._events, self.fh)
        if self._atomic is not None:
            if ok:
                self._atomic.__exit__(None, None, None)
            else:
                self._atomic.__exit__(RuntimeError, RuntimeError("aborted"), None)
        elif ok and self.fmt != "parquet":
            self.fh.flush()


def is_stdout(path: Path | None) -> bool:
    """Whether an output path stands for standard output (none given, or '-')."""
    return path is None or str(path) == "-"


def output_targets(paths: Sequence[Path] | None, fmt: str | None = None) -> list[tuple[str, Path | None]]:
    """(format, path or None for stdout) for each output: the format from the file's suffix (.jsonl, .csv,
    .parquet), else `fmt` (else jsonl). Raises ValueError for a suffix `fmt` contradicts, an unknown
    format, an output named twice, or two on standard output."""
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"--format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    targets: list[tuple[str, Path | None]] = []
    seen: set[str] = set()
    for path in paths or [None]:
        out = None if is_stdout(path) else path
        key = "-" if out is None else os.path.realpath(out)
        if key in seen:
            raise ValueError(f"{'standard output' if out is None else out} is given as an output twice")
        seen.add(key)
        by_suffix = SUFFIX_FORMATS.get(out.suffix.lower()) if out is not None else None
        if by_suffix and fmt and fmt != by_suffix:
            raise ValueError(f"{out} is {by_suffix} by its suffix, but --format says {fmt}")
        chosen = by_suffix or fmt or "jsonl"
        if chosen == "parquet" and out is None:
            raise ValueError("Parquet is written to a file: give -o FILE.parquet")
        targets.append((chosen, out))
    return targets


class Sink(Protocol):
    """What `EventOutputs` writes to: an EventWriter, or a stand-in that counts (Parquet parts)."""

    name: str
    count: int

    def write(self, ev: Event) -> None: ...
    def close(self, ok: bool = True) -> None: ...


class EventOutputs:
    """The same events to several outputs. An output that cannot be opened, written or finished is one
    OutputError (E050), passed to `on_failure` and kept in `failures`; it is dropped (nothing half-written
    is left) and the others go on. `alive` says whether any output is still being written.

        outs = EventOutputs(on_failure=print)
        for fmt, path in output_targets([Path("a.csv"), Path("a.parquet")]):
            outs.open(fmt, path)
        for ev in events:
            outs.write(ev)
        outs.close()            # outs.failures: the outputs lost, outs.written: the ones finished
    """

    def __init__(self, on_failure: Callable[[OutputError], None] | None = None) -> None:
        self.sinks: list[Sink] = []
        self.written: list[Sink] = []
        self.failures: list[OutputError] = []
        self.on_failure = on_failure
        self.count = 0  # events given to write()

    def _fail(self, e: OutputError) -> None:
        self.failures.append(e)
        if self.on_failure is not None:
            self.on_failure(e)

    def open(self, fmt: str, path: Path | None) -> None:
        """Open one more output (an EventWriter); a failure to open it is reported, not raised."""
        try:
            self.sinks.append(EventWriter(fmt, None if is_stdout(path) else path))
        except OutputError as e:
            self._fail(e)

    def add(self, sink: Sink) -> None:
        self.sinks.append(sink)

    @property
    def alive(self) -> bool:
        return bool(self.sinks)

    def write(self, ev: Event) -> None:
        self.count += 1
        for sink in list(self.sinks):
            try:
                sink.write(ev)
            except OutputError as e:
                self.sinks.remove(sink)
                sink.close(ok=False)
                self._fail(e)

    def close(self, ok: bool = True) -> None:
        """Finish every output still open (ok), or drop them all (not ok: the run failed otherwise)."""
        sinks, self.sinks = self.sinks, []
        for sink in sinks:
            try:
                sink.close(ok=ok)
            except OutputError as e:
                self._fail(e)
            else:
                if ok:
                    self.written.append(sink)


def print_table(events: list[Event], fh: IO[str]) -> None:
    """A readable table of events (rich), for people at a terminal; text from data is shown, never obeyed."""
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
        table.add_row(*(rich_text(v) for v in (ev.doc_id, ev.date or "", who(ev.source), ev.event_type,
                                                who(ev.target), ev.modality, ev.trigger.text)))
    Console(file=fh, width=160).print(table)
