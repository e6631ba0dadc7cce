"""Outputs: the default columns, several -o in one `code` run, and `eventwire convert` (no model needed).

`code` runs here over a stand-in coder (the model is not loaded), so what is tested is the
command's plumbing: one coding pass, every output written, a lost output reported and the
others kept. tests/test_cli.py codes real text the same way.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from eventwire import io as ewio
from eventwire.cli import app
from eventwire.errors import OutputError
from eventwire.records import Actor, ActorMention, Event, Location, Span


def _event(doc: str = "d1", sentence: int = 0, **kw) -> Event:
    base = dict(
        doc_id=doc, sentence=sentence, text="Peru thanked Ghana for the grain.", trigger=Span("thanked", 5, 12),
        event_type="SUPPORT", source=ActorMention("Peru", 0, 4, Actor("PER", "Peru", "GOV")),
        target=ActorMention("Ghana", 13, 18, Actor("GHA", "Ghana", "GOV")), cameo="051", goldstein=3.4,
        quad_class=1, modality="asserted", date="2025-02", date_precision="month", published="2025-03-04",
        location=Location("Lima", "PER", -12.05, -77.04), topics=["food", "trade"], confidence=0.8)
    base.update(kw)
    return Event(**base)


EVENTS = [_event(), _event("d2", 3, cameo=None, topics=[], location=Location(), published=None,
                           date=None, date_precision=None)]


def _line(ev: Event) -> str:
    return json.dumps(ev.to_dict(), ensure_ascii=False)


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _as_csv_text(row: dict) -> dict[str, str]:
    """What csv.DictWriter writes for each value of a row (None as empty)."""
    return {k: "" if v is None else str(v) for k, v in row.items()}


# ---------------------------------------------------------------------------- the default columns

def test_default_columns_hold_coordinates_published_date_and_cameo_root():
    row = ewio.flat_row(EVENTS[0])
    assert (row["location_lat"], row["location_lon"]) == (-12.05, -77.04)
    assert row["published"].isoformat() == "2025-03-04" and row["cameo_root"] == "05"
    assert row["topics"] == ["food", "trade"]  # a list: Parquet keeps it one
    assert ewio.csv_row(EVENTS[0])["topics"] == "food|trade"
    empty = ewio.flat_row(EVENTS[1])
    assert (empty["cameo_root"], empty["published"], empty["location_lat"], empty["topics"]) == (None, None, None, [])
    assert list(row) == ewio.CSV_COLUMNS == [c.name for c in ewio.COLUMNS if c.flat]


def test_parquet_schema_types_the_new_columns():
    schema = ewio.parquet_schema()
    assert schema.field("topics").type == pa.list_(pa.string())
    assert schema.field("published").type == pa.date32()
    assert schema.field("location_lat").type == pa.float64() and schema.field("cameo_root").type == pa.string()


def test_the_store_table_keeps_its_columns():
    """cameo_root and published are flat-only: the store has the published date in `documents`."""
    stored = [n for n, _ in ewio.EVENT_COLUMNS]
    assert "cameo_root" not in stored and "published" not in stored
    assert {"location_lat", "location_lon", "topics", "record"} <= set(stored)


def test_published_in_a_record_round_trips_and_must_be_iso():
    d = EVENTS[0].to_dict()
    assert d["published"] == "2025-03-04"
    assert ewio.decode_event(d).to_dict() == d
    with pytest.raises(ewio.RecordError, match="'published'"):
        ewio.decode_event({**d, "published": "4 March 2025"})


# ---------------------------------------------------------------------------- where each output goes

def test_output_targets_take_the_format_from_the_suffix():
    got = ewio.output_targets([Path("a.csv"), Path("b.PARQUET"), Path("c.jsonl"), Path("-")])
    assert got == [("csv", Path("a.csv")), ("parquet", Path("b.PARQUET")), ("jsonl", Path("c.jsonl")),
                   ("jsonl", None)]
    assert ewio.output_targets(None) == [("jsonl", None)]
    assert ewio.output_targets(None, "table") == [("table", None)]
    assert ewio.output_targets([Path("/dev/null")], "csv") == [("csv", Path("/dev/null"))]
    assert ewio.output_targets([Path("events.csv")], "csv") == [("csv", Path("events.csv"))]


@pytest.mark.parametrize("paths, fmt, message", [
    (["a.parquet"], "csv", "a.parquet is parquet by its suffix, but --format says csv"),
    (["a.csv", "./a.csv"], None, "a.csv is given as an output twice"),
    (["-", "-"], None, "standard output is given as an output twice"),
    (["-"], "parquet", "Parquet is written to a file"),
    (None, "xml", "--format must be one of jsonl, csv, parquet, table, got 'xml'"),
])
def test_output_targets_refuse_what_cannot_be_meant(paths, fmt, message):
    with pytest.raises(ValueError) as e:
        ewio.output_targets([Path(p) for p in paths] if paths else None, fmt)
    assert message in str(e.value)


class _Sink:
    """A stand-in output that fails on its `fail_at`-th event."""

    def __init__(self, name: str, fail_at: int | None = None) -> None:
        self.name, self.fail_at, self.count, self.closed = name, fail_at, 0, None

    def write(self, ev: Event) -> None:
        self.count += 1
        if self.count == self.fail_at:
            raise OutputError(f"cannot write {self.name}: No space left on device")

    def close(self, ok: bool = True) -> None:
        self.closed = ok


def test_event_outputs_drop_a_failing_output_and_keep_the_others():
    reported: list[str] = []
    outs = ewio.EventOutputs(on_failure=lambda e: reported.append(str(e)))
    full, fine = _Sink("full.csv", fail_at=2), _Sink("fine.csv")
    outs.add(full)
    outs.add(fine)
    for ev in EVENTS * 2:
        outs.write(ev)
    outs.close()
    assert reported == ["E050 cannot write full.csv: No space left on device"]
    assert (full.count, full.closed, fine.count, fine.closed) == (2, False, 4, True)
    assert outs.written == [fine] and outs.count == 4 and not outs.alive


# ---------------------------------------------------------------------------- eventwire convert

@pytest.fixture()
def events_file(tmp_path: Path) -> Path:
    """Two good records around a broken line, a document, a wrong-typed record and a repeated id."""
    bad = {**EVENTS[0].to_dict(), "event_id": "d1:0:7", "goldstein": "high"}
    f = tmp_path / "events.jsonl"
    f.write_text("\n".join([
        _line(EVENTS[0]),
        "{not json",
        json.dumps({"id": "doc-9", "text": "A document, not an event."}),
        json.dumps(bad),
        _line(EVENTS[0]),
        _line(EVENTS[1]),
    ]) + "\n", encoding="utf-8")
    return f


def test_convert_writes_every_format_and_reports_each_bad_line(tmp_path: Path, events_file: Path):
    outs = [tmp_path / "e.csv", tmp_path / "e.parquet", tmp_path / "e.jsonl"]
    errs = tmp_path / "skipped.jsonl"
    r = CliRunner().invoke(app, ["convert", str(events_file), *(a for o in outs for a in ("-o", str(o))),
                                 "--errors", str(errs)])
    assert r.exit_code == 1, r.output
    f = str(events_file)
    assert [line for line in r.stderr.splitlines() if "skipped" in line][:4] == [
        f"eventwire: skipped {f}:2: E002 not valid JSON (Expecting property name enclosed in double quotes at "
        "column 2)",
        f"eventwire: skipped {f}:3: E022 not a coded-event record (no 'event_type'): a document is coded with "
        "`eventwire code`",
        f"eventwire: skipped {f}:4: E020 not a valid event record: 'goldstein.float' should be a valid number "
        "(got str 'high'); 'goldstein.int' should be a valid integer (got str 'high')",
        f"eventwire: skipped {f}:5: E021 duplicate event id 'd1:0:0' (first read at {f}:1): the first one is kept",
    ]
    assert [json.loads(x)["code"] for x in errs.read_text().splitlines()] == ["E002", "E022", "E020", "E021"]
    assert r.stderr.splitlines()[-1] == (f"eventwire: converted 2 events to {outs[0]}, {outs[1]}, {outs[2]}; "
                                         f"skipped 4 (see above and {errs})")
    # the good records, in every format, as the codec writes them
    assert _csv_rows(outs[0]) == [_as_csv_text(ewio.csv_row(ev)) for ev in EVENTS]
    table = pq.read_table(outs[1])
    assert table.schema == ewio.parquet_schema()
    assert table.to_pylist() == [ewio.flat_row(ev) for ev in EVENTS]
    assert outs[2].read_text(encoding="utf-8").splitlines() == [_line(ev) for ev in EVENTS]


def test_convert_from_stdin_to_stdout_as_csv():
    r = CliRunner().invoke(app, ["convert", "-", "-o", "-", "-f", "csv"], input=_line(EVENTS[1]) + "\n")
    assert r.exit_code == 0, r.output
    header, row = r.stdout.splitlines()
    assert header.split(",") == ewio.CSV_COLUMNS and row.startswith("d2:3:0,d2,3,SUPPORT,")


def test_convert_refuses_csv_and_text_input_in_one_line_each(tmp_path: Path):
    table, text = tmp_path / "events.csv", tmp_path / "story.txt"
    table.write_text("event_id,doc_id\nd1:0:0,d1\n")
    text.write_text("Peru thanked Ghana.")
    r = CliRunner().invoke(app, ["convert", str(table), str(text), "-o", str(tmp_path / "out.jsonl")])
    assert r.exit_code == 1
    assert r.stderr.splitlines()[:2] == [
        f"eventwire: skipped {table}: E034 a CSV file, not JSON Lines of coded events",
        f"eventwire: skipped {text}: E034 a plain-text file, not JSON Lines of coded events"]


def test_convert_keeps_the_outputs_it_can_write(tmp_path: Path, events_file: Path):
    good, lost = tmp_path / "good.csv", tmp_path / "no-such-folder" / "lost.parquet"
    r = CliRunner().invoke(app, ["convert", str(events_file), "-o", str(lost), "-o", str(good)])
    assert r.exit_code == 2
    assert f"eventwire: E050 cannot write {lost}: No such file or directory" in r.stderr.splitlines()
    assert r.stderr.splitlines()[-1].endswith(f"to {good}; skipped 4 (see above); 1 output not written (see above)")
    assert [row["event_id"] for row in _csv_rows(good)] == ["d1:0:0", "d2:3:0"]
    assert not lost.parent.exists()


def test_convert_needs_an_output_and_a_format_that_fits(tmp_path: Path, events_file: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(app, ["convert", str(events_file)])
    assert r.exit_code == 2 and "Missing option '--output'" in r.output
    r = CliRunner().invoke(app, ["convert", events_file.name, "-o", "x.csv", "-f", "parquet"])
    assert r.exit_code == 2 and "x.csv is csv by its suffix, but --format says parquet" in r.output
    assert not (tmp_path / "x.csv").exists()


# ---------------------------------------------------------------------------- several -o in one code run

class _Coder:
    """Coder's interface without a model: each document gives the test events under its own id."""

    made: list[_Coder] = []

    def __init__(self, actor_files=(), config_file=None) -> None:
        self.passes = 0
        self.config_file = config_file
        _Coder.made.append(self)

    def pipe(self, docs):
        from eventwire.coder import CodedDocument

        self.passes += 1
        for d in docs:
            yield CodedDocument(d.id, [_event(d.id, i, published=d.published.isoformat() if d.published else None)
                                       for i in range(2)])


