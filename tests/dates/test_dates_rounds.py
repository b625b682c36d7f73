"""Dates the eighteenth session's development rounds (realpn8, realtech8, realfelix3, realpol5,
realfelix4 in benchmarks/timex_real/) showed the rules missing: years that date an event's
edition, someday after a modal, programmes in quotes, events prepared for, plans and participles
in past clauses, days far down a chain of phrases, days glued to their month, "at this point",
rates per second, "years later", decimal halves, plans in the past passive, plan words as the past
verb itself, a weekday and day number at a clock time, the past or latest kind of year.

Sentences of our own, written after those cases."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.dates.test_dates import by_text, run_with

MARCH = dt.date(2009, 3, 4)  # a Wednesday


@pytest.mark.parametrize(("text", "year"), [
    ("He spoke after giving the Institute of Physics 2008 Bragg Lecture.", "2008"),
    ("She judged the National Poetry 2008 awards last year.", "2008"),
    ("Rally teams met at the Northern Motorsport 2009 show in Leeds.", "2009"),
    ("The college fell to 13th place in the Student University Guide 2010.", "2010"),
])
def test_a_year_in_the_name_of_a_yearly_event_dates_that_edition(nlp, text, year):
    assert by_text(nlp, text, MARCH)[year].value == year


@pytest.mark.parametrize("text", [
    "The office laptops still run Windows 2000.",
    "The office laptops still run Windows 2000 Professional.",
])
def test_a_year_in_a_product_name_is_no_date(nlp, text):
    assert "2000" not in by_text(nlp, text, MARCH)


def test_one_day_after_a_modal_is_someday_ahead_even_misparsed(nlp):
    found = run_with(nlp, "They are laying a pipeline that could one day stretch to the coast.", MARCH,
                     vague_references=True)
    assert [(m.text, m.value) for m in found] == [("one day", "FUTURE_REF")]


def test_a_programme_in_quotes_after_its_channel_is_a_name(nlp):
    text = 'She said on NBC\u2019s \u201cThis Week in Review\u201d that she would stand.'
    assert by_text(nlp, text, MARCH) == {}


@pytest.mark.parametrize("text", [
    "Both parties are preparing for November's general election.",
    "Councils are gearing up for May's local elections.",
    "Activists relish the prospect of taking him on in November's election.",
])
def test_an_event_prepared_for_is_still_ahead(nlp, text):
    month = "November" if "November" in text else "May"
    assert by_text(nlp, text, MARCH)[month].value == f"2009-{11 if month == 'November' else 5:02d}"


def test_an_event_prepared_for_in_the_past_is_gone(nlp):
    text = "Both parties prepared for November's general election."
    assert by_text(nlp, text, MARCH)["November"].value == "2008-11"


@pytest.mark.parametrize(("text", "day", "value"), [
    ("As the senator prepared to speak on Monday, a protester was arrested.", "Monday",
     "2009-03-02"),
    ("He expects to resume talks on Monday.", "Monday", "2009-03-09"),
])
def test_a_plan_told_in_a_past_as_clause_is_of_that_time(nlp, text, day, value):
    assert by_text(nlp, text, MARCH)[day].value == value


@pytest.mark.parametrize(("text", "value"), [
    ("The minister misled Parliament when answering questions in May.", "2008-05"),
    ("The minister will travel to Paris before heading to Berlin in May.", "2009-05"),
])
def test_a_participle_clause_has_the_tense_of_its_verb(nlp, text, value):
    assert by_text(nlp, text, MARCH)["May"].value == value


def test_a_day_at_the_end_of_a_long_chain_of_phrases_takes_the_past_of_its_verb(nlp):
    text = "The agency said that it asked for the return of the files in a letter Friday to the police."
    assert by_text(nlp, text, MARCH)["Friday"].value == "2009-02-27"


def test_a_telling_does_not_date_a_time_ahead_in_a_fronted_phrase(nlp):
    text = "Ahead of talks with the union on Friday, the company said it may raise its offer."
    assert by_text(nlp, text, MARCH)["Friday"].value == "2009-03-06"


@pytest.mark.parametrize(("text", "mention", "value"), [
    ("The attacks of Sept.11, 2001 changed air travel.", "Sept.11, 2001", "2001-09-11"),
    ("The minister arrived on Jan.5 and left a week later.", "Jan.5", "2009-01-05"),
])
def test_a_day_glued_to_its_months_abbreviation_is_a_date(nlp, text, mention, value):
    assert by_text(nlp, text, MARCH)[mention].value == value


@pytest.mark.parametrize(("text", "found"), [
    ("The council is not ready to back the plan at this point.", {"this point": "PRESENT_REF"}),
    ("At this point the merger looks unlikely.", {"this point": "PRESENT_REF"}),
    ("He scored at this point of the game.", {}),
    ("At that point he left the room.", {}),
])
def test_at_this_point_is_now_but_not_a_point_in_a_story(nlp, text, found):
    mentions = run_with(nlp, text, MARCH, vague_references=True)
    assert {m.text: m.value for m in mentions} == found


@pytest.mark.parametrize(("text", "found"), [
    ("The chip does a billion sums per second.", {"per second": "PT1S"}),
    ("The radio sends millions of pulses every second.", {"every second": "PT1S"}),
    ("The line carries 3,000 calls per minute.", {"per minute": "PT1M"}),
    ("Every second household owns a tablet.", {}),
])
def test_a_rate_per_second_minute_or_hour_is_a_set(nlp, text, found):
    # (TIMEX3's reading: the records keep the amount, not its unit of time)
    mentions = run_with(nlp, text, MARCH, vague_references=True)
    assert {m.text: m.value for m in mentions} == found


@pytest.mark.parametrize(("text", "found"), [
    ("It was not until she applied for a passport years later that she learned of it.",
     {"years": "PXY"}),
    ("The firm sold its 2005 model years at a loss.", {"2005": "2005"}),
])
def test_years_later_after_a_noun_is_a_vague_duration(nlp, text, found):
    mentions = run_with(nlp, text, MARCH, vague_references=True)
    assert {m.text: m.value for m in mentions} == found


@pytest.mark.parametrize(("text", "value"), [
    ("He was jailed for 7.5 years.", "P7Y6M"),
    ("The meeting lasted 2.5 hours.", "PT2H30M"),
])
def test_a_decimal_half_is_the_whole_and_a_half(nlp, text, value):
    (mention,) = by_text(nlp, text, MARCH).values()
    assert mention.value == value


def test_a_plan_in_the_past_passive_takes_the_nearest_time(nlp):
    text = "Plans were approved last term and the works were set to take place over the holidays."
    assert by_text(nlp, text, dt.date(2009, 1, 14))["the holidays"].value == "2008-12"


def test_a_fronted_participle_clause_has_the_tense_of_its_verb(nlp):
    text = "Speaking on the radio on Sunday, the minister said the upcoming vote would be close."
    assert by_text(nlp, text, MARCH)["Sunday"].value == "2009-03-01"


@pytest.mark.parametrize(("text", "value"), [
    ("The prime minister is tipped to call the election on Monday.", "2009-03-09"),
    ("Police expected trouble on Monday.", "2009-03-02"),
    ("The gang planned the raid on Monday.", "2009-03-02"),
    ("The judge set a May date for the trial.", "2009-05"),
])
def test_a_plan_word_as_the_past_verb_itself_is_no_plan(nlp, text, value):
    day = "May" if "May" in text else "Monday"
    assert by_text(nlp, text, MARCH)[day].value == value


def test_a_weekday_and_day_number_with_a_clock_time(nlp):
    text = "Voting opens on Monday 9 at noon and closes on Thursday 12 at 5pm."
    found = {m.text: m.value for m in by_text(nlp, text, MARCH).values()}
    assert found == {"Monday 9 at noon": "2009-03-09T12:00", "Thursday 12 at 5pm": "2009-03-12T17:00"}


@pytest.mark.parametrize(("text", "mention", "value"), [
    # a UK financial year starts in April: in January 2019 it is 2018/19, filed under 2018
    ("The charity received £5,000 in the past financial year.", "the past financial year", "2017"),
    ("Sales rose 5% in the latest fiscal year.", "the latest fiscal year", "2018"),
])
def test_the_past_or_latest_kind_of_year_is_the_one_before(nlp, text, mention, value):
    assert by_text(nlp, text, dt.date(2019, 1, 11))[mention].value == value


# -- the nineteenth session's round (realfelix5) and the Felix sets before it --

SEPTEMBER = dt.date(2017, 9, 5)  # a Tuesday


def test_a_part_of_a_weekday_and_day_number_is_that_days_part(nlp):
    found = by_text(nlp, "The exam was set for Thursday 31st August. Students got an email on the "
                         "evening of Wednesday 30th.", SEPTEMBER)
    assert found["the evening of Wednesday 30th"].value == "2017-08-30TEV"
    assert by_text(nlp, "It opened on the morning of the 3rd.", SEPTEMBER)[
        "the morning of the 3rd"].value == "2017-09-03TMO"


def test_a_clock_time_on_a_part_of_a_day_takes_that_day(nlp):
    text = ("The exam was set for Thursday 31st August. Students got an email after 11pm on "
            "the evening of Wednesday 30th.")
    assert by_text(nlp, text, SEPTEMBER)["11pm on the evening of Wednesday 30th"].value == \
        "2017-08-30T23:00"
    found = {m.text: m.value for m in run_with(nlp, text, SEPTEMBER, timeml_extents=True)}
    assert (found["11pm"], found["the evening of Wednesday 30th"]) == (
        "2017-08-30T23:00", "2017-08-30TEV")


@pytest.mark.parametrize(("text", "published", "value"), [
    # the end of the 2015/16 financial year is in 2016, its start in 2015
    ("The cuts take effect at the end of the financial year.", dt.date(2016, 1, 15), "2016"),
    ("The pool will close at the end of this academic year.", dt.date(2018, 2, 2), "2018"),
    ("Fees were cut at the close of the financial year.", dt.date(2016, 1, 15), "2016"),
    ("Fees were cut at the beginning of the academic year.", dt.date(2015, 1, 16), "2014"),
    # a calendar-year kind ends in the year it starts
    ("Sales fell at the end of the fiscal year.", dt.date(2016, 1, 15), "2016"),
])
def test_the_end_of_a_kind_of_year_is_in_the_year_it_ends(nlp, text, published, value):
    found = {m.text: m.value for m in by_text(nlp, text, published).values()}
    assert value in found.values() and len(found) == 1


@pytest.mark.parametrize(("published", "value"), [
    (dt.date(2010, 2, 5), "2010"),  # in February: the one starting in September
    (dt.date(2010, 10, 5), "2010"),  # in October: the one just begun
    (dt.date(2011, 6, 5), "2011"),
])
def test_the_new_academic_year_is_the_coming_or_just_begun_one(nlp, published, value):
    found = by_text(nlp, "The bar will reopen by the new academic year.", published)
    assert found["the new academic year"].value == value


@pytest.mark.parametrize("text", [
    "The team is three third year Mechanical Engineering students from the college.",
    "The three students are all in their third year of MEng Chemical Engineering.",
    "All the first years, with their older hosts, marched along the road.",
    "It counted the first year students who progress to their second year.",
])
def test_a_year_of_a_course_of_study_is_no_time(nlp, text):
    assert not [m for m in by_text(nlp, text, SEPTEMBER).values() if "year" in m.text]


def test_a_year_in_office_is_still_a_length_of_time(nlp):
    assert by_text(nlp, "In his first year in office he cut taxes.", SEPTEMBER)[
        "his first year"].value == "P1Y"


def test_this_coming_weekday_said_on_that_weekday_is_a_week_on(nlp):
    thursday = dt.date(2013, 1, 17)
    assert by_text(nlp, "The panel will speak at the launch this coming Thursday.", thursday)[
        "this coming Thursday"].value == "2013-01-24"
    assert by_text(nlp, "The panel will speak at the launch this coming Monday.", thursday)[
        "this coming Monday"].value == "2013-01-21"


def test_a_day_ordinal_of_a_month_without_the(nlp):
    found = by_text(nlp, "The vote will be held next Tuesday (9th of December).",
                    dt.date(2014, 12, 2))
    assert found["9th of December"].value == "2014-12-09"


@pytest.mark.parametrize(("text", "mention", "value"), [
    ("The work dates back to the early 1800’s.", "the early 1800’s", "18"),
    ("Prices in the late 1990's were lower.", "the late 1990's", "199"),
    ("Profits beat 2010's record.", "2010", "2010"),  # that year's record
])
def test_a_decade_written_with_an_apostrophe(nlp, text, mention, value):
    assert by_text(nlp, text, MARCH)[mention].value == value


def test_the_present_time_is_now_in_timex3s_reading(nlp):
    found = {m.text: m.value for m in run_with(nlp, "At the present time, it is impossible to "
                                                    "give a figure.", MARCH, vague_references=True)}
    assert found == {"the present time": "PRESENT_REF"}


@pytest.mark.parametrize(("text", "mention", "value"), [
    ("The crew had been shooting scenes all day.", "all day", "P1D"),
    ("The two councils have argued about the road all year.", "all year", "P1Y"),
    ("The squad has trained hard all week.", "all week", "P1W"),
])
def test_all_of_a_unit_is_its_length(nlp, text, mention, value):
    assert by_text(nlp, text, MARCH)[mention].value == value


def test_all_year_round_is_always_no_length(nlp):
    assert by_text(nlp, "The cafe is open all year round.", MARCH) == {}


@pytest.mark.parametrize("text", [
    "The fair, now in its thirty first year, returns to the campus.",
    "The society was set up by two fourth year physics students.",
])
def test_an_ordinal_year_is_no_count_of_years(nlp, text):
    assert not [m for m in by_text(nlp, text, MARCH).values() if "year" in m.text]


def test_a_participle_after_a_preposition_has_the_tense_of_a_past_verb(nlp):
    february = dt.date(2016, 2, 19)
    found = by_text(nlp, "Staff had a surprise after coming back over the summer.", february)
    assert found["the summer"].value == "2015-SU"
    found = by_text(nlp, "Shares rose 1% before ending Friday lower.", february)
    assert found["Friday"].value == "2016-02-19"
    found = by_text(nlp, "Shares rose 1% before ending Thursday lower.", february)
    assert found["Thursday"].value == "2016-02-18"


def test_a_season_that_opens_its_sentence_is_a_season(nlp):
    found = by_text(nlp, "Runners train for the race\nSummer is coming, and the club is busy.",
                    dt.date(2013, 5, 2))
    assert found["Summer"].value == "2013-SU"


@pytest.mark.parametrize("text", [
    "The evening began with short speeches from the organisers.",
    "The evening was a celebration of student film.",
])
def test_the_evening_as_an_occasion_is_no_time(nlp, text):
    assert by_text(nlp, text, dt.date(2019, 3, 15)) == {}


def test_the_evening_as_a_time_is_still_one(nlp):
    assert by_text(nlp, "Police were called to the hall in the evening.", dt.date(2019, 3, 15))[
        "the evening"].value == "2019-03-15TEV"


@pytest.mark.parametrize(("text", "clocks"), [
    ("Instead of evening exams there would be two slots: 09:00-12:00 and 14:00-17:00.",
     {"09:00": "XXXX-XX-XXT09:00", "12:00": "XXXX-XX-XXT12:00", "14:00": "XXXX-XX-XXT14:00",
      "17:00": "XXXX-XX-XXT17:00"}),
    ("The plan would extend the teaching day to 8am until 7pm on Tuesdays and Fridays.",
     {"8am": "XXXX-XX-XXT08:00", "7pm": "XXXX-XX-XXT19:00"}),
    ("The gym usually opens at 7am.", {"7am": "XXXX-XX-XXT07:00"}),
    # a day named, or a clock of what happened: that day's
    ("The union said it would close the bar at 11pm on Friday.", {"11pm": "2009-03-06T23:00"}),
    ("Trading was halted at 11:30am, and the exchange said it would review its rules.",
     {"11:30am": "2009-03-04T11:30"}),
])
def test_a_clock_time_of_a_plan_or_routine_has_no_day_in_timex3(nlp, text, clocks):
    found = {m.text: m.value for m in run_with(nlp, text, MARCH, vague_references=True,
                                               timeml_extents=True)}
    assert {text: found.get(text) for text in clocks} == clocks


@pytest.mark.parametrize("text", [
    "[The latest proposals](http://example.org/news/1251/two-hour-lunchtime-could-go/) were "
    "discussed.",
    "The full report is at https://example.org/2011/summer-ball-report.pdf for members.",
])
def test_words_of_a_web_address_are_no_time(nlp, text):
    assert by_text(nlp, text, MARCH) == {}


def test_a_link_text_keeps_its_time(nlp):
    found = by_text(nlp, "The union [met on Monday](http://example.org/2009/minutes) to vote.",
                    MARCH)
    assert list(found) == ["Monday"]


def test_late_or_early_before_a_year_is_that_year(nlp):
    found = by_text(nlp, "The levy will be increased to more than £8 an hour by late 2019, and "
                         "bonuses will be banned.", dt.date(2015, 5, 1))
    assert found["late 2019"].value == "2019"


def test_a_night_out_is_an_outing(nlp):
    assert by_text(nlp, "The winners get the ultimate night out on campus.", MARCH) == {}


def test_every_weekday_part_is_a_set(nlp):
    found = by_text(nlp, "Every Thursday morning, the shop releases new stock.", MARCH)
    assert found["Every Thursday morning"].value == "XXXX-WXX-4TMO"


def test_an_event_that_looms_is_ahead(nlp):
    friday = dt.date(2018, 12, 7)
    found = by_text(nlp, "Students wait. As Tuesday's vote looms, the college says little.", friday)
    assert found["Tuesday"].value == "2018-12-11"


def test_what_holds_of_any_night_is_of_no_night_in_timex3(nlp):
    found = {m.text: m.value for m in run_with(
        nlp, "Campaign launched\nWalking home at night should not be frightening.",
        dt.date(2012, 11, 22), vague_references=True, timeml_extents=True)}
    assert found == {"night": "XXXX-XX-XXTNI"}


@pytest.mark.parametrize(("text", "year"), [
    ("Monday marks the start of Discover Science Week 2013, the society's yearly project.", "2013"),
    ("The team played the opening match at VarsityFest 2017 last year.", "2017"),
])
def test_a_year_ending_the_name_of_a_yearly_event_dates_that_edition(nlp, text, year):
    assert by_text(nlp, text, MARCH)[year].value == year


def test_the_evening_passing_is_a_time(nlp):
    found = by_text(nlp, "The venue filled up quickly as the evening progressed.", MARCH)
    assert found["the evening"].value == "2009-03-04TEV"


def test_this_month_said_long_after_it_with_a_future_is_the_coming_one(nlp):
    december = dt.date(2018, 12, 7)
    assert by_text(nlp, "This January, the college will trial a new menu.", december)[
        "This January"].value == "2019-01"
    assert by_text(nlp, "This January was the wettest on record.", december)[
        "This January"].value == "2018-01"


def test_a_season_of_what_usually_happens_is_any_such_season_in_timex3(nlp):
    found = {m.text: m.value for m in run_with(
        nlp, "The plan protects the grass, which often gets badly damaged in winter.", MARCH,
        vague_references=True, timeml_extents=True)}
    assert found == {"winter": "XXXX-WI"}


def test_time_stamps_of_a_live_report_are_times_of_that_day(nlp):
    text = ("Council meets on fees\n1850: Members are discussing the first paper.\n"
            "1904: The motion has passed.")
    found = by_text(nlp, text, dt.date(2013, 12, 10))
    assert (found["1850"].value, found["1904"].value) == ("2013-12-10T18:50", "2013-12-10T19:04")
    assert by_text(nlp, "The society was founded in 1850: it was the first.", MARCH)[
        "1850"].value == "1850"


def test_at_this_point_of_a_story_told_in_the_past_is_no_time(nlp):
    found = {m.text for m in run_with(nlp, "We searched the building. At this point we realised "
                                           "the mascot was gone.", MARCH, vague_references=True)}
    assert "this point" not in found
    found = {m.text: m.value for m in run_with(nlp, "At this point, the plan is on track.", MARCH,
                                               vague_references=True)}
    assert found == {"this point": "PRESENT_REF"}


def test_a_season_and_a_year_are_one_date(nlp):
    found = by_text(nlp, "The halls were meant to reopen by autumn this year.",
                    dt.date(2016, 12, 15))
    assert found["autumn this year"].value == "2016-FA"
    found = by_text(nlp, "Prices rose in the summer last year.", dt.date(2016, 12, 15))
    assert found["the summer last year"].value == "2015-SU"


def test_a_split_year_label_is_two_dates_in_timex3_and_one_in_the_records(nlp):
    text = "The grant for the 2014-2015 academic year will be cut."
    found = {m.text: m.value for m in run_with(nlp, text, MARCH, vague_references=True,
                                               timeml_extents=True)}
    assert found == {"2014": "2014", "2015 academic year": "2015"}
    assert [m.value for m in by_text(nlp, text, MARCH).values()] == ["2014"]


def test_a_clock_time_naming_a_kind_of_thing_has_no_day_in_timex3(nlp):
    found = {m.text: m.value for m in run_with(
        nlp, "The students tried to board the 4:50am ferry but were turned away.", MARCH,
        vague_references=True, timeml_extents=True)}
    assert found == {"4:50am": "XXXX-XX-XXT04:50"}


def test_a_run_of_weekdays_in_the_present_is_every_week(nlp):
    text = "The advice centre is on the first floor. It is open 9am-4pm Monday to Thursday."
    found = {m.text: m.value for m in run_with(nlp, text, MARCH, vague_references=True,
                                               timeml_extents=True)}
    assert found == {"9am": "XXXX-XX-XXT09:00", "4pm": "XXXX-XX-XXT16:00",
                     "Monday": "XXXX-WXX-1", "Thursday": "XXXX-WXX-4"}
    assert "Monday" not in by_text(nlp, text, MARCH)  # a generic day, left out of the records
    found = by_text(nlp, "The festival will run from Monday to Thursday next week.", MARCH)
    assert found["Monday"].value == "2009-03-09"


@pytest.mark.parametrize("phrase", ["this point in time", "this current point in time"])
def test_this_point_in_time_is_now_in_timex3s_reading(nlp, phrase):
    found = {m.text: m.value for m in run_with(
        nlp, f"The cause of the fault is unknown at {phrase}.", MARCH, vague_references=True)}
    assert found == {phrase: "PRESENT_REF"}


@pytest.mark.parametrize(("text", "published", "mention", "value"), [
    # the 18th of January 2012 was a Wednesday: the Tuesday nearest it, not January 2011
    ("The society launched the contest on Tuesday 18 January after a year's pause.",
     dt.date(2012, 1, 19), "Tuesday 18 January", "2012-01-17"),
    ("The flood warning was issued last Thursday 11th March.", dt.date(2015, 3, 19),
     "last Thursday 11th March", "2015-03-12"),
    # a weekday and date that agree in a year close by keep that year
    ("The deal closed on Tuesday, Dec. 28.", dt.date(2000, 1, 5), "Tuesday, Dec. 28",
     "1999-12-28"),
    ("The band will play on Saturday 20 August.", dt.date(2005, 2, 16), "Saturday 20 August",
     "2005-08-20"),
])
def test_a_weekday_that_does_not_fit_its_date_is_the_nearest_such_day(nlp, text, published,
                                                                       mention, value):
    assert by_text(nlp, text, published)[mention].value == value


def test_its_that_time_of_year_is_now_in_timex3s_reading(nlp):
    found = {m.text: m.value for m in run_with(
        nlp, "It's that time of year again when we all make resolutions.", MARCH,
        vague_references=True)}
    assert found == {"that time of year": "PRESENT_REF"}
    found = {m.text for m in run_with(
        nlp, "Prices rise at the time of year when students arrive.", MARCH,
        vague_references=True)}
    assert "the time of year" not in found


@pytest.mark.parametrize("text", [
    "Fans sang for hours. It was a really great night.",
    "The coach spoke. He said the award reinforces what we did on that fantastic night.",
    "Wales have lost nine of their 14 matches since that heady night in Sydney.",
    "The club is thriving. Liverpool revel in night of glory.",
])
def test_a_part_of_day_told_of_as_an_occasion_is_no_time(nlp, text):
    assert "night" not in by_text(nlp, text, MARCH)


def test_a_part_of_day_of_the_clock_keeps_its_value(nlp):
    found = by_text(nlp, "Trading was slow. Shares were up 56 pence by mid-morning.", MARCH)
    assert found["morning"].value == "2009-03-04TMO"


def test_a_clock_time_said_with_its_day_ahead_takes_that_day_in_a_past_telling(nlp):
    # published on a Friday: the plan told in the past is for the next day
    found = by_text(nlp, "Plans changed. Palin was scheduled to speak to the delegates Saturday "
                    "morning between 10-11 a.m. with Cruz.", dt.date(2016, 4, 15))
    assert found["Saturday morning"].value == "2016-04-16TMO"
    assert found["10"].value == "2016-04-16T10:00"
    assert found["11 a.m."].value == "2016-04-16T11:00"


@pytest.mark.parametrize(("text", "mention"), [
    ("Clinton has said she would not go above a $12 minimum wage at this time.", "this time"),
    ("Of those who can win, at this juncture, Cruz is the most consistent.", "this juncture"),
])
def test_at_this_time_is_now_in_timex3s_reading(nlp, text, mention):
    found = {m.text: m.value for m in run_with(nlp, text, MARCH, vague_references=True)}
    assert found[mention] == "PRESENT_REF"


@pytest.mark.parametrize("text", [
    "Applications are 9% lower than last year's level at this time.",
    "Many people have flu at this time of year.",
    "At this time (between 5-7pm), dinner is served.",
    "This time she might claim the top prize.",
])
def test_at_this_time_of_another_period_or_occasion_is_not_now(nlp, text):
    found = {m.text for m in run_with(nlp, text, MARCH, vague_references=True)}
    assert "this time" not in found


def test_a_year_set_beside_a_festival_name_dates_that_edition(nlp):
    found = by_text(nlp, "The fete was a success. Silfest 2011 supported the Wildlife Trust.",
                    dt.date(2011, 10, 6))
    assert found["2011"].value == "2011"


WEDNESDAY = dt.date(2005, 2, 23)


@pytest.mark.parametrize(("text", "mention", "value"), [
    ("He will take care of team affairs for Saturday's Premiership match.", "Saturday",
     "2005-02-26"),
    ("He says he is totally focused on Sunday's Six Nations clash with England.", "Sunday",
     "2005-02-27"),
    ("Robinson is likely to make changes as he contemplates Sunday's set-to with France.",
     "Sunday", "2005-02-27"),
    ("Holloway is hoping to complete the signing before Saturday's match at Ipswich.",
     "Saturday", "2005-02-26"),
    ("Bergamasco was replaced at flanker in Italy's team to face Scotland on Saturday.",
     "Saturday", "2005-02-26"),
])
def test_a_day_a_team_readies_for_is_ahead(nlp, text, mention, value):
    assert by_text(nlp, "Rugby news. " + text, WEDNESDAY)[mention].value == value


@pytest.mark.parametrize(("text", "mention", "value"), [
    ("Gardener shook off an upset stomach to win the 60m at Sunday's Leipzig meeting.",
     "Sunday", "2005-02-20"),
    ("Tickets for Saturday's game sold out in an hour.", "Saturday", "2005-02-19"),
    ("Many had expected sales to fall slightly on Monday.", "Monday", "2005-02-21"),
])
def test_a_day_gone_stays_gone_beside_a_plan_or_a_purpose(nlp, text, mention, value):
    assert by_text(nlp, "Sport news. " + text, WEDNESDAY)[mention].value == value


def test_a_day_of_an_event_one_would_return_for_is_ahead(nlp):
    found = by_text(nlp, "Football news. Wenger would not be drawn on whether Lehmann would "
                    "return for the top-of-the table clash with Chelsea on Sunday.",
                    dt.date(2004, 12, 9))
    assert found["Sunday"].value == "2004-12-12"
    found = by_text(nlp, "Football news. He was suspended for the game on Sunday.",
                    dt.date(2004, 12, 9))
    assert found["Sunday"].value == "2004-12-05"


@pytest.mark.parametrize("text", [
    'But he told the Evening Standard: "I do not feel it will be necessary."',
    "Evening Standard film critic Derek Malcolm said the film was a triumph.",
])
def test_a_newspaper_named_for_a_part_of_day_is_a_name(nlp, text):
    found = {m.text for m in run_with(nlp, "Film news. " + text, MARCH, vague_references=True)}
    assert not found & {"the Evening", "Evening"}


def test_a_season_in_a_past_decision_to_act_is_the_nearest(nlp):
    found = by_text(nlp, "Athletics news. The agency decided to press charges against Collins in "
                    "the summer. She has protested.", dt.date(2004, 12, 10))
    assert found["the summer"].value == "2004-SU"


def test_a_month_someone_is_urged_to_act_in_is_ahead(nlp):
    found = by_text(nlp, "Football news. Gerrard has urged the board to sign Morientes in the "
                    "January transfer window.", dt.date(2004, 12, 13))
    assert found["January"].value == "2005-01"


@pytest.mark.parametrize(("text", "mention", "value"), [
    ("Radcliffe sprinted clear to win in two hours, 23 minutes and 10 seconds.",
     "two hours, 23 minutes and 10 seconds", "PT2H23M10S"),
    ("McIlroy won the 800m in a time of one minute, 47.97 seconds.",
     "one minute, 47.97 seconds", "PT1M47.97S"),
    ("The record stands at eight minutes, 04.69 seconds.", "eight minutes, 04.69 seconds",
     "PT8M4.69S"),
])
def test_the_parts_of_a_time_won_in_are_one_duration(nlp, text, mention, value):
    assert by_text(nlp, "Athletics news. " + text, MARCH)[mention].value == value


def test_a_second_length_of_time_after_a_comma_stays_apart(nlp):
    found = by_text(nlp, "Talks news. The talks lasted three hours, and 20 minutes later he left.",
                    MARCH)
    assert found["three hours"].value == "PT3H"


MAY_2013 = dt.date(2013, 5, 2)


@pytest.mark.parametrize("text", [
    "He was elected in the third round with 1897 votes.",
    "Joe Letts received 1793 votes in the first round.",
    "Hunt's plan gives a boost of 1500 more students.",
])
def test_a_number_counting_a_plural_far_from_any_year_near_is_no_year(nlp, text):
    assert by_text(nlp, "Election news. " + text, MAY_2013) == {}


def test_a_year_near_the_publication_before_a_plural_is_still_a_year(nlp):
    found = by_text(nlp, "Results news. The firm reported 2012 profits above forecasts.",
                    MAY_2013)
    assert found["2012"].value == "2012"


def test_a_clock_range_with_dots_between_dashes_is_two_times_of_the_day_named(nlp):
    found = by_text(nlp, "Strategy news. There will be open meetings on 17 April from 13.00 -14.00 "
                    "and on 25 April from 17.00-18.00 in the Clore Lecture Theatre.", MAY_2013)
    assert [found[t].value for t in ("13.00", "14.00", "17.00", "18.00")] == [
        "2013-04-17T13:00", "2013-04-17T14:00", "2013-04-25T17:00", "2013-04-25T18:00"]
    assert "13.00" not in by_text(nlp, "Markets news. Shares rose from 13.00 to 14.00.", MAY_2013)


@pytest.mark.parametrize(("text", "year"), [
    ("Changes to alcohol policy for Varsity 2014 were announced.", "2014"),
    ("The society returns with Malaysian Night 2013, the annual production.", "2013"),
    ("When the 2011 Sabbatical and Student Trustee elections opened, the site crashed.", "2011"),
])
def test_a_year_beside_the_name_of_a_yearly_event_dates_that_edition(nlp, text, year):
    assert by_text(nlp, "Union news. " + text, dt.date(2014, 1, 31))[year].value == year


def test_a_part_of_day_of_an_ordinal_day_takes_the_month_after_it(nlp):
    found = by_text(nlp, "Inquest news. He fell to his death on the morning of the 19th February "
                    "2018.", dt.date(2018, 6, 15))
    assert found["the morning of the 19th February 2018"].value == "2018-02-19TMO"


def test_two_ordinal_days_of_a_month_written_with_a_slash_are_two_days(nlp):
    found = by_text(nlp, "Society news. Keep yourselves free on the 9th/10th of March.",
                    dt.date(2013, 3, 1))
    assert (found["the 9th"].value, found["10th of March"].value) == ("2013-03-09", "2013-03-10")


def test_a_split_year_written_whole_is_two_years_in_timex3(nlp):
    found = {m.text: m.value for m in run_with(
        nlp, "Credit news. Students left credit at the end of the 2012/2013 academic year.",
        dt.date(2014, 2, 7), vague_references=True, timeml_extents=True)}
    assert (found["2012"], found["2013"]) == ("2012", "2013")


def test_a_month_naming_an_event_in_a_clause_told_as_past_is_the_nearest(nlp):
    found = by_text(nlp, "Campaign news. Mitt Romney, who helped launch the movement with a March "
                    "speech, will not be present at the convention.", dt.date(2016, 5, 5))
    assert found["March"].value == "2016-03"
    found = by_text(nlp, "Football news. Liverpool may launch an £8m January bid for Morientes.",
                    dt.date(2005, 2, 16))
    assert found["January"].value == "2006-01"


def test_a_time_clause_told_as_past_is_not_made_future_by_a_quote_after_it(nlp):
    found = by_text(nlp, "Campaign news. When he first described the wall in December, he said, "
                    "“We’re going to do a wall; we’re going to have a big, fat beautiful door.”",
                    dt.date(2016, 8, 25))
    assert found["December"].value == "2015-12"


@pytest.mark.parametrize("text", [
    "The side will face the 54th ranked Chinese on 29 March.",
    "The match will be played and broadcast on 29 March.",
])
def test_a_verb_joined_to_one_with_will_shares_its_future(nlp, text):
    assert by_text(nlp, "Football news. " + text, dt.date(2005, 2, 2))["29 March"].value == \
        "2005-03-29"


@pytest.mark.parametrize(("text", "day", "published", "value"), [
    # the plain present of a plan points ahead, past the nearest such day
    ("He and Arafat meet separately Monday with Albright.", "Monday", "1998-05-01",
     "1998-05-04"),
    ("Voters go to the polls on Tuesday.", "Tuesday", "1998-05-01", "1998-05-05"),
    ("The gadget goes on sale on Tuesday in Europe.", "Tuesday", "1998-05-01", "1998-05-05"),
    ("England play France on 7 September and Cyprus on 8 October.", "7 September",
     "2005-02-02", "2005-09-07"),
])
def test_a_day_hung_on_a_verb_in_the_plain_present_is_ahead(nlp, text, day, published, value):
    found = by_text(nlp, "Sport news\n" + text, dt.date.fromisoformat(published))
    assert found[day].value == value


@pytest.mark.parametrize(("text", "day", "value"), [
    # a telling, a state, a sentence that also tells the past, a headline: the latest
    ("The minister says on Monday that talks failed.", "Monday", "1998-04-27"),
    ("This compares with $1.35 in late trading on Monday.", "Monday", "1998-04-27"),
    ("Tech stocks hurt the index, which fell 1% on Monday.", "Monday", "1998-04-27"),
])
def test_a_plain_present_that_tells_no_plan_keeps_the_latest_day(nlp, text, day, value):
    assert by_text(nlp, "Market news\n" + text, dt.date(1998, 5, 1))[day].value == value
    assert by_text(nlp, "Arafat meets Albright on Monday\nThe talks were long.",
                   dt.date(1998, 5, 1))["Monday"].value == "1998-04-27"


@pytest.mark.parametrize(("text", "day", "value"), [
    # published on Thursday 3 March 2016
    ("Kane will miss Sunday's final against Chelsea.", "Sunday", "2016-03-06"),
    ("The fly-half will start Sunday's match at Murrayfield.", "Sunday", "2016-03-06"),
    ("Rubio will face Trump in Tuesday's primary in Florida.", "Tuesday", "2016-03-08"),
    ("Cudicini will miss Sunday's Carling Cup final.", "Sunday", "2016-03-06"),
    # the event only named, not taken part in: the nearest such day
    ("Proceeds from Monday's show will go to charity.", "Monday", "2016-02-29"),
    ("The FA will look into Monday's incident.", "Monday", "2016-02-29"),
    ("The FA will take no action following his sending-off in Monday's Carling Cup final.",
     "Monday", "2016-02-29"),
])
def test_a_fixture_a_future_clause_takes_part_in_is_ahead(nlp, text, day, value):
    assert by_text(nlp, "Sport news\n" + text, dt.date(2016, 3, 3))[day].value == value


def test_a_fixture_that_is_on_a_day_is_ahead(nlp):
    # published on Wednesday 16 February 2005
    found = by_text(nlp, "Sport news\nThe final is on Saturday. It was on Monday.",
                    dt.date(2005, 2, 16))
    assert (found["Saturday"].value, found["Monday"].value) == ("2005-02-19", "2005-02-14")
    found = by_text(nlp, "Film news\nStars are expected to attend Saturday's ceremony.",
                    dt.date(2005, 2, 16))
    assert found["Saturday"].value == "2005-02-19"


def test_a_four_digit_clock_before_the_channel_showing_it_is_a_time(nlp):
    found = by_text(nlp, "Sport news\nWatch the replay live on Wednesday 19 January, from 1930 "
                    "on BBC One.", dt.date(2005, 1, 17))
    assert (found["1930"].type, found["1930"].value) == ("TIME", "2005-01-19T19:30")
    found = by_text(nlp, "TV news\nThe series ran from 1930 to 1945 on the radio.",
                    dt.date(2005, 1, 17))
    assert found["1930"].value == "1930"
