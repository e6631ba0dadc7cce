"""The DuckDB file under a store: opening a connection to it, and sizing its memory while a batch is written.

Two things keep a long ingest's memory flat in the number of documents:

- a writer attaches the file with row groups of ROW_GROUP_ROWS rows. A checkpoint rewrites the row group
  still being filled, and with DuckDB's default (122,880 rows) that is every document of a store of up to
  that size, held in memory at once: an ingest of 100k documents rose by 120 MB at each checkpoint.
- while a batch is written, DuckDB's buffer pool is limited to what the batch needs (`size_buffer`). By
  default DuckDB keeps the blocks it has written up to 80% of RAM, so the process grew by the size of the
  store; under the limit the blocks of earlier batches are let go.
"""

from __future__ import annotations

import logging
from pathlib import Path

import duckdb

log = logging.getLogger(__name__)

ROW_GROUP_ROWS = 8192  # rows per row group of a store opened for writing
BUFFER_FLOOR = 64 << 20  # bytes of buffer pool a writer keeps whatever the batch
EVENT_BYTES = 2048  # what one event row counts for when the buffer pool is sized for a batch


class StoreError(Exception):
    """The store cannot be opened or written (missing, not an eventwire store, locked, read-only)."""


class StoreBusy(StoreError):
    """Another process holds the database for writing."""


def _connect(p: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A connection whose default database is the store file (a writer's with small row groups)."""
    if read_only or p == ":memory:":
        return duckdb.connect(p, read_only=read_only and p != ":memory:")
    con = duckdb.connect(":memory:")
    try:
        quoted = p.replace("'", "''")
        con.execute(f"ATTACH '{quoted}' AS store (ROW_GROUP_SIZE {ROW_GROUP_ROWS})")
        con.execute("USE store")
    except BaseException:
        con.close()
        raise
    return con


def connect(p: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Open the store file `p` (':memory:' for a scratch store); StoreBusy when another process holds it,
    StoreError naming the file for anything else that stops it opening."""
    if p != ":memory:":
        fp = Path(p)
        if read_only and not fp.exists():
            raise StoreError(f"no store at {p} (create one with `eventwire ingest ... --db {p}`)")
        if not read_only and not fp.parent.exists():
            raise StoreError(f"cannot create store {p}: folder {fp.parent} does not exist")
    try:
        return _connect(p, read_only)
    except duckdb.IOException as e:
        msg = str(e)
        if "lock" in msg.lower():
            raise StoreBusy(f"store {p} is in use by another process (an ingest?): try again shortly") from None
        raise StoreError(f"cannot open store {p}: {msg.splitlines()[0]}") from None
    except duckdb.Error as e:
        raise StoreError(f"cannot open store {p}: {str(e).splitlines()[0]}") from None


def size_buffer(con: duckdb.DuckDBPyConnection, path: str, batch_bytes: int | None) -> None:
    """Limit the buffer pool to what a batch of `batch_bytes` needs (twice that, measured, above a floor)
    before its transaction; None puts DuckDB's default back, so queries between batches are never starved.
    A batch of very large documents still fits: the limit grows with it."""
    if path == ":memory:":
        return  # an in-memory store is its buffer pool
    try:
        if batch_bytes is None:
            con.execute("RESET memory_limit")
        else:
            con.execute(f"SET memory_limit = '{(BUFFER_FLOOR + 2 * batch_bytes) >> 20}MiB'")
    except duckdb.Error as e:  # a connection already lost: the write that follows reports it
        log.warning("store %s: cannot size the buffer pool: %s", path, str(e).splitlines()[0])
