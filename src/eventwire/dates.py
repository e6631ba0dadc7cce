"""Event dates: resolve the time expression of one event's own clause to a date and a precision.

    when = event_date(sent, trigger, published, future=False, anchor=None)
    when.date, when.precision   # "2025-11-25", "day" | "2025-11", "month" | "2025", "year" | None
    when.start, when.end        # character offsets (Doc text) of the expression used, or None

Every time expression in the sentence is found once (own patterns over the
sentence text, plus spaCy DATE entities holding an explicit date, which
dateparser reads) and attached to the word it modifies in the dependency
parse. The event takes the expression nearest to its trigger in the tree:
words of its own clause first; a coordinated verb, a governing verb, a
participial adjunct (", accusing ...") or the main clause when its own clause
has none; never one buried in an unrelated clause. With none, the event takes
the publication date (precision day).

Every value is an interval of days: a weekday is one day, "in June" a month,
"on Tuesday and Wednesday" or "next week" a span; the precision is the
smallest calendar unit (day, month, year) holding the interval.

Anchored expressions ("the following day", "a day earlier", "that night",
"hours later") count from an earlier date: one named before them in the same
sentence, else `anchor` (the caller's date of the previous event), else
`published`. "N days after X" links date the events on either side of the link
from each other. Missing `published`: expressions that need it stay null.
"""

from __future__ import annotations

import calendar
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from spacy.tokens import Span, Token

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

__all__ = ["DateResult", "event_date"]


@dataclass(frozen=True)
class DateResult:
    """The date of one event; `basis` says where it came from.

    basis: "expression" (the time expression and `published` alone), "anchor"
    (counted from an earlier date), "published" (no expression: the
    publication date), or None (unresolved). A caller that keeps an anchor for
    later events should move it only on "expression" results of precision day.
    """

    date: str | None
    precision: str | None
    start: int | None = None
    end: int | None = None
    basis: str | None = None


NONE = DateResult(None, None)

# ---------------------------------------------------------------- vocabulary
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
           "thirty": 30, "several": 4, "few": 3, "couple": 2, "some": 3}
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
TOD_HOUR = {"dawn": 6, "daybreak": 6, "sunrise": 6, "morning": 8, "early": 6, "noon": 12, "midday": 12,
            "afternoon": 15, "dusk": 19, "sunset": 19, "evening": 20, "late": 22, "night": 22,
            "midnight": 23.9}
FUTURE_AUX = {"will", "'ll", "shall", "would", "'d", "could", "may", "might", "can", "should", "must"}
FUTURE_WORDS = {"plan", "schedule", "due", "set", "expect", "slate", "intend", "timetable"}
FUTURE_GOVERNORS = {"plan", "expect", "intend", "agree", "promise", "pledge", "vow", "invite", "aim", "hope",
                    "want", "prepare", "decide", "schedule", "threaten", "propose", "offer", "seek", "need"}
TEMPORAL_MARKS = {"when", "as", "while", "once", "whenever"}
LINK_MARKS = {"after": 1, "before": -1}
UNITS = {"hour", "day", "week", "month", "year"}
CLAUSE_DEPS = {"ccomp", "parataxis", "relcl", "advcl", "csubj"}
INF = 99.0
MAX_COST = 10.0

# ---------------------------------------------------------------- patterns
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
        r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.|Jan|Feb|Aug|Sept|Oct|Nov|Dec)")
_MON_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_NUM = (r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
        r"\d{1,3}|a\s+few|a\s+couple\s+of|several|few|some)")
_APPROX = r"(?:(?:about|around|roughly|some|nearly|almost|just|barely|more\s+than|less\s+than|only|over|under|" \
          r"at\s+least|little\s+more\s+than)\s+)?"
_EDGE = r"(?:early|mid|late|the\s+end\s+of|end\s+of|the\s+start\s+of|start\s+of|the\s+beginning\s+of|" \
        r"beginning\s+of|the\s+middle\s+of)"

