"""Event dates: expression kinds, the trigger's own clause, past vs future, precision, anchors."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.dates import DateResult, event_date, sentence_anchor

PUB = date(2025, 3, 13)  # a Thursday
MONDAY = date(2025, 3, 10)


@pytest.fixture(scope="module")
def when(nlp):
    """when(text, trigger word, published=PUB, future=False, anchor=None) -> DateResult."""

    def run(text: str, word: str, published: date | None = PUB, **kw) -> DateResult:
        doc = nlp(text)
        tok = next(t for t in doc if t.text == word)
        return event_date(tok.sent, tok, published, **kw)

    return run


def got(r: DateResult) -> tuple[str | None, str | None]:
    return r.date, r.precision


pytestmark = pytest.mark.slow


# ---------------------------------------------------------------- weekdays
@pytest.mark.parametrize("text, word, kw, expected", [
    ("The ministry summoned the ambassador on Tuesday.", "summoned", {}, "2025-03-11"),
    ("Police detained the editor on Thursday.", "detained", {}, "2025-03-13"),  # published that day
    ("Police detained the editor on Friday.", "detained", {}, "2025-03-07"),  # a past Friday: last week
    ("The two leaders will meet in Geneva on Tuesday.", "meet", {}, "2025-03-18"),
    ("The envoy is due to arrive on Saturday.", "arrive", {"future": True}, "2025-03-15"),
    ("The minister said on Tuesday that she would visit Nairobi.", "visit", {"future": True}, "2025-03-11"),
    ("A vote planned for Sunday would not go ahead, the commission said.", "vote", {}, "2025-03-16"),
])
def test_weekdays_past_and_future(when, text, word, kw, expected):
    assert got(when(text, word, **kw)) == (expected, "day")


@pytest.mark.parametrize("text, word, expected", [
    ("The president declared a state of emergency late on Monday.", "declared", "2025-03-10"),
    ("Rebels shelled the city early on Friday.", "shelled", "2025-03-07"),
    ("Thousands marched through the capital on Wednesday evening.", "marched", "2025-03-12"),
    ("Crowds defied the curfew on Tuesday night.", "defied", "2025-03-11"),
    ("The militia had attacked a checkpoint earlier on Monday.", "attacked", "2025-03-10"),
])
def test_weekday_with_time_of_day(when, text, word, expected):
    assert got(when(text, word)) == (expected, "day")


def test_two_days_span_gives_month(when):
    r = when("The navy held drills off the coast on Tuesday and Wednesday.", "held")
    assert got(r) == ("2025-03", "month")


def test_span_offsets_point_at_the_expression(when, nlp):
    text = "The ministry summoned the ambassador late on Tuesday."
    r = when(text, "summoned")
    assert text[r.start:r.end] == "late on Tuesday"
    assert r.basis == "expression"


# ---------------------------------------------------------------- anchored to an earlier date
@pytest.mark.parametrize("text, word, expected", [
    ("The army launched a counteroffensive the following day.", "launched", "2025-03-11"),
    ("The army launched a counteroffensive the next day.", "launched", "2025-03-11"),
    ("The opposition called a general strike a day later.", "called", "2025-03-11"),
    ("The rebels had declared a truce of their own a day earlier.", "declared", "2025-03-09"),
    ("Two days later, the cabinet resigned.", "resigned", "2025-03-12"),
    ("A week earlier, the envoy had returned to Cairo.", "returned", "2025-03-03"),
    ("On the same day, the foreign minister criticised the decision.", "criticised", "2025-03-10"),
    ("The rebels retaliated that night with rockets.", "retaliated", "2025-03-10"),
    ("Shortly before midnight, riot police surrounded the broadcaster.", "surrounded", "2025-03-10"),
])
def test_anchored_expressions_count_from_the_anchor(when, text, word, expected):
    r = when(text, word, anchor=MONDAY)
    assert got(r) == (expected, "day")
    assert r.basis == "anchor"


def test_anchored_without_anchor_counts_from_published(when):
    # published stands in for the missing anchor, and an event that is no plan cannot follow publication
    assert when("The army launched a counteroffensive the following day.", "launched").date == "2025-03-13"
    assert when("The two sides will meet the following day.", "meet", future=True).date == "2025-03-14"


def test_counting_past_publication_stops_there_unless_planned(when):
    assert when("A week later, the envoy returned to Cairo.", "returned", anchor=MONDAY).date == "2025-03-13"
    assert when("A week later, the envoy will return to Cairo.", "return", anchor=MONDAY, future=True).date == \
        "2025-03-17"


def test_date_inside_another_noun_phrase_is_not_the_events(when):
    assert when("The rally was the largest since the 2019 uprising.", "rally").basis == "published"
    assert when("Aid convoys reached the valley after last week's floods.", "reached").date == "2025-03-13"
    assert when("Rescue teams arrived during Wednesday's aftershocks.", "arrived").date == "2025-03-12"


def test_anchor_named_earlier_in_the_sentence_wins(when):
    text = "Militants attacked the town on Monday and the army retaliated the following day."
    assert when(text, "retaliated", anchor=date(2025, 3, 1)).date == "2025-03-11"


def test_nearly_a_month_earlier_is_month_precision(when):
    r = when("The envoy had visited Kabul nearly a month earlier.", "visited", anchor=MONDAY)
    assert got(r) == ("2025-02", "month")


def test_overnight_spans_the_night_before_publication(when):
    assert got(when("Drones struck the port overnight, the navy said.", "struck")) == ("2025-03", "month")


# ---------------------------------------------------------------- "N days after X" links
def test_event_inside_after_clause_is_earlier(when):
    r = when("The talks came two days after the rebels seized the airport.", "seized", anchor=MONDAY)
    assert got(r) == ("2025-03-08", "day")


def test_quantity_before_after_on_the_main_verb(when):
    r = when("A day after the referendum, the opposition rejected the results.", "rejected", anchor=date(2025, 3, 9))
    assert got(r) == ("2025-03-10", "day")


def test_event_before_a_dated_after_clause_is_later(when):
    r = when("The army struck the camp two days after the rebels ambushed a convoy on Monday.", "struck")
    assert got(r) == ("2025-03-12", "day")


def test_bare_after_clause_takes_the_day_of_the_event_it_leads_to(when):
    r = when("The envoy arrived in Rome on Sunday after the cabinet granted him a visa.", "granted")
    assert got(r) == ("2025-03-09", "day")
    r = when("Riots broke out on Friday night after a protester was shot.", "shot")
    assert got(r) == ("2025-03-07", "day")


def test_hours_after_a_late_event_cross_midnight(nlp):
    text = ("The president declared a curfew late on Monday. "
            "About five hours after the announcement, the troops withdrew.")
    doc = nlp(text)
    tok = next(t for t in doc if t.text == "withdrew")
    assert event_date(tok.sent, tok, PUB, anchor=MONDAY).date == "2025-03-11"


def test_hours_later_stays_on_the_day(when):
    assert when("Hours later, the ministry expelled the attache.", "expelled", anchor=MONDAY).date == "2025-03-10"


# ---------------------------------------------------------------- months, years, weeks
@pytest.mark.parametrize("text, word, kw, expected", [
    ("Last month, the two countries signed a trade pact.", "signed", {}, ("2025-02", "month")),
    ("The two countries will resume talks next month.", "resume", {"future": True}, ("2025-04", "month")),
    ("The prime minister visited Beijing in June.", "visited", {}, ("2024-06", "month")),
    ("The prime minister will visit Beijing in June.", "visit", {"future": True}, ("2025-06", "month")),
    ("Students occupied the campus in March.", "occupied", {}, ("2025-03", "month")),
    ("The court convicted him in August 2024.", "convicted", {}, ("2024-08", "month")),
    ("The party will hold a primary on March 23.", "hold", {"future": True}, ("2025-03-23", "day")),
    ("Troops crossed the border on March 2.", "crossed", {}, ("2025-03-02", "day")),
    ("The leaders met on November 24.", "met", {}, ("2024-11-24", "day")),
    ("The leaders met in Lisbon on 23 March 2024.", "met", {}, ("2024-03-23", "day")),
    ("The court issued the ruling on 2024-05-06.", "issued", {}, ("2024-05-06", "day")),
    ("The court set a hearing for 12/05/2025.", "set", {}, ("2025-12-05", "day")),  # dateparser
    ("Ministers will meet in Brussels next week.", "meet", {"future": True}, ("2025-03", "month")),
    ("The two presidents are expected to meet later this year.", "meet", {"future": True}, ("2025", "year")),
    ("Japan will host the summit next year.", "host", {"future": True}, ("2026", "year")),
    ("The government banned the party last year.", "banned", {}, ("2024", "year")),
    ("Tokyo has promised ten more ships by 2027.", "promised", {"future": True}, ("2027", "year")),
    ("Parliament is expected to ratify the treaty before the end of the year.", "ratify", {"future": True},
     ("2025", "year")),
    ("The troops will withdraw by the end of the month.", "withdraw", {"future": True}, ("2025-03", "month")),
    ("The president met the envoy earlier this week.", "met", {}, ("2025-03", "month")),
    ("Police arrested the editor yesterday.", "arrested", {}, ("2025-03-12", "day")),
    ("Air defences shot down 40 drones last night.", "shot", {}, ("2025-03-12", "day")),
    ("The rebels seized the town two weeks ago.", "seized", {}, ("2025-02", "month")),
])
def test_calendar_expressions(when, text, word, kw, expected):
    assert got(when(text, word, **kw)) == expected


def test_next_week_across_two_months_is_year(when):
    r = when("Ministers will meet in Brussels next week.", "meet", published=date(2025, 3, 27), future=True)
    assert got(r) == ("2025", "year")


def test_since_a_day_is_that_day_since_a_month_is_open(when):
    assert got(when("The government has blocked the internet since Sunday.", "blocked")) == ("2025-03-09", "day")
    r = when("The air force has carried out dozens of strikes in the north since December.", "carried")
    assert got(r) == (None, None)
    assert r.start is not None  # the expression was found, and deliberately left open


def test_durations_are_not_dates(when):
    assert when("The governor banned all rallies for four days.", "banned").basis == "published"
    r = when("The rival generals held their first direct talks in three years on Friday.", "held")
    assert got(r) == ("2025-03-07", "day")


# ---------------------------------------------------------------- whose clause
def test_expression_of_another_clause_is_not_taken(when):
    text = "The governor said two guards were wounded on Monday, and the army said 40 people were detained."
    r = when(text, "detained")
    assert got(r) == ("2025-03-13", "day") and r.basis == "published"
    assert when(text, "wounded").date == "2025-03-10"


def test_participial_adjunct_shares_the_main_clause(when):
    r = when("The junta dissolved parliament on Tuesday, accusing lawmakers of treason.", "accusing")
    assert r.date == "2025-03-11"


def test_coordinated_verb_shares_its_head_date(when):
    assert when("The army shelled the town on Monday and blocked the main roads.", "blocked").date == "2025-03-10"


def test_reported_clause_falls_back_to_the_main_clause(when):
    assert when("The rebels said on Saturday that they had captured the dam.", "captured").date == "2025-03-08"


def test_possibility_in_a_relative_clause_does_not_borrow(when):
    text = "Mali ended the accord on Tuesday, a step that could force the departure of foreign advisers."
    assert when(text, "force").date == "2025-03-13"
    assert when(text, "ended").date == "2025-03-11"


def test_relative_clause_of_the_subject_is_another_event(when):
    text = "The former minister, who fled to Dubai in May 2023, rejected the ruling."
    assert when(text, "rejected").date == "2025-03-13"
    assert got(when(text, "fled")) == ("2023-05", "month")


def test_possible_future_takes_a_future_expression_below_it(when):
    text = "Officials fear Moscow could respond by barring Finland from the forum it chairs next year."
    assert got(when(text, "respond")) == ("2026", "year")


def test_when_clause_dates_the_main_event(when):
    text = "The chancellor said Austria will oppose the plan when EU ministers vote on it next month."
    assert got(when(text, "oppose")) == ("2025-04", "month")


def test_noun_trigger_takes_its_own_expression(when):
    text = "A tribunal in Dhaka on Monday jailed the editor over the riots last year."
    assert when(text, "jailed").date == "2025-03-10"
    assert got(when(text, "riots")) == ("2024", "year")


def test_event_lasting_days_spans_them(when):
    r = when("The envoy wrapped up a three-day visit to Nairobi.", "visit", anchor=MONDAY)
    assert got(r) == ("2025-03", "month")


# ---------------------------------------------------------------- no publication date
def test_missing_published_leaves_relative_dates_null(when):
    assert got(when("The ministry summoned the ambassador on Tuesday.", "summoned", published=None)) == (None, None)
    assert got(when("The ministry summoned the ambassador.", "summoned", published=None)) == (None, None)
    assert when("The leaders met in Lisbon on 23 March 2024.", "met", published=None).date == "2024-03-23"
    assert when("The court convicted him in August 2024.", "convicted", published=None).date == "2024-08"


def test_missing_published_still_uses_the_anchor(when):
    r = when("The army launched a counteroffensive the following day.", "launched", published=None, anchor=MONDAY)
    assert r.date == "2025-03-11"


def test_no_expression_is_the_publication_day(when):
    r = when("The ministry summoned the ambassador.", "summoned")
    assert r == DateResult("2025-03-13", "day", None, None, "published")


# ---------------------------------------------------------------- the anchor a sentence leaves for the next
@pytest.fixture(scope="module")
def left(nlp):
    """left(text, anchor=None) -> the day sentence_anchor finds in the first sentence of text."""

    def run(text: str, anchor: date | None = None) -> date | None:
        return sentence_anchor(next(iter(nlp(text).sents)), PUB, anchor)

    return run


@pytest.mark.parametrize("text, anchor, expected", [
    ("Heavy rain fell across the north on Tuesday.", None, date(2025, 3, 11)),
    ("The minister arrived on March 3 and left on Monday.", None, MONDAY),  # the last day named
    ("The next morning the convoy moved on.", date(2025, 3, 3), date(2025, 3, 4)),  # counted from the anchor
    ("The vote is due on Saturday.", None, None),  # a plan after publication
    ("Talks dragged on in March.", None, None),  # a month is no day
    ("The ceasefire held until Monday.", None, None),
    ("Nothing much happened.", date(2025, 3, 3), None),
])
def test_sentence_anchor(left, text, anchor, expected):
    assert left(text, anchor) == expected


def test_relative_counts_from_a_day_named_in_a_sentence_without_events():
    from eventwire.coder import code_text

    text = ("Heavy rain fell across the north on Tuesday. "
            "Japan summoned the Chinese ambassador a day later.")
    evs = [e for e in code_text(text, PUB) if e.sentence == 1]
    assert [(e.event_type, e.date, e.date_precision) for e in evs] == [("ACCUSE", "2025-03-12", "day")]


# ---------------------------------------------------------------- clauses that do not share a date
def test_conjoined_clause_with_its_own_subject_keeps_its_own_date(when):
    text = "Rebels seized the depot on Monday, and the army shelled the town."
    assert got(when(text, "seized")) == ("2025-03-10", "day")
    assert got(when(text, "shelled")) == ("2025-03-13", "day")  # no expression of its own: published


def test_conjoined_verb_without_subject_shares_the_date(when):
    assert got(when("Rebels seized the depot and shelled the town on Monday.", "seized")) == ("2025-03-10", "day")


def test_the_day_before_counts_one_day_back(when):
    assert got(when("The court had freed the editor the day before.", "freed", anchor=MONDAY)) == \
        ("2025-03-09", "day")


def test_unquantified_link_takes_the_day_of_the_other_event(when):
    assert got(when("Speaking after the vote, the envoy criticised the council.", "criticised",
                    anchor=MONDAY)) == ("2025-03-10", "day")


def test_same_day_after_a_counted_relative(when):
    text = "The rebels freed two hostages three days later, and the army released ten prisoners the same day."
    assert got(when(text, "released", anchor=MONDAY)) == ("2025-03-13", "day")


def test_present_tense_as_clause_is_ongoing_at_publication(when):
    text = "A court jailed the mayor on Monday as investigators examine his accounts."
    assert got(when(text, "jailed")) == ("2025-03-10", "day")
    assert got(when(text, "examine")) == ("2025-03-13", "day")


def test_past_tense_as_clause_shares_the_main_date(when):
    assert got(when("Police fired tear gas on Monday as crowds marched.", "marched")) == ("2025-03-10", "day")


def test_past_event_beside_a_future_clause_takes_the_past_weekday(when):
    text = "The ministry said on Tuesday it would close the border but warned that it would reopen it later."
    assert got(when(text, "warned")) == ("2025-03-11", "day")


def test_planned_event_takes_the_next_weekday(when):
    assert got(when("The ministry will close the border on Tuesday.", "close", future=True)) == ("2025-03-18", "day")


@pytest.mark.parametrize("published,text", [
    ("9999-12-31", "Kenya will host Brazilian leaders next year."),
    ("0001-01-01", "Kenya hosted Brazilian leaders last year."),
])
def test_a_date_beyond_the_calendar_is_null_and_the_event_stays(code, published, text):
    (ev,) = code(text, published)
    assert (ev["event_type"], ev["date"], ev["date_precision"]) == ("CONSULT", None, None)


@pytest.mark.parametrize("text, word, kw, expected", [
    ("In January last year, the militia shelled the airport.", "shelled", {}, "2024-01"),
    ("The envoy toured Lagos in February last year.", "toured", {}, "2024-02"),
    ("The summit will open in May next year.", "open", {"future": True}, "2026-05"),
])
def test_month_of_a_year_counted_from_publication(when, text, word, kw, expected):
    assert got(when(text, word, **kw)) == (expected, "month")


def test_within_hours_or_weeks_counts_from_the_anchor(when):
    r = when("The ministry responded within hours by expelling the envoy.", "responded", anchor=MONDAY)
    assert got(r) == ("2025-03-10", "day") and r.basis == "anchor"
    r = when("The council rejected the request within weeks.", "rejected", anchor=date(2025, 1, 20))
    assert got(r) == ("2025-01", "month")
    r = when("The garrison could run out of shells within weeks.", "run", anchor=MONDAY)
    assert got(r) == ("2025", "year")  # ahead of publication: a vague span
    r = when("Officials expect to start the transfers within weeks.", "start", anchor=MONDAY)
    assert got(r) == ("2025", "year")


def test_concessive_or_conditional_clause_does_not_borrow_the_main_date(when):
    text = "The two sides agreed on a truce last month, although the rebels have said they will not disarm."
    assert got(when(text, "agreed")) == ("2025-02", "month")
    assert got(when(text, "disarm")) == ("2025-03-13", "day")
    text = "Ministers warned on Monday that the mills would close if the port stays shut."
    assert got(when(text, "stays")) == ("2025-03-13", "day")


def test_perfect_participle_keeps_its_date_to_itself(when):
    text = "The navy will patrol the strait, having already escorted convoys there last year."
    assert got(when(text, "patrol", future=True)) == ("2025-03-13", "day")
    assert got(when(text, "escorted")) == ("2024", "year")


def test_a_season_after_before_is_no_event_to_count_from(when):
    r = when("The minister accused the rebels of hoarding fuel before the winter.", "accused", anchor=MONDAY)
    assert r == DateResult("2025-03-13", "day", None, None, "published")


def test_relative_clause_commenting_on_the_act_keeps_its_own_date(when):
    text = "The army pulled back from the border in January, a move Delhi welcomed as overdue."
    assert got(when(text, "pulled")) == ("2025-01", "month")
    assert got(when(text, "welcomed")) == ("2025-03-13", "day")
    text = "The accord signed on Monday gives the province the autonomy its leaders have long demanded."
    assert got(when(text, "demanded")) == ("2025-03-13", "day")


def test_expression_put_before_both_conjoined_clauses_dates_both(when):
    text = "On Monday, rebels seized the depot, and the army shelled the town."
    assert got(when(text, "shelled")) == ("2025-03-10", "day")
    text = "On Monday, rebels seized the depot, and the army has sealed the roads."
    assert got(when(text, "sealed")) == ("2025-03-13", "day")  # the present perfect speaks of now
    text = "On Monday, rebels seized the depot, and the army will shell the town."
    assert when(text, "shell", future=True).basis == "published"  # a clause of another tense


@pytest.mark.parametrize("text, word", [
    ("During the visit, the two ministers signed a grain deal.", "signed"),
    ("The premier told reporters at the signing that the pact would last.", "told"),
    ("Only 30 deputies backed the bill in the final vote.", "backed"),
    ("At the ceremony, attended by the king, the general thanked the troops.", "attended"),
])
def test_an_occasion_named_before_dates_the_act_from_the_anchor(when, text, word):
    r = when(text, word, anchor=MONDAY)
    assert got(r) == ("2025-03-10", "day") and r.basis == "anchor"


def test_an_occasion_first_named_is_no_anchor(when):
    r = when("The premier said at a news conference that the pact would last.", "said", anchor=MONDAY)
    assert got(r) == ("2025-03-13", "day") and r.basis == "published"
    r = when("Iran will take part in the talks.", "take", anchor=MONDAY, future=True)
    assert got(r) == ("2025-03-13", "day") and r.basis == "published"  # an occasion still to come


def test_an_expression_looking_ahead_does_not_date_a_past_act(when):
    text = "In a statement on Tuesday, the minister seemed to reject a visit to Hanoi later this month."
    assert got(when(text, "reject")) == ("2025-03-11", "day")
    text = "The minister rejected a visit to Hanoi later this month."
    assert when(text, "rejected").basis == "published"


def test_a_sentence_opened_by_earlier_is_on_the_anchor_day(when):
    r = when("Earlier, the envoy had visited the border crossing.", "visited", anchor=MONDAY)
    assert got(r) == ("2025-03-10", "day") and r.basis == "anchor"


def test_a_present_clause_does_not_take_an_expression_of_the_past(when):
    text = "The editor is being questioned over his column about the flood last month."
    assert got(when(text, "questioned")) == ("2025-03-13", "day")
    assert got(when("The editor was questioned over his column last month.", "questioned")) == ("2025-02", "month")


def test_a_date_on_an_occasion_the_act_took_place_at_is_the_acts(when):
    assert got(when("Two deputies stormed out of the March 4 session.", "stormed")) == ("2025-03-04", "day")
    assert when("Aid convoys left the valley after the March 4 vote.", "left").basis != "expression"


def test_an_occasion_with_its_own_date_takes_that_date(when):
    text = "During the talks in Geneva on Tuesday, the envoys agreed on a truce."
    assert got(when(text, "agreed", anchor=date(2025, 3, 1))) == ("2025-03-11", "day")


def test_a_relative_clause_dating_the_frame_of_the_act_dates_the_act(when):
    text = "Police have detained ten students in a spate of raids that started on Monday."
    assert got(when(text, "detained")) == ("2025-03-10", "day")
    text = "Police detained ten students over a column that appeared on Monday."
    assert got(when(text, "detained")) == ("2025-03-13", "day")  # no frame: the column's date


def test_taking_part_in_an_occasion_named_before_dates_from_the_anchor(when):
    r = when("The envoy boycotted the summit, citing the host's record on rights.", "boycotted", anchor=MONDAY)
    assert got(r) == ("2025-03-10", "day") and r.basis == "anchor"
    r = when("Kenya will host the summit.", "host", anchor=MONDAY, future=True)
    assert got(r) == ("2025-03-13", "day") and r.basis == "published"
    r = when("The envoy criticised the summit.", "criticised", anchor=MONDAY)
    assert r.basis == "published"  # no taking part


def test_a_look_back_leaves_the_anchor_where_the_story_is():
    from eventwire.coder import code_text

    text = ("Japan summoned the Chinese ambassador on Wednesday. "
            "Hours earlier, Chinese warships had entered Japanese waters on Tuesday night. "
            "A day later, Japan lodged a second protest with China.")
    evs = code_text(text, date(2025, 3, 15))
    assert [(e.sentence, e.date) for e in evs] == [(0, "2025-03-12"), (1, "2025-03-11"), (2, "2025-03-13")]


def test_a_count_with_no_day_to_start_from_counts_from_the_month_named_before(when):
    text = "In February the envoy toured Lagos. A week later, the envoy returned to Cairo."
    assert got(when(text, "returned")) == ("2025-02", "month")
    text = "The envoy toured Lagos. A week later, the envoy returned to Cairo."
    assert got(when(text, "returned")) == ("2025-03-13", "day")  # nothing before: publication


def test_after_read_as_a_preposition_still_links_its_clause(when):
    # the parser makes "Brazil and Argentina" the object of "after" and leaves "recalled" with no subject
    text = ("Kenya closed its airspace to flights from Brazil on Monday, a day after Brazil and Argentina "
            "recalled their ambassadors from Nairobi.")
    assert got(when(text, "recalled")) == ("2025-03-09", "day")
    assert got(when(text, "closed")) == ("2025-03-10", "day")


def test_a_clause_after_a_counted_after_is_counted_back_from_the_main_day(when):
    # parsed as two coordinated clauses, "a day after" on the second verb: still a day before Monday
    text = ("Kenya closed its airspace on Monday, a day after Uganda, Rwanda and Burundi recalled their "
            "ambassadors from Nairobi over the downing of a military drone.")
    assert got(when(text, "recalled")) == ("2025-03-09", "day")
    assert got(when(text, "closed")) == ("2025-03-10", "day")


# ---------------------------------------------------------------- acts reported as done
@pytest.mark.parametrize("text, word, kw, expected", [
    # the deadline dates what was agreed to, not the agreeing: an act reported as done is not after the report
    ("Kenya agreed on Tuesday to cut its emissions by 2035.", "agreed", {"done": True}, ("2025-03-11", "day")),
    ("Kenya agreed to cut its emissions by 2035.", "agreed", {"done": True}, ("2025-03-13", "day")),
    # a plan or a possibility may be dated ahead
    ("Kenya hopes to open talks with Brazil in 2026.", "open", {}, ("2026", "year")),
])
def test_an_act_reported_as_done_is_not_dated_after_the_report(when, text, word, kw, expected):
    assert got(when(text, word, **kw)) == expected


def test_the_dates_stage_keeps_a_done_act_within_the_report(code):
    (ev,) = code("Kenya agreed to cut its emissions by 2035.", PUB.isoformat())
    assert (ev["event_type"], ev["modality"], ev["date"], ev["date_precision"]) == \
        ("AGREE", "asserted", "2025-03-13", "day")
