"""Sharded runs carry the pipeline config file to every coder they build, by content."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.scale import CoderSettings

BUILT: list[dict] = []


def record(actor_files=(), batch_size: int = 32, model: str | None = None, config_file: str | None = None):
    """A factory that notes what it was given (the config file's text, read while the copy exists)."""
    BUILT.append({"actor_files": list(actor_files), "batch_size": batch_size,
                  "config": Path(config_file).read_text(encoding="utf-8") if config_file else None,
                  "config_name": Path(config_file).name if config_file else None})
    return object()


FACTORY = "tests.test_scale_config:record"


def test_the_config_is_read_once_and_written_for_each_coder(tmp_path):
    path = tmp_path / "coder.toml"
    path.write_text("[stages.parse]\nbatch_size = 4\n", encoding="utf-8")
    settings = CoderSettings.create(factory=FACTORY, config_file=path)
    path.unlink()  # the workers need no shared file system
    BUILT.clear()
    settings.build()
    assert BUILT == [{"actor_files": [], "batch_size": 32, "config": "[stages.parse]\nbatch_size = 4\n",
                      "config_name": "coder.toml"}]


def test_the_config_is_part_of_the_checkpoint_identity(tmp_path):
    path = tmp_path / "coder.toml"
    path.write_text("[stages.parse]\nbatch_size = 4\n", encoding="utf-8")
    plain = CoderSettings.create(factory=FACTORY)
    with_config = CoderSettings.create(factory=FACTORY, config_file=path)
    assert "config" not in plain.identity()  # checkpoints made without a config stay valid
    assert with_config.identity()["config"]["name"] == "coder.toml"
    path.write_text("[stages.parse]\nbatch_size = 8\n", encoding="utf-8")
    assert CoderSettings.create(factory=FACTORY, config_file=path).identity() != with_config.identity()


def test_a_missing_config_is_named(tmp_path):
    with pytest.raises(ValueError, match=r"\[E031\] cannot read pipeline config .*nope.toml: No such file"):
        CoderSettings.create(config_file=tmp_path / "nope.toml")
