"""English parse cues of a word that may report an act: the features the learned trigger model reads.

`cues(tok, lexicon, is_actor)` names what is around a verb or noun in the
parse: its lemma, part of speech and role, its head, its subject's and
objects' noun classes and whether they are actors, its prepositions and
particles, negation, and which lexicon rule (if any) fires on it. Each cue is
a string; the model (`stages/proposals.py`) weighs them. They stand here,
beside the syntax adapter, because they read the English parser's labels.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from . import syntax as sx

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ...stages.triggers import TriggerLexicon

VERB_POS = frozenset({"VERB", "AUX"})
NOUN_POS = frozenset({"NOUN", "PROPN"})


def candidate(tok: Token) -> bool:
    """Whether `tok` can report an act: a verb, or a common noun."""
    return tok.pos_ in VERB_POS or tok.tag_.startswith("VB") or tok.pos_ == "NOUN"


def _lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.text).lower()


def _argument(prefix: str, arg: Token, lex: TriggerLexicon, is_actor: Callable[[Token], bool]) -> list[str]:
    """Cues of one argument: its lemma, its noun classes, its entity type, whether it is an actor."""
    out = [f"{prefix}={_lemma(arg)}"]
    if arg.ent_type_:
        out.append(f"{prefix}:ent={arg.ent_type_}")
    if is_actor(arg):
        out.append(f"{prefix}:actor")
    out.extend(f"{prefix}:class={c}" for c in sorted(lex.classes.names()) if lex.classes.member(arg, c))
    return out


def cues(tok: Token, lex: TriggerLexicon, is_actor: Callable[[Token], bool], rule_type: str | None) -> list[str]:
    """The cues of the word `tok`; `rule_type` is the type of the lexicon rule that fires on it, or None."""
    lemma = _lemma(tok)
    pos = "V" if tok.pos_ in VERB_POS or tok.tag_.startswith("VB") else "N"
    out = [f"lemma={lemma}", f"pos={pos}", f"tag={tok.tag_}", f"dep={sx.label(tok)}", f"lex={rule_type or '-'}",
           f"lemma+lex={lemma}|{rule_type or '-'}", f"head={_lemma(tok.head)}"]
    if lemma in lex.light_verbs:
        out.append("light")
    for s in sx.subjects(tok):
        out.extend(_argument("subj", s, lex, is_actor))
    for s in sx.passive_subjects(tok):
        out.extend(_argument("psubj", s, lex, is_actor))
    for o in sx.direct_objects(tok):
        out.extend(_argument("obj", o, lex, is_actor))
        out.append(f"lemma+obj={lemma}|{_lemma(o)}")
    for p in sx.particles(tok):
        out.append(f"prt={p.lower_}")
        out.append(f"lemma+prt={lemma}|{p.lower_}")
    for c in tok.children:
        if sx.is_preposition(c):
            out.append(f"prep={c.lower_}")
            for o in sx.objects_of_prep(c, None):
                out.extend(_argument(f"prep:{c.lower_}", o, lex, is_actor))
        elif sx.is_negation(c):
            out.append("negated")
        elif sx.is_possessor(c):
            out.extend(_argument("poss", c, lex, is_actor))
        elif sx.is_compound(c) or sx.is_adjective_modifier(c):
            out.append(f"mod={_lemma(c)}")
            if is_actor(c):
                out.append("mod:actor")
    for x in sx.open_complements(tok):
        out.append(f"xcomp={_lemma(x)}")
    if pos == "N":
        verb = sx.governing_verb(tok)
        if verb is not None:
            out.append(f"gov={_lemma(verb)}")
    return out
