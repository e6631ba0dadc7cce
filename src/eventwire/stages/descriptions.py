"""Noun phrases that stand for an actor named elsewhere (a part of the arguments stage).

"The bloc", "the court", "the North", "the country" stand for a body or a state the document named before;
"his government" for the country of the one "his" refers to; a town the actor base lacks for its country
(through the gazetteer); a sector word named with no country ("troops") for the document's country; a warship
("HMS Diamond") for its navy's state; "French and German officials" for one actor per state.
`Descriptions` is mixed into the arguments stage's sentence finder, whose state (`ex`, `doc`, `sent`,
`offset`, `history`) it reads; the head words are lists of lang/en/words.yaml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.tokens import Span, Token

from ..knowledge.gazetteer import shipped_gazetteer
from ..lang.en import syntax as sx
from ..lang.en import words
from ..nlp import sentence_entities
from ..pipeline.state import Arg
from ..records import Actor, Document
from . import references as coref
from .references import Resolved

if TYPE_CHECKING:
    from .references import MentionHistory

PLACE_LABELS = {"GPE", "LOC"}  # entity labels of places a country can be read from
BODY_HEADS_NAMED = words("body_heads_named")
BODY_HEADS_ANY = words("body_heads_any")
STATE_HEADS_NAMED = words("state_heads_named")
STATE_HEADS_ANY = words("state_heads_any")
# "the rebels", "the police", "the protesters" (not "the army": with no country named, a report's own state's)
DESCRIBED_SECTORS = {"REB", "COP", "CVL"}
HOME_SECTORS = {"POL", "LEG", "JUD"}  # opposition, parliament, courts: they act on their own state first
CROWD_COUNTS = words("crowd_counts")
SHIP_PREFIXES = dict(w.split() for w in words("ship_prefixes"))  # "USS" -> "USA"


class Descriptions:
    """Actors that a sentence's noun phrases describe rather than name."""

    ex: Any
    doc: Document
    sent: Span
    offset: int
    history: MentionHistory
    resolver: Any

    def _place(self, tok: Token) -> Resolved | None:
        """A place the actor base does not know ("a hotel in KRAMATORSK"): its country, from the gazetteer, when
        the document names that country."""
        ent = next((e for e in sentence_entities(self.sent) if e.start <= tok.i < e.end), None)
        if ent is None:
            return None
        place = (self.ex.gazetteer or shipped_gazetteer()).lookup(ent.text, prefer_city=True)
        if place is None or not place.country or place.country not in self.history.countries:
            return None  # only a place in a country the document names: small towns share names worldwide
        return Resolved(Actor(place.country, None, "GOV"), ent.start_char, ent.end_char, ent.text, "place")

    def _warship(self, tok: Token) -> Resolved | None:
        """A warship named with its navy's prefix ("the carrier USS Nimitz", "HMS Diamond"): that state's
        military."""
        for t in (tok, *(c for c in tok.children if sx.is_apposition(c))):
            for c in (t, *sx.compounds(t)):
                code = SHIP_PREFIXES.get(c.text)
                if code is not None:
                    return Resolved(Actor(code, None, "MIL"), c.idx, t.idx + len(t.text), self.sent.doc.text[
                        c.idx:t.idx + len(t.text)], "name")
        return None

    def _coordinated_modifiers(self, tok: Token, own: list[Arg]) -> list[Arg]:
        """ "French and German officials", "the leaders of France and Germany": one actor per coordinated modifier, in
        the head's sector."""
        if len(own) != 1 or not own[0].direct:
            return []
        first = own[0]
        out: list[Arg] = []
        seen = {first.actor.code}
        mods = [m for m in sx.modifiers(tok) if m.i < tok.i]
        mods += [g for m in mods for g in sx.modifiers(m) if g.i < m.i] + sx.prep_objects(tok, ("of",))  # "OF X and Y"
        for m in mods:
            for c in m.conjuncts:
                hit = self.resolver.entry_at(c.i)
                if hit is None or hit[0].kind not in ("state", "igo", "region"):
                    continue
                code = hit[0].actor(self.doc.published).code
                if code is None or code in seen:
                    continue
                seen.add(code)
                a = first.actor
                out.append(Arg(Actor(code, None, a.sector, a.office, None), first.text, first.start, first.end))
        return out

    def _crowd(self, tok: Token) -> Resolved | None:
        """A bare count of people ("THOUSANDS protested", "HUNDREDS marched"): civilians, whose country the caller
        places; a count of something named ("thousands OF TROOPS") is that thing, not a crowd."""
        if tok.lower_ not in CROWD_COUNTS or sx.prep_objects(tok, ("of",)):
            return None
        return Resolved(Actor(None, None, "CVL"), tok.idx, tok.idx + len(tok.text), tok.text, "sector")

    def _definite_state(self, tok: Token) -> Actor | None:
        """A definite description of a state named in an earlier sentence: "the North" (a state whose name
        holds the word), "the country" (the state last named). None when the phrase names its own ("the Kenyan
        nation") or describes one ("the Nordic country")."""
        if tok.pos_ not in ("NOUN", "PROPN") or not sx.has_determiner(tok, "the") or sx.names_its_owner(tok):
            return None
        if any(c.pos_ in ("ADJ", "PROPN", "NOUN") for c in tok.children if c.i < tok.i):
            return None  # "the Nordic country", "the oil nation": described, not referred to
        lemma = tok.lower_
        named = lemma in STATE_HEADS_NAMED
        if not named and lemma not in STATE_HEADS_ANY:
            return None
        # named in an earlier sentence, not in its own clause
        return self._named_before(self.offset + self.sent.start_char, "state", lemma if named else None)

    def _definite_body(self, tok: Token) -> Actor | None:
        """A definite description of a body named earlier: "the bloc" (any), "the court" (one whose name says
        court). None when the phrase names its own country or body ("the Kenyan court", "the EU court")."""
        if tok.pos_ != "NOUN":
            return None
        lemma = tok.lemma_.lower()
        named = lemma in BODY_HEADS_NAMED
        if not named and lemma not in BODY_HEADS_ANY:
            return None
        if not sx.has_determiner(tok, "the"):
            return None
        if sx.names_its_owner(tok):
            return None
        return self._named_before(self.offset + tok.idx, "igo", lemma if named else None)

    def _named_before(self, position: int, kind: str, word: str | None) -> Actor | None:
        """The latest actor of `kind` named before `position`; with `word`, one whose name (or the text it was
        named by) holds that word."""
        for m in reversed(self.history.before(position)):
            if m.resolved.kind != kind or not m.resolved.actor.code:
                continue
            entry = self.ex.kb.country(m.resolved.actor.code)
            name = " ".join(x for x in (entry.name if entry else None, m.resolved.text) if x).lower()
            if word is None or word in name.split():
                return m.resolved.actor
        return None

    def _pronoun_owner(self, tok: Token, speaker: Actor | None) -> str | None:
        """ "his government", "its army": the country of the one the possessive pronoun refers to."""
        for c in sx.possessors(tok):
            if coref.is_reference(c):
                for a in coref.resolve_reference(c, self.offset, self.history, speaker):
                    if a.code:
                        return a.code
        return None

    def _unstated_country(self, r: Resolved, tok: Token, speaker: Actor | None) -> Resolved:
        """A sector word or an unknown name with no country of its own ("troops", "President Halvorsen"): the
        country of the one a possessive pronoun refers to, else the document's ("inferred"). A name given a
        title takes only the one country its sentence names: were it the document's leader, the base would know
        the name. Unchanged when there is none."""
        owner = self._pronoun_owner(tok, speaker)
        titled = r.kind == "name" and r.title is not None
        if owner is None and r.actor.sector in HOME_SECTORS:
            owner = self._object_country(tok)  # "opposition leaders accused PRESIDENT X": X's own opposition
        if owner is None and r.kind == "sector":
            owner = self._sector_named_before(tok, r.actor.sector)  # "Brazilian rebels ... THE REBELS"
        fallback = owner or (self._sentence_country() if titled else self._fallback_country())
        if not fallback:
            return r
        a = r.actor
        return Resolved(Actor(fallback, a.name, a.sector, a.office, a.entry), r.start, r.end, r.text,
                        "owned" if owner else "inferred")

    def _sector_named_before(self, tok: Token, sector: str | None) -> str | None:
        """The country of the latest actor of this sector named in an earlier sentence, for a definite sector word
        ("Brazilian rebels attacked ... THE REBELS said"): a description of the ones named before. Not for a
        government's own words, nor for its army, which the document's country answers ("the ministry")."""
        if sector is None or sector not in DESCRIBED_SECTORS or not sx.has_determiner(tok, "the"):
            return None
        for m in reversed(self.history.before(self.offset + self.sent.start_char)):
            if m.resolved.actor.sector == sector and m.resolved.actor.code:
                return m.resolved.actor.code
        return None

    def _object_country(self, tok: Token) -> str | None:
        """The country of the state, leader or official that the verb `tok` is the subject of acts on, if one."""
        if not sx.is_nominal_subject(tok):
            return None
        for o in sx.direct_objects(tok.head):
            r = self.resolver.resolve(o) or coref.resolve_name(o, self.offset, self.history)
            if r is not None and r.actor.code and r.kind in ("state", "person", "title", "name"):
                return r.actor.code
        return None

    def _sentence_country(self) -> str | None:
        """The one state the sentence names (by name, adjective or seat), or None when it names none or several."""
        codes: set[str] = set()
        for t in self.sent:
            hit = self.resolver.entry_at(t.i)
            if hit is not None and hit[0].kind == "state":
                code = hit[0].actor(self.doc.published).code
                if code:
                    codes.add(code)
        return codes.pop() if len(codes) == 1 else None

    def _fallback_country(self) -> str | None:
        """The country of a sector word named without one: the document's, else a place in the sentence."""
        if self.history.main_country():
            return self.history.main_country()
        for ent in sentence_entities(self.sent):
            if ent.label_ in ("GPE", "LOC", "FAC"):
                for t in self.ex.kb.lookup(ent.text):
                    e = self.ex.kb.entry(t.entry_id)
                    if e.kind == "state" and e.code:
                        return e.code
        return None
