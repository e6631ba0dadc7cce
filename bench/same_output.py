"""Check that refactoring leaves coded output byte-identical.

``python bench/same_output.py record DIR`` codes the reference inputs into DIR;
``python bench/same_output.py check DIR`` codes them again and compares byte for byte.
The inputs are the dev, GSR and train gold documents and the ``examples/`` folder.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path("/work/shared/data/eval")
INPUTS: dict[str, Path] = {
    "dev": DATA / "dev" / "docs.jsonl",
    "gsr": DATA / "plover-gsr" / "docs.jsonl",
    "train": DATA / "train" / "docs.jsonl",
    "examples": ROOT / "examples",
}


def code_all(out_dir: Path, names: list[str]) -> None:
    """Code every named input into ``out_dir/<name>.jsonl`` in one process."""
    sys.path.insert(0, str(ROOT / "src"))
    from eventwire.cli import app  # noqa: PLC0415

    for name in names:
        out = out_dir / f"{name}.jsonl"
        app(["code", str(INPUTS[name]), "-o", str(out)], standalone_mode=False)


def main(argv: list[str]) -> int:
    """Record or check the reference outputs; return the exit status."""
    if len(argv) < 2 or argv[0] not in ("record", "check"):
        print(__doc__)
        return 2
    mode, ref = argv[0], Path(argv[1])
    names = argv[2:] or list(INPUTS)
    if mode == "record":
        ref.mkdir(parents=True, exist_ok=True)
        code_all(ref, names)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, __file__, "record", tmp, *names], check=True
        )
        bad = [n for n in names
               if (Path(tmp) / f"{n}.jsonl").read_bytes() != (ref / f"{n}.jsonl").read_bytes()]
    for name in names:
        print(f"{name}: {'DIFFERENT' if name in bad else 'identical'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
