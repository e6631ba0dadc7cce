"""The user's cache folder: knowledge compiled once and read by later processes (gazetteer, term patterns).

    path = cache_dir() / f"terms-{digest}.json"   # or .msgpack: faster to read for large files
    data = read(path)               # None when missing or unreadable (the caller rebuilds it)
    write(path, data)               # atomic; a read-only home only costs the rebuild next time

The folder is `$EVENTWIRE_CACHE`, else `~/.cache/eventwire`. Every file is
named by a digest of what it was built from, so a change of the data gives a
new file and an old one is never read for it.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

__all__ = ["cache_dir", "read", "write"]


def cache_dir() -> Path:
    """`$EVENTWIRE_CACHE`, else `~/.cache/eventwire` (not created here)."""
    return Path(os.environ.get("EVENTWIRE_CACHE") or Path.home() / ".cache" / "eventwire")


def _loads(path: Path, raw: bytes) -> Any:
    if path.suffix == ".msgpack":
        import srsly  # spaCy's serialiser: msgpack reads the 4 MB gazetteer in a third of json's time

        return srsly.msgpack_loads(raw)
    return json.loads(raw.decode("utf-8"))


def _dumps(path: Path, data: Any) -> bytes:
    if path.suffix == ".msgpack":
        import srsly

        return srsly.msgpack_dumps(data)
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def read(path: Path) -> Any | None:
    """The value in `path` (JSON, or msgpack for `.msgpack`), or None when missing or unreadable."""
    try:
        return _loads(path, path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as e:
        log.warning("cache file %s unreadable (%s); rebuilding it", path, e)
        return None


def write(path: Path, data: Any) -> None:
    """Write `data` to `path` atomically; a folder that cannot be written is logged and skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, suffix=".tmp") as fh:
            fh.write(_dumps(path, data))
        os.replace(fh.name, path)
    except OSError as e:
        log.debug("cache file %s not written: %s", path, e)
