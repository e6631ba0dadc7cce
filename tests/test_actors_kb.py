"""The shipped actor knowledge: offices by date, names, user overrides, schema errors, the checker and commands."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from eventwire.actors.check import check, counts
from eventwire.knowledge.actors import ActorKB, KBError, parse_entries


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def holder_name(kb: ActorKB, office: str, country: str, on: str | None) -> str | None:
    a = kb.holder(office, country, date.fromisoformat(on) if on else None)
    return a.name if a else None


def codes(kb: ActorKB, text: str) -> set[tuple[str | None, str | None]]:
    return {(kb.entry(t.entry_id).code, kb.entry(t.entry_id).sector) for t in kb.lookup(text)}


# ---------------------------------------------------------------- offices that changed hands

@pytest.mark.parametrize("on, name", [
    ("2024-07-04", "Rishi Sunak"),
    ("2024-07-05", "Keir Starmer"),  # the handover day goes to the incoming holder
    ("2024-07-06", "Keir Starmer"),
    ("2022-10-01", "Liz Truss"),
    ("2021-01-01", "Boris Johnson"),
])
def test_uk_prime_minister_across_july_2024(kb, on, name):
    assert holder_name(kb, "prime minister", "GBR", on) == name
    assert holder_name(kb, "head_of_government", "GBR", on) == name


@pytest.mark.parametrize("on, name", [
    ("2022-01-01", "Moon Jae-in"),
    ("2024-06-01", "Yoon Suk Yeol"),
    ("2025-01-10", "Yoon Suk Yeol"),  # suspended but still in office until removed on 2025-04-04
    ("2025-04-20", "Han Duck-soo"),  # vacancy: the acting president
    ("2025-05-10", "Lee Ju-ho"),
    ("2025-06-04", "Lee Jae-myung"),
    ("2025-11-25", "Lee Jae-myung"),
])
def test_south_korea_president_across_2025(kb, on, name):
    assert holder_name(kb, "head_of_state", "KOR", on) == name
    assert holder_name(kb, "president", "KOR", on) == name


def test_acting_president_during_suspension_is_its_own_office(kb):
    a = kb.holder("acting_head_of_state", "KOR", date(2025, 1, 10))
    assert a is not None and a.name == "Choi Sang-mok"
    assert kb.holder("acting president", "KOR", date(2024, 12, 20)).name == "Han Duck-soo"


@pytest.mark.parametrize("on, name", [
    ("2024-09-30", "Fumio Kishida"),
    ("2024-10-01", "Shigeru Ishiba"),
    ("2025-10-20", "Shigeru Ishiba"),
    ("2025-10-21", "Sanae Takaichi"),
    ("2025-11-25", "Sanae Takaichi"),
    ("2020-06-01", "Shinzo Abe"),
])
def test_japan_prime_minister(kb, on, name):
    assert holder_name(kb, "prime minister", "JPN", on) == name


@pytest.mark.parametrize("on, name", [
    ("2020-06-01", "Donald Trump"),
    ("2021-01-19", "Donald Trump"),
    ("2021-01-21", "Joe Biden"),
    ("2025-01-19", "Joe Biden"),
    ("2025-01-20", "Donald Trump"),
    ("2025-11-24", "Donald Trump"),
])
def test_us_president_across_january_2025(kb, on, name):
    assert holder_name(kb, "president", "USA", on) == name
    assert holder_name(kb, "head_of_state", "USA", on) == name


def test_ministers_and_igo_heads(kb):
    assert holder_name(kb, "secretary of state", "USA", "2025-03-01") == "Marco Rubio"
    assert holder_name(kb, "foreign_minister", "USA", "2023-03-01") == "Antony Blinken"
    assert holder_name(kb, "defence_minister", "CHN", "2024-03-01") == "Dong Jun"
    assert kb.holder("defence_minister", "CHN", date(2024, 3, 1)).sector == "MIL"
    assert holder_name(kb, "foreign_minister", "DEU", "2025-06-01") == "Johann Wadephul"
    assert holder_name(kb, "chancellor", "DEU", "2023-06-01") == "Olaf Scholz"
    assert holder_name(kb, "secretary_general", "NATO", "2024-09-30") == "Jens Stoltenberg"
    assert holder_name(kb, "secretary_general", "NATO", "2024-10-02") == "Mark Rutte"
    nato = kb.holder("secretary_general", "NATO", date(2025, 1, 1))
    assert (nato.code, nato.sector) == ("NATO", "IGO")
    assert holder_name(kb, "secretary-general", "UN", "2025-01-01") == "António Guterres"


def test_a_person_acts_for_the_office_held_that_day(kb):
    rutte = kb.entry("person/nato/mark-rutte")
    assert (rutte.actor(date(2023, 1, 1)).code, rutte.actor(date(2023, 1, 1)).sector) == ("NLD", "GOV")
    assert (rutte.actor(date(2025, 1, 1)).code, rutte.actor(date(2025, 1, 1)).sector) == ("NATO", "IGO")
    khan = kb.entry("person/pak/imran-khan")
    assert (khan.actor(date(2021, 1, 1)).sector, khan.actor(date(2021, 1, 1)).office) == ("GOV", "head_of_government")
    assert (khan.actor(date(2024, 1, 1)).code, khan.actor(date(2024, 1, 1)).sector) == ("PAK", "POL")
    assert khan.actor(date(2024, 1, 1)).office is None
    takaichi = kb.entry("person/jpn/sanae-takaichi").actor(date(2025, 11, 25))
    assert (takaichi.code, takaichi.sector, takaichi.office) == ("JPN", "GOV", "head_of_government")


def test_realm_monarch_is_head_of_state_of_each_realm(kb):
    assert holder_name(kb, "head_of_state", "AUS", "2023-01-01") == "Charles III"
    assert kb.holder("head_of_state", "AUS", date(2023, 1, 1)).code == "AUS"
    assert holder_name(kb, "head_of_state", "CAN", "2021-01-01") == "Elizabeth II"
    assert holder_name(kb, "head_of_state", "BRB", "2023-01-01") == "Sandra Mason"


def test_every_state_has_heads_of_state_and_government_in_2023(kb):
    states = [e.code for e in kb.entries.values() if e.kind == "state"]
    assert len(states) == 197
    collective = {"AND", "BIH", "SMR"}  # co-princes, presidency, captains regent
    on = date(2023, 6, 1)
    assert [c for c in states if c not in collective and kb.holder("head_of_state", c, on) is None] == []
    assert [c for c in states if kb.holder("head_of_government", c, on) is None] == ["SMR"] or \
        [c for c in states if kb.holder("head_of_government", c, on) is None] == []


# ---------------------------------------------------------------- names

def test_metonyms(kb):
    assert ("RUS", "GOV") in codes(kb, "the Kremlin")
    assert ("RUS", "GOV") in codes(kb, "Kremlin")
    assert ("CHN", "GOV") in codes(kb, "Zhongnanhai")
    assert ("USA", "GOV") in codes(kb, "the White House")
    assert ("GBR", "GOV") in codes(kb, "Downing Street")
    assert ("EU", "IGO") in codes(kb, "Brussels")
    assert ("USA", "MIL") in codes(kb, "the Pentagon")
    term = kb.lookup("the Kremlin")[0]
    assert term.field == "metonyms" and term.entry_id == "state/rus"


def test_demonyms(kb):
    assert codes(kb, "Chinese") == {("CHN", "GOV")}
    assert codes(kb, "North Korean") == {("PRK", "GOV")}
    assert codes(kb, "Korean") == {("KOR", "GOV")}
    assert codes(kb, "South Korean") == {("KOR", "GOV")}
    assert kb.lookup("Chinese")[0].field == "adjectives"


def test_names_and_acronyms(kb):
    assert codes(kb, "United States") == {("USA", "GOV")}
    assert codes(kb, "US") == {("USA", "GOV")}
    assert kb.lookup("us") == []  # short acronyms match only as written
    assert codes(kb, "Taiwan") == {("TWN", "GOV")}
    assert codes(kb, "Türkiye") == {("TUR", "GOV")}
    assert codes(kb, "Papua New Guinea") == {("PNG", "GOV")}
    assert codes(kb, "Takaichi") == {("JPN", "GOV")}
    assert codes(kb, "Xi Jinping") == {("CHN", "GOV")}


def test_armed_groups_media_and_parties(kb):
    assert codes(kb, "Houthis") == {("YEM", "REB")}
    assert codes(kb, "Hamas") == {("PSE", "REB")}
    assert codes(kb, "Hezbollah") == {("LBN", "REB")}
    assert codes(kb, "M23") == {("COD", "REB")}
    assert codes(kb, "Taliban") == {("AFG", "GOV")}
    assert codes(kb, "Xinhua") == {("CHN", "MED")}
    assert codes(kb, "Yonhap") == {("KOR", "MED")}
    assert codes(kb, "KCNA") == {("PRK", "MED")}
    assert codes(kb, "IRGC") == {("IRN", "MIL")}
    assert codes(kb, "BJP") == {("IND", "POL")}
    assert codes(kb, "TSMC") == {("TWN", "BUS")}


def test_igos_and_regions(kb):
    assert codes(kb, "United Nations") == {("UN", "IGO")}
    assert codes(kb, "UN Security Council") == {("UN", "IGO")}
    assert codes(kb, "U.N.") == {("UN", "IGO")}
    assert codes(kb, "un") == set()
    assert codes(kb, "European Union") == {("EU", "IGO")}
    assert codes(kb, "European Commission") == {("EU", "IGO")}
    assert codes(kb, "G-7") == {("G7", "IGO")}
    assert codes(kb, "Group of 20") == {("G20", "IGO")}
    assert codes(kb, "International Atomic Energy Agency") == {("IAEA", "IGO")}
    assert codes(kb, "Arab League") == {("ARAB_LEAGUE", "IGO")}
    assert codes(kb, "the West") == {("WEST", "GOV")}
    assert codes(kb, "Middle East") == {("MIDDLE_EAST", "GOV")}
    assert codes(kb, "Latin America") == {("LATAM", "GOV")}


def test_the_bodies_the_conventions_name_have_their_own_codes(kb):
    assert codes(kb, "Economic Community of West African States") == {("ECOWAS", "IGO")}
    assert codes(kb, "ECOWAS") == {("ECOWAS", "IGO")}
    assert codes(kb, "Southern African Development Community") == {("SADC", "IGO")}
    assert codes(kb, "Shanghai Cooperation Organisation") == {("SCO", "IGO")}
    assert codes(kb, "BRICS") == {("BRICS", "IGO")}
    assert codes(kb, "Pacific Islands Forum") == {("PIF", "IGO")}
    assert codes(kb, "Organization of American States") == {("OAS", "IGO")}
    assert codes(kb, "International Court of Justice") == {("ICJ", "IGO")}
    assert codes(kb, "World Bank") == {("WORLD_BANK", "IGO")}
    assert codes(kb, "European Court of Justice") == {("EU", "IGO")}


# ---------------------------------------------------------------- user files

USER = """\
- {id: state/jpn, kind: state, code: JPN, name: Nippon, sector: GOV, terms: [Nippon, Japan], adjectives: [Japanese]}
- id: person/xyz/test-leader
  kind: person
  name: Ada Testperson
  code: KEN
  terms: [Ada Testperson, Testperson]
  offices:
    - {office: prime_minister, title: prime minister, start: 2030-01-01, end: null}
