"""The dashboard in headless Chromium: pick a dyad, chart and table counts, chart filtering, document
highlighting, and an article full of markup that must stay inert text.

Runs `eventwire serve` as a subprocess on a free loopback port over a store of hand-built events
(tests/storedata.py), and drives Debian's /usr/bin/chromium through Playwright.
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
from pathlib import Path

import pytest

from .storedata import XSS_TEXT, XSS_TITLE, build_store

pytestmark = [pytest.mark.browser, pytest.mark.slow]



def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("dash") / "s.duckdb"
    build_store(db)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url + "api/actors", timeout=2) as r:
                    assert json.load(r)["events"] == 8
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
    assert pg.text_content("#series-summary").startswith("4 events — cooperation 2, conflict 2")

    opt = _chart_option(pg, "series-chart")
    assert opt["xAxis"][0]["data"] == ["2025-01", "2025-02", "2025-03"]
    by_name = {s["name"]: s["data"] for s in opt["series"]}
    assert by_name["Verbal cooperation"] == [1, 0, 1]
    assert by_name["Verbal conflict"] == [1, 1, 0]
    assert by_name["Material conflict"] == [0, 0, 0]
    assert by_name["Mean Goldstein"] == [-0.5, -4.4, 1.0]
    assert pg.eval_on_selector("#series-chart canvas", "c => c.width > 300 && c.height > 200")

    net = _chart_option(pg, "network-chart")["series"][0]
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
