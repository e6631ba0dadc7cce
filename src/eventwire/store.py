"""The DuckDB event store: the only module that opens the database.

    with Store.open("eventwire.duckdb") as store:          # one writer per file
        store.ingest(documents, events)                    # one transaction; re-ingest replaces
    with Store.open("eventwire.duckdb", read_only=True) as store:
        store.dyad_series("USA", "CHN", freq="month")      # pandas DataFrames

Tables: `documents` (one row per document id) and `events` (the codec's
columns, `io.codec.COLUMNS`, with the full record as JSON in `record`). Ingesting
a document id again replaces that document and all its events, so a store
never holds two versions of one document. Every query is parameterised;
parameters are checked first, and a bad one raises `QueryError` (a
`ValueError`) with a message meant for the person who asked.

Counts are modality-honest: `dyad_series` and `network` count asserted
events unless `modality` asks for others (a list, or "all"); lists of events
(`events`, `count_events`) hold every modality unless filtered, each row
naming its own. A series per week or day skips events dated only to a month
or a year (and a series per month those dated only to a year) rather than
putting them on the first day; how many it skipped is in
`df.attrs["skipped_imprecise"]`.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

if TYPE_CHECKING:  # pandas is imported where a frame is built: ingest never needs it (60 MB)
    import pandas as pd

from .errors import tagged
from .io.codec import EVENT_COLUMNS, FRAME_COLUMNS, arrow_type, store_row
from .queryparams import (  # noqa: F401  (parse_bound and event_day are part of the store's API)
    ALL,
    QueryError,
    _choices,
    _int,
    _modalities,
    _range,
    _whole,
    event_day,
    parse_bound,
)
from .records import EVENT_TYPES, MODALITIES, Document, Event
from .storefile import EVENT_BYTES, StoreBusy, StoreError, connect, size_buffer

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

SCHEMA_VERSION = 1
FREQS = ("day", "week", "month", "year")
MAX_LIMIT = 10_000
MAX_PERIODS = 20_000
MAX_TEXT_QUERY = 200
_PANDAS_FREQ = {"day": "D", "week": "W-MON", "month": "MS", "year": "YS"}
_SQL_INTERVAL = {"day": "1 day", "week": "7 days", "month": "1 month", "year": "1 year"}
DEFAULT_COUNTED = ("asserted",)  # what aggregates count unless asked
# the precisions a series per `freq` can place in one period (coarser ones are skipped)
_PLACEABLE = {"day": ("day",), "week": ("day",), "month": ("day", "month"), "year": ("day", "month", "year")}

DOCUMENT_COLUMNS: list[tuple[str, str]] = [
    ("id", "VARCHAR"), ("published", "DATE"), ("source", "VARCHAR"), ("title", "VARCHAR"), ("text", "VARCHAR"),
    ("ingested_at", "TIMESTAMP"),
]
# what a list of events shows (the table in the dashboard, `query events`)
LIST_COLUMNS = ("event_id", "doc_id", "sentence", "day", "date", "date_precision", "source_code", "source_name",
                "source_sector", "event_type", "target_code", "target_name", "target_sector", "modality",
                "confidence", "goldstein", "quad_class", "cameo", "trigger_text", "text")
# every stored column but the JSON record
ALL_COLUMNS = tuple(c for c, _ in EVENT_COLUMNS if c != "record")
_STORED = frozenset(c for c, _ in EVENT_COLUMNS)
# the codec's columns the `events` table does not keep, as SQL over one of its rows
_DERIVED = {
    "published": "(SELECT d.published FROM documents AS d WHERE d.id = events.doc_id)",  # of the document
    "cameo_root": "nullif(left(cameo, 2), '')",
}
# every column of the default output profile and `day` (`events_frame`, the notebook view): io.codec.FRAME_COLUMNS
FRAME_COLUMNS_SQL = tuple(c.name for c in FRAME_COLUMNS)
_LIST_TYPED = tuple(c.name for c in FRAME_COLUMNS if c.type == "list[str]")
if _missing := [c for c in FRAME_COLUMNS_SQL if c not in _STORED and c not in _DERIVED]:  # a new codec column
    raise ImportError(f"store: no way to read column(s) {', '.join(_missing)} from the events table")
SPAN_COLUMNS = ("trigger_start", "trigger_end", "source_text", "source_start", "source_end", "target_text",
                "target_start", "target_end")


class NotFound(QueryError):
    """The thing asked for (a document id) is not in the store."""


@dataclass
class IngestResult:
    documents: int = 0
    events: int = 0
    replaced_events: int = 0


@dataclass
class Network:
    nodes: pd.DataFrame  # code, count
    edges: pd.DataFrame  # source, target, count, goldstein_mean


@dataclass
class DocumentView:
    document: dict[str, Any]  # id, published, source, title, text, ingested_at
    events: pd.DataFrame      # LIST_COLUMNS + spans + sentence_start/sentence_end (None when not found)


def to_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """A query result as JSON-ready dicts: dates as ISO days, NaN as None, numpy scalars as Python ones."""
    import pandas as pd
    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].dt.strftime("%Y-%m-%d").astype(object)
    return json.loads(out.to_json(orient="records", force_ascii=False, date_format="iso"))


# ---------------------------------------------------------------------------- rows

def _arrow_table(rows: list[dict[str, Any]], columns: list[tuple[str, str]]):  # -> pyarrow.Table
    import pyarrow as pa

    schema = pa.schema([(name, arrow_type(t)) for name, t in columns])
    return pa.Table.from_pylist(rows, schema=schema)


def _sentence_span(doc_text: str | None, sentence: str, trigger_start: int | None) -> tuple[int, int] | None:
    """Where the event's sentence is in the document: the occurrence that holds the trigger."""
    if not doc_text or not sentence:
        return None
    t = trigger_start or 0
    i = doc_text.rfind(sentence, 0, t + 1)
    if i < 0 or i + len(sentence) < t:
        i = doc_text.find(sentence)
    return (i, i + len(sentence)) if i >= 0 else None


