"""English parse repairs: labels of the statistical parser that every later walker would otherwise have to undo.

The small English model labels the preposition of a recipient "dative" when it
sits after a direct object ("gave aid TO X", "sent troops TO X"), but "prep"
elsewhere; the walkers that look for "to X" read prepositions by their "prep"
label, so the parse stage relabels such a preposition once, here.
"""

from __future__ import annotations

from spacy.tokens import Doc


def normalize(doc: Doc) -> Doc:
    """Relabel, in place, a preposition the parser called "dative" as "prep" (its noun stays its "pobj")."""
    for tok in doc:
        if tok.dep_ == "dative" and tok.pos_ == "ADP":
            tok.dep_ = "prep"
    return doc
