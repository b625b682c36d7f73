"""Dates read from their context: durations counted from a moment in the text, quarters and
years counted from the date the article spoke of, holidays, time zones, kinds of things.

Sentences of our own. Published 2016-01-12 is a Tuesday."""

from __future__ import annotations

import datetime as dt

from tests.dates.test_dates import by_text, run, run_with


def test_a_count_of_units_later_is_a_duration(nlp):
    found = by_text(nlp, "She was admitted on 3 January and died four days later.")
    assert found["3 January"].value == "2016-01-03"
    assert found["four days"].value == "P4D"
    assert found["four days"].type == "DURATION"
    found = by_text(nlp, "The results came two weeks after the inspection.")
    assert found["two weeks"].value == "P2W"


def test_years_and_months_counted_from_the_date_in_context(nlp):
    found = by_text(nlp, "The unit opened in 2009 and closed the following year.")
    assert found["the following year"].value == "2010"
    found = by_text(nlp, "The ward shut in March 2014 and reopened later that month.")
    assert found["later that month"].value == "2014-03"
    found = by_text(nlp, "The ward shut in March 2014. It had been inspected the previous month.")
    assert found["the previous month"].value == "2014-02"
    # No date in context: the publication date counts.
    assert by_text(nlp, "Staff said the following year would be harder.")[
        "the following year"].value == "2017"


def test_a_year_earlier_is_the_quarter_spoken_of(nlp):
    text = ("Net income rose 12% in the second quarter. A year earlier, the company had "
            "lost $5 million.")
    found = by_text(nlp, text)
    assert found["the second quarter"].value == "2015-Q2"
    assert found["A year earlier"].value == "2014-Q2"
    found = by_text(nlp, "Sales fell from the 2014 third quarter and from the year-ago period.")
    assert found["the 2014 third quarter"].value == "2014-Q3"
    found = by_text(nlp, "Profit rose from the 2014 quarter and from last year's quarter.")
    assert found["the 2014 quarter"].value == "2014-Q4"  # the quarter just closed, in 2014
    assert found["last year's quarter"].value == "2015-Q4"
    # Without a quarter in the article a year earlier is a year.
    assert by_text(nlp, "A year earlier the hospital had 300 beds.")[
        "A year earlier"].value == "2015"


def test_holidays_counted_by_weekday(nlp):
    found = by_text(nlp, "The clinic shut over Thanksgiving and the spring bank holiday.",
                    dt.date(1999, 12, 1))
    assert found["Thanksgiving"].value == "1999-11-25"
    assert found["the spring bank holiday"].value == "1999-05-31"


def test_a_time_zone_joins_time_and_day(nlp):
    found = by_text(nlp, "Offers must arrive by 5 p.m. EST Nov. 9, the bank said.",
                    dt.date(1989, 11, 2))
    assert [(m.text, m.value) for m in found.values()] == [
        ("5 p.m. EST Nov. 9", "1989-11-09T17:00")]


def test_a_month_and_its_year_joined_by_in(nlp):
    found = by_text(nlp, "The survey ran between January and March in 2010.")
    assert found["January"].value == "2010-01"
    assert found["March in 2010"].value == "2010-03"


def test_reported_future_and_until_look_forward(nlp):
    # Thursday 2018-11-15: "Monday" in a past report of a plan is the coming one.
    published = dt.date(2018, 11, 15)
    found = by_text(nlp, "The head said the school would reopen on Monday.", published)
    assert found["Monday"].value == "2018-11-19"
    found = by_text(nlp, "She said that the school stays shut until at least Monday.", published)
    assert found["Monday"].value == "2018-11-19"


def test_kinds_and_shares_are_not_dates(nlp):
    text = ("The board raised its quarterly dividend at its annual meeting. Around a quarter "
            "of a million appointments moved to the Easter holidays, and the trust drew up "
            "winter plans for injuries seen on a winter evening or a snowy winter's morning.")
    assert by_text(nlp, text) == {}


def test_a_pair_of_days_ahead_is_in_order(nlp):
    found = run(nlp, "It is to close the factory on Monday and Tuesday.")  # said on a Tuesday
    assert [m.value for m in found] == ["2016-01-18", "2016-01-19"]
    found = run(nlp, "Statements were made Tuesday and Monday.")  # a list of days gone
    assert [m.value for m in found] == ["2016-01-12", "2016-01-11"]


def test_a_month_after_a_past_agreement_is_the_nearest(nlp):
    published = dt.date(2005, 1, 11)
    text = "Both sides agreed to suspend their requests at the beginning of December."
    assert by_text(nlp, text, published)["the beginning of December"].value == "2004-12"
    found = by_text(nlp, "It agreed to sell the unit in March.", published)
    assert found["March"].value == "2005-03"


def test_an_infinitive_after_a_past_verb_is_past(nlp):
    text = ("Prices rose in the first half of 2004, before higher rates began to cool demand in "
            "the summer. Sales continued to rise in March.")
    found = by_text(nlp, text, dt.date(2005, 1, 16))
    assert (found["the summer"].value, found["March"].value) == ("2004-SU", "2004-03")


