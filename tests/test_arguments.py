"""Arguments: coordinated modifiers and sponsor participles (sentences written for these tests)."""

from __future__ import annotations

import pytest

from .conftest import triples

pytestmark = pytest.mark.slow


def test_coordinated_modifiers_give_one_source_each(code):
    evs = code("Brazilian and Argentine fighter jets shot down Kenyan drones.")
    assert triples(evs) == {("ASSAULT", "BRA", "KEN", "asserted"), ("ASSAULT", "ARG", "KEN", "asserted")}
    assert {e["source"]["sector"] for e in evs} == {"MIL"}


def test_coordinated_modifiers_of_one_group_meet_each_other(code):
    evs = code("Japanese and French diplomats met in Nairobi on Monday.")
    assert triples(evs) == {("CONSULT", "JPN", "FRA", "asserted")}


def test_coordinated_modifiers_of_a_target(code):
    evs = code("Kenya criticised American and Chinese officials.")
    assert triples(evs) == {("ACCUSE", "KEN", "USA", "asserted"), ("ACCUSE", "KEN", "CHN", "asserted")}


def test_sponsor_named_in_a_participle_is_not_the_groups_country(code):
    evs = code("Kenyan officials said Brazil-backed rebels attacked a convoy near the border.")
    assert triples(evs) == {("ASSAULT", "KEN", "KEN", "asserted")}
    assert (evs[0]["source"]["text"], evs[0]["source"]["sector"]) == ("Brazil-backed rebels", "REB")



def test_response_to_a_named_act_targets_its_doer(code):
    evs = code("Brazil's navy shelled two Argentine fishing boats on Monday. "
               "Argentina condemned the shelling as reckless.")
    assert triples(evs) == {("ASSAULT", "BRA", "ARG", "asserted"), ("ACCUSE", "ARG", "BRA", "asserted")}
    answer = next(e for e in evs if e["event_type"] == "ACCUSE")
    assert answer["target"]["text"] == ""  # taken from the earlier act, not named in the sentence


def test_response_to_a_measure_targets_the_state_that_imposed_it(code):
    evs = code("Brazil imposed tariffs on Argentine steel. Kenya welcomed the tariffs.")
    assert triples(evs) == {("SANCTION", "BRA", "ARG", "asserted"), ("SUPPORT", "KEN", "BRA", "asserted")}


def test_response_to_a_seizure_targets_the_seizer(code):
    evs = code("France seized a Japanese trawler. Japan condemned the seizure.")
    assert triples(evs) == {("COERCE", "FRA", "JPN", "asserted"), ("ACCUSE", "JPN", "FRA", "asserted")}


def test_a_threat_naming_no_target_answers_the_act_done_to_its_source(code):
    evs = code("The French navy seized a Japanese trawler. Japan vowed to respond.")
    assert triples(evs) == {("COERCE", "FRA", "JPN", "asserted"), ("THREATEN", "JPN", "FRA", "asserted")}


def test_passive_subject_of_a_governing_verb_does_the_act(code):
    evs = code("Argentina and Japan are expected to hold talks next week.")
    assert triples(evs) == {("CONSULT", "ARG", "JPN", "planned")}


def test_recipient_after_a_direct_object_is_the_target(code):
    evs = code("Argentina will give food aid to Kenya.")
    assert triples(evs) == {("AID", "ARG", "KEN", "planned")}


def test_a_person_named_by_no_country_acts_for_the_documents_country(code):
    evs = code("Kenya's election campaign turned violent. A man stabbed an opposition candidate in Nairobi.")
    assert triples(evs) == {("ASSAULT", "KEN", "KEN", "asserted")}
    assert evs[0]["source"]["sector"] == "CVL"


def test_support_in_a_document_about_one_country_is_domestic(code):
    evs = code("Kenya's supreme court annulled the election. The opposition welcomed the ruling.")
    assert triples(evs) == {("COERCE", "KEN", "KEN", "asserted"), ("SUPPORT", "KEN", "KEN", "asserted")}


def test_the_alliance_is_the_body_named_before(code):
    evs = code("NATO banned Kenyan flights. Kenya accused the alliance of hostility.")
    assert triples(evs) == {("SANCTION", "NATO", "KEN", "asserted"), ("ACCUSE", "KEN", "NATO", "asserted")}


def test_the_court_is_the_body_whose_name_says_court(code):
    evs = code("The Atlantic Trade Court fined Brazil. Brazil dismissed the court as biased.")
    assert triples(evs) == {("SANCTION", "ATC", "BRA", "asserted"), ("REJECT", "BRA", "ATC", "asserted")}


def test_a_court_with_its_own_country_is_not_the_body_named_before(code):
    evs = code("The Atlantic Trade Court fined Brazil. The Kenyan court jailed a Brazilian trader.")
    assert triples(evs) == {("SANCTION", "ATC", "BRA", "asserted"), ("COERCE", "KEN", "BRA", "asserted")}


def test_a_subject_pronoun_continues_the_last_subject(code):
    evs = code("China warned Japan over the dispute. It also suspended imports of Japanese fish.")
    assert triples(evs) == {("THREATEN", "CHN", "JPN", "asserted"), ("SANCTION", "CHN", "JPN", "asserted")}


