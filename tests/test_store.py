"""DuckDB store: idempotent ingest, all-or-nothing batches, and each query against known answers."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from eventwire.records import Document
from eventwire.store import NotFound, QueryError, Store, StoreError, to_records

from .storedata import DOCS, build_events


@pytest.fixture()
def store(tmp_path: Path):
    with Store.open(tmp_path / "s.duckdb") as s:
        s.ingest(DOCS, build_events())
        yield s


def test_ingest_twice_gives_same_counts(tmp_path: Path):
    with Store.open(tmp_path / "s.duckdb") as s:
        first = s.ingest(DOCS, build_events())
        before = s.counts()
        second = s.ingest(DOCS, build_events())
        assert s.counts() == before == {"documents": 5, "events": 8}
    assert (first.replaced_events, second.replaced_events) == (0, 8)
    # and across processes' worth of reopening
    with Store.open(tmp_path / "s.duckdb") as s:
        s.ingest(DOCS[:2], [e for e in build_events() if e.doc_id in ("doc-1", "doc-2")])
        assert s.counts() == {"documents": 5, "events": 8}


def test_reingest_replaces_a_documents_events(store: Store):
    evs = [e for e in build_events() if e.doc_id == "doc-1"][:1]
    store.ingest([replace(DOCS[0], title="Talks, updated")], evs)
    assert store.counts() == {"documents": 5, "events": 7}
    assert store.document("doc-1").document["title"] == "Talks, updated"
    # a document ingested again with no events has none left
    store.ingest([DOCS[0]], [])
    assert len(store.document("doc-1").events) == 0
    assert store.counts()["events"] == 6


def test_repeated_ids_within_a_batch_are_not_duplicated(tmp_path: Path):
    with Store.open(tmp_path / "s.duckdb") as s:
        s.ingest(DOCS + DOCS, build_events() + build_events())
        assert s.counts() == {"documents": 5, "events": 8}


def test_ingest_events_only_keeps_documents_and_adds_missing_rows(store: Store):
    evs = [e for e in build_events() if e.doc_id == "doc-2"]
    store.ingest_events(evs)
    assert store.document("doc-2").document["text"] == DOCS[1].text  # text kept
    stray = replace(evs[0], doc_id="doc-new")
    store.ingest_events([stray])
    view = store.document("doc-new")
    assert view.document["text"] is None and len(view.events) == 1
    assert store.counts() == {"documents": 6, "events": 9}


def test_failure_mid_batch_leaves_previous_state(store: Store, monkeypatch: pytest.MonkeyPatch):
    before = store.counts()
    before_rows = store.events(limit=100).to_dict("records")
    calls = []

    def boom(self) -> None:  # documents and old events are already deleted when this runs
        calls.append(1)
        raise RuntimeError("disk full")

    monkeypatch.setattr(Store, "_insert_events", boom)
    new_doc = Document("doc-9", "France and Kenya met.", None)
    with pytest.raises(RuntimeError, match="disk full"):
        store.ingest([replace(DOCS[0], title="changed"), new_doc], [])
    assert calls == [1]
    assert store.counts() == before
    assert store.events(limit=100).to_dict("records") == before_rows
    assert store.document("doc-1").document["title"] == "Talks in Tokyo"
    with pytest.raises(NotFound):
        store.document("doc-9")
    monkeypatch.undo()
    store.ingest([new_doc], [])  # the connection is still usable
    assert store.counts()["documents"] == 6


def test_failure_survives_reopen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "s.duckdb"
    with Store.open(path) as s:
        s.ingest(DOCS, build_events())
        monkeypatch.setattr(Store, "_insert_documents", lambda self, now: (_ for _ in ()).throw(OSError("io")))
        with pytest.raises(OSError):
            s.ingest(DOCS, [])
    monkeypatch.undo()
    with Store.open(path, read_only=True) as s:
        assert s.counts() == {"documents": 5, "events": 8}


def test_read_only_store_refuses_writes_and_missing_file(tmp_path: Path):
    with pytest.raises(StoreError, match="no store"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)
    with pytest.raises(StoreError, match="folder"):
        Store.open(tmp_path / "no" / "such" / "s.duckdb")
    path = tmp_path / "ro.duckdb"
    Store.open(path).close()
    with Store.open(path, read_only=True) as ro, pytest.raises(StoreError, match="read-only"):
        ro.ingest(DOCS, [])


def test_not_an_eventwire_store(tmp_path: Path):
    import duckdb

    p = tmp_path / "other.duckdb"
    con = duckdb.connect(str(p))
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not an eventwire store"):
        Store.open(p)


def test_events_record_column_round_trips(store: Store):
    from eventwire.records import Event

    rec = store.con.execute("SELECT record FROM events WHERE event_id = 'doc-1:1:0'").fetchone()[0]
    ev = Event.from_dict(json.loads(rec))
    want = next(e for e in build_events() if e.event_id == "doc-1:1:0")
    assert ev.to_dict() == want.to_dict()


# ---------------------------------------------------------------------------- queries


def test_dyad_series_by_month_both_directions(store: Store):
    rows = to_records(store.dyad_series("JPN", "CHN", freq="month", modality="all"))
    assert [(r["period"], r["period_end"], r["q1"], r["q2"], r["q3"], r["q4"], r["count"]) for r in rows] == [
        ("2025-01-01", "2025-01-31", 1, 0, 1, 0, 2),
        ("2025-02-01", "2025-02-28", 0, 0, 1, 0, 1),
        ("2025-03-01", "2025-03-31", 1, 0, 0, 0, 1),
    ]
    assert [r["goldstein_mean"] for r in rows] == pytest.approx([-0.5, -4.4, 1.0])
    assert [r["goldstein_sum"] for r in rows] == pytest.approx([-1.0, -4.4, 1.0])


def test_dyad_series_one_direction_and_against_all(store: Store):
    one_way = store.dyad_series("JPN", "CHN", freq="month", both_directions=False, modality="all")
    assert one_way["count"].tolist() == [1, 0, 1]  # Feb is present with zeros
    assert one_way["goldstein_mean"].isna().tolist() == [False, True, False]
    chn_all = store.dyad_series("CHN", None, freq="month", modality="all")
    assert chn_all["count"].sum() == 5
    assert chn_all[["q1", "q2", "q3", "q4"]].sum().tolist() == [2, 0, 2, 1]
    assert store.dyad_series("CHN", None, freq="month")[["q1", "q2", "q3", "q4"]].sum().tolist() == [1, 0, 1, 1]
    usa_all = store.dyad_series("USA", freq="month")
    assert usa_all["count"].tolist() == [2, 1] and usa_all["period"].dt.month.tolist() == [2, 3]


def test_dyad_series_weeks_days_and_range(store: Store):
    weeks = store.dyad_series("JPN", "CHN", freq="week", start="2025-01-06", end="2025-01-19")
    assert [str(p.date()) for p in weeks["period"]] == ["2025-01-06", "2025-01-13"]
    assert weeks["count"].tolist() == [2, 0]
    days = store.dyad_series("JPN", "CHN", freq="day", start="2025-02", modality="all")
    # the hypothetical on Feb 20; the planned visit dated only to March is skipped, not put on Mar 1
    assert days["count"].sum() == 1 and len(days) == 20 and days.attrs["skipped_imprecise"] == 1
    assert store.dyad_series("JPN", "CHN", start="2030-01-01").empty
    assert store.dyad_series("KEN", "CHN").empty  # a valid dyad with no events


def test_dyad_series_bad_parameters(store: Store):
    with pytest.raises(QueryError, match="unknown actor code 'XXX'"):
        store.dyad_series("XXX", "CHN")
    with pytest.raises(QueryError, match="unknown actor"):
        store.dyad_series("JPN", "ZZZ")
    with pytest.raises(QueryError, match="freq"):
        store.dyad_series("JPN", "CHN", freq="hour")
    with pytest.raises(QueryError, match="empty range"):
        store.dyad_series("JPN", "CHN", start="2025-03-01", end="2025-01-01")
    with pytest.raises(QueryError, match="YYYY-MM-DD"):
        store.dyad_series("JPN", "CHN", start="last week")
    with pytest.raises(QueryError, match="not a real date"):
        store.dyad_series("JPN", "CHN", start="2025-02-30")
    with pytest.raises(QueryError, match="too long"):
        store.dyad_series("JPN", "CHN", freq="day", start="1000-01-01", end="2900-01-01")
    assert issubclass(QueryError, ValueError)


def test_network(store: Store):
    net = store.network(modality="all")
    edges = {(r["source"], r["target"]): (r["count"], r["goldstein_mean"]) for r in to_records(net.edges)}
    assert edges.keys() == {("JPN", "CHN"), ("CHN", "JPN"), ("USA", "CHN"), ("USA", "JPN"), ("KEN", "FRA")}
    assert edges[("CHN", "JPN")][0] == 2 and edges[("CHN", "JPN")][1] == pytest.approx(-3.2)
    assert edges[("JPN", "CHN")] == (2, pytest.approx(1.0))
    nodes = dict(zip(net.nodes["code"], net.nodes["count"], strict=True))
    assert nodes == {"CHN": 5, "JPN": 5, "USA": 3, "KEN": 1, "FRA": 1}
    strong = store.network(min_count=2, modality="all")
    assert set(zip(strong.edges["source"], strong.edges["target"], strict=True)) == {("JPN", "CHN"), ("CHN", "JPN")}
    assert set(strong.nodes["code"]) == {"JPN", "CHN"}
    feb = store.network(start="2025-02-01", end="2025-02-28", modality="all")
    assert len(feb.edges) == 3 and dict(zip(feb.nodes["code"], feb.nodes["count"], strict=True))["USA"] == 2
    assert store.network(start="2031").edges.empty
    asserted = store.network()  # the default: asserted events only
    assert set(zip(asserted.edges["source"], asserted.edges["target"], asserted.edges["count"], strict=True)) == {
        ("JPN", "CHN", 1), ("CHN", "JPN", 1), ("USA", "CHN", 1), ("USA", "JPN", 1), ("KEN", "FRA", 1)}
    assert store.network(min_count=2).edges.empty
    filtered = store.network(event_type="ACCUSE", quad_class=3, text="criticised")
    assert filtered.edges[["source", "target"]].values.tolist() == [["KEN", "FRA"]]
    with pytest.raises(QueryError, match="min_count"):
        store.network(min_count=0)
    with pytest.raises(QueryError, match="min_count"):
        store.network(min_count="two")
    with pytest.raises(QueryError, match="empty range"):
        store.network(start="2025-02", end="2025-01")


def test_events_filters(store: Store):
    assert store.count_events() == 8
    df = store.events(dyad=("JPN", "CHN"))
    assert set(df["event_id"]) == {"doc-1:0:0", "doc-1:1:0", "doc-3:0:0", "doc-3:1:0"}
    assert df["day"].is_monotonic_decreasing
    assert set(store.events(dyad=("JPN", "CHN"), both_directions=False)["event_id"]) == {"doc-1:0:0", "doc-3:1:0"}
    assert len(store.events(dyad=("USA", None))) == 3
    assert len(store.events(actors=["KEN", "USA"])) == 4
    assert len(store.events(actors="usa")) == 3  # codes are matched case-insensitively
    assert store.events(event_type="consult")["event_id"].tolist() == ["doc-3:1:0", "doc-1:0:0"]
    assert len(store.events(event_type=["ACCUSE", "AID"])) == 3
    assert len(store.events(quad_class=3)) == 3 and len(store.events(quad_class=[1, 2])) == 3
    assert store.events(modality="hypothetical")["event_id"].tolist() == ["doc-3:0:0"]
    assert len(store.events(start="2025-02", end="2025-02")) == 3
    assert store.events(start="2025-03-20")["event_id"].tolist() == ["doc-5:0:0"]  # dated by its document
    assert store.events(text="SANCTIONS")["event_id"].tolist() == ["doc-2:0:0"]
    page = store.events(limit=3, offset=6)
    assert len(page) == 2
    assert store.count_events(dyad=("JPN", "CHN"), modality=["planned", "hypothetical"]) == 2


@pytest.mark.parametrize("kwargs, message", [
    ({"actors": ["NOPE"]}, "unknown actor"),
    ({"actors": [""]}, "actor code"),
    ({"dyad": ("JPN",)}, "two actor codes"),
    ({"event_type": "DANCE"}, "event_type"),
    ({"quad_class": 5}, "quad_class"),
    ({"quad_class": "x"}, "quad_class"),
    ({"quad_class": 1.5}, "quad_class"),
    ({"modality": "maybe"}, "modality"),
    ({"start": "2025-13-01"}, "start"),
    ({"end": 20250101}, "end"),
    ({"limit": 0}, "limit"),
    ({"limit": 10**6}, "limit"),
    ({"offset": -1}, "offset"),
    ({"text": "x" * 201}, "text"),
])
def test_events_bad_parameters(store: Store, kwargs: dict, message: str):
    with pytest.raises(QueryError, match=message):
        store.events(**kwargs)


def test_sql_fragments_are_values(store: Store):
    assert store.events(text="' OR 1=1 --").empty
    assert store.events(text="%").empty  # no LIKE wildcards either
    with pytest.raises(QueryError, match="unknown actor"):
        store.events(actors=["USA' OR '1'='1"])
    with pytest.raises(NotFound):
        store.document("doc-1' OR '1'='1")
    assert store.counts() == {"documents": 5, "events": 8}


def test_document_with_spans(store: Store):
    view = store.document("doc-1")
    assert view.document["published"] == "2025-01-10" and view.document["title"] == "Talks in Tokyo"
    text = view.document["text"]
    rows = to_records(view.events)
    assert [r["event_id"] for r in rows] == ["doc-1:0:0", "doc-1:1:0"]
    for r in rows:
        assert text[r["trigger_start"]:r["trigger_end"]] == r["trigger_text"]
        assert text[r["source_start"]:r["source_end"]] == r["source_text"]
        assert text[r["target_start"]:r["target_end"]] == r["target_text"]
        assert text[r["sentence_start"]:r["sentence_end"]] == r["text"]
    assert rows[1]["text"] == "Later, China accused Japan of provocations."
    no_target = to_records(store.document("doc-5").events)[0]
    assert no_target["target_code"] is None and no_target["target_start"] is None
    with pytest.raises(NotFound, match="no document"):
        store.document("doc-404")


def test_actors(store: Store):
    rows = to_records(store.actors())
    assert [(r["code"], r["count"]) for r in rows] == [("CHN", 5), ("JPN", 5), ("USA", 3), ("FRA", 1), ("KEN", 1)]
    usa = next(r for r in rows if r["code"] == "USA")
    assert (usa["as_source"], usa["as_target"]) == (3, 0)


def test_empty_store_queries(tmp_path: Path):
    with Store.open(tmp_path / "e.duckdb") as s:
        assert s.actors().empty and s.network().edges.empty and s.count_events() == 0
        with pytest.raises(QueryError, match="unknown actor"):
            s.dyad_series("USA")


# ---------------------------------------------------------------------------- modality-honest counts


def test_aggregates_count_asserted_events_unless_asked(store: Store):
    jan_to_mar = store.dyad_series("JPN", "CHN", freq="month")
    assert jan_to_mar[["q1", "q3", "count"]].values.tolist() == [[1, 1, 2]]  # Feb and Mar hold no asserted event
    planned = store.dyad_series("JPN", "CHN", freq="month", modality="planned")
    assert planned[["period", "q1", "count"]].astype(str).values.tolist() == [["2025-03-01", "1", "1"]]
    both = store.dyad_series("JPN", "CHN", freq="month", modality=["planned", "hypothetical"])
    assert both["count"].tolist() == [1, 1] and both["q3"].tolist() == [1, 0]
    assert store.modality_counts(dyad=("JPN", "CHN")) == {"asserted": 2, "planned": 1, "negated": 0,
                                                            "hypothetical": 1}
    assert store.count_events(dyad=("JPN", "CHN")) == 4  # lists hold every modality, each row named
    with pytest.raises(QueryError, match="modality: 'likely'"):
        store.dyad_series("JPN", "CHN", modality=["planned", "likely"])


def test_series_filters_by_type_quad_and_text(store: Store):
    assert store.dyad_series("CHN", modality="all", event_type="THREATEN")["count"].tolist() == [1]
    assert store.dyad_series("CHN", modality="all", quad_class=[4])["count"].tolist() == [1]
    assert store.dyad_series("CHN", modality="all", text="provocations")["count"].tolist() == [1]
    with pytest.raises(QueryError, match="event_type"):
        store.dyad_series("CHN", event_type="DANCE")


def test_coarse_dates_are_counted_in_their_period_only(tmp_path: Path):
    from .storedata import event

    year_only = event("doc-2", "offered aid", "AID", ("USA", "Washington"), ("JPN", "Japan"), 7.4, "2025",
                      precision="year")
    month_only = event("doc-2", "imposed sanctions", "SANCTION", ("USA", "The United States"), ("JPN", "Japan"),
                       -4.0, "2025-06", precision="month")
    with Store.open(tmp_path / "c.duckdb") as s:
        s.ingest([DOCS[1]], [year_only, month_only])
        yearly = s.dyad_series("USA", "JPN", freq="year")
        assert yearly["count"].tolist() == [2] and yearly.attrs["skipped_imprecise"] == 0
        monthly = s.dyad_series("USA", "JPN", freq="month")
        assert to_records(monthly)[0]["period"] == "2025-06-01" and monthly["count"].tolist() == [1]
        assert monthly.attrs["skipped_imprecise"] == 1  # the year-only date is not put in January
        weekly = s.dyad_series("USA", "JPN", freq="week")
        assert weekly.empty and weekly.attrs["skipped_imprecise"] == 2


def test_known_actor_without_events_gives_an_empty_series(store: Store):
    with pytest.raises(QueryError, match="unknown actor code 'KOR'"):
        store.dyad_series("USA", "KOR")
    store.known_codes = frozenset({"KOR"})
    empty = store.dyad_series("usa", "kor")
    assert empty.empty and list(empty.columns)[:3] == ["period", "period_end", "q1"]
    assert store.dyad_series("KOR", start="2025-01", end="2025-02")["count"].tolist() == [0, 0]


def test_several_dyads_at_once(store: Store):
    ids = set(store.events(dyads=[("USA", "CHN"), ("USA", "JPN")])["event_id"])
    assert ids == {"doc-2:0:0", "doc-2:1:0"}
    assert store.count_events(dyads=[("KEN", None), ("USA", "CHN")]) == 2
    with pytest.raises(QueryError, match="dyads"):
        store.events(dyads=["USA"])


def test_all_rows_and_all_columns(store: Store):
    assert len(store.events(limit=None)) == 8
    assert len(store.events(limit=None, offset=6)) == 2
    frame = store.events_frame()
    assert len(frame) == 8
    assert {"location_lat", "location_lon", "topics", "mode", "trigger_start", "attributed_to_code",
            "source_sector"} <= set(frame.columns) and "record" not in frame.columns
    assert store.events_frame(modality="planned")["event_id"].tolist() == ["doc-3:1:0"]
    with pytest.raises(QueryError, match="columns"):
        store.events(columns=["nope"])


# -- memory of a long ingest


def test_a_written_store_keeps_row_groups_small(tmp_path: Path):
    from eventwire.storefile import ROW_GROUP_ROWS

    docs = [Document(f"d-{i}", "A short text.", None, None, None) for i in range(ROW_GROUP_ROWS + 1)]
    with Store.open(tmp_path / "s.duckdb") as s:
        s.ingest(docs, [])
        s.checkpoint()
    with Store.open(tmp_path / "s.duckdb", read_only=True) as s:
        groups = s.con.execute("SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('documents')").fetchone()
    # DuckDB's default row group (122,880 rows) would hold them all: each checkpoint would rewrite it whole
    assert groups == (2,)


class _Watched(Store):
    """A store that notes DuckDB's memory limit while each batch is written."""

    limits: list[str]

    def _replace(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.limits.append(self.con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0])
        return super()._replace(*args, **kwargs)


def test_each_batch_is_written_under_a_buffer_limit_sized_to_it(tmp_path: Path):
    from eventwire.storefile import BUFFER_FLOOR, EVENT_BYTES

    with _Watched.open(tmp_path / "s.duckdb") as s:
        s.limits = []
        default = s.con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
        s.ingest(DOCS, build_events())
        big = [Document("big", "word " * 20_000_000, None, None, None)]  # 100 MB of text, above the floor
        s.ingest(big, [])
        after = s.con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
        assert s.counts() == {"documents": 6, "events": 8}
        assert s.document("big").document["text"].startswith("word word")
    small = (BUFFER_FLOOR + 2 * (sum(len(d.text) for d in DOCS) + EVENT_BYTES * 8)) >> 20
    large = (BUFFER_FLOOR + 2 * 100_000_000) >> 20
    assert s.limits == [f"{small}.0 MiB", f"{large}.0 MiB"]
    assert after == default  # between batches, queries have DuckDB's default
