"""Coreference for actors: pronouns, bare titles and group references resolved within a document.

A `MentionHistory` records every resolved actor mention in reading order;
`resolve_reference` answers "he", "its", "they", "the president",
"the two leaders" from it. Rules, not a model: the nearest fitting
antecedent before the reference, the subject of a reporting verb for a
pronoun in its reported clause ("the party said IT would ..."), and the
document's main country where a bare title has no antecedent.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..actors.mentions import Resolved
from ..lang.en import syntax as sx
from ..lang.en import words
from ..pipeline.packs import Config, Knowledge, LanguagePack
from ..pipeline.registry import stage
from ..pipeline.state import DocState
from ..records import Actor

PERSON_PRONOUNS = words("person_pronouns")
THING_PRONOUNS = words("thing_pronouns")
GROUP_PRONOUNS = words("group_pronouns")
FIRST_PERSON = words("first_person_pronouns")
PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS | FIRST_PERSON
PAIR_HEADS = words("pair_heads")
PERSON_PAIR_HEADS = words("person_pair_heads")
PAIR_MARKS = words("pair_marks")
PERSON_POSSESSIVES = words("person_possessives")
PERSON_SECTOR_HEADS = words("person_sector_heads")
PAIR_CHARS = 40  # subjects this close to each other are one coordinated subject ("Kenya and Brazil")
LEAD_COUNT = 3  # a country named this often is the document's counterpart before it is named
RECENT_CHARS = 400  # a subject this near (about two sentences back) is the one a subject pronoun continues


@dataclass
class Mention:
    resolved: Resolved
    position: int  # character offset in the document
    plural: bool
    subject: bool = False  # the subject of its clause


@dataclass
class MentionHistory:
    mentions: list[Mention] = field(default_factory=list)
    states: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)  # the document's countries, counted before reading

    def add(self, r: Resolved, position: int, plural: bool, subject: bool = False) -> None:
        if r.actor.code is None:
            return
        self.mentions.append(Mention(r, position, plural, subject))
        if r.kind in ("state", "title", "person", "name", "modifier"):
            self.states[r.actor.code] += 1

    def main_country(self) -> str | None:
        if self.countries:
            return self.countries.most_common(1)[0][0]
        return self.states.most_common(1)[0][0] if self.states else None

    def other_country(self, code: str | None, min_count: int = 2, before: int | None = None) -> str | None:
        """The document's most named country other than `code` (the likely counterpart of an act); with `before`,
        only among those mentioned before that offset or named throughout (LEAD_COUNT times): a country the report
        comes to in passing later is no counterpart yet."""
        seen = None if before is None else {m.resolved.actor.code for m in self.mentions if m.position < before}
        for c, n in self.countries.most_common():
            if c != code and n >= min_count and (seen is None or c in seen or n >= LEAD_COUNT):
                return c
        return None

    def first_named(self, exclude: str | None = None) -> str | None:
        """The first state or body the document names, other than `exclude` (`countries` keeps the order of
        first mention)."""
        return next((c for c in self.countries if c != exclude), None)

    def before(self, position: int) -> list[Mention]:
        return [m for m in self.mentions if m.position < position]


def is_reference(tok: Token) -> bool:
    low = tok.lower_
    if tok.pos_ == "PRON" and low in PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS | FIRST_PERSON:
        return True
    return is_pair(tok)


def is_pair(tok: Token) -> bool:
    """ "the two leaders", "both sides", "the two countries" """
    if tok.lower_ not in PAIR_HEADS:
        return False
    return any(c.lower_ in PAIR_MARKS for c in tok.children)


def _person(m: Mention) -> bool:
    a = m.resolved.actor
    if m.resolved.kind == "sector":  # "the interior minister ... he said"; "ministers" are several
        return not m.plural and m.resolved.text.rsplit(None, 1)[-1].lower() in PERSON_SECTOR_HEADS
    return m.resolved.kind in ("person", "name") or (m.resolved.kind == "title" and a.name is not None)


def resolve_reference(tok: Token, offset: int, history: MentionHistory, speaker: Actor | None = None
                      ) -> list[Actor]:
    """The actor(s) a pronoun or group reference stands for; empty when unsure."""
    low = tok.lower_
    pos = offset + tok.idx
    prior = history.before(pos)
    if is_pair(tok):
        seen: list[Actor] = []
        want_person = low in PERSON_PAIR_HEADS
        for m in reversed(prior):
            if want_person and not _person(m):
                continue
            if not want_person and m.resolved.kind not in ("state", "igo", "title", "person", "name"):
                continue
            if all(a.code != m.resolved.actor.code for a in seen):
                seen.append(m.resolved.actor)
            if len(seen) == 2:
                return list(reversed(seen))
        return []
    if low in FIRST_PERSON:
        return [speaker] if speaker is not None else []
    if speaker is not None and low not in PERSON_PRONOUNS - PERSON_POSSESSIVES:
        # a pronoun in a reported clause refers to the one who reports: "X said it would ..."
        return [speaker]
    if sx.is_nominal_subject(tok, passive=True):
        if low in GROUP_PRONOUNS and (pair := _subject_pair(prior, pos)):
            return pair  # "Kenya and Brazil met on Monday. THEY agreed to meet again": both
        # a subject pronoun continues the latest subject it can stand for ("China warned Japan. It also ...")
        prior = sorted(prior, key=lambda m: (m.subject and pos - m.position < RECENT_CHARS, m.position))
    if low in PERSON_PRONOUNS:
        for m in reversed(prior):
            if _person(m):
                return [m.resolved.actor]
        return []
    if low in THING_PRONOUNS:
        for m in reversed(prior):
            if m.resolved.kind in ("state", "igo", "org", "sector", "modifier") and not m.plural:
                return [m.resolved.actor]
        return []
    if low in GROUP_PRONOUNS:
        for m in reversed(prior):
            if m.plural or m.resolved.kind in ("sector", "org"):
                return [m.resolved.actor]
        for m in reversed(prior):
            return [m.resolved.actor]
    return []


def _subject_pair(prior: list[Mention], pos: int) -> list[Actor]:
    """The coordinated subjects of the latest clause that had them ("KENYA AND BRAZIL met"): two or more actors
    named as subjects within a few words of each other, in a recent sentence; empty when the latest subject stood
    alone."""
    subjects = [m for m in prior if m.subject and pos - m.position < RECENT_CHARS and
                m.resolved.kind in ("state", "igo", "person", "title", "name")]
    if not subjects:
        return []
    group = [subjects[-1]]
    for m in reversed(subjects[:-1]):
        if group[-1].position - m.position > PAIR_CHARS:
            break
        group.append(m)
    actors: list[Actor] = []
    for m in reversed(group):
        if all(a.code != m.resolved.actor.code for a in actors):
            actors.append(m.resolved.actor)
    return actors if len(actors) >= 2 else []


def resolve_name(tok: Token, offset: int, history: MentionHistory) -> Resolved | None:
    """A person named again by part of their name ("Lee" after "President Lee Jae-myung" of South Korea):
    the latest earlier person whose name has that word, with the country and sector they were given."""
    if tok.pos_ != "PROPN" or len(tok.text) < 3 or not tok.text[:1].isupper():
        return None
    pos = offset + tok.idx
    for m in reversed(history.before(pos)):
        a = m.resolved.actor
        if not _person(m) or not a.name or a.code is None:
            continue
        if tok.text in a.name.replace("-", " ").split():
            start, end = tok.idx, tok.idx + len(tok.text)
            return Resolved(Actor(a.code, a.name, a.sector, a.office, a.entry), start, end, tok.text, "name")
    return None


def resolve_title(r: Resolved, offset: int, history: MentionHistory, holder, sentence: Span | None = None
                  ) -> Actor | None:
    """A bare title ("the president"): the last person with that office, else the main country's holder; not
    one its own `sentence` names beside it ("X met Macron. The president thanked MACRON")."""
    office = r.title
    lo, hi = (offset + sentence.start_char, offset + sentence.end_char) if sentence is not None else (0, -1)
    beside = {m.resolved.actor.name for m in history.mentions if lo <= m.position < hi and
              m.position != offset + r.start and _person(m)}
    holders = [m.resolved.actor for m in reversed(history.before(offset + r.start))
               if _person(m) and m.resolved.actor.office == office]
    if holders:  # one named beside it only when there is no other ("his meeting with the president, who ...")
        return next((a for a in holders if a.name not in beside), holders[0])
    country = history.main_country()
    if country is not None:
        h = holder(office, country)
        if h is not None:
            return h
    for m in reversed(history.before(offset + r.start)):
        if _person(m):
            return m.resolved.actor
    return None


@stage("references", scope="sentence", requires=("sentences", "history"), assigns=("history.mentions",))
class References:
    """Record every resolved noun-phrase head of the sentence, in reading order, into the document history.

    Requires: the sentence's resolver and the history. Assigns: the sentence's mentions to `history`
    (bare titles resolved through the earlier mentions), for pronouns and titles later on to refer to.
    """

    def __init__(self, lang: LanguagePack, knowledge: Knowledge, config: Config) -> None:
        self.kb = knowledge.actors

    def __call__(self, state: DocState) -> DocState:
        ss, history, published = state.current, state.history, state.document.published
        assert history is not None

        def holder(office: str, country: str) -> Actor | None:
            return self.kb.holder(office, country, published)

        for tok in ss.sent:
            if tok.pos_ not in ("NOUN", "PROPN") or sx.is_inner_modifier(tok):
                continue
            r = ss.resolver.resolve(tok)
            if r is None:
                r = resolve_name(tok, ss.offset, history)
            if r is None:
                continue
            if r.kind == "title" and r.actor.code is None:
                a = resolve_title(r, ss.offset, history, holder, ss.sent)
                if a is None:
                    continue
                r = Resolved(a, r.start, r.end, r.text, "title")
            subject = sx.is_nominal_subject(tok, passive=True) or (  # "Kenya and BRAZIL met": a subject too
                sx.is_conjunct(tok) and sx.is_nominal_subject(tok.head, passive=True))
            history.add(r, ss.offset + r.start, tok.tag_ in ("NNS", "NNPS"), subject)
        return state
