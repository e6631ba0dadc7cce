"""Throughput: bare spaCy parsing vs eventwire coding in one process vs a local Dask cluster, same documents.

    python bench/throughput.py                 # 2,000 generated documents (make bench)
    python bench/throughput.py --docs 300      # a quick run
    python bench/throughput.py --input my.jsonl --workers 2

Each stage is timed after its model is loaded and warmed up (load times are
printed separately), on the same documents: spaCy `nlp.pipe` with every
component of the model, `Coder.pipe` in this process, and `code_sharded` on a
LocalCluster of N single-threaded worker processes. Tokens are spaCy tokens of
the documents. Peak memory is each process's peak resident set size. This is a
benchmark, not a test: it prints figures and checks only that the cluster's
events equal the one-process events.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import time
from pathlib import Path

from generate import generate

from eventwire import io as ewio
from eventwire import nlp as nlp_mod
from eventwire.records import Document
from eventwire.scale import peak_rss_bytes


def _docs(args: argparse.Namespace) -> list[Document]:
    if args.input:
        items = list(ewio.read_path(args.input))
        docs = [d for d in items if isinstance(d, Document)]
        return docs[: args.docs] if args.docs else docs
    return [ewio.document_from_dict(d) for d in generate(args.docs, args.seed)]


def _mb(n_bytes: float) -> str:
    return f"{n_bytes / 2**20:,.0f} MB"


def _cpu_s() -> float:
    """CPU seconds used by this process so far (user + system)."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _per_cpu(n: int, cpu_s: float) -> str:
    return f"{n / cpu_s:6.1f} docs per CPU-second"




def _warm_up(settings, docs: list[Document]) -> None:
    """On each worker: load the coder and code a few documents (lazy tables load on first use)."""
    from eventwire.scale import worker_coder

    list(worker_coder(settings).pipe(docs))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000, help="number of documents (default 2000)")
    ap.add_argument("--seed", type=int, default=0, help="generator seed")
    ap.add_argument("--input", type=Path, help="code this JSONL file instead of generated documents")
    ap.add_argument("--workers", type=int, default=2, help="Dask worker processes (default 2)")
    ap.add_argument("--shard-size", type=int, default=64)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--no-dask", action="store_true", help="skip the cluster run")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)

    docs = _docs(args)
    texts = [d.text for d in docs]
    n = len(docs)
    import spacy

    print(f"eventwire throughput: {n} documents, {sum(map(len, texts)):,} characters; python "
          f"{platform.python_version()}, spacy {spacy.__version__}, model {nlp_mod.MODEL}, "
          f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}")
    figures: dict[str, object] = {"docs": n, "loadavg_start": os.getloadavg()}

    # 1. bare spaCy, every component
    t = time.perf_counter()
    nlp = nlp_mod.load()
    load_s = time.perf_counter() - t
    list(nlp.pipe(texts[:20], batch_size=args.batch_size))
    t, c = time.perf_counter(), _cpu_s()
    tokens = sum(len(d) for d in nlp.pipe(texts, batch_size=args.batch_size))
    spacy_s, spacy_cpu = time.perf_counter() - t, _cpu_s() - c
    figures.update(tokens=tokens, spacy_s=spacy_s, spacy_cpu_s=spacy_cpu, spacy_load_s=load_s)
    print(f"  spaCy nlp.pipe ({', '.join(nlp.pipe_names)})")
    print(f"    bare spaCy, 1 process:      {n / spacy_s:8.1f} docs/s  {tokens / spacy_s:9,.0f} tokens/s   "
          f"{_per_cpu(n, spacy_cpu)}   ({spacy_s:.1f} s; load {load_s:.1f} s)")

    # 2. eventwire in this process
    from eventwire.coder import Coder

    t = time.perf_counter()
    coder = Coder(batch_size=args.batch_size)
    coder_load_s = time.perf_counter() - t
    list(coder.pipe(docs[:20]))
    t, c = time.perf_counter(), _cpu_s()
    single = list(coder.pipe(docs))
    coder_s, coder_cpu = time.perf_counter() - t, _cpu_s() - c
    events = sum(len(r.events) for r in single)
    figures.update(coder_s=coder_s, coder_cpu_s=coder_cpu, coder_load_s=coder_load_s, events=events,
                   main_peak_rss=peak_rss_bytes())
    print(f"    eventwire, 1 process:       {n / coder_s:8.1f} docs/s  {tokens / coder_s:9,.0f} tokens/s   "
          f"{_per_cpu(n, coder_cpu)}   ({coder_s:.1f} s; {events} events; coder load {coder_load_s:.1f} s)")
    print(f"    ratio coder / spaCy:        {spacy_s / coder_s:8.2f}  (per CPU-second: {spacy_cpu / coder_cpu:.2f})")

    # 3. a local Dask cluster
    if not args.no_dask:
        from eventwire.scale import CoderSettings, RunStats, code_sharded, local_cluster

        t = time.perf_counter()
        cluster, client = local_cluster(args.workers)  # as `eventwire code --workers N` starts it
        up_s = time.perf_counter() - t
        try:
            t = time.perf_counter()
            client.run(_warm_up, CoderSettings.create(batch_size=args.batch_size), docs[:20])
            warm_s = time.perf_counter() - t
            stats = RunStats()
            c0, t, c = client.run(_cpu_s), time.perf_counter(), _cpu_s()
            sharded = list(code_sharded(docs, client=client, shard_size=args.shard_size,
                                        batch_size=args.batch_size, stats=stats))
            dask_s, main_cpu = time.perf_counter() - t, _cpu_s() - c
            c1 = client.run(_cpu_s)
            worker_cpu = sum(c1[w] - c0[w] for w in c1)
        finally:
            client.close()
            cluster.close()
        same = [[e.to_dict() for e in r.events] for r in sharded] == [[e.to_dict() for e in r.events] for r in single]
        figures.update(workers=args.workers, dask_s=dask_s, dask_worker_cpu_s=worker_cpu, dask_main_cpu_s=main_cpu,
                       cluster_up_s=up_s, worker_load_s=warm_s, worker_peak_rss=stats.worker_peak_rss,
                       same_events=same)
        print(f"    eventwire, {args.workers} Dask workers:  {n / dask_s:8.1f} docs/s  {tokens / dask_s:9,.0f} "
              f"tokens/s   {_per_cpu(n, worker_cpu + main_cpu)}   ({dask_s:.1f} s; workers {worker_cpu:.1f} CPU-s, "
              f"client {main_cpu:.1f} CPU-s; cluster up {up_s:.1f} s, coder load + warm-up on workers {warm_s:.1f} s; "
              f"shards of {args.shard_size})")
        print(f"    ratio {args.workers} workers / 1 process: {coder_s / dask_s:6.2f}")
        print(f"    same events as 1 process:   {'yes' if same else 'NO'}")
        for addr, rss in sorted(stats.worker_peak_rss.items()):
            print(f"    peak RSS, worker {addr}: {_mb(rss)}")
    print(f"    peak RSS, this process (spaCy + coder + results): {_mb(peak_rss_bytes())}")
    load = os.getloadavg()
    figures["loadavg_end"] = load
    print(f"  load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (other work on the machine "
          "slows every figure; compare per-CPU-second figures when it is above 0)")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
