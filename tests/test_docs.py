"""Every command has help and is mentioned in the README (a command nobody can find does not exist)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from eventwire.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[tuple[str, object]]:
    root = typer.main.get_command(app)
    out = []

    def walk(prefix: str, cmd) -> None:
        if hasattr(cmd, "commands"):  # a group (typer carries its own click)
            for name, sub in cmd.commands.items():
                walk(f"{prefix} {name}".strip(), sub)
        else:
            out.append((prefix, cmd))

    walk("", root)
    return out


@pytest.mark.parametrize("name,cmd", _commands(), ids=[n for n, _ in _commands()])
def test_command_has_help_and_readme_mention(name: str, cmd):
    assert (cmd.help or "").strip(), f"`eventwire {name}` has no help text"
    top = name.split()[0]
    assert f"eventwire {top}" in README, f"`eventwire {top}` is not mentioned in README.md"
