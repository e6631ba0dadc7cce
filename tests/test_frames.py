"""Documents take ISO strings for `published`; events become a DataFrame with every column."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

from eventwire.frames import events_frame
from eventwire.io.codec import CSV_COLUMNS, FRAME_COLUMNS
from eventwire.pipeline.runner import CodedDocument
from eventwire.records import Document, Event, Location, Span
from eventwire.store import Store

from .storedata import DOCS, build_events, mention


def test_document_published_from_iso_string_or_date():
    assert Document("a", "x", "2025-11-26").published == date(2025, 11, 26)
    assert Document("a", "x", "2025-11-26T08:30:00Z").published == date(2025, 11, 26)
    assert Document("a", "x", datetime(2025, 11, 26, 9)).published == date(2025, 11, 26)
    assert Document("a", "x", date(2025, 1, 2)).published == date(2025, 1, 2)
    assert Document("a", "x").published is None
    with pytest.raises(ValueError, match="Document 'a': published must be an ISO date"):
        Document("a", "x", "26/11/2025")
    with pytest.raises(ValueError, match="published must be an ISO date"):
        Document("a", "x", "2025-02-30")
    with pytest.raises(TypeError, match="got int"):
        Document("a", "x", 20251126)


def test_events_frame_from_results_matches_the_store(tmp_path: Path):
    events = build_events()
    df = events_frame(events)
    assert list(df.columns) == [c.name for c in FRAME_COLUMNS] and len(df) == 8
    assert df.loc[df["event_id"] == "doc-3:1:0", "date_precision"].tolist() == ["month"]
    with Store.open(tmp_path / "s.duckdb") as s:
        s.ingest(DOCS, events)
        stored = s.events_frame()
    assert list(stored.columns) == [c.name for c in FRAME_COLUMNS]
    assert sorted(stored["event_id"]) == sorted(df["event_id"])


def _placed_event() -> tuple[Document, Event]:
    """One document and one event of it with a CAMEO code, a place with coordinates and topics."""
    doc = Document("doc-9", "Norway hosted talks with Chile in Oslo on Monday.", date(2025, 4, 7), "Example Post")
    ev = Event(doc_id="doc-9", sentence=0, text=doc.text, trigger=Span("hosted", 7, 13), event_type="CONSULT",
               source=mention(doc, "Norway", "NOR"), target=mention(doc, "Chile", "CHL"), mode="host",
               cameo="043", goldstein=2.8, quad_class=1, date="2025-04-07", date_precision="day",
               location=Location("Oslo", "NOR", 59.91, 10.75), topics=["diplomacy", "trade"], confidence=0.8,
               published="2025-04-07")
    return doc, ev


def test_frames_carry_every_column_of_the_default_profile(tmp_path: Path):
    doc, ev = _placed_event()
    events = [*build_events(), ev]
    from_results = events_frame(events)
    with Store.open(tmp_path / "s.duckdb") as s:
        s.ingest([*DOCS, doc], events)
        from_store = s.events_frame()
    names = [c.name for c in FRAME_COLUMNS]
    assert names == [*CSV_COLUMNS[:CSV_COLUMNS.index("published") + 1], "day",
                     *CSV_COLUMNS[CSV_COLUMNS.index("published") + 1:]]
    for df in (from_results, from_store):
        assert list(df.columns) == names
        row = df[df["event_id"] == "doc-9:0:0"].iloc[0]
        assert (row["cameo"], row["cameo_root"], row["published"]) == ("043", "04", pd.Timestamp("2025-04-07"))
        assert (row["location_lat"], row["location_lon"], row["topics"]) == (59.91, 10.75, ["diplomacy", "trade"])
        undated = df[df["event_id"] == "doc-1:0:0"].iloc[0]
        assert pd.isna(undated["cameo_root"]) and list(undated["topics"]) == []
    assert from_store.loc[from_store["event_id"] == "doc-5:0:0", "published"].tolist() == [pd.Timestamp("2025-03-20")]


def test_coded_document_to_pandas_is_the_events_frame():
    _, ev = _placed_event()
    df = CodedDocument("doc-9", [ev]).to_pandas()
    assert df.to_dict("records") == events_frame([ev]).to_dict("records")
    assert df["cameo_root"].tolist() == ["04"]
