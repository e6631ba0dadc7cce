"""Pieces shared by the command groups: date options and the report of skipped input."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import typer


def date_option(value: str | None) -> date | None:
    """A YYYY-MM-DD option value, or a usage error naming it."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


class ProblemLog:
    """Reports skipped input: one line each on stderr, and the records to --errors FILE if given."""

    def __init__(self, path: Path | None) -> None:
        self.count = 0
        self.path = path
        self.fh = None
        if path is not None:
            try:
                self.fh = path.open("w", encoding="utf-8")
            except OSError as e:
                raise typer.BadParameter(f"cannot write errors file {path}: {e.strerror}") from None

    def report(self, where: str, problem: str, record: dict[str, Any] | None = None) -> None:
        self.count += 1
        typer.echo(f"eventwire: skipped {where}: {problem}", err=True)
        if self.fh is not None:
            self.fh.write(json.dumps(record or {"where": where, "problem": problem}, ensure_ascii=False) + "\n")

    def close(self) -> None:
        if self.fh is not None:
            self.fh.close()


def warn_unpublished(inputs: list[str], published: date | None) -> bool:
    """Warn once on stderr when .txt input (a file, or in a folder) is given without --published.

    Without a publication date, relative dates ("on Monday") cannot be resolved, so every event date of
    that input stays empty. Returns whether it warned.
    """
    if published is not None:
        return False
    for inp in inputs:
        p = Path(inp)
        has_txt = p.suffix.lower() == ".txt" or (p.is_dir() and any(p.rglob("*.txt")))
        if has_txt:
            typer.echo(f"eventwire: warning: {inp} is plain text and no --published was given: "
                       "relative dates cannot be resolved, so its event dates stay empty", err=True)
            return True
    return False
