"""Trigger words news uses for an act that the lexicon once missed, each with the type the gold sets give it.

Every sentence is written for these tests; each test asserts the whole event set it should give.
"""

from __future__ import annotations

import pytest

from .conftest import triples

pytestmark = pytest.mark.slow


def test_warships_sailing_near_a_state_mobilize(code):
    assert triples(code("Two Chinese frigates sailed near Japan on Sunday.")) == {
        ("MOBILIZE", "CHN", "JPN", "asserted")}
    # a voyage by no armed force is no show of force
    assert triples(code("A Kenyan ferry sailed to France.")) == set()


def test_joining_named_accords_is_an_agreement(code):
    # spaCy keeps "Accords" in a name as its own lemma; the plural still names an agreement
    assert triples(code("Kenya will join the Nairobi Accords with France.")) == {("AGREE", "KEN", "FRA", "planned")}


def test_joint_announcement_is_an_agreement(code):
    assert triples(code("A joint announcement from Brazil and Argentina set out new trade rules.")) == {
        ("AGREE", "BRA", "ARG", "asserted")}
    assert triples(code("France and Kenya issued a joint announcement on trade.")) == {
        ("AGREE", "FRA", "KEN", "asserted")}
    # an announcement by one actor alone agrees with nobody
    assert triples(code("Kenya made an announcement on Friday.")) == set()


def test_brawls_and_scuffles_are_assaults(code):
    assert triples(code("Kenyan lawmakers brawled in parliament on Tuesday.")) == {
        ("ASSAULT", "KEN", "KEN", "asserted")}
    assert triples(code("Kenyan police scuffled with protesters outside parliament.")) == {
        ("ASSAULT", "KEN", "KEN", "asserted")}


def test_releasing_a_person_named_by_pronoun_is_a_release(code):
    text = "Kenyan police detained a Kenyan activist on Monday. A week later Kenya released him."
    assert triples(code(text)) == {("COERCE", "KEN", "KEN", "asserted"), ("RETREAT", "KEN", "KEN", "asserted")}


def test_agentless_investigation_is_the_state_acting_on_the_person(code):
    assert triples(code("Former Kenyan prime minister Daniel Okafor has been investigated for bribery since May.")) == {
        ("ACCUSE", "KEN", "KEN", "asserted")}
    assert triples(code("Daniel Okafor was probed over bribes paid in 2021.")) == {("ACCUSE", "KEN", "KEN", "asserted")}


def test_concern_parsed_as_a_passive_participle_is_still_an_accusation(code):
    # spaCy tags "concerned" / "alarmed" after "was" as a passive verb; the one concerned is the source
    assert triples(code("Kenya said it was concerned about the arrests of Brazilian journalists.")) == {
        ("ACCUSE", "KEN", "BRA", "asserted")}
    assert triples(code("Kenya said it was alarmed by Brazil's decision.")) == {("ACCUSE", "KEN", "BRA", "asserted")}


def test_taking_a_dispute_to_a_court_is_legal_action(code):
    assert triples(code("Kenya took its case against France to the Atlantic Trade Court.")) == {
        ("ACCUSE", "KEN", "FRA", "asserted")}
    # only a case taken TO some forum
    assert triples(code("Kenya took the French case seriously.")) == set()


def test_overturning_an_acquittal_is_prosecution(code):
    assert triples(code("Kenya's Supreme Court overturned the acquittal of Daniel Okafor on Tuesday.")) == {
        ("ACCUSE", "KEN", "KEN", "asserted")}


def test_promise_of_an_uncoded_act_is_itself_the_agreement(code):
    assert triples(code("France promised Kenya to build a memorial.")) == {("AGREE", "FRA", "KEN", "asserted")}
    # a promised act the lexicon codes, through a light verb too, is coded instead, as planned
    assert triples(code("Japan pledged to revive regular meetings with China.")) == {
        ("CONSULT", "JPN", "CHN", "planned")}


