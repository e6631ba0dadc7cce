"""The reader's contract: a bad line costs only itself, ids are strings and unique within a run, unreadable
folders are problems. Synthetic inputs only."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from eventwire import io as ewio
from eventwire.records import Document
from eventwire.store import Store

from .storedata import build_events

runner = CliRunner()


def _doc(doc_id: Any, text: str, **extra: Any) -> bytes:
    return json.dumps({"id": doc_id, "text": text, **extra}).encode() + b"\n"


def _summary(items: list[Any]) -> list[tuple[Any, ...]]:
    """Each item as (id, text) for a document, or (line, code) for a problem."""
    out: list[tuple[Any, ...]] = []
    for i in items:
        if isinstance(i, Document):
            out.append(("doc", i.id, i.text))
        else:
            assert isinstance(i, ewio.InputProblem)
            out.append(("problem", Path(i.source).name, i.line, i.code))
    return out


def test_one_non_utf8_line_keeps_the_other_lines(tmp_path: Path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(_doc("a", "Alpha spoke.") + b'{"id": "b", "text": "Beta \xff\xfe spoke."}\n'
                     + _doc("c", "Gamma spoke."))
    items = list(ewio.read_inputs([str(path)]))
    assert _summary(items) == [("doc", "a", "Alpha spoke."), ("problem", "mixed.jsonl", 2, "E001"),
                               ("doc", "c", "Gamma spoke.")]
    assert items[1].where == f"{path}:2"
    assert items[1].problem == "line is not UTF-8 (byte 27 of the line: b'\\xff')"


def test_a_5000_digit_integer_is_one_problem_of_its_line(tmp_path: Path):
    path = tmp_path / "big.jsonl"
    path.write_bytes(_doc("a", "Alpha spoke.") + b'{"id": "b", "text": "Beta.", "extra": ' + b"7" * 5000 + b"}\n"
                     + _doc("c", "Gamma spoke."))
    items = list(ewio.read_inputs([str(path)]))
    assert _summary(items) == [("doc", "a", "Alpha spoke."), ("problem", "big.jsonl", 2, "E004"),
                               ("doc", "c", "Gamma spoke.")]


def test_an_integer_id_is_reported(tmp_path: Path):
    path = tmp_path / "ids.jsonl"
    path.write_bytes(_doc(7, "Seven spoke.") + _doc("7", "Seven again."))
    items = list(ewio.read_inputs([str(path)]))
    assert _summary(items) == [("problem", "ids.jsonl", 1, "E010"), ("doc", "7", "Seven again.")]
    assert items[0].problem == "'id' must be a string, got int 7"


def test_a_repeated_id_in_one_run_first_wins_and_the_rest_are_reported(tmp_path: Path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    one.write_bytes(_doc("a", "First text.") + _doc("a", "Second text.") + _doc("b", "Other text."))
    two.write_bytes(_doc("a", "Third text."))
    items = list(ewio.read_inputs([str(one), str(two)]))
    assert _summary(items) == [("doc", "a", "First text."), ("problem", "one.jsonl", 2, "E016"),
                               ("doc", "b", "Other text."), ("problem", "two.jsonl", 1, "E016")]
    assert f"first read at {one}:1" in items[1].problem and f"first read at {one}:1" in items[3].problem


def test_wrong_typed_event_fields_are_reported_and_the_rest_is_stored(store_cli: typer.Typer, tmp_path: Path):
    good_a, cameo, goldstein, good_b = (e.to_dict() for e in build_events()[:4])
    cameo["cameo"] = 42
    goldstein["goldstein"] = "high"
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in (good_a, cameo, goldstein, good_b)))
    db = tmp_path / "s.duckdb"
    r = runner.invoke(store_cli, ["ingest", str(path), "--db", str(db)])
    assert r.exit_code == 1, r.output
    skipped = [ln for ln in r.output.splitlines() if ln.startswith("eventwire: skipped ")]
    assert [ln.split(": ")[1] for ln in skipped] == [f"skipped {path}:2", f"skipped {path}:3"]
    assert all(ln.split(": ")[2].startswith("E020 ") for ln in skipped)
    assert "cameo" in skipped[0] and "goldstein" in skipped[1]
    assert "Traceback" not in r.output
    with Store.open(db, read_only=True) as s:
        assert s.counts()["events"] == 2
        stored = sorted(s.events(limit=None)["event_id"])
    assert stored == sorted([good_a["event_id"], good_b["event_id"]])


def test_an_unreadable_subfolder_is_a_problem_and_exit_1(store_cli: typer.Typer, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch):
    root = tmp_path / "in"
    locked = root / "locked"
    locked.mkdir(parents=True)
    (locked / "hidden.jsonl").write_text(json.dumps(build_events()[1].to_dict()) + "\n")
    (root / "events.jsonl").write_text(json.dumps(build_events()[0].to_dict()) + "\n")
    real = os.scandir

    def scandir(path: Any = ".") -> Any:  # as a folder of mode 000 answers a user who is not root
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    db = tmp_path / "s.duckdb"
    r = runner.invoke(store_cli, ["ingest", str(root), "--db", str(db)])
    assert r.exit_code == 1, r.output
    skipped = [ln for ln in r.output.splitlines() if ln.startswith("eventwire: skipped ")]
    assert skipped == [f"eventwire: skipped {locked}: E031 cannot read: Permission denied"]
    with Store.open(db, read_only=True) as s:
        assert s.counts()["events"] == 1
