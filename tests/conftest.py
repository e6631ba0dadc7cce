"""Shared fixtures: the spaCy model (loaded once) and a small actor KB written for the tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", REPO.parent / "shared"))

KB_YAML = """
- {id: t/usa, kind: state, code: USA, name: United States, sector: GOV, terms: [United States, U.S., US],
   adjectives: [American, U.S.], metonyms: [Washington, White House]}
- {id: t/chn, kind: state, code: CHN, name: China, sector: GOV, terms: [China], adjectives: [Chinese],
   metonyms: [Beijing]}
- {id: t/jpn, kind: state, code: JPN, name: Japan, sector: GOV, terms: [Japan], adjectives: [Japanese],
   metonyms: [Tokyo]}
- {id: t/fra, kind: state, code: FRA, name: France, sector: GOV, terms: [France], adjectives: [French],
   metonyms: [Paris]}
- {id: t/bra, kind: state, code: BRA, name: Brazil, sector: GOV, terms: [Brazil], adjectives: [Brazilian],
   metonyms: [Brasilia]}
- {id: t/arg, kind: state, code: ARG, name: Argentina, sector: GOV, terms: [Argentina], adjectives: [Argentine],
   metonyms: [Buenos Aires]}
- {id: t/ken, kind: state, code: KEN, name: Kenya, sector: GOV, terms: [Kenya], adjectives: [Kenyan],
   metonyms: [Nairobi]}
- {id: t/nato, kind: igo, code: NATO, name: NATO, sector: IGO, terms: [NATO]}
- {id: t/atc, kind: igo, code: ATC, name: Atlantic Trade Court, sector: IGO, terms: [Atlantic Trade Court]}
- {id: t/ngo, kind: org, code: null, name: Open Hands Watch, sector: CVL, terms: [Open Hands Watch]}
- {id: t/p/rivera, kind: person, code: ARG, name: Lucia Rivera, terms: [Lucia Rivera, Rivera],
   offices: [{office: head_of_state, title: president, start: 2023-01-01}]}
- {id: t/p/okafor, kind: person, code: KEN, name: Daniel Okafor, terms: [Daniel Okafor, Okafor],
   offices: [{office: head_of_government, title: prime minister, start: 2020-01-01, end: 2024-06-30}]}
- {id: t/p/mwangi, kind: person, code: KEN, name: Grace Mwangi, terms: [Grace Mwangi, Mwangi],
   offices: [{office: head_of_government, title: prime minister, start: 2024-07-01}]}
"""


CHROMIUM = "/usr/bin/chromium"  # Debian's chromium; no browser is ever downloaded
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright, shared by the browser tests (skipped when missing)."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run this")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e .[dev])")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def nlp():
    from eventwire import nlp as nlp_mod

    return nlp_mod.load()


@pytest.fixture(scope="session")
def test_kb():
    from eventwire.knowledge.actors import ActorKB, parse_entries, shipped_files

    entries = []
    for name, text in shipped_files():
        if name.endswith(("sectors.yaml", "titles.yaml")):
            entries.extend(parse_entries(text, name))
    entries.extend(parse_entries(KB_YAML, "tests/conftest.py"))
    return ActorKB(entries)


@pytest.fixture(scope="session")
def coder(test_kb):
    from eventwire.coder import Coder

    return Coder(kb=test_kb)


@pytest.fixture(scope="session")
def code(coder):
    """code(text, published) -> list of event dicts."""
    from datetime import date

    from eventwire.records import Document

    def run(text: str, published: str | None = "2025-03-12") -> list[dict]:
        pub = date.fromisoformat(published) if published else None
        return [e.to_dict() for e in coder.code(Document("t", text, pub))]

    return run


def triples(events: list[dict]) -> set[tuple]:
    return {(e["event_type"], (e["source"] or {}).get("code"), (e["target"] or {}).get("code"), e["modality"])
            for e in events}


MODEL_FIXTURES = {"nlp", "coder", "code", "browser"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that asks for the model, the coder or the browser is slow, marked or not."""
    for item in items:
        if MODEL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="module")
def store_cli():
    """A command-line app holding just the store commands (ingest, query), for CliRunner."""
    import typer

    from eventwire import cli_store

    a = typer.Typer()

    @a.callback()
    def main() -> None:
        """test app"""

    cli_store.register(a)
    return a
