"""Nothing lost, nothing let in: hostile text and broken JSON Lines never stop a run or corrupt an offset.

Properties (hypothesis):
- `code_text` takes any Unicode text (controls, bidi marks, combining marks,
  nested quotes, news sentences among them) without raising, and every offset
  it gives points into the text: `text[start:end]` is the span's own text.
- The JSONL reader turns every line into a Document or a problem naming the
  file and line; every good record comes back field for field and is coded.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire import io as ewio
from eventwire.coder import code_text
from eventwire.records import EVENT_TYPES, MODALITIES, Document

from .strategies import SENTENCES, bad_line, jsonl_file, news_text

EXAMPLES = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


def check_offsets(text: str, record: dict) -> int:
    """Every offset of one event record lies in `text` and cuts out the span's text; returns spans checked."""
    n = len(text)
    checked = 0
    assert record["event_type"] in EVENT_TYPES and record["modality"] in MODALITIES
    assert record["text"] and record["text"] in text, "the event's sentence is not in the document"
    spans = [("trigger", record["trigger"]), ("source", record["source"]), ("target", record["target"]),
             ("location", record["location"]), ("attributed_to", record["attributed_to"])]
    for name, span in spans:
        if span is None or span.get("start") is None:
            assert name in ("source", "target", "location", "attributed_to"), f"{name} has no offsets"
            continue
        start, end = span["start"], span["end"]
        assert isinstance(start, int) and isinstance(end, int), (name, span)
        assert 0 <= start <= end <= n, f"{name} offsets {start}:{end} outside a text of {n} characters"
        if span["text"]:  # an inferred target has empty text and no place in the sentence
            assert text[start:end] == span["text"], f"{name}: text[{start}:{end}] is {text[start:end]!r}"
            checked += 1
    assert record["trigger"]["text"], "an event without trigger text"
    return checked


# ---------------------------------------------------------------------------- code_text on hostile text


def test_code_text_never_raises_and_offsets_point_into_the_text():
    seen: Counter[str] = Counter()

    @EXAMPLES
    @given(text=news_text(), published=st.one_of(st.none(), st.dates().map(date.isoformat)))
    def check(text: str, published: str | None) -> None:
        seen["examples"] += 1
        events = code_text(text, published=published, doc_id="prop")
        for ev in events:
            seen["spans"] += check_offsets(text, ev.to_dict())
            seen["events"] += 1

    check()
    print(f"code_text: {dict(seen)}")
    # the property was checked on texts that do have events, not only on noise
    assert seen["events"] >= 20 and seen["spans"] >= 40, seen


@pytest.mark.parametrize("text", [
    "\u202eKenya condemned France\u202c on Friday.",
    "\u200fKenya\u200f condemned\u200f France.\u200f Japan and China held talks in Tokyo.",
    "שלום. Kenya condemned France. مرحبا. China accused Japan of provocations.",
    "Ke\u0301nya\u0308 condemned France\u20dd. Kenya condemned France.",
    "\x00\x01\x02 Kenya condemned France.\x1b[31m China accused Japan.\x7f",
    "Kenya condemned France.\r\n\r\nChina accused Japan.\rBrazil may threaten Argentina.",
    "\U0001f468\u200d\U0001f469\u200d\U0001f467 Kenya condemned France. \U0001f1fa\U0001f1f8 China accused Japan.",
    "\ufeffKenya condemned France.\u2028China accused Japan.\u2029Japan and China held talks.",
    "",
    " ",
    "\n\n\n",
])
def test_fixed_hostile_texts(text: str):
    for ev in code_text(text, published="2025-03-12"):
        check_offsets(text, ev.to_dict())


def test_hostile_characters_around_a_sentence_do_not_hide_its_events():
    """Noise next to a sentence must not shift the offsets of the events it still yields."""
    plain = code_text("Kenya condemned France.", published="2025-03-12")
    assert [e.event_type for e in plain] == ["ACCUSE"]
    for prefix in ("\x00\x01 ", "\u202e\u202c ", "שלום. ", "\U0001f600\U0001f600 ", "\r\n\r\n", "\u2028"):
        text = prefix + "Kenya condemned France."
        events = [e.to_dict() for e in code_text(text, published="2025-03-12")]
        assert [e["event_type"] for e in events] == ["ACCUSE"], (prefix, events)
        check_offsets(text, events[0])
        assert events[0]["trigger"]["start"] == plain[0].trigger.start + len(prefix)


