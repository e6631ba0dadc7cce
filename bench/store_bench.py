"""Store benchmark: ingest 100,000 synthetic events and time the dashboard's queries (target: < 200 ms each).

    .venv/bin/python bench/store_bench.py [--events 100000] [--codes 40] [--db PATH] [--repeat 7]

Events are random dyads among `--codes` actor codes over two years, five per
document. Not a test: it prints the figures.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

from eventwire.records import EVENT_TYPES, Actor, ActorMention, Document, Event, Span
from eventwire.store import Store

QUAD = dict(zip(EVENT_TYPES, [1] * 4 + [2] * 3 + [3] * 4 + [4] * 5, strict=True))
GOLDSTEIN = {1: (0.0, 5.0), 2: (4.0, 8.0), 3: (-5.0, -1.0), 4: (-10.0, -5.0)}
MODALITIES = ["asserted"] * 7 + ["planned", "negated", "hypothetical"]


def synthetic_stream(n_events: int, n_codes: int, seed: int = 7, per_doc: int = 5,
                     ) -> Iterator[tuple[Document, list[Event]]]:
    """Documents one at a time, each with its `per_doc` events (the last one may have fewer)."""
    rng = random.Random(seed)
    codes = [f"C{i:02d}" for i in range(n_codes)]
    weights = [1 / (i + 1) for i in range(n_codes)]  # a few busy actors, many quiet ones
    first = date(2024, 1, 1)
    made = 0
    for d in range((n_events + per_doc - 1) // per_doc):
        day = first + timedelta(days=rng.randrange(731))
        doc = Document(f"doc-{d}", "", day, "Synthetic Wire", f"Story {d}")
        parts: list[str] = []
        events: list[Event] = []
        for s in range(min(per_doc, n_events - made)):
            a, b = rng.choices(codes, weights, k=2)
            while b == a:
                b = rng.choice(codes)
            etype = rng.choice(EVENT_TYPES)
            q = QUAD[etype]
            sentence = f"{a} took action {etype.lower()} towards {b}."
            off = sum(len(p) + 1 for p in parts)
            parts.append(sentence)
            src = ActorMention(a, off, off + len(a), Actor(a, a, "GOV"))
            t0 = off + len(a) + 13
            tgt = ActorMention(b, off + len(sentence) - len(b) - 1, off + len(sentence) - 1, Actor(b, b, "GOV"))
            gold = round(rng.uniform(*GOLDSTEIN[q]), 1)
            events.append(Event(doc_id=doc.id, sentence=s, text=sentence, trigger=Span(etype.lower(), t0, t0 + 1),
                                event_type=etype, source=src, target=tgt, goldstein=gold, quad_class=q,
                                modality=rng.choice(MODALITIES), date=day.isoformat(),
                                date_precision="day", confidence=round(rng.uniform(0.3, 1.0), 2)))
        made += len(events)
        doc.text = " ".join(parts)
        yield doc, events


def synthetic(n_events: int, n_codes: int, seed: int = 7) -> tuple[list[Document], list[Event]]:
    docs: list[Document] = []
    events: list[Event] = []
    for doc, evs in synthetic_stream(n_events, n_codes, seed):
        docs.append(doc)
        events.extend(evs)
    return docs, events


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(median, max) milliseconds over `repeat` runs after one warm-up."""
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--codes", type=int, default=40)
    ap.add_argument("--db", type=Path, default=None, help="store file (default: a temporary one)")
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "bench.duckdb"
    t = time.perf_counter()
    docs, events = synthetic(args.events, args.codes)
    print(f"generated {len(events):,} events in {len(docs):,} documents ({time.perf_counter() - t:.1f} s)")

    with Store.open(db) as store:
        t = time.perf_counter()
        step = 2_000
        for i in range(0, len(docs), step):
            ids = {d.id for d in docs[i:i + step]}
            store.ingest(docs[i:i + step], [e for e in events[i * 5:(i + step) * 5] if e.doc_id in ids])
        took = time.perf_counter() - t
        print(f"ingest: {took:.1f} s ({len(events) / took:,.0f} events/s, batches of {step:,} documents)")
        t = time.perf_counter()
        store.ingest(docs[:step], events[:step * 5])
        print(f"re-ingest of {step:,} documents: {(time.perf_counter() - t) * 1000:.0f} ms; counts {store.counts()}")

    with Store.open(db, read_only=True) as store:
        top = store.actors()["code"].tolist()
        busy, quiet = top[0], top[-1]
        cases: list[tuple[str, Callable[[], object]]] = [
            (f"dyad_series {busy}<->{top[1]} month", lambda: store.dyad_series(busy, top[1], freq="month")),
            (f"dyad_series {busy}<->{top[1]} week", lambda: store.dyad_series(busy, top[1], freq="week")),
            (f"dyad_series {busy}<->{top[1]} day", lambda: store.dyad_series(busy, top[1], freq="day")),
            (f"dyad_series {busy} vs all, day", lambda: store.dyad_series(busy, None, freq="day")),
            (f"dyad_series {quiet}->{busy} one way, week",
             lambda: store.dyad_series(quiet, busy, freq="week", both_directions=False)),
            ("network, all", lambda: store.network()),
            ("network, one quarter", lambda: store.network(start="2025-01", end="2025-03")),
            ("network, min_count 50", lambda: store.network(min_count=50)),
            (f"events {busy}<->{top[1]} page 1 + count",
             lambda: (store.events(dyad=(busy, top[1]), limit=50), store.count_events(dyad=(busy, top[1])))),
            ("actors", lambda: store.actors()),
        ]
        print(f"\nqueries over {store.counts()['events']:,} events (median / max of {args.repeat} runs):")
        for name, fn in cases:
            med, worst = timed(fn, args.repeat)
            flag = "" if worst < 200 else "   <-- over 200 ms"
            print(f"  {name:<40} {med:7.1f} ms / {worst:7.1f} ms{flag}")

    def open_and_query() -> None:
        with Store.open(db, read_only=True) as s:
            s.network()

    med, worst = timed(open_and_query, args.repeat)
    print(f"  {'open read-only + network (per request)':<40} {med:7.1f} ms / {worst:7.1f} ms")
    tmp.cleanup()


if __name__ == "__main__":
    main()
