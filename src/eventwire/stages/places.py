"""Places stage: where each event happened, from the place names of its clause.

Requires: the sentence's events. Assigns: `Event.location` (name, country, coordinates and
document offsets). The search itself is `eventwire.places`.
"""

from __future__ import annotations

from ..pipeline.packs import Config, Knowledge, LanguagePack
from ..pipeline.registry import stage
from ..pipeline.state import DocState
from ..places import event_location
from ..records import Location


@stage("places", scope="sentence", requires=("candidate.event",), assigns=("event.location",))
class Places:
    """Locate each event of the sentence with the actor base and the gazetteer."""

    def __init__(self, lang: LanguagePack, knowledge: Knowledge, config: Config) -> None:
        self.kb = knowledge.actors
        self.gazetteer = knowledge.gazetteer

    def __call__(self, state: DocState) -> DocState:
        ss = state.current
        for c in ss.candidates:
            ev = c.event
            assert ev is not None
            place = event_location(ss.sent, c.trigger.head, self.kb, self.gazetteer)
            if place is not None and place.start is not None:
                place = Location(place.text, place.country, place.lat, place.lon, place.start + ss.offset,
                                 (place.end or 0) + ss.offset)
            ev.location = place or Location()
        return state
