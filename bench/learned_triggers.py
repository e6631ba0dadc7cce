"""Learned trigger model against the rules alone, cross-validated across the six train batches.

    python bench/learned_triggers.py                          # the default settings below
    python bench/learned_triggers.py --drop 0.9 --retype 0.7 --propose 0.3 --c 1.0

For each train batch in turn, a multinomial logistic regression (scikit-learn) is fitted on the candidate words of
the other five batches and used while the held-out batch is coded. A candidate word is a verb or common noun; its
features are its parse cues (`eventwire.lang.en.cues`: lemma, role, head, subject and objects with their noun
classes and actor status, prepositions, particles, negation, the type of the lexicon rule that fires on it). Its
label is the type of the gold event whose evidence it heads (the word of the lexicon's type if one is inside the
evidence, else the word highest in the parse), or NONE.

The model acts on the coder in three ways, each with a probability threshold (above 1: off):

- ``--drop``: a lexicon trigger whose NONE probability is at least this is dropped;
- ``--retype``: a lexicon trigger whose most likely type is another one, at least this probable, takes that type;
- ``--propose``: a word the lexicon leaves alone becomes a trigger of its most likely type, if at least this probable.

Printed: strict F1 per batch for the rules alone and with the model, and for batches a+b+c, d+e+f and all. Needs
scikit-learn (a development dependency); nothing it fits is shipped.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import accuracy  # noqa: E402  (the scorer wrappers and data paths of the accuracy benchmark)

NONE = "NONE"
GROUPS = {"a+b+c": "abc", "d+e+f": "def", "all": "abcdef"}


class Probe:
    """A sentence stage placed after the triggers: records each candidate word's cues and the lexicon's type."""

    name, scope = "probe", "sentence"

    def __init__(self, lexicon) -> None:
        self.lex = lexicon
        self.rows: list[dict] = []

    def __call__(self, state):
        from eventwire.lang.en import cues

        ss = state.current
        types = {}
        for t in ss.triggers:
            types[t.token.i] = t.rule.type
            if t.light is not None:
                types[t.light.i] = t.rule.type
        for tok in ss.sent:
            if cues.candidate(tok):
                start = ss.offset + tok.idx
                self.rows.append({"doc": state.document.id, "start": start, "end": start + len(tok.text),
                                  "depth": sum(1 for _ in tok.ancestors), "lex": types.get(tok.i),
                                  "cues": cues.cues(tok, self.lex, _actor_test(ss), types.get(tok.i))})
        return state


def _actor_test(ss):
    return lambda tok: ss.resolver.entry_at(tok.i) is not None


def label(rows: list[dict], docs: list[dict], gold: list[dict]) -> list[str]:
    """Each row's class: the type of the gold event whose evidence it heads, else NONE."""
    text = {d["id"]: d["text"] for d in docs}
    by_doc: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        by_doc.setdefault(r["doc"], []).append(i)
    found: dict[int, list[str]] = {}
    for g in gold:
        k = text[g["doc_id"]].find(g["evidence"])
        if k < 0:
            continue
        inside = [i for i in by_doc.get(g["doc_id"], []) if rows[i]["start"] >= k and
                  rows[i]["end"] <= k + len(g["evidence"])]
        if inside:
            same = [i for i in inside if rows[i]["lex"] == g["event_type"]]
            best = min(same or inside, key=lambda i: (rows[i]["depth"], rows[i]["start"]))
            found.setdefault(best, []).append(g["event_type"])
    return [Counter(found[i]).most_common(1)[0][0] if i in found else NONE for i in range(len(rows))]


