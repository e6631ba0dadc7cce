"""The pipeline config file: which stages run, in what order, and each stage's own settings (TOML).

    [pipeline]
    stages = ["parse", "mentions", "references", "triggers", "arguments", "modality", "coding", "dates",
              "sentence_dedup", "places", "dedup"]

    [stages.parse]
    batch_size = 16

`read_config(path)` checks the file before any stage is built: a file that is
not TOML, a `stages` that is not a list of names, a name listed twice or a
table other than `[pipeline]` and `[stages.NAME]` is E097; a stage name that no
module registered is E090. Every message names the file. `[pipeline]` may be
left out: the default stage list runs with the settings given.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import registry

__all__ = ["PipelineConfig", "parse_config", "read_config"]

TABLES = ("pipeline", "stages")


@dataclass(frozen=True)
class PipelineConfig:
    """The stage list (None: the default one) and the settings per stage name, as read from `source`."""

    stages: tuple[str, ...] | None
    settings: dict[str, dict[str, Any]] = field(default_factory=dict)
    source: str = "<config>"


def _bad(source: str, problem: str) -> ValueError:
    return ValueError(f"[E097] {source}: {problem}")


def _known(name: str, source: str, where: str) -> None:
    try:
        registry.get(name)
    except KeyError:
        known = ", ".join(registry.names())
        raise KeyError(f"[E090] {source}: {where}: no stage called {name!r}; known stages: {known}") from None


def parse_config(text: str, source: str = "<config>") -> PipelineConfig:
    """The pipeline config in TOML `text`; `source` names it in errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise _bad(source, f"not valid TOML ({e})") from None
    unknown = sorted(set(data) - set(TABLES))
    if unknown:
        raise _bad(source, f"unknown table [{unknown[0]}]; a pipeline config has [pipeline] and [stages.NAME]")
    pipeline = data.get("pipeline", {})
    if not isinstance(pipeline, dict) or set(pipeline) - {"stages"}:
        raise _bad(source, "[pipeline] holds one key, stages")
    stages: tuple[str, ...] | None = None
    if "stages" in pipeline:
        raw = pipeline["stages"]
        if not isinstance(raw, list) or not raw or not all(isinstance(s, str) for s in raw):
            raise _bad(source, "[pipeline] stages must be a non-empty list of stage names")
        twice = next((s for i, s in enumerate(raw) if s in raw[:i]), None)
        if twice is not None:
            raise _bad(source, f"[pipeline] stages lists {twice!r} twice")
        for name in raw:
            _known(name, source, "[pipeline] stages")
        stages = tuple(raw)
    settings = data.get("stages", {})
    if not isinstance(settings, dict) or not all(isinstance(v, dict) for v in settings.values()):
        raise _bad(source, "[stages] must hold one table per stage, as [stages.parse]")
    for name in settings:
        _known(name, source, f"[stages.{name}]")
    return PipelineConfig(stages, {k: dict(v) for k, v in settings.items()}, source)


def read_config(path: str | Path) -> PipelineConfig:
    """The pipeline config file at `path` (E031 when it cannot be read)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        reason = e.strerror if isinstance(e, OSError) else "not UTF-8"
        raise ValueError(f"[E031] cannot read pipeline config {p}: {reason}") from None
    return parse_config(text, str(p))


def stage_names(config: PipelineConfig, default: Sequence[str]) -> tuple[str, ...]:
    """The config's stage list, or `default` when it names none."""
    return config.stages if config.stages is not None else tuple(default)
