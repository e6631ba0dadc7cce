"""Code documents in shards, in one process or on a Dask cluster, resumably.

The entry point (what `eventwire code --workers/--scheduler/--checkpoint` calls):

    code_sharded(docs: Iterable[Document], *, workers: int = 1, scheduler: str | None = None,
                 client: distributed.Client | None = None, shard_size: int = 64,
                 actor_files: Iterable[str | Path] = (), model: str | None = None,
                 checkpoint: str | Path | None = None, parquet_dir: str | Path | None = None,
                 coder: Coder | None = None, factory: str = "eventwire.coder:Coder",
                 batch_size: int = 32, stats: RunStats | None = None) -> Iterator[CodedDocument]

- Input is read lazily and cut into shards of `shard_size` documents. With
  `workers=1` and no `scheduler`/`client` they are coded in this process;
  `workers=N>1` starts a `LocalCluster(n_workers=N, threads_per_worker=1,
  processes=True)` for the run; `scheduler="tcp://HOST:PORT"` uses that cluster.
  Each worker process builds one coder per settings and keeps it (`worker_coder`).
- Shards come back with `as_completed` and are yielded in input order; a few
  shards per worker are in flight or buffered at most, so memory stays flat.
- `checkpoint=FILE` (`eventwire.checkpoint`): every finished shard is written to `FILE.parts/shard-NNNNNN.jsonl`
  (atomically), then a line is appended to FILE. A run started again with the
  same FILE and the same input reuses those shards and codes only the rest; the
  caller writes its output from the yielded results at the end, so no event is
  written twice. A checkpoint from another input, shard size, actor files or pipeline config is
  refused (`CheckpointMismatch`, a ValueError).
- `parquet_dir=DIR`: one Parquet file per shard, `DIR/part-NNNNNN.parquet`,
  written atomically when the shard is done (same name on a rerun, never twice).

Actor files and the pipeline config (`config_file`) are read here and shipped
to the workers by content, so a remote cluster needs no shared file system.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
import sys
import tempfile
import threading
from collections import OrderedDict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .checkpoint import (
    CHECKPOINT_FORMAT,
    CHECKPOINT_VERSION,
    Checkpoint,
    CheckpointMismatch,
    parquet_part,
    read_part,
    remove_stale_parquet,
    write_parquet_part,
    write_part,
)
from .records import Document

if TYPE_CHECKING:
    from distributed import Client, LocalCluster

    from .coder import CodedDocument

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

__all__ = [  # checkpoints and part files live in eventwire.checkpoint; they are re-exported here
    "CHECKPOINT_FORMAT", "CHECKPOINT_VERSION", "DEFAULT_FACTORY", "SHARD_SIZE", "Checkpoint", "CheckpointMismatch",
    "ClusterUnavailable", "CoderSettings", "DaskRunner", "InProcessRunner", "RunStats", "Shard", "ShardFailure",
    "code_shard", "code_sharded", "fingerprint", "local_cluster", "make_shards", "parquet_part", "peak_rss_bytes",
    "read_part", "remove_stale_parquet", "worker_coder", "write_parquet_part", "write_part",
]

SHARD_SIZE = 64
DEFAULT_FACTORY = "eventwire.coder:Coder"
WORKER_WAIT_S = 60.0  # how long to wait for a remote cluster to have a worker
_KEEP_CODERS = 2  # coders kept per worker process (one per settings)


class ClusterUnavailable(ValueError):
    """The --scheduler given cannot be used: it does not answer, or no worker joins it."""


# ---------------------------------------------------------------------------- shards


@dataclass
class Shard:
    """A run of consecutive documents: its position in the input and a hash of what it holds."""

    index: int
    first: int  # input position of its first document
    docs: list[Document]
    fingerprint: str

    @property
    def where(self) -> str:
        return f"shard {self.index} (documents {self.first + 1}-{self.first + len(self.docs)})"


def fingerprint(docs: Iterable[Document]) -> str:
    """A hash of the documents' ids, publication dates and texts: what decides their events."""
    h = hashlib.sha256()
    for d in docs:
        pub = d.published.isoformat() if d.published else ""
        for part in (d.id, pub, d.text):
            b = part.encode("utf-8", "surrogatepass")
            h.update(len(b).to_bytes(8, "little"))
            h.update(b)
    return h.hexdigest()[:32]


def make_shards(docs: Iterable[Document], shard_size: int = SHARD_SIZE) -> Iterator[Shard]:
    """Cut documents into shards of `shard_size`, reading the input lazily."""
    if shard_size < 1:
        raise ValueError(f"shard size must be at least 1, got {shard_size}")
    batch: list[Document] = []
    index = first = 0
    for d in docs:
        batch.append(d)
        if len(batch) == shard_size:
            yield Shard(index, first, batch, fingerprint(batch))
            index, first, batch = index + 1, first + len(batch), []
    if batch:
        yield Shard(index, first, batch, fingerprint(batch))


