"""Trigger lexicon: which words report which PLOVER event, read from `lang/en/triggers.yaml`.

`TriggerLexicon.find(token)` returns the most specific rule that fires on a
token: rules that need a particular object or particle beat plain ones, and a
light verb ("held", "imposed", "launched") hands over to the rule of its
object noun ("talks", "tariffs", "strikes").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Span, Token

from ..lang.en import clauses, words
from ..pipeline.packs import Config, Knowledge, LanguagePack
from ..pipeline.registry import stage
from ..pipeline.state import DocState
from ..records import EVENT_TYPES

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present
VERB_POS = {"VERB", "AUX"}
NOUN_POS = {"NOUN", "PROPN"}
ADJ_POS = {"ADJ"}


@dataclass(frozen=True)
class Rule:
    lemma: str
    pos: str  # VERB | NOUN | ADJ
    type: str
    cameo: str | None = None
    mode: str | None = None
    objects: frozenset[str] = frozenset()
    prt: str | None = None
    targets: tuple[str, ...] = ()
    self_target: bool = False
    only_subject_sectors: frozenset[str] = frozenset()
    not_subject_sectors: frozenset[str] = frozenset()
    only_without_target: bool = False
    modality: str | None = None
    needs_target: bool = False
    recipient: bool = False
    poss_is_target: bool = False

    @property
    def specificity(self) -> int:
        return (2 if self.objects else 0) + (2 if self.prt else 0)


@dataclass
class Trigger:
    """A rule firing on a token: `token` is the trigger word, `obj` the object that licensed it."""

    rule: Rule
    token: Token
    obj: Token | None = None
    light: Token | None = None  # the light verb whose object this noun trigger is
    others: list[Rule] = field(default_factory=list)  # further rules that fire here, tried in turn

    @property
    def head(self) -> Token:
        """The token that carries the clause: the light verb if any, else the trigger itself."""
        return self.light if self.light is not None else self.token


class TriggerLexicon:
    def __init__(self, data: dict[str, Any]) -> None:
        self.type_targets: dict[str, tuple[str, ...]] = {
            t: tuple(v) for t, v in (data.get("types") or {}).items()
        }
        self.light_verbs = frozenset(data.get("light_verbs") or [])
        self.rules: dict[tuple[str, str], list[Rule]] = defaultdict(list)
        for t, preps in self.type_targets.items():
            _check_words(preps, f"types.{t}")
        for i, r in enumerate(data.get("triggers") or []):
            if r.get("type") not in EVENT_TYPES:
                raise ValueError(f"[E030] triggers.yaml entry {i + 1} ({r.get('lemma')}): bad type {r.get('type')!r}")
            for key in ("objects", "targets"):
                _check_words(r.get(key) or [], f"entry {i + 1} ({r.get('lemma')}) {key}")
            if "prt" in r:
                _check_words([r["prt"]], f"entry {i + 1} ({r.get('lemma')}) prt")
            rule = Rule(
                lemma=str(r["lemma"]).lower(),
                pos=r.get("pos", "VERB"),
                type=r["type"],
                cameo=r.get("cameo"),
                mode=r.get("mode"),
                objects=frozenset(str(o).lower() for o in r.get("objects") or []),
                prt=r.get("prt"),
                targets=tuple(r.get("targets") or self.type_targets.get(r["type"], ())),
                self_target=bool(r.get("self")),
                only_subject_sectors=frozenset(r.get("only_subject_sectors") or []),
                not_subject_sectors=frozenset(r.get("not_subject_sectors") or []),
                only_without_target=bool(r.get("only_without_target")),
                modality=r.get("modality"),
                needs_target=bool(r.get("needs_target")),
                recipient=bool(r.get("recipient")),
                poss_is_target=bool(r.get("poss_is_target")),
            )
            self.rules[(rule.lemma, rule.pos)].append(rule)
        for rules in self.rules.values():
            rules.sort(key=lambda r: -r.specificity)

    @classmethod
    def load(cls) -> TriggerLexicon:
        return _shipped()

    def lemma_of(self, tok: Token) -> str:
        return tok.lemma_.lower() if tok.lemma_ else tok.lower_

    def _pos(self, tok: Token) -> str | None:
        if tok.pos_ in VERB_POS or tok.tag_.startswith("VB"):
            return "VERB"
        if tok.pos_ in NOUN_POS:
            return "NOUN"
        if tok.pos_ in ADJ_POS:
            return "ADJ"
        return None

    def objects_of(self, tok: Token) -> list[Token]:
        """Direct objects (with their conjuncts), and objects of a particle-like preposition."""
        out = []
        for c in tok.children:
            if c.dep_ in ("dobj", "attr", "oprd", "nsubjpass") or (c.dep_ == "dative" and c.pos_ == "NOUN"):
                out.append(c)
                out.extend(x for x in c.conjuncts)
                # "dozens OF drones", "hundreds OF airstrikes": the counted thing is the object
                out.extend(g for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                           for g in p.children if g.dep_ == "pobj")
        for c in tok.children:
            if c.dep_ == "prep":
                out.extend(g for g in c.children if g.dep_ == "pobj")
        if tok.dep_ == "acl" or tok.dep_ == "relcl":  # "the strikes it carried out"
            out.append(tok.head)
        return out

    def particles_of(self, tok: Token) -> set[str]:
        """Particles and prepositions of a word; an infinitive complement counts as "to" ("offered TO talk")."""
        out = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "agent", "advmod")}
        if any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for c in tok.children):
            out.add("to")
        return out

    def find(self, tok: Token) -> Trigger | None:
        """The most specific rule that fires on `tok`, or None."""
        pos = self._pos(tok)
        if pos is None:
            return None
        lemma = self.lemma_of(tok)
        rules = self.rules.get((lemma, pos))
        if not rules and pos == "NOUN" and tok.lower_ != lemma:
            rules = self.rules.get((tok.lower_, pos))
        if not rules:
            return None
        # a verb rule's `objects` are its direct objects; a noun rule's are its modifiers ("JOINT exercises")
        objs = self.objects_of(tok) if pos == "VERB" else [
            c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")]
        prts = self.particles_of(tok)
        fired: list[tuple[Rule, Token | None]] = []
        for rule in rules:
            obj = None
            if rule.objects:
                obj = next((o for o in objs if self.lemma_of(o) in rule.objects or o.lower_ in rule.objects), None)
                if obj is None:
                    continue
            if rule.prt and rule.prt not in prts:
                continue
            if rule.only_without_target and prts & {"at", "on", "into", "against", "toward", "towards"}:
                continue  # "fired missiles AT Israel" is an attack, not a show of force
            fired.append((rule, obj))
        if not fired:
            return None
        (rule, obj), rest = fired[0], fired[1:]
        # a plain rule that differs only by who acts ("strike": workers PROTEST, armies ASSAULT) waits its turn
        return Trigger(rule, tok, obj, others=[r for r, o in rest if o is None or o is obj])

    def light_noun(self, verb: Token) -> Trigger | None:
        """A noun trigger that is the object of a verb that is no trigger itself.

        Light verbs ("held TALKS", "imposed TARIFFS") and verbs of continuing
        ("revived MEETINGS", "renewed its REQUEST") hand the event to their object.
        """
        if self.lemma_of(verb) not in self.light_verbs:
            return None
        objects = [c for c in self.objects_of(verb) if c.dep_ != "pobj" or c.head.lower_ in ("in", "into", "of")]
        for o in objects:
            if o.pos_ not in NOUN_POS:
                continue
            rules = self.rules.get((self.lemma_of(o), "NOUN")) or self.rules.get((o.lower_, "NOUN"))
            if rules:
                return Trigger(rules[0], o, None, light=verb)
        return None


def _check_words(words: Any, where: str) -> None:
    """YAML reads a bare `on`/`off`/`no` as a boolean: insist on strings so such words are quoted."""
    bad = [w for w in words if not isinstance(w, str)]
    if bad:
        raise ValueError(f"[E031] triggers.yaml {where}: {bad!r} is not a word (quote on/off/no in YAML)")


@cache
def _shipped() -> TriggerLexicon:
    text = resources.files("eventwire").joinpath("lang", "en", "triggers.yaml").read_text(encoding="utf-8")
    return TriggerLexicon(yaml.load(text, Loader=_LOADER))  # noqa: S506 - a safe loader


DEMAND_MODALS = words("demand_modals")
DEMAND_RULE = Rule(lemma="say", pos="VERB", type="REQUEST", cameo="100", needs_target=True)


@stage("triggers", scope="sentence", requires=("sentence",), assigns=("sentence.triggers",))
class Triggers:
    """Find the trigger words of the sentence, dropping those that are only another trigger's content.

    Requires: the parsed sentence. Assigns: `SentState.triggers` ("urged X TO LIFT ..." is one
    REQUEST; "X said Y must Z" a demand by X).
    """

    def __init__(self, lang: LanguagePack, knowledge: Knowledge, config: Config) -> None:
        self.lex = lang.lexicon
        self.modal = lang.modality

    def __call__(self, state: DocState) -> DocState:
        state.current.triggers = self.triggers(state.current.sent)
        return state

    def triggers(self, sent: Span) -> list[Trigger]:
        found: dict[int, Trigger] = {}
        for tok in sent:
            trig = None
            if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
                trig = self.lex.light_noun(tok)
                own = self.lex.find(tok)
                if own is not None and (trig is None or own.rule.specificity > 0):
                    trig = own
            elif tok.pos_ in ("NOUN", "PROPN", "ADJ"):
                if tok.dep_ in ("dobj",) and tok.head.i in found and found[tok.head.i].obj == tok:
                    continue
                trig = self.lex.find(tok)
                if trig is not None and tok.dep_ in ("dobj", "pobj") and \
                        self.lex.lemma_of(tok.head) in self.lex.light_verbs:
                    continue  # handled through its light verb
            if trig is not None:
                found[tok.i] = trig
        for tok in sent:  # "X said Y must/should Z": a demand by X on Y
            r = tok.head
            if tok.dep_ == "ccomp" and r.i not in found and r.lemma_.lower() in self.modal.reporting_verbs \
                    and any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in tok.children):
                found[r.i] = Trigger(DEMAND_RULE, r)
        # a trigger inside another trigger's complement is that trigger's content, not its own event
        keep = []
        heads = {t.head.i for t in found.values()} | {t.token.i for t in found.values()}
        for t in found.values():
            if any(g.i in heads for g in clauses.governing_heads(t.head)):
                continue
            if t.light is None and t.token.pos_ in ("NOUN", "PROPN") and clauses.inside_verb_trigger(t.token, heads):
                continue
            keep.append(t)
        return keep
