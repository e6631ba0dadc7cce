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
"hours later", "within hours", an occasion named before: "during the visit")
count from an earlier date: one named before them in the same
sentence, else `anchor` (the caller's date of the previous event), else
`published` (or, when a count from `published` would pass it, the month named
just before the sentence). "N days after X" links date the events on either
side of the link from each other. Missing `published`: expressions that need it
stay null. An expression that only looks ahead never dates an act in the past,
nor one that only names the past an act in the present tense.

This module chooses the expression and anchors it; finding the expressions
and links in the parse is `eventwire.date_expressions`, and recognising
expressions in text and the calendar arithmetic that resolves them live in
`eventwire.timexpr`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from spacy.tokens import Span, Token

from .date_expressions import LINK_MARKS, Expr, Link, apply_link, find_expressions, find_links, span_root
from .lang.en import syntax as sx
from .lang.en.words import words
from .nlp import tree_path
from .stages.modality import ModalityLexicon
from .timexpr import (
    ANCHOR_STEPS,
    BACKWARD,
    OCCASION_NOUNS,
    OPEN,
    PAST_DAY_WORDS,
    PERIOD_STEPS,
    UNIT_DAYS,
    Context,
    Interval,
    Open,
    absolute,
    count_from,
    entity_date,
    fmt,
    hour_of,
    number,
    precision,
    scan,
    widen_month,
)

__all__ = ["DateResult", "event_date", "looks_back", "sentence_anchor"]


@dataclass(frozen=True)
class DateResult:
    """The date of one event; `basis` says where it came from.

    basis: "expression" (the time expression and `published` alone), "anchor"
    (counted from an earlier date), "published" (no expression: the
    publication date), "beyond the calendar" (the expression counts past year 1 or 9999:
    no date), or None (unresolved). A caller that keeps an anchor for
    later events should move it only on "expression" results of precision day.
    """

    date: str | None
    precision: str | None
    start: int | None = None
    end: int | None = None
    basis: str | None = None


NONE = DateResult(None, None)

# ---------------------------------------------------------------- vocabulary of the parse
_MODALS = ModalityLexicon.load()
FUTURE_AUX = _MODALS.future_modals | _MODALS.hypothetical_modals  # the modal auxiliaries of lang/en/modality.yaml
FUTURE_WORDS = words("future_words")
FUTURE_GOVERNORS = words("future_governors")
TEMPORAL_MARKS = words("temporal_marks")
ONGOING_MARKS = words("ongoing_marks")
REMOTE_MARKS = words("remote_marks")
DEADLINE_PREPS = words("deadline_prepositions")
UNTIL_PREPS = words("until_prepositions")
BOUND_PREPS = words("bound_prepositions")
FRAME_PREPS = words("frame_prepositions")
FORWARD_WORDS = words("forward_words")
PAST_AUX = words("past_auxiliaries")
PERFECT_PARTICIPLE_AUX = words("perfect_participle_auxiliaries")
PRESENT_PERFECT_AUX = words("present_perfect_auxiliaries")
PRESENT_AUX = words("present_auxiliaries")
DURATION_UNITS = words("duration_units")
INF = 99.0
MAX_COST = 10.0


# ---------------------------------------------------------------- tree distance
def _aux(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if sx.is_auxiliary(c, passive=True)}


def _has_subject(tok: Token) -> bool:
    return sx.has_subject(tok, clausal=True)


def _own_subject(tok: Token) -> bool:
    """A relative clause with a subject of its own ("the pact the rebels signed"), not its relative pronoun."""
    return any(s.tag_ not in ("WDT", "WP", "WP$") and s.lower_ != "that" for s in sx.nominal_subjects(tok, True))


def _mark(tok: Token) -> str | None:
    return next((m.lower_ for m in sx.markers(tok)), None)


def _participial(tok: Token) -> bool:
    return tok.tag_ in ("VBG", "VBN") and not _has_subject(tok) and _mark(tok) is None


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX")


def _up_cost(c: Token, e: Expr | None = None) -> float:
    """Cost of climbing from clause word `c` to its head (on the way to expression `e`)."""
    if sx.is_relative_clause(c):
        if _aux(c) & FUTURE_AUX:
            return INF
        if _own_subject(c) and (sx.is_clause_apposition(c.head) or _aux(c) & PRESENT_PERFECT_AUX):
            return INF  # "..., a move Delhi welcomed", "the autonomy its leaders have demanded": its own act
        return 3
    if sx.is_complement(c) or sx.is_parataxis(c) or sx.is_clausal_subject(c):
        return 3
    if sx.is_conjunct(c):
        if _is_verb(c) and _has_subject(c) and _mark(c) is None:
            if e is not None and _fronted(e, c.head) and not _aux(c) & PRESENT_PERFECT_AUX and \
                    _direction(c, False) == _direction(c.head, False):
                return 2  # "On Monday, A did X and B did Y": an expression put before both clauses
            return INF  # "A did X on Monday, and B did Y": B's clause has no expression of its own
        return 2 if _is_verb(c) else 1
    if sx.is_adverbial_clause(c):
        mark = _mark(c)
        if mark in ONGOING_MARKS and c.tag_ in ("VBP", "VBZ") and not _aux(c):
            return INF  # "... on Monday, as prosecutors investigate": ongoing now, not on the main clause's day
        if mark in TEMPORAL_MARKS or _participial(c):
            return 1
        if mark in LINK_MARKS:
            return 2
        return INF if mark in REMOTE_MARKS else 3  # "..., though the rebels say they will not disarm": apart
    return 1


def _fronted(e: Expr, head: Token) -> bool:
    """Expression `e` stands on clause `head` before its subject ("On Monday, rebels seized ...")."""
    subjects = sx.nominal_subjects(head, True)
    return e.host.i == head.i and bool(subjects) and e.tokens.end <= min(s.left_edge.i for s in subjects)


def _down_cost(c: Token, e: Expr | None, future_ctx: bool) -> float:
    """Cost of descending from c's head into c on the way to the expression (None: to a link)."""
    nested = 3 if future_ctx and e is not None and _forward(e) else None
    if sx.is_conjunct(c) and _is_verb(c):
        if e is None or e.prep in DEADLINE_PREPS or e.anchored:
            return INF
        return INF if _has_subject(c) and _mark(c) is None else 9 if _has_subject(c) else 3
    if sx.is_relative_clause(c):
        if _frame_noun(c.head):
            return nested or 3  # "held in a spate of raids that started on Monday": the frame's date
        return nested or 12
    if sx.is_complement(c) or sx.is_clausal_subject(c) or sx.is_parataxis(c):
        return nested or 6
    if sx.is_adverbial_clause(c):
        mark = _mark(c)
        if mark in TEMPORAL_MARKS or mark in LINK_MARKS:
            return 2
        if _participial(c) and _aux(c) & PERFECT_PARTICIPLE_AUX:
            return INF  # "..., having sent troops last year": an earlier act, its date is not the main clause's
        return 4 if _participial(c) else (nested or 8)
    if sx.is_adnominal_clause(c):
        return 2
    if sx.is_open_complement(c):
        return 4
    return 1


def _frame_noun(noun: Token) -> bool:
    """`noun` is the time frame of a clause ("in a WAVE of arrests", "during the TALKS"), or part "of" one."""
    for _ in range(4):
        if not sx.is_prep_object(noun):
            return False
        if noun.head.lower_ in FRAME_PREPS:
            return True
        if noun.head.lower_ != "of":
            return False
        noun = noun.head.head
    return False


def _forward(e: Expr) -> bool:
    text = e.tokens.text.lower()
    return any(w in text for w in FORWARD_WORDS)


def _path(trig: Token, host: Token, e: Expr | None, future_ctx: bool) -> tuple[float, list[Token], list[Token]]:
    """(cost, trigger-side words climbed, expression-side words descended) between trigger and host."""
    path = tree_path(trig, host)
    if path is None:
        return INF, [], []
    climbed, down = path
    cost = sum(_up_cost(c, e) for c in climbed) + sum(_down_cost(c, e, future_ctx) for c in down)
    if any(sx.is_scene_clause(c) for c in climbed) and any(sx.is_scene_clause(c) for c in down):
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
    if "to" in aux and (sx.is_open_complement(t) or sx.is_adnominal_clause(t) or sx.is_adverbial_clause(t)) and \
            t.head.lemma_.lower() in FUTURE_GOVERNORS | FUTURE_WORDS:
        return "future"  # "invited him to visit in April", "is set to open on Dec. 6", "a plan to meet in May"
    if t.tag_ == "VBD" or aux & PAST_AUX:
        return "past"
    if future:
        return "future"
    return None


def _tense_link(t: Token) -> bool:
    """Whether `t` takes its tense from its head: a complement, an adnominal or adverbial clause, a preposition."""
    return (sx.is_prep_complement(t) or sx.is_open_complement(t) or sx.is_adnominal_clause(t)
            or sx.is_adverbial_clause(t) or sx.is_preposition(t) or sx.is_prep_object(t))


def _tense_clauses(trig: Token) -> Iterator[Token]:
    """The trigger's clause verb, then the clauses it takes its tense from ("seemed to REJECT": seemed), up to six."""
    t = _clause_verb(trig)
    for _ in range(6):
        yield t
        if not (_tense_link(t) and t.head.i != t.i and not _has_subject(t)):
            return
        t = t.head


def _after(result: DateResult, published: date | None) -> bool:
    """Whether `result` begins after the publication day (a day, month or year wholly after it)."""
    if published is None or result.date is None:
        return False
    first = result.date + {"year": "-01-01", "month": "-01"}.get(result.precision or "day", "")
    return first > published.isoformat()


def _future_clause(trig: Token, future: bool) -> bool:
    """The trigger's clause speaks of the future or of a possibility ("could retaliate by excluding ...")."""
    return future or any(_aux(t) & FUTURE_AUX for t in _tense_clauses(trig))


def _backward(e: Expr) -> bool:
    """An expression that can only name a time before publication ("last month", "two weeks ago", "yesterday")."""
    name = e.match.name
    if name == "ago":
        return True
    if name == "pubword":
        return " ".join((e.match.g("w") or "").lower().split()) in PAST_DAY_WORDS
    rel = " ".join((e.match.g("rel") or e.match.g("p") or "").lower().split())
    return name in ("period", "mon", "wd") and PERIOD_STEPS.get(rel, 0) < 0


def _present_clause(trig: Token) -> bool:
    """The trigger's own clause is in the present tense ("is being questioned", "holds")."""
    t = _clause_verb(trig)
    aux = _aux(t)
    if aux & PAST_AUX or aux & FUTURE_AUX or t.tag_ in ("VBD", "VBN") and not aux:
        return False
    return bool(aux & PRESENT_AUX) or t.tag_ in ("VBZ", "VBP")


def _past_clause(trig: Token) -> bool:
    """The trigger's clause, or the clause it takes its tense from, is in the past ("seemed to reject")."""
    return any(_direction(t, False) == "past" for t in _tense_clauses(trig))


# ---------------------------------------------------------------- the stage
def event_date(
    sent: Span,
    trigger: Token,
    published: date | None,
    future: bool = False,
    anchor: date | None = None,
    done: bool = False,
) -> DateResult:
    """The date of the event whose trigger word is `trigger` in sentence `sent`.

    `published` anchors relative expressions; `future` is True for planned
    events (a bare weekday or month then means the next one); `anchor` is the
    date of the previous event in the document, for "the following day"; `done` is True for an act the text
    reports as done (asserted or negated), which is never dated after `published`.
    """
    if isinstance(published, datetime):
        published = published.date()
    if isinstance(anchor, datetime):
        anchor = anchor.date()
    exprs = find_expressions(sent)
    links = find_links(sent, exprs)
    consumed = {i for lk in links for i in lk.tokens}
    future_ctx = _future_clause(trigger, future)

    ranked: list[tuple[float, int, Expr, list[Token], list[Token]]] = []
    for e in exprs:
        if e.duration or any(t.i in consumed for t in e.tokens):
            continue
        if e.prep in UNTIL_PREPS:
            continue
        if e.match.name == "occasion" and _direction(e.host, future) == "future":
            continue  # "will take part in the talks": an occasion still to come, not the one named before
        if e.prep == "since" and not _is_verb(e.host):
            continue  # "the first visit since 2019"
        if not future_ctx and not e.anchored and _forward(e) and _past_clause(trigger):
            continue  # "seemed on Monday to reject a visit next week": the visit's date
        if _backward(e) and _present_clause(trigger):
            continue  # "the editor is being questioned over a column last month": the column's
        cost, climbed, down = _path(trigger, e.host, e, future_ctx)
        if cost > MAX_COST:
            continue
        cost += _modifier_cost(e, trigger)
        if cost > MAX_COST:
            continue
        # a day named outright beats "at dawn" or "overnight" beside it
        vague = e.anchored or e.match.name == "pubword" and (e.match.g("w") or "").lower() == "overnight"
        score = cost + 0.08 * _distance(trigger, e) + (0.5 if vague else 0)
        ranked.append((score, len(ranked), e, climbed, down))

    for _, _, e, climbed, down in sorted(ranked, key=lambda r: r[:2]):
        result = _resolve(e, sent, trigger, published, future, anchor, exprs, links, climbed, down)
        if future_ctx or not done or not _after(result, published):
            return result
        # an act the text reports as done cannot be dated after the report: "agreed to cut emissions BY 2035"
        # dates the cut, not the agreement
    return _fallback(sent, trigger, published, anchor, links)


def sentence_anchor(sent: Span, published: date | None, anchor: date | None = None) -> date | None:
    """The last single day the sentence names, for relatives in later sentences ("a day later").

    Anchored expressions count from `anchor` (or an earlier day of the sentence); days after `published`
    (plans) and spans of more than one day are skipped. None when the sentence names no past day.
    """
    if isinstance(published, datetime):
        published = published.date()
    exprs = find_expressions(sent)
    links = find_links(sent, exprs)
    consumed = {i for lk in links for i in lk.tokens}
    last: date | None = None
    for e in exprs:
        if e.duration or e.prep in BOUND_PREPS or \
                any(t.i in consumed for t in e.tokens):
            continue
        value: Interval | Open | None
        if e.anchored:
            if e.match.name == "clock":
                continue
            base, hour = _base(e, sent, exprs, published, anchor, False)
            value = count_from(e.match, base, hour) if base is not None else None
        else:
            value = absolute(e.match, Context(published, _direction(e.host, False)))
        if isinstance(value, tuple) and value[0] == value[1] and (published is None or value[0] <= published):
            last = value[0]
    return last


def looks_back(sent: Span) -> bool:
    """The sentence counts back from the day the text is at ("hours earlier", "the day before", "the previous
    night"): a look back, after which the story returns to that day."""
    for e in find_expressions(sent):
        name, g = e.match.name, e.match.g
        if name == "rel" and (g("dir") or "").lower() in BACKWARD or \
                name == "dayrel" and (g("dir") or "").lower() in BACKWARD or \
                name == "anch" and (ANCHOR_STEPS.get((g("which") or "").lower(), 0) < 0 or
                                    (g("lat") or "").lower() in BACKWARD):
            return True
    return False


def _modifier_cost(e: Expr, trig: Token) -> float:
    """A date inside a noun phrase ("the 2019 uprising", "last week's quake") dates that noun: it is the
    trigger's date only when the noun is the trigger or the time frame ("during Wednesday's talks")."""
    root = span_root(e.tokens)
    h = e.host
    if not (sx.is_owner(root) or sx.is_number_modifier(root)) or h.i == trig.i or h.head.i == trig.i:
        return 0.0  # the trigger's own noun, or its subject or object ("held Wednesday's talks")
    if sx.is_prep_object(h) and h.head.lower_ in FRAME_PREPS:
        return 0.0
    if sx.is_prep_object(h) and h.lemma_.lower() in OCCASION_NOUNS and \
            h.head.lower_ not in LINK_MARKS and h.head.lower_ not in DEADLINE_PREPS:
        return 0.0  # an occasion the act took place at: "two ministers left the March 4 session"
    return INF


def _distance(trig: Token, e: Expr) -> int:
    if e.tokens.start <= trig.i < e.tokens.end:
        return 0
    return min(abs(trig.i - e.tokens.start), abs(trig.i - (e.tokens.end - 1)))


def _resolve(e: Expr, sent: Span, trig: Token, pub: date | None, future: bool, anchor: date | None,
             exprs: list[Expr], links: list[Link], climbed: list[Token], down: list[Token]) -> DateResult:
    start, end = e.tokens.start_char, e.tokens.end_char
    basis = "expression"
    value: Interval | Open | None
    if e.match.name == "within" and (_future_clause(trig, future) or _direction(e.host, future) == "future"):
        value = absolute(e.match, Context(pub, "future"))  # "possible within weeks": a vague span ahead
    elif e.anchored:
        base, hour = _base(e, sent, exprs, pub, anchor, future)
        if base is None:
            return DateResult(None, None, start, end, None)
        value = count_from(e.match, base, hour)
        basis = "anchor"
    else:
        direction = _direction(e.host, future)
        if direction == "future" and not future and _direction(_clause_verb(trig), False) == "past" and \
                not _future_clause(trig, False):
            direction = "past"  # "said on Sunday it would stop ..., but warned ...": the event's own clause is past
        ctx = Context(pub, direction)
        value = absolute(e.match, ctx)
        if value is None:
            value = entity_date(e.tokens.text)
        if isinstance(value, tuple) and e.prep == "since" and precision(value) != "day":
            value = OPEN
    if value is None or isinstance(value, Open):
        return DateResult(None, None, start, end, None)
    for lk in links:
        t_in, e_in = lk.inside(trig), lk.inside(e.host)
        if t_in == e_in:
            continue
        value = apply_link(value, lk, -1 if t_in else 1, e.hour)
        basis = "anchor"
    value = _duration_of(trig, value)
    if basis == "anchor" and not future and pub is not None and value[0] > pub:
        # counted past publication for an event that is no plan: the base was too late; with no day to count
        # from, a month named just before ("In May he went to Paris. A week later ...") is the base
        month = _month_before(sent, pub) if anchor is None and e.anchored else None
        moved = count_from(e.match, (month[0], month[0]), e.hour) if month is not None else None
        value = widen_month(moved) if moved is not None and moved[0] <= pub else (pub, pub)
    d, p = fmt(value)
    return DateResult(d, p, start, end, basis)


def _fallback(sent: Span, trig: Token, pub: date | None, anchor: date | None, links: list[Link]) -> DateResult:
    """No expression in reach: a link with no date on its other side counts from the anchor, else published."""
    base_day = anchor or pub
    for lk in links:
        if base_day is None:
            break
        hour = _context_hour(sent)
        if lk.inside(trig):
            # "closed it on Monday, a day after X recalled ...": counted back from the day the other side has
            host = event_date(sent, lk.host, pub, anchor=anchor)
            base = date.fromisoformat(host.date) if host.basis == "expression" and host.precision == "day" and \
                host.date else base_day
            iv = apply_link((base, base), lk, -1, hour)
        elif anchor is not None and _path(trig, lk.host, None, False)[0] <= MAX_COST:
            # "speaking after the vote": with no count, the act follows on the day the text is at
            iv = apply_link((anchor, anchor), lk, 1, hour) if lk.n is not None and lk.unit is not None \
                else (anchor, anchor)
        else:
            continue
        iv = _duration_of(trig, iv)
        if pub is not None and iv[0] > pub:
            iv = (pub, pub)
        d, p = fmt(iv)
        return DateResult(d, p, lk.word.idx, lk.word.idx + len(lk.word.text), "anchor")
    if pub is None:
        return NONE
    iv = _duration_of(trig, (pub, pub))
    d, p = fmt(iv)
    return DateResult(d, p, None, None, "published")


def _base(e: Expr, sent: Span, exprs: list[Expr], pub: date | None, anchor: date | None,
          future: bool) -> tuple[Interval | None, float]:
    """What an anchored expression counts from: a day named earlier in the sentence, the anchor, published."""
    for other in reversed(exprs):
        if other.tokens.start >= e.tokens.start or other.duration or other.match.name == "clock":
            continue
        if other.anchored:  # "four days later, ... the same day": counted from what the earlier one counts from
            base, hour = _base(other, sent, exprs, pub, anchor, future)
            counted_value = count_from(other.match, base, hour) if base is not None else None
            if counted_value is not None and counted_value[0] == counted_value[1]:
                return counted_value, other.hour
            continue
        v = absolute(other.match, Context(pub, _direction(other.host, future)))
        if isinstance(v, tuple) and v[0] == v[1]:
            return v, other.hour
    day = anchor or pub
    if day is None:
        return None, 12.0
    return (day, day), _context_hour(sent)



def _month_before(sent: Span, pub: date) -> Interval | None:
    """The month the text named last before this sentence, if its last time expression names one."""
    before = sent.doc.text[max(0, sent.start_char - 400):sent.start_char]
    for m in reversed(scan(before)):
        if m.name == "dur":
            continue
        value = absolute(m, Context(pub, "past"))
        return value if isinstance(value, tuple) and precision(value) == "month" else None
    return None


def _context_hour(sent: Span) -> float:
    """Time of day of the last time expression before this sentence (for "six hours after")."""
    doc = sent.doc
    before = doc.text[max(0, sent.start_char - 400):sent.start_char]
    best = 12.0
    for m in reversed(scan(before)):
        if m.name in ("dur",):
            continue
        best = hour_of(m)
        break
    return best


def _duration_of(trig: Token, iv: Interval) -> Interval:
    """A trigger that lasts days ("a two-day visit", "three days of protests") spans them."""
    if iv[0] != iv[1] or trig.pos_ not in ("NOUN", "PROPN"):
        return iv
    n = unit = None
    cands = sx.modifiers(trig)
    if sx.is_prep_object(trig) and trig.head.lower_ == "of":
        cands.append(trig.head.head)
    for c in cands:
        lemma = c.lemma_.lower()
        if lemma in DURATION_UNITS and c.i != trig.i:
            n = number(" ".join(t.lower_ for t in c.subtree if t.i != c.i))
            unit = lemma
            break
    if not n or not unit or n < 2:
        return iv
    return iv[0] - timedelta(days=(n - 1) * UNIT_DAYS[unit]), iv[1]
