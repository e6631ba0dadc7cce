"""Coding stage: turns each kept candidate into an Event record with its PLOVER/CAMEO codes and confidence.

Requires: the sentence's kept candidates (trigger, source, target, modality) and its attribution.
Assigns: `Candidate.event` (type, CAMEO code, Goldstein score, quad class, mode, topics, trigger
span, actors, attribution) and `Candidate.score`, the event's confidence.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lang.en import clauses, words
from ..lang.en import syntax as sx
from ..pipeline.packs import Config, Knowledge, LanguagePack
from ..pipeline.registry import stage
from ..pipeline.state import Arg, Candidate, DocState, SentState
from ..records import ActorMention, Document, Event
from ..records import Span as TextSpan

ASIDE_PENALTY = 0.1  # a condition's act or a participle beside the main verb
EMBEDDED_PENALTY = 0.15  # an act inside another coded act's clause: more than a named target or a specific rule adds


@stage("coding", scope="sentence", requires=("sentence.candidates", "sentence.attribution"),
       assigns=("candidate.event", "candidate.score"))
class Coding:
    """Fill an Event for each candidate from the code tables; score it by how directly its actors are named."""

    def __init__(self, lang: LanguagePack, knowledge: Knowledge, config: Config) -> None:
        self.codes = knowledge.codes

    def __call__(self, state: DocState) -> DocState:
        ss = state.current
        heads = {c.trigger.head.i for c in ss.candidates}
        for c in ss.candidates:
            # an act reported inside another act's clause ranks below it: the sentence reports the outer one
            embedded = clauses.embedded_under(c.trigger.head, heads - {c.trigger.head.i})
            c.score = self.confidence(c, embedded)
            c.event = self.make_event(state.document, ss, c)
        return state

    @staticmethod
    def confidence(c: Candidate, embedded: bool = False) -> float:
        """How directly the actors are named, and how specific the rule; an act stated not to have happened
        ranks below the refusal that reports it ("refused to meet": the rejection, then the negated meeting),
        and an act inside another act's clause below that act."""
        s, t, rule = c.source, c.target, c.trigger.rule
        specific = rule.specificity or (c.producer == "modality" and c.trigger.obj is not None)
        # a condition's act ("unless X ACCEPTED", "if Y ATTACKS") or a participle beside the main verb ("...,
        # CALLING for independence") is less likely the act the sentence reports than its main clause's
        aside = c.modality == "hypothetical" or _participle_aside(c.trigger.head)
        lower = EMBEDDED_PENALTY if embedded else (ASIDE_PENALTY if aside else 0.0)
        return 0.45 + (0.2 if s.direct else 0.05) + (0.2 if t is not None and t.direct else 0.0) + \
            (0.1 if specific else 0.0) - (0.05 if c.modality == "negated" else 0.0) - lower

    def make_event(self, doc: Document, ss: SentState, c: Candidate) -> Event:
        trig, s, t = c.trigger, c.source, c.target
        rule = trig.rule
        cameo, goldstein = self.codes.cameo_for(rule.type, rule.cameo)
        mode, contexts = self.codes.mode_and_context(rule.type, cameo)
        cameo, goldstein = self.codes.cameo_for_mode(rule.type, cameo, rule.mode or mode)
        toks = sorted({trig.token.i, trig.head.i} | ({trig.obj.i} if trig.obj is not None else set()))
        first, last = ss.sent.doc[toks[0]], ss.sent.doc[toks[-1]]
        tstart, tend = first.idx, last.idx + len(last.text)
        offset = ss.offset
        return Event(
            doc_id=doc.id,
            sentence=ss.index,
            text=ss.sent.text,
            trigger=TextSpan(doc.text[offset + tstart:offset + tend], offset + tstart, offset + tend),
            event_type=rule.type,
            source=_mention(s),
            target=_mention(t) if t is not None else None,
            mode=rule.mode or mode,
            topics=contexts,
            cameo=cameo,
            goldstein=goldstein,
            quad_class=self.codes.quad_class[rule.type],
            modality=c.modality,
            attributed_to=ss.attribution,
            confidence=min(c.score, 0.95),
            index=c.index,
            published=doc.published.isoformat() if doc.published else None,
        )


BACKGROUND_MARKS = words("background_marks")


def _participle_aside(head: Token) -> bool:
    """A participial clause hung on the main verb with no subject of its own ("demonstrated, CALLING for"), or a
    clause that describes a noun: a relative clause ("the attacks, which have seen people ARRESTED") or an
    infinitive ("a plan TO ARREST migrants", "the right TO FIRE")."""
    if sx.buried_main_subject(head) is not None:
        return False  # the main verb the parser buried in the subject's relative clause
    if sx.is_adverbial_clause(head) and head.tag_ == "VBG" and not sx.has_subject_or_marker(head):
        return True
    if sx.is_adverbial_clause(head) and sx.has_marker(head, BACKGROUND_MARKS):
        return True  # "eased the measures AS authorities in Croatia CRACKED DOWN": the circumstance
    t = head
    for _ in range(8):
        if sx.is_relative_clause(t) or (sx.is_adnominal_clause(t) and sx.has_auxiliary(t, ("to",))):
            return True
        if t.head == t:
            return False
        t = t.head
    return False


def _mention(a: Arg) -> ActorMention:
    return ActorMention(a.text, a.start, a.end, a.actor)
