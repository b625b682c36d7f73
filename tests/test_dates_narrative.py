"""Dates as real reports tell them: plans told as past, clock times far from their day, the
weekday of a past evening.

Sentences of our own, written after the cases the real news leads of benchmarks/timex_real/
showed. Published 2016-01-12 is a Tuesday."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.test_dates import by_text, dates_pipeline, run_with

THURSDAY = dt.date(2016, 1, 14)


@pytest.fixture(scope="session")
def nlp():
    return dates_pipeline()


def values(mentions) -> dict[str, str | None]:
    return {mention.text: mention.value for mention in mentions}


def test_a_plan_told_as_past_names_a_day_gone(nlp):
    found = by_text(nlp, "Voting was due to open at 9am on Monday, but the website crashed.",
                    THURSDAY)
    assert found["9am on Monday"].value == "2016-01-11T09:00"
    found = by_text(nlp, "Traders had expected the December figure to be stronger.", THURSDAY)
    assert found["December"].value == "2015-12"
    found = by_text(nlp, "The firm had been expected to bid in the March auction.", THURSDAY)
    assert found["March"].value == "2015-03"
    # A plan still ahead, or reported as said, keeps its future.
    found = by_text(nlp, "The shop is due to open on Monday.", THURSDAY)
    assert found["Monday"].value == "2016-01-18"
    found = by_text(nlp, "He said the shop was due to open on Monday.", THURSDAY)
    assert found["Monday"].value == "2016-01-18"


def test_timeml_splits_a_clock_time_from_its_part_of_day(nlp):
    found = values(run_with(nlp, "The doors opened at 9:00am on Monday morning.", THURSDAY,
                            timeml_extents=True))
    assert found["9:00am"] == "2016-01-11T09:00"
    assert found["Monday morning"] == "2016-01-11TMO"


def test_a_guess_about_the_past_names_a_day_gone(nlp):
    found = by_text(nlp, "If you watched this Saturday evening you may have seen the choir.",
                    THURSDAY)
    assert found["this Saturday evening"].value == "2016-01-09TEV"
    # "would have": a plan undone, its day still ahead.
    found = by_text(nlp, "The next payment would have been due on Saturday.", THURSDAY)
    assert found["Saturday"].value == "2016-01-16"


def test_a_day_the_base_model_swallowed_into_a_name(nlp):
    # The base model reads "the Commons on Monday" as one organisation.
    found = by_text(nlp, "He added he would give new figures on the number of tsunami-related "
                         "British deaths to the Commons on Monday.", THURSDAY)
    assert found["Monday"].value == "2016-01-18"
    found = by_text(nlp, "He read The Sunday Times on the train.", THURSDAY)
    assert "Sunday" not in found


def test_words_that_only_look_like_time(nlp):
    found = by_text(nlp, "At the time of the fall, two rescuers were close. Since the fall of "
                         "the Wall, trade grew.")
    assert "the fall" not in found
    assert by_text(nlp, "The trees are bare by the fall of 2016.")["the fall of 2016"].value == \
        "2016-FA"
    found = by_text(nlp, "Second and third years must teach, while first years need not.")
    assert "years" not in found
    # (vague amounts of time are TIMEX3's, not the records')
    found = values(run_with(nlp, "The repairs took years.", vague_references=True))
    assert found["years"] == "PXY"


def test_until_a_day_told_in_the_past_perfect_is_gone(nlp):
    found = by_text(nlp, "Until Tuesday, the police had not named him a suspect.", THURSDAY)
    assert found["Tuesday"].value == "2016-01-12"
    found = by_text(nlp, "The vote was postponed until Tuesday.", THURSDAY)
    assert found["Tuesday"].value == "2016-01-19"


def test_a_day_named_again_is_the_same_day(nlp):
    published = dt.date(2019, 5, 3)
    found = run_with(nlp, "Move-out day has been pushed up to Thursday 27th June. The 27th June "
                          "date was stated in all contracts.", published)
    assert [m.value for m in found if "27th June" in m.text] == ["2019-06-27", "2019-06-27"]
    # Alone, a past statement about 27th June is the one before publication.
    found = by_text(nlp, "The 27th June date was stated in all contracts.", published)
    assert found["27th June"].value == "2018-06-27"


def test_the_last_week_of_a_period_we_cannot_date(nlp):
    found = by_text(nlp, "Lecturers will strike in the last week of term.")
    assert "the last week" not in found
    found = by_text(nlp, "The fair opens in the last week of March and closed last week.")
    assert found["the last week of March"].value == "2016-W13"
    assert found["last week"].value == "2016-W01"


def test_this_weekend_is_the_coming_one_unless_the_tense_says_gone(nlp):
    friday = dt.date(2016, 1, 15)
    found = by_text(nlp, "The club is hosting a gadget show in London this weekend.", friday)
    assert found["this weekend"].value == "2016-W02-WE"
    found = by_text(nlp, "The club hosted a gadget show in London this weekend.", THURSDAY)
    assert found["this weekend"].value == "2016-W01-WE"


def test_a_holiday_just_ahead_is_the_point_the_story_runs_up_to(nlp):
    december = dt.date(2015, 12, 19)
    found = by_text(nlp, "Shops reported record sales on the last Saturday before Christmas.",
                    december)
    assert found["Christmas"].value == "2015-12-25"
    # Further off, or not a point ahead, the past tense still points back.
    found = by_text(nlp, "Shops reported record sales before Christmas.", dt.date(2015, 11, 2))
    assert found["Christmas"].value == "2014-12-25"
    found = by_text(nlp, "The club held a supper on Burns Night.")
    assert found["Burns Night"].value == "2015-01-25"


def test_a_clock_in_four_digits_with_its_zone(nlp):
    found = by_text(nlp, "By 0710 GMT on Tuesday, the euro had risen.", THURSDAY)
    assert found["0710 GMT on Tuesday"].value == "2016-01-12T07:10"
    found = by_text(nlp, "Trading resumed at 1130 local time.", THURSDAY)
    assert found["1130 local time"].value == "2016-01-14T11:30"
    # Without a zone, four digits are a year.
    assert by_text(nlp, "The mill was built in 1830.")["1830"].value == "1830"
    # With no tense early in the week, the nearer weekend is the one just gone.
    found = by_text(nlp, "The film is the top earner this weekend.", dt.date(2016, 1, 11))
    assert found["this weekend"].value == "2016-W01-WE"


def test_with_no_date_given_the_dateline_stands_in(nlp):
    text = ("Plant to close\nTuesday, January 12, 2016\nThe plant will close on Friday, the "
            "company said yesterday.")
    found = by_text(nlp, text, None)
    assert found["Friday"].value == "2016-01-15"
    assert found["yesterday"].value == "2016-01-11"
    # A date inside a sentence is no dateline: relative dates stay unresolved.
    found = by_text(nlp, "Plant to close\nOn January 12, 2016 the firm said it would close on "
                         "Friday.", None)
    assert found["Friday"].value is None


def test_a_since_clause_tells_a_time_gone(nlp):
    found = by_text(nlp, "The firm, reporting its first results since listing in June, said "
                         "sales grew.", dt.date(2005, 3, 10))
    assert found["June"].value == "2004-06"
    found = by_text(nlp, "Sales have doubled since the shop opened in May.", dt.date(2005, 3, 10))
    assert found["May"].value == "2004-05"
