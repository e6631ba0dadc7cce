"""`docs/errors.md` documents the error catalogue: every code once, with its title, meaning and an example."""

from __future__ import annotations

import re
from pathlib import Path

import eventwire
from eventwire.errors import CATALOGUE

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "errors.md"
HEADING = re.compile(r"^### (E\d{3}) (.+)$", re.M)
SECTION = re.compile(r"^### (E\d{3}) .+\n\n(?P<meaning>.+)\n\n```\n(?P<example>.+)\n```$", re.M)


def documented() -> list[tuple[str, str]]:
    return HEADING.findall(PAGE.read_text(encoding="utf-8"))


def test_every_catalogue_code_is_documented_with_its_title():
    assert documented() == [(e.code, e.title) for e in CATALOGUE.values()]


def test_every_documented_code_exists():
    unknown = [code for code, _ in documented() if code not in CATALOGUE]
    assert unknown == []


def test_every_section_gives_the_meaning_and_an_example():
    sections = {m.group(1): m for m in SECTION.finditer(PAGE.read_text(encoding="utf-8"))}
    assert sorted(sections) == sorted(CATALOGUE)
    for code, m in sections.items():
        assert m.group("meaning") == CATALOGUE[code].advice, code
        assert m.group("example").strip(), code


def test_every_code_the_package_raises_is_in_the_catalogue():
    used: dict[str, str] = {}
    for path in Path(eventwire.__file__).parent.rglob("*.py"):
        if path.name == "errors.py":  # the catalogue itself (its docstring names ranges)
            continue
        for code in re.findall(r"\bE\d{3}\b", path.read_text(encoding="utf-8")):
            used.setdefault(code, path.name)
    assert {c: where for c, where in used.items() if c not in CATALOGUE} == {}