# (name, pattern) in priority order: a later pattern never overlaps an earlier match
PATTERNS: list[tuple[str, re.Pattern[str]]] = [(n, re.compile(p)) for n, p in [
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    ("wdrange", rf"(?i:(?:on|between|from)\s+)?(?P<wd1>(?i:{_WD}))\s+(?i:and|to|through|until)\s+"
                rf"(?P<wd2>(?i:{_WD}))(?!\w)"),
    ("dmy", rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON})(?:,?\s+(?P<y>\d{{4}}))?(?![\w])"),
    ("mdy", rf"\b(?P<mon>{_MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d,]\d)(?!\w)(?:,?\s+(?P<y>\d{{4}})(?!\d))?"),
    ("my", rf"(?P<q>(?i:{_EDGE})[\s-]+)?\b(?P<mon>{_MON})\s+(?:of\s+)?(?P<y>\d{{4}})(?!\d)"),
    ("rel", rf"(?i:\b(?P<approx>{_APPROX})(?P<n>{_NUM}\s+)?(?P<unit>hours?|days?|weeks?|months?|years?)\s+"
            rf"(?P<dir>later|earlier|afterwards|before|after)\b)"),
    ("ago", rf"(?i:\b(?P<approx>{_APPROX})(?P<n>{_NUM})\s+(?P<unit>hours?|days?|weeks?|months?|years?)\s+ago\b)"),
    ("anch", r"(?i:\b(?:(?P<lat>later|earlier)\s+)?(?:on\s+|during\s+|in\s+|by\s+)?"
             r"(?:the\s+(?P<which>following|next|previous|same|preceding)|(?P<that>that))\s+"
             r"(?P<unit>day|morning|afternoon|evening|night|week|weekend|month|year)\b)"),
    ("dayrel", r"(?i:\bthe\s+(?P<unit>day|night|morning|evening)\s+(?P<dir>before|after)\b)"),
    ("clock", r"(?i:\b(?:(?:shortly|just|soon|well|long)\s+)?(?P<p>before|after|at|around|by|past)\s+"
              r"(?P<clk>midnight|dawn|daybreak|noon|midday|dusk|sunrise|sunset)\b)"),
    ("period", rf"(?i:\b(?P<q>(?:earlier|later|early|late|{_EDGE})\s+)?(?:of\s+)?(?P<rel>this|last|next|the\s+past|"
               r"the\s+coming|the\s+current)\s+(?P<unit>week|weekend|month|year)\b)"),
    ("endof", r"(?i:\b(?P<q>the\s+(?:end|start|beginning|middle|rest|close)\s+of)\s+the\s+"
              r"(?P<unit>week|month|year)\b)"),
    ("recent", r"(?i:\b(?:in\s+|over\s+|during\s+|within\s+)?(?:the\s+)?(?P<w>recent|past|last|coming|next)\s+"
               r"(?P<n>few|several|two|three|four)?\s*(?P<unit>days|weeks|months)\b)"),
    ("pubword", r"(?i:\b(?P<w>today|tonight|yesterday|tomorrow|overnight|last\s+night|this\s+morning|"
                r"this\s+afternoon|this\s+evening|(?:earlier|later)\s+today)\b)"),
    ("weekend", r"(?i:\b(?:over|during|at|on)\s+the\s+weekend\b)"),
    ("wd", rf"(?P<q1>(?i:early|late|earlier|later|shortly\s+before|shortly\s+after|just\s+before)\s+)?"
           rf"(?P<p>(?i:on|this|last|next|since|by|until|from|for|before|after|through|over|during|early|late)\s+)?"
           rf"\b(?P<wd>(?i:{_WD}))(?:'s|\u2019s)?(?:\s+(?P<tod>(?i:morning|afternoon|evening|night)))?(?!\w)"),
    ("mon", rf"(?P<rel>(?i:last|next|this)\s+)?(?P<q>(?i:{_EDGE})[\s-]+)?\b(?P<mon>{_MON_FULL})(?P<pos>'s|\u2019s)?"
            r"(?!\w)"),
    ("year", rf"(?P<q>(?i:{_EDGE})[\s-]+)?(?<![/.\d-])\b(?P<y>(?:19|20)\d{{2}})(?![\d\w/-])"),
    ("dur", rf"(?i:\b(?P<n>{_NUM})[\s-]+(?P<unit>hours?|days?|weeks?|months?|years?)\b)"),
]]

MONTH_CONTEXT = {"in", "since", "by", "until", "from", "through", "during", "of", "for", "before", "after",
                 "early", "late", "mid", "last", "next", "this", "on", "till", "to", "and", "or", "between"}
YEAR_CONTEXT = MONTH_CONTEXT | {"the", "end", "start", "beginning", "middle", "year", "fiscal"}


@dataclass(frozen=True)
class _Match:
    """A time expression in the sentence text (character offsets within the sentence)."""

    start: int
    end: int
    name: str
    groups: tuple[tuple[str, str], ...]

    def g(self, key: str) -> str | None:
        for k, v in self.groups:
            if k == key:
                return v
        return None


