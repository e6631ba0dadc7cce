"""Coded events re-written in other formats without coding again (what `eventwire convert` runs).

    outs = EventOutputs(on_failure=report_output)
    for fmt, path in output_targets([Path("events.csv"), Path("events.parquet")]):
        outs.open(fmt, path)
    n = convert_events(["events.jsonl"], outs, on_problem=report_line)
    outs.close()

Events are read by the one reader (`readers.read_inputs`, coded-event records
only) and written by the writers over the one codec, so a converted file is
the file `eventwire code` would have written in that format. A bad record is
given to `on_problem` with its file, line and code, and the good ones around
it are still written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .readers import InputProblem, read_inputs
from .writers import EventOutputs


def convert_events(inputs: Iterable[str], outputs: EventOutputs, on_problem: Callable[[InputProblem], None]) -> int:
    """Copy the coded events of `inputs` (.jsonl files, folders of them, '-' for stdin) to `outputs`.

    Returns how many events were read and written; stops early when no output is left to write to.
    """
    n = 0
    for item in read_inputs(inputs, only_events=True):
        if isinstance(item, InputProblem):
            on_problem(item)
            continue
        n += 1
        outputs.write(item)  # type: ignore[arg-type]  (only_events yields Events)
        if not outputs.alive:
            break
    return n
