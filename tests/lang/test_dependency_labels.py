"""English dependency labels belong to the syntax adapter (`lang/en/syntax.py`): count the `.dep_` reads left
outside `lang/en/`.

Before the adapter, 172 reads of `Token.dep_` stood in 9 modules of the package outside `lang/en/`; every
stage now asks the adapter instead, and none is left. Inside `lang/en/` only the adapter reads them. The test
fails when a module reads labels again beyond the limit, so a new walker asks the adapter rather than the
parser's English labels.
"""

from __future__ import annotations

import re
from pathlib import Path

import eventwire

PACKAGE = Path(eventwire.__file__).parent
LIMIT = 0  # reads of `.dep_` outside lang/en/ (172 before the adapter)
DEP_READ = re.compile(r"\.dep_\b")


def _reads(inside_lang_en: bool = False) -> dict[str, int]:
    out: dict[str, int] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if (rel.parts[:2] == ("lang", "en")) != inside_lang_en:
            continue
        n = len(DEP_READ.findall(path.read_text(encoding="utf-8")))
        if n:
            out[rel.as_posix()] = n
    return out


def test_dependency_labels_are_read_only_in_lang_en():
    reads = _reads()
    total = sum(reads.values())
    assert total <= LIMIT, f"{total} reads of .dep_ outside lang/en/ (limit {LIMIT}): {reads}"


def test_the_syntax_adapter_is_the_one_module_of_lang_en_that_reads_labels():
    assert list(_reads(inside_lang_en=True)) == ["lang/en/syntax.py"]


def test_the_count_sees_a_label_read():
    assert len(DEP_READ.findall('if tok.dep_ == "nsubj" and c.dep_ in LABELS: tok.dep_s')) == 2