def test_dispersing_a_crowd_with_crowd_control_weapons_is_an_assault(code):
    assert triples(code("Kenyan police dispersed the protesters with tear gas on Monday.")) == {
        ("ASSAULT", "KEN", "KEN", "asserted")}
    assert triples(code("Kenyan police broke up the rally with water cannon.")) == {
        ("ASSAULT", "KEN", "KEN", "asserted")}
    assert triples(code("Kenyan police dispersed the protesters.")) == {("COERCE", "KEN", "KEN", "asserted")}


def test_calling_an_act_an_abduction_is_an_accusation_not_the_act(code):
    assert triples(code("The Kenyan opposition leader called the arrest a political abduction.")) == {
        ("ACCUSE", "KEN", "KEN", "asserted")}


def test_leaving_or_ending_an_agreement_or_a_bloc_is_a_sanction(code):
    assert triples(code("Brazil withdrew from its defence treaty with Kenya.")) == {
        ("SANCTION", "BRA", "KEN", "asserted")}
    assert triples(code("Kenya ended its defence pact with France.")) == {("SANCTION", "KEN", "FRA", "asserted")}
    assert triples(code("Kenya withdrew its troops from Brazil.")) == {("RETREAT", "KEN", "BRA", "asserted")}


def test_declaring_a_diplomat_persona_non_grata_is_an_expulsion(code):
    assert triples(code("Kenya declared the French ambassador persona non grata on Friday.")) == {
        ("SANCTION", "KEN", "FRA", "asserted")}


def test_house_arrest_and_custody_are_coercion(code):
    assert triples(code("Kenyan police placed the opposition leader under house arrest.")) == {
        ("COERCE", "KEN", "KEN", "asserted")}


def test_a_court_throwing_out_petitions_rejects_them(code):
    assert triples(code("A Kenyan court threw out petitions from two opposition candidates.")) == {
        ("REJECT", "KEN", "KEN", "asserted")}


def test_forces_moving_towards_a_border_and_troops_ordered_there_mobilize(code):
    assert triples(code("Brazilian troops had been moving towards the Kenyan border.")) == {
        ("MOBILIZE", "BRA", "KEN", "asserted")}
    assert triples(code("The Brazilian army ordered more troops to the border with Argentina.")) == {
        ("MOBILIZE", "BRA", "ARG", "asserted")}
    # a government that moves to do something does that thing, and moves no forces
    assert triples(code("The Kenyan government moved quickly to expel the French ambassador.")) == {
        ("SANCTION", "KEN", "FRA", "asserted")}


def test_returning_to_the_streets_is_a_protest(code):
    assert triples(code("Kenyan teachers announced that they would return to the streets on Monday.")) == {
        ("PROTEST", "KEN", "KEN", "planned")}


def test_handing_over_bases_is_a_retreat_and_being_appalled_an_accusation(code):
    assert triples(code("France handed over its last military bases in Kenya to the Kenyan army.")) == {
        ("RETREAT", "FRA", "KEN", "asserted")}
    assert triples(code("Japan said it was appalled by the killings in Kenya.")) == {
        ("ACCUSE", "JPN", "KEN", "asserted")}


def test_insisting_rejects_only_with_a_negated_claim(code):
    assert triples(code("Brazil insisted that Kenya would not get its ships back.")) == {
        ("REJECT", "BRA", "KEN", "asserted")}
    assert triples(code("Japan insisted that its exports to Kenya were safe.")) == set()


def test_a_month_is_no_march(code):
    assert triples(code("Kenyan students marched on parliament in March.")) == {("PROTEST", "KEN", "KEN", "asserted")}
    assert triples(code("Brazil set a March deadline for Kenya.")) == {("THREATEN", "BRA", "KEN", "asserted")}
    assert triples(code("The Kenyan government held elections in March.")) == set()


def test_a_warning_is_a_threat_only_when_it_states_an_act(code):
    assert triples(code("Kenya warned that Brazil would face consequences.")) == {
        ("THREATEN", "KEN", "BRA", "asserted")}
    assert triples(code("Kenya warned that about 1,000 prisoners remained behind bars in Brazil.")) == set()
    assert triples(code("Japan warned Kenya against meddling.")) == {("THREATEN", "JPN", "KEN", "asserted")}


def test_what_an_actor_is_thanked_for_is_not_a_second_target(code):
    assert triples(code("Japan thanked Kenya for the support of the French government.")) == {
        ("SUPPORT", "JPN", "KEN", "asserted")}