def test_struck_with_an_agreement_class_object_is_an_agreement(code):
    evs = code("Kenya and Japan struck a partnership on Monday.")
    assert triples(evs) == {("AGREE", "KEN", "JPN", "asserted")}


def test_a_leader_arriving_in_a_foreign_capital_visits_it(code):
    evs = code("Kenya's president arrived in Tokyo on Wednesday. Argentine refugees arrived in Brazil on Friday.")
    assert triples(evs) == {("CONSULT", "KEN", "JPN", "asserted")}


def test_a_suspended_share_of_aid_is_a_sanction_and_no_aid(code):
    evs = code("The United States suspended part of its military aid to Kenya.")
    assert triples(evs) == {("SANCTION", "USA", "KEN", "asserted")}


def test_aid_suspended_for_a_country_targets_it(code):
    evs = code("The United States suspended a military aid programme for Kenya.")
    assert triples(evs) == {("SANCTION", "USA", "KEN", "asserted")}


def test_a_promise_to_act_in_a_country_is_an_agreement_with_it(code):
    evs = code("Japan agreed to open a research centre in Kenya.")
    assert triples(evs) == {("AGREE", "JPN", "KEN", "asserted")}


def test_talks_between_two_parties_need_no_possessor(code):
    evs = code("Talks between Japan and China resumed on Monday.")
    assert triples(evs) == {("CONSULT", "JPN", "CHN", "asserted")}


def test_a_verb_whose_subject_names_an_act_acts_through_its_doer(code):
    evs = code("The attack by Brazilian troops on Argentine positions killed five.")
    assert triples(evs) == {("ASSAULT", "BRA", "ARG", "asserted")}


def test_a_show_of_force_with_no_recipient_has_a_null_target(code):
    evs = code("Kenya test-fired a ballistic missile on Monday.")
    assert triples(evs) == {("MOBILIZE", "KEN", None, "asserted")}
    assert evs[0]["target"] is None


def test_the_actors_own_troops_are_not_the_target_of_their_withdrawal(code):
    evs = code("Brazil withdrew its troops from Argentina.")
    assert triples(evs) == {("RETREAT", "BRA", "ARG", "asserted")}


def test_a_verb_coordinated_after_a_reported_clause_is_the_reporters_act(code):
    evs = code("Japan said the plan was flawed and urged China to open more ports.")
    assert triples(evs) == {("REQUEST", "JPN", "CHN", "asserted")}


def test_a_city_the_actor_base_lacks_is_read_as_its_country(code):
    evs = code("Argentina's border is tense. Brazilian artillery shelled a hotel in Cordoba.")
    assert triples(evs) == {("ASSAULT", "BRA", "ARG", "asserted")}
    assert (evs[0]["target"]["text"], evs[0]["target"]["start"]) == ("Cordoba", 68)



def test_an_agentless_arrest_of_people_is_the_documents_state_acting_on_its_own(code):
    evs = code("Kenya's government faces protests. Two radio presenters were detained on Friday.")
    assert triples(evs) == {("COERCE", "KEN", "KEN", "asserted")}
    assert (evs[0]["source"]["sector"], evs[0]["target"]["sector"]) == ("GOV", "CVL")
    assert (evs[0]["target"]["text"], evs[0]["target"]["start"]) == ("Two radio presenters", 35)


def test_a_person_named_again_by_surname_keeps_their_country(code):
    evs = code("Kenyan President Amani Otieno met French officials on Monday. "
               "Otieno is expected to travel to Brasilia next month.")
    assert triples(evs) == {("CONSULT", "KEN", "FRA", "asserted"), ("CONSULT", "KEN", "BRA", "planned")}
    visit = next(e for e in evs if e["modality"] == "planned")
    assert (visit["source"]["text"], visit["source"]["name"], visit["source"]["start"]) == \
        ("Otieno", "Amani Otieno", 62)


def test_a_noun_act_in_a_phrase_on_a_verb_is_the_act_of_its_subject(code):
    evs = code("Kenya's foreign minister returned on Friday from talks with French officials.")
    assert triples(evs) == {("CONSULT", "KEN", "FRA", "asserted")}
    assert (evs[0]["source"]["text"], evs[0]["trigger"]["text"]) == ("Kenya's foreign minister", "talks")


def test_a_noun_act_that_is_the_object_of_a_verb_is_not_its_subjects(code):
    evs = code("Kenya condemned the talks with French officials.")
    assert triples(evs) == {("ACCUSE", "KEN", "FRA", "asserted")}


def test_a_definite_description_of_a_state_named_before_is_that_state(code):
    evs = code("Kenya held elections on Sunday. Brazil urged the country to count the votes quickly.")
    assert triples(evs) == {("REQUEST", "BRA", "KEN", "asserted")}
    assert (evs[0]["target"]["text"], evs[0]["target"]["start"]) == ("country", 49)
    evs = code("Kenya held elections on Sunday. Brazil urged the Nordic country to count the votes quickly.")
    assert all(e["target"] is None or e["target"]["text"] != "Nordic country" for e in evs)


def test_a_participle_on_a_text_is_the_act_of_whoever_issued_it(code):
    evs = code("Brazil passed a resolution condemning Argentina.")
    assert triples(evs) == {("ACCUSE", "BRA", "ARG", "asserted")}
    assert (evs[0]["source"]["text"], evs[0]["trigger"]["text"]) == ("Brazil", "condemning")


