"""FastAPI app over one store: a read-only JSON API and the static dashboard page.

    app = create_app("eventwire.duckdb")      # uvicorn.run(app, host="127.0.0.1")

Every request opens the store read-only and closes it after, so an ingest in
another process can take the write lock between requests; while it holds it,
a request waits for it (up to `busy_wait` seconds, then answers 503). Only GET
routes exist. Every error answer, a bad parameter or an unknown route alike,
is JSON `{"error": "..."}`, never a 500.

A request whose Host header is not in the allow-list answers 400 (E070): a
page in the user's browser cannot read the store through DNS rebinding. The
list holds the loopback names (LOOPBACK_HOSTS) unless given, any port.

Counts (`/api/dyad`, `/api/compare`, `/api/network`) are of asserted events
unless `modality` asks for others (`modality=all` for every one); each answer
says how many events of the other modalities it left out, and how many it
skipped because their date is coarser than the period.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..counts import modalities as _modalities
from ..counts import series_report as _series_report
from ..counts import totals as _totals
from ..errors import tagged
from ..knowledge.actors import actor_names
from ..store import ALL_COLUMNS, MAX_LIMIT, NotFound, QueryError, Store, StoreBusy, StoreError, to_records

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

STATIC = Path(str(resources.files("eventwire.web").joinpath("static")))

# The dashboard runs only its own files: no inline script, no other origin.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
# Swagger UI starts itself from an inline script (no article text is shown there).
DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")

DESCRIPTION = """Read-only queries over an eventwire store of PLOVER events.

