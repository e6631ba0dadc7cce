"""Hostile-input run: every case of tests/robustness/hostile_cases.py through the real command line, with counts.

    .venv/bin/python bench/hostile.py [--jobs 2] [--only TEXT] [--verbose]

Each case is one `eventwire code`, `ingest` or `query` process in a fresh
folder: good documents around one bad line, a bad file or folder, a closed or
full stream. The run prints the number of cases, the tracebacks seen (the bar
is 0), the good documents and events lost (0), the bad inputs named with a
catalogue code at their file and line (all of them) and the runs whose exit
status was not the documented one (0); the last line is the same as JSON.
Exit status 1 when any of those bars is missed. Permission cases run as user
nobody (setpriv) when started as root, whom mode 000 does not stop.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from tests.robustness.hostile_cases import Case, cases  # noqa: E402
from tests.storedata import build_store  # noqa: E402

REPORT = re.compile(r"^eventwire: (?:skipped (?P<where>.+?): )?(?P<code>E\d{3}) ")
NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


@dataclass
class Result:
    """What one case did against what it must do."""

    case: Case
    status: int
    seconds: float
    traceback: bool
    lost: list[str] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    stderr: str = ""

    @property
    def ok(self) -> bool:
        return not (self.traceback or self.lost or self.unnamed) and self.status == self.case.exit


def _command(case: Case, root: Path) -> list[str]:
    cmd = [sys.executable, "-m", "eventwire.cli", case.command, *case.args]
    if case.command in ("ingest", "query"):
        cmd += ["--db", "store.duckdb"]
    if case.command == "code" and not {"-o", "--format"} & set(case.args) and ">" not in case.shell:
        cmd += ["-o", "out.jsonl"]
    if case.as_user and os.geteuid() == 0 and shutil.which("setpriv"):
        cmd = [*NOBODY, *cmd]
    return cmd


def _prepare(case: Case, root: Path) -> None:
    for name, body in case.files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(body)
    if case.command == "query":
        build_store(root / "store.duckdb")
    if case.as_user:
        for p in [root, *root.rglob("*")]:
            p.chmod(0o777 if p.is_dir() else 0o666)
    if case.setup:
        case.setup(root)


def _stored(root: Path) -> tuple[set[str], set[str]]:
    """(ids of documents stored with their text, event ids) in the case's store."""
    import duckdb

    db = root / "store.duckdb"
    if not db.exists():
        return set(), set()
    con = duckdb.connect(str(db), read_only=True)
    try:
        docs = {r[0] for r in con.execute("SELECT id FROM documents WHERE text IS NOT NULL").fetchall()}
        events = {r[0] for r in con.execute("SELECT event_id FROM events").fetchall()}
    finally:
        con.close()
    return docs, events


def _coded(root: Path) -> set[str]:
    out = root / "out.jsonl"
    if not out.exists():
        return set()
    return {json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines() if line.strip()}


def run_case(case: Case) -> Result:
    """Run one case in a temporary folder and judge it."""
    with tempfile.TemporaryDirectory(prefix="eventwire-hostile-") as tmp:
        root = Path(tmp)
        _prepare(case, root)
        shell = " ".join(shlex.quote(a) for a in _command(case, root)) + (f" {case.shell}" if case.shell else "")
        if "<" not in case.shell:
            shell += " <stdin.bin"
            (root / "stdin.bin").write_bytes(case.stdin or b"")
        t = time.perf_counter()
        p = subprocess.run(["bash", "-c", shell], cwd=root, capture_output=True, timeout=600)
        seconds = time.perf_counter() - t
        stderr = p.stderr.decode("utf-8", "replace")
        output = stderr + p.stdout.decode("utf-8", "replace")
        reports = [m for m in map(REPORT.match, stderr.splitlines()) if m]
        lines = [m.string for m in reports]
        result = Result(case, p.returncode, seconds, "Traceback (most recent call last)" in output,
                        codes=[m["code"] for m in reports], stderr=stderr)
        if case.good_docs or case.good_events:
            if case.command == "code":
                have, have_events = _coded(root), set()
            else:
                have, have_events = _stored(root)
            result.lost = [d for d in case.good_docs if d not in have]
            result.lost += [f"event {e}" for e in case.good_events if e not in have_events]
        for bad in case.bad:
            named = [ln for ln, m in zip(lines, reports, strict=True) if m["where"] == bad.where
                     and (bad.code is None or m["code"] == bad.code) and bad.says in ln]
            if not named:
                result.unnamed.append(f"{bad.where} {bad.code or 'E...'} {bad.says!r}".rstrip())
        if case.fatal and case.fatal not in result.codes:
            result.unnamed.append(f"the run's {case.fatal}")
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=2, help="cases run at once")
    ap.add_argument("--only", default=None, help="only the cases whose name holds this text")
    ap.add_argument("--verbose", action="store_true", help="a line per case, not only per failed one")
    args = ap.parse_args()
    todo = [c for c in cases() if args.only is None or args.only in c.name]
    t = time.perf_counter()
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(run_case, todo))
    took = time.perf_counter() - t
    for r in results:
        if args.verbose or not r.ok:
            flag = "ok  " if r.ok else "FAIL"
            detail = "" if r.ok else (f" exit {r.status} (want {r.case.exit})" + (" TRACEBACK" if r.traceback else "")
                                      + (f" lost {r.lost}" if r.lost else "")
                                      + (f" not named {r.unnamed}" if r.unnamed else ""))
            print(f"{flag} {r.case.name} [{r.seconds:.1f} s]{detail}")
            if not r.ok and args.verbose:
                print("     " + r.stderr.strip().replace("\n", "\n     ")[-2000:])
    by_command = Counter(r.case.command for r in results)
    bad_inputs = sum(len(r.case.bad) + (1 if r.case.fatal and not r.case.bad else 0) for r in results)
    unnamed = sum(len(r.unnamed) for r in results)
    good = sum(len(r.case.good_docs) for r in results)
    good_events = sum(len(r.case.good_events) for r in results)
    summary = {
        "cases": len(results), "by_command": dict(sorted(by_command.items())),
        "tracebacks": sum(r.traceback for r in results),
        "good_documents": good, "good_events": good_events,
        "good_lost": sum(len(r.lost) for r in results),
        "bad_inputs": bad_inputs, "bad_named_with_code": bad_inputs - unnamed,
        "wrong_exit_status": sum(r.status != r.case.exit for r in results),
        "codes_seen": dict(sorted(Counter(c for r in results for c in r.codes).items())),
        "seconds": round(took, 1),
    }
    print(f"\nhostile-input run: {summary['cases']} cases ({', '.join(f'{k} {v}' for k, v in by_command.items())}) "
          f"in {summary['seconds']} s")
    print(f"  tracebacks seen:              {summary['tracebacks']}")
    print(f"  good documents lost:          {summary['good_lost']} (of {good} documents and {good_events} events)")
    print(f"  bad inputs named with a code: {summary['bad_named_with_code']} of {bad_inputs} "
          "(at their file and line, or the stream)")
    print(f"  wrong exit status:            {summary['wrong_exit_status']}")
    print(f"  codes seen: {' '.join(f'{k}x{v}' for k, v in summary['codes_seen'].items())}")
    print(json.dumps(summary))
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
