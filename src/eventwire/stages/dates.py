"""Dates stage: the date and precision of each event, from the time expression of its own clause.

Requires: the sentence's events (with modality) and `DocState.last_date`. Assigns: `Event.date`,
`Event.date_precision`, `Candidate.when` and `Candidate.date_span`; moves `DocState.last_date` to the
last day the sentence states or counts from the anchor (in a sentence with no event too), for "the
following day" in the next one; a sentence that looks back from the anchor ("hours earlier") leaves it.
The search itself is `eventwire.dates`.
"""

from __future__ import annotations

from datetime import date

from ..dates import DateResult, event_date, looks_back, sentence_anchor
from ..pipeline.packs import Config, Knowledge, LanguagePack
from ..pipeline.registry import stage
from ..pipeline.state import DocState, SentState
from ..records import Span as TextSpan

# the result for an expression that counts past the ends of the calendar ("next year" from 9999-12-31)
BEYOND_CALENDAR = DateResult(None, None, basis="beyond the calendar")


@stage("dates", scope="sentence", requires=("candidate.event", "last_date"),
       assigns=("event.date", "event.date_precision", "candidate.when", "last_date"))
class Dates:
    """Date each event of the sentence, then move the anchor for the sentences after it."""

    def __init__(self, lang: LanguagePack, knowledge: Knowledge, config: Config) -> None:
        pass

    def __call__(self, state: DocState) -> DocState:
        ss, doc = state.current, state.document
        last_date = state.last_date
        for c in ss.candidates:
            ev = c.event
            assert ev is not None
            try:
                when = event_date(ss.sent, c.trigger.head, doc.published, future=c.modality == "planned",
                                  anchor=last_date, done=c.modality in ("asserted", "negated"))
            except (ValueError, OverflowError):  # counted past year 1 or 9999: no date, not a lost document
                when = BEYOND_CALENDAR
            c.when = when
            ev.date, ev.date_precision = when.date, when.precision
            c.date_span = TextSpan(doc.text[ss.offset + when.start:ss.offset + when.end],
                                   ss.offset + when.start, ss.offset + when.end) \
                if when.start is not None and when.end is not None else None
        state.last_date = _next_anchor(ss, doc.published, last_date)
        return state


def _next_anchor(ss: SentState, published: date | None, anchor: date | None) -> date | None:
    """What "the following day" in a later sentence counts from: the last day this sentence's events took
    from its own words (stated or counted), else the last past day the sentence names, else the anchor."""
    day: date | None = None
    for c in ss.candidates:
        ev = c.event
        if ev is not None and ev.date and ev.date_precision == "day" and c.when is not None \
                and c.when.basis in ("expression", "anchor") and c.when.start is not None:
            try:
                day = date.fromisoformat(ev.date)
            except ValueError:
                pass
    if day is None:
        try:
            day = sentence_anchor(ss.sent, published, anchor)
        except (ValueError, OverflowError):  # beyond the calendar: keep the anchor there is
            day = None
    if day is not None and anchor is not None and day < anchor and looks_back(ss.sent):
        return anchor  # "Hours earlier, ...": a look back from where the story is, which stays there
    return day or anchor
