"""PLOVER <-> CAMEO <-> Goldstein <-> quad class tables, read from package data.

`data/cameo.tsv` is GDELT's CAMEO lookup (code, Goldstein weight, description);
`data/plover.tsv` gives each PLOVER type its quad class and a fallback CAMEO code;
`data/cameo_plover.tsv` (PLOVER's CAMEO crosswalk) gives a CAMEO code's PLOVER mode and context;
`data/cameo_modes.tsv` adds the modes the crosswalk does not name (a mediated consultation is 045).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from ..records import EVENT_TYPES


@dataclass(frozen=True)
class CodeTables:
    goldstein: dict[str, float]
    description: dict[str, str]
    quad_class: dict[str, int]
    default_cameo: dict[str, str]
    crosswalk: dict[str, tuple[str, str, tuple[str, ...]]]  # CAMEO code -> (PLOVER type, mode, contexts)
    extra_modes: dict[str, dict[str, str]] = field(default_factory=dict)  # base code -> mode -> code

    def cameo_for(self, event_type: str, cameo: str | None = None) -> tuple[str, float]:
        """The CAMEO code for an event (the trigger's own, else the type's default) and its weight."""
        code = cameo if cameo in self.goldstein else self.default_cameo[event_type]
        return code, self.goldstein[code]

    def cameo_for_mode(self, event_type: str, cameo: str, mode: str | None) -> tuple[str, float]:
        """A type's base code made specific by the mode: a phone call 041, a visit 042, a third place 044.

        Only a base code (ending in 0, as "040") is refined, and only to a code of the same root whose
        crosswalk row has this type and mode; otherwise `cameo` is kept.
        """
        if mode and cameo.endswith("0"):
            for code, (plover, row_mode, _) in self.crosswalk.items():
                if plover == event_type and row_mode == mode and code[:2] == cameo[:2] and code in self.goldstein:
                    return code, self.goldstein[code]
            if mode in self.extra_modes.get(cameo, {}):
                code = self.extra_modes[cameo][mode]
                return code, self.goldstein[code]
        return cameo, self.goldstein.get(cameo, 0.0)

    def mode_and_context(self, event_type: str, cameo: str) -> tuple[str | None, list[str]]:
        """PLOVER mode and context of a CAMEO code, when the crosswalk agrees on the event type."""
        row = self.crosswalk.get(cameo)
        if row is None or row[0] != event_type:
            return None, []
        return row[1] or None, list(row[2])


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("eventwire").joinpath("data", name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@cache
def tables() -> CodeTables:
    """Load the code tables once per process."""
    cameo = _rows("cameo.tsv")
    plover = _rows("plover.tsv")
    crosswalk = _rows("cameo_plover.tsv")
    extra: dict[str, dict[str, str]] = {}
    for r in _rows("cameo_modes.tsv"):
        extra.setdefault(r["base"], {})[r["mode"]] = r["code"]
    t = CodeTables(
        goldstein={r["code"]: float(r["goldstein"]) for r in cameo},
        description={r["code"]: r["description"].strip() for r in cameo},
        quad_class={r["event_type"]: int(r["quad_class"]) for r in plover},
        default_cameo={r["event_type"]: r["default_cameo"] for r in plover},
        crosswalk={r["code"]: (r["plover"], r["mode"] or "", tuple(c for c in (r["context"] or "").split("|") if c))
                   for r in crosswalk},
        extra_modes=extra,
    )
    missing = set(EVENT_TYPES) - set(t.quad_class)
    if missing:
        raise ValueError(f"[E096] plover.tsv lacks event types: {sorted(missing)}")
    return t