def test_a_part_acts_for_its_whole(code):
    evs = code("Kenya held a disputed election in May. Two of the armed factions refused to disarm.")
    assert triples(evs) == {("RETREAT", "KEN", "KEN", "negated"), ("REJECT", "KEN", "KEN", "asserted")}
    assert {(e["source"]["text"], e["source"]["sector"]) for e in evs} == {("armed factions", "REB")}


def test_what_an_act_moves_is_not_its_target(code):
    evs = code("Kenya accused Brazil of arming rebels. Brazil promised more Brazilian military aid for the rebels.")
    # the aid is Brazil's, never its own target; the rebels it is for name no actor, so the target is null
    assert triples(evs) == {("ACCUSE", "KEN", "BRA", "asserted"), ("AID", "BRA", None, "planned")}
    evs = code("Kenya and Brazil dispute the border. Brazil refused to withdraw troops from a disputed corridor.")
    assert all(e["target"]["text"] != "troops" for e in evs)
    evs = code("France paid off $5 million of Kenya's debt.")  # money that names its owner: that owner
    assert triples(evs) == {("AID", "FRA", "KEN", "asserted")}


def test_money_does_not_act(code):
    assert triples(code("Kenya's new port will be supported by French funds.")) == set()
    assert triples(code("Brazilian funds supported a Kenyan dam project.")) == set()
    # the state whose money it is can
    assert triples(code("France supported the Kenyan dam project.")) == {("SUPPORT", "FRA", "KEN", "asserted")}


def test_an_arrest_named_by_a_noun_is_the_act_of_the_state_where_it_happens(code):
    evs = code("The detention in Nairobi of two Brazilian reporters drew criticism.")
    assert triples(evs) == {("COERCE", "KEN", "BRA", "asserted")}
    assert (evs[0]["target"]["text"], evs[0]["target"]["sector"]) == ("two Brazilian reporters", "MED")


def test_people_from_a_pair_named_before_are_each_side(code):
    evs = code("Brazil and Kenya held talks on Monday. Negotiators from the two countries will meet again in May.")
    assert triples(evs) == {("CONSULT", "BRA", "KEN", "asserted"), ("CONSULT", "BRA", "KEN", "planned")}
    planned = next(e for e in evs if e["modality"] == "planned")
    assert (planned["source"]["text"], planned["target"]["text"], planned["source"]["start"]) == \
        ("Negotiators", "Negotiators", 39)


def test_with_no_agent_the_owner_of_what_is_moved_moves_it(code):
    assert triples(code("French warships were sent to the coast of Kenya.")) == {("MOBILIZE", "FRA", "KEN", "asserted")}
    assert triples(code("Kenyan troops were withdrawn from the border with Brazil.")) == {
        ("RETREAT", "KEN", "BRA", "asserted")}
    # people who are not moved forces stay the patient of an agentless passive: no source, no event
    assert triples(code("Two Japanese journalists were sent to Kenya.")) == set()


def test_police_deployed_at_home_are_a_domestic_mobilization(code):
    assert triples(code("Riot police were deployed across Nairobi.")) == {("MOBILIZE", "KEN", "KEN", "asserted")}
    assert triples(code("Kenyan police deployed water cannon outside parliament.")) == {
        ("MOBILIZE", "KEN", "KEN", "asserted")}


def test_an_active_verb_coordinated_with_a_passive_one_shares_its_subject(code):
    assert triples(code("Japan was disappointed by the verdict and urged Kenya to release the two reporters.")) == {
        ("REQUEST", "JPN", "KEN", "asserted")}


def test_a_state_condemning_an_attack_by_its_own_rebels_targets_them(code):
    events = code("Brazil and Kenya signed a trade deal on Sunday, and Brazil pledged to double its imports. "
                  "Kenyan rebels attacked a police station on Monday. The Kenyan government condemned the attack.")
    assert triples(events) == {("AGREE", "BRA", "KEN", "asserted"), ("ASSAULT", "KEN", "KEN", "asserted"),
                               ("ACCUSE", "KEN", "KEN", "asserted")}
    accuse = next(e for e in events if e["event_type"] == "ACCUSE")
    assert (accuse["source"]["sector"], accuse["target"]["sector"]) == ("GOV", "REB")


def test_people_released_with_no_agent_are_released_by_whoever_held_them(code):
    assert triples(code("Japanese police arrested two Kenyan students on Monday. The two Kenyans were released on "
                        "Friday.")) == {("COERCE", "JPN", "KEN", "asserted"), ("RETREAT", "JPN", "KEN", "asserted")}
    # no one held them before: no source, no event
    assert triples(code("Two Kenyan students were released on Friday.")) == set()


def test_paying_off_a_states_debt_aids_that_state_not_the_creditor(code):
    assert triples(code("Japan and France paid off five million dollars of Kenya's arrears to the Atlantic Trade "
                        "Court.")) == {("AID", "JPN", "KEN", "asserted"), ("AID", "FRA", "KEN", "asserted")}
    # the maker of what is sent is not its recipient
    assert triples(code("Japan sent American weapons to Kenya.")) == {("AID", "JPN", "KEN", "asserted")}


