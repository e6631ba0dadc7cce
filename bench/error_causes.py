"""The coder's errors on the train batches, counted by cause, per batch: where each missed or false event went wrong.

    python bench/error_causes.py                 # every batch, counts only
    python bench/error_causes.py --batches f     # some batches
    python bench/error_causes.py --json          # the counts as one JSON object

A probe stage placed after the arguments stage records, for each sentence, the triggers the lexicon found and the
candidates the arguments stage made of them. Each missed gold event (strict scoring, `tools/score.py`) is then given
the first cause that fits, in this order:

- ``modality``: an output event has its type and actors, with another modality;
- ``actors: target guessed``: an output event of its type and source whose target was taken from the document (no
  words name it) is another actor; ``actors: target named`` the same with a target the sentence names;
  ``actors: source`` an output event of its type with another source;
- ``type``: a trigger inside the gold evidence, of another type only;
- ``arguments: none found``: a trigger of its type inside the evidence, of which the arguments stage made no
  candidate (no source or no target found);
- ``suppressed``: a candidate of its type at a trigger inside the evidence, with its actors, that no output event
  keeps (dedup, modality or a later stage dropped or changed it), or whose event the scorer's greedy matching
  gave to another gold event of the document, of that type and dyad;
- ``actors: other``: a candidate of its type inside the evidence whose actors are wrong;
- ``trigger coverage``: no trigger inside the evidence.

False events are counted as ``false: modality`` (the sentence has a gold event of that type and those actors, with
another modality), ``false: wrong actors`` (the sentence has a gold event of that type), ``false: wrong
type`` (a gold event in the sentence, of another type) and ``false: no act`` (no gold event in the sentence).
Only counts are printed, never a sentence: the figures can be read on batches kept unseen.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import accuracy  # noqa: E402  (the scorer wrappers and data paths of the accuracy benchmark)

MISS_CAUSES = ("modality", "actors: target guessed", "actors: target named", "actors: source", "type",
               "arguments: none found", "suppressed", "actors: other", "trigger coverage")
FALSE_CAUSES = ("false: modality", "false: wrong actors", "false: wrong type", "false: no act")


Seen = tuple[int, list[tuple[int, str]], list[tuple[int, str, "str | None", "str | None"]]]


class Probe:
    """A sentence stage placed after the arguments: keeps each sentence's triggers and candidates."""

    name, scope = "error_probe", "sentence"

    def __init__(self) -> None:
        # (document, sentence) -> (sentence start, [(trigger offset, type)], [(trigger offset, type, source, target)])
        self.seen: dict[tuple[str, int], Seen] = {}

    def __call__(self, state):
        ss = state.current
        start = ss.offset + ss.sent.start_char
        triggers = [(ss.offset + t.token.idx, t.rule.type) for t in ss.triggers]
        cands = [(ss.offset + c.trigger.token.idx, c.trigger.rule.type, c.source.actor.code,
                  c.target.actor.code if c.target is not None else None) for c in ss.candidates]
        self.seen[(state.document.id, ss.index)] = (start, triggers, cands)
        return state


def _coder(probe: Probe):
    from eventwire import Coder
    from eventwire.coder import DEFAULT_STAGES

    stages: list = list(DEFAULT_STAGES)
    stages.insert(stages.index("arguments") + 1, probe)
    return Coder(stages=stages)


def _matches(score_mod, g: dict, p: dict) -> bool:
    return score_mod.type_ok(g, p) and score_mod.dyad_ok(g, p) and p.get("modality", "asserted") == g["modality"]


def _source_ok(score_mod, g: dict, code: str | None) -> bool:
    want = score_mod.codes(g.get("source"))
    return want is None or code in want


