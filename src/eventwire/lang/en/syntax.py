"""English syntax adapter: the one place that knows the English parser's dependency labels.

Stages ask it for a token's subjects, objects, prepositional arguments,
possessors and modifiers, and whether a token fills one of these roles,
instead of reading `Token.dep_` themselves. The label sets stand once, here.

It also holds the parse repairs the parse stage runs: labels of the
statistical parser that every later walker would otherwise have to undo. The
small English model labels the preposition of a recipient "dative" when it
sits after a direct object ("gave aid TO X", "sent troops TO X"), but "prep"
elsewhere; the walkers that look for "to X" read prepositions by their "prep"
label, so the parse stage relabels such a preposition once (`normalize`).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the adapter only reads tokens: importing it loads no spaCy
    from spacy.tokens import Doc, Token

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})  # Penn tags of finite verbs
SUBJECT = frozenset({"nsubj", "csubj", "expl"})  # subjects of an active clause
PASSIVE_SUBJECT = frozenset({"nsubjpass", "csubjpass"})
NOMINAL_SUBJECT = frozenset({"nsubj"})
NOMINAL_SUBJECT_ANY_VOICE = frozenset({"nsubj", "nsubjpass"})
OBJECT = frozenset({"dobj", "dative"})  # direct object and noun recipient ("gave PERU aid")
INDIRECT_OBJECT = frozenset({"iobj"})
PREPOSITION = frozenset({"prep"})
PARTICLE = frozenset({"prt"})
NOUN_MODIFIER = frozenset({"amod", "compound", "nmod"})
DESCRIBING = frozenset({"amod", "compound", "conj"})
PARTICLE_LIKE = frozenset({"prt", "prep", "agent", "advmod"})
ACTED_ON = frozenset({"dobj", "attr", "oprd", "nsubjpass"})
PREDICATE_COMPLEMENT = frozenset({"oprd", "acomp", "xcomp", "ccomp"})
# what hangs on a word whose modality it takes ("declined TO RECOGNISE", "is expected TO MEET")
GOVERNED = frozenset({"xcomp", "pcomp", "prep", "acomp", "auxpass", "aux", "dobj", "attr", "oprd"})
QUALIFIER = frozenset({"amod", "det", "compound", "acl"})
# dependents that belong to a noun phrase's own words (not clauses or other arguments)
PHRASE_WORD = frozenset({"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "case", "flat", "punct",
                         "npadvmod", "appos", "prt"})
# a clause that sets its own scene: complement, relative, adverbial, paratactic or subject clause
SCENE_CLAUSE = frozenset({"ccomp", "relcl", "advcl", "parataxis", "csubj"})
INNER_MODIFIER = frozenset({"compound", "flat", "amod"})  # words inside a noun phrase, not its head
POSSESSOR = frozenset({"poss"})
# a clause the walkers climb out of to the clause that governs it
CHAIN = frozenset({"xcomp", "conj", "advcl", "pcomp", "prep", "acl", "relcl", "ccomp", "acomp"})
REPORTED_LINK = frozenset({"ccomp", "conj", "advcl"})  # how a clause hangs on a reporting verb
NOUN_CLAUSE = frozenset({"acl", "relcl"})  # a clause that modifies a noun
CLAUSE_APPOSITION = frozenset({"appos", "npadvmod", "dep"})  # a noun commenting on a clause
CLAUSE_MODIFIER = frozenset({"acl", "advcl", "relcl"})


def _children(tok: Token, labels: Collection[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in labels]


# ------------------------------------------------------------------ what a token's children are
def subjects(tok: Token) -> list[Token]:
    """Active subjects of the clause headed by `tok` (nominal, clausal, expletive)."""
    return _children(tok, SUBJECT)


def stranded_subject(tok: Token, marks: Collection[str]) -> Token | None:
    """The subject of an adverbial clause that the parser hung on its subordinating word read as a preposition:
    "a day AFTER Kenya recalled its envoy" parses "Kenya" as the object of "after" and leaves "recalled" with no
    subject. Only when that object's phrase ends right before the verb; None otherwise."""
    if tok.dep_ not in ("advcl", "conj") or has_subject(tok, clausal=True):
        return None
    for c in tok.children:
        if c.i > tok.i:
            break
        # a coordinated verb only with a count before the word ("a DAY after X recalled"): else it shares the
        # first verb's subject ("closed the border and after talks REOPENED it")
        if tok.dep_ == "advcl" and c.dep_ in PREPOSITION:
            preps = [c]
        elif tok.dep_ == "advcl" or c.dep_ == "npadvmod":
            preps = [g for g in c.children if g.dep_ in PREPOSITION]
        else:
            continue
        for p in preps:
            objs = [o for o in p.children if o.dep_ == "pobj"]
            if p.lower_ in marks and objs and objs[-1].right_edge.i == tok.i - 1:
                return objs[-1]
    return None


def buried_main_subject(tok: Token) -> Token | None:
    """The subject of a sentence's main verb that the parser buried in the relative clause on that subject: "X, WHO
    HAD WON the vote, CALLED for calm" parses X as the root of a sentence with no main verb and "called" as a
    modifier inside the relative clause. Only a finite verb with no subject of its own, right after a comma, in a
    relative clause on a noun that is the root; None otherwise."""
    root = tok.sent.root
    if tok.tag_ not in FINITE_TAGS or root.pos_ not in ("NOUN", "PROPN") or has_subject(tok, clausal=True) or \
            tok.i == 0 or tok.doc[tok.i - 1].text != ",":
        return None
    return root if any(a.dep_ == "relcl" and a.head == root for a in tok.ancestors) else None


def charge_beside(verb: Token, nouns: Collection[str]) -> tuple[Token, Token, Token] | None:
    """A clause the parser made the complement of the verb of a phrase set after it: "X accused Y of Z, A CHARGE
    BRAZIL DENIED" parses "accused" as the complement of "denied", "charge" as its subject and "Brazil" in
    apposition to that. Returns (the clause's verb, the noun, the phrase's real subject), or None."""
    noun = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in nouns), None)
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    if noun is None or clause is None or clause.i > noun.i:
        return None
    doer = next((c for c in noun.children if c.dep_ == "appos" and c.i > noun.i), None)
    return None if doer is None else (clause, noun, doer)


def nominal_subjects(tok: Token, passive: bool = False) -> list[Token]:
    """Nominal subjects of `tok`; with `passive`, passive nominal subjects too."""
    return _children(tok, NOMINAL_SUBJECT_ANY_VOICE if passive else NOMINAL_SUBJECT)


def passive_subjects(tok: Token) -> list[Token]:
    """Passive subjects (nominal or clausal) of `tok`: "X was arrested"."""
    return _children(tok, PASSIVE_SUBJECT)


