"""Repeated acts: one event per act within a sentence and within a document.

An act reported again (the same type, dyad and modality, in the same words or
as a second mention: a noun such as "the talks", or a pronoun for the actor)
is one event (EVENTS.md rule 7).
"""

from __future__ import annotations

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


def dedup(events: list[Event]) -> list[Event]:
    """One event per action: an act reported again in a document is dropped.

    A repeat has the same type, dyad and modality and either the marks of a
    second mention (a noun such as "the talks", a pronoun for the actor) or the
    same trigger words aimed at the same words for the target; two different
    verbs, one verb aimed at two differently named things, or acts on two stated dates, stay
    two acts.
    """
    seen: dict[tuple, list[Event]] = {}
    out = []
    for ev in events:
        key = (ev.event_type, *dyad_key(ev, sectors=True), ev.modality)
        words = _words(ev)
        earlier = [e for e in seen.get(key, []) if not _other_date(ev, e)]
        if earlier and (ev.restated or any(_words(e) == words for e in earlier)):
            continue
        seen.setdefault(key, []).append(ev)
        out.append(ev)
    return out


def _words(ev: Event) -> tuple[str, str]:
    return ev.trigger.text.lower(), ev.target.text.lower() if ev.target else ""


def _other_date(a: Event, b: Event) -> bool:
    """Both acts state their own date and the dates differ: two acts, however alike."""
    return a.date_basis == "expression" and b.date_basis == "expression" and a.date != b.date


def dedup_sentence(events: list[Event]) -> list[Event]:
    """One event per act within a sentence (EVENTS.md rule 1).

    Two events are one act when the same trigger words code the same type and dyad, or when
    they share type, dyad and modality on one date ("struck the ministry on Monday and hit
    targets near it": a clause without a time expression of its own shares the other's date).
    Acts on different stated dates ("will visit in May and again in June"), and a call beside
    a meeting ("a summit and a phone call"), stay distinct.
    """
    out: list[Event] = []
    for ev in events:
        if not any(same_act(ev, kept) for kept in out):
            out.append(ev)
    return out


def same_act(a: Event, b: Event) -> bool:
    if a.event_type != b.event_type or dyad_key(a) != dyad_key(b):
        return False
    if (a.trigger.start, a.trigger.end) == (b.trigger.start, b.trigger.end):
        return True
    if a.modality != b.modality or (a.mode in REMOTE_MODES) != (b.mode in REMOTE_MODES):
        return False
    stated = a.date_basis == "expression" and b.date_basis == "expression"
    return a.date == b.date or not stated