def test_deeply_nested_quotes():
    inner = "Kenya condemned France."
    for depth in (50, 400):
        text = "".join(f'{"He said" if i % 2 else "she said"} "' if i % 3 else "\u201c" for i in range(depth))
        text += inner + "".join('"' if i % 3 else "\u201d" for i in range(depth))
        for ev in code_text(text, published="2025-03-12"):
            check_offsets(text, ev.to_dict())


MEGA = r"""
import json, resource, sys, time
from eventwire import io as ewio
from eventwire.coder import code_text
from eventwire.records import Document
path = sys.argv[1]
items = list(ewio.read_inputs([path]))
assert len(items) == 1 and isinstance(items[0], Document), items
doc = items[0]
code_text("warm up")
t0 = time.perf_counter()
events = [e.to_dict() for e in code_text(doc.text, published="2025-03-12", doc_id=doc.id)]
elapsed = time.perf_counter() - t0
token = code_text("x" * 1_048_576)
print(json.dumps({"chars": len(doc.text), "events": events, "seconds": elapsed, "token_events": len(token),
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


@pytest.mark.slow
def test_one_megabyte_run_of_one_word(tmp_path: Path):
    """Read and coded in a process of its own (its parse is large); the run of one word has no break at all.

    Before the entity lookup in actors/mentions.py went by IOB tags this took
    about 45 minutes (every match scanned every entity of its piece); the time
    limit below catches that kind of regression.
    """
    word = "Kenya "  # each one an entity and an actor mention: the worst case for per-mention work
    text = word * (1_048_576 // len(word))
    f = tmp_path / "mega.jsonl"
    f.write_text(json.dumps({"id": "mega", "published": "2025-03-12", "text": text}) + "\n", encoding="utf-8")
    p = subprocess.run([sys.executable, "-c", MEGA, str(f)], capture_output=True, text=True, timeout=400)
    assert p.returncode == 0, p.stderr[-3000:]
    out = json.loads(p.stdout.splitlines()[-1])
    assert out["chars"] == len(text) and out["token_events"] == 0
    for ev in out["events"]:
        check_offsets(text, ev)
    print(f"1 MB of one word: {len(out['events'])} events in {out['seconds']:.1f} s, "
          f"peak RSS {out['peak_rss_mb']:.0f} MB")  # speed is measured in make bench, never asserted here


# ---------------------------------------------------------------------------- the JSON Lines reader


def _expected(lines) -> tuple[list, list[int]]:
    """The documents the reader must keep and the lines it must report (a repeated id: the first one wins)."""
    docs, bad, ids = [], [], set()
    for n, line in enumerate(lines, 1):
        if line.kind == "blank":
            continue
        if line.good and line.doc_id not in ids:
            ids.add(line.doc_id)
            docs.append((line.doc_id, line.text, line.published))
        else:
            bad.append(n)
    return docs, bad


def test_reader_reports_every_bad_line_and_codes_every_good_one(coder):
    seen: Counter[str] = Counter()

    @EXAMPLES
    @given(lines=jsonl_file())
    def check(lines) -> None:
        seen["examples"] += 1
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "in.jsonl"
            path.write_text("".join(line.raw + "\n" for line in lines), encoding="utf-8")
            items = list(ewio.read_inputs([str(path)]))
        want_docs, want_bad = _expected(lines)
        docs = [i for i in items if isinstance(i, Document)]
        problems = [i for i in items if isinstance(i, ewio.InputProblem)]
        assert len(docs) + len(problems) == len(items)
        if all(line.kind == "blank" for line in lines):  # nothing but blank lines: the file is reported empty
            assert not docs and [(p.source, p.line, p.problem) for p in problems] == [(str(path), None,
                                                                                       "file is empty")]
            return
        assert [(d.id, d.text, d.published) for d in docs] == want_docs
        assert [p.line for p in problems] == want_bad
        for p in problems:
            assert p.source == str(path) and p.where == f"{path}:{p.line}" and p.problem
            assert p.message().startswith(f"{path}:{p.line}: ")
        for line in lines:
            seen[line.kind] += 1
        # every good record is coded: one result per document, in order, none failed
        results = list(coder.pipe(docs))
        assert [r.doc_id for r in results] == [d.id for d in docs]
        for doc, r in zip(docs, results, strict=True):
            assert r.problem is None, r.problem
            for ev in r.events:
                d = ev.to_dict()
                assert d["doc_id"] == doc.id
                check_offsets(doc.text, d)
                seen["events"] += 1

    check()
    print(f"reader: {dict(seen)}")
    bad = {k: n for k, n in seen.items() if k not in ("examples", "good", "blank", "events")}
    assert seen["good"] >= 30 and seen["events"] >= 10 and sum(bad.values()) >= 30 and len(bad) >= 6, seen


def test_ingest_reader_keeps_every_good_line_and_names_every_bad_one():
    """`eventwire ingest` reads documents (and coded events) with its own reader: the same promise holds."""
    from eventwire.cli_store import read_ingest_inputs

    seen: Counter[str] = Counter()

    @EXAMPLES
    @given(lines=jsonl_file())
    def check(lines) -> None:
        seen["examples"] += 1
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "in.jsonl"
            path.write_text("".join(line.raw + "\n" for line in lines), encoding="utf-8")
            items = list(read_ingest_inputs([str(path)]))
        if all(line.kind == "blank" for line in lines):
            assert [(i.source, i.line) for i in items] == [(str(path), None)]
            return
        want_docs, want_bad = _expected(lines)
        docs = [(d.id, d.text, d.published) for d in items if isinstance(d, Document)]
        assert docs == want_docs
        assert [(i.source, i.line) for i in items if isinstance(i, ewio.InputProblem)] == \
            [(str(path), n) for n in want_bad]
        seen["good"] += len(docs)

    check()
    print(f"ingest reader: {dict(seen)}")
    assert seen["good"] >= 30, seen


def test_ingest_reader_names_bad_event_records(tmp_path: Path):
    """Coded event records given to ingest: a broken one is a problem at its line, the others are kept."""
    from eventwire.cli_store import read_ingest_inputs
    from eventwire.records import Event

    good = code_text("Kenya condemned France.", doc_id="k")[0].to_dict()
    surrogate = json.loads(json.dumps(good).replace("Kenya condemned", "Kenya \\ud800 condemned"))
    lines = [json.dumps(good), json.dumps(surrogate), json.dumps({**good, "event_type": "DANCE"}),
             json.dumps({**good, "trigger": "condemned"}), "[" * 100_000, json.dumps({**good, "doc_id": 7}),
             json.dumps({**good, "event_id": "k:1:0", "sentence": 1})]
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_ingest_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["Event"] + ["InputProblem"] * 5 + ["Event"]
    assert [i.line for i in items if isinstance(i, ewio.InputProblem)] == [2, 3, 4, 5, 6]
    assert "lone surrogate" in items[1].problem and "nested too deeply" in items[4].problem
    assert [i.to_dict()["event_id"] for i in items if isinstance(i, Event)] == ["k:0:0", "k:1:0"]


def test_reader_on_stdin_like_streams():
    """The same reader over a stream of lines (stdin): each bad line is named '<stdin>:N'."""
    seen: Counter[str] = Counter()

    @EXAMPLES
    @given(lines=st.lists(bad_line(), min_size=1, max_size=5), good=st.sampled_from(SENTENCES))
    def check(lines, good: str) -> None:
        seen["examples"] += 1
        raw = [json.dumps({"id": "first", "text": good}) + "\n"] + [line.raw + "\n" for line in lines]
        items = list(ewio.read_jsonl(iter(raw), "<stdin>"))
        assert isinstance(items[0], Document) and items[0].text == good
        assert [(i.source, i.line) for i in items[1:]] == [("<stdin>", n) for n in range(2, len(lines) + 2)]

    check()
    print(f"stdin reader: {dict(seen)}")
    assert seen["examples"] >= 30


def test_lone_surrogate_in_a_batch_loses_no_other_document(coder):
    """A text the tokenizer cannot take (a lone surrogate) is one problem, not a lost batch."""
    docs = [Document("a", "Kenya condemned France."), Document("bad", "Kenya condemned \ud800 France."),
            Document("c", "China accused Japan of provocations.")]
    results = list(coder.pipe(docs))
    assert [r.doc_id for r in results] == ["a", "bad", "c"]
    assert results[0].problem is None and [e.event_type for e in results[0].events] == ["ACCUSE"]
    assert results[1].problem and "surrogate" in results[1].problem and results[1].events == []
    assert results[2].problem is None and [e.event_type for e in results[2].events] == ["ACCUSE"]


# ---------------------------------------------------------------------------- the same through the command line

BAD_LINES = [
    ("{broken", "not valid JSON"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    (json.dumps({"id": "s", "text": "Kenya condemned France \ud800."}), "lone surrogate"),
    (json.dumps({"id": True, "text": "Kenya condemned France."}), "'id' must be a string"),
    (json.dumps({"id": 44, "text": "Kenya condemned France."}), "'id' must be a string, got int"),  # ids are strings
    (json.dumps({"id": 1.5, "text": "Kenya condemned France."}), "'id' must be a string"),
    (json.dumps({"id": "t", "text": ["Kenya condemned France."]}), "'text' must be a string"),
    (json.dumps({"id": "u", "text": "Kenya condemned France.", "published": 20250312}), "published"),
    (json.dumps({"id": "v", "text": "Kenya condemned France.", "published": "next Tuesday"}), "published"),
    (json.dumps(["a list"]), "expected a JSON object"),
    (json.dumps({"text": "Kenya condemned France."}), "missing 'id'"),
    ('{"id": "w", "text": "Kenya condemned Fr', "not valid JSON"),
]


@pytest.mark.slow
@pytest.mark.parametrize("via", ["file", "stdin"])
def test_command_reports_each_bad_line_and_codes_the_rest(tmp_path: Path, via: str):
    good = [
        {"id": "g1", "published": "2025-03-12", "text": "Kenya condemned France."},
        {"id": "g2", "published": "2025-03-12", "text": "\u202eThe weather was mild.\u202c"},
        {"id": "g3", "published": "2025-03-12", "text": "Germany imposed sanctions on Iran on Monday. \x00\x7f"},
        {"id": "g4", "text": "שלום. Japan and China held talks in Tokyo on Tuesday."},
    ]
    lines, bad_at = [], {}
    for i, (raw, reason) in enumerate(BAD_LINES):
        if i < len(good):
            lines.append(json.dumps(good[i], ensure_ascii=bool(i % 2)))
        lines.append(raw)
        bad_at[len(lines)] = reason
    lines.append("")  # a blank line is skipped silently
    body = "\n".join(lines) + "\n"
    src, out, errs = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    src.write_text(body, encoding="utf-8")
    args = [sys.executable, "-m", "eventwire.cli", "code", "-" if via == "stdin" else str(src),
            "-o", str(out), "--errors", str(errs)]
    p = subprocess.run(args, input=body if via == "stdin" else None, capture_output=True, text=True, timeout=300)
    name = "<stdin>" if via == "stdin" else str(src)
    assert p.returncode == 1, p.stderr
    assert "Traceback" not in p.stderr
    skipped = [ln for ln in p.stderr.splitlines() if ln.startswith("eventwire: skipped ")]
    assert len(skipped) == len(BAD_LINES), p.stderr
    for n, reason in bad_at.items():
        assert any(ln.startswith(f"eventwire: skipped {name}:{n}: ") and reason in ln for ln in skipped), \
            (n, reason, p.stderr)
    assert f"coded {len(good)} documents" in p.stderr
    records = [json.loads(x) for x in errs.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["line"] for r in records) == sorted(bad_at)
    events = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert {e["doc_id"] for e in events} >= {"g1", "g3", "g4"}
    docs = {g["id"]: g["text"] for g in good}
    for e in events:
        check_offsets(docs[e["doc_id"]], e)
