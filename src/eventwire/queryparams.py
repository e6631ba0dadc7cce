"""Checking query parameters: dates and ranges, choices from a fixed list, whole numbers, modalities.

Each check raises `QueryError` (a `ValueError`) with a message that names the
parameter and says what was expected, meant for the person who asked.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from .records import MODALITIES

ALL = "all"  # modality="all": every modality


class QueryError(ValueError):
    """A query parameter is malformed, names an unknown actor, or gives an empty range."""


_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_bound(value: Any, name: str, end: bool = False) -> date | None:
    """'2025', '2025-03' or '2025-03-14' (or a date) -> the first day, or the last one for an end bound."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    m = _DATE_RE.match(value.strip()) if isinstance(value, str) else None
    if not m:
        raise QueryError(f"{name}: expected a date as YYYY-MM-DD, YYYY-MM or YYYY, got {str(value)[:40]!r}")
    y, mo, d = int(m[1]), int(m[2] or (12 if end else 1)), m[3]
    try:
        if d is None:
            return date(y, mo, calendar.monthrange(y, mo)[1] if end else 1)
        return date(y, mo, int(d))
    except ValueError:
        raise QueryError(f"{name}: not a real date: {value!r}") from None


def event_day(value: str | None) -> date | None:
    """The day an event's `date` stands for: '2025-11' -> 2025-11-01; None when absent or unreadable."""
    try:
        return parse_bound(value, "date")
    except QueryError:
        return None


def _range(start: Any, end: Any) -> tuple[date | None, date | None]:
    s, e = parse_bound(start, "start"), parse_bound(end, "end", end=True)
    if s and e and s > e:
        raise QueryError(f"empty range: start {s} is after end {e}")
    return s, e


def _choices(value: Any, allowed: Sequence[Any], name: str, norm: Callable[[Any], Any]) -> list[Any]:
    """One value or a list of them, each normalised by `norm` and checked against `allowed`."""
    if value is None or value == "" or value == []:
        return []
    values = list(value) if isinstance(value, list | tuple | set) else [value]
    out = []
    for v in values:
        try:
            c = norm(v)
        except (TypeError, ValueError, AttributeError):
            c = None
        if c not in allowed:
            raise QueryError(f"{name}: {str(v)[:40]!r} is not one of {', '.join(map(str, allowed))}")
        out.append(c)
    return out


def _modalities(value: Any, default: Sequence[str] | None) -> list[str]:
    """The modalities asked for: `default` when none is given, every one for "all"."""
    if value is None or value == "" or value == []:
        return list(default or [])
    values = list(value) if isinstance(value, list | tuple | set) else [value]
    if any(isinstance(v, str) and v.strip().lower() == ALL for v in values):
        return []
    return _choices(values, MODALITIES, "modality", lambda v: v.strip().lower())


def _whole(value: Any) -> int:
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise ValueError(value)
    return int(value)


def _int(value: Any, name: str, lo: int, hi: int) -> int:
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise QueryError(f"{name}: expected a whole number, got {str(value)[:40]!r}") from None
    if isinstance(value, float) and value != n:
        raise QueryError(f"{name}: expected a whole number, got {value!r}")
    if not lo <= n <= hi:
        raise QueryError(f"{name}: must be between {lo} and {hi}, got {n}")
    return n