# ---------------------------------------------------------------------------- coder settings, per-process cache


@dataclass(frozen=True)
class CoderSettings:
    """What decides a coder's output; hashable, so that a worker keeps one coder per settings."""

    actor_files: tuple[tuple[str, str], ...] = ()  # (path as given, file text)
    model: str | None = None  # None: the Coder's default model
    batch_size: int = 32
    factory: str = DEFAULT_FACTORY  # "module:callable" taking actor_files=, batch_size= (and model=, config_file=)
    config: tuple[str, str] | None = None  # the pipeline config file: (path as given, its text)

    @classmethod
    def create(cls, actor_files: Iterable[str | Path] = (), model: str | None = None, batch_size: int = 32,
               factory: str = DEFAULT_FACTORY, config_file: str | Path | None = None) -> CoderSettings:
        """Settings with the actor files and the pipeline config read now (a missing file is a ValueError)."""
        files = [(str(p), _read(p, "actor file")) for p in actor_files]
        config = (str(config_file), _read(config_file, "pipeline config")) if config_file is not None else None
        return cls(tuple(files), model, batch_size, factory, config)

    def identity(self) -> dict[str, Any]:
        """What a checkpoint records to recognise the same coder again."""
        out: dict[str, Any] = {
            "eventwire": __version__,
            "factory": self.factory,
            "model": self.model,
            "actor_files": [_file_identity(p, t) for p, t in self.actor_files],
        }
        if self.config is not None:  # absent without one, so older checkpoints stay valid
            out["config"] = _file_identity(*self.config)
        return out

    def build(self) -> Any:
        """A new coder for these settings (actor files written to a temporary folder while it loads)."""
        module, _, name = self.factory.partition(":")
        make = getattr(importlib.import_module(module), name)
        kwargs: dict[str, Any] = {"batch_size": self.batch_size}
        if self.model is not None:
            kwargs["model"] = self.model
        with tempfile.TemporaryDirectory(prefix="eventwire-actors-") as tmp:
            paths = []
            for i, (orig, text) in enumerate(self.actor_files):
                p = Path(tmp) / str(i) / Path(orig).name
                p.parent.mkdir()
                p.write_text(text, encoding="utf-8")
                paths.append((str(p), orig))
            if self.config is not None:
                p = Path(tmp) / "config" / Path(self.config[0]).name
                p.parent.mkdir()
                p.write_text(self.config[1], encoding="utf-8")
                kwargs["config_file"] = str(p)
            try:
                return make(actor_files=[p for p, _ in paths], **kwargs)
            except ValueError as e:  # name the user's file, not the temporary copy
                msg = str(e)
                copies = paths + ([(kwargs["config_file"], self.config[0])] if self.config is not None else [])
                for p, orig in copies:
                    msg = msg.replace(p, orig)
                raise ValueError(msg) from e


_coders: OrderedDict[CoderSettings, Any] = OrderedDict()
_coders_lock = threading.Lock()