def test_market_and_weather_words_are_no_acts(code):
    assert triples(code("Chinese demand kept buyers away from the market.")) == set()
    assert triples(code("The Kenyan weather service warned of more floods this week.")) == set()
    # a demand with its content, or one renewed, is a request
    assert triples(code("Kenya rejected Brazil's demand for an apology.")) == {("REJECT", "KEN", "BRA", "asserted")}
    assert triples(code("Kenya renewed its demand.")) == {("REQUEST", "KEN", "KEN", "asserted")}


def test_threats_bans_listings_and_airlifts_with_their_targets(code):
    assert triples(code("Japan threatened tariffs and possibly sanctions against Kenya.")) == {
        ("THREATEN", "JPN", "KEN", "asserted")}
    assert triples(code("Japan flew in forty tonnes of medicine and tents to Kenya.")) == {
        ("AID", "JPN", "KEN", "asserted")}
    assert triples(code("Kenya lifted its ban on the Brazilian party in April.")) == {
        ("CONCEDE", "KEN", "BRA", "asserted")}
    assert triples(code("The United States designated six Kenyan gangs as foreign terrorist organisations.")) == {
        ("SANCTION", "USA", "KEN", "asserted")}
    assert triples(code("Kenya summoned Brazil's high commissioner on Sunday.")) == {
        ("ACCUSE", "KEN", "BRA", "asserted")}


def test_speaking_is_a_consultation_only_with_someone_named(code):
    assert triples(code("Brazil imposed tariffs on Kenyan tea last month, and Brazil said more would follow. "
                        "Speaking in Nairobi on Sunday, the Kenyan president said he was disappointed.")) == {
        ("SANCTION", "BRA", "KEN", "asserted")}
    assert triples(code("The Kenyan president spoke with his Brazilian counterpart on Monday.")) == {
        ("CONSULT", "KEN", "BRA", "asserted")}


def test_putting_a_treaty_in_abeyance_suspends_it(code):
    assert triples(code("Kenya put its water treaty with Brazil in abeyance in April.")) == {
        ("SANCTION", "KEN", "BRA", "asserted")}


def test_support_or_help_as_a_standing_state_is_no_act(code):
    assert triples(code("American support for the plan would depend on the vote in Kenya.")) == set()
    assert triples(code("Without Japan's help, Kenya cannot hold the census this year.")) == set()
    # named, it is the act
    assert triples(code("Japan announced its support for Kenya on Monday.")) == {("SUPPORT", "JPN", "KEN", "asserted")}


def test_a_demand_beside_a_protest_is_what_the_protest_is_about(code):
    evs = code("Hundreds of Kenyans protested outside the French embassy, demanding that France close it.")
    assert triples(evs) == {("PROTEST", "KEN", "FRA", "asserted")}


def test_a_threat_with_a_condition_is_made_and_a_finite_verb_after_an_accusation_stands_beside_it(code):
    assert triples(code("Japan threatened tariffs unless Kenya paid its debt.")) == {
        ("THREATEN", "JPN", "KEN", "asserted")}
    # "accused X of doing Y and THREATENED Z": the threat is no part of the accusation
    assert triples(code("Japan accused Kenya of stealing water from Brazilian farmers and threatened tariffs on "
                        "Kenyan tea unless the dispute ended.")) == {("ACCUSE", "JPN", "KEN", "asserted"),
                                                   ("THREATEN", "JPN", "KEN", "asserted")}


def test_players_and_coaches_are_no_actors(code):
    assert triples(code("Players from Brazil and Kenya clashed near the touchline after the break.")) == set()
    # soldiers of two states who clash attack each other
    assert triples(code("Brazilian and Kenyan soldiers clashed near the border.")) == {
        ("ASSAULT", "BRA", "KEN", "asserted"), ("ASSAULT", "KEN", "BRA", "asserted")}


def test_seeking_to_act_is_an_aim_not_a_request(code):
    assert triples(code("Kenya has long sought to balance Brazil and Argentina.")) == set()
    assert triples(code("Kenya sought an explanation from Japan.")) == {("REQUEST", "KEN", "JPN", "asserted")}


