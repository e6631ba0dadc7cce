"""Trigger words and argument forms of wire reports, end to end on sentences written for these tests."""

from __future__ import annotations

import pytest

from .conftest import triples

pytestmark = pytest.mark.slow


def test_returning_property_to_its_owner_is_a_retreat(code):
    assert triples(code("Japan returned three stolen statues to Kenya on Monday.")) == {
        ("RETREAT", "JPN", "KEN", "asserted")}
    assert triples(code("France returned to Brazil a collection of old manuscripts.")) == {
        ("RETREAT", "FRA", "BRA", "asserted")}


def test_sharing_or_handing_information_is_cooperation(code):
    assert triples(code("Japanese police shared evidence with their Kenyan counterparts.")) == {
        ("COOPERATE", "JPN", "KEN", "asserted")}
    assert triples(code("France gave the bank records of the suspects to the Kenyan government.")) == {
        ("COOPERATE", "FRA", "KEN", "asserted")}


def test_a_mediation_effort_between_two_parties(code):
    assert triples(code("Brazil launched a mediation effort between Kenya and Japan.")) == {
        ("CONSULT", "BRA", "KEN", "asserted"), ("CONSULT", "BRA", "JPN", "asserted")}
    assert triples(code("Argentina ended its mediation efforts between Kenya and France.")) == {
        ("SANCTION", "ARG", "KEN", "asserted"), ("SANCTION", "ARG", "FRA", "asserted")}


def test_a_measure_on_a_states_goods_targets_that_state(code):
    assert triples(code("Japan imposed tariffs on Chinese goods.")) == {("SANCTION", "JPN", "CHN", "asserted")}
    assert triples(code("Kenya lifted its tariffs on Brazil's exports.")) == {("RETREAT", "KEN", "BRA", "asserted")}
    assert triples(code("Chinese goods flooded Kenyan markets.")) == set()


def test_lowering_tariffs_eases_and_reducing_aid_sanctions(code):
    assert triples(code("The United States cut tariffs on Brazilian beef.")) == {("RETREAT", "USA", "BRA", "asserted")}
    assert triples(code("Japan rolled back its tariffs on Chinese goods.")) == {("RETREAT", "JPN", "CHN", "asserted")}
    assert triples(code("Japan reduced military aid to Kenya.")) == {("SANCTION", "JPN", "KEN", "asserted")}


def test_legal_action_or_proceedings_against_is_an_accusation(code):
    assert triples(code("Kenya took legal action against a Japanese shipping firm.")) == {
        ("ACCUSE", "KEN", "JPN", "asserted")}
    assert triples(code("NATO began proceedings against France on Friday.")) == {("ACCUSE", "NATO", "FRA", "asserted")}


def test_wounding_is_an_assault_and_apprehending_an_arrest(code):
    assert triples(code("Kenyan rebels wounded two French soldiers in an ambush on Thursday.")) == {
        ("ASSAULT", "KEN", "FRA", "asserted")}
    assert triples(code("Japanese police apprehended a Chinese man near the port.")) == {
        ("COERCE", "JPN", "CHN", "asserted")}


def test_forces_kept_on_alert_are_mobilized(code):
    assert triples(code("Kenyan troops remained on alert near the border with Japan.")) == {
        ("MOBILIZE", "KEN", "JPN", "asserted")}
    assert triples(code("Residents of Nairobi were on alert for floods.")) == set()


def test_granting_permission_is_a_concession(code):
    assert triples(code("Kenya granted Japan permission to use its airspace.")) == {
        ("CONCEDE", "KEN", "JPN", "asserted")}
    assert triples(code("France gave Brazilian planes clearance to land.")) == {("CONCEDE", "FRA", "BRA", "asserted")}


