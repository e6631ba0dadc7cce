"""The gazetteer's cache: what is written and read back answers exactly as the gazetteer it came from."""

from __future__ import annotations

import json

from eventwire.knowledge import gazetteer as gz
from eventwire.knowledge.gazetteer import Gazetteer, Place

CITIES = [
    {"name": "Portvale", "countrycode": "KE", "latitude": "-1.5", "longitude": "36.25", "population": 500000,
     "alternatenames": ["Port Vale"]},
    {"name": "Portvale", "countrycode": "BR", "latitude": "-10.0", "longitude": "-50.0", "population": 2000},
]
COUNTRIES = [{"iso": "KE", "iso3": "KEN", "name": "Kenya"}, {"iso": "BR", "iso3": "BRA", "name": "Brazil"}]


def test_cache_round_trip_keeps_every_answer(tmp_path):
    gaz = Gazetteer(CITIES, COUNTRIES)
    path = tmp_path / "gaz.json"
    path.write_text(json.dumps(gz._dump(gaz)), encoding="utf-8")
    back = gz._load(json.loads(path.read_text(encoding="utf-8")))
    assert back.lookup("Portvale") == gaz.lookup("Portvale") == Place("Portvale", "KEN", -1.5, 36.25, "city")
    assert back.lookup("Portvale", "BRA") == Place("Portvale", "BRA", -10.0, -50.0, "city")
    assert back.lookup("Port Vale") == gaz.lookup("Port Vale")
    assert back.lookup("Kenya") == gaz.lookup("Kenya")
    assert back.centres == gaz.centres
    assert back.lookup("Nowhere") is None


def test_cache_path_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    path = gz.cache_path()
    assert path.parent == tmp_path
    assert path.name.startswith("gazetteer-") and path.suffix == ".msgpack"


def test_msgpack_cache_round_trip_builds_places_only_when_looked_up(tmp_path):
    from eventwire.cache import read, write

    gaz = Gazetteer(CITIES, COUNTRIES)
    path = tmp_path / "gaz.msgpack"
    write(path, gz._dump(gaz))
    back = gz._load(read(path))
    assert back.cities._made == {}  # nothing built yet
    assert back.lookup("Portvale", "BRA") == Place("Portvale", "BRA", -10.0, -50.0, "city")
    assert list(back.cities._made) == ["portvale"]
    assert back.lookup("Port Vale") == gaz.lookup("Port Vale")
    assert dict(back.cities) == gaz.cities and len(back.alternates) == len(gaz.alternates)


def test_an_unreadable_cache_file_is_none(tmp_path):
    from eventwire.cache import read

    bad = tmp_path / "x.msgpack"
    bad.write_bytes(b"\xc1")  # a byte msgpack never uses
    assert read(bad) is None
    assert read(tmp_path / "missing.json") is None
