"""The web API under load (`make test-load`): `eventwire serve` over 100,000 synthetic events on 127.0.0.1,
20 concurrent clients sending 50 requests each across the API's routes. No request may fail; p50 and p99
latencies are printed per route and overall."""

from __future__ import annotations

import statistics
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx
import pytest

from eventwire.store import Store

from .server import serve, store_bench

pytestmark = [pytest.mark.load, pytest.mark.slow]

N_EVENTS = 100_000
CLIENTS = 20
REQUESTS = 50


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("load") / "big.duckdb"
    t = time.perf_counter()
    docs, events = store_bench().synthetic(N_EVENTS, 40)
    with Store.open(db) as s:
        s.ingest(docs, events)
        assert s.counts() == {"documents": len(docs), "events": N_EVENTS}
    print(f"\nstore of {N_EVENTS:,} events built in {time.perf_counter() - t:.1f} s")
    return db


def _percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def _routes(top: list[str]) -> list[tuple[str, str, dict]]:
    a, b, c = top[0], top[1], top[-1]
    return [
        ("actors", "/api/actors", {}),
        ("events", "/api/events", {"limit": 50}),
        ("events dyad", "/api/events", {"a": a, "b": b, "limit": 50}),
        ("events filtered", "/api/events", {"actor": c, "event_type": ["ACCUSE", "THREATEN"], "quad_class": "3",
                                            "start": "2024-06", "end": "2025-06", "limit": 100}),
        ("events text", "/api/events", {"text": "towards", "offset": 500, "limit": 20}),
        ("dyad month", "/api/dyad", {"a": a, "b": b}),
        ("dyad week one way", "/api/dyad", {"a": c, "b": a, "freq": "week", "both_directions": "false"}),
        ("dyad day vs all", "/api/dyad", {"a": a, "freq": "day", "modality": "asserted"}),
        ("network", "/api/network", {}),
        ("network quarter", "/api/network", {"start": "2025-01", "end": "2025-03", "min_count": 2}),
        ("document", "/api/documents/doc-123", {}),
        ("page", "/", {}),
        ("script", "/static/app.js", {}),
    ]


def test_api_under_concurrent_load(big_store: Path, capsys: pytest.CaptureFixture):
    with serve(big_store) as (url, _port):
        top = [r["code"] for r in httpx.get(f"{url}/api/actors", timeout=60).json()["actors"]]
        routes = _routes(top)
        latencies: dict[str, list[float]] = defaultdict(list)
        failures: list[str] = []
        lock = threading.Lock()
        start = threading.Barrier(CLIENTS)

        def client(n: int) -> None:
            with httpx.Client(base_url=url, timeout=120) as http:
                start.wait()
                for i in range(REQUESTS):
                    name, path, params = routes[(n * 7 + i) % len(routes)]
                    t = time.perf_counter()
                    try:
                        r = http.get(path, params=params)
                        ok = r.status_code == 200 and (not path.startswith("/api/") or isinstance(r.json(), dict))
                        problem = None if ok else f"{name}: HTTP {r.status_code} {r.text[:200]}"
                    except (httpx.HTTPError, ValueError) as e:
                        problem = f"{name}: {type(e).__name__}: {e}"
                    took = (time.perf_counter() - t) * 1000
                    with lock:
                        latencies[name].append(took)
                        if problem:
                            failures.append(problem)

        t0 = time.perf_counter()
        threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
        for th in threads:
            th.start()
        for th in threads:
            th.join(timeout=900)
        wall = time.perf_counter() - t0
        assert not any(th.is_alive() for th in threads), "clients still waiting after 15 minutes"
        # the server still answers, with the right counts
        assert httpx.get(f"{url}/api/actors", timeout=60).json()["events"] == N_EVENTS

    every = [x for v in latencies.values() for x in v]
    with capsys.disabled():  # the figures are the point of `make test-load`: show them even under -q
        print(f"\n{len(every)} requests from {CLIENTS} clients in {wall:.1f} s ({len(every) / wall:.0f} requests/s), "
              f"{len(failures)} failed")
        print(f"{'route':<20} {'n':>5} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
        for name, _, _ in routes:
            v = latencies[name]
            print(f"{name:<20} {len(v):>5} {statistics.median(v):>8.1f} {_percentile(v, 0.99):>8.1f} {max(v):>8.1f}")
        print(f"{'all':<20} {len(every):>5} {statistics.median(every):>8.1f} {_percentile(every, 0.99):>8.1f} "
              f"{max(every):>8.1f}")
    assert len(every) == CLIENTS * REQUESTS
    assert not failures, f"{len(failures)} requests failed, e.g. {failures[:5]}"
