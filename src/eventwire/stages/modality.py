"""Modality: is an event asserted, planned, negated or hypothetical?

Read off the parse around the trigger: negation and modal auxiliaries on the
trigger's clause, the verbs that govern it ("declined to", "plans to",
"could consider"), conditional clauses ("if talks fail"), determiners such as
"no" ("made no arrests") and adjectives such as "planned" or "possible" on a
noun trigger. The word lists are in `lang/en/modality.yaml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Token

from ..lang.en import clauses, words
from ..lang.en import syntax as sx
from ..pipeline.packs import Config, Knowledge, LanguagePack
from ..pipeline.registry import stage
from ..pipeline.state import Arg, Candidate, DocState
from .triggers import Rule, Trigger

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present


@dataclass(frozen=True)
class ModalityLexicon:
    negators: frozenset[str]
    negating_verbs: frozenset[str]
    planning_verbs: frozenset[str]
    planning_light_verbs: frozenset[str]
    hypothetical_verbs: frozenset[str]
    hypothetical_modals: frozenset[str]
    advice_modals: frozenset[str]
    future_modals: frozenset[str]
    reporting_verbs: frozenset[str]
    conditional_marks: frozenset[str]
    planned_adjectives: frozenset[str]
    hypothetical_adjectives: frozenset[str]
    negating_determiners: frozenset[str]
    speculation_verbs: frozenset[str]
    conditioning_verbs: frozenset[str]

    @classmethod
    def load(cls) -> ModalityLexicon:
        return _shipped()


@cache
def _shipped() -> ModalityLexicon:
    text = resources.files("eventwire").joinpath("lang", "en", "modality.yaml").read_text(encoding="utf-8")
    d = yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    return ModalityLexicon(**{k: frozenset(str(x).lower() for x in v) for k, v in d.items()})


def _lemma(t: Token) -> str:
    return (t.lemma_ or t.text).lower()


def governors(head: Token, reporting: frozenset[str] = frozenset()) -> list[Token]:
    """The trigger's clause head and the verbs/adjectives that govern it, nearest first.

    Climbs through complements ("declined TO recognise", "is expected TO meet",
    "refrained FROM supporting"), stopping at a reported clause (ccomp), which
    carries its own modality.
    """
    chain = [head]
    t = head
    for _ in range(6):
        participle = sx.is_adverbial_clause(t) and t.tag_ in ("VBG", "VBN") and not sx.has_subject_or_marker(t)
        infinitive = (sx.is_relative_clause(t) or sx.is_adverbial_clause(t)) and sx.has_auxiliary(t, ("to",))
        done = sx.is_adnominal_clause(t) and t.tag_ == "VBN"  # "the plan, AGREED by X": a done act, not the noun's plan
        # "..., HAVING already sent troops": a perfect participle reports what was done
        done = done or (sx.is_adverbial_clause(t) and sx.has_auxiliary(t, ("having",)))
        if done:
            break
        if sx.is_adnominal_clause(t) and t.tag_ == "VBG" and not sx.has_auxiliary(t, ("to",)):
            # "signed an order LIFTING sanctions": the text does what it says when it is issued; the verb that
            # issues it governs, not the noun ("an order" is no command to lift)
            verb = sx.governing_verb(t.head)
            if verb is None:
                break
            t = verb
            chain.append(t)
            continue
        if (sx.is_governed(t) or sx.is_adnominal_clause(t) or participle or infinitive) and t.head != t:
            t = t.head
            chain.append(t)
        elif clauses.beside_complement(t) is not None:
            t = clauses.beside_complement(t)  # "urged X to leave and HALTED flights": coordinated with "urged"
            chain.append(t)
        elif sx.is_conjunct(t) and sx.is_complement(t.head) and _lemma(t.head.head) in reporting and \
                not sx.nominal_subjects(t, passive=True):
            # "X said the plan had not worked and URGED Y to act": coordinated with the report, not the reported
            t = t.head.head
            chain.append(t)
        elif sx.is_conjunct(t) and t.head != t and t.head.pos_ in ("VERB", "AUX"):
            # coordinated verbs share auxiliaries: "would complete and withdraw"
            t = t.head
            chain.append(t)
        else:
            break
    return chain


PURPOSE_PREPS = words("purpose_prepositions")


def classify(head: Token, lex: ModalityLexicon, noun: Token | None = None, inherent: str | None = None) -> str:
    """asserted | planned | negated | hypothetical for the event whose clause head is `head`."""
    chain = governors(head, lex.reporting_verbs)
    result: str | None = None
    for depth, t in enumerate(chain):
        # a verb reached through coordination lends its auxiliaries, not its meaning:
        # "called on X ... but URGED them" is no request about a request
        coordinated = depth > 0 and sx.is_conjunct(chain[depth - 1])
        kids = list(t.children)
        if sx.is_conjunct(t) and t.head.pos_ in ("VERB", "AUX") and not (depth + 1 < len(chain) and
                                                                        chain[depth + 1] != t.head):
            kids += [c for c in t.head.children if (sx.is_auxiliary(c) or sx.is_negation(c)) and c.i < t.head.i]
        has_neg = _negated(kids, lex)
        modals = _modals(kids)
        lemma = _lemma(t)
        if depth > 0 and not coordinated and lemma in lex.negating_verbs:
            return "negated"
        if has_neg:
            return "negated"
        if any(m in lex.hypothetical_modals for m in modals):
            # "if X refuses, Y warned, Z would act": the parser hangs the condition on the report
            conditioned = _conditional(t, lex) or (
                (sx.is_complement(t) or sx.is_parataxis(t)) and _conditional(t.head, lex))
            if "would" in modals and _reported(t, lex) and not conditioned:
                result = result or "planned"
            else:
                return "hypothetical"
        if any(m in lex.future_modals for m in modals):
            result = result or "planned"
        # "called X TO CONGRATULATE him": a purpose clause is the caller's own act, not what is asked for
        purpose = depth > 0 and sx.is_adverbial_clause(chain[depth - 1])
        if depth > 0 and not coordinated and not purpose and lemma in lex.hypothetical_verbs:
            return "hypothetical"
        if depth > 0 and not coordinated and lemma in lex.planning_verbs:
            result = result or "planned"
        if depth == 0 and noun is not None and noun.i != t.i and lemma in lex.planning_light_verbs:
            result = result or "planned"  # "Kishida PROPOSED a summit": the summit is to come
        if t.lower_ == "going" and any(sx.is_open_complement(c) for c in kids):
            result = result or "planned"
        if sx.is_complement(t) and _lemma(t.head) in lex.speculation_verbs:
            return "hypothetical"  # "analysts expect parliament to ratify", "diplomats fear X could ..."
        if _conditional(t, lex) and not (depth == 0 and (lemma in lex.reporting_verbs or
                                                         lemma in lex.conditioning_verbs)):
            # "if X refuses, Y warned, ...": the condition is the reported content's, not the report's
            return "hypothetical"
    if noun is not None:
        mods = {c.lower_ for c in sx.qualifiers(noun)}
        if mods & lex.negating_determiners:
            return "negated"
        if mods & lex.hypothetical_adjectives:
            return "hypothetical"
        if mods & lex.planned_adjectives:
            result = result or "planned"
    for c in sx.objects_or_attributes(head):  # "made no arrests", "reached no agreement"
        if any(d.lower_ in lex.negating_determiners for d in sx.determiners(c)):
            return "negated"
    return result or inherent or "asserted"


def advice(head: Token, lex: ModalityLexicon) -> bool:
    """Is the clause of `head` the writer's own advice ("X should help Y", "Y ought to act")? Only a clause that
    nothing reports (its chain ends at the sentence's root) and that no condition frames."""
    chain = governors(head, lex.reporting_verbs)
    if chain[-1].head != chain[-1]:
        return False
    for t in chain:
        # "should help" (a modal), "ought to help" (parsed as a verb governing the act)
        if (set(_modals(list(t.children))) & lex.advice_modals or (t is not head and _lemma(t) in lex.advice_modals)) \
                and not _conditional(t, lex):
            return True
        if sx.is_adverbial_clause(t):  # "if X attacks, Y should respond": the writer's supposition stays coded
            return False
    return False


def _reported(t: Token, lex: ModalityLexicon) -> bool:
    """Is this clause reported speech ("said they WOULD file") — a stated plan, not a conditional?"""
    x = t
    for _ in range(4):
        if (sx.is_reported_link(x) or sx.is_open_complement(x)) and x.head != x:
            x = x.head
            if _lemma(x) in lex.reporting_verbs or _lemma(x) in lex.planning_verbs:
                return True
        else:
            return False
    return False


def _conditional(t: Token, lex: ModalityLexicon) -> bool:
    """Is the clause (or a clause it depends on) introduced by "if", "unless"...?"""
    if sx.has_marker(t, lex.conditional_marks):
        return True
    if sx.has_marker(t, WAITING_MARKS) and t.head != t and _refusing(t.head, lex):
        return True  # "will not lift the ban UNTIL Y frees them": Y's act is the condition, not done
    for c in t.children:  # "X would strike if talks fail": the main clause of a condition
        if sx.is_adverbial_clause(c) and sx.has_marker(c, lex.conditional_marks):
            return True
    return False


WAITING_MARKS = words("waiting_marks")


def vowed_not(head: Token, lex: ModalityLexicon) -> bool:
    """Is the act refused for the future: "will not lift the ban", "would never accept", "won't end the strike
    until ..."? The negation and a future or "would" auxiliary stand on the same clause of the trigger's chain;
    a past negation ("did not meet") reports no refusal."""
    for t in governors(head, lex.reporting_verbs):
        refusing = _refusing(t, lex)
        if refusing is not None:
            return refusing
    return False


def _refusing(t: Token, lex: ModalityLexicon) -> bool | None:
    """For a clause head: None when it is not negated, else whether the negation is of the future ("will not",
    "would never")."""
    kids = list(t.children)
    if sx.is_conjunct(t) and t.head.pos_ in ("VERB", "AUX"):
        kids += [c for c in t.head.children if (sx.is_auxiliary(c) or sx.is_negation(c)) and c.i < t.head.i]
    if not _negated(kids, lex):
        return None
    return bool(set(_modals(kids)) & (lex.future_modals | {"would"}))


def _negated(kids: list[Token], lex: ModalityLexicon) -> bool:
    """Whether a clause's words negate it: "did NOT", "NEVER"."""
    return any(sx.is_negation(c) or (c.lower_ in lex.negators and sx.is_adverb_modifier(c)) for c in kids)


def _modals(kids: list[Token]) -> list[str]:
    """The modal auxiliaries among a clause's words ("WOULD", "could")."""
    return [_lemma(c) for c in kids if sx.is_auxiliary(c, passive=True) and c.tag_ == "MD"]


def _condition_party(head: Token, candidates: list[Candidate], lex: ModalityLexicon) -> Arg | None:
    """The doer of the act that a refused act waits for ("will not lift the ban UNTIL KENYA frees them"): the
    source of a candidate whose trigger heads an "until" clause of the refusing clause."""
    for t in governors(head, lex.reporting_verbs):
        if _refusing(t, lex) is None:
            continue
        waits = {c.i for c in t.children if sx.is_adverbial_clause(c) and sx.has_marker(c, WAITING_MARKS)}
        return next((c.source for c in candidates if c.trigger.head.i in waits and c.source.actor.code), None)
    return None


REFUSAL_RULE = Rule(lemma="refuse", pos="VERB", type="REJECT", cameo="120")


@stage("modality", scope="sentence", requires=("sentence.candidates",),
       assigns=("candidate.modality", "sentence.candidates"))
class Modality:
    """Classify each trigger's candidates as asserted, planned, negated or hypothetical.

    Requires: the sentence's candidates. Assigns: `Candidate.modality`; a refused act ("refused to
    meet", "will not lift the ban") adds, after the negated act, the refusal itself (PLOVER's REJECT) for each
    named target; a
    call-off ("postponed the visit", a rule with `negates`) adds the act it undoes, negated.
    """

    def __init__(self, lang: LanguagePack, knowledge: Knowledge, config: Config) -> None:
        self.lex = lang.modality

    def __call__(self, state: DocState) -> DocState:
        ss = state.current
        out: list[Candidate] = []
        for group in _groups(ss.candidates):
            trig = group[0].trigger
            rule, head = trig.rule, trig.head
            if ss.attribution is None and advice(head, self.lex):
                continue  # "Kenya should help its neighbour": the writer's advice, no act of anyone's
            is_noun = trig.light is None and trig.token.pos_ in ("NOUN", "PROPN")
            # "will return to Brasilia FOR TALKS": a meeting in a clause's phrase is as planned as the clause
            clause = clauses.clause_head(trig.token, PURPOSE_PREPS) if is_noun else None
            modality = classify(head if clause is None else clause, self.lex,
                                noun=trig.token if is_noun or trig.light else None, inherent=rule.modality)
            if rule.unrealised and modality in ("planned", "hypothetical"):
                modality = "asserted"  # "would take measures": announcing it is the threat, made now
            for c in group:
                c.modality = modality
            out.extend(group)
            refused = modality == "negated" and clauses.refused(head)
            if refused or (modality == "negated" and vowed_not(head, self.lex)):
                refusal = Trigger(REFUSAL_RULE, trig.token, trig.obj, trig.light)
                # "will not lift the ban until Y frees them": the refusal is aimed at the one whose act it awaits
                party = _condition_party(head, ss.candidates, self.lex)
                for c in group:
                    target = party if party is not None and party.actor.code != c.source.actor.code else c.target
                    # "she will not step down": a refusal to act at home is aimed at no one named
                    if target is None and c.target is None and not c.source.inferred:
                        # "will not accept any more refugees": the refused act names no one, nor does the refusal
                        out.append(Candidate(refusal, c.source, None, "modality", c.group, modality="asserted"))
                    elif target is not None and (refused or target.actor.code != c.source.actor.code):
                        out.append(Candidate(refusal, c.source, target, "modality", c.group, modality="asserted"))
            if rule.negates and modality == "asserted":
                # "postponed the visit": the call-off itself, and the visit it undoes, negated
                undone = Trigger(Rule(rule.lemma, rule.pos, rule.negates), trig.token, trig.obj, trig.light)
                out += [Candidate(undone, c.source, c.target, "modality", c.group, modality="negated")
                        for c in group]
        ss.candidates = out
        return state


def _groups(candidates: list[Candidate]) -> list[list[Candidate]]:
    """Consecutive candidates of one trigger, together."""
    groups: list[list[Candidate]] = []
    for c in candidates:
        if groups and groups[-1][0].group == c.group:
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups
