"""Clause structure around a trigger: what governs it, what it is the content of, refusals.

Small pure functions over the dependency parse, shared by extraction.
"""

from __future__ import annotations

from spacy.tokens import Token

from . import syntax as sx
from .words import words

REFUSAL_VERBS = words("refusal_verbs")
FINITE_TAGS = sx.FINITE_TAGS
PERFECT_AUXILIARIES = ("has", "have", "had")
UNREAL_MODALS = ("will", "would", "could", "may", "might", "shall", "can", "'ll", "must", "should")
# prepositions that introduce what an act is about ("accused X OF supporting", "warned OF action",
# "refrained FROM", "erred BY supporting"); "after announcing ..." introduces an act of its own
CONTENT_PREPS = words("content_prepositions")
SETTING_PREPS = words("setting_prepositions")
CLAUSE_ACT_PREPS = words("clause_act_prepositions")
CHARGE_NOUNS = words("charge_nouns")
BEARING_PREPS = words("bearing_prepositions")
BEARING_VERBS = words("bearing_verbs")
GO_BETWEEN_VERBS = words("go_between_verbs")
JOINT_ACT_PREPS = words("joint_act_prepositions")
AID_SETTING_PREPS = words("aid_setting_prepositions")
REQUEST_SETTING_PREPS = words("request_setting_prepositions")


def refused(head: Token) -> bool:
    t = head
    for _ in range(3):
        if (sx.is_open_complement(t) or sx.is_prep_complement(t) or sx.is_preposition(t)) and t.head != t:
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
    if sx.is_conjunct(tok) and tok.tag_ in FINITE_TAGS and sx.is_open_complement(h) and h.tag_ == "VB" and \
            h.head != h:
        return h.head
    if sx.is_conjunct(tok) and tok.tag_ in FINITE_TAGS and sx.is_prep_complement(h) and h.tag_ == "VBG" and \
            sx.is_preposition(h.head) and h.head.head != h.head:
        return h.head.head  # "accused X of stealing water and THREATENED tariffs" -> accused
    if sx.is_conjunct(tok) and sx.is_complement(h) and h.head != h and not sx.has_subject(tok) and \
            (tok.tag_ in FINITE_TAGS or sx.has_auxiliary(tok, PERFECT_AUXILIARIES)) and \
            sx.has_auxiliary(h, UNREAL_MODALS):
        return h.head  # "has warned that it WOULD respond and HAS MOVED troops" -> warned: a deed, not the warning
    return None


def bearing_verb(noun: Token) -> Token | None:
    """The verb whose subject bears the act `noun` names: "Kenya CAME under pressure", "Kenya FACES sanctions"."""
    if sx.is_prep_object(noun) and sx.is_preposition(noun.head) and noun.head.lower_ in BEARING_PREPS:
        verb = noun.head.head
    elif sx.is_direct_object(noun) and noun.head.lemma_.lower() in BEARING_VERBS:
        verb = noun.head
    else:
        return None
    return verb if verb.pos_ in ("VERB", "AUX") else None


def charged(tok: Token) -> bool:
    """Whether `tok` is a clause the parser hung on the verb of a charge set after it ("X ACCUSED Y, a charge Y
    denied"): it stands on its own, not as that verb's content."""
    cb = sx.charge_beside(tok.head, CHARGE_NOUNS) if tok.head != tok else None
    return cb is not None and cb[0] == tok


def charge_doer(verb: Token) -> Token | None:
    """The real subject of the verb of a charge set after a clause ("a charge BRAZIL denied"), or None."""
    cb = sx.charge_beside(verb, CHARGE_NOUNS)
    return None if cb is None else cb[2]


def charged_clause(noun: Token) -> Token | None:
    """The clause a charge set after it names ("X ACCUSED Y, a CHARGE Y denied" -> accused), or None."""
    cb = sx.charge_beside(noun.head, CHARGE_NOUNS) if noun.head != noun else None
    return cb[0] if cb is not None and cb[1] == noun else None


def go_between(tok: Token) -> bool:
    """Whether `tok` is a participle naming the go-between of the noun it follows, an act of that agent's own:
    "a truce BROKERED BY Egypt", "talks MEDIATED BY Qatar", "a summit HOSTED BY Kenya"."""
    return tok.tag_ == "VBN" and tok.lemma_.lower() in GO_BETWEEN_VERBS and bool(sx.agents(tok))