def test_refusing_talks_or_an_offer_is_a_rejection(code):
    assert triples(code("Kenya refused talks with the French government.")) == {("REJECT", "KEN", "FRA", "asserted")}
    assert triples(code("Brazil declined an offer from Japan on Monday.")) == {("REJECT", "BRA", "JPN", "asserted")}


def test_the_content_of_a_refused_request_is_no_event_of_its_own(code):
    assert triples(code("Japan refused a request from Kenya to hand over the man.")) == {
        ("REJECT", "JPN", "KEN", "asserted")}


def test_taking_in_refugees_is_aid(code):
    assert triples(code("Japan accepted 500 Kenyan refugees in May.")) == {("AID", "JPN", "KEN", "asserted")}
    assert triples(code("France took in thousands of Brazilian asylum seekers last year.")) == {
        ("AID", "FRA", "BRA", "asserted")}


def test_cyber_warfare_and_hacking(code):
    assert triples(code("Japan launched cyber warfare against China.")) == {("ASSAULT", "JPN", "CHN", "asserted")}
    assert triples(code("Chinese hackers hacked into the computers of Japanese officials.")) == {
        ("COERCE", "CHN", "JPN", "asserted")}


def test_an_agreement_to_act_targets_whom_the_acts_object_is_for(code):
    assert triples(code("Brazil has agreed to allow access for Kenyan aid workers.")) == {
        ("AGREE", "BRA", "KEN", "asserted")}
    assert triples(code("Kenya agreed to lift the ban on French beef imports.")) == {
        ("AGREE", "KEN", "FRA", "asserted")}


def test_a_light_verbs_noun_finds_its_target_through_of(code):
    assert triples(code("Brazil announced a suspension of air links with France.")) == {
        ("SANCTION", "BRA", "FRA", "asserted")}


def test_ties_between_coordinated_subjects(code):
    assert triples(code("Japan and Kenya upgraded their diplomatic ties on Monday.")) == {
        ("SUPPORT", "JPN", "KEN", "asserted")}
    assert triples(code("Brazil and Argentina severed diplomatic relations.")) == {
        ("SANCTION", "BRA", "ARG", "asserted")}


def test_a_hyphenated_cease_fire_is_a_ceasefire(code):
    assert triples(code("Kenya announced a weeklong cease-fire with Brazilian rebels.")) == {
        ("CONCEDE", "KEN", "BRA", "asserted")}
    assert triples(code("The cease-fire between Brazil and Argentina collapsed.")) == {
        ("CONCEDE", "BRA", "ARG", "asserted")}


def test_a_meal_with_someone_is_a_meeting(code):
    assert triples(code("The French president had lunch with the Kenyan president.")) == {
        ("CONSULT", "FRA", "KEN", "asserted")}
    assert triples(code("The Brazilian president ate breakfast at home.")) == set()


def test_pledged_support_is_support_and_pledged_financial_support_aid(code):
    assert triples(code("Japan pledged its full support for Kenya.")) == {("SUPPORT", "JPN", "KEN", "asserted")}
    assert triples(code("Argentina promised its backing for Brazil on Monday.")) == {
        ("SUPPORT", "ARG", "BRA", "asserted")}
    assert triples(code("France pledged financial support to Kenya.")) == {("AID", "FRA", "KEN", "planned")}


def test_a_refusal_outranks_the_act_it_refuses(code):
    evs = code("Kenya refused to lift its tariffs on Brazilian steel.")
    assert triples(evs) == {("RETREAT", "KEN", "BRA", "negated"), ("REJECT", "KEN", "BRA", "asserted")}
    best = max(evs, key=lambda e: e["confidence"])
    assert (best["event_type"], best["modality"]) == ("REJECT", "asserted")


def test_charges_against_someone_are_an_accusation(code):
    assert triples(code("Kenyan police filed new charges against the French ambassador on Tuesday.")) == {
        ("ACCUSE", "KEN", "FRA", "asserted")}