"""


def test_user_file_replaces_and_adds(tmp_path: Path):
    f = tmp_path / "mine.yaml"
    f.write_text(USER, encoding="utf-8")
    kb = ActorKB.load(extra=[f])
    assert kb.entry("state/jpn").name == "Nippon"
    assert kb.entry("state/jpn").origin == f"{f}:1"
    assert not any(t.entry_id == "state/jpn" for t in kb.lookup("Tokyo"))  # the replaced entry's metonym is gone
    assert kb.entry("person/xyz/test-leader").origin == f"{f}:2"
    assert holder_name(kb, "prime minister", "KEN", "2030-06-01") == "Ada Testperson"
    assert holder_name(kb, "prime minister", "JPN", "2025-11-01") == "Sanae Takaichi"  # the rest still loads
    assert check(kb) == []


BAD = """\
- {id: ok/one, kind: org, code: KEN, name: Fine Org, sector: BUS, terms: [Fine Org]}
- id: bad/two
  kind: org
  code: KEN
  sector: SPORTS
- id: bad/three
  kind: person
  code: KEN
  offices:
    - {office: head_of_state, start: 2020-02-30}
"""


def test_schema_error_names_file_line_and_field(tmp_path: Path):
    f = tmp_path / "bad.yaml"
    f.write_text(BAD, encoding="utf-8")
    with pytest.raises(KBError) as err:
        ActorKB.load(extra=[f])
    assert str(err.value).startswith(f"{f}:2: field 'sector'")
    assert "SPORTS" in str(err.value)


def test_lenient_load_reports_and_keeps_the_rest(tmp_path: Path):
    f = tmp_path / "bad.yaml"
    f.write_text(BAD, encoding="utf-8")
    kb, problems = ActorKB.load_lenient(extra=[f, tmp_path / "missing.yaml"])
    assert problems[0].startswith(f"{f}:2: field 'sector'")
    assert problems[1].startswith(f"{f}:10: field 'offices.start'")
    assert "missing.yaml" in problems[2] and "cannot read" in problems[2]
    assert "ok/one" in kb.entries and "bad/two" not in kb.entries
    assert "state/rus" in kb.entries  # shipped knowledge always loads


def test_not_yaml_names_file_and_line(tmp_path: Path):
    f = tmp_path / "broken.yaml"
    f.write_text("- {id: a, kind: org\n- b: [\n", encoding="utf-8")
    kb, problems = ActorKB.load_lenient(extra=[f])
    assert len(problems) == 1 and problems[0].startswith(f"{f}:") and "not valid YAML" in problems[0]


# ---------------------------------------------------------------- checker

def test_check_passes_on_shipped_data(kb):
    assert check(kb) == []
    c = counts(kb)
    assert c["states"] == 197
    assert c["entries.person"] >= 500
    assert c["office_terms"] >= c["entries.person"]


def test_check_finds_problems():
    text = """\
