"""Start-up: the command line does not import the store's libraries (DuckDB, pandas) until a store command runs,
and the store imports pandas only when it builds a frame."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # a fresh interpreter

SRC = Path(__file__).resolve().parent.parent / "src"


def _loaded_after(code: str) -> list[str]:
    names = "('duckdb', 'pandas', 'eventwire.store')"
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in {names} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(SRC)})
    return out.stdout.split()


def test_the_command_line_starts_without_the_store():
    assert _loaded_after("import eventwire.cli") == []


def test_a_store_command_imports_it_when_it_runs():
    assert _loaded_after("import eventwire.cli_store as c\nc._open") == []
    # pandas only where a frame is built: an ingest never needs it
    assert _loaded_after("from eventwire import store") == ["duckdb", "eventwire.store"]
    assert _loaded_after("from eventwire import store\nstore.Store.open(':memory:').actors()") == \
        ["duckdb", "pandas", "eventwire.store"]
