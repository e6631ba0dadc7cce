"""Accuracy on every gold set, per batch: the figures the coder is judged by.

    python bench/accuracy.py                     # all sets, train per batch
    python bench/accuracy.py --sets train,dev    # some of them
    python bench/accuracy.py --heldout d,e,f     # also the figure over those train batches together
    python bench/accuracy.py --save /tmp/pred    # keep each set's predictions as JSON Lines

Sets (under ``$EVENTWIRE_SHARED/data/eval``, by default ``../shared`` beside the repository):

- ``train``: strict F1 per regional batch (ids ``tr-a-`` ... ``tr-f-``), with date accuracy and false events per
  event-free document, scored by ``tools/score.py``;
- ``dev``: the same figures on the 30 documents of version 0.1;
- ``gsr``: PLOVER GSR type accuracy, the type of the highest-confidence event of each sentence against its one gold
  type (a sentence with no event counts as wrong), and the triple F1 that ``score.py`` gives;
- ``plv``: root accuracy on real wire sentences with a marked actor pair, by ``tools/score_pairs.py``.

The documents are coded in this process with the default ``Coder``; scoring is done by the shared scorers, imported
from their files so that the figures are theirs.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", REPO.parent / "shared"))
EVAL = SHARED / "data" / "eval"
BATCHES = "abcdef"


def _tool(name: str):
    spec = importlib.util.spec_from_file_location(name, SHARED / "tools" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def _load(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.open(encoding="utf-8") if x.strip()]


def code(coder, docs: list[dict]) -> list[dict]:
    from datetime import date

    from eventwire.records import Document

    out: list[dict] = []
    inputs = [Document(id=d["id"], text=d["text"], published=date.fromisoformat(d["published"][:10])
                       if d.get("published") else None, title=d.get("title"), source=d.get("source"))
              for d in docs]
    for result in coder.pipe(inputs):
        out.extend(ev.to_dict() for ev in result.events)
    return out


def strict(score_mod, gold: list[dict], pred: list[dict], docs: list[dict]) -> dict:
    res = score_mod.score(gold, pred, docs, by_type=True)
    s = res["strict"]
    return {"f1": s["f1"], "p": s["precision"], "r": s["recall"], "tp": s["tp"], "fp": s["fp"], "fn": s["fn"],
            "triple_f1": res["triple"]["f1"], "modality": res["modality_accuracy"], "date": res["date_accuracy"],
            "fp_free": res["fp_per_event_free_doc"], "by_type": {k: v["f1"] for k, v in res["by_type"].items()}}


def _line(name: str, r: dict) -> str:
    return (f"{name:<10} strict F1 {r['f1']:.3f} (P {r['p']:.3f} R {r['r']:.3f}; {r['tp']} right, {r['fp']} false, "
            f"{r['fn']} missed)  triple {r['triple_f1']:.3f}  modality {r['modality']}  date {r['date']}  "
            f"false/event-free doc {r['fp_free']}")


def gsr_type_accuracy(gold: list[dict], pred: list[dict]) -> float:
    best: dict[str, dict] = {}
    for p in pred:
        if p["doc_id"] not in best or (p.get("confidence") or 0) > (best[p["doc_id"]].get("confidence") or 0):
            best[p["doc_id"]] = p
    right = sum(1 for g in gold if g["doc_id"] in best and best[g["doc_id"]]["event_type"] == g["event_type"])
    return right / len(gold)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default="train,dev,gsr,plv")
    ap.add_argument("--heldout", default="", help="train batches to score together, e.g. d,e,f")
    ap.add_argument("--save", type=Path, help="folder for each set's predictions")
    ap.add_argument("--by-type", action="store_true", help="print F1 by type for train and dev")
    args = ap.parse_args(argv)
    sets = [s for s in args.sets.split(",") if s]

    from eventwire import Coder

    t0 = time.perf_counter()
    coder = Coder()
    print(f"coder loaded in {time.perf_counter() - t0:.1f} s", flush=True)
    score_mod = _tool("score")
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)

    def run(name: str, docs_path: Path) -> tuple[list[dict], list[dict]]:
        docs = _load(docs_path)
        t = time.perf_counter()
        pred = code(coder, docs)
        print(f"[{name}: {len(docs)} documents coded in {time.perf_counter() - t:.1f} s]", flush=True)
        if args.save:
            with (args.save / f"{name}.jsonl").open("w", encoding="utf-8") as f:
                for p in pred:
                    f.write(json.dumps(p, ensure_ascii=False) + "\n")
        return docs, pred

    if "train" in sets:
        docs, pred = run("train", EVAL / "train" / "docs.jsonl")
        gold = _load(EVAL / "train" / "gold.jsonl")
        groups: dict[str, list[str]] = {b: [b] for b in BATCHES}
        if args.heldout:
            groups["+".join(args.heldout.split(","))] = args.heldout.split(",")
        groups["all"] = list(BATCHES)
        for name, batches in groups.items():
            prefixes = tuple(f"tr-{b}-" for b in batches)
            r = strict(score_mod, [g for g in gold if g["doc_id"].startswith(prefixes)],
                       [p for p in pred if p["doc_id"].startswith(prefixes)],
                       [d for d in docs if d["id"].startswith(prefixes)])
            print(_line(f"train {name}", r))
            if args.by_type and name in ("all",) + (("+".join(args.heldout.split(",")),) if args.heldout else ()):
                print("  by type:", " ".join(f"{k} {v:.2f}" for k, v in r["by_type"].items()))
    if "dev" in sets:
        docs, pred = run("dev", EVAL / "dev" / "docs.jsonl")
        r = strict(score_mod, _load(EVAL / "dev" / "gold.jsonl"), pred, docs)
        print(_line("dev", r))
        if args.by_type:
            print("  by type:", " ".join(f"{k} {v:.2f}" for k, v in r["by_type"].items()))
    if "gsr" in sets:
        docs, pred = run("gsr", EVAL / "plover-gsr" / "docs.jsonl")
        gold = _load(EVAL / "plover-gsr" / "gold.jsonl")
        r = strict(score_mod, gold, pred, docs)
        print(f"gsr        type accuracy {gsr_type_accuracy(gold, pred):.3f} (highest-confidence event per sentence)"
              f"  triple F1 {r['triple_f1']:.3f}")
    if "plv" in sets:
        docs, pred = run("plv", EVAL / "plv-train" / "docs.jsonl")
        pairs_mod = _tool("score_pairs")
        by_doc = defaultdict(list)
        for p in pred:
            by_doc[p["doc_id"]].append(p)
        tmp = (args.save or Path(os.environ.get("TMPDIR", "/tmp"))) / "plv-pred.jsonl"
        with tmp.open("w", encoding="utf-8") as f:
            for p in pred:
                f.write(json.dumps(p, ensure_ascii=False) + "\n")
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            pairs_mod.main([str(EVAL / "plv-train" / "pairs.jsonl"), str(tmp)])
        res = json.loads(buf.getvalue())
        print(f"plv-train  root accuracy {res['root_accuracy']:.3f}  coverage {res['coverage']:.3f}  "
              f"pair coverage {res['pair_coverage']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
