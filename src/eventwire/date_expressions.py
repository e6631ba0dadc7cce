"""Time expressions in the parse: where each one stands and what it modifies, and "N days after X" links.

    exprs = find_expressions(sent)  # every time expression of the sentence, attached to the word it modifies
    lks = find_links(sent, exprs)   # "two days after the vote": the quantity and the two sides of the link
    apply_link(interval, lk, +1, hour)

Finding only: which expression dates an event, and what it counts from, is
decided in `eventwire.dates`; recognising expressions in text and the calendar
arithmetic live in `eventwire.timexpr`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .lang.en import syntax as sx
from .lang.en.words import table, words
from .nlp import sentence_entities
from .timexpr import (
    YEAR,
    YEAR_CONTEXT,
    Interval,
    Match,
    Open,
    counted,
    hour_days,
    hour_of,
    number,
    scan,
    shift,
    widen_month,
)

__all__ = ["LINK_MARKS", "Expr", "Link", "apply_link", "find_expressions", "find_links", "span_root"]

LINK_MARKS = {w: int(v) for w, v in table("link_marks", "words").items()}  # "after" +1, "before" -1
UNITS = words("date_units")
TIME_QUALIFIERS = words("time_qualifiers")
TIME_PREPS = words("time_prepositions")
APPROXIMATORS = words("approximators")
TIME_NOUNS = words("time_nouns", "time")
OCCASION_NOUNS = words("occasion_nouns", "time")
PARTICIPATION_VERBS = words("participation_verbs", "time")


# ---------------------------------------------------------------- expressions in the parse
@dataclass
class Expr:
    match: Match
    tokens: Span
    host: Token  # the word the expression modifies
    prep: str | None  # the preposition that introduces it ("on", "since", "by")
    anchored: bool
    hour: float  # time of day it names (for "six hours after")
    duration: bool = False
    value: Interval | Open | None = None


def find_expressions(sent: Span) -> list[Expr]:
    doc = sent.doc
    out: list[Expr] = []
    for m in scan(sent.text):
        span = doc.char_span(sent.start_char + m.start, sent.start_char + m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if m.name == "year" and not _year_context(span):
            continue
        if m.name == "rel" and (m.g("dir") or "").lower() in LINK_MARKS and _has_object(span[-1]):
            continue  # "two days after X": a link, see links
        root = span_root(span)
        prep = None
        host = root.head
        if sx.is_preposition(root) or root.pos_ == "ADP":
            prep = root.lower_
        elif sx.is_prep_object(root) and root.head.i < span.start:
            prep = root.head.lower_
            host = root.head.head
        if host.pos_ == "ADV" and host.lower_ in TIME_QUALIFIERS:
            host = host.head
        if host.i == root.i:
            host = root
        first = span[0].lower_
        if first in TIME_PREPS and prep is None:
            prep = first
        anchored = m.name in ("rel", "within", "anch", "dayrel", "clock", "occasion", "opener")
        out.append(Expr(m, span, host, prep, anchored, hour_of(m), duration=m.name == "dur"))
    for ent in sentence_entities(sent):
        # an explicit date our patterns missed ("6/12/2024", "the 5th of May 2024"): dateparser reads it
        if ent.label_ != "DATE" or not YEAR.search(ent.text) or \
                any(ent.start < x.tokens.end and x.tokens.start < ent.end for x in out):
            continue
        root = ent.root
        host, prep = root.head, None
        if sx.is_prep_object(root):
            prep, host = root.head.lower_, root.head.head
        m = Match(ent.start_char - sent.start_char, ent.end_char - sent.start_char, "ent", ())
        out.append(Expr(m, ent, host, prep, False, 12.0))
    out.extend(_attended_occasions(sent, out))
    return [e for e in out if e.match.name != "occasion" or not _dated_occasion(e, out)]


def _attended_occasions(sent: Span, exprs: list[Expr]) -> list[Expr]:
    """An occasion named before as the object of taking part in it ("who hosted the talks", "attended the
    summit"): dated like "during the talks", from the anchor."""
    taken = {t.i for x in exprs for t in x.tokens}
    out: list[Expr] = []
    for tok in sent:
        if tok.lower_ not in OCCASION_NOUNS or not sx.is_direct_object(tok) or \
                not sx.has_determiner(tok, "the") or tok.head.lemma_.lower() not in PARTICIPATION_VERBS:
            continue
        span = sent.doc[tok.left_edge.i:tok.i + 1]
        if any(t.i in taken for t in span):
            continue
        m = Match(span.start_char - sent.start_char, span.end_char - sent.start_char, "occasion", ())
        out.append(Expr(m, span, tok.head, None, True, 12.0))
    return out


def _dated_occasion(e: Expr, exprs: list[Expr]) -> bool:
    """An occasion with a date of its own ("during the talks on Tuesday"): that date, not the anchor, holds."""
    noun = e.tokens[-1]
    return any(x is not e and noun.left_edge.i <= x.tokens.start and x.tokens.end - 1 <= noun.right_edge.i
               for x in exprs)


def _year_context(span: Span) -> bool:
    tok = span[0]
    if tok.ent_type_ == "DATE" or span[-1].ent_type_ == "DATE":
        return True
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and prev.lower_ in YEAR_CONTEXT


def _has_object(tok: Token) -> bool:
    """Whether "after"/"before" leads a phrase or a clause ("after THE VOTE", "after KENYA RECALLED ...", even
    with the clause's subject not hung on it), rather than ending a "two days after" of its own."""
    if sx.prep_arguments(tok) or sx.is_marker(tok):
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and any(sx.is_nominal_subject(t) and t.left_edge.i == nxt.i and t.head.i > t.i
                                   for t in tok.doc[nxt.i: min(nxt.i + 8, len(tok.doc))])


def span_root(span: Span) -> Token:
    roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    if not roots:
        return span.root
    for t in roots:
        if sx.is_preposition(t):
            return t
    for t in roots:
        if t.pos_ in ("NOUN", "PROPN", "NUM"):
            return t
    return roots[-1]


# ---------------------------------------------------------------- "N days after X" links
@dataclass
class Link:
    word: Token
    comp: Token  # root of the complement (the earlier event for "after")
    host: Token
    sign: int  # +1 after, -1 before
    n: int | None
    unit: str | None
    approx: bool
    tokens: frozenset[int]  # the quantity words, not an expression of their own

    def inside(self, tok: Token) -> bool:
        return self.comp.left_edge.i <= tok.i <= self.comp.right_edge.i and _descends(tok, self.comp)


def _descends(tok: Token, anc: Token) -> bool:
    t = tok
    for _ in range(64):
        if t.i == anc.i:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def find_links(sent: Span, exprs: list[Expr]) -> list[Link]:
    out: list[Link] = []
    point = {t.i for e in exprs if not e.duration for t in e.tokens}
    for tok in sent:
        sign = LINK_MARKS.get(tok.lower_)
        if sign is None:
            continue
        if sx.is_marker(tok):
            comp, host = tok.head, tok.head.head
        elif sx.is_preposition(tok):
            kids = sx.prep_arguments(tok)
            clause = _misread_clause(tok, kids)
            if clause is not None:  # "a day AFTER Kenya recalled its envoy" with "after" read as a preposition
                comp, host = clause, clause.head
            elif not kids:
                continue
            else:
                comp, host = kids[0], tok.head
        else:
            continue
        if comp.i in point or comp.lemma_.lower() in TIME_NOUNS:
            continue  # "before midnight", "after Sunday", "before the winter": a time, not an event
        qty = [c for c in list(tok.children) + list(comp.children)
               if sx.is_noun_adverbial(c) and c.lemma_.lower() in UNITS]
        prev = tok.doc[tok.i - 1] if tok.i > sent.start else None
        if not qty and prev is not None and prev.lemma_.lower() in UNITS and prev.pos_ == "NOUN":
            qty = [prev]  # "A day after the vote, ..." parsed with "day" on the main verb
        n = unit = None
        approx = False
        toks: set[int] = set()
        if qty:
            q = qty[0]
            unit = q.lemma_.lower()
            words = [t for t in q.subtree if t.i < tok.i] if q.i < tok.i else list(q.subtree)
            toks = {t.i for t in words}
            n = number(" ".join(t.lower_ for t in words if t.i != q.i))
            approx = any(t.lower_ in APPROXIMATORS for t in words)
            if n is None:
                n, approx = (3 if unit == "hour" else 1), True
        out.append(Link(tok, comp, host, sign, n, unit, approx, frozenset(toks)))
    return out


def _misread_clause(mark: Token, kids: list[Token]) -> Token | None:
    """The adverbial clause a subordinating word heads when the parser read the word as a preposition: its object
    is the clause's subject ("a day after KENYA recalled"), or it has none and the clause's verb holds the count
    ("a DAY after Kenya recalled", "day" on "recalled"). None when the preposition has an object of its own."""
    verb = mark.head.head if mark.head.lemma_.lower() in UNITS else mark.head
    if verb.i < mark.i:
        return None
    if kids:
        return verb if sx.stranded_subject(verb, LINK_MARKS) == kids[0] else None
    subjects = sx.nominal_subjects(verb)
    # or "a day after Mali recalled ..." parsed as a clause of its own beside the main one
    if sx.is_adverbial_clause(verb) or (subjects and subjects[0].left_edge.i == mark.i + 1):
        return verb
    return None


def apply_link(iv: Interval, link: Link, sign: int, hour: float) -> Interval:
    """Move an interval across a link: sign +1 from the earlier to the later event, -1 back."""
    if link.n is None or link.unit is None:
        return iv  # "riots broke out on Friday after a protester was shot": the same day
    if link.unit == "hour":
        return shift(iv, hour_days(hour, sign * link.sign * link.n))
    moved = counted(link.n, link.unit, sign * link.sign, iv)
    return widen_month(moved) if link.approx else moved