- {id: s/aaa, kind: state, code: AAA, name: Aland, terms: [Aland]}
- {id: s/bbb, kind: state, code: BBB, name: Bland, terms: [Bland, Aland]}
- {id: p/one, kind: person, code: AAA, name: One,
   offices: [{office: head_of_state, start: 2020-01-01, end: 2023-01-01}]}
- {id: p/two, kind: person, code: AAA, name: Two, offices: [{office: head_of_state, start: 2022-01-01}]}
- {id: p/three, kind: person, code: AAA, name: Three, offices: [{office: head_of_state, start: 2023-01-01}]}
- {id: p/one, kind: person, code: ZZZ, name: One again}
"""
    kb = ActorKB(parse_entries(text, "t.yaml"))
    problems = "\n".join(check(kb))
    assert "duplicate id 'p/one'" in problems
    assert "unknown code 'ZZZ'" in problems
    assert "p/two" in problems and "overlaps" in problems
    assert "term 'aland' points at several codes: AAA, BBB" in problems


# ---------------------------------------------------------------- commands

@pytest.fixture()
def app() -> typer.Typer:
    from eventwire import cli_actors

    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """test app"""

    cli_actors.register(app)
    return app


def test_actor_command_prints_json_with_origin(app):
    res = CliRunner().invoke(app, ["actor", "the Kremlin", "--on", "2025-01-01"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert (out["code"], out["sector"], out["entry"]) == ("RUS", "GOV", "state/rus")
    assert out["origin"].startswith("actors/data/countries.yaml:")


def test_actor_command_person_on_a_date(app, tmp_path: Path):
    res = CliRunner().invoke(app, ["actor", "Takaichi", "--on", "2025-11-25"])
    out = json.loads(res.output)
    assert (out["code"], out["name"], out["office"]) == ("JPN", "Sanae Takaichi", "head_of_government")
    f = tmp_path / "mine.yaml"
    f.write_text(USER, encoding="utf-8")
    res = CliRunner().invoke(app, ["actor", "Testperson", "--on", "2030-06-01", "--actors", str(f)])
    out = json.loads(res.output)
    assert out["entry"] == "person/xyz/test-leader" and out["origin"] == f"{f}:2"


def test_actors_check_command(app, tmp_path: Path):
    res = CliRunner().invoke(app, ["actors", "check"])
    assert res.exit_code == 0, res.output
    assert "entries.state" in res.output and "0 problem(s)" in res.output
    f = tmp_path / "bad.yaml"
    f.write_text(BAD, encoding="utf-8")
    res = CliRunner().invoke(app, ["actors", "check", "--actors", str(f)])
    assert res.exit_code == 1
    assert f"{f}:2: field 'sector'" in res.output


# ---------------------------------------------------------------- phrase-level resolution (the coder's rules)

@pytest.mark.slow
def test_resolve_phrases(kb):
    a = kb.resolve("Japan's prime minister", date(2025, 11, 25))
    assert a is not None and (a.code, a.name) == ("JPN", "Sanae Takaichi")
    a = kb.resolve("the Kremlin", date(2025, 1, 1))
    assert a is not None and a.code == "RUS"


# ---------------------------------------------------------------- leaders of earlier decades (older wire text)

@pytest.mark.parametrize("office, country, on, name", [
    ("president", "USA", "1985-06-01", "Ronald Reagan"),
    ("president", "USA", "1991-06-01", "George H. W. Bush"),
    ("president", "USA", "1995-06-01", "Bill Clinton"),
    ("president", "USA", "2003-06-01", "George W. Bush"),
    ("president", "USA", "2012-06-01", "Barack Obama"),
    ("secretary of state", "USA", "1990-06-01", "James Baker"),
    ("secretary of state", "USA", "2006-06-01", "Condoleezza Rice"),
    ("secretary of state", "USA", "2011-06-01", "Hillary Clinton"),
    ("head_of_state", "RUS", "1988-06-01", "Mikhail Gorbachev"),
    ("head_of_state", "RUS", "1995-06-01", "Boris Yeltsin"),
    ("head_of_state", "RUS", "2000-01-15", "Vladimir Putin"),  # acting president from the last day of 1999
    ("head_of_state", "RUS", "2010-06-01", "Dmitry Medvedev"),
    ("head_of_government", "RUS", "2010-06-01", "Vladimir Putin"),
    ("foreign_minister", "RUS", "1987-06-01", "Eduard Shevardnadze"),
    ("head_of_state", "CHN", "2000-06-01", "Jiang Zemin"),
    ("premier", "CHN", "2008-06-01", "Wen Jiabao"),
    ("head_of_government", "ISR", "1994-06-01", "Yitzhak Rabin"),
    ("head_of_government", "ISR", "1998-06-01", "Benjamin Netanyahu"),
    ("head_of_government", "ISR", "2006-02-01", "Ariel Sharon"),  # in office, though incapacitated, until April
    ("head_of_government", "ISR", "2006-06-01", "Ehud Olmert"),
    ("head_of_state", "PSE", "2000-06-01", "Yasser Arafat"),
    ("head_of_state", "IRQ", "1995-06-01", "Saddam Hussein"),
    ("head_of_government", "IRQ", "2010-06-01", "Nouri al-Maliki"),
    ("head_of_government", "IRN", "2008-06-01", "Mahmoud Ahmadinejad"),
    ("head_of_state", "SYR", "1990-06-01", "Hafez al-Assad"),
    ("head_of_government", "GBR", "1985-06-01", "Margaret Thatcher"),
    ("head_of_government", "GBR", "2012-06-01", "David Cameron"),
    ("head_of_state", "FRA", "1990-06-01", "François Mitterrand"),
    ("chancellor", "DEU", "1990-06-01", "Helmut Kohl"),
    ("foreign_minister", "DEU", "2007-06-01", "Frank-Walter Steinmeier"),
    ("secretary_general", "UN", "2000-06-01", "Kofi Annan"),
])
def test_leaders_of_earlier_decades(kb, office, country, on, name):
    assert holder_name(kb, office, country, on) == name


def test_a_leader_out_of_office_keeps_the_country_in_the_entry_sector(kb):
    obama = kb.entry("person/usa/barack-obama")
    assert (obama.actor(date(2012, 1, 1)).code, obama.actor(date(2012, 1, 1)).office) == ("USA", "head_of_state")
    assert (obama.actor(date(2020, 1, 1)).code, obama.actor(date(2020, 1, 1)).sector) == ("USA", "POL")
    assert codes(kb, "Bush") == {("USA", "POL")}  # father and son: one code, the date picks the person


def test_international_ngos_are_civilians_of_no_country(kb):
    for name in ("Amnesty International", "Human Rights Watch", "ICRC", "Red Cross", "Doctors Without Borders",
                 "MSF"):
        assert codes(kb, name) == {(None, "CVL")}, name


def test_us_agencies(kb):
    for name in ("USAID", "FBI", "CIA", "Department of Homeland Security", "State Department"):
        assert codes(kb, name) == {("USA", "GOV")}, name
    assert codes(kb, "Pentagon") == {("USA", "MIL")}


def test_gulf_arab_names_the_gulf_cooperation_council(kb):
    assert codes(kb, "Gulf Arab") == {("GCC", "IGO")}
    assert codes(kb, "Gulf Arab states") == {("GCC", "IGO")}
