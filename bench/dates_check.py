"""Check `eventwire.dates.event_date` against the dates of a gold set (not a test).

    python bench/dates_check.py [--eval DIR] [--all] [--repeat N]

For every gold event: the sentence holding its `evidence` (the gold sentence
index picks among repeats), the trigger word inside the evidence (the trigger
lexicon's first hit, as the extractor finds it; else the first verb, else the
first noun), `future` = gold modality is planned, and as `anchor` the last
day-precision date this script resolved from an expression earlier in the
document (what the extractor is meant to pass). Prints date accuracy as the
scorer counts it (`pred[:len(gold)] == gold` on events whose gold has a date),
precision agreement, the mismatches, and the time per call.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from datetime import date
from pathlib import Path

from spacy.tokens import Span, Token

from eventwire import nlp as nlp_mod
from eventwire.dates import DateResult, event_date
from eventwire.stages.triggers import TriggerLexicon

REPO = Path(__file__).resolve().parents[1]
DEFAULT_EVAL = REPO.parent / "shared" / "data" / "eval" / "dev"
# the gold's sentence split: after . ? ! + whitespace + capital or digit; "U.S." never ends one
SPLIT = re.compile(r"(?<!\bU\.S\.)(?<=[.?!])\s+(?=[A-Z0-9'\"])")


def sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in SPLIT.finditer(text)]


def find_trigger(span: Span, lex: TriggerLexicon | None) -> Token:
    for tok in span if lex is not None else ():
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            trig = lex.light_noun(tok) or lex.find(tok)
        elif tok.pos_ in ("NOUN", "PROPN", "ADJ"):
            trig = lex.find(tok)
        else:
            trig = None
        if trig is not None:
            return trig.head
    for pos in ("VERB", "NOUN"):
        for tok in span:
            if tok.pos_ == pos:
                return tok
    return span.root


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="folder with docs.jsonl and gold.jsonl")
    ap.add_argument("--all", action="store_true", help="also list the events that match")
    ap.add_argument("--repeat", type=int, default=20, help="calls per event for the timing")
    args = ap.parse_args(argv)

    docs = {d["id"]: d for d in map(json.loads, (args.eval / "docs.jsonl").read_text().splitlines())}
    gold = [json.loads(line) for line in (args.eval / "gold.jsonl").read_text().splitlines() if line.strip()]
    nlp = nlp_mod.load()
    try:
        lex: TriggerLexicon | None = TriggerLexicon.load()
    except ValueError as e:  # the lexicon is data others edit: fall back to the first verb or noun
        print(f"trigger lexicon not loaded ({e}); triggers are the first verb/noun", file=sys.stderr)
        lex = None
    parsed = {i: nlp(d["text"]) for i, d in docs.items()}

    right = total = prec_same = nulls_right = nulls = 0
    req_right = req_total = 0
    calls: list[tuple] = []
    anchors: dict[str, date | None] = {}
    lines = []
    for g in gold:
        doc_id = g["doc_id"]
        d, sdoc = docs[doc_id], parsed[doc_id]
        pub = date.fromisoformat(d["published"]) if d.get("published") else None
        starts = sentence_starts(d["text"])
        s0 = starts[g["sentence"]] if g["sentence"] < len(starts) else 0
        at = d["text"].find(g["evidence"], s0)
        if at < 0:
            at = d["text"].find(g["evidence"])
        if at < 0:
            lines.append(f"  ?? {doc_id} evidence not found: {g['evidence']!r}")
            continue
        span = sdoc.char_span(at, at + len(g["evidence"]), alignment_mode="expand")
        sent = span[0].sent
        trig = find_trigger(span, lex)
        future = g.get("modality") == "planned"
        anchor = anchors.get(doc_id)
        res: DateResult = event_date(sent, trig, pub, future=future, anchor=anchor)
        calls.append((sent, trig, pub, future, anchor))
        if res.basis == "expression" and res.precision == "day" and res.date:
            anchors[doc_id] = date.fromisoformat(res.date)
        gd, pd = g.get("date"), res.date or ""
        expr = sdoc.text[res.start:res.end] if res.start is not None else "-"
        tag = "opt" if g.get("optional") else "req"
        if gd:
            ok = pd[: len(gd)] == gd
            total += 1
            right += ok
            prec_same += res.precision == g.get("date_precision")
            if tag == "req":
                req_total += 1
                req_right += ok
        else:
            ok = res.date is None
            nulls += 1
            nulls_right += ok
        if not ok or args.all:
            lines.append(f"  {'ok' if ok else 'XX'} {doc_id} s{g['sentence']} {tag} {g.get('modality')}: gold "
                         f"{gd} {g.get('date_precision')} | pred {res.date} {res.precision} ({res.basis}) "
                         f"expr={expr!r} trigger={trig.text!r} | {g['evidence'][:70]}")

    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for c in calls:
            event_date(c[0], c[1], c[2], future=c[3], anchor=c[4])
    per = (time.perf_counter() - t0) / max(1, args.repeat * len(calls))

    print("\n".join(lines))
    print(f"date accuracy (gold with a date): {right}/{total} = {right / max(1, total):.3f}")
    print(f"  required events only:           {req_right}/{req_total} = {req_right / max(1, req_total):.3f}")
    print(f"  precision agrees:               {prec_same}/{total} = {prec_same / max(1, total):.3f}")
    print(f"  gold null kept null:            {nulls_right}/{nulls}")
    print(f"time per event_date call: {per * 1e6:.0f} us over {args.repeat * len(calls)} calls")
    return 0


if __name__ == "__main__":
    sys.exit(main())