def test_people_linked_to_a_state_are_described_not_accused(code):
    assert triples(code("Kenya said the attack was carried out by men linked to Brazil.")) == {
        ("ASSAULT", "KEN", "KEN", "asserted")}
    assert triples(code("Kenya linked Brazil to the attack.")) == {("ACCUSE", "KEN", "BRA", "asserted")}


def test_suspending_imports_from_a_state_sanctions_it(code):
    assert triples(code("Kenya suspended imports from Brazil.")) == {("SANCTION", "KEN", "BRA", "asserted")}


@pytest.mark.parametrize("text,expected", [
    ("Kenya said Brazil was preparing to interfere in its election.", {("ACCUSE", "KEN", "BRA", "asserted")}),
    ("Kenya said Brazil had violated the treaty.", {("ACCUSE", "KEN", "BRA", "asserted")}),
    ("Kenya said Brazil had violated the truce.", {("ASSAULT", "BRA", "KEN", "asserted")}),
    ("Kenya said it would not interfere in Brazil's affairs.", set()),
    # blame laid on someone: "was behind", "was responsible for"; not when it is denied
    ("Kenyan officials say Brazil was behind the uprising in the north.", {("ACCUSE", "KEN", "BRA", "asserted")}),
    ("Kenya said the Brazilian navy was responsible for the collision.", {("ACCUSE", "KEN", "BRA", "asserted")}),
    ("Kenyan officials say Brazil was not behind the uprising in the north.", set()),
])
def test_an_actor_reporting_anothers_wrong_accuses_it(code, text, expected):
    assert triples(code(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Kenya voiced concern about Brazil's decision.", {("ACCUSE", "KEN", "BRA", "asserted")}),
    ("Kenya is deeply concerned by Brazil's actions.", {("ACCUSE", "KEN", "BRA", "asserted")}),
    ("The main concern for Kenya is the economy.", set()),
])
def test_concern_over_anothers_act_is_an_accusation(code, text, expected):
    assert triples(code(text)) == expected


def test_a_meeting_that_sets_the_scene_of_an_act_is_a_meeting_too(code):
    # "signed ... AT a summit": the summit is where the act took place, a meeting of its own
    assert triples(code("Kenya and Brazil signed a trade pact at a summit in Nairobi on Monday.")) == {
        ("AGREE", "KEN", "BRA", "asserted"), ("CONSULT", "KEN", "BRA", "asserted")}
    # what an accusation is about stays its content, and "during a visit" names no visit by the subject
    assert triples(code("Kenya was accused by Brazil of spying during a visit to Nairobi.")) == {
        ("ACCUSE", "BRA", "KEN", "asserted")}


def test_announcing_measures_to_come_is_a_threat_and_measures_taken_are_none(code):
    assert triples(code("Kenya would take all necessary measures against Brazil, its foreign minister said.")) == {
        ("THREATEN", "KEN", "BRA", "asserted")}
    assert triples(code("Kenya reserved the right to take all measures against Brazil.")) == {
        ("THREATEN", "KEN", "BRA", "asserted")}
    # measures already taken report a policy, no threat
    assert triples(code("Kenya took measures against Brazilian imports last year.")) == set()


def test_being_ordered_to_pay_is_a_penalty_and_other_orders_stay_requests(code):
    assert triples(code("A Kenyan court ordered Brazil to pay 200 million euros.")) == {
        ("SANCTION", "KEN", "BRA", "asserted")}
    assert triples(code("Kenya ordered Brazil to withdraw its troops.")) == {("REQUEST", "KEN", "BRA", "asserted")}


def test_crowds_forcing_their_way_into_a_building_protest(code):
    assert triples(code("Police fired tear gas at Kenyan students who had forced their way into parliament.")) == {
        ("ASSAULT", "KEN", "KEN", "asserted"), ("PROTEST", "KEN", "KEN", "asserted")}
    # soldiers forcing their way in hold no protest
    assert triples(code("Kenyan soldiers forced their way into the town hall.")) == set()


