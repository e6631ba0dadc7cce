"""Trigger lexicon: which words report which PLOVER event, read from `lang/en/triggers.yaml`.

`TriggerLexicon.find(token)` returns the most specific rule that fires on a
token: rules that need a particular object or particle beat plain ones, and a
light verb ("held", "imposed", "launched") hands over to the rule of its
object noun ("talks", "tariffs", "strikes"). Rules name noun classes
(`lang/en/nouns.yaml`: personnel, weapons, aid, money, ...) rather than
listing nouns one by one: `objects: ["@personnel"]`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Span, Token

from ..lang.en import clauses, words
from ..lang.en import syntax as sx
from ..pipeline.packs import Config, Knowledge, LanguagePack
from ..pipeline.registry import stage
from ..pipeline.state import DocState
from ..records import EVENT_TYPES
from .noun_classes import NounClasses, check_words, shipped_nouns

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present
VERB_POS = {"VERB", "AUX"}
NOUN_POS = {"NOUN", "PROPN"}
ADJ_POS = {"ADJ"}
AIMING_PREPS = words("aiming_prepositions")
LIGHT_OBJECT_PREPS = words("light_object_prepositions")
TIME_ENTITIES = ("DATE", "TIME")
ACT_AUXILIARIES = words("act_auxiliaries")
WARNING_PREPS = words("warning_prepositions")
UNREALISED_AUXILIARIES = frozenset(ACT_AUXILIARIES) | {"to"}


@dataclass(frozen=True)
class Rule:
    lemma: str
    pos: str  # VERB | NOUN | ADJ
    type: str
    cameo: str | None = None
    mode: str | None = None
    objects: frozenset[str] = frozenset()
    object_classes: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()  # "PEACEKEEPERS arrived": the trigger fires only with such a subject
    subject_classes: frozenset[str] = frozenset()
    complement: frozenset[str] = frozenset()  # "called the plan RECKLESS": the predicative complement
    infinitive: frozenset[str] = frozenset()  # "ordered X TO PAY": the verb of the infinitive complement
    prt: str | None = None
    targets: tuple[str, ...] = ()
    self_target: bool = False
    only_subject_sectors: frozenset[str] = frozenset()
    not_subject_sectors: frozenset[str] = frozenset()
    only_without_target: bool = False
    not_participle: bool = False  # "the troops STATIONED there" describes a state, not an act
    negated_content: bool = False  # "insisted that it would NOT pay": only with a negated complement clause
    content_act: bool = False  # "warned that X WOULD strike": with a complement clause, only if it states an act
    needs_object: bool = False  # "sought THE RETURN of X": only with a direct object ("sought to balance" is none)
    not_objects: frozenset[str] = frozenset()  # "signed A DECREE": never with such a direct object
    unrealised: bool = False  # "WOULD take measures", "vowed TO take measures": only as an act still to come
    negates: str | None = None  # "postponed the VISIT": also the undone act (this type), negated
    yields_to_content: bool = False  # "offered to RETURN the captives": the offered act is the event
    yields_to_light: bool = False  # with yields_to_content: also to a light verb's act ("pledged to HOLD TALKS")
    yields_to_purpose: bool = False  # "sent experts to INVESTIGATE": the act they are sent for is the event
    modality: str | None = None
    needs_target: bool = False
    recipient: bool = False
    poss_is_target: bool = False

    @property
    def specificity(self) -> int:
        return (2 if self.objects or self.object_classes else 0) + (2 if self.prt else 0) + \
            (3 if self.complement or self.infinitive else 0) + (2 if self.subjects or self.subject_classes else 0)


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
    def __init__(self, data: dict[str, Any], nouns: dict[str, Any] | None = None) -> None:
        self.classes = NounClasses(nouns if nouns is not None else shipped_nouns())
        self.type_targets: dict[str, tuple[str, ...]] = {
            t: tuple(v) for t, v in (data.get("types") or {}).items()
        }
        self.light_verbs = frozenset(data.get("light_verbs") or [])
        self.rules: dict[tuple[str, str], list[Rule]] = defaultdict(list)
        for t, preps in self.type_targets.items():
            _check_words(preps, f"types.{t}")
        for i, r in enumerate(data.get("triggers") or []):
            if r.get("type") not in EVENT_TYPES or r.get("negates", "AGREE") not in EVENT_TYPES:
                raise ValueError(f"[E094] triggers.yaml entry {i + 1} ({r.get('lemma')}): bad type {r.get('type')!r}")
            for key in ("objects", "subjects", "targets", "complement", "infinitive", "not_objects"):
                _check_words(r.get(key) or [], f"entry {i + 1} ({r.get('lemma')}) {key}")
            words, classes = _split_classes(r.get("objects") or [])
            cwords, cclasses = _split_classes(r.get("complement") or [])
            swords, sclasses = _split_classes(r.get("subjects") or [])
            unknown = (classes | cclasses | sclasses) - self.classes.names()
            if unknown:
                raise ValueError(f"[E094] triggers.yaml entry {i + 1} ({r.get('lemma')}): unknown class "
                                 f"{sorted(unknown)!r}")
            if "prt" in r:
                _check_words([r["prt"]], f"entry {i + 1} ({r.get('lemma')}) prt")
            rule = Rule(
                lemma=str(r["lemma"]).lower(),
                pos=r.get("pos", "VERB"),
                type=r["type"],
                cameo=r.get("cameo"),
                mode=r.get("mode"),
                objects=words,
                object_classes=classes,
                subjects=swords,
                subject_classes=sclasses,
                complement=cwords | frozenset("@" + c for c in cclasses),
                infinitive=frozenset(str(w).lower() for w in r.get("infinitive") or []),
                prt=r.get("prt"),
                targets=tuple(r.get("targets") or self.type_targets.get(r["type"], ())),
                self_target=bool(r.get("self")),
                only_subject_sectors=frozenset(r.get("only_subject_sectors") or []),
                not_subject_sectors=frozenset(r.get("not_subject_sectors") or []),
                only_without_target=bool(r.get("only_without_target")),
                not_participle=bool(r.get("not_participle")),
                negated_content=bool(r.get("negated_content")),
                content_act=bool(r.get("content_act")),
                needs_object=bool(r.get("needs_object")),
                not_objects=frozenset(str(w).lower() for w in r.get("not_objects") or []),
                unrealised=bool(r.get("unrealised")),
                yields_to_content=bool(r.get("yields_to_content")),
                yields_to_light=bool(r.get("yields_to_light")),
                yields_to_purpose=bool(r.get("yields_to_purpose")),
                negates=r.get("negates"),
                modality=r.get("modality"),
                needs_target=bool(r.get("needs_target")),
                recipient=bool(r.get("recipient")),
                poss_is_target=bool(r.get("poss_is_target")),
            )
            self.rules[(rule.lemma, rule.pos)].append(rule)
            _check_words(r.get("nouns") or [], f"entry {i + 1} ({r.get('lemma')}) nouns")
            for noun in r.get("nouns") or []:  # "to veto" -> "a veto", "to hand over" -> "the handover"
                targets = rule.targets if "of" in rule.targets else (*rule.targets, "of")
                self.rules[(str(noun).lower(), "NOUN")].append(Rule(
                    lemma=str(noun).lower(), pos="NOUN", type=rule.type, cameo=rule.cameo, mode=rule.mode,
                    targets=targets, self_target=rule.self_target, modality=rule.modality,
                    poss_is_target=bool(r.get("noun_poss_is_target"))))
        for rules in self.rules.values():
            rules.sort(key=lambda r: -r.specificity)

    @classmethod
    def load(cls) -> TriggerLexicon:
        return _shipped()

    def generic_rule(self, rule: Rule, event_type: str) -> Rule:
        """The plain rule of `event_type` on `rule`'s word: the type's target prepositions, the word's own
        modality, nothing else (a word a model re-types keeps no condition of its old rule)."""
        targets = self.type_targets.get(event_type, ())
        if rule.pos == "NOUN" and "of" not in targets:
            targets = (*targets, "of")
        return Rule(lemma=rule.lemma, pos=rule.pos, type=event_type, targets=targets, modality=rule.modality)

    def lemma_of(self, tok: Token) -> str:
        return tok.lemma_.lower() if tok.lemma_ else tok.lower_

    def is_light(self, tok: Token) -> bool:
        """Whether `tok` is a light verb, one whose object noun names the act ("HELD talks", "IMPOSED tariffs")."""
        return self.lemma_of(tok) in self.light_verbs

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
            if sx.is_acted_on(c):
                out.append(c)
                out.extend(x for x in c.conjuncts)
                # "dozens OF drones", "hundreds OF airstrikes": the counted thing is the object
                out.extend(sx.prep_objects(c, ("of",)))
        out.extend(sx.prep_objects(tok, None))
        if sx.is_noun_clause(tok):  # "the strikes it carried out"
            out.append(tok.head)
        return out

    def subjects_of(self, tok: Token) -> list[Token]:
        """Subjects of a verb, active or passive, with their conjuncts and what they count ("contingents OF
        peacekeepers")."""
        out = []
        for c in tok.children:
            if sx.is_subject(c, passive=True):
                out.extend((c, *c.conjuncts))
                out.extend(sx.prep_objects(c, ("of",)))
        return out

    def particles_of(self, tok: Token) -> set[str]:
        """Particles and prepositions of a word; an infinitive complement counts as "to" ("offered TO talk")."""
        # a preposition that only dates the act is no particle ("called him ON MONDAY to ..." is no "call on")
        out = {c.lower_ for c in sx.particles(tok)
               if not ((objs := sx.objects_of_prep(c, None)) and all(g.ent_type_ in TIME_ENTITIES for g in objs))}
        if any(sx.has_auxiliary(c, ("to",)) for c in sx.open_complements(tok)):
            out.add("to")
        return out

    def find(self, tok: Token) -> Trigger | None:
        """The most specific rule that fires on `tok`, or None."""
        pos = self._pos(tok)
        if pos is None or (pos == "NOUN" and tok.ent_type_ in TIME_ENTITIES):
            return None  # "in MARCH", "a MAY deadline": a date names no act
        if pos == "NOUN" and self.classes.head_in(tok, "inert") and not any(
                sx.is_preposition(c) or sx.is_clause_modifier(c) or sx.is_complement(c) for c in tok.children) and \
                not (sx.is_direct_object(tok) and self.is_light(tok.head)):
            # "Chinese DEMAND kept buyers away": a market word; "its demand FOR an apology", "renewed its
            # demand" are acts
            return None
        lemma = self.lemma_of(tok)
        rules = self.rules.get((lemma, pos))
        if not rules and pos == "NOUN" and tok.lower_ != lemma:
            rules = self.rules.get((tok.lower_, pos))
        if not rules and pos == "VERB" and tok.tag_ == "VBN" and (tok.lower_, "ADJ") in self.rules:
            # "was CONCERNED about", "is ALARMED by": spaCy may parse the adjective as a passive participle
            pos, rules = "ADJ", self.rules[(tok.lower_, "ADJ")]
        if not rules:
            return None
        # a verb rule's `objects` are its direct objects; a noun rule's are its modifiers ("JOINT exercises")
        objs = self.objects_of(tok) if pos == "VERB" else sx.modifiers(tok) + sx.prep_objects(tok, ("of",))
        prts = self.particles_of(tok)
        fired: list[tuple[Rule, Token | None]] = []
        for rule in rules:
            obj = None
            if rule.objects or rule.object_classes:
                obj = next((o for o in objs if self._object_fits(o, rule)), None)
                if obj is None:
                    continue
            if (rule.subjects or rule.subject_classes) and not any(
                    self._fits(s, rule.subjects, rule.subject_classes) for s in self.subjects_of(tok)):
                continue
            if rule.complement and not any(self._word_fits(c, rule.complement) for c in self.complements_of(tok)):
                continue
            if rule.prt and rule.prt not in prts:
                continue
            if rule.infinitive and not any(self.lemma_of(c) in rule.infinitive and sx.has_auxiliary(c, ("to",))
                                           for c in sx.open_complements(tok)):
                continue
            if rule.not_participle and sx.is_adnominal_clause(tok) and tok.tag_ == "VBN":
                continue
            if rule.content_act and not self.states_an_act(tok):
                continue
            if rule.needs_object and not sx.direct_objects(tok):
                continue
            if rule.not_objects and any(self._fits(o, rule.not_objects, frozenset()) for o in sx.direct_objects(tok)):
                continue  # "signed a decree dissolving X": the decree's act, no agreement
            if rule.unrealised and not sx.has_auxiliary(tok, UNREALISED_AUXILIARIES):
                continue  # "took measures to curb prices" reports a policy, "would take measures" warns
            if rule.negated_content and not any(sx.is_complement(c) and any(sx.is_negation(n) for n in c.children)
                                                for c in tok.children):
                continue
            if rule.yields_to_content and any(
                    self.find(c) is not None or (rule.yields_to_light and self.light_noun(c) is not None)
                    for c in sx.open_complements(tok)):
                continue
            if rule.yields_to_purpose and any((p := self.find(c)) is not None and p.rule.type != rule.type
                                              for c in sx.purpose_clauses(tok)):
                continue  # "sent experts to INVESTIGATE": the investigation; "sent teams to help": still aid
            if rule.only_without_target and self.aimed(tok):
                continue  # "fired missiles AT Israel" is an attack, not a show of force
            fired.append((rule, obj))
        if not fired:
            return None
        # among equally specific rules, one whose class names the object with its modifier wins over one that
        # names only the head ("pledged FINANCIAL support" is aid; "pledged support" is support)
        fired.sort(key=lambda ro: (-ro[0].specificity, not (ro[1] is not None and any(
            self.classes.named_with_modifier(ro[1], c) for c in ro[0].object_classes))))
        (rule, obj), rest = fired[0], fired[1:]
        # a plain rule that differs only by who acts ("strike": workers PROTEST, armies ASSAULT) waits its turn
        return Trigger(rule, tok, obj, others=[r for r, o in rest if o is None or o is obj])

    def states_an_act(self, tok: Token) -> bool:
        """Whether the complement clauses of `tok`, if any, state a future or possible act of someone: "warned
        that the army WOULD respond" does, "warned that prisoners remained in jail" and "warned that accepting
        the terms could trigger a crisis" (no one's act) do not."""
        about = [g for c in tok.children for g in sx.objects_of_prep(c, WARNING_PREPS)]
        if about and all(self.classes.head_in(g, "inert") for g in about):
            return False  # "warned of more floods", "warned about rising prices": no one's act
        content = [c for c in tok.children if sx.is_complement(c)]
        return not content or any(
            sx.has_auxiliary(c, ACT_AUXILIARIES) and
            any(s.pos_ in NOUN_POS or s.pos_ == "PRON" for s in sx.nominal_subjects(c, passive=True))
            for c in content)

    def aimed(self, tok: Token) -> bool:
        """Is the act aimed at something ("fired AT the ships", "ON the city"), not merely dated ("ON Monday")?"""
        holders = [tok] + [o for c in sx.direct_objects(tok) for o in (c, *c.conjuncts)]
        for c in (c for h in holders for c in h.children):  # "fired missiles and drones AT the port"
            if any(g.ent_type_ not in TIME_ENTITIES for g in sx.objects_of_prep(c, AIMING_PREPS)):
                return True
        return False

    def _object_fits(self, o: Token, rule: Rule) -> bool:
        return self._fits(o, rule.objects, rule.object_classes)

    def _fits(self, o: Token, words: frozenset[str], classes: frozenset[str]) -> bool:
        """Whether noun `o` is one of `words` or of one of the noun `classes`."""
        if self.lemma_of(o) in words or o.lower_ in words:
            return True
        # a listed word as the compound before the head names the thing too ("eased CURFEW hours")
        if any(self.lemma_of(c) in words for c in sx.compounds(o) if c.i == o.i - 1):
            return True
        return any(self.classes.member(o, c) for c in classes)

    def _word_fits(self, tok: Token, words: frozenset[str]) -> bool:
        if self.lemma_of(tok) in words or tok.lower_ in words:
            return True
        return any(self.classes.member(tok, w[1:]) for w in words if w.startswith("@"))

    def complements_of(self, tok: Token) -> list[Token]:
        """The words that say what the object is called: "called the plan RECKLESS", "called it a grave
        MISTAKE" (with the noun's adjectives), "described the move AS unacceptable"."""
        heads = [c for c in tok.children if sx.is_predicate_complement(c) and c.pos_ in NOUN_POS | ADJ_POS]
        # spaCy may read "declared X PERSONA non grata" as a small clause with X its subject and no verb of its own
        heads += [c for c in tok.children if sx.is_complement(c) and sx.nominal_subjects(c) and
                  not any(sx.is_auxiliary(a) or sx.is_marker(a) for a in c.children) and c.tag_ in ("NN", "VB")]
        heads += sx.prep_complements(tok, ("as",))
        # "called the decision OUTRAGEOUS and unacceptable": spaCy may hang the adjective after the object on it
        heads += [a for o in sx.direct_objects(tok) for a in o.children if sx.is_adjective_modifier(a) and a.i > o.i]
        out = []
        for h in heads:
            out.append(h)
            out.extend(sx.describing(h))
        return out

    def light_noun(self, verb: Token) -> Trigger | None:
        """A noun trigger that is the object of a verb that is no trigger itself.

        Light verbs ("held TALKS", "imposed TARIFFS") and verbs of continuing
        ("revived MEETINGS", "renewed its REQUEST") hand the event to their object.
        """
        if not self.is_light(verb):
            return None
        objects = [c for c in self.objects_of(verb) if not sx.is_prep_object(c) or c.head.lower_ in LIGHT_OBJECT_PREPS]
        for o in objects:
            if o.pos_ not in NOUN_POS or o == verb.head:  # "the exercises that BEGAN": the noun codes itself
                continue
            # the noun's own rule, modifiers checked ("held JOINT exercises" cooperate, "held exercises" mobilize)
            own = self.find(o)
            if own is not None:
                return Trigger(own.rule, o, None, light=verb, others=own.others)
        return None


def _split_classes(words: Any) -> tuple[frozenset[str], frozenset[str]]:
    """Plain words and "@class" references of an `objects` list."""
    plain = frozenset(str(w).lower() for w in words if not str(w).startswith("@"))
    classes = frozenset(str(w)[1:] for w in words if str(w).startswith("@"))
    return plain, classes


def _check_words(words: Any, where: str) -> None:
    check_words(words, f"triggers.yaml {where}")


@cache
def _shipped() -> TriggerLexicon:
    text = resources.files("eventwire").joinpath("lang", "en", "triggers.yaml").read_text(encoding="utf-8")
    return TriggerLexicon(yaml.load(text, Loader=_LOADER))  # noqa: S506 - a safe loader


DEMAND_MODALS = words("demand_modals")
DEMAND_RULE = Rule(lemma="say", pos="VERB", type="REQUEST", cameo="100", needs_target=True)


WRONGDOING = words("wrongdoing_verbs")
CULPABILITY_PREPS = words("culpability_prepositions")
CULPABILITY_ADJECTIVES = words("culpability_adjectives")
ALLEGATION_RULE = Rule(lemma="say", pos="VERB", type="ACCUSE", cameo="112", needs_target=True)


def _blamed(tok: Token) -> bool:
    """Whether the clause of `tok` lays blame on its subject: "Y WAS BEHIND the attack", "Y was RESPONSIBLE"."""
    if tok.lemma_.lower() != "be" or any(sx.is_negation(c) for c in tok.children):  # "was NOT behind it"
        return False
    return bool(sx.prep_objects(tok, CULPABILITY_PREPS)) or any(
        sx.is_predicate_complement(c) and c.lemma_.lower() in CULPABILITY_ADJECTIVES for c in tok.children)


def _reporting_head(tok: Token, reporting: frozenset[str]) -> Token | None:
    """The reporting verb whose reported clause `tok` heads, through open complements ("said X was PREPARING to
    interfere"); None when there is none."""
    t = tok
    for _ in range(3):
        if sx.is_complement(t) and t.head.lemma_.lower() in reporting:
            return t.head
        if not sx.is_open_complement(t):
            return None
        t = t.head
    return None


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
        ss = state.current
        # a capitalised word of an actor's name is no act: "the Gulf COOPERATION Council", "the Forum on X-Y
        # COOPERATION" ("the Arab League summit", a term too, keeps its summit)
        resolver = ss.resolver
        state.current.triggers = self.triggers(ss.sent, lambda tok: tok.is_title and resolver is not None and
                                               resolver.entry_at(tok.i) is not None)
        return state

    def triggers(self, sent: Span, in_name: Callable[[Token], bool] = lambda _t: False) -> list[Trigger]:
        found: dict[int, Trigger] = {}
        for tok in sent:
            trig = None
            if in_name(tok) and not tok.is_sent_start:
                continue
            if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
                trig = self.lex.light_noun(tok)
                own = self.lex.find(tok)
                if own is not None and (trig is None or own.rule.specificity > 0):
                    trig = own
            elif tok.pos_ in ("NOUN", "PROPN", "ADJ"):
                if any(t.obj is not None and t.obj.i == tok.i for t in found.values()):
                    continue  # the object that licensed a verb's rule ("suspended part of its AID") is no act
                trig = self.lex.find(tok)
                if trig is not None and (sx.is_direct_object(tok) or sx.is_prep_object(tok)) and \
                        self.lex.is_light(tok.head):
                    continue  # handled through its light verb
                if trig is not None and sx.is_compound(tok) and self.lex.classes.member(tok.head, "personnel"):
                    continue  # "RIOT police", "ATTACK helicopters": a kind of force, no act
            if trig is not None:
                found[tok.i] = trig
        for tok in sent:  # "X said Y must/should Z": a demand by X on Y
            r = tok.head
            if sx.is_complement(tok) and r.i not in found and r.lemma_.lower() in self.modal.reporting_verbs \
                    and (sx.has_auxiliary(tok, DEMAND_MODALS) or tok.lemma_.lower() in DEMAND_MODALS):  # "OUGHT to"
                found[r.i] = Trigger(DEMAND_RULE, r)
        for tok in sent:  # "X said Y was trying to INTERFERE in the vote": an accusation by X of Y
            r = _reporting_head(tok, self.modal.reporting_verbs)
            if r is not None and tok.i not in found and r.i not in found and (tok.lemma_.lower() in WRONGDOING
                                                                       or _blamed(tok)):
                found[r.i] = Trigger(ALLEGATION_RULE, r)
        # a trigger inside another trigger's complement is that trigger's content, not its own event
        keep = []
        heads = {t.head.i for t in found.values()} | {t.token.i for t in found.values()}
        # the object that licensed a verb's rule carries its content too ("refused a REQUEST to extradite X")
        heads |= {t.obj.i for t in found.values() if t.obj is not None}
        # "Kenya came under PRESSURE to extradite them": the verb the noun hangs on carries its content
        bearing = {v.i for t in found.values() if t.light is None and (v := clauses.bearing_verb(t.token))}
        light_nouns = {t.token.i for t in found.values() if t.light is not None}
        # "visited Beijing TO PRESS for the return of X", "sent a delegation TO DEMAND ...": what a visit or a
        # delegation is for is an act of its own, not the visit's content
        visits = {i for o in found.values() if o.rule.type == "CONSULT"
                  for i in (o.head.i, *((o.obj.i,) if o.obj is not None else ()))}
        for t in found.values():
            if t.rule.type != "CONSULT" and sx.has_auxiliary(t.head, ("to",)) and t.head.head.i in visits and (
                    sx.is_adverbial_clause(t.head) or sx.is_adnominal_clause(t.head)):
                keep.append(t)
                continue
            if any(g.i in heads or g.i in bearing for g in clauses.governing_heads(t.head)):
                continue
            if t.light is None and t.token.i in light_nouns:
                continue  # "took part in the EXERCISES": coded through the light verb
            if t.light is None and t.token.pos_ in ("NOUN", "PROPN") and clauses.inside_verb_trigger(
                    t.token, heads, clauses.own_act_prepositions(t.rule.type)):
                continue
            if t.rule.type == "REQUEST" and sx.is_adverbial_clause(t.head) and t.head.tag_ == "VBG" and \
                    not sx.has_subject(t.head) and (p := found.get(t.head.head.i)) is not None and \
                    p.rule.type == "PROTEST":
                continue  # "protested outside the hotel, DEMANDING its closure": what the protest is about
            keep.append(t)
        return keep