def test_a_month_naming_its_event_in_a_future_sentence(nlp):
    text = ("Shares were hit in December. December's share fall means the firm could be "
            "relegated when the index is reshuffled next month.")
    assert [m.value for m in run(nlp, text)] == ["2015-12", "2015-12", "2016-02"]


def test_earlier_or_later_in_a_named_period_is_one_timex3(nlp):
    found = run_with(nlp, "The government revised figures from earlier in 2015 and will launch "
                          "it later in the summer.", vague_references=True, timeml_extents=True)
    assert [(m.text, m.value) for m in found] == [("earlier in 2015", "2015"),
                                                  ("later in the summer", "2016-SU")]


def test_a_drop_and_a_comparison_are_not_dates(nlp):
    text = ("The bank predicts this fall from the current 2.1% level. Inflation was as high as "
            "70% as recently as 2001.")
    found = run_with(nlp, text, dt.date(2004, 12, 20), vague_references=True)
    assert [mention.text for mention in found] == ["2001"]
    # "as expected": a comparison with a forecast, no plan ahead
    found = by_text(nlp, "Firms created twice as many jobs as expected in October.",
                    dt.date(2004, 11, 10))
    assert found["October"].value == "2004-10"


def test_timetable_words_and_past_plans(nlp):
    published = dt.date(1989, 10, 26)
    found = by_text(nlp, "The board declared a dividend payable Dec. 15.", published)
    assert found["Dec. 15"].value == "1989-12-15"
    found = by_text(nlp, "Stocks rose, leaving the index within 70 points of its record high "
                         "set on Aug. 6.", dt.date(1998, 2, 6))
    assert found["Aug. 6"].value == "1997-08-06"
    found = by_text(nlp, "Prices rose 4% from the previous Friday.", dt.date(1989, 10, 30))
    assert found["the previous Friday"].value == "1989-10-27"


def test_a_period_ending_on_a_day_is_not_that_day(nlp):
    found = by_text(nlp, "It expects a loss for the year ending tomorrow.")
    assert [(m.text, m.value) for m in found.values()] == [("the year", "P1Y"),
                                                           ("tomorrow", "2016-01-13")]


def test_a_day_before_a_noun_is_still_a_day(nlp):
    found = by_text(nlp, "About 500 people attended a Sunday night memorial service.",
                    dt.date(1999, 10, 24))
    assert found["Sunday night"].value == "1999-10-24TNI"
    found = by_text(nlp, "Offers run from today through Nov. 17.", dt.date(1989, 10, 27))
    assert found["today"].value == "1989-10-27"
    assert found["Nov. 17"].value == "1989-11-17"


def test_the_next_day_counts_from_the_day_in_context(nlp):
    text = ("She fell at 7.40pm on 14 January and died the next day. "
            "Staff met the day before the inquest.")
    found = by_text(nlp, text, dt.date(2019, 10, 3))
    assert found["the next day"].value == "2019-01-15"
    assert "the day before" not in found  # counted from an event, not a date
    found = by_text(nlp, "He was discharged on 3 March and readmitted the day after.",
                    dt.date(2019, 10, 3))
    assert found["the day after"].value == "2019-03-04"
    found = by_text(nlp, "The day before last Tuesday's hearing, he went home.",
                    dt.date(2000, 2, 24))
    assert found["The day before last Tuesday"].value == "2000-02-21"


def test_fractions_and_more_in_durations(nlp):
    found = by_text(nlp, "The repairs need two more weeks, after 2 1/2 years of delay and "
                         "a 5 1/2 hours wait.")
    assert found["two more weeks"].value == "P2W"
    assert found["2 1/2 years"].value == "P2Y6M"
    assert found["5 1/2 hours"].value == "PT5H30M"
    found = by_text(nlp, "The ovation lasted a minute and a half and the wait an hour and a half.")
    assert found["a minute and a half"].value == "PT1M30S"
    assert found["an hour and a half"].value == "PT1H30M"


def test_a_day_range_is_not_read_as_a_year(nlp):
    found = by_text(nlp, "The talks are due on April 24 and 25.", dt.date(1999, 2, 10))
    assert found["April 24"].value == "1999-04-24"


def test_the_past_decade_is_ten_years(nlp):
    found = by_text(nlp, "Admissions doubled over the past decade, faster than in the 1990s.")
    assert found["the past decade"].value == "P10Y"
    assert found["the 1990s"].value == "199"
    # ahead likewise: the ten years to come ("next decade" alone is the 2020s)
    found = by_text(nlp, "Coverage will grow over the next decade and slow next decade.")
    assert (found["the next decade"].value, found["next decade"].value) == ("P10Y", "202")


def test_a_duration_before_an_activity(nlp):
    found = by_text(nlp, "She made a one-day visit after a three hour drive.")
    assert found["one-day"].value == "P1D"
    assert found["three hour"].value == "PT3H"
    assert by_text(nlp, "The surgeons did 11 day case procedures.") == {}


