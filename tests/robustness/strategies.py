"""Hypothesis strategies for hostile input: odd Unicode, news sentences among it, and bad JSON Lines records.

`news_text()` mixes sentences that do yield events with control characters,
bidirectional marks, combining marks, nested quotes and arbitrary Unicode, so
that offsets are checked on texts that have events, not only on noise.
`jsonl_line()` draws one input line with the outcome it must have: a Document
(with the fields the reader must give back) or a problem (the line must be
reported where it is).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from hypothesis import strategies as st

SENTENCES = [
    "Kenya condemned France.",
    "China accused Japan of provocations.",
    "The United States imposed sanctions on China on Friday.",
    "Japan and China held talks in Tokyo on Tuesday.",
    "Kenya expelled two French diplomats.",
    "France offered aid to Kenya.",
    "Brazil may threaten Argentina, analysts said.",
    "NATO urged Japan to show restraint.",
    "Washington rejected the proposal from Beijing.",
    "Protesters marched in Nairobi on Sunday.",
    "President Lucia Rivera met Prime Minister Grace Mwangi.",
    "Germany imposed sanctions on Iran on Monday.",
]

# characters that have broken offset arithmetic or tokenisers elsewhere
ODD = (
    [chr(c) for c in range(0x00, 0x20)] + ["\x7f", "\x85", "\xa0", "\u2028", "\u2029"]   # controls, line breaks
    + ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
       "\u2069", "\u061c"]                                                                  # bidi marks
    + ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]                         # zero width, soft hyphen
    + ["\u0301", "\u0308", "\u20dd", "\u0489"]                                              # combining marks
    + ["ש", "ל", "ו", "م", "ر", "ح", "ب", "ا", "\u06f1", "\u0660"]                         # Hebrew, Arabic
    + ["中", "国", "日", "本", "ｆ", "ｕ", "ﬁ", "Ⅻ", "ǅ", "İ", "ß", "ς"]                  # CJK, width, case oddities
    + ["\U0001f600", "\U0001f1fa\U0001f1f8", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U000e0041",
       "\U0010fffd", "\ufffd", "\ufffe"]                                                    # astral, flags, ZWJ
)
SEPARATORS = [" ", "  ", "\n", "\n\n", "\r\n", "\t", "", "\u200f", "\u202e", "\x00", "\u2028", " \u0301"]
QUOTES = [('"', '"'), ("'", "'"), ("\u201c", "\u201d"), ("\u2018", "\u2019"), ("«", "»"), ("„", "“"),
          ("(", ")"), ("\u202b", "\u202c")]

odd_text = st.lists(st.sampled_from(ODD), max_size=6).map("".join)  # some are several code points
any_text = st.text(max_size=24)  # every code point except surrogates


def _quoted(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(st.sampled_from(QUOTES), st.sampled_from(["He said ", "", "Officials said: ", "the "]),
                     inner).map(lambda t: f"{t[1]}{t[0][0]}{t[2]}{t[0][1]}")


piece = st.recursive(st.one_of(st.sampled_from(SENTENCES), odd_text, any_text), _quoted, max_leaves=6)


@st.composite
def news_text(draw: st.DrawFn, max_pieces: int = 10) -> str:
    """Text of sentences, noise and nested quotes joined by odd separators (may be empty)."""
    parts = draw(st.lists(st.tuples(piece, st.sampled_from(SEPARATORS)), max_size=max_pieces))
    return "".join(p + s for p, s in parts)


published_good = st.one_of(
    st.none(),
    st.just(""),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)).map(date.isoformat),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 1, 1)).map(lambda d: f"{d.isoformat()}T12:30:00Z"),
)
published_bad = st.one_of(
    st.integers(), st.floats(allow_nan=False), st.booleans(), st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,./", min_size=1, max_size=20).filter(lambda s: s.strip()),
    st.sampled_from(["2025-13-01", "2025-02-30", "0000-01-01", "yesterday", "last week", "31/12/2024"]),
)
id_good = st.text(min_size=1, max_size=20).filter(lambda s: s.strip())  # ids are strings (E010 otherwise)
id_bad = st.one_of(st.integers(min_value=-10**18, max_value=10**18), st.floats(allow_nan=False), st.booleans(),
                   st.lists(st.integers(), max_size=2),
                   st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
                   st.sampled_from(["", "   ", "\t\n"]))
text_bad = st.one_of(st.integers(), st.floats(allow_nan=False), st.booleans(), st.lists(st.text(max_size=5),
                     max_size=2), st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2))
junk = st.tuples(  # source and title are strings when given (E015 otherwise); other keys are ignored
    st.dictionaries(st.sampled_from(["source", "title"]), st.one_of(st.none(), st.text(max_size=10)), max_size=2),
    st.dictionaries(st.sampled_from(["lang", "url", "extra"]),
                    st.one_of(st.none(), st.integers(), st.text(max_size=10), st.lists(st.integers(), max_size=2)),
                    max_size=2),
).map(lambda t: {**t[0], **t[1]})


@dataclass
class Line:
    """One input line and what the reader must make of it."""

    raw: str
    good: bool
    doc_id: str | None = None
    text: str | None = None
    published: date | None = None
    kind: str = ""


def _dump(obj: object, ascii_only: bool) -> str:
    return json.dumps(obj, ensure_ascii=ascii_only, allow_nan=True)


@st.composite
def good_line(draw: st.DrawFn) -> Line:
    doc_id, text, pub = draw(id_good), draw(news_text(max_pieces=6)), draw(published_good)
    obj = {**draw(junk), "id": doc_id, "text": text}
    if pub is not None or draw(st.booleans()):
        obj["published"] = pub
    published = date.fromisoformat(pub[:10]) if pub else None
    return Line(_dump(obj, draw(st.booleans())), True, doc_id, text, published, "good")


@st.composite
def bad_line(draw: st.DrawFn) -> Line:
    kind = draw(st.sampled_from(["truncated", "garbage", "not-object", "nested", "bad-id", "no-id", "bad-text",
                                 "no-text", "bad-published", "surrogate"]))
    base = {"id": draw(id_good), "text": draw(news_text(max_pieces=3)), "published": draw(published_good)}
    ascii_only = draw(st.booleans())
    if kind == "truncated":  # a good record cut short, as by a crash while it was written
        full = _dump(base, ascii_only)
        raw = full[:draw(st.integers(min_value=1, max_value=len(full) - 1))]
    elif kind == "garbage":
        raw = draw(st.one_of(
            st.sampled_from(["{broken", "{'id': 'x', 'text': 'y'}", '{"id": "a", "text": "b"} trailing',
                             '{"id": "a" "text": "b"}', "{,}", "]", "\ufeff{}", "\x00"]),
            st.text(min_size=1, max_size=30).filter(_not_json)))
    elif kind == "not-object":
        raw = _dump(draw(st.one_of(st.none(), st.integers(), st.text(max_size=10), st.booleans(),
                                   st.lists(st.integers(), max_size=3), st.just([base]))), ascii_only)
    elif kind == "nested":
        depth = draw(st.sampled_from([50_000, 200_000]))
        opener = draw(st.sampled_from(["[", '{"a":']))
        raw = opener * depth + ("]" if opener == "[" else "}") * depth
    elif kind == "surrogate":  # a JSON escape that decodes to a lone surrogate: not text
        field = draw(st.sampled_from(["text", "id", "title"]))
        base[field] = (base["text"] if field == "text" else "x") + draw(st.sampled_from(["\ud800", "\udfff",
                                                                                          "\udc80"]))
        raw = json.dumps(base)  # always escaped: \\udXXX
    else:
        obj = dict(base)
        if kind == "bad-id":
            obj["id"] = draw(id_bad)
        elif kind == "no-id":
            del obj["id"]
        elif kind == "bad-text":
            obj["text"] = draw(text_bad)
        elif kind == "no-text":
            obj.pop("text")
        else:
            obj["published"] = draw(published_bad)
        raw = _dump(obj, ascii_only)
    return Line(raw, False, kind=kind)


def _not_json(s: str) -> bool:
    if not s.strip() or "\n" in s or "\r" in s:
        return False
    try:
        json.loads(s)
    except (ValueError, RecursionError):
        return True
    return False


@st.composite
def jsonl_file(draw: st.DrawFn, max_lines: int = 10) -> list[Line]:
    """Lines of a JSON Lines file, good and bad, with blank lines among them (blank lines are skipped)."""
    blank = st.sampled_from(["", " ", "\t", "\r"]).map(lambda s: Line(s, True, kind="blank"))
    return draw(st.lists(st.one_of(good_line(), bad_line(), good_line(), bad_line(), blank),
                         min_size=1, max_size=max_lines))
