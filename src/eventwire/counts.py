"""Headline counts of a series, and what the counts left out, shared by the web API and the CLI.

    df = store.dyad_series("USA", "JPN")
    totals(df)          # {"q1": .., "q2": .., "q3": .., "q4": .., "count": .., "goldstein_mean": ..}
    left_out(store, None, ("USA", "JPN"))   # {"negated": 1, "planned": 1}: events of other modalities
    counted(store, "all", ("USA", "JPN"))   # {"asserted": 2, "negated": 1}: what "all" counts, by modality
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


def left_out(store: Store, modality: Any, dyad: tuple[str, str | None], both_directions: bool = True,
             **filters: Any) -> dict[str, int]:
    """Events of the dyad (under the same filters) in modalities the counts did not include, zeros dropped."""
    asked = modality if isinstance(modality, list | tuple) else [modality] if modality else []
    wanted = {str(m).strip().lower() for m in asked} or set(DEFAULT_COUNTED)
    if ALL in wanted:
        return {}
    counts = store.modality_counts(dyad=dyad, both_directions=both_directions, **filters)
    return {m: n for m, n in counts.items() if m not in wanted and n}


def counted(store: Store, modality: Any, dyad: tuple[str, str | None], both_directions: bool = True,
            **filters: Any) -> dict[str, int]:
    """The modalities inside the counts, when more than asserted events are counted ("all", or a list): the
    reader of "cooperation 3" must see that one of the three was negated. Empty when only asserted are counted."""
    asked = modality if isinstance(modality, list | tuple) else [modality] if modality else []
    wanted = {str(m).strip().lower() for m in asked} or set(DEFAULT_COUNTED)
    if wanted == set(DEFAULT_COUNTED):
        return {}
    counts = store.modality_counts(dyad=dyad, both_directions=both_directions, **filters)
    return {m: n for m, n in counts.items() if n and (ALL in wanted or m in wanted)}


def series_report(store: Store, a: str, b: str | None, freq: str = "month", both_directions: bool = True,
                  start: Any = None, end: Any = None, modality: Any = None, **filters: Any,
                  ) -> tuple[pd.DataFrame, dict[str, Any]]:
    """A dyad's series and its headline: totals, `left_out` (other modalities), `skipped_imprecise`."""
    df = store.dyad_series(a, b, freq=freq, both_directions=both_directions, start=start, end=end,
                           modality=modality, **filters)
    head = {"totals": totals(df), "skipped_imprecise": int(df.attrs["skipped_imprecise"]),
            "left_out": left_out(store, modality, (a, b), both_directions, start=start, end=end, **filters),
            "counted": counted(store, modality, (a, b), both_directions, start=start, end=end, **filters)}
    return df, head
