"""`eventwire ingest`, `query` and `serve`: coded-event input, bad lines named by file:line, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from eventwire.store import Store

from .storedata import DOCS, build_events

runner = CliRunner()


def _write_inputs(tmp_path: Path) -> tuple[Path, Path]:
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps({"id": d.id, "published": d.published.isoformat(), "source": d.source,
                                        "title": d.title, "text": d.text}) + "\n" for d in DOCS))
    events = tmp_path / "events.jsonl"
    events.write_text("".join(json.dumps(e.to_dict()) + "\n" for e in build_events()))
    return docs, events


def test_ingest_documents_with_coded_events_twice(store_cli: typer.Typer, tmp_path: Path):
    docs, events = _write_inputs(tmp_path)
    db = tmp_path / "s.duckdb"
    for _ in range(2):
        r = runner.invoke(store_cli, ["ingest", str(docs), str(events), "--db", str(db)])
        assert r.exit_code == 0, r.output
        assert "stored 5 documents (0 coded now), 8 events" in r.output
    with Store.open(db, read_only=True) as s:
        assert s.counts() == {"documents": 5, "events": 8}
        assert s.document("doc-1").document["text"] == DOCS[0].text


def test_ingest_events_only_and_bad_lines(store_cli: typer.Typer, tmp_path: Path):
    first, *rest = build_events()
    events = tmp_path / "events.jsonl"
    events.write_text("".join(json.dumps(e.to_dict()) + "\n" for e in rest))
    bad = tmp_path / "bad.jsonl"
    good = json.dumps(first.to_dict())  # read once in the run, so not a duplicate
    bad.write_text("\n".join([
        good,
        "{broken",
        json.dumps({"event_id": "x:0:0", "doc_id": "x", "event_type": "DANCE"}),
        json.dumps({"event_id": "y:0:0", "event_type": "AID"}),
        json.dumps({"event_id": "z:0:0", "doc_id": "z", "event_type": "AID", "quad_class": 9}),
        json.dumps({"id": "d", "published": "2025-01-01"}),  # a document without text
    ]) + "\n")
    errors = tmp_path / "errors.jsonl"
    db = tmp_path / "s.duckdb"
    r = runner.invoke(store_cli, ["ingest", str(events), str(bad), "--db", str(db), "--errors", str(errors)])
    assert r.exit_code == 1
    lines = [ln for ln in r.output.splitlines() if ln.startswith("eventwire: skipped")]
    assert [ln.split(": ")[1].rsplit("/", 1)[-1] for ln in lines] == [
        "bad.jsonl:2", "bad.jsonl:3", "bad.jsonl:4", "bad.jsonl:5", "bad.jsonl:6"]
    assert [ln.split(": ")[2].split()[0] for ln in lines] == ["E002", "E020", "E020", "E020", "E011"]
    assert "not valid JSON" in lines[0] and "(got str 'DANCE')" in lines[1] and "doc_id" in lines[2]
    assert "quad_class" in lines[3] and "missing 'text'" in lines[4]
    assert len(errors.read_text().splitlines()) == 5
    with Store.open(db, read_only=True) as s:
        assert s.counts() == {"documents": 5, "events": 8}  # rows with no text for the documents
        assert s.document("doc-1").document["text"] is None


def test_ingest_missing_input_and_unwritable_db(store_cli: typer.Typer, tmp_path: Path):
    r = runner.invoke(store_cli, ["ingest", str(tmp_path / "nope.jsonl"), "--db", str(tmp_path / "s.duckdb")])
    assert r.exit_code == 1 and "nope.jsonl: E030 no such file or folder" in r.output
    _, events = _write_inputs(tmp_path)
    r = runner.invoke(store_cli, ["ingest", str(events), "--db", str(tmp_path / "no" / "dir" / "s.duckdb")])
    assert r.exit_code == 2 and "does not exist" in r.output


def test_query_commands(store_cli: typer.Typer, tmp_path: Path):
    db = tmp_path / "s.duckdb"
    with Store.open(db) as s:
        s.ingest(DOCS, build_events())
    r = runner.invoke(store_cli, ["query", "dyad", "JPN", "CHN", "--db", str(db), "--json"])
    assert r.exit_code == 0, r.output
    body = json.loads(r.output)
    assert [row["count"] for row in body["series"]] == [2]  # asserted events only
    assert body["totals"]["q1"] == 1 and body["left_out"] == {"planned": 1, "hypothetical": 1}
    r = runner.invoke(store_cli, ["query", "dyad", "JPN", "CHN", "--modality", "all", "--db", str(db), "--json"])
    assert [row["count"] for row in json.loads(r.output)["series"]] == [2, 1, 1]
    r = runner.invoke(store_cli, ["query", "dyad", "JPN", "CHN", "--modality", "all", "--db", str(db)])
    assert "counted: 2 asserted, 1 planned, 1 hypothetical" in r.output  # what "all" mixes, said
    r = runner.invoke(store_cli, ["query", "dyad", "JPN", "CHN", "--freq", "week", "--modality", "planned",
                            "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert "not counted: 2 asserted (add --modality asserted or --modality all)" in r.output
    assert "not shown per week: 1 dated only to a month or a year" in r.output
    r = runner.invoke(store_cli, ["query", "dyad", "USA", "KOR", "--db", str(db), "--json"])
    assert r.exit_code == 0 and json.loads(r.output)["totals"]["count"] == 0  # known, no events yet
    r = runner.invoke(store_cli, ["query", "dyad", "JPN", "--modality", "maybe", "--db", str(db)])
    assert r.exit_code == 2 and "modality: 'maybe'" in r.output
    r = runner.invoke(store_cli, ["query", "events", "--dyad", "JPN", "CHN", "--one-way", "--db", str(db), "--json"])
    assert json.loads(r.output)["total"] == 2
    r = runner.invoke(store_cli, ["query", "network", "--min-count", "2", "--modality", "all", "--db", str(db),
                                  "--json"])
    assert len(json.loads(r.output)["edges"]) == 2
    r = runner.invoke(store_cli, ["query", "network", "--min-count", "2", "--db", str(db), "--json"])
    assert json.loads(r.output)["edges"] == []
    r = runner.invoke(store_cli, ["query", "actors", "--db", str(db)])
    assert r.exit_code == 0 and "CHN" in r.output
    r = runner.invoke(store_cli, ["query", "document", "doc-1", "--db", str(db)])
    assert r.exit_code == 0 and "Talks in Tokyo" in r.output and "accused" in r.output
    r = runner.invoke(store_cli, ["query", "events", "--type", "ACCUSE", "--db", str(db)])
    assert r.exit_code == 0 and "3 of 3 events" not in r.output and "2 of 2 events" in r.output
    r = runner.invoke(store_cli, ["query", "dyad", "XXX", "--db", str(db)])
    assert r.exit_code == 2 and "unknown actor code 'XXX'" in r.output
    r = runner.invoke(store_cli, ["query", "actors", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 2 and "no store" in r.output


def test_store_and_query_failures_print_their_catalogue_code(store_cli: typer.Typer, tmp_path: Path):
    db = tmp_path / "s.duckdb"
    with Store.open(db) as s:
        s.ingest(DOCS, build_events())
    not_a_store = tmp_path / "notes.txt"
    not_a_store.write_text("plain words\n")
    cases = [
        (["query", "document", "doc-9", "--db", str(db)], "eventwire: E063 no document with id 'doc-9'"),
        (["query", "events", "--limit", "0", "--db", str(db)],
         "eventwire: E062 limit: must be between 1 and 10000, got 0"),
        (["query", "dyad", "XXX", "--db", str(db)],
         "eventwire: E062 a: unknown actor code 'XXX' (no event in the store has it, and it is not a known actor)"),
        (["query", "actors", "--db", str(tmp_path / "none.duckdb")],
         f"eventwire: E061 no store at {tmp_path / 'none.duckdb'} (create one with `eventwire ingest ... --db "
         f"{tmp_path / 'none.duckdb'}`)"),
    ]
    for args, message in cases:
        r = runner.invoke(store_cli, args)
        assert (r.exit_code, r.output.strip()) == (2, message), args
    r = runner.invoke(store_cli, ["query", "actors", "--db", str(not_a_store)])
    assert r.exit_code == 2 and r.output.startswith(f"eventwire: E061 cannot open store {not_a_store}: ")


def test_serve_binds_loopback_by_default(store_cli: typer.Typer, tmp_path: Path):
    r = runner.invoke(store_cli, ["serve", "--help"])
    assert r.exit_code == 0 and "127.0.0.1" in r.output
    r = runner.invoke(store_cli, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 2 and "no store" in r.output


@pytest.mark.slow
def test_main_cli_codes_and_ingests_documents(tmp_path: Path):
    """Through the real command: documents are coded on the way in; stdin works."""
    doc = {"id": "n1", "published": "2025-05-06", "text": "Japan and China held talks in Tokyo on Monday."}
    db = tmp_path / "s.duckdb"
    r = subprocess.run([sys.executable, "-m", "eventwire.cli", "ingest", "-", "--db", str(db)],
                       input=json.dumps(doc) + "\n", capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "stored 1 documents (1 coded now)" in r.stderr
    with Store.open(db, read_only=True) as s:
        assert s.counts()["documents"] == 1
        assert s.document("n1").document["text"] == doc["text"]


# ---------------------------------------------------------------------------- hostile stored text at the terminal

HOSTILE_ID = "[red]d[/]"
HOSTILE_TEXT = "Kenya \x1b]0;owned\x07met\x1b[2J France\x9b6n today."


@pytest.fixture()
def hostile_db(tmp_path: Path) -> Path:
    """A store whose document id, source, title, text, trigger and actor code hold markup and escapes."""
    from dataclasses import replace

    from eventwire.records import Document

    db = tmp_path / "s.duckdb"
    ev = build_events()[6]  # doc-4: KEN ACCUSE FRA
    start = HOSTILE_TEXT.index("met")
    ev = replace(ev, doc_id=HOSTILE_ID, text=HOSTILE_TEXT,
                 trigger=replace(ev.trigger, text="\x1b[31m[bold]met", start=start - 7, end=start + 3),
                 source=replace(ev.source, actor=replace(ev.source.actor, code="[/]")))
    with Store.open(db) as s:
        s.ingest([Document(HOSTILE_ID, HOSTILE_TEXT, None, "[link=http://x.example]s[/link]", "t\x1b[1mitle")], [ev])
    return db


def test_query_tables_show_markup_and_escapes_as_text(store_cli: typer.Typer, hostile_db: Path):
    r = runner.invoke(store_cli, ["query", "document", HOSTILE_ID, "--db", str(hostile_db)])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[:5] == ["[red]d[/]    [link=http://x.example]s[/link]", "t\\x1b[1mitle", "",
                         "Kenya \\x1b]0;owned\\x07met\\x1b[2J France\\x9b6n today.", ""]
    assert "\\x1b[31m[bold]met" in r.output and "\x1b" not in r.output and "\x9b" not in r.output
    r = runner.invoke(store_cli, ["query", "actors", "--db", str(hostile_db)])
    assert r.exit_code == 0, r.output
    assert _cells(r.output) == [["FRA", "1", "0", "1"], ["[/]", "1", "1", "0"]]
    r = runner.invoke(store_cli, ["query", "events", "--db", str(hostile_db)])
    assert r.exit_code == 0, r.output
    assert _cells(r.output) == [["2025-03-15", "[/]", "ACCUSE", "FRA", "asserted", "0.70", "\\x1b[31m[bold]met",
                                 "[red]d[/]:0:0"]]


def _cells(table: str) -> list[list[str]]:
    """The body cells of a Rich table as printed (rows between │ rules)."""
    return [[c.strip() for c in line.split("│")[1:-1]] for line in table.splitlines() if line.startswith("│")]


def test_query_json_keeps_the_values_and_writes_c1_controls_escaped(store_cli: typer.Typer, hostile_db: Path):
    r = runner.invoke(store_cli, ["query", "document", HOSTILE_ID, "--db", str(hostile_db), "--json"])
    assert r.exit_code == 0, r.output
    assert "\x9b" not in r.output and "\x1b" not in r.output and "\\u009b" in r.output
    body = json.loads(r.output)
    assert body["document"]["text"] == HOSTILE_TEXT and body["document"]["id"] == HOSTILE_ID
    assert body["events"][0]["source_code"] == "[/]"
