"""Dates as real reports tell them: plans told as past, guesses about the past, days named
again, holidays just ahead, clocks in four digits, datelines.

Sentences of our own, written after the cases the real news leads of benchmarks/timex_real/
showed. Published 2016-01-12 is a Tuesday; THURSDAY is two days later."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.dates.test_dates import PUBLISHED, by_text, run, run_with

THURSDAY = dt.date(2016, 1, 14)
FRIDAY = dt.date(2016, 1, 15)
MONDAY = dt.date(2016, 1, 11)
SPRING_2005 = dt.date(2005, 3, 10)
DECEMBER = dt.date(2015, 12, 3)
FEBRUARY = dt.date(2016, 2, 10)


# (sentence, publication date, mention, value): each row is a reading the rules must give.
CASES = [
    # A plan or expectation told as past names a time gone...
    ("Voting was due to open at 9am on Monday, but the website crashed.", THURSDAY,
     "9am on Monday", "2016-01-11T09:00"),
    ("Traders had expected the December figure to be stronger.", THURSDAY, "December",
     "2015-12"),
    ("The firm had been expected to bid in the March auction.", THURSDAY, "March", "2015-03"),
    # ... a plan still ahead, or reported as said, keeps its future.
    ("The shop is due to open on Monday.", THURSDAY, "Monday", "2016-01-18"),
    ("He said the shop was due to open on Monday.", THURSDAY, "Monday", "2016-01-18"),
    # A guess about the past ("may have seen") looks back; "would have" is a plan undone.
    ("If you watched this Saturday evening you may have seen the choir.", THURSDAY,
     "this Saturday evening", "2016-01-09TEV"),
    ("The next payment would have been due on Saturday.", THURSDAY, "Saturday", "2016-01-16"),
    # A weekday naming its event ("Thursday's show") is the nearest such day, whatever the
    # clause's future; a past clause keeps it past.
    ("Proceeds from Thursday's show will go to charities.", dt.date(2005, 3, 18), "Thursday",
     "2005-03-17"),
    ("Monday's meeting decided nothing.", dt.date(2005, 3, 18), "Monday", "2005-03-14"),
    # "ahead of" an event, in a clause of the present, is the event still to come.
    ("The economy has become the main issue ahead of Sunday's election.", dt.date(2005, 1, 27),
     "Sunday", "2005-01-30"),
    ("Shares rose ahead of Tuesday's results.", dt.date(2005, 1, 27), "Tuesday", "2005-01-25"),
    # A day glossed with its date in brackets is that date.
    ("Coming up tomorrow (Saturday 25 February) is our biggest event.", dt.date(2012, 2, 23),
     "tomorrow", "2012-02-25"),
    # "Will" in a name is no future.
    ("Meanwhile, Will Smith comedy Hitch has become the top film after taking $30m over the "
     "weekend.", dt.date(2005, 3, 14), "the weekend", "2005-W10-WE"),
    # An event still "to be held" lies ahead.
    ("The bands are playing the twin festivals, to be held on 26-28 August.",
     dt.date(2005, 2, 2), "28 August", "2005-08-28"),
    # A day between a reporting verb and the clause it reports dates the telling, wherever
    # the parser hangs it; inside the reported clause it is the clause's own.
    ("The company said on Tuesday it would close the plant.", THURSDAY, "Tuesday",
     "2016-01-12"),
    ("Officials said Tuesday the plant would close.", THURSDAY, "Tuesday", "2016-01-12"),
    ("The bank said that on Tuesday it would close the plant.", THURSDAY, "Tuesday",
     "2016-01-19"),
    # The base model reads "the Commons on Monday" as one organisation.
    ("He added he would give new figures on the number of tsunami-related British deaths to "
     "the Commons on Monday.", THURSDAY, "Monday", "2016-01-18"),
    # "until" points forward, unless its clause is in the past perfect.
    ("Until Tuesday, the police had not named him a suspect.", THURSDAY, "Tuesday",
     "2016-01-12"),
    ("The vote was postponed until Tuesday.", THURSDAY, "Tuesday", "2016-01-19"),
    # A headline's "to" and a verb, with no finite verb, tells what is to come.
    ("Council to close library on Friday\nThe council said so.", dt.date(2016, 1, 13),
     "Friday", "2016-01-15"),
    ("Retailer to sell television by Christmas\nThe firm said so.", dt.date(2016, 1, 13),
     "Christmas", "2016-12-25"),
    # A possibility in the passive looks forward too, unless it is denied.
    ("A decision could be reached in December.", dt.date(2016, 1, 13), "December", "2016-12"),
    ("Neither he nor his parents could be located on Tuesday.", THURSDAY, "Tuesday",
     "2016-01-12"),
    # The past tense of a condition still ahead is not a time gone.
    ("The firm said it would break even if sales rose in March.", THURSDAY, "March",
     "2016-03"),
    ("Sales would have risen if prices fell in March.", THURSDAY, "March", "2015-03"),
    ("Landlords had given the company until Monday to pay.", THURSDAY, "Monday",
     "2016-01-11"),
    ("Landlords have given the company until Monday to pay.", THURSDAY, "Monday",
     "2016-01-18"),
    # "the last week of March" is dated; "last week" is the one before publication.
    ("The fair opens in the last week of March and closed last week.", PUBLISHED,
     "the last week of March", "2016-W13"),
    ("The fair opens in the last week of March and closed last week.", PUBLISHED, "last week",
     "2016-W01"),
    # "this weekend": gone when the tense says so; else the nearer one.
    ("The club is hosting a gadget show in London this weekend.", FRIDAY, "this weekend",
     "2016-W02-WE"),
    ("The club hosted a gadget show in London this weekend.", THURSDAY, "this weekend",
     "2016-W01-WE"),
    ("The film is the top earner this weekend.", MONDAY, "this weekend", "2016-W01-WE"),
    # A clause of "-ing" takes the tense of the verb it completes.
    ("The choir was filmed giving its all on Saturday evening's show.", THURSDAY,
     "Saturday evening", "2016-01-09TEV"),
    ("The shop will start selling the phone on Saturday.", THURSDAY, "Saturday", "2016-01-16"),
    # A holiday within a week of publication is the one the story is about, whatever the
    # tense of its clause...
    ("Shops reported record sales on the last Saturday before Christmas.",
     dt.date(2015, 12, 19), "Christmas", "2015-12-25"),
    ("The owner said it was the busiest Christmas to date.", dt.date(2015, 12, 19),
     "Christmas", "2015-12-25"),
    ("Regulators will question the airline after delays over the Christmas weekend.",
     dt.date(2015, 12, 29), "the Christmas weekend", "2015-W52-WE"),
    ("Pilgrims gathered in the old city for Easter.", dt.date(2016, 3, 21), "Easter",
     "2016-03-27"),
    # ... further off, or not a point ahead, the past tense still points back.
    ("Shops reported record sales before Christmas.", dt.date(2015, 11, 2), "Christmas",
     "2014-12-25"),
    ("The club held a supper on Burns Night.", PUBLISHED, "Burns Night", "2015-01-25"),
    # Four digits before a zone are a clock; alone, a year.
    ("By 0710 GMT on Tuesday, the euro had risen.", THURSDAY, "0710 GMT on Tuesday",
     "2016-01-12T07:10"),
    ("Trading resumed at 1130 local time.", THURSDAY, "1130 local time", "2016-01-14T11:30"),
    ("The mill was built in 1830.", THURSDAY, "1830", "1830"),
    # A clause opened by "since" tells a time gone.
    ("The firm, reporting its first results since listing in June, said sales grew.",
     SPRING_2005, "June", "2004-06"),
    ("Sales have doubled since the shop opened in May.", SPRING_2005, "May", "2004-05"),
    # A past statement about a day and month alone: the one before publication.
    ("The 27th June date was stated in all contracts.", dt.date(2019, 5, 3), "27th June",
     "2018-06-27"),
    # A dash with spaces after a date sets off an aside; "45-year-old" has none.
    ("The report will be released on 11 March - Comic Relief day.", dt.date(2005, 2, 8),
     "11 March", "2005-03-11"),
    # "the last quarter of 2004" is its fourth.
    ("Profits fell in the last quarter of 2004.", dt.date(2005, 1, 19),
     "the last quarter of 2004", "2004-Q4"),
    # A point of comparison ("its highest since 1997") is no year in context.
    ("Optimism is at its highest since 1997. Rates could go up later in the year.",
     dt.date(2005, 2, 7), "later in the year", "2005"),
    # A record "set on 10 November" is a mark to measure against, not the day in context.
    ("The dollar was close to the record level set on 10 November. It hit a low earlier in "
     "the day.", dt.date(2004, 11, 15), "earlier in the day", "2004-11-15"),
    # "the year" a sentence closes with a month of it is that month's year.
    ("US retail sales ended the year on a high note with solid gains in December.",
     dt.date(2005, 1, 13), "the year", "2004"),
    # "in the month" after a month named is that month.
    ("Retail sales posted solid gains in December. Sales rose 1.2% in the month.",
     dt.date(2005, 1, 13), "the month", "2004-12"),
    # The months of a quarter named as one period are that quarter.
    ("GM earned $5m in the October-to-December period.", dt.date(2005, 1, 19),
     "the October-to-December period", "2004-Q4"),
    ("Sales fell in the July to September period.", dt.date(2005, 1, 19),
     "the July to September period", "2004-Q3"),
    # The pick or the best "of the year" is of the year spoken of.
    ("It was one of the biggest events of the year.", dt.date(2004, 12, 1), "the year",
     "2004"),
    ("The pound reached its strongest level of the year on Monday.", PUBLISHED, "the year",
     "2016"),
    ("Sales in 2005 were the best of the year before.", PUBLISHED, "2005", "2005"),
    # The festive season is the December the tense points to.
    ("Shoppers will spend £4bn online during the festive season.", dt.date(2004, 11, 29),
     "the festive season", "2004-12"),
    ("Sales over the Christmas period were weak.", dt.date(2005, 1, 12),
     "the Christmas period", "2004-12"),
    # A season naming when an event is held is the nearest such season, whatever the tense.
    ("Speaking at Labour's spring conference, Mr Brown attacked the Tories.",
     dt.date(2005, 2, 12), "spring", "2005-SP"),
    ("The Autumn elections ended on Thursday 24th October.", dt.date(2019, 11, 15), "Autumn",
     "2019-FA"),
    ("The party will hold its 2006 autumn conference in Manchester.", dt.date(2005, 1, 25),
     "2006 autumn", "2006-FA"),
    ("The band will play a number of summer stadium gigs.", dt.date(2005, 3, 16), "summer",
     "2005-SU"),
    # "the three months to December" names a quarter, which "the previous quarter" follows.
    ("GDP rose 0.7% in the three months to 31 December, compared with 0.5% in the previous "
     "quarter.", dt.date(2005, 1, 25), "the previous quarter", "2004-Q3"),
    # With no tense to go by, a month inside a period the sentence named is of that period.
    ("Growth in the third quarter had been zero, putting the economy at a standstill from July "
     "onward.", dt.date(2005, 2, 17), "July", "2004-07"),
    # "the latest period" of a company report is the quarter named just before.
    ("Third-quarter profit fell 10%. There were no one-time gains in the latest period.",
     dt.date(1989, 11, 2), "the latest period", "1989-Q3"),
    # A weekday, a day and its month are one date.
    ("The rooms opened at an event last Saturday, 28th October.", dt.date(2017, 11, 3),
     "Saturday, 28th October", "2017-10-28"),
    # Said in January, "the coming year" is the one just begun; "next year" is still the next.
    ("Studios are keen to exploit it in the coming year.", dt.date(2005, 1, 7),
     "the coming year", "2005"),
    ("Sales will rise next year.", dt.date(2005, 1, 7), "next year", "2006"),
    ("Studios are keen to exploit it in the coming year.", dt.date(2005, 3, 7),
     "the coming year", "2006"),
    # Figures "for the year" are for the year the sentence names.
    ("Texting will break records in 2005 too, with forecasts of 30 billion for the year.",
     dt.date(2005, 2, 1), "the year", "2005"),
    # "the previous year" compared with a quarter is that quarter a year before.
    ("Sales hit 180 million in the third quarter of 2004. That was 26% more than the previous "
     "year.", dt.date(2005, 2, 1), "the previous year", "2003-Q3"),
    ("Sales in 2004 were up on the previous year.", dt.date(2005, 2, 1), "the previous year",
     "2003"),
    # A day an event has named is that event's day.
    ("Security has been tight since 9/11.", dt.date(2005, 1, 25), "9/11", "2001-09-11"),
    ("It was the worst fall since Black Monday.", dt.date(2008, 10, 14), "Black Monday",
     "1987-10-19"),
    ("Republicans blamed the deficit on the 11 September attacks.", dt.date(2005, 1, 25),
     "11 September", "2001-09-11"),
    # (without the event's word, the date only: a meeting that is on it is still ahead)
    ("The meeting is on 11 September.", dt.date(2005, 1, 25), "11 September", "2005-09-11"),
    # Counted from the day of publication.
    ("The court will hold a first hearing a week from today.", PUBLISHED, "a week from today",
     "2016-01-19"),
    ("The vote is two weeks from now.", PUBLISHED, "two weeks from now", "2016-W04"),
    ("Bids close ten days from tomorrow.", PUBLISHED, "ten days from tomorrow", "2016-01-23"),
    # A unit after an amount that is not a rate is time.
    ("It gave its rival a year's head start.", PUBLISHED, "a year", "P1Y"),
    # "couple of" after a determiner is two.
    ("Sales rose in the last couple of weeks.", PUBLISHED, "the last couple of weeks", "P2W"),
    # "the fall" after a preposition of time is autumn.
    ("The trees are bare by the fall of 2016.", PUBLISHED, "the fall of 2016", "2016-FA"),
    # A holiday before what happens at it is this year's holiday, not a kind of thing...
    ("Toy shops are counting on Christmas shoppers.", DECEMBER, "Christmas", "2015-12-25"),
    ("The band hopes for a Christmas number one.", DECEMBER, "Christmas", "2015-12-25"),
    ("Card spending showed a post-Christmas lull in January.", FEBRUARY, "Christmas",
     "2015-12-25"),
    ("Most will do their Christmas gift buying online.", DECEMBER, "Christmas", "2015-12-25"),
    ("Factories will shut for the May Day holiday.", dt.date(2016, 4, 20), "May Day",
     "2016-05-01"),
    # ... and what comes "in time for" it is ahead, however deep the clause hangs.
    ("The phone would be in shops by the autumn, in time for the Christmas shopping season.",
     PUBLISHED, "Christmas", "2016-12-25"),
    # A market that "ended the day" lower: the trading day told of, else the article's.
    ("The index ended the day 2% lower.", FEBRUARY, "the day", "2016-02-10"),
    ("On Monday the index closed the day 2% lower.", FEBRUARY, "the day", "2016-02-08"),
    # An event "expected on" a day, in a clause without a verb of its own, is still ahead...
    ("Most said they would not vote at the election, widely expected on 5 May.", FEBRUARY,
     "5 May", "2016-05-05"),
    # ... but "than expected" compares with a forecast of a time gone.
    ("The economy created fewer jobs than expected in January.", FEBRUARY, "January",
     "2016-01"),
    # A year "full" of results is that year.
    ("Full-year 2015 sales rose 4%.", FEBRUARY, "Full-year 2015", "2015"),
    ("The carmaker reported a full-year 2015 loss.", FEBRUARY, "a full-year 2015", "2015"),
    # "this year and next": the bare word names its own year, week or month.
    ("The bank expects growth of 2% this year and next.", FEBRUARY, "next", "2017"),
    ("Output has grown this quarter and last.", FEBRUARY, "last", "2015-Q4"),
    # "the week's" best or busiest: the week of publication.
    ("The song remained the week's biggest single.", PUBLISHED, "the week", "2016-W02"),
    # The base model's "the year to March" keeps the month as a date of its own.
    ("Sales for the year to March will fall 8%.", FEBRUARY, "March", "2016-03"),
    # "New Year" without "the" is the holiday: its day, on the side the tense says.
    ("Texts sent over New Year broke records.", PUBLISHED, "New Year", "2016-01-01"),
    ("New Year's texting breaks record", PUBLISHED, "New Year", "2016-01-01"),
    ("The bars will stay open over New Year.", DECEMBER, "New Year", "2016-01-01"),
    # "in the new year", said late in a year: the start of the next, its January.
    ("Details will be announced in the new year.", DECEMBER, "the new year", "2016-01"),
    # (the base model reads "year" as a noun of "patients" here: still the date)
    ("From the new year patients waiting will be sent elsewhere.", DECEMBER, "the new year",
     "2016-01"),
    # "pre-Christmas offers" are timed by the holiday, whatever the noun.
    ("Sales were fuelled by generous pre-Christmas special offers.", FEBRUARY, "Christmas",
     "2015-12-25"),
    # The first span of a thing's life is a duration: no calendar fixes it.
    ("The console sold 50,000 in its first week on sale.", PUBLISHED, "its first week", "P1W"),
    ("Shares soared on their first day of trading.", PUBLISHED, "their first day", "P1D"),
    ("The film took $36m on its first weekend.", PUBLISHED, "its first weekend", "P1WE"),
    # "the holidays" said from November to January: December's.
    ("Spending should rise going into the holidays.", dt.date(2015, 11, 5), "the holidays",
     "2015-12"),
]


@pytest.mark.parametrize(("sentence", "published", "mention", "value"), CASES)
def test_reading(nlp, sentence, published, mention, value):
    assert by_text(nlp, sentence, published)[mention].value == value


@pytest.mark.parametrize(("sentence", "mention"), [
    ("Lecturers will strike in the last week of term.", "the last week"),
    ("At the time of the fall, two rescuers were close.", "the fall"),
    ("Since the fall of the Wall, trade grew.", "the fall"),
    ("Second and third years must teach, while first years need not.", "years"),
    ("He read The Sunday Times on the train.", "Sunday"),
    ("Sales rose in the month.", "the month"),  # no month named: which one is not said
    ("Snow is common at this time of the year.", "the year"),  # any year
    ("The trust drew up winter plans.", "winter"),  # a kind of plan
    ("Stars who turned out on the night included Honor Blackman.", "the night"),  # an event's
    ("Tony Robinson told ITV1's This Morning the show was coming back.", "This Morning"),
    ("George hopes to have the hall ready for Spring Term.", "Spring"),  # a term's name
    ("The latest period of unrest began in the spring.", "the latest period"),
    ("The next spring tide could wash them away.", "spring"),
    ("She sent him an electronic Christmas card.", "Christmas"),  # a kind of card
    ("Start the day with a good breakfast.", "the day"),  # any day
    ("We will meet this week and next Monday.", "next"),  # a day of its own
    ("She wished them a Happy New Year.", "New Year"),  # a greeting
    ("Chinese New Year falls in February.", "New Year"),  # another calendar's
    ("It was a new year for the company.", "new year"),
    ("He was knighted in the New Year Honours.", "the New Year"),  # a list's name
    ("Movies from 20th Century Fox will be on sale.", "20th Century"),  # a studio's name
])
def test_not_a_date(nlp, sentence, mention):
    assert mention not in by_text(nlp, sentence)


def test_the_holidays_said_in_summer_are_that_summer(nlp):
    # the school and university holidays: no calendar fixes their days, but they are that summer
    assert by_text(nlp, "The children are away for the holidays.", dt.date(2016, 7, 20))[
        "the holidays"].value == "2016-SU"
    assert "the holidays" not in by_text(nlp, "The children are away for the holidays.",
                                         dt.date(2016, 4, 20))


def test_vague_years_stay_in_timex3(nlp):
    # (vague amounts of time are TIMEX3's, not the records')
    found = {m.text: m.value for m in run_with(nlp, "The repairs took years. In the first two "
                                                    "or three weeks, sales were slow.",
                                               vague_references=True)}
    assert found["years"] == "PXY"
    assert found["the first two or three weeks"] == "PXW"  # an amount not fixed
    found = [(m.text, m.value) for m in run_with(nlp, "Fans queued for hours. The shop shut "
                                                      "just hours after it opened. Its opening "
                                                      "hours were cut.", vague_references=True)]
    assert found == [("hours", "PTXH")] * 2  # "opening hours" are a kind of hours
    assert "hours" not in by_text(nlp, "Fans queued for hours.")  # the records leave it out
    found = {m.text: m.value for m in run_with(
        nlp, "Few plants are built in Europe these days. Output is 2,000 presently.",
        vague_references=True)}
    assert found == {"these days": "PRESENT_REF", "presently": "PRESENT_REF"}


@pytest.mark.parametrize(("sentence", "soon"), [
    ("Shoppers could soon be paying by phone.", "soon"),
    ("The firm will launch the service very soon, its chief said.", "very soon"),
    ("Prices are not expected to fall in the near future.", "the near future"),
    ("It will regain momentum in a not-too-distant future.", "not-too-distant future"),
    ("It will happen in the not too distant future.", "the not too distant future"),
    ("The cash soon became a flood.", None),  # a time told from the story's own events
    ("He called back as soon as he could.", None),
    ("It was found soon after the storm.", None),
    ("Benefits for the soon-to-retire generation are large.", None),
])
def test_soon_is_a_vague_future_in_timex3(nlp, sentence, soon):
    found = {m.text: m.value for m in run_with(nlp, sentence, vague_references=True)}
    if soon is None:
        assert not any("soon" in text for text in found)
    else:
        assert found[soon] == "FUTURE_REF"
    assert not any("soon" in m.text for m in run_with(nlp, sentence))  # the records: vague


def test_a_rate_is_a_set_in_timex3_and_left_out_of_the_records(nlp):
    text = "Their children were paid $150,000 a year, and China smokes 1.7 trillion a year."
    assert [(m.text, m.type, m.value) for m in run_with(nlp, text, vague_references=True)] == [
        ("a year", "SET", "P1Y"), ("a year", "SET", "P1Y")]
    assert by_text(nlp, text) == {}
    found = {m.text: m.value for m in run_with(nlp, "Staff teach six hours per week and sit "
                                                    "two exams per day.", vague_references=True)}
    assert (found["per week"], found["per day"]) == ("P1W", "P1D")
    assert not any("per" in text for text in by_text(nlp, "Staff teach six hours per week."))
    # a speed's time noun is tagged as any rate's is (the notes of bbctech3, bbctech7, reuters3)
    assert [(m.text, m.value) for m in run_with(nlp, "The river flows at 300 cubic feet per second.",
                                                vague_references=True)] == [("per second", "PT1S")]
    found = {m.text: m.value for m in run_with(
        nlp, "A new model will come every six months from now on.", vague_references=True)}
    assert found == {"every six months": "P6M", "now": "PRESENT_REF"}


def test_at_the_moment_is_now_in_timex3(nlp):
    found = {m.text: m.value for m in run_with(
        nlp, "She is one of the most promising actresses at the moment.", vague_references=True)}
    assert found == {"at the moment": "PRESENT_REF"}
    assert run_with(nlp, "At the moment of impact, the car stopped.", vague_references=True) == []
    assert by_text(nlp, "She is one of the most promising actresses at the moment.") == {}


@pytest.mark.parametrize(("sentence", "duration", "value"), [
    ("The slump followed four consecutive quarters of growth.", "four consecutive quarters",
     "P12M"),
    ("A recession is two successive quarters of falling output.", "two successive quarters",
     "P6M"),
    ("Prices rose for three straight months.", "three straight months", "P3M"),
    # a count of units whatever they were like
    ("His appointment follows two difficult years for the firm.", "two difficult years",
     "P2Y"),
    ("The strike lasted three long weeks.", "three long weeks", "P3W"),
    # "single" as "one": "its largest single-day gain"
    ("The Dow posted its largest single-day point gain.", "single-day", "P1D"),
    ("The index had its best single week since 2003.", "single week", "P1W"),
])
def test_a_count_of_consecutive_units_is_a_duration(nlp, sentence, duration, value):
    assert by_text(nlp, sentence)[duration].value == value


def test_early_in_the_day_and_not_long_ago(nlp):
    found = by_text(nlp, "Shares traded at 372 riyals after topping 400 early in the day.")
    assert found["early in the day"].value == "2016-01-12"
    assert run(nlp, "Please come as early in the day as you can.") == []  # any day, a manner
    found = {m.text: m.value for m in run_with(
        nlp, "Not too long ago, many people thought gaming was a fad.", vague_references=True)}
    assert found == {"Not too long ago": "PAST_REF"}
    assert run(nlp, "Not too long ago, many people thought gaming was a fad.") == []


@pytest.mark.parametrize(("sentence", "text", "value"), [
    # one day of an event, or of a thing's life: its length, which no calendar fixes
    ("Evidence came on the first day of a two-day hearing.", "the first day", "P1D"),
    ("During his second day of questioning he denied it.", "his second day", "P1D"),
    # the ordinal day of a month is that day
    ("The sale starts on the first day of May.", "the first day of May", "2016-05-01"),
])
def test_the_ordinal_day_of_an_event_or_a_month(nlp, sentence, text, value):
    assert by_text(nlp, sentence)[text].value == value


def test_the_first_day_of_the_month_is_no_length(nlp):
    assert run(nlp, "On the first day of the month, rents are due.") == []
    # a count of rises, not a day's length
    assert run(nlp, "Shares rose for the second day running.") == []


@pytest.mark.parametrize("sentence", [
    "It was a difficult month for retailers.",
    "Sales rose to 24,000 last year.",
    "The paper was proposed by a first year student.",
])
def test_a_quality_of_one_unit_is_no_duration(nlp, sentence):
    assert not any(m.type == "DURATION" for m in run(nlp, sentence))


@pytest.mark.parametrize("sentence", [
    "The plan aims to save between £190m and £265m annually.",
    "Revenue is forecast to grow by 20% annually.",
    "The plant would produce about 10,000 units annually.",
])
def test_an_amount_per_year_is_a_rate_not_a_time(nlp, sentence):
    assert run_with(nlp, sentence, vague_references=True) == []


def test_a_recurring_event_is_a_set(nlp):
    found = {m.text: m.value for m in run_with(nlp, "Rallies are held here annually.",
                                               vague_references=True)}
    assert found == {"annually": "P1Y"}


def test_a_day_range_with_weekdays_gives_the_start_its_month(nlp):
    found = by_text(nlp, "The fair will be held on Saturday 20 and Sunday 21 February.",
                    THURSDAY)
    assert found["Saturday 20"].value == "2016-02-20"
    assert found["Sunday 21 February"].value == "2016-02-21"


def test_quarters_ahead_are_a_duration_not_a_share(nlp):
    found = by_text(nlp, "The index is a guide to output two quarters ahead.")
    assert found["two quarters"].value == "P6M"
    assert by_text(nlp, "More than a quarter have bought a gadget.") == {}


def test_an_ordinal_run_is_not_a_duration(nlp):
    assert by_text(nlp, "It was the third straight quarter of losses.") == {}


def test_people_of_today_are_of_the_present_age(nlp):
    text = "The game is a wake-up call to today's gamers."
    found = {m.text: m.value for m in run_with(nlp, text, vague_references=True)}
    assert found == {"today": "PRESENT_REF"}
    assert by_text(nlp, text) == {}  # the records leave a vague present out
    # the day's own figures, or a single thing of the day, are the day of publication
    assert by_text(nlp, "Today's figures showed a rise.")["Today"].value == "2016-01-12"
    assert by_text(nlp, "Today's vote was close.")["Today"].value == "2016-01-12"


def test_a_state_of_today_set_against_long_ago_is_the_present_age(nlp):
    text = "Eighteen months ago we had 40 employees. Today we have 380."
    found = {m.text: m.value for m in run_with(nlp, text, vague_references=True)}
    assert found["Today"] == "PRESENT_REF"
    # an event of the day stays the day, whatever came before
    found = by_text(nlp, "Two years ago the plan failed. Today the board meets to decide.")
    assert found["Today"].value == "2016-01-12"


def test_a_named_day_needs_its_event_to_have_happened(nlp):
    text = "The 7/7 bombings shook London."
    assert by_text(nlp, text, dt.date(2006, 1, 25))["7/7"].value == "2005-07-07"
    assert "7/7" not in by_text(nlp, text, dt.date(2005, 1, 25))


def test_a_season_in_an_events_name_is_marked_in_timex3_only(nlp):
    text = "Candidates stood in the Autumn Elections."
    assert by_text(nlp, text, dt.date(2019, 11, 15)) == {}
    assert [(m.text, m.value) for m in run_with(nlp, text, dt.date(2019, 11, 15),
                                                vague_references=True)] == [("Autumn", "2019-FA")]


def test_timeml_splits_a_clock_time_from_its_part_of_day(nlp):
    found = {m.text: m.value for m in run_with(nlp, "The doors opened at 9:00am on Monday "
                                                    "morning.", THURSDAY, timeml_extents=True)}
    assert found["9:00am"] == "2016-01-11T09:00"
    assert found["Monday morning"] == "2016-01-11TMO"


def test_a_day_named_again_is_the_same_day(nlp):
    found = run_with(nlp, "Move-out day has been pushed up to Thursday 27th June. The 27th June "
                          "date was stated in all contracts.", dt.date(2019, 5, 3))
    assert [m.value for m in found if "27th June" in m.text] == ["2019-06-27", "2019-06-27"]


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


def test_a_dateline_is_a_line_that_is_only_a_date(nlp):
    dateline = nlp.get_pipe("newsfacts_dates").resolver.dateline
    assert dateline("Boeing delays 787\nTuesday, March 4, 2008\nBoeing said") == \
        dt.date(2008, 3, 4)
    assert dateline("Head\n4th of March 2008\nText") == dt.date(2008, 3, 4)
    assert dateline("Head\nThe meeting is on March 4, 2008.\n") is None
    assert dateline("Head\nMay 2008\nText") is None  # no day: not a dateline
    assert dateline("Head\nFebruary 30, 2009\nText") is None
    assert dateline("Head\n2008-02-30\nText") is None  # an impossible day is no date


def test_timeml_gives_the_first_amount_of_a_range_the_second_ones_unit(nlp):
    found = {m.text: m.value for m in run_with(
        nlp, "Cords will be replaced within two to four weeks; the loan runs for 5-6 years.",
        THURSDAY, timeml_extents=True)}
    assert found == {"two": "P2W", "four weeks": "P4W", "5": "P5Y", "6 years": "P6Y"}
    # an age range is no amount of time; the records keep the range's written amount only
    assert run_with(nlp, "Only 14-16 year olds knew.", THURSDAY, timeml_extents=True) == []
    assert "two" not in by_text(nlp, "Cords will be replaced within two to four weeks.")


@pytest.mark.parametrize(("sentence", "text"), [
    ("Sales fell after a wet European summer.", "a wet European summer"),
    ("Hiring picked up after a slow summer of weak gains.", "a slow summer"),
])
def test_a_season_with_its_qualities_is_the_season_the_tense_points_to(nlp, sentence, text):
    assert {m.text: m.value for m in run(nlp, sentence, FEBRUARY)} == {text: "2015-SU"}


def test_a_qualified_spring_is_no_season(nlp):
    assert run(nlp, "They bathed in a hot spring.", FEBRUARY) == []


def test_every_day_of_the_week_is_one_rate(nlp):
    found = run_with(nlp, "Thousands of people are added to the total every day of the week.",
                     THURSDAY, vague_references=True, timeml_extents=True)
    assert [(m.text, m.type, m.value) for m in found] == [("every day of the week", "SET", "P1D")]


def test_a_decade_as_a_modifier_is_a_decade_and_a_possessed_one_an_age(nlp):
    found = {m.text: m.value for m in run(nlp, "It looks like a 1980s handheld prototype.",
                                          THURSDAY)}
    assert found == {"1980s": "198"}
    assert run(nlp, "He married in his late thirties.", THURSDAY) == []
    assert {m.text: m.value for m in run(nlp, "Music of the thirties was loud.", THURSDAY)} == \
        {"the thirties": "193"}


@pytest.mark.parametrize(("sentence", "value"), [
    ("The firm is likely to unveil its results on Friday.", "2016-01-15"),
    ("A spokesman said the details were likely to be set out when it unveiled its results on "
     "Friday.", "2016-01-15"),
    ("He said he would resign when the board met on Friday.", "2016-01-15"),
    ("He was sacked when he arrived on Friday.", "2016-01-08"),
])
def test_a_likely_event_and_a_time_clause_under_it_look_ahead(nlp, sentence, value):
    assert by_text(nlp, sentence)["Friday"].value == value


def test_the_year_spoken_of_is_not_the_one_compared_with(nlp):
    text = ("Gamers spent £1.3bn in 2004, 7% more than they did in 2003. Records were broken by "
            "the top title of the year, a crime game.")
    found = run_with(nlp, text, dt.date(2005, 1, 10), vague_references=True, timeml_extents=True)
    assert [m.value for m in found if m.text == "the year"] == ["2004"]


@pytest.mark.parametrize(("sentence", "text"), [
    ("Batteries may soon last an entire working day.", "an entire working day"),
    ("The exchange lost a full trading day.", "a full trading day"),
])
def test_a_whole_working_day_is_a_day(nlp, sentence, text):
    assert {m.text: m.value for m in run(nlp, sentence, THURSDAY)} == {text: "P1D"}


def test_today_in_an_as_clause_is_the_present_age(nlp):
    found = run_with(nlp, "It is an enhancement of radio as we know it today.", THURSDAY,
                     vague_references=True, timeml_extents=True)
    assert [(m.text, m.value) for m in found] == [("today", "PRESENT_REF")]
    assert by_text(nlp, "Shares rose today as investors cheered.")["today"].value == "2016-01-12"


def test_an_amount_given_as_one_of_two_numbers_is_vague(nlp):
    found = run_with(nlp, "The debts built up over 20 or 30 years.", THURSDAY,
                     vague_references=True, timeml_extents=True)
    assert [(m.text, m.type, m.value) for m in found] == [("20 or 30 years", "DURATION", "PXY")]
    # the records leave a vague amount out, as they do "two or three years"
    assert run(nlp, "The debts built up over 20 or 30 years.", THURSDAY) == []


@pytest.mark.parametrize("sentence", [
    "His successor had only been in the job one day.",
    "The launch was delayed by one day.",
])
def test_one_day_in_a_post_or_as_a_margin_is_a_days_length(nlp, sentence):
    assert {m.text: m.value for m in run(nlp, sentence, THURSDAY)} == {"one day": "P1D"}


def test_one_day_when_is_no_length(nlp):
    assert run(nlp, "He was in office one day when the bank fell.", THURSDAY) == []


@pytest.mark.parametrize("text", [
    "The web looks very different today than it did ten years ago.",
    "The chip gives far more security than we enjoy today.",
    "The guidelines are still relevant to the web of today.",
])
def test_today_compared_with_the_past_or_owning_a_noun_is_the_present_age(nlp, text):
    found = run_with(nlp, text, THURSDAY, vague_references=True, timeml_extents=True)
    assert [m.value for m in found if m.text == "today"] == ["PRESENT_REF"]


def test_today_compared_with_a_recent_day_stays_the_day(nlp):
    found = by_text(nlp, "Shares are trading lower today than they were on Friday.")
    assert found["today"].value == "2016-01-12"


@pytest.mark.parametrize(("text", "expected"), [
    ("But for the moment it is a separate piece of hardware.", ["for the moment"]),
    ("MP3 players, the mass gadget of the moment, will disappear.", ["of the moment"]),
    ("They waited for the moment to strike.", []),
    ("It was said in the heat of the moment.", []),
])
def test_for_the_moment_and_the_thing_of_the_moment_are_now(nlp, text, expected):
    found = run_with(nlp, text, vague_references=True)
    assert [m.text for m in found if m.value == "PRESENT_REF"] == expected
    assert len(found) == len(expected)


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Oil fell in New York on milder winter weather.", dt.date(2005, 1, 4), "2004-WI"),
    ("The poor summer weather had hit soft drink sales.", dt.date(2005, 2, 23), "2004-SU"),
    ("With winter temperatures staying high, demand for heating oil fell.", dt.date(2005, 1, 4),
     "2004-WI"),
])
def test_a_season_qualifying_its_weather_is_the_season_the_tense_points_to(
        nlp, text, published, expected):
    found = by_text(nlp, text, published)
    assert [m.value for m in found.values()] == [expected]


def test_a_season_qualifying_other_things_is_no_date(nlp):
    assert by_text(nlp, "The firm sells winter coats and spring water.") == {}


@pytest.mark.parametrize(("text", "published", "mention", "value"), [
    # a "will" in a relative clause about someone else is not the tense of the span's clause
    ("Mr Tsuda, who will become chairman, was appointed two months ago but the business has "
     "struggled since then, losing customers in January.", dt.date(2005, 2, 7), "January",
     "2005-01"),
    # a future phrase is matched as words, not inside others ("is to" in "analysis tool")
    ("Its new analysis tool Piero at the match on Saturday.", dt.date(2005, 2, 16), "Saturday",
     "2005-02-12"),
    ("The firm is to close the plant on Saturday.", dt.date(2005, 2, 16), "Saturday",
     "2005-02-19"),
])
def test_the_tense_is_read_from_the_spans_own_clauses(nlp, text, published, mention, value):
    assert by_text(nlp, text, published)[mention].value == value


def test_a_headline_season_with_its_quality_and_no_article(nlp):
    found = by_text(nlp, "Mild winter drives US oil down 6%\nPrices fell.", dt.date(2004, 12, 27))
    assert found["Mild winter"].value == "2004-WI"


@pytest.mark.parametrize(("text", "expected"), [
    ("New episodes appear on the web hours after they are shown in the US.", [("hours", "PTXH")]),
    ("He faked a crash to avoid a test days before the start of the Olympics.", [("days", "PXD")]),
    ("Police were seen in the days before the vote.", []),
])
def test_bare_hours_or_days_before_or_after_an_event_are_a_vague_span(nlp, text, expected):
    found = run_with(nlp, text, vague_references=True, timeml_extents=True)
    assert [(m.text, m.value) for m in found] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("said a senior adviser at the Forum for the Future.", []),
    ("The Future is bright, he said.", ["The Future"]),
    ("He fears for the future.", ["the future"]),
])
def test_the_future_capitalised_inside_a_sentence_is_a_name(nlp, text, expected):
    found = run_with(nlp, text, vague_references=True)
    assert [m.text for m in found] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("At present, the fuel used by airlines is untaxed.", ["present"]),
    ("The fuel is at present untaxed.", ["present"]),
    ("They trade at present prices.", []),
])
def test_at_present_is_now_in_timex3(nlp, text, expected):
    found = run_with(nlp, text, vague_references=True, timeml_extents=True)
    assert [m.text for m in found if m.value == "PRESENT_REF"] == expected
    assert len(found) == len(expected)


def test_an_events_day_may_be_followed_by_names_before_the_event(nlp):
    found = by_text(nlp, "Airlines faced terrorism fears since the 11 September World Trade "
                         "Centre attack.", dt.date(2005, 1, 6))
    assert found["11 September"].value == "2001-09-11"
    found = by_text(nlp, "On 11 September Smith Jones arrived.", dt.date(2005, 1, 6))
    assert found["11 September"].value == "2004-09-11"


@pytest.mark.parametrize(("text", "expected"), [
    ("Instead of morning or evening exams, there would be three timeslots.",
     [("morning", "XXXX-XX-XXTMO"), ("evening", "XXXX-XX-XXTEV")]),
    ("Students are not impeded by lunchtime lectures or labs.", [("lunchtime", "XXXX-XX-XXTMI")]),
    ("Commercials shown during early morning cartoon shows will now be replaced.",
     [("early morning", "XXXX-XX-XXTMO"), ("now", "PRESENT_REF")]),
    ("Two men were held during evening protests.", []),
    ("The night shifts are long.", []),
])
def test_a_part_of_day_classing_a_plural_noun_is_any_days_in_timex3(nlp, text, expected):
    found = run_with(nlp, text, vague_references=True, timeml_extents=True)
    assert [(m.text, m.value) for m in found] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("China's web\nNet usage tends to happen in the evening, said Mr Makower.", "XXXX-XX-XXTEV"),
    ("Shops\nShops usually open in the morning.", "XXXX-XX-XXTMO"),
    ("Football\nThe match kicks off in the evening.", "2016-01-12TEV"),
    ("Fire\nHe arrived in the evening.", "2016-01-12TEV"),
    ("Awards\nStars are in the audience for the biggest night in UK film.", "2016-01-12TNI"),
])
def test_a_part_of_day_in_a_habitual_clause_is_any_days_in_timex3(nlp, text, expected):
    found = run_with(nlp, text, vague_references=True, timeml_extents=True)
    assert [m.value for m in found] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Paul Marshall, Director of the 1994 Group, spoke.", []),
    ("Tory MPs of the 1922 Committee met on Monday.", ["Monday"]),
    ("The 1994 group stage was hard.", ["1994"]),
])
def test_a_year_naming_a_group_or_committee_is_no_date(nlp, text, expected):
    assert list(by_text(nlp, text)) == expected


def test_the_year_of_a_law_is_a_year_even_when_the_base_model_misses_the_law(nlp):
    found = by_text(nlp, "Lord Falconer agreed the 1701 Act of Settlement was discriminatory. "
                         "The 1998 Act was passed.", dt.date(2005, 2, 1))
    assert [(m.text, m.value) for m in found.values()] == [("1701", "1701"), ("1998", "1998")]


@pytest.mark.parametrize(("text", "value"), [
    ("He left 10 years ago and was a massive part of my life throughout that decade.", "P10Y"),
    ("In the 1990s sales grew, and during that decade prices fell.", "199"),
])
def test_that_decade_is_the_decade_named_or_the_ten_years_told_of(nlp, text, value):
    assert by_text(nlp, text, dt.date(2005, 3, 16))["that decade"].value == value


@pytest.mark.parametrize(("text", "expected"), [
    ("They were told by hosts Ant and Dec.", []),
    ("Sales rose in Nov. and Dec., the firm said.", ["Nov.", "Dec."]),
    ("Figures for Dec. were weak.", ["Dec."]),
])
def test_a_short_month_alone_needs_a_preposition_or_another_month(nlp, text, expected):
    assert list(by_text(nlp, text, dt.date(2004, 12, 4))) == expected


def test_a_day_at_the_end_of_a_long_chain_of_phrases_takes_the_future_of_its_verb(nlp):
    found = by_text(nlp, "The airline said it would add a fuel surcharge of 60 kroner to every "
                         "ticket from Monday.", dt.date(2004, 7, 29))
    assert found["Monday"].value == "2004-08-02"


@pytest.mark.parametrize(("published", "value"), [
    (dt.date(2006, 10, 29), "2006-12-25"),  # a deadline still ahead, promised before
    (dt.date(2006, 1, 10), "2005-12-25"),   # a holiday gone: the one just past
])
def test_in_time_for_a_holiday_soon_is_the_coming_one_whatever_the_tense(nlp, published, value):
    found = by_text(nlp, "Players had been promised the console in time for Christmas.",
                    published)
    assert found["Christmas"].value == value


SATURDAY = dt.date(2016, 1, 16)


@pytest.mark.parametrize(("text", "published", "mention", "value"), [
    # a plain "was due" says nothing of which side of publication: the nearest such time
    ("The minister was due to be given an award on Sunday.", SATURDAY, "Sunday", "2016-01-17"),
    ("Smith, whose contract was due to expire in June, has signed a new deal.", FEBRUARY,
     "June", "2016-06"),
    # a time set for something to come
    ("Shares fell ahead of the trade figures due on Monday.", FRIDAY, "Monday", "2016-01-18"),
    ("Investors are waiting for the figures due on Monday.", FRIDAY, "Monday", "2016-01-18"),
    ("Traders said the market was nervous ahead of the survey due on Monday.", FRIDAY, "Monday",
     "2016-01-18"),
    # ... but not a payment told as missed
    ("The firm missed a payment that was due on Monday.", FRIDAY, "Monday", "2016-01-11"),
])
def test_a_time_something_is_due_at(nlp, text, published, mention, value):
    assert by_text(nlp, text, published)[mention].value == value


@pytest.mark.parametrize(("text", "value"), [
    ("September heating oil stood 1.02 cents lower at 62.65 cents a gallon.", "2016-09"),
    ("The September Bund future was trading at 97.18, down 0.20.", "2016-09"),
    ("Crude rose to $42.30 a barrel for February delivery.", "2017-02"),
    ("January crude imports fell 5 percent.", "2016-01"),  # what January measured
])
def test_the_month_of_a_futures_contract_is_one_still_traded(nlp, text, value):
    found = by_text(nlp, text, dt.date(2016, 8, 30))
    assert [m.value for m in found.values()][0] == value


def test_a_day_of_a_thing_still_to_be_done_is_ahead(nlp):
    found = by_text(nlp, "The group called on Saturday for calm during a census from Tuesday to "
                         "be conducted by aid workers.", SATURDAY)
    assert found["Tuesday"].value == "2016-01-19"


@pytest.mark.parametrize(("text", "expected"), [
    ("The consortium will bid for the chain, Zycie Warszawy daily said on Saturday.",
     ["Saturday"]),
    ("The Spanish daily El Pais reported the deal on Tuesday.", ["Tuesday"]),
    ("The shop opens daily at 9am.", ["daily", "9am"]),
])
def test_a_daily_newspaper_is_no_set(nlp, text, expected):
    assert list(by_text(nlp, text, SATURDAY)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Imports probably won't become possible for another year.", {"another year": "P1Y"}),
    ("The discs will not be out for another year or so.", {"another year": "P1Y"}),
    ("It will take a decade or so to build.", {"a decade": "P10Y"}),
    ("It was another year of growth.", {}),  # one more year, no length of time
])
def test_for_another_year_is_a_year_long(nlp, text, expected):
    assert {m.text: m.value for m in by_text(nlp, text, FEBRUARY).values()} == expected


def test_a_time_clause_hung_on_a_noun_takes_the_future_of_its_main_clause(nlp):
    found = by_text(nlp, "Peace and prosperity would be the key themes when the UK took over "
                         "the chairmanship of the EU in July, said Mr Straw.", FEBRUARY)
    assert found["July"].value == "2016-07"


@pytest.mark.parametrize("text", [
    "Singapore has a mandatory death sentence for anyone over 18 years of age found guilty.",
    "The survey asked 500 British 16 to 20-year-olds and 500 21 to 25-year olds.",
])
def test_an_age_is_no_duration(nlp, text):
    assert by_text(nlp, text, FEBRUARY) == {}


@pytest.mark.parametrize(("text", "expected"), [
    ('Turkey in the EU was of "importance to the future peace and prosperity of my country".',
     {}),
    ("He wrote the song with June Carter, the future wife of Johnny Cash.", {}),
    ("In the future prices will rise.", {"the future": "FUTURE_REF"}),
    ("People are worried about the future and fear a wider conflict.",
     {"the future": "FUTURE_REF"}),
])
def test_future_before_a_noun_is_no_time(nlp, text, expected):
    found = run_with(nlp, text, FEBRUARY, vague_references=True)  # TIMEX3 keeps "the future"
    assert {m.text: m.value for m in found} == expected


@pytest.mark.parametrize("text", [
    "Under the Anti-Terrorism Crimes and Security Act 2001, suspects can be held.",
    "Under the Anti-Terrorism, Crime and Security Act 2001, suspects can be held.",
])
def test_the_year_after_act_dates_a_law(nlp, text):
    assert {m.text: m.value for m in by_text(nlp, text, FEBRUARY).values()} == {"2001": "2001"}


@pytest.mark.parametrize(("text", "value"), [
    ("The August Chicago NAPM rose 8.8 points to 60.0.", "2016-08"),
    ("Markets were shaken by a rise in the August National Association of Purchasing "
     "Management index.", "2016-08"),
    ("The September Bund future on the London International Financial Futures and Options "
     "Exchange (LIFFE) was trading at 97.18.", "2016-09"),
])
def test_a_month_the_base_model_took_into_a_name_still_dates_it(nlp, text, value):
    found = by_text(nlp, text, dt.date(2016, 8, 30))
    assert [m.value for m in found.values()] == [value]


@pytest.mark.parametrize(("text", "expected"), [
    ("The ban on hunting came into force overnight.", {"overnight": "2016-01-15TNI"}),
    ("Lebed said they agreed after overnight talks to defer the decision.",
     {"overnight": "2016-01-15TNI"}),
    ("Rain is expected overnight.", {"overnight": "2016-01-16TNI"}),
    ("This is not going to happen overnight.", {}),
    ("The band became an overnight success.", {}),
    ("The audience peaked at 14 million, overnight figures showed.", {}),
    ("The patients will stay overnight.", {"overnight": "2016-01-16TNI"}),  # not a stay's kind
])
def test_overnight_is_the_night_just_gone_or_to_come_unless_it_means_suddenly(nlp, text,
                                                                            expected):
    assert {m.text: m.value for m in by_text(nlp, text, SATURDAY).values()} == expected


def test_an_infinitive_after_a_passive_told_as_past_is_past(nlp):
    found = by_text(nlp, "Ms Hughes was forced to resign in April over abuses in the visa "
                         "system.", DECEMBER)
    assert found["April"].value == "2015-04"
    assert by_text(nlp, "Ms Hughes was expected to resign in April.", DECEMBER)["April"].value \
        == "2016-04"


@pytest.mark.parametrize(("text", "mention", "value"), [
    ("Most commentators have been expecting an election on 5 May.", "5 May", "2016-05-05"),
    ("With the election widely predicted for May, MPs warned the leaders.", "May", "2016-05"),
    ("Experts predict a gadget shortage in May.", "May", "2016-05"),
    ("It is likely to set out the battleground for the election, widely expected on 5 May.",
     "5 May", "2016-05-05"),  # the parser hangs "expected" on "is"
    ("Shares fell, as predicted in March.", "March", "2015-03"),
    ("Shops were expecting a record March.", "March", "2015-03"),
])
def test_what_is_expected_now_is_ahead(nlp, text, mention, value):
    assert by_text(nlp, text, DECEMBER)[mention].value == value


@pytest.mark.parametrize(("text", "expected"), [
    ("The label is releasing the singles at the rate of one a week.", {"a week": "P1W"}),
    ("It takes half an hour.", {"half an hour": "PT30M"}),
])
def test_one_a_week_is_a_rate_not_two_weeks(nlp, text, expected):
    assert {m.text: m.value for m in run_with(nlp, text, FEBRUARY, vague_references=True)} \
        == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("We were all class of '83, and over that nearly quarter of a century the world changed.",
     {"'83": "1983", "quarter of a century": "P25Y"}),
    ("It was the best album of the 1980's, critics said.", {"the 1980's": "198"}),
    ("He said '83 people died'.", {}),
])
def test_years_and_decades_written_short(nlp, text, expected):
    assert {m.text: m.value for m in by_text(nlp, text, FEBRUARY).values()} == expected


@pytest.mark.parametrize(("published", "value"), [
    (dt.date(2004, 11, 8), "2004-12-09"),  # the coming Thursday that is a 9th
    (dt.date(2004, 12, 20), "2004-12-09"),
])
def test_a_weekday_with_a_day_number_and_no_month_is_the_nearest_such_day(nlp, published, value):
    found = by_text(nlp, "The guitarist will appear on the afternoon show on Thursday 9.",
                    published)
    assert found["Thursday 9"].value == value


@pytest.mark.parametrize(("text", "expected"), [
    ("He managed Joy Division and the Happy Mondays.", []),
    ("A report in the Sunday Business claimed he was asked to lead.", []),
    ("The shop is closed on Mondays.", ["Mondays"]),
])
def test_weekdays_in_names_are_no_dates(nlp, text, expected):
    assert list(by_text(nlp, text, FEBRUARY)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Songs will be played on Friday in aid of victims of the Boxing Day disaster.",
     {"Friday": "2005-01-07", "Boxing Day": "2004-12-26"}),
    ("The cardinal used a Christmas message to denounce the war.", {"Christmas": "2004-12-25"}),
    ("He sent Christmas cards.", {}),
])
def test_a_holiday_naming_its_event_or_message_is_that_holiday(nlp, text, expected):
    found = by_text(nlp, text, dt.date(2005, 1, 4))
    assert {m.text: m.value for m in found.values()} == expected


def test_the_second_amount_of_a_range_takes_the_first_ones_unit(nlp):
    found = run_with(nlp, "He backs a cut in the limit from 24 weeks to 20 and more. Prices "
                          "rose from 10 years to 12%.", FEBRUARY, timeml_extents=True)
    assert [(m.text, m.value) for m in found] == [("24 weeks", "P24W"), ("20", "P20W"),
                                                  ("10 years", "P10Y")]


def test_the_time_a_plan_is_for_is_ahead(nlp):
    found = by_text(nlp, "He has played a key role in the plan for a February election.",
                    dt.date(2004, 10, 31))
    assert found["February"].value == "2005-02"
