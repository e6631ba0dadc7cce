"""Ingest memory: `eventwire ingest` of 100,000 small documents, its peak RSS and wall time (bar: < 400 MB).

    .venv/bin/python bench/ingest_memory.py [--docs 100000] [--per-doc 2] [--batch 200] [--keep DIR]

The documents and their events are generated at bench time
(`store_bench.synthetic_stream`: random dyads, one short sentence per event)
and written as two JSON Lines files, documents and coded-event records, the
way `eventwire code -o` writes them. Because every document comes with its
events, ingest stores them without coding (the model is never loaded): coding
100,000 documents on two cores would take most of an hour and measure the
coder, not the ingest loop. What is measured is reading, spooling, batching
and writing the store.

`eventwire ingest` runs as a subprocess; its peak memory is the RSS
high-water mark of that child (`getrusage(RUSAGE_CHILDREN)`, the only child
this script starts). The last line is the figures as JSON. Not a test: it
prints the figures (tests/robustness/test_bench_scripts.py runs it on a small N).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_bench import synthetic_stream  # noqa: E402

BAR_MB = 400
SUMMARY = re.compile(r"stored (\d+) documents \((\d+) coded now\), (\d+) events")


def write_inputs(folder: Path, n_docs: int, per_doc: int) -> tuple[Path, Path]:
    """`n_docs` documents and `n_docs * per_doc` coded events, streamed to docs.jsonl and events.jsonl."""
    docs, events = folder / "docs.jsonl", folder / "events.jsonl"
    with docs.open("w", encoding="utf-8") as dfh, events.open("w", encoding="utf-8") as efh:
        for doc, evs in synthetic_stream(n_docs * per_doc, 40, seed=11, per_doc=per_doc):
            dfh.write(json.dumps({"id": doc.id, "published": doc.published.isoformat() if doc.published else None,
                                  "source": doc.source, "title": doc.title, "text": doc.text}) + "\n")
            efh.writelines(json.dumps(e.to_dict()) + "\n" for e in evs)
    return docs, events


def measure(folder: Path, n_docs: int, per_doc: int, batch: int) -> dict[str, object]:
    """Generate the inputs in `folder`, ingest them in a child process and return the figures."""
    t = time.perf_counter()
    docs, events = write_inputs(folder, n_docs, per_doc)
    generated = time.perf_counter() - t
    db = folder / "bench.duckdb"
    cmd = [sys.executable, "-m", "eventwire.cli", "ingest", str(docs), str(events), "--db", str(db),
           "--batch", str(batch)]
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - t
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # kilobytes on Linux
    if p.returncode != 0:
        sys.exit(f"ingest failed (exit {p.returncode}):\n{p.stderr[-3000:]}")
    m = SUMMARY.search(p.stderr)
    if m is None:
        sys.exit(f"no summary line in ingest's output:\n{p.stderr[-3000:]}")
    stored, coded, stored_events = map(int, m.groups())
    peak_mb = peak_kb / 1024
    return {"documents": stored, "coded": coded, "events": stored_events, "input_mb":
            round((docs.stat().st_size + events.stat().st_size) / 2**20, 1), "generate_seconds": round(generated, 1),
            "seconds": round(seconds, 1), "docs_per_second": round(stored / seconds) if seconds else None,
            "peak_rss_mb": round(peak_mb, 1), "bar_mb": BAR_MB, "under_bar": peak_mb < BAR_MB}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--per-doc", type=int, default=2, help="coded events per document")
    ap.add_argument("--batch", type=int, default=200, help="ingest --batch")
    ap.add_argument("--keep", type=Path, default=None, help="write the inputs and the store here (kept)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="eventwire-ingest-bench-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        r = measure(folder, args.docs, args.per_doc, args.batch)
    print(f"ingest of {r['documents']:,} documents ({r['coded']} coded now), {r['events']:,} events, "
          f"{r['input_mb']} MB of JSON Lines (generated in {r['generate_seconds']} s)")
    print(f"  time {r['seconds']} s ({r['docs_per_second']:,} documents/s)")
    print(f"  peak RSS {r['peak_rss_mb']} MB (bar: under {BAR_MB} MB: {'yes' if r['under_bar'] else 'NO'})")
    print(json.dumps(r))


if __name__ == "__main__":
    main()