def test_human_shields_and_ceasefire_violations_are_assaults(code):
    assert triples(code("Kenyan rebels held 2,000 French civilians as human shields.")) == {
        ("ASSAULT", "KEN", "FRA", "asserted")}
    assert triples(code("Japan used the money as a shield against criticism.")) == set()
    assert triples(code("Japan broke the truce with China on Sunday.")) == {("ASSAULT", "JPN", "CHN", "asserted")}
    assert triples(code("Brazilian militias violated the ceasefire agreement in Argentina on Monday.")) == {
        ("ASSAULT", "BRA", "ARG", "asserted")}


def test_accepting_demands_concedes_to_those_who_made_them(code):
    assert triples(code("The Kenyan government accepted the demands by Brazilian protesters for more rights.")) == {
        ("CONCEDE", "KEN", "BRA", "asserted")}


def test_a_cessation_of_hostilities_and_a_suspension_of_aid_in_a_country(code):
    assert triples(code("Kenya declared an open-ended cessation of hostilities with Brazil.")) == {
        ("CONCEDE", "KEN", "BRA", "asserted")}
    assert triples(code("The United States announced a suspension of aid in Kenya.")) == {
        ("SANCTION", "USA", "KEN", "asserted")}


def test_aid_is_for_whom_its_purpose_clause_names(code):
    assert triples(code("Japan sent aid to help flood victims in Kenya.")) == {("AID", "JPN", "KEN", "asserted")}
    assert triples(code("The United States donated a shipment of ventilators to assist Kenya.")) == {
        ("AID", "USA", "KEN", "asserted")}
    assert triples(code("Japan spent 5 billion yen to build a stadium in Tokyo.")) == set()


def test_prohibiting_aid_or_trade_is_a_sanction(code):
    assert triples(code("Kenya prohibited imports from Brazil.")) == {("SANCTION", "KEN", "BRA", "asserted")}
    assert triples(code("Japan banned all aid to Chinese rebels.")) == {("SANCTION", "JPN", "CHN", "asserted")}


def test_allowing_deliveries_or_flights_is_a_retreat(code):
    assert triples(code("Kenya opened the bridge to allow the delivery of grain to Brazil.")) == {
        ("RETREAT", "KEN", "BRA", "asserted")}
    assert triples(code("Kenya allowed French flights to land.")) == {("RETREAT", "KEN", "FRA", "asserted")}


def test_an_honour_bestowed_is_support(code):
    assert triples(code("Kenya awarded its highest honour to the French president.")) == {
        ("SUPPORT", "KEN", "FRA", "asserted")}
    assert triples(code("Kenya awarded the road contract to a Chinese firm.")) == set()


def test_strengthened_forces_a_warm_welcome_an_eased_curfew_and_stopped_work(code):
    assert triples(code("Japan has strengthened its forces in Kenya.")) == {("MOBILIZE", "JPN", "KEN", "asserted")}
    assert triples(code("The French president gave a warm welcome to the Kenyan president.")) == {
        ("CONSULT", "FRA", "KEN", "asserted")}
    assert triples(code("The Kenyan president shortened the nightly curfew by one hour.")) == {
        ("CONCEDE", "KEN", "KEN", "asserted")}
    assert triples(code("Kenyan workers stopped work on Monday.")) == {("PROTEST", "KEN", "KEN", "asserted")}


def test_being_opposed_to_or_reneging_on_is_a_rejection(code):
    assert triples(code("Japan is opposed to French mediation in the dispute.")) == {
        ("REJECT", "JPN", "FRA", "asserted")}
    assert triples(code("Kenya reneged on the accord with France.")) == {("REJECT", "KEN", "FRA", "asserted")}


def test_inspectors_sent_to_a_country_investigate_it(code):
    assert triples(code("Japan sent investigators to Kenya to look into the crash.")) == {
        ("ACCUSE", "JPN", "KEN", "asserted")}