def test_relative_financial_years_and_future_seasons(nlp):
    published = dt.date(2024, 2, 15)  # still in the 2023/24 financial year
    found = by_text(nlp, "The council must save £5m this financial year and £8m next "
                         "financial year.", published)
    assert found["this financial year"].value == "2023"
    assert found["next financial year"].value == "2024"
    found = by_text(nlp, "The hospital will be inspected again in the spring.",
                    dt.date(2023, 11, 15))
    assert found["the spring"].value == "2024-SP"


def test_seasons_after_a_preposition(nlp):
    found = by_text(nlp, "The review, due in the autumn, was commissioned in the summer of 2022.",
                    dt.date(2023, 11, 15))
    assert found["the autumn"].value == "2023-FA"
    assert found["the summer of 2022"].value == "2022-SU"
    found = by_text(nlp, "Sales slowed in the early summer.", dt.date(1989, 10, 26))
    assert found["the early summer"].value == "1989-SU"
    assert by_text(nlp, "Prices fall as the hot spring attracts tourists.") == {}


def test_a_clock_time_joins_a_day_with_its_part(nlp):
    found = by_text(nlp, "The bomb exploded shortly after 9pm on Sunday evening, police said.",
                    dt.date(2009, 3, 3))
    assert found["9pm on Sunday evening"].value == "2009-03-01T21:00"


def test_durations_of_hours_and_minutes_and_month_ranges(nlp):
    found = by_text(nlp, "Ambulances waited 1 hour 30 minutes, one patient 3 hours and 20 "
                         "minutes.")
    assert found["1 hour 30 minutes"].value == "PT1H30M"
    assert found["3 hours and 20 minutes"].value == "PT3H20M"
    found = by_text(nlp, "The figures cover April to September.", dt.date(2023, 11, 15))
    assert (found["April"].value, found["September"].value) == ("2023-04", "2023-09")


def test_a_clock_range_takes_the_day_at_its_end(nlp):
    found = by_text(nlp, "The talk runs from 17:30 to 19:00 on Tuesday 27th November.",
                    dt.date(2018, 11, 16))
    assert found["17:30"].value == "2018-11-27T17:30"
    assert found["19:00 on Tuesday 27th November"].value == "2018-11-27T19:00"


def test_events_names_and_heights_are_not_dates(nlp):
    text = ("The cinema held a film quiz night. Imperial fell in the Sunday Times League Table. "
            "They climbed Newtontoppen (1717m).")
    assert by_text(nlp, text) == {}
    # Four digits before a time zone are a clock, not a year.
    assert by_text(nlp, "Shares fell by 1830 GMT.")["1830 GMT"].value == "2016-01-12T18:30"
    assert by_text(nlp, "The team reached the quarter-finals.") == {}
    assert by_text(nlp, "The Queen attended a service of thanksgiving. Students stayed up "
                        "all night.") == {}
    assert by_text(nlp, "More than a quarter have bought a gadget for a wireless Christmas.") == {}
    assert by_text(nlp, "Profits fell for a quarter.")["a quarter"].value == "P3M"  # ISO 8601 has no quarters
    found = by_text(nlp, "In his Sunday Mass the cardinal spoke.", dt.date(1998, 10, 25))
    assert found["Sunday"].value == "1998-10-25"


def test_that_month_and_sets_of_weekends(nlp):
    found = by_text(nlp, "He won the award in June, as reported at the end of that month.",
                    dt.date(2014, 10, 17))
    assert found["the end of that month"].value == "2014-06"
    found = by_text(nlp, "Training ran twice a week and one weekend a month.")
    assert found["one weekend a month"].type == "SET"
    assert found["one weekend a month"].value == "P1M"


def test_thousands_in_a_duration(nlp):
    found = by_text(nlp, "CO2 is higher than at any point in the last 800,000 years.")
    assert found["the last 800,000 years"].value == "P800000Y"


def test_year_ranges(nlp):
    found = by_text(nlp, "The hall shuts for the 2012-2013 academic year; prices rose in "
                         "2007-2017.", dt.date(2012, 5, 10))
    assert found["2012-2013 academic year"].value == "2012"
    assert (found["2007"].value, found["2017"].value) == ("2007", "2017")
    assert by_text(nlp, "A 45-year-old man was hurt.") == {}


def test_a_season_without_tense_is_the_nearest(nlp):
    found = by_text(nlp, "I'm after three new players in the summer.", dt.date(2005, 3, 16))
    assert found["the summer"].value == "2005-SU"
    assert by_text(nlp, 'Fans hoping for a second "Nipple-gate" were disappointed.') == {}


def test_the_new_year(nlp):
    found = by_text(nlp, "The targets will be met in the New Year, the minister said.",
                    dt.date(2004, 12, 1))
    # the start of the coming year: its January, as two real sets' annotators read it
    assert found["the New Year"].value == "2005-01"


