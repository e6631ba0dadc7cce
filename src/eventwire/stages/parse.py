"""Parse stage: runs the spaCy pipeline over a batch of documents, long ones in pieces.

Requires: the documents. Assigns: `DocState.pieces` (offset and spaCy Doc of each piece).
"""

from __future__ import annotations

from .. import nlp as nlp_mod
from ..pipeline.packs import Config, Knowledge, LanguagePack
from ..pipeline.registry import stage
from ..pipeline.state import DocState, Piece


@stage("parse", scope="batch", requires=("document.text",), assigns=("pieces",))
class Parse:
    """Parse the texts of a batch with the language pack's spaCy pipeline."""

    def __init__(self, lang: LanguagePack, knowledge: Knowledge, config: Config) -> None:
        self.nlp = lang.nlp
        self.repair = lang.repair
        self.batch_size = int(config.get("batch_size", 32))

    def __call__(self, states: list[DocState]) -> list[DocState]:
        parsed = list(nlp_mod.parse(self.nlp, (s.document.text for s in states), batch_size=self.batch_size))
        for state, pieces in zip(states, parsed, strict=True):
            if self.repair is not None:
                pieces = [(offset, self.repair(sdoc)) for offset, sdoc in pieces]
            state.pieces = [Piece(offset, sdoc) for offset, sdoc in pieces]
        return states