def test_people_killed_with_no_killer_named_are_no_event_but_arrests_are_the_states(code):
    assert triples(code("At least 30 people were killed in Nairobi on Monday.")) == set()
    # the means named, an attack happened there
    assert triples(code("Three Kenyan civilians were killed in a car bombing in Nairobi.")) == {
        ("ASSAULT", "KEN", "KEN", "asserted")}
    assert triples(code("Two Kenyan soldiers were killed by a roadside bomb.")) == {
        ("ASSAULT", "KEN", "KEN", "asserted")}
    assert triples(code("Two hundred Kenyan protesters were arrested in Nairobi.")) == {
        ("COERCE", "KEN", "KEN", "asserted")}


def test_the_two_men_are_the_two_people_named_before(code):
    assert triples(code("Kenyan President Otieno met Brazilian President Silva in Nairobi on Friday. The two men "
                        "agreed to deepen cooperation.")) == {("CONSULT", "KEN", "BRA", "asserted"),
                                                               ("AGREE", "KEN", "BRA", "asserted")}


def test_a_deployment_with_no_one_else_named_is_at_home_but_a_missile_test_aims_at_no_one(code):
    assert triples(code("Brazil deployed troops along its northern border.")) == {
        ("MOBILIZE", "BRA", "BRA", "asserted")}
    assert triples(code("Kenya test-fired a ballistic missile on Monday.")) == {("MOBILIZE", "KEN", None, "asserted")}


def test_a_pro_or_anti_name_is_a_stance_not_an_origin(code):
    assert triples(code("Police in Kenya arrested pro-French activists.")) == {("COERCE", "KEN", "KEN", "asserted")}
    assert triples(code("Anti-American protesters marched in Nairobi.")) == {("PROTEST", "KEN", "KEN", "asserted")}


def test_a_response_to_the_decision_targets_who_last_acted_on_the_responder(code):
    evs = code("The Atlantic Trade Court fined Kenya on Thursday. The Kenyan president called the decision outrageous.")
    assert triples(evs) == {("SANCTION", "ATC", "KEN", "asserted"), ("ACCUSE", "KEN", "ATC", "asserted")}


def test_an_x_led_act_is_led_by_x(code):
    assert triples(code("The U.S.-led talks with Kenya resumed on Monday.")) == {("CONSULT", "USA", "KEN", "asserted")}


def test_an_unknown_name_with_a_title_and_no_country_is_no_actor(code):
    # Halvorsen is not in the knowledge base and nothing says whose president he is: not Japan's or China's
    evs = code("Japan and China held talks on Monday. President Halvorsen praised Kenya on Tuesday.")
    assert triples(evs) == {("CONSULT", "JPN", "CHN", "asserted")}
    evs = code("Brazil and France signed a trade pact. Prime Minister Lindqvist later praised Argentina.")
    assert triples(evs) == {("AGREE", "BRA", "FRA", "asserted")}


def test_an_unknown_name_with_a_title_takes_the_one_country_its_sentence_names(code):
    evs = code("Japan and China held talks on Monday. President Halvorsen criticized the Kenyan parliament on Tuesday.")
    assert triples(evs) == {("CONSULT", "JPN", "CHN", "asserted"), ("ACCUSE", "KEN", "KEN", "asserted")}


def test_an_unknown_name_takes_the_country_of_its_apposition(code):
    evs = code("Japan and China held talks on Monday. Halvorsen, the president of Kenya, praised China on Tuesday.")
    assert triples(evs) == {("CONSULT", "JPN", "CHN", "asserted"), ("SUPPORT", "KEN", "CHN", "asserted")}


def test_an_international_ngo_acts_with_no_country(code):
    evs = code("Open Hands Watch accused the Kenyan police of torturing detainees.")
    assert triples(evs) == {("ACCUSE", None, "KEN", "asserted")}
    assert (evs[0]["source"]["name"], evs[0]["source"]["sector"]) == ("Open Hands Watch", "CVL")


def test_a_summit_where_an_act_took_place_is_a_meeting_of_its_own(code):
    evs = code("Brazil and Argentina signed a trade pact at a summit in Nairobi on Monday.")
    assert triples(evs) == {("AGREE", "BRA", "ARG", "asserted"), ("CONSULT", "BRA", "ARG", "asserted")}
    assert next(e for e in evs if e["event_type"] == "CONSULT")["trigger"]["text"] == "summit"


def test_talks_an_act_is_about_are_its_content_not_a_meeting(code):
    evs = code("Kenya criticised Japan about the talks in Tokyo.")
    assert triples(evs) == {("ACCUSE", "KEN", "JPN", "asserted")}


def test_a_request_an_act_answers_is_no_meeting(code):
    evs = code("At Kenya's request, France sent two warships to the coast.")
    assert "CONSULT" not in {e["event_type"] for e in evs}


def test_he_after_a_minister_named_by_office_only(code):
    evs = code("The Kenyan interior minister said police had arrested 40 people. He condemned Brazil.")
    assert triples(evs) == {("COERCE", "KEN", "KEN", "asserted"), ("ACCUSE", "KEN", "BRA", "asserted")}


def test_he_does_not_stand_for_several_ministers(code):
    evs = code("Kenyan interior ministers said police had arrested 40 people. He condemned Brazil.")
    assert triples(evs) == {("COERCE", "KEN", "KEN", "asserted")}


