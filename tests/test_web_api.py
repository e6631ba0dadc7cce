"""The read-only JSON API: each endpoint against known answers, 4xx JSON errors, no writes, static page."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.store import Store, StoreError
from eventwire.web.app import create_app

from .storedata import XSS_TEXT, build_store

LOCAL = "http://127.0.0.1:8000"  # a Host the server accepts by default


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "s.duckdb"
    build_store(path)
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db), base_url=LOCAL, raise_server_exceptions=False)


def test_actors(client: TestClient):
    r = client.get("/api/actors")
    assert r.status_code == 200
    body = r.json()
    assert (body["documents"], body["events"]) == (5, 8)
    assert [(a["code"], a["name"], a["count"]) for a in body["actors"]] == [
        ("CHN", "China", 5), ("JPN", "Japan", 5), ("USA", "United States", 3), ("FRA", "France", 1),
        ("KEN", "Kenya", 1)]
    known = {k["code"]: k["name"] for k in body["known"]}
    assert known["KOR"] == "South Korea" and "JPN" not in known  # known codes with no events yet


def test_dyad(client: TestClient):
    r = client.get("/api/dyad", params={"a": "JPN", "b": "CHN", "freq": "month", "modality": "all"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["totals"] == {"q1": 2, "q2": 0, "q3": 2, "q4": 0, "count": 4, "goldstein_mean": -1.1}
    assert [(s["period"], s["q1"], s["q3"], s["count"]) for s in body["series"]] == [
        ("2025-01-01", 1, 1, 2), ("2025-02-01", 0, 1, 1), ("2025-03-01", 1, 0, 1)]
    assert body["series"][1]["goldstein_mean"] == pytest.approx(-4.4)
    one_way = client.get("/api/dyad", params={"a": "JPN", "b": "CHN", "both_directions": "false",
                                              "modality": "all"}).json()
    assert [s["count"] for s in one_way["series"]] == [1, 0, 1]
    assert one_way["series"][1]["goldstein_mean"] is None  # an empty period has no mean (JSON null)
    vs_all = client.get("/api/dyad", params={"a": "CHN", "modality": "all"}).json()
    assert vs_all["b"] is None and vs_all["totals"]["count"] == 5
    weekly = client.get("/api/dyad", params={"a": "JPN", "b": "CHN", "freq": "week", "start": "2025-01-06",
                                             "end": "2025-01-12"}).json()
    assert [(s["period"], s["period_end"], s["count"]) for s in weekly["series"]] == [("2025-01-06", "2025-01-12", 2)]


def test_events(client: TestClient):
    body = client.get("/api/events", params={"a": "JPN", "b": "CHN"}).json()
    assert body["total"] == 4 and len(body["events"]) == 4
    assert body["events"][0]["event_id"] == "doc-3:1:0" and body["events"][0]["date"] == "2025-03"
    assert {"date", "source_code", "event_type", "target_code", "modality", "confidence"} <= body["events"][0].keys()
    paged = client.get("/api/events", params={"limit": 3, "offset": 3}).json()
    assert paged["total"] == 8 and len(paged["events"]) == 3
    r = client.get("/api/events", params=[("actor", "KEN"), ("actor", "USA"), ("quad_class", "4")])
    assert [e["event_id"] for e in r.json()["events"]] == ["doc-5:0:0", "doc-2:0:0"]
    r = client.get("/api/events", params={"a": "JPN", "b": "CHN", "start": "2025-02", "end": "2025-02",
                                          "quad_class": "3"})
    assert [e["event_id"] for e in r.json()["events"]] == ["doc-3:0:0"]
    assert client.get("/api/events", params={"modality": "planned"}).json()["total"] == 1
    assert client.get("/api/events", params={"event_type": "sanction"}).json()["total"] == 1
    assert client.get("/api/events", params={"text": "provocations"}).json()["total"] == 1


def test_dyad_counts_asserted_events_and_says_what_it_left_out(client: TestClient):
    body = client.get("/api/dyad", params={"a": "JPN", "b": "CHN"}).json()
    assert body["totals"] == {"q1": 1, "q2": 0, "q3": 1, "q4": 0, "count": 2, "goldstein_mean": -0.5}
    assert body["left_out"] == {"planned": 1, "hypothetical": 1} and body["skipped_imprecise"] == 0
    assert body["counted"] == {}  # asserted only: nothing to say
    planned = client.get("/api/dyad", params={"a": "JPN", "b": "CHN", "modality": "planned"}).json()
    assert planned["totals"]["count"] == 1 and planned["left_out"] == {"asserted": 2, "hypothetical": 1}
    assert planned["counted"] == {"planned": 1}
    everything = client.get("/api/dyad", params={"a": "JPN", "b": "CHN", "modality": "all"}).json()
    assert everything["counted"] == {"asserted": 2, "planned": 1, "hypothetical": 1}
    assert everything["left_out"] == {}
    weekly = client.get("/api/dyad", params={"a": "JPN", "b": "CHN", "freq": "week", "modality": "all"}).json()
    assert weekly["totals"]["count"] == 3 and weekly["skipped_imprecise"] == 1  # the visit dated to March only
    typed = client.get("/api/dyad", params={"a": "CHN", "event_type": "SANCTION", "text": "sanctions"}).json()
    assert typed["totals"]["q4"] == 1 and typed["totals"]["count"] == 1


def test_compare_puts_dyads_on_one_axis(client: TestClient):
    r = client.get("/api/compare", params=[("dyad", "USA-JPN"), ("dyad", "KEN-FRA"), ("dyad", "JPN-KOR")])
    assert r.status_code == 200, r.text
    dyads = r.json()["dyads"]
    assert [(d["a"], d["b"], d["a_name"], d["b_name"]) for d in dyads] == [
        ("USA", "JPN", "United States", "Japan"), ("KEN", "FRA", "Kenya", "France"),
        ("JPN", "KOR", "Japan", "South Korea")]
    periods = [[s["period"] for s in d["series"]] for d in dyads]
    assert periods == [["2025-02-01", "2025-03-01"]] * 3  # one axis: the span of all of them
    assert [[s["q2"] for s in d["series"]] for d in dyads] == [[1, 0], [0, 0], [0, 0]]
    assert [[s["q3"] for s in d["series"]] for d in dyads] == [[0, 0], [0, 1], [0, 0]]
    assert dyads[2]["totals"]["count"] == 0  # an actor with no events: an empty series, not an error
    weekly = client.get("/api/compare", params={"dyad": "JPN-CHN", "freq": "week", "modality": "all"}).json()
    assert weekly["dyads"][0]["skipped_imprecise"] == 1 and weekly["dyads"][0]["totals"]["count"] == 3
    vs_all = client.get("/api/compare", params={"dyad": "KEN", "start": "2025-03", "end": "2025-03"}).json()
    assert vs_all["dyads"][0]["b"] is None and vs_all["dyads"][0]["totals"]["q3"] == 1


def test_events_of_several_dyads_and_csv(client: TestClient):
    body = client.get("/api/events", params=[("dyad", "USA-JPN"), ("dyad", "USA-CHN")]).json()
    assert {e["event_id"] for e in body["events"]} == {"doc-2:0:0", "doc-2:1:0"}
    assert client.get("/api/events", params={"modality": "all"}).json()["total"] == 8
    r = client.get("/api/events.csv", params=[("dyad", "JPN-CHN"), ("modality", "asserted")])
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["event_id"] for row in rows] == ["doc-1:0:0", "doc-1:1:0"]
    assert {"location_lat", "location_lon", "topics", "mode", "source_name", "trigger_start"} <= rows[0].keys()
    bad = client.get("/api/events.csv", params={"quad_class": "7"})
    assert bad.status_code == 400 and "quad_class" in bad.json()["error"]


def test_network(client: TestClient):
    body = client.get("/api/network", params={"modality": "all"}).json()
    assert {(e["source"], e["target"], e["count"]) for e in body["edges"]} == {
        ("JPN", "CHN", 2), ("CHN", "JPN", 2), ("USA", "CHN", 1), ("USA", "JPN", 1), ("KEN", "FRA", 1)}
    assert {n["code"]: n["count"] for n in body["nodes"]} == {"CHN": 5, "JPN": 5, "USA": 3, "KEN": 1, "FRA": 1}
    strong = client.get("/api/network", params={"min_count": 2, "start": "2025-01-01", "end": "2025-12-31",
                                                 "modality": "all"}).json()
    assert len(strong["edges"]) == 2
    cij = next(e for e in strong["edges"] if e["source"] == "CHN")
    assert cij["goldstein_mean"] == pytest.approx(-3.2)


def test_document(client: TestClient):
    body = client.get("/api/documents/doc-4").json()
    assert body["document"]["text"] == XSS_TEXT  # stored and served as data; the page renders it as text
    ev = body["events"][0]
    text = body["document"]["text"]
    assert text[ev["trigger_start"]:ev["trigger_end"]] == "criticised"
    assert text[ev["source_start"]:ev["source_end"]] == "Kenya"
    assert text[ev["target_start"]:ev["target_end"]] == "France"
    assert text[ev["sentence_start"]:ev["sentence_end"]] == ev["text"]
    r = client.get("/api/documents/doc-404")
    assert r.status_code == 404 and "no document" in r.json()["error"]


@pytest.mark.parametrize("url, params, status, words", [
    ("/api/dyad", {"a": "XXX"}, 400, "unknown actor code 'XXX'"),
    ("/api/dyad", {"a": "JPN", "b": "NOPE"}, 400, "unknown actor"),
    ("/api/dyad", {}, 422, "a: Field required"),
    ("/api/dyad", {"a": "JPN", "freq": "hourly"}, 400, "freq"),
    ("/api/dyad", {"a": "JPN", "start": "2025-03-01", "end": "2025-01-01"}, 400, "empty range"),
    ("/api/dyad", {"a": "JPN", "start": "yesterday"}, 400, "YYYY-MM-DD"),
    ("/api/dyad", {"a": "JPN", "freq": "day", "start": "0001", "end": "9999"}, 400, "too long"),
    ("/api/dyad", {"a": "JPN", "both_directions": "perhaps"}, 422, "both_directions"),
    ("/api/events", {"limit": "abc"}, 422, "limit"),
    ("/api/events", {"limit": 0}, 422, "limit"),
    ("/api/events", {"limit": 10**9}, 422, "limit"),
    ("/api/events", {"offset": -5}, 422, "offset"),
    ("/api/events", {"quad_class": "9"}, 400, "quad_class"),
    ("/api/events", {"quad_class": "x"}, 400, "quad_class"),
    ("/api/events", {"event_type": "DANCE"}, 400, "event_type"),
    ("/api/events", {"modality": "rumoured"}, 400, "modality"),
    ("/api/events", {"b": "CHN"}, 400, "give a as well"),
    ("/api/events", {"actor": "ZZZ"}, 400, "unknown actor"),
    ("/api/events", {"start": "2025-02-30"}, 400, "not a real date"),
    ("/api/events", {"text": "x" * 500}, 400, "text"),
    ("/api/network", {"min_count": 0}, 422, "min_count"),
    ("/api/network", {"modality": "maybe"}, 400, "modality"),
    ("/api/network", {"event_type": "DANCE"}, 400, "event_type"),
    ("/api/network", {"quad_class": "0"}, 400, "quad_class"),
    ("/api/dyad", {"a": "JPN", "quad_class": "five"}, 400, "quad_class"),
    ("/api/dyad", {"a": "JPN", "modality": "rumoured"}, 400, "modality"),
    ("/api/compare", {}, 422, "dyad: Field required"),
    ("/api/compare", {"dyad": "USA-XYZ"}, 400, "dyad 'USA-XYZ': unknown actor code 'XYZ'"),
    ("/api/compare", {"dyad": "USA-JPN-CHN"}, 400, "dyad: expected A-B or A"),
    ("/api/compare", {"dyad": "-JPN"}, 400, "dyad: expected A-B or A"),
    ("/api/compare", {"dyad": "USA-JPN", "start": "26/11/2025"}, 400, "start"),
    ("/api/compare", {"dyad": "USA-JPN", "event_type": "DANCE"}, 400, "event_type"),
    ("/api/events", {"dyad": "USA-JPN", "a": "USA"}, 400, "dyad: give either"),
    ("/api/events.csv", {"dyad": "ZZZ"}, 400, "unknown actor"),
    ("/api/network", {"start": "2026", "end": "2025"}, 400, "empty range"),
])
def test_bad_parameters_are_4xx_json(client: TestClient, url: str, params: dict, status: int, words: str):
    r = client.get(url, params=params)
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    assert words in r.json()["error"]


@pytest.mark.parametrize("value", [
    "' OR 1=1 --", "JPN'; DROP TABLE events; --", "%", "J_P%", "CHN\" OR \"1\"=\"1", "1) OR (1=1", "\\x00",
])
def test_sql_fragments_are_values(client: TestClient, value: str):
    assert client.get("/api/events", params={"text": value}).json()["total"] == 0
    for params in ({"a": value}, {"a": "JPN", "b": value}, {"actor": value}):
        r = client.get("/api/events", params=params)
        assert r.status_code == 400 and "unknown actor" in r.json()["error"]
    assert client.get("/api/dyad", params={"a": value}).status_code == 400
    assert client.get("/api/events", params={"quad_class": value}).status_code == 400
    assert client.get("/api/events", params={"start": value}).status_code == 400
    assert client.get(f"/api/documents/{value}").status_code == 404
    assert client.get("/api/actors").json()["events"] == 8  # nothing changed


def test_no_route_writes(client: TestClient, db: Path):
    urls = ["/api/events", "/api/dyad", "/api/network", "/api/actors", "/api/documents/doc-1", "/",
            "/static/index.html", "/docs", "/openapi.json"]
    for url in urls:
        for method in ("POST", "PUT", "DELETE", "PATCH"):
            r = client.request(method, url, json={"id": "x", "text": "y"})
            assert r.status_code in (404, 405), (method, url, r.status_code)
    for route in client.app.routes:
        methods = getattr(route, "methods", None) or set()
        assert methods <= {"GET", "HEAD"}, (route.path, methods)
    with Store.open(db, read_only=True) as s:
        assert s.counts() == {"documents": 5, "events": 8}


def test_page_static_files_and_docs(client: TestClient):
    r = client.get("/")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "unsafe-inline" not in r.headers["content-security-policy"].split("script-src")[1].split(";")[0]
    assert 'src="static/app.js"' in r.text and "http" not in r.text.split("<body>")[0].replace("http-equiv", "")
    for path in ("/static/app.js", "/static/style.css", "/static/vendor/echarts/echarts.min.js",
                 "/static/vendor/echarts/LICENSE", "/static/vendor/swagger-ui/swagger-ui-bundle.js"):
        assert client.get(path).status_code == 200, path
    assert "innerHTML" not in client.get("/static/app.js").text
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/dyad", "/api/network", "/api/actors", "/api/documents/{doc_id}"} <= set(spec["paths"])
    assert client.get("/static/../store.py").status_code == 404


def test_missing_store_and_busy_store(tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch):
    with pytest.raises(StoreError, match="no store"):
        create_app(tmp_path / "nope.duckdb")
    client = TestClient(create_app(db), base_url=LOCAL, raise_server_exceptions=False)
    from eventwire.store import StoreBusy

    def busy(*a, **k):
        raise StoreBusy("store is in use by another process (an ingest?): try again shortly")

    monkeypatch.setattr(Store, "open", classmethod(lambda cls, *a, **k: busy()))
    r = client.get("/api/actors")
    assert r.status_code == 503 and "in use" in r.json()["error"] and r.headers["retry-after"] == "2"


def test_reads_while_another_process_ingests(tmp_path: Path):
    """A writer in another process holds the lock: the API answers 503 with a message, then recovers."""
    import subprocess
    import sys
    import textwrap

    path = tmp_path / "s.duckdb"
    build_store(path)
    client = TestClient(create_app(path, busy_wait=0.3), base_url=LOCAL,
                        raise_server_exceptions=False)
    script = textwrap.dedent(f"""
        import sys, time
        from eventwire.store import Store
        s = Store.open({str(path)!r})
        print("locked", flush=True)
        sys.stdin.readline()
        s.close()
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        r = client.get("/api/actors")
        assert r.status_code == 503 and "in use" in r.json()["error"]
    finally:
        proc.communicate("\n", timeout=30)
    assert client.get("/api/actors").status_code == 200