def miss_cause(score_mod, g: dict, preds: list[dict], seen, text: str) -> str:
    """The first cause of MISS_CAUSES that fits the missed gold event `g` (see the module docstring)."""
    if any(score_mod.type_ok(g, p) and score_mod.dyad_ok(g, p) for p in preds):
        return "modality"
    typed = [p for p in preds if score_mod.type_ok(g, p)]
    for p in typed:
        if _source_ok(score_mod, g, score_mod.actor_code(p.get("source"))):
            t = p.get("target") or {}
            return "actors: target guessed" if t and t.get("start") == t.get("end") else "actors: target named"
    if typed:
        return "actors: source"
    if seen is None:
        return "trigger coverage"
    start, triggers, cands = seen
    k = text.find(g["evidence"], start)
    lo, hi = (k, k + len(g["evidence"])) if k >= 0 else (-1, -1)
    inside = [(at, typ) for at, typ in triggers if lo <= at < hi]
    if not inside:
        return "trigger coverage"
    fits = {g["event_type"], *(g.get("alt_types") or [])}
    if not any(typ in fits for _, typ in inside):
        return "type"
    made = [c for c in cands if lo <= c[0] < hi and c[1] in fits]
    if not made:
        return "arguments: none found"
    if any(score_mod.dyad_ok(g, {"source": c[2], "target": c[3]}) for c in made):
        return "suppressed"
    return "actors: other"


def causes(score_mod, gold: list[dict], pred: list[dict], docs: list[dict], probe: Probe, batch: str) -> Counter:
    """Counts of MISS_CAUSES and FALSE_CAUSES on one batch. Gold and output events are matched per document, as
    `tools/score.py` matches them, so the totals are its missed and false counts; causes are then read in the
    sentence of each event."""
    text = {d["id"]: d["text"] for d in docs}
    g_by: dict[str, list[dict]] = defaultdict(list)
    p_by: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        if g["doc_id"].startswith(f"tr-{batch}-"):
            g_by[g["doc_id"]].append(g)
    for p in pred:
        if p["doc_id"].startswith(f"tr-{batch}-"):
            p_by[p["doc_id"]].append(p)
    out: Counter = Counter()
    for doc_id in sorted(set(g_by) | set(p_by)):
        gs, ps = g_by.get(doc_id, []), p_by.get(doc_id, [])
        used: set[int] = set()
        missed = []
        for g in gs:
            if g.get("optional"):
                continue
            hit = next((i for i, p in enumerate(ps) if i not in used and _matches(score_mod, g, p)), None)
            if hit is None:
                missed.append(g)
            else:
                used.add(hit)
        rest = [p for i, p in enumerate(ps) if i not in used and not any(
            g.get("optional") and score_mod.type_ok(g, p) and score_mod.dyad_ok(g, p) for g in gs)]
        for g in missed:
            here = [p for p in rest if p["sentence"] == g["sentence"]]
            out[miss_cause(score_mod, g, here, probe.seen.get((doc_id, g["sentence"])), text[doc_id])] += 1
        for p in rest:
            here = [g for g in gs if g["sentence"] == p["sentence"] and not g.get("optional")]
            if any(score_mod.type_ok(g, p) and score_mod.dyad_ok(g, p) for g in here):
                out["false: modality"] += 1
            elif any(score_mod.type_ok(g, p) for g in here):
                out["false: wrong actors"] += 1
            elif here:
                out["false: wrong type"] += 1
            else:
                out["false: no act"] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--batches", default=accuracy.BATCHES, help="train batches, e.g. f or abcde")
    ap.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = ap.parse_args(argv)
    from eventwire.records import Document

    probe = Probe()
    coder = _coder(probe)
    score_mod = accuracy._tool("score")
    docs = [d for d in accuracy._load(accuracy.EVAL / "train" / "docs.jsonl")
            if d["id"][3:4] in args.batches]
    gold = accuracy._load(accuracy.EVAL / "train" / "gold.jsonl")
    pred: list[dict] = []
    inputs = [Document(id=d["id"], text=d["text"], published=date.fromisoformat(d["published"][:10])
                       if d.get("published") else None) for d in docs]
    for result in coder.pipe(inputs):
        pred.extend(ev.to_dict() for ev in result.events)
    table = {b: causes(score_mod, gold, pred, docs, probe, b) for b in args.batches}
    if args.json:
        print(json.dumps({b: dict(c) for b, c in table.items()}, indent=1))
        return 0
    width = max(len(c) for c in MISS_CAUSES + FALSE_CAUSES)
    print(f"{'cause':<{width}}  " + "  ".join(f"{b:>4}" for b in args.batches) + "   all")
    for group in (MISS_CAUSES, FALSE_CAUSES):
        for cause in group:
            row = [table[b][cause] for b in args.batches]
            print(f"{cause:<{width}}  " + "  ".join(f"{n:>4}" for n in row) + f"  {sum(row):>4}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
