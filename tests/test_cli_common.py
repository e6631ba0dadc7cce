"""Shared CLI pieces: the warning for plain-text input without a publication date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.cli_common import warn_unpublished


def test_warns_once_for_txt_without_published(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Some words.")
    b.write_text("More words.")
    assert warn_unpublished([str(a), str(b)], None) is True
    err = capsys.readouterr().err
    assert err.count("warning") == 1 and "no --published" in err and str(a) in err
    assert warn_unpublished([str(tmp_path)], None) is True  # a folder holding .txt files
    capsys.readouterr()
    assert warn_unpublished([str(a)], date(2025, 11, 26)) is False
    assert warn_unpublished([str(tmp_path / "docs.jsonl")], None) is False
    assert capsys.readouterr().err == ""
