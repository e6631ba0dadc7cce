"""The coding pipeline: a document state, a registry of stages, and the runner that applies them.

    from eventwire.pipeline import DocState, Runner, registry
"""

from __future__ import annotations

from .packs import Knowledge, LanguagePack
from .runner import Runner
from .state import Arg, Candidate, DocState, SentState

__all__ = ["Arg", "Candidate", "DocState", "Knowledge", "LanguagePack", "Runner", "SentState"]