def test_what_people_are_sent_to_do_is_the_act(code):
    assert triples(code("Japan sent troops to attack the Kenyan rebels.")) == {("ASSAULT", "JPN", "KEN", "asserted")}
    assert triples(code("Japan sent medical teams to Kenya to help treat the wounded.")) == {
        ("AID", "JPN", "KEN", "asserted")}


def test_withdrawing_or_expelling_a_mission_is_a_sanction(code):
    assert triples(code("Japan withdrew its peacekeepers from Kenya on Friday.")) == {
        ("SANCTION", "JPN", "KEN", "asserted")}
    assert triples(code("Kenya expelled two French aid workers last week.")) == {("SANCTION", "KEN", "FRA", "asserted")}
    assert triples(code("Japan withdrew its troops from Kenya on Friday.")) == {("RETREAT", "JPN", "KEN", "asserted")}


def test_peacekeepers_arriving_or_deployed_are_aid(code):
    assert triples(code("Brazilian peacekeepers arrived in Kenya on Monday.")) == {("AID", "BRA", "KEN", "asserted")}
    assert triples(code("Argentine peacekeepers were deployed to Kenya in May.")) == {
        ("AID", "ARG", "KEN", "asserted")}
    assert triples(code("Japanese soldiers participate in peacekeeping operations in Kenya.")) == {
        ("AID", "JPN", "KEN", "asserted")}


def test_finding_someone_guilty_upholds_an_accusation(code):
    assert triples(code("A Kenyan court found a French businessman guilty of fraud.")) == {
        ("ACCUSE", "KEN", "FRA", "asserted")}
    assert triples(code("The Japanese inquiry found the Brazilian company liable for the spill.")) == {
        ("ACCUSE", "JPN", "BRA", "asserted")}
    # someone of the court's own country, unknown by name: the country's own
    assert triples(code("A Kenyan court found the former minister guilty of fraud.")) == {
        ("ACCUSE", "KEN", "KEN", "asserted")}


def test_an_act_refused_for_the_future_is_also_a_rejection(code):
    assert triples(code("Brazil will not withdraw its troops from Kenya.")) == {
        ("RETREAT", "BRA", "KEN", "negated"), ("REJECT", "BRA", "KEN", "asserted")}
    assert triples(code("Argentina will never recognise the French claim to the islands.")) == {
        ("SUPPORT", "ARG", "FRA", "negated"), ("REJECT", "ARG", "FRA", "asserted")}
    assert triples(code("Japan did not meet the Kenyan president.")) == {("CONSULT", "JPN", "KEN", "negated")}


def test_a_refusal_until_another_acts_is_aimed_at_it_and_its_act_is_a_condition(code):
    assert triples(code("Kenya said it will not lift the embargo until Japan frees the prisoners.")) == {
        ("RETREAT", "KEN", "KEN", "negated"), ("REJECT", "KEN", "JPN", "asserted"),
        ("RETREAT", "JPN", "KEN", "hypothetical")}


def test_ending_ones_own_strike_calls_it_off(code):
    assert triples(code("Kenyan nurses ended their strike on Monday.")) == {("CONCEDE", "KEN", "KEN", "asserted")}
    assert triples(code("Kenyan nurses said they would not end their strike until the government pays them.")) == {
        ("CONCEDE", "KEN", "KEN", "negated")}


def test_a_purpose_clause_is_the_callers_own_act_toward_the_one_called(code):
    assert triples(code("The French president called the Japanese prime minister to thank him for the aid.")) == {
        ("SUPPORT", "FRA", "JPN", "asserted")}
    assert triples(code("The French president called the Kenyan president to express his support for Kenya.")) == {
        ("SUPPORT", "FRA", "KEN", "asserted")}


def test_a_plural_demonym_names_the_people_not_the_government(code):
    assert triples(code("Young Kenyans blocked roads in Nairobi on Sunday.")) == {("PROTEST", "KEN", "KEN", "asserted")}


