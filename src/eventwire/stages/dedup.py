"""Repeated acts: one event per act within a sentence and within a document.

An act reported again (the same type, dyad and modality, in the same words or
as a second mention: a noun such as "the talks", or a pronoun for the actor)
is one event (EVENTS.md rule 7).
"""

from __future__ import annotations

from ..pipeline.packs import Config, Knowledge, LanguagePack
from ..pipeline.registry import stage
from ..pipeline.state import Candidate, DocState
from ..records import Event

SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}
REMOTE_MODES = {"phone"}  # a call is never the same encounter as a meeting or a visit


def dyad_key(ev: Event, sectors: bool = False) -> tuple[str, str]:
    s = (ev.source.code or "") if ev.source else ""
    t = (ev.target.code or "") if ev.target else ""
    if sectors:
        s += f"/{ev.source.actor.sector}" if ev.source else ""
        t += f"/{ev.target.actor.sector}" if ev.target else ""
    if ev.event_type in SYMMETRIC:
        s, t = sorted([s, t])
    return s, t


def dedup(candidates: list[Candidate]) -> list[Candidate]:
    """One event per action: an act reported again in a document is dropped.

    A repeat has the same type, dyad and modality and either the marks of a
    second mention (a noun such as "the talks", a pronoun for the actor) or the
    same trigger words aimed at the same words for the target; two different
    verbs, one verb aimed at two differently named things, or acts on two stated dates, stay
    two acts.
    """
    seen: dict[tuple, list[Candidate]] = {}
    out = []
    for c in candidates:
        ev = c.event
        assert ev is not None
        key = (ev.event_type, *dyad_key(ev, sectors=True), ev.modality)
        words = _words(ev)
        earlier = [e for e in seen.get(key, []) if not _other_date(c, e)]
        if earlier and (c.restated or any(_words(e.event) == words for e in earlier if e.event is not None)):
            continue
        seen.setdefault(key, []).append(c)
        out.append(c)
    return out


def _words(ev: Event) -> tuple[str, str]:
    return ev.trigger.text.lower(), ev.target.text.lower() if ev.target else ""


def _stated(c: Candidate) -> bool:
    return c.when is not None and c.when.basis == "expression"


def _other_date(a: Candidate, b: Candidate) -> bool:
    """Both acts state their own date and the dates differ: two acts, however alike."""
    return _stated(a) and _stated(b) and a.event is not None and b.event is not None and a.event.date != b.event.date


def same_act(a: Candidate, b: Candidate) -> bool:
    """Two candidates of one sentence code one act.

    They do when the same trigger words code the same type and dyad, or when they share type, dyad and
    modality on one date ("struck the ministry on Monday and hit targets near it": a clause without a time
    expression of its own shares the other's date). Acts on different stated dates ("will visit in May and
    again in June"), and a call beside a meeting ("a summit and a phone call"), stay distinct.
    """
    ea, eb = a.event, b.event
    assert ea is not None and eb is not None
    if ea.event_type != eb.event_type or dyad_key(ea) != dyad_key(eb):
        return False
    if (ea.trigger.start, ea.trigger.end) == (eb.trigger.start, eb.trigger.end):
        return True
    if ea.modality != eb.modality or (ea.mode in REMOTE_MODES) != (eb.mode in REMOTE_MODES):
        return False
    return ea.date == eb.date or not (_stated(a) and _stated(b))


@stage("sentence_dedup", scope="sentence", requires=("sentence.candidates", "candidate.event", "candidate.when"),
       assigns=("sentence.candidates", "candidate.index", "event.index"))
class SentenceDedup:
    """Keep one candidate per act in a sentence, and number the kept ones.

    Requires: the sentence's coded and dated candidates. Assigns: the kept candidates (one per act, see
    `same_act`: "staged exercises ..., deploying warships" is one act; a guessed target gives way to a
    named one of the same source and type) and their `index`; they join `DocState.candidates`.
    """

    def __init__(self, lang: LanguagePack, knowledge: Knowledge, config: Config) -> None:
        pass

    def __call__(self, state: DocState) -> DocState:
        ss = state.current
        out: list[Candidate] = []
        for c in ss.candidates:
            if not any(same_act(c, kept) for kept in out):
                out.append(c)
        named = {(c.event_type, c.source.actor.code) for c in out if c.target is not None and not c.target_inferred}
        out = [c for c in out if not (c.target is not None and c.target_inferred
                                      and (c.event_type, c.source.actor.code) in named)]
        for i, c in enumerate(out):
            c.index = i
            if c.event is not None:
                c.event.index = i
        ss.candidates = out
        state.candidates.extend(out)
        return state


@stage("dedup", scope="document", requires=("candidates", "candidate.event"), assigns=("events",))
class Dedup:
    """Drop acts the document reports again; assigns `DocState.events`, the document's output."""

    def __init__(self, lang: LanguagePack, knowledge: Knowledge, config: Config) -> None:
        pass

    def __call__(self, state: DocState) -> DocState:
        state.candidates = dedup(state.candidates)
        state.events = [c.event for c in state.candidates if c.event is not None]
        return state
