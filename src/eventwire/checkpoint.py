"""Checkpoints and part files of a sharded run: what lets `code_sharded` resume and write Parquet per shard.

    ckpt = Checkpoint(path, shard_size, identity).open()   # locked; refuses another run's file
    if ckpt.is_done(shard): results = ckpt.load(shard)     # None: coded again
    ckpt.save(shard, results)                              # FILE.parts/shard-NNNNNN.jsonl, then a line in FILE
    write_parquet_part(directory, index, results)          # DIR/part-NNNNNN.parquet

The run itself (shards, runners, the order of results) is in `eventwire.scale`.
"""

from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .io.codec import flat_row, parquet_schema, restore_event
from .io.writers import AtomicFile

if TYPE_CHECKING:
    from .coder import CodedDocument
    from .scale import Shard

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

__all__ = ["CHECKPOINT_FORMAT", "CHECKPOINT_VERSION", "Checkpoint", "CheckpointMismatch", "parquet_part",
           "read_part", "remove_stale_parquet", "write_parquet_part", "write_part"]

CHECKPOINT_FORMAT = "eventwire-checkpoint"
CHECKPOINT_VERSION = 1


class CheckpointMismatch(ValueError):
    """A checkpoint that belongs to another run (input, shard size or coder settings)."""


# ---------------------------------------------------------------------------- part files


def write_part(path: Path, results: list[CodedDocument]) -> None:
    """One line per document: its id, its problem, its event records; written atomically."""
    with AtomicFile(path, "w") as fh:
        for r in results:
            fh.write(json.dumps({"doc_id": r.doc_id, "problem": r.problem,
                                 "events": [ev.to_dict() for ev in r.events]}, ensure_ascii=False) + "\n")


def read_part(path: Path) -> list[CodedDocument]:
    from .coder import CodedDocument

    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            out.append(CodedDocument(d["doc_id"], [restore_event(e) for e in d["events"]], d["problem"]))
    return out


_PARQUET_PART = re.compile(r"part-(\d{6,})\.parquet")


def parquet_part(directory: Path, index: int) -> Path:
    return directory / f"part-{index:06d}.parquet"


