"""A full disk, an unwritable path or a kill never leaves an output file that looks complete.

Writers go to a hidden temporary name beside the output and rename it at the
end; a failed run gives a clear message, exit status 2, and removes its
temporary file. Paths that are not regular files (devices, FIFOs) are written
in place, never replaced by a renamed file.
"""

from __future__ import annotations

import errno
import io
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire import io as ewio
from eventwire.cli import app

from .corpus import generated, write_jsonl

FORMATS = [("jsonl", "out.jsonl"), ("csv", "out.csv"), ("parquet", "out.parquet")]
EXE = [sys.executable, "-m", "eventwire.cli"]


@pytest.fixture(scope="module")
def docs_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Forty news-like documents: enough events that a small disk fills in the middle of the output."""
    return write_jsonl(tmp_path_factory.mktemp("in") / "docs.jsonl", generated(40, seed=9))


class FullDisk(io.RawIOBase):
    """A raw file that takes `room` bytes, then fails as a full disk does."""

    def __init__(self, fd: int, room: int) -> None:
        self.fd, self.room, self.written = fd, room, 0

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:
        if self.written + len(b) > self.room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        n = os.write(self.fd, b)
        self.written += n
        return n

    def fileno(self) -> int:
        return self.fd

    def close(self) -> None:
        if not self.closed:
            os.close(self.fd)
        super().close()


def _full_disk(monkeypatch: pytest.MonkeyPatch, room: int) -> list[str]:
    """Make every AtomicFile a disk with `room` bytes left; returns the temporary names it wrote to."""
    names: list[str] = []

    def opener(self: ewio.AtomicFile, fd_or_path):
        assert isinstance(fd_or_path, int), "regular output files are written through a temporary file"
        names.append(self.tmp)
        raw = FullDisk(fd_or_path, room)
        buffered = io.BufferedWriter(raw, buffer_size=4096)
        return buffered if "b" in self.mode else io.TextIOWrapper(buffered, encoding="utf-8", newline="")

    monkeypatch.setattr(ewio.AtomicFile, "_open", opener)
    return names


@pytest.mark.slow
@pytest.mark.parametrize("fmt, name", FORMATS)
def test_disk_full_in_the_middle_leaves_nothing(monkeypatch, tmp_path: Path, docs_file: Path, fmt: str, name: str):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / name
    tmp_names = _full_disk(monkeypatch, room=6000)
    r = CliRunner().invoke(app, ["code", str(docs_file), "-f", fmt, "-o", str(out)])
    assert r.exit_code == 2, r.output
    assert "No space left on device" in r.output and "Traceback" not in r.output
    assert tmp_names, "the writer did not write through a temporary file"
    assert not out.exists(), "a failed run left an output file"
    assert list(out_dir.iterdir()) == [], f"stray files: {list(out_dir.iterdir())}"


@pytest.mark.slow
def test_disk_full_keeps_the_previous_output(monkeypatch, tmp_path: Path, docs_file: Path):
    out = tmp_path / "out.jsonl"
    out.write_text("the previous, complete run\n")
    _full_disk(monkeypatch, room=6000)
    r = CliRunner().invoke(app, ["code", str(docs_file), "-o", str(out)])
    assert r.exit_code == 2 and "No space left on device" in r.output
    assert out.read_text() == "the previous, complete run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


@pytest.mark.slow
def test_room_enough_writes_the_whole_file(monkeypatch, tmp_path: Path, docs_file: Path):
    """The same fake disk with room enough: the run succeeds, so the failures above are the disk's doing."""
    out = tmp_path / "out.jsonl"
    _full_disk(monkeypatch, room=10**9)
    r = CliRunner().invoke(app, ["code", str(docs_file), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert len(out.read_text().splitlines()) > 20


def _device_full(tmp_path: Path) -> Path:
    """/dev/full, or (as root, who could replace the real one) a device node of the same kind in tmp_path."""
    if not Path("/dev/full").exists():
        pytest.skip("/dev/full is not present on this system")
    if os.geteuid() != 0:
        return Path("/dev/full")
    dev = tmp_path / "full"
    real = os.stat("/dev/full")
    try:
        os.mknod(dev, stat.S_IFCHR | 0o666, real.st_rdev)
    except OSError as e:
        pytest.skip(f"cannot make a device node like /dev/full here: {e}")
    return dev


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_writing_to_dev_full(tmp_path: Path, docs_file: Path, fmt: str):
    dev = _device_full(tmp_path)
    before = os.stat(dev)
    p = subprocess.run([*EXE, "code", str(docs_file), "-f", fmt, "-o", str(dev)], capture_output=True, text=True,
                       timeout=300)
    assert p.returncode == 2, p.stderr
    assert "No space left on device" in p.stderr and "Traceback" not in p.stderr
    after = os.stat(dev)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev, "the device was replaced by a file"
    assert not [q for q in dev.parent.iterdir() if q.name.startswith(f".{dev.name}.")], "a temporary file was left"


@pytest.mark.slow
def test_fifo_output_is_written_in_place(tmp_path: Path):
    fifo = tmp_path / "events.fifo"
    os.mkfifo(fifo)
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "Kenya condemned France."}])
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    p = subprocess.run([*EXE, "code", str(src), "-o", str(fifo)], capture_output=True, text=True, timeout=300)
    reader.join(timeout=30)
    if reader.is_alive():  # the writer never opened the FIFO: let the reader go before failing
        with open(fifo, "wb"):
            pass
    assert p.returncode == 0, p.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode), "the FIFO was replaced by a regular file"
    assert got and b'"event_type": "ACCUSE"' in got[0]


