"""The same document gives the same events: coded twice, alone or in a batch, in another order, in another
process (another hash seed), and on two Dask workers through `eventwire code --workers 2`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.coder import Coder, default_coder
from eventwire.io import document_from_dict
from eventwire.records import Document

from .corpus import HOSTILE, dev_documents, generated, write_jsonl

pytestmark = pytest.mark.slow


def _events_by_doc(coder: Coder, docs: list[Document]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in coder.pipe(docs):
        assert r.problem is None, (r.doc_id, r.problem)
        out[r.doc_id] = [ev.to_dict() for ev in r.events]
    return out


def test_same_documents_same_events_in_one_process():
    docs = [document_from_dict(d) for d in (*dev_documents(), *generated(120, seed=3), *HOSTILE)]
    coder = default_coder()
    first = _events_by_doc(coder, docs)
    assert sum(map(len, first.values())) > 150  # the comparison is over many events, not over nothing
    assert _events_by_doc(coder, docs) == first, "coding the same documents twice changed the events"
    again = _events_by_doc(coder, docs[::-1])
    assert {k: again[k] for k in first} == first, "the order of documents changed their events"
    alone: dict[str, list[dict]] = {}
    for d in docs[::7]:
        alone.update(_events_by_doc(coder, [d]))
    assert alone == {k: first[k] for k in alone}, "a document coded alone differs from the same one in a batch"
    other = Coder(kb=coder.kb, batch_size=5)
    assert _events_by_doc(other, docs) == first, "another batch size changed the events"


def _code(args: list[str], env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "eventwire.cli", "code", *args], capture_output=True, text=True,
                          timeout=600, env=env)


def test_same_output_across_processes_hash_seeds_and_two_workers(tmp_path: Path):
    src = write_jsonl(tmp_path / "docs.jsonl", [*dev_documents(), *generated(150, seed=5), *HOSTILE])
    outputs = {}
    for name, extra, env in (("seed-1", [], {"PYTHONHASHSEED": "1"}),
                             ("seed-2", [], {"PYTHONHASHSEED": "2"}),
                             ("workers-2", ["--workers", "2"], {})):
        out = tmp_path / f"{name}.jsonl"
        p = _code([str(src), "-o", str(out), *extra], env)
        assert p.returncode == 0, p.stderr[-3000:]
        assert "Traceback" not in p.stderr
        outputs[name] = out.read_bytes()
    events = [json.loads(line) for line in outputs["seed-1"].splitlines()]
    assert len(events) > 150 and len({e["doc_id"] for e in events}) > 100
    assert outputs["seed-2"] == outputs["seed-1"], "another hash seed changed the output"
    assert outputs["workers-2"] == outputs["seed-1"], "two Dask workers gave other events than one process"