@pytest.fixture()
def fake_coder(monkeypatch):
    import eventwire.coder

    _Coder.made = []
    monkeypatch.setattr(eventwire.coder, "Coder", _Coder)
    return _Coder


@pytest.fixture()
def docs_file(tmp_path: Path) -> Path:
    f = tmp_path / "docs.jsonl"
    f.write_text("".join(json.dumps({"id": i, "published": "2025-03-04", "text": "Some text."}) + "\n"
                         for i in ("a", "b")))
    return f


def test_code_once_into_several_outputs(tmp_path: Path, docs_file: Path, fake_coder):
    outs = [tmp_path / "e.jsonl", tmp_path / "e.csv", tmp_path / "e.parquet"]
    r = CliRunner().invoke(app, ["code", str(docs_file), *(a for o in outs for a in ("-o", str(o)))])
    assert r.exit_code == 0, r.output
    assert [c.passes for c in fake_coder.made] == [1]  # one coder, one pass over the documents
    assert r.stderr.splitlines()[-1] == f"eventwire: coded 2 documents, 4 events to {outs[0]}, {outs[1]}, {outs[2]}"
    records = [json.loads(x) for x in outs[0].read_text().splitlines()]
    assert [e["event_id"] for e in records] == ["a:0:0", "a:1:0", "b:0:0", "b:1:0"]
    events = [ewio.decode_event(d) for d in records]
    assert _csv_rows(outs[1]) == [_as_csv_text(ewio.csv_row(ev)) for ev in events]
    assert pq.read_table(outs[2]).to_pylist() == [ewio.flat_row(ev) for ev in events]