def test_the_place_of_a_summit_is_not_the_target_of_an_act_there(code):
    evs = code("At a summit in Nairobi, Brazil criticised Argentina.")
    assert triples(evs) == {("ACCUSE", "BRA", "ARG", "asserted")}


def test_subject_the_parser_hung_on_after_does_the_act(code):
    evs = code("Kenya closed its airspace to flights from Brazil on Monday, a day after Brazil and Argentina "
               "recalled their ambassadors from Nairobi.")
    assert triples(evs) == {("SANCTION", "KEN", "BRA", "asserted"), ("SANCTION", "BRA", "KEN", "asserted"),
                            ("SANCTION", "ARG", "KEN", "asserted")}
    assert {e["date"] for e in evs if e["source"]["code"] != "KEN"} == {"2025-03-09"}


@pytest.mark.parametrize("text,expected", [
    ("Brazilian arms sales to Argentina led Kenya to impose sanctions on two Brazilian banks.",
     {("AID", "BRA", "ARG", "asserted"), ("SANCTION", "KEN", "BRA", "asserted")}),
    ("The attack prompted France to recall its ambassador from Kenya.", {("SANCTION", "FRA", "KEN", "asserted")}),
])
def test_one_led_or_prompted_to_act_does_the_act(code, text, expected):
    assert triples(code(text)) == expected


def test_opposition_with_no_country_is_that_of_the_leader_it_accuses(code):
    evs = code("Brazil met Japan on Monday. Brazil praised Japan. "
               "Opposition leaders accused the Kenyan president of selling the country to Brazil.")
    assert triples(evs) == {("CONSULT", "BRA", "JPN", "asserted"), ("SUPPORT", "BRA", "JPN", "asserted"),
                            ("ACCUSE", "KEN", "KEN", "asserted")}


def test_the_president_is_not_the_one_named_beside_the_title():
    from datetime import date

    from eventwire.coder import Coder
    from eventwire.knowledge.actors import ActorKB, parse_entries, shipped_files
    from eventwire.records import Document

    from .conftest import KB_YAML

    entries = [e for name, text in shipped_files() if name.endswith(("sectors.yaml", "titles.yaml"))
               for e in parse_entries(text, name)]
    entries += parse_entries(KB_YAML + """
- {id: t/p/amani, kind: person, code: KEN, name: Joseph Amani, terms: [Joseph Amani, Amani],
   offices: [{office: head_of_state, title: president, start: 2023-01-01}]}
""", "test")
    coder = Coder(kb=ActorKB(entries))
    text = "Kenyan President Joseph Amani met President Lucia Rivera in Nairobi. The president thanked Rivera."
    evs = [e.to_dict() for e in coder.code(Document("t", text, date(2025, 3, 12)))]
    assert triples(evs) == {("CONSULT", "KEN", "ARG", "asserted"), ("SUPPORT", "KEN", "ARG", "asserted")}


def test_they_after_coordinated_subjects_stands_for_both(code):
    evs = code("Kenya and Brazil signed a trade deal on Monday. They also agreed to cut tariffs in May.")
    assert {(e["event_type"], e["source"]["code"], e["target"]["code"], e["trigger"]["text"]) for e in evs} == {
        ("AGREE", "KEN", "BRA", "signed a trade deal"), ("AGREE", "KEN", "BRA", "agreed")}
    # a lone subject before: "they" is not a pair
    evs = code("Kenya criticised Brazil on Monday. They also praised Argentina.")
    assert triples(evs) == {("ACCUSE", "KEN", "BRA", "asserted"), ("SUPPORT", "KEN", "ARG", "asserted")}


@pytest.mark.parametrize("text,expected", [
    ("The foreign ministers of Kenya and Brazil met in Nairobi on Monday.", {("CONSULT", "KEN", "BRA", "asserted")}),
    ("The leaders of France, Japan and Kenya condemned the attack on Brazil.",
     {("ACCUSE", "FRA", "BRA", "asserted"), ("ACCUSE", "JPN", "BRA", "asserted"),
      ("ACCUSE", "KEN", "BRA", "asserted")}),
])
def test_coordinated_states_after_of_give_one_actor_each(code, text, expected):
    assert triples(code(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Kenya, along with Brazil, condemned Argentina.",
     {("ACCUSE", "KEN", "ARG", "asserted"), ("ACCUSE", "BRA", "ARG", "asserted")}),
    ("Kenya, together with Brazil, condemned Argentina.",
     {("ACCUSE", "KEN", "ARG", "asserted"), ("ACCUSE", "BRA", "ARG", "asserted")}),
    ("Kenya condemned Argentina along with its allies.", {("ACCUSE", "KEN", "ARG", "asserted")}),
    ("Kenya joined Brazil in condemning Argentina.",
     {("ACCUSE", "KEN", "ARG", "asserted"), ("ACCUSE", "BRA", "ARG", "asserted")}),
    ("Kenya and Brazil accused each other of violating the truce.",
     {("ACCUSE", "KEN", "BRA", "asserted"), ("ACCUSE", "BRA", "KEN", "asserted")}),
])
def test_companions_joiners_and_each_other(code, text, expected):
    assert triples(code(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Kenya warned it would impose sanctions on Brazil.", {("THREATEN", "KEN", "BRA", "asserted")}),
    ("Kenya warned that Brazil would pay for its attacks on Argentina.", {("THREATEN", "KEN", "BRA", "asserted")}),
])
def test_a_warning_of_ones_own_act_is_aimed_at_whom_the_act_is(code, text, expected):
    assert triples(code(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Thousands protested in Nairobi against Brazil.", {("PROTEST", "KEN", "BRA", "asserted")}),
    ("Thousands of Brazilian troops attacked Kenya.", {("ASSAULT", "BRA", "KEN", "asserted")}),
])
def test_a_bare_count_of_people_is_a_crowd(code, text, expected):
    evs = code(text)
    assert triples(evs) == expected
    assert evs[0]["source"]["sector"] == ("CVL" if "protested" in text else "MIL")


