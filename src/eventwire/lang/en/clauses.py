"""Clause structure around a trigger: what governs it, what it is the content of, refusals.

Small pure functions over the dependency parse, shared by extraction.
"""

from __future__ import annotations

from spacy.tokens import Token

from .words import words

REFUSAL_VERBS = words("refusal_verbs")
FINITE_TAGS = {"VBD", "VBZ", "VBP"}  # Penn tags of finite verbs
# prepositions that introduce what an act is about ("accused X OF supporting", "warned OF action",
# "refrained FROM", "erred BY supporting"); "after announcing ..." introduces an act of its own
CONTENT_PREPS = words("content_prepositions")


def refused(head: Token) -> bool:
    t = head
    for _ in range(3):
        if t.dep_ in ("xcomp", "pcomp", "prep") and t.head != t:
            t = t.head
            if t.lemma_.lower() in REFUSAL_VERBS:
                return True
        else:
            return False
    return False


def beside_complement(tok: Token) -> Token | None:
    """A finite verb coordinated with an infinitive complement stands beside the governing verb, not in its
    content: "urged its citizens to leave and HALTED flights" -> urged. Returns that governing verb."""
    h = tok.head
    if tok.dep_ == "conj" and tok.tag_ in FINITE_TAGS and h.dep_ == "xcomp" and h.tag_ == "VB" and h.head != h:
        return h.head
    return None


def governing_heads(head: Token) -> list[Token]:
    """The words whose complement this clause is: "urged X TO LIFT" / "warned THAT it could strike" -> urged."""
    out = []
    t = head
    for _ in range(4):
        content = t.dep_ in ("ccomp", "xcomp", "pcomp", "acomp") or (
            t.dep_ == "prep" and t.lower_ in CONTENT_PREPS) or (
            t.dep_ in ("acl", "advcl") and t.head.pos_ == "NOUN") or (  # "a motion TO IMPEACH"
            t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children))  # purpose
        if beside_complement(t) is not None:
            break
        if t.dep_ == "conj" and t.head.dep_ in ("xcomp", "ccomp", "pcomp"):
            t = t.head  # "called on Arabs to unite and MOBILIZE": a coordinated complement is content too
            continue
        if content and t.head != t:
            t = t.head
            out.append(t)
        else:
            break
    return out


def inside_verb_trigger(tok: Token, heads: set[int]) -> bool:
    """A noun trigger that is the object of another trigger ("condemned the ATTACK") adds nothing."""
    h = tok.head
    if tok.dep_ in ("dobj", "nsubjpass") and h.i in heads:
        return True
    if tok.dep_ == "pobj" and h.dep_ == "prep" and h.head.i in heads:
        return True
    return False