def test_civilians_setting_fire_to_a_building_protest_against_its_owner(code):
    assert triples(code("Kenyan protesters set fire to the French embassy on Tuesday.")) == {
        ("PROTEST", "KEN", "FRA", "asserted")}


def test_declaring_diplomats_persona_non_grata_parsed_as_a_small_clause_is_an_expulsion(code):
    # spaCy reads "declaring X persona non grata" as a clause with X its subject
    assert triples(code("Brazil responded hours later, declaring Kenyan diplomats persona non grata.")) == {
        ("SANCTION", "BRA", "KEN", "asserted")}


def test_a_judgement_adjective_hung_on_the_object_still_says_what_it_is_called(code):
    # spaCy may attach "outrageous" to "decision" as its modifier rather than to "called"
    assert triples(code("The Kenyan president called Brazil's decision outrageous and unacceptable and said it "
                        "showed contempt.")) == {("ACCUSE", "KEN", "BRA", "asserted")}
    assert triples(code("Kenya called the Brazilian incursion a grave violation of its sovereignty.")) == {
        ("ACCUSE", "KEN", "BRA", "asserted")}
    # a modifier before the object says nothing of what the speaker calls it
    assert triples(code("Kenya called the illegal miners back to work.")) == set()


def test_accepting_what_another_offers_agrees_and_accepting_credentials_recognises(code):
    assert triples(code("Kenya accepted Brazil's apology.")) == {("AGREE", "KEN", "BRA", "asserted")}
    assert triples(code("Brazil accepted the credentials of a new Kenyan ambassador on Monday.")) == {
        ("SUPPORT", "BRA", "KEN", "asserted")}
    # with no object there is nothing accepted
    assert triples(code("Kenya said it would accept.")) == set()


def test_declaring_a_state_of_unrest_or_siege_is_coercion_at_home(code):
    assert triples(code("Kenya's president declared a state of internal unrest in the north on Friday.")) == {
        ("COERCE", "KEN", "KEN", "asserted")}
    assert triples(code("Kenya's president declared a state of siege in Mombasa.")) == {
        ("COERCE", "KEN", "KEN", "asserted")}


def test_paying_off_a_debt_is_aid_and_a_plan_that_paid_off_is_none(code):
    assert triples(code("Brazil paid off 15 million dollars of Kenya's debts.")) == {("AID", "BRA", "KEN", "asserted")}
    assert triples(code("Kenya's bet on Brazil appears to have paid off.")) == set()


@pytest.mark.parametrize("text,expected", [
    # a pledge or commitment of aid is aid to come (CONVENTIONS), not an agreement
    ("Japan pledged humanitarian aid to Kenya.", {("AID", "JPN", "KEN", "planned")}),
    ("Japan committed ten million dollars to Kenya.", {("AID", "JPN", "KEN", "planned")}),
    ("Japan pledged to rebuild the bridge.", {("AGREE", "JPN", None, "asserted")}),
])
def test_a_pledge_of_aid_is_aid_to_come(code, text, expected):
    assert triples(code(text)) == expected


@pytest.mark.parametrize("text,expected", [
    # a trigger word naming a kind of force is no act of its own
    ("Kenyan riot police clashed with protesters in Nairobi.", {("ASSAULT", "KEN", "KEN", "asserted")}),
    ("Kenyan attack helicopters struck Brazilian positions.", {("ASSAULT", "KEN", "BRA", "asserted")}),
])
def test_a_kind_of_force_is_no_act(code, text, expected):
    assert triples(code(text)) == expected


def test_a_meeting_during_which_another_act_happened_is_a_meeting_too(code):
    # "during" names the occasion of the praise, as "at" does, not what the praise is about
    assert triples(code("Kenya praised France during a visit to Paris.")) == {
        ("SUPPORT", "KEN", "FRA", "asserted"), ("CONSULT", "KEN", "FRA", "asserted")}
    assert triples(code("Kenya praised France during talks in Paris.")) == {
        ("SUPPORT", "KEN", "FRA", "asserted"), ("CONSULT", "KEN", "FRA", "asserted")}