@lru_cache(maxsize=4096)
def _scan(text: str) -> tuple[_Match, ...]:
    """All time expressions in a sentence's text, by our patterns, without overlaps."""
    taken: list[tuple[int, int]] = []
    out: list[_Match] = []
    for name, pat in PATTERNS:
        for m in pat.finditer(text):
            s, e = m.span()
            if e <= s or any(s < te and ts < e for ts, te in taken):
                continue
            groups = tuple((k, v) for k, v in m.groupdict().items() if v)
            if name == "mon" and not _month_context(text, m):
                continue
            taken.append((s, e))
            out.append(_Match(s, e, name, groups))
    out.sort(key=lambda x: x.start)
    return tuple(out)


def _month_context(text: str, m: re.Match[str]) -> bool:
    """A bare month name is a date only after a preposition/qualifier or with a possessive ("May" is modal)."""
    if m.group("rel") or m.group("q") or m.group("pos"):
        return True
    before = text[:m.start()].split()
    return bool(before) and before[-1].lower().strip(",") in MONTH_CONTEXT


# ---------------------------------------------------------------- values
Interval = tuple[date, date]


class _Open:
    """An open range ("since December"): deliberately no date."""


OPEN = _Open()


def _month(y: int, m: int) -> Interval:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _year(y: int) -> Interval:
    return date(y, 1, 1), date(y, 12, 31)


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    return date(d.year + y, m + 1, 1)


def _shift(iv: Interval, days: int) -> Interval:
    return iv[0] + timedelta(days=days), iv[1] + timedelta(days=days)


def _precision(iv: Interval) -> str:
    lo, hi = iv
    if lo == hi:
        return "day"
    if (lo.year, lo.month) == (hi.year, hi.month):
        return "month"
    return "year"


def _fmt(iv: Interval) -> tuple[str, str]:
    p = _precision(iv)
    return iv[0].isoformat()[: {"day": 10, "month": 7, "year": 4}[p]], p


def _widen_month(iv: Interval) -> Interval:
    return _month(iv[0].year, iv[0].month)[0], max(iv[1], _month(iv[0].year, iv[0].month)[1])


def _number(text: str | None) -> int | None:
    if not text:
        return None
    words = text.lower().split()
    for w in reversed(words):
        if w.isdigit():
            return int(w)
        if w in NUMBERS:
            return NUMBERS[w]
    return None


def _weekday(pub: date, wd: int, direction: str, strict: bool = False) -> date:
    if direction == "future":
        ahead = (wd - pub.weekday()) % 7
        return pub + timedelta(days=ahead or (7 if strict else 0))
    back = (pub.weekday() - wd) % 7
    return pub - timedelta(days=back or (7 if strict else 0))


def _nearest(past: date, future: date, pub: date) -> date:
    return past if (pub - past) <= (future - pub) else future


@dataclass
class _Ctx:
    published: date | None
    direction: str | None  # "past" | "future" | None (unknown: the nearer one)


def _pick(ctx: _Ctx, past: date, future: date) -> date:
    if ctx.direction == "future":
        return future
    if ctx.direction == "past" or ctx.published is None:
        return past
    return _nearest(past, future, ctx.published)


