"""Targets the sentence does not name, taken from the document (a part of the arguments stage).

An act whose target the sentence leaves unnamed takes one from what the
document has said before: the doer of an earlier act that a response names
("condemned the seizure"), the one who last acted on the source ("vowed to
respond"), the document's country for a domestic act, its counterpart for a
meeting, or none at all for a show of force (EVENTS.md allows a null target).
`DocumentTargets` is mixed into the arguments stage's sentence finder, whose
state (`ex`, `ss`, `state`, `index`, `history`) and noun-act readings (`noun_sources`) it uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from ..lang.en import clauses, words
from ..lang.en import syntax as sx
from ..pipeline.state import Arg, Candidate
from ..records import Actor
from .dedup import SYMMETRIC

if TYPE_CHECKING:
    from ..actors.mentions import NPResolver
    from ..pipeline.state import DocState, SentState
    from ..records import Document
    from .references import MentionHistory
    from .triggers import Trigger

SELF_TARGET_SECTOR = {"PROTEST": "GOV", "COERCE": "CVL", "ASSAULT": "CVL", "CONCEDE": "CVL"}
# acts that, with no target named, fall on the actor's own country
DOMESTIC_TYPES = {"PROTEST", "COERCE", "ASSAULT", "CONCEDE", "RETREAT", "REQUEST", "ACCUSE", "REJECT"}
# deployments that, with no one else named, are at home ("riot police were deployed across the capital")
HOME_MOBILIZING_TYPES = {"MOBILIZE"}
# acts that a state does to its own people before anyone abroad
SELF_FIRST_TYPES = {"PROTEST", "COERCE", "CONCEDE"}
# sectors that act inside their own country
DOMESTIC_SECTORS = {"CVL", "COP", "POL", "LEG", "JUD", "REB", "MED", "BUS"}
RESPONSE_PREPS = words("response_prepositions")
LOCATIVE_PREPS = words("locative_prepositions")
RELATIVE_PRONOUNS = words("relative_pronouns")
# acts that may have no target at all: a show of force with no one named as its recipient
NULL_TARGET_TYPES = {"MOBILIZE"}
# acts by which an actor comes to hold people: whoever did them is who releases them
HOLDING_TYPES = {"COERCE", "ASSAULT"}
# sectors outside the state: their acts at home are answered by the state as another's
NON_STATE_SECTORS = {"REB", "CVL", "POL"}
# acts of committing or threatening to act ("agreed TO resign"): no counterpart is needed
COMMITMENT_TYPES = {"AGREE", "THREATEN"}
# acts of giving or sharing ("donated ten million dollars"): the recipient may go unnamed
GIVING_TYPES = {"AID", "COOPERATE"}
# acts a state does to others' people, that a report may leave without a doer ("two diplomats were expelled")
STATE_ACT_TYPES = {"ACCUSE", "SANCTION", "REQUEST", "COERCE"}
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG"}
# acts that answer an earlier act ("condemned the strikes"): their target is the one who did it
RESPONSE_TYPES = {"ACCUSE", "REJECT", "SUPPORT"}
# acts on a thing their object names ("praised THE EFFORTS", "accepted THE PLAN"): whoever is behind it may go unnamed
OBJECT_TYPES = RESPONSE_TYPES | {"AGREE"}
# acts that, naming no target, answer the latest act done to their source ("Y vowed to hit back")
ANSWER_TYPES = {"THREATEN"}


def _other(doer: Actor, responder: Actor) -> bool:
    """Whether `doer` is someone other than `responder`: another country, or at home a group outside the
    state ("the government condemned the attack" by rebels of its own country)."""
    return doer.code != responder.code or (doer.sector in NON_STATE_SECTORS and responder.sector not in
                                           NON_STATE_SECTORS)


class DocumentTargets:
    """Targets from the document for the acts of one sentence."""

    ex: Any
    ss: SentState
    doc: Document
    offset: int
    resolver: NPResolver
    state: DocState | None
    index: int
    history: MentionHistory

    def noun_sources(self, tok: Token) -> list[Arg]:  # provided by the sentence finder
        raise NotImplementedError

    def phrase_args(self, tok: Token, speaker: Actor | None = None) -> list[Arg]:  # provided by the sentence finder
        raise NotImplementedError

    def act_nouns(self, trig: Trigger) -> list[Token]:
        """The nouns naming an act that the trigger responds to: "condemned THE STRIKES", "objection to THE PLAN"."""
        holders = [trig.token] if trig.light is None else [trig.token, trig.light]
        out: list[Token] = []
        for h in holders:
            for c in h.children:
                if sx.is_direct_object(c) and c != trig.token:
                    out.append(c)
                else:
                    out.extend(sx.objects_of_prep(c, RESPONSE_PREPS))
            if sx.is_relative_clause(h) and clauses.relative_object(h, RELATIVE_PRONOUNS):
                out.append(h.head)  # "..., a CHARGE Brazil denies": the noun the clause hangs on
        if trig.obj is not None and trig.obj not in out:
            out.append(trig.obj)
        out += [n for n in sx.nominal_subjects(trig.head) if clauses.charged_clause(n) is not None]
        lex = self.ex.lex
        return [n for n in out if n.pos_ == "NOUN" and (lex.classes.member(n, "act_reference")
                                                       or lex.classes.act_types(n) or lex.find(n) is not None)]

    def act_target(self, trig: Trigger, s: Arg) -> Arg | None:
        """The target of a response to an act named by a noun: the one who did that act.

        The act's doer is its possessor or modifier ("Japan's remarks", "the Russian strikes", "the ban
        by the court"), the doer of the clause a noun is set beside ("X accused Y, a CHARGE Y denies"); else
        the source of the latest earlier act of the document of a type the noun names ("X struck Y. Y condemned
        the strikes"), one done to the responder first; a noun that names any act ("the move", "the decision")
        takes the latest earlier act done to the responder.
        """
        if trig.rule.type not in RESPONSE_TYPES:
            return None
        classes = self.ex.lex.classes
        h = trig.head
        if sx.objects(h) and clauses.relative_object(h, RELATIVE_PRONOUNS) and \
                (sx.is_relative_clause(h) or sx.is_adverbial_clause(h)):
            # "X accused Y of abuses, WHICH Y rejected": what Y rejects is the act, whether the parser hangs the
            # clause on that act's verb or on its argument (an actor is no thing one rejects)
            doers = self._doers_of(h.head if sx.is_adverbial_clause(h) else h.head.head, s)
            if doers and (sx.is_adverbial_clause(h) or self.ex.lex.find(h.head) is None and self.phrase_args(h.head)):
                return doers[0]
        for noun in self.act_nouns(trig):
            # "the attack X LAUNCHED", "the sanctions that X IMPOSED": whoever carried it out
            launched = [a for c in noun.children if sx.is_relative_clause(c) and
                        self.ex.lex.is_light(c)
                        for n in sx.nominal_subjects(c) for a in self.phrase_args(n)]
            doers = [a for a in self.noun_sources(noun) + launched if a.actor.code and _other(a.actor, s.actor)]
            # "X accused Y, A CHARGE Y denied" -> accused, "X did Y, A MOVE Z condemned" -> did: a noun set beside a
            # clause names that clause's act (not "welcomed THE PLAN, which Z rejected": the plan is the thing)
            beside = clauses.charged_clause(noun) or (noun.head if sx.is_clause_apposition(noun) else None)
            if beside is not None:
                doers += self._doers_of(beside, s)
            if doers:
                return doers[0]
            if beside is not None and self.ex.lex.find(beside) is not None:
                continue  # the act it names is that clause's, whose doer is unknown: no earlier act stands in
            own = self.ex.lex.find(noun)
            kinds = set(classes.act_types(noun)) | ({own.rule.type} if own is not None else set())
            earlier = [c for c in self._earlier() if c.source.actor.code and _other(c.source.actor, s.actor)]
            to_me = [c for c in earlier if c.target is not None and c.target.actor.code == s.actor.code]
            ranked = [c for c in to_me if kinds and c.trigger.rule.type in kinds]
            ranked += [c for c in earlier if kinds and c.trigger.rule.type in kinds]
            if not kinds and classes.head_in(noun, "act_reference"):
                ranked = to_me  # "the decision", "the move": the latest act done to the responder
            if ranked:
                a = ranked[0].source
                return Arg(a.actor, "", s.start, s.start, False, True)
        return None

    def _doers_of(self, verb: Token, s: Arg) -> list[Arg]:
        """The sources, other than `s`, of this sentence's acts whose trigger heads the clause of `verb`."""
        return [c.source for c in self.ss.candidates if c.trigger.head.i == verb.i and c.source.actor.code and
                _other(c.source.actor, s.actor)]

    def answer_target(self, trig: Trigger, s: Arg) -> Arg | None:
        """A response that names no target answers the latest act done to its source."""
        if trig.rule.type not in ANSWER_TYPES or s.actor.code is None:
            return None
        for c in self._earlier():
            if c.target is not None and c.target.actor.code == s.actor.code and \
                    c.source.actor.code not in (None, s.actor.code):
                return Arg(c.source.actor, "", s.start, s.start, False, True)
        return None

    def holder(self, patients: list[Arg]) -> Arg | None:
        """Who set free people released with no agent named ("the two reporters were released"): the one whose
        earlier arrest, detention or abduction of them the document reports."""
        codes = {p.actor.code for p in patients if p.actor.code}
        for c in self._earlier():
            if c.trigger.rule.type in HOLDING_TYPES and c.target is not None and c.target.actor.code in codes and \
                    c.source.actor.code:
                return Arg(c.source.actor, "", patients[0].start, patients[0].start, False, True)
        return None

    def state_acts(self, trig: Trigger, patients: list[Arg], is_noun: bool) -> list[tuple[Arg, Arg | None]]:
        """A domestic act with no doer named is the state's: "1,000 people were arrested" (the state acts on its
        own people, or the state where it happens: "the arrest IN PARIS of a Kenyan diplomat"); "two reporters
        were detained" with no country named (the document's state on its people)."""
        if patients:
            where = next((a for g in sx.prep_objects(trig.token, LOCATIVE_PREPS) for a in self.phrase_args(g)
                          if a.direct and not a.inferred), None)
            return [(Arg(Actor(where.actor.code if where is not None else p.actor.code, None, "GOV"), "", p.start,
                         p.start, False), p) for p in patients]
        home = self.history.main_country()
        who = next((n for n in sx.passive_subjects(trig.head) if self.ex.lex.classes.member(n, "people")), None)
        if is_noun or home is None or who is None:
            return []
        span = self.resolver.np_tokens(who)
        start, end = self.offset + span[0].idx, self.offset + span[-1].idx + len(span[-1].text)
        return [(Arg(Actor(home, None, "GOV"), "", start, start, False, True),
                 Arg(Actor(home, None, "CVL"), self.doc.text[start:end], start, end, False, True))]

    def unstated_doer(self, trig: Trigger, patients: list[Arg]) -> Arg | None:
        """Who did an act of state to others with no doer named: the state that reports it ("two Kenyan diplomats
        were expelled, BRAZIL'S foreign ministry said"), else a state named in the clause as where it happened or
        what they must leave ("was summoned to the ministry in NAIROBI", "were ordered to leave BRAZIL")."""
        if trig.rule.type not in STATE_ACT_TYPES:
            return None
        own = {p.actor.code for p in patients}
        head = trig.head
        speaker = self.speaker(head)
        if speaker is not None and speaker.code and speaker.code not in own and speaker.sector in STATE_SECTORS:
            return Arg(speaker, "", patients[0].start, patients[0].start, False, True)
        spans = {(p.start, p.end) for p in patients}
        for t in head.subtree:
            if t.ent_type_ in ("GPE", "LOC") and not sx.is_inner_modifier(t):
                for a in self.phrase_args(t):
                    if a.actor.code and a.actor.code not in own and (a.start, a.end) not in spans:
                        return Arg(Actor(a.actor.code, None, "GOV"), a.text, a.start, a.end, False, True)
        return None

    def _earlier(self) -> list[Candidate]:
        """Candidates of the document so far, latest first (this sentence's earlier triggers included)."""
        out = list(reversed(self.ss.candidates))
        if self.state is not None:
            for ss in reversed(self.state.sentences[: self.index]):
                out.extend(reversed(ss.candidates))
        return out

    def last_pair(self) -> list[Actor]:
        """The two states of the latest meeting, agreement or joint act between states that the document coded
        (this sentence's earlier triggers included): whom "the two sides" stands for. Empty when none was coded."""
        kb = self.ex.kb
        for c in self._earlier():
            s, t = c.source.actor, c.target.actor if c.target is not None else None
            if c.event_type in SYMMETRIC and t is not None and s.code and t.code and s.code != t.code and \
                    all((e := kb.country(x.code)) is not None and e.kind == "state" for x in (s, t)):
                return [s, t]
        return []

    def _country_arg(self, code: str, s: Arg) -> Arg:
        """An actor taken from the document, not named in the sentence (its own default sector)."""
        entry = self.ex.kb.country(code)
        sector = entry.sector if entry is not None and entry.sector else "GOV"
        return Arg(Actor(code, entry.name if entry else None, sector), "", s.start, s.start, False, True)

    def fallback_target(self, rule, s: Arg) -> Arg | None:
        """The target of an act that names none, from the document: the country it is about (aid sent
        "to the quake zone"), its counterpart in a dispute, or the actor's own country for a domestic act."""
        if rule.needs_target:
            return None
        code = s.actor.code
        domestic = s.actor.sector in DOMESTIC_SECTORS and s.actor.sector != "IGO"
        main = self.history.main_country()
        if rule.type in SYMMETRIC or rule.type == "SUPPORT":
            other = self.history.other_country(code)
            if other:
                return self._country_arg(other, s)
            if rule.type == "SUPPORT" and main == code and self.history.first_named(exclude=code) is None:
                # a document about one country only: "the opposition welcomed the ruling" is domestic
                return Arg(Actor(code, None, "GOV"), "", s.start, s.start, False, True)
            return None
        if domestic and (rule.self_target or rule.type in DOMESTIC_TYPES | HOME_MOBILIZING_TYPES):
            return Arg(Actor(code, None, SELF_TARGET_SECTOR.get(rule.type, "GOV")), "", s.start, s.start, False,
                       True)
        if main and main != code:
            return self._country_arg(main, s)
        other = self.history.other_country(code, before=self.offset + self.ss.sent.end_char)
        if other and rule.type not in SELF_FIRST_TYPES:
            return self._country_arg(other, s)
        if rule.self_target or rule.type in DOMESTIC_TYPES or (
                rule.type in HOME_MOBILIZING_TYPES and not rule.only_without_target):
            # a deployment with no one else in the document is at home; a missile test stays aimed at no one
            return Arg(Actor(code, None, SELF_TARGET_SECTOR.get(rule.type, "GOV")), "", s.start, s.start, False,
                       True)
        return None

    def may_lack_target(self, rule, s: Arg, trig: Trigger | None = None) -> bool:
        """Meetings and agreements of a bloc's members need no counterpart ("G20 leaders gathered"); a show of
        force need have no recipient ("test-fired a missile"); nor does an actor named, or a pronoun for one, that
        commits or threatens to act ("has agreed TO RESIGN", "threatened TO SHELL the tree"), holds or launches
        an act named by a noun ("held talks on the crisis", "provided assistance"), gives or shares ("donated ten
        million dollars") or judges or accepts a thing its object names ("praised the efforts", "accepted the
        plan"): its target is null (EVENTS.md). A rule that needs a target never goes without."""
        if (rule.type in ("CONSULT", "AGREE") and s.actor.sector == "IGO") or rule.type in NULL_TARGET_TYPES:
            return True
        if trig is None or s.inferred or rule.needs_target:
            return False
        if trig.light is not None or rule.type in GIVING_TYPES:
            return True
        if rule.type in OBJECT_TYPES and sx.direct_objects(trig.token):
            return True
        return rule.type in COMMITMENT_TYPES and trig.light is None and any(
            sx.has_auxiliary(c, ("to",)) for c in sx.open_complements(trig.head))