def test_troops_sent_to_a_border_face_the_state_on_the_other_side(code):
    assert triples(code("Kenya deployed troops to its border with Brazil.")) == {("MOBILIZE", "KEN", "BRA", "asserted")}


def test_the_noun_a_zero_relative_clause_hangs_on_is_its_object(code):
    evs = code("Kenya released the Brazilian sailors it had detained.")
    assert triples(evs) == {("RETREAT", "KEN", "BRA", "asserted"), ("COERCE", "KEN", "BRA", "asserted")}


@pytest.mark.parametrize("text,expected", [
    ("Kenya condemned the attack Brazil launched on Argentina.",
     {("ACCUSE", "KEN", "BRA", "asserted"), ("ASSAULT", "BRA", "ARG", "asserted")}),
    ("Kenya welcomed the sanctions that Brazil imposed on Argentina.",
     {("SUPPORT", "KEN", "BRA", "asserted"), ("SANCTION", "BRA", "ARG", "asserted")}),
])
def test_a_response_to_an_act_someone_launched_targets_them(code, text, expected):
    assert triples(code(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("The sanctions imposed by Brazil on Kenya took effect on Monday.", {("SANCTION", "BRA", "KEN", "asserted")}),
    ("The agreement signed on Monday by Brazil with Kenya ends the dispute.", {("AGREE", "BRA", "KEN", "asserted")}),
])
def test_an_act_named_by_a_noun_is_done_by_the_agent_of_its_participle(code, text, expected):
    assert triples(code(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Two Brazilian diplomats were expelled, the Kenyan foreign ministry said.",
     {("SANCTION", "KEN", "BRA", "asserted")}),
    ("Brazil's ambassador was summoned to the foreign ministry in Nairobi on Monday.",
     {("ACCUSE", "KEN", "BRA", "asserted")}),
    ("Two Brazilian journalists were arrested in Nairobi on Monday.", {("COERCE", "KEN", "BRA", "asserted")}),
])
def test_an_act_of_state_with_no_doer_is_the_reporting_or_named_states(code, text, expected):
    assert triples(code(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Brazil accused Argentina of harbouring rebels. Kenya came under heavy pressure from Brazil to extradite them.",
     {("ACCUSE", "BRA", "ARG", "asserted"), ("REQUEST", "BRA", "KEN", "asserted")}),
    ("Brazil accused Argentina of harbouring rebels. Kenya now faces mounting pressure from Brazil to extradite them.",
     {("ACCUSE", "BRA", "ARG", "asserted"), ("REQUEST", "BRA", "KEN", "asserted")}),
    ("Brazil accused Argentina of harbouring rebels. Brazil has put pressure on Kenya to extradite them.",
     {("ACCUSE", "BRA", "ARG", "asserted"), ("REQUEST", "BRA", "KEN", "asserted")}),
    ("Brazil accused Argentina of harbouring rebels. Kenyan soldiers came under attack from Brazilian troops.",
     {("ACCUSE", "BRA", "ARG", "asserted"), ("ASSAULT", "BRA", "KEN", "asserted")}),
    # what one draws, wins or receives from another is that other's act on it
    ("Kenya hosted the Argentine leader on Monday, drawing sharp criticism from Brazil.",
     {("CONSULT", "KEN", "ARG", "asserted"), ("ACCUSE", "BRA", "KEN", "asserted")}),
    ("The Kenyan plan drew praise from Brazil.", {("SUPPORT", "BRA", "KEN", "asserted")}),
    ("Kenya has won support from Brazil for its bid.", {("SUPPORT", "BRA", "KEN", "asserted")}),
])
def test_the_subject_bears_the_act_it_comes_under_or_faces(code, text, expected):
    # what the pressure is to bring about ("to extradite them") is its content, no act of its own
    assert triples(code(text)) == expected


@pytest.mark.parametrize("text,expected", [
    # the parties named on the noun the act is of
    ("The signing of a trade accord between Kenya and Brazil took place in Nairobi on Monday.",
     {("AGREE", "KEN", "BRA", "asserted")}),
    # the act's own preposition hung on the noun its object is about
    ("Kenya is sharing intelligence about the smugglers with Brazil.", {("COOPERATE", "KEN", "BRA", "asserted")}),
])
def test_parties_named_inside_the_object_phrase(code, text, expected):
    assert triples(code(text)) == expected