def _read(path: str | Path, what: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        reason = e.strerror if isinstance(e, OSError) else "not UTF-8"
        raise ValueError(f"[E031] cannot read {what} {path}: {reason}") from None


def _file_identity(path: str, text: str) -> dict[str, str]:
    return {"name": Path(path).name, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}


def worker_coder(settings: CoderSettings) -> Any:
    """The coder of this process for `settings`: built on first use, then reused for every shard."""
    with _coders_lock:
        coder = _coders.get(settings)
        if coder is None:
            log.info("loading coder in process %d", os.getpid())
            coder = settings.build()
            _coders[settings] = coder
            while len(_coders) > _KEEP_CODERS:
                _coders.popitem(last=False)
        else:
            _coders.move_to_end(settings)
        return coder


@dataclass
class ShardFailure:
    """A coder that could not be built on a worker (bad actor file, missing model): raised again by the caller."""

    error: Exception


def code_shard(settings: CoderSettings, shard: Shard) -> list[CodedDocument] | ShardFailure:
    """Code one shard with this process's coder (the Dask task)."""
    try:
        coder = worker_coder(settings)
    except (ValueError, RuntimeError, OSError, ImportError) as e:  # the user's to fix, not a crashed worker
        return ShardFailure(e)
    return _checked(shard, list(coder.pipe(shard.docs)))


def _checked(shard: Shard, results: list[CodedDocument]) -> list[CodedDocument]:
    if len(results) != len(shard.docs):
        raise RuntimeError(f"[E086] {shard.where}: coder gave {len(results)} results for {len(shard.docs)} documents")
    return results


def peak_rss_bytes() -> int:
    """Peak resident memory of this process (run on each worker with `client.run`).

    Linux's VmHWM belongs to this process image; `ru_maxrss` would carry over the
    peak of the process that spawned it (it survives exec), so it is only a fallback.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    import resource  # POSIX only, like the fallback itself

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)


# ---------------------------------------------------------------------------- runners


class InProcessRunner:
    """Codes shards one after the other in this process."""

    def __init__(self, settings: CoderSettings, coder: Any = None) -> None:
        self.settings = settings
        self.coder = coder
        self.queue: deque[Shard] = deque()
        self.slots = 1

    def submit(self, shard: Shard) -> None:
        self.queue.append(shard)

    def pending(self) -> int:
        return len(self.queue)

    def next_done(self) -> tuple[Shard, list[CodedDocument]]:
        shard = self.queue.popleft()
        if self.coder is None:
            self.coder = self.settings.build()
        return shard, _checked(shard, list(self.coder.pipe(shard.docs)))

    def close(self) -> None:
        pass


def local_cluster(workers: int) -> tuple[LocalCluster, Client]:
    """A LocalCluster of `workers` single-threaded processes, and a client of it (close both when done)."""
    import dask
    from distributed import Client, LocalCluster

    # Dask gives its workers MALLOC_TRIM_THRESHOLD_=65536 so that freed memory goes back to the OS at once;
    # parsing frees many small objects and pays ~20% more CPU per document for it, so keep glibc's default.
    with dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}):
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    return cluster, Client(cluster)


class DaskRunner:
    """Codes shards on Dask workers; `next_done` gives back whichever shard finishes first."""

    def __init__(self, settings: CoderSettings, workers: int = 2, scheduler: str | None = None,
                 client: Client | None = None) -> None:
        from distributed import Client, as_completed

        self.settings = settings
        self.cluster: LocalCluster | None = None
        self.own_client = client is None
        self.futures: dict[str, tuple[Any, Shard]] = {}  # key -> (future, shard)
        self._quieted: list[tuple[logging.Logger, int]] = []
        if not log.isEnabledFor(logging.INFO):  # Dask's own chatter only when eventwire's is wanted too
            for name in ("distributed", "distributed.client"):
                lg = logging.getLogger(name)
                self._quieted.append((lg, lg.level))
                lg.setLevel(logging.WARNING)
        if client is not None:
            self.client = client
        elif scheduler:
            try:
                self.client = Client(scheduler, timeout="10s")
            except OSError as e:
                raise ClusterUnavailable(f"[E084] cannot reach the Dask scheduler at {scheduler}: {e}") from None
        else:
            self.cluster, self.client = local_cluster(workers)
        where = scheduler or (self.cluster.scheduler_address if self.cluster else self.client.scheduler.address)
        if not self.client.nthreads():
            log.info("waiting up to %.0f s for a worker at %s", WORKER_WAIT_S, where)
            try:
                self.client.wait_for_workers(1, timeout=WORKER_WAIT_S)
            except TimeoutError:
                self.close()
                raise ClusterUnavailable(f"[E085] no Dask worker joined the scheduler at {where} within "
                                         f"{WORKER_WAIT_S:.0f} s; start some with `dask worker {where}`") from None
        threads = sum(self.client.nthreads().values())
        self.slots = 2 * threads + 1  # shards in flight: keep every worker busy while results travel
        self.done = as_completed()
        self.run_id = os.urandom(4).hex()
        log.info("coding on %d Dask worker threads at %s", threads, where)

    def submit(self, shard: Shard) -> None:
        fut = self.client.submit(code_shard, self.settings, shard, pure=False,
                                 key=f"eventwire-shard-{self.run_id}-{shard.index}")
        self.futures[fut.key] = (fut, shard)
        self.done.add(fut)

    def pending(self) -> int:
        return len(self.futures)

    def next_done(self) -> tuple[Shard, list[CodedDocument]]:
        fut = next(self.done)
        _, shard = self.futures.pop(fut.key)
        results = fut.result()
        fut.release()
        if isinstance(results, ShardFailure):
            raise results.error
        return shard, results

    def peak_rss(self) -> dict[str, int]:
        """Peak resident memory of each worker process, in bytes."""
        return self.client.run(peak_rss_bytes)

    def close(self) -> None:
        if self.futures:  # stopped early: do not leave work running on a shared cluster
            self.client.cancel([f for f, _ in self.futures.values()])
            self.futures.clear()
        if self.own_client:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        for lg, level in self._quieted:
            lg.setLevel(level)


# ---------------------------------------------------------------------------- the run


@dataclass
class RunStats:
    """What a run did (filled in as it goes; read it after the iterator is exhausted)."""

    shards: int = 0
    reused: int = 0
    coded: int = 0
    documents: int = 0
    worker_peak_rss: dict[str, int] = field(default_factory=dict)


def code_sharded(
    docs: Iterable[Document],
    *,
    workers: int = 1,
    scheduler: str | None = None,
    client: Client | None = None,
    shard_size: int = SHARD_SIZE,
    actor_files: Iterable[str | Path] = (),
    model: str | None = None,
    checkpoint: str | Path | None = None,
    parquet_dir: str | Path | None = None,
    coder: Any = None,
    factory: str = DEFAULT_FACTORY,
    batch_size: int = 32,
    stats: RunStats | None = None,
    config_file: str | Path | None = None,
) -> Iterator[CodedDocument]:
    """Code documents shard by shard, here or on Dask; yields one CodedDocument per document, in input order.

    See the module docstring for the options. `coder` (an already loaded Coder) is
    used by the in-process path instead of building one. Raises CheckpointMismatch
    (a ValueError) for a checkpoint of another run; coder errors (a bad actor file,
    a missing model) are raised as the coder raised them.
    """
    if workers < 1:
        raise ValueError(f"--workers must be at least 1, got {workers}")
    settings = CoderSettings.create(actor_files, model, batch_size, factory, config_file)
    stats = stats if stats is not None else RunStats()
    ckpt = Checkpoint(checkpoint, shard_size, settings.identity()).open() if checkpoint else None
    pq_dir = Path(parquet_dir) if parquet_dir else None
    if pq_dir is not None:
        pq_dir.mkdir(parents=True, exist_ok=True)
    runner: InProcessRunner | DaskRunner | None = None
    try:
        if workers > 1 or scheduler or client is not None:
            runner = DaskRunner(settings, workers, scheduler, client)
        else:
            runner = InProcessRunner(settings, coder)
        yield from _run(make_shards(docs, shard_size), runner, ckpt, pq_dir, stats)
        if isinstance(runner, DaskRunner):
            stats.worker_peak_rss = runner.peak_rss()
    finally:
        if runner is not None:
            runner.close()
        if ckpt is not None:
            ckpt.close()


def _run(shards: Iterator[Shard], runner: InProcessRunner | DaskRunner, ckpt: Checkpoint | None,
         pq_dir: Path | None, stats: RunStats) -> Iterator[CodedDocument]:
    """Submit shards, store finished ones, and yield results in input order."""
    ready: dict[int, list[CodedDocument] | Shard] = {}  # index -> results, or a reused shard to load
    next_out = 0
    max_ahead = 2 * runner.slots + 2  # shards held beyond the next one to yield

    def finish(shard: Shard, results: list[CodedDocument]) -> None:
        if ckpt is not None:
            ckpt.save(shard, results)
        if pq_dir is not None:
            write_parquet_part(pq_dir, shard.index, results)
        stats.coded += 1
        log.info("%s coded: %d events", shard.where, sum(len(r.events) for r in results))
        ready[shard.index] = results

    def drain() -> Iterator[CodedDocument]:
        nonlocal next_out
        while next_out in ready:
            item = ready.pop(next_out)
            if isinstance(item, Shard):  # reused from the checkpoint: load it now, or code it again
                results = ckpt.load(item) if ckpt is not None else None
                if results is None:
                    runner.submit(item)
                    while next_out not in ready:
                        finish(*runner.next_done())
                    continue
                stats.reused += 1
                if pq_dir is not None and not parquet_part(pq_dir, item.index).exists():
                    write_parquet_part(pq_dir, item.index, results)
                item = results
            stats.documents += len(item)
            yield from item
            next_out += 1

    for shard in shards:
        stats.shards += 1
        if ckpt is not None and ckpt.is_done(shard):
            ready[shard.index] = shard
        else:
            while runner.pending() and (runner.pending() >= runner.slots or shard.index - next_out >= max_ahead):
                finish(*runner.next_done())
                yield from drain()
            runner.submit(shard)
        yield from drain()
    while runner.pending():
        finish(*runner.next_done())
        yield from drain()
    yield from drain()
    if ckpt is not None:
        ckpt.finish(stats.shards)
    if pq_dir is not None:
        remove_stale_parquet(pq_dir, stats.shards)
    log.info("%d shards: %d coded, %d reused from the checkpoint", stats.shards, stats.coded, stats.reused)
