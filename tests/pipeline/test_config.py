"""The pipeline config file: the stage list and stage settings from TOML, with clear errors for bad files."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.coder import DEFAULT_STAGES
from eventwire.pipeline.config import PipelineConfig, parse_config, read_config

GOOD = """
[pipeline]
stages = ["parse", "mentions", "references", "triggers", "arguments", "modality", "coding", "dates", "dedup"]

[stages.parse]
batch_size = 8
"""


def test_a_config_gives_the_stage_list_and_settings():
    cfg = parse_config(GOOD, "coder.toml")
    assert cfg == PipelineConfig(("parse", "mentions", "references", "triggers", "arguments", "modality", "coding",
                                  "dates", "dedup"), {"parse": {"batch_size": 8}}, "coder.toml")


def test_settings_alone_keep_the_default_stages():
    assert parse_config("[stages.parse]\nbatch_size = 4\n").stages is None


def test_an_unknown_stage_is_named_with_the_file_and_the_known_stages(tmp_path):
    path = tmp_path / "coder.toml"
    path.write_text('[pipeline]\nstages = ["parse", "scorer"]\n', encoding="utf-8")
    with pytest.raises(KeyError) as err:
        read_config(path)
    known = ", ".join(sorted(DEFAULT_STAGES))
    assert err.value.args[0] == f"[E090] {path}: [pipeline] stages: no stage called 'scorer'; known stages: {known}"


@pytest.mark.parametrize(("text", "problem"), [
    ("[pipeline\n", "not valid TOML (Expected ']' at the end of a table declaration (at line 1, column 10))"),
    ('[pipeline]\nstages = "parse"\n', "[pipeline] stages must be a non-empty list of stage names"),
    ("[pipeline]\nstages = []\n", "[pipeline] stages must be a non-empty list of stage names"),
    ('[pipeline]\nstages = ["parse", "parse"]\n', "[pipeline] stages lists 'parse' twice"),
    ('[pipeline]\nsteps = ["parse"]\n', "[pipeline] holds one key, stages"),
    ("[coder]\nx = 1\n", "unknown table [coder]; a pipeline config has [pipeline] and [stages.NAME]"),
    ("[stages]\nparse = 3\n", "[stages] must hold one table per stage, as [stages.parse]"),
])
def test_a_bad_file_is_E097_naming_the_file(text, problem):
    with pytest.raises(ValueError) as err:
        parse_config(text, "coder.toml")
    assert str(err.value) == f"[E097] coder.toml: {problem}"


def test_settings_for_an_unknown_stage_are_refused():
    with pytest.raises(KeyError, match=r"\[E090\] c.toml: \[stages.scorer\]: no stage called 'scorer'"):
        parse_config("[stages.scorer]\nweights = 'w.json'\n", "c.toml")


def test_an_unreadable_config_is_E031(tmp_path):
    with pytest.raises(ValueError, match=r"\[E031\] cannot read pipeline config .*nope.toml: No such file"):
        read_config(tmp_path / "nope.toml")


def test_info_shows_the_stages_of_a_config_and_refuses_a_bad_one(tmp_path):
    good, bad = tmp_path / "good.toml", tmp_path / "bad.toml"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text('[pipeline]\nstages = ["parse", "scorer"]\n', encoding="utf-8")
    out = CliRunner().invoke(app, ["info", "--config", str(good)])
    assert out.exit_code == 0 and "stages (9, in order)" in out.output
    assert [ln.split()[1] for ln in out.output.splitlines() if ln[:5].strip().endswith(".")][:9] == \
        ["parse", "mentions", "references", "triggers", "arguments", "modality", "coding", "dates", "dedup"]
    out = CliRunner().invoke(app, ["info", "--config", str(bad)])
    assert out.exit_code == 2
    assert f"eventwire: [E090] {bad}: [pipeline] stages: no stage called 'scorer'" in out.output


def test_code_refuses_a_config_with_the_gdelt_profile(tmp_path):
    good = tmp_path / "good.toml"
    good.write_text(GOOD, encoding="utf-8")
    out = CliRunner().invoke(app, ["code", "-", "--config", str(good), "--profile", "gdelt", "-o", "x.csv"],
                             input="")
    assert out.exit_code == 2
    assert f"[E097] {good}: --config cannot be given with --profile gdelt yet" in out.output


@pytest.mark.slow
def test_the_coder_runs_the_stages_of_its_config_file(tmp_path, coder):
    from eventwire.coder import Coder
    from eventwire.records import Document

    no_places = [s for s in DEFAULT_STAGES if s != "places"]
    path = tmp_path / "coder.toml"
    path.write_text(f"[pipeline]\nstages = {no_places!r}\n\n[stages.parse]\nbatch_size = 4\n".replace("'", '"'),
                    encoding="utf-8")
    from_file = Coder(kb=coder.kb, config_file=path)
    assert [s.name for s in from_file.stages] == no_places
    assert from_file.config["parse"] == {"batch_size": 4}
    doc = Document(id="c1", text="Kenya signed a trade agreement with Brazil in Nairobi on Monday.",
                   published="2025-03-12")
    full, without = coder.code(doc), from_file.code(doc)
    assert [e.event_type for e in without] == [e.event_type for e in full] == ["AGREE"]
    assert (full[0].location.text, without[0].location.text) == ("Nairobi", None)
    with pytest.raises(ValueError, match=r"\[E097\] .*coder.toml: give the stages in the config file or as"):
        Coder(kb=coder.kb, config_file=path, stages=["parse"])
