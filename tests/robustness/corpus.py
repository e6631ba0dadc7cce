"""Documents for the robustness tests: news-like ones from bench/generate.py, the dev set, and hostile ones."""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from types import ModuleType

from ..conftest import REPO, SHARED

HOSTILE = [
    {"id": "h-rtl", "published": "2025-03-12",
     "text": "\u202eKenya condemned France\u202c. שלום. China accused Japan."},
    {"id": "h-ctl", "published": "2025-03-12", "text": "\x00Germany imposed sanctions on Iran.\x1b[0m\r\nNATO urged "
                                                        "Japan to show restraint.\x7f"},
    {"id": "h-quote", "published": "2025-03-12",
     "text": "He said \u201cshe said 'they said \"Brazil may threaten Argentina\"'\u201d. Kenya expelled two French "
             "diplomats."},
    {"id": "h-emoji", "text": "\U0001f468\u200d\U0001f469\u200d\U0001f467 The United States imposed sanctions on "
                              "China on Friday. \U0001f1fa\U0001f1f8"},
    {"id": "h-empty", "published": "2025-03-12", "text": ""},
]


@cache
def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eventwire_bench_generate", REPO / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def generated(n: int, seed: int = 0) -> list[dict]:
    """`n` news-like documents (bench/generate.py: templates, no copied text); the same n and seed, the same."""
    return list(_generator().generate(n, seed))


def dev_documents() -> list[dict]:
    """The dev set's documents (real news), or none when the shared data is not here."""
    path = SHARED / "data" / "eval" / "dev" / "docs.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_jsonl(path: Path, docs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path