class LearnedCheck:
    """A sentence stage placed after the triggers: drops, re-types and proposes triggers by the model."""

    name, scope = "learned", "sentence"

    def __init__(self, lexicon, scorer, drop: float, retype: float, propose: float) -> None:
        self.lex, self.scorer = lexicon, scorer
        self.drop, self.retype, self.propose = drop, retype, propose

    def __call__(self, state):
        from eventwire.lang.en import cues
        from eventwire.stages.triggers import Rule, Trigger

        ss = state.current
        is_actor = _actor_test(ss)
        kept = []
        for t in ss.triggers:
            word = t.light if t.light is not None else t.token
            p = self.scorer(cues.cues(word, self.lex, is_actor, t.rule.type))
            if p[NONE] >= self.drop:
                continue
            best = max((c for c in p if c != NONE), key=p.__getitem__)
            if best != t.rule.type and p[best] >= self.retype:
                t = replace(t, rule=self.lex.generic_rule(t.rule, best), others=[])
            kept.append(t)
        if self.propose <= 1:
            taken = {t.token.i for t in kept} | {t.light.i for t in kept if t.light is not None}
            for tok in ss.sent:
                if tok.i in taken or not cues.candidate(tok):
                    continue
                p = self.scorer(cues.cues(tok, self.lex, is_actor, None))
                best = max((c for c in p if c != NONE), key=p.__getitem__)
                if p[best] >= self.propose:
                    pos = "NOUN" if tok.pos_ == "NOUN" else "VERB"
                    kept.append(Trigger(self.lex.generic_rule(Rule(self.lex.lemma_of(tok), pos, best), best), tok))
        ss.triggers = kept
        return state


def _with_stage(stage):
    from eventwire.coder import DEFAULT_STAGES, Coder

    stages: list = list(DEFAULT_STAGES)
    stages.insert(stages.index("triggers") + 1, stage)
    return Coder(stages=stages)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--drop", type=float, default=0.9)
    ap.add_argument("--retype", type=float, default=0.7)
    ap.add_argument("--propose", type=float, default=0.3)
    ap.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    args = ap.parse_args(argv)
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from eventwire.coder import Coder

    warnings.filterwarnings("ignore", category=FutureWarning)
    docs = accuracy._load(accuracy.EVAL / "train" / "docs.jsonl")
    gold = accuracy._load(accuracy.EVAL / "train" / "gold.jsonl")
    score = accuracy._tool("score")
    rules = Coder()
    rule_pred = accuracy.code(rules, docs)
    probe = Probe(rules.lang.lexicon)
    accuracy.code(_with_stage(probe), docs)
    rows = probe.rows
    y = np.array(label(rows, docs, gold))
    batch = np.array([r["doc"][3] for r in rows])
    feats = [dict.fromkeys(r["cues"], 1) for r in rows]
    print(f"{len(rows)} candidate words, {int((y != NONE).sum())} heading a gold event", flush=True)
    learned_pred: list[dict] = []
    for b in accuracy.BATCHES:
        train = np.where(batch != b)[0]
        vec = DictVectorizer()
        model = LogisticRegression(C=args.c, max_iter=3000).fit(vec.fit_transform([feats[i] for i in train]), y[train])
        classes = list(model.classes_)

        def scorer(cues, vec=vec, model=model, classes=classes):
            return dict(zip(classes, model.predict_proba(vec.transform([dict.fromkeys(cues, 1)]))[0], strict=True))

        stage = LearnedCheck(rules.lang.lexicon, scorer, args.drop, args.retype, args.propose)
        learned_pred += accuracy.code(_with_stage(stage), [d for d in docs if d["id"][3] == b])
    print(f"settings: drop {args.drop}, retype {args.retype}, propose {args.propose}, C {args.c}")
    print(f"{'batches':<8} {'rules F1':>9} {'learned F1':>11}   right/false: rules, learned")
    for name, batches in [*((b, b) for b in accuracy.BATCHES), *GROUPS.items()]:
        g = [x for x in gold if x["doc_id"][3] in batches]
        d = [x for x in docs if x["id"][3] in batches]
        r0 = accuracy.strict(score, g, [x for x in rule_pred if x["doc_id"][3] in batches], d)
        r1 = accuracy.strict(score, g, [x for x in learned_pred if x["doc_id"][3] in batches], d)
        print(f"{name:<8} {r0['f1']:>9.3f} {r1['f1']:>11.3f}   {r0['tp']}/{r0['fp']}, {r1['tp']}/{r1['fp']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
