"""Dates: detection, types and TIMEX3 values resolved from the publication date.

Published 2016-01-12 is a Tuesday, in ISO week 2016-W02."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PUBLISHED = dt.date(2016, 1, 12)




def run(nlp, text: str, published: dt.date | None = PUBLISHED):
    doc = nlp.make_doc(text)
    doc._.published = published
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc._.dates


def by_text(nlp, text: str, published: dt.date | None = PUBLISHED) -> dict:
    return {mention.text: mention for mention in run(nlp, text, published)}


def run_with(nlp, text: str, published: dt.date | None = PUBLISHED, **config) -> list:
    """The date step made with another config (TIMEX3 conventions), on the same parse."""
    from newsfacts.assets import load_json_asset
    from newsfacts.dates import PATTERNS_ASSET, DateExtractor

    extractor = DateExtractor(nlp, load_json_asset(PATTERNS_ASSET), **config)
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name != "newsfacts_dates":
            doc = component(doc)
    return extractor.extract(doc, published)


def test_seed_article_dates(nlp):
    path = REPO / "corpus/nottingham-junior-doctors-strike.md"
    body = path.read_text(encoding="utf-8").split("---", 2)[2]
    gold = json.loads(path.with_suffix(".facts.json").read_text(encoding="utf-8"))["dates"]
    mentions = run(nlp, body)
    found = {(m.text, m.value) for m in mentions}
    for expected in gold:
        assert (expected["text"], expected["value"]) in found
    for mention in mentions:
        assert body[mention.start:mention.end] == mention.text
    texts = [m.text for m in mentions]
    assert not any("11 day" in text or "last minute" in text for text in texts)
    assert "December" in texts and not any("71" in text for text in texts)


def test_time_on_a_day_is_one_mention(nlp):
    mentions = run(nlp, "The walkout began at 8am on Tuesday outside the hospital.")
    assert [(m.text, m.type, m.value, m.anchor) for m in mentions] == [
        ("8am on Tuesday", "TIME", "2016-01-12T08:00", "published")]


def test_part_of_day_keeps_granularity(nlp):
    found = by_text(nlp, "Talks on Monday night ended without a deal.")
    assert found["Monday night"].value == "2016-01-11TNI"
    assert found["Monday night"].type == "TIME"


def test_part_of_day_hangs_on_the_day_in_context(nlp):
    text = ("The ward was evacuated on Sunday. Staff arrived early in the morning to "
            "move patients.")
    found = by_text(nlp, text)
    assert found["Sunday"].value == "2016-01-10"
    assert found["early in the morning"].value == "2016-01-10TMO"


def test_bare_weekday_follows_the_tense(nlp):
    assert by_text(nlp, "The council met on Friday.")["Friday"].value == "2016-01-08"
    assert by_text(nlp, "The council will meet on Friday.")["Friday"].value == "2016-01-15"
    assert by_text(nlp, "Nurses are due to strike on Monday.")["Monday"].value == "2016-01-18"
    assert by_text(nlp, "The result was announced on Tuesday.")["Tuesday"].value == "2016-01-12"


def test_bare_month_follows_the_tense(nlp):
    assert by_text(nlp, "The ward closed in March.")["March"].value == "2015-03"
    assert by_text(nlp, "The ward will reopen in March.")["March"].value == "2016-03"
    assert by_text(nlp, "Figures for December were published.")["December"].value == "2015-12"


def test_a_possibility_looks_forward(nlp):
    text = "The new scanner could be in use by September."
    assert by_text(nlp, text)["September"].value == "2016-09"
    assert by_text(nlp, "Waiting lists may grow in September.")["September"].value == "2016-09"
    # Not a possibility denied, nor a time before the verb the parse hangs on it.
    text = "The trust could not fill the posts in September."
    assert by_text(nlp, text)["September"].value == "2015-09"
    text = "Managers gave warnings on Thursday that the strike could cause long delays."
    assert by_text(nlp, text)["Thursday"].value == "2016-01-07"


def test_relative_units(nlp):
    cases = {
        "Figures published last week showed a rise.": ("last week", "2016-W01"),
        "Talks resumed this week.": ("this week", "2016-W02"),
        "Talks will resume next week.": ("next week", "2016-W03"),
        "The trust was fined last month.": ("last month", "2015-12"),
        "The report is due next month.": ("next month", "2016-02"),
        "The hospital opened last year.": ("last year", "2015"),
        "The budget will be cut this year.": ("this year", "2016"),
        "A new wing opens next year.": ("next year", "2017"),
        "The plans were announced earlier this month.": ("earlier this month", "2016-01"),
    }
    for sentence, (text, value) in cases.items():
        found = by_text(nlp, sentence)
        assert found[text].value == value, sentence
        assert found[text].anchor == "published"



def test_this_week_to_come_said_on_a_sunday_is_the_next_iso_week(nlp):
    sunday = dt.date(2016, 1, 17)  # the last day of 2016-W02
    text = "The board is expected to meet later this week."
    assert by_text(nlp, text, sunday)["later this week"].value == "2016-W03"
    assert by_text(nlp, "Talks will resume this week.", sunday)["this week"].value == "2016-W03"
    # The week gone, and any weekday's "later this week", keep the week of publication.
    assert by_text(nlp, "Talks resumed this week.", sunday)["this week"].value == "2016-W02"
    assert by_text(nlp, text)["later this week"].value == "2016-W02"

def test_yesterday_and_tomorrow(nlp):
    found = by_text(nlp, "The union said yesterday that members will walk out tomorrow.")
    assert found["yesterday"].value == "2016-01-11"
    assert found["tomorrow"].value == "2016-01-13"


def test_mid_month(nlp):
    found = by_text(nlp, "The scheme was launched in mid-September.")
    assert found["mid-September"].value == "2015-09"


def test_absolute_years_and_dates(nlp):
    found = by_text(nlp, "The building opened in 2019 and was inspected on 12 March 2015.")
    assert (found["2019"].value, found["2019"].anchor) == ("2019", "absolute")
    assert found["12 March 2015"].value == "2015-03-12"
    numeric = by_text(nlp, "The letter was dated 03/02/2015.")
    assert numeric["03/02/2015"].value == "2015-02-03"  # UK order: day first



def test_years_said_in_words(nlp):
    # As broadcast transcripts write them; a century word alone is still a number.
    found = by_text(nlp, "His convictions were thrown out in nineteen ninety-six on a technicality.")
    assert found["nineteen ninety-six"].value == "1996"
    found = by_text(nlp, "The ward reopened in the winter of nineteen ninety-four.")
    assert found["the winter of nineteen ninety-four"].value == "1994-WI"
    found = by_text(nlp, "The promise to halve waiting lists by the year two thousand was dropped.")
    assert found["the year two thousand"].value == "2000"
    found = by_text(nlp, "Nineteen patients waited nineteen days.")
    assert [(text, m.value) for text, m in found.items()] == [("nineteen days", "P19D")]

def test_financial_year(nlp):
    found = by_text(nlp, "The trust expects a deficit in the 2022/23 financial year.")
    mention = next(m for text, m in found.items() if "2022/23" in text)
    assert mention.value == "2022"


def test_durations(nlp):
    found = by_text(nlp, "Junior doctors staged a 72-hour strike after eight years of talks.")
    assert (found["72-hour"].type, found["72-hour"].value) == ("DURATION", "PT72H")
    assert (found["eight years"].type, found["eight years"].value) == ("DURATION", "P8Y")


def test_count_modifier_is_not_a_duration(nlp):
    mentions = run(nlp, "The trust cancelled 11 day case procedures and 4 inpatient operations.")
    assert mentions == []
    # One thing (a singular noun) is not counted: the number is the unit's.
    found = by_text(nlp, "The 10 month deficit grew and he faces a 10 year jail sentence.")
    assert [found["10 month"].value, found["10 year"].value] == ["P10M", "P10Y"]


def test_a_number_before_previous_counts_the_units(nlp):
    found = by_text(nlp, "Jobs created in the two previous months were revised up.")
    assert found["the two previous months"].value == "P2M"
    # "a last minute decision" is a kind of decision, not one minute
    text = ("Plans to close the emergency department of Charing Cross Hospital have been "
            "scrapped in a last minute decision.")
    assert by_text(nlp, text) == {}
    assert by_text(nlp, "It shrank for three previous quarters.")["three previous quarters"] \
        .value == "P9M"


def test_sets(nlp):
    found = by_text(nlp, "The unit must run seven days a week and is cleaned every Monday.")
    assert (found["seven days a week"].type, found["seven days a week"].value) == ("SET", "P1D")
    assert (found["every Monday"].type, found["every Monday"].value) == ("SET", "XXXX-WXX-1")


def test_no_publication_date(nlp):
    found = by_text(nlp, "The ward closed last week, having opened on 12 March 2015.",
                    published=None)
    assert (found["last week"].value, found["last week"].anchor) == (None, None)
    assert (found["12 March 2015"].value, found["12 March 2015"].anchor) == ("2015-03-12",
                                                                             "absolute")


def test_dateparser_false_hits_are_not_dates(nlp):
    mentions = run(nlp, "We said the £5m fund would help. In December, 71 patients waited.")
    assert [m.text for m in mentions] == ["December"]


# -- rules added for the project's gold conventions (sentences of our own) ---------------------


def test_scheduled_and_planned_weekdays_look_forward(nlp):
    found = by_text(nlp, "The walkout ends at 6pm on Friday, the union said.")
    assert found["6pm on Friday"].value == "2016-01-15T18:00"
    found = by_text(nlp, "The council said it expects to reopen the library on Thursday.")
    assert found["Thursday"].value == "2016-01-14"
    found = by_text(nlp, "The depot will stay closed until at least Monday.")
    assert found["Monday"].value == "2016-01-18"


def test_holidays(nlp):
    found = by_text(nlp, "Staff worked on Boxing Day and New Year's Eve last winter.")
    assert found["Boxing Day"].value == "2015-12-26"
    assert found["New Year's Eve"].value == "2015-12-31"
    found = by_text(nlp, "The clinic will close over Easter Monday.", dt.date(2024, 3, 1))
    assert found["Easter Monday"].value == "2024-04-01"


def test_clock_times_on_a_day_and_in_context(nlp):
    text = ("A walker was found by the canal at around 6.15pm on 3 January. "
            "Paramedics reached her at 7.05pm and on the same evening a second call came in.")
    found = by_text(nlp, text)
    assert found["6.15pm on 3 January"].value == "2016-01-03T18:15"
    assert found["7.05pm"].value == "2016-01-03T19:05"
    assert found["the same evening"].value == "2016-01-03TEV"
    found = by_text(nlp, "The strike runs from 9am to 4pm today.")
    assert found["9am"].value == "2016-01-12T09:00"
    assert found["4pm today"].value == "2016-01-12T16:00"
    found = by_text(nlp, "Porters walked out at 6am this morning.")
    assert found["6am this morning"].value == "2016-01-12T06:00"
    # The day comes after the clock in the same phrase: that day, not the one in context.
    text = ("Oil fell on Tuesday after rising on Monday. Crude was trading at $51 at 0710 GMT "
            "in Asian electronic trade on Tuesday.")
    assert by_text(nlp, text)["0710 GMT"].value == "2016-01-12T07:10"
    text = "Oil rose on Monday. It closed at 6pm, and fell on Tuesday."
    assert by_text(nlp, text)["6pm"].value == "2016-01-11T18:00"
    # the same time in another zone, in brackets, is on that day too
    found = by_text(nlp, "The plane landed at 10:30 a.m. EST (1530 UTC) on Monday.")
    assert (found["10:30 a.m. EST"].value, found["1530 UTC"].value) == (
        "2016-01-11T10:30", "2016-01-11T15:30")
    # A day told in the past perfect is background, not the day the story has moved to.
    text = ("The chief executive resigned today. The trust had cut its forecast on 10 January. "
            "He said so in a statement issued at 8am.")
    assert by_text(nlp, text)["8am"].value == "2016-01-12T08:00"


def test_compound_durations(nlp):
    found = by_text(nlp, "The driver was jailed for three years and two months.")
    assert found["three years and two months"].value == "P3Y2M"
    found = by_text(nlp, "She spent six-and-a-half years on the board.")
    assert found["six-and-a-half years"].value == "P6Y6M"


def test_relative_periods(nlp):
    assert by_text(nlp, "The library will shut for the rest of the week.")[
        "the rest of the week"].value == "2016-W02"
    assert by_text(nlp, "Admissions rose in the first half of the year.")[
        "the first half of the year"].value == "2016-H1"
    found = by_text(nlp, "The team mended 900 roads in 2014, up from 700 the year before.")
    assert next(m for t, m in found.items() if "year before" in t).value == "2013"
    found = by_text(nlp, "Snow has fallen since the weekend.", dt.date(2016, 1, 15))
    assert found["the weekend"].value == "2016-W01-WE"  # a Friday: the weekend just gone


def test_frequencies_are_sets(nlp):
    text = ("Volunteers visit twice a week, the mobile unit calls every three months, "
            "the gritters go out every winter and the helpline is staffed 24 hours a day.")
    found = by_text(nlp, text)
    for phrase in ("twice a week", "every three months", "every winter", "24 hours a day"):
        assert found[phrase].type == "SET", phrase
    assert found["every three months"].value == "P3M"


def test_vague_and_generic_words_are_left_out(nlp):
    text = ("Patients have waited months and the ward is now full. Staff earn £12 an hour, "
            "fewer than on a normal Tuesday, the Oldham Evening Chronicle reported, "
            "and Mr Smith told Today that it was recently worse.")
    assert run(nlp, text) == []


def test_ranges_share_the_written_year(nlp):
    found = by_text(nlp, "The survey ran between February and April in 2013.")
    assert found["February"].value == "2013-02"


def test_in_some_quarters_is_among_people(nlp):
    found = {m.text: m.value for m in run_with(
        nlp, "The deal stirred indignation in many quarters and in some quarters anger.",
        vague_references=True)}
    assert found == {}
    found = {m.text: m.value for m in run_with(
        nlp, "Profits have fallen in recent quarters.", vague_references=True)}
    assert found == {"recent quarters": "PXM"}


def test_a_month_that_speaks_is_a_person(nlp):
    assert by_text(nlp, '"We were amazed," May wrote on his website.') == {}
    assert by_text(nlp, "March was the wettest month.")["March"].value == "2015-03"


def test_holocaust_memorial_day_is_not_the_us_holiday(nlp):
    found = by_text(nlp, "The film is part of the BBC's season for Holocaust Memorial Day.")
    assert found["Holocaust Memorial Day"].value == "2016-01-27"


def test_the_year_after_annual_is_a_year(nlp):
    found = by_text(nlp, "The ONS revised the annual 2004 rate of growth down to 3.2%.")
    assert found["2004"].value == "2004"


def test_this_past_weekend_is_the_one_just_gone(nlp):
    found = by_text(nlp, "This past weekend, sales rose.", dt.date(2016, 1, 13))
    assert found["This past weekend"].value == "2016-W01-WE"


def test_the_year_of_an_event_or_a_law_is_a_year(nlp):
    assert by_text(nlp, "Sales rose ahead of the 2006 World Cup.")["2006"].value == "2006"
    found = by_text(nlp, "Police may arrest them under the Terrorism Act 2000.")
    assert found["2000"].value == "2000"
    assert by_text(nlp, "Windows 2000 was launched.") == {}  # a product's name


def test_a_headline_date_ends_before_the_line_break(nlp):
    found = run(nlp, "Council to close library by March\nTuesday, January 12, 2016\nThe "
                     "council said so.")
    assert [m.text for m in found] == ["March", "Tuesday, January 12, 2016"]


def test_vague_references_follow_timex3_when_asked(nlp):
    found = run_with(nlp, "The ward is now full.", vague_references=True)
    assert [(m.text, m.value) for m in found] == [("now", "PRESENT_REF")]
    assert run(nlp, "The ward is now full.") == []


def test_the_future_as_a_time_not_as_prospects(nlp):
    def timexes(text):
        return [(m.text, m.value) for m in run_with(nlp, text, vague_references=True)]

    assert timexes("The trust said it would follow the rules in future.") == [
        ("future", "FUTURE_REF")]
    assert timexes("The plan is vital for the future.") == [("the future", "FUTURE_REF")]
    # Prospects, and a kind of thing to come, are no time.
    assert timexes("Staff met to discuss the future of the hospital.") == []
    assert timexes("The fund will cover future losses.") == []


def test_someday_ahead_is_the_future_in_timex3(nlp):
    def timexes(text):
        return [(m.text, m.value) for m in run_with(nlp, text, vague_references=True)]

    assert timexes("One day you will be able to tell your children.") == [
        ("One day", "FUTURE_REF")]
    assert timexes("The drug could one day replace surgery.") == [("one day", "FUTURE_REF")]
    # A day of a story told, and a past ability, are no time; the records leave someday out.
    assert timexes("One day he walked into the shop.") == []
    assert timexes("One day, he could not find his keys.") == []
    assert run(nlp, "One day you will be able to tell your children.") == []


def test_a_weekend_of_events_told_on_a_monday_is_the_one_just_gone(nlp):
    monday = dt.date(2016, 1, 18)
    found = by_text(nlp, "The town suffered a weekend of flooding.", monday)
    assert found["a weekend"].value == "2016-W02-WE"
    found = by_text(nlp, "Shares in the bank have risen on Monday following a weekend press "
                         "report that it had held merger talks.", monday)
    assert found["a weekend"].value == "2016-W02-WE"
    # on other days a weekend before a noun is a kind of thing
    assert by_text(nlp, "Rail firms offer a weekend break.", dt.date(2016, 1, 20)) == {}
    # A length of time, or one still to come, stays a weekend's length.
    assert by_text(nlp, "He spent a weekend in Paris.", monday)["a weekend"].value == "P1WE"
    assert by_text(nlp, "A weekend of talks will be held.", monday)["A weekend"].value == "P1WE"


def test_the_following_or_previous_month_counts_from_the_date_in_context(nlp):
    text = "The clinic was founded in 1998 and moved the following March."
    assert by_text(nlp, text)["the following March"].value == "1999-03"
    text = "The ward closed in June 2009, after a fire the previous March."
    assert by_text(nlp, text)["the previous March"].value == "2009-03"
    text = "Last year the trust missed its target after a failure the previous November."
    assert by_text(nlp, text)["the previous November"].value == "2014-11"


def test_a_weekday_naming_a_kind_of_thing_is_any_such_day(nlp):
    text = "Saturday clinics would be allowed in exceptional circumstances."
    assert by_text(nlp, text)["Saturday"].value == "XXXX-WXX-6"
    # That Saturday's, when told as past or with its own determiner.
    text = "Police arrested two men during Saturday protests."
    assert by_text(nlp, text)["Saturday"].value == "2016-01-09"


def test_as_many_units_as_the_ordinal_counts(nlp):
    found = by_text(nlp, "She is the fourth chief executive of the trust in as many years.")
    assert (found["as many years"].type, found["as many years"].value) == ("DURATION", "P4Y")
    found = by_text(nlp, "The theft is the second on the ward in as many weeks.")
    assert found["as many weeks"].value == "P2W"


def test_one_day_as_a_length_not_as_someday(nlp):
    assert by_text(nlp, "Its shares lost 18% in one day.")["one day"].value == "P1D"
    assert by_text(nlp, "The strike lasted one day.")["one day"].value == "P1D"
    assert by_text(nlp, "One day the ward will reopen.") == {}
    assert by_text(nlp, "Nurses held a one day strike.") == {}
