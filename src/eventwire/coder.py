"""Coder: loads the pipeline once and turns documents into events.

    coder = Coder()                       # loads spaCy and the actor knowledge
    for result in coder.pipe(documents):  # one CodedDocument per input, in order
        result.events

The coder is its list of stages (`DEFAULT_STAGES`, each registered in
`pipeline.registry` by its module under `stages/`), run by `pipeline.Runner`
over one `DocState` per document. Choose stages by name, pass stage objects
of your own, or swap one with `coder.replace(name, stage)`; pass other
knowledge with `Coder(kb=..., lexicon=..., modality=..., codes=..., gazetteer=...)`.
`Coder(config_file="coder.toml")` takes the stage list and the stages' settings
from a TOML file (`pipeline.config`: `[pipeline] stages = [...]`, `[stages.NAME]`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import nlp as nlp_mod
from .knowledge.actors import ActorKB
from .knowledge.codes import tables
from .lang.en import syntax as en_syntax
from .pipeline import registry
from .pipeline.config import read_config, stage_names
from .pipeline.packs import Knowledge, LanguagePack
from .pipeline.registry import Stage
from .pipeline.runner import CodedDocument, Runner
from .records import Document, Event
from .stages.modality import ModalityLexicon
from .stages.triggers import TriggerLexicon

if TYPE_CHECKING:
    from .knowledge.codes import CodeTables
    from .places import Gazetteer

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

__all__ = ["DEFAULT_STAGES", "CodedDocument", "Coder", "code_documents", "code_text", "default_coder"]

DEFAULT_STAGES = ("parse", "mentions", "references", "triggers", "arguments", "modality", "coding", "dates",
                  "sentence_dedup", "places", "dedup")


class Coder:
    """The whole pipeline, loaded once per process (per Dask worker)."""

    def __init__(
        self,
        kb: ActorKB | None = None,
        model: str = nlp_mod.MODEL,
        actor_files: Iterable[str | Path] = (),
        batch_size: int = 32,
        stages: Sequence[str | Stage] | None = None,
        config: Mapping[str, Mapping[str, Any]] | None = None,
        lexicon: TriggerLexicon | None = None,
        modality: ModalityLexicon | None = None,
        codes: CodeTables | None = None,
        gazetteer: Gazetteer | None = None,
        config_file: str | Path | None = None,
    ) -> None:
        file_config = read_config(config_file) if config_file is not None else None
        if file_config is not None and file_config.stages is not None and stages is not None:
            raise ValueError(f"[E097] {file_config.source}: give the stages in the config file or as stages=, "
                             "not both")
        self.nlp = nlp_mod.load(model)
        self.kb = kb if kb is not None else ActorKB.load(extra=list(actor_files))
        self.lang = LanguagePack("en", self.nlp, lexicon or TriggerLexicon.load(), modality or ModalityLexicon.load(),
                                 repair=en_syntax.normalize)
        self.knowledge = Knowledge(self.kb, codes or tables(), gazetteer)
        self.batch_size = batch_size
        self.config = {name: dict(c) for name, c in (file_config.settings if file_config else {}).items()}
        for name, c in (config or {}).items():  # settings given in code win over the file's
            self.config.setdefault(name, {}).update(c)
        if stages is None:
            stages = stage_names(file_config, DEFAULT_STAGES) if file_config else DEFAULT_STAGES
        self.config.setdefault("parse", {}).setdefault("batch_size", batch_size)
        self.runner = Runner([self.build(s) for s in stages], batch_size=batch_size)

    def build(self, spec: str | Stage) -> Stage:
        """A stage object: the registered stage `spec` built from this coder's packs, or `spec` itself."""
        if not isinstance(spec, str):
            return spec
        info = registry.get(spec)
        return info.factory(self.lang, self.knowledge, self.config.get(spec, {}))

    @property
    def stages(self) -> list[Stage]:
        return self.runner.stages

    def replace(self, name: str, new: str | Stage) -> None:
        """Put another stage in the place of the stage called `name`."""
        self.runner.replace(name, self.build(new))

    def pipe(self, docs: Iterable[Document]) -> Iterator[CodedDocument]:
        """Code documents in batches; yields one CodedDocument per input document, in order.

        A document that fails inside the pipeline is reported as a problem and the
        others go on.
        """
        return self.runner.pipe(docs)

    def code(self, doc: Document) -> list[Event]:
        """Events of one document."""
        result = next(self.pipe([doc]))
        if result.problem:
            raise RuntimeError(f"[E040] document {doc.id}: {result.problem}")
        return result.events


_default: Coder | None = None


def default_coder() -> Coder:
    """A process-wide Coder with the built-in knowledge (created on first use)."""
    global _default
    if _default is None:
        _default = Coder()
    return _default


def code_text(text: str, published: date | str | None = None, doc_id: str = "text") -> list[Event]:
    """Events in one piece of text."""
    if isinstance(published, str):
        published = date.fromisoformat(published)
    return default_coder().code(Document(id=doc_id, text=text, published=published))


def code_documents(docs: Iterable[Document], coder: Coder | None = None) -> Iterator[Event]:
    """Events of many documents, in input order."""
    c = coder or default_coder()
    for result in c.pipe(docs):
        yield from result.events
