"""Sharded and Dask coding: same output as one process, resumable checkpoints, refusal of foreign ones.

Most tests use `FakeCoder` (same interface as Coder, no model), so they run in
milliseconds; the Dask and real-model tests are marked slow.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from eventwire import io as ewio
from eventwire.records import EVENT_TYPES, Actor, ActorMention, Attribution, Document, Event, Location, Span
from eventwire.scale import (
    Checkpoint,
    CheckpointMismatch,
    RunStats,
    code_sharded,
    make_shards,
)

REPO = Path(__file__).resolve().parents[1]
DEV_DOCS = REPO / "../shared/data/eval/dev/docs.jsonl"
FAKE = "tests.test_scale:FakeCoder"


class Interrupted(Exception):
    pass


class FakeCoder:
    """Coder's interface without a model: one event per sentence that holds a capitalised word.

    `fail_after=k` raises after k calls of `pipe` (a crash in the middle of a run);
    a document whose text holds BROKEN is reported as a problem, as Coder does.
    """

    def __init__(self, actor_files=(), batch_size: int = 32, model: str | None = None, fail_after: int | None = None,
                 delay: float = 0.0) -> None:
        self.actor_files = [Path(p).read_text(encoding="utf-8") for p in actor_files]
        self.fail_after = fail_after
        self.delay = delay
        self.calls = 0

    def pipe(self, docs):
        from eventwire.coder import CodedDocument

        self.calls += 1
        if self.fail_after is not None and self.calls > self.fail_after:
            raise Interrupted(f"crash in call {self.calls}")
        if self.delay:
            time.sleep(self.delay)
        for d in docs:
            if "BROKEN" in d.text:
                yield CodedDocument(d.id, [], "internal error while coding: ValueError: broken")
            else:
                yield CodedDocument(d.id, self._events(d), None)

    def _events(self, doc: Document) -> list[Event]:
        events = []
        pos = 0
        for n, sent in enumerate(doc.text.split(". ")):
            start = doc.text.find(sent, pos)
            pos = start + len(sent)
            words = [w for w in sent.split() if w[:1].isupper()]
            if len(words) < 2:
                continue
            h = int(hashlib.sha256(sent.encode()).hexdigest(), 16)
            src, tgt = words[0], words[-1]
            events.append(Event(
                doc_id=doc.id, sentence=n, text=sent,
                trigger=Span(sent.split()[1] if len(sent.split()) > 1 else sent, start, start + 3),
                event_type=EVENT_TYPES[h % len(EVENT_TYPES)],
                source=ActorMention(src, start, start + len(src), Actor(src[:3].upper(), src, "GOV")),
                target=ActorMention(tgt, start + 1, start + 1 + len(tgt), Actor(tgt[:3].upper(), tgt, None)),
                cameo=f"0{h % 9}{h % 7}", goldstein=float(h % 10) - 5, quad_class=1 + h % 4,
                modality=("asserted", "planned")[h % 2],
                date=doc.published.isoformat() if doc.published else None, date_precision="day",
                location=Location("Geneva", "CHE", 46.2, 6.1, start, start + 6),
                topics=["t1"] if h % 3 else [],
                attributed_to=Attribution("Reuters", None, "MED", start, start + 7) if h % 5 == 0 else None,
                confidence=(h % 100) / 100, index=0,
            ))
        return events


def gen_docs(n: int, seed: int = 0) -> list[Document]:
    words = ["Ankara", "Brasilia", "Canberra", "Dakar", "Oslo", "Lima", "Seoul", "Quito"]
    docs = []
    for i in range(n):
        a, b = words[(i + seed) % 8], words[(3 * i + 1) % 8]
        text = (f"{a} talked to {b} about trade. the weather stayed mild. {b} warned {a} on day {i}. "
                + ("BROKEN " if i % 37 == 5 else "") + "end")
        docs.append(Document(f"d{i:04d}", text, date(2025, 1, 1 + i % 28)))
    return docs


def records(results) -> list[dict]:
    return [ev.to_dict() for r in results for ev in r.events]


def one_process(docs) -> list:
    return list(FakeCoder().pipe(docs))


# ---------------------------------------------------------------------------- shards and in-process runs


def test_shards_keep_order_and_hash_content():
    docs = gen_docs(10)
    shards = list(make_shards(docs, 4))
    assert [len(s.docs) for s in shards] == [4, 4, 2]
    assert [s.first for s in shards] == [0, 4, 8]
    again = list(make_shards(gen_docs(10), 4))
    assert [s.fingerprint for s in shards] == [s.fingerprint for s in again]
    changed = gen_docs(10)
    changed[5].text += " more"
    assert [s.fingerprint for s in make_shards(changed, 4)][1] != shards[1].fingerprint
    with pytest.raises(ValueError):
        list(make_shards(docs, 0))


def test_in_process_sharded_equals_plain_pipe():
    docs = gen_docs(50)
    out = list(code_sharded(docs, shard_size=7, coder=FakeCoder()))
    assert [r.doc_id for r in out] == [d.id for d in docs]
    assert records(out) == records(one_process(docs))
    assert any(r.problem for r in out)


def test_parts_restore_events_exactly(tmp_path: Path):
    docs = gen_docs(20)
    ck = tmp_path / "run.ckpt"
    first = records(code_sharded(docs, shard_size=6, coder=FakeCoder(), checkpoint=ck))
    stats = RunStats()
    again = list(code_sharded(docs, shard_size=6, coder=FakeCoder(fail_after=0), checkpoint=ck, stats=stats))
    assert stats.reused == 4 and stats.coded == 0
    assert records(again) == first
    assert [r.problem for r in again] == [r.problem for r in one_process(docs)]


# ---------------------------------------------------------------------------- resuming


def _write_output(results, path: Path) -> None:
    w = ewio.EventWriter("jsonl", path)
    ok = False
    try:
        for r in results:
            for ev in r.events:
                w.write(ev)
        ok = True
    finally:
        w.close(ok)


def test_interrupted_run_resumes_without_recoding_or_duplicates(tmp_path: Path):
    docs = gen_docs(60)
    expected = records(one_process(docs))
    ck, out = tmp_path / "run.ckpt", tmp_path / "out.jsonl"
    with pytest.raises(Interrupted):
        _write_output(code_sharded(docs, shard_size=8, coder=FakeCoder(fail_after=3), checkpoint=ck), out)
    assert not out.exists()  # the output appears only when the run is complete
    assert len(ck.read_text().splitlines()) == 1 + 3  # header + three finished shards
    resumed = FakeCoder()
    stats = RunStats()
    _write_output(code_sharded(docs, shard_size=8, coder=resumed, checkpoint=ck, stats=stats), out)
    assert (stats.reused, stats.coded, stats.shards) == (3, 5, 8)
    assert resumed.calls == 5  # only what was left
    got = [json.loads(line) for line in out.read_text().splitlines()]
    assert got == expected
    ids = [e["event_id"] for e in got]
    assert len(ids) == len(set(ids))


def test_consumer_stopping_early_keeps_finished_shards(tmp_path: Path):
    docs = gen_docs(30)
    ck = tmp_path / "run.ckpt"
    for i, _ in enumerate(code_sharded(docs, shard_size=5, coder=FakeCoder(), checkpoint=ck)):
        if i == 12:
            break
    stats = RunStats()
    out = list(code_sharded(docs, shard_size=5, coder=FakeCoder(), checkpoint=ck, stats=stats))
    assert stats.reused >= 2 and stats.reused + stats.coded == 6
    assert records(out) == records(one_process(docs))


def test_half_written_checkpoint_line_and_missing_part_are_recovered(tmp_path: Path):
    docs = gen_docs(30)
    ck = tmp_path / "run.ckpt"
    list(code_sharded(docs, shard_size=10, coder=FakeCoder(), checkpoint=ck))
    lines = ck.read_text().splitlines()
    ck.write_text("\n".join(lines[:2]) + "\n" + lines[2][:15])  # killed while appending shard 1's line
    Path(f"{ck}.parts/shard-000000.jsonl").unlink()  # and shard 0's part lost
    stats = RunStats()
    out = list(code_sharded(docs, shard_size=10, coder=FakeCoder(), checkpoint=ck, stats=stats))
    assert records(out) == records(one_process(docs))
    assert stats.reused == 0 and stats.coded == 3
    assert len(ck.read_text().splitlines()) == 1 + 1 + 3  # old line for shard 0 kept, new ones appended


def test_checkpoint_from_other_input_is_refused(tmp_path: Path):
    ck = tmp_path / "run.ckpt"
    list(code_sharded(gen_docs(20), shard_size=8, coder=FakeCoder(), checkpoint=ck))
    with pytest.raises(CheckpointMismatch, match="different input: shard 0"):
        list(code_sharded(gen_docs(20, seed=3), shard_size=8, coder=FakeCoder(), checkpoint=ck))
    with pytest.raises(CheckpointMismatch, match="only 2 shards"):
        list(code_sharded(gen_docs(16), shard_size=8, coder=FakeCoder(), checkpoint=ck))
    with pytest.raises(CheckpointMismatch, match="shards of 8 documents, this run uses 4"):
        list(code_sharded(gen_docs(20), shard_size=4, coder=FakeCoder(), checkpoint=ck))
    actors = tmp_path / "mine.yaml"
    actors.write_text("[]\n")
    with pytest.raises(CheckpointMismatch, match="other coder settings"):
        list(code_sharded(gen_docs(20), shard_size=8, coder=FakeCoder(), checkpoint=ck, actor_files=[actors]))
    not_ckpt = tmp_path / "notes.txt"
    not_ckpt.write_text("hello\n")
    with pytest.raises(CheckpointMismatch, match="not an eventwire checkpoint"):
        list(code_sharded(gen_docs(5), coder=FakeCoder(), checkpoint=not_ckpt))


def test_checkpoint_in_use_is_refused(tmp_path: Path):
    ck = tmp_path / "run.ckpt"
    held = Checkpoint(ck, 8, {}).open()
    try:
        with pytest.raises(CheckpointMismatch, match="in use"):
            list(code_sharded(gen_docs(5), shard_size=8, coder=FakeCoder(), checkpoint=ck))
    finally:
        held.close()


def test_parquet_part_per_shard(tmp_path: Path):
    import pyarrow.parquet as pq

    docs = gen_docs(25)
    out = tmp_path / "events"
    (out).mkdir()
    (out / "part-000009.parquet").write_bytes(b"stale")
    list(code_sharded(docs, shard_size=10, coder=FakeCoder(), parquet_dir=out))
    parts = sorted(p.name for p in out.iterdir())
    assert parts == ["part-000000.parquet", "part-000001.parquet", "part-000002.parquet"]
    table = pq.read_table(out)
    assert table.column("event_id").to_pylist() == [e["event_id"] for e in records(one_process(docs))]


def test_missing_actor_file_is_named(tmp_path: Path):
    with pytest.raises(ValueError, match="nope.yaml"):
        list(code_sharded(gen_docs(3), coder=FakeCoder(), actor_files=[tmp_path / "nope.yaml"]))


# ---------------------------------------------------------------------------- a real kill


KILL_SCRIPT = """
import sys
sys.path.insert(0, {repo!r})
from pathlib import Path
from eventwire import io as ewio
from eventwire.scale import code_sharded
from tests.test_scale import FakeCoder, gen_docs, _write_output
docs = gen_docs(80)
_write_output(code_sharded(docs, shard_size=8, coder=FakeCoder(delay=0.15), checkpoint={ck!r}), Path({out!r}))
"""


@pytest.mark.slow
def test_sigkilled_run_resumes(tmp_path: Path):
    ck, out = tmp_path / "run.ckpt", tmp_path / "out.jsonl"
    script = KILL_SCRIPT.format(repo=str(REPO), ck=str(ck), out=str(out))
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=tmp_path)
    deadline = time.time() + 60
    while time.time() < deadline:
        if ck.exists() and len(ck.read_text().splitlines()) >= 1 + 3:
            break
        if proc.poll() is not None:
            pytest.fail(f"the run ended before it could be killed (exit {proc.returncode})")
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not out.exists()
    done_before = len(ck.read_text().splitlines()) - 1
    assert 3 <= done_before < 10
    stats = RunStats()
    docs = gen_docs(80)
    _write_output(code_sharded(docs, shard_size=8, coder=FakeCoder(), checkpoint=ck, stats=stats), out)
    assert stats.reused == done_before and stats.coded == 10 - done_before
    got = [json.loads(line) for line in out.read_text().splitlines()]
    assert got == records(one_process(docs))
    assert len({e["event_id"] for e in got}) == len(got)


# ---------------------------------------------------------------------------- Dask


@pytest.fixture(scope="module")
def dask_client():
    from eventwire.scale import local_cluster

    cluster, client = local_cluster(2)
    yield client
    client.close()
    cluster.close()


@pytest.mark.slow
def test_dask_two_workers_equal_one_process(dask_client, tmp_path: Path):
    docs = gen_docs(200)
    stats = RunStats()
    out = list(code_sharded(docs, client=dask_client, shard_size=9, factory=FAKE, stats=stats))
    assert [r.doc_id for r in out] == [d.id for d in docs]
    assert records(out) == records(one_process(docs))
    assert len(stats.worker_peak_rss) == 2
    # each worker process built one coder for the run, not one per shard
    assert sum(dask_client.run(lambda: len(__import__("eventwire.scale").scale._coders)).values()) == 2


@pytest.mark.slow
def test_dask_resume_after_crash(dask_client, tmp_path: Path):
    docs = gen_docs(120)
    ck = tmp_path / "run.ckpt"
    for i, _ in enumerate(code_sharded(docs, client=dask_client, shard_size=10, factory=FAKE, checkpoint=ck)):
        if i == 35:
            break  # the consumer dies half-way; shards finished out of order are already stored
    stats = RunStats()
    out = list(code_sharded(docs, client=dask_client, shard_size=10, factory=FAKE, checkpoint=ck, stats=stats))
    assert stats.reused >= 3 and stats.reused + stats.coded == 12
    got = records(out)
    assert got == records(one_process(docs))
    assert len({e["event_id"] for e in got}) == len(got)


def _real_coder_available() -> str | None:
    if not DEV_DOCS.exists():
        return f"dev documents not found at {DEV_DOCS}"
    try:
        from eventwire.coder import Coder  # noqa: F401
    except ImportError as e:
        return f"the coder does not import yet: {e}"
    return None


@pytest.mark.slow
def test_dev_documents_two_workers_equal_one_process(dask_client):
    reason = _real_coder_available()
    if reason:
        pytest.skip(reason)
    from eventwire.coder import Coder

    docs = [d for d in ewio.read_path(DEV_DOCS) if isinstance(d, Document)]
    single = sorted(records(Coder().pipe(docs)), key=lambda e: e["event_id"])
    sharded = records(code_sharded(docs, client=dask_client, shard_size=4))
    assert sorted(sharded, key=lambda e: e["event_id"]) == single
    assert len({e["event_id"] for e in sharded}) == len(sharded)


# ---------------------------------------------------------------------------- the command line


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire.cli", "code", *args], capture_output=True, text=True,
                          timeout=300)


@pytest.mark.slow
def test_cli_checkpoint_resume_refusal_and_parquet_folder(tmp_path: Path):
    reason = _real_coder_available()
    if reason:
        pytest.skip(reason)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(DEV_DOCS.read_text(encoding="utf-8").splitlines(keepends=True)[:6]), encoding="utf-8")
    ck = tmp_path / "run.ckpt"
    first = _cli(str(src), "--checkpoint", str(ck), "-o", str(tmp_path / "a.jsonl"))
    assert first.returncode == 0, first.stderr
    lines = ck.read_text().splitlines()
    again = _cli(str(src), "--checkpoint", str(ck), "-o", str(tmp_path / "b.jsonl"))
    assert again.returncode == 0, again.stderr
    assert ck.read_text().splitlines() == lines  # nothing left to code, nothing recorded twice
    expected = (tmp_path / "a.jsonl").read_text()
    assert expected and (tmp_path / "b.jsonl").read_text() == expected  # events restored from parts, exactly

    other = tmp_path / "other.jsonl"
    other.write_text(src.read_text().replace("the", "a"), encoding="utf-8")
    refused = _cli(str(other), "--checkpoint", str(ck), "-o", str(tmp_path / "c.jsonl"))
    assert refused.returncode == 2 and "different input" in refused.stderr
    assert not (tmp_path / "c.jsonl").exists()

    folder = tmp_path / "events"
    pq_run = _cli(str(src), "-f", "parquet", "-o", str(folder))
    assert pq_run.returncode == 0, pq_run.stderr
    import pyarrow.parquet as pq

    assert sorted(p.name for p in folder.iterdir()) == ["part-000000.parquet"]
    ids = [json.loads(line)["event_id"] for line in expected.splitlines()]
    assert pq.read_table(folder).column("event_id").to_pylist() == ids


@pytest.mark.slow
def test_scheduler_without_workers_is_a_clear_error(monkeypatch):
    import distributed

    from eventwire import scale

    monkeypatch.setattr(scale, "WORKER_WAIT_S", 0.5)
    with distributed.LocalCluster(n_workers=0, processes=False, dashboard_address=None) as cluster:
        with pytest.raises(scale.ClusterUnavailable, match="no Dask worker joined"):
            list(code_sharded(gen_docs(3), scheduler=cluster.scheduler_address, factory=FAKE))