def agents(tok: Token) -> list[Token]:
    """The nouns of a passive verb's "by" agents: "was arrested by X"."""
    return [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def objects(tok: Token, indirect: bool = False) -> list[Token]:
    """Direct objects and noun recipients of `tok`; with `indirect`, indirect objects too."""
    return _children(tok, OBJECT | INDIRECT_OBJECT if indirect else OBJECT)


def direct_objects(tok: Token) -> list[Token]:
    """Direct objects of `tok` only."""
    return _children(tok, {"dobj"})


def prep_objects(tok: Token, preps: Collection[str] | None, particles: bool = False) -> list[Token]:
    """Objects of the child prepositions of `tok` whose word (lower case) is in `preps` (None: any word), in order;
    with `particles`, of child particles too ("cracked down ON")."""
    return [g for c in tok.children for g in objects_of_prep(c, preps, particles)]


def reciprocal_objects(tok: Token, pronouns: Collection[str]) -> list[Token]:
    """Objects of `tok`, direct or after a preposition, that are a reciprocal pronoun ("accused EACH OTHER", "clashed
    with ONE ANOTHER"); `pronouns` lists them as "each other"."""
    objs = [c for c in tok.children if c.dep_ in OBJECT] + prep_objects(tok, None)
    return [o for o in objs if any(f"{d.lower_} {o.lower_}" in pronouns for d in o.children if d.i == o.i - 1)]


def companions(tok: Token, marks: Collection[str]) -> list[Token]:
    """Who acts together with `tok` (a subject or its verb): "Kenya, ALONG WITH BRAZIL, condemned ...", "Kenya,
    TOGETHER WITH BRAZIL, ..." (`marks`: the words before "with")."""
    out = []
    for c in tok.children:
        if c.dep_ in PREPOSITION and c.lower_ in marks:  # "along" -> "with" -> X
            out += [g for w in c.children for g in objects_of_prep(w, ("with",))]
        elif c.lower_ == "with" and any(m.lower_ in marks for m in c.children if m.i < c.i):  # "together with X"
            out += objects_of_prep(c, ("with",))
    return out


def objects_of_prep(prep: Token, preps: Collection[str] | None, particles: bool = False) -> list[Token]:
    """The objects of `prep` when it is a preposition (with `particles`, or a particle) whose word is in `preps`
    (None: any word); otherwise none."""
    labels = PREPOSITION | PARTICLE if particles else PREPOSITION
    if prep.dep_ not in labels or (preps is not None and prep.lower_ not in preps):
        return []
    return [g for g in prep.children if g.dep_ == "pobj"]


def prep_complements(tok: Token, preps: Collection[str]) -> list[Token]:
    """Objects of the child prepositions of `tok` whose word is in `preps`, and the adjectives the parser hangs on
    such a preposition: "described the move AS UNACCEPTABLE"."""
    return [g for c in tok.children if c.dep_ in PREPOSITION and c.lower_ in preps
            for g in c.children if g.dep_ in ("pobj", "amod", "acomp")]


def compounds(tok: Token) -> list[Token]:
    """Compound modifiers of `tok`: "AID convoy"."""
    return _children(tok, {"compound"})


def particles(tok: Token) -> list[Token]:
    """Particles of `tok` and the words that act as them: prepositions, a passive's "by", adverbs."""
    return _children(tok, PARTICLE_LIKE)


def describing(tok: Token) -> list[Token]:
    """Adjectives, compounds and conjuncts of `tok`: "a GRAVE mistake"."""
    return _children(tok, DESCRIBING)


def has_auxiliary(tok: Token, words: Collection[str]) -> bool:
    """Whether `tok` has an auxiliary whose word (lower case) is in `words`: "TO talk", "MUST stop"."""
    return any(c.dep_ == "aux" and c.lower_ in words for c in tok.children)


def prep_arguments(tok: Token) -> list[Token]:
    """What the preposition `tok` takes: its noun objects and clause objects ("after THE VOTE", "after VOTING")."""
    return _children(tok, {"pobj", "pcomp"})


def possessors(tok: Token) -> list[Token]:
    """Possessors of `tok`: "CHINA'S drills", "HIS arrest"."""
    return _children(tok, POSSESSOR)


def modifiers(tok: Token) -> list[Token]:
    """Adjective, compound and nominal modifiers of `tok`: "RUSSIAN strikes", "UN troops"."""
    return _children(tok, NOUN_MODIFIER)


def owners(tok: Token, nominal: bool = True) -> list[Token]:
    """Possessors, adjective and compound modifiers of `tok`, in order; nominal modifiers unless not `nominal`."""
    return _children(tok, NOUN_MODIFIER | POSSESSOR if nominal else {"amod", "compound", "poss"})


def open_complements(tok: Token) -> list[Token]:
    """Open clausal complements of `tok`: "agreed TO TALK"."""
    return _children(tok, {"xcomp"})


def purpose_clauses(tok: Token) -> list[Token]:
    """Purpose clauses of a verb or of its direct objects: "sent experts TO INVESTIGATE", "a team TO AUDIT"."""
    return [c for h in (tok, *direct_objects(tok)) for c in h.children
            if (is_adverbial_clause(c) or is_adnominal_clause(c)) and has_auxiliary(c, ("to",))]


def governing_verb(noun: Token) -> Token | None:
    """The verb `noun` is the direct object of ("passed A RESOLUTION"), or the object of a preposition on
    ("said in A LETTER"); None otherwise."""
    x = noun
    if is_prep_object(x) and is_preposition(x.head):
        x = x.head
    elif not is_direct_object(x):
        return None
    verb = x.head
    return verb if verb is not x and verb.pos_ in ("VERB", "AUX") else None


def has_determiner(tok: Token, word: str) -> bool:
    """Whether `tok` has the determiner `word` (lower case): "THE bloc"."""
    return any(c.dep_ == "det" and c.lower_ == word for c in tok.children)


def has_marker(tok: Token, words: Collection[str]) -> bool:
    """Whether the clause `tok` heads is introduced by a subordinating word in `words`: "IF talks fail"."""
    return any(c.dep_ == "mark" and c.lower_ in words for c in tok.children)


def has_subject(tok: Token, clausal: bool = False) -> bool:
    """Whether the clause `tok` heads has a nominal subject (either voice) or an expletive one ("THERE were");
    with `clausal`, a clausal subject counts too ("WHAT they did angered X")."""
    labels = ("nsubj", "nsubjpass", "expl", "csubj") if clausal else ("nsubj", "nsubjpass", "expl")
    return any(c.dep_ in labels for c in tok.children)


def markers(tok: Token) -> list[Token]:
    """The subordinating words of the clause `tok` heads: "AFTER talks failed"."""
    return _children(tok, {"mark"})


def has_subject_or_marker(tok: Token) -> bool:
    """Whether the clause `tok` heads has a nominal subject (either voice) or a subordinating word."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children)


def qualifiers(tok: Token) -> list[Token]:
    """Adjectives, determiners, compounds and adnominal clauses of a noun: "NO talks", "PLANNED strikes"."""
    return _children(tok, QUALIFIER)


def determiners(tok: Token) -> list[Token]:
    """Determiners of `tok`: "NO arrests"."""
    return _children(tok, {"det"})


def objects_or_attributes(tok: Token) -> list[Token]:
    """Direct objects and attributes of `tok`: "made no ARRESTS", "there was no AGREEMENT"."""
    return _children(tok, {"dobj", "attr"})


def has_complement_clause(tok: Token) -> bool:
    """Whether `tok` has a clausal complement: "said THAT ...", "warned X WOULD PAY"."""
    return any(c.dep_ == "ccomp" for c in tok.children)


def names_its_owner(tok: Token) -> bool:
    """Whether a possessor, compound or nominal modifier, or an adjective naming an entity, names whose `tok` is:
    "the KENYAN court", "the EU court", "ITS court"."""
    return any(c.dep_ in ("poss", "compound", "nmod") or (c.dep_ == "amod" and c.ent_type_) for c in tok.children)


def label(tok: Token) -> str:
    """The parser's label of `tok`'s relation to its head, as a feature of a learned model (`cues.py`); rules ask
    the questions below instead."""
    return tok.dep_


# ------------------------------------------------------------------ what role a token fills
def is_subject(tok: Token, passive: bool = False) -> bool:
    """Whether `tok` is an active subject; with `passive`, a nominal passive subject counts too."""
    return tok.dep_ in SUBJECT or (passive and tok.dep_ == "nsubjpass")


def is_owner(tok: Token) -> bool:
    """Whether `tok` is a possessor or an adjective, compound or nominal modifier of its head."""
    return tok.dep_ in NOUN_MODIFIER or tok.dep_ in POSSESSOR


def is_acted_on(tok: Token) -> bool:
    """Whether `tok` is what its verb acts on: a direct object, attribute, object predicate, passive subject, or
    a noun recipient."""
    return tok.dep_ in ACTED_ON or (tok.dep_ == "dative" and tok.pos_ == "NOUN")


def is_predicate_complement(tok: Token) -> bool:
    """Whether `tok` says what its verb's object or subject is: "called it RECKLESS", "said it WAS"."""
    return tok.dep_ in PREDICATE_COMPLEMENT


def is_adnominal_clause(tok: Token) -> bool:
    """Whether `tok` heads a clause that modifies a noun, other than a relative clause: "troops DEPLOYED there"."""
    return tok.dep_ == "acl"


def is_governed(tok: Token) -> bool:
    """Whether `tok` hangs on a word whose modality it takes: a complement, an auxiliary, an object."""
    return tok.dep_ in GOVERNED


def is_adverbial_clause(tok: Token) -> bool:
    """Whether `tok` heads an adverbial clause: "..., HAVING sent troops", "IF talks FAIL"."""
    return tok.dep_ == "advcl"


def is_parataxis(tok: Token) -> bool:
    """Whether `tok` heads a clause set beside its head without a link word: "Y would act, X WARNED"."""
    return tok.dep_ == "parataxis"


def is_auxiliary(tok: Token, passive: bool = False) -> bool:
    """Whether `tok` is an auxiliary; with `passive`, a passive auxiliary counts too."""
    return tok.dep_ == "aux" or (passive and tok.dep_ == "auxpass")


def is_negation(tok: Token) -> bool:
    """Whether `tok` is a negation: "did NOT attack"."""
    return tok.dep_ == "neg"


def is_adverb_modifier(tok: Token) -> bool:
    """Whether `tok` modifies its head as an adverb: "NEVER attacked"."""
    return tok.dep_ == "advmod"


def is_scene_clause(tok: Token) -> bool:
    """Whether `tok` heads a clause that sets its own scene (complement, relative, adverbial, paratactic, subject)."""
    return tok.dep_ in SCENE_CLAUSE


def is_apposition(tok: Token) -> bool:
    """Whether `tok` is in apposition to its head: "Anchorage, ALASKA"."""
    return tok.dep_ == "appos"


def is_clause_apposition(tok: Token) -> bool:
    """Whether noun `tok` hangs on a verb as a comment on its clause: "X pulled back, a MOVE Delhi welcomed"."""
    return tok.dep_ in CLAUSE_APPOSITION and tok.head.pos_ in ("VERB", "AUX")


def is_modifier(tok: Token) -> bool:
    """Whether `tok` is an adjective, compound or nominal modifier of its head: "ISTANBUL city hall"."""
    return tok.dep_ in NOUN_MODIFIER


def is_preposition(tok: Token) -> bool:
    """Whether `tok` is a preposition hanging on its head ("fired FROM inside Gaza")."""
    return tok.dep_ in PREPOSITION


def is_clausal_subject(tok: Token) -> bool:
    """Whether `tok` heads a clause that is its head's subject: "what they DID angered X"."""
    return tok.dep_ == "csubj"


def is_prep_complement(tok: Token) -> bool:
    """Whether `tok` heads a clause that is a preposition's object: "refrained from SUPPORTING"."""
    return tok.dep_ == "pcomp"


def is_number_modifier(tok: Token) -> bool:
    """Whether `tok` is a number that modifies its head: "2019 uprising", "FIVE soldiers"."""
    return tok.dep_ == "nummod"


def is_marker(tok: Token) -> bool:
    """Whether `tok` is the subordinating word of its clause: "AFTER talks failed"."""
    return tok.dep_ == "mark"


def is_noun_adverbial(tok: Token) -> bool:
    """Whether `tok` is a noun used as an adverb: "two DAYS after the vote"."""
    return tok.dep_ == "npadvmod"


def is_phrase_word(tok: Token) -> bool:
    """Whether `tok` belongs to its head's noun phrase: a modifier, possessor, determiner, number, name part,
    apposition or punctuation, not a clause or another argument."""
    return tok.dep_ in PHRASE_WORD


def is_leading_function_word(tok: Token) -> bool:
    """Whether `tok` is a determiner, punctuation or possessive ending a name's text starts after: "THE G7"."""
    return tok.dep_ in ("det", "punct", "case")


def is_phrase_break(tok: Token) -> bool:
    """Whether a name's text stops before `tok`: punctuation, an apposition, a clause."""
    return tok.dep_ in ("punct", "appos", "relcl", "acl")


def is_possessor(tok: Token) -> bool:
    """Whether `tok` is the possessor of its head: "CHINA'S drills"."""
    return tok.dep_ in POSSESSOR


def is_compound(tok: Token) -> bool:
    """Whether `tok` is a compound modifier of its head: "AID convoy", "President XI Jinping"."""
    return tok.dep_ == "compound"


def is_adjective_modifier(tok: Token) -> bool:
    """Whether `tok` is an adjective modifying its head: "RUSSIAN strikes"."""
    return tok.dep_ == "amod"


def is_content_complement(tok: Token) -> bool:
    """Whether `tok` heads a complement that is its head's content (clausal, open, prepositional, adjectival):
    "warned THAT it could strike", "urged X TO LIFT"."""
    return tok.dep_ in ("ccomp", "xcomp", "pcomp", "acomp")


def is_nominal_passive_subject(tok: Token) -> bool:
    """Whether `tok` is the nominal subject of a passive verb: "the ATTACK was condemned"."""
    return tok.dep_ == "nsubjpass"


def is_inner_modifier(tok: Token) -> bool:
    """Whether `tok` modifies a noun from inside its phrase: a compound, a part of a flat name, an adjective."""
    return tok.dep_ in INNER_MODIFIER


def is_nominal_subject(tok: Token, passive: bool = False) -> bool:
    """Whether `tok` is a nominal subject; with `passive`, a passive one counts too."""
    return tok.dep_ in (NOMINAL_SUBJECT_ANY_VOICE if passive else NOMINAL_SUBJECT)


def is_direct_object(tok: Token) -> bool:
    """Whether `tok` is a direct object."""
    return tok.dep_ == "dobj"


def is_prep_object(tok: Token) -> bool:
    """Whether `tok` is the object of a preposition."""
    return tok.dep_ == "pobj"


def is_conjunct(tok: Token) -> bool:
    """Whether `tok` is coordinated with its head: "... and WARNED"."""
    return tok.dep_ == "conj"


def is_open_complement(tok: Token) -> bool:
    """Whether `tok` heads an open clausal complement (xcomp): "agreed to TALK"."""
    return tok.dep_ == "xcomp"


def is_complement(tok: Token) -> bool:
    """Whether `tok` heads a clausal complement with its own subject (ccomp): "said the plan FAILED"."""
    return tok.dep_ == "ccomp"


def is_relative_clause(tok: Token) -> bool:
    """Whether `tok` heads a relative clause: "Oman, which HAD MEDIATED"."""
    return tok.dep_ == "relcl"


def is_noun_clause(tok: Token) -> bool:
    """Whether `tok` heads a clause that modifies a noun (relative or adnominal)."""
    return tok.dep_ in NOUN_CLAUSE


def is_clause_modifier(tok: Token) -> bool:
    """Whether `tok` heads a modifying clause (adnominal, adverbial or relative)."""
    return tok.dep_ in CLAUSE_MODIFIER


def is_chain_link(tok: Token) -> bool:
    """Whether `tok` heads a clause the walkers climb out of to the clause that governs it."""
    return tok.dep_ in CHAIN


def is_reported_link(tok: Token) -> bool:
    """Whether `tok` hangs on its head as a reported clause may (complement, conjunct, adverbial clause)."""
    return tok.dep_ in REPORTED_LINK


# ------------------------------------------------------------------ parse repairs
def normalize(doc: Doc) -> Doc:
    """Relabel, in place, a preposition the parser called "dative" as "prep" (its noun stays its "pobj")."""
    for tok in doc:
        if tok.dep_ == "dative" and tok.pos_ == "ADP":
            tok.dep_ = "prep"
    return doc