def test_an_office_holder_named_apart_is_a_target_of_the_same_state(code):
    # a quarrel at home: the minister and the prime minister are two sides of one country
    evs = code("Brazil warned Kenya over its budget on Monday. Brazil said Kenya had lied. On Tuesday the Kenyan "
               "foreign minister accused Prime Minister Mwangi of lying about it.")
    assert triples(evs) == {("THREATEN", "BRA", "KEN", "asserted"), ("ACCUSE", "KEN", "KEN", "asserted")}
    assert [e["target"]["text"] for e in evs if e["event_type"] == "ACCUSE"] == ["Prime Minister Mwangi"]


def test_a_country_named_only_later_is_no_guessed_counterpart(code):
    # Brazil comes into the report after the denial: the denial with no one named stays at home
    evs = code("Kenyan police detained an opposition leader in Nairobi on Monday. The Kenyan government denies any "
               "role in the unrest. Brazil urged calm on Tuesday, and Brazil said it was watching closely.")
    assert triples(evs) == {("COERCE", "KEN", "KEN", "asserted"), ("REJECT", "KEN", "KEN", "asserted"),
                            ("REQUEST", "BRA", "KEN", "asserted")}


@pytest.mark.parametrize("text,expected", [
    ("Kenya threatened to destroy any dam Brazil built on the river.", {("THREATEN", "KEN", "BRA", "asserted")}),
    ("Kenya condemned the pipeline that Brazil is building.", {("ACCUSE", "KEN", "BRA", "asserted")}),
    # the relative clause is an act of its own on the thing, not a sign of whose it is
    ("Kenya nominated Okafor for the prize, crediting him with the ceasefire, a claim Brazil has rejected.",
     {("SUPPORT", "KEN", "KEN", "asserted"), ("REJECT", "BRA", "KEN", "asserted")}),
])
def test_a_thing_is_of_whoever_a_relative_clause_on_it_says_made_it(code, text, expected):
    assert triples(code(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Thousands of Kenyan troops have been sent to the area.", {("MOBILIZE", "KEN", "KEN", "asserted")}),
    ("Hundreds of tonnes of Kenyan aid were flown to Brazil.", {("AID", "KEN", "BRA", "asserted")}),
])
def test_a_part_of_people_or_goods_moved_with_no_agent_is_sent_by_their_owner(code, text, expected):
    assert triples(code(text)) == expected


@pytest.mark.parametrize("text,expected", [
    # a meeting a clause goes to: its counterpart is where the clause goes, and it is as planned as the clause
    ("The Kenyan foreign minister will return to Brasilia next week for talks.",
     {("CONSULT", "KEN", "BRA", "planned")}),
    ("The Kenyan foreign minister is expected to return to Brasilia for another round of talks.",
     {("CONSULT", "KEN", "BRA", "planned")}),
    ("The Kenyan foreign minister returned to Brasilia for talks.", {("CONSULT", "KEN", "BRA", "asserted")}),
])
def test_talks_a_clause_goes_to_are_with_the_place_it_goes_to(code, text, expected):
    assert triples(code(text)) == expected


@pytest.mark.parametrize("text,expected", [
    # a noun set beside a clause names that clause's act; its denial answers whoever did it
    ("Kenya accused Brazil of arming the rebels, a charge Brazil denies.",
     {("ACCUSE", "KEN", "BRA", "asserted"), ("REJECT", "BRA", "KEN", "asserted")}),
    ("Kenya accused Brazil of spying, an allegation that Brasilia denies.",
     {("ACCUSE", "KEN", "BRA", "asserted"), ("REJECT", "BRA", "KEN", "asserted")}),
    # the parser makes the accusation the complement of the denial, the charge its subject and the denier in
    # apposition to the charge: both acts are still read
    ("Kenya accused Brazil of violating its airspace, a charge Brasilia denied.",
     {("ACCUSE", "KEN", "BRA", "asserted"), ("REJECT", "BRA", "KEN", "asserted")}),
    # "which" the parser hangs on the accused: what is rejected is the accusation
    ("Kenya accused the Brazilian government of human rights abuses, which Brasilia rejected.",
     {("ACCUSE", "KEN", "BRA", "asserted"), ("REJECT", "BRA", "KEN", "asserted")}),
    ("Brazil accused the Kenyan government of human rights abuses, which Nairobi rejected.",
     {("ACCUSE", "BRA", "KEN", "asserted"), ("REJECT", "KEN", "BRA", "asserted")}),
])
def test_a_denial_of_a_charge_set_beside_its_clause_answers_the_accuser(code, text, expected):
    assert triples(code(text)) == expected


@pytest.mark.parametrize("text,expected", [
    # the noun a passive participle describes undergoes its act: the diplomats do not accuse anyone
    ("Kenya has expelled two Brazilian diplomats accused of spying.", {("SANCTION", "KEN", "BRA", "asserted")}),
    ("Kenyan police arrested three Brazilians suspected of smuggling.", {("COERCE", "KEN", "BRA", "asserted")}),
])
def test_the_noun_a_passive_participle_describes_undergoes_it(code, text, expected):
    assert triples(code(text)) == expected


