"""The stage registry: each stage class declares its name, scope, what it requires and what it assigns.

    @stage("dates", scope="sentence", requires=("candidate.event",), assigns=("event.date",))
    class Dates: ...

Scopes: "batch" stages take a list of states (the parser); "document" stages
one state; "sentence" stages one state whose `sentence` is set, and the runner
calls the consecutive sentence stages sentence by sentence, in reading order.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

SCOPES = ("batch", "document", "sentence")
BUILTIN_MODULES = ("parse", "mentions", "references", "triggers", "arguments", "modality", "dedup", "coding",
                   "dates", "places")


class Stage(Protocol):
    """What the runner needs of a stage (a registered class, or any object with these attributes)."""

    name: str
    scope: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, state: Any) -> Any: ...


@dataclass(frozen=True)
class StageInfo:
    """A registered stage: how to build it and what it declares."""

    name: str
    factory: type
    scope: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    @property
    def module(self) -> str:
        return self.factory.__module__


_REGISTRY: dict[str, StageInfo] = {}


def stage(name: str, *, scope: str, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ()
          ) -> Callable[[type], type]:
    """Register a stage class under `name` (a class decorator); sets the declarations on the class."""
    if scope not in SCOPES:
        raise ValueError(f"[E091] stage {name!r}: scope {scope!r} is not one of {', '.join(SCOPES)}")

    def register(cls: type) -> type:
        cls.name, cls.scope, cls.requires, cls.assigns = name, scope, tuple(requires), tuple(assigns)
        _REGISTRY[name] = StageInfo(name, cls, scope, tuple(requires), tuple(assigns))
        return cls

    return register


def load_builtin() -> None:
    """Import the shipped stage modules so that they register themselves."""
    for mod in BUILTIN_MODULES:
        importlib.import_module(f"eventwire.stages.{mod}")


def get(name: str) -> StageInfo:
    """The registered stage called `name`."""
    if name not in _REGISTRY:
        load_builtin()
    if name not in _REGISTRY:
        raise KeyError(f"[E090] no stage called {name!r}; known stages: {', '.join(sorted(_REGISTRY))}")
    return _REGISTRY[name]


def names() -> list[str]:
    """Names of all registered stages."""
    load_builtin()
    return sorted(_REGISTRY)