# ---------------------------------------------------------------------------- Host allow-list (DNS rebinding)

@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8000", "localhost", "LocalHost:31337", "localhost.",
                                  "[::1]", "[::1]:8000"])
def test_loopback_hosts_are_accepted_by_default(client: TestClient, host: str):
    r = client.get("/api/documents/doc-1", headers={"host": host})
    assert r.status_code == 200 and r.json()["document"]["id"] == "doc-1"


@pytest.mark.parametrize("host", ["attacker.example", "attacker.example:8000", "localhost.attacker.example",
                                  "127.0.0.1.attacker.example", "::1", "localhost:http", "[::1]x", "a b",
                                  "testserver"])
def test_other_hosts_get_400_json_and_no_data(client: TestClient, host: str):
    for url in ("/api/documents/doc-4", "/", "/static/app.js", "/api/nowhere"):
        r = client.get(url, headers={"host": host})
        assert r.status_code == 400, (url, r.status_code)
        assert r.headers["content-type"] == "application/json"
        assert r.json() == {"error": f"E070 host not allowed: {host!r} (serve with --allow-host NAME to accept "
                                     "another name)"}
        assert r.headers["x-content-type-options"] == "nosniff"


def test_the_bind_host_and_allow_host_names_are_accepted(db: Path):
    from eventwire.web.app import allowed_hosts

    hosts = allowed_hosts("10.1.2.3", ["Events.Example.org", "fe80::1"])
    assert hosts == {"127.0.0.1", "localhost", "::1", "10.1.2.3", "events.example.org", "fe80::1"}
    c = TestClient(create_app(db, hosts=hosts), base_url=LOCAL)
    for host in ("10.1.2.3:8000", "events.example.org", "EVENTS.example.org:443", "[fe80::1]:8000", "localhost"):
        assert c.get("/api/actors", headers={"host": host}).status_code == 200, host
    assert c.get("/api/actors", headers={"host": "example.org"}).status_code == 400