def test_the_week_of_a_day(nlp):
    found = by_text(nlp, "The festival runs over the weekend of February 16-17.",
                    dt.date(2013, 2, 8))
    assert found["the weekend of February 16"].value == "2013-W07-WE"
    found = by_text(nlp, "Talks are set for the week of March 6.", dt.date(2000, 2, 24))
    assert found["the week of March 6"].value == "2000-W10"


def test_a_month_of_the_same_year(nlp):
    found = by_text(nlp, "In 2013 Xinhua reported a deal. In March of the same year, Reuters "
                         "reported more.", dt.date(2016, 3, 4))
    assert found["March of the same year"].value == "2013-03"
    assert by_text(nlp, "Staff monitor the animals night and day.") == {}


def test_weekday_parts_in_the_plural_are_sets_and_a_clock_on_the_next_day(nlp):
    found = by_text(nlp, "The club meets on Tuesday nights and Wednesday afternoons.")
    assert found["Tuesday nights"].value == "XXXX-WXX-2TNI"
    assert found["Wednesday afternoons"].type == "SET"
    found = by_text(nlp, "The film premiered on 23 October and graduation was at 11am the next "
                         "day.", dt.date(2012, 10, 26))
    assert found["11am the next day"].value == "2012-10-24T11:00"


def test_an_hour_in_a_part_of_the_day(nlp):
    found = by_text(nlp, "The fire started at 4 in the morning and was out by 3 in the "
                         "afternoon.")
    assert found["4 in the morning"].value == "2016-01-12T04:00"
    assert found["3 in the afternoon"].value == "2016-01-12T15:00"


def test_gold_style_cases_from_news(nlp):
    found = by_text(nlp, "The strike was the worst since the early 20th century; the A&E is "
                         "open 24/7.")
    assert found["the early 20th century"].value == "19"
    assert found["24/7"].type == "SET"
    found = by_text(nlp, "The vote was last October.", dt.date(2014, 11, 3))
    assert found["last October"].value == "2013-10"  # said in November: a year before
    found = by_text(nlp, "Assuming a 12 month and 52 week year, rents are high.")
    assert (found["12 month"].value, found["52 week"].value) == ("P12M", "P52W")
    assert by_text(nlp, "Costs are split over the 39 week licence period.")[
        "39 week"].value == "P39W"
    text = ("The Mail on Sunday asked. The hall runs weekly Sunday breakfasts. Candidates stood "
            "in the Autumn Elections. The firm will cut its staff by 8,000 annually. Come to "
            "Norwich on a Friday or Saturday night.")
    assert by_text(nlp, text) == {}
    found = by_text(nlp, "The New York Times on Friday reported it.", dt.date(1998, 2, 6))
    assert found["Friday"].value == "1998-02-06"


def test_a_day_range_ends_after_it_starts(nlp):
    found = by_text(nlp, "Access will cost £30 a year from 1st September to 31st August.",
                    dt.date(2018, 7, 19))
    assert (found["1st September"].value, found["31st August"].value) == (
        "2018-09-01", "2019-08-31")
    found = by_text(nlp, "The statements were made Friday and Thursday.", dt.date(1998, 2, 6))
    assert found["Thursday"].value == "1998-02-05"
    assert by_text(nlp, "They were named in the New Year's Honours.") == {}


def test_may_and_march_are_months_beside_another_month(nlp):
    found = by_text(nlp, "Volunteers counted the birds in April and May.")
    assert found["April"].value == "2015-04"
    assert found["May"].value == "2015-05"
    found = by_text(nlp, "The roadworks ran from March to June.")
    assert found["March"].value == "2015-03"
    # The modal verb stays a verb, even beside a month.
    assert set(by_text(nlp, "Prices fell in June and may fall again.")) == {"June"}


def test_a_participle_of_expectation_points_ahead(nlp):
    found = by_text(nlp, "Polls close at 10pm, with the result expected on Friday morning.")
    assert found["Friday morning"].value == "2016-01-15TMO"
    # "set" also names a past record: no forward reading from it.
    assert by_text(nlp, "The record set on Friday still stands.")["Friday"].value == "2016-01-08"


def test_centuries_ago_keep_the_century(nlp):
    assert by_text(nlp, "Red squirrels were common a century ago.")["a century ago"].value == "19"


def test_half_a_unit_is_half_of_it(nlp):
    assert by_text(nlp, "The inspection took half an hour.")["half an hour"].value == "PT30M"
    assert by_text(nlp, "The row has run for half a century.")[
        "half a century"].value == "P50Y"
    assert by_text(nlp, "Crews spent half a day at the scene.")["half a day"].value == "PT12H"
    # One and a half stays one and a half.
    assert by_text(nlp, "The hearing lasted an hour and a half.")[
        "an hour and a half"].value == "PT1H30M"


