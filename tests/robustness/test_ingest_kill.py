"""`eventwire ingest` killed with SIGKILL after its first batch committed, then run again: the store holds each
event exactly once and the same documents and events as a run that was never interrupted.

The store commits one transaction per `--batch` documents; the test watches the
DuckDB write-ahead log grow past its first commit of events, then kills the
process. Killed in the middle, the store must hold whole batches only.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.store import Store

from .corpus import generated, write_jsonl

pytestmark = pytest.mark.slow

N_DOCS = 300
BATCH = 20
EXE = [sys.executable, "-m", "eventwire.cli"]


def _ingest(src: Path, db: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([*EXE, "ingest", str(src), "--db", str(db), "--batch", str(BATCH), *extra],
                          capture_output=True, text=True, timeout=600)


def _contents(db: Path) -> dict:
    """What a store holds: documents, events per document (their full records), and duplicate event ids."""
    with Store.open(db, read_only=True) as s:
        docs = {r[0]: r[1:] for r in s.con.execute(
            "SELECT id, published, source, title, text FROM documents").fetchall()}
        events: dict[str, list[tuple[str, str]]] = {}
        for doc_id, event_id, record in s.con.execute(
                "SELECT doc_id, event_id, record FROM events ORDER BY doc_id, event_id").fetchall():
            events.setdefault(doc_id, []).append((event_id, record))
        dupes = s.con.execute("SELECT event_id, count(*) FROM events GROUP BY 1 HAVING count(*) > 1").fetchall()
        counts = s.counts()
    return {"docs": docs, "events": events, "dupes": dupes, "counts": counts}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """The input, and the store an uninterrupted ingest of it makes."""
    folder = tmp_path_factory.mktemp("ingest")
    src = write_jsonl(folder / "docs.jsonl", generated(N_DOCS, seed=21))
    db = folder / "uninterrupted.duckdb"
    p = _ingest(src, db)
    assert p.returncode == 0, p.stderr
    whole = _contents(db)
    assert whole["counts"]["documents"] == N_DOCS and whole["counts"]["events"] > 2 * N_DOCS
    assert not whole["dupes"]
    return src, whole


def _kill_after_first_batch(src: Path, db: Path, *extra: str) -> None:
    wal = Path(str(db) + ".wal")
    proc = subprocess.Popen([*EXE, "ingest", str(src), "--db", str(db), "--batch", str(BATCH), *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        schema_size = None
        deadline = time.monotonic() + 300
        while True:
            assert proc.poll() is None, f"ingest ended before it could be killed: {proc.stderr.read().decode()}"
            assert time.monotonic() < deadline, "no batch was committed in time"
            size = wal.stat().st_size if wal.exists() else 0
            if size and schema_size is None:
                schema_size = size  # the tables are created first, in a commit of their own
            if schema_size is not None and size > schema_size + 10_000:  # a batch of documents and events
                break
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL


@pytest.mark.parametrize("checkpoint", [False, True], ids=["plain", "checkpoint"])
def test_ingest_killed_then_run_again(tmp_path: Path, corpus: tuple[Path, dict], checkpoint: bool):
    src, whole = corpus
    db = tmp_path / "store.duckdb"
    extra = ["--checkpoint", str(tmp_path / "ingest.ckpt")] if checkpoint else []
    _kill_after_first_batch(src, db, *extra)

    killed = _contents(db)
    n = killed["counts"]["documents"]
    print(f"killed after {n} documents, {killed['counts']['events']} events; whole run: {whole['counts']}")
    assert 0 < n < N_DOCS, f"the kill did not land part-way: {n} documents stored"
    assert n % BATCH == 0, f"{n} documents stored: a batch was half committed"
    assert not killed["dupes"]
    for doc_id, fields in killed["docs"].items():  # what is there is whole: each document with all its events
        assert fields == whole["docs"][doc_id]
        assert killed["events"].get(doc_id, []) == whole["events"].get(doc_id, []), doc_id

    p = _ingest(src, db, *extra)
    assert p.returncode == 0, p.stderr
    again = _contents(db)
    assert again["counts"] == whole["counts"]
    assert not again["dupes"]
    assert again["docs"] == whole["docs"]
    assert again["events"] == whole["events"]