def test_serve_passes_the_allow_list_to_the_app(store_cli, db: Path, monkeypatch: pytest.MonkeyPatch):
    import uvicorn
    from typer.testing import CliRunner

    apps: list = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: apps.append(app))
    r = CliRunner().invoke(store_cli, ["serve", "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert apps[-1].state.hosts == {"127.0.0.1", "localhost", "::1"}
    r = CliRunner().invoke(store_cli, ["serve", "--db", str(db), "--host", "192.0.2.7", "--allow-host",
                                       "events.example.org", "--allow-host", "[2001:db8::5]"])
    assert r.exit_code == 0, r.output
    assert apps[-1].state.hosts == {"127.0.0.1", "localhost", "::1", "192.0.2.7", "events.example.org",
                                    "2001:db8::5"}
    r = CliRunner().invoke(store_cli, ["serve", "--db", str(db), "--allow-host", "bad name"])
    assert r.exit_code == 2 and "--allow-host: not a host name: 'bad name'" in r.output
    assert len(apps) == 2


# ---------------------------------------------------------------------------- one error shape; odd document ids

@pytest.mark.parametrize("method, url, status, message", [
    ("GET", "/api/nowhere", 404, "Not Found"),
    ("GET", "/nowhere", 404, "Not Found"),
    ("GET", "/static/missing.js", 404, "Not Found"),
    ("GET", "/static/../store.py", 404, "Not Found"),
    ("POST", "/api/events", 405, "Method Not Allowed"),
    ("DELETE", "/api/documents/doc-1", 405, "Method Not Allowed"),
    ("GET", "/api/documents/doc-404", 404, "no document with id 'doc-404'"),
    ("GET", "/api/events?limit=abc", 422, "limit: Input should be a valid integer, unable to parse string as an "
                                          "integer"),
    ("GET", "/api/document", 422, "id: Field required"),
])
def test_every_error_answer_has_one_shape(client: TestClient, method: str, url: str, status: int, message: str):
    r = client.request(method, url)
    assert r.status_code == status
    assert r.headers["content-type"] == "application/json"
    assert r.json() == {"error": message}


ODD_IDS = ["..", ".", "a/b", "../../etc/passwd", "x/../doc-1", "/lead", "%2E%2E"]


@pytest.fixture(scope="module")
def odd_client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    from eventwire.records import Document

    path = tmp_path_factory.mktemp("odd") / "s.duckdb"
    with Store.open(path) as s:
        s.ingest([Document(i, f"text of {i}", None) for i in ODD_IDS], [])
    return TestClient(create_app(path), base_url=LOCAL, raise_server_exceptions=False)


@pytest.mark.parametrize("doc_id", ODD_IDS)
def test_any_document_id_is_found_by_query_parameter(odd_client: TestClient, doc_id: str):
    r = odd_client.get("/api/document", params={"id": doc_id})
    assert r.status_code == 200 and r.json()["document"]["text"] == f"text of {doc_id}"


@pytest.mark.parametrize("raw, status, doc_text", [
    ("/api/documents/%2E%2E", 200, "text of .."),              # an id, not a path step
    ("/api/documents/a%2Fb", 200, "text of a/b"),
    ("/api/documents/a/b", 200, "text of a/b"),
    ("/api/documents/..%2F..%2Fetc%2Fpasswd", 200, "text of ../../etc/passwd"),
    ("/api/documents/..%2Fstore.py", 404, None),
    ("/api/documents/", 400, None),
    ("/static/..%2F..%2Fstore.py", 404, None),
    ("/static/%2E%2E/app.py", 404, None),
])
def test_document_paths_with_dots_and_slashes_answer_json(odd_client: TestClient, raw: str, status: int,
                                                          doc_text: str | None):
    r = odd_client.get(raw)
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/json"
    if doc_text is None:
        assert list(r.json()) == ["error"]
    else:
        assert r.json()["document"]["text"] == doc_text


def test_the_dashboard_asks_for_documents_by_query_parameter(client: TestClient):
    script = client.get("/static/app.js").text
    assert 'api("api/document", { id: docId })' in script
    assert "api/documents/" not in script


def test_a_bug_answers_500_in_the_same_shape_without_detail(db: Path, monkeypatch: pytest.MonkeyPatch):
    def broken(self):
        raise RuntimeError("secret detail of the bug")

    monkeypatch.setattr(Store, "actors", broken)
    r = TestClient(create_app(db), base_url=LOCAL, raise_server_exceptions=False).get("/api/actors")
    assert (r.status_code, r.json()) == (500, {"error": "internal server error"})
    assert r.headers["content-type"] == "application/json"
