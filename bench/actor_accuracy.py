"""Actor accuracy on a gold set: of the gold events whose type the coder found, the share with both codes right.

    python bench/actor_accuracy.py GOLD PRED

A gold event counts as "type found" when a predicted event in the same document
has its type (or an accepted alternative); it counts as "actors right" when one
such prediction also has the gold source and target codes (either order for
CONSULT, AGREE and COOPERATE), as the scorer judges them.
"""

from __future__ import annotations

import json
import sys

SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}


def _codes(v):
    if v is None:
        return None
    return set(v) if isinstance(v, list) else {v}


def _code(a):
    return a.get("code") if isinstance(a, dict) else a


def dyad_ok(g: dict, p: dict) -> bool:
    gs, gt = _codes(g.get("source")), _codes(g.get("target"))
    ps, pt = _code(p.get("source")), _code(p.get("target"))

    def ok(a, b, c, d):
        return (a is None or c in a) and (b is None or d in b)

    return ok(gs, gt, ps, pt) or (g["event_type"] in SYMMETRIC and ok(gs, gt, pt, ps))


def main(gold_path: str, pred_path: str) -> None:
    gold = [json.loads(x) for x in open(gold_path, encoding="utf-8") if x.strip()]
    pred = [json.loads(x) for x in open(pred_path, encoding="utf-8") if x.strip()]
    by_doc: dict[str, list[dict]] = {}
    for p in pred:
        by_doc.setdefault(p["doc_id"], []).append(p)
    found = right = 0
    for g in gold:
        if g.get("optional"):
            continue
        types = {g["event_type"], *(g.get("alt_types") or [])}
        same_type = [p for p in by_doc.get(g["doc_id"], []) if p["event_type"] in types]
        if not same_type:
            continue
        found += 1
        right += any(dyad_ok(g, p) for p in same_type)
    share = right / found if found else 0.0
    print(f"gold events with their type found: {found}; with source and target codes right: {right} ({share:.3f})")


if __name__ == "__main__":
    main(*sys.argv[1:3])
