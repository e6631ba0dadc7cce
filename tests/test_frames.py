"""Documents take ISO strings for `published`; events become a DataFrame with every column."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from eventwire.frames import events_frame
from eventwire.records import Document
from eventwire.store import ALL_COLUMNS, Store

from .storedata import DOCS, build_events


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
    assert list(df.columns) == list(ALL_COLUMNS) and len(df) == 8
    assert df.loc[df["event_id"] == "doc-3:1:0", "date_precision"].tolist() == ["month"]
    with Store.open(tmp_path / "s.duckdb") as s:
        s.ingest(DOCS, events)
        stored = s.events_frame()
    assert list(stored.columns) == list(ALL_COLUMNS)
    assert sorted(stored["event_id"]) == sorted(df["event_id"])
