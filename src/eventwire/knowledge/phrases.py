"""Resolve a mention given as a string to an actor, without a parser: the `actor` command's rules.

The words of the mention are matched against the actor base's terms (longest
first); the head is the last word before "of"/"from"/"in", else the last word.
A known name at the head is the actor; a title at the head is the holder of
that office in the country named beside it ("Japan's prime minister",
"the prime minister of Japan"); a sector word takes the named country
("Japanese troops"); an unknown head with a named country is that country's
actor. The coder itself resolves noun phrases from the parse
(`actors/mentions.py`); these rules cover the phrases people type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..lang.en.words import words as word_list
from ..records import MODIFIER_SECTORS, Actor

if TYPE_CHECKING:
    from .actors import ActorKB, Entry, Term

NAMED_KINDS = {"person", "org", "state", "igo", "region"}
KIND_ORDER = {"person": 0, "org": 1, "state": 2, "igo": 3, "region": 4, "title": 5, "sector": 6}
FIELD_ORDER = {"terms": 0, "adjectives": 1, "metonyms": 2}
HEAD_BREAKS = word_list("actor_prepositions")  # "ministers of the G7": the head is before "of"
_WORD = re.compile(r"\w+(?='s\b)|'s\b|\w+(?:[.\-']\w+)*\.?|[^\w\s]")
MAX_WORDS = 6


@dataclass
class _Hit:
    start: int
    end: int  # word indices, end exclusive
    entry: Entry
    term: Term


def words(mention: str) -> list[str]:
    """The words of a mention, a possessive "'s" on its own."""
    return _WORD.findall(mention.replace("\u2019", "'"))


def _best(kb: ActorKB, terms: list[Term]) -> Term:
    return min(terms, key=lambda t: (KIND_ORDER.get(kb.entry(t.entry_id).kind, 9), FIELD_ORDER.get(t.field, 9)))


def _hits(kb: ActorKB, ws: list[str]) -> list[_Hit]:
    """Known terms among the words, longest first from the left, not overlapping."""
    out: list[_Hit] = []
    i = 0
    while i < len(ws):
        for n in range(min(MAX_WORDS, len(ws) - i), 0, -1):
            terms = kb.lookup(" ".join(ws[i:i + n]))
            if terms:
                t = _best(kb, terms)
                out.append(_Hit(i, i + n, kb.entry(t.entry_id), t))
                i += n
                break
        else:
            i += 1
    return out


def resolve_phrase(kb: ActorKB, mention: str, on: date | None = None) -> Actor | None:
    """The actor a typed mention names on a date, or None."""
    ws = words(mention)
    if not ws:
        return None
    head = next((k - 1 for k, w in enumerate(ws) if w.lower() in HEAD_BREAKS and k > 0), len(ws) - 1)
    hits = _hits(kb, ws)
    at_head = next((h for h in hits if h.start <= head < h.end), None)
    others = [h for h in hits if h is not at_head]
    possessors = {h.start for h in others if h.end < len(ws) and ws[h.end] == "'s"}
    others.sort(key=lambda h: (h.start not in possessors, h.start))
    mod = next((a for a in (h.entry.actor(on) for h in others if h.entry.kind in NAMED_KINDS) if a.code), None)
    sector_words = [h.entry.sector for h in others if h.entry.kind in ("sector", "title")]
    if at_head is not None:
        entry, term = at_head.entry, at_head.term
        if entry.kind in NAMED_KINDS:
            actor = entry.actor(on)
            if actor.code is None and mod is not None:
                actor = Actor(mod.code, actor.name, actor.sector, actor.office, actor.entry)
            return actor
        if entry.kind == "title":
            office = entry.office or entry.id
            if mod is not None:
                if mod.entry and kb.entries.get(mod.entry) and kb.entry(mod.entry).kind == "person":
                    return mod
                holder = kb.holder(term.text, mod.code or "", on) or kb.holder(office, mod.code or "", on)
                if holder is not None:
                    return holder
                return Actor(mod.code, None, entry.sector or "GOV", office, None)
            return Actor(None, None, entry.sector or "GOV", office, None)
        if entry.kind == "sector":
            sector = entry.sector
            if mod is not None and mod.sector in MODIFIER_SECTORS and \
                    sector in ("GOV",):
                sector = mod.sector
            return Actor(mod.code if mod else None, mod.name if mod and mod.name else None, sector, None, entry.id)
    if mod is not None:
        return Actor(mod.code, mod.name, next((s for s in sector_words if s), None) or mod.sector, mod.office,
                     mod.entry)
    return None