def test_an_amnesty_declared_or_proposed_is_a_concession(code):
    assert triples(code("Kenya declared an amnesty for rebels on Monday.")) == {("CONCEDE", "KEN", "KEN", "asserted")}
    assert triples(code("Kenya will propose an amnesty for protesters next week.")) == {
        ("CONCEDE", "KEN", "KEN", "planned")}


def test_finalising_a_deal_or_a_swap_is_an_agreement(code):
    assert triples(code("Kenya finalised a trade deal with France last week.")) == {("AGREE", "KEN", "FRA", "asserted")}
    assert triples(code("Brazil finalized a currency swap with Kenya's central bank.")) == {
        ("AGREE", "BRA", "KEN", "asserted")}


def test_an_act_offered_by_its_noun_is_to_come(code):
    # the light verb puts its noun's act in the future, as "proposed a summit" does
    assert triples(code("Brazil offered Kenya a defence treaty.")) == {("AGREE", "BRA", "KEN", "planned")}
    assert triples(code("Brazil offered talks to Kenya.")) == {("CONSULT", "BRA", "KEN", "planned")}


def test_another_states_officers_ordered_to_leave_are_expelled(code):
    assert triples(code("Kenya ordered French military advisers at the embassy to leave within a week.")) == {
        ("SANCTION", "KEN", "FRA", "asserted")}
    assert triples(code("Kenya ordered French troops to leave.")) == {("SANCTION", "KEN", "FRA", "asserted")}
    # troops ordered somewhere are still a deployment
    assert triples(code("Kenya ordered more troops to the border.")) == {("MOBILIZE", "KEN", "KEN", "asserted")}


def test_a_decree_or_order_signed_is_the_act_it_orders_not_an_agreement(code):
    assert triples(code("Kenya's interior minister signed a decree last week dissolving two opposition parties.")) == {
        ("COERCE", "KEN", "KEN", "asserted")}
    assert triples(code("Kenya signed an executive order lifting most sanctions on France.")) == {
        ("RETREAT", "KEN", "FRA", "asserted")}
    assert triples(code("Kenya and France signed in Nairobi on Monday.")) == {("AGREE", "KEN", "FRA", "asserted")}


def test_lending_legitimacy_or_weight_is_no_loan(code):
    assert triples(code("Kenya said its presence would lend no credibility to the French vote.")) == set()
    assert triples(code("Kenya lent France 2 billion dollars last year.")) == {("AID", "KEN", "FRA", "asserted")}


def test_forces_defending_a_border_back_no_one(code):
    assert triples(code("Kenya said its army was defending the northern border with France.")) == set()
    assert triples(code("Kenya defended France against the accusations.")) == {("SUPPORT", "KEN", "FRA", "asserted")}


def test_a_crowd_gathering_protests_only_when_it_is_of_protesters(code):
    assert triples(code("Kenyan crowds gathered in a Nairobi square to watch the ceremony.")) == set()
    assert triples(code("Hundreds of Kenyan protesters gathered in a Nairobi square on Sunday.")) == {
        ("PROTEST", "KEN", "KEN", "asserted")}



def test_ready_is_an_offer_only_with_an_act_to_do(code):
    # "a problem it is not ready FOR" offers nothing
    assert triples(code("France's seizure of two Kenyan ships near Uganda has left Kenya with a problem it is not "
                        "ready for.")) == {("COERCE", "FRA", "KEN", "asserted")}
    assert triples(code("Kenya is ready to talk with France about the border.")) == {
        ("AGREE", "KEN", "FRA", "asserted")}


def test_a_reward_offered_for_information_is_no_aid(code):
    text = "Kenyan police offered a reward of 5,000 dollars for information on a French fugitive."
    assert triples(code(text)) == set()
    assert triples(code("Kenya offered France 5 million dollars in aid.")) == {("AID", "KEN", "FRA", "planned")}


def test_police_storming_a_building_raid_it(code):
    assert triples(code("Kenyan police stormed the offices of a lawyers' union in Nairobi on Saturday.")) == {
        ("COERCE", "KEN", "KEN", "asserted")}


def test_seeking_office_or_another_term_is_no_request(code):
    assert triples(code("Kenya's president will seek a third term, France said.")) == set()
    assert triples(code("Kenya will seek compensation from France.")) == {("REQUEST", "KEN", "FRA", "planned")}


