"""The dashboard in headless Chromium: pick a dyad, chart and table counts, chart filtering, document
highlighting, and an article full of markup that must stay inert text.

Runs `eventwire serve` as a subprocess on a free loopback port over a store of hand-built events
(tests/storedata.py), and drives Debian's /usr/bin/chromium through Playwright. The last test codes the
seed article and the dev set into a store (skipped when those files are absent) and checks that the
page counts what `eventwire query dyad --json` counts: asserted events unless asked.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .conftest import SHARED
from .storedata import XSS_TEXT, XSS_TITLE, build_store

pytestmark = [pytest.mark.browser, pytest.mark.slow]



def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _serving(db: Path) -> Iterator[str]:
    """`eventwire serve` over `db` on a free loopback port, until the block ends; yields the page's URL."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url + "api/actors", timeout=2) as r:
                    json.load(r)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    out = proc.communicate(timeout=5)[0] if proc.poll() is not None else "(still running)"
                    pytest.fail(f"eventwire serve did not start: {out}")
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("dash") / "s.duckdb"
    build_store(db)
    with _serving(db) as url:
        with urllib.request.urlopen(url + "api/actors", timeout=5) as r:
            assert json.load(r)["events"] == 8
        yield url


@pytest.fixture(params=[False, True], ids=["csp", "no-csp"])
def page(browser, server: str, request: pytest.FixtureRequest):
    """The dashboard, with its Content-Security-Policy enforced, and without: rendering alone must be safe."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, bypass_csp=request.param)
    pg = context.new_page()
    pg.problems = []  # page errors, console errors, dialogs: none expected
    pg.on("pageerror", lambda e: pg.problems.append(f"pageerror: {e}"))
    pg.on("console", lambda m: pg.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.goto(server)
    pg.wait_for_selector("body[data-ready='1']", timeout=15_000)
    yield pg
    context.close()


def _settle(pg) -> None:
    pg.wait_for_selector("body[data-busy='0']", state="attached", timeout=10_000)


def _chart_option(pg, element_id: str) -> dict:
    return pg.evaluate(f"""() => {{
        const o = echarts.getInstanceByDom(document.getElementById('{element_id}')).getOption();
        return JSON.parse(JSON.stringify({{xAxis: o.xAxis, series: o.series}}));
    }}""")


def _rows(pg) -> list[list[str]]:
    return pg.eval_on_selector_all("#events-table tbody tr",
                                   "trs => trs.map(tr => [...tr.cells].map(td => td.innerText.trim()))")


def test_dyad_chart_table_and_document(page, tmp_path: Path):
    pg = page
    pg.select_option("#actor-a", "JPN")
    _settle(pg)
    pg.select_option("#actor-b", "CHN")
    _settle(pg)
    assert pg.text_content("#series-title") == "Cooperation and conflict: JPN ↔ CHN"
    # asserted events only: the hypothetical threat and the planned visit are named, not counted
    assert pg.text_content("#series-summary") == "2 events — cooperation 1, conflict 1, mean Goldstein -0.50"
    assert pg.text_content("#series-note") == ("not counted: 1 planned, 1 hypothetical (choose them under "
                                               "modality)")
    pg.select_option("#modality", "all")
    _settle(pg)
    assert pg.text_content("#series-summary").startswith("4 events — cooperation 2, conflict 2")
    assert pg.text_content("#series-note") == "counted: 2 asserted, 1 planned, 1 hypothetical"

    opt = _chart_option(pg, "series-chart")
    assert opt["xAxis"][0]["data"] == ["2025-01", "2025-02", "2025-03"]
    by_name = {s["name"]: s["data"] for s in opt["series"]}
    assert by_name["Verbal cooperation"] == [1, 0, 1]
    assert by_name["Verbal conflict"] == [1, 1, 0]
    assert by_name["Material conflict"] == [0, 0, 0]
    assert by_name["Mean Goldstein"] == [-0.5, -4.4, 1.0]
    assert pg.eval_on_selector("#series-chart canvas", "c => c.width > 300 && c.height > 200")

    net = _chart_option(pg, "network-chart")["series"][0]  # every modality, as chosen above
    assert {n["name"] for n in net["data"]} == {"JPN", "CHN", "USA", "KEN", "FRA"}
    assert len(net["links"]) == 5

    rows = _rows(pg)
    assert pg.text_content("#table-count") == "4 events"
    assert [r[:6] for r in rows] == [
        ["2025-03", "JPN Japan", "CONSULT", "CHN China", "planned", "0.60"],
        ["2025-02-20", "CHN China", "THREATEN", "JPN Japan", "hypothetical", "0.50"],
        ["2025-01-10", "JPN Japan", "CONSULT", "CHN China", "asserted", "0.80"],
        ["2025-01-10", "CHN China", "ACCUSE", "JPN Japan", "asserted", "0.70"],
    ]

    # a click on February's verbal-conflict bar narrows the table to it
    x, y = pg.evaluate("""() => {
        const chart = echarts.getInstanceByDom(document.getElementById('series-chart'));
        return chart.convertToPixel({xAxisIndex: 0, yAxisIndex: 0}, ['2025-02', 0.5]);
    }""")
    box = pg.locator("#series-chart").bounding_box()
    pg.mouse.click(box["x"] + x, box["y"] + y)
    _settle(pg)
    assert pg.text_content("#table-filter").startswith("2025-02 · verbal conflict")
    assert [r[2] for r in _rows(pg)] == ["THREATEN"]
    pg.click("#table-filter button")
    _settle(pg)
    assert len(_rows(pg)) == 4

    # a click on a row opens its document with the sentence, trigger, source and target highlighted
    pg.click("#events-table tbody tr:nth-child(4)")
    _settle(pg)
    pg.wait_for_selector("#doc-text mark.hl-trigger")
    assert pg.text_content("#doc-title") == "Talks in Tokyo"
    assert pg.text_content("#doc-meta") == "Example Daily · 2025-01-10 · id doc-1"
    sentence = pg.eval_on_selector_all("#doc-text .hl-sentence", "els => els.map(e => e.textContent).join('')")
    assert sentence == "Later, China accused Japan of provocations."
    assert pg.text_content("#doc-text mark.hl-trigger") == "accused"
    assert pg.text_content("#doc-text mark.hl-source") == "China"
    assert pg.text_content("#doc-text mark.hl-target") == "Japan"
    assert pg.text_content("#doc-text") == ("Japan and China held talks in Tokyo on Friday. "
                                            "Later, China accused Japan of provocations.")
    assert pg.locator("#events-table tbody tr.selected").count() == 1
    pg.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
    shot = os.environ.get("EVENTWIRE_SCREENSHOT")
    if shot:
        pg.screenshot(path=shot, full_page=True)
    assert (tmp_path / "dashboard.png").stat().st_size > 10_000
    assert pg.problems == []


def test_markup_in_articles_stays_inert_text(page, tmp_path: Path):
    pg = page
    pg.select_option("#actor-a", "KEN")
    _settle(pg)
    rows = _rows(pg)
    assert len(rows) == 1 and rows[0][2] == "ACCUSE"
    pg.click("#events-table tbody tr")
    _settle(pg)
    pg.wait_for_selector("#doc-text mark.hl-trigger")
    assert pg.evaluate("typeof window.__pwned") == "undefined"
    assert pg.text_content("#doc-text") == XSS_TEXT
    assert pg.text_content("#doc-title") == XSS_TITLE
    assert "Example <b>Bold</b> Post" in pg.text_content("#doc-meta")
    # nothing in the document panel became an element other than our own highlighting
    tags = pg.eval_on_selector_all("#doc-panel *", "els => [...new Set(els.map(e => e.tagName.toLowerCase()))]")
    assert not {"script", "img", "b", "a", "iframe"} & set(tags), tags
    sentence = pg.eval_on_selector_all("#doc-text .hl-sentence", "els => els.map(e => e.textContent).join('')")
    assert sentence == "Kenya <script>window.__pwned=1</script> criticised France on Saturday."
    assert pg.text_content("#doc-text mark.hl-trigger") == "criticised"
    pg.wait_for_timeout(300)  # an onerror handler would have fired by now
    assert pg.evaluate("typeof window.__pwned") == "undefined"
    pg.screenshot(path=str(tmp_path / "markup.png"), full_page=True)
    assert pg.problems == []


def test_bad_state_in_the_url_shows_a_message(browser, server: str):
    context = browser.new_context()
    pg = context.new_page()
    pg.goto(server + "#a=JPN&b=CHN&start=2025-03-01&end=2025-01-01")
    pg.wait_for_selector("body[data-ready='1']", timeout=15_000)
    assert "empty range" in pg.text_content("#message")
    context.close()


# ---------------------------------------------------------------------------- comparison, filters, export

SHOTS = Path(os.environ.get("EVENTWIRE_SHOTS", "/tmp/shots"))


@pytest.fixture()
def pg(browser, server: str):
    """The dashboard at 1440 px, its Content-Security-Policy enforced; downloads allowed."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda e: page.problems.append(f"pageerror: {e}"))
    page.on("console", lambda m: page.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.goto(server)
    page.wait_for_selector("body[data-ready='1']", timeout=15_000)
    _settle(page)
    yield page
    context.close()


def _shot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / name
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    return path


def _hash(page) -> str:
    return page.evaluate("decodeURIComponent(location.hash)")


def test_two_dyads_on_one_axis_shared_by_url(pg, server: str):
    pg.select_option("#actor-a", "USA")
    _settle(pg)
    pg.select_option("#actor-b", "JPN")
    _settle(pg)
    pg.click("#add-dyad")
    _settle(pg)
    pg.select_option("#actor-b-2", "CHN")
    _settle(pg)
    pg.select_option("#modality", "all")
    _settle(pg)
    assert pg.input_value("#actor-a-2") == "USA"
    assert pg.text_content("#series-title") == "Cooperation and conflict: USA ↔ JPN vs USA ↔ CHN"
    sums = pg.eval_on_selector_all("#series-summary .dyad-sum", "els => els.map(e => e.textContent)")
    assert sums == ["USA ↔ JPN: 1 event — cooperation 1, conflict 0, mean Goldstein 7.40",
                    "USA ↔ CHN: 1 event — cooperation 0, conflict 1, mean Goldstein -4.00"]
    opt = _chart_option(pg, "series-chart")
    assert opt["xAxis"][0]["data"] == ["2025-02"]  # one axis for both
    assert {s["name"]: s["data"] for s in opt["series"]} == {
        "USA ↔ JPN cooperation": [1], "USA ↔ JPN conflict": [0],
        "USA ↔ CHN cooperation": [0], "USA ↔ CHN conflict": [1]}
    assert {r[3] for r in _rows(pg)} == {"JPN Japan", "CHN China"}  # the table holds both dyads
    assert _hash(pg) == "#d=USA-JPN&d=USA-CHN&modality=all"
    _shot(pg, "compare-two-dyads.png")

    # the URL alone brings the same view back, and a dyad can be removed again
    other = pg.context.new_page()
    other.goto(server + "#d=USA-JPN&d=USA-CHN&modality=all")
    other.wait_for_selector("body[data-ready='1']", timeout=15_000)
    _settle(other)
    assert other.text_content("#series-title") == "Cooperation and conflict: USA ↔ JPN vs USA ↔ CHN"
    assert other.input_value("#modality") == "all" and other.input_value("#actor-b-2") == "CHN"
    other.click("#dyads .dyad-row:nth-child(2) .remove")
    _settle(other)
    assert other.text_content("#series-title") == "Cooperation and conflict: USA ↔ JPN"
    assert other.locator("#actor-a-2").count() == 0
    other.close()
    assert pg.problems == []


def test_filters_modality_type_quad_and_text(pg):
    pg.select_option("#actor-a", "JPN")
    _settle(pg)
    pg.select_option("#actor-b", "CHN")
    _settle(pg)
    assert [r[4] for r in _rows(pg)] == ["asserted", "asserted"]  # the table follows the counts
    pg.select_option("#modality", "planned")
    _settle(pg)
    assert pg.text_content("#series-summary").startswith("1 event — cooperation 1, conflict 0")
    assert [r[2:5] for r in _rows(pg)] == [["CONSULT", "CHN China", "planned"]]
    pg.select_option("#modality", "all")
    _settle(pg)
    pg.select_option("#event-type", "THREATEN")
    _settle(pg)
    assert [r[2] for r in _rows(pg)] == ["THREATEN"] and pg.text_content("#table-count") == "1 event"
    pg.select_option("#event-type", "")
    pg.select_option("#quad", "1")
    _settle(pg)
    assert [r[2] for r in _rows(pg)] == ["CONSULT", "CONSULT"]
    assert pg.text_content("#series-summary").startswith("2 events — cooperation 2, conflict 0")
    pg.select_option("#quad", "")
    _settle(pg)
    pg.fill("#text", "provocations")
    pg.press("#text", "Enter")
    _settle(pg)
    assert [r[2] for r in _rows(pg)] == ["ACCUSE"]
    assert pg.text_content("#series-summary").startswith("1 event — cooperation 0, conflict 1")
    assert _hash(pg) == "#d=JPN-CHN&text=provocations&modality=all"
    _shot(pg, "filters.png")
    pg.fill("#text", "nothing like this")
    pg.press("#text", "Enter")
    _settle(pg)
    assert _rows(pg) == [] and pg.text_content("#series-summary").startswith("0 events")
    assert pg.problems == []


def test_weekly_series_says_what_it_skips(pg):
    pg.select_option("#actor-a", "JPN")
    _settle(pg)
    pg.select_option("#actor-b", "CHN")
    _settle(pg)
    pg.select_option("#modality", "all")
    _settle(pg)
    pg.select_option("#freq", "week")
    _settle(pg)
    assert pg.text_content("#series-note") == ("counted: 2 asserted, 1 planned, 1 hypothetical · "
                                               "1 event dated only to a month or year not shown per week")
    assert pg.text_content("#series-summary").startswith("3 events")


def test_picker_names_actors_and_an_actor_without_events_is_an_empty_series(pg):
    labels = pg.eval_on_selector_all("#actor-a optgroup[label='in the store'] option",
                                     "os => os.map(o => o.textContent)")
    assert labels == ["CHN — China (5)", "JPN — Japan (5)", "USA — United States (3)", "FRA — France (1)",
                      "KEN — Kenya (1)"]
    kor = pg.eval_on_selector("#actor-b optgroup[label='no events yet'] option[value='KOR']", "o => o.textContent")
    assert kor == "KOR — South Korea"
    pg.select_option("#actor-a", "USA")
    _settle(pg)
    pg.select_option("#actor-b", "KOR")
    _settle(pg)
    assert pg.text_content("#message") == ""
    assert pg.text_content("#series-summary") == "0 events — cooperation 0, conflict 0"
    assert _rows(pg) == [] and pg.text_content("#table-count") == "0 events"


def _node_positions(page) -> dict[str, tuple[float, float]]:
    data = _chart_option(page, "network-chart")["series"][0]["data"]
    return {n["name"]: (n["x"], n["y"]) for n in data}


def test_network_minimum_count_and_stable_layout(pg, server: str):
    pg.select_option("#modality", "all")
    _settle(pg)
    first = _node_positions(pg)
    assert set(first) == {"CHN", "JPN", "USA", "KEN", "FRA"}
    assert pg.get_attribute("#network-chart", "data-edges") == "5"
    pg.fill("#min-count", "2")
    pg.press("#min-count", "Enter")
    pg.dispatch_event("#min-count", "change")
    _settle(pg)
    assert pg.get_attribute("#network-chart", "data-edges") == "2"
    strong = _node_positions(pg)
    assert set(strong) == {"CHN", "JPN"} and strong["CHN"] == first["CHN"] and strong["JPN"] == first["JPN"]
    assert "min=2" in _hash(pg)
    again = pg.context.new_page()  # a fresh load lays the nodes out where they were
    again.goto(server + "#modality=all")
    again.wait_for_selector("body[data-ready='1']", timeout=15_000)
    _settle(again)
    assert _node_positions(again) == first
    again.close()


def test_csv_download_of_the_selection(pg, tmp_path: Path):
    import csv

    pg.select_option("#actor-a", "JPN")
    _settle(pg)
    pg.select_option("#actor-b", "CHN")
    _settle(pg)
    with pg.expect_download() as info:
        pg.click("#download")
    path = tmp_path / "events.csv"
    info.value.save_as(path)
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert info.value.suggested_filename == "eventwire-events.csv"
    assert sorted(r["event_id"] for r in rows) == ["doc-1:0:0", "doc-1:1:0"]  # asserted, as on the page
    assert {"location_lat", "location_lon", "topics", "source_name", "cameo", "text"} <= rows[0].keys()
    pg.select_option("#modality", "all")
    _settle(pg)
    with pg.expect_download() as info:
        pg.click("#download")
    info.value.save_as(path)
    with path.open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == 4
    assert pg.problems == []


def test_reads_well_at_1024_px(browser, server: str):
    context = browser.new_context(viewport={"width": 1024, "height": 900})
    page = context.new_page()
    page.goto(server + "#d=USA-JPN&d=USA-CHN&modality=all")
    page.wait_for_selector("body[data-ready='1']", timeout=15_000)
    _settle(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1024  # no sideways scrolling
    for sel in ("#actor-a", "#actor-b-2", "#add-dyad", "#modality", "#event-type", "#quad", "#text", "#download",
                "#min-count", "#series-chart", "#network-chart", "#events-table"):
        box = page.locator(sel).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 1024, (sel, box)
    chart = page.locator("#series-chart").bounding_box()
    assert chart["width"] > 900  # one column below 1100 px: the chart takes the width
    table = page.locator("#events-table").bounding_box()
    assert table["y"] > chart["y"] + chart["height"]
    _shot(page, "dashboard-1024.png")
    context.close()


@pytest.mark.parametrize("doc_id", ["..", "a/../b"])
def test_a_document_whose_id_looks_like_a_path_opens(browser, tmp_path: Path, doc_id: str):
    """The document view asks for the id as a query parameter: '..' is not resolved as a step up the URL."""
    from dataclasses import replace

    from eventwire.store import Store

    from .storedata import DOCS, build_events

    db = tmp_path / "s.duckdb"
    with Store.open(db) as s:
        s.ingest([replace(DOCS[0], id=doc_id)], [replace(e, doc_id=doc_id) for e in build_events()
                                                  if e.doc_id == "doc-1"])
    with _serving(db) as url:
        context = browser.new_context(viewport={"width": 1440, "height": 1000})
        pg = context.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(url)
        pg.wait_for_selector("body[data-ready='1']", timeout=15_000)
        pg.select_option("#actor-a", "JPN")
        _settle(pg)
        pg.click("#events-table tbody tr:nth-child(1)")
        _settle(pg)
        pg.wait_for_selector("#doc-text mark.hl-trigger")
        assert pg.text_content("#doc-title") == "Talks in Tokyo"
        assert pg.text_content("#doc-meta") == f"Example Daily · 2025-01-10 · id {doc_id}"
        assert pg.text_content("#message") == "" and errors == []
        context.close()


# ---------------------------------------------------------------------------- the seed article and the dev set

SEED = SHARED / "data" / "examples" / "seed-article.txt"
DEV_DOCS = SHARED / "data" / "eval" / "dev" / "docs.jsonl"
SEED_PUBLISHED = "2025-11-26"


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], capture_output=True, text=True,
                          timeout=900)


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the seed article and the dev documents, coded by the real coder (read at test time only)."""
    missing = [str(p) for p in (SEED, DEV_DOCS) if not p.is_file()]
    if missing:
        pytest.skip(f"corpus files are not here: {', '.join(missing)}")
    db = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    p = _cli("ingest", str(DEV_DOCS), str(SEED), "--published", SEED_PUBLISHED, "--db", str(db))
    assert p.returncode == 0, p.stderr
    return db


def _dyad(db: Path, *extra: str) -> dict:
    p = _cli("query", "dyad", "USA", "JPN", "--json", "--db", str(db), *extra)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


def _fixed2(x: float) -> str:
    """JavaScript's x.toFixed(2): the exact value of the double, a tie rounded away from zero."""
    from decimal import ROUND_HALF_UP, Decimal

    return str(Decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _summary(t: dict) -> str:
    """The page's headline for a dyad's totals, in its wording."""
    n = t["count"]
    text = f"{n} event{'' if n == 1 else 's'} — cooperation {t['q1'] + t['q2']}, conflict {t['q3'] + t['q4']}"
    return text + (f", mean Goldstein {_fixed2(t['goldstein_mean'])}" if t["goldstein_mean"] is not None else "")


def _note(head: dict) -> str:
    """The page's note under the chart (one dyad, per month): what the counts hold beyond asserted events, and
    what they left out."""
    parts = []
    if any(m != "asserted" for m in head["counted"]):
        parts.append("counted: " + ", ".join(f"{n} {m}" for m, n in head["counted"].items()))
    if head["left_out"]:
        parts.append("not counted: " + ", ".join(f"{n} {m}" for m, n in head["left_out"].items())
                     + " (choose them under modality)")
    if head["skipped_imprecise"]:
        n = head["skipped_imprecise"]
        parts.append(f"{n} event{'' if n == 1 else 's'} dated only to a year not shown per month")
    return " · ".join(parts)


def test_seed_and_dev_store_counts_on_the_page_as_on_the_command_line(browser, corpus_db: Path):
    import pandas as pd

    from eventwire.store import Store

    asserted, everything = _dyad(corpus_db), _dyad(corpus_db, "--modality", "all")
    # the store's own events say what the counts must be: cooperation among asserted events only, by default
    with Store.open(corpus_db, read_only=True) as s:
        rows = s.events(dyad=("USA", "JPN"), limit=None).to_dict("records")
    placed = [r for r in rows if (r["date_precision"] or "day") in ("day", "month") and pd.notna(r["day"])]
    coop = [r for r in placed if r["quad_class"] in (1, 2)]
    assert asserted["totals"]["q1"] + asserted["totals"]["q2"] == sum(r["modality"] == "asserted" for r in coop)
    assert everything["totals"]["q1"] + everything["totals"]["q2"] == len(coop)
    unasserted = [r for r in coop if r["modality"] != "asserted"]
    assert unasserted, "the seed article's negated and planned cooperation should be in this dyad"
    assert sum(asserted["left_out"].values()) == sum(r["modality"] != "asserted" for r in rows)
    assert everything["left_out"] == {}

    with _serving(corpus_db) as url:
        context = browser.new_context(viewport={"width": 1440, "height": 1000})
        pg = context.new_page()
        problems: list[str] = []
        pg.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
        pg.goto(url)
        pg.wait_for_selector("body[data-ready='1']", timeout=15_000)
        _settle(pg)
        pg.select_option("#actor-a", "USA")
        _settle(pg)
        pg.select_option("#actor-b", "JPN")
        _settle(pg)
        assert pg.text_content("#series-summary") == _summary(asserted["totals"])
        assert pg.text_content("#series-note") == _note(asserted)
        assert {r[4] for r in _rows(pg)} == {"asserted"}  # the table follows the counts
        pg.select_option("#modality", "all")
        _settle(pg)
        assert pg.text_content("#series-summary") == _summary(everything["totals"])
        assert pg.text_content("#series-note") == _note(everything)
        for m in {r["modality"] for r in unasserted}:  # a negated act is never read as one that happened
            assert f" {m}" in pg.text_content("#series-note")
        shown = {r[4] for r in _rows(pg)}
        assert {r["modality"] for r in unasserted} <= shown
        context.close()
        assert problems == []
