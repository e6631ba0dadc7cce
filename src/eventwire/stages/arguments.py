"""Arguments stage: the source and target of each trigger, resolved to actors, as scored candidates.

Sources come from subjects (climbing through coordinated and controlled
verbs, passive agents) and targets from objects and the prepositions the
trigger's type allows; both resolve to actors through the sentence's noun
phrases and the document's references. An act that names no target takes one
from the document where its type allows. The sentence's attribution
("according to X", "X said ...") is found here too.

Requires: the sentence's triggers, resolver and the history. Assigns:
`SentState.candidates` (producer "arguments"), `SentState.attribution`.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..lang.en import clauses, words
from ..lang.en import syntax as sx
from ..pipeline.packs import Config, Knowledge, LanguagePack
from ..pipeline.registry import stage
from ..pipeline.state import Arg, Candidate, DocState, SentState
from ..records import Actor, Attribution, Document
from . import references as coref
from .dedup import SYMMETRIC
from .descriptions import PLACE_LABELS, Descriptions
from .document_targets import DocumentTargets
from .noun_acts import NounActs
from .references import MentionHistory, Resolved
from .triggers import Trigger

RELATIVE_PRONOUNS = words("relative_pronouns")
OBJECT_CONTROL = words("object_control_verbs")
RECIPROCAL_VERBS = words("reciprocal_verbs")
CONTENT_TARGET_PREPS = words("content_target_prepositions")
NOUN_ACTOR_PREPS = words("noun_actor_prepositions")
CLAUSE_MARKS = words("clause_marks")
COMPANION_MARKS = words("companion_marks")
JOINING_VERBS = words("joining_verbs")
RECIPROCALS = words("reciprocal_pronouns")
BORDER_NOUNS = words("border_nouns")
PARTITIVE_HEADS = words("partitive_heads")
MOVING_TYPES = {"AID", "MOBILIZE", "RETREAT"}  # acts that move people or things: their object is no target
# acts whose doer is not the state when none is named: "40 people were killed" says nothing of who killed them,
# unless the means are named ("killed in a bombing": an attack in that state)
UNSTATED_DOER_TYPES = {"ASSAULT"}
PERSONAL_OBJECTS = words("personal_objects")
CONDITION_MARKS = words("condition_marks")
TOPIC_PREPS = words("topic_prepositions")
EXPELLING_VERBS = words("expelling_verbs")
MEDIATION_CAMEO = "045"  # CAMEO "mediate": talks through a go-between, not of the parties with each other


@stage("arguments", scope="sentence", requires=("sentence.triggers", "sentence.resolver", "history"),
       assigns=("sentence.candidates", "sentence.attribution"))
class Arguments:
    """Find each trigger's source and target actors; one candidate per (source, target) pair."""

    producer = "arguments"

    def __init__(self, lang: LanguagePack, knowledge: Knowledge, config: Config) -> None:
        self.kb = knowledge.actors
        self.gazetteer = knowledge.gazetteer
        self.lex = lang.lexicon
        self.modal = lang.modality

    def __call__(self, state: DocState) -> DocState:
        assert state.history is not None
        ss = state.current
        finder = _Sentence(self, state.document, ss, state.history, state)
        ss.attribution = finder.attribution()
        ss.candidates = []
        for group, trig in enumerate(ss.triggers):
            for c in finder.code_trigger(trig):
                c.group = group
                ss.candidates.append(c)
        return state


