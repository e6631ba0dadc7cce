"""What the server lets in and out: markup stays text in the dashboard, SQL in a parameter is a value, the
server listens on 127.0.0.1 unless told otherwise, and no request can change the store.

Everything runs against a real `eventwire serve` subprocess on a free loopback port, over a store holding
the shared test documents plus one hostile article: markup in its text, title, source and id, and an actor
whose code and name are markup.
"""

from __future__ import annotations

import hashlib
import json
import socket
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.records import Actor, ActorMention, Document, Event, Span
from eventwire.store import Store

from ..storedata import DOCS, build_events
from .server import serve

EVIL_CODE = 'XSS<img src=x onerror="window.__pwned=10">'
EVIL_NAME = '<img src=x onerror="window.__pwned=11">Ruritania'
EVIL_ID = 'evil-<b>1</b>/../x?y=1#z'
EVIL_TITLE = '<svg onload="window.__pwned=2"></svg>Ruritania and Freedonia'
EVIL_SOURCE = '<a href="javascript:window.__pwned=3">Wire</a>'
EVIL_TEXT = (
    'Ruritania <script>window.__pwned=1</script> condemned Freedonia on Monday. '
    'Freedonia accused Ruritania of lying. Ruritania threatened Freedonia. '
    'Read <a href="javascript:window.__pwned=4">this</a> or javascript:window.__pwned=5 now. '
    '<iframe srcdoc="<script>parent.__pwned=6</script>"></iframe><svg onload="window.__pwned=7"></svg>'
    '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=8"><img src=x onerror="window.__pwned=9">'
    '<style>body{display:none}</style><form action="javascript:window.__pwned=12"><button>go</button></form>'
)
# what may never appear in the page as an element, or as an attribute of one
DANGER = ('script:not([src^="static/"]), img, iframe, svg, object, embed, body style, meta[http-equiv], '
          'form:not(#controls), [action^="javascript" i], a[href^="javascript" i], [srcdoc], [onerror], [onload], '
          '[onclick]')


def _evil_events() -> list[Event]:
    text = EVIL_TEXT

    def mention(word: str, after: int, code: str, name: str) -> ActorMention:
        i = text.index(word, after)
        return ActorMention(word, i, i + len(word), Actor(code=code, name=name, sector="GOV"))

    rur, fre = ("Ruritania", EVIL_CODE, EVIL_NAME), ("Freedonia", "FRE", "<b>Freedonia</b>")
    spec = [("Ruritania <script>", "condemned", "ACCUSE", -2.0, rur, fre, "2025-01-06"),
            ("Freedonia accused", "accused", "ACCUSE", -2.0, fre, rur, "2025-02-10"),
            ("Ruritania threatened", "threatened", "THREATEN", -4.4, rur, fre, "2025-03-03")]
    out = []
    for i, (opening, trigger, etype, goldstein, src, tgt, when) in enumerate(spec):
        at = text.index(opening)
        t = text.index(trigger, at)
        sentence = text[at:text.index(".", t) + 1]
        out.append(Event(doc_id=EVIL_ID, sentence=i, text=sentence, trigger=Span(trigger, t, t + len(trigger)),
                         event_type=etype, source=mention(src[0], at, src[1], src[2]),
                         target=mention(tgt[0], t, tgt[1], tgt[2]), goldstein=goldstein, quad_class=3,
                         modality="asserted", date=when, date_precision="day", confidence=0.9))
    return out


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("security") / "s.duckdb"
    evil = Document(EVIL_ID, EVIL_TEXT, date(2025, 3, 3), EVIL_SOURCE, EVIL_TITLE)
    with Store.open(path) as store:
        store.ingest([*DOCS, evil], [*build_events(), *_evil_events()])
        assert store.counts() == {"documents": len(DOCS) + 1, "events": 11}
    return path


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[str]:
    with serve(db) as (url, _port):
        yield url


@pytest.fixture(scope="module")
def http(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=60) as client:
        yield client


# ---------------------------------------------------------------------------- markup stays text (Chromium)


