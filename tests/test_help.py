"""`--help` of every command reads like a man page: values named (FILE, DATE, N), never typer's type metavars."""

from __future__ import annotations

import re

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from eventwire.cli import app

# typer's own type column (`<str>`, `<list[Path]>`, `<int range>`, `<bool>`) and click's older names
TYPE_METAVAR = re.compile(r"<[a-z][\w\[\], |]*>|\b(TEXT|INTEGER|FLOAT|BOOLEAN|PATH|FILENAME|DIRECTORY|INT RANGE)\b")


def _commands() -> list[list[str]]:
    paths: list[list[str]] = []

    def walk(cmd, path: list[str]) -> None:
        paths.append(path)
        for name, sub in getattr(cmd, "commands", {}).items():
            walk(sub, [*path, name])

    walk(get_command(app), [])
    return paths


COMMANDS = _commands()


def test_every_command_is_walked():
    assert {" ".join(p) for p in COMMANDS} >= {"", "code", "convert", "ingest", "serve", "query dyad",
                                               "query events", "actors check"}


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) or "eventwire" for p in COMMANDS])
def test_help_shows_no_type_metavars(path: list[str]):
    r = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "200"}, prog_name="eventwire")
    assert r.exit_code == 0, r.output
    assert "Show this message and exit." in r.output
    found = sorted({m.group(0) for m in TYPE_METAVAR.finditer(r.output)})
    assert found == [], f"`eventwire {' '.join(path)} --help` shows {found}:\n{r.output}"


def _help_row(output: str, option: str) -> str:
    return next(line for line in output.splitlines() if re.search(rf"│ {re.escape(option)}\b", line))


def test_values_are_named_for_what_they_are():
    out = CliRunner().invoke(app, ["code", "--help"], env={"COLUMNS": "200"}).output
    assert re.search(r"--output\s+-o\s+FILE\s", _help_row(out, "--output"))
    assert re.search(r"--published\s+DATE\s", _help_row(out, "--published"))
    assert re.search(r"--workers\s+N\s", _help_row(out, "--workers"))
    assert re.search(r"│ \*\s+INPUT\s+JSONL", out)  # the argument by its name alone
    assert re.search(r"--help\s+Show this message", _help_row(out, "--help"))  # a flag takes no value
