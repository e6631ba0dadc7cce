"""ActorKB: the actor knowledge base, loaded from YAML data files, queried by date.

Every file (the shipped ones in `actors/data/` and a user's own) is a YAML list
of entries with one schema:

    - id: state/jpn               # unique; a user entry with the same id replaces the shipped one
      kind: state                 # state | igo | region | person | org | sector | title
      name: Japan                 # canonical name
      code: JPN                   # ISO 3166-1 alpha-3, an IGO or region code, or null
      sector: GOV                 # default sector of the actor (GOV MIL LEG JUD POL MED BUS CVL REB IGO)
      terms: [Japan]              # names that denote the actor itself
      adjectives: [Japanese]      # modifier forms: "Japanese troops"
      metonyms: [Tokyo]           # capitals and seats of power used for the government
      offices:                    # persons only: what they held, when; country defaults to code,
        - {office: head_of_government, country: JPN, title: prime minister,
           start: 2025-10-21, end: null}  # sector to GOV (IGO for an IGO's office)
      office: head_of_state       # titles only: which office a title word denotes
      note: free text             # optional, on an entry or an office ("approximate", sources)

Office ids used in the shipped data: head_of_state, head_of_government,
foreign_minister, defence_minister, secretary_general (and other IGO heads),
and `acting_<office>` for a stand-in who holds the powers while the office is
vacant or its holder suspended. `holder()` falls back to the acting holder.

Terms are matched case-insensitively unless they are written in capitals of
three letters or fewer ("US", "UN", "EU"), which must match as written.

`ActorKB.load(extra)` fails on the first schema error (KBError names file,
line and field); `ActorKB.load_lenient(extra)` skips bad entries of the user's
files and returns the problems so a command can report them and go on.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..records import SECTORS, Actor

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

KINDS = ("state", "igo", "region", "person", "org", "sector", "title")
TERM_FIELDS = ("terms", "adjectives", "metonyms")
ENTRY_FIELDS = frozenset({"id", "kind", "name", "code", "sector", "offices", "office", "note", *TERM_FIELDS})
OFFICE_FIELDS = frozenset({"office", "country", "title", "start", "end", "sector", "note"})
SHIPPED_PREFIX = "actors/data/"


class KBError(ValueError):
    """A knowledge-base file that does not follow the schema (names file, entry and field)."""


@dataclass(frozen=True)
class Office:
    office: str
    country: str | None
    title: str | None
    start: date | None
    end: date | None
    note: str | None = None
    sector: str | None = None  # the holder's sector in this office (default GOV, IGO for an IGO's office)

    def actor_sector(self) -> str:
        if self.sector:
            return self.sector
        return "IGO" if self.country in igo_codes() else "GOV"

    def holds_on(self, on: date | None) -> bool:
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass
class Entry:
    id: str
    kind: str
    name: str | None
    code: str | None
    sector: str | None
    terms: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)
    office: str | None = None
    origin: str = ""  # "file:line" the entry came from

    def actor(self, on: date | None = None) -> Actor:
        """This entry as an Actor on a date.

        A person holding an office that day acts for the office's country in the office's sector
        (Mark Rutte in 2023 is NLD GOV, in 2025 NATO IGO; Imran Khan is PAK GOV as prime minister
        and PAK POL after); otherwise the entry's own code and sector.
        """
        held = [o for o in self.offices if o.holds_on(on)]
        if held:
            o = held[0]
            return Actor(code=o.country or self.code, name=self.name, sector=o.actor_sector(), office=o.office,
                         entry=self.id)
        return Actor(code=self.code, name=self.name, sector=self.sector, office=None, entry=self.id)


@dataclass(frozen=True)
class Term:
    """One surface form in the text that points at an entry."""

    text: str
    field: str  # terms | adjectives | metonyms
    entry_id: str
    case_sensitive: bool


def _norm(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", s.strip()).lower()


def _is_acronym(term: str) -> bool:
    t = term.replace(".", "")
    return len(t) <= 3 and t.isupper()


def _date(value: Any, where: str, fieldname: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise KBError(f"{where}: field '{fieldname}': not an ISO date: {value!r}") from None


def _str_list(value: Any, where: str, fieldname: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KBError(f"{where}: field '{fieldname}': expected a list of strings")
    return list(value)


_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster


class _LineLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """A YAML loader that remembers the line each mapping starts on."""


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# dates stay strings until `_date` checks them, so a bad one is reported with its file, line and field
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


def parse_entries(text: str, source: str, problems: list[str] | None = None) -> list[Entry]:
    """Entries of one YAML file; raises KBError naming file, line and field.

    With a `problems` list, a bad entry is reported there and skipped, and the
    other entries of the file are kept (a file that is not YAML at all gives
    one problem and no entries).
    """
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        err = KBError(f"{source}{line}: not valid YAML ({getattr(e, 'problem', e)})")
        if problems is None:
            raise err from None
        problems.append(str(err))
        return []
    if data is None:
        return []
    if not isinstance(data, list):
        err = KBError(f"{source}: expected a list of entries at the top level")
        if problems is None:
            raise err
        problems.append(str(err))
        return []
    entries = []
    for raw in data:
        try:
            if not isinstance(raw, dict):
                raise KBError(f"{source}: every entry must be a mapping, got {type(raw).__name__}")
            line = raw.pop("__line__", None)
            entries.append(_entry(raw, f"{source}:{line}", source))
        except KBError as e:
            if problems is None:
                raise
            problems.append(str(e))
    return entries


def _entry(raw: dict[str, Any], where: str, source: str = "") -> Entry:
    unknown = set(raw) - ENTRY_FIELDS
    if unknown:
        raise KBError(f"{where}: unknown field '{sorted(unknown)[0]}'")
    eid = raw.get("id")
    if not isinstance(eid, str) or not eid:
        raise KBError(f"{where}: field 'id': required, a non-empty string")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise KBError(f"{where}: field 'kind': must be one of {', '.join(KINDS)}, got {kind!r}")
    sector = raw.get("sector")
    if sector is not None and sector not in SECTORS:
        raise KBError(f"{where}: field 'sector': must be one of {', '.join(SECTORS)}, got {sector!r}")
    code = raw.get("code")
    if code is not None and not isinstance(code, str):
        raise KBError(f"{where}: field 'code': expected a string")
    name = raw.get("name")
    if name is not None and not isinstance(name, str):
        raise KBError(f"{where}: field 'name': expected a string")
    raw_offices = raw.get("offices") or []
    if not isinstance(raw_offices, list):
        raise KBError(f"{where}: field 'offices': expected a list of mappings")
    offices = [_office(o, where, source, code) for o in raw_offices]
    office = raw.get("office")
    if office is not None and not isinstance(office, str):
        raise KBError(f"{where}: field 'office': expected a string")
    return Entry(
        id=eid,
        kind=kind,
        name=name,
        code=code,
        sector=sector,
        terms=_str_list(raw.get("terms"), where, "terms"),
        adjectives=_str_list(raw.get("adjectives"), where, "adjectives"),
        metonyms=_str_list(raw.get("metonyms"), where, "metonyms"),
        offices=offices,
        office=office,
        origin=where,
    )


def _office(o: Any, where: str, source: str, code: str | None) -> Office:
    if not isinstance(o, dict) or "office" not in o:
        raise KBError(f"{where}: field 'offices': each needs at least 'office'")
    line = o.pop("__line__", None)
    if source and line is not None:
        where = f"{source}:{line}"
    unknown = set(o) - OFFICE_FIELDS
    if unknown:
        raise KBError(f"{where}: unknown field 'offices.{sorted(unknown)[0]}'")
    for key in ("office", "country", "title", "sector", "note"):
        if o.get(key) is not None and not isinstance(o[key], str):
            raise KBError(f"{where}: field 'offices.{key}': expected a string, got {o[key]!r}")
    start = _date(o.get("start"), where, "offices.start")
    end = _date(o.get("end"), where, "offices.end")
    if start and end and end < start:
        raise KBError(f"{where}: field 'offices.end': {end} is before start {start}")
    if o.get("sector") is not None and o["sector"] not in SECTORS:
        raise KBError(f"{where}: field 'offices.sector': must be one of {', '.join(SECTORS)}, got {o['sector']!r}")
    return Office(o["office"], o.get("country") or code, o.get("title"), start, end, o.get("note"), o.get("sector"))


def _read(p: Path) -> str:
    try:
        return p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise KBError(f"{p}: cannot read actor file ({e})") from None


_SHIPPED: list[tuple[str, list[Entry]]] | None = None


def _shipped_entries() -> list[Entry]:
    """The shipped entries, parsed once per process (entries are not changed after loading)."""
    global _SHIPPED
    if _SHIPPED is None:
        _SHIPPED = [(name, parse_entries(text, name)) for name, text in shipped_files()]
    return [e for _, es in _SHIPPED for e in es]


def igo_codes() -> frozenset[str]:
    """Codes of the shipped international organisations (the `kind: igo` entries of `igos.yaml`)."""
    global _IGO_CODES
    if _IGO_CODES is None:
        _IGO_CODES = frozenset(e.code for e in _shipped_entries() if e.kind == "igo" and e.code)
    return _IGO_CODES


_IGO_CODES: frozenset[str] | None = None


def state_terms() -> list[tuple[str, str]]:
    """(term, ISO3 code) of every name of a shipped state (the `terms` of `kind: state` entries)."""
    return [(t, e.code) for e in _shipped_entries() if e.kind == "state" and e.code for t in e.terms]


def shipped_files() -> list[tuple[str, str]]:
    """(name, text) of the shipped data files, in a stable order."""
    folder = resources.files("eventwire").joinpath("actors", "data")
    out = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith((".yaml", ".yml")):
            out.append((f"{SHIPPED_PREFIX}{item.name}", item.read_text(encoding="utf-8")))
    return out


class ActorKB:
    """Actor knowledge: entries by id, surface terms, and office holders by date."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: dict[str, Entry] = {}
        self.replaced: list[tuple[Entry, Entry]] = []  # (kept, replaced): same id given twice
        for e in entries:
            old = self.entries.get(e.id)
            if old is not None:
                self.replaced.append((e, old))
            self.entries[e.id] = e  # later entries (user files) replace earlier ones
        self._index()

    @classmethod
    def load(cls, extra: Iterable[str | Path] = ()) -> ActorKB:
        """The shipped knowledge plus the user's files (their entries win); raises KBError on a bad file."""
        entries = _shipped_entries()
        for path in extra:
            entries.extend(parse_entries(_read(Path(path)), str(path)))
        return cls(entries)

    @classmethod
    def load_lenient(cls, extra: Iterable[str | Path] = ()) -> tuple[ActorKB, list[str]]:
        """Like `load`, but a user file's bad entries (or an unreadable file) are skipped and reported.

        Returns the knowledge base and the problems, one line each naming file, line and field.
        The shipped knowledge always loads.
        """
        entries = _shipped_entries()
        problems: list[str] = []
        for path in extra:
            try:
                text = _read(Path(path))
            except KBError as e:
                problems.append(str(e))
                continue
            entries.extend(parse_entries(text, str(path), problems))
        return cls(entries), problems

    def _index(self) -> None:
        self.by_term: dict[str, list[Term]] = defaultdict(list)
        self.holders: dict[tuple[str, str], list[tuple[Office, Entry]]] = defaultdict(list)
        self.by_code: dict[str, Entry] = {}
        for e in self.entries.values():
            for fieldname in TERM_FIELDS:
                for t in getattr(e, fieldname):
                    term = Term(t, fieldname, e.id, _is_acronym(t))
                    key = t.replace("\u2019", "'") if term.case_sensitive else _norm(t)
                    self.by_term[key].append(term)
            if e.kind in ("state", "igo", "region") and e.code and e.code not in self.by_code:
                self.by_code[e.code] = e
            for o in e.offices:
                if o.country:
                    self.holders[(o.office, o.country)].append((o, e))
                    if o.title:
                        self.holders[(_norm(o.title), o.country)].append((o, e))

    # ------------------------------------------------------------------ lookups

    def terms(self) -> Iterator[Term]:
        """Every surface term (for building a phrase matcher)."""
        for ts in self.by_term.values():
            yield from ts

    def entry(self, entry_id: str) -> Entry:
        return self.entries[entry_id]

    def lookup(self, text: str) -> list[Term]:
        """Terms equal to `text` (case-insensitive, or exact for short acronyms)."""
        exact = self.by_term.get(text.replace("\u2019", "'"), [])
        folded = [t for t in self.by_term.get(_norm(text), []) if not t.case_sensitive]
        return [*exact, *folded] if exact is not folded else exact

    def country(self, code: str) -> Entry | None:
        return self.by_code.get(code)

    def holder(self, office: str, country: str, on: date | None = None) -> Actor | None:
        """Who held `office` (an office id like head_of_state, or a title like 'prime minister').

        With no holder that day, a stand-in (`acting_<office>`) is returned if there is one.
        Two holders on the day of a handover: the one who took office that day.
        Several at once (collective offices): None.
        """
        rows = self.holders.get((office, country)) or self.holders.get((_norm(office), country)) or []
        found = self._current(rows, on)
        if found is None:
            offices = {o.office for o, _ in rows} or {office}
            for off in sorted(offices):
                if not off.startswith("acting_"):
                    found = self._current(self.holders.get((f"acting_{off}", country), []), on)
                    if found is not None:
                        break
        if found is None:
            return None
        o, e = found
        return Actor(code=o.country or e.code, name=e.name, sector=o.actor_sector(), office=o.office, entry=e.id)

    def holders_of(self, office: str, country: str) -> list[tuple[Office, Entry]]:
        """Every term of an office (id or title) in a country, oldest first."""
        rows = self.holders.get((office, country)) or self.holders.get((_norm(office), country)) or []
        return sorted(rows, key=lambda r: r[0].start or date.min)

    @staticmethod
    def _current(rows: list[tuple[Office, Entry]], on: date | None) -> tuple[Office, Entry] | None:
        current: dict[str, tuple[Office, Entry]] = {}
        for o, e in rows:
            if o.holds_on(on) and e.id not in current:
                current[e.id] = (o, e)
        if len(current) == 1:
            return next(iter(current.values()))
        if len(current) > 1 and on is not None:
            # a handover day: the outgoing holder's term ends the day the new one's starts
            newest = [r for r in current.values() if r[0].start == on]
            if len(newest) == 1 and all(r[0].end == on for r in current.values() if r is not newest[0]):
                return newest[0]
        return None

    def resolve(self, mention: str, on: date | None = None) -> Actor | None:
        """Resolve a whole mention ("Japan", "the Kremlin", "President Xi", "Japan's prime minister")."""
        from .phrases import resolve_phrase  # word rules over the terms: no parser needed

        return resolve_phrase(self, mention, on)


def actor_names() -> dict[str, str]:
    """Code -> name of every state, organisation and region the shipped knowledge knows, by code."""
    return {code: e.name or code for code, e in sorted(ActorKB.load().by_code.items())}