def test_code_with_a_config_file_hands_it_to_the_one_coder_of_several_outputs(tmp_path: Path, docs_file: Path,
                                                                               fake_coder):
    config = tmp_path / "coder.toml"
    config.write_text('[pipeline]\nstages = ["parse", "mentions", "triggers", "arguments", "coding", "dedup"]\n',
                      encoding="utf-8")
    outs = [tmp_path / "e.jsonl", tmp_path / "e.csv"]
    r = CliRunner().invoke(app, ["code", str(docs_file), "--config", str(config),
                                 *(a for o in outs for a in ("-o", str(o)))])
    assert r.exit_code == 0, r.output
    assert [(c.config_file, c.passes) for c in fake_coder.made] == [(config, 1)]
    assert r.stderr.splitlines()[-1] == f"eventwire: coded 2 documents, 4 events to {outs[0]}, {outs[1]}"


def test_code_with_a_bad_config_file_opens_no_output(tmp_path: Path, docs_file: Path, fake_coder):
    config = tmp_path / "coder.toml"
    config.write_text('[pipeline]\nstages = ["parse", "scorer"]\n', encoding="utf-8")
    out = tmp_path / "e.jsonl"
    r = CliRunner().invoke(app, ["code", str(docs_file), "--config", str(config), "-o", str(out)])
    assert r.exit_code == 2
    assert f"eventwire: [E090] {config}: [pipeline] stages: no stage called 'scorer'" in r.output
    assert fake_coder.made == [] and not out.exists()