def test_the_same_unit_is_the_one_in_context(nlp):
    found = by_text(nlp, "The bridge shut on 4 March 2014. A second bridge shut the same day.")
    assert found["the same day"].value == "2014-03-04"
    found = by_text(nlp, "The plant opened in June 2012 and closed the same month.")
    assert found["the same month"].value == "2012-06"
    found = by_text(nlp, "She joined the board in 2008 and left the same year.")
    assert found["the same year"].value == "2008"
    found = by_text(nlp, "They married on 2 May 2015 and split up the same week.")
    assert found["the same week"].value == "2015-W18"
    # With no day in context "the same day" is a kind of service, not a date.
    assert by_text(nlp, "Most patients are seen the same day.") == {}


def test_decades_and_centuries_in_words_and_two_digits(nlp):
    assert by_text(nlp, "The club was founded in the mid-90s.")["the mid-90s"].value == "199"
    assert by_text(nlp, "Disco ruled the seventies.")["the seventies"].value == "197"
    assert by_text(nlp, "The firm boomed in the early noughties.")[
        "the early noughties"].value == "200"
    assert by_text(nlp, "The chapel was built in the nineteenth century.")[
        "the nineteenth century"].value == "18"
    # A hundred years written as a decade is a century; the 2000s stay a decade.
    assert by_text(nlp, "The mill dates from the late 1800s.")["the late 1800s"].value == "18"
    assert by_text(nlp, "Prices rose through the 2000s.")["the 2000s"].value == "200"
    # Ages are not decades.
    assert by_text(nlp, "Women in their 90s were vaccinated. He is in his seventies.") == {}


def test_a_day_range_lends_its_month_and_year_to_both_ends(nlp):
    found = by_text(nlp, "The festival will run June 5-7.")
    assert (found["June 5"].value, found["7"].value) == ("2016-06-05", "2016-06-07")
    found = by_text(nlp, "The fair ran from 5 to 7 June 2015.")
    assert (found["5"].value, found["7 June 2015"].value) == ("2015-06-05", "2015-06-07")
    found = by_text(nlp, "Hearings were held September 14 and 18, 2010.")
    assert (found["September 14"].value, found["18, 2010"].value) == (
        "2010-09-14", "2010-09-18")
    found = by_text(nlp, "The show ran 14–16 March.")
    assert (found["14"].value, found["16 March"].value) == ("2015-03-14", "2015-03-16")
    # A number after a day that counts something is no day.
    assert set(by_text(nlp, "On March 3 and 12 people died.")) == {"March 3"}
    assert set(by_text(nlp, "It rose from 5 to 7 percent in March.")) == {"March"}


def test_a_holiday_lies_on_the_side_of_publication_the_tense_says(nlp):
    assert by_text(nlp, "Pancakes were sold on Shrove Tuesday.")[
        "Shrove Tuesday"].value == "2015-02-17"
    assert by_text(nlp, "The club held a supper on Burns Night.")[
        "Burns Night"].value == "2015-01-25"
    assert by_text(nlp, "The shops will close early on Christmas Eve.")[
        "Christmas Eve"].value == "2016-12-24"
    assert by_text(nlp, "Sales rose over Christmas.")["Christmas"].value == "2015-12-25"


def test_a_year_after_a_holiday_is_its_year(nlp):
    assert by_text(nlp, "The shop shut on Good Friday 2014.")[
        "Good Friday 2014"].value == "2014-04-18"
    assert by_text(nlp, "The town celebrated Easter 2013 quietly.")[
        "Easter 2013"].value == "2013-03-31"
    assert by_text(nlp, "The store opened its doors on Black Friday.")[
        "Black Friday"].value == "2015-11-27"
    assert by_text(nlp, "The Good Friday Agreement was signed.") == {}


def test_a_time_of_a_holiday_is_that_day(nlp):
    found = by_text(nlp, "Fans queued on the morning of Christmas Eve.")
    assert found["the morning of Christmas Eve"].value == "2015-12-24TMO"
    found = by_text(nlp, "Police were called at 9pm on Christmas Day.")
    assert found["9pm on Christmas Day"].value == "2015-12-25T21:00"


def test_units_earlier_are_a_duration_but_a_year_earlier_a_date(nlp):
    # As "four days later": the duration, the signal aside.
    found = by_text(nlp, "He was arrested on 4 June 2011. Two days earlier he had fled.")
    assert (found["Two days"].type, found["Two days"].value) == ("DURATION", "P2D")
    # "A year earlier" counts back from the year in context, else from publication.
    found = by_text(nlp, "The law passed in 2003. A year earlier, it was debated.")
    assert found["A year earlier"].value == "2002"
    assert by_text(nlp, "A year earlier the ward had 30 beds.")["A year earlier"].value == "2015"


def test_a_sports_season_is_filed_under_the_year_it_starts(nlp):
    assert by_text(nlp, "The club's 2014-15 season was its worst.")[
        "2014-15 season"].value == "2014"
    assert by_text(nlp, "He scored 20 goals in the 2013/14 season.")[
        "the 2013/14 season"].value == "2013"