@pytest.mark.slow
def test_new_files_get_the_usual_mode_and_replaced_ones_keep_theirs(tmp_path: Path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "Kenya condemned France."}])
    new, kept, link = tmp_path / "new.jsonl", tmp_path / "kept.jsonl", tmp_path / "link.jsonl"
    kept.write_text("old\n")
    kept.chmod(0o640)
    link.symlink_to(kept.name)
    for out in (new, link):
        p = subprocess.run([*EXE, "code", str(src), "-o", str(out)], capture_output=True, text=True, timeout=300,
                           preexec_fn=lambda: os.umask(0o022))
        assert p.returncode == 0, p.stderr
    assert stat.S_IMODE(new.stat().st_mode) == 0o644  # as `open` gives with umask 022, not mkstemp's 0600
    assert link.is_symlink() and '"ACCUSE"' in kept.read_text()
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640


@pytest.mark.slow
@pytest.mark.parametrize("where", ["under-a-file", "missing-folder", "read-only-folder"])
def test_unwritable_output_path(tmp_path: Path, where: str):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "Kenya condemned France."}])
    if where == "under-a-file":
        out = src / "out.jsonl"
    elif where == "missing-folder":
        out = tmp_path / "no" / "such" / "out.jsonl"
    else:
        if os.geteuid() == 0:
            pytest.skip("root writes into read-only folders; run the tests as a normal user to check this case")
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
        out = folder / "out.jsonl"
    before = sorted(tmp_path.rglob("*"))
    p = subprocess.run([*EXE, "code", str(src), "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert p.returncode == 2, p.stderr
    assert f"cannot write {out}" in p.stderr and "Traceback" not in p.stderr
    assert sorted(tmp_path.rglob("*")) == before, "a failed run created files"


@pytest.mark.slow
def test_killed_run_leaves_no_complete_looking_file(tmp_path: Path):
    """SIGKILL while events are being written: the output name never appears, only the hidden .part file."""
    src = write_jsonl(tmp_path / "in.jsonl", generated(400, seed=4))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "events.jsonl"
    proc = subprocess.Popen([*EXE, "code", str(src), "-o", str(out)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 240
        parts: list[Path] = []
        while time.monotonic() < deadline and proc.poll() is None:
            parts = [p for p in out_dir.iterdir() if p.name.endswith(".part") and p.stat().st_size > 0]
            if parts:
                break
            time.sleep(0.05)
        assert parts, "no temporary file with events appeared before the run ended"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    assert not out.exists(), "a killed run left an output file under its final name"
    assert all(p.name.startswith(".events.jsonl.") and p.name.endswith(".part") for p in out_dir.iterdir())
