"""The `eventwire` command line: a thin typer layer over the Python API.

    eventwire code INPUT... [--published DATE] [--format jsonl|csv|parquet|table] [-o OUT] [--errors FILE]
                   [--workers N] [--scheduler tcp://HOST:PORT] [--checkpoint FILE] [--config PIPELINE.toml]
    eventwire info [--config PIPELINE.toml]

Other command groups (actors, store and dashboard) register themselves from
their own modules.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from . import cli_scale
from . import io as ewio
from .cli_common import ProblemLog, date_option, note, warn_unpublished
from .errors import EventwireError, OutputError, output_error

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Political event data from news text (PLOVER events, actors, dates, modality, evidence).")

log = logging.getLogger("eventwire")


def coded_documents(inputs: list[str], published: date | None, problems: ProblemLog, actors: list[Path],
                    progress: bool = True, config: Path | None = None, **scale_options) -> Iterator:
    """Read inputs, report bad records, and code the good ones (in one process, or on Dask when asked)."""
    from .coder import Coder

    def documents():
        for item in ewio.read_inputs(inputs, published):
            if isinstance(item, ewio.InputProblem):
                problems.report(item.where, item.problem, item.to_dict(), item.code)
            else:
                yield item

    docs = documents()
    if any(v for v in scale_options.values()):
        from .scale import code_sharded

        yield from code_sharded(docs, actor_files=[str(a) for a in actors], config_file=config, **scale_options)
        return
    coder = Coder(actor_files=actors, config_file=config)
    results = coder.pipe(docs)
    if progress and sys.stderr.isatty():
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} documents"),
                      TimeElapsedColumn(), transient=True) as bar:
            task = bar.add_task("coding", total=None)
            for r in results:
                bar.advance(task)
                yield r
    else:
        yield from results


ConfigOption = Annotated[Path | None, typer.Option(
    "--config", help="Pipeline config (TOML): [pipeline] stages = [...], [stages.NAME] settings")]


@app.command()
def code(
    inputs: Annotated[list[str], typer.Argument(help="JSONL or .txt files, folders of them, or - for stdin")],
    published: Annotated[str | None, typer.Option(help="Publication date for .txt input (YYYY-MM-DD)")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv, parquet or table")] = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Output file (default stdout)")] = None,
    errors: Annotated[Path | None, typer.Option(help="Write skipped records here (JSONL)")] = None,
    actors: Annotated[list[Path] | None, typer.Option("--actors", help="Extra actor file(s) (YAML)")] = None,
    workers: cli_scale.Workers = 1,
    scheduler: cli_scale.Scheduler = None,
    checkpoint: cli_scale.CheckpointFile = None,
    profile: Annotated[str, typer.Option(
        help="eventwire (our columns), or gdelt: GDELT 2.0 event-table names, CSV or Parquet by -o suffix "
             "(docs/gdelt.md)")] = "eventwire",
    config: ConfigOption = None,
) -> None:
    """Code news documents into PLOVER event records."""
    pub = date_option(published)
    warn_unpublished(inputs, pub)
    _check_config(config, gdelt=profile == "gdelt")
    if profile == "gdelt":
        _code_gdelt(inputs, pub, output, errors, actors or [])
        return
    if profile != "eventwire":
        raise typer.BadParameter(f"--profile must be eventwire or gdelt, got {profile!r}")
    if fmt not in ewio.FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(ewio.FORMATS)}")
    problems = ProblemLog(errors)
    try:
        scale = cli_scale.scale_options(workers, scheduler, checkpoint, fmt, output)
        writer = cli_scale.open_writer(fmt, output, scale)
    except OutputError as e:
        raise _fail(str(e)) from None
    except (ValueError, OSError) as e:
        raise _fail(f"cannot write {output}: {e}") from None
    ndocs = 0
    try:
        for result in coded_documents(inputs, pub, problems, actors or [], config=config, **scale):
            ndocs += 1
            if result.problem:
                problems.report(f"document {result.doc_id}", result.problem, None, "E040")
                continue
            for ev in result.events:
                writer.write(ev)
        writer.close(ok=True)
        problems.close()
    except (EventwireError, OSError, ValueError) as e:  # output that cannot be written; a bad actor file
        writer.close(ok=False)
        problems.close(quiet=True)
        raise _fail(str(output_error("output", e)) if isinstance(e, OSError) else str(e)) from None
    where = f" to {output}" if output else ""
    note(f"eventwire: coded {ndocs} documents, {writer.count} events{where}"
         + (f"; skipped {problems.count} (see above{f' and {errors}' if errors else ''})"
            if problems.count else ""))
    if problems.count:
        raise typer.Exit(1)


def _fail(message: str) -> typer.Exit:
    """One message on stderr and exit status 2 (output cannot be written, a bad option or actor file)."""
    note(f"eventwire: {message}")
    return typer.Exit(2)


def _check_config(config: Path | None, gdelt: bool = False) -> tuple[str, ...] | None:
    """Read the pipeline config before anything runs: its stage list (None: the default), or exit 2."""
    if config is None:
        return None
    from .pipeline.config import read_config

    if gdelt:
        raise _fail(f"[E097] {config}: --config cannot be given with --profile gdelt yet")
    try:
        return read_config(config).stages
    except (KeyError, ValueError) as e:
        raise _fail(str(e.args[0] if isinstance(e, KeyError) else e)) from None


@app.command()
def info(config: ConfigOption = None) -> None:
    """Print the version, the model, the stages in order and the knowledge files loaded, with counts."""
    from .info import describe, render

    typer.echo(render(describe(_check_config(config))))


def _code_gdelt(inputs: list[str], pub: date | None, output: Path | None, errors: Path | None,
                actors: list[Path]) -> None:
    """`code --profile gdelt -o FILE.csv|FILE.parquet`: rows named as GDELT 2.0's event table."""
    from .gdelt import gdelt_row, write_gdelt

    if output is None or output.suffix.lower() not in (".csv", ".parquet"):
        raise typer.BadParameter("--profile gdelt needs -o FILE.csv or -o FILE.parquet")
    docs = {} if "-" in inputs else {d.id: d for d in ewio.read_inputs(inputs, pub)
                                     if not isinstance(d, ewio.InputProblem)}
    problems = ProblemLog(errors)
    rows = []
    try:
        for result in coded_documents(inputs, pub, problems, actors):
            if result.problem:
                problems.report(f"document {result.doc_id}", result.problem)
                continue
            rows.extend(gdelt_row(ev, docs.get(ev.doc_id)) for ev in result.events)
        n = write_gdelt(rows, output)
    except (OSError, ValueError) as e:
        typer.echo(f"eventwire: {e}", err=True)
        raise typer.Exit(2) from None
    finally:
        problems.close()
    typer.echo(f"eventwire: wrote {n} events (GDELT profile) to {output}", err=True)
    if problems.count:
        raise typer.Exit(1)


def _register_optional() -> None:
    """Command groups that live in their own modules."""
    import importlib

    for name in ("cli_actors", "cli_store"):
        try:
            mod = importlib.import_module(f"eventwire.{name}")
        except ModuleNotFoundError as e:
            if e.name != f"eventwire.{name}":
                raise
            continue
        mod.register(app)


_register_optional()


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="eventwire: %(levelname)s %(message)s")
    app()


if __name__ == "__main__":
    main()
