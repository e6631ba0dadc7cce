"""Actor mentions: find knowledge-base terms in a parsed sentence and resolve noun phrases to actors.

Two steps:

* `TermMatcher.matches(doc)` runs spaCy phrase matchers built from the
  knowledge base's terms (case-insensitive, acronyms exact) and keeps the
  longest match at each place.
* `NPResolver.resolve(token)` turns the noun phrase headed by `token` into an
  `Actor`: a person, organisation, state or IGO named at the head wins;
  otherwise a title ("Japan's prime minister") goes to the office holder on
  the document's date; a sector word ("Chinese troops") takes its sector and
  the country named around it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import spacy.about
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..cache import cache_dir, read, write
from ..knowledge.actors import ActorKB, Entry, Term
from ..lang.en import syntax as sx
from ..lang.en.words import words
from ..records import MODIFIER_SECTORS, Actor

OF_PREPS = words("actor_prepositions")  # "ministers of the G7", "officials from Japan", "police in Seoul"
DEMONYM_PLURAL_ENDS = tuple(sorted(words("demonym_plural_endings")))  # "Israeli" -> "Israelis"
ORIGIN_PARTICIPLES = words("origin_participles")  # "the Kenyan-BORN French envoy" is French
STANCE_PREFIXES = words("stance_prefixes")  # "PRO-Russian separatists", "ANTI-American protesters": a stance
LEADING_PARTICIPLES = words("leading_participles")  # "the U.S.-LED talks", "a Qatari-BROKERED truce"
NAMED_KINDS = {"person", "org", "state", "igo", "region"}


@dataclass
class Match:
    start: int  # token index in the doc
    end: int
    terms: list[Term]

    def best(self, kb: ActorKB, on: date | None = None) -> Term:
        """The preferred reading of an ambiguous term: names over adjectives over metonyms, and of two people
        with one name ("Bush", "Clinton") the one in office on the date."""
        if len(self.terms) == 1:  # nearly every match: no reading to choose (entry_at runs for every token)
            return self.terms[0]
        order = {"terms": 0, "adjectives": 1, "metonyms": 2}
        kinds = {"person": 0, "org": 1, "state": 2, "igo": 3, "region": 4, "title": 5, "sector": 6}

        def key(t: Term) -> tuple[int, bool, int]:
            e = kb.entry(t.entry_id)
            idle = on is not None and not any(o.holds_on(on) for o in e.offices)
            return kinds.get(e.kind, 9), idle, order[t.field]

        return min(self.terms, key=key)


class TermMatcher:
    """Phrase matchers over every knowledge-base term, built once per Coder.

    A term's pattern is the sequence of its tokens' hashes (ORTH for acronyms written in capitals, LOWER
    for the rest). Tokenizing the ~4,500 terms costs most of a second, so the patterns are kept in the
    user's cache folder (`eventwire.cache`), in a file named by a digest of the terms, the spaCy version
    and the model: other terms or another tokenizer give another file. `cache=False` always tokenizes.
    """

    def __init__(self, kb: ActorKB, nlp: Language, cache: bool = True) -> None:
        self.kb = kb
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_key: dict[tuple[bool, str], list[Term]] = {}
        for term in kb.terms():
            k = term.text if term.case_sensitive else term.text.lower()
            by_key.setdefault((term.case_sensitive, k), []).append(term)
            if term.field == "adjectives" and not term.case_sensitive and k.endswith(DEMONYM_PLURAL_ENDS):
                # demonyms as plural nouns: "Palestinians", "Israelis", "Americans"
                by_key.setdefault((False, k + "s"), []).append(term)
        texts = list(by_key)
        # (exact, token hashes) -> the terms written so; two spellings with one tokenization share a pattern
        self.keys: dict[tuple[bool, tuple[int, ...]], list[Term]] = {}
        for (exact, text), pattern in zip(texts, term_patterns(nlp, texts, cache), strict=True):
            if pattern:
                found = self.keys.setdefault((exact, pattern), [])
                found.extend(t for t in by_key[(exact, text)] if t not in found)
        for exact, matcher in ((True, self.exact), (False, self.lower)):
            matcher.add("term", [p for e, p in self.keys if e == exact])

    def matches(self, doc: Doc) -> list[Match]:
        found: list[tuple[Span, list[Term]]] = []
        for exact, matcher in ((True, self.exact), (False, self.lower)):
            for _, start, end in matcher(doc):
                span = doc[start:end]
                pattern = tuple(t.orth if exact else t.lower for t in span)
                terms = [t for t in self.keys[(exact, pattern)] if self._plausible(t, span)]
                if terms:
                    found.append((span, terms))
        spans = filter_spans([s for s, _ in found])
        keep = {(s.start, s.end) for s in spans}
        out: dict[tuple[int, int], Match] = {}
        for s, terms in found:
            if (s.start, s.end) in keep:
                m = out.setdefault((s.start, s.end), Match(s.start, s.end, []))
                m.terms.extend(t for t in terms if t not in m.terms)
        return sorted(out.values(), key=lambda m: m.start)

    def _plausible(self, term: Term, span: Span) -> bool:
        """Names must be written as names, and not be part of a longer place name ("British Columbia")."""
        kind = self.kb.entry(term.entry_id).kind
        if kind in ("sector", "title"):
            return True
        doc = span.doc
        if span.start >= 2 and doc[span.start - 1].text == "-" and doc[span.start - 2].lower_ in STANCE_PREFIXES:
            return False  # "pro-Russian separatists" are not Russian: the name says what they stand for
        for t in span:
            if t.ent_type_ in ("GPE", "LOC", "FAC"):
                # the entity holding t, from the IOB tags (doc.ents would rebuild every entity of the doc)
                start, end = t.i, t.i + 1
                while start > 0 and doc[start].ent_iob_ == "I":
                    start -= 1
                while end < len(doc) and doc[end].ent_iob_ == "I":
                    end += 1
                if (start < span.start or end > span.end) and \
                        not (end == span.end and doc[start].lower_ == "the") and \
                        not (end == span.end + 1 and doc[span.end].lower_ == "'s"):
                    return False
        if term.case_sensitive:
            return True
        return any(t.text[:1].isupper() for t in span)


@dataclass
class Resolved:
    """A noun phrase resolved to an actor, with the character span that names it."""

    actor: Actor
    start: int  # character offsets in the spaCy Doc
    end: int
    text: str
    kind: str  # kind of the deciding entry: person, org, state, igo, region, title, sector, name
    # the office of an unresolved title ("the president"), for coreference; or of the title an unknown name
    # is given with no country ("President Halvorsen"), which must not be guessed from the document
    title: str | None = None


def term_patterns(nlp: Language, texts: list[tuple[bool, str]], cache: bool = True) -> list[tuple[int, ...]]:
    """The token hashes of each (exact, text): ORTH when exact, else LOWER; read from the cache when it has them."""
    meta = nlp.meta
    digest = hashlib.sha256(json.dumps([spacy.about.__version__, nlp.lang, meta.get("name"), meta.get("version"),
                                        texts], ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()
    path = cache_dir() / f"term-patterns-{digest[:16]}.json"
    if cache:
        data = read(path)
        if isinstance(data, list) and len(data) == len(texts) and all(isinstance(p, list) for p in data):
            return [tuple(p) for p in data]
    docs = nlp.tokenizer.pipe(text for _, text in texts)
    patterns = [tuple(t.orth if exact else t.lower for t in d) for (exact, _), d in zip(texts, docs, strict=True)]
    if cache:
        write(path, [list(p) for p in patterns])
    return patterns


class NPResolver:
    """Resolve noun phrases of one parsed document to actors on the document's date."""

    def __init__(self, kb: ActorKB, doc: Doc, matches: list[Match], on: date | None,
                 inert: Callable[[Token], bool] | None = None, sponsors: frozenset[str] = frozenset()) -> None:
        self.kb, self.doc, self.on = kb, doc, on
        self.sponsors = sponsors  # "Iran-BACKED militias": participles whose country is a sponsor
        # heads that name no actor whatever modifies them ("Tokyo stocks", "Chinese demand")
        self.inert = inert or (lambda _t: False)
        self.text = doc.text  # spaCy rebuilds Doc.text on every access: keep it once
        self.by_token: dict[int, Match] = {}
        for m in matches:
            for i in range(m.start, m.end):
                self.by_token[i] = m

    def entry_at(self, i: int) -> tuple[Entry, Term, Match] | None:
        m = self.by_token.get(i)
        if m is None:
            return None
        term = m.best(self.kb, self.on)
        return self.kb.entry(term.entry_id), term, m

    def np_tokens(self, head: Token) -> list[Token]:
        """The head and the words of its own phrase (modifiers, possessors, 'of' phrases)."""
        out = [head]
        stack = [head]
        while stack:
            t = stack.pop()
            for c in t.children:
                # "officials FROM Japan"; "Halvorsen, the president OF Kenya" (an apposition's own "of" phrase)
                if sx.is_phrase_word(c) or (sx.is_preposition(c) and c.lower_ in OF_PREPS and
                                            (t == head or (sx.is_apposition(t) and t.head == head))):
                    out.append(c)
                    stack.append(c)
                elif sx.is_prep_object(c) and sx.is_preposition(t):
                    out.append(c)
                    stack.append(c)
        return sorted(out, key=lambda t: t.i)

    def resolve(self, head: Token) -> Resolved | None:
        """The actor named by the noun phrase headed by `head`, or None."""
        led = self._leader(head)
        if led is not None:
            return led
        toks = self.np_tokens(head)
        span_of = self._span(toks, head)
        hit = self.entry_at(head.i)
        if hit is not None:
            entry, term, m = hit
            if entry.kind in NAMED_KINDS:
                actor = entry.actor(self.on)
                if entry.kind == "state" and term.field == "adjectives" and head.tag_ in ("NNS", "NNPS") and \
                        head.lower_ != term.text.lower():
                    # a demonym as a plural noun names the state's people ("Algerians protested"), not its government
                    actor = Actor(actor.code, actor.name, "CVL", None, actor.entry)
                if actor.code is None:
                    mod = self._modifier_actor(head, toks, m)
                    if mod is not None:
                        actor = Actor(mod.code, actor.name, actor.sector, actor.office, actor.entry)
                return Resolved(actor, *span_of, entry.kind)
            if entry.kind == "title":
                return self._title(head, toks, entry, term, m, span_of)
            if entry.kind == "sector":
                mod = self._modifier_actor(head, toks, m)
                code = mod.code if mod else None
                sector = entry.sector
                if mod is not None and mod.sector in MODIFIER_SECTORS and \
                        sector in ("GOV",):
                    sector = mod.sector
                elif sector == "GOV":  # "union leaders", "opposition leaders", "army officers"
                    sector = self._modifier_sector(head, toks) or sector
                name = mod.name if mod and mod.name else None
                return Resolved(Actor(code, name, sector, None, entry.id), *span_of, "sector")
        # head not a known term: an unknown person or a common noun with a known modifier
        mod = self._modifier_actor(head, toks, None)
        sector_hit = self._modifier_sector(head, toks)
        if head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and sector_hit is not None):
            name = self._name_text(head)
            if mod is not None or sector_hit is not None:
                code = mod.code if mod else None
                sector = sector_hit or (mod.sector if mod else None) or "GOV"
                office = self._modifier_office(head, toks) if code is None else None
                return Resolved(Actor(code, name, sector, None, None), *span_of, "name", title=office)
            return None
        if mod is not None and head.pos_ in ("NOUN", "PROPN", "NUM") and not self.inert(head):
            sector = sector_hit or mod.sector
            return Resolved(Actor(mod.code, mod.name, sector, mod.office, mod.entry), *span_of, "modifier")
        return None

    def origin(self, head: Token) -> Resolved | None:
        """The state or body named among the modifiers of a head that names no actor itself, as where the
        thing comes from ("tariffs on CHINESE goods", "a ban on BRAZIL's exports"); None when none is named."""
        toks = self.np_tokens(head)
        mod = self._modifier_actor(head, toks, None)
        if mod is None:
            return None
        return Resolved(mod, *self._span(toks, head), "modifier")

    # ------------------------------------------------------------------ helpers

    def _leader(self, tok: Token) -> Resolved | None:
        """The actor a one-word "X-led" modifier names ("U.S.-led talks": the parser keeps it one word, so no
        term matches it): who leads, brokers or hosts the act."""
        name, _, participle = tok.text.rpartition("-")
        if not name or participle.lower() not in LEADING_PARTICIPLES:
            return None
        entries = [self.kb.entry(t.entry_id) for t in self.kb.lookup(name)]
        named = [e for e in entries if e.kind in NAMED_KINDS]
        if not named:
            return None
        return Resolved(named[0].actor(self.on), tok.idx, tok.idx + len(name), name, named[0].kind)

    def _span(self, toks: list[Token], head: Token) -> tuple[int, int, str]:
        """The words that name the actor: the phrase up to its head, and a name or "of X" right after it."""
        first = toks[0]
        while sx.is_leading_function_word(first) and first.i < head.i:
            first = self.doc[first.i + 1]
        last = head
        for t in toks:  # extend through contiguous right-hand words: "ministers of the Group of Seven"
            if t.i == last.i + 1 and not sx.is_phrase_break(t):
                last = t
        start, end = first.idx, last.idx + len(last.text)
        return start, end, self.text[start:end]

    def _name_text(self, head: Token) -> str:
        parts = [c for c in head.lefts if sx.is_compound(c) and c.ent_type_ == "PERSON"] + [head]
        return " ".join(t.text for t in parts)

    def _modifier_actor(self, head: Token, toks: list[Token], own: Match | None) -> Actor | None:
        """The first state/IGO/person/org named among the phrase's modifiers (possessor first)."""
        ordered = sorted((t for t in toks if t != head), key=lambda t: (
            not sx.is_possessor(t), t.head != head and t.head.lower_ in ORIGIN_PARTICIPLES, t.i))
        for t in ordered:
            if own is not None and own.start <= t.i < own.end:
                continue
            if (sx.is_noun_adverbial(t) or sx.is_compound(t) or sx.is_adjective_modifier(t)) and \
                    t.head.lower_ in self.sponsors and t.head != head:
                continue
            hit = self.entry_at(t.i)
            if hit is None:
                continue
            entry, _, _ = hit
            if entry.kind in NAMED_KINDS:
                a = entry.actor(self.on)
                if a.code is not None:
                    return a
        return None

    def _modifier_sector(self, head: Token, toks: list[Token]) -> str | None:
        for t in toks:
            if t == head:
                continue
            hit = self.entry_at(t.i)
            if hit and hit[0].kind in ("sector", "title"):
                return hit[0].sector
        return None

    def _modifier_office(self, head: Token, toks: list[Token]) -> str | None:
        """The office of a title among the phrase's modifiers ("PRESIDENT Halvorsen"), or None."""
        for t in toks:
            hit = self.entry_at(t.i) if t != head else None
            if hit and hit[0].kind == "title":
                return hit[0].office or hit[0].id
        return None

    def _title(self, head: Token, toks: list[Token], entry: Entry, term: Term, m: Match,
               span_of: tuple[int, int, str]) -> Resolved | None:
        """A title: the office holder of the country named with it, else a reference for coreference."""
        mod = self._modifier_actor(head, toks, m)
        office = entry.office or entry.id
        if mod is not None and mod.code is not None:
            if mod.entry and self.kb.entries.get(mod.entry) and self.kb.entry(mod.entry).kind == "person":
                return Resolved(mod, *span_of, "person")
            holder = self.kb.holder(term.text, mod.code, self.on) or self.kb.holder(office, mod.code, self.on)
            if holder is not None:
                return Resolved(holder, *span_of, "title")
            return Resolved(Actor(mod.code, None, entry.sector or "GOV", office, None), *span_of, "title")
        return Resolved(Actor(None, None, entry.sector or "GOV", office, None), *span_of, "title", title=office)