def test_converting_the_jsonl_gives_the_files_code_writes(tmp_path: Path, docs_file: Path, fake_coder):
    coded = [tmp_path / "coded.jsonl", tmp_path / "coded.csv", tmp_path / "coded.parquet"]
    assert CliRunner().invoke(app, ["code", str(docs_file), *(a for o in coded for a in ("-o", str(o)))]).exit_code == 0
    conv = [tmp_path / "conv.csv", tmp_path / "conv.parquet"]
    r = CliRunner().invoke(app, ["convert", str(coded[0]), "-o", str(conv[0]), "-o", str(conv[1])])
    assert r.exit_code == 0, r.output
    assert conv[0].read_bytes() == coded[1].read_bytes()
    assert pq.read_table(conv[1]).equals(pq.read_table(coded[2]))


def test_code_reports_a_lost_output_and_writes_the_others(tmp_path: Path, docs_file: Path, fake_coder):
    lost, good = tmp_path / "missing" / "e.csv", tmp_path / "e.jsonl"
    r = CliRunner().invoke(app, ["code", str(docs_file), "-o", str(lost), "-o", str(good)])
    assert r.exit_code == 2
    assert f"eventwire: E050 cannot write {lost}: No such file or directory" in r.stderr.splitlines()
    assert r.stderr.splitlines()[-1] == (f"eventwire: coded 2 documents, 4 events to {good}; "
                                         "1 output not written (see above)")
    assert len(good.read_text().splitlines()) == 4


