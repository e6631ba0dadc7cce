"""English word knowledge from the YAML files beside this module, each file read once.

    words("refusal_verbs")            # one list of `words.yaml`, as a frozen set
    words("weekday_marks", "time")    # a list of `time.yaml` (the calendar vocabulary)
    table("numbers", "time")          # a mapping of `time.yaml`: word -> value, read-only

A file is a mapping of names to word lists (or, in `time.yaml`, to word -> number
tables). The language pack hands this loader to the stages (`LanguagePack.words`).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

__all__ = ["FILES", "table", "words"]

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present
FILES = ("words", "time")  # the word files of lang/en, without ".yaml"


@cache
def _file(file: str) -> dict[str, Any]:
    if file not in FILES:
        raise KeyError(f"[E095] lang/en has no word file {file!r}.yaml (known: {', '.join(FILES)})")
    where = f"lang/en/{file}.yaml"
    text = resources.files("eventwire").joinpath("lang", "en", f"{file}.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    if not isinstance(data, dict):
        raise ValueError(f"[E094] {where}: expected a mapping of list names to word lists")
    out: dict[str, Any] = {}
    for name, items in data.items():
        if isinstance(items, dict):
            if not all(isinstance(w, str) and isinstance(v, int | float) for w, v in items.items()):
                raise ValueError(f"[E094] {where}: {name!r} must map words to numbers")
            out[name] = MappingProxyType(dict(items))
        elif isinstance(items, list) and all(isinstance(w, str) for w in items):
            out[name] = frozenset(items)
        else:
            raise ValueError(f"[E094] {where}: {name!r} must be a list of words (quote on/off/no)")
    return out


def _get(name: str, file: str) -> Any:
    lists = _file(file)
    if name not in lists:
        raise KeyError(f"[E095] lang/en/{file}.yaml has no list {name!r}")
    return lists[name]


def words(name: str, file: str = "words") -> frozenset[str]:
    """The word list called `name` in `lang/en/<file>.yaml`."""
    got = _get(name, file)
    if not isinstance(got, frozenset):
        raise KeyError(f"[E095] lang/en/{file}.yaml: {name!r} is a table, not a word list")
    return got


def table(name: str, file: str = "time") -> Mapping[str, float]:
    """The word -> number table called `name` in `lang/en/<file>.yaml` (read-only)."""
    got = _get(name, file)
    if not isinstance(got, Mapping):
        raise KeyError(f"[E095] lang/en/{file}.yaml: {name!r} is a word list, not a table")
    return got