def test_sets_of_alternate_units_months_and_weekends(nlp):
    assert by_text(nlp, "The bins are emptied every other week.")[
        "every other week"].value == "P2W"
    found = by_text(nlp, "The fair comes to town every September.")
    assert (found["every September"].type, found["every September"].value) == ("SET", "XXXX-09")
    assert by_text(nlp, "The road shuts every weekend.")["every weekend"].value == "XXXX-WXX-WE"


def test_quarters_and_halves_written_short(nlp):
    assert by_text(nlp, "Profits rose in Q3 2008.")["Q3 2008"].value == "2008-Q3"
    assert by_text(nlp, "Growth will return in Q3.")["Q3"].value == "2016-Q3"
    assert by_text(nlp, "Profits rose in H1 2015.")["H1 2015"].value == "2015-H1"
    # A bare H2 is as likely hydrogen.
    assert by_text(nlp, "The bus runs on H2 made from wind power.") == {}


def test_earlier_or_later_in_the_unit(nlp):
    assert by_text(nlp, "The council met earlier in the week.")[
        "earlier in the week"].value == "2016-W02"
    assert by_text(nlp, "Talks will resume later in the month.")[
        "later in the month"].value == "2016-01"
    found = by_text(nlp, "The firm was sold in 2010. Earlier in the year, it had cut jobs.")
    assert found["Earlier in the year"].value == "2010"
    found = by_text(nlp, "He was arrested on 3 May 2014. Later in the day he was freed.")
    assert found["Later in the day"].value == "2014-05-03"


def test_both_ends_of_a_range_of_years(nlp):
    found = by_text(nlp, "Crime fell from 2010 to 2014, the report said.")
    assert (found["2010"].value, found["2014"].value) == ("2010", "2014")
    # A count is not a year.
    assert "2000" not in by_text(nlp, "Membership rose from 1500 to 2000 members.")


def test_since_points_back(nlp):
    assert by_text(nlp, "It is the first rise in prices since March.")["March"].value == "2015-03"
    assert by_text(nlp, "Staff say the ward has been short since Christmas Eve.")[
        "Christmas Eve"].value == "2015-12-24"


def test_the_unit_before_last(nlp):
    assert by_text(nlp, "The mill closed the year before last.")[
        "the year before last"].value == "2014"
    assert by_text(nlp, "The mayor met them the week before last.")[
        "the week before last"].value == "2015-W53"
    assert by_text(nlp, "The mill opened in 2001 and closed the year before.")[
        "year before"].value == "2000"


def test_the_nth_week_of_a_month(nlp):
    assert by_text(nlp, "Sales peaked in the last week of December.")[
        "the last week of December"].value == "2015-W53"
    assert by_text(nlp, "The roadworks will start in the first week of March.")[
        "the first week of March"].value == "2016-W09"
    assert by_text(nlp, "The fair is held on the first weekend of May.")[
        "the first weekend of May"].value == "2016-W18-WE"
    assert by_text(nlp, "The first week of the trial was slow.") == {}


def test_a_weekday_of_a_named_week(nlp):
    assert by_text(nlp, "The talks began on Tuesday last week.")[
        "Tuesday last week"].value == "2016-01-05"
    assert by_text(nlp, "The ban starts on Monday next week.")[
        "Monday next week"].value == "2016-01-18"
    found = by_text(nlp, "He left on Friday. Last week he had been ill.")
    assert (found["Friday"].value, found["Last week"].value) == ("2016-01-08", "2016-W01")


def test_an_expiry_is_a_timetable(nlp):
    assert by_text(nlp, "The offer expires at midnight on Friday.")[
        "midnight on Friday"].value == "2016-01-15T24:00"


def test_a_week_on_a_day(nlp):
    assert by_text(nlp, "The vote is on Friday week.")["Friday week"].value == "2016-01-22"
    assert by_text(nlp, "The results come out a week on Friday.")[
        "a week on Friday"].value == "2016-01-22"
    assert by_text(nlp, "The hearing resumes a week today.")["a week today"].value == "2016-01-19"


def test_a_clock_whose_digits_recur_in_the_day(nlp):
    found = by_text(nlp, "The crash happened at 7.30am on 3 March 2014.")
    assert found["7.30am on 3 March 2014"].value == "2014-03-03T07:30"
    found = by_text(nlp, "The alarm sounded at 11.15pm on 15 May 2012.")
    assert found["11.15pm on 15 May 2012"].value == "2012-05-15T23:15"


def test_a_fortnight_is_fourteen_days_and_ahead_is_coming(nlp):
    assert by_text(nlp, "Ten cases were found in the past fortnight.")[
        "the past fortnight"].value == "P2W"
    assert by_text(nlp, "Rain is forecast for the week ahead.")[
        "the week ahead"].value == "2016-W03"
    # Vague, as "the coming months": the records leave it out.
    assert by_text(nlp, "The council says the months ahead will be hard.") == {}


