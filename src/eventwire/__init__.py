"""eventwire: political event data from news text.

    from eventwire import code_text
    for ev in code_text("Japan and the Philippines signed a defence pact on Monday.", published="2025-07-09"):
        print(ev.to_dict())

The public API: `Coder`, `code_text`, `code_documents`, `events_frame` (events as a
pandas DataFrame), and the records `Event`, `Document`, `Actor`. The coder (and spaCy) is imported on first use,
so that `import eventwire.io` or the store stay light.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["Actor", "ActorMention", "CodedDocument", "Coder", "Document", "Event", "code_documents", "code_text",
           "events_frame"]
__version__ = "0.1.0"

_WHERE = {
    "Coder": "coder", "CodedDocument": "coder", "code_documents": "coder", "code_text": "coder",
    "events_frame": "frames",
    "Actor": "records", "ActorMention": "records", "Document": "records", "Event": "records",
}

if TYPE_CHECKING:
    from .coder import CodedDocument, Coder, code_documents, code_text
    from .frames import events_frame
    from .records import Actor, ActorMention, Document, Event


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")
