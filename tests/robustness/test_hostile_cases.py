"""The hostile cases of hostile_cases.py hold in-process (the reader), and bench/hostile.py and
bench/ingest_memory.py run and print their figures (those two start subprocesses: marked slow)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire import io as ewio
from eventwire.records import Document, Event

from ..conftest import REPO
from .hostile_cases import GOOD_IDS, cases

LINE_CASES = [c for c in cases() if c.name.startswith(("ingest-file/", "ingest-stdin/")) and len(c.bad) == 1
              and c.bad[0].where.endswith(":2")]


def test_the_cases_cover_what_the_issue_lists():
    names = [c.name for c in cases()]
    assert len(names) == len(set(names)) >= 150
    for part in ("non-utf8", "huge-int-field", "event-cameo=42", "event-quad_class=true", "duplicate-id",
                 "unreadable-subfolder", "stdin-closed", "stdout-closed", "stdin/bom", "hostile-good-documents"):
        assert any(part in n for n in names), part


@pytest.mark.parametrize("case", LINE_CASES, ids=[c.name for c in LINE_CASES])
def test_each_bad_line_is_one_problem_of_line_2_and_its_neighbours_come_through(case, tmp_path: Path):
    """What bench/hostile.py checks through the command line, here through the reader ingest uses."""
    from eventwire.cli_store import read_ingest_inputs

    body = case.stdin if case.stdin is not None else case.files[case.args[0]]
    path = tmp_path / "in.jsonl"
    path.write_bytes(body)
    items = list(read_ingest_inputs([str(path)]))
    problems = [i for i in items if isinstance(i, ewio.InputProblem)]
    bad = case.bad[0]
    assert [p.line for p in problems] == [2], [p.message() for p in problems]
    assert problems[0].code == bad.code if bad.code else problems[0].code.startswith("E")
    assert bad.says in problems[0].problem
    kept = [i.id if isinstance(i, Document) else i.to_dict()["event_id"] for i in items
            if isinstance(i, Document | Event)]
    assert kept == (case.good_docs or case.good_events)


def test_a_boolean_quad_class_is_a_problem_not_a_crash():
    """True == 1 in Python, so Literal[1, 2, 3, 4] let it through, and the store's int8 column then raised."""
    from eventwire.io.codec import RecordError, decode_event

    from ..storedata import build_events

    good = build_events()[0].to_dict()
    for value, says in ((True, "should be a valid integer (got bool 'True')"),
                        (5, "should be less than or equal to 4 (got int '5')"),
                        (0, "should be greater than or equal to 1 (got int '0')")):
        with pytest.raises(RecordError) as e:
            decode_event({**good, "quad_class": value})
        assert str(e.value) == f"E020 not a valid event record: 'quad_class' {says}"
    assert decode_event({**good, "quad_class": 3}).quad_class == 3


def _run(script: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "bench" / script), *args], capture_output=True, text=True,
                          timeout=600, cwd=REPO)


@pytest.mark.slow
def test_ingest_memory_script_prints_its_figures_on_a_small_n():
    p = _run("ingest_memory.py", "--docs", "200", "--per-doc", "2")
    assert p.returncode == 0, p.stderr
    figures = json.loads(p.stdout.splitlines()[-1])
    assert (figures["documents"], figures["coded"], figures["events"]) == (200, 0, 400)
    assert set(figures) == {"documents", "coded", "events", "input_mb", "generate_seconds", "seconds",
                            "docs_per_second", "peak_rss_mb", "bar_mb", "under_bar"}
    assert figures["peak_rss_mb"] > 0 and figures["bar_mb"] == 400
    assert p.stdout.splitlines()[0].startswith("ingest of 200 documents (0 coded now), 400 events")


@pytest.mark.slow
def test_hostile_runner_counts_a_few_cases():
    p = _run("hostile.py", "--only", "event-cameo")
    assert p.returncode == 0, p.stdout + p.stderr
    summary = json.loads(p.stdout.splitlines()[-1])
    assert (summary["cases"], summary["tracebacks"], summary["good_lost"], summary["wrong_exit_status"]) == \
        (2, 0, 0, 0)
    assert (summary["bad_inputs"], summary["bad_named_with_code"], summary["good_events"]) == (2, 2, 4)
    assert summary["codes_seen"] == {"E020": 2}
    assert GOOD_IDS == ["good-1", "good-2"]
