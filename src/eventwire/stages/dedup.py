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


def dyad_key(ev: Event, sectors: bool = False) -> tuple[str, str]:
    s = (ev.source.code or "") if ev.source else ""
    t = (ev.target.code or "") if ev.target else ""
    if sectors:
        s += f"/{ev.source.actor.sector}" if ev.source else ""
        t += f"/{ev.target.actor.sector}" if ev.target else ""
    if ev.event_type in SYMMETRIC:
        s, t = sorted([s, t])
    return s, t


def candidate_key(c: Candidate) -> tuple[str, str, str, str]:
    """(type, source code, target code, modality) of a candidate; a symmetric type's dyad in sorted order."""
    s = c.source.actor.code or ""
    t = (c.target.actor.code or "") if c.target else ""
    if c.event_type in SYMMETRIC:
        s, t = sorted([s, t])
    return c.event_type, s, t, c.modality


def dedup(candidates: list[Candidate]) -> list[Candidate]:
    """One event per action: an act reported again in a document is dropped.

    A repeat has the same type, dyad and modality and either the marks of a
    second mention (a noun such as "the talks", a pronoun for the actor) or the
    same trigger words aimed at the same words for the target; two different
    verbs, or one verb aimed at two differently named things, stay two acts.
    """
    seen: dict[tuple, set[tuple[str, str]]] = {}
    out = []
    for c in candidates:
        ev = c.event
        assert ev is not None
        key = (ev.event_type, *dyad_key(ev, sectors=True), ev.modality)
        words = (ev.trigger.text.lower(), ev.target.text.lower() if ev.target else "")
        if key in seen and (c.restated or words in seen[key]):
            continue
        seen.setdefault(key, set()).add(words)
        out.append(c)
    return out


@stage("sentence_dedup", scope="sentence", requires=("sentence.candidates", "candidate.modality"),
       assigns=("sentence.candidates", "candidate.index"))
class SentenceDedup:
    """Keep one candidate per act in a sentence, and number the kept ones.

    Requires: the sentence's candidates with their modality. Assigns: the kept candidates (one per type,
    dyad and modality: "staged exercises ..., deploying warships" is one act; a guessed target gives way
    to a named one of the same source and type) and their `index`; they join `DocState.candidates`.
    """

    def __init__(self, lang: LanguagePack, knowledge: Knowledge, config: Config) -> None:
        pass

    def __call__(self, state: DocState) -> DocState:
        ss = state.current
        out: list[Candidate] = []
        seen: set[tuple] = set()
        for c in ss.candidates:
            key = candidate_key(c)
            if key not in seen:
                seen.add(key)
                out.append(c)
        named = {(c.event_type, c.source.actor.code) for c in out if c.target is not None and not c.target_inferred}
        out = [c for c in out if not (c.target is not None and c.target_inferred
                                      and (c.event_type, c.source.actor.code) in named)]
        for i, c in enumerate(out):
            c.index = i
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
