"""Coded events as a pandas DataFrame, one row per event with every column the store keeps.

    from eventwire.frames import events_frame
    df = events_frame(code_text("...", published="2025-11-26"))   # same columns as Store.events_frame()
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .io.codec import store_row
from .records import Event
from .store import ALL_COLUMNS


def events_frame(events: Iterable[Event]) -> pd.DataFrame:
    """A DataFrame of `events` with the columns of `Store.events_frame()` (ALL_COLUMNS), in that order."""
    rows = [store_row(ev) for ev in events]
    df = pd.DataFrame(rows, columns=[*ALL_COLUMNS, "record"]).drop(columns="record")
    df["day"] = pd.to_datetime(df["day"])
    return df
