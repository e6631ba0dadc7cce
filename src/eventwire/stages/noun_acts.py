"""Acts named by a noun (a part of the arguments stage): who does them and on whom.

A noun trigger's doer is its possessor or modifier ("Kenya's sanctions", "Russian strikes"), the agent of the
participle that describes it ("the sanctions imposed by Kenya"), or, naming none, the subject of the clause its
phrase hangs on ("Kenya returned from talks"). A measure on traded goods is aimed at the country they come
from ("tariffs on Chinese steel"), and aid at whom its purpose clause names ("sent food to help Kenya").
`NounActs` is mixed into the arguments stage's sentence finder, whose state (`ex`, `offset`, `resolver`) and
phrase resolution (`phrase_args`, `subjects`) it uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from ..lang.en import clauses, words
from ..lang.en import syntax as sx
from ..pipeline.state import Arg
from ..records import Actor

if TYPE_CHECKING:
    from ..actors.mentions import NPResolver
    from .triggers import Trigger

CONTENT_TARGET_PREPS = words("content_target_prepositions")
AGENT_PREPS = words("agent_prepositions")
RELATIVE_PRONOUNS = words("relative_pronouns")
DESTINATION_PREPS = words("destination_prepositions")
DEMAND_PREPS = words("demand_prepositions")
ANSWERED_TYPES = {"AID", "SUPPORT", "REQUEST"}  # help or a request the act of a clause was done with or answers


class NounActs:
    """The doers and aims of acts named by nouns, in one sentence."""

    ex: Any
    offset: int
    resolver: NPResolver

    def phrase_args(self, tok: Token, speaker: Actor | None = None) -> list[Arg]:  # provided by the sentence finder
        raise NotImplementedError

    def subjects(self, head: Token) -> tuple[list[Arg], list[Arg]]:  # provided by the sentence finder
        raise NotImplementedError

    def purpose_targets(self, trig: Trigger) -> list[Arg]:
        """Whom aid is for, named in its purpose clause: "sent aid TO HELP flood victims in Kenya", "donated
        ventilators TO ASSIST KENYA", "gave 50 million TO PROMOTE investment IN KENYA"."""
        out: list[Arg] = []
        for c in dict.fromkeys(c for h in (trig.token, trig.light) if h is not None for c in sx.purpose_clauses(h)):
            objs = sx.objects(c)
            for g in [*objs, *(p for h in (c, *objs) for p in sx.prep_objects(h, CONTENT_TARGET_PREPS))]:
                out.extend(a for a in self.phrase_args(g) if not a.inferred)
        return out

    def origin_args(self, tok: Token) -> list[Arg]:
        """The country that traded goods come from, as the target of a measure on them ("tariffs on CHINESE
        goods", "lifted the ban on Brazil's exports"): such heads name no actor anywhere else."""
        if not self.ex.lex.classes.member(tok, "traded"):
            return []
        r = self.resolver.origin(tok)
        return [] if r is None or r.actor.code is None else [Arg(r.actor, r.text, self.offset + r.start,
                                                                  self.offset + r.end)]

    def _occasion(self, tok: Token) -> bool:
        return (t := self.ex.lex.find(tok)) is not None and t.rule.type == "CONSULT" and t.rule.pos == "NOUN"

    def _act_noun(self, tok: Token) -> bool:
        """A noun that names an act the lexicon codes ("the attack", "the strikes")."""
        return tok.pos_ == "NOUN" and self.ex.lex.find(tok) is not None

    def noun_sources(self, tok: Token) -> list[Arg]:
        """The actor of a noun trigger: its possessor or modifier ("China's drills", "Russian strikes")."""
        out: list[Arg] = []
        for c in tok.children:
            if sx.is_owner(c) and c.i < tok.i:
                out.extend(self.phrase_args(c))
            if sx.is_adnominal_clause(c) and self.ex.lex.is_light(c):
                out.extend(a for g in sx.agents(c) for a in self.phrase_args(g))  # "the sanctions IMPOSED BY X"
            for g in sx.objects_of_prep(c, AGENT_PREPS):
                out.extend(self.phrase_args(g))
        if not out and self._answered_verb(tok) is not None:  # "at the request OF X"
            out.extend(a for g in sx.prep_objects(tok, ("of",)) for a in self.phrase_args(g))
        return out

    def clause_sources(self, tok: Token) -> list[Arg]:
        """The actor of a noun trigger that names none, from the clause it is in: the subject of the verb
        its phrase hangs on ("Kenya returned from TALKS in Paris", "after a round of TALKS"). Only through
        prepositions of CLAUSE_ACT_PREPS: "Kenya condemned the talks" is no meeting of Kenya's."""
        head = clauses.clause_head(tok)
        if head is None and (t := self.ex.lex.find(tok)) is not None and t.rule.type == "COOPERATE":
            head = clauses.clause_head(tok, clauses.JOINT_ACT_PREPS)  # "struck IN A JOINT OPERATION with X"
        return self.subjects(head)[0] if head is not None else []

    def destination(self, tok: Token) -> list[Arg]:
        """Where the clause of a noun trigger that names no counterpart goes, as its counterpart: "Kenya's
        minister returned TO BRASILIA for talks" (a meeting there), named places only."""
        head = clauses.clause_head(tok)
        if head is None:
            return []
        return [a for g in sx.prep_objects(head, DESTINATION_PREPS) if g.ent_type_ == "GPE"
                for a in self.phrase_args(g) if a.direct and not a.inferred]

    def bearers(self, tok: Token) -> list[Arg]:
        """Who bears the act a noun names, as the subject of the clause it is in: "Kenya came UNDER PRESSURE from
        Brazil", "Kenyan troops came under attack", "Kenya FACES SANCTIONS from the bloc"."""
        verb = clauses.bearing_verb(tok) or self._answered_verb(tok)
        if verb is None:
            return []
        sources, patients = self.subjects(verb)
        return [a for a in sources + patients if not a.inferred]

    def _answered_verb(self, tok: Token) -> Token | None:
        """The verb whose act the help or request `tok` names was given to or asked of: "Kenya shot the drones
        down WITH HELP from X" (Kenya is helped), "Kenya halted the raids AT THE REQUEST of X" (Kenya was asked)."""
        if not sx.is_prep_object(tok) or tok.head.head.pos_ not in ("VERB", "AUX"):
            return None
        t = self.ex.lex.find(tok)
        prep = tok.head.lower_
        if t is not None and t.rule.type in ANSWERED_TYPES and prep in clauses.own_act_prepositions(t.rule.type):
            return tok.head.head
        return None

    def bearing_sources(self, tok: Token) -> list[Arg]:
        """The doer of the act a noun names, hung on the verb its bearer is subject of: "Kenya drew criticism
        FROM BRAZIL", "Kenya came under pressure from Brazil" as the parser often attaches it."""
        verb = clauses.bearing_verb(tok)
        if verb is None:
            return []
        return [a for g in sx.prep_objects(verb, AGENT_PREPS) for a in self.phrase_args(g)]

    def maker_args(self, noun: Token) -> list[Arg]:
        """Whose a thing named by no actor is, from a relative clause on it that has it as its object: "any dam
        BRAZIL BUILT", "the pipeline that Brazil operates" (not "the ships that attacked Kenya", nor the object of
        an act: "a claim Brazil rejected")."""
        out: list[Arg] = []
        if noun.pos_ != "NOUN":
            return out
        for c in noun.children:
            if sx.is_relative_clause(c) and clauses.relative_object(c, RELATIVE_PRONOUNS) and \
                    self.ex.lex.find(c) is None:  # "a claim X REJECTED" is an act of its own, on the claim
                for n in sx.nominal_subjects(c):
                    if n.lower_ not in RELATIVE_PRONOUNS:
                        out.extend(a for a in self.phrase_args(n) if not a.inferred)
        return out

    def demand_targets(self, trig: Trigger) -> list[Arg]:
        """Whom a call for something is aimed at, named in what is called for: "called FOR a ceasefire IN KENYA",
        "pressed for sanctions ON KENYA", "lobbied for EU sanctions"."""
        out: list[Arg] = []
        for h in (trig.token, trig.light):
            for g in sx.prep_objects(h, DEMAND_PREPS) if h is not None else ():
                # an act called for is asked of its doer ("called for EU sanctions"), not of whom it is done to
                # ("the release OF Kenyan sailors": whoever holds them is asked, not Kenya)
                named = self.noun_sources(g) if self.ex.lex.find(g) is not None else self.phrase_args(g)
                named = [a for a in named if not a.inferred and a.direct]
                out.extend(named or [a for p in sx.prep_objects(g, CONTENT_TARGET_PREPS) for a in self.phrase_args(p)
                                     if not a.inferred])
        return out

    def hosted_parties(self, trig: Trigger) -> list[Arg]:
        """The parties to a gathering that a meeting participle with its agent describes ("Kenya and Brazil met at a
        summit HOSTED BY France", "spoke at a conference ATTENDED BY France"): the subjects of the clause the
        gathering hangs on, the agent's counterparts. Wider than `clauses.go_between` (a host, mediator or broker):
        any meeting verb. None unless the trigger is such a participle."""
        head = trig.token
        if not (sx.is_adnominal_clause(head) and head.tag_ == "VBN" and sx.agents(head)):
            return []
        verb = sx.governing_verb(head.head)
        if verb is None:
            return []
        return self.subjects(verb)[0]
