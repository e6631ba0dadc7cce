"""Command-line options for sharded, Dask and resumable coding (`--workers`, `--scheduler`, `--checkpoint`).

Shared by `eventwire code` and `eventwire ingest`, as reusable typer annotations:

    from . import cli_scale
    def code(..., workers: cli_scale.Workers = 1, scheduler: cli_scale.Scheduler = None,
             checkpoint: cli_scale.CheckpointFile = None):
        scale = cli_scale.scale_options(workers, scheduler, checkpoint, fmt, output)
        # a Parquet folder (scale["parquet_dir"]) is written by the shards; PartsCounter stands in for its writer
        for result in coded_documents(inputs, pub, problems, actors, **scale): ...

`scale_options` returns only the options that were set, so an empty dict means
"the plain one-process path"; otherwise the keyword arguments of
`eventwire.scale.code_sharded(docs, actor_files=..., **scale)`, which yields
CodedDocument in input order. `coded(docs, actor_files, scale)` picks the path
for a caller that consumes the results itself, as `ingest` does: the workers
code, and the one process that called it writes to the store. `--format parquet -o DIR` (an existing folder, or
a new path with no suffix such as `out/events`) writes one Parquet file per shard
into DIR; `-o events.parquet` stays one file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .records import Document, Event

if TYPE_CHECKING:
    from .coder import CodedDocument

Workers = Annotated[int, typer.Option(
    "--workers", min=1, metavar="N",
    help="Code on N Dask worker processes on this machine (1: in this process)")]
Scheduler = Annotated[str | None, typer.Option(
    "--scheduler", metavar="ADDRESS", help="Code on the workers of a running Dask scheduler, e.g. tcp://10.0.0.5:8786")]
CheckpointFile = Annotated[Path | None, typer.Option(
    "--checkpoint", metavar="FILE",
    help="Record finished shards here; run again with the same file to code only what is left")]

_ADDRESS = re.compile(r"(tcp|tls|ucx|ws|wss)://[^\s/]+(:\d+)?/?")


def is_parquet_dir(fmt: str, output: Path | None) -> bool:
    """`--format parquet -o DIR`: an existing folder, or a new path without a suffix (not `x.parquet`, nor an
    existing file or device such as /dev/full)."""
    return fmt == "parquet" and output is not None and (output.is_dir() or not (output.suffix or output.exists()))


def scale_options(workers: int = 1, scheduler: str | None = None, checkpoint: Path | None = None,
                  fmt: str = "jsonl", output: Path | None = None) -> dict[str, Any]:
    """The `code_sharded` keyword arguments for these options; empty when none asks for sharding."""
    opts: dict[str, Any] = {}
    if workers < 1:
        raise typer.BadParameter(f"--workers must be at least 1, got {workers}")
    if workers > 1:
        opts["workers"] = workers
    if scheduler:
        if not _ADDRESS.fullmatch(scheduler):
            raise typer.BadParameter(f"--scheduler must be an address like tcp://HOST:8786, got {scheduler!r}")
        opts["scheduler"] = scheduler
    if checkpoint is not None:
        if checkpoint.is_dir():
            raise typer.BadParameter(f"--checkpoint must be a file, {checkpoint} is a folder")
        opts["checkpoint"] = checkpoint
    if is_parquet_dir(fmt, output):
        opts["parquet_dir"] = output
    return opts


class PartsCounter:
    """Stands in for EventWriter when the shards write their own Parquet parts: counts events."""

    def __init__(self, directory: Path) -> None:
        self.out = directory
        self.name = str(directory)
        self.count = 0

    def write(self, ev: Event) -> None:
        self.count += 1

    def close(self, ok: bool = True) -> None:
        pass


def coded(docs: Iterable[Document], actor_files: Iterable[str | Path],
          scale: dict[str, Any]) -> Iterator[CodedDocument]:
    """Code documents in this process (empty `scale`) or sharded as `scale` asks; one result per document, in order."""
    if scale:
        from .scale import code_sharded

        return code_sharded(docs, actor_files=[str(a) for a in actor_files], **scale)
    from .coder import Coder

    return Coder(actor_files=list(actor_files)).pipe(docs)
