"""eventwire: political event data from news text.

    from eventwire import code_text
    for ev in code_text("Japan and the Philippines signed a defence pact on Monday.", published="2025-07-09"):
        print(ev.to_dict())

The public API: `Coder`, `code_text`, `code_documents`, and the records
`Event`, `Document`, `Actor`.
"""

import logging

from .coder import CodedDocument, Coder, code_documents, code_text
from .records import Actor, ActorMention, Document, Event

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["Actor", "ActorMention", "CodedDocument", "Coder", "Document", "Event", "code_documents", "code_text"]
__version__ = "0.1.0"
