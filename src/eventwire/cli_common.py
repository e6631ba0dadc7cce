"""Pieces shared by the command groups: date options, messages on stderr, the report of skipped input,
and help that reads like a man page (`ManPageGroup`)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import IO, Any

import typer
from typer.core import TyperArgument, TyperGroup, TyperOption

from .errors import FATAL_CODES, output_error, tagged
from .text import safe_text


def date_option(value: str | None) -> date | None:
    """A YYYY-MM-DD option value, or a usage error naming it."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def note(message: str) -> None:
    """One line on stderr; a closed or full stderr loses the line but is no error of its own."""
    try:
        typer.echo(message, err=True)
    except (OSError, ValueError):
        pass


class ProblemLog:
    """Reports skipped input: one line each on stderr (with its code), and the records to --errors FILE."""

    def __init__(self, path: Path | None) -> None:
        self.count = 0
        self.fatal = False  # a problem of the run's surroundings (FATAL_CODES) was reported: exit status 2
        self.path = path
        self.fh: IO[str] | None = None
        if path is not None:
            try:
                self.fh = path.open("w", encoding="utf-8")
            except OSError as e:  # one E050 line naming the file, exit status 2, as for every other output
                note(f"eventwire: {output_error(f'errors file {path}', e)}")
                raise typer.Exit(2) from None

    def report(self, where: str, problem: str, record: dict[str, Any] | None = None, code: str = "E040") -> None:
        """Count and print one skipped record; raises OutputError when the errors file cannot be written."""
        self.count += 1
        self.fatal = self.fatal or code in FATAL_CODES
        note(f"eventwire: skipped {where}: {tagged(code, safe_text(problem))}")
        if self.fh is not None:
            rec = record or {"where": where, "code": code, "problem": problem}
            try:
                self.fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            except (OSError, ValueError) as e:
                raise output_error(f"errors file {self.path}", e) from None

    def close(self, quiet: bool = False) -> None:
        """Finish the errors file; with `quiet` (after another error) a failure here is not reported."""
        if self.fh is None:
            return
        fh, self.fh = self.fh, None
        try:
            fh.close()
        except (OSError, ValueError) as e:
            if not quiet:
                raise output_error(f"errors file {self.path}", e) from None


    @property
    def exit_status(self) -> int:
        """0 when nothing was skipped, 1 when records were, 2 when an input stream could not be read."""
        return 2 if self.fatal else 1 if self.count else 0


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


# ---------------------------------------------------------------------------- help without type metavars


def _no_type(ctx: Any = None) -> None:
    return None


def plain_help(command: Any) -> None:
    """Help of `command` and every command under it without typer's type column (`<str>`, `<list[Path]>`).

    An option that takes a value names it with its own `metavar=` (FILE, DATE, N), set where it is
    declared; what `metavar=` cannot reach is done here: a flag and --help show no value, and an argument
    shows only its name (its metavar).
    """
    from typer import _click

    ctx = _click.Context(command)
    help_option = command.get_help_option(ctx)  # made once and kept by the command
    for param in [*command.params, *([help_option] if help_option is not None else [])]:
        if isinstance(param, TyperArgument):
            param.display_type_rich = _no_type  # type: ignore[method-assign]
        elif isinstance(param, TyperOption) and param.is_flag and param.metavar is None:
            param.metavar = ""
    for sub in getattr(command, "commands", {}).values():
        plain_help(sub)


class ManPageGroup(TyperGroup):
    """The root command group: its help, and every subcommand's, without type metavars (`plain_help`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        plain_help(self)
