"""English parse repairs (lang/en/syntax.py), on parses built by hand: no statistical model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventwire.lang.en import syntax
from eventwire.lang.en.syntax import normalize


def _doc(words, heads, deps, pos):
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)


def test_a_preposition_labelled_dative_becomes_prep():
    doc = _doc(["Chile", "gave", "aid", "to", "Peru"], [1, 1, 1, 1, 3],
               ["nsubj", "ROOT", "dobj", "dative", "pobj"], ["PROPN", "VERB", "NOUN", "ADP", "PROPN"])
    normalize(doc)
    assert [t.dep_ for t in doc] == ["nsubj", "ROOT", "dobj", "prep", "pobj"]


def test_a_noun_recipient_stays_dative():
    doc = _doc(["Chile", "gave", "Peru", "aid"], [1, 1, 1, 1],
               ["nsubj", "ROOT", "dative", "dobj"], ["PROPN", "VERB", "PROPN", "NOUN"])
    normalize(doc)
    assert [t.dep_ for t in doc] == ["nsubj", "ROOT", "dative", "dobj"]


# ------------------------------------------------------------------ the syntax adapter
_EN = spacy.blank("en").vocab  # a blank English vocabulary gives the lower-case forms the adapter compares


def _en(words, heads, deps, pos):
    return Doc(_EN, words=words, heads=heads, deps=deps, pos=pos)


def _words(toks):
    return [t.text for t in toks]


def _passive():
    # "Envoys were expelled by Ruritania"
    return _en(["Envoys", "were", "expelled", "by", "Ruritania"], [2, 2, 2, 2, 3],
                ["nsubjpass", "auxpass", "ROOT", "agent", "pobj"], ["NOUN", "AUX", "VERB", "ADP", "PROPN"])


def _active():
    # "Ruritania sent troops to Freedonia and warned its neighbour"
    return _en(["Ruritania", "sent", "troops", "to", "Freedonia", "and", "warned", "its", "neighbour"],
                [1, 1, 1, 1, 3, 1, 1, 8, 6],
                ["nsubj", "ROOT", "dobj", "prep", "pobj", "cc", "conj", "poss", "dobj"],
                ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "CCONJ", "VERB", "PRON", "NOUN"])


def test_subjects_objects_and_prepositional_objects_of_an_active_clause():
    doc = _active()
    sent = doc[1]
    assert _words(syntax.subjects(sent)) == ["Ruritania"]
    assert _words(syntax.nominal_subjects(sent)) == ["Ruritania"]
    assert _words(syntax.passive_subjects(sent)) == []
    assert _words(syntax.objects(sent)) == ["troops"]
    assert _words(syntax.direct_objects(sent)) == ["troops"]
    assert _words(syntax.prep_objects(sent, {"to"})) == ["Freedonia"]
    assert _words(syntax.prep_objects(sent, {"from"})) == []
    assert syntax.is_subject(doc[0]) and not syntax.is_subject(doc[2])
    assert syntax.is_direct_object(doc[2]) and syntax.is_prep_object(doc[4])
    assert syntax.is_conjunct(doc[6]) and syntax.is_chain_link(doc[6]) and syntax.is_reported_link(doc[6])
    assert not syntax.is_conjunct(doc[1])


def test_possessors_and_owners_of_a_noun():
    doc = _active()
    assert _words(syntax.possessors(doc[8])) == ["its"]
    assert _words(syntax.owners(doc[8])) == ["its"]
    assert syntax.is_owner(doc[7]) and not syntax.is_owner(doc[8])
    assert syntax.names_its_owner(doc[8]) and not syntax.names_its_owner(doc[2])


def test_passive_subjects_and_agents():
    doc = _passive()
    verb = doc[2]
    assert _words(syntax.passive_subjects(verb)) == ["Envoys"]
    assert _words(syntax.subjects(verb)) == []
    assert _words(syntax.nominal_subjects(verb)) == []
    assert _words(syntax.nominal_subjects(verb, passive=True)) == ["Envoys"]
    assert _words(syntax.agents(verb)) == ["Ruritania"]
    assert syntax.is_subject(doc[0], passive=True) and not syntax.is_subject(doc[0])
    assert syntax.is_nominal_subject(doc[0], passive=True) and not syntax.is_nominal_subject(doc[0])


def test_modifiers_determiners_and_particles():
    # "the French navy cracked down on smugglers"
    doc = _en(["the", "French", "navy", "cracked", "down", "on", "smugglers"], [2, 2, 3, 3, 3, 3, 5],
               ["det", "amod", "nsubj", "ROOT", "prt", "prep", "pobj"],
               ["DET", "ADJ", "NOUN", "VERB", "ADP", "ADP", "NOUN"])
    navy, verb = doc[2], doc[3]
    assert _words(syntax.modifiers(navy)) == ["French"]
    assert _words(syntax.owners(navy, nominal=False)) == ["French"]
    assert syntax.has_determiner(navy, "the") and not syntax.has_determiner(navy, "a")
    assert not syntax.names_its_owner(navy)  # the adjective names no entity in a hand-built parse
    assert _words(syntax.prep_objects(verb, {"on", "down"})) == ["smugglers"]
    assert _words(syntax.objects_of_prep(doc[5], {"on"})) == ["smugglers"]
    assert _words(syntax.objects_of_prep(doc[4], {"down"}, particles=True)) == []
    assert _words(syntax.objects_of_prep(doc[2], {"navy"})) == []


def test_clauses_complements_and_relatives():
    # "Ruritania said talks failed and agreed to meet envoys who travelled"
    doc = _en(["Ruritania", "said", "talks", "failed", "and", "agreed", "to", "meet", "envoys", "who", "travelled"],
               [1, 1, 3, 1, 1, 1, 7, 5, 7, 10, 8],
               ["nsubj", "ROOT", "nsubj", "ccomp", "cc", "conj", "aux", "xcomp", "dobj", "nsubj", "relcl"],
               ["PROPN", "VERB", "NOUN", "VERB", "CCONJ", "VERB", "PART", "VERB", "NOUN", "PRON", "VERB"])
    said, failed, agreed, meet, travelled = doc[1], doc[3], doc[5], doc[7], doc[10]
    assert syntax.has_complement_clause(said) and not syntax.has_complement_clause(agreed)
    assert syntax.is_complement(failed) and not syntax.is_open_complement(failed)
    assert syntax.is_open_complement(meet) and not syntax.is_complement(meet)
    assert _words(syntax.open_complements(agreed)) == ["meet"]
    assert syntax.is_relative_clause(travelled) and syntax.is_noun_clause(travelled)
    assert syntax.is_clause_modifier(travelled) and not syntax.is_clause_modifier(meet)
    assert [syntax.is_chain_link(t) for t in (failed, agreed, meet, travelled, said)] == [True] * 4 + [False]
    assert [syntax.is_reported_link(t) for t in (failed, agreed, meet)] == [True, True, False]


def test_words_inside_a_noun_phrase_are_inner_modifiers():
    # "the Ruritanian border guard"
    doc = _en(["the", "Ruritanian", "border", "guard"], [3, 3, 3, 3], ["det", "amod", "compound", "ROOT"],
              ["DET", "ADJ", "NOUN", "NOUN"])
    assert [syntax.is_inner_modifier(t) for t in doc] == [False, True, True, False]


def test_what_a_verb_acts_on_and_its_particles():
    # "Ruritania offered to talk about dozens of prisoners"
    doc = _en(["Ruritania", "offered", "to", "talk", "about", "dozens", "of", "prisoners"], [1, 1, 3, 1, 3, 4, 5, 6],
              ["nsubj", "ROOT", "aux", "xcomp", "prep", "pobj", "prep", "pobj"],
              ["PROPN", "VERB", "PART", "VERB", "ADP", "NOUN", "ADP", "NOUN"])
    offered, talk, dozens = doc[1], doc[3], doc[5]
    assert syntax.has_auxiliary(talk, ("to",)) and not syntax.has_auxiliary(talk, ("must",))
    assert _words(syntax.particles(talk)) == ["about"]
    assert _words(syntax.prep_objects(talk, None)) == ["dozens"]
    assert _words(syntax.prep_objects(dozens, ("of",))) == ["prisoners"]
    assert syntax.is_predicate_complement(talk) and not syntax.is_predicate_complement(dozens)
    assert not syntax.is_acted_on(dozens) and not syntax.is_acted_on(offered)


def test_complements_of_as_and_words_describing_a_noun():
    # "Ruritania described the move as a grave and reckless mistake"
    doc = _en(["Ruritania", "described", "the", "move", "as", "unacceptable", "grave", "mistake"],
              [1, 1, 3, 1, 1, 4, 7, 4],
              ["nsubj", "ROOT", "det", "dobj", "prep", "amod", "amod", "pobj"],
              ["PROPN", "VERB", "DET", "NOUN", "ADP", "ADJ", "ADJ", "NOUN"])
    described, mistake = doc[1], doc[7]
    assert syntax.is_acted_on(doc[3])
    assert _words(syntax.prep_complements(described, ("as",))) == ["unacceptable", "mistake"]
    assert _words(syntax.prep_complements(described, ("like",))) == []
    assert _words(syntax.describing(mistake)) == ["grave"]
    assert _words(syntax.compounds(mistake)) == []


def test_a_noun_recipient_is_acted_on_and_an_adnominal_clause_is_one():
    # "aid given Freedonia": a hand-built parse that hangs a noun recipient on an adnominal clause
    doc = _en(["aid", "given", "Freedonia"], [0, 0, 1], ["ROOT", "acl", "dative"], ["NOUN", "VERB", "NOUN"])
    assert syntax.is_adnominal_clause(doc[1]) and syntax.is_noun_clause(doc[1])
    assert not syntax.is_relative_clause(doc[1])
    assert syntax.is_acted_on(doc[2])


def test_auxiliaries_negations_and_markers_of_a_condition():
    # "Ruritania would not strike if envoys never came"
    doc = _en(["Ruritania", "would", "not", "strike", "if", "envoys", "never", "came"], [3, 3, 3, 3, 7, 7, 7, 3],
              ["nsubj", "aux", "neg", "ROOT", "mark", "nsubj", "advmod", "advcl"],
              ["PROPN", "AUX", "PART", "VERB", "SCONJ", "NOUN", "ADV", "VERB"])
    strike, came = doc[3], doc[7]
    assert [syntax.is_auxiliary(t) for t in doc[1:4]] == [True, False, False]
    assert [syntax.is_negation(t) for t in doc[1:4]] == [False, True, False]
    assert syntax.is_adverb_modifier(doc[6]) and not syntax.is_adverb_modifier(doc[2])
    assert syntax.is_adverbial_clause(came) and not syntax.is_adverbial_clause(strike)
    assert syntax.has_marker(came, {"if", "unless"}) and not syntax.has_marker(strike, {"if"})
    assert syntax.has_subject_or_marker(came) and syntax.has_subject_or_marker(strike)
    assert syntax.is_governed(doc[1]) and not syntax.is_governed(came)


def test_a_passive_auxiliary_counts_only_when_asked():
    were = _passive()[1]
    assert not syntax.is_auxiliary(were) and syntax.is_auxiliary(were, passive=True)


def test_qualifiers_determiners_and_what_a_verb_made():
    # "Ruritania made no planned arrests"
    doc = _en(["Ruritania", "made", "no", "planned", "arrests"], [1, 1, 4, 4, 1],
              ["nsubj", "ROOT", "det", "amod", "dobj"], ["PROPN", "VERB", "DET", "ADJ", "NOUN"])
    made, arrests = doc[1], doc[4]
    assert _words(syntax.qualifiers(arrests)) == ["no", "planned"]
    assert _words(syntax.determiners(arrests)) == ["no"]
    assert _words(syntax.objects_or_attributes(made)) == ["arrests"]
    assert not syntax.is_parataxis(made)


def test_scene_clauses_subjects_and_markers():
    doc = _en(["Ruritania", "would", "not", "strike", "if", "envoys", "never", "came"], [3, 3, 3, 3, 7, 7, 7, 3],
              ["nsubj", "aux", "neg", "ROOT", "mark", "nsubj", "advmod", "advcl"],
              ["PROPN", "AUX", "PART", "VERB", "SCONJ", "NOUN", "ADV", "VERB"])
    strike, came = doc[3], doc[7]
    assert _words(syntax.markers(came)) == ["if"] and _words(syntax.markers(strike)) == []
    assert syntax.has_subject(came) and not syntax.has_subject(doc[5])
    assert syntax.is_scene_clause(came) and not syntax.is_scene_clause(strike)


def test_a_place_in_apposition_a_modifier_and_a_preposition():
    # "troops fired from Anchorage, Alaska at Freedonia city hall"
    doc = _en(["troops", "fired", "from", "Anchorage", ",", "Alaska", "at", "Freedonia", "city", "hall"],
              [1, 1, 1, 2, 3, 3, 1, 9, 9, 6],
              ["nsubj", "ROOT", "prep", "pobj", "punct", "appos", "prep", "compound", "compound", "pobj"],
              ["NOUN", "VERB", "ADP", "PROPN", "PUNCT", "PROPN", "ADP", "PROPN", "NOUN", "NOUN"])
    assert syntax.is_apposition(doc[5]) and not syntax.is_apposition(doc[3])
    assert syntax.is_modifier(doc[7]) and not syntax.is_modifier(doc[9])
    assert syntax.is_preposition(doc[2]) and not syntax.is_preposition(doc[3])
    assert syntax.has_subject(doc[1])


def test_a_clausal_subject_counts_as_a_subject_only_when_asked():
    # "what Ruritania did angered five envoys"
    doc = _en(["what", "Ruritania", "did", "angered", "five", "envoys"], [2, 2, 3, 3, 5, 3],
              ["dobj", "nsubj", "csubj", "ROOT", "nummod", "dobj"], ["PRON", "PROPN", "VERB", "VERB", "NUM", "NOUN"])
    angered = doc[3]
    assert syntax.is_clausal_subject(doc[2]) and not syntax.is_clausal_subject(doc[1])
    assert not syntax.has_subject(angered) and syntax.has_subject(angered, clausal=True)
    assert syntax.is_scene_clause(doc[2])
    assert syntax.is_number_modifier(doc[4]) and not syntax.is_number_modifier(doc[5])


def test_a_clause_as_the_object_of_a_preposition():
    # "Ruritania refrained from supporting Freedonia"
    doc = _en(["Ruritania", "refrained", "from", "supporting", "Freedonia"], [1, 1, 1, 2, 3],
              ["nsubj", "ROOT", "prep", "pcomp", "dobj"], ["PROPN", "VERB", "ADP", "VERB", "PROPN"])
    assert syntax.is_prep_complement(doc[3]) and not syntax.is_prep_complement(doc[4])
    assert syntax.is_chain_link(doc[3]) and syntax.is_governed(doc[3])
    assert _words(syntax.prep_objects(doc[1], None)) == []


def test_what_a_preposition_takes_a_marker_and_a_noun_adverbial():
    # "Ruritania left two days after voting"
    doc = _en(["Ruritania", "left", "two", "days", "after", "voting"], [1, 1, 3, 4, 1, 4],
              ["nsubj", "ROOT", "nummod", "npadvmod", "prep", "pcomp"], ["PROPN", "VERB", "NUM", "NOUN", "ADP", "VERB"])
    after = doc[4]
    assert _words(syntax.prep_arguments(after)) == ["voting"]
    assert _words(syntax.prep_objects(doc[1], ("after",))) == []  # a clause object is no noun object
    assert syntax.is_noun_adverbial(doc[3]) and not syntax.is_noun_adverbial(doc[2])
    assert not syntax.is_marker(after)
    doc = _en(["Ruritania", "left", "after", "envoys", "voted"], [1, 1, 4, 4, 1],
              ["nsubj", "ROOT", "mark", "nsubj", "advcl"], ["PROPN", "VERB", "SCONJ", "NOUN", "VERB"])
    assert syntax.is_marker(doc[2]) and _words(syntax.prep_arguments(doc[2])) == []


def test_the_words_of_a_noun_phrase_and_where_its_name_stops():
    # "the Ruritanian President Zog 's envoy , who travelled"
    doc = _en(["the", "Ruritanian", "President", "Zog", "'s", "envoy", ",", "who", "travelled"],
              [3, 3, 3, 5, 3, 5, 5, 8, 5],
              ["det", "amod", "compound", "poss", "case", "ROOT", "punct", "nsubj", "relcl"],
              ["DET", "ADJ", "PROPN", "PROPN", "PART", "NOUN", "PUNCT", "PRON", "VERB"])
    assert [syntax.is_phrase_word(t) for t in doc] == [True] * 5 + [False, True, False, False]
    assert [syntax.is_leading_function_word(t) for t in doc[:6]] == [True, False, False, False, True, False]
    assert [syntax.is_phrase_break(t) for t in doc[5:]] == [False, True, False, True]
    assert syntax.is_possessor(doc[3]) and not syntax.is_possessor(doc[2])
    assert syntax.is_compound(doc[2]) and not syntax.is_compound(doc[1])
    assert syntax.is_adjective_modifier(doc[1]) and not syntax.is_adjective_modifier(doc[2])


def test_content_complements_and_a_nominal_passive_subject():
    doc = _en(["Ruritania", "said", "talks", "failed", "and", "agreed", "to", "meet", "envoys", "who", "travelled"],
              [1, 1, 3, 1, 1, 1, 7, 5, 7, 10, 8],
              ["nsubj", "ROOT", "nsubj", "ccomp", "cc", "conj", "aux", "xcomp", "dobj", "nsubj", "relcl"],
              ["PROPN", "VERB", "NOUN", "VERB", "CCONJ", "VERB", "PART", "VERB", "NOUN", "PRON", "VERB"])
    assert [syntax.is_content_complement(t) for t in (doc[3], doc[7], doc[5], doc[10])] == [True, True, False, False]
    envoys = _passive()[0]
    assert syntax.is_nominal_passive_subject(envoys) and not syntax.is_nominal_passive_subject(doc[0])
