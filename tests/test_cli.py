"""End-to-end `eventwire code` through the real command line (a subprocess, as a user runs it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
EXE = [sys.executable, "-m", "eventwire.cli"]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*EXE, *args], input=stdin, capture_output=True, text=True, timeout=300)


def _doc(i: str, text: str, published: str = "2025-05-06") -> str:
    return json.dumps({"id": i, "published": published, "text": text})


def test_code_jsonl_with_bad_lines(tmp_path: Path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([
        _doc("a", "Germany imposed sanctions on Iran on Monday."),
        "{broken",
        json.dumps({"id": "b", "published": "2025-05-06"}),
        _doc("c", "The weather was mild and the markets were calm."),
        _doc("d", "France condemned the attack and urged Iran to show restraint."),
    ]) + "\n")
    out, errs = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    p = run("code", str(src), "-o", str(out), "--errors", str(errs))
    assert p.returncode == 1, p.stderr
    assert "Traceback" not in p.stderr
    assert f"{src}:2: E002 not valid JSON" in p.stderr and f"{src}:3: E011 " in p.stderr
    events = [json.loads(x) for x in out.read_text().splitlines()]
    assert {e["doc_id"] for e in events} == {"a", "d"}
    assert any(e["event_type"] == "SANCTION" and e["source"]["code"] == "DEU" and e["target"]["code"] == "IRN"
               for e in events)
    assert len(errs.read_text().splitlines()) == 2


def test_clean_input_exits_zero_and_formats(tmp_path: Path):
    txt = tmp_path / "story.txt"
    txt.write_text("Japan and India held talks in Tokyo on Tuesday.")
    for fmt, name in (("csv", "out.csv"), ("parquet", "out.parquet"), ("jsonl", "out.jsonl")):
        out = tmp_path / name
        p = run("code", str(txt), "--published", "2025-05-08", "-f", fmt, "-o", str(out))
        assert p.returncode == 0, p.stderr
        assert out.stat().st_size > 0
    ev = json.loads((tmp_path / "out.jsonl").read_text().splitlines()[0])
    assert ev["event_type"] == "CONSULT" and ev["doc_id"] == "story"
    assert {ev["source"]["code"], ev["target"]["code"]} == {"JPN", "IND"}
    assert ev["date"] == "2025-05-06"  # the Tuesday before publication


def test_stdin_and_unwritable_output(tmp_path: Path):
    p = run("code", "-", stdin=_doc("s", "Canada expelled two Chinese diplomats.") + "\n")
    assert p.returncode == 0 and json.loads(p.stdout.splitlines()[0])["event_type"] == "SANCTION"
    p = run("code", "-", "-o", str(tmp_path / "missing" / "out.jsonl"), stdin=_doc("s", "x") + "\n")
    assert p.returncode == 2 and "cannot write" in p.stderr and "Traceback" not in p.stderr


def test_bad_published_option():
    p = run("code", "-", "--published", "last week", stdin="")
    assert p.returncode != 0 and "not an ISO date" in p.stderr


def test_code_with_the_gdelt_profile(tmp_path: Path):
    import pandas as pd

    from eventwire.gdelt import COLUMNS

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "g1", "published": "2025-05-06", "source": "https://example.org/a",
                               "title": "A call", "text": "Germany imposed sanctions on Iran on Monday."}) + "\n")
    out = tmp_path / "g.parquet"
    p = run("code", str(src), "--profile", "gdelt", "-o", str(out))
    assert p.returncode == 0, p.stderr
    df = pd.read_parquet(out)
    assert list(df.columns) == list(COLUMNS)
    row = df.iloc[0]
    assert (row["Actor1Code"], row["Actor2Code"], row["EventRootCode"], row["QuadClass"]) == (
        "DEUGOV", "IRNGOV", "16", 4)
    assert (row["SQLDATE"], row["DATEADDED"], row["SOURCEURL"], row["title"]) == (
        20250505, 20250506000000, "https://example.org/a", "A call")
    bad = run("code", str(src), "--profile", "gdelt", "-o", str(tmp_path / "g.txt"))
    assert bad.returncode == 2 and "needs -o FILE.csv or -o FILE.parquet" in bad.stderr


def test_gdelt_profile_reports_bad_lines_keeps_stdin_documents_and_fails_cleanly(tmp_path: Path):
    import pandas as pd

    good = json.dumps({"id": "g2", "published": "2025-05-06", "source": "https://example.org/b", "title": "Notes",
                       "text": "Germany imposed sanctions on Iran on Monday."})
    stdin = good + "\n{not json\n" + json.dumps({"id": "g3"}) + "\n"
    out, errs = tmp_path / "g.csv", tmp_path / "errors.jsonl"
    p = run("code", "-", "--profile", "gdelt", "-o", str(out), "--errors", str(errs), stdin=stdin)
    assert p.returncode == 1, p.stderr
    assert [ln.split(": ", 2)[1:] for ln in p.stderr.splitlines() if ln.startswith("eventwire: skipped")] == [
        ["skipped <stdin>:2", "E002 not valid JSON (Expecting property name enclosed in double quotes at column 2)"],
        ["skipped <stdin>:3", "E011 document 'g3': missing 'text'"]]
    assert len(errs.read_text().splitlines()) == 2
    df = pd.read_csv(out)
    assert len(df) >= 1 and set(df["doc_id"]) == {"g2"}
    assert (df["SOURCEURL"].iloc[0], df["title"].iloc[0], df["DATEADDED"].iloc[0]) == (
        "https://example.org/b", "Notes", 20250506000000)  # read from stdin, as from a file
    missing = tmp_path / "no" / "g.parquet"
    p = run("code", "-", "--profile", "gdelt", "-o", str(missing), stdin=good + "\n")
    assert p.returncode == 2 and "Traceback" not in p.stderr and not missing.parent.exists()
    assert p.stderr.splitlines()[-2:] == [f"eventwire: E050 cannot write {missing}: No such file or directory",
                                          "eventwire: coded 1 documents, 1 events; 1 output not written (see above)"]
    p = run("code", "-", "--profile", "gdelt", "-o", str(out), "--errors", "/dev/full", stdin=stdin)
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert p.stderr.splitlines()[-1] == "eventwire: E050 cannot write errors file /dev/full: No space left on device"


def test_one_run_writes_several_outputs_and_convert_gives_the_same_files(tmp_path: Path):
    import pyarrow.parquet as pq

    src = tmp_path / "in.jsonl"
    src.write_text(_doc("m", "Peru and Chile signed a water treaty in Lima on Monday.") + "\n"
                   + _doc("n", "Ghana accused Togo of shelling a border post.") + "\n")
    outs = [tmp_path / "coded.jsonl", tmp_path / "coded.csv", tmp_path / "coded.parquet"]
    p = run("code", str(src), *(a for o in outs for a in ("-o", str(o))))
    assert p.returncode == 0, p.stderr
    records = [json.loads(x) for x in outs[0].read_text().splitlines()]
    assert records and {r["published"] for r in records} == {"2025-05-06"}
    table = pq.read_table(outs[2])
    assert table.column("event_id").to_pylist() == [r["event_id"] for r in records]
    assert table.column("topics").to_pylist() == [r["topics"] for r in records]
    assert table.column("location_lat").to_pylist() == [r["location"]["lat"] for r in records]
    conv = [tmp_path / "conv.csv", tmp_path / "conv.parquet"]
    p = run("convert", str(outs[0]), "-o", str(conv[0]), "-o", str(conv[1]))
    assert p.returncode == 0, p.stderr
    assert conv[0].read_bytes() == outs[1].read_bytes()
    assert pq.read_table(conv[1]).equals(table)


def test_gdelt_profile_to_two_outputs(tmp_path: Path):
    import pandas as pd

    src = tmp_path / "in.jsonl"
    src.write_text(_doc("g", "Ghana accused Togo of shelling a border post.") + "\n")
    csv_out, pq_out = tmp_path / "g.csv", tmp_path / "g.parquet"
    p = run("code", str(src), "--profile", "gdelt", "-o", str(csv_out), "-o", str(pq_out))
    assert p.returncode == 0, p.stderr
    a, b = pd.read_csv(csv_out), pd.read_parquet(pq_out)
    assert len(a) == len(b) >= 1 and list(a["GLOBALEVENTID"]) == list(b["GLOBALEVENTID"])