def _absolute(m: _Match, ctx: _Ctx) -> Interval | _Open | None:
    """Value of an expression that needs only `published` (or nothing): None when it cannot be resolved."""
    pub, name = ctx.published, m.name
    if name == "iso":
        try:
            d = date(int(m.g("y") or 0), int(m.g("m") or 0), int(m.g("d") or 0))
        except ValueError:
            return None
        return d, d
    if name in ("dmy", "mdy"):
        mon = MONTHS[(m.g("mon") or "").lower().rstrip(".")]
        day = int(m.g("d") or 0)
        if m.g("y"):
            try:
                d = date(int(m.g("y") or 0), mon, day)
            except ValueError:
                return None
            return d, d
        if pub is None:
            return None
        try:
            this = date(pub.year, mon, day)
            past = this if this <= pub else date(pub.year - 1, mon, day)
            future = this if this >= pub else date(pub.year + 1, mon, day)
        except ValueError:
            return None
        d = _pick(ctx, past, future)
        return d, d
    if name == "my":
        return _month(int(m.g("y") or 0), MONTHS[(m.g("mon") or "").lower().rstrip(".")])
    if name == "year":
        return _year(int(m.g("y") or 0))
    if pub is None:
        return None
    if name == "mon":
        mon = MONTHS[(m.g("mon") or "").lower()]
        rel = (m.g("rel") or "").strip().lower()
        past_y = pub.year if mon < pub.month or (mon == pub.month and rel != "last") else pub.year - 1
        fut_y = pub.year if mon > pub.month or (mon == pub.month and rel != "next") else pub.year + 1
        y = past_y if rel == "last" else fut_y if rel == "next" else None
        if y is None:
            y = _pick(ctx, date(past_y, mon, 1), date(fut_y, mon, 1)).year
        return _month(y, mon)
    if name == "wd":
        wd = WEEKDAYS[(m.g("wd") or "").lower()]
        p = (m.g("p") or "").strip().lower()
        if p == "last":
            d = _weekday(pub, wd, "past", strict=True)
        elif p == "next":
            d = _weekday(pub, wd, "future", strict=True)
        else:
            d = _pick(ctx, _weekday(pub, wd, "past"), _weekday(pub, wd, "future"))
        return d, d
    if name == "wdrange":
        wd1, wd2 = WEEKDAYS[(m.g("wd1") or "").lower()], WEEKDAYS[(m.g("wd2") or "").lower()]
        span = (wd2 - wd1) % 7
        if ctx.direction == "future":
            lo = _weekday(pub, wd1, "future")
            return lo, lo + timedelta(days=span)
        hi = _weekday(pub, wd2, "past")
        return hi - timedelta(days=span), hi
    if name == "pubword":
        w = " ".join((m.g("w") or "").lower().split())
        if w == "yesterday" or w == "last night":
            d = pub - timedelta(days=1)
            return d, d
        if w == "tomorrow":
            d = pub + timedelta(days=1)
            return d, d
        if w == "overnight":
            return pub - timedelta(days=1), pub
        return pub, pub
    if name in ("period", "endof"):
        unit = (m.g("unit") or "").lower()
        rel = " ".join((m.g("rel") or "this").lower().split())
        step = {"last": -1, "the past": -1, "next": 1, "the coming": 1}.get(rel, 0)
        q = " ".join((m.g("q") or "").lower().split())
        if unit == "year":
            return _year(pub.year + step)  # "the end of the year" keeps the year (vague spans -> year)
        if unit == "month":
            first = _add_months(pub, step)
            return _month(first.year, first.month)
        monday = pub - timedelta(days=pub.weekday()) + timedelta(days=7 * step)
        if unit == "weekend":
            return monday + timedelta(days=5), monday + timedelta(days=6)
        if rel == "the past":
            return pub - timedelta(days=7), pub
        lo, hi = monday, monday + timedelta(days=6)
        if step == 0 and (q.startswith("earlier") or ctx.direction == "past"):
            hi = min(hi, pub)
        elif step == 0 and (q.startswith("later") or ctx.direction == "future"):
            lo = max(lo, pub)
        return lo, hi
    if name == "weekend":
        sat = _pick(ctx, _weekday(pub, 5, "past"), _weekday(pub, 5, "future"))
        return sat, sat + timedelta(days=1)
    if name == "recent":
        unit = (m.g("unit") or "days").lower()[:-1]
        n = _number(m.g("n")) or {"day": 7, "week": 3, "month": 3}[unit]
        days = n * UNIT_DAYS[unit]
        if (m.g("w") or "").lower() in ("coming", "next"):
            return pub, pub + timedelta(days=days)
        return pub - timedelta(days=days), pub
    if name == "ago":
        return _counted(_number(m.g("n")) or 1, (m.g("unit") or "").lower(), -1, (pub, pub), bool(m.g("approx")))
    return None


def _counted(n: int, unit: str, sign: int, base: Interval, approx: bool = False) -> Interval:
    """base shifted by n units (hours count as days here only when they cross midnight: see _hours)."""
    unit = unit.rstrip("s")
    if unit == "day" or unit == "week":
        iv = _shift(base, sign * n * UNIT_DAYS[unit])
        return _widen_month(iv) if approx or (unit == "week" and n > 1) else iv
    if unit == "month":
        first = _add_months(base[0], sign * n)
        return _month(first.year, first.month)
    if unit == "year":
        return _year(base[0].year + sign * n)
    return base


# ---------------------------------------------------------------- expressions in the parse
@dataclass
class _Expr:
    match: _Match
    tokens: Span
    host: Token  # the word the expression modifies
    prep: str | None  # the preposition that introduces it ("on", "since", "by")
    anchored: bool
    hour: float  # time of day it names (for "six hours after")
    duration: bool = False
    value: Interval | _Open | None = None