def test_a_threat_is_aimed_at_the_one_whose_act_sets_it_off_or_the_place_it_hangs_over(code):
    assert triples(code("Brazil threatened to leave the talks if Argentina sends more troops to the border.")) == {
        ("THREATEN", "BRA", "ARG", "asserted"), ("MOBILIZE", "ARG", "BRA", "hypothetical")}
    assert triples(code("Japan threatened to impose a curfew in Nairobi.")) == {("THREATEN", "JPN", "KEN", "asserted")}


def test_abusing_people_is_an_assault_and_meeting_demands_a_concession(code):
    assert triples(code("Kenyan police officers abused French tourists at the border.")) == {
        ("ASSAULT", "KEN", "FRA", "asserted")}
    assert triples(code("The Kenyan government met the demands of the French unions.")) == {
        ("CONCEDE", "KEN", "FRA", "asserted")}


def test_a_date_is_no_particle(code):
    text = "The French president called the Japanese prime minister on Monday to thank him for the aid."
    assert triples(code(text)) == {("SUPPORT", "FRA", "JPN", "asserted")}


def test_a_warship_named_with_its_navys_prefix_is_that_state(code):
    assert triples(code("Kenyan rebels fired two missiles at the destroyer USS Carver on Sunday.")) == {
        ("ASSAULT", "KEN", "USA", "asserted")}
    assert triples(code("Chinese jets attacked HMS Fenwick near the reef.")) == {("ASSAULT", "CHN", "GBR", "asserted")}


def test_opening_borders_to_people_forcing_out_and_respecting(code):
    assert triples(code("Kenya opened its borders to Brazilian refugees in 1997.")) == {
        ("AID", "KEN", "BRA", "asserted")}
    assert triples(code("Kenyan police forced the French envoy out of the country on Tuesday.")) == {
        ("COERCE", "KEN", "FRA", "asserted")}
    assert triples(code("Japan respects the French decision.")) == {("SUPPORT", "JPN", "FRA", "asserted")}


def test_a_war_is_an_attack_that_can_be_stopped_and_returned_property(code):
    assert triples(code("Brazil declared that it would never halt the war against the Argentine rebels.")) == {
        ("RETREAT", "BRA", "ARG", "negated"), ("REJECT", "BRA", "ARG", "asserted")}
    assert triples(code("Japan returned a stolen portrait to its French owners.")) == {
        ("RETREAT", "JPN", "FRA", "asserted")}


def test_a_listed_object_as_a_compound_names_the_thing(code):
    assert triples(code("The Kenyan government eased curfew hours in Nairobi on Monday.")) == {
        ("CONCEDE", "KEN", "KEN", "asserted")}


def test_a_country_of_birth_yields_to_the_one_a_person_acts_for(code):
    assert triples(code("The Kenyan-born French envoy held talks with Japanese officials.")) == {
        ("CONSULT", "FRA", "JPN", "asserted")}


def test_the_object_of_a_gerund_after_the_act_is_its_target(code):
    assert triples(code("NATO reiterated its commitment to supporting Kenya's sovereignty.")) == {
        ("SUPPORT", "NATO", "KEN", "asserted")}


def test_the_main_clause_act_outranks_a_participle_beside_it_and_a_condition(code):
    # a demand beside a protest is what the protest is about, not an act of its own
    evs = code("Thousands of Kenyans demonstrated in Nairobi on Sunday calling for the release of French journalists.")
    assert triples(evs) == {("PROTEST", "KEN", "KEN", "asserted")}
    evs = code("Japan condemned Kenya on Sunday, calling on Brazil to mediate.")
    assert triples(evs) == {("ACCUSE", "JPN", "KEN", "asserted"), ("REQUEST", "JPN", "BRA", "asserted")}
    assert max(evs, key=lambda e: e["confidence"])["event_type"] == "ACCUSE"
    evs = code("Japan threatened to launch an offensive against Kenya unless Kenya accepted its conditions.")
    assert triples(evs) == {("THREATEN", "JPN", "KEN", "asserted"), ("CONCEDE", "KEN", "KEN", "hypothetical")}
    assert max(evs, key=lambda e: e["confidence"])["event_type"] == "THREATEN"


