"""Store commands for the `eventwire` CLI (registered by `cli.py` through `register(app)`).

    eventwire ingest INPUT... [--db PATH] [--published DATE] [--actors FILE] [--errors FILE]
                     [--workers N] [--scheduler tcp://HOST:PORT] [--checkpoint FILE]
    eventwire query events|dyad|network|document|actors [--db PATH] [--json]
    eventwire serve [--db PATH] [--host 127.0.0.1] [--port 8000] [--allow-host NAME]...

`ingest` takes documents (coded on the way in) and already-coded event
records (JSON Lines with `event_type`, as `eventwire code` writes them),
in any mix: a document whose events are among the inputs is stored with
those events and not coded again.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import cli_scale
from . import io as ewio
from .cli_common import ProblemLog, date_option, note, warn_unpublished
from .errors import EventwireError, OutputError, output_error, tagged
from .records import Document, Event
from .text import json_text, rich_text, safe_text

if TYPE_CHECKING:
    from .store import Store

# The store (DuckDB, pandas) and the ingest loop are imported by the commands that use them, not when the
# command line starts: `eventwire code` and `eventwire actor` never touch a store.

DbOption = Annotated[Path, typer.Option("--db", envvar="EVENTWIRE_DB", metavar="FILE", help="The DuckDB store file")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (as the web API answers) instead of a table")]
StartOption = Annotated[str | None, typer.Option(metavar="DATE", help="First day: YYYY-MM-DD, YYYY-MM or YYYY")]
EndOption = Annotated[str | None, typer.Option(metavar="DATE", help="Last day: YYYY-MM-DD, YYYY-MM or YYYY")]
ModalityOption = Annotated[list[str] | None, typer.Option(
    "--modality", metavar="MODALITY",
    help="asserted (what counts count by default), planned, negated, hypothetical, or all; repeatable")]
TypeOption = Annotated[list[str] | None, typer.Option("--type", metavar="TYPE", help="PLOVER type (repeatable)")]
QuadOption = Annotated[list[int] | None, typer.Option("--quad", metavar="N", help="Quad class 1..4 (repeatable)")]
TextOption = Annotated[str | None, typer.Option("--text", metavar="WORDS", help="Words in the sentence")]
DEFAULT_DB = Path("eventwire.duckdb")
BATCH_DOCS = 200

query_app = typer.Typer(add_completion=False, no_args_is_help=True, help="Query the event store.")


def to_records(frame: Any) -> list[dict[str, Any]]:
    """`store.to_records`, imported when a query answers."""
    from .store import to_records as records

    return records(frame)


def _fail(message: str, code: int = 2) -> typer.Exit:
    note(f"eventwire: {message}")
    return typer.Exit(code)


_TAGGED = re.compile(r"E\d{3} ")


def _store_fail(e: Exception) -> typer.Exit:
    """Exit 2 with the store's or the query's message, tagged with its catalogue code (unless it has one)."""
    from .store import NotFound, QueryError, StoreBusy, StoreError

    message = str(e)
    if not _TAGGED.match(message):
        for kind, code in ((NotFound, "E063"), (QueryError, "E062"), (StoreBusy, "E060"), (StoreError, "E061")):
            if isinstance(e, kind):
                message = tagged(code, message)
                break
    return _fail(message)


# ---------------------------------------------------------------------------- ingest

def read_ingest_inputs(inputs: Iterable[str], published: date | None = None,
                       ) -> Iterator[Document | Event | ewio.InputProblem]:
    """Documents, coded events and problems from paths, folders or '-' (stdin): the one reader, with events."""
    return ewio.read_inputs(inputs, published, events=True)


def ingest(
    inputs: Annotated[list[str], typer.Argument(
        metavar="INPUT", help="JSONL (documents or coded events), .txt, folders, or -")],
    db: DbOption = DEFAULT_DB,
    published: Annotated[str | None, typer.Option(
        metavar="DATE", help="Publication date for .txt input (YYYY-MM-DD)")] = None,
    actors: Annotated[list[Path] | None, typer.Option(
        "--actors", metavar="FILE", help="Extra actor file(s) (YAML)")] = None,
    errors: Annotated[Path | None, typer.Option(metavar="FILE", help="Write skipped records here (JSONL)")] = None,
    batch: Annotated[int, typer.Option(min=1, metavar="N", help="Documents per transaction")] = BATCH_DOCS,
    wait: Annotated[float, typer.Option(
        min=0, metavar="SECONDS", help="Seconds to wait for a store another process holds")] = 10.0,
    workers: cli_scale.Workers = 1,
    scheduler: cli_scale.Scheduler = None,
    checkpoint: cli_scale.CheckpointFile = None,
) -> None:
    """Code documents and store them with their events (a document ingested again is replaced)."""
    from .ingest import Ingest
    from .store import Store, StoreError

    pub = date_option(published)
    warn_unpublished(inputs, pub)
    scale = cli_scale.scale_options(workers, scheduler, checkpoint)
    problems = ProblemLog(errors)

    def report(where: str, code: str, problem: str, record: dict[str, Any] | None) -> None:
        problems.report(where, problem, record, code)

    def code(docs: Iterable[Document]) -> Iterator[Any]:
        return cli_scale.coded(docs, actors or [], scale)  # coded here or on workers, in order

    try:
        with Store.open(db, wait=wait) as store:
            counts = Ingest(store, code, report, batch).run(read_ingest_inputs(inputs, pub))
            store.checkpoint()
        problems.close()
    # the store or the --errors file cannot be written (a full disk, E050), a closed stream, a bad actor file
    except (StoreError, EventwireError, ValueError) as e:
        problems.close(quiet=True)
        raise _store_fail(e) from None
    note(f"eventwire: stored {counts.documents} documents ({counts.coded} coded now), {counts.events} events "
         f"in {db}" + (f"; skipped {problems.count} (see above{f' and {errors}' if errors else ''})"
                       if problems.count else ""))
    if problems.count:
        raise typer.Exit(problems.exit_status)


# ---------------------------------------------------------------------------- query

def _open(db: Path) -> Store:
    from .store import Store, StoreError

    try:
        return Store.open(db, read_only=True)
    except StoreError as e:
        raise _store_fail(e) from None


@contextmanager
def _stdout() -> Iterator[None]:
    """Printing to standard output: a closed or full stream is one OutputError (E050), not a traceback."""
    if sys.stdout is None:  # started with stdout closed (>&-)
        raise OutputError("cannot write standard output: it is closed")
    try:
        yield
        sys.stdout.flush()
    except (OSError, ValueError) as e:
        try:  # what is left in the buffer would fail again at exit: send it nowhere
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        raise output_error("standard output", e) from None


def _echo(text: str) -> None:
    """A line of stored text on standard output, control characters written out."""
    with _stdout():
        typer.echo(safe_text(text))


def _show(payload: dict[str, Any], as_json: bool, tables: list[tuple[str, list[dict[str, Any]], list[str]]]) -> None:
    """Print the payload as JSON, or the tables; text from the store is shown, never obeyed (text.py)."""
    if as_json:
        with _stdout():
            typer.echo(json_text(payload, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(140, Console().width))
    for title, rows, columns in tables:
        table = Table(title=rich_text(title))
        for c in columns:
            header = c.removesuffix("_code").replace("_", " ")
            numeric = bool(rows) and isinstance(rows[0].get(c), int | float)
            table.add_column(header, overflow="fold", justify="right" if numeric else "left",
                             no_wrap=c not in ("text", "trigger_text", "source_name", "target_name"))
        for r in rows:
            table.add_row(*("" if r.get(c) is None else f"{r[c]:.2f}" if isinstance(r[c], float) else rich_text(r[c])
                            for c in columns))
        with _stdout():
            console.print(table)


def _run_query(db: Path, fn: Any) -> None:
    from .knowledge.actors import actor_names
    from .store import QueryError

    with _open(db) as store:
        store.known_codes = frozenset(actor_names())  # a known actor with no events: an empty series
        try:
            fn(store)
        except (QueryError, OutputError) as e:
            raise _store_fail(e) from None


@query_app.command("events")
def query_events(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[list[str] | None, typer.Option(
        "--actor", metavar="CODE", help="Code as source or target (repeatable)")] = None,
    dyad: Annotated[tuple[str, str] | None, typer.Option(metavar="A B", help="Two codes: events between them")] = None,
    one_way: Annotated[bool, typer.Option(help="--dyad A B: only A acting on B")] = False,
    event_type: TypeOption = None,
    quad: QuadOption = None,
    modality: Annotated[list[str] | None, typer.Option(
        "--modality", metavar="MODALITY", help="Modality (repeatable; every one unless given)")] = None,
    start: StartOption = None,
    end: EndOption = None,
    text: TextOption = None,
    limit: Annotated[int, typer.Option(metavar="N", help="Events to show")] = 20,
    offset: Annotated[int, typer.Option(metavar="N", help="Events to pass over first (for the next page)")] = 0,
    as_json: JsonOption = False,
) -> None:
    """Events matching all filters, newest first."""
    def run(s: Store) -> None:
        filters = dict(actors=actor, dyad=dyad, both_directions=not one_way, event_type=event_type,
                       quad_class=quad, modality=modality, start=start, end=end, text=text)
        rows = to_records(s.events(**filters, limit=limit, offset=offset))
        total = s.count_events(**filters)
        cols = ["date", "source_code", "event_type", "target_code", "modality", "confidence", "trigger_text",
                "event_id"]
        _show({"total": total, "limit": limit, "offset": offset, "events": rows}, as_json,
              [(f"{len(rows)} of {total} events", rows, cols)])
    _run_query(db, run)


@query_app.command("dyad")
def query_dyad(
    a: Annotated[str, typer.Argument(metavar="A", help="Actor code")],
    b: Annotated[str | None, typer.Argument(metavar="B", help="Second actor code (absent: A against all)")] = None,
    db: DbOption = DEFAULT_DB,
    freq: Annotated[str, typer.Option(metavar="PERIOD", help="day, week, month or year")] = "month",
    one_way: Annotated[bool, typer.Option(help="Only A acting on B")] = False,
    start: StartOption = None,
    end: EndOption = None,
    modality: ModalityOption = None,
    event_type: TypeOption = None,
    quad: QuadOption = None,
    text: TextOption = None,
    as_json: JsonOption = False,
) -> None:
    """Counts per period by quad class (q1..q4) with Goldstein mean and sum (asserted events unless asked)."""
    from .counts import series_report

    def run(s: Store) -> None:
        df, head = series_report(s, a, b, freq=freq, both_directions=not one_way, start=start, end=end,
                                 modality=modality, event_type=event_type, quad_class=quad, text=text)
        rows = to_records(df)
        cols = ["period", "q1", "q2", "q3", "q4", "count", "goldstein_mean", "goldstein_sum"]
        label = f"{a} {'->' if one_way else '<->'} {b}" if b else f"{a} with everyone"
        counted = ", ".join(modality) if modality else "asserted"
        _show({"a": a, "b": b, "freq": freq, "both_directions": not one_way, "modality": modality or ["asserted"],
               **head, "series": rows}, as_json, [(f"{label}, per {freq} ({counted} events)", rows, cols)])
        if not as_json:
            if any(m != "asserted" for m in head["counted"]):
                _echo("counted: " + ", ".join(f"{n} {m}" for m, n in head["counted"].items()))
            for m, n in head["left_out"].items():
                _echo(f"not counted: {n} {m} (add --modality {m} or --modality all)")
            if head["skipped_imprecise"]:
                _echo(f"not shown per {freq}: {head['skipped_imprecise']} dated only to a month or a year")
    _run_query(db, run)


@query_app.command("network")
def query_network(
    db: DbOption = DEFAULT_DB,
    start: StartOption = None,
    end: EndOption = None,
    min_count: Annotated[int, typer.Option(metavar="N", help="Leave out pairs with fewer events")] = 1,
    modality: ModalityOption = None,
    event_type: TypeOption = None,
    quad: QuadOption = None,
    text: TextOption = None,
    as_json: JsonOption = False,
) -> None:
    """Who acts on whom: directed edges with counts and mean Goldstein (asserted events unless asked)."""
    def run(s: Store) -> None:
        net = s.network(start=start, end=end, min_count=min_count, modality=modality, event_type=event_type,
                        quad_class=quad, text=text)
        nodes, edges = to_records(net.nodes), to_records(net.edges)
        _show({"nodes": nodes, "edges": edges}, as_json,
              [("edges", edges, ["source", "target", "count", "goldstein_mean"]),
               ("nodes", nodes, ["code", "count"])])
    _run_query(db, run)


@query_app.command("document")
def query_document(
    doc_id: Annotated[str, typer.Argument(metavar="DOC_ID", help="Document id")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """A document with its events and their character offsets."""
    def run(s: Store) -> None:
        view = s.document(doc_id)
        rows = to_records(view.events)
        if not as_json:
            d = view.document
            _echo(f"{d['id']}  {d['published'] or ''}  {d['source'] or ''}\n{d['title'] or ''}\n")
            _echo((d["text"] or "(text not stored)") + "\n")
        _show({"document": view.document, "events": rows}, as_json,
              [("events", rows, ["event_id", "source_code", "event_type", "target_code", "modality",
                                 "trigger_text", "trigger_start", "trigger_end"])])
    _run_query(db, run)


@query_app.command("actors")
def query_actors(db: DbOption = DEFAULT_DB, as_json: JsonOption = False) -> None:
    """Actor codes in the store with their event counts."""
    def run(s: Store) -> None:
        rows = to_records(s.actors())
        _show({**s.counts(), "actors": rows}, as_json, [("actors", rows, ["code", "count", "as_source",
                                                                          "as_target"])])
    _run_query(db, run)


# ---------------------------------------------------------------------------- serve

def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(
        metavar="HOST", help="Address to bind (keep 127.0.0.1 unless behind a proxy)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, metavar="PORT", help="TCP port to listen on")] = 8000,
    root_path: Annotated[str, typer.Option(
        metavar="PREFIX", help="URL prefix when served behind a proxy under a path")] = "",
    allow_host: Annotated[list[str] | None, typer.Option(
        "--allow-host", metavar="NAME", help="Accept this Host header name too (repeatable); by default only the "
                                             "loopback names and --host are (docs/security.md)")] = None,
) -> None:
    """Serve the read-only JSON API and the dashboard."""
    import uvicorn

    from .store import StoreError
    from .web.app import LOOPBACK_HOSTS, allowed_hosts, create_app, host_entry

    bad = [h for h in allow_host or [] if host_entry(h) is None]
    if bad:
        raise typer.BadParameter(f"--allow-host: not a host name: {bad[0]!r}")
    try:
        app = create_app(db, hosts=allowed_hosts(host, allow_host or []))
    except StoreError as e:
        raise _store_fail(e) from None
    if host not in LOOPBACK_HOSTS:
        typer.echo(f"eventwire: warning: serving on {host} without authentication; see docs/store.md (Security). "
                   "Requests must name an allowed host: add the names clients use with --allow-host", err=True)
    typer.echo(f"eventwire: serving {db} at http://{host}:{port}/ (API docs at /docs); Ctrl-C stops", err=True)
    uvicorn.run(app, host=host, port=port, root_path=root_path, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add ingest, query and serve to the main CLI."""
    app.command("ingest")(ingest)
    app.add_typer(query_app, name="query")
    app.command("serve")(serve)