Dates are `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`: a start takes the first day, an
end the last). Actor codes are those listed by `/api/actors` (in the store, or
known with no events yet: their series are empty). Counts are of asserted
events unless `modality` is given (`all` for every modality). A dyad in
`dyad=` is `A-B` (A with B) or `A` (A with everyone). Bad parameters
answer 400 (422 when a value has the wrong type) with `{"error": message}`;
an unknown document 404; a store busy with an ingest 503.
"""


MAX_DYADS = 8
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
BUSY_WAIT = 5.0  # seconds a request waits for a store an ingest holds, before it answers 503
MODALITY_HELP = "asserted (the default for counts), planned, negated, hypothetical, or all"


_NAME = re.compile(r"[a-z0-9_-]+(\.[a-z0-9_-]+)*")  # a DNS name or an IPv4 address
_IPV6 = re.compile(r"[0-9a-f:.]*:[0-9a-f:.]*")
_PORT = re.compile(r":[0-9]{1,5}")


def host_name(header: str | None) -> str | None:
    """The host of a Host header, lower-cased, without its port ('[::1]:8000' -> '::1'); None when malformed."""
    if not header:
        return None
    value = header.strip().lower()
    if value.startswith("["):  # an IPv6 address, with or without a port
        name, sep, port = value[1:].partition("]")
        if not sep or (port and not _PORT.fullmatch(port)) or not _IPV6.fullmatch(name):
            return None
        return name
    name, _, port = value.partition(":")
    name = name.rstrip(".")
    if (port or ":" in value) and not _PORT.fullmatch(":" + port):
        return None
    return name if _NAME.fullmatch(name) else None


def host_entry(name: str) -> str | None:
    """An allow-list entry ('example.org', '::1', '[::1]', 'example.org:8000') as host_name gives it."""
    value = name.strip()
    if value.count(":") > 1 and not value.startswith("["):  # a bare IPv6 address
        value = f"[{value}]"
    return host_name(value)


def allowed_hosts(bind_host: str | None = None, extra: Iterable[str] = ()) -> frozenset[str]:
    """The Host names a server accepts: the loopback names, the address it binds, and `extra`."""
    names = (host_entry(x) for x in (*LOOPBACK_HOSTS, *([bind_host] if bind_host else []), *extra))
    return frozenset(n for n in names if n)


def _store(request: Request) -> Iterator[Store]:
    """The store of this app, opened read-only for one request (waiting a little for an ingest to finish)."""
    s = Store.open(request.app.state.db_path, read_only=True, wait=request.app.state.busy_wait)
    s.known_codes = frozenset(request.app.state.actor_names)
    try:
        yield s
    finally:
        s.close()


StoreDep = Annotated[Store, Depends(_store)]
Start = Annotated[str | None, Query(description="first day (YYYY-MM-DD, YYYY-MM or YYYY)")]
End = Annotated[str | None, Query(description="last day (YYYY-MM-DD, YYYY-MM or YYYY)")]
# the filters every count route shares
Freq = Annotated[str, Query(description="day, week, month or year")]
Modalities = Annotated[list[str] | None, Query(description=MODALITY_HELP)]
Types = Annotated[list[str] | None, Query(description="PLOVER type(s)")]
Quads = Annotated[list[str] | None, Query(description="1..4")]
Text = Annotated[str | None, Query(description="words in the sentence (case-insensitive)")]


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """The one shape of every error answer: `{"error": message}`."""
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def parse_dyads(values: list[str] | None, store: Store) -> list[tuple[str, str | None]]:
    """`A-B` or `A` strings as checked (a, b) pairs; a bad one raises QueryError naming `dyad`."""
    out: list[tuple[str, str | None]] = []
    for raw in values or []:
        parts = raw.split("-") if isinstance(raw, str) else []
        if not 1 <= len(parts) <= 2 or not all(p.strip() for p in parts):
            raise QueryError(f"dyad: expected A-B or A (actor codes), got {str(raw)[:40]!r}")
        try:
            a = store._code(parts[0], "a")
            b = store._code(parts[1], "b") if len(parts) == 2 else None
        except QueryError as e:
            raise QueryError(f"dyad {raw[:40]!r}: {str(e).split(': ', 1)[-1]}") from None
        out.append((a, b))
    if len(out) > MAX_DYADS:
        raise QueryError(f"dyad: at most {MAX_DYADS} dyads at once, got {len(out)}")
    return out


def create_app(db_path: str | Path, hosts: Iterable[str] | None = None, busy_wait: float = BUSY_WAIT) -> FastAPI:
    """The app for the store at `db_path` (which must exist; it is only ever opened read-only).

    `hosts` are the Host header names accepted (default: `allowed_hosts()`, the loopback names); a
    request of another host answers 400. `busy_wait` is how long a request waits for a store that an
    ingest holds before it answers 503.
    """
    path = Path(db_path)
    if not path.is_file():
        raise StoreError(f"no store at {path} (create one with `eventwire ingest ... --db {path}`)")
    try:
        Store.open(path, read_only=True).close()  # fail now on a file that is not a store
    except StoreBusy:
        log.warning("store %s is being written; requests will wait for it", path)

    app = FastAPI(title="eventwire", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None)
    app.state.db_path = path
    app.state.actor_names = actor_names()
    app.state.hosts = allowed_hosts() if hosts is None else frozenset(hosts)
    app.state.busy_wait = busy_wait

    # -- errors: always JSON with a message

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> JSONResponse:
        return _error(404, str(exc))

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(StoreBusy)
    async def busy(request: Request, exc: StoreBusy) -> JSONResponse:
        return _error(503, str(exc), {"Retry-After": "2"})

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        log.error("store error: %s", exc)
        return _error(503, "the store cannot be read right now")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path"))
            parts.append(f"{where}: {err.get('msg', 'invalid')}")
        return _error(422, "; ".join(parts) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        """Unknown routes (404), methods (405) and the like: the same `{"error": ...}` as every other answer."""
        return _error(exc.status_code, str(exc.detail), exc.headers)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        """A bug: logged with its traceback, answered in the same shape, never with the detail."""
        log.exception("error answering %s", request.url.path)
        return _error(500, "internal server error")

    @app.middleware("http")
    async def check_host(request: Request, call_next: Any) -> Response:
        header = request.headers.get("host")
        if host_name(header) not in app.state.hosts:
            shown = (header or "")[:100]
            return _error(400, tagged("E070", f"host not allowed: {shown!r} (serve with --allow-host NAME "
                                              "to accept another name)"))
        return await call_next(request)

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = DOCS_CSP if request.url.path == "/docs" else CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        if request.url.path.startswith("/api/"):
            response.headers["Cache-Control"] = "no-store"
        return response

    # -- pages

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "").rstrip("/")
        vendor = f"{root}/static/vendor/swagger-ui"
        return get_swagger_ui_html(openapi_url=f"{root}/openapi.json", title="eventwire API",
                                   swagger_js_url=f"{vendor}/swagger-ui-bundle.js",
                                   swagger_css_url=f"{vendor}/swagger-ui.css",
                                   swagger_favicon_url=f"{vendor}/favicon-32x32.png")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    # -- the API

    @app.get("/api/actors", summary="Actor codes in the store with names and event counts, and known codes")
    def actors(s: StoreDep) -> dict[str, Any]:
        names = app.state.actor_names
        rows = to_records(s.actors())
        for r in rows:
            r["name"] = names.get(r["code"])
        present = {r["code"] for r in rows}
        known = [{"code": c, "name": n} for c, n in names.items() if c not in present]
        return {**s.counts(), "actors": rows, "known": known}

    @app.get("/api/events", summary="Events matching all filters, newest first")
    def events(
        s: StoreDep,
        actor: Annotated[list[str] | None, Query(description="events where this code is source or target")] = None,
        a: Annotated[str | None, Query(description="dyad: first actor")] = None,
        b: Annotated[str | None, Query(description="dyad: second actor (absent: a against all)")] = None,
        both_directions: bool = True,
        event_type: Types = None,
        quad_class: Quads = None,
        modality: Annotated[list[str] | None, Query(description="asserted, planned, negated, hypothetical")] = None,
        start: Start = None,
        end: End = None,
        text: Text = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
        dyad: Annotated[list[str] | None, Query(description="A-B or A, repeatable: events of any of them")] = None,
    ) -> dict[str, Any]:
        filters = _event_filters(s, actor, a, b, dyad, both_directions, event_type, quad_class, modality, start,
                                 end, text)
        rows = to_records(s.events(**filters, limit=limit, offset=offset))
        return {"total": s.count_events(**filters), "limit": limit, "offset": offset, "events": rows}

    @app.get("/api/events.csv", summary="Every event matching the filters (as /api/events), every column, as CSV")
    def events_csv(
        s: StoreDep,
        actor: Annotated[list[str] | None, Query()] = None,
        a: Annotated[str | None, Query()] = None,
        b: Annotated[str | None, Query()] = None,
        both_directions: bool = True,
        event_type: Annotated[list[str] | None, Query()] = None,
        quad_class: Annotated[list[str] | None, Query()] = None,
        modality: Modalities = None,
        start: Start = None,
        end: End = None,
        text: Annotated[str | None, Query()] = None,
        dyad: Annotated[list[str] | None, Query()] = None,
    ) -> Response:
        filters = _event_filters(s, actor, a, b, dyad, both_directions, event_type, quad_class, modality, start,
                                 end, text)
        df = s.events(**filters, limit=None, columns=ALL_COLUMNS)
        df["topics"] = df["topics"].map(lambda t: "|".join(t) if t is not None else "")
        buf = io.StringIO()
        df.to_csv(buf, index=False)
        return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="eventwire-events.csv"'})

    @app.get("/api/dyad", summary="Counts per period by quad class, with Goldstein mean and sum")
    def dyad(
        s: StoreDep,
        a: Annotated[str, Query(description="actor code")],
        b: Annotated[str | None, Query(description="second actor code (absent: a against all)")] = None,
        freq: Freq = "month",
        both_directions: bool = True,
        modality: Modalities = None,
        start: Start = None,
        end: End = None,
        event_type: Types = None,
        quad_class: Quads = None,
        text: Text = None,
    ) -> dict[str, Any]:
        df, head = _series_report(s, a, b, freq=freq, both_directions=both_directions, start=start, end=end,
                                  modality=modality, event_type=event_type, quad_class=quad_class, text=text)
        return {"a": a.strip().upper(), "b": b.strip().upper() if b else None, "freq": freq,
                "both_directions": both_directions, "start": start, "end": end, **head,
                "series": to_records(df)}

    @app.get("/api/compare", summary="Several dyads on one time axis: counts per period for each")
    def compare(
        s: StoreDep,
        dyad: Annotated[list[str], Query(description="A-B or A (with everyone), repeatable")],
        freq: Freq = "month",
        both_directions: bool = True,
        modality: Modalities = None,
        start: Start = None,
        end: End = None,
        event_type: Types = None,
        quad_class: Quads = None,
        text: Text = None,
    ) -> dict[str, Any]:
        pairs = parse_dyads(dyad, s)
        more = dict(modality=modality, event_type=event_type, quad_class=quad_class, text=text)
        frames = [s.dyad_series(x, y, freq=freq, both_directions=both_directions, start=start, end=end, **more)
                  for x, y in pairs]
        skipped = [f.attrs["skipped_imprecise"] for f in frames]  # within the range asked, not the axis
        if not (start and end):  # one axis for all: the union of their periods
            firsts = [f["period"].min() for f in frames if len(f)]
            lasts = [f["period_end"].max() for f in frames if len(f)]
            if firsts:
                lo = start or min(firsts).date().isoformat()
                hi = end or max(lasts).date().isoformat()
                frames = [s.dyad_series(x, y, freq=freq, both_directions=both_directions, start=lo, end=hi, **more)
                          for x, y in pairs]
        names = app.state.actor_names
        out = []
        for (x, y), df, n_skipped in zip(pairs, frames, skipped, strict=True):
            out.append({"a": x, "b": y, "a_name": names.get(x), "b_name": names.get(y) if y else None,
                        "totals": _totals(df), "skipped_imprecise": n_skipped,
                        **_modalities(s, modality, (x, y), both_directions, start=start, end=end,
                                      event_type=event_type, quad_class=quad_class, text=text),
                        "series": to_records(df)})
        return {"freq": freq, "both_directions": both_directions, "start": start, "end": end, "dyads": out}

    @app.get("/api/network", summary="Who acts on whom: nodes and directed edges")
    def network(
        s: StoreDep,
        start: Start = None,
        end: End = None,
        min_count: Annotated[int, Query(ge=1)] = 1,
        max_edges: Annotated[int, Query(ge=1, le=100_000)] = 500,
        modality: Modalities = None,
        event_type: Types = None,
        quad_class: Quads = None,
        text: Text = None,
    ) -> dict[str, Any]:
        net = s.network(start=start, end=end, min_count=min_count, modality=modality, max_edges=max_edges,
                        event_type=event_type, quad_class=quad_class, text=text)
        return {"nodes": to_records(net.nodes), "edges": to_records(net.edges)}

    @app.get("/api/documents/{doc_id:path}", summary="A document with its events and their offsets")
    def document(s: StoreDep, doc_id: str) -> dict[str, Any]:
        view = s.document(doc_id)
        return {"document": view.document, "events": to_records(view.events)}

    @app.get("/api/document", summary="A document by id as a query parameter (any id, '..' and '/' included)")
    def document_by_query(s: StoreDep, id: Annotated[str, Query(description="document id")]) -> dict[str, Any]:
        return document(s, id)

    return app


def _event_filters(s: Store, actor: Any, a: str | None, b: str | None, dyad: list[str] | None, both: bool,
                   event_type: Any, quad_class: Any, modality: Any, start: Any, end: Any,
                   text: Any) -> dict[str, Any]:
    """The store filters of an events request (a/b for one dyad, or dyad=A-B repeated)."""
    if b is not None and a is None:
        raise QueryError("b: give a as well (a alone means a against all)")
    if dyad and a is not None:
        raise QueryError("dyad: give either a/b or dyad=, not both")
    return dict(actors=actor, dyad=(a, b) if a is not None else None, dyads=parse_dyads(dyad, s) or None,
                both_directions=both, event_type=event_type, quad_class=quad_class, modality=modality,
                start=start, end=end, text=text)
