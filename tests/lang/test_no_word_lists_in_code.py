"""English word lists belong in `lang/en/` (YAML): count the literal ones left in the Python modules.

A literal list, tuple, set or dict (its keys) of two or more lowercase words is an English word list
unless every word in it is a name of the program: a Python name, attribute or class of the package, a
key it reads from a record (`row["total"]`, `.get("code")`), a spaCy label, or a name the package
defines for its own vocabulary (actor kinds, stage names, scopes, modalities, calendar units, formats,
time-expression pattern names). The four lists left in stages/arguments.py and stages/triggers.py are
known; a fifth may stand, a sixth fails the test.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from spacy.glossary import GLOSSARY

import eventwire
from eventwire.coder import DEFAULT_STAGES
from eventwire.io.writers import FORMATS
from eventwire.knowledge.actors import ENTRY_FIELDS, KINDS, OFFICE_FIELDS
from eventwire.pipeline.registry import SCOPES
from eventwire.records import MODALITIES, PRECISIONS
from eventwire.store import FREQS
from eventwire.timexpr import PATTERNS, UNIT_DAYS

PACKAGE = Path(eventwire.__file__).parent
LIMIT = 5  # issue 9: no more than 5 literal English word lists outside lang/
# names of the program's own that no module defines as a constant
OWN_NAMES = {
    "expression", "anchor",  # DateResult.basis values
    "query", "path",  # where FastAPI says a bad parameter was
    "distributed",  # Dask's logger
}
WORD = re.compile(r"[a-z][a-z'.-]*(?: [a-z'.-]+)*")


def _modules() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if "lang" not in p.relative_to(PACKAGE).parts]


def _program_names(trees: list[ast.Module]) -> set[str]:
    names = {k.lower() for k in GLOSSARY} | set(KINDS) | ENTRY_FIELDS | OFFICE_FIELDS | set(SCOPES)
    names |= set(DEFAULT_STAGES) | {name for name, _ in PATTERNS} | {"ent"} | OWN_NAMES
    names |= set(MODALITIES) | set(PRECISIONS) | set(FREQS) | set(UNIT_DAYS) | set(FORMATS)
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Name):
                names.add(node.id)
            elif isinstance(node, ast.Attribute):
                names.add(node.attr)
            elif isinstance(node, ast.arg):
                names.add(node.arg)
            elif isinstance(node, ast.keyword) and node.arg:
                names.add(node.arg)
            elif isinstance(node, ast.FunctionDef):
                names.add(node.name)
            elif isinstance(node, ast.ClassDef):
                names |= {node.name, node.name.lower()}  # "candidate.event" names a Candidate's field
            elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
                names.add(str(node.slice.value))  # row["total"]
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr in ("get", "pop", "setdefault") and node.args and \
                    isinstance(node.args[0], ast.Constant):
                names.add(str(node.args[0].value))  # record.get("code")
    return names


def _literal_words(node: ast.AST) -> list[str] | None:
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        elts = node.elts
    elif isinstance(node, ast.Dict):
        elts = [k for k in node.keys if k is not None]
    else:
        return None
    strs = [e.value for e in elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    if len(strs) < 2 or len(strs) != len(elts) or not all(WORD.fullmatch(s) for s in strs):
        return None
    return strs


def _named(s: str, program: set[str]) -> bool:
    """A program name, or a path of them ("sentence.candidates", a stage's `requires`)."""
    return s in program or "." in s.strip(".") and all(part in program for part in s.split("."))


def english_word_lists() -> list[str]:
    """'module:line: words' for every literal English word list in the package outside lang/."""
    trees = {p: ast.parse(p.read_text(encoding="utf-8")) for p in _modules()}
    program = _program_names(list(trees.values()))
    found = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            strs = _literal_words(node)
            if strs is not None and not all(_named(s, program) for s in strs):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {', '.join(strs)}")
    return sorted(found)


def test_at_most_five_english_word_lists_remain_in_python():
    found = english_word_lists()
    assert len(found) <= LIMIT, "English word lists in Python (move them to lang/en/*.yaml):\n" + "\n".join(found)


def test_the_counter_finds_a_word_list(tmp_path):
    # the counter must see a list of words the program never names
    tree = ast.parse('BOTH = ("two", "both")\nKEYS = ("code", "name")\n')
    program = _program_names([tree]) | {"code", "name"}
    lists = [s for n in ast.walk(tree) if (s := _literal_words(n)) is not None]
    assert lists == [["two", "both"], ["code", "name"]]
    assert [s for s in lists if not all(_named(w, program) for w in s)] == [["two", "both"]]
    assert _named("code.name", program) and not _named("u.s.", program)
