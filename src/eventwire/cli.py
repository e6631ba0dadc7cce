"""The `eventwire` command line: a thin typer layer over the Python API.

    eventwire code INPUT... [--published DATE] [--format jsonl|csv|parquet|table] [-o OUT ...] [--errors FILE]
                   [--workers N] [--scheduler tcp://HOST:PORT] [--checkpoint FILE] [--config PIPELINE.toml]
    eventwire convert EVENTS.jsonl -o OUT [-o OUT ...] [--errors FILE]
    eventwire info [--config PIPELINE.toml]

Other command groups (actors, store and dashboard) register themselves from
their own modules.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from . import cli_scale
from . import io as ewio
from .cli_common import ManPageGroup, ProblemLog, date_option, note, warn_unpublished
from .errors import EventwireError, output_error
from .records import Document

app = typer.Typer(add_completion=False, no_args_is_help=True, cls=ManPageGroup,
                  help="Political event data from news text (PLOVER events, actors, dates, modality, evidence).")

log = logging.getLogger("eventwire")


def coded_documents(inputs: list[str], published: date | None, problems: ProblemLog, actors: list[Path],
                    progress: bool = True, heads: dict[str, Document] | None = None, config: Path | None = None,
                    **scale_options) -> Iterator:
    """Read inputs, report bad records, and code the good ones (in one process, or on Dask when asked).

    With `heads`, each document read is also put there by id without its text (published, source, title),
    for outputs that need them beside the events; the caller pops each when its result has come back.
    """
    from .coder import Coder

    def documents():
        for item in ewio.read_inputs(inputs, published):
            if isinstance(item, ewio.InputProblem):
                problems.report(item.where, item.problem, item.to_dict(), item.code)
            else:
                if heads is not None:
                    heads[item.id] = replace(item, text="")
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


OutputFiles = Annotated[list[Path] | None, typer.Option(
    "--output", "-o", metavar="FILE",
    help="Output file, or - for stdout; give -o again for more outputs of one run, each in the format of its "
         "suffix (.jsonl, .csv, .parquet) (default: stdout)")]
OutputFormat = Annotated[str | None, typer.Option(
    "--format", "-f", metavar="FORMAT",
    help="jsonl, csv, parquet or table: for stdout, or an -o whose suffix names no format (default: jsonl)")]
ErrorsFile = Annotated[Path | None, typer.Option(metavar="FILE", help="Write skipped records here (JSONL)")]
Profile = Annotated[str, typer.Option(
    metavar="PROFILE",
    help="eventwire (our columns), or gdelt: GDELT 2.0 event-table names, CSV or Parquet by -o suffix "
         "(docs/gdelt.md)")]


def _profile(profile: str) -> str:
    if profile not in ("eventwire", "gdelt"):
        raise typer.BadParameter(f"--profile must be eventwire or gdelt, got {profile!r}")
    return profile


def _gdelt_sinks(output: list[Path] | None, docs: Mapping[str, Document]) -> list:
    """A GDELT-profile writer per -o (each a .csv or .parquet file), or a usage error. `docs` is looked up
    as each event is written, so it may be filled while coding (`coded_documents(heads=...)`)."""
    from .gdelt import GdeltWriter

    try:
        if not output:
            raise ValueError("--profile gdelt needs -o FILE.csv or -o FILE.parquet")
        return [GdeltWriter(o, docs) for o in output]
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None


ConfigOption = Annotated[Path | None, typer.Option(
    "--config", metavar="FILE", help="Pipeline config (TOML): [pipeline] stages = [...], [stages.NAME] settings")]


@app.command()
def code(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT",
                                                help="JSONL or .txt files, folders of them, or - for stdin")],
    published: Annotated[str | None, typer.Option(metavar="DATE",
                                                  help="Publication date for .txt input (YYYY-MM-DD)")] = None,
    fmt: OutputFormat = None,
    output: OutputFiles = None,
    errors: ErrorsFile = None,
    actors: Annotated[list[Path] | None, typer.Option("--actors", metavar="FILE",
                                                      help="Extra actor file(s) (YAML)")] = None,
    workers: cli_scale.Workers = 1,
    scheduler: cli_scale.Scheduler = None,
    checkpoint: cli_scale.CheckpointFile = None,
    profile: Profile = "eventwire",
    config: ConfigOption = None,
) -> None:
    """Code news documents into PLOVER event records, written to one output or several in one run."""
    pub = date_option(published)
    warn_unpublished(inputs, pub)
    gdelt = _profile(profile) == "gdelt"
    _check_config(config, gdelt=gdelt)
    problems: ProblemLog
    heads: dict[str, Document] | None = None
    if gdelt:
        # the documents in flight give DATEADDED, SOURCEURL and the title; the inputs are read once (stdin too)
        heads = {}
        sinks = _gdelt_sinks(output, heads)
        scale = cli_scale.scale_options(workers, scheduler, checkpoint)
        problems = ProblemLog(errors)
        outputs = _open_outputs([], None, problems, sinks)
    else:
        targets = _targets(output, fmt)
        parts = [(f, p) for f, p in targets if cli_scale.is_parquet_dir(f, p)]
        if len(parts) > 1:
            raise typer.BadParameter("only one -o can be a folder of Parquet parts")
        scale = cli_scale.scale_options(workers, scheduler, checkpoint, *(parts[0] if parts else ()))
        problems = ProblemLog(errors)
        outputs = _open_outputs(targets, scale.get("parquet_dir"), problems)
    ndocs = 0
    try:
        for result in coded_documents(inputs, pub, problems, actors or [], heads=heads, config=config, **scale):
            ndocs += 1
            if result.problem:
                problems.report(f"document {result.doc_id}", result.problem, None, "E040")
            else:
                for ev in result.events:
                    outputs.write(ev)
            if heads is not None:
                heads.pop(result.doc_id, None)  # its events are written
            if not outputs.alive:
                break
    except (EventwireError, OSError, ValueError) as e:  # output that cannot be written; a bad actor file
        outputs.close(ok=False)
        problems.close(quiet=True)
        raise _fail(str(output_error("output", e)) if isinstance(e, OSError) else str(e)) from None
    _finish(outputs, problems, errors, f"coded {ndocs} documents, {outputs.count} events")


def _targets(output: list[Path] | None, fmt: str | None) -> list[tuple[str, Path | None]]:
    """(format, path) of each -o, or a usage error naming what is wrong."""
    try:
        return ewio.output_targets(output, fmt)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None


def _open_outputs(targets: list[tuple[str, Path | None]], parts_dir: Path | None, problems: ProblemLog,
                  sinks: list | None = None) -> ewio.EventOutputs:
    """Every output opened (a folder of Parquet parts is written by the shards themselves; `sinks` are
    writers already made); one that cannot be opened is reported and the others are kept; none at all is
    exit status 2."""
    outputs = ewio.EventOutputs(on_failure=lambda e: note(f"eventwire: {e}"))
    for sink in sinks or []:
        outputs.add(sink)
    for fmt, path in targets:
        if parts_dir is not None and path == parts_dir:
            outputs.add(cli_scale.PartsCounter(path))
        else:
            outputs.open(fmt, path)
    if not outputs.alive:
        problems.close(quiet=True)
        raise typer.Exit(2)
    return outputs


def _finish(outputs: ewio.EventOutputs, problems: ProblemLog, errors: Path | None, done: str) -> None:
    """Finish the outputs and the errors file, print what was done; exit 2 when an output was lost, 1 when
    input was skipped."""
    try:
        outputs.close(ok=True)
        problems.close()
    except EventwireError as e:  # the errors file
        raise _fail(str(e)) from None
    names = [s.name for s in outputs.written if s.name != "standard output"]
    lost = len(outputs.failures)
    note(f"eventwire: {done}" + (f" to {', '.join(names)}" if names else "")
         + (f"; skipped {problems.count} (see above{f' and {errors}' if errors else ''})" if problems.count else "")
         + (f"; {lost} output{'s' if lost > 1 else ''} not written (see above)" if lost else ""))
    if lost:
        raise typer.Exit(2)
    if problems.count:
        raise typer.Exit(problems.exit_status)


@app.command()
def convert(
    inputs: Annotated[list[str], typer.Argument(
        metavar="EVENTS", help="Coded events as JSON Lines (what `code` writes), folders of them, or - for stdin")],
    output: Annotated[list[Path], typer.Option(
        "--output", "-o", metavar="FILE",
        help="Output file, or - for stdout; give -o again for more, each in the format of its suffix "
             "(.jsonl, .csv, .parquet)")],
    fmt: OutputFormat = None,
    errors: ErrorsFile = None,
    profile: Profile = "eventwire",
) -> None:
    """Write coded events in other formats (CSV, Parquet, JSONL) without coding the documents again."""
    if _profile(profile) == "gdelt":
        sinks = _gdelt_sinks(output, {})  # DATEADDED from each record's `published`
        problems = ProblemLog(errors)
        outputs = _open_outputs([], None, problems, sinks)
    else:
        targets = _targets(output, fmt)
        problems = ProblemLog(errors)
        outputs = _open_outputs(targets, None, problems)

    def skipped(p: ewio.InputProblem) -> None:
        problems.report(p.where, p.problem, p.to_dict(), p.code)

    try:
        n = ewio.convert_events(inputs, outputs, skipped)
    except EventwireError as e:  # the errors file cannot be written
        outputs.close(ok=False)
        problems.close(quiet=True)
        raise _fail(str(e)) from None
    _finish(outputs, problems, errors, f"converted {n} events")


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
