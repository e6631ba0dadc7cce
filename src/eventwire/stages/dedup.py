"""Repeated acts: one event per act within a sentence and within a document.

An act reported again (the same type, dyad and modality, in the same words or
as a second mention: a noun such as "the talks", or a pronoun for the actor)
is one event (EVENTS.md rule 7).
"""

from __future__ import annotations

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


def dedup(events: list[Event]) -> list[Event]:
    """One event per action: an act reported again in a document is dropped.

    A repeat has the same type, dyad and modality and either the marks of a
    second mention (a noun such as "the talks", a pronoun for the actor) or the
    same trigger words aimed at the same words for the target; two different
    verbs, or one verb aimed at two differently named things, stay two acts.
    """
    seen: dict[tuple, set[tuple[str, str]]] = {}
    out = []
    for ev in events:
        key = (ev.event_type, *dyad_key(ev, sectors=True), ev.modality)
        words = (ev.trigger.text.lower(), ev.target.text.lower() if ev.target else "")
        if key in seen and (ev.restated or words in seen[key]):
            continue
        seen.setdefault(key, set()).add(words)
        out.append(ev)
    return out
