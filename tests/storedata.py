"""Hand-built documents and events with known answers, shared by the store, web API and dashboard tests.

Known answers (all events dated, month buckets Jan..Mar 2025):

    JPN <-> CHN (both directions): Jan q1=1 q3=1 (goldstein 1.0, -2.0); Feb q3=1 (-4.4); Mar q1=1 (1.0)
    JPN -> CHN only: e1 (Jan, CONSULT), e6 (Mar, CONSULT planned)
    CHN against all: 5 events; USA against all: 3 (one without a target)
    edges: JPN->CHN 2 (mean 1.0), CHN->JPN 2 (mean -3.2), USA->CHN 1, USA->JPN 1, KEN->FRA 1
    actors: CHN 5, JPN 5, USA 3, FRA 1, KEN 1

    (counts over every modality; asserted only, as aggregates count by default: JPN <-> CHN Jan q1=1 q3=1,
    nothing in Feb (hypothetical THREATEN) or Mar (planned CONSULT, dated to the month only))
"""

from __future__ import annotations

from datetime import date

from eventwire.records import Actor, ActorMention, Document, Event, Span

XSS_TEXT = ('Kenya <script>window.__pwned=1</script> criticised France on Saturday. '
            'Visit javascript:alert(1) or <img src=x onerror="window.__pwned=3"> for more.')
XSS_TITLE = '<img src=x onerror="window.__pwned=2">Kenya and France'

DOCS = [
    Document("doc-1", "Japan and China held talks in Tokyo on Friday. Later, China accused Japan of provocations.",
             date(2025, 1, 10), "Example Daily", "Talks in Tokyo"),
    Document("doc-2", "The United States imposed sanctions on China. Washington also offered aid to Japan.",
             date(2025, 2, 3), "Example Wire", "Sanctions and aid"),
    Document("doc-3", "China may threaten Japan, analysts said. Japan plans to visit China in March.",
             date(2025, 2, 20), "Example Daily", "Warnings"),
    Document("doc-4", XSS_TEXT, date(2025, 3, 15), "Example <b>Bold</b> Post", XSS_TITLE),
    Document("doc-5", "Protesters in the United States marched on Sunday.", date(2025, 3, 20), None, None),
]
BY_ID = {d.id: d for d in DOCS}

QUAD = {"CONSULT": 1, "AID": 2, "ACCUSE": 3, "THREATEN": 3, "SANCTION": 4, "PROTEST": 4}


def _sentence_of(text: str, at: int) -> tuple[int, str]:
    """(index, text) of the sentence (split on '. ') holding offset `at`."""
    start = 0
    for i, part in enumerate(text.split(". ")):
        end = start + len(part) + 1
        if at < end:
            return i, text[start:end].strip()
        start = end + 1
    raise ValueError(at)


def mention(doc: Document, surface: str, code: str, after: int = 0, sector: str = "GOV") -> ActorMention:
    i = doc.text.index(surface, after)
    return ActorMention(surface, i, i + len(surface), Actor(code=code, name=surface, sector=sector))


def event(doc_id: str, trigger: str, event_type: str, source: tuple[str, str], target: tuple[str, str] | None,
          goldstein: float, when: str | None, modality: str = "asserted", confidence: float = 0.7,
          after: int = 0, precision: str = "day") -> Event:
    doc = BY_ID[doc_id]
    t = doc.text.index(trigger, after)
    sentence, stext = _sentence_of(doc.text, t)
    src = mention(doc, source[1], source[0], after)
    tgt = mention(doc, target[1], target[0], t) if target else None
    return Event(doc_id=doc_id, sentence=sentence, text=stext, trigger=Span(trigger, t, t + len(trigger)),
                 event_type=event_type, source=src, target=tgt, goldstein=goldstein, quad_class=QUAD[event_type],
                 modality=modality, date=when, date_precision=precision if when else None, confidence=confidence)


def build_events() -> list[Event]:
    second = BY_ID["doc-1"].text.index("Later")
    return [
        event("doc-1", "held talks", "CONSULT", ("JPN", "Japan"), ("CHN", "China"), 1.0, "2025-01-10",
              confidence=0.8),
        event("doc-1", "accused", "ACCUSE", ("CHN", "China"), ("JPN", "Japan"), -2.0, "2025-01-10", after=second),
        event("doc-2", "imposed sanctions", "SANCTION", ("USA", "The United States"), ("CHN", "China"), -4.0,
              "2025-02-03", confidence=0.9),
        event("doc-2", "offered aid", "AID", ("USA", "Washington"), ("JPN", "Japan"), 7.4, "2025-02-03",
              confidence=0.6),
        event("doc-3", "threaten", "THREATEN", ("CHN", "China"), ("JPN", "Japan"), -4.4, "2025-02-20",
              modality="hypothetical", confidence=0.5),
        event("doc-3", "visit", "CONSULT", ("JPN", "Japan"), ("CHN", "China"), 1.0, "2025-03",
              modality="planned", confidence=0.6, after=BY_ID["doc-3"].text.index("Japan plans"),
              precision="month"),
        event("doc-4", "criticised", "ACCUSE", ("KEN", "Kenya"), ("FRA", "France"), -2.0, "2025-03-15"),
        event("doc-5", "marched", "PROTEST", ("USA", "United States"), None, -6.5, None, confidence=0.55),
    ]


def build_store(path) -> None:
    """A store file with DOCS and build_events()."""
    from eventwire.store import Store

    with Store.open(path) as store:
        store.ingest(DOCS, build_events())