@pytest.mark.parametrize("text,expected", [
    # a party's or a leader's supporters act (sports fans are not events; "supporters" is no sports word alone)
    ("Kenyan opposition supporters rallied in Nairobi.", {("PROTEST", "KEN", "KEN", "asserted")}),
    ("Supporters of the Kenyan president rallied in Nairobi.", {("PROTEST", "KEN", "KEN", "asserted")}),
])
def test_supporters_are_people_who_act(code, text, expected):
    assert triples(code(text)) == expected


@pytest.mark.parametrize("text,expected", [
    # a call is aimed at where what it calls for is to happen, or at whoever is to do the act called for
    ("Brazil called for an immediate ceasefire in Kenya.", {("REQUEST", "BRA", "KEN", "asserted")}),
    ("Brazil pressed for sanctions on Kenya.", {("REQUEST", "BRA", "KEN", "asserted")}),
    ("Brazil lobbied for NATO sanctions on Kenya.", {("REQUEST", "BRA", "NATO", "asserted")}),
])
def test_a_call_for_something_is_aimed_at_whom_it_names(code, text, expected):
    assert triples(code(text)) == expected


@pytest.mark.parametrize("text,expected", [
    # one's own people in a reported clause are no target; whom they are said to act on is
    ("Brazil denied that its forces had entered Kenyan territory.", {("REJECT", "BRA", "KEN", "asserted")}),
    ("Brazil warned that it would treat any Kenyan troops in the region as targets.",
     {("THREATEN", "BRA", "KEN", "asserted")}),
])
def test_a_reported_clause_about_ones_own_acts_targets_whom_they_act_on(code, text, expected):
    assert triples(code(text)) == expected


def test_the_host_of_a_gathering_meets_those_who_gather(code):
    # a participle that names who hosted the gathering: the host meets each party of the clause it hangs on
    assert triples(code("Kenya and Brazil signed a trade deal at a ceremony hosted by France.")) == {
        ("AGREE", "KEN", "BRA", "asserted"), ("CONSULT", "FRA", "KEN", "asserted"),
        ("CONSULT", "FRA", "BRA", "asserted")}
    assert triples(code("Kenya's president spoke at a conference hosted by France.")) == {
        ("CONSULT", "FRA", "KEN", "asserted")}
    # a gathering with no host named is no meeting
    assert triples(code("Kenya's president spoke at a conference in France.")) == set()


def test_talks_between_two_parties_that_a_third_hosts_are_a_meeting_of_all_three(code):
    both = {("CONSULT", "FRA", "KEN", "asserted"), ("CONSULT", "FRA", "BRA", "asserted"),
            ("CONSULT", "KEN", "BRA", "asserted")}
    assert triples(code("France hosted talks between Kenya and Brazil on Friday.")) == both
    assert triples(code("The talks between Kenya and Brazil, hosted by France, ended on Friday.")) == both
    assert triples(code("Talks between Kenya and Brazil ended on Friday.")) == {("CONSULT", "KEN", "BRA", "asserted")}


def test_a_main_verb_the_parser_buried_in_the_subjects_relative_clause_keeps_its_subject(code):
    # the parser makes the name the root and hangs "called" / "accused" inside the relative clause
    events = code("Kenyan opposition leader Peter Kamau, who has declared himself the winner, called on Brazil to "
                  "recognise him.")
    assert triples(events) == {("REQUEST", "KEN", "BRA", "asserted")}
    assert events[0]["source"]["text"] == "Kenyan opposition leader Peter Kamau"
    assert triples(code("Kenyan opposition candidate Peter Kamau, who has proclaimed himself the rightful winner, "
                        "accused France of meddling.")) == {("ACCUSE", "KEN", "FRA", "asserted")}
    # a verb of the relative clause itself is still the relative clause's
    assert triples(code("Kenya's foreign minister, who had met his French counterpart on Monday, accused Brazil of "
                        "spying.")) == {("CONSULT", "KEN", "FRA", "asserted"), ("ACCUSE", "KEN", "BRA", "asserted")}


def test_the_two_sides_are_the_last_two_states_that_met(code):
    # "sides" is a team only in sport: a pair reference always names actors
    assert triples(code("Kenya and Brazil held talks on Monday. The two sides agreed to reopen their embassies.")) == {
        ("CONSULT", "KEN", "BRA", "asserted"), ("AGREE", "KEN", "BRA", "asserted")}
    # the parties of the last meeting, not the last two states named
    assert triples(code("Kenya and Brazil held talks on Monday. France criticised Kenya on Tuesday. The two sides "
                        "agreed to reopen their embassies.")) == {
        ("CONSULT", "KEN", "BRA", "asserted"), ("ACCUSE", "FRA", "KEN", "asserted"),
        ("AGREE", "KEN", "BRA", "asserted")}
    # a match between teams is no act
    assert triples(code("Kenya beat Brazil in the final on Monday. Both sides played well.")) == set()


def test_a_definite_sector_word_stands_for_the_ones_of_that_sector_named_before(code):
    assert triples(code("Kenyan troops clashed with Brazilian rebels on Monday. The rebels seized a French ship on "
                        "Tuesday.")) == {("ASSAULT", "KEN", "BRA", "asserted"), ("COERCE", "BRA", "FRA", "asserted")}
    # with none of that sector named before, the document's country
    assert triples(code("Kenya's president spoke on Monday. The rebels seized a French ship on Tuesday.")) == {
        ("COERCE", "KEN", "FRA", "asserted")}
