"""A closed stream or a full disk under `--errors`, `--db` and standard output: one E05x line, exit 2, no traceback.

The store keeps what it held before a failed write (each document is replaced
with its events in one transaction), and the message names the file.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import typer
from typer.testing import CliRunner

from eventwire.store import Store

from ..storedata import DOCS, build_events

runner = CliRunner()
EXE = [sys.executable, "-m", "eventwire.cli"]
ENOSPC = 'IO Error: Could not write file "{db}.wal": No space left on device'


def _inputs(tmp_path: Path, title: str = "", bad_line: bool = False) -> list[str]:
    """The shared documents (titles suffixed with `title`) and their coded events, as two JSONL files."""
    docs = tmp_path / f"docs{title}.jsonl"
    docs.write_text("".join(json.dumps({"id": d.id, "published": d.published.isoformat(), "source": d.source,
                                        "title": (d.title or "") + title, "text": d.text}) + "\n" for d in DOCS))
    events = tmp_path / "events.jsonl"
    events.write_text("".join(json.dumps(e.to_dict()) + "\n" for e in build_events()) + ("{oops\n" if bad_line
                                                                                          else ""))
    return [str(docs), str(events)]


def _titles(db: Path) -> dict[str, str | None]:
    with Store.open(db, read_only=True) as s:
        return dict(s.con.execute("SELECT id, title FROM documents ORDER BY id").fetchall())


def _run(*args: str, stdin: str = "", stdout: str = "") -> subprocess.CompletedProcess:
    """The CLI in a shell, so that `<&-` and `>&-` really close the descriptors."""
    cmd = " ".join(f"'{a}'" for a in [*EXE, *args]) + f" {stdin} {stdout}"
    return subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, timeout=120)


# ---------------------------------------------------------------------------- --db

def test_a_full_disk_under_db_is_one_e050_naming_the_store_and_keeps_the_old_version(
        store_cli: typer.Typer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    db = tmp_path / "s.duckdb"
    r = runner.invoke(store_cli, ["ingest", *_inputs(tmp_path), "--db", str(db)])
    assert r.exit_code == 0, r.output
    before = _titles(db)

    def full(self: Store) -> None:  # the old rows of the batch are deleted when the disk fills
        raise duckdb.IOException(ENOSPC.format(db=db))

    monkeypatch.setattr(Store, "_insert_events", full)
    r = runner.invoke(store_cli, ["ingest", *_inputs(tmp_path, " v2"), "--db", str(db)])
    assert r.exit_code == 2
    assert r.output.splitlines() == [f"eventwire: E050 cannot write store {db}: {ENOSPC.format(db=db)}"]
    assert r.exception is None or isinstance(r.exception, SystemExit)
    monkeypatch.undo()
    assert _titles(db) == before and all(not t.endswith(" v2") for t in before.values())
    with Store.open(db, read_only=True) as s:
        assert s.counts() == {"documents": 5, "events": 8}


def test_a_failure_in_a_later_batch_leaves_every_document_whole(store_cli: typer.Typer, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch):
    """With --batch 1, documents stored before the failure are the new version, the rest the old: never a mix."""
    db = tmp_path / "s.duckdb"
    assert runner.invoke(store_cli, ["ingest", *_inputs(tmp_path), "--db", str(db)]).exit_code == 0
    real, calls = Store._insert_events, []

    def fills_at_third(self: Store) -> None:
        calls.append(1)
        if len(calls) == 3:
            raise duckdb.IOException(ENOSPC.format(db=db))
        real(self)

    monkeypatch.setattr(Store, "_insert_events", fills_at_third)
    r = runner.invoke(store_cli, ["ingest", *_inputs(tmp_path, " v2"), "--db", str(db), "--batch", "1"])
    assert r.exit_code == 2 and "E050 cannot write store" in r.output
    monkeypatch.undo()
    titles = _titles(db)
    assert [t.endswith(" v2") for _, t in sorted(titles.items())] == [True, True, False, False, False]
    with Store.open(db, read_only=True) as s:
        assert s.counts() == {"documents": 5, "events": 8}
        dup = s.con.execute("SELECT count(*) FROM (SELECT event_id FROM events GROUP BY 1 HAVING count(*) > 1)")
        assert dup.fetchone()[0] == 0


@pytest.mark.parametrize("batch", ["1", "2", "200"])
def test_reingest_replaces_each_document_with_its_events_and_no_row_twice(store_cli: typer.Typer, tmp_path: Path,
                                                                         batch: str):
    db = tmp_path / "s.duckdb"
    assert runner.invoke(store_cli, ["ingest", *_inputs(tmp_path), "--db", str(db)]).exit_code == 0
    fewer = [e for e in build_events() if e.event_id != "doc-1:1:0"]  # version 2 of doc-1 has one event less
    inputs = _inputs(tmp_path, " v2")
    Path(inputs[1]).write_text("".join(json.dumps(e.to_dict()) + "\n" for e in fewer))
    r = runner.invoke(store_cli, ["ingest", *inputs, "--db", str(db), "--batch", batch])
    assert r.exit_code == 0, r.output
    with Store.open(db, read_only=True) as s:
        assert s.con.execute("SELECT count(*), count(DISTINCT id) FROM documents").fetchone() == (5, 5)
        assert s.con.execute("SELECT count(*), count(DISTINCT event_id) FROM events").fetchone() == (7, 7)
        assert sorted(s.con.execute("SELECT event_id FROM events").fetchall()) == sorted(
            (e.event_id,) for e in fewer)
    assert all(t.endswith(" v2") for t in _titles(db).values())


# ---------------------------------------------------------------------------- --errors

def test_a_full_disk_under_errors_is_one_e050_naming_the_file(store_cli: typer.Typer, tmp_path: Path):
    db = tmp_path / "s.duckdb"
    r = runner.invoke(store_cli, ["ingest", *_inputs(tmp_path, bad_line=True), "--db", str(db),
                                  "--errors", "/dev/full"])
    assert r.exit_code == 2
    lines = r.output.splitlines()
    assert lines[-1] == "eventwire: E050 cannot write errors file /dev/full: No space left on device"
    assert r.output.count("No space left") == 1 and len(lines) == 2  # the skipped line, then the error
    with Store.open(db, read_only=True) as s:  # the good records were stored before the errors file failed
        assert s.counts() == {"documents": 5, "events": 8}


def test_an_errors_file_in_a_missing_folder_is_one_e050(store_cli: typer.Typer, tmp_path: Path):
    where = tmp_path / "no" / "errors.jsonl"
    r = runner.invoke(store_cli, ["ingest", *_inputs(tmp_path), "--db", str(tmp_path / "s.duckdb"),
                                  "--errors", str(where)])
    assert r.exit_code == 2
    assert r.output == f"eventwire: E050 cannot write errors file {where}: No such file or directory\n"
    assert not (tmp_path / "s.duckdb").exists()  # nothing was done


# ---------------------------------------------------------------------------- closed and full standard streams

@pytest.mark.slow
@pytest.mark.parametrize("command", ["ingest", "code"])
def test_closed_stdin_is_e051_and_exit_2(tmp_path: Path, command: str):
    args = [command, "-", *(["--db", str(tmp_path / "s.duckdb")] if command == "ingest" else [])]
    r = _run(*args, stdin="<&-")
    assert r.returncode == 2, r.stderr
    summary = ("stored 0 documents (0 coded now), 0 events in " + str(tmp_path / "s.duckdb")
               if command == "ingest" else "coded 0 documents, 0 events")
    assert r.stderr.splitlines() == ["eventwire: skipped <stdin>: E051 standard input is closed",
                                     f"eventwire: {summary}; skipped 1 (see above)"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from ..storedata import build_store

    path = tmp_path_factory.mktemp("q") / "s.duckdb"
    build_store(path)
    return path


@pytest.mark.slow
@pytest.mark.parametrize("args", [["query", "actors"], ["query", "actors", "--json"], ["query", "document", "doc-1"],
                                  ["query", "dyad", "JPN", "--modality", "planned"]])
@pytest.mark.parametrize("stdout, reason", [(">&-", "it is closed"), (">/dev/full", "No space left on device")])
def test_query_to_a_closed_or_full_stdout_is_one_e050(db: Path, args: list[str], stdout: str, reason: str):
    r = _run(*args, "--db", str(db), stdout=stdout)
    assert (r.returncode, r.stderr) == (2, f"eventwire: E050 cannot write standard output: {reason}\n")