def test_a_clock_range_shares_its_day_and_meridiem(nlp):
    found = by_text(nlp, "The exhibition is open 10am-4pm.")
    assert (found["10am"].value, found["4pm"].value) == ("2016-01-12T10:00", "2016-01-12T16:00")
    found = by_text(nlp, "The talk runs 7-9pm.")
    assert (found["7"].value, found["9pm"].value) == ("2016-01-12T19:00", "2016-01-12T21:00")
    found = by_text(nlp, "The clinic ran 11-1pm.")
    assert found["11"].value == "2016-01-12T11:00"
    found = by_text(nlp, "The road was shut from 10pm to 6am.")
    assert (found["10pm"].value, found["6am"].value) == ("2016-01-12T22:00", "2016-01-13T06:00")
    # A score is no clock.
    assert set(by_text(nlp, "It was 3-1 at 5pm.")) == {"5pm"}


def test_a_24_hour_clock_range_with_a_dash_is_two_times(nlp):
    found = by_text(nlp, "Late lectures would run 17:00\u201319:00.")
    assert (found["17:00"].value, found["19:00"].value) == ("2016-01-12T17:00", "2016-01-12T19:00")
    found = by_text(nlp, "The road was shut 22:00\u201306:00.")
    assert (found["22:00"].value, found["06:00"].value) == ("2016-01-12T22:00", "2016-01-13T06:00")
    # Neither end written as a 24-hour clock: no times read from a dash alone.
    assert by_text(nlp, "Sales rose 2:30\u20134:30 in the ratio.") == {}


def test_a_season_naming_a_kind_of_thing_is_no_date(nlp):
    assert by_text(nlp, "Crews worked fast before the next spring tide could reach the bones.") \
        == {}
    assert by_text(nlp, "The bridge will reopen next spring.")["next spring"].type == "DATE"


def test_within_the_next_unit_is_a_span_of_time(nlp):
    found = by_text(nlp, "The council is expected to decide within the next month.")
    assert (found["the next month"].type, found["the next month"].value) == ("DURATION", "P1M")
    assert by_text(nlp, "The store opens next month.")["next month"].value == "2016-02"


def test_the_weekend_in_context(nlp):
    found = by_text(nlp, "The fire started on 4 March 2016. That weekend, crews stayed on site.")
    assert found["That weekend"].value == "2016-W09-WE"
    found = by_text(nlp, "He was charged on 2 March 2016 and freed the following weekend.")
    assert found["the following weekend"].value == "2016-W09-WE"


def test_the_financial_year_is_the_current_one(nlp):
    # UK financial years start in April: in January 2016 it is 2015/16, filed under 2015; its
    # end, in March 2016, is in 2016
    assert by_text(nlp, "The cuts are planned for the financial year.")[
        "the financial year"].value == "2015"
    assert by_text(nlp, "The cuts take effect at the end of the financial year.")[
        "the end of the financial year"].value == "2016"


def test_that_day_is_the_day_just_named(nlp):
    # even the day of an announcement, which dates nothing else
    found = by_text(nlp, "The cut was announced on 17 November as MPs grilled him. He was "
                         "questioned during that day's debate.")
    assert found["that day"].value == "2015-11-17"


def test_the_weekday_of_a_day_just_named_is_that_day(nlp):
    found = by_text(nlp, "The council met on 23 February, the first Tuesday of term.")
    assert found["Tuesday"].value == "2016-02-23"
    # another weekday keeps its own reading
    found = by_text(nlp, "The vote is on 23 February. Campaigning ended on Sunday.")
    assert found["Sunday"].value == "2016-01-10"


def test_a_weekday_counted_from_the_day_named_after_it(nlp):
    saturday = dt.date(2015, 12, 19)
    found = by_text(nlp, "Shops reported strong sales on the last Saturday before Christmas.",
                    saturday)
    assert found["the last Saturday"].value == "2015-12-19"
    found = by_text(nlp, "The fair is held on the first Monday after Easter.", saturday)
    assert found["the first Monday"].value == "2016-03-28"


def test_academic_and_calendar_years_start_in_their_own_month(nlp):
    # Academic and school years start in September: in January 2016 it is 2015/16.
    found = by_text(nlp, "Fees rise in the next academic year and the head stays until the "
                         "end of the calendar year.")
    assert found["the next academic year"].value == "2016"
    assert found["the end of the calendar year"].value == "2016"
    found = by_text(nlp, "It was the first meeting of the school year.", dt.date(2011, 10, 13))
    assert found["the school year"].value == "2011"


def test_a_day_of_the_month_in_words(nlp):
    assert by_text(nlp, "The vote is on the fifth of May.")["the fifth of May"].value == \
        "2016-05-05"
    assert by_text(nlp, "He was born on the twenty-first of June 1990.")[
        "the twenty-first of June 1990"].value == "1990-06-21"
    assert by_text(nlp, "Polls open on March eighth.")["March eighth"].value == "2016-03-08"
    assert "May first" not in by_text(nlp, "In May first-time buyers rose.")


