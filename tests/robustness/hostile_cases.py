"""The hostile command-line cases, as data: each one a run of `eventwire` with good documents around one bad thing.

The bad lines come from the robustness suite where it has them (`BAD_LINES` in
test_inputs.py, the hostile texts in corpus.py, the event records of
storedata.py) and from the inputs issue 12 found breaking the promise that
one bad record costs only itself. `bench/hostile.py` runs every case and
counts tracebacks, good documents lost and bad inputs not named with a code.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..storedata import build_events
from .corpus import HOSTILE
from .test_inputs import BAD_LINES


@dataclass
class Bad:
    """A bad input the run must name: where (FILE:LINE, FILE or '<stdin>:N'), with a code, and what it says."""

    where: str
    says: str = ""
    code: str | None = None  # None: any catalogue code


@dataclass
class Case:
    """One run: `eventwire COMMAND ARGS` in a fresh folder holding `files` (and `stdin`, `shell` redirections).

    `good_docs` must come out (coded into the output of `code`, stored by `ingest`), `good_events` must be
    stored, every `bad` must be named on stderr as 'eventwire: skipped WHERE: Exxx ...' (or, for a failure of
    the run's surroundings, 'eventwire: Exxx ...' with `fatal`).
    """

    name: str
    command: str
    args: list[str]
    files: dict[str, bytes] = field(default_factory=dict)
    stdin: bytes | None = None
    shell: str = ""  # redirections: '<&-', '>&-', '>/dev/full'
    good_docs: list[str] = field(default_factory=list)
    good_events: list[str] = field(default_factory=list)
    bad: list[Bad] = field(default_factory=list)
    fatal: str | None = None  # the code of a message that ends the run (E050, E051)
    exit: int = 1
    setup: Callable[[Path], None] | None = None
    as_user: bool = False  # permissions matter: run as an unprivileged user when started as root


def _line(record: Any) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


# documents with an event each, written for these cases
GOOD = [
    {"id": "good-1", "published": "2025-03-12", "text": "Kenya condemned France on Monday."},
    {"id": "good-2", "published": "2025-03-12", "text": "Germany imposed sanctions on Iran on Tuesday."},
]
GOOD_IDS = [d["id"] for d in GOOD]


def _around(bad: bytes) -> bytes:
    """A good document, the bad line, another good document: the bad one is line 2."""
    return _line(GOOD[0]) + b"\n" + bad + b"\n" + _line(GOOD[1]) + b"\n"


def _doc(doc_id: Any, **extra: Any) -> bytes:
    return _line({"id": doc_id, "published": "2025-03-12", "text": "Brazil threatened Argentina.", **extra})


# (name, raw line, what the message says, code or None): bad document lines
DOC_LINES: list[tuple[str, bytes, str, str | None]] = [
    (f"suite-{i}", raw.encode("utf-8", "surrogatepass"), says, None) for i, (raw, says) in enumerate(BAD_LINES)
] + [
    ("non-utf8", b'{"id": "bad", "text": "Kenya \xff\xfe condemned France."}', "not UTF-8", "E001"),
    ("latin1", '{"id": "bad", "text": "Kenya condamn\u00e9 France."}'.encode("latin-1"), "not UTF-8", "E001"),
    ("huge-int-field", b'{"id": "bad", "text": "Kenya condemned France.", "n": ' + b"9" * 5000 + b"}",
     "", "E004"),
    ("huge-int-id", b'{"id": ' + b"1" * 4500 + b', "text": "Kenya condemned France."}', "", "E004"),
    ("int-id", _doc(1), "'id' must be a string", "E010"),
    ("empty-id", _doc(""), "id", "E010"),
    ("null-text", _line({"id": "bad", "text": None}), "text", "E011"),
    ("title-int", _doc("bad", title=5), "title", "E015"),
    ("source-list", _doc("bad", source=["Wire"]), "source", "E015"),
    ("published-arabic-digits", _doc("bad", published="\u0662\u0660\u0662\u0665-03-12"), "published", "E014"),
    ("published-month-13", _doc("bad", published="2025-13-01"), "published", "E014"),
    ("published-year-0", _doc("bad", published="0000-01-01"), "published", "E014"),
    ("duplicate-id", _line({**GOOD[0], "text": "Brazil threatened Argentina."}), "duplicate", "E016"),
    ("json-null", b"null", "", "E005"),
    ("json-number", b"12", "", "E005"),
    ("nan-literal", b'{"id": "bad", "text": NaN}', "", None),
]

# good documents that look hostile: control characters, bidi marks, markup, the ends of the calendar
HOSTILE_GOOD = [d for d in HOSTILE if d["text"]] + [
    {"id": "cal-max", "published": "9999-12-31", "text": "Kenya will visit France next year."},
    {"id": "cal-min", "published": "0001-01-01", "text": "Kenya condemned France last year."},
    {"id": "[/]", "published": "2025-03-12", "text": "Brazil threatened Argentina."},
    {"id": "[red]markup[/red]", "published": "2025-03-12", "text": "Kenya condemned France."},
    {"id": "[link=https://example.invalid]x[/link]", "published": "2025-03-12", "text": "Kenya condemned France."},
    {"id": "esc-\x1b]0;title\x07-\x1b[2J", "published": "2025-03-12", "text": "Kenya condemned France.\x1b[31m"},
    {"id": "..", "published": "2025-03-12", "text": "Brazil threatened Argentina."},
]


def _events() -> list[dict[str, Any]]:
    return [e.to_dict() for e in build_events()]


def _set(record: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A deep copy of `record` with the field at the dotted `path` set to `value`."""
    out = json.loads(json.dumps(record))
    *parents, last = path.split(".")
    node = out
    for p in parents:
        node = node[p]
    node[last] = value
    return out


# (field, wrong value): event records with one wrong-typed or out-of-range field
EVENT_FIELDS: list[tuple[str, Any]] = [
    ("cameo", 42), ("date", 20250110), ("source.code", 7), ("mode", ["consult"]), ("quad_class", True),
    ("sentence", 1e20), ("goldstein", "high"), ("trigger.start", "6"), ("location.lat", "north"),
    ("event_type", "DANCE"), ("trigger", "accused"), ("doc_id", 7), ("quad_class", "\u0663"),
    ("confidence", "sure"), ("modality", "perhaps"), ("quad_class", 5), ("sentence", -1),
]


def _event_cases() -> Iterator[Case]:
    evs = _events()
    a, b, c = evs[0], evs[1], evs[2]
    bads: list[tuple[str, bytes, str | None]] = [
        (f"event-{name}={json.dumps(value, ensure_ascii=True)}", _line(_set(b, name, value)), "E020")
        for name, value in EVENT_FIELDS
    ] + [
        ("event-duplicate-id", _line({**a, "text": a["text"]}), "E021"),
        ("event-huge-goldstein", _line(b).replace(b'"goldstein": -2.0', b'"goldstein": ' + b"3" * 5000), "E004"),
        ("event-lone-surrogate", _line(b).replace(b"accused", b"accused \\ud800"), "E020"),
    ]
    for name, raw, code in bads:
        body = _line(a) + b"\n" + raw + b"\n" + _line(c) + b"\n"
        good = [a["event_id"], c["event_id"]]
        yield Case(f"ingest-file/{name}", "ingest", ["events.jsonl"], {"events.jsonl": body},
                   good_events=good, bad=[Bad("events.jsonl:2", code=code)])
        yield Case(f"ingest-stdin/{name}", "ingest", ["-"], stdin=body, good_events=good,
                   bad=[Bad("<stdin>:2", code=code)])


def _doc_cases() -> Iterator[Case]:
    for name, raw, says, code in DOC_LINES:
        body = _around(raw)
        for command in ("code", "ingest"):
            yield Case(f"{command}-file/{name}", command, ["in.jsonl"], {"in.jsonl": body}, good_docs=GOOD_IDS,
                       bad=[Bad("in.jsonl:2", says, code)])
            yield Case(f"{command}-stdin/{name}", command, ["-"], stdin=body, good_docs=GOOD_IDS,
                       bad=[Bad("<stdin>:2", says, code)])


def _chmod_000(path: str) -> Callable[[Path], None]:
    return lambda root: (root / path).chmod(0)


def _file_cases() -> Iterator[Case]:
    good = _line(GOOD[0]) + b"\n" + _line(GOOD[1]) + b"\n"
    one = {"good.jsonl": good}
    for command in ("code", "ingest"):
        yield Case(f"{command}/missing-file", command, ["good.jsonl", "missing.jsonl"], one, good_docs=GOOD_IDS,
                   bad=[Bad("missing.jsonl", code="E030")])
        yield Case(f"{command}/empty-file", command, ["good.jsonl", "empty.jsonl"], {**one, "empty.jsonl": b""},
                   good_docs=GOOD_IDS, bad=[Bad("empty.jsonl", code="E032")])
        yield Case(f"{command}/blank-lines-only", command, ["good.jsonl", "blank.jsonl"],
                   {**one, "blank.jsonl": b"\n \n\t\n"}, good_docs=GOOD_IDS, bad=[Bad("blank.jsonl", code="E032")])
        yield Case(f"{command}/folder-without-inputs", command, ["good.jsonl", "nothing"],
                   {**one, "nothing/readme.md": b"no input here\n"}, good_docs=GOOD_IDS,
                   bad=[Bad("nothing", code="E033")])
        yield Case(f"{command}/unreadable-file", command, ["in"], {"in/good.jsonl": good, "in/locked.jsonl": good},
                   good_docs=GOOD_IDS, bad=[Bad("in/locked.jsonl", code="E031")],
                   setup=_chmod_000("in/locked.jsonl"), as_user=True)
        yield Case(f"{command}/unreadable-subfolder", command, ["in"],
                   {"in/good.jsonl": good, "in/locked/more.jsonl": _line(GOOD[0]) + b"\n"},
                   good_docs=GOOD_IDS, bad=[Bad("in/locked", code="E031")], setup=_chmod_000("in/locked"),
                   as_user=True)
        yield Case(f"{command}/read-error", command, ["good.jsonl", "mem.jsonl"], one, good_docs=GOOD_IDS,
                   bad=[Bad("mem.jsonl", code="E031")],
                   setup=lambda root: (root / "mem.jsonl").symlink_to("/proc/self/mem"))
        yield Case(f"{command}/symlink-loop", command, ["good.jsonl", "loop.jsonl"], one, good_docs=GOOD_IDS,
                   bad=[Bad("loop.jsonl")], setup=lambda root: (root / "loop.jsonl").symlink_to("loop.jsonl"))
        yield Case(f"{command}/txt-not-utf8", command, ["good.jsonl", "story.txt", "--published", "2025-03-12"],
                   {**one, "story.txt": b"Kenya condemned France.\n\xff\xfe\n"}, good_docs=GOOD_IDS,
                   bad=[Bad("story.txt:2", code="E001")])
        yield Case(f"{command}/same-id-in-two-files", command, ["good.jsonl", "again.jsonl"],
                   {**one, "again.jsonl": _line({**GOOD[1], "text": "Brazil threatened Argentina."}) + b"\n"},
                   good_docs=GOOD_IDS, bad=[Bad("again.jsonl:1", "first read at", "E016")])


def _good_cases() -> Iterator[Case]:
    """Hostile-looking good documents: every one must come out, and nothing is reported."""
    ids = [d["id"] for d in HOSTILE_GOOD]
    body = b"".join(_line(d) + b"\n" for d in HOSTILE_GOOD)
    for command in ("code", "ingest"):
        yield Case(f"{command}-file/hostile-good-documents", command, ["in.jsonl"], {"in.jsonl": body},
                   good_docs=ids, exit=0)
        yield Case(f"{command}-stdin/hostile-good-documents", command, ["-"], stdin=body, good_docs=ids, exit=0)
        yield Case(f"{command}-stdin/bom", command, ["-"], stdin=b"\xef\xbb\xbf" + _around(b"")[:-1],
                   good_docs=GOOD_IDS, exit=0)
        yield Case(f"{command}-stdin/crlf", command, ["-"], stdin=_around(b"").replace(b"\n", b"\r\n"),
                   good_docs=GOOD_IDS, exit=0)
    yield Case("code-table/hostile-good-documents", "code", ["in.jsonl", "--format", "table"], {"in.jsonl": body},
               exit=0)


def _stream_cases() -> Iterator[Case]:
    body = _around(b"{broken")
    files = {"in.jsonl": body}
    yield Case("code/stdin-closed", "code", ["-"], shell="<&-", fatal="E051", exit=2,
               bad=[Bad("<stdin>", code="E051")])
    yield Case("ingest/stdin-closed", "ingest", ["-"], shell="<&-", fatal="E051", exit=2,
               bad=[Bad("<stdin>", code="E051")])
    yield Case("code/stdout-closed", "code", ["in.jsonl"], files, shell=">&-", fatal="E050", exit=2)
    yield Case("code/stdout-full", "code", ["in.jsonl"], files, shell=">/dev/full", fatal="E050", exit=2)
    yield Case("code-table/stdout-closed", "code", ["in.jsonl", "--format", "table"], files, shell=">&-",
               fatal="E050", exit=2)
    yield Case("code/output-full", "code", ["in.jsonl", "-o", "/dev/full"], files, fatal="E050", exit=2)
    yield Case("code/output-in-missing-folder", "code", ["in.jsonl", "-o", "no/such/out.jsonl"], files,
               fatal="E050", exit=2)
    yield Case("code/errors-full", "code", ["in.jsonl", "--errors", "/dev/full"], files, fatal="E050", exit=2)
    yield Case("ingest/errors-full", "ingest", ["in.jsonl", "--errors", "/dev/full"], files, fatal="E050",
               exit=2, good_docs=GOOD_IDS)
    for args in (["actors"], ["actors", "--json"], ["document", "doc-1"], ["events"]):
        for shell in (">&-", ">/dev/full"):
            yield Case(f"query-{'-'.join(args)}/stdout{shell}", "query", args, shell=shell, fatal="E050", exit=2)


def cases() -> list[Case]:
    """Every case, each with a unique name."""
    out = [*_doc_cases(), *_event_cases(), *_file_cases(), *_good_cases(), *_stream_cases()]
    names = [c.name for c in out]
    assert len(names) == len(set(names)), "case names repeat"
    return out