class _Sentence(NounActs, Descriptions, DocumentTargets):
    """Argument finding in one sentence (resolved phrases are kept in the sentence's cache)."""

    def __init__(self, ex: Arguments, doc: Document, ss: SentState, history: MentionHistory,
                 state: DocState | None = None) -> None:
        self.ex, self.doc, self.sent, self.offset = ex, doc, ss.sent, ss.offset
        self.state, self.ss = state, ss
        self.resolver, self.history, self.index = ss.resolver, history, ss.index
        self.cache: dict[int, list[Arg]] = ss.cache
        self.moved: set[tuple[int, int]] = set()  # spans of what an act moves (see targets)
        self.debtors: set[str] = set()  # whose possession an act moves ("paid off KENYA'S debt")

    def _holder(self, office: str, country: str) -> Actor | None:
        return self.ex.kb.holder(office, country, self.doc.published)

    def args_of(self, tok: Token, speaker: Actor | None = None) -> list[Arg]:
        """Actors named by the phrase headed by `tok` (with its conjuncts resolved separately)."""
        if tok.i in self.cache:
            return self.cache[tok.i]
        out: list[Arg] = []
        if tok.lower_ in PARTITIVE_HEADS or tok.pos_ == "NUM":
            # "some of the party's lawmakers", "two of the factions", "thousands of Kenyans": the part is the whole's
            whole = sx.prep_objects(tok, ("of",))
            if whole and not any(coref.is_reference(t) for t in self.resolver.np_tokens(whole[0])):
                out = self.phrase_args(whole[0], speaker)
                self.cache[tok.i] = out
                return out
        pair = next((g for g in sx.prep_objects(tok, ("from", "of")) if coref.is_pair(g)), None) \
            if tok.pos_ == "NOUN" else None
        if pair is not None:
            # "negotiators FROM THE TWO COUNTRIES", "leaders of both sides": one actor each, in the head's sector
            r = self.resolver.resolve(tok)
            sector = r.actor.sector if r is not None and r.kind == "sector" and r.actor.sector else None
            start, end = self.offset + tok.idx, self.offset + tok.idx + len(tok.text)
            out = [Arg(Actor(a.code, a.name, sector or a.sector, a.office, a.entry), tok.text, start, end, False)
                   for a in coref.resolve_reference(pair, self.offset, self.history, speaker) if a.code]
            self.cache[tok.i] = out
            return out
        body = self._definite_body(tok) or self._definite_state(tok)
        if body is not None:
            start = self.offset + tok.idx
            out.append(Arg(body, tok.text, start, start + len(tok.text), False))
            self.cache[tok.i] = out
            return out
        if coref.is_reference(tok):
            # "the two sides", "both parties": who last met or agreed, else the last two actors named
            pair = self.last_pair() if coref.is_pair(tok) and tok.lower_ not in coref.PERSON_PAIR_HEADS else []
            for a in pair or coref.resolve_reference(tok, self.offset, self.history, speaker):
                out.append(Arg(a, tok.text, self.offset + tok.idx, self.offset + tok.idx + len(tok.text), False))
        else:
            r = self.resolver.resolve(tok)
            if r is None:
                r = coref.resolve_name(tok, self.offset, self.history)
            if r is None and tok.ent_type_ in PLACE_LABELS:
                r = self._place(tok)
            if r is None:
                r = self._warship(tok) or self._crowd(tok)
            if r is not None and r.kind == "title" and r.actor.code is None:
                a = coref.resolve_title(r, self.offset, self.history, self._holder, self.sent)
                r = Resolved(a, r.start, r.end, r.text, "title") if a else None
            if r is not None and r.actor.code is None and r.kind in ("sector", "name"):
                r = self._unstated_country(r, tok, speaker)
            if r is not None and (r.actor.code is not None or (r.kind == "org" and r.actor.sector == "CVL")):
                # an international NGO ("Amnesty International") acts with no country (code null)
                out.append(Arg(r.actor, r.text, self.offset + r.start, self.offset + r.end, r.kind != "inferred",
                               r.kind == "inferred"))
        self.cache[tok.i] = out
        return out

    def phrase_args(self, tok: Token, speaker: Actor | None = None) -> list[Arg]:
        """`tok` and its coordinated siblings ("China and Russia"), each resolved."""
        out = list(self.args_of(tok, speaker))
        out.extend(self._coordinated_modifiers(tok, out))
        for c in tok.conjuncts:
            if c.i > tok.i and c.pos_ in ("NOUN", "PROPN", "PRON"):
                out.extend(self.args_of(c, speaker))
        if not out and tok.pos_ == "NOUN":
            owner = [c for c in sx.possessors(tok) if coref.is_reference(c)]
            for c in owner:  # "a warrant for HIS arrest"
                out.extend(self.args_of(c, speaker))
        if not out and tok.pos_ == "NOUN":
            # "an alliance of armed groups", "the use of force against X", "the air base in Qatar" (a place
            # names the target of an act, never the one who acts)
            preps = set(NOUN_ACTOR_PREPS)
            if not sx.is_nominal_subject(tok, passive=True):
                preps.add("in")
            for g in sx.prep_objects(tok, preps):
                out.extend(self.args_of(g, speaker))
        return out

    # -------------------------------------------------------------- triggers

    # -------------------------------------------------------------- arguments
    def subjects(self, head: Token) -> tuple[list[Arg], list[Arg]]:
        """(sources, passive patients) of the clause headed by `head`."""
        t, via_xcomp, via_conj = head, False, False
        for _ in range(6):
            subj = [c for c in (clauses.charge_doer(t),) if c is not None] or \
                [c for c in sx.subjects(t) if c.lower_ not in RELATIVE_PRONOUNS] or \
                [c for c in (sx.stranded_subject(t, CLAUSE_MARKS),) if c is not None] or \
                [c for c in (sx.buried_main_subject(t),) if c is not None]
            if sx.is_relative_clause(t) and any(c.lower_ in RELATIVE_PRONOUNS and sx.is_subject(c, passive=True)
                                                for c in t.children):
                # "Oman, which had been mediating ...": the relative pronoun stands for the noun
                rel = next(c for c in t.children if c.lower_ in RELATIVE_PRONOUNS)
                if sx.is_subject(rel):
                    return self.phrase_args(t.head), []
            # "Kenya, along with Brazil, condemned ...": both
            subj += [c for x in (t, *subj) for c in sx.companions(x, COMPANION_MARKS) if c.i < t.i]
            pas = sx.passive_subjects(t)
            agent = sx.agents(t)
            if subj or agent:  # "EU FUNDS supported ...", "backed by EU FUNDS": money and markets do not act
                subj, agent = [c for c in subj if not self._inanimate(c)], [c for c in agent if not self._inanimate(c)]
                if not (subj or pas or agent):
                    return [], []
            if subj or pas or agent:
                speaker = self.speaker(t)
                # "the attack BY X killed five": a subject that names an act acts through its doer
                sources = [a for s in subj for a in (self.noun_sources(s) if self._act_noun(s)
                                                     else self.phrase_args(s, speaker))]
                sources += [a for s in agent for a in self.phrase_args(s, speaker)]
                patients = [a for s in pas for a in self.phrase_args(s, speaker)]
                if t != head and not sources and not patients and via_conj and sx.is_complement(t) and \
                        t.head.lemma_.lower() in self.ex.modal.reporting_verbs:
                    # "X said the plan was flawed and URGED Y to act": the parser hangs the second verb on the
                    # reported clause, whose subject names no actor; the one who reports does it
                    t, via_xcomp, via_conj = t.head, False, False
                    continue
                if t != head and not sources and patients and via_conj and head.tag_ != "VBN" and \
                        sx.is_conjunct(head):
                    # "X was alarmed by the killings and CALLED ON Y to ...": an active verb coordinated with a
                    # passive one shares its subject, who does the second act
                    return patients, []
                if t != head and not sources and via_xcomp:
                    # "X is expected to visit", "X was asked to leave": the passive subject of the verb that
                    # governs the clause does its act
                    return patients, []
                if t != head and not sx.is_open_complement(t):
                    patients = []
                if sx.is_prep_complement(head) and head.head.lower_ == "in" and head.head.head == t and \
                        self.ex.lex.lemma_of(t) in JOINING_VERBS:
                    sources += [a for o in sx.direct_objects(t) for a in self.phrase_args(o)]  # "joined Y IN doing"
                return sources, patients
            if sx.is_noun_clause(t) and t.head.pos_ in ("NOUN", "PROPN"):
                if t.tag_ == "VBN" and t == head:  # "two diplomats ACCUSED of spying": they undergo it
                    return [], self.phrase_args(t.head)
                return self.phrase_args(t.head) or self.author(t.head), []
            beside = clauses.beside_complement(t)
            if beside is not None:  # "X urged its citizens to leave and HALTED flights": X halted them
                t = beside
                continue
            if sx.is_open_complement(t) and t.head.lemma_.lower() in OBJECT_CONTROL:
                objs = sx.objects(t.head)
                if objs:
                    return [a for o in objs for a in self.phrase_args(o)], []
            if sx.is_chain_link(t) and t.head != t:
                via_xcomp, via_conj = sx.is_open_complement(t), sx.is_conjunct(t)
                t = t.head
                continue
            break
        return [], []

    def _wholes(self, toks: list[Token]) -> list[Token]:
        """Each word, or for a part ("thousands OF troops", "some of the aid") the whole it is part of."""
        return [w for t in toks for w in ((sx.prep_objects(t, ("of",)) or [t]) if t.lower_ in PARTITIVE_HEADS or
                                          t.pos_ == "NUM" else [t])]

    def _inanimate(self, tok: Token) -> bool:
        """Money or a market ("funds", "demand", "stocks"): a word that names no one who could act. A pair
        reference is never one ("the two SIDES agreed": a side is a team only in sport)."""
        if coref.is_pair(tok):
            return False
        return self.ex.lex.classes.member(tok, "money") or self.ex.lex.classes.member(tok, "inert")

    def author(self, noun: Token) -> list[Arg]:
        """Who issued the text a noun names (a class of lang/en/nouns.yaml): its owner ("Kenya's letter"), else
        the subject of the verb it is the object of, directly or through a preposition ("X passed a
        resolution censuring Y", "X said in a letter accusing Y"): the one whose clause a participle on it
        ("censuring", "accusing") reports."""
        if not self.ex.lex.classes.member(noun, "statement"):
            return []
        owners = self.noun_sources(noun)
        if owners:
            return owners
        verb = sx.governing_verb(noun)
        return self.subjects(verb)[0] if verb is not None else []

    def speaker(self, t: Token) -> Actor | None:
        """For a reported clause, the actor that reports it ("X said ...")."""
        x = t
        for _ in range(4):
            if sx.is_reported_link(x) and x.head != x:
                x = x.head
                if x.lemma_.lower() in self.ex.modal.reporting_verbs:
                    for c in sx.nominal_subjects(x):
                        args = self.args_of(c)
                        if args:
                            return args[0].actor
            else:
                return None
        return None

    def targets(self, trig: Trigger) -> list[Arg]:
        """Actors the trigger acts on: objects, the prepositions its type allows, a reported clause's subject."""
        rule, tok = trig.rule, trig.token
        preps = set(rule.targets) | {"between"}
        licensing = {trig.obj.i, *(c.i for c in trig.obj.conjuncts)} if trig.obj is not None else set()
        out: list[Arg] = []

        def from_preps(h: Token) -> None:
            for g in sx.prep_objects(h, preps, particles=True):
                if g.lower_ in BORDER_NOUNS and (other := sx.prep_objects(g, ("with",))):
                    g = other[0]  # "troops to ITS BORDER WITH KENYA": the state on the other side
                if not self._occasion(g):  # "criticised X AT A SUMMIT in Nairobi": where, not whom
                    out.extend(self.phrase_args(g) or self.origin_args(g))

        holders = [tok] if trig.light is None else [tok, trig.light]
        for h in holders:
            if sx.is_relative_clause(h) and sx.nominal_subjects(h) and not sx.objects(h) and h.head.pos_ == "NOUN":
                out.extend(self.phrase_args(h.head))  # "the sailors IT HAD DETAINED": the noun is the object
            if h.pos_ in ("VERB", "AUX") or h.tag_.startswith("VB"):
                for c in sx.objects(h, indirect=True):
                    if c != tok:
                        args = self.phrase_args(c) or self.maker_args(c)
                        if c.i in licensing:  # "leave CHINA'S initiative": only an actor named in the object
                            args = [a for a in args if a.direct and not a.inferred]
                        if rule.type in MOVING_TYPES and sx.is_direct_object(c) and \
                                self.ex.lex.classes.member(c, "moved"):
                            # "sent AMERICAN AID to X", "withdrew troops": what is moved, not to whom, unless it
                            # names another owner ("paid off $15 million OF KENYA'S debt")
                            self.moved.update((a.start, a.end) for a in args)
                            # "$5 million OF KENYA'S debt": the possessor of what is paid
                            held = [g for x in (c, *sx.prep_objects(c, ("of",))) for g in sx.possessors(x)]
                            self.debtors.update(a.actor.code for g in held for a in self.phrase_args(g)
                                                if a.actor.code)
                        out.extend(args)
                        if sx.is_direct_object(c):  # "struck sites ACROSS IRAN", "dozens of drones AT cities"
                            for x in (c, *c.conjuncts):  # "threatened tariffs and sanctions AGAINST X"
                                from_preps(x)
                            for g in sx.prep_objects(c, ("of", *TOPIC_PREPS)):
                                from_preps(g)  # "shared information about the suspects WITH KENYA"
            else:
                for c in h.children:  # "its plea for Chile to hand the suspect over"
                    if sx.is_clause_modifier(c):
                        for g in sx.nominal_subjects(c):
                            out.extend(self.phrase_args(g))
                    if sx.is_adnominal_clause(c) and self.ex.lex.is_light(c):
                        from_preps(c)  # "the sanctions imposed ON KENYA"
            from_preps(h)
        if tok.pos_ in ("NOUN", "PROPN"):
            # "the imposition of a tariff ON TAIWAN", "announced a suspension of flights WITH X"
            for g in sx.prep_objects(tok, ("of",)):
                from_preps(g)
            if trig.light is None:
                out.extend(self.bearers(tok))  # "Kenya came under pressure from Brazil"
        if trig.obj is not None:
            from_preps(trig.obj)
            for c in trig.obj.children:  # "filed a motion to impeach HIM"
                if sx.is_noun_clause(c) and self.ex.lex.find(c) is not None:
                    for g in sx.direct_objects(c):
                        out.extend(self.phrase_args(g))
        if not any(not a.inferred for a in out):
            # the content clause names the target: "ready to cooperate WITH THE US", "threatened to shell
            # IRAQI TOWNS", "demanded that THE GOVERNMENT end curbs", "warned that ISRAEL would pay"
            for h in holders:
                for c in h.children:
                    if sx.is_open_complement(c):
                        from_preps(c)
                        for g in sx.objects(c):
                            out.extend(a for a in self.phrase_args(g) or self.maker_args(g) if not a.inferred)
                        if rule.type in ("AGREE", "THREATEN") and not any(not a.inferred for a in out):
                            # "agreed to open a centre IN Lagos": the promise is made to the place's state;
                            # "threatened to impose a curfew IN Nairobi": the threat hangs over it
                            for g in sx.prep_objects(c, CONTENT_TARGET_PREPS):
                                out.extend(a for a in self.phrase_args(g) if not a.inferred)
                        if rule.type == "AGREE" and not any(not a.inferred for a in out):
                            # "agreed to allow access FOR aid workers", "to lift a ban ON Kenyan goods"
                            for o in sx.objects(c):
                                for g in sx.prep_objects(o, CONTENT_TARGET_PREPS):
                                    out.extend(a for a in self.phrase_args(g) or self.origin_args(g)
                                               if not a.inferred)
                    elif sx.is_complement(c):
                        subjects = sx.nominal_subjects(c, passive=True)
                        who = [a for g in subjects for a in self.phrase_args(g) if not a.inferred]
                        out.extend(who)
                        if subjects and all(coref.is_reference(p) for g in subjects for p in sx.possessors(g) or [g]):
                            # "denied that ITS FORCES had entered KENYAN territory": one's own people are no
                            # target; whom they were said to act on is
                            for o in sx.objects(c):
                                out.extend(a for a in self.phrase_args(o) if not a.inferred)
                        if rule.type == "THREATEN" and who and not any(a.direct for a in who):
                            # "warned IT would impose sanctions ON KENYA": a threat of one's own act is aimed
                            # at whom the act is
                            for o in (c, *sx.objects(c)):
                                for g in sx.prep_objects(o, CONTENT_TARGET_PREPS):
                                    out.extend(a for a in self.phrase_args(g) if not a.inferred)
                            # "warned IT would attack KENYA"
                            out.extend(a for g in sx.direct_objects(c) for a in self.phrase_args(g) if not a.inferred)
        if rule.type == "THREATEN" and not any(not a.inferred for a in out):
            # "threatened to stop the talks IF THE UNITED STATES deploys missiles": the threat is aimed at the one
            # whose act would set it off
            for h in holders:
                for c in (h, *sx.open_complements(h)):
                    for g in c.children:
                        if sx.is_adverbial_clause(g) and sx.has_marker(g, CONDITION_MARKS):
                            for n in sx.nominal_subjects(g, passive=True):
                                out.extend(a for a in self.phrase_args(n) if not a.inferred)
        if rule.type == "REQUEST" and not any(not a.inferred for a in out):
            out.extend(self.demand_targets(trig))  # "called for a ceasefire IN KENYA"
        if rule.type == "AID" and not any(not a.inferred for a in out):
            out.extend(self.purpose_targets(trig))
        if not any(not a.inferred for a in out):
            # "reiterated its commitment TO SUPPORTING KENYA'S sovereignty", "aid FOR REBUILDING KENYA": what the
            # gerund after the trigger or its object acts on ("accused X OF HELPING Y" names the charge, not Y)
            for h in (*holders, *([trig.obj] if trig.obj is not None else [])):
                for c in h.children:
                    if c.lower_ in preps and c.lower_ != "of" and sx.is_preposition(c):
                        for v in sx.prep_arguments(c):
                            for g in sx.objects(v) if sx.is_prep_complement(v) else ():
                                out.extend(a for a in self.phrase_args(g) if not a.inferred)
        if not any(not a.inferred for a in out) and sx.is_adverbial_clause(tok) and sx.has_auxiliary(tok, ("to",)) \
                and any(c.lower_ in PERSONAL_OBJECTS for c in sx.objects(tok)):
            # "called the prime minister to congratulate HIM": the one the purpose clause's pronoun stands for is
            # the object of the verb it serves
            for o in sx.direct_objects(tok.head):
                out.extend(self.phrase_args(o))
        named = [a for a in out if not a.inferred]
        return named or out

    # -------------------------------------------------------------- events
    def code_trigger(self, trig: Trigger) -> list[Candidate]:
        """Events of one trigger: its first rule that finds actors, then the others in turn."""
        for rule in [trig.rule, *trig.others]:
            events = self.code_rule(trig if rule is trig.rule else replace(trig, rule=rule))
            if events:
                return events
        return []

    def code_rule(self, trig: Trigger) -> list[Candidate]:
        rule, head = trig.rule, trig.head
        is_noun = trig.light is None and trig.token.pos_ in ("NOUN", "PROPN")
        # the parties a noun trigger names with "between" ("talks BETWEEN A and B"; "the signing of an accord
        # BETWEEN A and B": on the noun the act is of, too)
        between = [a for h in (trig.token, *sx.prep_objects(trig.token, ("of",)))
                   for g in sx.prep_objects(h, ("between",)) for a in self.phrase_args(g)] \
            if trig.token.pos_ in ("NOUN", "PROPN") else []
        if is_noun and rule.poss_is_target:
            # "his arrest", "the detention of journalists": the possessor undergoes the act
            patients = [a for c in sx.possessors(trig.token) for a in self.phrase_args(c)]
            patients = patients or [a for g in sx.prep_objects(trig.token, ("of",)) for a in self.phrase_args(g)]
            sources = [a for g in sx.prep_objects(trig.token, ("by",)) for a in self.phrase_args(g)]
            if not sources and not patients:
                return []
        elif is_noun:
            sources, patients = self.noun_sources(trig.token) or self.bearing_sources(trig.token), []
            if not sources:  # "talks between A and B": the first party is the source, the others its counterparts
                sources = between[:1] if len(between) >= 2 else []
            if not sources:
                sources = self.clause_sources(trig.token)
        else:
            sources, patients = self.subjects(head)
            if rule.pos == "ADJ" and head.tag_ == "VBN" and (patients or sx.agents(head)):
                # "X was alarmed BY Y" parsed as a passive, or "X is deeply concerned BY Y" as a complement: X feels
                # it (the source), Y is what it is about
                feeler = patients or [a for n in sx.nominal_subjects(head.head) for a in self.phrase_args(n)]
                sources, patients = feeler, [a for g in sx.agents(head) for a in self.phrase_args(g)]
            elif not sources and patients and rule.type in MOVING_TYPES and any(
                    self.ex.lex.classes.member(p, "moved") for p in self._wholes(sx.passive_subjects(head))):
                # "Kenyan peacekeepers were deployed to X", "Japanese aid was flown to X" (no agent): whose people
                # or goods they are sends them
                sources, patients = patients, []
            elif not sources and patients and rule.type == "RETREAT" and (held := self.holder(patients)) is not None:
                sources = [held]  # "X detained two reporters. They were released on Friday": X released them
            elif not sources and patients and self.ex.lex.lemma_of(head) in EXPELLING_VERBS:
                # "two inspectors were expelled FROM KENYA" (no agent): the state they are put out of does it
                sources = [a for g in sx.prep_objects(head, ("from",)) for a in self.phrase_args(g)
                           if a.direct and not a.inferred]
            if not sources and patients and (doer := self.unstated_doer(trig, patients)) is not None:
                sources = [doer]  # "two Kenyan diplomats were expelled, Brazil said"
        if is_noun and not sources and not (rule.poss_is_target and patients and rule.self_target):
            return []
        if rule.only_subject_sectors:
            sources = [s for s in sources if s.actor.sector in rule.only_subject_sectors]
        if rule.not_subject_sectors:
            sources = [s for s in sources if s.actor.sector not in rule.not_subject_sectors]
        targets = self.targets(trig) + patients
        if is_noun and rule.type == "CONSULT" and not any(t.direct and not t.inferred for t in targets):
            targets += self.destination(trig.token)  # "returned to Brasilia for talks": a meeting there
        if rule.only_without_target and any(t.actor.code != s.actor.code for t in targets for s in sources):
            return []  # "fired a missile off ITS coast" names no target; "fired missiles at X" does
        if not targets and rule.type == "CONSULT" and not is_noun:
            targets = self.hosted_parties(trig)
        if rule.needs_target:
            targets = [t for t in targets if t.direct and not t.inferred]
        if rule.recipient:
            # "Tuvalu secured $50 million from Australia": the subject receives, the giver is the source
            givers = list(targets)
            if trig.obj is not None:
                givers += [a for c in sx.owners(trig.obj, nominal=False) for a in self.phrase_args(c)]
            sources, targets = givers, sources
            if not sources and targets:
                other = self.history.other_country(targets[0].actor.code, min_count=1)
                if other:
                    sources = [self._country_arg(other, targets[0])]
        if not targets and sx.is_conjunct(head) and head.head.pos_ in ("VERB", "AUX"):
            # "X described Lai as ... and warned of further action": the coordinated verb's target
            head_trig = self.ex.lex.find(head.head)
            if head_trig is not None:
                targets = self.targets(head_trig)
        pairs: list[tuple[Arg, Arg | None]] = []
        if not sources and rule.self_target and (rule.type not in UNSTATED_DOER_TYPES or any(  # "killed IN A BOMBING"
                self.ex.lex.classes.member(g, "killing_means") for g in sx.prep_objects(head, None) + sx.agents(head))):
            pairs += self.state_acts(trig, patients, is_noun)
        # "Japan and Kenya upgraded (or severed) their ties": ties are between the subjects, whatever the type
        mutual = trig.obj is not None and self.ex.lex.classes.member(trig.obj, "ties")
        if len(sources) >= 2 and (rule.type in SYMMETRIC or mutual) and \
                not any(t.direct and not t.inferred for t in targets):
            pairs.append((sources[0], sources[1]))
        elif len(sources) == 2 and (sx.reciprocal_objects(head, RECIPROCALS) or not targets and
                                    self.ex.lex.lemma_of(trig.light or trig.token) in RECIPROCAL_VERBS):
            pairs += [(sources[0], sources[1]), (sources[1], sources[0])]  # "A and B traded blows", "... EACH OTHER"
        else:
            for s in sources:
                ts = [t for t in targets if not _same(t, s) and not (
                    (t.start, t.end) in self.moved and t.actor.code == s.actor.code)]
                if any(t.actor.code != s.actor.code for t in ts):
                    # "withdrew ITS TROOPS from X": the actor's own people are what it moves, X is the target
                    ts = [t for t in ts if t.actor.code != s.actor.code]
                # "paid off $5 million OF KENYA'S DEBT to the bank": the owner of what is paid gains by the act,
                # not the one it is handed to; "sent AMERICAN weapons to X": the maker of what is sent does not
                ts = [t for t in ts if t.actor.code in self.debtors] or \
                    [t for t in ts if (t.start, t.end) not in self.moved] or ts
                if ts:
                    pairs.extend((s, t) for t in ts)
                elif (act := self.act_target(trig, s)) is not None:
                    pairs.append((s, act))
                elif (act := self.answer_target(trig, s)) is not None:
                    pairs.append((s, act))
                else:
                    fallback = self.fallback_target(rule, s)
                    if fallback is not None and s.inferred and fallback.actor.code != s.actor.code:
                        continue  # neither side named: too much of a guess
                    if fallback is not None or self.may_lack_target(rule, s, trig):
                        pairs.append((s, fallback))
        if rule.type in SYMMETRIC and rule.cameo != MEDIATION_CAMEO and len(between) >= 2 and sources and \
                sources[0] is not between[0] and between[0].actor.code != between[1].actor.code:
            # "talks between A and B hosted by C": A and B met too (a mediation between them is C's talks alone)
            pairs.append((between[0], between[1]))
        if not pairs:
            return []
        unique: dict[tuple, tuple[Arg, Arg | None]] = {}
        for s, t in pairs:  # "troops and police sealed off ...": one act of one country
            unique.setdefault((s.actor.code, t.actor.code if t else None), (s, t))
        out = []
        for s, t in list(unique.values())[:6]:
            restated = is_noun or s.text.lower() in coref.PRONOUNS or (
                sx.is_relative_clause(head) and self.ex.lex.find(head.head) is not None)  # "the pact Tokyo CONCLUDED"
            out.append(Candidate(trig, s, t, self.ex.producer, restated=restated,
                                 target_inferred=t is None or t.inferred))
        return out

    def attribution(self) -> Attribution | None:
        """ "according to X" anywhere in the sentence, or the subject of a sentence-level reporting verb."""
        for tok in self.sent:
            if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
                to = tok.doc[tok.i + 1]
                for g in list(to.children) + list(tok.children):
                    if sx.is_prep_object(g):
                        return self._attr(g)
        root = self.sent.root
        if root.lemma_.lower() in self.ex.modal.reporting_verbs and sx.has_complement_clause(root):
            subj = sx.nominal_subjects(root)
            if subj:
                return self._attr(subj[0])
        return None

    def _attr(self, tok: Token) -> Attribution | None:
        args = self.args_of(tok)
        span = self.resolver.np_tokens(tok)
        start, end = span[0].idx, span[-1].idx + len(span[-1].text)
        text = self.resolver.text[start:end]
        if args:
            a = args[0].actor
            return Attribution(text, a.code, a.sector, self.offset + start, self.offset + end)
        if tok.pos_ in ("PROPN", "NOUN"):
            return Attribution(text, None, None, self.offset + start, self.offset + end)
        return None


STATE_SECTORS = {"GOV", "COP"}  # the government and its police are one side ("police in Nairobi" is no target)


def _same(a: Arg, b: Arg) -> bool:
    """Whether `a` and `b` are one side: the same country's state ("Kenya's government ... Kenyan police"), but
    not an office holder named apart from the other ("the opposition leader accused THE PRESIDENT")."""
    sa, sb = a.actor.sector, b.actor.sector
    if a.actor.office and a.actor.name and a.actor.name != b.actor.name:
        return False
    return a.actor.code == b.actor.code and (sa == sb or (sa in STATE_SECTORS and sb in STATE_SECTORS))

