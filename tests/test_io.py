"""Input reading and output writing: bad records are reported with their place, good ones kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire import io as ewio
from eventwire.records import Actor, ActorMention, Document, Event, Span


def _docs(items):
    items = list(items)
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, ewio.InputProblem)]


def test_jsonl_bad_lines_are_reported_and_good_ones_kept(tmp_path: Path):
    f = tmp_path / "in.jsonl"
    f.write_text(
        json.dumps({"id": "a", "text": "One.", "published": "2025-01-02"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "b"}) + "\n"
        + json.dumps({"id": "c", "text": "Two.", "published": 20250102}) + "\n"
        + json.dumps({"id": "d", "text": "Three.", "published": "yesterday"}) + "\n"
        + "\n"
        + json.dumps({"id": "e", "text": "Four."}) + "\n",
        encoding="utf-8",
    )
    docs, problems = _docs(ewio.read_path(f))
    assert [d.id for d in docs] == ["a", "e"]
    assert docs[0].published.isoformat() == "2025-01-02" and docs[1].published is None
    assert [(p.line, p.source) for p in problems] == [(2, str(f)), (3, str(f)), (4, str(f)), (5, str(f))]
    assert "not valid JSON" in problems[0].problem
    assert "missing 'text'" in problems[1].problem
    assert "published" in problems[2].problem and "published" in problems[3].problem


def test_non_utf8_and_empty_files(tmp_path: Path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 au lait")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    good = tmp_path / "good.txt"
    good.write_text("Kenya and France held talks.")
    docs, problems = _docs(ewio.read_inputs([str(bad), str(empty), str(good)]))
    assert [d.id for d in docs] == ["good"]
    assert "not UTF-8" in problems[0].problem and problems[0].source == str(bad)
    assert "empty" in problems[1].problem


def test_a_symbolic_link_loop_is_unreadable_not_missing(tmp_path: Path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.symlink_to(b)
    b.symlink_to(a)
    good = tmp_path / "good.txt"
    good.write_text("Kenya and France held talks.")
    docs, problems = _docs(ewio.read_inputs([str(a), str(tmp_path / "gone.jsonl"), str(good)]))
    assert [d.id for d in docs] == ["good"]
    assert [(p.source, p.code, p.problem) for p in problems] == [
        (str(a), "E031", "cannot read: Too many levels of symbolic links"),
        (str(tmp_path / "gone.jsonl"), "E030", "no such file or folder")]


def test_folder_is_read_in_name_order(tmp_path: Path):
    (tmp_path / "b.txt").write_text("B.")
    (tmp_path / "a.txt").write_text("A.")
    (tmp_path / "skip.md").write_text("C.")
    docs, problems = _docs(ewio.read_path(tmp_path))
    assert [d.id for d in docs] == ["a", "b"] and not problems


def _event() -> Event:
    return Event(
        doc_id="d1", sentence=0, text="Kenya condemned France.", trigger=Span("condemned", 6, 15),
        event_type="ACCUSE", source=ActorMention("Kenya", 0, 5, Actor("KEN", "Kenya", "GOV")),
        target=ActorMention("France", 16, 22, Actor("FRA", "France", "GOV")), cameo="111", goldstein=-2.0,
        quad_class=3, modality="asserted", date="2025-01-02", date_precision="day",
    )


def test_event_record_round_trips_and_follows_contract():
    d = _event().to_dict()
    assert list(d)[:5] == ["event_id", "doc_id", "sentence", "text", "trigger"]
    assert d["event_id"] == "d1:0:0"
    assert d["source"] == {"text": "Kenya", "name": "Kenya", "code": "KEN", "sector": "GOV", "start": 0, "end": 5}
    assert Event.from_dict(d).to_dict() == d


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_writers(tmp_path: Path, fmt: str):
    out = tmp_path / f"out.{fmt}"
    w = ewio.EventWriter(fmt, out)
    w.write(_event())
    w.close()
    assert out.exists() and not list(tmp_path.glob("*.part"))
    if fmt == "jsonl":
        assert json.loads(out.read_text())["target"]["code"] == "FRA"
    elif fmt == "csv":
        header, row = out.read_text().splitlines()[:2]
        assert "source_code" in header and "KEN" in row
    else:
        import pyarrow.parquet as pq

        t = pq.read_table(out)
        assert t.schema == ewio.parquet_schema() and t.column("target_code").to_pylist() == ["FRA"]


def test_failed_write_leaves_no_file(tmp_path: Path):
    out = tmp_path / "out.jsonl"
    w = ewio.EventWriter("jsonl", out)
    w.write(_event())
    w.close(ok=False)
    assert not out.exists() and not list(tmp_path.iterdir())


def test_published_takes_dates_and_timestamps_only():
    assert ewio.parse_date("2025-11-26").isoformat() == "2025-11-26"
    assert ewio.parse_date("2025-11-26T08:30:00+09:00").isoformat() == "2025-11-26"
    for bad in ("2025-11-26garbage", "26/11/2025", "2025-13-01"):
        with pytest.raises(ValueError, match="published"):
            ewio.parse_date(bad)


def test_documents_over_the_size_limit_are_refused(tmp_path: Path):
    f = tmp_path / "big.jsonl"
    f.write_text(json.dumps({"id": "big", "text": "x" * (ewio.MAX_DOC_CHARS + 1)}) + "\n")
    docs, problems = _docs(ewio.read_path(f))
    assert not docs and "exceeds" in problems[0].problem and problems[0].line == 1


def test_coded_records_round_trip_exactly(tmp_path: Path):
    from eventwire.records import Attribution, Location

    ev = _event()
    ev.location = Location("Nairobi", "KEN", -1.28, 36.82, 30, 37)
    ev.attributed_to = Attribution("Reuters", None, "MED", 40, 47)
    d = ev.to_dict()
    assert Event.from_dict(d).to_dict() == d
