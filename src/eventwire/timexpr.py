"""Time expressions: recognise them in text and resolve them against a base date.

    for m in scan(sentence_text):                       # Match(start, end, name, groups), no overlaps
        value = absolute(m, Context(published, "past"))   # (first day, last day) | OPEN | None
        value = count_from(m, (day, day), hour)           # "the following day", "two days later"
    fmt(value)                                          # ("2025-11", "month")

Pure functions on strings and dates, nothing about the parse: the patterns
(weekdays, months, years, relative offsets, "the following day", "last
week", "during the visit"), the calendar arithmetic that turns a match into an interval of days
(past or future as the context's direction says, the nearer one when it does
not), the precision of an interval (the smallest calendar unit holding it),
and dateparser for explicit dates the patterns miss. Which expression belongs
to an event is decided in `eventwire.dates`.
"""

from __future__ import annotations

import calendar
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from .lang.en.words import table, words

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

__all__ = [
    "ANCHOR_STEPS", "BACKWARD", "MONTHS", "NUMBERS", "OCCASION_NOUNS", "OPEN", "PAST_DAY_WORDS", "PATTERNS",
    "PERIOD_STEPS", "TOD_HOUR", "UNIT_DAYS", "WEEKDAYS", "YEAR", "YEAR_CONTEXT",
    "Context", "Interval", "Match", "Open", "absolute", "count_from", "counted", "entity_date", "fmt",
    "hour_days", "hour_of", "number", "precision", "scan", "shift", "widen_month",
]

# ---------------------------------------------------------------- vocabulary
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
NUMBERS = {w: int(n) for w, n in table("numbers").items()}  # "three" -> 3 (lang/en/time.yaml)
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}  # the calendar units (names, not words of the text)
TOD_HOUR = table("hours")  # "dawn" -> 6
PERIOD_STEPS = table("period_steps")  # "next" -> 1 ("next week")
ANCHOR_STEPS = table("anchor_steps")  # "following" -> 1 ("the following day")
AHEAD = words("ahead_words", "time")
DAY_PARTS = words("day_parts", "time")
LATE_CLOCK = words("late_clock_words", "time")
BACKWARD = words("backward_words", "time")
OCCASION_PREPS = words("occasion_prepositions", "time")
OCCASION_NOUNS = words("occasion_nouns", "time")
ANCHOR_OPENERS = words("anchor_openers", "time")
PAST_DAY_WORDS = words("past_day_words", "time")


def _alternatives(items: frozenset[str]) -> str:
    """A regex alternation of the words, longest first."""
    return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))


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
    ("dayrel", r"(?i:\bthe\s+(?P<unit>day|night|morning|evening)\s+(?P<dir>before|after)\b)"),
    ("rel", rf"(?i:\b(?P<approx>{_APPROX})(?P<n>{_NUM}\s+)?(?P<unit>hours?|days?|weeks?|months?|years?)\s+"
            rf"(?P<dir>later|earlier|afterwards|before|after)\b)"),
    ("within", r"(?i:\bwithin\s+(?P<approx>a\s+few\s+|several\s+|a\s+couple\s+of\s+)?"
               r"(?P<unit>hours|days|weeks|months)\b)"),
    ("ago", rf"(?i:\b(?P<approx>{_APPROX})(?P<n>{_NUM})\s+(?P<unit>hours?|days?|weeks?|months?|years?)\s+ago\b)"),
    ("anch", r"(?i:\b(?:(?P<lat>later|earlier)\s+)?(?:on\s+|during\s+|in\s+|by\s+)?"
             r"(?:the\s+(?P<which>following|next|previous|same|preceding)|(?P<that>that))\s+"
             r"(?P<unit>day|morning|afternoon|evening|night|week|weekend|month|year)\b)"),
    ("clock", r"(?i:\b(?:(?:shortly|just|soon|well|long)\s+)?(?P<p>before|after|at|around|by|past)\s+"
              r"(?P<clk>midnight|dawn|daybreak|noon|midday|dusk|sunrise|sunset)\b)"),
    ("monrel", rf"(?P<q>(?i:{_EDGE})[\s-]+)?\b(?P<mon>{_MON_FULL})\s+(?:(?i:of)\s+)?(?P<rel>(?i:last|this|next))\s+"
               r"(?i:year)\b"),
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
    ("occasion", rf"(?i:\b(?:{_alternatives(OCCASION_PREPS)})\s+the\s+(?:[\w-]+\s+){{0,2}}?"
                 rf"(?:{_alternatives(OCCASION_NOUNS)})(?![\w-]))"),
    ("opener", rf"(?i:^(?:{_alternatives(ANCHOR_OPENERS)})(?=\s*,))"),
    ("dur", rf"(?i:\b(?P<n>{_NUM})[\s-]+(?P<unit>hours?|days?|weeks?|months?|years?)\b)"),
]]

MONTH_CONTEXT = words("month_context", "time")
YEAR_CONTEXT = MONTH_CONTEXT | words("year_context", "time")


@dataclass(frozen=True)
class Match:
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
def scan(text: str) -> tuple[Match, ...]:
    """All time expressions in a sentence's text, by our patterns, without overlaps."""
    taken: list[tuple[int, int]] = []
    out: list[Match] = []
    for name, pat in PATTERNS:
        for m in pat.finditer(text):
            s, e = m.span()
            if e <= s or any(s < te and ts < e for ts, te in taken):
                continue
            groups = tuple((k, v) for k, v in m.groupdict().items() if v)
            if name == "mon" and not _month_context(text, m):
                continue
            taken.append((s, e))
            out.append(Match(s, e, name, groups))
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


class Open:
    """An open range ("since December"): deliberately no date."""


OPEN = Open()


