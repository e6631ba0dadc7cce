"""Event places: which named place is the event's, and how a gazetteer and the actor KB resolve it."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from eventwire.places import Gazetteer, event_location, shipped_gazetteer


def city(name, cc, lat, lon, pop, alt=(), admin1=""):
    return {"name": name, "countrycode": cc, "latitude": lat, "longitude": lon, "population": pop,
            "alternatenames": list(alt), "admin1code": admin1}


COUNTRIES = [{"iso": "NG", "iso3": "NGA", "name": "Nigeria"}, {"iso": "CH", "iso3": "CHE", "name": "Switzerland"},
             {"iso": "FR", "iso3": "FRA", "name": "France"}, {"iso": "US", "iso3": "USA", "name": "United States"},
             {"iso": "UA", "iso3": "UKR", "name": "Ukraine"}, {"iso": "IR", "iso3": "IRN", "name": "Iran"},
             {"iso": "RU", "iso3": "RUS", "name": "Russia"}, {"iso": "EG", "iso3": "EGY", "name": "Egypt"}]
CITIES = [
    city("Lagos", "NG", 6.45, 3.39, 9_000_000),
    city("Abuja", "NG", 9.06, 7.49, 600_000),
    city("Geneva", "CH", 46.2, 6.14, 180_000),
    city("Paris", "FR", 48.85, 2.35, 2_100_000),
    city("Paris", "US", 33.66, -95.56, 25_000, admin1="TX"),
    city("Dallas", "US", 32.78, -96.8, 1_300_000, admin1="TX"),
    city("Kyiv", "UA", 50.45, 30.52, 2_900_000, alt=["Kiev", "KBP"]),
    city("Kazan", "RU", 55.79, 49.12, 1_200_000),
    city("Sochi", "RU", 43.6, 39.73, 400_000),
    city("Cairo", "EG", 30.04, 31.24, 9_600_000),
    city("Tehran", "IR", 35.69, 51.42, 7_100_000),
]
STATES = [{"code": "TX", "name": "Texas"}]
CONTINENTS = [{"name": "Africa", "lat": 7.19, "lng": 21.09}]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer(CITIES, COUNTRIES, STATES, CONTINENTS)


# ---------------------------------------------------------------- the gazetteer (no model)
def test_gazetteer_names(gaz):
    assert gaz.lookup("Lagos").country == "NGA"
    assert gaz.lookup("Kiev").name == "Kyiv"  # an alternate name
    assert gaz.lookup("KBP") is None  # codes are not names
    assert gaz.lookup("Paris").country == "FRA"  # the larger one
    assert gaz.lookup("Paris", "USA").lat == pytest.approx(33.66)
    assert gaz.lookup("the United States").kind == "country"
    assert gaz.lookup("Texas").country == "USA"
    assert gaz.lookup("Africa").kind == "continent" and gaz.lookup("Africa").country is None
    assert gaz.lookup("Atlantis") is None


def test_country_point_is_population_weighted(gaz):
    ng = gaz.lookup("Nigeria")
    assert ng.kind == "country" and ng.country == "NGA"
    assert 6.45 < ng.lat < 7.0  # pulled towards Lagos, far larger than Abuja
    assert gaz.lookup("U.S.").country == "USA"  # aliases the gazetteer spells otherwise


# ---------------------------------------------------------------- places in sentences
@dataclass
class Term:
    text: str
    field: str
    entry_id: str


@dataclass
class Entry:
    kind: str
    code: str | None


class FakeKB:
    """The two calls places.py makes of an ActorKB."""

    entries = {"s/ken": Entry("state", "KEN"), "o/un": Entry("igo", "UN")}
    terms = {"kenya": [Term("Kenya", "terms", "s/ken")], "nairobi": [Term("Nairobi", "metonyms", "s/ken")]}

    def lookup(self, text):
        return self.terms.get(text.lower(), [])

    def entry(self, entry_id):
        return self.entries[entry_id]


@pytest.fixture(scope="module")
def where(nlp, gaz):
    def run(text: str, word: str, kb=None):
        doc = nlp(text)
        tok = next(t for t in doc if t.text == word)
        loc = event_location(tok.sent, tok, kb, gazetteer=gaz)
        if loc is not None and loc.start is not None:
            assert doc.text[loc.start:loc.end] == loc.text
        return loc

    return run


pytestmark = pytest.mark.slow


def test_locative_phrase(where):
    loc = where("Police fired tear gas at protesters in Lagos on Friday.", "fired")
    assert (loc.text, loc.country, loc.lat) == ("Lagos", "NGA", pytest.approx(6.45))


def test_place_one_level_down_a_noun_phrase(where):
    assert where("The two delegations met at a hotel in Geneva on Monday.", "met").text == "Geneva"


def test_first_of_coordinated_places(where):
    assert where("Drones struck oil depots in Kazan and Sochi overnight.", "struck").text == "Kazan"


def test_actors_are_not_places(where):
    assert where("Nigeria condemned the attack.", "condemned") is None
    assert where("France imposed sanctions on Iran.", "imposed") is None  # a target, not a place
    assert where("The ministry agreed to supply weapons to Ukraine.", "supply") is None


def test_motion_to_a_place(where):
    assert where("The president will travel to Cairo next week.", "travel").text == "Cairo"


def test_verb_of_place_takes_its_object(where):
    assert where("The foreign minister visited Kyiv on Tuesday.", "visited").country == "UKR"


def test_country_named_after_a_city_narrows_it(where):
    loc = where("The candidates debated in Paris, Texas, on Monday.", "debated")
    assert loc.text == "Paris" and loc.country == "USA"


def test_kb_resolves_country_names(where):
    loc = where("Militants attacked a police post in Kenya.", "attacked", kb=FakeKB())
    assert loc.country == "KEN" and loc.lat is None  # the KB knows Kenya; this gazetteer has no Kenyan city


def test_unknown_place_keeps_its_text(where):
    loc = where("Fighting broke out in Kigali on Sunday.", "broke")
    assert loc is not None and loc.text == "Kigali" and loc.country is None


def test_place_of_another_clause_is_not_taken(where):
    assert where("The judge, who studied in Geneva, rejected the appeal.", "rejected") is None
    text = "Troops clashed with rebels in Lagos, and the president condemned the violence."
    assert where(text, "condemned") is None
    assert where(text, "clashed").text == "Lagos"


def test_shipped_gazetteer_is_built_once():
    g = shipped_gazetteer()
    assert g is shipped_gazetteer()
    assert g.lookup("Pusan").name == "Busan" and g.lookup("Pusan").country == "KOR"
    assert g.lookup("Kiev").country == "UKR"
    assert g.lookup("Taiwan").country == "TWN"
    assert g.lookup("Europe").kind == "continent"
