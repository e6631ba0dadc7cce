"""English word lists from `lang/en/words.yaml`: `words(name)` is one list, as a frozen set, loaded once."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present


@cache
def _all() -> dict[str, frozenset[str]]:
    text = resources.files("eventwire").joinpath("lang", "en", "words.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    if not isinstance(data, dict):
        raise ValueError("[E032] lang/en/words.yaml: expected a mapping of list names to word lists")
    out: dict[str, frozenset[str]] = {}
    for name, items in data.items():
        if not isinstance(items, list) or not all(isinstance(w, str) for w in items):
            raise ValueError(f"[E032] lang/en/words.yaml: {name!r} must be a list of words (quote on/off/no)")
        out[name] = frozenset(items)
    return out


def words(name: str) -> frozenset[str]:
    """The word list called `name`."""
    lists = _all()
    if name not in lists:
        raise KeyError(f"[E033] lang/en/words.yaml has no list {name!r}")
    return lists[name]