# ---------------------------------------------------------------------------- the store

class Store:
    """One DuckDB file of documents and events; open with `Store.open(path)` (a context manager)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self.con, self.path, self.read_only = con, path, read_only
        self._lock = threading.Lock()
        self._codes: set[str] | None = None
        self.known_codes: frozenset[str] = frozenset()  # codes that may be asked for with no events yet

    # -- opening

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False, wait: float = 0.0) -> Store:
        """Open (creating if needed, unless read_only) the store at `path`; ':memory:' for a scratch store.

        A store another process holds (an ingest writing, a server reading) is retried for up to `wait`
        seconds, every 0.1 s or so, before StoreBusy is raised: the web server opens the store for one
        request at a time, so a writer finds it free between requests.
        """
        deadline = time.monotonic() + wait
        delay = 0.05
        while True:
            try:
                return cls._open(path, read_only)
            except StoreBusy:
                if time.monotonic() + delay > deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 0.2)

    @classmethod
    def _open(cls, path: str | Path, read_only: bool) -> Store:
        p = str(path)
        con = connect(p, read_only)
        store = cls(con, p, read_only)
        try:
            store._schema()
        except duckdb.Error as e:
            con.close()
            raise StoreError(f"cannot open store {p}: {str(e).splitlines()[0]}") from None
        except BaseException:
            con.close()
            raise
        return store

    def _schema(self) -> None:
        try:  # the common case first: an existing store (one small query)
            row = self.con.execute("SELECT value FROM eventwire_meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException:
            row = None
        if row is not None:
            if row[0] != str(SCHEMA_VERSION):
                raise StoreError(f"{self.path}: store schema version {row[0]} is not {SCHEMA_VERSION}")
            return
        tables = {r[0] for r in self.con.sql("SELECT table_name FROM information_schema.tables").fetchall()}
        if tables:
            raise StoreError(f"{self.path} is a DuckDB file but not an eventwire store")
        if self.read_only:
            raise StoreError(f"{self.path} is empty (not an eventwire store)")
        cols = ", ".join(f'"{n}" {t}' for n, t in DOCUMENT_COLUMNS)
        ecols = ", ".join(f'"{n}" {t}' for n, t in EVENT_COLUMNS)
        self.con.execute("BEGIN")
        self.con.execute(f"CREATE TABLE documents ({cols})")
        self.con.execute(f"CREATE TABLE events ({ecols})")
        self.con.execute("CREATE TABLE eventwire_meta (key VARCHAR, value VARCHAR)")
        self.con.execute("INSERT INTO eventwire_meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        self.con.execute("COMMIT")

    def close(self) -> None:
        """Close the connection; after a failed write (a full disk) closing cannot fail on top of it."""
        try:
            self.con.close()
        except duckdb.Error as e:
            log.warning("closing store %s: %s", self.path, str(e).splitlines()[0])

    def _write_error(self, e: duckdb.Error) -> StoreError:
        """E050 naming the store file and the reason (a full disk, a read-only file)."""
        return StoreError(tagged("E050", f"cannot write store {self.path}: {str(e).splitlines()[0]}"))

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database file, so readers do not replay it on every open."""
        if self.read_only:
            return
        try:
            self.con.execute("CHECKPOINT")
        except duckdb.Error as e:
            raise self._write_error(e) from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing

    def ingest(self, docs: Iterable[Document], events: Iterable[Event]) -> IngestResult:
        """Store documents with their events, in one transaction.

        Each document given replaces the stored one with the same id, and all of
        its stored events are replaced by the given events of that id (none, if
        none are given). Events of ids not among `docs` replace that id's events
        and keep its document row (one with no text is added when missing).
        A failure anywhere leaves the store as it was before the call.
        """
        return self._ingest(list(docs), list(events), ())

    def ingest_events(self, events: Iterable[Event], doc_ids: Iterable[str] = ()) -> IngestResult:
        """Store already-coded events in one transaction: each doc id among them (or in `doc_ids`) gets
        exactly these events; stored documents are kept, a row with no text is added for unknown ids."""
        return self._ingest([], list(events), doc_ids)

    def _ingest(self, docs: list[Document], events: list[Event], extra_ids: Iterable[str]) -> IngestResult:
        if self.read_only:
            raise StoreError(f"store {self.path} is open read-only")
        by_id = {d.id: d for d in docs}
        first: dict[str, Event] = {}
        for ev in events:  # the first of repeated event ids wins
            first.setdefault(ev.event_id, ev)
        evs = list(first.values())
        ids = set(by_id) | {ev.doc_id for ev in evs} | set(extra_ids)
        if not ids:
            return IngestResult()
        now = datetime.now(UTC).replace(tzinfo=None)
        doc_rows = [{"id": d.id, "published": d.published, "source": d.source, "title": d.title, "text": d.text,
                     "ingested_at": now} for d in by_id.values()]
        event_rows = [store_row(ev) for ev in evs]
        with self._lock:
            try:
                size_buffer(self.con, self.path, sum(len(d.text) for d in by_id.values()) + EVENT_BYTES * len(evs))
                self.con.execute("BEGIN")
                result = self._replace(sorted(ids), doc_rows, event_rows, now)
                self.con.execute("COMMIT")
            except BaseException as e:
                try:
                    self.con.execute("ROLLBACK")
                except duckdb.Error:  # a failed COMMIT has already ended the transaction
                    pass
                if isinstance(e, duckdb.Error):
                    raise self._write_error(e) from None
                raise
            finally:
                size_buffer(self.con, self.path, None)
                for name in ("_ew_ids", "_ew_docs", "_ew_events"):
                    try:
                        self.con.unregister(name)
                    except duckdb.Error:
                        pass
        self._codes = None
        log.info("ingested %d documents, %d events (%d replaced) into %s", result.documents, result.events,
                 result.replaced_events, self.path)
        return result

    def _replace(self, ids: list[str], doc_rows: list[dict[str, Any]], event_rows: list[dict[str, Any]],
                 now: datetime) -> IngestResult:
        import pyarrow as pa

        self.con.register("_ew_ids", pa.table({"id": pa.array(ids, pa.string())}))
        self.con.register("_ew_docs", _arrow_table(doc_rows, DOCUMENT_COLUMNS))
        self.con.register("_ew_events", _arrow_table(event_rows, EVENT_COLUMNS))
        self.con.execute("DELETE FROM documents WHERE id IN (SELECT id FROM _ew_docs)")
        self._insert_documents(now)
        replaced = self.con.execute(
            "SELECT count(*) FROM events WHERE doc_id IN (SELECT id FROM _ew_ids)").fetchone()[0]
        self.con.execute("DELETE FROM events WHERE doc_id IN (SELECT id FROM _ew_ids)")
        self._insert_events()
        return IngestResult(documents=len(doc_rows), events=len(event_rows), replaced_events=int(replaced))

    def _insert_documents(self, now: datetime) -> None:
        self.con.execute("INSERT INTO documents SELECT * FROM _ew_docs")
        # events whose document was never given: a row with the id only, so every event has its document
        self.con.execute(
            "INSERT INTO documents (id, ingested_at) SELECT id, ? FROM _ew_ids "
            "WHERE id NOT IN (SELECT id FROM documents)", [now])

    def _insert_events(self) -> None:
        self.con.execute(
            "INSERT INTO events SELECT e.* REPLACE (coalesce(e.day, d.published) AS day) "
            "FROM _ew_events e LEFT JOIN documents d ON d.id = e.doc_id")

    # -- small facts

    def counts(self) -> dict[str, int]:
        n_docs = self.con.execute("SELECT count(*) FROM documents").fetchone()[0]
        n_events = self.con.execute("SELECT count(*) FROM events").fetchone()[0]
        return {"documents": int(n_docs), "events": int(n_events)}

    def codes(self) -> set[str]:
        if self._codes is None:
            rows = self.con.execute(
                "SELECT source_code FROM events WHERE source_code IS NOT NULL "
                "UNION SELECT target_code FROM events WHERE target_code IS NOT NULL").fetchall()
            self._codes = {r[0] for r in rows}
        return self._codes

    def _code(self, value: Any, name: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise QueryError(f"{name}: expected an actor code such as USA, got {str(value)[:40]!r}")
        code = value.strip()
        if code in self.codes() or code in self.known_codes:
            return code
        if code.upper() in self.codes() or code.upper() in self.known_codes:
            return code.upper()
        raise QueryError(f"{name}: unknown actor code {code[:40]!r} (no event in the store has it, "
                         "and it is not a known actor)")

    # -- queries

    def _where(self, *, actors: Any = None, dyad: Any = None, dyads: Any = None, both_directions: bool = True,
               event_type: Any = None, quad_class: Any = None, modality: Any = None, start: Any = None,
               end: Any = None, text: Any = None, counted: Sequence[str] | None = None) -> tuple[str, list[Any]]:
        """The WHERE clause (with placeholders) and its parameters for the event filters.

        `dyads` is a list of (a, b) pairs, any of which matches; `counted` the
        modalities kept when `modality` is not given (None: all).
        """
        conds: list[str] = []
        params: list[Any] = []
        if dyads:
            if not isinstance(dyads, list | tuple) or not all(isinstance(d, list | tuple) and len(d) == 2
                                                              for d in dyads):
                raise QueryError("dyads: expected pairs of actor codes (the second may be None for 'against all')")
            parts = [self._dyad_cond(a, b, both_directions) for a, b in dyads]
            conds.append("(" + " OR ".join(c for c, _ in parts) + ")")
            params += [x for _, p in parts for x in p]
        if actors:
            codes = [self._code(a, "actors") for a in (actors if isinstance(actors, list | tuple) else [actors])]
            conds.append("(list_contains(?, source_code) OR list_contains(?, target_code))")
            params += [codes, codes]
        if dyad is not None:
            if not isinstance(dyad, list | tuple) or len(dyad) != 2:
                raise QueryError("dyad: expected two actor codes (the second may be None for 'against all')")
            cond, p = self._dyad_cond(dyad[0], dyad[1], both_directions)
            conds.append(cond)
            params += p
        for col, values in (("event_type", _choices(event_type, EVENT_TYPES, "event_type",
                                                    lambda v: v.strip().upper())),
                            ("quad_class", _choices(quad_class, (1, 2, 3, 4), "quad_class", _whole)),
                            ("modality", _modalities(modality, counted))):
            if values:
                conds.append(f"list_contains(?, {col})")
                params.append(values)
        s, e = _range(start, end)
        if s:
            conds.append("day >= ?")
            params.append(s)
        if e:
            conds.append("day <= ?")
            params.append(e)
        if text not in (None, ""):
            if not isinstance(text, str) or len(text) > MAX_TEXT_QUERY:
                raise QueryError(f"text: expected a string of at most {MAX_TEXT_QUERY} characters")
            conds.append("contains(lower(text), lower(?))")
            params.append(text)
        return (" AND ".join(conds) or "TRUE"), params

    def _dyad_cond(self, a: Any, b: Any, both_directions: bool) -> tuple[str, list[Any]]:
        a = self._code(a, "a")
        if b is None or b == "":
            if both_directions:
                return "(source_code = ? OR target_code = ?)", [a, a]
            return "source_code = ?", [a]
        b = self._code(b, "b")
        if both_directions:
            return "((source_code = ? AND target_code = ?) OR (source_code = ? AND target_code = ?))", [a, b, b, a]
        return "(source_code = ? AND target_code = ?)", [a, b]

    def events(self, actors: Any = None, dyad: Any = None, event_type: Any = None, quad_class: Any = None,
               modality: Any = None, start: Any = None, end: Any = None, text: Any = None, limit: Any = 100,
               offset: Any = 0, both_directions: bool = True, dyads: Any = None,
               columns: Sequence[str] | None = None) -> pd.DataFrame:
        """Events matching every filter given, newest first.

        `columns` defaults to LIST_COLUMNS; `ALL_COLUMNS` gives every stored
        column but the JSON record. `limit=None` returns every matching row.
        """
        where, params = self._where(actors=actors, dyad=dyad, dyads=dyads, both_directions=both_directions,
                                    event_type=event_type, quad_class=quad_class, modality=modality, start=start,
                                    end=end, text=text)
        off = _int(offset, "offset", 0, 2**62)
        page = "OFFSET ?" if limit is None else "LIMIT ? OFFSET ?"
        page_params = [off] if limit is None else [_int(limit, "limit", 1, MAX_LIMIT), off]
        wanted = list(columns or LIST_COLUMNS)
        unknown = [c for c in wanted if c not in _STORED and c not in _DERIVED]
        if unknown:
            raise QueryError(f"columns: unknown column(s) {', '.join(map(str, unknown))[:80]}")
        cols = ", ".join(f'"{c}"' if c in _STORED else f'{_DERIVED[c]} AS "{c}"' for c in wanted)
        df = self.con.execute(
            f"SELECT {cols} FROM events WHERE {where} "
            f"ORDER BY day DESC NULLS LAST, doc_id, sentence, event_id {page}", [*params, *page_params]).df()
        for col in _LIST_TYPED:
            if col in df.columns:  # DuckDB gives numpy arrays; a list column holds lists, as in `frames`
                df[col] = [[str(x) for x in v] if v is not None else [] for v in df[col]]
        return df

    def events_frame(self, **filters: Any) -> pd.DataFrame:
        """Every matching event with every column of io.codec.FRAME_COLUMNS; filters as in `events`."""
        return self.events(**filters, limit=None, columns=FRAME_COLUMNS_SQL)

    def count_events(self, actors: Any = None, dyad: Any = None, event_type: Any = None, quad_class: Any = None,
                     modality: Any = None, start: Any = None, end: Any = None, text: Any = None,
                     both_directions: bool = True, dyads: Any = None) -> int:
        """How many events `events()` would page through with the same filters."""
        where, params = self._where(actors=actors, dyad=dyad, dyads=dyads, both_directions=both_directions,
                                    event_type=event_type, quad_class=quad_class, modality=modality, start=start,
                                    end=end, text=text)
        return int(self.con.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()[0])

    def modality_counts(self, dyad: Any = None, **filters: Any) -> dict[str, int]:
        """Events per modality (every one of MODALITIES, zeros included) under the other filters."""
        filters.pop("modality", None)
        where, params = self._where(dyad=dyad, **filters)
        rows = dict(self.con.execute(f"SELECT modality, count(*) FROM events WHERE {where} GROUP BY 1",
                                     params).fetchall())
        return {m: int(rows.get(m, 0)) for m in MODALITIES}

    def dyad_series(self, a: str, b: str | None = None, freq: str = "month", both_directions: bool = True,
                    start: Any = None, end: Any = None, modality: Any = None, event_type: Any = None,
                    quad_class: Any = None, text: Any = None) -> pd.DataFrame:
        """GDELT-style counts per period: period, period_end, q1..q4, count, goldstein_mean, goldstein_sum.

        `b=None` means `a` against everyone. Asserted events only unless
        `modality` says otherwise. Every period between the first and last (or
        `start` and `end` when given) is present, with zeros when empty. Events
        without a date are left out, and so are events dated more coarsely
        than `freq` can place (a month-precision date in a weekly series);
        their number is `df.attrs["skipped_imprecise"]`. An actor known but
        with no events gives an empty series.
        """
        if freq not in FREQS:
            raise QueryError(f"freq: {str(freq)[:20]!r} is not one of {', '.join(FREQS)}")
        cond, params = self._dyad_cond(a, b, both_directions)
        where, wparams = self._where(start=start, end=end, modality=modality, event_type=event_type,
                                     quad_class=quad_class, text=text, counted=DEFAULT_COUNTED)
        placeable = list(_PLACEABLE[freq])
        precise = "coalesce(date_precision, 'day') IN (SELECT unnest(?))"
        skipped = int(self.con.execute(
            f"SELECT count(*) FROM events WHERE day IS NOT NULL AND {cond} AND {where} AND NOT ({precise})",
            [*params, *wparams, placeable]).fetchone()[0])
        s, e = _range(start, end)
        unit = freq
        df = self.con.execute(
            f"SELECT CAST(date_trunc('{unit}', day) AS DATE) AS period, "
            "count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2, "
            "count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4, "
            "count(*) AS count, avg(goldstein) AS goldstein_mean, sum(goldstein) AS goldstein_sum "
            f"FROM events WHERE day IS NOT NULL AND {cond} AND {where} AND {precise} GROUP BY 1 ORDER BY 1",
            [*params, *wparams, placeable]).df()
        out = self._fill_periods(df, freq, s, e)
        out.attrs["skipped_imprecise"] = skipped
        return out

    def _fill_periods(self, df: pd.DataFrame, freq: str, s: date | None, e: date | None) -> pd.DataFrame:
        """Counts per period with every period from the first (or `s`) to the last (or `e`), zeros when empty."""
        import pandas as pd

        columns = ["period", "period_end", "q1", "q2", "q3", "q4", "count", "goldstein_mean", "goldstein_sum"]
        lo = pd.Timestamp(s) if s else (df["period"].min() if len(df) else None)
        hi = pd.Timestamp(e) if e else (df["period"].max() if len(df) else None)
        if lo is None or hi is None:
            empty = pd.DataFrame({c: pd.Series(dtype="int64") for c in columns})
            return empty.astype({"period": "datetime64[us]", "period_end": "datetime64[us]",
                                 "goldstein_mean": "float64", "goldstein_sum": "float64"})
        first = pd.Timestamp(self.con.execute(f"SELECT CAST(date_trunc('{freq}', ?::DATE) AS DATE)",
                                              [lo.date()]).fetchone()[0])
        n_days = (hi - first).days
        if n_days / {"day": 1, "week": 7, "month": 28, "year": 365}[freq] > MAX_PERIODS:
            raise QueryError(f"range too long for freq={freq} (more than {MAX_PERIODS} periods); "
                             "choose a coarser freq or a shorter range")
        periods = pd.date_range(first, hi, freq=_PANDAS_FREQ[freq])
        df["period"] = pd.to_datetime(df["period"])
        out = df.set_index("period").reindex(periods).rename_axis("period").reset_index()
        for q in ("q1", "q2", "q3", "q4", "count"):
            out[q] = out[q].fillna(0).astype("int64")
        out["goldstein_sum"] = out["goldstein_sum"].fillna(0.0)
        nxt = {"day": pd.DateOffset(days=1), "week": pd.DateOffset(days=7), "month": pd.DateOffset(months=1),
               "year": pd.DateOffset(years=1)}[freq]
        out["period_end"] = out["period"] + nxt - pd.DateOffset(days=1)
        return out[columns]

    def network(self, start: Any = None, end: Any = None, min_count: Any = 1, modality: Any = None,
                max_edges: Any = 500, event_type: Any = None, quad_class: Any = None,
                text: Any = None) -> Network:
        """Who acts on whom: edges (source, target, count, goldstein_mean) and their nodes (code, count).

        Asserted events only unless `modality` says otherwise. Edges join two
        different codes, have at least `min_count` events, and are the
        `max_edges` largest; a node's count is all its (filtered) events in range.
        """
        where, params = self._where(start=start, end=end, modality=modality, event_type=event_type,
                                    quad_class=quad_class, text=text, counted=DEFAULT_COUNTED)
        mc, me = _int(min_count, "min_count", 1, 10**9), _int(max_edges, "max_edges", 1, 100_000)
        edges = self.con.execute(
            "SELECT source_code AS source, target_code AS target, count(*) AS count, "
            "avg(goldstein) AS goldstein_mean FROM events "
            f"WHERE source_code IS NOT NULL AND target_code IS NOT NULL AND source_code <> target_code AND {where} "
            "GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY count DESC, source, target LIMIT ?",
            [*params, mc, me]).df()
        codes = sorted(set(edges["source"]) | set(edges["target"]))
        nodes = self.con.execute(
            "SELECT code, count(*) AS count FROM ("
            f"  SELECT source_code AS code FROM events WHERE {where} AND source_code IS NOT NULL"
            f"  UNION ALL SELECT target_code FROM events WHERE {where} AND target_code IS NOT NULL"
            "   AND (source_code IS NULL OR target_code <> source_code)"
            ") WHERE list_contains(?, code) GROUP BY code ORDER BY count DESC, code",
            [*params, *params, codes]).df()
        return Network(nodes=nodes, edges=edges)

    def document(self, doc_id: Any) -> DocumentView:
        """One document with its events and their spans (trigger, source, target, sentence offsets)."""
        import pandas as pd

        if not isinstance(doc_id, str) or not doc_id:
            raise QueryError("doc_id: expected a document id")
        row = self.con.execute("SELECT * FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise NotFound(f"no document with id {doc_id[:80]!r}")
        doc = dict(zip([c for c, _ in DOCUMENT_COLUMNS], row, strict=True))
        for k in ("published", "ingested_at"):
            if doc[k] is not None:
                doc[k] = doc[k].isoformat()
        cols = ", ".join(f'"{c}"' for c in (*LIST_COLUMNS, *SPAN_COLUMNS))
        evs = self.con.execute(f"SELECT {cols} FROM events WHERE doc_id = ? ORDER BY sentence, trigger_start, "
                               "event_id", [doc_id]).df()
        spans = [_sentence_span(doc["text"], t, s) for t, s in zip(evs["text"], evs["trigger_start"], strict=True)]
        evs["sentence_start"] = pd.array([sp[0] if sp else None for sp in spans], dtype="Int64")
        evs["sentence_end"] = pd.array([sp[1] if sp else None for sp in spans], dtype="Int64")
        return DocumentView(document=doc, events=evs)

    def actors(self) -> pd.DataFrame:
        """Actor codes present, with their event counts (as source, as target, in all), most frequent first."""
        return self.con.execute(
            "SELECT code, count(*) AS count, count(*) FILTER (WHERE role = 's') AS as_source, "
            "count(*) FILTER (WHERE role = 't') AS as_target FROM ("
            "  SELECT source_code AS code, 's' AS role FROM events WHERE source_code IS NOT NULL"
            "  UNION ALL SELECT target_code, 't' FROM events WHERE target_code IS NOT NULL"
            "   AND (source_code IS NULL OR target_code <> source_code)"
            ") GROUP BY code ORDER BY count DESC, code").df()
