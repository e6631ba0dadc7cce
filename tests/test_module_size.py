"""No module of the package is over 600 lines (issue 9); split modules keep their old imports."""

from __future__ import annotations

from pathlib import Path

import eventwire
from eventwire import checkpoint, date_expressions, dates, scale

MAX_LINES = 600


def test_no_module_is_over_600_lines():
    package = Path(eventwire.__file__).parent
    sizes = {str(p.relative_to(package)): len(p.read_text(encoding="utf-8").splitlines())
             for p in package.rglob("*.py")}
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}


def test_checkpoint_names_are_still_importable_from_scale():
    for name in ("Checkpoint", "CheckpointMismatch", "CHECKPOINT_FORMAT", "CHECKPOINT_VERSION", "read_part",
                 "write_part", "parquet_part", "write_parquet_part", "remove_stale_parquet"):
        assert getattr(scale, name) is getattr(checkpoint, name), name
    assert set(checkpoint.__all__) <= set(scale.__all__)


def test_dates_uses_the_expressions_of_date_expressions():
    assert dates.find_expressions is date_expressions.find_expressions
    assert dates.__all__ == ["DateResult", "event_date", "looks_back", "sentence_anchor"]
