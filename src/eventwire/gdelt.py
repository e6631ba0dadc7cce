"""The GDELT-compatible profile: event records as rows named like GDELT 2.0's event table.

    rows = [gdelt_row(ev, doc) for ev in events]      # doc (optional) gives DATEADDED, SOURCEURL, title
    write_gdelt(rows, Path("events.csv"))              # or .parquet
    outs.add(GdeltWriter(Path("events.csv"), docs))    # one output of `io.EventOutputs` (code, convert)

Columns GDELT has and we can fill come first, in GDELT's order and spelling
(GDELT_COLUMNS); our own follow (EXTRA_COLUMNS). Columns we cannot fill
(NumMentions, AvgTone, the Actor*Geo_* of the actors...) are left out rather
than written empty. docs/gdelt.md describes every column. This module maps
from `Event` records alone, so it can later sit on the common row codec.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from .errors import output_error
from .io.writers import AtomicFile
from .knowledge.codes import tables
from .records import Document, Event

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
    "DATEADDED", "SOURCEURL",
)
EXTRA_COLUMNS: tuple[str, ...] = (
    "EventDescription", "event_id", "doc_id", "event_type", "mode", "modality", "date", "date_precision",
    "source_code", "target_code", "trigger_text", "confidence", "text", "title", "publisher",
)
COLUMNS = GDELT_COLUMNS + EXTRA_COLUMNS


def quad_class_of_root(root: str | None) -> int | None:
    """GDELT's QuadClass from the CAMEO root: 01-05 verbal cooperation .. 14-20 material conflict."""
    if not root or not root.isdigit():
        return None
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4 if r <= 20 else None


def _day(ev: Event) -> date | None:
    if ev.date_precision in (None, "day") and ev.date and len(ev.date) == 10:
        try:
            return date.fromisoformat(ev.date)
        except ValueError:
            return None
    return None


def _date_added(ev: Event, doc: Document | None) -> int | None:
    """GDELT's DATEADDED (YYYYMMDDHHMMSS) from the document's date, or the one the event record carries."""
    published = doc.published if doc is not None and doc.published else None
    if published is None and ev.published:
        try:
            published = date.fromisoformat(ev.published)
        except ValueError:
            return None
    return int(published.strftime("%Y%m%d")) * 1_000_000 if published else None


def _actor(prefix: str, m: Any) -> dict[str, Any]:
    code = m.actor.code if m is not None else None
    sector = m.actor.sector if m is not None else None
    return {f"{prefix}Code": (code or "") + (sector or "") if code else None,
            f"{prefix}Name": (m.actor.name or m.text) if m is not None else None,
            f"{prefix}CountryCode": code if code and len(code) == 3 and code.isalpha() else None,
            f"{prefix}Type1Code": sector}


def gdelt_row(ev: Event, doc: Document | None = None) -> dict[str, Any]:
    """One event as a row of COLUMNS (None where the record or its document does not say)."""
    day = _day(ev)
    year = int(ev.date[:4]) if ev.date and ev.date[:4].isdigit() else None
    month = int(ev.date[5:7]) if ev.date and len(ev.date) >= 7 and ev.date[5:7].isdigit() else None
    cameo = ev.cameo or None
    root = cameo[:2] if cameo else None
    source = doc.source if doc is not None else None
    url = source if source and source.startswith(("http://", "https://")) else None
    row: dict[str, Any] = {
        "GLOBALEVENTID": ev.event_id,
        "SQLDATE": int(day.strftime("%Y%m%d")) if day else None,
        "MonthYear": year * 100 + month if year and month else None,
        "Year": year,
        "FractionDate": round(year + ((month or 1) * 30 + (day.day if day else 1)) / 365, 4) if year else None,
        **_actor("Actor1", ev.source),
        **_actor("Actor2", ev.target),
        "EventCode": cameo,
        "EventBaseCode": cameo[:3] if cameo else None,
        "EventRootCode": root,
        "QuadClass": quad_class_of_root(root),
        "GoldsteinScale": ev.goldstein,
        "ActionGeo_FullName": ev.location.text,
        "ActionGeo_CountryCode": ev.location.country,
        "ActionGeo_Lat": ev.location.lat,
        "ActionGeo_Long": ev.location.lon,
        "DATEADDED": _date_added(ev, doc),
        "SOURCEURL": url,
        "EventDescription": tables().description.get(cameo or ""),
        "event_id": ev.event_id, "doc_id": ev.doc_id, "event_type": ev.event_type, "mode": ev.mode,
        "modality": ev.modality, "date": ev.date, "date_precision": ev.date_precision,
        "source_code": ev.source.code if ev.source else None, "target_code": ev.target.code if ev.target else None,
        "trigger_text": ev.trigger.text, "confidence": round(ev.confidence, 3), "text": ev.text,
        "title": doc.title if doc is not None else None,
        "publisher": source if source and not url else None,
    }
    return row


def write_gdelt(rows: Iterable[dict[str, Any]], out: Path) -> int:
    """Write rows to `out` as CSV (with a header) or Parquet (by suffix); returns the row count.

    As every output file, it is written under a temporary name and renamed when complete; a write that
    fails (a full disk, a missing folder) raises OutputError (E050) naming `out` and leaves no file.
    """
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".parquet"):
        raise ValueError(f"{out}: the GDELT profile writes .csv or .parquet files")
    rows = list(rows)
    try:
        if suffix == ".parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pylist(rows) if rows else pa.table({c: pa.array([]) for c in COLUMNS})
            with AtomicFile(out, "wb") as fh:
                pq.write_table(table, fh)
        else:
            with AtomicFile(out, "w") as fh:
                w = csv.DictWriter(fh, fieldnames=list(COLUMNS))
                w.writeheader()
                w.writerows(rows)
    except (OSError, ValueError) as e:  # ValueError: a stream closed under us
        raise output_error(str(out), e) from None
    return len(rows)


class GdeltWriter:
    """One output of the GDELT profile (.csv or .parquet), as a sink of `io.EventOutputs`.

    Rows are kept and the file is written when the output is closed; the documents, when given, fill
    DATEADDED, SOURCEURL, the title and the publisher. A failure to write is one OutputError (E050).
    """

    def __init__(self, out: Path, docs: Mapping[str, Document] | None = None) -> None:
        if out.suffix.lower() not in (".csv", ".parquet"):
            raise ValueError("--profile gdelt needs -o FILE.csv or -o FILE.parquet")
        self.out, self.name, self.count = out, str(out), 0
        self.docs: Mapping[str, Document] = docs if docs is not None else {}  # may be filled as events come
        self.rows: list[dict[str, Any]] = []

    def write(self, ev: Event) -> None:
        self.count += 1
        self.rows.append(gdelt_row(ev, self.docs.get(ev.doc_id)))

    def close(self, ok: bool = True) -> None:
        rows, self.rows = self.rows, []
        if ok:
            write_gdelt(rows, self.out)  # atomic; a failed write raises OutputError (E050) naming the file
