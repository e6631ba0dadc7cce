"""Headline counts of a series, and what the counts left out, shared by the web API and the CLI.

    df = store.dyad_series("USA", "JPN")
    totals(df)          # {"q1": .., "q2": .., "q3": .., "q4": .., "count": .., "goldstein_mean": ..}
    modalities(store, None, ("USA", "JPN"))   # {"left_out": {"negated": 1, "planned": 1}, "counted": {}}
    modalities(store, "all", ("USA", "JPN"))  # {"left_out": {}, "counted": {"asserted": 2, "negated": 1}}
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .store import ALL, DEFAULT_COUNTED, Store


def totals(df: pd.DataFrame) -> dict[str, Any]:
    """Events per quad class and in all over a series, with the mean Goldstein (None when no event)."""
    out: dict[str, Any] = {q: int(df[q].sum()) for q in ("q1", "q2", "q3", "q4", "count")}
    gsum = float(df["goldstein_sum"].sum())
    out["goldstein_mean"] = round(gsum / out["count"], 3) if out["count"] else None
    return out


def modalities(store: Store, modality: Any, dyad: tuple[str, str | None], both_directions: bool = True,
               **filters: Any) -> dict[str, dict[str, int]]:
    """What a dyad's counts hold and leave out, by modality, under the same filters (one query, zeros dropped).

    `left_out`: events of the modalities the counts did not include (empty under "all"). `counted`: the
    modalities inside the counts whenever more than asserted events are counted ("all", or a list), so the
    reader of "cooperation 3" sees that one of the three was negated; empty when only asserted are counted.
    """
    asked = modality if isinstance(modality, list | tuple) else [modality] if modality else []
    wanted = {str(m).strip().lower() for m in asked} or set(DEFAULT_COUNTED)
    counts = store.modality_counts(dyad=dyad, both_directions=both_directions, **filters)
    inside = {m: n for m, n in counts.items() if n and (ALL in wanted or m in wanted)}
    return {"left_out": {} if ALL in wanted else {m: n for m, n in counts.items() if n and m not in wanted},
            "counted": {} if wanted == set(DEFAULT_COUNTED) else inside}


def series_report(store: Store, a: str, b: str | None, freq: str = "month", both_directions: bool = True,
                  start: Any = None, end: Any = None, modality: Any = None, **filters: Any,
                  ) -> tuple[pd.DataFrame, dict[str, Any]]:
    """A dyad's series and its headline: totals, `skipped_imprecise`, `left_out` and `counted` (modalities)."""
    df = store.dyad_series(a, b, freq=freq, both_directions=both_directions, start=start, end=end,
                           modality=modality, **filters)
    head = {"totals": totals(df), "skipped_imprecise": int(df.attrs["skipped_imprecise"]),
            **modalities(store, modality, (a, b), both_directions, start=start, end=end, **filters)}
    return df, head
