"""Store commands for the `eventwire` CLI (registered by `cli.py` through `register(app)`).

    eventwire ingest INPUT... [--db PATH] [--published DATE] [--actors FILE] [--errors FILE]
                     [--workers N] [--scheduler tcp://HOST:PORT] [--checkpoint FILE]
    eventwire query events|dyad|network|document|actors [--db PATH] [--json]
    eventwire serve [--db PATH] [--host 127.0.0.1] [--port 8000]

`ingest` takes documents (coded on the way in) and already-coded event
records (JSON Lines with `event_type`, as `eventwire code` writes them),
in any mix: a document whose events are among the inputs is stored with
those events and not coded again.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from . import cli_scale
from . import io as ewio
from .cli_common import ProblemLog, warn_unpublished
from .records import EVENT_TYPES, MODALITIES, Document, Event
from .store import QueryError, Store, StoreError, to_records

DbOption = Annotated[Path, typer.Option("--db", envvar="EVENTWIRE_DB", help="The DuckDB store file")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (as the web API answers) instead of a table")]
StartOption = Annotated[str | None, typer.Option(help="First day: YYYY-MM-DD, YYYY-MM or YYYY")]
EndOption = Annotated[str | None, typer.Option(help="Last day: YYYY-MM-DD, YYYY-MM or YYYY")]
ModalityOption = Annotated[list[str] | None, typer.Option(
    "--modality", help="asserted (what counts count by default), planned, negated, hypothetical, or all; repeatable")]
TypeOption = Annotated[list[str] | None, typer.Option("--type", help="PLOVER type (repeatable)")]
QuadOption = Annotated[list[int] | None, typer.Option("--quad", help="Quad class 1..4 (repeatable)")]
TextOption = Annotated[str | None, typer.Option("--text", help="Words in the sentence")]
DEFAULT_DB = Path("eventwire.duckdb")
BATCH_DOCS = 200

query_app = typer.Typer(add_completion=False, no_args_is_help=True, help="Query the event store.")


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"eventwire: {message}", err=True)
    return typer.Exit(code)


# ---------------------------------------------------------------------------- reading ingest input

def is_event_record(obj: Any) -> bool:
    return isinstance(obj, dict) and ("event_type" in obj or "event_id" in obj)


def event_from_record(obj: dict[str, Any]) -> Event:
    """An output record back into an Event, refusing the ones that break the contract (ValueError)."""
    for key in ("doc_id", "event_type"):
        if not isinstance(obj.get(key), str) or not obj[key]:
            raise ValueError(f"missing or non-string {key!r}")
    if obj["event_type"] not in EVENT_TYPES:
        raise ValueError(f"event_type {obj['event_type'][:30]!r} is not a PLOVER type")
    if obj.get("modality") not in (None, *MODALITIES):
        raise ValueError(f"modality {str(obj['modality'])[:30]!r} is not one of {', '.join(MODALITIES)}")
    if obj.get("quad_class") not in (None, 1, 2, 3, 4):
        raise ValueError(f"quad_class {str(obj['quad_class'])[:10]!r} is not 1..4")
    for key in ("trigger", "source", "target", "location", "attributed_to"):
        if obj.get(key) is not None and not isinstance(obj[key], dict):
            raise ValueError(f"{key!r} must be an object")
    try:  # an escape such as \ud800 alone decodes to a lone surrogate, which no store column can hold
        json.dumps(obj, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as e:
        bad = ord(e.object[e.start])
        raise ValueError(f"holds a lone surrogate (U+{bad:04X}), which is not Unicode text") from None
    try:
        return Event.from_dict(obj)
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise ValueError(f"not a valid event record ({type(e).__name__}: {e})") from None


def _jsonl(lines: Iterable[str], name: str) -> Iterator[Document | Event | ewio.InputProblem]:
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield ewio.InputProblem(name, n, f"not valid JSON ({e.msg} at column {e.colno})", line[:2000])
            continue
        except RecursionError:  # the decoder recurses once per level of [ or {
            yield ewio.InputProblem(name, n, "not valid JSON (nested too deeply)", line[:2000])
            continue
        try:
            yield event_from_record(obj) if is_event_record(obj) else ewio.document_from_dict(obj)
        except ValueError as e:
            yield ewio.InputProblem(name, n, str(e), line[:2000])


def read_ingest_inputs(inputs: Iterable[str], published: date | None = None,
                       ) -> Iterator[Document | Event | ewio.InputProblem]:
    """Documents, coded events and problems from paths, folders or '-' (stdin), like `io.read_inputs`."""
    for inp in inputs:
        if inp == "-":
            import io

            yield from _jsonl(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace"), "<stdin>")
            continue
        path = Path(inp)
        files = [path]
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in (".jsonl", ".txt"))
            if not files:
                yield ewio.InputProblem(str(path), None, "folder holds no .jsonl or .txt files")
        for f in files:
            if f.suffix.lower() == ".txt" or not f.is_file():
                yield from ewio.read_path(f, published)
                continue
            try:
                text = f.read_bytes().decode("utf-8-sig")
            except OSError as e:
                yield ewio.InputProblem(str(f), None, e.strerror or str(e))
                continue
            except UnicodeDecodeError as e:
                yield ewio.InputProblem(str(f), None, f"not UTF-8 (byte {e.start})")
                continue
            if not text.strip():
                yield ewio.InputProblem(str(f), None, "file is empty")
                continue
            yield from _jsonl(text.split("\n"), str(f))  # not splitlines(): U+2028, \x1e are text in JSON


# ---------------------------------------------------------------------------- ingest

def _chunks(items: list[Any], n: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def ingest(
    inputs: Annotated[list[str], typer.Argument(help="JSONL (documents or coded events), .txt, folders, or -")],
    db: DbOption = DEFAULT_DB,
    published: Annotated[str | None, typer.Option(help="Publication date for .txt input (YYYY-MM-DD)")] = None,
    actors: Annotated[list[Path] | None, typer.Option("--actors", help="Extra actor file(s) (YAML)")] = None,
    errors: Annotated[Path | None, typer.Option(help="Write skipped records here (JSONL)")] = None,
    batch: Annotated[int, typer.Option(min=1, help="Documents per transaction")] = BATCH_DOCS,
    workers: cli_scale.Workers = 1,
    scheduler: cli_scale.Scheduler = None,
    checkpoint: cli_scale.CheckpointFile = None,
) -> None:
    """Code documents and store them with their events (a document ingested again is replaced)."""
    try:
        pub = date.fromisoformat(published) if published else None
    except ValueError:
        raise typer.BadParameter(f"not an ISO date (YYYY-MM-DD): {published!r}") from None
    warn_unpublished(inputs, pub)
    scale = cli_scale.scale_options(workers, scheduler, checkpoint)
    problems = ProblemLog(errors)
    docs: list[Document] = []
    given: dict[str, list[Event]] = defaultdict(list)
    for item in read_ingest_inputs(inputs, pub):
        if isinstance(item, ewio.InputProblem):
            problems.report(item.where, item.problem, item.to_dict())
        elif isinstance(item, Event):
            given[item.doc_id].append(item)
        else:
            docs.append(item)
    doc_ids = {d.id for d in docs}
    stored = {"documents": 0, "events": 0}
    coded = 0
    try:
        with Store.open(db) as store:
            def put(chunk_docs: list[Document], chunk_events: list[Event]) -> None:
                r = store.ingest(chunk_docs, chunk_events) if chunk_docs else store.ingest_events(chunk_events)
                stored["documents"] += r.documents
                stored["events"] += r.events

            with_events = [d for d in docs if d.id in given]
            for chunk in _chunks(with_events, batch):
                put(chunk, [ev for d in chunk for ev in given[d.id]])
            for chunk in _chunks(sorted(set(given) - doc_ids), batch):
                put([], [ev for i in chunk for ev in given[i]])
            to_code = [d for d in docs if d.id not in given]
            if to_code:
                results = cli_scale.coded(to_code, actors or [], scale)  # coded here or on workers, in order
                pending: tuple[list[Document], list[Event]] = ([], [])
                for doc, result in zip(to_code, results, strict=True):
                    if result.problem:
                        problems.report(f"document {result.doc_id}", result.problem)
                        continue
                    coded += 1
                    pending[0].append(doc)
                    pending[1].extend(result.events)
                    if len(pending[0]) >= batch:
                        put(*pending)
                        pending = ([], [])
                if pending[0]:
                    put(*pending)
    except StoreError as e:
        raise _fail(str(e)) from None
    except ValueError as e:  # an actor file with a schema error
        raise _fail(str(e)) from None
    finally:
        problems.close()
    typer.echo(f"eventwire: stored {stored['documents']} documents ({coded} coded now), {stored['events']} events "
               f"in {db}" + (f"; skipped {problems.count} (see above{f' and {errors}' if errors else ''})"
                             if problems.count else ""), err=True)
    if problems.count:
        raise typer.Exit(1)


# ---------------------------------------------------------------------------- query

def _open(db: Path) -> Store:
    try:
        return Store.open(db, read_only=True)
    except StoreError as e:
        raise _fail(str(e)) from None


def _show(payload: dict[str, Any], as_json: bool, tables: list[tuple[str, list[dict[str, Any]], list[str]]]) -> None:
    if as_json:
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(140, Console().width))
    for title, rows, columns in tables:
        table = Table(title=title)
        for c in columns:
            header = c.removesuffix("_code").replace("_", " ")
            numeric = bool(rows) and isinstance(rows[0].get(c), int | float)
            table.add_column(header, overflow="fold", justify="right" if numeric else "left",
                             no_wrap=c not in ("text", "trigger_text", "source_name", "target_name"))
        for r in rows:
            table.add_row(*("" if r.get(c) is None else f"{r[c]:.2f}" if isinstance(r[c], float) else str(r[c])
                            for c in columns))
        console.print(table)


def _run_query(db: Path, fn: Any) -> None:
    from .knowledge.actors import actor_names

    with _open(db) as store:
        store.known_codes = frozenset(actor_names())  # a known actor with no events: an empty series
        try:
            fn(store)
        except QueryError as e:
            raise _fail(str(e)) from None


@query_app.command("events")
def query_events(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[list[str] | None, typer.Option("--actor", help="Code as source or target (repeatable)")] = None,
    dyad: Annotated[tuple[str, str] | None, typer.Option(help="Two codes: events between them")] = None,
    one_way: Annotated[bool, typer.Option(help="--dyad A B: only A acting on B")] = False,
    event_type: TypeOption = None,
    quad: QuadOption = None,
    modality: Annotated[list[str] | None, typer.Option(
        "--modality", help="Modality (repeatable; every one unless given)")] = None,
    start: StartOption = None,
    end: EndOption = None,
    text: TextOption = None,
    limit: int = 20,
    offset: int = 0,
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
    a: Annotated[str, typer.Argument(help="Actor code")],
    b: Annotated[str | None, typer.Argument(help="Second actor code (absent: A against all)")] = None,
    db: DbOption = DEFAULT_DB,
    freq: Annotated[str, typer.Option(help="day, week, month or year")] = "month",
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
            for m, n in head["left_out"].items():
                typer.echo(f"not counted: {n} {m} (add --modality {m} or --modality all)")
            if head["skipped_imprecise"]:
                typer.echo(f"not shown per {freq}: {head['skipped_imprecise']} dated only to a month or a year")
    _run_query(db, run)


@query_app.command("network")
def query_network(
    db: DbOption = DEFAULT_DB,
    start: StartOption = None,
    end: EndOption = None,
    min_count: Annotated[int, typer.Option(help="Leave out pairs with fewer events")] = 1,
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
    doc_id: Annotated[str, typer.Argument(help="Document id")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """A document with its events and their character offsets."""
    def run(s: Store) -> None:
        view = s.document(doc_id)
        rows = to_records(view.events)
        if not as_json:
            d = view.document
            typer.echo(f"{d['id']}  {d['published'] or ''}  {d['source'] or ''}\n{d['title'] or ''}\n")
            typer.echo((d["text"] or "(text not stored)") + "\n")
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
    host: Annotated[str, typer.Option(help="Address to bind (keep 127.0.0.1 unless behind a proxy)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    root_path: Annotated[str, typer.Option(help="URL prefix when served behind a proxy under a path")] = "",
) -> None:
    """Serve the read-only JSON API and the dashboard."""
    import uvicorn

    from .web.app import create_app

    try:
        app = create_app(db)
    except StoreError as e:
        raise _fail(str(e)) from None
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"eventwire: warning: serving on {host} without authentication; see docs/store.md (Security)",
                   err=True)
    typer.echo(f"eventwire: serving {db} at http://{host}:{port}/ (API docs at /docs); Ctrl-C stops", err=True)
    uvicorn.run(app, host=host, port=port, root_path=root_path, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add ingest, query and serve to the main CLI."""
    app.command("ingest")(ingest)
    app.add_typer(query_app, name="query")
    app.command("serve")(serve)
