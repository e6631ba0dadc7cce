"""Stored text made safe for a terminal: control characters shown, Rich markup escaped.

News text is untrusted. Printed raw, an escape sequence (ESC [ ... or OSC)
would drive the terminal, and a '[red]' or '[/]' in a document id would be
read as Rich markup. Everything printed from data goes through here.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and the C1 controls (which include CSI and OSC)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe_text(value: str) -> str:
    """`value` with each terminal control character written out, e.g. ESC as '\\x1b'."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", value)


def rich_text(value: object) -> str:
    """A value as text for a Rich table or console: control characters shown, markup escaped."""
    from rich.markup import escape

    return escape(safe_text("" if value is None else str(value)))