def test_an_act_in_a_clause_describing_a_noun_ranks_below_the_main_act(code):
    evs = code("Japan challenged a Kenyan plan to arrest French journalists.")
    assert triples(evs) == {("ACCUSE", "JPN", "KEN", "asserted"), ("COERCE", "KEN", "FRA", "planned")}
    conf = {e["event_type"]: e["confidence"] for e in evs}
    assert conf["ACCUSE"] > conf["COERCE"]


def test_an_imposed_blockade_or_siege_is_coercion(code):
    assert triples(code("Japan imposed a naval blockade on Kenya.")) == {("COERCE", "JPN", "KEN", "asserted")}
    assert triples(code("Japan imposed new sanctions on Kenya.")) == {("SANCTION", "JPN", "KEN", "asserted")}


def test_an_act_in_a_clause_of_circumstance_ranks_below_the_main_act(code):
    evs = code("Japan praised Kenya on Monday as French troops attacked Brazilian positions.")
    assert triples(evs) == {("SUPPORT", "JPN", "KEN", "asserted"), ("ASSAULT", "FRA", "BRA", "asserted")}
    conf = {e["event_type"]: e["confidence"] for e in evs}
    assert conf["SUPPORT"] > conf["ASSAULT"]


def test_a_commitment_to_act_needs_no_counterpart(code):
    assert triples(code("The Kenyan prime minister has agreed to resign.")) == {("AGREE", "KEN", None, "asserted")}
    assert triples(code("Japan is ready to reform its pension system.")) == {("AGREE", "JPN", None, "asserted")}
    assert triples(code("Brazil has agreed.")) == set()


def test_a_threat_to_act_needs_no_counterpart(code):
    assert triples(code("Japan threatened to resume whaling next year.")) == {("THREATEN", "JPN", None, "asserted")}


def test_an_act_held_or_imposed_through_a_light_verb_needs_no_counterpart(code):
    assert triples(code("The Japanese foreign minister held talks on the crisis on Monday.")) == {
        ("CONSULT", "JPN", None, "asserted")}
    assert triples(code("Japan provided humanitarian assistance on Monday.")) == {("AID", "JPN", None, "asserted")}


def test_giving_or_sharing_needs_no_recipient_named(code):
    assert triples(code("Japan donated ten million dollars on Monday.")) == {("AID", "JPN", None, "asserted")}
    assert triples(code("France shared intelligence about the attack.")) == {("COOPERATE", "FRA", None, "asserted")}


def test_judging_a_thing_needs_no_one_behind_it_named(code):
    assert triples(code("Japan and Kenya praised the peace efforts.")) == {
        ("SUPPORT", "JPN", None, "asserted"), ("SUPPORT", "KEN", None, "asserted")}


def test_accepting_a_plan_needs_no_one_behind_it_named(code):
    assert triples(code("Kenya accepted the peace plan on Monday.")) == {("AGREE", "KEN", None, "asserted")}


def test_a_refused_act_that_names_no_one_is_a_refusal_aimed_at_no_one(code):
    assert triples(code("Kenya announced that it would not take in further refugees.")) == {
        ("AID", "KEN", None, "negated"), ("REJECT", "KEN", None, "asserted")}


def test_people_expelled_from_a_state_are_expelled_by_it(code):
    assert triples(code("Two French inspectors have been expelled from Kenya amid the standoff.")) == {
        ("SANCTION", "KEN", "FRA", "asserted")}
    assert triples(code("Two French journalists were deported from Kenya on Monday.")) == {
        ("COERCE", "KEN", "FRA", "asserted")}
