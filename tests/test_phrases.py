"""Typed mentions resolved from the actor base alone (`knowledge.phrases`), on the test KB."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from eventwire.knowledge.phrases import resolve_phrase, words


def test_words_split_the_possessive():
    assert words("Kenya's prime minister") == ["Kenya", "'s", "prime", "minister"]


@pytest.mark.parametrize("mention,on,expected", [
    ("Kenya's prime minister", date(2024, 1, 10), ("KEN", "Daniel Okafor", "GOV", "head_of_government")),
    ("Kenya's prime minister", date(2025, 1, 10), ("KEN", "Grace Mwangi", "GOV", "head_of_government")),
    ("the prime minister of Kenya", date(2025, 1, 10), ("KEN", "Grace Mwangi", "GOV", "head_of_government")),
    ("Nairobi", None, ("KEN", "Kenya", "GOV", None)),
    ("Rivera", date(2025, 1, 1), ("ARG", "Lucia Rivera", "GOV", "head_of_state")),
])
def test_resolve_phrase(test_kb, mention, on, expected):
    a = resolve_phrase(test_kb, mention, on)
    assert a is not None
    assert (a.code, a.name, a.sector, a.office) == expected


def test_sector_word_takes_the_named_country(test_kb):
    a = resolve_phrase(test_kb, "Kenyan troops")
    assert a is not None and (a.code, a.sector) == ("KEN", "MIL")


def test_bare_title_names_an_office_of_no_country(test_kb):
    a = resolve_phrase(test_kb, "the president")
    assert a is not None and (a.code, a.office) == (None, "head_of_state")


def test_unknown_mention_is_none(test_kb):
    assert resolve_phrase(test_kb, "the weather") is None
    assert resolve_phrase(test_kb, "") is None


def test_kb_resolve_uses_the_phrase_rules(test_kb):
    a = test_kb.resolve("Kenya's prime minister", date(2025, 1, 10))
    assert a is not None and a.name == "Grace Mwangi"


@pytest.mark.slow
def test_actor_base_and_phrases_import_no_spacy():
    code = ("import sys\n"
            "from eventwire.knowledge.actors import ActorKB\n"
            "a = ActorKB.load().resolve('the Kremlin')\n"
            "assert a is not None and a.code == 'RUS', a\n"
            "assert 'spacy' not in sys.modules, 'spacy imported'\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")})
    assert done.returncode == 0, done.stderr
