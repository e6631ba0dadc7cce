"""`eventwire info`: the version, the model, the stages in order and the knowledge files with counts."""

from __future__ import annotations

from typer.testing import CliRunner

from eventwire import __version__
from eventwire.cli import app
from eventwire.coder import DEFAULT_STAGES
from eventwire.info import describe, render


def test_describe_lists_the_default_stages_in_order_with_their_modules():
    info = describe()
    assert [s.name for s in info.stages] == list(DEFAULT_STAGES)
    assert [s.module for s in info.stages] == [
        "eventwire.stages.parse", "eventwire.stages.mentions", "eventwire.stages.references",
        "eventwire.stages.triggers", "eventwire.stages.arguments", "eventwire.stages.modality",
        "eventwire.stages.coding", "eventwire.stages.dates", "eventwire.stages.dedup", "eventwire.stages.places",
        "eventwire.stages.dedup",
    ]
    assert info.stages[-1].assigns == ("events",)
    assert info.version == __version__


def test_describe_counts_the_knowledge_files():
    files = {k.path: k for k in describe().knowledge}
    assert files["data/plover.tsv"].count == 16
    assert files["lang/en/triggers.yaml"].what == "trigger rules"
    assert files["lang/en/triggers.yaml"].count > 0
    assert files["actors/data/countries.yaml"].count > 0
    assert files["lang/en/words.yaml"].what == "word lists"
    assert (files["lang/en/time.yaml"].what, files["lang/en/time.yaml"].count) == ("calendar word lists", 16)
    assert files["data/cameo_modes.tsv"].count == 2


def test_info_command_prints_stages_and_knowledge():
    result = CliRunner().invoke(app, ["info"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"eventwire {__version__}"
    assert "stages (11, in order)" in lines
    assert lines[lines.index("stages (11, in order)") + 5].split()[:3] == ["5.", "arguments",
                                                                            "eventwire.stages.arguments"]
    assert result.output == render(describe()) + "\n"