def _expressions(sent: Span) -> list[_Expr]:
    doc = sent.doc
    out: list[_Expr] = []
    for m in _scan(sent.text):
        span = doc.char_span(sent.start_char + m.start, sent.start_char + m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if m.name == "year" and not _year_context(span):
            continue
        if m.name == "rel" and (m.g("dir") or "").lower() in ("before", "after") and _has_object(span[-1]):
            continue  # "two days after X": a link, see _links
        root = _span_root(span)
        prep = None
        host = root.head
        if root.dep_ == "prep" or root.pos_ == "ADP":
            prep = root.lower_
        elif root.dep_ == "pobj" and root.head.i < span.start:
            prep = root.head.lower_
            host = root.head.head
        if host.pos_ == "ADV" and host.lower_ in ("late", "early", "earlier", "later", "shortly", "just"):
            host = host.head
        if host.i == root.i:
            host = root
        first = span[0].lower_
        if first in ("on", "in", "since", "by", "until", "from", "for", "before", "after", "during", "over") and \
                prep is None:
            prep = first
        anchored = m.name in ("rel", "anch", "dayrel", "clock")
        out.append(_Expr(m, span, host, prep, anchored, _hour_of(m), duration=m.name == "dur"))
    for ent in sent.ents:
        # an explicit date our patterns missed ("6/12/2024", "the 5th of May 2024"): dateparser reads it
        if ent.label_ != "DATE" or not _YEAR.search(ent.text) or \
                any(ent.start < x.tokens.end and x.tokens.start < ent.end for x in out):
            continue
        root = ent.root
        host, prep = root.head, None
        if root.dep_ == "pobj":
            prep, host = root.head.lower_, root.head.head
        m = _Match(ent.start_char - sent.start_char, ent.end_char - sent.start_char, "ent", ())
        out.append(_Expr(m, ent, host, prep, False, 12.0))
    return out


def _year_context(span: Span) -> bool:
    tok = span[0]
    if tok.ent_type_ == "DATE" or span[-1].ent_type_ == "DATE":
        return True
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and prev.lower_ in YEAR_CONTEXT


def _has_object(tok: Token) -> bool:
    return any(c.dep_ in ("pobj", "pcomp") for c in tok.children) or tok.dep_ == "mark"


def _span_root(span: Span) -> Token:
    roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    if not roots:
        return span.root
    for t in roots:
        if t.dep_ == "prep":
            return t
    for t in roots:
        if t.pos_ in ("NOUN", "PROPN", "NUM"):
            return t
    return roots[-1]


def _hour_of(m: _Match) -> float:
    text = m.g("tod") or m.g("clk") or m.g("q1") or m.g("unit") or ""
    for w in reversed(text.lower().split()):
        if w in TOD_HOUR:
            return TOD_HOUR[w]
    return 12.0


# ---------------------------------------------------------------- "N days after X" links
@dataclass
class _Link:
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


def _links(sent: Span, exprs: list[_Expr]) -> list[_Link]:
    out: list[_Link] = []
    point = {t.i for e in exprs if not e.duration for t in e.tokens}
    for tok in sent:
        sign = LINK_MARKS.get(tok.lower_)
        if sign is None:
            continue
        if tok.dep_ == "mark":
            comp, host = tok.head, tok.head.head
        elif tok.dep_ == "prep":
            kids = [c for c in tok.children if c.dep_ in ("pobj", "pcomp")]
            if not kids:
                continue
            comp, host = kids[0], tok.head
        else:
            continue
        if comp.i in point:
            continue  # "before midnight", "after Sunday": a time expression, not an event
        qty = [c for c in list(tok.children) + list(comp.children)
               if c.dep_ == "npadvmod" and c.lemma_.lower() in UNITS]
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
            n = _number(" ".join(t.lower_ for t in words if t.i != q.i))
            approx = any(t.lower_ in ("nearly", "about", "around", "some", "almost", "roughly", "several", "few")
                         for t in words)
            if n is None:
                n, approx = (3 if unit == "hour" else 1), True
        out.append(_Link(tok, comp, host, sign, n, unit, approx, frozenset(toks)))
    return out


def _apply_link(iv: Interval, link: _Link, sign: int, hour: float) -> Interval:
    """Move an interval across a link: sign +1 from the earlier to the later event, -1 back."""
    if link.n is None or link.unit is None:
        return _widen_month(iv)
    if link.unit == "hour":
        return _shift(iv, _hour_days(hour, sign * link.sign * link.n))
    moved = _counted(link.n, link.unit, sign * link.sign, iv)
    return _widen_month(moved) if link.approx else moved


def _hour_days(hour: float, hours: float) -> int:
    """Whole days crossed going `hours` from `hour` o'clock."""
    return int((hour + hours) // 24)


# ---------------------------------------------------------------- tree distance
def _chain(tok: Token) -> list[Token]:
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < 64:
        out.append(out[-1].head)
    return out


def _aux(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in tok.children)


def _mark(tok: Token) -> str | None:
    for c in tok.children:
        if c.dep_ == "mark":
            return c.lower_
    return None


def _participial(tok: Token) -> bool:
    return tok.tag_ in ("VBG", "VBN") and not _has_subject(tok) and _mark(tok) is None


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX")


def _up_cost(c: Token) -> float:
    """Cost of climbing from clause word `c` to its head."""
    dep = c.dep_
    if dep == "relcl":
        return INF if _aux(c) & FUTURE_AUX else 3
    if dep in ("ccomp", "parataxis", "csubj"):
        return 3
    if dep == "conj":
        return 2 if _is_verb(c) else 1
    if dep == "advcl":
        mark = _mark(c)
        if mark in TEMPORAL_MARKS or _participial(c):
            return 1
        if mark in LINK_MARKS:
            return 2
        return 4 if mark in ("if", "unless", "because", "although", "though") else 3
    return 1


def _down_cost(c: Token, e: _Expr | None, future_ctx: bool) -> float:
    """Cost of descending from c's head into c on the way to the expression (None: to a link)."""
    dep = c.dep_
    nested = 3 if future_ctx and e is not None and _forward(e) else None
    if dep == "conj" and _is_verb(c):
        if e is None or e.prep in ("by", "before", "until") or e.anchored:
            return INF
        return 9 if _has_subject(c) else 3
    if dep == "relcl":
        return nested or 12
    if dep in ("ccomp", "csubj", "parataxis"):
        return nested or 6
    if dep == "advcl":
        mark = _mark(c)
        if mark in TEMPORAL_MARKS or mark in LINK_MARKS:
            return 2
        return 4 if _participial(c) else (nested or 8)
    if dep == "acl":
        return 2
    if dep == "xcomp":
        return 4
    return 1


def _forward(e: _Expr) -> bool:
    text = e.tokens.text.lower()
    return any(w in text for w in ("next", "coming", "later", "upcoming", "tomorrow"))


def _path(trig: Token, host: Token, e: _Expr | None, future_ctx: bool) -> tuple[float, list[Token], list[Token]]:
    """(cost, trigger-side words climbed, expression-side words descended) between trigger and host."""
    up = _chain(trig)
    index = {t.i: k for k, t in enumerate(up)}
    down: list[Token] = []
    t = host
    while t.i not in index:
        down.append(t)
        if t.head.i == t.i:
            return INF, [], []
        t = t.head
    climbed = up[: index[t.i]]
    cost = sum(_up_cost(c) for c in climbed) + sum(_down_cost(c, e, future_ctx) for c in down)
    if any(c.dep_ in CLAUSE_DEPS for c in climbed) and any(c.dep_ in CLAUSE_DEPS for c in down):
        cost += 6  # a sister clause ("X said A did this, and B did that on Monday")
    return cost, climbed, down


# ---------------------------------------------------------------- tense
def _clause_verb(tok: Token) -> Token:
    t = tok
    for _ in range(12):
        if _is_verb(t) or t.head.i == t.i:
            return t
        t = t.head
    return t


def _direction(host: Token, future: bool) -> str | None:
    """past / future from the verb the expression hangs on; None when the form does not say."""
    t = host
    for _ in range(12):
        if t.lemma_.lower() in FUTURE_WORDS and t.tag_ in ("VBN", "VBG", "JJ"):
            return "future"  # "planned for Sunday", "due on Monday"
        if _is_verb(t) or t.head.i == t.i:
            break
        t = t.head
    aux = _aux(t)
    if aux & FUTURE_AUX and "have" not in aux:
        return "future"
    if "to" in aux and t.dep_ in ("xcomp", "acl", "advcl") and \
            t.head.lemma_.lower() in FUTURE_GOVERNORS | FUTURE_WORDS:
        return "future"  # "invited him to visit in April", "is set to open on Dec. 6", "a plan to meet in May"
    if t.tag_ == "VBD" or aux & {"has", "have", "had", "was", "were", "did"}:
        return "past"
    if future:
        return "future"
    return None


def _future_clause(trig: Token, future: bool) -> bool:
    """The trigger's clause speaks of the future or of a possibility ("could retaliate by excluding ...")."""
    if future:
        return True
    t = _clause_verb(trig)
    for _ in range(6):
        if _aux(t) & FUTURE_AUX:
            return True
        if t.dep_ in ("pcomp", "xcomp", "acl", "advcl", "prep", "pobj") and t.head.i != t.i and \
                not _has_subject(t):
            t = t.head
        else:
            return False
    return False


# ---------------------------------------------------------------- the stage
def event_date(
    sent: Span,
    trigger: Token,
    published: date | None,
    future: bool = False,
    anchor: date | None = None,
) -> DateResult:
    """The date of the event whose trigger word is `trigger` in sentence `sent`.

    `published` anchors relative expressions; `future` is True for planned
    events (a bare weekday or month then means the next one); `anchor` is the
    date of the previous event in the document, for "the following day".
    """
    if isinstance(published, datetime):
        published = published.date()
    if isinstance(anchor, datetime):
        anchor = anchor.date()
    exprs = _expressions(sent)
    links = _links(sent, exprs)
    consumed = {i for lk in links for i in lk.tokens}
    future_ctx = _future_clause(trigger, future)

    best: tuple[float, _Expr, list[Token], list[Token]] | None = None
    for e in exprs:
        if e.duration or any(t.i in consumed for t in e.tokens):
            continue
        if e.prep in ("until", "till", "through"):
            continue
        if e.prep == "since" and not _is_verb(e.host):
            continue  # "the first visit since 2019"
        cost, climbed, down = _path(trigger, e.host, e, future_ctx)
        if cost > MAX_COST:
            continue
        cost += _modifier_cost(e, trigger)
        if cost > MAX_COST:
            continue
        # a day named outright beats "at dawn" or "overnight" beside it
        vague = e.anchored or e.match.name == "pubword" and (e.match.g("w") or "").lower() == "overnight"
        score = cost + 0.08 * _distance(trigger, e) + (0.5 if vague else 0)
        if best is None or score < best[0]:
            best = (score, e, climbed, down)

    if best is not None:
        _, e, climbed, down = best
        return _resolve(e, sent, trigger, published, future, anchor, exprs, links, climbed, down)
    return _fallback(sent, trigger, published, anchor, links)


def _modifier_cost(e: _Expr, trig: Token) -> float:
    """A date inside a noun phrase ("the 2019 uprising", "last week's quake") dates that noun: it is the
    trigger's date only when the noun is the trigger or the time frame ("during Wednesday's talks")."""
    root = _span_root(e.tokens)
    h = e.host
    if root.dep_ not in ("poss", "compound", "nmod", "amod", "nummod") or h.i == trig.i or h.head.i == trig.i:
        return 0.0  # the trigger's own noun, or its subject or object ("held Wednesday's talks")
    if h.dep_ == "pobj" and h.head.lower_ in ("during", "at", "on", "in", "amid", "throughout"):
        return 0.0
    return INF


def _distance(trig: Token, e: _Expr) -> int:
    if e.tokens.start <= trig.i < e.tokens.end:
        return 0
    return min(abs(trig.i - e.tokens.start), abs(trig.i - (e.tokens.end - 1)))


def _resolve(e: _Expr, sent: Span, trig: Token, pub: date | None, future: bool, anchor: date | None,
             exprs: list[_Expr], links: list[_Link], climbed: list[Token], down: list[Token]) -> DateResult:
    start, end = e.tokens.start_char, e.tokens.end_char
    basis = "expression"
    if e.anchored:
        base, hour = _base(e, sent, exprs, pub, anchor, future)
        if base is None:
            return DateResult(None, None, start, end, None)
        value: Interval | _Open | None = _anchored(e, base, hour)
        basis = "anchor"
    else:
        ctx = _Ctx(pub, _direction(e.host, future))
        value = _absolute(e.match, ctx)
        if value is None:
            value = _entity_date(e)
        if isinstance(value, tuple) and e.prep == "since" and _precision(value) != "day":
            value = OPEN
    if value is None or isinstance(value, _Open):
        return DateResult(None, None, start, end, None)
    for lk in links:
        t_in, e_in = lk.inside(trig), lk.inside(e.host)
        if t_in == e_in:
            continue
        value = _apply_link(value, lk, -1 if t_in else 1, e.hour)
        basis = "anchor"
    value = _duration_of(trig, value)
    if basis == "anchor" and not future and pub is not None and value[0] > pub:
        value = (pub, pub)  # counted past publication for an event that is no plan: the base was too late
    d, p = _fmt(value)
    return DateResult(d, p, start, end, basis)


def _fallback(sent: Span, trig: Token, pub: date | None, anchor: date | None, links: list[_Link]) -> DateResult:
    """No expression in reach: a link with no date on its other side counts from the anchor, else published."""
    base_day = anchor or pub
    for lk in links:
        if base_day is None:
            break
        hour = _context_hour(sent)
        if lk.inside(trig):
            iv = _apply_link((base_day, base_day), lk, -1, hour)
        elif anchor is not None and _path(trig, lk.host, None, False)[0] <= MAX_COST:
            iv = _apply_link((anchor, anchor), lk, 1, hour)
        else:
            continue
        iv = _duration_of(trig, iv)
        if pub is not None and iv[0] > pub:
            iv = (pub, pub)
        d, p = _fmt(iv)
        return DateResult(d, p, lk.word.idx, lk.word.idx + len(lk.word.text), "anchor")
    if pub is None:
        return NONE
    iv = _duration_of(trig, (pub, pub))
    d, p = _fmt(iv)
    return DateResult(d, p, None, None, "published")


def _base(e: _Expr, sent: Span, exprs: list[_Expr], pub: date | None, anchor: date | None,
          future: bool) -> tuple[Interval | None, float]:
    """What an anchored expression counts from: a day named earlier in the sentence, the anchor, published."""
    for other in reversed(exprs):
        if other.tokens.start >= e.tokens.start or other.anchored or other.duration:
            continue
        v = _absolute(other.match, _Ctx(pub, _direction(other.host, future)))
        if isinstance(v, tuple) and v[0] == v[1]:
            return v, other.hour
    day = anchor or pub
    if day is None:
        return None, 12.0
    return (day, day), _context_hour(sent)


def _anchored(e: _Expr, base: Interval, hour: float) -> Interval | None:
    m = e.match
    unit = (m.g("unit") or "day").lower().rstrip("s")
    if m.name == "clock":
        late_after = (m.g("p") or "").lower() in ("after", "past") and (m.g("clk") or "").lower() == "midnight"
        return _shift(base, 1) if late_after else base
    if m.name == "dayrel":
        return _shift(base, 1 if (m.g("dir") or "").lower() == "after" else -1)
    if m.name == "anch":
        which = (m.g("which") or "").lower()
        step = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get(which, 0)
        if unit in ("morning", "afternoon", "evening", "night"):
            return _shift(base, step)
        if unit == "week":
            monday = base[0] - timedelta(days=base[0].weekday()) + timedelta(days=7 * step)
            return (monday, monday + timedelta(days=6)) if step else base
        if unit == "weekend":
            sat = base[0] + timedelta(days=(5 - base[0].weekday()) % 7)
            return sat, sat + timedelta(days=1)
        if unit == "month":
            first = _add_months(base[0], step)
            return _month(first.year, first.month)
        if unit == "year":
            return _year(base[0].year + step)
        return _shift(base, step)
    if m.name == "rel":
        d = (m.g("dir") or "").lower()
        sign = -1 if d in ("earlier", "before") else 1
        n = _number(m.g("n"))
        approx = bool(m.g("approx")) or n is None
        if unit == "hour":
            return _shift(base, _hour_days(hour, sign * (n or 3)))
        return _counted(n or 1, unit, sign, base, approx and unit != "month")
    return base


def _context_hour(sent: Span) -> float:
    """Time of day of the last time expression before this sentence (for "six hours after")."""
    doc = sent.doc
    before = doc.text[max(0, sent.start_char - 400):sent.start_char]
    best = 12.0
    for m in reversed(_scan(before)):
        if m.name in ("dur",):
            continue
        best = _hour_of(m)
        break
    return best


def _duration_of(trig: Token, iv: Interval) -> Interval:
    """A trigger that lasts days ("a two-day visit", "three days of protests") spans them."""
    if iv[0] != iv[1] or trig.pos_ not in ("NOUN", "PROPN"):
        return iv
    n = unit = None
    cands = [c for c in trig.children if c.dep_ in ("compound", "amod", "nmod")]
    if trig.dep_ == "pobj" and trig.head.lower_ == "of":
        cands.append(trig.head.head)
    for c in cands:
        lemma = c.lemma_.lower()
        if lemma in ("day", "week") and c.i != trig.i:
            n = _number(" ".join(t.lower_ for t in c.subtree if t.i != c.i))
            unit = lemma
            break
    if not n or not unit or n < 2:
        return iv
    return iv[0] - timedelta(days=(n - 1) * UNIT_DAYS[unit]), iv[1]


# ---------------------------------------------------------------- explicit dates by dateparser
@lru_cache(maxsize=1)
def _parser() -> Any:  # a dateparser DateDataParser, made once
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first",
                                                      "RELATIVE_BASE": datetime(2000, 1, 1)})


_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _entity_date(e: _Expr) -> Interval | None:
    """A spaCy DATE entity our patterns did not read: dateparser, only if it names a year."""
    text = e.tokens.text
    if not _YEAR.search(text):
        return None
    data = _dateparse(text)
    if data is None:
        return None
    d, period = data
    if period == "year":
        return _year(d.year)
    if period == "month":
        return _month(d.year, d.month)
    return d, d


@lru_cache(maxsize=1024)
def _dateparse(text: str) -> tuple[date, str] | None:
    try:
        data = _parser().get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input
        log.debug("dateparser failed on %r", text)
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"
