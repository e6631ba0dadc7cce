"""Stored text made safe for a terminal: control characters shown, Rich markup escaped.

News text is untrusted. Printed raw, an escape sequence (ESC [ ... or OSC)
would drive the terminal, and a '[red]' or '[/]' in a document id would be
read as Rich markup. Everything printed from data goes through here.
"""

from __future__ import annotations

import json
import re
from typing import Any

# C0 controls except tab and newline, DEL, and the C1 controls (which include CSI and OSC)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe_text(value: str) -> str:
    """`value` with each terminal control character written out, e.g. ESC as '\\x1b'."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", value)


def rich_text(value: object) -> str:
    """A value as text for a Rich table or console: control characters shown, markup escaped."""
    from rich.markup import escape

    return escape(safe_text("" if value is None else str(value)))


def json_text(payload: Any, indent: int | None = None) -> str:
    """`payload` as JSON for a terminal: the same value, with DEL and the C1 controls written as \\u escapes.

    `json.dumps` escapes the C0 controls itself; with ensure_ascii=False it would leave DEL and C1 (CSI
    and OSC among them) raw. Inside a JSON string a \\u escape means the same character, so the value
    read back is unchanged.
    """
    text = json.dumps(payload, ensure_ascii=False, indent=indent)
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_RAW_IN_JSON = re.compile("[\x7f-\x9f]")
