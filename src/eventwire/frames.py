"""Coded events as a pandas DataFrame, one row per event with every column of the default output profile.

    from eventwire.frames import events_frame
    df = events_frame(code_text("...", published="2025-11-26"))   # same columns as Store.events_frame()
    for result in coder.pipe(documents):
        result.to_pandas()                                        # one document's events, the same columns

The columns are `io.codec.FRAME_COLUMNS`: those of the default profile (the CSV and Parquet columns,
`cameo_root`, `published`, `location_lat`/`location_lon`, `topics` as a list of strings among them) and
the `day` each event is placed on: its date, or its document's published date when it has none, as the
store places it. Day columns are pandas datetimes, as the store gives them.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .io.codec import FRAME_COLUMNS, frame_row
from .records import Event

_NAMES = [c.name for c in FRAME_COLUMNS]
_DAYS = [c.name for c in FRAME_COLUMNS if c.type == "date"]
_FLOATS = {c.name: "float64" for c in FRAME_COLUMNS if c.type == "float"}  # None -> NaN, as the store gives them


def events_frame(events: Iterable[Event]) -> pd.DataFrame:
    """A DataFrame of `events` with the columns of `Store.events_frame()` (FRAME_COLUMNS), in that order."""
    df = pd.DataFrame([frame_row(ev) for ev in events], columns=_NAMES).astype(_FLOATS)
    for col in _DAYS:
        df[col] = pd.to_datetime(df[col])
    df["day"] = df["day"].fillna(df["published"])  # as the store places an undated event
    return df