@pytest.fixture(params=[False, True], ids=["csp", "no-csp"])
def page(browser, server: str, request: pytest.FixtureRequest):
    """A page with the server's Content-Security-Policy, and one without it: rendering alone must be safe."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, bypass_csp=request.param)
    pg = context.new_page()
    pg.problems = []
    pg.on("pageerror", lambda e: pg.problems.append(f"pageerror: {e}"))
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.on("framenavigated", lambda f: pg.problems.append(f"navigated: {f.url}")
          if f.url.startswith("javascript") else None)
    yield pg
    context.close()


def _inert(pg) -> None:
    pg.wait_for_timeout(300)  # an onerror or onload handler would have run by now
    assert pg.evaluate("typeof window.__pwned") == "undefined", "a script from the data ran"
    assert pg.evaluate("typeof parent.__pwned") == "undefined"
    found = pg.eval_on_selector_all(DANGER, "els => els.map(e => e.outerHTML.slice(0, 120))")
    assert found == [], f"markup from the data became elements: {found}"
    assert [p for p in pg.problems if not p.startswith("pageerror: ") or "__pwned" in p] == [], pg.problems
    assert not [p for p in pg.problems if p.startswith(("dialog", "navigated"))], pg.problems


def _settle(pg) -> None:
    pg.wait_for_selector("body[data-busy='0']", state="attached", timeout=15_000)


@pytest.mark.slow
@pytest.mark.browser
def test_hostile_article_and_actor_render_inert(page, server: str):
    pg = page
    pg.goto(server + "/")
    pg.wait_for_selector("body[data-ready='1']", timeout=15_000)
    _settle(pg)
    _inert(pg)
    options = pg.eval_on_selector_all("#actor-a option", "os => os.map(o => o.value)")
    assert EVIL_CODE in options  # a code that is markup is an option's value, and its label is text
    pg.select_option("#actor-a", EVIL_CODE)
    _settle(pg)
    assert EVIL_CODE in pg.text_content("#series-title")
    rows = pg.eval_on_selector_all("#events-table tbody tr", "trs => trs.map(tr => tr.innerText)")
    assert len(rows) == 3 and all(EVIL_CODE in r for r in rows), rows
    assert any(EVIL_NAME in r for r in rows) and any("<b>Freedonia</b>" in r for r in rows)
    _inert(pg)

    # chart tooltips are HTML in ECharts: show each one, over the hostile code too
    tips = []
    network_nodes = pg.evaluate("() => echarts.getInstanceByDom(document.getElementById('network-chart'))"
                                ".getOption().series[0].data.length")
    for chart, count, kind in (("network-chart", network_nodes, "node"), ("network-chart", 6, "edge"),
                               ("series-chart", 3, "node")):
        for i in range(count):
            pg.evaluate(f"""() => echarts.getInstanceByDom(document.getElementById('{chart}'))
                .dispatchAction({{type: 'showTip', seriesIndex: 0, dataIndex: {i}, dataType: '{kind}'}})""")
            pg.wait_for_timeout(50)
            tips.append(pg.eval_on_selector_all(f"#{chart} div", "els => els.map(e => e.textContent).join(' ')"))
            _inert(pg)
    assert any(EVIL_CODE in t for t in tips), f"no tooltip showed the hostile code as text: {tips}"

    # the document: its text, title, source and id are shown as text, highlighting still works
    pg.click("#events-table tbody tr:nth-child(1)")
    _settle(pg)
    pg.wait_for_selector("#doc-text mark.hl-trigger", timeout=15_000)
    assert pg.text_content("#doc-text") == EVIL_TEXT
    assert pg.text_content("#doc-title") == EVIL_TITLE
    assert EVIL_SOURCE in pg.text_content("#doc-meta") and EVIL_ID in pg.text_content("#doc-meta")
    assert pg.text_content("#doc-text mark.hl-trigger") in ("condemned", "accused", "threatened")
    links = pg.eval_on_selector_all("a", "els => els.map(a => a.getAttribute('href'))")
    assert links == ["docs"], f"links in the page other than the API link: {links}"
    _inert(pg)
    pg.click("#doc-text")  # clicking on the javascript: text follows nothing
    _inert(pg)


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("state", [
    {"a": "JPN", "start": '<img src=x onerror="window.__pwned=20">'},
    {"a": '<img src=x onerror="window.__pwned=21">', "b": '<svg onload="window.__pwned=22">'},
    {"a": "JPN", "freq": '"><script>window.__pwned=23</script>'},
    {"a": "JPN", "b": "CHN", "end": "javascript:window.__pwned=24"},
])
def test_hostile_state_in_the_url_is_inert(page, server: str, state: dict):
    pg = page
    pg.goto(server + "/#" + "&".join(f"{k}={quote(v, safe='')}" for k, v in state.items()))
    pg.wait_for_selector("body[data-ready='1']", timeout=15_000)
    _settle(pg)
    _inert(pg)
    assert pg.eval_on_selector("#message", "m => m.children.length") == 0  # a message is text only
    if "start" in state:  # the API refuses the date and the page quotes it back: as text
        assert "start" in pg.text_content("#message") and "<img src=x" in pg.text_content("#message")


# ---------------------------------------------------------------------------- SQL in a parameter is a value

TAILS = ["' OR 1=1 --", "' OR '1'='1", '" OR ""="', "'; DROP TABLE events; --", ") OR (1=1", "') OR ('1'='1",
         " UNION SELECT * FROM documents --", "/**/OR/**/1=1", "'||(SELECT count(*) FROM events)||'", "%' --",
         "\\' OR 1=1 #", "'); COPY events TO '/tmp/eventwire-pwned.csv'; --", "'; ATTACH '/tmp/x.db' AS x; --",
         "' OR list_contains([1], 1) --", "'; INSTALL httpfs; LOAD httpfs; --", "%", "_", "*", "\\x00"]
PREFIXES = ["", "JPN", "USA", "jpn", "doc-1", "2025-01-01", "2025", "ACCUSE", "1", "asserted", "month", "true", "50"]


def _cases(openapi: dict) -> list[tuple[str, str, dict]]:
    """(path, parameter, params that are valid without it) for every parameter of every API route."""
    base = {"/api/dyad": {"a": "JPN"}, "/api/compare": {"dyad": "JPN"}}
    out = []
    for path, ops in openapi["paths"].items():
        for p in ops["get"].get("parameters", []):
            if p["in"] == "query":
                out.append((path, p["name"], {k: v for k, v in base.get(path, {}).items() if k != p["name"]}))
            else:
                out.append((path, p["name"], {}))
    return out


def _sentences(http: httpx.Client) -> list[str]:
    data = http.get("/api/events", params={"limit": 1000}).json()
    assert data["total"] == len(data["events"]) > 0
    return [e["text"] for e in data["events"]]


def _check_fragment(http: httpx.Client, path: str, name: str, params: dict, value: str, sentences: list[str]) -> None:
    if "{" in path or path == "/api/document":  # a document id: any string, and this one is not stored
        r = (http.get(path.replace("{" + name + "}", quote(value, safe=""))) if "{" in path
             else http.get(path, params={name: value}))
        assert r.status_code == 404, (path, value, r.status_code, r.text[:200])
    else:
        r = http.get(path, params={**params, name: value})
        assert r.status_code in (200, 400, 422), (path, name, value, r.status_code, r.text[:300])
        if r.status_code == 200:  # only the free-text filter takes any string: as words to find, never as SQL
            assert name == "text" and path in ("/api/events", "/api/events.csv", "/api/network", "/api/compare",
                                               "/api/dyad"), (path, name, value, r.text[:300])
            literally = sum(value.lower() in t.lower() for t in sentences)
            if path == "/api/events.csv":
                import csv
                import io

                found = len(list(csv.DictReader(io.StringIO(r.text))))
                assert r.headers["content-type"].startswith("text/csv")
                assert found == literally < len(sentences), (value, found, literally)
                return
            if path == "/api/events":
                assert r.json()["total"] == literally < len(sentences), (value, r.json()["total"], literally)
    assert r.headers["content-type"].startswith("application/json"), r.headers["content-type"]
    if r.status_code != 200:
        assert isinstance(r.json()["error"], str)


@pytest.mark.slow
def test_sql_fragments_in_every_parameter_are_values(http: httpx.Client, db: Path):
    cases = _cases(http.get("/openapi.json").json())
    assert {(p, n) for p, n, _ in cases} >= {("/api/events", "actor"), ("/api/events", "text"), ("/api/dyad", "a"),
                                             ("/api/documents/{doc_id}", "doc_id"), ("/api/network", "start")}
    sentences = _sentences(http)
    for path, name, params in cases:
        for tail in TAILS:
            _check_fragment(http, path, name, params, ("USA" if "'" in tail else "") + tail, sentences)
    assert _sentences(http) == sentences
    assert not Path("/tmp/eventwire-pwned.csv").exists()


@pytest.mark.slow
def test_sql_fragments_drawn_at_random(http: httpx.Client):
    cases = _cases(http.get("/openapi.json").json())
    sentences = _sentences(http)
    seen = []

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(case=st.sampled_from(cases), prefix=st.sampled_from(PREFIXES), tail=st.sampled_from(TAILS[:-4]),
           noise=st.text(max_size=8))
    def check(case, prefix: str, tail: str, noise: str) -> None:
        path, name, params = case
        seen.append(name)
        _check_fragment(http, path, name, params, prefix + tail + noise, sentences)

    check()
    print(f"SQL fragments: {len(seen)} examples over {len(set(seen))} parameters")
    assert len(seen) >= 60


# ---------------------------------------------------------------------------- loopback only, unless told


def _listening(port: int) -> list[str]:
    """Local addresses (hex, as /proc/net/tcp* gives them) of sockets listening on `port`."""
    out = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            addr, _, hexport = local.rpartition(":")
            if state == "0A" and int(hexport, 16) == port:
                out.append(addr)
    return out


def _outward_address() -> str | None:
    """This machine's address on its outward interface, if it has one (a UDP connect sends nothing)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))
        except OSError:
            return None
        addr = s.getsockname()[0]
    return None if addr.startswith("127.") else addr


