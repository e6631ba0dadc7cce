"""Consistency checks and counts for the actor knowledge base.

    problems = check(kb)   # [] when the data is consistent
    counts(kb)             # entries by kind, persons, office terms

What `check` reports, one line each naming the entry's file:line:

* two holders of one office in one country on the same day (collective
  offices in COLLECTIVE_OFFICES and MULTI_HOLDER_OFFICES are exempt);
* an office whose end is before its start;
* an id given twice among the shipped files, or twice in one user file
  (a user file replacing a shipped entry is the intended way to override);
* a code that is neither a state, IGO or region code of the knowledge base;
* a term that points at entries with different codes, unless it is listed in
  KNOWN_AMBIGUOUS (those are resolved by the matcher's preference order).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from ..knowledge.actors import SHIPPED_PREFIX, ActorKB, Entry, Office, _norm

# Offices held by several people at once.
COLLECTIVE_OFFICES: set[tuple[str, str]] = {
    ("head_of_state", "AND"),  # co-princes: the French president and the Bishop of Urgell
    ("head_of_state", "SMR"),  # two captains regent
    ("head_of_state", "BIH"),  # three-member presidency
}

# Offices that several people hold at once anywhere (spokespeople, presidency members, agency heads).
MULTI_HOLDER_OFFICES: set[str] = {"spokesperson", "presidency_member", "agency_head", "party_official", "special_envoy",
                                  "group_leader", "party_leader", "opposition_leader"}

# Terms that knowingly name more than one code; the matcher prefers persons,
# then organisations, states, IGOs, regions.
KNOWN_AMBIGUOUS: set[str] = {
    "congo",  # COG and COD; the country entry is COD (the far more frequent in news), COG is "Congo-Brazzaville"
}

OFFICE_KINDS = ("state", "igo", "region")


def _overlap(a: Office, b: Office) -> bool:
    """More than a handover day in common (end and start on one day is a handover)."""
    a_start, b_start = a.start or date.min, b.start or date.min
    a_end, b_end = a.end or date.max, b.end or date.max
    return a_start < b_end and b_start < a_end


def check(kb: ActorKB) -> list[str]:
    problems: list[str] = []
    codes = {e.code for e in kb.entries.values() if e.kind in OFFICE_KINDS and e.code}

    for kept, replaced in kb.replaced:
        both_shipped = kept.origin.startswith(SHIPPED_PREFIX) and replaced.origin.startswith(SHIPPED_PREFIX)
        same_file = kept.origin.rsplit(":", 1)[0] == replaced.origin.rsplit(":", 1)[0]
        if both_shipped or same_file:
            problems.append(f"{kept.origin}: duplicate id '{kept.id}' (also at {replaced.origin})")

    for e in kb.entries.values():
        if e.code is not None and e.kind not in ("sector", "title") and e.code not in codes:
            problems.append(f"{e.origin}: {e.id}: unknown code '{e.code}'")
        for o in e.offices:
            if o.start and o.end and o.end < o.start:
                problems.append(f"{e.origin}: {e.id}: office {o.office} ends {o.end} before it starts {o.start}")
            if o.country is not None and o.country not in codes:
                problems.append(f"{e.origin}: {e.id}: office {o.office} in unknown country '{o.country}'")

    by_office: dict[tuple[str, str], list[tuple[Office, Entry]]] = defaultdict(list)
    for e in kb.entries.values():
        for o in e.offices:
            if o.country:
                by_office[(o.office, o.country)].append((o, e))
    for (office, country), rows in sorted(by_office.items()):
        if (office, country) in COLLECTIVE_OFFICES or office in MULTI_HOLDER_OFFICES:
            continue
        rows = sorted(rows, key=lambda r: r[0].start or date.min)
        for i, (a, ea) in enumerate(rows):
            for b, eb in rows[i + 1:]:
                if ea.id != eb.id and _overlap(a, b):
                    problems.append(f"{eb.origin}: {office} of {country}: {eb.id} ({b.start} to {b.end or 'now'}) "
                                    f"overlaps {ea.id} ({a.start} to {a.end or 'now'})")

    term_codes: dict[str, set[str]] = defaultdict(set)
    term_where: dict[str, str] = {}
    for e in kb.entries.values():
        if e.kind in ("sector", "title") or e.code is None:
            continue
        for fieldname in ("terms", "adjectives", "metonyms"):
            for t in getattr(e, fieldname):
                key = _norm(t)
                term_codes[key].add(e.code)
                term_where.setdefault(key, e.origin)
    for key, cs in sorted(term_codes.items()):
        if len(cs) > 1 and key not in KNOWN_AMBIGUOUS:
            problems.append(f"{term_where[key]}: term '{key}' points at several codes: {', '.join(sorted(cs))}")
    return problems


def counts(kb: ActorKB) -> dict[str, int]:
    """Entries by kind, plus persons with an office, office terms, terms, and current office holders."""
    by_kind = Counter(e.kind for e in kb.entries.values())
    out = {f"entries.{k}": n for k, n in sorted(by_kind.items())}
    out["entries"] = len(kb.entries)
    persons = [e for e in kb.entries.values() if e.kind == "person"]
    out["persons.with_office"] = sum(1 for e in persons if e.offices)
    out["office_terms"] = sum(len(e.offices) for e in persons)
    out["office_terms.current"] = sum(1 for e in persons for o in e.offices if o.end is None)
    out["surface_terms"] = sum(len(ts) for ts in kb.by_term.values())
    out["states"] = by_kind.get("state", 0)
    return out
