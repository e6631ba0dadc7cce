"""Noun classes: the kinds of things trigger rules name as "@class" ("@personnel", "@weapons", "@aid", "@money"),
read from `lang/en/nouns.yaml`.

A class lists lemmas, suffixes and entity labels, and may include other classes; `NounClasses.member(token, name)`
says whether a noun (or its compound modifier: "AID convoy") is of the class. Rules, the arguments stage and the
modality stage ask through the trigger lexicon's `classes`.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Token

from ..lang.en import syntax as sx


def check_words(words: Any, where: str) -> None:
    """YAML reads a bare `on`/`off`/`no` as a boolean: insist on strings so such words are quoted."""
    bad = [w for w in words if not isinstance(w, str)]
    if bad:
        raise ValueError(f"[E094] {where}: {bad!r} is not a word (quote on/off/no in YAML)")


class NounClasses:
    """Classes of nouns ("personnel", "weapons", "aid", "money") that rules refer to as "@class"."""

    def __init__(self, data: dict[str, Any]) -> None:
        raw = data.get("classes") or {}
        self.lemmas: dict[str, frozenset[str]] = {}
        self.suffixes: dict[str, tuple[str, ...]] = {}
        self.entities: dict[str, frozenset[str]] = {}
        self.heads_only: dict[str, bool] = {}
        self.acts: dict[str, frozenset[str]] = {}  # the event types an act noun of the class names
        for name, spec in raw.items():
            check_words(spec.get("lemmas") or [], f"nouns.yaml {name} lemmas")
            self.lemmas[name] = frozenset(str(w).lower() for w in spec.get("lemmas") or [])
            self.suffixes[name] = tuple(str(w).lower() for w in spec.get("suffixes") or [])
            self.entities[name] = frozenset(spec.get("entities") or [])
            self.heads_only[name] = bool(spec.get("heads_only"))
            if spec.get("acts"):
                self.acts[name] = frozenset(spec["acts"])
        for name, spec in raw.items():  # a class includes the members of the classes it names
            todo, seen = list(spec.get("includes") or []), {name}
            while todo:
                sub = todo.pop()
                if sub in seen:
                    continue
                if sub not in raw:
                    raise ValueError(f"[E094] nouns.yaml {name}: includes unknown class {sub!r}")
                seen.add(sub)
                self.lemmas[name] |= self.lemmas[sub]
                self.suffixes[name] += self.suffixes[sub]
                self.entities[name] |= self.entities[sub]
                todo.extend(raw[sub].get("includes") or [])

    def names(self) -> set[str]:
        return set(self.lemmas)

    def _word_in(self, tok: Token, name: str) -> bool:
        lemma = tok.lemma_.lower() if tok.lemma_ else tok.lower_
        words = self.lemmas[name]
        if lemma in words or tok.lower_ in words:
            return True
        if tok.ent_type_ and tok.ent_type_ in self.entities[name]:
            return True
        return bool(self.suffixes[name]) and lemma.endswith(self.suffixes[name])

    def act_types(self, tok: Token) -> frozenset[str]:
        """The event types that the noun `tok` names as an act ("the strikes": ASSAULT), from the classes' `acts`."""
        out: frozenset[str] = frozenset()
        for name, types in self.acts.items():
            if self._word_in(tok, name):
                out |= types
        return out

    def head_in(self, tok: Token, name: str) -> bool:
        """Whether the word `tok` itself (not a modifier of it) is of class `name`."""
        return name in self.lemmas and self._word_in(tok, name)

    def named_with_modifier(self, tok: Token, name: str) -> bool:
        """Whether the noun with the word before it is a two-word name of class `name` ("FINANCIAL support")."""
        words = self.lemmas.get(name, frozenset())
        return any(f"{m.lower_} {tok.lower_}" in words for m in sx.modifiers(tok) if m.i == tok.i - 1)

    def member(self, tok: Token, name: str) -> bool:
        """Whether the noun `tok` (or its compound modifier: "AID convoy", "MISSILE batteries") is of class `name`."""
        if name not in self.lemmas:
            return False
        if self._word_in(tok, name):
            return True
        if self.named_with_modifier(tok, name):
            return True
        mods = [c for c in sx.compounds(tok) if c.i < tok.i]
        if mods:
            phrase = " ".join(t.lower_ for t in [*mods, tok])
            if phrase in self.lemmas[name] or " ".join(t.lower_ for t in mods) in self.lemmas[name]:
                return True
            if not self.heads_only[name] and any(self._word_in(m, name) for m in mods):
                return True
        return False


@cache
def shipped_nouns() -> dict[str, Any]:
    """The shipped `lang/en/nouns.yaml`, parsed once."""
    text = resources.files("eventwire").joinpath("lang", "en", "nouns.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)