@pytest.mark.slow
def test_serve_listens_on_loopback_only(db: Path, tmp_path: Path):
    with serve(db, log=tmp_path / "serve.log") as (_url, port):
        if Path("/proc/net/tcp").exists():
            assert _listening(port) == ["0100007F"], f"listening on {_listening(port)} (hex), not 127.0.0.1 only"
        other = _outward_address()
        if other is not None:
            with pytest.raises(ConnectionRefusedError):
                socket.create_connection((other, port), timeout=5).close()
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass


def test_host_default_and_option_reach_uvicorn(db: Path, monkeypatch: pytest.MonkeyPatch):
    import typer.main
    import uvicorn
    from typer.testing import CliRunner

    from eventwire.cli import app

    serve_cmd = typer.main.get_command(app).commands["serve"]  # type: ignore[attr-defined]
    assert {p.name: p.default for p in serve_cmd.params}["host"] == "127.0.0.1"
    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    r = CliRunner().invoke(app, ["serve", "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert calls[-1]["host"] == "127.0.0.1" and "warning" not in r.output
    r = CliRunner().invoke(app, ["serve", "--db", str(db), "--host", "0.0.0.0", "--port", "8123"])
    assert r.exit_code == 0, r.output
    assert calls[-1]["host"] == "0.0.0.0" and calls[-1]["port"] == 8123
    assert "warning" in r.output and "without authentication" in r.output


# ---------------------------------------------------------------------------- read-only


def _fingerprint(db: Path) -> tuple:
    st_ = db.stat()
    with Store.open(db, read_only=True) as s:
        counts = s.counts()
    return st_.st_mtime_ns, st_.st_size, hashlib.sha256(db.read_bytes()).hexdigest(), counts


@pytest.mark.slow
def test_api_is_read_only(db: Path, http: httpx.Client):
    before = _fingerprint(db)
    wal = Path(str(db) + ".wal")
    spec = http.get("/openapi.json").json()
    assert set(spec["paths"]) >= {"/api/actors", "/api/events", "/api/dyad", "/api/network",
                                  "/api/documents/{doc_id}"}
    for path, ops in spec["paths"].items():
        assert set(ops) <= {"get", "head"}, f"{path} takes {sorted(ops)}"
    urls = [p.replace("{doc_id}", "doc-1") for p in spec["paths"]] + ["/", "/docs", "/openapi.json",
                                                                       "/static/app.js", "/static/index.html"]
    body = json.dumps({"id": "doc-1", "text": "", "events": []})
    for url in urls:
        for method in ("POST", "PUT", "DELETE", "PATCH"):
            r = http.request(method, url, content=body, headers={"content-type": "application/json"})
            assert r.status_code == 405, (method, url, r.status_code)
    # a round of every read, then the store is byte for byte what it was
    for url, params in (("/api/actors", {}), ("/api/events", {"limit": 1000}), ("/api/dyad", {"a": "JPN"}),
                        ("/api/network", {}), ("/api/documents/doc-1", {}), ("/api/documents/" + quote(EVIL_ID,
                                                                                                      safe=""), {})):
        assert http.get(url, params=params).status_code == 200, url
    assert _fingerprint(db) == before
    assert not wal.exists()


@pytest.mark.slow
def test_answers_that_echo_input_are_json_not_html(http: httpx.Client):
    for url in ("/api/documents/" + quote("<script>alert(1)</script>", safe=""),
                "/api/dyad?a=" + quote("<img src=x onerror=alert(1)>"),
                "/api/events?start=" + quote("<svg onload=alert(1)>"),
                "/api/events?limit=" + quote("<b>1</b>")):
        r = http.get(url)
        assert r.status_code in (400, 404, 422), (url, r.status_code)
        assert r.headers["content-type"].startswith("application/json")
        assert r.headers["x-content-type-options"] == "nosniff"
    page = http.get("/")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp and page.headers["x-frame-options"] == "DENY"