def test_a_deed_coordinated_with_a_warnings_content_is_the_speakers_own(code):
    # the parser hangs "has moved" on "will respond"; its own auxiliary puts it beside "has warned"
    assert triples(code("Kenya has warned Brazil that it will respond to any attack and has moved more troops to "
                        "France.")) == {("THREATEN", "KEN", "BRA", "asserted"), ("MOBILIZE", "KEN", "FRA", "asserted")}


def test_a_go_between_named_after_the_noun_it_served_mediates(code):
    # "talks MEDIATED BY Brazil": the participle is Brazil's own act, not the content of the talks
    assert triples(code("The ceasefire followed talks mediated by Brazil between Kenya and France.")) == {
        ("CONSULT", "BRA", "KEN", "asserted"), ("CONSULT", "BRA", "FRA", "asserted")}


def test_a_warning_of_ones_own_attack_is_aimed_at_its_object(code):
    assert triples(code("Kenya warned that it would attack France.")) == {("THREATEN", "KEN", "FRA", "asserted")}
    assert triples(code("Kenya has warned that it will shoot down French drones over its coast.")) == {
        ("THREATEN", "KEN", "FRA", "asserted")}


def test_a_joint_act_another_was_done_in_is_cooperation(code):
    assert triples(code("Kenyan police arrested two French suspects in a joint operation with French police.")) == {
        ("COERCE", "KEN", "FRA", "asserted"), ("COOPERATE", "KEN", "FRA", "asserted")}
    assert triples(code("Kenyan forces seized the port in coordination with French troops.")) == {
        ("COERCE", "KEN", "FRA", "asserted"), ("COOPERATE", "KEN", "FRA", "asserted")}
    # a joint act a light verb reaches is coded once, through that verb
    assert triples(code("Kenya will take part in joint exercises with France next year.")) == {
        ("COOPERATE", "KEN", "FRA", "planned")}


def test_what_a_visit_or_a_delegation_is_for_is_an_act_of_its_own(code):
    assert triples(code("Kenya's foreign minister travelled to Paris to urge France to release the sailors.")) == {
        ("CONSULT", "KEN", "FRA", "asserted"), ("REQUEST", "KEN", "FRA", "asserted")}
    assert triples(code("Kenya sent a delegation to France to press France for the release of its nationals.")) == {
        ("CONSULT", "KEN", "FRA", "asserted"), ("REQUEST", "KEN", "FRA", "asserted")}


def test_help_an_act_was_done_with_is_aid_to_the_doer(code):
    assert triples(code("Kenyan forces shot down two Brazilian drones with help from France.")) == {
        ("ASSAULT", "KEN", "BRA", "asserted"), ("AID", "FRA", "KEN", "asserted")}


def test_a_request_an_act_answers_is_the_requesters(code):
    assert triples(code("Kenya released two French sailors at the request of Brazil.")) == {
        ("RETREAT", "KEN", "FRA", "asserted"), ("REQUEST", "BRA", "KEN", "asserted")}
    assert triples(code("At Brazil's request, Kenya released two French sailors.")) == {
        ("RETREAT", "KEN", "FRA", "asserted"), ("REQUEST", "BRA", "KEN", "asserted")}


def test_locking_people_up_is_a_detention(code):
    assert triples(code("Kenyan police locked up three French journalists on Friday.")) == {
        ("COERCE", "KEN", "FRA", "asserted")}
    assert triples(code("Three French journalists were locked up by Kenyan police.")) == {
        ("COERCE", "KEN", "FRA", "asserted")}
    # without the particle, locking is no act
    assert triples(code("Kenyan police locked the doors of the French embassy.")) == set()


def test_withholding_aid_or_money_is_a_sanction(code):
    # PLOVER: withdrawing or withholding aid from another is a sanction
    assert triples(code("France will withhold aid from Kenya.")) == {("SANCTION", "FRA", "KEN", "planned")}
    assert triples(code("Brazil withheld payments to Kenya in March.")) == {("SANCTION", "BRA", "KEN", "asserted")}
    # withholding what is no aid or money is none
    assert triples(code("Kenya withheld the names of the French victims.")) == set()