def test_clock_times_in_words(nlp):
    assert by_text(nlp, "The meeting began at six o'clock.")["six o'clock"].value == \
        "2016-01-12T06:00"
    assert by_text(nlp, "Crews arrived at 11 o'clock on Sunday.")[
        "11 o'clock on Sunday"].value == "2016-01-10T11:00"
    assert by_text(nlp, "The last train left at half past six.")["half past six"].value == \
        "2016-01-12T06:30"
    assert by_text(nlp, "The bell rang at quarter to nine.")["quarter to nine"].value == \
        "2016-01-12T08:45"
    assert by_text(nlp, "Prices rose by a quarter to 10 pence.") == {}


def test_this_weekday_is_this_weeks(nlp):
    assert by_text(nlp, "The match is this Sunday.")["this Sunday"].value == "2016-01-17"
    assert by_text(nlp, "The council met this Monday.")["this Monday"].value == "2016-01-11"
    assert by_text(nlp, "The council will meet this Monday.")["this Monday"].value == \
        "2016-01-18"


def test_this_weekday_before_a_possessive(nlp):
    assert by_text(nlp, "This Sunday's match is off.")["This Sunday"].value == "2016-01-17"


def test_a_day_of_the_month_alone(nlp):
    assert by_text(nlp, "He was last seen on the 3rd.")["the 3rd"].value == "2016-01-03"
    assert by_text(nlp, "The vote will be held on the 3rd.")["the 3rd"].value == "2016-02-03"
    found = by_text(nlp, "He arrived on 2 March 2014 and left on the 9th.")
    assert found["the 9th"].value == "2014-03-09"
    assert by_text(nlp, "The office is on the 3rd floor. She finished the 3rd.") == {}


def test_kick_off_and_take_place_are_timetables(nlp):
    assert by_text(nlp, "The final takes place on Saturday.")["Saturday"].value == "2016-01-16"
    assert by_text(nlp, "The match kicks off at 3pm on Boxing Day.")[
        "3pm on Boxing Day"].value == "2016-12-26T15:00"


def test_a_weekday_and_a_day_of_the_month(nlp):
    assert by_text(nlp, "Talks resume on Monday 18th.")["Monday 18th"].value == "2016-01-18"
    # The 17th falls on a Wednesday in February 2016, not in January.
    assert by_text(nlp, "The strike is on Wednesday 17th.")["Wednesday 17th"].value == \
        "2016-02-17"
    assert by_text(nlp, "The vote was on Friday the 8th.")["Friday the 8th"].value == \
        "2016-01-08"


def test_midnight_gone_by_is_the_one_that_began_the_day(nlp):
    found = by_text(nlp, "Many stores opened at midnight to let gamers buy the console.")
    assert found["midnight"].value == "2016-01-11T24:00"
    assert by_text(nlp, "Stores will open at midnight.")["midnight"].value == "2016-01-12T24:00"
    found = by_text(nlp, "The talks broke up on Sunday. The strike began at midnight.")
    assert found["midnight"].value == "2016-01-10T24:00"


def test_the_last_week_of_a_year_is_a_week_of_that_year(nlp):
    text = "The game was launched during the last week of 2003."
    assert by_text(nlp, text)["the last week of 2003"].value == "2003-W52"
    # TimeML marks the week and the year apart, each with its own value
    found = run_with(nlp, text, timeml_extents=True, vague_references=True)
    assert [(m.text, m.value) for m in found] == [("the last week", "2003-W52"), ("2003", "2003")]
    found = run_with(nlp, "Students will move in during the first week of October.",
                     timeml_extents=True, vague_references=True)
    assert [(m.text, m.value) for m in found] == [("the first week", "2016-W40"),
                                                 ("October", "2016-10")]


def test_the_following_year_told_in_the_past_counts_from_a_year_named_further_back(nlp):
    text = ("He won an Oscar in 1973. He refused it. He sent an actress in his place. His friends "
            "were shocked. He was nominated again the following year.")
    assert by_text(nlp, text)["the following year"].value == "1974"
    # in the future, the year after publication is still meant
    text = "He won an Oscar in 1973. He refused it. He was shocked. It was sad. It will rise the following year."
    assert by_text(nlp, text)["the following year"].value == "2017"


def test_a_four_digit_clock_glued_to_its_zone_is_a_time(nlp):
    found = by_text(nlp, "The dollar was trading at $1.2944 against the euro at 2100GMT.")
    assert found["2100GMT"].value == "2016-01-12T21:00"
    assert by_text(nlp, "The part number is 2100GMTX.") == {}


def test_timeml_marks_midnight_of_a_day_and_the_day_apart(nlp):
    text = "The agreement will end on midnight of 31 March."
    found = run_with(nlp, text, timeml_extents=True, vague_references=True)
    assert [(m.text, m.value) for m in found] == [("midnight", "2016-03-31T24:00"),
                                                 ("31 March", "2016-03-31")]
    assert by_text(nlp, text)["midnight of 31 March"].value == "2016-03-31T24:00"
