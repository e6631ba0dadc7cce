"""PLOVER <-> CAMEO <-> Goldstein <-> quad class tables, read from package data.

`data/cameo.tsv` is GDELT's CAMEO lookup (code, Goldstein weight, description);
`data/plover.tsv` gives each PLOVER type its quad class and a fallback CAMEO code.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .records import EVENT_TYPES


@dataclass(frozen=True)
class CodeTables:
    goldstein: dict[str, float]
    description: dict[str, str]
    quad_class: dict[str, int]
    default_cameo: dict[str, str]

    def cameo_for(self, event_type: str, cameo: str | None = None) -> tuple[str, float]:
        """The CAMEO code for an event (the trigger's own, else the type's default) and its weight."""
        code = cameo if cameo in self.goldstein else self.default_cameo[event_type]
        return code, self.goldstein[code]


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("eventwire").joinpath("data", name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@cache
def tables() -> CodeTables:
    """Load the code tables once per process."""
    cameo = _rows("cameo.tsv")
    plover = _rows("plover.tsv")
    t = CodeTables(
        goldstein={r["code"]: float(r["goldstein"]) for r in cameo},
        description={r["code"]: r["description"].strip() for r in cameo},
        quad_class={r["event_type"]: int(r["quad_class"]) for r in plover},
        default_cameo={r["event_type"]: r["default_cameo"] for r in plover},
    )
    missing = set(EVENT_TYPES) - set(t.quad_class)
    if missing:
        raise ValueError(f"[E001] plover.tsv lacks event types: {sorted(missing)}")
    return t
