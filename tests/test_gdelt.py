"""The GDELT profile: column names are GDELT 2.0's, in its order; values mapped from event records."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.gdelt import COLUMNS, GDELT_COLUMNS, gdelt_row, quad_class_of_root, write_gdelt

from .storedata import BY_ID, build_events

# GDELT 2.0 event table (the 61 columns of its codebook), in order
GDELT2 = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"] + [
    f"Actor{n}{c}" for n in (1, 2) for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                                             "Religion1Code", "Religion2Code", "Type1Code", "Type2Code",
                                             "Type3Code")] + [
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone"] + [
    f"{g}_{c}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo")
    for c in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")] + [
    "DATEADDED", "SOURCEURL"]


def test_names_and_order_are_gdelt_2():
    assert len(GDELT2) == 61
    assert [c for c in GDELT2 if c in GDELT_COLUMNS] == list(GDELT_COLUMNS)  # all GDELT's, in its order
    assert {"SQLDATE", "MonthYear", "Year", "FractionDate", "EventCode", "EventBaseCode", "EventRootCode",
            "QuadClass", "GoldsteinScale", "ActionGeo_Lat", "ActionGeo_Long", "DATEADDED", "SOURCEURL"} <= set(
        GDELT_COLUMNS)
    assert not set(COLUMNS[len(GDELT_COLUMNS):]) & set(GDELT2)  # our columns never pose as GDELT's


def test_rows_from_events():
    events = {e.event_id: e for e in build_events()}
    sanction = gdelt_row(events["doc-2:0:0"], BY_ID["doc-2"])
    assert (sanction["SQLDATE"], sanction["MonthYear"], sanction["Year"]) == (20250203, 202502, 2025)
    assert sanction["Actor1Code"] == "USAGOV" and sanction["Actor1CountryCode"] == "USA"
    assert sanction["Actor2Code"] == "CHNGOV" and sanction["DATEADDED"] == 20250203000000
    assert sanction["publisher"] == "Example Wire" and sanction["SOURCEURL"] is None
    planned = gdelt_row(events["doc-3:1:0"])  # dated to a month only: no whole day is made up
    assert planned["SQLDATE"] is None and planned["MonthYear"] == 202503 and planned["modality"] == "planned"
    assert [quad_class_of_root(r) for r in ("04", "07", "11", "19", None)] == [1, 2, 3, 4, None]


def test_date_added_from_the_record_when_no_document_is_given():
    from dataclasses import replace

    ev = build_events()[0]
    assert gdelt_row(replace(ev, published=None))["DATEADDED"] is None
    assert gdelt_row(replace(ev, published="2025-04-30"))["DATEADDED"] == 20250430000000
    assert gdelt_row(replace(ev, published="2025-04-30"), BY_ID[ev.doc_id])["DATEADDED"] == int(
        BY_ID[ev.doc_id].published.strftime("%Y%m%d")) * 1_000_000  # the document wins


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_write(tmp_path: Path, suffix: str):
    rows = [gdelt_row(e, BY_ID[e.doc_id]) for e in build_events()]
    out = tmp_path / f"g{suffix}"
    assert write_gdelt(rows, out) == 8
    import pandas as pd

    df = pd.read_csv(out) if suffix == ".csv" else pd.read_parquet(out)
    assert list(df.columns) == list(COLUMNS) and len(df) == 8
    with pytest.raises(ValueError, match="writes .csv or .parquet"):
        write_gdelt(rows, tmp_path / "g.txt")


def test_cameo_columns_and_description():
    from dataclasses import replace

    call = replace(build_events()[0], cameo="041", goldstein=1.0)
    row = gdelt_row(call)
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"], row["QuadClass"]) == ("041", "041", "04", 1)
    assert row["EventDescription"] and row["GoldsteinScale"] == 1.0
    deep = gdelt_row(replace(call, cameo="1041"))
    assert (deep["EventBaseCode"], deep["EventRootCode"], deep["QuadClass"]) == ("104", "10", 3)


# ---------------------------------------------------------------------------- the output path

@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_write_to_a_missing_folder_is_e050_and_leaves_nothing(tmp_path: Path, suffix: str):
    from eventwire.errors import OutputError

    out = tmp_path / "no" / f"g{suffix}"
    with pytest.raises(OutputError) as e:
        write_gdelt([gdelt_row(ev) for ev in build_events()], out)
    assert str(e.value) == f"E050 cannot write {out}: No such file or directory"
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_a_full_disk_is_e050_and_keeps_the_earlier_output(tmp_path: Path, suffix: str,
                                                           monkeypatch: pytest.MonkeyPatch):
    import csv
    import errno
    import os

    import pyarrow.parquet as pq

    from eventwire.errors import OutputError

    out = tmp_path / f"g{suffix}"
    rows = [gdelt_row(e, BY_ID[e.doc_id]) for e in build_events()]
    write_gdelt(rows[:2], out)
    before = out.read_bytes()

    def full(*a, **k):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(csv.DictWriter, "writerows", full)
    monkeypatch.setattr(pq, "write_table", full)
    with pytest.raises(OutputError) as e:
        write_gdelt(rows, out)
    assert str(e.value) == f"E050 cannot write {out}: No space left on device"
    assert out.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == [out.name]


def test_no_events_still_give_every_column(tmp_path: Path):
    import pandas as pd

    for suffix in (".csv", ".parquet"):
        out = tmp_path / f"g{suffix}"
        assert write_gdelt([], out) == 0
        df = pd.read_csv(out) if suffix == ".csv" else pd.read_parquet(out)
        assert list(df.columns) == list(COLUMNS) and len(df) == 0
