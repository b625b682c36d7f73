"""Dates as business news writes them: periods compared with the year before, halves of the
year, the full year, trading days.

Sentences of our own. Published 2016-01-12 is a Tuesday (first quarter, first half)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.dates.test_dates import by_text, run_with

SUMMER = dt.date(2015, 7, 30)  # a Thursday, in the third quarter and the second half


def test_a_year_earlier_takes_the_period_of_its_sentence(nlp):
    found = by_text(nlp, "Exports rose 4 per cent in November from a year earlier.")
    assert found["November"].value == "2015-11"
    assert found["a year earlier"].value == "2014-11"
    found = by_text(nlp, "Its loss in the third quarter of 2015 was wider than a year ago.")
    assert found["a year ago"].value == "2014-Q3"
    # A year named in the sentence: the year before it.
    found = by_text(nlp, "In 2013 the bakery sold 40 per cent more bread than a year earlier.")
    assert found["a year earlier"].value == "2012"
    # The quarter reported on, not the one it was compared with ("down from ... in the
    # fourth quarter of 2014"), nor a month of a quarter named by its months.
    text = ("The carmaker's profit fell in the last quarter of 2015. It earned $630m in the "
            "October-to-December period, down from $1bn in the fourth quarter of 2014. Its "
            "revenues rose 4.7% from a year earlier.")
    assert by_text(nlp, text)["a year earlier"].value == "2014-Q4"
    # A year named as the point compared with is not the year reported on.
    text = ("Net income jumped to 3bn yuan in 2015, compared with 1.4bn yuan in 2014. Sales "
            "surged to 6.2bn yuan, from 3bn yuan a year earlier.")
    assert by_text(nlp, text)["a year earlier"].value == "2014"


def test_a_year_earlier_than_a_quarter_or_annual_figures(nlp):
    text = ("Profit rose to 2bn rupees in the last three months of 2015 compared with 1.4bn "
            "rupees a year earlier.")
    assert by_text(nlp, text)["a year earlier"].value == "2014-Q4"
    text = "Profit rose 44% during October to December, from $142m a year earlier."
    found = by_text(nlp, text)
    assert (found["October to December"].value, found["a year earlier"].value) == \
        ("2015-Q4", "2014-Q4")
    # annual figures reported in a month compare with the year before, not that month
    text = "In July, the firm reported an annual turnover of £8.89bn, down from £9.28bn a year earlier."
    assert by_text(nlp, text)["a year earlier"].value == "2014"


def test_kinds_of_years_and_hours_are_not_durations(nlp):
    text = ("Shares fell in after-hours trade. The cars are from the 2014 and 2015 model years, "
            "and it spends more on people in their retirement years.")
    found = run_with(nlp, text, vague_references=True, timeml_extents=True)
    assert [mention.text for mention in found] == ["2014", "2015"]


def test_during_the_year_is_the_year_spoken_of(nlp):
    found = by_text(nlp, "During the year, the service will be extended to all regions.")
    assert found["the year"].value == "2016"
    found = by_text(nlp, "The index gained 7.6% during the year to close at 11,488.",
                    dt.date(2004, 12, 30))
    assert found["the year"].value == "2004"
    # a span ahead "over the year" names no calendar year
    assert by_text(nlp, "We expect to cut 150 posts over the year.") == {}
    # the year that "had begun well" is the one under way
    assert by_text(nlp, "The firm said the year had begun well.")["the year"].value == "2016"


def test_the_same_period_of_a_year_named_in_its_sentence(nlp):
    text = ("During November the firm exported goods worth £16.9bn. The deficit for the first "
            "eleven months of 2015 stands at £36.3bn, higher than the same period in 2014.")
    assert by_text(nlp, text)["the same period in 2014"].value == "2014"


def test_figures_for_the_year_are_of_the_year_just_spoken_of(nlp):
    text = ("Retail sales rose 1.2% in December. Sales climbed 8% for the year, the best "
            "since 1999.")
    assert by_text(nlp, text)["the year"].value == "2015"  # published in January 2016
    # A month named to compare with does not set the year.
    text = ("Volumes in December were higher than in the same month last year. Profit for "
            "the year rose 5%.")
    assert by_text(nlp, text)["the year"].value == "2015"



def test_a_whole_year_told_of_in_the_past_early_in_the_next_is_the_year_just_ended(nlp):
    february = dt.date(2016, 2, 25)
    text = "Revenues were £4.3bn. During the year the group bought a rival agency."
    assert by_text(nlp, text, february)["the year"].value == "2015"
    text = "For the year as a whole, its operating profits fell 46%."
    assert by_text(nlp, text, february)["the year"].value == "2015"
    # A year still ahead, or one told of later in the year, is the article's own.
    text = "For the year as a whole, operating profits are expected to fall."
    assert by_text(nlp, text, february)["the year"].value == "2016"
    text = "Revenues were £4.3bn. During the year the group bought a rival agency."
    assert by_text(nlp, text, dt.date(2016, 9, 1))["the year"].value == "2016"


def test_figures_to_come_for_a_month_gone_are_of_that_month(nlp):
    november = dt.date(2015, 11, 24)
    text = "Figures due tomorrow are expected to show consumer prices in October unchanged."
    assert by_text(nlp, text, november)["October"].value == "2015-10"
    text = "The figures for October will be published next week."
    assert by_text(nlp, text, november)["October"].value == "2015-10"
    # Not a month ahead, nor an event to come.
    assert by_text(nlp, "Sales will rise in December.", november)["December"].value == "2015-12"
    text = "The trust will hold its annual meeting in October."
    assert by_text(nlp, text, november)["October"].value == "2016-10"


def test_the_previous_quarter_compared_with_is_before_the_one_just_closed(nlp):
    # Published in January 2016: the figures are of 2015-Q4, compared with 2015-Q3.
    text = "The jobless rate rose to 5.2% from 5.1% in the previous quarter."
    assert by_text(nlp, text)["the previous quarter"].value == "2015-Q3"
    # Not compared with: the quarter just closed.
    text = "Economic growth slowed in the previous quarter."
    assert by_text(nlp, text)["the previous quarter"].value == "2015-Q4"


def test_a_year_closed_by_a_month_is_compared_with_a_year(nlp):
    text = "Profits for the year to March will be 10% lower than the previous year."
    assert by_text(nlp, text)["the previous year"].value == "2015"  # the year to March 2016
    # Three months to March are compared with the same months a year before.
    text = "Profit in the three months to March rose 5% from a year earlier."
    assert by_text(nlp, text, dt.date(2016, 5, 10))["a year earlier"].value == "2015-Q1"


def test_six_months_to_a_year_end_or_mid_year_are_a_half(nlp):
    text = "Net profit in the six months ending 31 December rose 28% from a year earlier."
    assert by_text(nlp, text, dt.date(2016, 2, 17))["a year earlier"].value == "2014-H2"
    text = "Sales rose in the last six months of 2014 from a year earlier."
    assert by_text(nlp, text)["a year earlier"].value == "2013-H2"

def test_a_year_ago_takes_a_quarter_named_only_nearby(nlp):
    text = ("Profit fell in the third quarter. The firm has 40 shops. It sells tea. It sells "
            "coffee. Stocks of gas are 7.5% below the levels of a year ago.")
    assert by_text(nlp, text)["a year ago"].value == "2015"
    text = "Profit fell in the third quarter. It was £5m a year ago."
    assert by_text(nlp, text)["a year ago"].value == "2014-Q3"


def test_a_month_earlier_in_a_comparison_is_the_month_before(nlp):
    found = by_text(nlp, "Industrial output rose 2.1% in November from a month earlier.")
    assert found["a month earlier"].value == "2015-10"
    found = by_text(nlp, "Retail sales surged in December. Sales rose 1.2% in the month, "
                         "compared to 0.1% a month earlier.")
    assert found["a month earlier"].value == "2015-11"  # the month of the sentence before
    # Told of an event, not a comparison: the duration (TimeBank's "two weeks earlier").
    assert by_text(nlp, "In January he said he had left a month earlier.")[
        "a month"].value == "P1M"


def test_a_year_on_year_basis_is_no_time(nlp):
    assert set(by_text(nlp, "Spending rose 3.8% on a year-on-year basis in March.")) == {"March"}


def test_the_same_period_in_another_year(nlp):
    found = by_text(nlp, "Sales in the fourth quarter rose to £80m from £70m in the same "
                         "quarter last year.")
    assert found["the fourth quarter"].value == "2015-Q4"
    assert found["the same quarter last year"].value == "2014-Q4"
    found = by_text(nlp, "Car sales rose 9 per cent in December compared with the same month "
                         "a year earlier.")
    assert found["the same month a year earlier"].value == "2014-12"
    found = by_text(nlp, "Orders in the third quarter of 2015 matched the same period of 2012.")
    assert found["the same period of 2012"].value == "2012-Q3"
    # Nothing to compare with in the text: the year alone.
    assert by_text(nlp, "Prices were higher than in the same period last year.")[
        "the same period last year"].value == "2015"
    # The year written before the period; the quarter just named.
    found = by_text(nlp, "Net profit surged 70% in the last three months of 2015 compared with "
                         "a year earlier. Sales were up 27% from the same 2015 period.")
    assert found["the same 2015 period"].value == "2015-Q4"
    assert by_text(nlp, "Profits fell from the comparable 2015 quarter.")[
        "the comparable 2015 quarter"].value == "2015-Q4"


def test_a_half_of_the_year_in_a_business_report(nlp):
    found = by_text(nlp, "Profit in the first half rose 12 per cent.", SUMMER)
    assert found["the first half"].value == "2015-H1"
    # Said in January about a half not yet begun: the one last reported.
    assert by_text(nlp, "The retailer's sales fell in the second half.")[
        "the second half"].value == "2015-H2"
    assert by_text(nlp, "The company expects orders to recover in the second half.")[
        "the second half"].value == "2016-H2"
    found = by_text(nlp, "Net income rose to $9m in the first half from $7m a year earlier.",
                    SUMMER)
    assert found["a year earlier"].value == "2014-H1"


def test_a_bare_part_of_the_year_is_of_the_year_its_sentence_names(nlp):
    found = by_text(nlp, "The group expects a quiet start to 2017 with the market picking up "
                         "in the second half - prompting a 3% rise in prices.")
    assert found["the second half"].value == "2017-H2"  # a spaced dash is not "half-marathon"
    found = by_text(nlp, "Profit in 2013 was hit by losses in the first quarter.")
    assert found["the first quarter"].value == "2013-Q1"
    # A year in a clause about someone or something else does not date the part.
    found = by_text(nlp, "The drug, launched in 2003, gave 38 per cent of sales in the first "
                         "half.", SUMMER)
    assert found["the first half"].value == "2015-H1"
    found = by_text(nlp, "Its first loss since 2001 came in the third quarter.", SUMMER)
    assert found["the third quarter"].value == "2015-Q3"


def test_a_half_of_a_match_is_not_a_date(nlp):
    assert by_text(nlp, "Rovers scored twice in the second half to win the cup.") == {}
    assert by_text(nlp, "The first half of the film is slow.") == {}
    assert by_text(nlp, "He scored a first-half goal.") == {}


def test_a_half_before_figures_is_a_half_year(nlp):
    found = by_text(nlp, "The airline posted a record fiscal first-half profit.", SUMMER)
    assert found["fiscal first-half"].value == "2015-H1"
    assert by_text(nlp, "Second-half sales will slow.", SUMMER)["Second-half"].value == "2015-H2"


def test_a_year_earlier_than_the_half_its_sentence_closed(nlp):
    # The half the sentence closes, not the one the headline named.
    found = by_text(nlp, "Airline posts record first-half profit\nNet profit in the six months "
                         "ending 31 December rose 28% from a year earlier.", dt.date(2016, 2, 17))
    assert found["a year earlier"].value == "2014-H2"


def test_the_full_year(nlp):
    found = by_text(nlp, "The airline still expects a profit for the full year.", SUMMER)
    assert found["the full year"].value == "2015"


def test_trading_and_working_days_are_days(nlp):
    found = by_text(nlp, "The shares had lost a third of their value in the previous five "
                         "trading days.")
    assert found["the previous five trading days"].value == "P5D"
    assert found["the previous five trading days"].type == "DURATION"
    assert by_text(nlp, "Refunds are paid within ten working days.")[
        "ten working days"].value == "P10D"


def test_a_decade_ago_is_a_decade(nlp):
    assert by_text(nlp, "The firm was founded a decade ago.")["a decade ago"].value == "200"


def test_a_clock_time_does_not_hang_on_a_deadline_still_to_come(nlp):
    text = ("The offer runs until March 31. Trading in the shares was halted in the morning and "
            "resumed at 11:30 a.m.")
    found = by_text(nlp, text)
    assert found["March 31"].value == "2016-03-31"
    assert found["11:30 a.m."].value == "2016-01-12T11:30"
    # A day already past still dates the time that follows it.
    found = by_text(nlp, "The fire started on Sunday. Crews arrived at 4 a.m.")
    assert found["4 a.m."].value == "2016-01-10T04:00"


def test_timeml_marks_a_clock_time_and_its_day_apart(nlp):
    text = "The offer closes at 5 p.m. on April 13. Talks resume on Friday at 9am."
    assert [(m.text, m.type, m.value) for m in run_with(nlp, text, timeml_extents=True)] == [
        ("5 p.m.", "TIME", "2016-04-13T17:00"), ("April 13", "DATE", "2016-04-13"),
        ("Friday", "DATE", "2016-01-15"), ("9am", "TIME", "2016-01-15T09:00")]
    # The records keep each as one moment.
    assert [m.text for m in by_text(nlp, text).values()] == ["5 p.m. on April 13",
                                                             "Friday at 9am"]


def test_the_time_of_the_trading_is_a_time(nlp):
    found = by_text(nlp, "Shares in the bank rose 3 per cent in morning trading.")
    assert found["morning"].value == "2016-01-12TMO"
    found = by_text(nlp, "The grocer said Christmas trading was its best ever.")
    assert found["Christmas"].value == "2015-12-25"
    # Still a kind of thing, not a time: "evening classes".
    assert by_text(nlp, "The college runs evening classes in Welsh.") == {}


def test_a_year_ago_inside_a_comparison(nlp):
    found = by_text(nlp, "Shoppers started earlier than a year ago.")
    assert found["a year ago"].value == "2015"
    assert by_text(nlp, "The plant closed 3 years ago.")["3 years ago"].value == "2013"


def test_a_day_to_measure_from_does_not_date_what_follows(nlp):
    text = ("The index has risen 40 per cent since its low on January 4. Buying was heavy from "
            "the opening at 9 a.m.")
    assert by_text(nlp, text)["9 a.m."].value == "2016-01-12T09:00"
    # The day the story moved to still does.
    text = "The index fell on January 4. Buying was heavy from the opening at 9 a.m."
    assert by_text(nlp, text)["9 a.m."].value == "2016-01-04T09:00"


def test_a_quarter_far_ahead_is_the_one_last_reported(nlp):
    found = by_text(nlp, "The bank will report its results for the fourth quarter on February 2.")
    assert found["the fourth quarter"].value == "2015-Q4"
    # A quarter a few months off, looking ahead, is this year's.
    assert by_text(nlp, "The phone will go on sale in the third quarter.")[
        "the third quarter"].value == "2016-Q3"


def test_the_same_period_this_year(nlp):
    found = by_text(nlp, "Its share fell from 40 per cent in the first quarter of 2014 to 30 "
                         "per cent in the same period this year.", SUMMER)
    assert found["the same period this year"].value == "2015-Q1"


def test_a_season_of_a_year_named_by_its_distance(nlp):
    found = by_text(nlp, "The hybrid model will go on sale in the autumn of next year.")
    assert found["the autumn of next year"].value == "2017-FA"
    assert "next year" not in found


def test_a_quarter_of_a_unit(nlp):
    assert by_text(nlp, "He led the firm for a quarter of a century.")[
        "a quarter of a century"].value == "P25Y"
    assert by_text(nlp, "The talks lasted three quarters of an hour.")[
        "three quarters of an hour"].value == "PT45M"
    assert by_text(nlp, "A quarter of the staff left.") == {}


def test_a_verb_joined_to_a_plan_keeps_its_own_tense(nlp):
    # "decided" is joined to "planned" (a word of intent) but tells of the past itself.
    text = ("She had planned to stay until 2018, but the board decided in the autumn that the "
            "firm needed a change.")
    assert by_text(nlp, text, SUMMER)["the autumn"].value == "2014-FA"
    text = "Analysts had expected a delay, but the firm shipped the phones on Tuesday."
    assert by_text(nlp, text, SUMMER)["Tuesday"].value == "2015-07-28"
    # So does a clause that tells of the plan: "a plan it put forward in January".
    text = "The firm wants to shut the scheme in 2016, a plan it put forward in January."
    assert by_text(nlp, text, SUMMER)["January"].value == "2015-01"


def test_a_perfect_infinitive_after_a_word_of_intent_looks_ahead(nlp):
    text = "The maker expects to have replaced every battery by the end of March."
    assert by_text(nlp, text)["the end of March"].value == "2016-03"


def test_years_and_days_are_one_duration(nlp):
    assert by_text(nlp, "He has run the Treasury for seven years and 43 days.")[
        "seven years and 43 days"].value == "P7Y43D"
    # Two ways of saying one year stay apart.
    found = by_text(nlp, "Leave is counted over a 12 month and 52 week year.")
    assert "12 month and 52 week" not in found


def test_a_bare_year_or_week_the_sentence_ties_down(nlp):
    found = by_text(nlp, "The chain sold 2 million kettles in the year to March 31.")
    assert found["the year"].value == "P1Y" and found["the year"].type == "DURATION"
    assert found["March 31"].value == "2015-03-31"  # sold: the March 31 gone by
    found = by_text(nlp, "The airline lost £40m in the first nine months of the year.", SUMMER)
    assert found["the year"].value == "2015"
    found = by_text(nlp, "The index gained 400 points in the first two trading days of the week.")
    assert found["the week"].value == "2016-W02"
    assert "the week" not in by_text(nlp, "The pharmacy is open seven days of the week.")
    found = by_text(nlp, "In 2013 the mill made 400 tonnes in the first half of the year.")
    assert "the first half of the year" in found or found["the year"].value == "2013"
    assert by_text(nlp, "For the year, pet food volume was up 4 per cent.", SUMMER)[
        "the year"].value == "2015"
    assert by_text(nlp, "Oslo shares ended the week 3 per cent higher.", SUMMER)[
        "the week"].value == "2015-W31"
    # Not tied down: a title (the records leave it out; TIMEX3 marks its year), a generic week.
    assert by_text(nlp, "She was named player of the year.") == {}
    assert [(m.text, m.value) for m in run_with(nlp, "She was named player of the year.",
                                                vague_references=True)] == [("the year", "2016")]
    assert by_text(nlp, "Clinics open on different days of the week.") == {}


def test_a_year_earlier_after_a_month_in_the_sentence_before(nlp):
    text = ("Unemployment rose to 8.1 per cent in September. The rate was 6.3 per cent a year "
            "earlier.")
    assert by_text(nlp, text, SUMMER)["a year earlier"].value == "2013-09"


def test_a_point_of_comparison_is_not_the_period_compared(nlp):
    text = ("The bank made a loss in the fourth quarter of 2014, its first since 2009, and its "
            "income fell 9 per cent from a year earlier.")
    assert by_text(nlp, text, SUMMER)["a year earlier"].value == "2013-Q4"


def test_the_previous_quarter_is_the_one_before_the_quarter_named(nlp):
    text = "The economy grew 0.4 per cent in the second quarter from the previous quarter."
    assert by_text(nlp, text, SUMMER)["the previous quarter"].value == "2015-Q1"
    # None named: the one before the current quarter.
    assert by_text(nlp, "Profit fell in the previous quarter.", SUMMER)[
        "the previous quarter"].value == "2015-Q2"


def test_the_fall_of_a_market_is_not_autumn(nlp):
    assert by_text(nlp, "Carmakers led the fall after the results.") == {}
    assert by_text(nlp, "The plant reopened in the fall.", SUMMER)["the fall"].value == "2014-FA"


def test_the_weekend_of_a_holiday(nlp):
    found = by_text(nlp, "Sales over the Easter weekend were the best in years.", SUMMER)
    assert found["the Easter weekend"].value == "2015-W14-WE"  # Easter Sunday: 5 April 2015
    # A Monday holiday's weekend is the one before it.
    found = by_text(nlp, "Petrol hit a record over the Memorial Day weekend.", SUMMER)
    assert found["the Memorial Day weekend"].value == "2015-W21-WE"  # Monday 25 May 2015


def test_within_hours_is_a_vague_span_in_timex3(nlp):
    found = run_with(nlp, "The tablets sold out within hours. Staff work office hours.", SUMMER,
                     vague_references=True)
    assert [(m.text, m.value) for m in found] == [("hours", "PTXH")]
    assert by_text(nlp, "The tablets sold out within hours.") == {}  # records: vague, left out


def test_the_day_of_a_report_does_not_date_the_events_told(nlp):
    text = ("The jet crashed at Leeds on April 17 last year, investigators said in a report "
            "yesterday. The aircraft left the runway at about 9:15 p.m.")
    assert by_text(nlp, text)["9:15 p.m."].value == "2015-04-17T21:15"
    # A day of the events themselves still dates the time that follows.
    text = "The jet crashed at Leeds on Sunday. It left the runway at 9:15 p.m."
    assert by_text(nlp, text)["9:15 p.m."].value == "2016-01-10T21:15"


def test_a_full_year_and_the_first_hour_of_trading(nlp):
    assert by_text(nlp, "Each rise costs the firm £4m over a full year.")[
        "a full year"].value == "P1Y"
    found = by_text(nlp, "The index fell 5 per cent in the first hour of trading.")
    assert found["the first hour"].value == "PT1H"
    # A week of a month is a date, not a span of one week.
    assert by_text(nlp, "The first week of March was busy.")[
        "The first week of March"].value == "2015-W10"  # was: the March gone by


@pytest.mark.parametrize(("sentence", "mention", "value"), [
    # The quarter a month ends is named by the month, as companies report it...
    ("Revenue in the December quarter rose 6 per cent.", "the December quarter", "2015-Q4"),
    ("The September quarter was its best yet.", "The September quarter", "2015-Q3"),
    ("Sales in the March quarter will fall.", "the March quarter", "2016-Q1"),
    # ... and the holiday trade is December's, its quarter the last of the year.
    ("Sales over the holiday shopping season fell.", "the holiday shopping season", "2015-12"),
    ("Profit in the holiday quarter beat forecasts.", "the holiday quarter", "2015-Q4"),
    # The months of a quarter joined as one word are the quarter, with or without its noun.
    ("Prices were down from £187,971 in July-September.", "July-September", "2015-Q3"),
    ("Growth slowed from 16.3% in the July-to-September quarter.",
     "the July-to-September quarter", "2015-Q3"),
    # "the third and fourth quarters": the bare ordinal is a quarter of its own.
    ("Prices fell between the third and fourth quarters of 2014.", "the third", "2014-Q3"),
    ("Prices fell between the third and fourth quarters of 2014.", "fourth quarters of 2014",
     "2014-Q4"),
])
def test_periods_named_by_a_month_or_the_holidays(nlp, sentence, mention, value):
    assert by_text(nlp, sentence)[mention].value == value


@pytest.mark.parametrize(("sentence", "published", "mention", "value"), [
    # "year-end" as a time is the end of the year the tense points to...
    ("The deal should close by year-end.", SUMMER, "year-end", "2015"),
    ("Rules should be in place by year's end.", SUMMER, "year's end", "2015"),
    ("The index has risen 4% since year-end.", SUMMER, "year-end", "2014"),
    ("The index has risen 4% since year-end.", dt.date(2016, 2, 29), "year-end", "2015"),
    # ... and the year's closing sales are that year's.
    ("Weak end-of-year sales hit the chain.", dt.date(2016, 1, 12), "end-of-year", "2015"),
])
def test_the_end_of_the_year_written_short(nlp, sentence, published, mention, value):
    assert by_text(nlp, sentence, published)[mention].value == value


def test_a_year_end_figure_is_no_date(nlp):
    assert "year-end" not in by_text(nlp, "In 2014, year-end net profit was below forecasts.")


def test_a_half_ahead_in_a_report_of_shipments(nlp):
    # the base model reads "second" and "half" apart here; our pattern joins them
    found = by_text(nlp, "He expected shipments to rise again in the second half as schools "
                         "replaced older machines.", dt.date(2004, 6, 14))
    assert found["the second half"].value == "2004-H2"
    assert "the second half" not in by_text(nlp, "Rooney scored in the second half.")


def test_timeml_marks_each_end_of_a_range_of_years_written_short(nlp):
    text = "The budget for 2007-13 and the 2015/16 accounts were agreed."
    found = {m.text: m.value for m in run_with(nlp, text, timeml_extents=True,
                                               vague_references=True)}
    assert found == {"2007": "2007", "13": "2013", "2015": "2015", "16": "2016"}
    # the records keep one year, the first
    assert by_text(nlp, "The 2015/16 accounts were agreed.")["2015/16"].value == "2015"
    # the end written with one digit is in its start's decade
    text = "The 2005-6 target for the deficit will be 4.3%."
    found = {m.text: m.value for m in run_with(nlp, text, timeml_extents=True,
                                               vague_references=True)}
    assert found == {"2005": "2005", "6": "2006"}
    assert by_text(nlp, text)["2005-6"].value == "2005"
    # a file name is no range
    assert run_with(nlp, "See Accounts2015-16_WEB.pdf.", timeml_extents=True) == []


def test_the_same_period_as_months_that_are_no_quarter_is_a_year(nlp):
    # April to July is no calendar quarter or half: the comparison is with the year before
    found = by_text(nlp, "Trade in April-July rose to $186m from $64m in the same period last "
                         "year.", dt.date(2004, 12, 13))
    assert found["the same period last year"].value == "2003"
    found = by_text(nlp, "Sales in July-September rose from the same period last year.",
                    dt.date(2004, 12, 13))
    assert found["the same period last year"].value == "2003-Q3"


def test_full_year_before_a_figure_is_a_kind_of_figure(nlp):
    # like "annual profits": what kind of figure, not a year; "for the full year" is the year
    text = "Ford reported higher fourth quarter and full-year profits. It expects a profit " \
           "for the full year."
    found = by_text(nlp, text, dt.date(2005, 1, 20))
    assert "full-year" not in found
    assert found["the full year"].value == "2005"


@pytest.mark.parametrize(("text", "expected"), [
    ("The peso's decade-long peg to the dollar was dropped.", ("decade-long", "P10Y")),
    ("The chancellor began a week-long tour of Africa.", ("week-long", "P1W")),
    ("The report followed a year-long inquiry.", ("year-long", "P1Y")),
    ("It ended the government's decades-long policy.", ("decades-long", "PXY")),
])
def test_a_unit_long_is_the_length_of_one_unit_or_some(nlp, text, expected):
    found = run_with(nlp, text, timeml_extents=True, vague_references=True)
    assert [(m.text, m.value) for m in found] == [expected]


def test_a_year_after_until_at_least_is_still_a_year(nlp):
    assert by_text(nlp, "The deal runs until at least 2018.")["2018"].value == "2018"
    assert by_text(nlp, "The plant employs at least 2018 people.") == {}


def test_a_half_of_the_year_is_of_the_year_its_sentence_named(nlp):
    found = by_text(nlp, "Prices rose 15% over the whole of 2014, but by only 3% in the second "
                         "half of the year.")
    assert found["the second half of the year"].value == "2014-H2"
    # no year named: the year the tense points to
    assert by_text(nlp, "The firm expects growth in the second half of the year.")[
        "the second half of the year"].value == "2016-H2"


@pytest.mark.parametrize(("text", "expected"), [
    ("Spending grew 4.6% in the third quarter, up from just 1.6% in the second.", "2015-Q2"),
    ("Profit rose 5% in the first quarter, up from 2% in the fourth.", "2014-Q4"),
    ("The firm grew in the first half of 2013 and shrank in the second.", "2013-H2"),
])
def test_a_bare_ordinal_after_a_quarter_or_half_is_another_of_them(nlp, text, expected):
    found = by_text(nlp, text, SUMMER)
    assert found["the " + text.rstrip(".").split(" the ")[-1]].value == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Profits were lower than in the preceding three quarters.", ("the preceding three quarters", "P9M")),
    ("Output rose over the preceding three months.", ("the preceding three months", "P3M")),
    ("Profit was higher than in the preceding year.", ("the preceding year", "2014")),
])
def test_preceding_reads_as_previous(nlp, text, expected):
    found = run_with(nlp, text, SUMMER, timeml_extents=True, vague_references=True)
    assert [(m.text, m.value) for m in found] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Fans would be left debating it for days and weeks to come.", [("days", "PXD"), ("weeks", "PXW")]),
    ("The protest went on for days.", [("days", "PXD")]),
    ("Staff asked for days off.", []),
    ("Unions called for days of action.", []),
])
def test_for_days_is_a_vague_span_of_time(nlp, text, expected):
    found = run_with(nlp, text, SUMMER, vague_references=True, timeml_extents=True)
    assert [(m.text, m.value) for m in found] == expected


def test_a_year_earlier_than_the_three_months_to_a_quarters_end_is_that_quarter(nlp):
    found = by_text(nlp, "Profits rose 76% for the three months to December, from $639m a year "
                         "earlier.")
    assert found["a year earlier"].value == "2014-Q4"
    # a month on its own stays a month
    found = by_text(nlp, "Exports rose 4 per cent in December from a year earlier.")
    assert found["a year earlier"].value == "2014-12"


def test_a_year_before_at_the_end_of_a_comparison_is_a_year_earlier(nlp):
    found = by_text(nlp, "Marsh posted a $676m loss for the last three months of 2014, against a "
                         "$375m profit a year before.")
    assert found["a year before"].value == "2013-Q4"
    # no comparison, or a point it counts from: a year's length, as "two years before"
    assert by_text(nlp, "He had left the firm a year before.")["a year"].value == "P1Y"
    assert by_text(nlp, "Profits rose from a year before the merger.")["a year"].value == "P1Y"


def test_a_quarter_inside_a_longer_base_model_date_is_read_whole(nlp):
    found = by_text(nlp, "House prices were 11.8% higher on the year in the last quarter of 2004, "
                         "down from 16.3% in the July-to-September quarter.")
    assert found["the last quarter of 2004"].value == "2004-Q4"
    assert "2004" not in found and "last quarter" not in found


def test_the_same_period_after_between_two_months_of_a_quarter_is_that_quarter(nlp):
    found = by_text(nlp, "Sales between October and December fell by a quarter from the same "
                         "period in 2013.")
    assert found["the same period in 2013"].value == "2013-Q4"
    assert (found["October"].value, found["December"].value) == ("2015-10", "2015-12")
    # two months named apart are no period
    found = by_text(nlp, "Sales rose in October and December.")
    assert (found["October"].value, found["December"].value) == ("2015-10", "2015-12")


def test_the_early_months_of_a_year_are_that_year_and_the_year_as_a_whole_too(nlp):
    found = by_text(nlp, "Only a strong performance in the early months of 2014 kept the year as "
                         "a whole from showing a decline.")
    assert found["the early months of 2014"].value == "2014"
    assert found["the year"].value == "2014"
    # a count of months is a duration, with its year apart
    found = run_with(nlp, "Profit rose in the last three months of 2014.", SUMMER,
                     timeml_extents=True, vague_references=True)
    assert [(m.text, m.value) for m in found] == [("three months", "P3M"), ("2014", "2014")]


@pytest.mark.parametrize(("text", "expected"), [
    ("It leaves GDP up 2.3% for the full year.", "2004"),
    ("For the full year, AMR posted a loss of $761m.", "2004"),
    ("It expects growth of 2% for the full year.", "2005"),
    ("It will break even for the full year.", "2005"),
])
def test_figures_for_the_full_year_early_in_the_next_are_of_the_year_just_ended(nlp, text,
                                                                                 expected):
    found = by_text(nlp, text, dt.date(2005, 2, 11))
    assert found["the full year"].value == expected


def test_the_years_figure_is_the_year_spoken_of(nlp):
    found = by_text(nlp, "Unemployment rose in December, making the year's average the highest "
                         "since 1990.", dt.date(2005, 1, 4))
    assert found["the year"].value == "2004"


@pytest.mark.parametrize(("text", "expected"), [
    ("Stormy year for insurers\nA string of storms has made 2004 the most expensive year yet.",
     "2004"),
    ("Mining firm hails 'great year'\nStrong sales helped it boost its profits by 40% in 2004.",
     "2004"),
    ("Economy ends year with spurt\nThe economy grew by an estimated 3.1% in 2004.", "2004"),
    ("Economy 'strong' in election year\nBusinesses are set to prosper in the next few months.",
     "2005"),
])
def test_a_headlines_bare_year_is_the_year_the_story_tells_of(nlp, text, expected):
    found = by_text(nlp, text, dt.date(2005, 1, 20))
    assert found["year"].value == expected


@pytest.mark.parametrize("text", ["Man jailed for year\nHe was jailed.",
                                  "Shares ahead of New Year\nThey fell."])
def test_a_headlines_year_of_length_or_holiday_is_no_bare_year(nlp, text):
    assert "year" not in by_text(nlp, text, dt.date(2005, 1, 20))
