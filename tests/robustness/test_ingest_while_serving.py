"""Ingest while `serve` is polled: every ingest succeeds, and every read sees the old or the new state, whole.

The server holds no lock between requests (it opens the store read-only for
each one), and a request that finds an ingest writing waits for it (up to 5 s)
rather than failing; `ingest` in turn waits (`--wait`) for a request to end.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest

from ..storedata import DOCS, build_events
from .server import serve

EXE = [sys.executable, "-m", "eventwire.cli"]
ROUNDS = 6


def _version(tmp_path: Path, n: int) -> list[str]:
    """Inputs of version n: every title ends in ' vN'; odd versions leave out doc-1's second event."""
    docs = tmp_path / f"docs-v{n}.jsonl"
    docs.write_text("".join(json.dumps({"id": d.id, "published": d.published.isoformat(), "source": d.source,
                                        "title": f"{d.title or ''} v{n}", "text": d.text}) + "\n" for d in DOCS))
    events = tmp_path / f"events-v{n}.jsonl"
    kept = [e for e in build_events() if not (n % 2 and e.event_id == "doc-1:1:0")]
    events.write_text("".join(json.dumps(e.to_dict()) + "\n" for e in kept))
    return [str(docs), str(events)]


def _ingest(db: Path, inputs: list[str]) -> subprocess.CompletedProcess:
    # two pollers in a tight loop hold the store far more often than a dashboard does: the ingest waits long
    # enough for a gap between their requests (the default --wait of 10 s could run out on a loaded machine)
    return subprocess.run([*EXE, "ingest", *inputs, "--db", str(db), "--wait", "60"], capture_output=True, text=True,
                          timeout=180)


@pytest.mark.slow
def test_ingest_while_the_server_is_polled(tmp_path: Path):
    db = tmp_path / "s.duckdb"
    first = _ingest(db, _version(tmp_path, 0))
    assert first.returncode == 0, first.stderr
    inputs = [_version(tmp_path, n) for n in range(1, ROUNDS + 1)]
    seen: list[tuple[int, str, int]] = []  # (status, doc-1's title, its event count)
    counts: list[tuple[int, dict]] = []
    stop = threading.Event()

    with serve(db, log=tmp_path / "serve.log") as (url, _port):
        def poll() -> None:
            with httpx.Client(base_url=url, timeout=30) as http:
                while not stop.is_set():
                    r = http.get("/api/document", params={"id": "doc-1"})
                    body = r.json()
                    seen.append((r.status_code, body.get("document", {}).get("title"), len(body.get("events", []))))
                    r = http.get("/api/actors")
                    counts.append((r.status_code, {k: r.json().get(k) for k in ("documents", "events")}))

        pollers = [threading.Thread(target=poll) for _ in range(2)]
        for t in pollers:
            t.start()
        try:
            results = [_ingest(db, version) for version in inputs]
        finally:
            stop.set()
            for t in pollers:
                t.join(timeout=60)
        last = httpx.get(f"{url}/api/document", params={"id": "doc-1"}, timeout=30).json()

    assert [r.returncode for r in results] == [0] * ROUNDS, [r.stderr for r in results]
    assert all("stored 5 documents (0 coded now)" in r.stderr for r in results)
    assert len(seen) > ROUNDS  # the server was read all along
    assert {status for status, _, _ in seen} == {200} and {status for status, _ in counts} == {200}
    # a version's title always comes with that version's events: never a half-replaced document
    versions = {(f"Talks in Tokyo v{n}", 1 if n % 2 else 2) for n in range(ROUNDS + 1)}
    assert {(title, n) for _, title, n in seen} <= versions
    assert {(c["documents"], c["events"]) for _, c in counts} <= {(5, 8), (5, 7)}
    assert (last["document"]["title"], len(last["events"])) == (f"Talks in Tokyo v{ROUNDS}", 2)  # the newest