def governing_heads(head: Token) -> list[Token]:
    """The words whose complement this clause is: "urged X TO LIFT" / "warned THAT it could strike" -> urged."""
    out = []
    t = head
    for _ in range(4):
        modifying = sx.is_adnominal_clause(t) or sx.is_adverbial_clause(t)
        content = sx.is_content_complement(t) or (
            sx.is_preposition(t) and t.lower_ in CONTENT_PREPS) or (
            modifying and t.head.pos_ == "NOUN" and not go_between(t)) or (  # "a motion TO IMPEACH"
            sx.is_adverbial_clause(t) and sx.has_auxiliary(t, ("to",)))  # purpose
        if beside_complement(t) is not None or charged(t):
            break
        if sx.is_conjunct(t) and (sx.is_open_complement(t.head) or sx.is_complement(t.head)
                                  or sx.is_prep_complement(t.head)):
            t = t.head  # "called on Arabs to unite and MOBILIZE": a coordinated complement is content too
            continue
        if content and t.head != t:
            t = t.head
            out.append(t)
        else:
            break
    return out


# nouns of these types, after these prepositions, are acts of their own beside the act they frame: a meeting where
# another act took place ("agreed AT A SUMMIT", "signed it DURING TALKS"), a joint act another was done in ("struck
# IN A JOINT OPERATION with X"), help it was done with ("shot them down WITH HELP from X"), a request it answers
# ("AT THE REQUEST of X")
OWN_ACT_PREPS = {"CONSULT": SETTING_PREPS, "COOPERATE": JOINT_ACT_PREPS, "AID": AID_SETTING_PREPS,
                 "SUPPORT": AID_SETTING_PREPS, "REQUEST": REQUEST_SETTING_PREPS}


def own_act_prepositions(event_type: str) -> frozenset[str]:
    """The prepositions after which a noun of `event_type` names an act of its own (see OWN_ACT_PREPS)."""
    return OWN_ACT_PREPS.get(event_type, frozenset())


def inside_verb_trigger(tok: Token, heads: set[int], own_preps: frozenset[str] = frozenset()) -> bool:
    """A noun trigger that is the object of another trigger ("condemned the ATTACK") adds nothing; one after a
    preposition of `own_preps` ("agreed AT A SUMMIT") is an act of its own."""
    h = tok.head
    if (sx.is_direct_object(tok) or sx.is_nominal_passive_subject(tok)) and h.i in heads:
        return True
    if sx.is_prep_object(tok) and sx.is_preposition(h) and h.head.i in heads:
        return h.lower_ not in own_preps
    return False


def relative_object(clause: Token, relatives: frozenset[str]) -> bool:
    """Whether every object of `clause` (none included) is one of the relative pronouns `relatives`: the noun the
    clause hangs on is what it acts on ("the dam Brazil BUILT", "a charge that Brazil DENIES")."""
    return all(o.lower_ in relatives for o in sx.objects(clause))


def embedded_under(head: Token, heads: set[int]) -> bool:
    """Whether the clause of `head` hangs, at any depth, on another of the words `heads` (token indices):
    "defended the right of troops TO FIRE", "demanded that X EASE", "threatened to strike unless Y ACCEPTED".
    A coordinated clause stands level with the one it is coordinated with ("met X and SIGNED")."""
    t = head
    while t.head != t:
        coordinated = sx.is_conjunct(t)
        t = t.head
        if not coordinated and t.i in heads:
            return True
    return False


def clause_head(tok: Token, preps: frozenset[str] = CLAUSE_ACT_PREPS) -> Token | None:
    """The verb a noun trigger's phrase hangs on through a preposition of `preps` ("returned FROM talks",
    "arrived for a round of talks"), or None."""
    x = tok
    for _ in range(4):
        if not sx.is_prep_object(x) or not sx.is_preposition(x.head):
            return None
        prep = x.head
        head = prep.head
        if prep.lower_ == "of" and head.pos_ in ("NOUN", "PROPN"):
            x = head  # "a round of talks": the measure's own phrase decides
            continue
        if prep.lower_ not in preps or head.pos_ not in ("VERB", "AUX"):
            return None
        return head
    return None
