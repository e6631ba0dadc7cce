"""Mentions stage: finds actor names in each parsed piece and counts the document's countries.

Requires: `pieces`. Assigns: `Piece.matches`, `Piece.resolver`, `DocState.history`
(with the country counts, before reading), `DocState.sentences`.
"""

from __future__ import annotations

from collections import Counter

from ..actors.mentions import NPResolver, TermMatcher
from ..pipeline.packs import Config, Knowledge, LanguagePack
from ..pipeline.registry import stage
from ..pipeline.state import DocState, SentState
from .references import MentionHistory


@stage("mentions", scope="document", requires=("pieces",),
       assigns=("piece.matches", "piece.resolver", "history.countries", "sentences"))
class Mentions:
    """Match actor terms once per piece and set up the sentences to read."""

    def __init__(self, lang: LanguagePack, knowledge: Knowledge, config: Config) -> None:
        self.kb = knowledge.actors
        self.matcher = TermMatcher(self.kb, lang.nlp)
        classes = lang.lexicon.classes
        self.inert = lambda tok: classes.member(tok, "inert")  # nouns.yaml: heads that name no actor
        self.sponsors = lang.words("sponsor_participles")  # "Iran-aligned militias": the country is a sponsor

    def __call__(self, state: DocState) -> DocState:
        doc = state.document
        history = MentionHistory()
        for piece in state.pieces:
            piece.matches = self.matcher.matches(piece.doc)
        history.countries = self.country_counts(state)
        state.history = history
        index = 0
        for piece in state.pieces:
            piece.resolver = NPResolver(self.kb, piece.doc, piece.matches, doc.published, self.inert,
                                         self.sponsors)
            for sent in piece.doc.sents:
                state.sentences.append(SentState(sent, piece.offset, index, piece.resolver))
                index += 1
        return state

    def country_counts(self, state: DocState) -> Counter[str]:
        """How often the document names each state (by name, adjective, capital or a person of it)."""
        counts: Counter[str] = Counter()
        for piece in state.pieces:
            for m in piece.matches:
                entry = self.kb.entry(m.best(self.kb).entry_id)
                if entry.kind in ("state", "person", "igo") and entry.code:
                    counts[entry.code] += 1
        return counts
