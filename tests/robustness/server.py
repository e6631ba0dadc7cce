"""Run `eventwire serve` in a subprocess on a free loopback port, for the load and security tests."""

from __future__ import annotations

import importlib.util
import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from ..conftest import REPO


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(db: Path, *extra: str, host: str = "127.0.0.1", log: Path | None = None) -> Iterator[tuple[str, int]]:
    """`eventwire serve --db DB --port P [extra]`; yields (base URL on 127.0.0.1, port) once /api/actors answers."""
    port = free_port()
    log = log or db.with_suffix(".serve.log")
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", str(db), "--port", str(port),
                                 *extra], stdout=out, stderr=subprocess.STDOUT)
    url = f"http://{host}:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/actors", timeout=5) as r:
                    json.load(r)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    if proc.poll() is None:
                        proc.kill()
                    proc.wait()
                    pytest.fail(f"eventwire serve did not start: {log.read_text()}")
                time.sleep(0.2)
        yield url, port
        assert proc.poll() is None, f"eventwire serve died: {log.read_text()}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    text = log.read_text()
    assert "Traceback" not in text, text


def store_bench():
    """bench/store_bench.py as a module (its `synthetic(n_events, n_codes)` builds documents and events)."""
    spec = importlib.util.spec_from_file_location("eventwire_store_bench", REPO / "bench" / "store_bench.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