def test_code_output_that_fails_while_writing_loses_only_itself(tmp_path: Path, docs_file: Path, fake_coder):
    if not Path("/dev/full").exists():
        pytest.skip("/dev/full is not present on this system")
    good = tmp_path / "e.parquet"
    r = CliRunner().invoke(app, ["code", str(docs_file), "-o", "/dev/full", "-o", str(good)])
    assert r.exit_code == 2
    assert "eventwire: E050 cannot write /dev/full: No space left on device" in r.stderr.splitlines()
    assert pq.read_table(good).num_rows == 4


def test_code_with_every_output_lost_stops_before_coding(tmp_path: Path, docs_file: Path, fake_coder):
    r = CliRunner().invoke(app, ["code", str(docs_file), "-o", str(tmp_path / "no" / "e.csv")])
    assert r.exit_code == 2 and fake_coder.made == []
    assert r.stderr.splitlines() == [f"eventwire: E050 cannot write {tmp_path / 'no' / 'e.csv'}: "
                                     "No such file or directory"]


def test_convert_to_the_gdelt_profile(tmp_path: Path, events_file: Path):
    import pandas as pd

    from eventwire.gdelt import COLUMNS

    outs = [tmp_path / "g.csv", tmp_path / "g.parquet"]
    r = CliRunner().invoke(app, ["convert", str(events_file), "--profile", "gdelt", "-o", str(outs[0]),
                                 "-o", str(outs[1])])
    assert r.exit_code == 1 and "E022" in r.stderr  # the bad lines are reported as for any profile
    for df in (pd.read_csv(outs[0], dtype={"EventRootCode": str}), pd.read_parquet(outs[1])):
        assert list(df.columns) == list(COLUMNS)
        assert list(df["GLOBALEVENTID"]) == ["d1:0:0", "d2:3:0"]
        assert df["DATEADDED"].iloc[0] == 20250304000000  # from the record's published date
        assert df["EventRootCode"].iloc[0] == "05"
    r = CliRunner().invoke(app, ["convert", str(events_file), "--profile", "gdelt", "-o", str(tmp_path / "g.txt")])
    assert r.exit_code == 2 and "--profile gdelt needs -o FILE.csv or -o FILE.parquet" in r.output


def test_code_gdelt_profile_loses_only_the_output_it_cannot_write(tmp_path: Path, docs_file: Path, fake_coder):
    import pandas as pd

    good, lost = tmp_path / "g.parquet", tmp_path / "missing" / "g.csv"
    r = CliRunner().invoke(app, ["code", str(docs_file), "--profile", "gdelt", "-o", str(lost), "-o", str(good)])
    assert r.exit_code == 2
    assert f"eventwire: E050 cannot write {lost}: No such file or directory" in r.stderr.splitlines()
    df = pd.read_parquet(good)
    assert list(df["GLOBALEVENTID"]) == ["a:0:0", "a:1:0", "b:0:0", "b:1:0"]
    assert list(df["DATEADDED"]) == [20250304000000] * 4


def test_code_gdelt_profile_from_stdin_fills_every_output_from_its_documents(tmp_path: Path, fake_coder):
    import pandas as pd

    stdin = "".join(json.dumps({"id": i, "published": "2025-03-04", "source": f"https://example.org/{i}",
                                "title": f"Page {i}", "text": "Some text."}) + "\n" for i in ("a", "b"))
    outs = [tmp_path / "g.csv", tmp_path / "g.parquet"]
    r = CliRunner().invoke(app, ["code", "-", "--profile", "gdelt", "-o", str(outs[0]), "-o", str(outs[1])],
                           input=stdin)
    assert r.exit_code == 0, r.output
    assert [c.passes for c in fake_coder.made] == [1]  # standard input read once, for the coder and the rows
    for df in (pd.read_csv(outs[0]), pd.read_parquet(outs[1])):
        assert list(df["GLOBALEVENTID"]) == ["a:0:0", "a:1:0", "b:0:0", "b:1:0"]
        assert list(df["SOURCEURL"]) == ["https://example.org/a"] * 2 + ["https://example.org/b"] * 2
        assert list(df["title"]) == ["Page a"] * 2 + ["Page b"] * 2
