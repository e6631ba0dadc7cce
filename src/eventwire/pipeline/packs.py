"""What stages are built from: the language pack (model and lexicons) and the knowledge (actors, codes, places).

Both are plain holders filled by `Coder`; a stage takes what it needs from
them in its constructor, so that tests and callers can hand it other ones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..lang.en import words as en_words

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..knowledge.actors import ActorKB
    from ..knowledge.codes import CodeTables
    from ..places import Gazetteer
    from ..stages.modality import ModalityLexicon
    from ..stages.triggers import TriggerLexicon


@dataclass
class LanguagePack:
    """One language's parser and word knowledge: the spaCy pipeline, trigger and modality lexicons.

    `words(name)` is one of the language's word lists (for English, `lang/en/words.yaml`).
    """

    code: str
    nlp: Language
    lexicon: TriggerLexicon
    modality: ModalityLexicon
    words: Callable[[str], frozenset[str]] = field(default=en_words)
    repair: Callable[[Doc], Doc] | None = None  # the language's parse repairs (lang/en/syntax.py), run on each parse


@dataclass
class Knowledge:
    """Language-independent knowledge: the actor base, the PLOVER/CAMEO code tables, the gazetteer."""

    actors: ActorKB
    codes: CodeTables
    gazetteer: Gazetteer | None = None  # None: the shipped gazetteer, loaded on first use


Config = dict[str, Any]