def write_parquet_part(directory: Path, index: int, results: list[CodedDocument]) -> None:
    """The shard's events as `DIR/part-NNNNNN.parquet` (an empty table when it has none)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [flat_row(ev) for r in results for ev in r.events]
    with AtomicFile(parquet_part(directory, index), "wb") as fh:
        pq.write_table(pa.Table.from_pylist(rows, schema=parquet_schema()), fh)


def remove_stale_parquet(directory: Path, n_shards: int) -> None:
    """Parts left by an earlier, longer run into the same folder would read as events of this one."""
    for p in directory.glob("part-*.parquet"):
        m = _PARQUET_PART.fullmatch(p.name)
        if m and int(m.group(1)) >= n_shards:
            log.warning("removing %s, left by an earlier run with more shards", p)
            p.unlink()


# ---------------------------------------------------------------------------- checkpoint


class Checkpoint:
    """A header line (shard size, coder identity), then one JSON line per finished shard.

    Each shard's results are in `FILE.parts/` before its line is appended, so a line
    always names a complete part; a part without a line is recoded. The file is
    locked while a run uses it.
    """

    def __init__(self, path: str | Path, shard_size: int, identity: dict[str, Any]) -> None:
        self.path = Path(path)
        self.parts = self.path.with_name(self.path.name + ".parts")
        self.shard_size = shard_size
        self.identity = identity
        self.done: dict[int, dict[str, Any]] = {}
        self._fh: Any = None

    def open(self) -> Checkpoint:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = self.path.open("a+b")
        try:
            import fcntl

            fcntl.flock(self._fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # no advisory locks on this platform
            pass
        except OSError:
            self._fh.close()
            raise CheckpointMismatch(f"[E080] checkpoint {self.path} is in use by another run") from None
        self._fh.seek(0)
        data = self._fh.read()
        good = data[:data.rfind(b"\n") + 1]  # a line cut short by a kill is dropped
        if len(good) != len(data):
            log.warning("checkpoint %s: dropping an unfinished last line", self.path)
            self._fh.truncate(len(good))
        lines = good.decode("utf-8").splitlines()
        if not lines:
            self._append({"format": CHECKPOINT_FORMAT, "version": CHECKPOINT_VERSION, "shard_size": self.shard_size,
                          "coder": self.identity})
        else:
            self._check_header(lines[0])
            for n, line in enumerate(lines[1:], 2):
                try:
                    rec = json.loads(line)
                    self.done[int(rec["shard"])] = rec
                except (ValueError, KeyError, TypeError):
                    raise CheckpointMismatch(f"[E081] checkpoint {self.path}:{n}: not a shard record") from None
            log.info("checkpoint %s: %d shards already done", self.path, len(self.done))
        self.parts.mkdir(exist_ok=True)
        return self

    def _check_header(self, line: str) -> None:
        try:
            header = json.loads(line)
        except ValueError:
            header = None
        if not isinstance(header, dict) or header.get("format") != CHECKPOINT_FORMAT:
            raise CheckpointMismatch(f"[E081] {self.path} is not an eventwire checkpoint")
        if header.get("version") != CHECKPOINT_VERSION:
            raise CheckpointMismatch(f"[E081] checkpoint {self.path} has version {header.get('version')}, not "
                                     f"{CHECKPOINT_VERSION}; delete it to start again")
        if header.get("shard_size") != self.shard_size:
            raise CheckpointMismatch(f"[E082] checkpoint {self.path} was made with shards of "
                                     f"{header.get('shard_size')} documents, this run uses {self.shard_size}; "
                                     "use the same shard size, or delete the checkpoint to start again")
        if header.get("coder") != self.identity:
            raise CheckpointMismatch(f"[E082] checkpoint {self.path} was made with other coder settings "
                                     f"({header.get('coder')}), not {self.identity}; use the same actor files, "
                                     "or delete the checkpoint (and its .parts folder) to start again")

    def _append(self, rec: dict[str, Any]) -> None:
        self._fh.seek(0, os.SEEK_END)
        self._fh.write((json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8"))
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def part_path(self, index: int) -> Path:
        return self.parts / f"shard-{index:06d}.jsonl"

    def is_done(self, shard: Shard) -> bool:
        """Whether the shard was finished by an earlier run; refuses a shard that differs from then."""
        rec = self.done.get(shard.index)
        if rec is None:
            return False
        if rec.get("hash") != shard.fingerprint or rec.get("docs") != len(shard.docs):
            raise CheckpointMismatch(
                f"[E083] checkpoint {self.path} was made from different input: {shard.where} differs from the "
                "run that wrote it; give the same input, or delete the checkpoint (and its .parts folder) to "
                "start again")
        return True

    def load(self, shard: Shard) -> list[CodedDocument] | None:
        """The stored results of a finished shard, or None when its part is missing or damaged."""
        try:
            results = read_part(self.part_path(shard.index))
        except (OSError, ValueError, KeyError, TypeError) as e:
            log.warning("checkpoint %s: part of %s unreadable (%s); coding it again", self.path, shard.where, e)
            return None
        if [r.doc_id for r in results] != [d.id for d in shard.docs]:
            log.warning("checkpoint %s: part of %s does not match its documents; coding it again",
                        self.path, shard.where)
            return None
        return results

    def save(self, shard: Shard, results: list[CodedDocument]) -> None:
        """Write the shard's part, then record it as done."""
        write_part(self.part_path(shard.index), results)
        rec = {"shard": shard.index, "hash": shard.fingerprint, "docs": len(shard.docs),
               "events": sum(len(r.events) for r in results), "part": self.part_path(shard.index).name}
        self._append(rec)
        self.done[shard.index] = rec

    def finish(self, n_shards: int) -> None:
        extra = sorted(i for i in self.done if i >= n_shards)
        if extra:
            raise CheckpointMismatch(
                f"[E083] checkpoint {self.path} was made from different input: it has shard {extra[0]} but this "
                f"input has only {n_shards} shards; delete the checkpoint (and its .parts folder) to start again")

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()  # also releases the lock
            self._fh = None