def _month(y: int, m: int) -> Interval:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _year(y: int) -> Interval:
    return date(y, 1, 1), date(y, 12, 31)


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    return date(d.year + y, m + 1, 1)


def shift(iv: Interval, days: int) -> Interval:
    """The interval moved by `days` (negative: back)."""
    return iv[0] + timedelta(days=days), iv[1] + timedelta(days=days)


def precision(iv: Interval) -> str:
    """The smallest calendar unit holding the interval: day, month or year."""
    lo, hi = iv
    if lo == hi:
        return "day"
    if (lo.year, lo.month) == (hi.year, hi.month):
        return "month"
    return "year"


def fmt(iv: Interval) -> tuple[str, str]:
    """(date string cut to the precision, precision): ("2025-11", "month")."""
    p = precision(iv)
    return iv[0].isoformat()[: {"day": 10, "month": 7, "year": 4}[p]], p


def widen_month(iv: Interval) -> Interval:
    """An approximate interval: from the start of its first month to the later of its end and that month's."""
    return _month(iv[0].year, iv[0].month)[0], max(iv[1], _month(iv[0].year, iv[0].month)[1])


def number(text: str | None) -> int | None:
    """The count in "about three", "a few", "12" (its last number word), or None."""
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
class Context:
    """What resolving needs besides the text: the publication date and the tense of the clause."""

    published: date | None
    direction: str | None  # "past" | "future" | None (unknown: the nearer one)


def _pick(ctx: Context, past: date, future: date) -> date:
    if ctx.direction == "future":
        return future
    if ctx.direction == "past" or ctx.published is None:
        return past
    return _nearest(past, future, ctx.published)


def absolute(m: Match, ctx: Context) -> Interval | Open | None:
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
    if name == "monrel":  # "in January last year": that month of the year the word counts to
        if pub is None:
            return None
        step = int(PERIOD_STEPS.get((m.g("rel") or "").lower(), 0))
        return _month(pub.year + step, MONTHS[(m.g("mon") or "").lower()])
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
        if w in PAST_DAY_WORDS:
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
        step = int(PERIOD_STEPS.get(rel, 0))
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
        n = number(m.g("n")) or {"day": 7, "week": 3, "month": 3}[unit]
        days = n * UNIT_DAYS[unit]
        if (m.g("w") or "").lower() in AHEAD:
            return pub, pub + timedelta(days=days)
        return pub - timedelta(days=days), pub
    if name == "within":  # "within weeks" ahead of publication: a vague span (counted back, see count_from)
        return _year(pub.year)
    if name == "ago":
        return counted(number(m.g("n")) or 1, (m.g("unit") or "").lower(), -1, (pub, pub), bool(m.g("approx")))
    return None


def counted(n: int, unit: str, sign: int, base: Interval, approx: bool = False) -> Interval:
    """base shifted by n units (hours count only when they cross midnight: see hour_days)."""
    unit = unit.rstrip("s")
    if unit == "day" or unit == "week":
        iv = shift(base, sign * n * UNIT_DAYS[unit])
        return widen_month(iv) if approx or (unit == "week" and n > 1) else iv
    if unit == "month":
        first = _add_months(base[0], sign * n)
        return _month(first.year, first.month)
    if unit == "year":
        return _year(base[0].year + sign * n)
    return base


# ---------------------------------------------------------------- time of day and anchored expressions
def hour_of(m: Match) -> float:
    """The hour of the day an expression names ("at dawn" 6, "Monday night" 22), else noon."""
    text = m.g("tod") or m.g("clk") or m.g("q1") or m.g("unit") or ""
    for w in reversed(text.lower().split()):
        if w in TOD_HOUR:
            return TOD_HOUR[w]
    return 12.0


def hour_days(hour: float, hours: float) -> int:
    """Whole days crossed going `hours` from `hour` o'clock."""
    return int((hour + hours) // 24)


def count_from(m: Match, base: Interval, hour: float) -> Interval | None:
    """Value of an anchored expression ("the following day", "two days later", "before dawn") counted from
    `base`; `hour` is the time of day of the base, for "six hours later"."""
    unit = (m.g("unit") or "day").lower().rstrip("s")
    if m.name in ("occasion", "opener"):  # "during the visit", "Earlier, ...": on the day the text is at
        return base
    if m.name == "clock":
        late_after = (m.g("p") or "").lower() in LATE_CLOCK and (m.g("clk") or "").lower() == "midnight"
        return shift(base, 1) if late_after else base
    if m.name == "dayrel":
        return shift(base, 1 if (m.g("dir") or "").lower() == "after" else -1)
    if m.name == "anch":
        which = (m.g("which") or "").lower()
        step = int(ANCHOR_STEPS.get(which, 0))
        if unit in DAY_PARTS:
            return shift(base, step)
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
        return shift(base, step)
    if m.name in ("rel", "within"):  # "within hours": some hours after the base, like "hours later"
        d = (m.g("dir") or "").lower()
        sign = -1 if d in BACKWARD else 1
        n = number(m.g("n"))
        approx = bool(m.g("approx")) or n is None
        if unit == "hour":
            return shift(base, hour_days(hour, sign * (n or 3)))
        return counted(n or 1, unit, sign, base, approx and unit != "month")
    return base


# ---------------------------------------------------------------- explicit dates by dateparser
@lru_cache(maxsize=1)
def _parser() -> Any:  # a dateparser DateDataParser, made once
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first",
                                                      "RELATIVE_BASE": datetime(2000, 1, 1)})


YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def entity_date(text: str) -> Interval | None:
    """An explicit date our patterns did not read (a spaCy DATE entity): dateparser, only if it names a year."""
    if not YEAR.search(text):
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
