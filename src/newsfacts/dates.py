"""Dates: every temporal expression of an article, typed and resolved to a TIMEX3-style value.

Candidates come from the base model's DATE and TIME entities plus our own token patterns
(`models/date_patterns.json`, run by spaCy's `Matcher` on the stretches of text around words that
can start a time expression, each stretch with only the patterns whose required words it holds:
`newsfacts.matching.GatedMatcher`).
Each candidate is trimmed to its temporal words, glued to a neighbouring candidate when the two
name one moment ("8am" + "on" + "Tuesday"), then resolved by `TimexResolver`; a candidate the
resolver cannot read as time ("11 day case procedures", "the last minute") is dropped.

Conventions of the values (TIMEX3, as in TimeBank and TempEval-3):

- Granularity is kept: "December" -> 2015-12, "last week" -> 2016-W01, "2019" -> 2019,
  "Monday night" -> 2016-01-11TNI, "8am on Tuesday" -> 2016-01-12T08:00, "summer" -> 2016-SU,
  "the third quarter" -> 2015-Q3, "the 1990s", "the '90s", "the nineties" -> 199, "the 1800s"
  and "the nineteenth century" -> 18.
- News direction (as HeidelTime's news rules): a bare weekday or month is the latest one up to
  and including the publication date, unless the clause speaks of the future ("will", "is due
  to", "going to", "next", ...), then the first one from the publication date on.
- Counted from publication: "three weeks ago" -> that week, "two weeks from now" -> that week,
  "a week from today" -> that day.
- A part of the day or a clock time alone ("early in the morning", "at 9pm") hangs on the
  day in context: the last day-precise date resolved in the same or the three previous
  sentences, else the publication date.
- Counted from the date in context (else from publication): "the following year", "later that
  month", "earlier in the year", "March of the same year", "the same week", "that weekend",
  "the next day", "the previous Friday", "on the 3rd", "a year earlier" ("the same day" only
  when a day is in context); "a year earlier" in an article about a quarter is that quarter a
  year before. Bare weekdays and months are not
  (a "narrative" reading of them lost 2 points of value F1 on TimeBank/AQUAINT news).
- Durations: "eight years" -> P8Y, "72-hour" -> PT72H, "several weeks" -> PXW, "a decade" -> P10Y,
  "1 hour 30 minutes" -> PT1H30M, "2 1/2 years" -> P2Y6M, "the past decade" -> P10Y; "four days
  later", "two weeks earlier" and "two weeks after" are the duration (TimeBank marks "four
  days" P4D, the signal aside); "a year earlier" stays a date.
- Sets: the value is the period of recurrence. "daily", "every day" and "seven days a week"
  (which means every day) -> P1D; "weekly", "three days a week" -> P1W (the frequency itself is
  not encoded); "every Monday", "Mondays" -> XXXX-WXX-1; "every September" -> XXXX-09; "every
  weekend" -> XXXX-WXX-WE; "every other week" -> P2W.
- Financial years: "the 2022/23 financial year" (UK, April to March) -> 2022, the calendar year
  it starts in; "fiscal 1989" -> 1989.
- Vague references: "now", "currently" -> PRESENT_REF; "recently", "the past" -> PAST_REF;
  "the future", "the near future", a "soon" still ahead -> FUTURE_REF ("as soon as", "soon
  after the vote" and a past "soon became" are told from events, not dated). These, and
  durations with no number ("for weeks", "decades"), are left out of the records
  (corpus/README.md) unless the component is made with `vague_references=True`, as the TIMEX3
  benchmarks do.
- A clock time on a day ("8am on Tuesday") is one moment in the records; with
  `timeml_extents=True` (the TIMEX3 benchmarks) it is two expressions, as TimeML marks them
  ("8am" TIME 2016-01-12T08:00, "Tuesday" DATE 2016-01-12).
- Left out as well: rates ("£14 an hour"; the TIMEX3 configuration marks "an hour" as a SET
  PT1H, as the real-news annotators did), generic days ("on a typical Tuesday", "a snowy
  winter's morning"), names ("Manchester Evening News", "Radio 4's Today", "the Sunday Times"),
  kinds ("evening finishes", "winter plans", "the Easter holidays", "the quarterly dividend",
  "a film quiz night"; but a season naming when an event is held, "Labour's spring
  conference", "the 2006 autumn conference", is the nearest such season), shares ("a quarter
  of a million"), heights and clocks ("1717m", "1830 GMT"), days counted from an event ("the
  day before the vote").
- Holidays (Christmas Eve, Boxing Day, Easter Monday via dateutil's easter, bank holidays and
  Thanksgiving as the nth weekday of a month, Black Friday the day after) lie on the side of
  publication the tense says, else the nearest ("Good Friday 2014" takes its year; "the
  morning of Christmas Eve" and "9pm on Christmas Day" are times of that day); ranges ("8am
  to 5pm today", "between January and March 2010") are one mention per end, the start taking
  the year (or the day) written at the end; in a day range ("June 5-7", "5 to 7 June 2015")
  the end written without its month is a day of that month; in a clock range ("7-9pm",
  "10am-4pm") the start takes the end's day and meridiem, and "10pm to 6am" ends the next
  morning; "the year before" counts from the year in context; "five years and four months"
  -> P5Y4M; "twice a week", "every six months", "every winter" -> SET;
  "the first half of the year" -> 2016-H1; a timetable verb ("ends at 7am on Saturday") or an
  intention ("expects to reopen on Monday") points a weekday forward.

`anchor` is "published" when the value was computed from the publication date (or from a
date in context that was), "absolute" when the text alone gives it. Without a publication
date relative expressions get value null and anchor null. dateparser reads only short
candidate strings with digits (numeric and absolute dates, DATE_ORDER DMY for UK news), never
a whole paragraph, and its answers are cached.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import dateparser
from dateutil.easter import easter
from spacy.attrs import LIKE_NUM, LOWER, SHAPE
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newsfacts.assets import load_json_asset
from newsfacts.doctext import doc_text
from newsfacts.matching import GatedMatcher
from newsfacts.records import DateMention

PATTERNS_ASSET = "date_patterns.json"
CONTEXT_SENTENCES = 3
DATELINE_LINES = 3  # a dateline stands among the first lines of an article
# A holiday this close ahead of publication, named as what a time comes before, is the coming one.
HOLIDAY_RUN_UP_DAYS = 14
# A holiday within a week of publication is the one the story is about, whatever the tense of
# its clause: "the biggest Christmas to date" on 18 December, "chaos over Christmas" on the 28th.
HOLIDAY_NEAR_DAYS = 7
YEAR_JUST_ENDED_MONTHS = 3  # annual results come out in the first quarter of the next year
_FORECAST_VERBS = ("forecast", "predict", "estimate", "project", "target")
_PROBE_DAY = dt.date(2000, 6, 15)  # any day: only tells whether a candidate reads as time
_MARKS = {"record", "high", "low", "peak", "best", "worst", "highest", "lowest"}
_SEASON_PREPOSITIONS = {"in", "during", "by", "until", "till", "through", "throughout", "before",
                        "after", "since", "over", "from", "around", "into"}
_NAME_LABELS = {"ORG", "WORK_OF_ART", "PERSON", "FAC", "PRODUCT", "LAW"}
# Which way a relative word moves a period: "last year" -1, "the following month" +1, else 0.
_STEPS = {"last": -1, "past": -1, "previous": -1, "prior": -1, "preceding": -1,
          "next": 1, "coming": 1, "following": 1, "subsequent": 1}
# Counted from the date in context, not from publication: "the following year", "later that month".
_ANCHORED = re.compile(r"(?:the )?(?P<rel>following|subsequent|previous|preceding) (?P<unit>"
                       r"weekend|week|month|year)|(?:(?:later|earlier) (?:in )?|(?:at )?the "
                       r"(?:end|start|beginning|middle) of )?(?P<that>that|(?<=in )the) "
                       r"(?P<unit2>weekend|week|month|year)|"
                       r"(?:the )?(?P<unit3>year|month) (?P<dir>before|earlier|after)|"
                       r"(?:the |that )?same (?P<unit4>weekend|week|month|year)")
# "the previous November", "the following March": a month counted from the date in context
_ANCHORED_MONTH = re.compile(r"the (?P<rel>previous|preceding|following|subsequent) (?P<month>[a-z.]+)")
_ONE_DAY = re.compile(r"\b[Oo]ne day\b")
_YEAR_TOKEN = re.compile(r"(?:1[5-9]|20)\d\d")
# "the last Saturday before Christmas", "the first Monday after Easter"
_WEEKDAY_BESIDE = re.compile(r"\b(?:[Tt]he )?(?P<which>last|first) (?P<day>[A-Z][a-z]+day) "
                             r"(?P<side>before|after) ")
_WITHIN_NEXT = re.compile(r"(?:the )?(?:next|coming) (?P<unit>day|week|fortnight|month|year)")
# "a year earlier" in a story about another year: counted back from it, like "the year before".
_YEAR_EARLIER = re.compile(r"(?:a|one) year (?:earlier|before)")
# "26% more than the previous year" after a quarter: that quarter, a year before
_PREVIOUS_YEAR = re.compile(r"the (?:previous|prior|preceding) year|the year before")
_COMPARING = {"than", "from", "on", "with", "over", "against"}
_SAME_YEAR = re.compile(r".+ (?:of )?(?:the same|that) year")
# Half a unit in the next unit down, as TIMEX3 writes it: "half an hour" -> PT30M.
_HALF_UNITS = {"Y": "P6M", "D": "PT12H", "H": "PT30M", "MIN": "PT30S", "DE": "P5Y", "CE": "P50Y"}
_YEAR_AGO = re.compile(r"(?:the )?(?:a )?year (?:ago|earlier)(?: quarter| period)?")
# "the same quarter last year", "the same period of 2007": the period spoken of, in another year
_SAME_PERIOD = re.compile(r"the (?:same|comparable|corresponding) (?:(?P<year>(?:1[5-9]|20)\d\d) "
                          r"(?P<unit>period|quarter|month|half|week)s?|(?P<unit2>period|quarter|"
                          r"month|half|week)s? (?:(?P<this>this year)|last year|(?:a|one) year "
                          r"(?:earlier|ago)|(?:of|in) (?P<year2>(?:1[5-9]|20)\d\d)))")
# "the two previous months": a word of time between the number and its unit
_RELATIVE_AFTER_NUMBER = ("previous", "preceding", "prior", "past", "last", "following", "coming",
                          "remaining")
_BARE_PART = re.compile(r"the (?:first|second|third|fourth|final|latter) (?:quarter|half)(?: of the year)?")
# a period named to compare with, not the one spoken of ("the same month last year")
_COMPARED = re.compile(r"\byear (?:ago|earlier|before)|\blast year|\bsame\b|\bprevious\b|"
                       r"\bprior\b")
_THE_BARE_PERIOD = re.compile(r"\b[Tt]he (?:year|week|month|day)\b")
# "the EU budget for 2007-13", "the 2006/07 season", "in 2012/2013": a range of years, its end
# written short or whole.
_SHORT_YEAR_RANGE = re.compile(r"(?<![\w/.-])(?P<first>(?:19|20)\d\d)\s*[-–/]\s*"
                               r"(?P<end>(?:19|20)\d\d|\d\d?)"
                               r"(?![\w/-]|\.\d)")
# "this year and next": the second word stands for its own unit.
_ELIDED_UNIT = re.compile(r"\b(?:this|last|next) (?P<unit>week|month|quarter|year) (?:and|or) "
                          r"(?P<word>this|last|next)(?=\s*(?:[.,;:)!?\"”]|$))", re.IGNORECASE)
_ORDINAL_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_ELIDED_PARTS = re.compile(r"\b(?P<first>(?:[Tt]he )?(?P<o1>first|second|third|fourth)) (?:and|or) "
                           r"(?P<second>(?P<o2>first|second|third|fourth) (?P<unit>quarters|halves)"
                           r"(?: of (?P<y>(?:19|20)\d\d))?)\b")
# "growth of 4.6% in the third quarter, up from 1.6% in the second": the bare ordinal is a part of
# the year named just before
_ELIDED_PART_AFTER = re.compile(
    r"\b(?P<o1>first|second|third|fourth)[- ](?P<unit>quarter|half)\b"
    r"(?P<gap>(?:[^.;\n]|\.(?=\d)){1,80}?)\b"
    r"(?P<join>in|from|than|over|and) (?P<word>the (?P<o2>first|second|third|fourth))"
    r"(?=\s*(?:[.,;:)!?\"”]|$))", re.IGNORECASE)
# "five to six years", "two to four weeks": the first amount of a range shares the second's unit
_NUMBER_WORD = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)"
_ELIDED_AMOUNT = re.compile(rf"\b(?P<word>{_NUMBER_WORD}) ?(?:to|-|–) ?(?P<second>{_NUMBER_WORD}) "
                            r"(?P<unit>(?:minute|hour|day|week|month|year|decade)s)\b(?![-‑]old| old)",
                            re.IGNORECASE)
# "a cut from 24 weeks to 20": the second amount takes the first's unit
_ELIDED_AMOUNT_AFTER = re.compile(
    rf"\bfrom (?P<first>{_NUMBER_WORD}) (?P<unit>(?:minute|hour|day|week|month|year|decade)s) "
    rf"(?:to|down to|up to) (?P<word>\d+)\b(?![\d.,]\d| ?%| per ?cent)", re.IGNORECASE)
# "7% more than they did in 2003": the time a figure is compared with (the words just before it)
_AFTER_THAN = re.compile(r"\bthan(?: [\w']+){0,3} (?:in|on|during|for|at) $")
_MONTH_ABBREVIATIONS = r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
_SHORT_MONTH = re.compile(rf"(?:{_MONTH_ABBREVIATIONS})\.?")
_MONTH_LEADS = ("in", "on", "by", "since", "until", "till", "from", "to", "through", "of",
                "for", "at", "over", "between", "around", "throughout", "within", "last", "next",
                "this", "early", "late", "mid", "during", "before", "after", "-", "–")
_HOUR_OF_PART = re.compile(r"\b([1-9]|1[01])(:\d\d)?(?: o'clock)? (this (?:morning|afternoon|evening)|"
                           r"tonight)\b")
_GLUED_MONTH_DAY = re.compile(  # as written, with its capital
    rf"\b(?:{_MONTH_ABBREVIATIONS.title()})\.\d{{1,2}}\b(?:,? (?:1[89]|20)\d\d\b)?")
_BARE_YEAR = re.compile(r"(?<![\d,.$£€])(?:19[5-9]\d|20[0-3]\d)(?![\d,.]\d|%)")
_YEAR_OF_ACT = re.compile(r"\b((?:1[5-9]|20)\d\d) Acts?\b|\bAct,? ((?:1[5-9]|20)\d\d)\b")
_WEEKDAY_RUN = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day ?(?:to|-|–|through|until) ?"
                          r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_HABITUAL_ADVERBS = ("usually", "often", "typically", "generally", "normally", "always",
                     "rarely", "seldom", "regularly", "sometimes", "frequently", "routinely")
_PART_OF_DAY_KIND = re.compile(r"\b(?:(?:early|late) )?(?:morning|afternoon|evening|night|"
                               r"lunchtime|midday)\b", re.IGNORECASE)
_HEADLINE_YEAR = re.compile(r"\byear\b")  # a headline's bare "year" (see _headline_year)
_WITHIN_UNITS = re.compile(r"\b(?:within|for) (?P<unit>hours|days)\b(?! (?:off|of)\b)|"
                           r"\b(?P<paired>days)(?= (?:and|or) (?:weeks|months)\b)|"
                           r"\b(?P<apart>hours|days)(?= (?:after|before|later|earlier)\b)",
                           re.IGNORECASE)
# The periods a comparison can be about: a year, month, quarter or half (not a day or a week).
_PERIOD_VALUE = re.compile(r"(?:1[5-9]|20)\d\d(?:-(?:\d\d|Q[1-4]|H[12]))?")
_UNIT_SHAPES = {"quarter": r"-Q\d", "half": r"-H\d", "month": r"-\d\d", "week": r"-\d\d",
                "period": r"-(?:Q\d|H\d|\d\d)"}
# "the day before", "the day after": also joined to a named day ("the day before last Tuesday")
DAY_BEFORE_AFTER = r"(?:the )?day (?P<dir>before|after)"
_OCLOCK = re.compile(r"\b(\d{1,2}) o'clock\b")  # "6 o'clock" -> 6:00


@dataclass(frozen=True)
class Timex:
    type: str
    value: str | None
    anchor: str | None
    day: dt.date | None = None  # the day the value lies on, when it is day-precise


# --------------------------------------------------------------------------------------------
# Calendar helpers


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _period_from(day: dt.date, unit: str, step: int) -> str:
    """The year, month or ISO week `step` of them from the one of `day`: "2016", "2016-01",
    "2016-W01"."""
    if unit == "year":
        return f"{day.year + step:04d}"
    if unit == "month":
        year, month = _add_months(day.year, day.month, step)
        return f"{year:04d}-{month:02d}"
    return _iso_week(day + dt.timedelta(weeks=step))


def _quarter(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def _quarter_of(year: int, month: int, months_on: int = 0) -> str:
    """The quarter ("2016-Q1") of the month `months_on` months from the one given."""
    year, month = _add_months(year, month, months_on)
    return f"{year:04d}-Q{(month - 1) // 3 + 1}"


def _weekday_on_or_before(dct: dt.date, weekday: int) -> dt.date:
    return dct - dt.timedelta(days=(dct.isoweekday() - weekday) % 7)


def _weekday_on_or_after(dct: dt.date, weekday: int) -> dt.date:
    return dct + dt.timedelta(days=(weekday - dct.isoweekday()) % 7)


# --------------------------------------------------------------------------------------------
# The resolver: one candidate string -> Timex (or None when it is not a time expression)


class TimexResolver:
    """Reads one candidate's text. Word lists come from `models/date_patterns.json`."""

    def __init__(self, lists: dict):
        self.weekdays: dict[str, int] = lists["weekdays"]
        self.weekdays_plural: dict[str, int] = lists["weekdays_plural"]
        self.months: dict[str, int] = lists["months"]
        self.parts: dict[str, str] = lists["parts_of_day"]
        self.seasons: dict[str, str] = lists["seasons"]
        self.named_days: dict = lists["named_days"]
        self.units: dict[str, str] = lists["units"]
        self.numbers: dict[str, float] = lists["number_words"]
        self.vague = set(lists["vague_numbers"])
        self.ordinals: dict[str, int] = lists["ordinals"]
        self.relative_words: dict[str, int] = lists["relative_words"]
        self.present_ref = set(lists["present_ref"])
        self.past_ref = set(lists["past_ref"])
        self.future_ref = set(lists["future_ref"])
        self.set_words: dict[str, str] = lists["set_words"]
        self.not_dates = set(lists["not_dates"])
        self.holidays: dict[str, str] = lists["holidays"]
        self.frequencies: dict[str, str] = lists["frequency_words"]
        self.decade_words: dict[str, str] = lists["decade_words"]
        self.century_ordinals: dict[str, int] = lists["century_ordinals"]
        self.day_ordinals: dict[str, int] = lists["day_ordinal_words"]
        self.year_kinds: dict[str, int] = lists["year_kinds"]  # "financial": starts in April
        # A clock written as four digits is a time only with its zone: "by 0710 GMT", "at 1130
        # local time" (bare, "1830" is a year)
        self.re_four_digit_clock = re.compile(
            rf"(?<![\d.,])([01]\d|2[0-3])([0-5]\d)(?= (?:{'|'.join(lists['time_zones'])}|local "
            r"time)\b)")
        # "2100GMT" written as one word
        self.re_glued_zone = re.compile(rf"\b(\d{{4}})({'|'.join(lists['time_zones'])})\b")
        self.re_zone = re.compile(
            rf"(?<=[\d.m]) (?:{'|'.join(lists['time_zones'])}|local time)\b")
        weekday = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
        month = r"(?P<{}>[a-z]{{3,9}})\.?"
        day = r"(?P<{}>\d{{1,2}})(?:st|nd|rd|th)?"
        self.re_dateline = re.compile(
            rf"{weekday}(?:{month.format('m1')}\s+{day.format('d1')},?|{day.format('d2')}\s+"
            rf"(?:of\s+)?{month.format('m2')},?)\s+(?P<y>(?:19|20)\d\d)|"
            r"(?P<iso>(?P<iy>\d{4})-(?P<im>\d\d)-(?P<id>\d\d))", re.IGNORECASE)

        def alt(words) -> str:
            return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))

        wd, mo, pd = alt(self.weekdays), alt(self.months), alt(self.parts)
        unit, num = alt(self.units), alt([*self.numbers, *self.vague])
        clock = r"(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ap>am|pm|a\.?m\.?|p\.?m\.?)?"
        self.re_clock = re.compile(rf"^(?:at |by |from |until )?{clock}$")
        self.re_clock_any = re.compile(
            r"(?<![\d/])(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ap>am|pm|a\.?m\.?|p\.?m\.?)"
            r"|(?<![\d/.])(?P<h2>\d{1,2}):(?P<m2>\d{2})(?![\d/])|\b(?P<word>noon|midday|midnight)\b")
        self.re_weekday = re.compile(rf"\b(?P<wd>{wd})\b")
        # Years said in words, as broadcast transcripts write them: "nineteen ninety-six",
        # "(the year) two thousand (and five)". The century word and its year are both needed,
        # so "nineteen" or "ninety-six" alone stay counts.
        words = {w: n for w, n in self.numbers.items() if w not in ("a", "an", "couple", "dozen")}
        units = alt(w for w, n in words.items() if n in range(1, 10))
        teens = alt(w for w, n in words.items() if n in range(10, 20))
        tens = alt(w for w, n in words.items() if n in range(20, 100, 10))
        below_100 = rf"(?:{tens})(?: (?:{units}))?|{teens}|{units}"
        self.re_tens_units = re.compile(rf"\b(?P<tens>{tens}) (?P<unit>{units})\b")  # "twenty five"
        self.re_spelled_year = re.compile(
            rf"\b(?P<century>eighteen|nineteen|twenty) (?P<year>(?:{tens})(?: (?:{units}))?|{teens})\b"
            rf"|^(?P<prefix>(?:the )?(?:year )?)two thousand(?: and (?P<since>{below_100}))?$")
        self.re_month = re.compile(rf"\b(?P<mo>{mo})\b")
        self.re_part = re.compile(rf"\b(?P<pd>{pd})\b")
        self.re_year = re.compile(r"(?<![\d£$€.,])(?P<y>(?:1[5-9]|20)\d\d)(?![\d%])")
        self.re_day_month = re.compile(
            rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?: of)? (?P<mo>{mo})\b")
        self.re_month_day = re.compile(
            rf"\b(?P<mo>{mo}) (?:the )?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?! ?\d\d\d\d\b(?!,))|"
            rf"\b(?P<mo2>{mo}) (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,? (?=\d{{4}})")
        self.re_numeric = re.compile(
            r"^(?P<a>\d{1,4})[/.-](?P<b>\d{1,2})[/.-](?P<c>\d{2,4})$")
        self.re_duration = re.compile(
            rf"^(?:the )?(?:(?:past|last|next|previous|coming|first|final|following|"
            rf"initial|full|entire|whole|same|latest|remaining|other|recent|extra|further) )*"
            rf"(?P<n>\d+(?:[.,]\d+)?|{num}|(?:{num}) (?:{num})|(?:{num}) or (?:{num})|\d+ or \d+|a few|"
            rf"a couple of|couple of|a half|another|"
            rf"a dozen|dozens of|hundreds of|thousands of)? ?(?P<frac> 1/2)? ?"
            rf"(?:and a half )?(?:(?:more|additional|extra|further|consecutive|successive|straight|"
            rf"(?P<relative>{alt(_RELATIVE_AFTER_NUMBER)})) )?(?P<unit>{unit})"
            rf"(?: and a half)?(?: long| old)?$")
        # "two difficult years": the extractor offers this shape only with an adjective between
        self.re_qualified_duration = re.compile(
            rf"^(?!an? )(?P<n>\d+|{num}) (?!(?:{unit}|{num}|{alt(self.ordinals)}|and|or|to|of|"
            rf"light)\b)[a-z]+ (?P<unit>{unit})$")
        # ("a good month", "a first year" student, "its thirty first year": no count)
        # "a wet European summer", "a slow summer", a headline's "Mild winter drives oil
        # down": the season the tense points to. ("spring" is left out: "a hot spring" is water.)
        self.re_qualified_season = re.compile(
            r"^(?:(?:an?|the) )?(?!(?:this|last|next|past|coming|previous|following|same|early|"
            r"late|mid|every|each|one)\b)(?:[a-z]+ ){1,3}(?P<s>summer|autumn|winter)$")
        self.re_ago = re.compile(
            rf"^(?P<n>\d+|{num}|a few|a couple of)? ?(?P<unit>{unit}) "
            rf"(?P<dir>ago|earlier|later|before|after|previously|from now|hence|since|"
            rf"from (?P<base>today|tomorrow))$")
        self.re_relative_unit = re.compile(
            r"^(?:(?P<mod>earlier|later|early|late|mid|the end of|the start of|"
            r"the beginning of|the middle of|the rest of|the remainder of) )?(?:the )?"
            r"(?:this (?=past ))?"  # "this past weekend": the one just gone
            r"(?P<rel>this|last|next|past|coming|previous|current|following|present|"
            r"same|latest|prior|recent|preceding|subsequent|that|full|(?<=the )) ?"
            r"(?P<unit>week|month|year|weekend|decade|century|fortnight|"
            r"spring|summer|autumn|fall|winter)$")
        self.re_year_part = re.compile(
            r"^(?:(?:the )?(?:early|late|mid|end of|start of|beginning of|middle of) ?)?"
            r"(?:the (?:year )?)?"
            r"(?:(?:calendar|financial|fiscal|tax|academic|school|(?:a )?full) (?:year )?)?"
            r"(?P<y>(?:1[5-9]|20)\d\d)(?:\s*[/–-]\s*(?P<y2>\d{1,2}|\d{4}))?"
            r"(?: (?:financial|fiscal|tax|academic|school) year| season)?$")
        self.re_decade = re.compile(
            r"^(?:the )?(?:early |late |mid )?(?:(?P<d>(?:1[5-9]|20)\d)0'?s|'?(?P<d2>\d)0s|"
            rf"(?P<word>{alt(self.decade_words)}))$")
        self.re_century = re.compile(
            r"^(?:the )?(?:early |late |mid )?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|"
            rf"(?P<word>{alt(self.century_ordinals)})) century$")
        self.re_quarter = re.compile(
            r"^(?:the )?(?:(?:comparable|corresponding|same) )?(?:(?P<pre>(?:1[5-9]|20)\d\d|"
            r"year ago|year earlier|(?:last|this|next) year's) )?"
            rf"(?P<ord>{alt(self.ordinals)}|latest|current|same|past|previous|"
            r"last|recent|year earlier|year ago|prior|fiscal|this|next|)\s?quarter"
            r"(?: of (?:the )?(?:(?:fiscal|financial|calendar) )?(?:year )?(?P<y>\d{4}|"
            r"this year|last year|next year|the year))?$|^q(?P<q>[1-4])(?: (?P<y2>\d{4}))?$")
        ordinal = rf"(?:(?P<tens>twenty|thirty) )?(?P<ord>{alt(self.day_ordinals)})"
        self.re_day_words = re.compile(  # a day in words beside its month
            rf"(?P<pre>^(?:the )?){ordinal}(?: day)?(?P<post> of (?:{mo})\b)|"
            rf"(?P<pre2>\b(?:{mo}) (?:the )?)(?:(?P<tens2>twenty|thirty) )?(?P<ord2>"
            rf"{alt(set(self.day_ordinals) - {'first'})}|(?<=twenty )first|(?<=thirty )first)"
            rf"(?P<post2>\b(?:,? \d{{4}})?$)")  # not "may first(-time buyers)"
        hour_words = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
        self.re_spoken_clock = re.compile(
            rf"\b(?P<h>{hour_words}) o'clock\b|\b(?P<how>half past|quarter past|quarter to) "
            rf"(?P<h2>{hour_words})\b")  # not "a quarter to 10 pence"
        self.re_season = re.compile(
            rf"^(?:(?:the )?(?P<mod>early|late|mid|the end of|the start of) )?"
            rf"(?:(?P<rel>this|last|next|the) |(?P<y0>\d{{4}}) )?(?P<s>{alt(self.seasons)})"
            rf"(?: (?:of )?(?P<y>\d{{4}})| (?:of )?(?P<rel2>this|last|next) year)?$")

    # -- small readers -------------------------------------------------------------------

    def _number(self, text: str | None) -> str:
        """'8' -> '8', 'eight' -> '8', 'several' -> 'X'."""
        if not text:
            return "1"
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text):
            text = text.replace(",", "")  # "800,000 years"
        text = text.replace(",", ".")
        if re.fullmatch(r"\d+(?:\.\d+)?", text):
            return text.rstrip("0").rstrip(".") if "." in text else text
        words = text.replace(" of", "").split()
        if words[:2] in (["half", "a"], ["half", "an"]):
            return "0.5"  # "half an hour": not one and a half
        if len(words) > 1 and words[0] in ("a", "an") and words[1] not in ("few", "couple"):
            words = words[1:]  # "a two day strike"
        if words[0] in ("a", "an") and len(words) == 2 and words[1] in ("few", "couple"):
            return "X" if words[1] == "few" else "2"
        if words[0] in ("dozens", "hundreds", "thousands"):
            return "X"
        total = 0.0
        for word in words:
            if word in self.numbers:
                value = self.numbers[word]
                total = total * value if value == 100 and total else total + value
            else:
                return "X"
        return f"{total:g}"

    def _clock_in_digits(self, match: re.Match) -> str:
        """ "six o'clock" -> "6 o'clock" (then 6:00), "half past six" -> "6:30", "quarter to
        nine" -> "8:45"."""
        hour = int(self._number(match.group("h") or match.group("h2")))
        if match.group("h"):
            return f"{hour} o'clock"
        minute = {"half past": 30, "quarter past": 15, "quarter to": -15}[match.group("how")]
        if minute < 0:
            hour, minute = (hour - 2) % 12 + 1, 60 + minute
        return f"{hour}:{minute:02d}"

    def _tens_units_in_digits(self, match: re.Match) -> str:
        return f"{self.numbers[match.group('tens')] + self.numbers[match.group('unit')]:g}"

    def _year_in_digits(self, match: re.Match) -> str:
        """ "nineteen ninety six" -> "1996", "the year two thousand and five" -> "the year 2005"."""
        if match.group("century"):
            year = self.numbers[match.group("century")] * 100 + float(self._number(match.group("year")))
            return f"{year:g}"
        return f"{match.group('prefix')}{2000 + float(self._number(match.group('since'))):g}" \
            if match.group("since") else f"{match.group('prefix')}2000"

    def _spoken_in_digits(self, text: str) -> str:
        """The spoken clock times of the text in digits (see _clock_in_digits)."""
        if "o'clock" in text or " past " in text or " to " in text:
            text = self.re_spoken_clock.sub(self._clock_in_digits, text)
        return text

    def _clock(self, text: str) -> str | None:
        text = self._spoken_in_digits(self.re_four_digit_clock.sub(r"\1:\2", text))
        if "o'clock" in text:
            text = _OCLOCK.sub(r"\1:00", text)
        match = self.re_clock_any.search(text)
        if not match:
            return None
        if match.group("word"):
            return {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[match.group("word")]
        hour = int(match.group("h") or match.group("h2"))
        minute = int(match.group("m") or match.group("m2") or 0)
        meridiem = (match.group("ap") or "").replace(".", "")
        if meridiem == "pm" and hour < 12:
            hour += 12
        if meridiem == "am" and hour == 12:
            hour = 0
        if hour > 24 or minute > 59:
            return None
        return f"{hour:02d}:{minute:02d}"

    def _time_suffix(self, text: str) -> str:
        clock = self._clock(text)
        if clock:
            return "T" + clock
        part = self.re_part.search(text)
        if part:
            return "T" + self.parts[part.group("pd")]
        return ""

    def dateline(self, text: str) -> dt.date | None:
        """The date of a dateline: a line of its own among the first few that is only a full
        date ("Tuesday, March 4, 2008", "4 March 2008", "2008-03-04"), as Wikinews and wire
        copy put under the headline. None when there is none."""
        lines = [line.strip() for line in text.lstrip().splitlines()[:DATELINE_LINES + 2]]
        for line in [line for line in lines if line][:DATELINE_LINES]:
            match = self.re_dateline.fullmatch(line)
            if not match:
                continue
            if match.group("iso"):
                year, month, day = (int(match.group(g)) for g in ("iy", "im", "id"))
            else:
                month = self.months.get((match.group("m1") or match.group("m2")).lower())
                year, day = int(match.group("y")), int(match.group("d1") or match.group("d2"))
            try:
                return dt.date(year, month, day) if month else None
            except ValueError:
                return None
        return None

    # -- main entry ----------------------------------------------------------------------

    def resolve(self, raw: str, dct: dt.date | None, future: bool | None = False,
                context_day: dt.date | None = None) -> Timex | None:
        return self._resolve_cached(raw, dct, future, context_day)

    @lru_cache(maxsize=16384)  # noqa: B019  (one resolver per pipeline, kept for its life)
    def _resolve_cached(self, raw, dct, future, context_day):
        short_year = re.fullmatch(r"(?:(?:of|in|since|from|until|to|by) )?['’](\d\d)", raw.strip())
        if short_year:  # "the class of '83": the century the two digits fall in last
            two = int(short_year.group(1))
            now = (dct.year if dct else 2000) % 100
            return Timex("DATE", f"{19 if two > now else 20}{two:02d}", "absolute")
        text = self.re_glued_zone.sub(r"\1 \2", canonical(raw))
        text = self.re_four_digit_clock.sub(r"\1:\2", text)  # "0710 gmt": 07:10
        text = self.re_zone.sub("", text)  # "5 p.m. est nov 9": the zone aside
        text = self._spoken_in_digits(text)
        if "preceding" in text:  # "the preceding three quarters" reads as "the previous" does
            text = re.sub(r"\bpreceding\b", "previous", text)
        if "teen " in text or "two thousand" in text:
            text = self.re_spelled_year.sub(self._year_in_digits, text)
        if "ty " in text:  # "twenty-five years ago": 25 (a spelled year is read above)
            text = self.re_tens_units.sub(self._tens_units_in_digits, text)
        text = re.sub(r"\b(\d{1,2})(?: o'clock)? in the (morning|afternoon|evening|night)\b",
                      lambda m: m.group(1) + ("am" if m.group(2) == "morning" or m.group(2) ==
                                               "night" and int(m.group(1)) < 6 else "pm"), text)
        text = _HOUR_OF_PART.sub(
            lambda m: f"{m.group(1)}{m.group(2) or ''}{'am' if 'morning' in m.group(3) else 'pm'} "
                      f"{m.group(3)}", text)  # "6 o'clock this afternoon", "6:30 tonight": 18:00
        text = _OCLOCK.sub(r"\1:00", text)  # the hour as written
        if not text or text in self.not_dates and "-" not in raw or re.search(r"\bold\b", text):
            # ("a one-day visit" is a duration, "one day" is someday)
            return None  # ages ("a 45-year-old") are not time expressions
        for rule in (self._named_day, self._refs, self._sets, self._earlier_in_the,
                     self._before_last,
                     self._week_on, self._ahead, self._day_of_month,
                     self._holiday, self._festive_season, self._early_units_of,
                     self._month_quarter, self._year_end,
                     self._latest_period,
                     self._half_year, self._same_period,
                     self._first_hour, self._compound_duration, self._financial_year, self._numeric,
                     self._week_of, self._adjacent_day, self._relative_word, self._ago,
                     self._duration, self._relative_unit,
                     self._quarters, self._seasons, self._decade, self._anchored_month,
                     self._month_dates,
                     self._weekday, self._part_or_clock, self._qualified_duration,
                     self._single_unit, self._qualified_season, self._clock_on_day,
                     self._fallback):
            found = rule(text, dct, future, context_day)
            if found is not None:
                return found or None  # False: a rule recognised a non-date
        return None

    # -- rules: each returns a Timex, False (recognised, not a date) or None (not mine) ----

    def _refs(self, text, dct, future, context_day):
        for words, value in ((self.present_ref, "PRESENT_REF"), (self.past_ref, "PAST_REF"),
                             (self.future_ref, "FUTURE_REF")):
            if text in words:
                return Timex("DATE", value, "published" if dct else None)
        return None

    def _sets(self, text, dct, future, context_day):
        if text in self.set_words:
            return Timex("SET", self.set_words[text], "absolute")
        if text in self.weekdays_plural:
            return Timex("SET", f"XXXX-WXX-{self.weekdays_plural[text]}", "absolute")
        words = text.split()
        if len(words) == 2 and words[1] in self.parts and (
                words[0] in self.weekdays_plural or words[0] in self.weekdays
                and words[1].endswith("s")):
            # "Wednesday afternoons", "Tuesday nights": every such part of that weekday
            day = self.weekdays.get(words[0]) or self.weekdays_plural[words[0]]
            return Timex("SET", f"XXXX-WXX-{day}T{self.parts[words[1]]}", "absolute")
        match = re.fullmatch(r"(?:every|each) (\w+) (\w+)", text)
        if match and match.group(1) in self.weekdays and match.group(2) in self.parts:
            # "every Thursday morning"
            return Timex("SET", f"XXXX-WXX-{self.weekdays[match.group(1)]}T"
                                f"{self.parts[match.group(2)]}", "absolute")
        match = re.fullmatch(r"(?:every|each|per) (?:single )?(\w+)", text)
        if match:
            word = match.group(1)
            if word in self.weekdays:
                return Timex("SET", f"XXXX-WXX-{self.weekdays[word]}", "absolute")
            if word in self.months:  # "every September"
                return Timex("SET", f"XXXX-{self.months[word]:02d}", "absolute")
            if word == "weekend":
                return Timex("SET", "XXXX-WXX-WE", "absolute")
            if word in self.parts:
                return Timex("SET", f"XXXX-XX-XXT{self.parts[word]}", "absolute")
            unit = self.units.get(word)
            if unit:
                return Timex("SET", _period("1", unit), "absolute")
        match = re.fullmatch(r"(?P<f>once|twice|thrice|\S+ times) (?:a|an|per|every|each) "
                             r"(?P<per>\w+)", text)
        if match and match.group("per") in self.units:
            return Timex("SET", _period("1", self.units[match.group("per")]), "absolute")
        alternate = re.fullmatch(r"every (?:other|second|alternate) (?P<unit>\w+)", text)
        if alternate and alternate.group("unit") in self.units:  # "every other week"
            return Timex("SET", _period("2", self.units[alternate.group("unit")]), "absolute")
        match = re.fullmatch(r"(?:every|each) (?P<n>\S+) (?P<unit>\w+)", text)
        if match and match.group("unit") in self.units and self._number(match.group("n")) != "X":
            return Timex("SET", _period(self._number(match.group("n")),
                                        self.units[match.group("unit")]), "absolute")
        match = re.fullmatch(r"(?:every|each) (\w+)", text)
        if match and match.group(1) in self.seasons:
            return Timex("SET", f"XXXX-{self.seasons[match.group(1)]}", "absolute")
        match = re.fullmatch(
            r"(?P<n>\S+(?: \S+)?) (?P<what>days|nights|hours|times|day|night|shifts|weekends?|"
            r"weeks?) "
            r"(?:a|per|each|every) (?P<per>day|week|month|year)", text)
        if match:
            n, what, per = self._number(match.group("n")), match.group("what"), match.group("per")
            if what.startswith(("day", "night")) and per == "week" and n == "7":
                return Timex("SET", "P1D", "absolute")
            if what.startswith("hour") and per == "day" and n == "24":
                return Timex("SET", "PT1H", "absolute")
            if what.startswith("hour"):
                return False  # "90 hours each week" is a workload: the duration says it
            return Timex("SET", _period("1", self.units[per]), "absolute")
        return None

    def _week_on(self, text, dct, future, context_day):
        """ "Friday week", "a week on Friday", "a week today": a week after the coming day."""
        match = re.fullmatch(r"(?:on )?(?P<wd>\w+) week|a week (?:on )?(?P<wd2>\w+)", text)
        if not match:
            return None
        word = match.group("wd") or match.group("wd2")
        if word not in self.weekdays and not (match.group("wd2") and word in ("today",
                                                                               "tomorrow")):
            return None
        if not dct:
            return Timex("DATE", None, None)
        if word in self.weekdays:
            day = _weekday_on_or_after(dct + dt.timedelta(days=1), self.weekdays[word])
        else:
            day = dct + dt.timedelta(days=word == "tomorrow")
        day += dt.timedelta(weeks=1)
        return Timex("DATE", day.isoformat(), "published", day)

    def _ahead(self, text, dct, future, context_day):
        """ "the week ahead", "the months ahead": as "the coming week", "the coming months"."""
        match = re.fullmatch(r"the (?P<unit>\w+) ahead", text)
        if not match or match.group("unit") not in self.units:
            return None
        return self._resolve_cached(f"the coming {match.group('unit')}", dct, future, context_day)

    def _day_of_month(self, text, dct, future, context_day):
        """ "on the 3rd", "Wednesday 17th": that day of the month in context (else of
        publication's month, or the month before or after when the tense, or the weekday, says
        the day is gone or to come)."""
        match = re.fullmatch(r"(?:(?:early |late )?(?:the )?(?P<part>\w+) of )?"
                             r"(?:(?P<wd>\w+day),? )?(?P<the>the )?(?P<d>[1-9]|[12]\d|3[01])"
                             r"(?:st|nd|rd|th)", text)
        if not match or not (match.group("wd") in self.weekdays or match.group("the")) or \
                match.group("part") and match.group("part") not in self.parts:
            return None  # ("the evening of Wednesday 30th" is that day's evening)
        suffix = "T" + self.parts[match.group("part")] if match.group("part") else ""
        base = context_day or dct
        if base is None:
            return Timex(_type_with_time(suffix), None, None)
        number, (year, month) = int(match.group("d")), (base.year, base.month)
        if match.group("wd"):  # "Wednesday 17th": the nearest month where the 17th is one
            for shift in (0, -1, 1):
                y, m = _add_months(year, month, shift)
                try:
                    if dt.date(y, m, number).isoweekday() == self.weekdays[match.group("wd")]:
                        year, month = y, m
                        break
                except ValueError:
                    continue
        elif context_day is None and future and number < dct.day:
            year, month = _add_months(year, month, 1)
        elif context_day is None and future is False and number > dct.day:
            year, month = _add_months(year, month, -1)
        try:
            day = dt.date(year, month, number)
        except ValueError:
            return False
        return Timex(_type_with_time(suffix), day.isoformat() + suffix, "published", day)

    def _before_last(self, text, dct, future, context_day):
        """ "the year before last", "the week before last": two back from publication."""
        match = re.fullmatch(r"(?:the )?(?P<unit>week|weekend|month|year) before last", text)
        if not match:
            return None
        if not dct:
            return Timex("DATE", None, None)
        unit = match.group("unit")
        if unit == "weekend":
            return Timex("DATE", _period_from(dct, "week", -2) + "-WE", "published")
        return Timex("DATE", _period_from(dct, unit, -2), "published")

    def _earlier_in_the(self, text, dct, future, context_day):
        """ "earlier in the day", "later in the week", "early in the day": the day in context
        (else publication), the week, month or year of publication (the extractor counts them
        from context)."""
        match = re.fullmatch(r"(?:earlier|later|early|late) in the (?P<unit>day|week|month|year)",
                             text)
        if not match:
            return None
        unit, base = match.group("unit"), dct if match.group("unit") != "day" else (
            context_day or dct)
        if base is None:
            return Timex("DATE", None, None)
        if unit == "day":
            return Timex("DATE", base.isoformat(), "published", base)
        step = 1 if unit == "week" and _week_gone_by_sunday(text, base, future) else 0
        return Timex("DATE", _period_from(base, unit, step), "published")

    def _holiday(self, text, dct, future, context_day):
        suffix = ""
        part = re.fullmatch(r"(?:(?:early|late) )?(?:(?:on|in|at) )?(?:the )?(?P<part>\w+) "
                            r"(?:of|on) (?P<rest>.+)", text)
        if part and part.group("part") in self.parts:  # "the morning of Christmas Eve"
            suffix, text = "T" + self.parts[part.group("part")], part.group("rest")
        clock = self.re_clock_any.match(text)
        time = self._clock(text) if clock else None
        if time and text[clock.end():].startswith(" on "):
            suffix, text = "T" + time, text[clock.end() + 4:]  # "9pm on Christmas Day"
        match = re.fullmatch(r"(?:the )?(?P<name>.+?)(?:,? (?P<y>(?:1[5-9]|20)\d\d))?", text)
        name = match.group("name") if match else ""
        if name not in self.holidays:
            return None
        if match.group("y"):
            year, anchor = int(match.group("y")), "absolute"
        elif not dct:
            return Timex(_type_with_time(suffix), None, None)
        elif name == "new year" and text.startswith("the "):
            # "announced in the new year": the start of the coming year, its January (as
            # British news uses it); "New Year's festivities": the day
            return Timex("DATE", f"{dct.year + (dct.month >= 10):04d}-01", "published")
        else:
            year, anchor = None, "published"
        rule = self.holidays[name]
        if year is None and re.search(r"\b(?:last|this|next)\b", text):
            day = _holiday_date(rule, dct.year)
            year = _month_year(dct, day.month, day.day, text, future)
        elif year is None:
            year = _holiday_year(rule, dct, future)
        day = _holiday_date(rule, year)
        return Timex(_type_with_time(suffix), day.isoformat() + suffix, anchor, day)

    def _named_day(self, text, dct, future, context_day):
        """ "9/11", "7/7": days an event has named, written as their day and month."""
        value = self.named_days["forms"].get(text)
        if value is None or dct is not None and dct.isoformat() < value:
            return None  # written before the event: a plain day and month
        return Timex("DATE", value, "absolute", dt.date.fromisoformat(value))

    def _latest_period(self, text, dct, future, context_day):
        """ "the latest period" in a company's report: the quarter just closed (the one named
        in context replaces it)."""
        if text != "the latest period":
            return None
        return self._resolve_cached("the latest quarter", dct, future, context_day)

    def _festive_season(self, text, dct, future, context_day):
        """ "the festive season", "the holiday shopping season", "the Christmas period": the
        December the tense points to, as a month is; "the holiday quarter" is that year's last
        quarter. ("the Christmas shopping season" is Christmas before a kind of season.)
        "the holidays" are those of December when said from November to January, and the
        summer's when said from June to August (the school and university holidays)."""
        if text == "the holidays":
            if dct and dct.month in (6, 7, 8):
                return Timex("DATE", f"{dct.year:04d}-SU", "published")
            if not dct or dct.month not in (11, 12, 1):
                return False
            return Timex("DATE", f"{_month_year(dct, 12, None, text, future):04d}-12",
                         "published")
        season = re.fullmatch(r"(?:the |this |last |next )?(?:(?:crucial|busy|key|important) )?"
                              r"(?:(?:festive|holiday) (?:shopping )?|christmas )"
                              r"(?P<unit>season|period|quarter)", text)
        if not season:
            return None
        if not dct:
            return Timex("DATE", None, None)
        year = _month_year(dct, 12, None, text, future)
        if season.group("unit") == "quarter":
            return Timex("DATE", f"{year:04d}-Q4", "published")
        return Timex("DATE", f"{year:04d}-12", "published")

    def _year_end(self, text, dct, future, context_day):
        """ "by year-end", "by year's end", "end-of-year sales": the end of the year."""
        if not re.fullmatch(r"(?:around |the )?(?:year(?: ?'s)? end|end of year)", text):
            return None
        timex = self._resolve_cached("the end of the year", dct, None, context_day)
        if timex and timex.value and future is False and dct.month < 12:
            # "up 5% since year-end": the one gone (a year back on the value: publication
            # may be 29 February)
            timex = Timex(timex.type, f"{int(timex.value[:4]) - 1:04d}{timex.value[4:]}",
                          timex.anchor)
        return timex

    def _early_units_of(self, text, dct, future, context_day):
        """ "the early months of 2004", "the final weeks of December": a part, no count given,
        of the year or month named: that year or month ("the last three months of 2004" is
        a count, read as a duration and its year)."""
        match = re.fullmatch(r"(?:the )?(?:early|earliest|first|opening|last|final|closing|"
                             r"latter|late|remaining|dying) (?:few )?(?:months|weeks|days) of "
                             r"(?P<whole>.+)", text)
        if not match:
            return None
        whole = self._resolve_cached(match.group("whole"), dct, future, context_day)
        if whole is None or not whole.value or not re.fullmatch(r"\d{4}(?:-\d\d)?", whole.value):
            return None
        return whole

    def _month_quarter(self, text, dct, future, context_day):
        """ "the December quarter", "the June quarter": the calendar quarter that month ends
        or lies in, in the year the month would be read in."""
        match = re.fullmatch(r"(?:the |this |last |next )?(?P<month>[a-z]+)\.? quarter", text)
        month = self.months.get(match.group("month")) if match else None
        if month is None:
            return None
        if not dct:
            return Timex("DATE", None, None)
        return Timex("DATE", _quarter_of(_month_year(dct, month, None, text, future), month),
                     "published")

    def _half_year(self, text, dct, future, context_day):
        written = re.fullmatch(r"h(?P<h>[12]),? (?P<y>(?:19|20)\d\d)", text)
        if written:  # "H1 2015"; a bare "H2" is as likely hydrogen
            return Timex("DATE", f"{written.group('y')}-H{written.group('h')}", "absolute")
        # ("first-half profits": the extractor offers a half without "the" only before such
        # a noun, not "a first-half goal")
        match = re.fullmatch(r"(?:the |fiscal |financial )?(?P<h>first|second|latter|last)"
                             r"[- ]half(?P<of> of (?:the )?"
                             r"(?:(?P<y>(?:1[5-9]|20)\d\d)|(?P<rel>this |last |next )?year))?",
                             text)
        if not match:
            return None
        half = 1 if match.group("h") == "first" else 2
        if match.group("y"):
            return Timex("DATE", f"{match.group('y')}-H{half}", "absolute")
        if not dct:
            return Timex("DATE", None, None)
        step = {"last ": -1, "next ": 1}.get(match.group("rel") or "", 0)
        if not match.group("of") and half > (dct.month + 5) // 6 and future is False:
            step = -1  # "profit in the second half", said in spring: the half last reported
        return Timex("DATE", f"{dct.year + step:04d}-H{half}", "published")

    def _same_period(self, text, dct, future, context_day):
        # the year alone here; the extractor gives it the period its sentence speaks of
        match = _SAME_PERIOD.fullmatch(text)
        if not match:
            return None
        if match.group("unit") in ("quarter", "half"):
            return None  # "the comparable 2004 quarter": a quarter, which _quarters reads
        if _same_period_year(match):
            return Timex("DATE", _same_period_year(match), "absolute")
        if not dct:
            return Timex("DATE", None, None)
        return Timex("DATE", f"{dct.year - (not match.group('this')):04d}", "published")

    def _first_hour(self, text, dct, future, context_day):
        # "in the first hour of trading", "the final hour": one hour of the session; "its
        # first week on sale", "their first day of trading", "his second day of questioning",
        # "the first day of a two-day hearing": one such span of a thing's life or of an
        # event, which no calendar fixes
        owned = re.fullmatch(r"(?:its|their|his|her|our) (?:first|second|third|fourth|fifth) "
                             r"(?P<unit>day|week|weekend|month|year)", text) or \
            re.fullmatch(r"the (?:first|second|third|fourth|fifth) (?P<unit>day)", text)
        if owned:
            unit = owned.group("unit")
            return Timex("DURATION", "P1WE" if unit == "weekend" else
                         _period("1", self.units[unit]), "absolute")
        match = re.fullmatch(r"the (?:first|final|last|opening|closing) (?P<unit>hour|minute)",
                             text)
        if not match:
            return None
        return Timex("DURATION", "PT1H" if match.group("unit") == "hour" else "PT1M", "absolute")

    def _compound_duration(self, text, dct, future, context_day):
        """ "five years and four months" -> P5Y4M; "five and a half years" -> P5Y6M; "a
        quarter of a century" -> P25Y."""
        share = re.fullmatch(r"(?:(?P<n>a|three) )?quarters? of an? (?P<unit>century|year|day|hour)",
                             text)  # ("that nearly quarter of a century": the article dropped)
        if share:  # "a quarter of a century": 25 years
            amount = {"century": (25, "Y"), "year": (3, "M"), "day": (6, "H"),
                      "hour": (15, "M")}[share.group("unit")]
            n = amount[0] * (3 if share.group("n") == "three" else 1)
            time = "T" if share.group("unit") in ("day", "hour") else ""
            return Timex("DURATION", f"P{time}{n}{amount[1]}", "absolute")
        half = re.fullmatch(r"(?P<n>\S+) and a half years?", text)
        if half and self._number(half.group("n")).isdigit():
            return Timex("DURATION", f"P{self._number(half.group('n'))}Y6M", "absolute")
        parts = re.split(r",? and |, ", text)
        if len(parts) < 2:  # "1 hour 30 minutes": no "and" between the parts
            parts = re.findall(r"\S+ \S+", text) if re.fullmatch(r"(?:\d+ [a-z]+ ?)+", text) \
                else parts
        if len(parts) < 2:
            return None
        order = ("Y", "M", "W", "D", "H", "MIN", "S")
        # a part after the first stays below the unit before it: "12 month and 52 week" is two
        # ways of saying a year, not 12 months plus 52 weeks; "seven years and 43 days" is one
        below = {("Y", "M"): 12, ("Y", "W"): 53, ("Y", "D"): 366, ("M", "W"): 5,
                 ("M", "D"): 31, ("W", "D"): 7, ("D", "H"): 24, ("H", "MIN"): 60,
                 ("MIN", "S"): 60}
        found: dict[str, str] = {}
        for part in parts:
            match = re.fullmatch(r"(?P<n>\S+) (?P<unit>\w+)", part)
            unit = self.units.get(match.group("unit")) if match else None
            if unit not in order or unit in found or found and order.index(unit) <= max(
                    order.index(u) for u in found):
                return None
            n = self._number(match.group("n"))
            if not n.isdigit() or found and int(n) >= below.get((list(found)[-1], unit), 1):
                return None
            found[unit] = n
        date = "".join(f"{found[u]}{u}" for u in order[:4] if u in found)
        time = "".join(f"{found[u]}{u[0]}" for u in order[4:] if u in found)
        return Timex("DURATION", "P" + date + ("T" + time if time else ""), "absolute")

    def _financial_year(self, text, dct, future, context_day):
        relative = re.fullmatch(r"(?:the (?P<part>end|close|start|beginning|middle) of )?(?:the )?"
                                r"(?:(?P<rel>this|last|past|latest|next|current|previous|coming|"
                                r"(?<=the )new) |(?<=the ))"
                                r"(?P<kind>\w+) year", text)
        if relative and relative.group("kind") in self.year_kinds:
            if not dct:
                return Timex("DATE", None, None)
            # A UK financial or tax year starts in April, an academic year in September; each
            # is filed under the calendar year it starts in.
            year = dct.year - (dct.month < self.year_kinds[relative.group("kind")])
            # "the financial year": this one; "the latest": the last one closed
            rel = relative.group("rel")
            step = -1 if rel == "latest" else _STEPS.get(rel or "", 0)
            if rel == "new":  # the one to come, or the one begun in the last two months
                step = int(not 0 <= dct.month - self.year_kinds[relative.group("kind")] < 2)
            if relative.group("part") in ("end", "close") and \
                    self.year_kinds[relative.group("kind")] > 1:
                step += 1  # "the end of the financial year" in January 2016: March 2016
            return Timex("DATE", f"{year + step:04d}", "published")
        match = self.re_year_part.match(text)
        if not match:
            return None
        year = int(match.group("y"))
        if match.group("y2"):
            second = match.group("y2")
            # "2005-06", "2005-6", "2005-2006"
            second_year = int(second) if len(second) == 4 else \
                year // 10 ** len(second) * 10 ** len(second) + int(second)
            if second_year not in (year + 1, year):
                return None  # "2019-22" is a range of years, not one year
        return Timex("DATE", f"{year:04d}", "absolute")

    def _numeric(self, text, dct, future, context_day):
        match = self.re_numeric.match(text)
        if not match:
            return None
        day = _parse_numeric_date(text)
        if day is None:
            return False
        return Timex("DATE", day.isoformat(), "absolute", day)

    def _week_of(self, text, dct, future, context_day):
        """ "the week of March 6" -> 2000-W10; "the weekend of February 16" -> 2013-W07-WE."""
        nth = re.fullmatch(r"(?:the )?(?P<nth>first|second|third|fourth|final|last) "
                           r"(?P<unit>week|weekend) (?:of|in) (?P<month>.+)", text)
        if nth:
            return self._nth_week(nth, dct, future, context_day)
        match = re.fullmatch(r"(?:the )?(?P<unit>week|weekend) of (?P<day>.+)", text)
        if not match:
            return None
        found = self._resolve_cached(match.group("day"), dct, future, context_day)
        if not found or found.day is None:
            return None
        week = _iso_week(found.day) + ("-WE" if match.group("unit") == "weekend" else "")
        return Timex("DATE", week, found.anchor)

    def _nth_week(self, match, dct, future, context_day):
        """ "the first week of March": the week whose Thursday is March's first (a week
        belongs to the month of its Thursday, as ISO weeks to years); "the last weekend of
        May": the weekend of May's last Saturday."""
        found = self._resolve_cached(match.group("month"), dct, future, context_day)
        if not found or not found.value or not re.fullmatch(r"\d{4}(?:-\d\d)?", found.value):
            return None
        weekday = 6 if match.group("unit") == "weekend" else 4
        year = int(found.value[:4])
        month = int(found.value[5:]) if len(found.value) > 4 else None  # "the last week of 2003"
        first = _weekday_on_or_after(dt.date(year, month or 1, 1), weekday)
        days = [first + dt.timedelta(weeks=n) for n in range(5 if month else 53)]
        days = [day for day in days if day.year == year and month in (None, day.month)]
        which = {"first": 0, "second": 1, "third": 2, "fourth": 3}.get(match.group("nth"), -1)
        day = days[which]
        week = _iso_week(day) + ("-WE" if match.group("unit") == "weekend" else "")
        return Timex("DATE", week, found.anchor)

    def _adjacent_day(self, text, dct, future, context_day):
        """ "the next day", "the following morning", "the day before": a day from the day in
        context (else from the publication date); "the day before last Tuesday": from that day."""
        named = re.fullmatch(DAY_BEFORE_AFTER + r" (?P<day>.+)", text)
        if named:
            found = self._resolve_cached(named.group("day"), dct, future, context_day)
            if not found or found.day is None:
                return None
            day = found.day + dt.timedelta(days=1 if named.group("dir") == "after" else -1)
            return Timex("DATE", day.isoformat(), found.anchor, day)
        clock = self._clock(text)
        bare = self.re_clock_any.sub(" ", text).replace(" on ", " ").strip() if clock else text
        match = re.fullmatch(r"(?:the )?(?:next|following|previous|preceding) (?P<part>"
                             r"day|morning|afternoon|evening|night)|" + DAY_BEFORE_AFTER, bare)
        if not match:
            return None
        base = context_day or dct
        if base is None:
            return Timex("DATE", None, None)
        step = 1 if re.match(r"(?:the )?(?:next|following)\b", bare) or match.group("dir") == "after" \
            else -1
        day = base + dt.timedelta(days=step)
        part = match.group("part")
        suffix = "" if part in (None, "day") else "T" + self.parts[part]
        if clock:  # "11am the next day"
            suffix = "T" + clock
        return Timex(_type_with_time(suffix), day.isoformat() + suffix, "published", day)

    def _relative_word(self, text, dct, future, context_day):
        words = text.split()
        hits = [w for w in words if w in self.relative_words]
        if not hits:
            if re.fullmatch(r"(?:the )?(?:day|night) before yesterday", text):
                hits = ["yesterday"]
            elif not re.fullmatch(r"(?:\d{1,2}(?:[:.]\d\d)? ?[ap]\.?m\.? )?(?:this|last|"
                                  rf"early this|late last|late this) (?:{'|'.join(self.parts)})",
                                  text):
                return None
        if len(words) > 6:
            return None
        rest = self.re_part.sub(" ", self.re_clock_any.sub(" ", text))
        if any(word in self.units and word not in ("day", "night") for word in rest.split()):
            return None  # "the year ending tomorrow": a period, not the day
        if not dct:
            return Timex(_type_with_time(self._time_suffix(text)), None, None)
        offset = self.relative_words.get(hits[0], 0) if hits else 0
        if re.search(r"\blast ", text) and not hits:  # "last night": the evening before
            offset = -1
        if "day before yesterday" in text:
            offset = -2
        if "day after tomorrow" in text:
            offset = 2
        day = dct + dt.timedelta(days=offset)
        suffix = self._time_suffix(text)
        if "tonight" in words and not suffix:
            suffix = "TNI"
        return Timex(_type_with_time(suffix), day.isoformat() + suffix, "published", day)

    def _ago(self, text, dct, future, context_day):
        if re.fullmatch(r"(?:the )?year (?:ago|earlier) period", text):
            return Timex("DATE", f"{dct.year - 1:04d}" if dct else None,
                         "published" if dct else None)
        if re.fullmatch(r"(?:a |nearly |almost |about )?quarter of a century ago", text):
            return Timex("DATE", f"{dct.year - 25:04d}" if dct else None,
                         "published" if dct else None)  # 25 years back, a year as "ago" gives
        match = self.re_ago.match(text)
        if not match:
            return None
        unit = self.units[match.group("unit")]
        if match.group("dir") in ("later", "after", "since") and not match.group("n"):
            return None
        n = self._number(match.group("n"))
        if not match.group("n") and match.group("unit").endswith("s"):
            n = "X"  # "just days ago", "years ago": some time back, not one unit
        if not dct or n == "X" or "." in n:
            if not dct:
                return Timex("DATE", None, None)
            return Timex("DATE", "PAST_REF" if match.group("dir") in ("ago", "earlier",
                                                                    "before") else "FUTURE_REF",
                         "published")
        sign = -1 if match.group("dir") in ("ago", "earlier", "before", "previously") else 1
        amount = int(n) * sign
        if unit == "Y":
            return Timex("DATE", f"{dct.year + amount:04d}", "published")
        if unit == "DE":  # "a decade ago": a decade, as the unit says ("199" from 2007)
            return Timex("DATE", f"{(dct.year + 10 * amount) // 10:03d}", "published")
        if unit == "CE":  # "a century ago": a century, as the unit says ("19" from 2013)
            return Timex("DATE", f"{(dct.year + 100 * amount) // 100:02d}", "published")
        if unit == "M":
            year, month = _add_months(dct.year, dct.month, amount)
            return Timex("DATE", f"{year:04d}-{month:02d}", "published")
        if unit in ("W", "2W") and match.group("base"):  # "a week from today": that day
            day = dct + dt.timedelta(days=match.group("base") == "tomorrow",
                                     weeks=amount * (2 if unit == "2W" else 1))
            return Timex("DATE", day.isoformat(), "published", day)
        if unit in ("W", "2W"):
            weeks = amount * (2 if unit == "2W" else 1)
            return Timex("DATE", _iso_week(dct + dt.timedelta(weeks=weeks)), "published")
        if unit == "D":
            day = dct + dt.timedelta(days=amount + (match.group("base") == "tomorrow"))
            return Timex("DATE", day.isoformat(), "published", day)
        return None

    def _duration(self, text, dct, future, context_day):
        match = self.re_duration.match(text)
        if not match:
            return None
        unit_word = match.group("unit")
        unit = self.units[unit_word]
        n_text = match.group("n")
        plural = unit_word.endswith("s") and unit_word not in ("hrs", "mins", "secs")
        if not n_text:
            if not plural:
                return None  # "the week", "the year": a date, not mine
            if unit == "WE":
                return None
            if not text.startswith(("the ", "past ", "last ", "next ", "coming ", "recent ",
                                    "previous ", "following ")) and text != unit_word:
                return None
            n = "X"
        else:
            if n_text in ("a", "an", "another") and match.group("relative"):
                return None  # "a last minute decision": a kind of decision
            rate = re.fullmatch(r"(\S+) an?", n_text)
            if rate and (rate.group(1).isdigit() or rate.group(1) in self.numbers) and \
                    rate.group(1) != "half":
                return None  # "one a week", "three a day": a rate, its unit "a week"
            n = "1" if n_text == "another" else self._number(n_text)
            if re.fullmatch(r"(?:1[5-9]|20)\d\d", n) and not plural:
                return None  # "the 1988 quarter": a year, not 1,988 quarters
        if unit == "WE":
            return Timex("DURATION", f"P{n}WE", "absolute")
        point_five = re.fullmatch(r"([1-9]\d*)\.5", n)
        if point_five:  # "12.5 years" is "twelve and a half years"
            n, text = point_five.group(1), f"{text} and a half"
        if ("and a half" in text or match.group("frac")) and n != "X":
            whole, half = {"Y": ("Y", "6M"), "H": ("H", "30M"), "D": ("D", "T12H"),
                           "MIN": ("M", "30S")}.get(unit, (None, None))
            if whole:  # "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M
                value = f"PT{n}{whole}{half}" if unit in ("H", "MIN") else f"P{n}{whole}{half}"
                return Timex("DURATION", value, "absolute")
            n = f"{float(n) + 0.5:g}"
        if n == "0.5" and unit in _HALF_UNITS:
            return Timex("DURATION", _HALF_UNITS[unit], "absolute")
        return Timex("DURATION", _period(n, unit), "absolute")

    def _relative_unit(self, text, dct, future, context_day):
        match = self.re_relative_unit.match(text)
        if not match:
            return None
        if not dct:
            return Timex("DATE", None, None)
        rel, unit = match.group("rel"), match.group("unit")
        if match.group("mod") in ("the rest of", "the remainder of") and not rel:
            rel = "this"
        step = _STEPS.get(rel, 0)
        if not rel and match.group("mod") in ("the end of", "the start of", "the beginning of",
                                              "the middle of"):
            rel = "this"  # "at the end of the month": the current one
        if not rel and unit != "weekend":
            return None  # "the week", "the year": which one is not said
        if rel == "recent":
            return Timex("DATE", "PAST_REF", "published")
        if unit in ("decade", "century") and (rel == "past" or rel in ("next", "coming") and
                                              text.startswith("the ")):
            # the last ten years, not the 1990s; "over the next decade": the ten years ahead
            return Timex("DURATION", "P10Y" if unit == "decade" else "P100Y", "absolute")
        if unit == "year" and step == 1 and dct.month == 1 and re.fullmatch(
                r"the (?:coming|next) year", text):
            step = 0  # said in January, "the coming year" is the one just begun
        if unit == "week" and step == 0 and _week_gone_by_sunday(text, dct, future):
            step = 1  # said on a Sunday, "later this week" is the week that starts tomorrow
        if unit in ("week", "month", "year"):
            return Timex("DATE", _period_from(dct, unit, step), "published")
        if unit == "fortnight":  # no calendar has fortnights: the fourteen days meant
            return Timex("DURATION", "P2W", "absolute")
        if unit == "weekend":
            base = dct + dt.timedelta(weeks=step)
            if step == 0 and dct.isoweekday() < 6 and (
                    future is False or future is None and dct.isoweekday() <= (
                        2 if rel == "this" else 3)):
                # "this weekend" said of a past weekend; with no tense, the nearer one (the one
                # gone early in the week, the coming one from Thursday; "this weekend" from
                # Wednesday, as it names the week's own)
                base = dct - dt.timedelta(weeks=1)
            return Timex("DATE", _iso_week(base) + "-WE", "published")
        if unit == "quarter":
            return Timex("DATE", _quarter_of(dct.year, dct.month, 3 * step), "published")
        if unit == "decade":
            return Timex("DATE", f"{dct.year // 10 + step:03d}", "published")
        if unit == "century":
            return Timex("DATE", f"{dct.year // 100 + step:02d}", "published")
        season = self.seasons[unit]
        looking_back = rel in ("last", "past", "previous", "prior")
        step = -1 if rel in ("last", "previous", "prior") else step if step > 0 else 0
        if rel == "this" and future is True and _season_over(dct, season):
            step = 1  # "will wed this spring", said in December: the spring ahead
        return Timex("DATE", f"{_season_year(dct, season, step, not looking_back):04d}-{season}",
                     "published")

    def _quarters(self, text, dct, future, context_day):
        match = self.re_quarter.match(text)
        if not match:
            return None
        if match.group("q"):
            if match.group("y2"):
                return Timex("DATE", f"{match.group('y2')}-Q{match.group('q')}", "absolute")
            number, year_text = int(match.group("q")), None
        else:
            word = match.group("ord") or ""
            year_text = match.group("y")
            number = self.ordinals.get(word) if word not in ("last",) else None
        pre = match.group("pre")
        if pre and (number is not None or not (match.group("ord") or "").strip()):
            # "the 1988 third quarter", "next year's first quarter"; without an ordinal ("the
            # 1988 quarter", "last year's quarter") the quarter just closed, in that year
            if number is None and not dct:
                return Timex("DATE", None, None)
            if number is None:
                number = _quarter(dct - dt.timedelta(days=92))
            if pre[:4].isdigit():
                return Timex("DATE", f"{pre}-Q{number}", "absolute")
            if not dct:
                return Timex("DATE", None, None)
            shift = {"last": -1, "next": 1, "this": 0}.get(pre.split()[0], -1)
            return Timex("DATE", f"{dct.year + shift:04d}-Q{number}", "published")
        if year_text and year_text.isdigit():
            if number is None and word.strip() == "last":
                number = 4  # "the last quarter of 2004": its fourth
            if number is None:
                return Timex("DATE", f"{year_text}-QX", "absolute")
            return Timex("DATE", f"{year_text}-Q{number}", "absolute")
        if not dct:
            return Timex("DATE", None, None)
        year = dct.year + {"last year": -1, "next year": 1}.get(year_text or "", 0)
        if number is None:
            word = match.group("ord") or ""
            # Business news reports on the quarter just closed: "the quarter", "the latest
            # quarter" and "the year-ago quarter" count back from it.
            step = {"last": -1, "previous": -1, "past": -1, "prior": -1, "latest": -1,
                    "recent": -1, "": -1, "fiscal": -1, "next": 1, "this": 0, "current": 0,
                    "same": -1, "year earlier": -5, "year ago": -5}.get(word, 0)
            return Timex("DATE", _quarter_of(dct.year, dct.month, 3 * step), "published")
        if not year_text and number > _quarter(dct) and (
                not future or 3 * number - 2 - dct.month > 6):
            # a quarter not yet begun is the last one of its number; so is one more than six
            # months off, even looking ahead ("will report results for the fourth quarter",
            # said in January)
            year -= 1
        return Timex("DATE", f"{year:04d}-Q{number}", "published")

    def _seasons(self, text, dct, future, context_day):
        match = self.re_season.match(text)
        if not match:
            return None
        season = self.seasons[match.group("s")]
        if match.group("y") or match.group("y0"):  # "autumn 2006", "its 2006 autumn conference"
            return Timex("DATE", f"{match.group('y') or match.group('y0')}-{season}", "absolute")
        if not dct:
            return Timex("DATE", None, None)
        if match.group("rel2"):  # "the autumn of next year", "autumn this year": that year's
            return Timex("DATE", f"{dct.year + _STEPS.get(match.group('rel2'), 0):04d}-{season}",
                         "published")
        rel = match.group("rel") or ""
        step = _STEPS.get(rel, 0)
        bare = rel in ("", "the")
        year = _season_year(dct, season, step, future or not bare)
        if bare and future is None and not match.group("mod"):
            # no tense: the nearest such season ("new players in the summer", said in March)
            starts = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}  # the middle of each season
            year = min((dct.year - 1, dct.year, dct.year + 1), key=lambda y: abs(
                (dt.date(y, starts[season], 15) - dct).days))
            year -= season == "WI"  # winter is filed under the year it starts in
        if bare and future is True and _season_over(dct, season):
            year += 1  # "will be re-inspected in the spring", said in November: next spring
        return Timex("DATE", f"{year:04d}-{season}", "published")

    def _decade(self, text, dct, future, context_day):
        match = self.re_decade.match(text)
        if match and match.group("d"):
            decade = match.group("d")
            if decade.endswith("0") and decade != "200":
                return Timex("DATE", decade[:2], "absolute")  # "the 1800s": the century
            return Timex("DATE", decade, "absolute")
        if match and match.group("word"):
            return Timex("DATE", self.decade_words[match.group("word")], "absolute")
        if match:  # "the '90s"; "the 00s" and "the 10s" are this century's
            if not text.startswith("the "):
                return False  # "in their 90s": an age
            digit = match.group("d2")
            return Timex("DATE", ("20" if digit in "01" else "19") + digit, "absolute")
        century = self.re_century.match(text)
        if not century:
            return None
        number = int(century.group("n") or self.century_ordinals[century.group("word")])
        if 1 <= number <= 21:  # "the 20th century" -> 19
            return Timex("DATE", f"{number - 1:02d}", "absolute")
        return None

    def anchored_month(self, text: str) -> tuple[int, bool] | None:
        """ "the following march" -> (3, True), "the previous november" -> (11, False)."""
        match = _ANCHORED_MONTH.fullmatch(text)
        if not match or match.group("month") not in self.months:
            return None
        return self.months[match.group("month")], match.group("rel") in ("following", "subsequent")

    def _anchored_month(self, text, dct, future, context_day):
        """ "the following March": counted from the date in context by the extractor; from
        publication, the month the tense says."""
        anchored = self.anchored_month(text)
        if anchored is None:
            return None
        if not dct:
            return Timex("DATE", None, None)
        month, after = anchored
        return Timex("DATE", f"{_month_year(dct, month, None, '', after):04d}-{month:02d}",
                     "published")

    def _month_dates(self, text, dct, future, context_day):
        month_match = self.re_month.search(text)
        if not month_match:
            return None
        text = self.re_day_words.sub(self._day_in_digits, text)  # "the fifth of may"
        day_number = None
        explicit = self.re_day_month.search(text) or self.re_month_day.search(text)
        if explicit:
            month_word = explicit.group("mo") if "mo" in explicit.groupdict() and \
                explicit.group("mo") else explicit.group("mo2")
            day_text = explicit.group("d") if explicit.group("d") else explicit.group("d2")
            day_number = int(day_text)
        else:
            month_word, day_text = month_match.group("mo"), ""
        month = self.months[month_word]
        years = self.re_year.findall(text)
        text = re.sub(r"\b(?:of )?(?:the same|that) year$", "this year", text)  # in context
        year_shift = re.search(r"\b(this|last|next) year\b", text)
        if year_shift and not years and dct:
            years = [str(dct.year + _STEPS.get(year_shift.group(1), 0))]
            text = text.replace(year_shift.group(0), years[0])
        rest = text
        if explicit and explicit.string == text:
            # the day and month where they were found: "7.30am on 3 march" has a 3 before them
            rest = text[:explicit.start()] + " " + text[explicit.end():]
            month_word = day_text = ""
        for word in (month_word, *years, day_text):
            rest = rest.replace(word, " ", 1) if word else rest
        rest = self.re_clock_any.sub(" ", rest)
        rest = re.sub(r"\b(?:the|of|on|in|early|late|mid|end|start|beginning|middle|this|last|"
                      r"next|st|nd|rd|th|at|around|by|about)\b|[,.]", " ", rest)
        rest = self.re_weekday.sub(" ", rest)
        suffix = self._time_suffix(text)
        rest = self.re_part.sub(" ", rest)
        if rest.strip():
            return None  # words we cannot account for: leave to the fallback
        if day_number is not None and not 1 <= day_number <= 31:
            return False
        weekday = self.re_weekday.search(text)
        if years:
            year, anchor = int(years[0]), "published" if year_shift else "absolute"
        elif weekday and day_number and dct:
            # "Monday, Oct. 26": the year in which that day is a Monday, nearest first.
            anchor = "published"
            # ("last Thursday 11th March": "last" goes with the weekday, not the month)
            year = _month_year(dct, month, day_number,
                               re.sub(r"\b(?:last|next|this) (?=\w+day\b)", "", text), None)
            wanted = self.weekdays[weekday.group("wd")]
            for candidate in (year, year - 1, year + 1):
                try:
                    probe = dt.date(candidate, month, day_number)
                except ValueError:
                    continue
                if probe.isoweekday() == wanted and (
                        candidate == year or abs((probe - dct).days) <= 300):
                    year = candidate
                    break
            else:
                # no such day near publication: a slip of the pen ("Tuesday 18 January" in
                # January 2012, a Wednesday), read as that weekday nearest the date written
                try:
                    written = dt.date(year, month, day_number)
                except ValueError:
                    return False
                shift = (wanted - written.isoweekday() + 3) % 7 - 3
                day = written + dt.timedelta(days=shift)
                return Timex(_type_with_time(suffix), day.isoformat() + suffix, anchor, day)
        elif not dct:
            return Timex(_type_with_time(suffix), None, None)
        else:
            anchor = "published"
            year = _month_year(dct, month, day_number, text, future)
        if day_number is None:
            return Timex("DATE", f"{year:04d}-{month:02d}", anchor)
        try:
            day = dt.date(year, month, day_number)
        except ValueError:
            return False
        return Timex(_type_with_time(suffix), day.isoformat() + suffix, anchor, day)

    def _day_in_digits(self, match: re.Match) -> str:
        """ "the fifth (day) of may" -> "the 5th of may", "march twenty first" -> "march 21th"."""
        second = "2" if match.group("ord2") else ""
        tens = {"twenty": 20, "thirty": 30}.get(match.group("tens" + second) or "", 0)
        day = tens + self.day_ordinals[match.group("ord" + second)]
        return f"{match.group('pre' + second)}{day}th{match.group('post' + second)}"

    def _weekday(self, text, dct, future, context_day):
        match = self.re_weekday.search(text)
        if not match:
            return None
        numbered = re.fullmatch(r"(?:on )?(?:the )?\w+,? (?:the )?(\d{1,2})(?:st|nd|rd|th)?"
                                r"(?P<at>,? at .+)?", text)
        suffix = self._time_suffix(numbered.group("at")) if numbered and numbered.group("at") else ""
        if numbered and match.start() <= 7 and 1 <= int(numbered.group(1)) <= 31 and (
                suffix or not numbered.group("at")):
            # "on Thursday 9", its month left out: the nearest Thursday that is a 9th ("Tuesday
            # 22 at noon": at that hour)
            if not dct:
                return Timex(_type_with_time(suffix), None, None)
            weekday, number = self.weekdays[match.group("wd")], int(numbered.group(1))
            days = [dct + dt.timedelta(days=step) for step in range(-92, 93)]
            days = [day for day in days if day.isoweekday() == weekday and day.day == number]
            # the one on the side the tense points to, else the nearest
            days = [day for day in days if future is None or (day >= dct) == bool(future)] or days
            if days:
                day = min(days, key=lambda day: abs((day - dct).days))
                return Timex(_type_with_time(suffix), day.isoformat() + suffix, "published", day)
        rest = self.re_weekday.sub(" ", text, count=1)
        week = re.search(r"\b(?P<rel>next|last|this) week$", rest)
        rest = rest[:week.start()] if week else rest
        rest = self.re_clock_any.sub(" ", rest)
        rest = self.re_part.sub(" ", rest)
        rest = re.sub(r"\b(?:the|on|at|this|last|next|coming|past|early|late|in|from|until|"
                      r"and|of|by|around|about|previous|preceding|following)\b|[,.]", " ", rest)
        if rest.strip():
            return None
        suffix = self._time_suffix(text)
        if not dct:
            return Timex(_type_with_time(suffix), None, None)
        weekday = self.weekdays[match.group("wd")]
        base = context_day or dct  # "the previous Friday": the one before the day in context
        if week:  # "Tuesday last week": that week's Tuesday
            monday = dct - dt.timedelta(days=dct.isoweekday() - 1)
            day = monday + dt.timedelta(weeks=_STEPS.get(week.group("rel"), 0), days=weekday - 1)
        elif re.search(r"\b(?:previous|preceding)\b", text):
            day = _weekday_on_or_before(base - dt.timedelta(days=1), weekday)
        elif re.search(r"\bfollowing\b", text):
            day = _weekday_on_or_after(base + dt.timedelta(days=1), weekday)
        elif re.search(r"\bnext\b", text):
            day = _weekday_on_or_after(dct + dt.timedelta(days=1), weekday)
        elif re.search(r"\b(?:last|past)\b", text.replace("last night", "")):
            day = _weekday_on_or_before(dct - dt.timedelta(days=1), weekday)
        elif re.search(r"\bthis coming\b", text):  # said on a Thursday, "this coming
            day = _weekday_on_or_after(dct + dt.timedelta(days=1), weekday)  # Thursday": a week on
        elif re.search(r"\bthis\b", text.replace("this morning", "").replace(
                "this afternoon", "").replace("this evening", "")):
            # "this Sunday": the one of this week, unless the tense says it is gone or to come
            day = dct + dt.timedelta(days=weekday - dct.isoweekday())
            if future and day < dct:
                day += dt.timedelta(weeks=1)
            elif future is False and day > dct:
                day -= dt.timedelta(weeks=1)
        elif future or re.search(r"\bcoming\b", text):
            day = _weekday_on_or_after(dct, weekday)
        elif future is None and (weekday - dct.isoweekday()) % 7 in (1, 2):
            day = _weekday_on_or_after(dct, weekday)  # no tense: the nearest such day
        else:
            day = _weekday_on_or_before(dct, weekday)
        return Timex(_type_with_time(suffix), day.isoformat() + suffix, "published", day)

    def _part_or_clock(self, text, dct, future, context_day):
        stripped = re.sub(r"\b(?:early|late|in|the|at|on|from|this|of|around|about|by|until|same|"
                          r"that|o'clock|oclock)\b", " ", text).strip()
        if stripped == "day" and re.search(r"\b(?:same|that)\b", text):
            stripped, text = "", ""  # "the same day", "that day": the day in context
            base = context_day or dct
            if base is None:
                return Timex("DATE", None, None)
            return Timex("DATE", base.isoformat(), "published", base)
        if not stripped:
            return None
        clock = self.re_clock.match(stripped)
        part = stripped in self.parts
        if not clock and not part and stripped not in ("noon", "midday", "midnight"):
            return None
        if clock and not clock.group("ap") and not re.search(r"[:.]", stripped) and \
                "o'clock" not in text:
            return None  # a bare number is not a time
        suffix = self._time_suffix(text)
        if not suffix:
            return None
        base = context_day or dct
        if base is None:
            return Timex(_type_with_time(suffix), None, None)
        if suffix == "T24:00" and context_day is None and future is False or \
                stripped == "overnight" and context_day is None and future is False:
            # "stores opened at midnight", no day named: the midnight that began the day of
            # publication (the one that ends it is still to come); "the ban came into force
            # overnight", "agreed after overnight talks": the night just gone, as "last night"
            base -= dt.timedelta(days=1)
        return Timex(_type_with_time(suffix), base.isoformat() + suffix, "published", base)

    def _qualified_duration(self, text, dct, future, context_day):
        """ "two difficult years", "three long weeks": the count of units, whatever they were
        like."""
        match = self.re_qualified_duration.match(text)
        if not match:
            return None
        found = self._duration(f"{match.group('n')} {match.group('unit')}", dct, future,
                               context_day)
        return found if found and found.type == "DURATION" else None

    def _qualified_season(self, text, dct, future, context_day):
        match = self.re_qualified_season.match(text)
        return self._seasons(f"the {match.group('s')}", dct, future, context_day) if match \
            else None

    def _single_unit(self, text, dct, future, context_day):
        """ "its largest single-day gain", "the best single week since 2003", "the peso's
        decade-long peg": one unit's length, as "one-day" is."""
        match = re.fullmatch(r"single[- ](?P<unit>day|week|month|year)|all (?P<all>day|week|month|year)|"
                             r"(?:an? )?(?P<long>hour|day|week|month|year|decade|century)[- ]long|"
                             r"(?P<many>hours|days|weeks|months|years|decades|centuries)[- ]long",
                             text)
        if match is None:
            return None
        if match.group("many"):  # "the government's decades-long policy": some number of them
            return Timex("DURATION", _period("X", self.units[match.group("many")]), "absolute")
        unit = match.group("unit") or match.group("long") or match.group("all")  # "all day"
        return Timex("DURATION", _period("1", self.units[unit]), "absolute")

    def _clock_on_day(self, text, dct, future, context_day):
        """ "11pm on the evening of Wednesday 30th": the clock time of the day the rest names,
        for day phrases no rule reads with a clock time before them."""
        clock = self.re_clock_any.match(text)
        if not clock or not text[clock.end():].startswith(" on "):
            return None
        time = self._clock(text[:clock.end()])
        day = self._resolve_cached(text[clock.end() + 4:], dct, future, context_day)
        if not time or day is None:
            return None
        if day.value is None:
            return Timex("TIME", None, day.anchor)
        if not re.fullmatch(r"\d{4}-\d\d-\d\d(?:T[A-Z]{2})?", day.value):
            return None
        return Timex("TIME", f"{day.value[:10]}T{time}", day.anchor, day.day)

    def _fallback(self, text, dct, future, context_day):
        # Only short strings with digits and a month or a numeric date go to dateparser: words
        # alone are where its false hits live ("We" -> Wednesday, "£5m" -> five minutes ago).
        if any(word in self.units for word in text.split()):
            return None  # "3-5 years" is not a day
        if len(text) > 40 or len(text.split()) > 5 or not re.search(r"\d", text) or not (
                self.re_month.search(text) or re.search(r"\d[/.-]\d", text)):
            return None
        day = _parse_absolute(text)
        if day is None or str(day.year) not in text and (
                re.search(r"\d{4}", text) or not re.search(
                    rf"(?:'|\d{{1,2}}[/.-]\d{{1,2}}[/.-]|{self.re_month.pattern} )"
                    rf"{day.year % 100:02d}$", text)):
            # the year must be written: "April 24 and 25" is not 2025
            return None
        return Timex("DATE", day.isoformat(), "absolute", day)


def _period(n: str, unit: str) -> str:
    if unit in ("H", "S"):
        return f"PT{n}{unit}"
    if unit == "MIN":
        return f"PT{n}M"
    if unit == "DE":
        return f"P{_times(n, 10)}Y"
    if unit == "CE":
        return f"P{_times(n, 100)}Y"
    if unit == "2W":
        return f"P{_times(n, 2)}W"
    if unit == "Q":  # ISO 8601 has no quarters: "two quarters" is six months
        return f"P{_times(n, 3)}M"
    return f"P{n}{unit}"


def _week_gone_by_sunday(text: str, dct: dt.date, future: bool | None) -> bool:
    """On a Sunday, the last day of its ISO week, nothing of "this week" is still to come: what
    is "later this week" or will happen "this week" is in the week that starts the next day."""
    return dct.isoweekday() == 7 and (text.startswith("later") or future is True)


def _times(n: str, factor: int) -> str:
    return "X" if n == "X" else f"{float(n) * factor:g}"


def _month_year(dct: dt.date, month: int, day_number: int | None, text: str,
                future: bool | None) -> int:
    """The year of a month (and day) named without one. "last March" is last year's and
    "this March" this year's; otherwise the tense decides (past: the latest up to the
    publication date; future: the first from it on) and with no clear tense the nearest."""
    if re.search(r"\blast\b", text):
        # the latest such month, but not one of the last three: said in November, "last
        # October" is the October of the year before ("this October" is the one just gone)
        return dct.year if (month, day_number or 1) < (dct.month, day_number and dct.day or 1) \
            and dct.month - month > 2 else dct.year - 1
    if re.search(r"\bthis\b", text):
        # ("This January, the college will trial it", said in December: the coming one)
        return dct.year + (future is True and month < dct.month - 2)
    if re.search(r"\bnext\b", text):
        future = True
    probe = (month, day_number or 1)
    now = (dct.month, dct.day if day_number else 1)
    if future is None:
        target = dt.date(dct.year, month, min(day_number or 1, 28))
        distance = (target - dct.replace(day=1 if not day_number else dct.day)).days
        if distance > 183:
            return dct.year - 1
        if distance < -183:
            return dct.year + 1
        return dct.year
    if day_number:
        # A day named without its year lies close to publication whatever the tense says
        # ("payable Dec. 1" in a November article): within 45 days, the nearest one.
        for year in (dct.year, dct.year - 1, dct.year + 1):
            if abs((dt.date(year, month, min(day_number, 28)) - dct).days) <= 45:
                return year
    if future and probe < now:
        return dct.year + 1
    if not future and probe > now:
        return dct.year - 1
    return dct.year


def _holiday_year(rule: str, dct: dt.date, future: bool | None) -> int:
    """A holiday names one day a year, and the tense says which side of publication it lies:
    "was held on Burns Night" said on 12 January is last January's, "will close on Christmas
    Eve" this December's. With no tense, or within a week of publication whatever the tense,
    the nearest one."""
    days = {year: _holiday_date(rule, year) for year in (dct.year - 1, dct.year, dct.year + 1)}
    nearest = min(days, key=lambda year: abs((days[year] - dct).days))
    if future is None or abs((days[nearest] - dct).days) <= HOLIDAY_NEAR_DAYS:
        return nearest
    if future:
        return next(year for year, day in days.items() if day >= dct)
    return next(year for year, day in reversed(days.items()) if day <= dct)


def _holiday_date(rule: str, year: int) -> dt.date:
    """ "12-25" is a fixed day; "E+1" counts days from Easter Sunday; "11/4/4" is the fourth
    Thursday of November (month/ISO weekday/which one, -1 the last), "11/4/4+1" the day after."""
    if rule.startswith("E"):
        return easter(year) + dt.timedelta(days=int(rule[1:]))
    if "+" in rule[1:]:  # "11/4/4+1": the day after Thanksgiving
        rule, days = rule.rsplit("+", 1)
        return _holiday_date(rule, year) + dt.timedelta(days=int(days))
    if "/" in rule:
        month, weekday, nth = (int(part) for part in rule.split("/"))
        if nth > 0:
            first = _weekday_on_or_after(dt.date(year, month, 1), weekday)
            return first + dt.timedelta(weeks=nth - 1)
        following = dt.date(*_add_months(year, month, 1), 1)
        return _weekday_on_or_before(following - dt.timedelta(days=1), weekday)
    month, day = rule.split("-")
    return dt.date(year, int(month), int(day))


def _type_with_time(suffix: str) -> str:
    return "TIME" if suffix else "DATE"


_SEASON_START_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season_over(dct: dt.date, season: str) -> bool:
    """This year's season is over by the publication date's month, so one spoken of as ahead is
    next year's (winter, filed under the year it starts in, never is)."""
    return season != "WI" and dct.month >= _SEASON_START_MONTHS[season] + 3


def _season_year(dct: dt.date, season: str, step: int, future: bool) -> int:
    # Winter is filed under the year it starts in, as TimeBank does.
    year = dct.year
    if step == 0 and not future and _SEASON_START_MONTHS[season] > dct.month and season != "WI":
        year -= 1
    if season == "WI" and dct.month < 3:
        year -= 1
    return year + step


@lru_cache(maxsize=4096)
def _parse_numeric_date(text: str) -> dt.date | None:
    settings = {"DATE_ORDER": "YMD" if re.match(r"\d{4}", text) else "DMY",
                "REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


@lru_cache(maxsize=4096)
def _parse_absolute(text: str) -> dt.date | None:
    settings = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


_CANON_SUBS = [
    (re.compile(r"[’‘`]"), "'"),
    (re.compile(rf"\b({_MONTH_ABBREVIATIONS})\.(?=\d)"), r"\1 "),  # "sept.11"
    (re.compile(r"\s+([,.;:])"), r"\1"),
    (re.compile(r"(?<=[a-z])\.(?=\s|,|$)"), ""),  # "sept." -> "sept", "p.m." -> "p.m"
    (re.compile(r"(?<=[a-z])-(?=[a-z])"), " "),   # "mid-september", "third-quarter"
    (re.compile(r"(?<=\d)-(?=[a-z])"), " "),      # "72-hour"
    (re.compile(r"(?<=[a-z])-(?=\d)"), " "),      # "mid-2019"
    (re.compile(r"\bquarter century\b"), "quarter of a century"),  # "a quarter-century"
    # "an hourlong show", "a yearslong obsession": as "hour-long", "years-long" are written
    (re.compile(r"\b(hour|day|week|month|year|decade)(s?)long\b"), r"\1\2 long"),
    # "five trading days": days all the same, counted in a calendar of work
    (re.compile(r"(?<=\S )(?:trading|business|working) (?=(?:day|week)s?$)"), ""),
    # "a full year" is a year, "an entire working day" a day
    (re.compile(r"\b(an?) (?:full|whole|entire) (?=(?:year|month|week|day|hour)$)"), r"\1 "),
    (re.compile(r"\s+"), " "),
]


@lru_cache(maxsize=8192)
def canonical(text: str) -> str:
    text = text.lower().strip()
    for pattern, replacement in _CANON_SUBS:
        text = pattern.sub(replacement, text)
    return text.strip(" ,.;:'\"")


# --------------------------------------------------------------------------------------------
# The spaCy component


def _expand_pattern(pattern: list[dict], lists: dict) -> list[dict]:
    expanded = []
    for token in pattern:
        token = dict(token)
        for key, condition in token.items():
            if isinstance(condition, dict) and isinstance(condition.get("IN"), str):
                words = lists[condition["IN"].lstrip("@")]
                token[key] = {**condition, "IN": sorted(words)}
        expanded.append(token)
    return expanded


class DateExtractor:
    """Finds, trims, merges and resolves the temporal expressions of a Doc."""

    def __init__(self, nlp: Language, patterns: dict, vague_references: bool = False,
                 timeml_extents: bool = False):
        lists = patterns["lists"]
        # TIMEX3 annotates "now", "recently", "for weeks"; the project's records leave such
        # vague references out (corpus/README.md). The TIMEX3 benchmarks switch them on.
        self.vague_references = vague_references
        # The records keep "8am on Tuesday" as one moment; TimeML marks "8am" and "Tuesday".
        self.timeml_extents = timeml_extents
        self.scheduled_verbs = set(lists["scheduled_verbs"])
        self.present_states = set(lists["present_states"])
        self.fixture_events = set(lists["fixture_events"])
        # a clock written as four digits before the channel showing it: "from 1930 on BBC One"
        channels = "|".join(re.escape(name) for name in lists["broadcast_channels"])
        self.re_broadcast_clock = re.compile(
            rf"\b(?:at|from|until|till) (?P<clock>([01]\d|2[0-3])([0-5]\d))(?= on (?:{channels})\b)")
        self.state_verbs = set(lists["state_verbs"])  # "today we have 380 staff"
        self.intent_heads = set(lists["intent_heads"])
        self.preparation_words = set(lists["preparation_words"])
        self.resolver = TimexResolver(lists)
        # run per window on the patterns whose required words the window holds
        self.matcher = GatedMatcher(nlp.vocab)
        for index, entry in enumerate(patterns["patterns"]):
            self.matcher.add(f"{entry['label']}_{index}", _expand_pattern(entry["pattern"], lists))
        self.lead_drop = set(lists["lead_words_dropped"])
        self.trail_drop = set(lists["trail_words_dropped"])
        self.future_cues = set(lists["future_cues"])
        self.future_phrases = tuple(lists["future_phrases"])
        self.durational_heads = set(lists["durational_heads"])
        self.reporting_nouns = set(lists["reporting_nouns"])
        # "figures for October", "show prices in October": a month measured, reported after it
        self.statistic_nouns = set(lists["statistic_nouns"])
        self.data_verbs = set(lists["data_verbs"])
        self.today_events = set(lists["today_events"])  # "today's vote": the day's
        self.period_parts = set(lists["period_parts"])  # "the first ten months of the year"
        self.period_verbs = set(lists["period_verbs"])  # "shares ended the week higher"
        self.reporting_verbs = set(lists["reporting_verbs"])  # "said on Wednesday"
        # "in morning trading", "Christmas trading": the time of the dealing, not a kind of thing
        self.market_sessions = set(lists["market_sessions"])
        # "Christmas shoppers", "a post-Christmas lull", "the May Day holiday": what happens at
        # this year's holiday (word forms: "the Easter holidays" are weeks of school, a kind)
        self.holiday_time_nouns = set(lists["holiday_time_nouns"])
        # "the Boxing Day disaster", "the 7/7 bombings": an event that happened on that holiday
        self.holiday_event_nouns = set(lists["holiday_event_nouns"])
        self.future_heads = set(lists["future_heads"])
        # "commentators have been expecting an election on 5 May": what is expected now is ahead
        self.expectation_verbs = set(lists["expectation_verbs"])
        # Holiday names, and fixed phrases that start with a common word ("the holidays", "its
        # first week", which a token pattern would try at every "the" and "its"), are fixed
        # word sequences: one PhraseMatcher pass over the doc finds them all.
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.phrases.add("HOLIDAY", [nlp.make_doc(name) for name in lists["holidays"]])
        self.phrases.add("PHRASE", [nlp.make_doc(text) for text in lists["fixed_phrases"]])
        self._holiday_key = nlp.vocab.strings["HOLIDAY"]
        _parse_numeric_date("12/01/2016")  # dateparser loads its language data on first use
        self.units = lists["units"]
        self.glue = {"on", "at", ",", "of", "the", "in"}
        self.time_zones = set(lists["time_zones"])  # "5 p.m. EST Nov. 9" is one moment
        self.forward_prepositions = set(lists["forward_prepositions"])
        self.forward_words = set(lists["forward_words"])
        # "September heating oil stood lower", "the September Bund future", "for February
        # delivery": a delivery month of a futures market, always one still traded
        self.contract_goods = tuple(lists["contract_goods"])
        # what a comparison with an earlier estimate names: "less than forecast in July"
        self.estimate_words = set(lists["estimate_words"])
        # words a number names a thing after, where a year-shaped number is no year ("House
        # Bill 1523"), and names a capital "Today" ends ("USA TODAY"); both as written
        self.numbered_name_heads = set(lists["numbered_name_heads"])
        self.today_name_heads = set(lists["today_name_heads"])
        # "overnight talks" were held last night; "overnight trains" are a kind of train, and
        # "an overnight success", "won't happen overnight" mean suddenly
        self.overnight_kinds = set(lists["overnight_kinds"])
        self.sudden_change_verbs = set(lists["sudden_change_verbs"])
        # "in their third year of MEng": a year of a course of study, as "first years" are
        # students
        self.study_words = set(lists["study_words"])
        self.measures = set(lists["measure_units"])
        self.name_heads = set(lists["weekday_name_heads"])
        self.year_name_heads = set(lists["year_name_heads"])
        self.edition_heads = set(lists["edition_heads"])
        self.quarter_leads = set(lists["quarter_duration_leads"])
        self.season_leads = set(lists["season_leads"])
        self.team_nouns = set(lists["team_nouns"])
        self.season_event_heads = set(lists["season_event_heads"])
        self.season_weather_heads = set(lists["season_weather_heads"])
        self.triggers = {word.lower() for name in (
            "weekdays", "weekdays_plural", "months", "parts_of_day", "seasons", "units",
            "relative_words", "set_words", "trigger_words", "decade_words", "year_kinds",
            "glued_lengths")
            for word in lists[name]}
        self.triggers |= {f"{word}." for word in lists["months"]}
        self._trigger_keys = {nlp.vocab.strings.add(word) for word in self.triggers}
        self._digit_shapes: dict[int, str] = {}  # shape hash -> _digits_kind
        # A month written with a capital: "may" and "march" in lower case are verbs.
        month = "|".join(sorted((re.escape(name.title()) for name in lists["months"]),
                                key=len, reverse=True))
        # ("the 9th/10th of March": a slash only after an ordinal's ending)
        to = r"\s*(?:-|–|—|to|and|until|till|through|(?<=st|nd|rd|th)/)\s*"
        day = r"(?<![\d£$€.,:/])[0-3]?\d(?:st|nd|rd|th)?"
        year = r"(?:,? (?P<y>(?:1[89]|20)\d\d)\b)?"
        month_word = rf"(?:{month})\.?"
        weekday = "|".join(sorted((name.title() for name in lists["weekdays"] if len(name) > 4),
                                  key=len, reverse=True))
        self.re_month_span = re.compile(
            rf"\b(?:[Tt]he )?(?P<m1>{month_word})(?P<join>\s*(?:-|–|to)\s*|-to-| and )"
            rf"(?P<m2>{month_word})(?P<noun> (?:period|quarter|half))?\b")
        # Most articles have no two numbers joined by a range word: a cheap scan first.
        self.re_range_gate = re.compile(
            r"\d\s?(?:st|nd|rd|th|[ap]\.?m\.?)?\s*(?:[-–—/]|to|and|until|till|through)\s*"
            r"(?:[A-Z][a-z]+day,?\s+)?\d",
            re.IGNORECASE)
        clock = r"(?P<h{n}>\d{{1,2}})(?:[:.](?P<m{n}>\d\d))?"
        self.re_clock_range = re.compile(
            rf"(?<![\d:./£$€]){clock.format(n=1)}(?:\s*(?P<ap1>[ap]\.m\.|[ap]\.?m\b))?"
            rf"\s*(?:-|–|to|until|till)\s*{clock.format(n=2)}\s*(?P<ap2>[ap]\.m\.|[ap]\.?m\b)",
            re.IGNORECASE)
        # "17:00–19:00": with no am or pm both ends must read as a 24-hour clock (a leading zero
        # or an hour past 12 on one side), or "2:30-4:30" would be taken for a time of day.
        self.re_clock_range_24 = re.compile(
            r"(?<![\d:./£$€])(?P<h1>[01]?\d|2[0-3]):(?P<m1>[0-5]\d)\s*(?:-|–|—|to|until|till)\s*"
            r"(?P<h2>[01]?\d|2[0-3]):(?P<m2>[0-5]\d)(?![\d:]|\s*[ap]\.?m\b)",
            re.IGNORECASE)
        # with dots only between dashes, as British listings write them ("from 17.00-18.00";
        # "rose from 13.00 to 14.00" is a price)
        self.re_clock_range_dots = re.compile(
            r"(?<![\d:./£$€])(?P<h1>[01]?\d|2[0-3])\.(?P<m1>[0-5]\d)\s*(?:-|–|—)\s*"
            r"(?P<h2>[01]?\d|2[0-3])\.(?P<m2>[0-5]\d)(?![\d.:%]|\s*(?:[ap]\.?m\b|per\b))",
            re.IGNORECASE)
        self.re_day_range = re.compile(
            rf"(?:(?P<wd1>{weekday}),? )?(?P<d1>{day}){to}(?:(?:{weekday}),? )?(?P<d2>{day})"
            rf"(?: of)? (?P<mo>{month})\b{year}|"
            rf"\b(?P<mo2>{month})\.? (?P<e1>{day}){to}(?P<e2>[0-3]?\d(?:st|nd|rd|th)?)\b"
            rf"(?![\d:.%]\d|-)(?P<y2>,? (?:1[89]|20)\d\d\b)?")

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published
        if published is None:  # no date given: the article's own dateline, if it has one
            published = self.resolver.dateline(doc_text(doc))
        try:
            doc._.dates = self.extract(doc, published)
        except Exception as exc:  # one odd article must not take down a batch
            doc._.dates = []
            warnings = doc._.warnings if doc._.warnings is not None else []
            warnings.append(f"dates: {type(exc).__name__}: {exc}")
            doc._.warnings = warnings
        return doc

    # -- candidates ----------------------------------------------------------------------

    def candidates(self, doc: Doc, published: dt.date | None = None) -> list[Span]:
        spans = [ent for ent in doc.ents if ent.label_ in ("DATE", "TIME")]
        # the year of an event or a law the base model took whole ("the 2006 World Cup", "the
        # Terrorism Act 2000") is still a year
        spans += [doc[token.i:token.i + 1] for ent in doc.ents if ent.label_ in ("EVENT", "LAW")
                  for token in ent if _YEAR_TOKEN.fullmatch(token.text)]
        # and the year that ends a name when it numbers an edition ("Discover Islam Week
        # 2013", "VarsityFest 2017"), however the base model took the name
        spans += [doc[ent.end - 1:ent.end] for ent in doc.ents if len(ent) > 1 and
                  _YEAR_TOKEN.fullmatch(ent[-1].text) and ent[-1].dep_ in ("nummod", "appos") and
                  ent[-1].head.i == ent.end - 2 and self._dates_an_edition(ent[-1:])]
        # and so is the year of a law it did not take ("the 1701 Act of Settlement", "the
        # Anti-Terrorism Crimes and Security Act 2001")
        spans += [year for year in (doc.char_span(*found.span(1 if found.group(1) else 2))
                                    for found in _YEAR_OF_ACT.finditer(doc_text(doc)))
                  if year is not None]
        spans += self._years_before_nouns(doc)
        # a day glued to its month's abbreviation, one token to the tokenizer: "Sept.11, 2001"
        spans += [span for span in (doc.char_span(*found.span())
                                    for found in _GLUED_MONTH_DAY.finditer(doc_text(doc)))
                  if span is not None]
        holidays = []
        for key, start, end in self.phrases(doc):
            if key == self._holiday_key:
                holidays.append((start, end))
            else:
                spans.append(doc[start:end])
        windows = self._windows(doc)
        spans += [doc[start:end] for _, start, end in self.matcher.matches_in(doc, windows)]
        for first, last in windows:
            spans += [self._with_year(doc[start:end]) for start, end in holidays
                      if first <= start and end <= last]
        trimmed = {span for span in (self._trim(span) for span in spans) if span is not None}
        trimmed = {part for span in trimmed for part in self._split_range(span, published)}
        # The longest candidate that reads as time wins: the base model's "the first nine
        # months of the year" gives way to our "the first nine months".
        readable = [span for span in trimmed
                    if self.resolver.resolve(span.text, published or _PROBE_DAY) is not None]
        # a base-model span that does not read whole may hold one after a preposition: "the
        # year in the last quarter of 2004" holds "the last quarter of 2004"
        readable += [tail for span in trimmed.difference(readable)
                     for tail in self._tails_after_prepositions(span)
                     if self.resolver.resolve(tail.text, published or _PROBE_DAY) is not None]
        return self._merge(filter_spans(readable))

    def _years_before_nouns(self, doc: Doc) -> list[Span]:
        """ "Record-setting 2016 spending spree", "the classic 1982 film": a year the base
        model took for a number (a count names more than one: "2000 jobs"); and a year dating
        an event's edition however it was parsed ("the Royal Academy of Engineering 2004
        Hinton Lecture")."""
        years = []
        for found in _BARE_YEAR.finditer(doc_text(doc)):
            year = doc.char_span(*found.span())
            if year is None or year.root.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT"):
                continue
            token, head = year.root, year.root.head
            if token.dep_ in ("nummod", "compound", "amod") and head.i > token.i and \
                    head.tag_ in ("NN", "NNP") and not (token.i and doc[token.i - 1].is_currency) \
                    and head.lower_ not in ("percent", "gmt", "hours", "hrs", "bst", "cet") \
                    and not head.like_num or self._dates_an_edition(year):
                years.append(year)
        return years

    @staticmethod
    def _tails_after_prepositions(span: Span) -> list[Span]:
        return [span.doc[token.i + 1:span.end] for token in span[1:-1]
                if token.lower_ in ("in", "during", "on", "at") and token.nbor().lower_ == "the"]

    @staticmethod
    def _with_year(span: Span) -> Span:
        """ "Good Friday 2014", "Easter, 2012": the year written after a holiday is its year."""
        doc, end = span.doc, span.end
        if end < len(doc) and doc[end].text == ",":
            end += 1
        if end < len(doc) and re.fullmatch(r"(?:1[89]|20)\d\d", doc[end].text):
            return doc[span.start:end + 1]
        return span

    def _windows(self, doc: Doc) -> list[tuple[int, int]]:
        """Stretches `[start, end)` of the doc around words that can start a time expression;
        the Matcher runs on these only (most of an article has none)."""
        windows: list[list[int]] = []
        if not len(doc):
            return []
        # Token attributes as one array: no Token objects for the many words that trigger nothing.
        strings = doc.vocab.strings
        for i, (lower, like_num, shape) in enumerate(doc.to_array([LOWER, LIKE_NUM, SHAPE]).tolist()):
            digits = self._digit_shapes.get(shape)
            if digits is None:
                digits = self._digit_shapes[shape] = _digits_kind(strings[shape])
            if lower in self._trigger_keys or digits == "timex" or (like_num and not digits):
                start, end = max(0, i - 4), min(len(doc), i + 6)
                if windows and start <= windows[-1][1]:
                    windows[-1][1] = end
                else:
                    windows.append([start, end])
        return [(start, end) for start, end in windows]

    def _trim(self, span: Span) -> Span | None:
        start, end = span.start, span.end
        doc = span.doc
        words = [token.lower_ for token in doc[start:end]]
        owner = int(words[-1] in ("'s", "’s"))
        if len(words) >= 4 + owner and words[-3 - owner] == "of" and words[-2 - owner] in (
                "last", "this", "next") and (owner or doc[end:end + 1].text in ("'s", "’s")):
            end -= 3 + owner  # "on Monday of last week's shooting": the day; the week is the shooting's
            words = words[:-3 - owner]
        if words[1:] == ["the", "moment"] and words[0] in ("at", "for", "of"):
            # "the moment" alone is any moment; "at the moment", "for the moment" and "the
            # gadget of the moment" are now (not "at the moment of impact", "at the moment
            # when", "waited for the moment to strike", "the timing of the moment")
            if end < len(doc) and doc[end].lower_ in ("of", "when", "that", "to"):
                return None
            if words[0] == "of" and not (start > 1 and doc[start - 1].pos_ == "NOUN" and
                                         doc[start - 1].lower_ not in ("heat", "spur")):
                return None  # not the idioms "in the heat of the moment", "on the spur of"
            return doc[start:end]
        if words[:2] == ["at", "this"] and end < len(doc) and (doc[end].lower_ in (
                "of", "in", "when", "that", "last", "next", "yesterday", "tomorrow") or
                words[2] == "time" and (doc[end].lower_ in ("a", "(", "on", "around") or
                                        doc[end].like_num or doc[end].pos_ == "NOUN")):
            # "at this point in the game", "of the campaign": a point in a story; "at this
            # time last year", "at this time of year", "at this time (between 5-7pm)"
            return None
        if words == ["at", "this", "time"] and "last year" in doc[max(0, start - 5):start].text:
            return None  # "lower than last year's level at this time": that time of last year
        if words == ["at", "present"] and end < len(doc) and (doc[end].pos_ == "NOUN" or
                                                             doc[end].dep_ == "amod"):
            return None  # "at present prices": of the present, no time of its own
        while end > start and doc[end - 1].is_space:
            end -= 1  # the base model may end an entity on a line break ("Christmas\n")
        while start < end and doc[start].is_space:
            start += 1
        year_end = end - (end - start > 1 and doc[end - 1].text in ("'s", "’s"))
        if re.fullmatch(r"(?:1[0-9]|20)\d0", doc[year_end - 1].text) and year_end < len(doc) and \
                doc[year_end].text in ("'s", "’s") and year_end - start <= 3:
            # "the 1980's", "early 1800’s": the decade, written with an apostrophe ("2010's
            # profits" are that year's)
            first = start - (start > 0 and doc[start - 1].lower_ == "the")
            lead = [token.lower_ for token in doc[first:year_end - 1]]
            if lead and all(word in ("the", "early", "mid", "late", "-") for word in lead):
                return doc[first:year_end + 1]
        if end - start == 3 and doc[start].like_num and doc[start + 1].lower_ in (
                "this", "last", "next") and doc[start + 2].lower_ in self.units:
            start += 1  # "hasn't held one this year": a count, then the year
        if end - start == 2 and doc[start].lower_ in ("annual", "yearly", "full-year") and \
                _YEAR_TOKEN.fullmatch(doc[start + 1].text):
            start += 1  # "the annual 2004 rate of growth": the year
        while start < end and doc[start].lower_ in self.lead_drop and not (
                end - start == 2 and doc[start].lower_ in ("per", "all")) and not (
                # "per week": a rate's unit; "all day": a day's length
                doc[start].lower_ == "another" and start + 1 < end and start and
                doc[start - 1].lower_ == "for" and doc[start + 1].lower_ in self.units and
                not doc[start + 1].lower_.endswith("s")) and not (
                doc[start].text in ("'", "’") and not doc[start].whitespace_ and
                start + 1 < end and doc[start + 1].shape_ == "dd"):
            # ("for another year": a year's length; "another year of growth" is one more year;
            # "of '83": a year)
            start += 1
        while end > start and doc[end - 1].lower_ in self.trail_drop:
            end -= 1
        if end - start >= 4 and doc[end - 2].lower_ == "or" and doc[end - 1].lower_ == "so":
            end -= 2  # "another year or so": about a year
        if end - start >= 3 and doc[end - 1].lower_ in ("later", "after", "before", "earlier") \
                and doc[end - 2].lower_ in self.units and doc[end - 3].lower_ not in (
                    "the", "that") and not (doc[end - 1].lower_ == "earlier" and
                                            doc[end - 2].lower_ == "year") and \
                not self._year_before_compared(doc[start:end]):
            # "four days later", "two weeks earlier": the duration, counted from a moment in
            # context ("a year earlier" is the date a year before, as business news uses it)
            end -= 1
        if end - start >= 3 and doc[end - 2].lower_ == "from" and doc[end - 1].lower_ == "now" \
                and end < len(doc) and doc[end].lower_ == "on":
            end -= 2  # "every six months from now on": henceforth, not a day counted from now
        if start >= end:
            return None
        return doc[start:end]

    @staticmethod
    def _year_before_compared(span: Span) -> bool:
        """ "a loss for the last three months of 2004, against a profit a year before": the
        period a year back, as "a year earlier" is, when a comparison leads to it and nothing
        follows ("a year before the merger" counts from the merger)."""
        doc = span.doc
        return span.text.lower() in ("a year before", "one year before") and (
            span.end == len(doc) or doc[span.end].is_punct) and bool(_COMPARING & {
                token.lower_ for token in doc[max(span.sent.start, span.start - 12):span.start]})

    def _split_range(self, span: Span, published: dt.date | None) -> list[Span]:
        """ "8am to 5pm today", "2010-2012": TIMEX3 marks each end of a range on its own."""
        probe = published or _PROBE_DAY
        if not self.timeml_extents and re.search(r"\b(?:financial|fiscal|tax|academic|school) "
                                                 r"year\b", span.text.lower()):
            return [span]  # "the 2012-2013 academic year" is one year (TimeML marks both)
        if "quarter-century" in span.text.lower():
            return [span]  # "a quarter-century ago": 25 years, no range
        for token in span[1:-1]:
            if token.lower_ not in ("to", "until", "till", "through", "-", "–", "and"):
                continue
            left, right = span.doc[span.start:token.i], span.doc[token.i + 1:span.end]
            if left[0].lower_ == "between":
                left = left[1:]
            left_timex = self.resolver.resolve(left.text, probe)
            right_timex = self.resolver.resolve(right.text, probe)
            if left_timex and right_timex and not (
                    left_timex.type == right_timex.type == "DURATION" and token.lower_ == "and"):
                return [left, right]
            if right_timex and not left_timex and \
                    self.resolver.resolve(span.text, probe) is None:
                # the base model's "the year to March": the month still stands on its own
                # (a bare "March" or "May" is a candidate only from the base model)
                return [right]
        return [span]

    def _merge(self, spans: list[Span]) -> list[Span]:
        merged: list[Span] = []
        for span in spans:
            if merged and self._joins(merged[-1], span):
                merged[-1] = span.doc[merged[-1].start:span.end]
            else:
                merged.append(span)
        return merged

    def _joins(self, left: Span, right: Span) -> bool:
        gap = left.doc[left.end:right.start]
        words = [token.lower_ for token in gap]
        if words[:2] == ["local", "time"]:
            words = words[2:]  # "5 p.m. local time on Monday" is one moment, like "5 p.m. EST"
        if len(words) > 2 or any(word not in self.glue and word not in self.time_zones
                                 for word in words):
            return False
        if left.sent.start != right.sent.start:
            return False
        left_text, right_text = canonical(left.text), canonical(right.text)
        resolver = self.resolver
        left_time = bool(resolver._time_suffix(left_text))
        right_time = bool(resolver._time_suffix(right_text))
        left_day = self._is_day(left_text)
        right_day = self._is_day(right_text)
        if left_time and right_day and not left_day and (
                not right_time or resolver._clock(left_text) and not resolver._clock(right_text)):
            return True  # "8am" + "on" + "Tuesday", "9pm" + "on" + "Sunday evening"
        if resolver._clock(left_text) and not gap and re.fullmatch(
                r"(?:this|last|tomorrow|yesterday) \w+|tonight", right_text) and right_time:
            return True  # "7am" + "this morning"
        if left_day and right_time and not left_time and not right_day:
            return True
        if resolver.re_weekday.search(left_text) and right_day and gap.text.strip() not in (
                "of",):
            return bool(resolver.re_month.search(right_text))
        if re.fullmatch(r"(?:the )?week(?:end)?", left_text) and gap.text.strip() == "of" and \
                right_day:
            return True  # "the weekend" + "of" + "February 16"
        if re.fullmatch(r"(?:the )?\w+ of the \d{1,2}(?:st|nd|rd|th)", left_text) and \
                gap.text.strip() in ("", "of") and resolver.re_month.fullmatch(
                    re.sub(r",? (?:19|20)\d\d$", "", right_text)):
            return True  # "the morning of the 19th" + "February 2018"
        if re.fullmatch(DAY_BEFORE_AFTER, left_text) and not gap and right_day and \
                not resolver._clock(right_text):
            return True  # "the day before" + "last Tuesday"
        if re.fullmatch(r"(?:on )?(?:the )?\w+day", left_text) and resolver.re_weekday.search(
                left_text) and not gap.text.strip() and re.fullmatch(r"(?:this|last|next) week",
                                                                       right_text):
            return True  # "Tuesday" + "last week"
        # "June" + "last year", "autumn" + "this year"
        if (resolver.re_month.search(left_text) or re.sub(r"^the ", "", left_text) in
                resolver.seasons) and not gap.text.strip() and re.fullmatch(
                r"(?:this|last|next) year", right_text):
            return True
        # "December 12" + ", 2016", "March" + "in" + "2010"
        if resolver.re_month.search(left_text) and re.fullmatch(r"(?:1[89]|20)\d\d",
                                                                right_text) and gap.text in (
                ",", "", "in", "of"):
            return True
        return False

    def _is_day(self, text: str) -> bool:
        resolver = self.resolver
        return bool(resolver.re_weekday.search(text) or resolver.re_day_month.search(text)
                    or resolver.re_month_day.search(text)
                    or re.search(r"\b(?:today|yesterday|tomorrow|tonight)\b|^the (?:next|following|"
                                 r"previous) day$", text) or re.fullmatch(DAY_BEFORE_AFTER, text)
                    or re.sub(r"^the |,? \d{4}$", "", text) in resolver.holidays)

    # -- tense ---------------------------------------------------------------------------

    def tense(self, span: Span) -> bool | None:
        """True when the clause of the span speaks of the future ("will", "is due to",
        "going to", "next"), False when its verb is in the past, None when it cannot tell."""
        if span.start and span.doc[span.start - 1].lower_ == "since":
            return False  # "the first rise since March": a time gone, whatever the verb
        doc = span.doc
        if span.start >= 3 and doc[span.start - 2].lower_ == "due" and \
                doc[span.start - 1].pos_ == "ADP" and \
                doc[span.start - 3].lower_ not in ("was", "were", "been", "had"):
            return True  # a time set for something: "the PMI survey due on Monday"
        event = span.root.head if span.root.dep_ in ("compound", "amod", "nmod") else None
        if event is not None and event.pos_ == "NOUN" and event.left_edge.i >= 2 and \
                doc[event.left_edge.i - 1].lower_ == "for" and \
                doc[event.left_edge.i - 2].lower_ in ("plan", "plans"):
            return True  # "the plan for a February election": the time of a plan
        noun = span.root.head.head if span.root.head.dep_ == "prep" else None
        if noun is not None and noun.pos_ == "NOUN" and any(
                child.dep_ in ("acl", "relcl") and child.tag_ == "VBN" and
                {"to", "be"} <= {grand.lower_ for grand in child.children
                                 if grand.dep_ in ("aux", "auxpass")}
                for child in noun.children):
            return True  # a thing still to be done: "a census from Sunday to be conducted"
        # the word before the preposition (the parser may hang "in July" on the main verb)
        estimate = doc[span.root.head.i - 1] if noun is not None and span.root.head.i else None
        if estimate is not None and estimate.lower_ in self.estimate_words and any(
                child.lower_ in ("than", "as") for child in estimate.children):
            return False  # "less than forecast in July", "as expected in March": said then
        verb = self._telling_verb(_verb_above(span.root, 4), span)
        if verb.tag_ == "VBG" and (verb.dep_ == "xcomp" or verb.dep_ == "advcl" and (
                _introduced_by(verb, ("when", "while", "after", "before")) or verb.i < verb.head.i)) and \
                verb.head.pos_ in ("VERB", "AUX") and \
                not any(child.dep_ in ("aux", "auxpass") for child in verb.children):
            # "were featured giving their all on Saturday", "lied when testifying in October",
            # "Speaking on Sunday, Mr Kennedy said": a participle clause has the tense of the
            # verb it hangs on (not so a result told after it: "went into administration,
            # putting jobs at risk weeks before Christmas")
            verb = verb.head
        elif verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in (
                "after", "before", "while", "when") and verb.head.head.tag_ == "VBD" \
                and not any(child.dep_ in ("aux", "auxpass") for child in verb.children):
            verb = verb.head.head  # "had a shock after coming back over the summer": then
        if verb.dep_ == "advcl" and verb.tag_ == "VBD" and \
                _introduced_by(verb, ("if", "unless"), deps=("mark",)):
            consequence = {child.lower_ for child in verb.head.children if child.dep_ == "aux"}
            if consequence & {"would", "could", "might", "will", "'ll", "’ll"} and \
                    "have" not in consequence:
                # "would break even if sales rose in September": the past tense of a condition
                # still ahead (not "would have ... if", a condition gone)
                return True
        clause = verb
        while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
            clause = clause.head
        if clause.dep_ == "xcomp" and clause.head.lower_ in ("were", "was") and any(
                child.lower_ == "to" for child in clause.children):
            clause = clause.head  # "if his candidate were to win in November": ahead
        if clause.dep_ == "advcl" and (clause.tag_ in ("VBP", "VBZ") or clause is not verb and
                                       clause.tag_ == "VBD") and \
                _introduced_by(clause, ("if", "unless"), deps=("mark",)):
            return True  # "to rebuild if Republicans splinter and lose in the fall": ahead
        if verb.dep_ in ("advcl", "relcl") and verb.tag_ == "VBD" and \
                _introduced_by(verb, ("when", "once", "until", "before", "after")):
            # (the parser may hang the time clause on a noun: "would be the key themes when
            # the UK took over the EU chair in July")
            head = verb.head if verb.dep_ == "advcl" else _verb_above(verb.head, 3)
            main = " ".join(token.lower_ for token in head.subtree
                            if not verb.left_edge.i <= token.i <= verb.right_edge.i)
            main = re.split(r"[“\"]", main)[0]  # (not the words quoted: "he said, “We're
            # going to do a wall”" tells when he said it)
            if any(child.lower_ == "would" and child.dep_ == "aux" for child in head.children) \
                    or any(phrase in main for phrase in self.future_phrases):
                # a time clause takes the tense of its main clause, shifted back in a report:
                # "results were likely to be set out when it unveiled them on Friday"
                return True
        if verb.pos_ in ("VERB", "AUX") and (verb.head.lower_ == "since" or any(
                child.lower_ == "since" and child.dep_ in ("mark", "prep")
                for child in verb.children)):
            return False  # "its first results since listing in June": a time gone
        if verb.pos_ in ("VERB", "AUX"):
            auxiliaries = {child.lower_ for child in verb.children
                           if child.dep_ in ("aux", "auxpass")}
            if not auxiliaries and verb.dep_ == "conj" and verb.tag_ in ("VB", "VBN"):
                # a second verb shares the first one's "will": "will be held and broadcast on
                # Friday" (the parser may also take "the 54th ranked Chinese" for one)
                auxiliaries = {child.lower_ for child in verb.head.children
                               if child.dep_ == "aux" and child.lower_ in (
                                   "will", "'ll", "’ll", "shall")}
            if auxiliaries & {"will", "'ll", "’ll", "shall", "wo"}:
                return True
            if verb.lemma_ in self.expectation_verbs and (
                    verb.tag_ in ("VBG", "VBZ", "VBP") and
                    not auxiliaries & {"had", "was", "were"} or
                    verb.tag_ == "VBN" and not auxiliaries and (
                        verb.dep_ in ("acl", "advcl") or
                        verb.dep_ == "xcomp" and verb.head.tag_ != "VBD") and
                    not any(child.lower_ in ("as", "than") for child in verb.children)):
                # "have been expecting an election on 5 May", "the election, widely predicted
                # for May" (not "shops were expecting the best Christmas ever")
                return True
            if _headline_future(verb, auxiliaries):
                return True  # "GM to close plants on Friday"
            if verb.head.lower_ in self.future_heads and verb.dep_ not in ("conj", "relcl") and \
                    self._past_intent(verb.head):
                # "registration was due to open on Monday": the plan is told as past. A plain
                # "was due" leaves the day to the nearest ("Nyerere was due to be presented with
                # a prize on Sunday", on a Saturday); "had expected" does not
                return None if self._plain_was_due(verb.head) else False
            plan = next((child for child in verb.children if child.dep_ == "acomp" and
                         child.lower_ in self.future_heads and child.is_ancestor(span.root)), None)
            if plan is not None and verb.lemma_ == "be":
                # "the survey (was) due on Monday": the day of a plan
                return None if self._past_intent(plan) else True
            if verb.head.lower_ in self.future_heads and verb.dep_ not in ("conj", "relcl") and \
                    not (verb.dep_ == "ROOT" and verb.tag_ == "VBD" and
                         span.root.head.lower_ not in ("date", "deadline")) and \
                    not (verb.tag_ == "VBD" and _introduced_by(verb, ("when", "once"))) or (
                    verb.lemma_ in self.future_heads and (auxiliaries or verb.tag_ not in (
                        "VBD", "VBN") or verb.tag_ == "VBN" and any(
                        child.lower_ in ("to", "for") or child.dep_ == "xcomp"
                        for child in verb.children))):
                # not "the government planned to pay on Friday" (a past plan) nor "the record
                # set on Aug. 6", "police expected trouble on Monday" (the past itself); but "a
                # meeting scheduled for Monday", "she set a March date for the case"
                return True
            if verb.dep_ in ("acl", "ccomp", "advcl") and verb.tag_ == "VBN" and \
                    verb.lower_ in self.future_heads and verb.lower_ != "set" and not auxiliaries \
                    and verb.doc[verb.i - 1].lower_ not in ("than", "as"):
                # "with the result expected on Friday", "the election, widely expected on 5 May"
                # (not "the record set on Aug. 6", "fewer jobs than expected in January", "twice
                # as many jobs as expected in October")
                return True
            if (verb.tag_ == "VB" or verb.tag_ == "VBN" and "have" in auxiliaries) and \
                    "to" in auxiliaries and verb.dep_ == "xcomp" and \
                    verb.head.lemma_ in self.intent_heads:
                # "expects to resume on Monday", "ready to meet on Monday", "expects to have
                # sent them all by the end of March"; not "analysts had expected February's
                # figure to be stronger"
                if verb.head.tag_ == "VBD" and (self.resolver.re_month.search(canonical(
                        span.text)) or _SEASON_WORD.search(span.text.lower())):
                    # "agreed to suspend talks at the beginning of December", "decided to
                    # press charges in the summer": the nearest
                    return None
                if verb.head.tag_ == "VBD" and verb.head.dep_ == "advcl" and \
                        _introduced_by(verb.head, ("as", "when", "while")):
                    return False  # "as Trump prepared to speak on Tuesday, a girl was hurt": then
                return not self._past_intent(verb.head)
            if verb.tag_ == "VB" and "to" in auxiliaries and verb.dep_ == "xcomp" and (
                    verb.head.tag_ == "VBD" or verb.head.tag_ == "VBN" and any(
                        child.dep_ in ("aux", "auxpass") and
                        child.lower_ in ("was", "were", "had", "has", "have")
                        for child in verb.head.children)) and \
                    verb.head.lemma_ not in self.future_heads:
                # "rates began to cool demand in the summer", "Ms Hughes was forced to resign
                # in April": told as past
                return False
            if verb.tag_ == "VBN" and {"to", "be"} <= auxiliaries and verb.dep_ in (
                    "advcl", "acl", "relcl"):
                return True  # still to happen: "the festivals, to be held on 26-28 August"
            if verb.tag_ == "VB" and "to" in auxiliaries and verb.dep_ in ("relcl", "acl") and \
                    verb.head.pos_ == "NOUN" and not any(
                        child.tag_ == "JJS" or child.lower_ in ("first", "last", "only", "next")
                        for child in verb.head.children):
                governor = _verb_above(verb.head, 4)
                if governor.tag_ in ("VBZ", "VBP") and not any(
                        child.lower_ in ("had", "was", "were", "did") for child in
                        governor.children):
                    # a chance or a plan to do something: "is in a strong position to reel off
                    # victories on Saturday" (not "the first candidate to win on Saturday")
                    return True
            if verb.tag_ in ("VBZ", "VBP") and verb.lower_ in self.scheduled_verbs:
                return True  # a timetable: "the strike ends at 7am on Saturday"
            if not auxiliaries and self._present_plan(verb, span):
                return True  # "Arafat and Netanyahu meet separately Monday": a day planned
            if "would" in auxiliaries and "have" not in auxiliaries:
                return True  # the future seen from a past report: "said it would close on Monday"
            modal = auxiliaries & {"must", "should", "would", "could", "might", "may", "can"}
            if modal - {"would"} and "have" in auxiliaries and verb.tag_ == "VBN":
                # "you may have seen it on Saturday": a guess about the past (not "the rent
                # would have been due on Christmas Day", a plan the collapse undid)
                return False
            if modal - {"would"} and (verb.tag_ == "VB" or verb.tag_ == "VBN" and "be" in
                                      auxiliaries and "have" not in auxiliaries) and \
                    span.start > min(child.i for child in verb.children if child.lower_ in modal) \
                    and not any(child.dep_ == "neg" for child in verb.children) \
                    and not any(token.lower_ in ("neither", "nor", "never") for token in
                                verb.subtree):
                # a possibility ahead: "the device could be on shop shelves by November",
                # "prices may fall in March", "it could one day replace the car", in the passive
                # "a decision could be reached in December" (not "he could not sell it in
                # March", "neither he nor his parents could be located Wednesday", nor a time
                # before the modal the parse hung on its verb: "warnings on Thursday that
                # strikes could do harm")
                return True
            if modal:
                return None
            if auxiliaries & {"had", "has", "have", "did", "was", "were"}:
                return False
            if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not auxiliaries):
                return False
        # a day at the end of a long chain of phrases takes the tense of the verb far above it
        far = _verb_above(span.root, 7) if verb.pos_ not in ("VERB", "AUX") else None
        if far is not None:
            auxiliaries = {child.lower_ for child in far.children if child.dep_ == "aux"}
            if far.pos_ == "VERB" and auxiliaries & {"will", "would", "'ll", "’ll", "shall"} and \
                    "have" not in auxiliaries:
                # a day at the end of a long chain of phrases: "would add a surcharge of 60
                # kroner to every ticket from Monday"
                return True
        # the words of the span's own clauses, a relative clause about someone else aside
        words = [token for token in span.sent if not _in_other_relative_clause(token, span)]
        lowered = f" {' '.join(token.lower_ for token in words)} "
        if any(token.lower_ in self.future_cues and token.pos_ != "PROPN"  # not "Will Smith"
               for token in words) or any(f" {phrase} " in lowered
                                          for phrase in self.future_phrases):
            return True
        if far is not None and far.tag_ == "VBD" and far.pos_ == "VERB" and \
                far.lemma_ not in self.reporting_verbs:
            # the past at the end of a long chain of phrases: "it asked for the return of emails
            # in a letter Friday to the FBI" (a telling does not date what it tells: "Ahead of
            # talks with the LSE on Friday, the bourse said it may raise its offer")
            return False
        return None

    def _present_plan(self, verb: Token, span: Span) -> bool:
        """A day or date hung straight on a verb in the plain present, in the story's prose (not
        its headline, whose present tells of the past): news uses that tense for what is
        planned ("England play Wales on 7 September", "voters go to the polls on Tuesday"),
        not for a telling ("says"), a state ("is", "compares with"), a habit ("opens on
        Sundays", a set) nor in a sentence that also tells the past ("stocks hurt the index,
        which fell on Friday": "hurt" is a past there)."""
        if verb.tag_ not in ("VBZ", "VBP") or verb.lower_[0] in "'’" or \
                verb.lemma_ in self.reporting_verbs:
            return False
        text = canonical(span.text)
        resolver = self.resolver
        if not (resolver.re_weekday.search(text) or resolver.re_day_month.search(text) or
                resolver.re_month_day.search(text)):
            return False
        fixture_is = verb.lemma_ == "be" and any(
            child.dep_ == "nsubj" and child.lemma_.lower() in self.fixture_events
            for child in verb.children)  # "the final is on Saturday"
        if not fixture_is and (verb.pos_ == "AUX" or verb.lemma_ in self.present_states) or \
                span.end < len(span.doc) and span.doc[span.end].tag_ == "POS" or \
                span.start_char < doc_text(span.doc).find("\n") or \
                any(token.tag_ == "VBD" for token in span.sent):
            return False
        head = span.root.head
        return head == verb and span.root.dep_ in ("npadvmod", "tmod") and span.start > verb.i or \
            head.dep_ == "prep" and head.head == verb and head.lower_ in ("on", "at")

    def _telling_verb(self, verb: Token, span: Span) -> Token:
        """ "GM said on Tuesday it would cut jobs": the parser hangs the day on the reported
        clause, but a time standing between the reporting verb and the start of the clause it
        reports (its "that" or its subject) dates the telling."""
        head = verb.head
        if verb.dep_ != "ccomp" or head.lemma_ not in self.reporting_verbs or \
                not head.i < span.start:
            return verb
        starts = [child.left_edge.i for child in verb.children
                  if child.dep_ in ("nsubj", "nsubjpass", "mark", "expl")]
        return head if starts and min(starts) >= span.end else verb

    def _past_intent(self, head: Token) -> bool:
        """ "had expected", "had been expected", "was due": a plan or expectation the narrative
        tells as past, so the day it named is gone ("was due to open at 9am on Monday"). Reported
        speech keeps its future ("said the plant was due to close on Monday")."""
        verb = _copula_of(head)
        auxiliaries = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}
        past = "had" in auxiliaries or head.i != verb.i and verb.lower_ in ("was", "were") or \
            _past_passive_plan(head)
        return past and _verb_above(verb.head, 3).lemma_ not in self.reporting_verbs

    @staticmethod
    def _plain_was_due(head: Token) -> bool:
        verb = _copula_of(head)
        return head.lower_ == "due" and verb.lower_ in ("was", "were") and not any(
            child.dep_ == "aux" for child in verb.children) or _past_passive_plan(head)

    def _holiday_ahead(self, span: Span, text: str, published: dt.date) -> Timex | None:
        """The coming holiday, when the span names one as the point something comes before
        ("before Christmas", "ahead of Easter", "the run-up to Christmas") and it falls within
        two weeks after publication; else None."""
        doc = span.doc
        before = [token.lower_ for token in doc[max(0, span.start - 2):span.start]]
        if not before or not (before[-1] == "before" or before[-2:] in (["ahead", "of"],
                                                                         ["up", "to"])) or \
                re.sub(r",? (?:1[5-9]|20)\d\d$", "", re.sub(r"^the ", "", text)) not in \
                self.resolver.holidays:
            return None
        coming = self.resolver.resolve(span.text, published, True, None)
        if coming is None or coming.day is None or \
                not 0 <= (coming.day - published).days <= HOLIDAY_RUN_UP_DAYS:
            return None
        return coming

    def _habitual_part_of_day(self, span: Span, text: str) -> bool:
        """ "Net usage tends to happen in the evening", "at night the wind chill takes
        temperatures down to minus 20C", "shops usually open in the morning": a part of any day
        (TIMEX3 only), when the clause says what tends or usually happens, or is a state in the
        simple present, and its sentence names no day."""
        if not re.fullmatch(r"(?:the )?(?:middle of the )?(?:morning|afternoon|evening|night)",
                            text) or span.sent.start == 0 or span.start == span.sent.start or \
                any(child.dep_ == "amod" for child in span[-1].children):
            return False  # (a headline's present tense tells of a time gone; "the biggest night
            # in UK film" is an event's)
        if any(self.resolver.re_weekday.fullmatch(token.lower_) or token.lower_ in (
                "today", "tonight", "yesterday", "tomorrow") or token.like_num
               for token in span.sent):
            return False
        verb = _verb_above(span.root, 4)
        if self._habitual(span):
            return True
        clause = verb.head if verb.dep_ == "csubj" else verb
        if any(child.dep_ == "aux" and child.lower_ in ("should", "can", "must")
               for child in clause.children):
            return True  # what holds of any night: "walking home at night should not be scary"
        return verb.tag_ in ("VBZ", "VBP") and verb.dep_ in ("ROOT", "conj") and not any(
            child.dep_ in ("aux", "auxpass") for child in verb.children) and \
            verb.lemma_ not in self.reporting_verbs and span.start > verb.i - 6 and \
            not any(token.tag_ == "VBD" for token in span.sent if token.dep_ == "ROOT") and \
            self.tense(span) is None  # (not a timetable: "the match kicks off in the evening")

    def _occasion_part_of_day(self, span: Span, text: str) -> bool:
        """ "a really great night", "that heady night in Sydney", "another night in March",
        "night of glory": a part of day told of as an occasion, not a time (not "by
        mid-morning", "early morning", nor "the biggest night in UK film": the one an event is
        held on, dated as any night is)."""
        if len(span) != 1 or text not in ("morning", "afternoon", "evening", "night"):
            return False
        return any(child.dep_ in ("amod", "nummod") and child.tag_ != "JJS" and
                   child.lower_ not in ("early", "late", "mid") or
                   child.lower_ in ("a", "an", "another") or
                   child.dep_ == "prep" and child.lower_ == "of" and any(
                       object_.pos_ == "NOUN" for object_ in child.children)
                   for child in span[0].children)

    def _weekday_routine(self, sentence: Span) -> bool:
        """A sentence in the present that names a run of weekdays, "Monday to Friday", and no
        day of its own: what happens every week ("It is open 10am-5pm Monday to Friday")."""
        match = _WEEKDAY_RUN.search(sentence.text)
        if match is None or any(token.lower_ in ("this", "next", "last", "today", "tomorrow",
                                                 "yesterday") for token in sentence):
            return False
        verb = sentence.root
        return verb.tag_ in ("VBZ", "VBP") and not any(
            child.dep_ == "aux" and child.lower_ in ("will", "'ll", "’ll") for child in verb.children)

    @staticmethod
    def _habitual(span: Span, above: int = 2) -> bool:
        """The clause of the span, or the ones above it (two at most), says what tends or
        usually happens."""
        verb = _verb_above(span.root, 4)
        climbed = [verb, *list(verb.ancestors)[:above]]
        # (the parser may hang the adverb on an auxiliary: "which often gets damaged")
        words = [child for token in climbed for child in token.children]
        words += [child for word in words if word.dep_ in ("aux", "auxpass")
                  for child in word.children]
        return any(token.lemma_ == "tend" for token in climbed) or any(
            word.lower_ in _HABITUAL_ADVERBS for word in words)

    def _undated_clock(self, span: Span, timex: Timex) -> Timex:
        """The clock time of the publication day made a clock time of no day, when
        `_clock_of_no_day` says it is one (TIMEX3 only)."""
        if self.vague_references and timex.value and re.fullmatch(
                r"\d{4}-\d\d-\d\dT\d\d:\d\d", timex.value) and self._clock_of_no_day(span):
            return Timex("TIME", "XXXX-XX-XX" + timex.value[10:], "absolute")
        return timex

    def _clock_of_no_day(self, span: Span) -> bool:
        """ "there would be three timeslots: 09:00-12:00, ...", "if pubs were allowed to open
        until four in the morning", "extending the day to 8am on Mondays and Thursdays": a clock
        time of a plan, a condition or a routine, with no day named in its sentence (TIMEX3
        only; a caller with a day from the sentences before keeps that day)."""
        if self._weekday_routine(span.sent):
            return True  # "open 10am-5pm Monday to Friday"
        if not self.resolver.re_clock_any.search(canonical(span.text)) or any(
                self.resolver.re_weekday.fullmatch(token.lower_) or token.lower_ in (
                    "today", "tonight", "yesterday", "tomorrow") or token.lower_ in
                self.resolver.parts and token.i and token.nbor(-1).lower_ in ("this", "last")
                or token.ent_type_ == "DATE" and token.is_title and
                token.lower_ not in self.resolver.weekdays_plural for token in span.sent):
            return False
        if span.root.dep_ in ("compound", "nummod", "amod", "nmod") and \
                span.root.head.i >= span.end and span.root.head.pos_ == "NOUN" and \
                span.root.head.lower_ != "deadline":
            return True  # a kind of thing: "the 4:50am ferry", "the show's 9 a.m. hour"
        verb = _verb_above(span.root, 4)
        climbed = [verb, *list(verb.ancestors)[:2]]
        if any(child.dep_ == "aux" and child.lower_ in ("would", "could", "might")
               for token in climbed for child in token.children):
            return True  # a plan or a condition
        return any(token.lower_ in self.resolver.weekdays_plural or token.lower_ in
                   _HABITUAL_ADVERBS for token in span.sent)  # a routine

    def _holiday_soon(self, text: str, published: dt.date) -> bool:
        """The holiday named comes within the next three months."""
        coming = self.resolver.resolve(text, published, True, None)
        return coming is not None and coming.day is not None and \
            0 <= (coming.day - published).days <= 92

    def _part_of_day_kind(self, span: Span) -> bool:
        """A part of the day (after "early" or "late" at most) that qualifies a plural noun with
        no determiner, itself or through the part it is joined to ("morning or evening exams"):
        a kind of thing, held at that part of any day."""
        token = span[-1]
        if token.lower_ not in self.resolver.parts or token.lower_ in ("tonight", "overnight") or \
                not all(word.lower_ in ("early", "late") for word in span[:-1]):
            return False
        while token.dep_ == "conj" and token.head.lower_ in self.resolver.parts:
            token = token.head
        head = token.head
        return token.dep_ in ("compound", "nmod", "amod") and head.tag_ == "NNS" and \
            head.i > token.i and not any(child.dep_ in ("det", "poss", "nummod")
                                         for child in head.children)

    def _generic_today(self, span: Span) -> bool:
        """ "today's gamers", "today's children": people or things of the present age, not of
        the day of publication (but "today's figures", "today's talks": the day's own; and a
        single thing, "today's vote", "today's deal", is the day's)."""
        owned = span.root.head
        if span.root.dep_ == "poss":
            return owned.tag_ == "NNS" and owned.lemma_.lower() not in self.today_events
        if span.root.dep_ == "pobj" and owned.lower_ == "of" and owned.head.pos_ == "NOUN":
            return True  # "the web of today": the present age
        verb = _verb_above(span.root, 2)
        if verb.tag_ in ("VBZ", "VBP") and any(child.lower_ in ("as", "than") and
                                               child.dep_ == "mark" for child in verb.children):
            # "radio as we know it today", "more security than we enjoy today": the present age
            return True
        return self._today_against_then(span)

    def _today_against_then(self, span: Span) -> bool:
        """ "Eighteen months ago we had 40 employees. Today we have 380", "found across England
        a century ago but survive today": a state in the simple present set against a time
        long gone is of the present age (PRESENT_REF), not of the day."""
        verb = _verb_above(span.root, 3)
        if verb.tag_ not in ("VBZ", "VBP", "VB") or any(
                child.dep_ in ("aux", "auxpass") for child in verb.children):
            return False
        for than in (token for token in verb.subtree if token.lower_ == "than"):
            compared = than.head.subtree if than.dep_ == "mark" else than.subtree
            if any(token.lower_ == "ago" for token in compared):
                return True  # "looks very different today than it did 10 years ago"
        if verb.lemma_ not in self.state_verbs:
            return False  # a state, not "Today the board meets to decide": an event
        sentences = [span.sent]
        if span.sent.start > 0:
            sentences.append(span.doc[span.sent.start - 1].sent)
        return any(token.lower_ == "ago" or token.lower_ == "gone" and token.head.lemma_ == "be"
                   for sentence in sentences for token in sentence)

    def _looks_forward(self, span: Span, future: bool | None) -> bool:
        """ "payable Dec. 15", "effective June 1", "until Monday", "until at least Monday" (even
        after a past verb: "postponed until Tuesday"): the span names a day still to come."""
        doc, index = span.doc, span.start - 1
        if index >= 1 and doc[index].lower_ == "least" and doc[index - 1].lower_ == "at":
            index -= 2
        if index < 0:
            return False
        word = doc[index].lower_
        if word in self.forward_prepositions and self._past_perfect(span):
            return False  # "until Thursday, they had not called him a suspect": a day gone
        return word in self.forward_words or word in self.forward_prepositions

    def _dates_an_edition(self, year: Span) -> bool:
        """ "the Autosport International 2005 show", "the 2004 Hinton Lecture", "Elections 2005":
        a year in the name of a yearly event dates that edition (not so "Windows 2000")."""
        doc = year.doc
        before = doc[year.start - 1] if year.start else None
        if before is not None and before.text[:1].isupper() and (
                before.lower_ in self.edition_heads or before.lower_.endswith("fest")):
            return True  # ("Discover Islam Week 2013", "VarsityFest 2017")
        for token in doc[year.end:year.end + 6]:
            if token.lower_ in self.edition_heads:
                # a count of things: "2000 festival tickets"
                return token.i + 1 == len(doc) or doc[token.i + 1].tag_ != "NNS"
            if not token.is_title and not (token.lower_ in ("and", "&") and token.i > year.end):
                return False  # ("the 2011 Sabbatical and Student Trustee elections")
        return False

    def _month_opening_a_name(self, span: Span) -> bool:
        """ "the August Chicago NAPM", "The September Bund future": the base model took a month
        into the name of what it dates (a survey, a contract), after "the" and before more
        name (not "the September 11 Commission")."""
        doc = span.doc
        return len(span) == 1 and span.start >= 1 and span.end < len(doc) and \
            self.resolver.re_month.fullmatch(span.text.lower()) is not None and \
            doc[span.start - 1].lower_ == "the" and "B" in (span[0].ent_iob_,
                                                             doc[span.start - 1].ent_iob_) and \
            doc[span.end].ent_iob_ == "I" and not doc[span.end].like_num

    def _contract_month(self, span: Span, text: str) -> bool:
        """A month alone before the goods of a futures market, not before what a month measures
        ("January crude imports" are January's)."""
        if not self.resolver.re_month.fullmatch(re.sub(r"^the ", "", text)):
            return False
        after = span.doc[span.end:span.end + 3]
        words = [token.lower_ for token in after]
        for goods in self.contract_goods:
            size = goods.count(" ") + 1
            if " ".join(words[:size]) == goods:
                return words[size:size + 1] == [] or words[size] not in self.statistic_nouns
        return False

    def _ahead_of(self, span: Span) -> bool:
        """ "ahead of Sunday's election" in a clause of the present ("has become", "is"): the
        event still to come (after a past verb, "shares rose ahead of Tuesday's results", it
        may have passed). So is an event one prepares for ("are preparing for November's
        election", "the prospect of facing him in November's election")."""
        doc = span.doc
        if span.root.dep_ == "poss" and self._prepared_for(span.root):
            return True
        event = span.root.head if span.root.dep_ == "poss" else span.root.head.head if \
            span.root.dep_ == "pobj" and span.root.head.lower_ == "on" else None
        if event is not None and event.dep_ == "pobj" and \
                event.head.lower_ == "for":
            # "will take care of team affairs for Saturday's match", "is the team for Sunday's
            # final", "whether he would return for the clash with Chelsea on Sunday": what a
            # present or future clause readies for (not "tickets for Saturday's game sold out")
            verb = _verb_above(event.head, 4)
            if verb.tag_ in ("VBZ", "VBP") or verb.tag_ == "VB" and any(
                    child.dep_ == "aux" and child.lower_ in ("will", "'ll", "’ll", "would")
                    for child in verb.children):
                return True
        before = [token.lower_ for token in doc[max(0, span.start - 3):span.start]]
        if before[-2:] == ["ahead", "of"]:
            verb = _verb_above(doc[span.start - 2], 4)
            return verb.pos_ in ("VERB", "AUX") and verb.tag_ in ("VBZ", "VBP", "VBN", "VBG",
                                                                  "VB") and \
                not any(child.lower_ in ("had", "was", "were") for child in verb.children)
        if not (span.root.dep_ == "poss" and (
                before[-1:] == ["before"] and len(before) > 1 and before[-2] in (
                    "hours", "days", "weeks") or
                before[-2:] == ["up", "to"] and before[0] in ("lead", "run", "-"))):
            return False
        # "days before Tuesday's primary has emboldened them", "The Latest in the lead up to
        # Tuesday's primary": an event close ahead, in a present clause or a headline's phrase
        # (not "Nestle's share before Friday's purchases is far below": a time compared with)
        verb = _verb_above(doc[span.start - 1], 5)
        auxiliaries = {child.lower_ for child in verb.children if child.dep_ == "aux"}
        if verb.pos_ not in ("VERB", "AUX"):
            return before[-1] == "to"
        return verb.tag_ in ("VBZ", "VBP") or verb.tag_ in ("VBN", "VBG") and bool(
            auxiliaries & {"has", "have", "'s", "’s", "is", "are", "'re", "’re"})

    def _fixture_taken_part_in(self, span: Span) -> bool:
        """ "will miss Sunday's final", "will face him in Tuesday's primary": a fixture (one of
        `fixture_events`) that the clause's own verb takes part in, as its object or after "in",
        "for" or "at", is the time ahead (not "the FA will look at Saturday's incident", nor
        "proceeds from Thursday's show will go to charity", the event only named, nor "will take
        no action following his sending-off in Sunday's final")."""
        event = span.root.head
        # (the parser may leave the fixture word outside the name it heads: "Sunday's Carling
        # Cup final")
        words = span.doc[span.end:min(event.i + 2, len(span.doc))]
        if span.root.dep_ != "poss" or not any(
                word.lemma_.lower() in self.fixture_events or word.lower_ in self.fixture_events
                for word in words):
            return False
        if event.dep_ == "dobj":
            verb = event.head
        elif event.dep_ == "pobj" and event.head.lower_ in ("in", "for", "at"):
            verb = event.head.head
        else:
            return False
        # the clause's verb itself, not a participle on the way
        # (the parser may hang an event that only caused the clause on its verb: "will take no
        # action following his sending-off in Sunday's final")
        return verb.pos_ == "VERB" and (verb.tag_ in ("VBZ", "VBP") or any(
            child.dep_ == "aux" for child in verb.children)) and not any(
            token.lower_ in ("following", "after", "since", "over", "despite")
            for token in span.doc[verb.i + 1:span.start])

    def _team_to_play(self, span: Span) -> bool:
        """ "was named in the team to face Scotland on Saturday": a weekday in an infinitive
        that says what a team is picked for, a match still to play, however the naming is told
        (not "shook off an upset stomach to win at Sunday's meeting", nor "his bid to win on
        Saturday failed")."""
        if not self.resolver.re_weekday.fullmatch(span[-1].lower_):
            return False
        verb = _verb_above(span.root, 3)
        if verb.tag_ != "VB" or verb.i < 2 or verb.i > span.start:
            return False
        to, noun = span.doc[verb.i - 1], span.doc[verb.i - 2]
        return to.lower_ == "to" and noun.lower_ in self.team_nouns

    def _prepared_for(self, token: Token) -> bool:
        """The event a clause of the present prepares for or looks to: an ancestor is one of
        `preparation_words` and no verb on the way up is past."""
        prepared = False
        for ancestor in itertools.islice(token.ancestors, 7):
            if ancestor.tag_ in ("VBD", "MD") or any(
                    child.dep_ in ("aux", "auxpass") and child.lower_ in (
                        "had", "was", "were", "did", "would", "could")
                    for child in ancestor.children):
                return False
            prepared = prepared or ancestor.lemma_.lower() in self.preparation_words or \
                ancestor.lower_ in self.preparation_words  # (the lemmatiser gives "hop")
        return prepared

    def _counts_a_plural(self, span: Span) -> bool:
        """The number is followed by the plural noun it counts, "more" or "fewer" between at
        most, and is no year near the publication ("received 1793 votes", "1500 more students",
        in 2013; not "reported 2004 profits", in 2005)."""
        doc = span.doc
        published = doc._.published
        year = int(span.text)
        if abs(year - (published.year if published else 2000)) <= 25:
            return False
        index = span.end + (span.end < len(doc) and doc[span.end].lower_ in ("more", "fewer"))
        return index < len(doc) and doc[index].tag_ == "NNS" and \
            doc[index].lower_ not in self.resolver.units and \
            doc[index].lower_ not in self.resolver.year_kinds

    @staticmethod
    def _past_perfect(span: Span) -> bool:
        verb = _verb_above(span.root, 4)
        if verb.tag_ == "VB" and verb.dep_ in ("advcl", "xcomp") and any(
                child.lower_ == "to" for child in verb.children):
            verb = verb.head  # "had given the company until Monday to pay": the time of "given"
        return verb.tag_ == "VBN" and any(child.lower_ == "had" and child.dep_ == "aux"
                                          for child in verb.children)

    # -- extraction ----------------------------------------------------------------------

    def _is_count_modifier(self, span: Span, text: str) -> bool:
        """ "11 day case procedures": a number and a singular unit before a noun, no hyphen,
        is a count of things, not a duration ("72-hour strike" keeps its hyphen)."""
        doc = span.doc
        if span.end >= len(doc):
            return False
        following = doc[span.end]
        match = re.fullmatch(r"(\d+|[a-z]+) (second|minute|hour|day|week|month|year)", text)
        if not match or "-" in span.text:
            return (following.lower_ == "old" or following.lower_ == "-" and
                    not doc[span.end - 1].whitespace_) and text[0].isdigit() and not \
                re.fullmatch(r"(?:1[5-9]|20)\d\d", text) and not \
                self.resolver.re_clock_any.fullmatch(text)  # "2007-2017", "10am - 4pm": ranges
        if match.group(1) in ("a", "an", "one") or not (
                match.group(1).isdigit() or match.group(1) in self.resolver.numbers):
            return False  # "next month Solihull will ...": not a count
        if following.pos_ not in ("NOUN", "PROPN") or following.lower_ in \
                self.durational_heads or following.lower_ in self.units:  # "a 52 week year"
            return False
        noun = following
        while noun.dep_ == "compound" and noun.head.i > noun.i:
            noun = noun.head
        # "the 10 month deficit", "a 10 year jail sentence": one thing, so the number is the
        # unit's ("11 day case procedures" counts the procedures)
        return noun.tag_ != "NN"

    def _measured_month(self, span: Span, text: str, published: dt.date) -> bool:
        """A month of the last two whose figures are measured: "the figures for October",
        "October's sales", "(data will) show prices in October". Figures come out after their
        month, so a future clause about them still speaks of the month just gone."""
        month = self.resolver.re_month.fullmatch(text)
        if month is None or (published.month - self.resolver.months[month.group(0)]) % 12 \
                not in (1, 2):
            return False
        token = span.root
        if token.dep_ in ("poss", "compound"):
            return token.head.lower_ in self.statistic_nouns
        if token.dep_ != "pobj" or token.head.lower_ not in ("in", "for"):
            return False
        head = token.head.head
        return head.lower_ in self.statistic_nouns or head.lemma_ in self.data_verbs and any(
            child.dep_ in ("dobj", "nsubj", "ccomp") and child.lower_ in self.statistic_nouns
            for child in head.children)

    def _dates_a_report(self, span: Span) -> bool:
        """ "investigators said in a report yesterday", "the minister said on Wednesday": the
        day of the telling, not of the events told, so no anchor for the times that follow."""
        return _verb_above(span.root.head, 3).lemma_ in self.reporting_verbs

    def _reports_figures(self, sentence: Span) -> bool:
        """Money, a percentage or a company's figures: the sentence of a business report."""
        return any(token.is_currency or token.lower_ in ("%", "percent", "cent")
                   or token.lower_ in self.reporting_nouns for token in sentence)

    def _event_day(self, span: Span, text: str, timex: Timex,
                   published: dt.date | None) -> Timex:
        """ "the September 11 attacks", "since the 7 July bombings": a day and month without a
        year, before a word for the event that named it, are that event's day."""
        if timex.day is None or self.resolver.re_year.search(text):
            return timex
        event = self.resolver.named_days["events"].get(timex.day.isoformat()[5:])
        if event is None:
            return timex
        # the event's word may follow names that qualify it: "the 11 September World Trade
        # Centre attack"
        following = next((token for token in span.doc[span.end:span.end + 5]
                          if not (token.is_punct or token.pos_ == "PROPN" and
                                  token.dep_ == "compound")), None)
        if following is None or following.lower_ not in event["heads"]:
            return timex
        day = timex.day.replace(year=event["year"])
        if published is not None and day > published:
            return timex
        return Timex(timex.type, day.isoformat() + (timex.value or "")[10:], "absolute", day)

    def _season_of_event(self, span: Span) -> bool:
        """ "Labour's spring conference", "Winter freeze", "the Autumn elections": a season
        naming when an event is held (not "winter plans", "spring water", "the summer house")."""
        return self._season_of(span, self.season_event_heads)

    def _season_of(self, span: Span, heads: set[str]) -> bool:
        """The season qualifies a noun of the kind given ("spring conference", "winter
        weather"), with nothing between but other qualifiers."""
        token = span[-1]
        return (len(span) == 1 or len(span) == 2 and (
                span[0].lower_ == "the" or self.resolver.re_year.fullmatch(span[0].text))) and \
            token.lower_ in self.resolver.seasons and \
            token.lower_ != "fall" and token.dep_ in ("compound", "amod", "nmod") and \
            token.head.lower_ in heads and token.head.i >= span.end and all(
                between.dep_ in ("compound", "amod") and between.head.i == token.head.i
                for between in span.doc[span.end:token.head.i])  # "summer stadium gigs"

    @staticmethod
    def _is_rate(span: Span, text: str, timex: Timex) -> bool:
        """ "£14 an hour", "400 people a day", "£8,000 a year worse off": an amount per unit
        (not "a hearing a week from today", "a fall of 1% a month earlier", "its rival a
        year's head start")."""
        doc = span.doc
        before = doc[span.start - 1] if span.start else None
        if re.fullmatch(r"per \w+", text):
            return True
        return timex.type == "DURATION" and re.fullmatch(r"an? (?:\w+ )?\w+", text) is not None \
            and before is not None and (
                before.like_num or before.pos_ in ("NOUN", "PROPN", "NUM") or
                before.lower_ in ("worse", "better", "more", "less", "off")) and not (
                span.end < len(doc) and doc[span.end].lower_ in (
                    "earlier", "later", "ago", "before", "after", "'s", "’s"))

    def _year_of_study(self, span: Span) -> bool:
        """ "three third year Mechanical Engineering students", "All the first years", "first
        year students who progress to their second year": a year of a course, or its students,
        not a length of time ("the first year" of a plan, "its final year" are)."""
        doc = span.doc
        before = doc[span.start - 1] if span.start else None
        if canonical(span.text) in ("years", "year") and before is not None and (
                before.lower_ in ("first", "second", "third", "fourth", "final") or
                before.lower_ == "and" and span.start >= 2 and doc[span.start - 2].lower_ in (
                    "first", "second", "third", "fourth")):
            return True  # students: "first years", "second and third years"
        words = [token.lower_ for token in span]
        if len(words) < 2 or words[-1] not in ("year", "years") or words[-2] not in (
                "first", "second", "third", "fourth", "fifth", "final", "1st", "2nd", "3rd",
                "4th"):
            return False
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.pos_ in ("NOUN", "PROPN") and (
                span[-1].head.i >= span.end or after.head.i >= span.end):
            return True  # the year names a kind of student: "third year students"
        if words[-1] == "years" and (after is None or after.lower_ != "of"):
            return True  # "the first years" arrived
        if len(words) >= 3 and words[-3] in ("their", "his", "her", "my", "your", "our"):
            sentence = span.sent
            return any(token.lower_ in self.study_words for token in sentence)
        return False

    def _left_out(self, span: Span, text: str, timex: Timex) -> bool:
        """Mentions the records leave out although they read as time."""
        if self._season_of(span, self.season_weather_heads):
            return False  # "milder winter weather": the season the tense points to
        if self._season_of_event(span) and (self.vague_references or not (
                span[-1].is_title and not span[-1].is_sent_start and span[-1].head.is_title)):
            # "Labour's spring conference": that season's; a name ("the Autumn Elections")
            # only in the TIMEX3 configuration
            return False
        doc = span.doc
        before = doc[span.start - 1] if span.start else None
        if not self.vague_references and self._is_rate(span, text, timex):
            return True  # the records keep the amount, not its unit of time
        if timex.type != "DURATION" and re.fullmatch(r"the (?:last|first|final) \w+", text) and \
                span.end + 1 < len(doc) and \
                doc[span.end].lower_ == "of" and (
                    text.split()[2] in self.resolver.units or
                    self.resolver.re_weekday.fullmatch(text.split()[2])):
            return True  # "the last week of term": the final one of a period we cannot date
        if self._year_of_study(span):
            return True
        if text == "all year" and span.end < len(doc) and doc[span.end].lower_ == "round":
            return True  # "open all year round": always
        if span[-1].lower_ in ("night", "nights") and span.end < len(doc) and \
                doc[span.end].lower_ == "out":
            return True  # "the ultimate night out": an outing
        if self._occasion_part_of_day(span, text):
            return True
        if re.fullmatch(r"(?:that|the) time of (?:the )?year", text) and not (
                before is not None and before.lower_ in ("'s", "’s", "is")):
            return True  # now only as "It's that time of year (again)"; else a season of its own
        if text in ("this point", "this juncture", "this time") and self.tense(span) is False:
            return True  # a point in a story told in the past: "At this point we realised"
        if re.fullmatch(r"the (?:morning|afternoon|evening|night)", text) and \
                span[-1].dep_ in ("nsubj", "nsubjpass", "dobj") and \
                span[-1].head.lemma_ not in ("progress", "wear", "pass", "draw", "go"):
            # an occasion: "The evening began with a talk", "hosted the evening" (not the time
            # passing: "as the evening progressed", "as the night wore on")
            return True
        if text in ("the fall", "fall") and not (
                before is not None and before.lower_ in _SEASON_PREPOSITIONS and not (
                    span.end + 1 < len(doc) and doc[span.end].lower_ == "of"
                    and not doc[span.end + 1].like_num)):
            # "exporters led the fall", "at the time of the fall", "since the fall of the
            # Wall": a drop, not autumn ("in the fall", "by the fall of 2010" are)
            return True
        if text in ("future", "the future") and span.end < len(doc) and (
                doc[span.end].lower_ == "of" or text == "future" and doc[span.end].pos_ in (
                    "NOUN", "PROPN", "ADJ") or (
                    span[-1].dep_ == "amod" and span[-1].head.i >= span.end or
                    doc[span.end].pos_ == "PROPN" and doc[span.end].is_title) and not (
                    before is not None and before.lower_ in ("in", "into", "for"))):
            # "the future of the plant": its prospects; "in future years", "the future peace
            # of my country", "a tour of the future Trump International Hotel": a kind of
            # years, a peace, a hotel to come
            return True
        if text == "the past" and span.end < len(doc) and (doc[span.end].like_num or doc[
                span.end].lower_ in ("few", "several", "many", "couple")):
            return True  # "over the past four presidential elections": the latest ones
        if text == "today" and before is not None and before.text in self.today_name_heads and \
                span[0].text in ("Today", "TODAY"):
            return True  # a name: "a USA TODAY poll", "RT, the US version of Russia Today"
        if _YEAR_TOKEN.fullmatch(text) and before is not None and \
                before.text in self.numbered_name_heads:
            return True  # a number: "House Bill 1523", "Flight 1549"
        if text == "the future" and span[-1].text == "Future" and not span[0].is_sent_start:
            return True  # a name: "the Forum for the Future", "the Institute for the Future"
        if text in ("daily", "weekly") and before is not None and span.end < len(doc) and (
                before.pos_ == "PROPN" and (doc[span.end].lemma_ in self.reporting_verbs or
                                            doc[span.end].lower_ == "newspaper") or
                (before.lower_ == "the" or before.pos_ == "ADJ") and
                doc[span.end].pos_ == "PROPN" and doc[span.end].ent_type_ not in ("DATE", "TIME")):
            # a newspaper: "Zycie Warszawy daily said", "the Spanish daily El Pais reported"
            return True
        if text == "this fall" and span.end < len(doc) and doc[span.end].lower_ == "from":
            return True  # "predicts this fall from the current 2.1%": a drop
        if len(span) == 1 and (span[0].dep_ in ("nsubj", "nsubjpass") or span[0].dep_ == "aux"
                               and span[0].head.tag_ == "VBD") and \
                self.resolver.re_month.fullmatch(text) and \
                (span[0].head.lemma_ in self.reporting_verbs or span[0].head.lemma_ == "write"):
            return True  # a person: '"We were amazed," May wrote' (the parser's modal "may")
        quantifier = r"some|many|certain|most|all|other"
        if (re.fullmatch(rf"(?:{quantifier}) quarters", text) and before is not None and
                before.lower_ == "in" or text == "quarters" and re.fullmatch(
                    rf"in (?:{quantifier})", doc[max(0, span.start - 2):span.start].text.lower())) \
                and (span.end == len(doc) or doc[span.end].lower_ != "of"):
            return True  # "indignation in many quarters": among people, not time
        if re.fullmatch(r"(?:earlier|later|early|late) in the \w+", text) and \
                before is not None and before.lower_ in ("as", "so", "too"):
            return True  # "come as early in the day as you can": any day, a manner
        if text == "recently" and before is not None and before.lower_ == "as" and \
                span.end < len(doc) and doc[span.end].lower_ == "as":
            return True  # "as recently as 2001": the year that follows is the date
        if re.fullmatch(r"the (?:first|second|latter) half", text) and not \
                self._reports_figures(span.sent):
            return True  # "scored in the second half": a match, not the year
        words = text.split()
        if timex.type in ("DATE", "TIME") and len(words) <= 2 and (all(
                word in self.resolver.weekdays or word in self.resolver.parts
                or word in self.resolver.seasons for word in words)
                or text in self.resolver.holidays):
            left = span.start - 1
            while left >= 0 and (doc[left].pos_ == "ADJ" or doc[left].dep_ in (
                    "compound", "poss", "case") and left - 1 <= doc[left].head.i < span.end):
                left -= 1  # "on a snowy winter's morning"
            while left >= 1 and doc[left].lower_ in ("or", "and") and (
                    doc[left - 1].lower_ in self.resolver.weekdays
                    or doc[left - 1].lower_ in self.resolver.parts):
                left -= 2  # "on a Friday or Saturday night"
            if left >= 0 and doc[left].lower_ in ("a", "an") and (
                    left < doc[left].head.i < span.end or
                    doc[left].head.lower_ in self.resolver.parts
                    or doc[left].head.lower_ in self.resolver.weekdays):
                return True  # generic: "on a typical Tuesday", "on a winter evening"
        if len(span) == 1 and span[0].is_title and not span[0].is_sent_start and \
                not (self.resolver.re_weekday.fullmatch(text) or self.resolver.re_month.fullmatch(
                    text) or text in self.resolver.holidays or text in self.resolver.weekdays_plural
                     or re.fullmatch(r"q[1-4]", text) or _GLUED_MONTH_DAY.fullmatch(span.text)) and not (
                before is not None and before.text in ("\"", "'", "“", "‘", "(", ":", "`", "``")) and \
                _prose(span.sent):
            return True  # a name: "the Manchester Evening News", "told Radio 4's Today"
        owner = before
        if owner is not None and owner.text in ("\"", "“", "‘") and span.start >= 2:
            owner = doc[span.start - 2]
        if 1 < len(span) <= 3 and all(token.is_title for token in span) and \
                span[0].lower_ in ("this", "next", "last") and not span[0].is_sent_start and \
                owner is not None and owner.lower_ in ("'s", "’s"):
            # a programme: no one owns "this morning", so "ITV1's This Morning", 'ABC's "This
            # Week"'
            return True
        last = span[-1]
        if text == "overnight":
            verb = _verb_above(last, 3)
            if last.dep_ in ("amod", "compound", "nmod") and \
                    last.head.lower_ in self.overnight_kinds or \
                    verb.lemma_ in self.sudden_change_verbs or \
                    any(child.dep_ == "neg" for child in verb.children):
                return True
        if timex.type in ("DATE", "TIME") and text != "overnight" and \
                last.dep_ in ("compound", "amod") and \
                last.head.i >= span.end and not re.search(r"\d", text) and \
                doc[span.end].lower_ not in self.units and \
                last.head.lower_ not in self.market_sessions and (
                    last.head.pos_ == "NOUN" or last.head.pos_ == "PROPN" and last.is_title) and (
                    self.resolver.re_part.fullmatch(text.replace("late ", "").replace("early ", ""))
                    or re.sub(r"^(?:the )?(?:(?:next|last|this|coming|following) )?", "", text)
                    in self.resolver.seasons
                    or re.sub(r"^the ", "", text) in self.resolver.holidays and not any(
                        noun.lower_ in self.holiday_time_nouns | self.holiday_event_nouns
                        for noun in _compound_heads(last))
                    and doc[max(0, span.start - 2):span.start].text.lower() not in ("pre-", "post-")
                    and not (text == "the new year" and not last.head.is_title)):
            # a kind of thing: "evening finishes", "winter plans", "Easter holidays" (but
            # "pre-Christmas offers" are timed by the holiday, and "from the new year patients
            # will..." is the base model's misparse; "the New Year Honours" is a name)
            return True
        if re.fullmatch(r"year(?: ?'s)? end", text) and span[-1].dep_ in (
                "compound", "amod", "nmod") and span[-1].head.i >= span.end:
            return True  # a kind of figure: "year-end net", "a year-end bonus"
        if text == "full year" and span.end < len(doc) and doc[span.end].pos_ == "NOUN" and \
                doc[span.end].lower_ not in self.units:
            return True  # a kind of figure, as "annual" is: "full-year profits", "its full-year sales"
        if timex.type == "SET" and text in self.resolver.set_words and \
                span.root.dep_ == "amod" and span.root.head.i >= span.end:
            return True  # a kind of thing: "the quarterly dividend", "an annual meeting"
        if len(span) == 1 and text in self.resolver.parts and span.start and \
                doc[span.start - 1].dep_ == "compound" and doc[span.start - 1].head.i == \
                span.start and doc[span.start - 1].lower_ not in self.resolver.weekdays:
            return True  # an event: "a film quiz night", "opening night"
        if span[-1].is_title and span.end < len(doc) and doc[span.end].is_title and \
                doc[span.end].lower_ in self.name_heads and (
                    len(span) == 1 and self.resolver.re_weekday.fullmatch(text) or
                    re.fullmatch(r"(?:the )?(?:morning|evening)", text)):
            return True  # a name: "the Sunday Times League Table", "the Evening Standard"
        if len(span) == 1 and span[0].is_title and span[0].lower_.endswith("days") and \
                before is not None and before.is_title and not before.is_sent_start and \
                before.pos_ in ("ADJ", "PROPN") and before.lower_ not in self.resolver.weekdays:
            return True  # a name: "the Happy Mondays", "Manic Mondays"
        if _SHORT_MONTH.fullmatch(text) and (before is None or before.lower_ not in _MONTH_LEADS
                                             and not (before.lower_ in ("and", "or") and
                                                      span.start >= 2 and
                                                      self.resolver.re_month.match(
                                                          doc[span.start - 2].lower_))):
            # a name: "hosts Ant and Dec." (a short month alone is in, by or for one, or
            # follows another: "in Nov. and Dec.")
            return True
        if _YEAR_TOKEN.fullmatch(text) and span.end < len(doc) and doc[span.end].is_title and \
                doc[span.end].lower_ in self.year_name_heads:
            return True  # a name: "the 1994 Group", "the 1922 Committee"
        if span[-1].text == "Century" and span.end < len(doc) and doc[span.end].is_title and \
                doc[span.end].pos_ == "PROPN":
            return True  # a name: "20th Century Fox", "21st Century Insurance"
        if len(span) == 1 and span.start >= 2 and text == "sunday" and \
                doc[span.start - 1].lower_ == "on" and doc[span.start - 2].is_title and \
                doc[span.start - 2].lower_ in self.name_heads:
            return True  # a name: "the Mail on Sunday"
        if len(span) == 1 and span.start >= 2 and text == "sunday" and \
                doc[span.start - 1].text == "News" and doc[span.start - 2].pos_ == "PROPN":
            return True  # a programme: "in an interview with Fox News Sunday"
        if span.start and self.resolver.re_weekday.match(text) and \
                doc[span.start - 1].lower_ in self.resolver.set_words:
            return True  # "weekly Sunday breakfasts": a kind of event
        if timex.type == "SET" and text in self.resolver.set_words and any(
                token.like_num or token.pos_ == "NUM" or token.text == "%"
                for token in doc[max(0, span.start - 3):span.start]):
            return True  # a rate: "cut 8,000 jobs annually", "grow by 20% annually"
        if span[-1].lower_ in self.resolver.decade_words and span.start and \
                doc[span.start - 1].tag_ == "PRP$":
            return True  # an age: "in his late thirties", "in their twenties"
        if re.fullmatch(r"spring|summer|autumn|winter", text) and span.start and \
                not span[0].is_sent_start and doc[span.start - 1].lower_ not in self.season_leads:
            # a bare season after no preposition: "the hot spring", "prices fall" (not one that
            # opens its sentence: "Summer is approaching")
            return True
        if len(span) == 1 and text in self.resolver.holidays and span[0].is_lower:
            return True  # a common noun: "a service of thanksgiving"
        if len(span) == 1 and text in self.resolver.parts and span.start and \
                doc[span.start - 1].lower_ in ("all", "every"):
            return True  # "stay up all night"
        if text in ("hours", "the hours") and span.start and (doc[span.start - 1].dep_ in (
                "compound", "amod") and doc[span.start - 1].head.i == span.end - 1 or
                doc[span.start - 1].tag_ in ("NN", "NNS", "NNP", "JJ", "HYPH")):
            return True  # a kind of hours: "opening hours", "the early hours", "after-hours"
        if text in ("years", "months", "days") and before is not None and \
                before.tag_ == "NN" and before.lower_ not in _COUNTED_DAYS and \
                before.lower_ not in self.resolver.seasons and not (
                    span.end < len(doc) and doc[span.end].lower_ in ("later", "earlier", "ago")):
            # a kind of years: "the 2005 model years", "its retirement years" (not "applied for
            # a job years later")
            return True
        if text == "the night":
            return True  # "stars who turned out on the night": the night of an event told of
        if text in ("night", "day") and (doc[span.end:span.end + 2].text.lower() in (
                "and day", "and night") or doc[max(0, span.start - 2):span.start].text.lower()
                in ("day and", "night and")):
            return True  # "night and day": always
        if re.fullmatch(r"the \d{1,2}(?:st|nd|rd|th)", text) and (
                before is None or before.lower_ != "on" or span.end < len(doc) and
                doc[span.end].pos_ in ("NOUN", "PROPN", "ADJ", "NUM")):
            return True  # a rank or a floor ("finished the 3rd", "on the 3rd floor")
        if re.fullmatch(r"\d{4}", text) and span.start >= 2 and before.lower_ in (
                "to", "and", "until", "till") and doc[span.start - 2].shape_ == "dddd" and \
                doc[span.start - 2].text < "1800" and span.end < len(doc) and \
                doc[span.end].tag_ == "NNS":
            return True  # the end of a count, not of years: "from 1500 to 2000 members"
        if re.fullmatch(r"\d{4}", text) and span.end < len(doc) and \
                doc[span.end].lower_ in self.measures:
            return True  # a height: "Newtontoppen (1717m)"
        if re.fullmatch(r"\d{4}", text) and before is not None and (
                before.pos_ in ("VERB", "AUX") or before.lower_ in (
                    "with", "of", "about", "around", "nearly", "almost", "over", "some",
                    "than")) and self._counts_a_plural(span):
            return True  # a count: "elected with 1897 votes", "a boost of 1500 more students"
        if text == "new year" and (not span[-1].is_title or before is not None and (
                before.is_title and before.pos_ in ("ADJ", "PROPN") or before.lower_ == "a")):
            return True  # "a new year", "Happy New Year", "Chinese New Year": not 1 January
        if text == "the new year" and span.end + 1 < len(doc) and doc[span.end].lower_ in (
                "'s", "’s") and doc[span.end + 1].is_title:
            return True  # a name: "the New Year's Honours"
        if text in ("the day before", "the day after") and span.end < len(doc) and \
                doc[span.end].pos_ not in ("PUNCT", "CCONJ"):
            return True  # "the day before the vote": counted from an event, not a date
        following = next((token for token in doc[span.end:span.end + 3]
                          if not token.is_punct), None)
        if text in ("a second", "every second") and following is not None and following.pos_ in (
                "NOUN", "ADJ", "PROPN", "NUM"):
            # "a second offer", 'a second "Nipple-gate"', "a second five-year term", "every
            # second person": an ordinal
            return True
        if span[-1].lower_ in ("quarter", "half", "semi") and span.end + 1 < len(doc) and \
                doc[span.end].text in ("-", "–") and not span[-1].whitespace_ and \
                not doc[span.end].whitespace_ and doc[span.end + 1].is_alpha and \
                doc[span.end + 1].lower_ not in self.units:
            return True  # a word of its own: "the quarter-finals", "a half-marathon"
        if span[-1].lower_ in self.units and span.end + 2 < len(doc) and \
                doc[span.end].text in ("-", "–") and not span[-1].whitespace_ and \
                doc[span.end + 1].lower_ in ("on", "over") and doc[span.end + 2].text == "-":
            return True  # a basis of comparison: "on a year-on-year basis"
        if re.fullmatch(r"(?:a|one|two|three) quarters?", text) and (
                not span.start or doc[span.start - 1].lower_ not in self.quarter_leads) and \
                doc[span.end:span.end + 1].text.lower() != "ahead":
            # a share: "more than a quarter have bought"; not "for a quarter" nor "predicts
            # growth two quarters ahead"
            return True
        if re.fullmatch(r"(?:a|one|two|three) quarters?|a half", text) and span.end < len(doc) \
                and doc[span.end].lower_ == "of":
            return True  # a share: "around a quarter of a million appointments"
        if all(token.ent_type_ in _NAME_LABELS for token in span) and not (
                _YEAR_TOKEN.fullmatch(text) and (span[0].ent_type_ == "LAW" or
                                                 _names_a_law(span) or self._dates_an_edition(span))) and \
                not self._month_opening_a_name(span) and not _GLUED_MONTH_DAY.fullmatch(span.text) and \
                re.sub(r",? (?:1[89]|20)\d\d$", "", text) not in self.resolver.holidays and \
                not (before is not None and before.lower_ in self.lead_drop and before.ent_iob_ == "I"
                     and (span.end == len(doc) or doc[span.end].ent_iob_ != "I")):
            # "The Sunday Times", "Good Friday Agreement"; but the base model's "the Commons on
            # Monday" is a name that swallowed the day after its preposition (and the year of
            # a law, "the Terrorism Act 2000", is a year)
            return True
        if span[-1].lower_ == "soon" and (
                before is not None and before.lower_ in ("as", "how", "too", "so") or
                span.end < len(doc) and doc[span.end].lower_ in (
                    "as", "after", "afterwards", "thereafter", "-") or self.tense(span) is False):
            # "as soon as", "soon after the vote", "the cash soon became a flood": a time told
            # from an event, not from the article's day; "the soon-to-retire": a kind of people
            return True
        if self.vague_references:
            return False
        if timex.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
            return True
        if timex.type == "DURATION" and timex.value and "X" in timex.value:
            return True  # "for weeks", "a few months", "decades"
        return False

    def extract(self, doc: Doc, published: dt.date | None) -> list[DateMention]:
        if isinstance(published, dt.datetime):
            published = published.date()
        mentions: list[DateMention] = []
        # (sentence, day, the token after its mention), in reading order
        recent_days: list[tuple[int, dt.date, int]] = []
        recent_dates: list[tuple[int, str]] = []  # (sentence, "2015-03"): calendar dates named
        recent_quarters: list[tuple[int, str]] = []  # (sentence, "1989-Q3"): quarters named
        recent_periods: list[tuple[int, int, str]] = []  # (sentence, token, "2015-03"): periods
        sentence_starts = [sent.start for sent in doc.sents] if doc.has_annotation(
            "SENT_START") else [0]
        # "the October-to-December period" speaks of a quarter: its end month stands for it
        month_spans = list(self._month_spans(doc_text(doc))) if self.re_month_span.search(
            doc_text(doc)) else []
        span_parts = {match.start("m2"): part for match, part in month_spans}
        span_parts |= {match.start("m1"): part for match, part in month_spans if not part}
        for span in self.candidates(doc, published):
            text = canonical(span.text)
            if self._is_count_modifier(span, text):
                continue
            if span.end < len(doc) and doc[span.end].lower_ in ("-", "old", "olds") and \
                    "old" in doc[span.end:span.end + 3].text.lower() or \
                    doc[span.end:span.end + 2].text.lower() == "of age":
                continue  # ages: "45-year-old", "21 to 25-year olds", "over 18 years of age"
            if re.fullmatch(r"(?:fiscal |financial )?(?:first|second)[- ]?half", text) and not (
                    span.end < len(doc) and doc[span.end].lower_ in self.reporting_nouns):
                continue  # "first-half profits" is a half year, a "first-half goal" is not
            if text.endswith(" day") and not text.startswith(("every ", "each ")) and \
                    doc[span.end:span.end + 3].text.lower() in (
                        "of the month", "of the year", "of the week"):
                continue  # "the first day of the month": a day of any month, not a day's length
                # ("every day of the week" is still every day)
            if re.fullmatch(r"the (?:first|second|third|fourth|fifth|sixth) (?:day|week|month|year)",
                            text) and (doc[span.end:span.end + 3].text.lower() == "in a row" or
                                       doc[span.end:span.end + 1].text.lower() == "running"):
                continue  # "rose for the second month in a row": a count of rises
            sent_index = _sentence_index(sentence_starts, span.start)
            # the quarter (or half) the article spoke of within the last few sentences
            near_quarter = recent_quarters[-1][1] if recent_quarters and \
                sent_index - recent_quarters[-1][0] <= CONTEXT_SENTENCES else None
            future = self.tense(span)
            if self._looks_forward(span, future):
                future = True  # "shut until at least Monday": the day ahead
            elif _in_time_for(span) and (future is None or published and self._holiday_soon(
                    text, published)):
                # "would reach shops in time for Christmas": a deadline ahead, even one promised
                # before ("had been promised the console in time for Christmas", in October)
                future = True
            elif self._ahead_of(span):
                future = True  # "has become the main issue ahead of Sunday's election"
            elif self._team_to_play(span):
                future = True  # "was named in the team to face Scotland on Saturday"
            elif self._contract_month(span, text):
                future = True
            elif span[-1].dep_ in ("compound", "amod", "nmod") and any(
                    noun.lower_ in self.holiday_event_nouns for noun in _compound_heads(span[-1])) \
                    and re.sub(r"^the ", "", text) in self.resolver.holidays:
                future = False  # "victims of the Boxing Day disaster": the one gone
            elif future and published and self._measured_month(span, text, published):
                future = False  # "figures for October will be published next week", in November
            elif future and len(span) == 1 and span.end < len(doc) and \
                    doc[span.end].lower_ in ("'s", "’s") and (
                        self.resolver.re_weekday.fullmatch(text) or
                        self.resolver.re_month.fullmatch(text)) and not (
                        span.root.head.dep_ == "nsubj" and
                        span.root.head.head.lemma_ in ("loom", "approach", "near") or
                        self._fixture_taken_part_in(span)):
                # (but "as Tuesday's vote looms", "will miss Sunday's final": the event itself
                # is ahead)
                # "Proceeds from Thursday's show will go to charity", "December's share fall
                # means it could be relegated next month": the day or month names its event,
                # which the clause's future need not reach; the nearest such day or month
                future = None
            elif future and len(span) == 1 and self.resolver.re_month.fullmatch(text) and \
                    span[0].dep_ in ("compound", "nmod") and span[0].head.pos_ == "NOUN" and \
                    span[0].head.i > span[0].i and any(
                        child.dep_ == "det" and child.lower_ in ("a", "an")
                        for child in span[0].head.children) and \
                    _told_as_past(_verb_above(span.root, 4)):
                # "who helped launch the movement with a March speech, will not be present":
                # a month naming one event of its kind in a clause told as past, which the
                # sentence's future need not reach; the nearest such month (not "may launch a
                # January bid")
                future = None
            elif future and published and len(span) == 1 and span.root.dep_ == "npadvmod" and \
                    span.root.head.pos_ == "NOUN" and span.root.head.i < span.start and \
                    self.resolver.re_weekday.fullmatch(text):
                # "his address Sunday ... will be a major topic", said on Monday: a weekday
                # hung on its event, which the clause's future need not reach when it was a day
                # or two ago ("the primary Tuesday", said on Friday, is still ahead)
                weekday = self.resolver.weekdays[text.lower()]
                future = (published.isoweekday() - weekday) % 7 not in (1, 2)
            context_day = None
            for index, day, after in reversed(recent_days):
                if published and day > published and future is not True and not (
                        index == sent_index and 0 <= span.start - after <= 4 and
                        self.resolver.re_clock.match(text) and not any(
                            token.pos_ in ("VERB", "AUX") for token in doc[after:span.start])):
                    # a deadline named before does not date what has happened (but a clock
                    # time said with its day does: "was to speak Saturday morning between 10-11
                    # a.m.")
                    continue
                if sent_index - index <= CONTEXT_SENTENCES:
                    context_day = day
                break
            if self._season_of_event(span):
                future = None  # an event's season: the nearest, as news speaks of it
                if span[0].lower_ == "the":
                    span = span[1:]  # "the" goes with the event: "the [autumn] elections"
            timex = self.resolver.resolve(span.text, published, future, context_day)
            named_day = recent_days[-1][1] if recent_days and recent_days[-1][0] == sent_index \
                and timex is not None and timex.day is not None and \
                self.resolver.re_weekday.fullmatch(text) else None
            if named_day is not None and named_day.isoweekday() == timex.day.isoweekday() and \
                    named_day != timex.day:
                # "sites dedicated on 22 February ... the Committee has deemed Tuesday 'Free
                # Mojtaba Day'": the weekday of a day just named is that day
                timex = Timex(timex.type, named_day.isoformat() + (timex.value or "")[10:],
                              timex.anchor, named_day)
            if timex is not None and timex.day is not None and published and \
                    timex.day < published:
                # "record sales on the last Saturday before Christmas", a week before it: the
                # holiday is the point the story runs up to, whatever the tense
                timex = self._holiday_ahead(span, text, published) or timex
            timex = self._event_day(span, text, timex, published) if timex else timex
            if timex is not None and text.startswith("many ") and span.start and \
                    doc[span.start - 1].lower_ == "as" and timex.value and "X" in timex.value:
                # "the fourth chief in as many years": as many as the ordinal counts
                count = next((self.resolver.day_ordinals.get(token.lower_) for token in reversed(
                    doc[span.sent.start:span.start]) if token.lower_ in
                    self.resolver.day_ordinals), None)
                if count and count > 1:
                    span = doc[span.start - 1:span.end]
                    timex = Timex("DURATION", timex.value.replace("X", str(count), 1), "absolute")
            if timex is not None and len(span) == 1 and span[0].dep_ in ("compound", "nmod") \
                    and span[0].head.tag_ == "NNS" and span[0].head.i == span.end and \
                    self.resolver.re_weekday.fullmatch(text) and future is not False and not any(
                        child.dep_ in ("det", "poss") for child in span[0].head.children):
                # "Saturday exams would be allowed", "Friday matches will move": any such day,
                # a kind (not "two men were held during Saturday protests": that Saturday's)
                timex = Timex("DATE", f"XXXX-WXX-{self.resolver.weekdays[text]}", "absolute")
            if timex is not None and self.vague_references and timex.value and \
                    re.fullmatch(r"\d{4}-\d\d-\d\dT(?:MO|AF|EV|NI|MI)", timex.value) and \
                    self._habitual_part_of_day(span, text):
                timex = Timex("TIME", "XXXX-XX-XX" + timex.value[10:], "absolute")
            if timex is not None and self.resolver.re_weekday.fullmatch(text) and \
                    timex.value and self._weekday_routine(span.sent) and \
                    _WEEKDAY_RUN.search(doc.text[max(span.start_char - 14, 0):span.end_char + 14]):
                if not self.vague_references:
                    continue  # a generic day, as "on a typical Tuesday"
                timex = Timex("DATE", f"XXXX-WXX-{self.resolver.weekdays[text]}", "absolute")
            if timex is not None and self.vague_references and timex.value and \
                    re.fullmatch(r"\d{4}-(?:SP|SU|FA|WI)", timex.value) and \
                    re.fullmatch(r"(?:the )?(?:spring|summer|autumn|fall|winter)", text) and \
                    self._habitual(span, above=1):
                # "the lawn often becomes damaged in winter": any winter (not "we have always
                # said we will introduce the bill in the spring")
                timex = Timex("DATE", "XXXX" + timex.value[4:], "absolute")
            if timex is not None and context_day is None:
                timex = self._undated_clock(span, timex)
            if timex is not None and future is not False and self._part_of_day_kind(span):
                # "morning or evening exams", "lunchtime lectures", "early morning cartoon
                # shows will be replaced": any day's, a kind, as "Saturday exams" are
                timex = Timex("TIME", f"XXXX-XX-XXT{self.resolver.parts[span[-1].lower_]}",
                              "absolute")
            if timex is not None and timex.value == "P1WE" and text == "a weekend" and \
                    future is not True and published and published.isoweekday() <= 2 and \
                    span.end < len(doc) and (doc[span.end].lower_ == "of" or span[-1].dep_ in (
                        "compound", "amod")):
                # "suffered a weekend of protests", "a weekend press report", told on a Monday:
                # the weekend just gone
                sunday = published - dt.timedelta(days=published.isoweekday())
                timex = Timex("DATE", _iso_week(sunday) + "-WE", "published")
            elif timex is not None and text == "a weekend" and span[-1].dep_ == "compound" and \
                    span[-1].head.i >= span.end:
                continue  # a kind of thing: "a weekend break", "a weekend job"
            if timex is not None and published and text in ("the full year", "the whole year") \
                    and timex.value == f"{published.year:04d}" and future is not True and \
                    published.month <= YEAR_JUST_ENDED_MONTHS and self._reports_figures(span.sent) \
                    and not any(token.lemma_ in self.intent_heads or token.lemma_ in _FORECAST_VERBS
                                for token in span.sent):
                # "it leaves GDP up 2.3% for the full year", in February: a year is full once
                # it has ended, the year just gone (not "expects growth of 2% for the full year")
                timex = Timex("DATE", f"{published.year - 1:04d}", timex.anchor)
            if timex is not None and text == "that decade":
                # "in the 1990s ... during that decade": the decade named; "10 years ago ...
                # throughout that decade": the ten years told of
                named = next((m.value for m in reversed(mentions) if re.fullmatch(
                    r"\d{3}", m.value or "")), None)
                timex = Timex("DATE", named, "absolute") if named else \
                    Timex("DURATION", "P10Y", "absolute")
            if timex is not None and text == "today" and self._generic_today(span):
                timex = Timex("DATE", "PRESENT_REF", "published" if published else None)
            if future is None and timex is not None and timex.value and \
                    re.fullmatch(r"\d{4}-\d\d", timex.value) and self.resolver.re_month.fullmatch(text):
                # "growth in the third quarter had been zero, a standstill from July onward":
                # with no tense to go by, a month inside a period the sentence named is of it
                year = _year_holding(recent_periods, sent_index, int(timex.value[5:]))
                if year and year != timex.value[:4]:
                    timex = Timex("DATE", f"{year}-{timex.value[5:]}", timex.anchor)
            if timex is not None and timex.value and _BARE_PART.fullmatch(text) and \
                    re.fullmatch(r"\d{4}-(?:Q[1-4]|H[12])", timex.value):
                # "a quiet start to 2005, with sales picking up in the second half": the part
                # is of the year its sentence named before it
                named = next(((start, value) for index, start, value in reversed(recent_periods)
                              if index == sent_index and re.fullmatch(r"\d{4}", value)), None)
                if named and named[1] != timex.value[:4] and not _aside(doc[named[0]], span):
                    timex = Timex("DATE", f"{named[1]}{timex.value[4:]}", timex.anchor)
            same_period = _SAME_PERIOD.fullmatch(text)
            if same_period:
                compared_period = _same_period(same_period, recent_periods, sent_index,
                                               span.start, published)
                year_only = compared_period.value and len(compared_period.value) == 4
                if year_only and near_quarter and recent_quarters[-1][0] >= sent_index - 1 and \
                        _same_period_unit(same_period) in ("period", "quarter"):
                    # "net profit rose in the last three months of 2004 ... up 27% from the same
                    # 2004 period": the quarter just named, in the year given
                    compared_period = Timex("DATE", compared_period.value + near_quarter[4:],
                                            compared_period.anchor)
                elif year_only and timex and timex.value and \
                        timex.value.startswith(compared_period.value):
                    compared_period = timex  # "the comparable 2004 quarter": the resolver's
                timex = compared_period
            if timex is not None and self.vague_references and self._is_rate(span, text, timex):
                timex = Timex("SET", timex.value, "absolute")  # TIMEX3 marks a rate's unit
            if text == "the latest period" and not (
                    near_quarter and (span.end == len(doc) or doc[span.end].lower_ != "of")):
                continue  # the quarter reported on, only when one was named just before
            if timex is None or self._left_out(span, text, timex):
                continue
            named = _context_date(recent_dates, sent_index, 10) if re.fullmatch(
                r"(?:that|the same|that same) day", text) and published else None
            if named and named != timex.value:
                # "announced on 17 November ... during that day's questions": the day named,
                # even the day of a report, which dates nothing else
                timex = Timex("DATE", named, "published", dt.date.fromisoformat(named))
            elif context_day is None and text == "the same day":
                continue  # "patients are seen the same day": no day named, a kind of service
            anchored = _ANCHORED.fullmatch(text) if published else None
            if anchored:
                timex = _from_context(anchored, recent_dates, sent_index, future is False) or timex
            anchored_month = self.resolver.anchored_month(text) if published else None
            if anchored_month:
                timex = _month_from_context(*anchored_month,
                                            _context_date(recent_dates, sent_index)) or timex
            within = _WITHIN_NEXT.fullmatch(text)
            if within and span.start and doc[span.start - 1].lower_ == "within":
                # "decide within the next month": a span of time to act in, not the month after
                timex = Timex("DURATION", _period("1", self.units[within.group("unit")]),
                              "absolute")
            if published and _YEAR_EARLIER.fullmatch(text):
                year = _context_date(recent_dates, sent_index)
                timex = Timex("DATE", f"{int(year[:4]) - 1:04d}", "published") if year else timex
            same_year = _SAME_YEAR.fullmatch(text) if published else None
            if same_year:  # "in March of the same year": the year in context
                named = _context_date(recent_dates, sent_index)
                if named and timex.value:
                    timex = Timex(timex.type, named[:4] + timex.value[4:], "published", None)
            compared = None
            if published and (_YEAR_EARLIER.fullmatch(text) or _YEAR_AGO.fullmatch(text) or
                              _PREVIOUS_YEAR.fullmatch(text) and _COMPARING & {
                                  token.lower_ for token in doc[max(0, span.start - 2):span.start]
                              }):
                # the period of the sentence, else a month, quarter or half of the one before
                # ("The rate was 6.3 per cent a year earlier", after "in September")
                # (a quarter or half this sentence closed comes first: "in the six months
                # ending 31 December ... from a year earlier")
                compared = _sentence_period(recent_periods, sent_index, span.start) or (
                    None if recent_quarters and recent_quarters[-1][0] == sent_index else
                    _previous_sentence_period(recent_periods, sent_index, _UNIT_SHAPES["period"]))
            if published and text in ("a month", "one month") and span.end < len(doc) and \
                    doc[span.end].lower_ == "earlier" and (_COMPARING | {"to"}) & {
                        token.lower_ for token in doc[max(0, span.start - 3):span.start]}:
                # "output rose in January from a month earlier": the month before the one
                # reported on, as "a year earlier" is the year before
                month = _sentence_period(recent_periods, sent_index, span.start,
                                         _UNIT_SHAPES["month"]) or \
                    _previous_sentence_period(recent_periods, sent_index, _UNIT_SHAPES["month"])
                if month:
                    year, number = _add_months(int(month[:4]), int(month[5:]), -1)
                    timex = Timex("DATE", f"{year:04d}-{number:02d}", "published")
                    span = doc[span.start:span.end + 1]
            if compared and any(token.lower_ in ("annual", "full-year", "yearly")
                                for token in span.sent):
                compared = compared[:4]  # "In July it reported an annual turnover of £8.9bn"
            elif compared and len(compared) == 4 and near_quarter and \
                    near_quarter.startswith(compared) and recent_quarters[-1][0] == sent_index:
                compared = near_quarter  # "in the last three months of 2004": its fourth quarter
            elif compared and re.fullmatch(r"\d{4}-\d\d", compared) and near_quarter and \
                    recent_quarters[-1][0] == sent_index and \
                    near_quarter == _quarter_of(int(compared[:4]), int(compared[5:]), 0):
                # "for the three months to December, from $639m a year earlier": the quarter
                # the month closes, not the month
                compared = near_quarter
            if compared:  # "sales rose in October from a year earlier": that October, a year back
                timex = Timex("DATE", f"{int(compared[:4]) - 1:04d}{compared[4:]}", "published")
            elif published and _YEAR_AGO.fullmatch(text) and (
                    near_quarter or "quarter" in span.sent.text.lower()):
                # Business news compares with the same quarter a year before: the quarter the
                # article spoke of, else the one just closed ("net income rose from $5m a
                # year earlier").
                if near_quarter:
                    timex = Timex("DATE", f"{int(near_quarter[:4]) - 1:04d}{near_quarter[4:]}",
                                  "published")
                else:
                    timex = Timex("DATE", _quarter_of(published.year, published.month, -15),
                                  "published")
            elif published and near_quarter and re.fullmatch(
                    r"(?:the|that|the same) quarter|the latest period", text):
                timex = Timex("DATE", near_quarter, timex.anchor)  # the one just named
            elif published and recent_quarters and re.fullmatch(
                    r"(?:the )?(?:previous|preceding|prior) quarter", text) and \
                    sent_index - recent_quarters[-1][0] <= 1 and "Q" in recent_quarters[-1][1] \
                    and "X" not in recent_quarters[-1][1]:
                # "grew in the third quarter from the previous quarter": the one before it
                named = recent_quarters[-1][1]
                timex = Timex("DATE", _quarter_of(int(named[:4]), 3 * int(named[-1]) - 2, -3),
                              "published")
            elif published and re.fullmatch(r"the (?:previous|preceding|prior) quarter", text) \
                    and future is not True and self._reports_figures(span.sent) and (
                        _point_of_comparison(span) or _COMPARING & {
                            token.lower_ for token in doc[max(0, span.start - 5):span.start]}):
                # "the jobless rate rose to 4.7% from 4.6% in the previous quarter": the figures
                # are of the quarter just closed, compared with the one before it
                timex = Timex("DATE", _quarter_of(published.year, published.month, -6),
                              "published")
            if timex.day is not None and published and (
                    self.resolver.re_day_month.search(text) or
                    self.resolver.re_month_day.search(text)) and \
                    not self.resolver.re_year.search(text):
                # "pushed up to Thursday 27th June ... the 27th June move-out date": a day and
                # month named again are the day named before, not a year earlier
                again = next((value for _, value in reversed(recent_dates)
                              if len(value) == 10 and value[5:] == timex.day.isoformat()[5:]),
                             None)
                if again and again != timex.day.isoformat():
                    day = dt.date.fromisoformat(again)
                    timex = Timex(timex.type, again + (timex.value or "")[10:], timex.anchor, day)
            possessive = int(doc[span.end:span.end + 1].text in ("'s", "’s"))  # "New Year's"
            if timex.day is not None and span.end + possessive < len(doc) and \
                    doc[span.end + possessive].lower_ == "weekend" and text in self.resolver.holidays:
                # "the Easter weekend", "over New Year's weekend": the weekend of the holiday,
                # the one before a Monday's
                day = timex.day - dt.timedelta(days=timex.day.isoweekday() == 1)
                timex = Timex("DATE", _iso_week(day) + "-WE", timex.anchor)
                span = doc[span.start - (span.start > 0 and doc[span.start - 1].lower_ == "the"):
                           span.end + possessive + 1]
            compared_with = _point_of_comparison(span)  # "its highest since 1997"
            spoken_of = not re.search(r"\byear (?:ago|earlier)|\blast year|\bsame\b", text) \
                and not compared_with
            period = timex.value
            if span.start_char in span_parts and period and re.fullmatch(r"\d{4}-\d\d", period):
                part = span_parts[span.start_char]
                period = f"{period[:4]}-{part}" if part else period[:4]
            if period and re.fullmatch(r"\d{4}-(?:Q[1-4X]|H[12])", period) and spoken_of:
                recent_quarters.append((sent_index, period))  # a quarter or half spoken of
            ended = _quarter_ended(span, timex)
            if ended and spoken_of:  # "GDP rose in the three months to 31 December": Q4
                recent_quarters.append((sent_index, ended))
            if period and _PERIOD_VALUE.fullmatch(period) and spoken_of:
                if _closes_a_year(span, period):
                    period = period[:4]  # "profits for the year to March": a year, by its end
                recent_periods.append((sent_index, span.start, period))
            if timex.day is not None and not compared_with and not self._dates_a_report(span) \
                    and not self._past_perfect(span):
                # (a day told in the past perfect, "it had forecast sales on August 12", is
                # background: the story's clock times stay on its own day)
                recent_days.append((sent_index, timex.day, span.end))
            if timex.value and re.match(r"\d{4}(?:-\d\d)?(?:-\d\d)?(?:T|$)", timex.value) and \
                    not compared_with:
                recent_dates.append((sent_index, timex.value.split("T")[0]))
            if len(span) > 1 and span[0].lower_ == "the" and span[-1].head.i >= span.end and (
                    timex.type == "DURATION" or span[1:].text.lower() in self.resolver.holidays
                    and span[1:].text.lower() != "new year"):
                # "the 39 week licence period", "the May Day holiday": "the" goes with the noun
                span = span[1:]
            for part, part_timex in self._timeml_parts(span, timex):
                mentions.append(DateMention(
                    id=f"d{len(mentions) + 1}", text=part.text, start=part.start_char,
                    end=part.end_char, type=part_timex.type, value=part_timex.value,
                    anchor=part_timex.anchor))
        mentions = self._bare_periods(doc, mentions, published)
        if "\n" in doc_text(doc) and _HEADLINE_YEAR.search(doc_text(doc).partition("\n")[0]):
            mentions = self._headline_year(doc, mentions, published)
        mentions = self._elided_units(doc, mentions, published)
        mentions = _glossed_days(doc_text(doc), mentions)
        if self.re_broadcast_clock.search(doc_text(doc)):
            mentions = self._broadcast_clocks(doc, mentions, published)
        mentions = _clock_days(doc, mentions)
        mentions = self._weekday_pairs(doc_text(doc), mentions, published)
        if month_spans:
            mentions = self._month_span_periods(doc, mentions, month_spans)
        if self.vague_references:
            mentions = self._within_units(doc, mentions)
            if _PART_OF_DAY_KIND.search(doc_text(doc)):
                mentions = self._part_of_day_kinds(doc, mentions)
        if _ONE_DAY.search(doc_text(doc)):
            mentions = self._one_day_spans(doc, mentions)
        if _WEEKDAY_BESIDE.search(doc_text(doc)):
            mentions = self._weekday_beside_day(doc_text(doc), mentions)
        if self.re_range_gate.search(doc_text(doc)):
            mentions = self._day_ranges(doc, mentions, published)
            mentions = self._clock_ranges(doc, mentions, published)
        if self.timeml_extents and _SHORT_YEAR_RANGE.search(doc_text(doc)):
            mentions = _short_year_ranges(doc_text(doc), mentions)
        if self.timeml_extents and _EARLIER_IN.search(doc_text(doc)):
            mentions = _earlier_in(doc_text(doc), mentions)
        mentions = self._range_years(doc, mentions)
        if _CLOCK_DURATION_JOIN.search(doc_text(doc)):
            mentions = _clock_durations(doc_text(doc), mentions)
        stamps = list(_LIVE_STAMP.finditer(doc_text(doc)))
        if len(stamps) >= 2:
            mentions = _live_stamps(doc_text(doc), stamps, mentions, published)
        if "://" in doc_text(doc) or "www." in doc_text(doc):
            mentions = _outside_links(doc_text(doc), mentions)
        return mentions

    def _broadcast_clocks(self, doc: Doc, mentions: list[DateMention],
                          published: dt.date | None) -> list[DateMention]:
        """ "coverage from 1930 on BBC One": a 24-hour clock before the channel showing it is a
        time, not a year; on the day the sentence named before it, else the day of publication
        (as a clock with no day)."""
        text = doc_text(doc)
        for match in self.re_broadcast_clock.finditer(text):
            start, end = match.span("clock")
            clock = doc.char_span(start, end, alignment_mode="expand")
            if clock is None:
                continue
            timex = self.resolver.resolve(f"{match.group(2)}:{match.group(3)}", published, None)
            if timex is None:
                continue  # (the year read before stays)
            mentions = [m for m in mentions if not (m.start < end and start < m.end)]
            day = _named_in_context(doc, mentions, clock[0], r"\d{4}-\d\d-\d\d", sentences=1)
            if day and timex.value:
                timex = Timex("TIME", day + timex.value[10:], "published")
            mentions.append(_added_mention(text, start, end, timex))
        _renumber(mentions)
        return mentions

    def _weekday_beside_day(self, text: str, mentions: list[DateMention]) -> list[DateMention]:
        """ "sales on the last Saturday before Christmas", "the first Monday after Easter": the
        weekday counted from the day named after it, not last week's Saturday."""
        changed = False
        for match in _WEEKDAY_BESIDE.finditer(text):
            weekday = self.resolver.weekdays.get(match.group("day").lower())
            named = next((m for m in mentions if m.start == match.end()), None)
            if weekday is None or named is None or not re.fullmatch(
                    r"\d{4}-\d\d-\d\d", named.value or "") or \
                    (match.group("which") == "last") != (match.group("side") == "before"):
                continue  # ("the first Saturday before": no such reading)
            day = dt.date.fromisoformat(named.value)
            if match.group("side") == "before":
                found = day - dt.timedelta(days=(day.isoweekday() - weekday - 1) % 7 + 1)
            else:
                found = day + dt.timedelta(days=(weekday - day.isoweekday() - 1) % 7 + 1)
            for mention in [m for m in mentions if match.start() <= m.start < match.start("side")]:
                mentions.remove(mention)
            mentions.append(_added_mention(text, match.start(), match.start("side") - 1,
                                           Timex("DATE", found.isoformat(), named.anchor)))
            changed = True
        if changed:
            _renumber(mentions)
        return mentions

    def _weekday_pairs(self, text: str, mentions: list[DateMention],
                       published: dt.date | None) -> list[DateMention]:
        """ "to close the factory on Monday and Tuesday", said on a Tuesday: the second day of a
        pair ahead comes after the first, so it is next week's Tuesday, not today (a pair gone
        may be listed in any order: "statements made Friday and Thursday")."""
        if published is None:
            return mentions
        for first, second in zip(mentions, mentions[1:], strict=False):
            if first.value and second.value and first.value > published.isoformat() and \
                    re.fullmatch(r"\s*(?:and|or|to|through|until|-|–)\s*",
                                 text[first.end:second.start]) and \
                    self.resolver.re_weekday.fullmatch(canonical(first.text)) and \
                    self.resolver.re_weekday.fullmatch(canonical(second.text)) and \
                    re.fullmatch(r"\d{4}-\d\d-\d\d", first.value) and \
                    re.fullmatch(r"\d{4}-\d\d-\d\d", second.value) and \
                    second.value < first.value:
                later = dt.date.fromisoformat(second.value) + dt.timedelta(days=7)
                second.value = later.isoformat()
        return mentions

    def _month_spans(self, text: str) -> Iterator[tuple[re.Match, str]]:
        """The month spans named as one period, each with its part ("Q3"), or "" for months
        that are no calendar quarter or half ("April-July": a span the year stands for)."""
        for match in self.re_month_span.finditer(text):
            if match.group("join") == " and " and not text[:match.start()].endswith("between "):
                continue  # "in October and December": two months; "between October and
                # December": the months from one to the other
            if not match.group("noun") and match.group("join") not in ("-", "–", "-to-", " and ") and \
                    not re.search(r"\b(?:during|over|in|for) $", text[:match.start()]):
                # "from July to September": a range, each end a date of its own ("profit
                # rose 44% during October to December": the quarter)
                continue
            first = self.resolver.months[match.group("m1").lower().rstrip(".")]
            last = self.resolver.months[match.group("m2").lower().rstrip(".")]
            part = {(1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4", (1, 6): "H1",
                    (7, 12): "H2"}.get((first, last), "")
            if first < last:
                yield match, part

    def _month_span_periods(self, doc: Doc, mentions: list[DateMention],
                            month_spans: list[tuple[re.Match, str]]) -> list[DateMention]:
        """ "the July to September period", "the October-December quarter", "in
        July-September": the months of a calendar quarter or half named as one period are that
        quarter or half, in the year the end month was resolved to."""
        text = doc_text(doc)
        changed = False
        for match, part in month_spans:
            if match.group("join") == " and ":
                continue  # TIMEX3 marks each end of "between October and December"
            end_month = _overlapping(mentions, *match.span("m2")) if part else None
            if end_month is None or not end_month.value or \
                    not re.match(r"\d{4}-(?:\d\d|Q[1-4])", end_month.value):
                continue
            start, end = match.span()
            inside = [m for m in mentions if m.start < end and start < m.end]
            if any(m.start < start or m.end > end for m in inside):
                continue  # a longer expression already holds part of it
            for mention in inside:
                mentions.remove(mention)
            mentions.append(_added_mention(text, start, end, Timex(
                "DATE", f"{end_month.value[:4]}-{part}", end_month.anchor)))
            changed = True
        if changed:
            _renumber(mentions)
        return mentions

    def _elided_units(self, doc: Doc, mentions: list[DateMention],
                      published: dt.date | None) -> list[DateMention]:
        """ "growth for this year and next", "last year or this": the bare word after the
        conjunction names its own year (week, month, quarter); "the third and fourth quarters":
        the bare ordinal before it its own quarter."""
        added = False
        for match in _ELIDED_UNIT.finditer(doc_text(doc)):
            start, end = match.span("word")
            if _overlapping(mentions, start, end) is not None or \
                    _overlapping(mentions, match.start(), match.start("unit")) is None:
                continue
            phrase = f"{match.group('word').lower()} {match.group('unit').lower()}"
            timex = self.resolver.resolve(phrase, published)
            if timex is None:
                continue
            mentions.append(_added_mention(doc_text(doc), start, end, timex))
            added = True
        # (TIMEX3 marks both amounts of a range; the records keep the amount written whole):
        # "two to four weeks" gives "two" the unit of the amount after it, "from 24 weeks to 20"
        # gives "20" the unit of the one before
        ranges = ((_ELIDED_AMOUNT, "second", "second"), (_ELIDED_AMOUNT_AFTER, "first", "unit"))
        for pattern, whole_start, whole_end in ranges if self.timeml_extents else ():
            for match in pattern.finditer(doc_text(doc)):
                whole = _overlapping(mentions, match.start(whole_start), match.end(whole_end))
                if whole is None or whole.type != "DURATION" or \
                        _overlapping(mentions, *match.span("word")) is not None:
                    continue
                timex = self.resolver.resolve(f"{match.group('word')} {match.group('unit')}",
                                              published)
                if timex is None or timex.type != "DURATION":
                    continue
                mentions.append(_added_mention(doc_text(doc), *match.span("word"), timex))
                added = True
        for match in _ELIDED_PART_AFTER.finditer(doc_text(doc)):
            named = _overlapping(mentions, *match.span("o1"))
            if _overlapping(mentions, *match.span("word")) is not None or named is None or \
                    not named.value or not re.fullmatch(r"\d{4}-[QH][1-4]", named.value):
                continue
            first, second = (_ORDINAL_NUMBERS[match.group(g).lower()] for g in ("o1", "o2"))
            unit = named.value[5]
            if unit == "H" and second > 2:
                continue
            year = int(named.value[:4])
            if second > first and (match.group("join").lower() in ("from", "than") or re.search(
                    r"\b(?:from|than|compared|against)\b", match.group("gap"), re.I)):
                year -= 1  # "in the first quarter, up from 2% in the fourth": the year before's
            timex = Timex("DATE", f"{year:04d}-{unit}{second}", named.anchor)
            mentions.append(_added_mention(doc_text(doc), *match.span("word"), timex))
            added = True
        for match in _ELIDED_PARTS.finditer(doc_text(doc)):
            # "between the third and fourth quarters of 2004": two quarters, the first with
            # its unit left out (TIMEX3 marks "the third" and "fourth quarters of 2004")
            unit = "Q" if match.group("unit") == "quarters" else "H"
            numbers = [_ORDINAL_NUMBERS[match.group(group)] for group in ("o1", "o2")]
            if unit == "H" and max(numbers) > 2:
                continue
            year = match.group("y")
            if year is None and published is not None:
                latest = self.resolver.resolve(
                    f"the {match.group('o2')} {'quarter' if unit == 'Q' else 'half'}", published)
                year = latest.value[:4] if latest and latest.value else None
            mentions[:] = [m for m in mentions if m.end <= match.start() or m.start >= match.end()]
            for group, number in zip(("first", "second"), numbers, strict=True):
                timex = Timex("DATE", f"{year}-{unit}{number}" if year else None,
                              ("absolute" if match.group("y") else "published") if year else None)
                mentions.append(_added_mention(doc_text(doc), *match.span(group), timex))
            added = True
        if added:
            _renumber(mentions)
        return mentions

    def _part_of_day_kinds(self, doc: Doc, mentions: list[DateMention]) -> list[DateMention]:
        """ "lunchtime lectures", "early morning cartoon shows will be replaced": a part of any
        day that classes a plural noun (TIMEX3 only; the base model does not offer these)."""
        added = False
        for match in _PART_OF_DAY_KIND.finditer(doc_text(doc)):
            span = doc.char_span(*match.span())
            if span is None or _overlapping(mentions, *match.span()) is not None or \
                    not self._part_of_day_kind(span) or \
                    self.tense(doc[span.sent.root.i:span.sent.root.i + 1]) is False:
                continue  # (not "two men were held during evening protests": that evening's)
            mentions.append(_added_mention(doc_text(doc), *match.span(), Timex(
                "TIME", f"XXXX-XX-XXT{self.resolver.parts[span[-1].lower_]}", "absolute")))
            added = True
        if added:
            _renumber(mentions)
        return mentions

    def _headline_year(self, doc: Doc, mentions: list[DateMention],
                       published: dt.date | None) -> list[DateMention]:
        """A headline drops its article: "Record year for Chilean copper", "Renault boss hails
        'great year'", "UK economy ends year with spurt", "Economy 'strong' in election year" is
        the year the story tells of: the first recent year its opening sentence names, else the
        year of publication (not "four year high", "jailed for year", "New Year")."""
        line_end, added = doc_text(doc).index("\n"), False
        story_year = None
        if published is not None:
            opening = next((sentence for sentence in doc.sents if sentence.start_char > line_end),
                           None)
            named = [m.value for m in mentions if opening is not None and
                     opening.start_char <= m.start < opening.end_char and
                     re.fullmatch(r"\d{4}", m.value or "") and
                     published.year - 1 <= int(m.value) <= published.year]
            story_year = named[0] if named else f"{published.year:04d}"
        for token in doc:
            if token.idx >= line_end:
                break
            if token.lower_ != "year" or not token.i or \
                    _overlapping(mentions, token.idx, token.idx + 4) is not None:
                continue
            before = doc[token.i - 1]
            if before.lower_ in ("'", "‘") and token.i > 1:
                before = doc[token.i - 2]  # hails 'great year'
            described = before.pos_ in ("ADJ", "NOUN", "PROPN") and before.lower_ != "new" and \
                before.head.i == token.i
            if not (described or token.dep_ == "dobj" and before.i == token.head.i) or \
                    token.dep_ in ("compound", "amod", "nmod") or before.like_num:
                continue
            mentions.append(_added_mention(doc_text(doc), token.idx, token.idx + 4, Timex(
                "DATE", story_year, "published" if story_year else None)))
            added = True
        if added:
            _renumber(mentions)
        return mentions

    def _within_units(self, doc: Doc, mentions: list[DateMention]) -> list[DateMention]:
        """ "sold out within hours", "within days", "for days", "for days and weeks to come",
        "on the web hours after they are shown": a vague span of time (TIMEX3 PTXH, PXD); the
        bare plural is no date anywhere else ("office hours", "in those days", "days off", "in
        the days after the vote")."""
        added = False
        for match in _WITHIN_UNITS.finditer(doc_text(doc)):
            group = next(name for name in ("unit", "paired", "apart") if match.group(name))
            where = match.span(group)
            token = doc.char_span(*where)
            if token is None or _overlapping(mentions, *where) is not None:
                continue
            token = token[0]
            if group == "apart" and token.i and doc[token.i - 1].pos_ in ("DET", "NUM", "ADJ",
                                                                          "PRON"):
                continue  # counted or picked out: "in the days after", "two days later"
            value = "PTXH" if token.lower_ == "hours" else "PXD"
            mentions.append(_added_mention(doc_text(doc), token.idx, token.idx + len(token),
                                           Timex("DURATION", value, "absolute")))
            added = True
        if added:
            _renumber(mentions)
        return mentions

    def _one_day_spans(self, doc: Doc, mentions: list[DateMention]) -> list[DateMention]:
        """ "lost 18% in one day", "the strike lasted one day", "in the job one day": a
        day's length (P1D). Elsewhere "one day" is someday: with vague references on, a someday
        still to come is the future ("One day you will tell your children", "it could one day
        replace the car": FUTURE_REF; not "one day, he could not find his keys"); else no date."""
        added = False
        for match in _ONE_DAY.finditer(doc_text(doc)):
            words = doc.char_span(*match.span())
            if words is None or _overlapping(mentions, *match.span()) is not None:
                continue
            after_modal = words.start and doc[words.start - 1].tag_ == "MD"
            if not after_modal and words.end < len(doc) and doc[words.end].pos_ in ("NOUN", "PROPN"):
                continue  # ("a one day strike": a kind of strike; not "could one day stretch")
            if after_modal and self.vague_references:
                mentions.append(_added_mention(doc_text(doc), *match.span(),
                                               Timex("DATE", "FUTURE_REF", "published")))
                added = True
            elif _a_days_length(words):
                mentions.append(_added_mention(doc_text(doc), *match.span(),
                                               Timex("DURATION", "P1D", "absolute")))
                added = True
            elif self.vague_references and self.tense(words):
                mentions.append(_added_mention(doc_text(doc), *match.span(),
                                               Timex("DATE", "FUTURE_REF", "published")))
                added = True
        if added:
            _renumber(mentions)
        return mentions

    def _bare_periods(self, doc: Doc, mentions: list[DateMention],
                      published: dt.date | None) -> list[DateMention]:
        """A bare "the year", "the week" or "the month" the sentence ties down: closed by a
        date it is the span up to it ("profit in the year to June 30": P1Y); a part "of the
        year", the pick "of the year" ("word of the year", "its highest level of the year"),
        figures "for the year", a span "during the year", a market that "ended the week"
        higher, "the week's biggest single", "the year's average": the article's own
        (or the year the sentence names); "in the month" after a month named: that month."""
        added = False
        for match in _THE_BARE_PERIOD.finditer(doc_text(doc)):  # no pass over every token
            words = doc.char_span(*match.span())
            if words is None or len(words) != 2:
                continue
            token, unit = words[1], words[1].lower_
            start, end = match.span()
            if _overlapping(mentions, start, end) is not None:
                continue
            after = doc[token.i + 1:token.i + 3]
            before = doc[max(0, token.i - 3):token.i - 1]
            rate = _overlapping(mentions, before[0].idx, before[0].idx + 1) if len(before) == 2 \
                and before[1].lower_ == "of" else None
            if rate is not None and rate.type == "SET":
                # "every day of the week": the rate's own frame, one expression
                rate.end, rate.text = end, doc_text(doc)[rate.start:end]
                continue
            if unit == "day":
                # "the stock ended the day down": the trading day told of, else publication's
                # ("start the day with a good breakfast" is any day)
                closing = ("end", "finish", "close")
                if not (token.dep_ in ("dobj", "npadvmod") and token.head.lemma_ in closing or
                        token.dep_ == "npadvmod" and token.head.head.lemma_ in closing):
                    continue
                day = self._day_in_context(doc, mentions, token) or (
                    published.isoformat() if published else None)
                timex = Timex("DATE", day, "published" if day else None)
            elif unit == "month":
                # "sales rose 1.2% in the month", after "in December": that month
                month = self._month_in_context(doc, mentions, token) if before and \
                    before[-1].lower_ in ("in", "for", "during", "over", "on") else None
                if month is None:
                    continue
                timex = Timex("DATE", month, "published")
            elif len(after) == 2 and after[0].lower_ in ("to", "ended", "ending") and (
                    after[1].lower_ in self.resolver.months or after[1].like_num or _overlapping(
                        mentions, after[1].idx, after[1].idx + len(after[1])) is not None):
                timex = Timex("DURATION", "P1Y" if unit == "year" else "P1W", "absolute")
            elif len(before) == 2 and before[1].lower_ == "of" and (
                    before[0].lemma_ in self.period_parts or before[0].lemma_ == "day" and any(
                        word.lower_ in ("first", "last", "final", "opening")
                        for word in doc[max(0, before[0].i - 3):before[0].i])) or \
                    unit == "year" and before and before[-1].lower_ == "of" and \
                    self._of_the_year(before[-1]) and not (after and after[0].like_num) or \
                    before and before[-1].lower_ == "for" and self._reports_figures(token.sent) \
                    or unit == "year" and before and (before[-1].lower_ in (
                        "during", "throughout") or before[-1].lower_ == "over" and
                        self.tense(doc[token.i - 1:token.i + 1]) is not True) or \
                    token.dep_ == "dobj" and token.head.lemma_ in self.period_verbs or \
                    unit == "year" and doc[token.i + 1:token.i + 4].text.lower() == "as a whole" or \
                    token.dep_ == "nsubj" and token.head.lemma_ in ("begin", "start") or \
                    token.dep_ == "npadvmod" and token.head.head.lemma_ in self.period_verbs or \
                    unit in ("week", "year") and after and after[0].tag_ == "POS":
                if published is None:
                    timex = Timex("DATE", None, None)
                elif unit == "week":
                    timex = Timex("DATE", _iso_week(published), "published")
                else:
                    # the year the sentence names before it, else the year of a part of a
                    # year it names after it ("ended the year with gains in December"), else
                    # the article's
                    sentence = token.sent
                    before_it = [m.value[:4] for m in mentions if m.value and re.match(
                        r"\d{4}", m.value) and sentence.start_char <= m.start < start]
                    part_after = [m.value[:4] for m in mentions if m.value and re.fullmatch(
                        r"\d{4}-(?:\d\d|Q[1-4]|H[12])", m.value) and
                                  start < m.start < sentence.end_char]
                    # (or of the year the last sentences spoke of, if recent: "sales rose
                    # 1.2% in the month ... climbed 8% for the year", after December 2004; not
                    # a year it was compared with, "7% more than they did in 2003")
                    in_context = _named_in_context(
                        doc, [m for m in mentions if not _COMPARED.search(m.text.lower()) and
                              not _AFTER_THAN.search(doc_text(doc), max(0, m.start - 40),
                                                     m.start)],
                        token, r"\d{4}(?:-(?:\d\d|Q[1-4]|H[12]))?")
                    recent = in_context[:4] if in_context and \
                        published.year - 1 <= int(in_context[:4]) <= published.year else None
                    year = before_it[-1] if before_it else part_after[0] if part_after else \
                        recent or f"{self._year_told_of(doc[token.i - 1:token.i + 1], published):04d}"
                    timex = Timex("DATE", year, "published")
            else:
                continue
            mentions.append(_added_mention(doc_text(doc), start, end, timex))
            added = True
        if added:
            _renumber(mentions)
        return mentions

    def _year_told_of(self, span: Span, published: dt.date) -> int:
        """The year of a bare "the year" nothing near names: the article's, but a whole year
        told of in the past early in the next one is the year just ended ("During the year WPP
        bought Grey", "For the year as a whole, profits fell", in February's annual results);
        not the best "of the year" so far, nor "the year had begun well"."""
        if published.month <= YEAR_JUST_ENDED_MONTHS and span.start and span.doc[
                span.start - 1].lower_ in ("during", "for", "throughout", "over") and \
                self.tense(span) is False:
            return published.year - 1
        return published.year

    def _of_the_year(self, of: Token) -> bool:
        """ "its strongest level of the year", "one of the biggest events of the year": the
        best of a year is of the year spoken of. A title ("player of the year", "word of the
        year") names its year too, but only TIMEX3 marks it; the records leave it out. Not
        "this time of the year": any year."""
        head = of.head
        if head.tag_ == "JJS" or any(child.tag_ == "JJS" for child in head.children):
            return True
        return self.vague_references and head.pos_ in ("NOUN", "PROPN") and \
            head.lemma_ not in ("time", "day")

    @staticmethod
    def _month_in_context(doc: Doc, mentions: list[DateMention], token: Token) -> str | None:
        """The month named last in the sentence of `token` or the two before it."""
        return _named_in_context(doc, mentions, token, r"\d{4}-\d\d")

    @staticmethod
    def _day_in_context(doc: Doc, mentions: list[DateMention], token: Token) -> str | None:
        """The day named last in the sentence of `token` or the two before it."""
        return _named_in_context(doc, mentions, token, r"\d{4}-\d\d-\d\d")

    def _timeml_parts(self, span: Span, timex: Timex) -> list[tuple[Span, Timex]]:
        """ "5 p.m. on April 13" is one moment in the records; TimeML marks the clock time and
        the day apart, the preposition outside both (with `timeml_extents`); so too the week
        and the month or year of "the first week of October", "the last week of 2003"."""
        if not self.timeml_extents or not timex.value:
            return [(span, timex)]
        if timex.type == "DATE" and re.fullmatch(r"\d{4}-W\d\d(?:-WE)?", timex.value):
            of = next((token for token in span[2:-1] if token.lower_ in ("of", "in") and
                       token.nbor(-1).lower_ in ("week", "weekend")), None)
            if of is None:
                return [(span, timex)]
            whole = span.doc[of.i + 1:span.end]
            # the week's Thursday (the weekend's Saturday) lies in the month or year it is
            # counted in
            thursday = dt.date.fromisocalendar(int(timex.value[:4]), int(timex.value[6:8]),
                                               6 if timex.value.endswith("WE") else 4)
            if re.fullmatch(r"(?:1[5-9]|20)\d\d", whole.text):
                value = str(thursday.year)
            elif self.resolver.re_month.fullmatch(canonical(whole.text)):
                value = f"{thursday.year:04d}-{thursday.month:02d}"
            else:
                return [(span, timex)]
            return [(span.doc[span.start:of.i], timex),
                    (whole, Timex("DATE", value, timex.anchor))]
        if timex.type != "TIME" or "T" not in timex.value:
            return [(span, timex)]
        for token in span[1:-1]:
            if token.lower_ not in ("on", "at", "of"):
                continue  # "5 p.m. on April 13", "midnight of 31 December"
            left, right = span.doc[span.start:token.i], span.doc[token.i + 1:span.end]
            if self.resolver._clock(canonical(left.text)):
                clock, day = left, right
            elif self.resolver._clock(canonical(right.text)):
                clock, day = right, left
            else:
                return [(span, timex)]
            date, suffix = timex.value.split("T")[0], self.resolver._time_suffix(canonical(
                day.text))
            day_timex = Timex("TIME" if suffix else "DATE", date + suffix, timex.anchor)
            return sorted([(clock, timex), (day, day_timex)], key=lambda part: part[0].start)
        return [(span, timex)]

    def _day_ranges(self, doc: Doc, mentions: list[DateMention],
                    published: dt.date | None) -> list[DateMention]:
        """ "5-7 June 2015", "June 5-7", "September 14 and 18, 2010": the end written without
        its month is a day of that month, and a year written at either end is both ends' year."""
        text = doc_text(doc)
        added = False
        for match in self.re_day_range.finditer(text):
            if match.group("d1"):
                # "Saturday 25 and Sunday 26 February": the start's weekday goes with its day
                bare = (match.start("wd1") if match.group("wd1") else match.start("d1"),
                        match.end("d1"))
                full = (match.start("d2"), match.end())
                year_text = match.group("y")
            else:
                bare, full = (match.start("e2"), match.end()), (match.start("mo2"), match.end("e1"))
                year_text = (match.group("y2") or "").strip(" ,") or None
                second = doc.char_span(match.start("e2"), match.end("e2"),
                                       alignment_mode="expand")
                if second is not None and len(second) and second.end < len(doc) and \
                        doc[second.end].pos_ in ("NOUN", "PROPN") and not year_text:
                    continue  # "on March 3 and 12 people died": a count, not a day
            month_end = self._range_end(doc, mentions, full, published)
            if month_end is None:
                continue
            mention, is_new = month_end
            if year_text and mention.value[:4] != year_text:
                mention.value, mention.anchor = year_text + mention.value[4:], "absolute"
            number = int(re.search(r"\d+", text[bare[0]:bare[1]]).group())
            try:
                day = dt.date(int(mention.value[:4]), int(mention.value[5:7]), number)
            except ValueError:
                continue
            first, second = (number, int(mention.value[8:10])) if match.group("d1") else (
                int(mention.value[8:10]), number)
            if first >= second:
                continue  # a range runs forward: "5-7", not "7-5"
            if not _set_range_start(mentions, text, bare, "DATE", day.isoformat(),
                                    mention.anchor, r"\d{4}-\d\d-\d\d"):
                continue
            added = True
            if is_new:
                mentions.append(mention)
        if added:
            _renumber(mentions)
        return mentions

    def _clock_ranges(self, doc: Doc, mentions: list[DateMention],
                      published: dt.date | None) -> list[DateMention]:
        """ "7-9pm", "10am-4pm", "10pm to 6am": both ends are times of one day (the end's),
        the start taking the end's am or pm when it has none; a range that passes midnight
        ends the next day."""
        text = doc_text(doc)
        added = False
        for match in itertools.chain(self.re_clock_range.finditer(text),
                                     filter(_is_24_hour_range, itertools.chain(
                                         self.re_clock_range_24.finditer(text),
                                         self.re_clock_range_dots.finditer(text)))):
            twelve_hour = "ap2" in match.re.groupindex
            end_at = (match.start("h2"), match.end("ap2") if twelve_hour else match.end("m2"))
            found = _overlapping(mentions, *end_at)
            if found is None:
                span = doc.char_span(*end_at, alignment_mode="expand")
                timex = self.resolver.resolve(
                    text[end_at[0]:end_at[1]].replace(".", ":") if
                    match.re is self.re_clock_range_dots else text[end_at[0]:end_at[1]],
                    published, self.tense(span) if span is not None else None)
                if timex is None or not timex.value:
                    continue
                start = doc.char_span(match.start(), match.end("h1"), alignment_mode="expand")
                named = _named_in_context(doc, mentions, start[0], r"\d{4}-\d\d-\d\d(?:T.+)?",
                                          sentences=1) if start is not None else None
                if named and re.match(r"\d{4}-\d\d-\d\dT", timex.value):
                    # "on 17 April from 13.00-14.00": the day named before in the sentence
                    timex = Timex(timex.type, named[:10] + timex.value[10:], timex.anchor,
                                  dt.date.fromisoformat(named[:10]))
                if span is not None:
                    timex = self._undated_clock(span, timex)
                found = _added_mention(text, *end_at, timex)
                mentions.append(found)
                added = True
            if not found.value or not re.fullmatch(r"(?:\d{4}-\d\d-\d\d|XXXX-XX-XX)T\d\d:\d\d",
                                                    found.value):
                continue
            start_clock = self._start_clock(match) if twelve_hour else \
                f"{int(match.group('h1')):02d}:{match.group('m1')}"
            if start_clock is None:
                continue
            day = found.value[:10]
            if (not twelve_hour or match.group("ap1")) and start_clock > found.value[11:] and \
                    self.resolver.re_clock.match(canonical(found.text)) and day[0] != "X":
                # "10pm to 6am": the end is the next morning
                next_day = dt.date.fromisoformat(day) + dt.timedelta(days=1)
                found.value = next_day.isoformat() + found.value[10:]
            start_end = match.end("ap1") if twelve_hour and match.group("ap1") else \
                match.end("m1") if match.group("m1") else match.end("h1")
            added |= _set_range_start(mentions, text, (match.start(), start_end), "TIME",
                                      f"{day}T{start_clock}", found.anchor, r".*T.*")
        if added:
            _renumber(mentions)
        return mentions

    @staticmethod
    def _start_clock(match: re.Match) -> str | None:
        """The start of a clock range as HH:MM: "7" in "7-9pm" is 19:00, "11" in "11-1pm" 11:00."""
        hour, minute = int(match.group("h1")), int(match.group("m1") or 0)
        end_hour = int(match.group("h2")) % 12
        meridiem = (match.group("ap1") or match.group("ap2")).lower().replace(".", "")
        if hour > 12 or minute > 59 or int(match.group("h2")) > 12:
            return None
        if not match.group("ap1") and hour % 12 > end_hour:
            meridiem = "am" if meridiem == "pm" else "pm"  # "11-1pm" starts before noon
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
        return f"{hour:02d}:{minute:02d}"

    def _range_end(self, doc: Doc, mentions: list[DateMention], where: tuple[int, int],
                   published: dt.date | None) -> tuple[DateMention, bool] | None:
        """The mention of the end of a day range that names the month, with whether it is
        new: found among the mentions, else read here ("14–16 March": one token the base
        model and the patterns miss)."""
        start, end = where
        found = _overlapping(mentions, start, end)
        if found is not None:
            ok = found.value and re.fullmatch(r"\d{4}-\d\d-\d\d", found.value)
            return (found, False) if ok else None
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        text = doc_text(doc)[start:end]
        timex = self.resolver.resolve(text, published, self.tense(span))
        if timex is None or not timex.value or not re.fullmatch(r"\d{4}-\d\d-\d\d",
                                                                 timex.value):
            return None
        return DateMention(id="", text=text, start=start, end=end, type="DATE",
                           value=timex.value, anchor=timex.anchor), True

    def _range_years(self, doc: Doc, mentions: list[DateMention]) -> list[DateMention]:
        """ "between January and March 2010": the year written at the end of a range is the
        year of its start too; "April to September" never ends before it starts."""
        text = None  # Doc.text joins every token anew: only read when a pair may need it
        for left, right in zip(mentions, mentions[1:], strict=False):
            if left.anchor != "published" or not (left.value and right.value):
                continue
            days_backwards = right.anchor == "published" and left.value > right.value and \
                re.fullmatch(r"\d{4}-\d\d-\d\d", left.value) and \
                re.fullmatch(r"\d{4}-\d\d-\d\d", right.value)  # two days, the end first
            if right.anchor != "absolute" and not (
                    right.anchor == "published" and left.value[:4] > right.value[:4]
                    and len(left.value) == len(right.value) == 7) and not (  # two months
                    "T" in left.value and left.value[:10] != right.value[:10]) and \
                    not days_backwards:
                continue
            if text is None:
                text = doc_text(doc)
            gap = text[left.end:right.start].strip().lower()
            if gap not in ("and", "to", "until", "-", "–", "till", "through"):
                continue
            if days_backwards:
                if gap == "and" or not (self.resolver.re_month.search(canonical(left.text))
                                        and self.resolver.re_month.search(canonical(right.text))):
                    continue  # "made Friday and Thursday" is a list, not a range
                # "from 1st September to 31st August": the end is in the year after the start
                right.value = f"{int(left.value[:4]) + (left.value[5:] > right.value[5:]):04d}" \
                    + right.value[4:]
            elif re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", left.value) and \
                    re.match(r"\d{4}-\d\d", right.value) and left.value[5:] <= right.value[5:]:
                left.value = right.value[:4] + left.value[4:]
                left.anchor = right.anchor
            elif re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d", left.value) and re.fullmatch(
                    r"\d{4}-\d\d-\d\dT\d\d:\d\d", right.value) and \
                    self.resolver.re_clock.match(canonical(left.text)) and \
                    left.value[11:] <= right.value[11:]:  # not "10pm to 6am": past midnight
                # "from 17:30 to 19:00 on Tuesday 27th November": the clock takes that day
                left.value = right.value[:10] + left.value[10:]
                left.anchor = right.anchor
        return mentions


def _year_holding(recent_periods: list[tuple[int, int, str]], sent_index: int,
                  month: int) -> str | None:
    """The year of the latest period named in the sentence (a year, a quarter, a half) that
    holds the month."""
    for index, _, value in reversed(recent_periods):
        if index != sent_index:
            return None
        part = value[5:]
        if not part or part == f"Q{(month - 1) // 3 + 1}" or part == f"H{(month - 1) // 6 + 1}":
            return value[:4]
    return None


def _closing_word(span: Span, skip_in: bool = False) -> int | None:
    """Where the "to", "ended" or "ending" that makes the span the end of a period stands
    ("the three months to September", with `skip_in` "the year ending in June")."""
    doc = span.doc
    start = span.start - (skip_in and span.start > 0 and doc[span.start - 1].lower_ == "in")
    if start < 1 or doc[start - 1].lower_ not in ("to", "ended", "ending"):
        return None
    return start - 1


def _closes_a_year(span: Span, period: str) -> bool:
    """ "the year to March", "the 12 months ending in June": the month ends a year, and what
    is compared with it ("lower than the previous year") is a year too."""
    doc = span.doc
    if not re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", period):
        return False
    word = _closing_word(span, skip_in=True)
    return word is not None and (word >= 1 and doc[word - 1].lower_ == "year" or word >= 2 and
                                 doc[word - 2:word].text.lower() in ("12 months", "twelve months"))


def _quarter_ended(span: Span, timex: Timex) -> str | None:
    """The calendar quarter that "the three months to September" names by its last month, for
    a "previous quarter" that follows ("the quarter ended Sept. 30" has named its own, maybe a
    fiscal one)."""
    doc = span.doc
    year = re.fullmatch(r"\d{4}", timex.value or "")
    if year and span.start >= 4 and doc[span.start - 1].lower_ == "of":
        # "the last three months of 2004": its fourth quarter
        words = doc[span.start - 4:span.start - 1].text.lower()
        if words in ("last three months", "final three months", "first three months"):
            return f"{year.group()}-Q{1 if words.startswith('first') else 4}"
        if words in ("last six months", "final six months", "first six months"):
            return f"{year.group()}-H{1 if words.startswith('first') else 2}"
    month = re.fullmatch(r"(\d{4})-(03|06|09|12)(?:-\d\d)?", timex.value or "")
    word = _closing_word(span)
    if not month or word is None or word < 2:
        return None
    before = doc[word - 2:word].text.lower()
    if before in ("six months", "6 months") and month.group(2) in ("06", "12"):
        return f"{month.group(1)}-H{int(month.group(2)) // 6}"  # "the six months to December"
    if before not in ("three months", "3 months"):
        return None
    return f"{month.group(1)}-Q{int(month.group(2)) // 3}"


def _glossed_days(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """ "Coming up tomorrow (Saturday 25 February)": a day the writer glosses with its date in
    brackets is that date, whatever day the article came out."""
    for first, second in zip(mentions, mentions[1:], strict=False):
        if first.anchor == "published" and second.value and \
                re.fullmatch(r"\d{4}-\d\d-\d\d", second.value) and \
                re.fullmatch(r"\s*\(\s*", text[first.end:second.start]) and \
                text[second.end:second.end + 1] == ")" and first.value and \
                re.fullmatch(r"\d{4}-\d\d-\d\d", first.value[:10]):
            first.value = second.value + first.value[10:]
    return mentions


def _is_24_hour_range(match: re.Match) -> bool:
    return any(match.group(h).startswith("0") or int(match.group(h)) > 12 for h in ("h1", "h2"))


_BARE_CLOCK = re.compile(r"[\d:.]+\s*(?:[ap]\.?m\.?)?\s*(?:GMT|BST|UTC|EST|EDT|ET)?", re.IGNORECASE)


def _clock_days(doc: Doc, mentions: list[DateMention]) -> list[DateMention]:
    """ "trading at $51.39 at 0710 GMT in Asian electronic trade on Wednesday": a clock time
    whose day comes later in the same phrase (no verb or punctuation between) is on that day,
    not on the day named before it; so is the same time given in another zone in brackets
    ("landed at 10:30 a.m. EST (1530 UTC) on Tuesday")."""
    text = doc_text(doc)
    for index, clock in enumerate(mentions):
        if not (clock.type == "TIME" and clock.anchor == "published" and clock.value and
                _BARE_CLOCK.fullmatch(clock.text)):
            continue
        bracketed = []
        following = mentions[index + 1:]
        while following and following[0].type == "TIME" and _BARE_CLOCK.fullmatch(
                following[0].text) and text[clock.end:following[0].start].strip() == "(":
            bracketed.append(following.pop(0))
        day = following[0] if following else None
        if not (day and day.value and re.fullmatch(r"\d{4}-\d\d-\d\d", day.value) and
                day.value != clock.value[:10]):
            continue
        start = bracketed[-1].end if bracketed else clock.end
        if bracketed:
            if not text[start:day.start].lstrip().startswith(")"):
                continue
            start = text.index(")", start) + 1
        between = doc.char_span(start, day.start, alignment_mode="expand")
        if between is None or len(between) > 8 or any(
                token.pos_ in ("VERB", "AUX") or token.is_punct or token.is_sent_start
                for token in between):
            continue
        for moment in (clock, *bracketed):
            moment.value = day.value + moment.value[10:]
    return mentions


def _overlapping(mentions: list[DateMention], start: int, end: int) -> DateMention | None:
    """The first mention that shares a character with text[start:end], if any."""
    return next((m for m in mentions if m.start < end and start < m.end), None)


def _set_range_start(mentions: list[DateMention], text: str, where: tuple[int, int], kind: str,
                     value: str, anchor: str | None, mendable: str) -> bool:
    """The start of a range gets the value its end implies: a mention already there is mended
    (if its value has the `mendable` shape), else a new one is added. True when added."""
    other = _overlapping(mentions, *where)
    if other is not None:
        if other.value and re.fullmatch(mendable, other.value):
            other.value, other.anchor = value, anchor
            if where[0] <= other.start and other.end <= where[1]:  # "Saturday" of "Saturday 25"
                other.start, other.end, other.text = where[0], where[1], text[where[0]:where[1]]
        return False
    mentions.append(_added_mention(text, *where, Timex(kind, value, anchor)))
    return True


def _short_year_ranges(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """ "the EU budget for 2007-13", "Imperial's 2015-16 accounts": TIMEX3 marks each end of a
    range of years, the short end in its start's century (the records keep one year, the
    first)."""
    changed = False
    for match in _SHORT_YEAR_RANGE.finditer(text):
        first, end = int(match.group("first")), int(match.group("end"))
        base = 10 ** len(match.group("end"))  # "2005-06" in its century, "2005-6" its decade
        if not 0 < end - first % base <= 20:
            continue  # "1990-91" is a range; "2012-05" is a month, "2010-08" could be either
        inside = [m for m in mentions if m.start < match.end() and match.start() < m.end]
        if any(not (m.value or "").startswith(match.group("first")) for m in inside):
            continue  # read as something else
        for mention in inside:
            mentions.remove(mention)
        anchor = "absolute"
        mentions.append(_added_mention(text, *match.span("first"),
                                       Timex("DATE", match.group("first"), anchor)))
        mentions.append(_added_mention(text, *match.span("end"),
                                       Timex("DATE", f"{first // base * base + end:04d}", anchor)))
        changed = True
    if changed:
        _renumber(mentions)
    return mentions


_SEASON_WORD = re.compile(r"\b(?:spring|summer|autumn|fall|winter)\b")
# "five trading days": days of a kind that are still counted as time
_COUNTED_DAYS = {"trading", "working", "business", "school", "sitting", "calendar"}
_EARLIER_IN = re.compile(r"\b(?:[Ee]arlier|[Ll]ater) in ")


def _earlier_in(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """ "earlier in 2004", "later in January", "later in the summer": TIMEX3 takes the words
    into the extent of the date they place a time within (as "later in the year"), and
    "earlier" is then no time of its own."""
    for mention in list(mentions):
        match = _EARLIER_IN.search(text, max(0, mention.start - 12), mention.start)
        if match is None or match.end() != mention.start or mention.type != "DATE" or \
                not re.match(r"\d{4}", mention.value or ""):
            continue
        for other in [m for m in mentions if m is not mention and
                      m.start < mention.start and match.start() < m.end]:
            mentions.remove(other)  # "earlier" read as PAST_REF
        mention.start, mention.text = match.start(), text[match.start():mention.end]
    _renumber(mentions)
    return mentions


def _added_mention(text: str, start: int, end: int, timex: Timex) -> DateMention:
    """A mention a later pass adds (numbered by `_renumber` once the pass is done)."""
    return DateMention(id="", text=text[start:end], start=start, end=end, type=timex.type,
                       value=timex.value, anchor=timex.anchor)


# a live report's time stamps, a 24-hour clock opening its lines: "1850: Members are debating"
_LIVE_STAMP = re.compile(r"^(?:[01]\d|2[0-3])[0-5]\d(?=:\s)", re.MULTILINE)


def _live_stamps(text: str, stamps: list[re.Match], mentions: list[DateMention],
                 published: dt.date | None) -> list[DateMention]:
    """Lines stamped "1850:", "1904:" (two or more) are times of the day of publication, not
    years."""
    for match in stamps:
        start, end = match.span()
        mentions = [m for m in mentions if not (m.start < end and start < m.end)]
        value = f"{published.isoformat()}T{match.group()[:2]}:{match.group()[2:]}" \
            if published else None
        mentions.append(_added_mention(text, start, end, Timex(
            "TIME", value, "published" if published else None)))
    _renumber(mentions)
    return mentions


# a web address, bare or as a Markdown link's target: "[proposals](http://felixonline.co.uk/news/
# 1251/two-hour-lunchtime-could-be-abolished/)"
_LINK = re.compile(r"\]\([^)\s]*\)|(?:https?://|www\.)[^\s)\]]+")


def _outside_links(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """The mentions not inside a web address: words of a URL are no time ("/summer-ball/",
    "/2011-05-23-report.pdf")."""
    links = [match.span() for match in _LINK.finditer(text)]
    kept = [mention for mention in mentions
            if not any(start < mention.end and mention.start < end for start, end in links)]
    if len(kept) != len(mentions):
        _renumber(kept)
    return kept


# the parts of a time told in hours, minutes and seconds, as a race is won in ("two hours, 23
# minutes and 10 seconds", "14 minutes 32.93 seconds")
_CLOCK_DURATION_JOIN = re.compile(r"(?:hours?|minutes?|mins?)(?:,? and|,)? \S+ "
                                  r"(?:minutes?|mins?|seconds?|secs?)\b")
_CLOCK_PARTS = re.compile(r"PT(?:\d+(?:\.\d+)?[HMS])+")
_CLOCK_PART = re.compile(r"(\d+(?:\.\d+)?)([HMS])")


def _clock_durations(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """ "two hours, 23 minutes and 10 seconds", "one minute, 47.97 seconds": the parts of one
    length of time, each below the unit before it, are one DURATION (PT2H23M10S); not "three
    hours, and 20 minutes later" (a second time)."""
    joined: list[DateMention] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        previous = joined[-1] if joined else None
        parts = _CLOCK_PART.findall(mention.value) if mention.type == "DURATION" and \
            _CLOCK_PARTS.fullmatch(mention.value or "") else []
        if parts and previous is not None and previous.type == "DURATION" and \
                _CLOCK_PARTS.fullmatch(previous.value or "") and \
                re.fullmatch(r" and |, | ", text[previous.end:mention.start]) and \
                "HMS".index(parts[0][1]) > "HMS".index(previous.value[-1]) and \
                not re.match(r"\s*(?:later|earlier|ago|after|before)\b", text[mention.end:]):
            previous.value += "".join(f"{float(n):g}{unit}" for n, unit in parts)
            previous.end, previous.text = mention.end, text[previous.start:mention.end]
            continue
        joined.append(mention)
    if len(joined) < len(mentions):
        _renumber(joined)
    return joined


def _renumber(mentions: list[DateMention]) -> None:
    """Puts mentions added by a range pass in text order and numbers them d1, d2, ... again."""
    mentions.sort(key=lambda m: m.start)
    for index, mention in enumerate(mentions, 1):
        mention.id = f"d{index}"


def _from_context(match: re.Match, recent_dates: list[tuple[int, str]],
                  sent_index: int, past: bool = False) -> Timex | None:
    """ "the following year", "later that month", "the year before": counted from the latest
    date of the context (the same or the previous sentences) that is precise enough. Told in
    the past, a unit after one in context ("was nominated again the following year") cannot
    be counted from publication: the latest such date of the article so far, however far back."""
    unit = match.group("unit") or match.group("unit2") or match.group("unit3") or \
        match.group("unit4")
    word = match.group("rel") or match.group("dir") or ""
    step = 0 if match.group("that") or match.group("unit4") else \
        1 if word in ("following", "subsequent", "after") else -1
    need = {"year": 4, "month": 7, "week": 10, "weekend": 10}[unit]
    value = _context_date(recent_dates, sent_index, need)
    if value is None and past and step > 0:
        value = _context_date(recent_dates, sent_index, need, window=sent_index)
    if value is None:
        return None
    if unit == "weekend":  # the weekend after, before or of the day in context
        day = dt.date.fromisoformat(value)
        if step > 0:
            day = _weekday_on_or_after(day + dt.timedelta(days=1), 6)
        elif step < 0:
            day = _weekday_on_or_before(day - dt.timedelta(days=1), 7)
        return Timex("DATE", _iso_week(day) + "-WE", "published")
    named = dt.date.fromisoformat(value) if unit == "week" else dt.date(
        int(value[:4]), int(value[5:7]) if unit == "month" else 1, 1)
    return Timex("DATE", _period_from(named, unit, step), "published")


def _month_from_context(month: int, after: bool, value: str | None) -> Timex | None:
    """ "founded in 1998 and listed the following March": the first such month after the
    date in context (1999-03); "a failure the previous November", after "last year": the
    last one before it. A year named alone is passed as a whole."""
    if value is None:
        return None
    year = int(value[:4])
    named = int(value[5:7]) if len(value) >= 7 else None
    if after:
        year += 1 if named is None or month <= named else 0
    else:
        year -= 1 if named is None or month >= named else 0
    return Timex("DATE", f"{year:04d}-{month:02d}", "published")


def _headline_future(verb: Token, auxiliaries: set[str]) -> bool:
    """ "GM to close plants on Friday", "Apple to release iPhone in June": a headline's "to"
    and a verb, with no finite verb in the line, tells what is to come."""
    if verb.tag_ != "VB" or "to" not in auxiliaries:
        return False
    if not (verb.dep_ == "ROOT" or verb.dep_ in ("advcl", "acl", "relcl") and
            verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN")):
        return False
    return not any(token.tag_ in ("VBD", "VBZ", "VBP", "MD") for token in verb.sent)


def _past_passive_plan(head: Token) -> bool:
    """ "the works were set to take place", "the vote was scheduled for": a plan told in the
    past passive, which leaves its time to the nearest, as a plain "was due" does."""
    auxiliaries = {child.lower_ for child in head.children if child.dep_ in ("aux", "auxpass")}
    return head.tag_ == "VBN" and bool(auxiliaries & {"was", "were"}) and "had" not in auxiliaries


def _introduced_by(verb: Token, words: tuple[str, ...],
                   deps: tuple[str, ...] = ("mark", "advmod")) -> bool:
    """ "when testifying", "as Trump prepared", "if sales rose": the clause's subordinator."""
    return any(child.dep_ in deps and child.lower_ in words for child in verb.children)


def _copula_of(head: Token) -> Token:
    """The verb that tells a plan: "was" for "was due", the head itself for "expected"."""
    return head.head if head.pos_ == "ADJ" and head.dep_ == "acomp" else head


def _names_a_law(year: Span) -> bool:
    """ "the Security Act 2001", "the 1701 Act of Settlement": a year that dates a law."""
    doc = year.doc
    before = [token.text for token in doc[max(0, year.start - 2):year.start]]
    return before[-1:] == ["Act"] or before == ["Act", ","] or \
        doc[year.end:year.end + 1].text in ("Act", "Acts")


def _in_other_relative_clause(token: Token, span: Span) -> bool:
    """ "Mr Tsuda, who will become chairman, ... has struggled, losing customers in January":
    the token is in a relative clause that does not hold the span, so its tense is not the
    span's."""
    for ancestor in (token, *token.ancestors):
        if ancestor.dep_ == "relcl":
            return not ancestor.left_edge.i <= span.start < ancestor.right_edge.i + 1
    return False


def _told_as_past(verb: Token) -> bool:
    """A verb in the simple past, or an infinitive hung on one ("helped launch")."""
    return verb.tag_ == "VBD" or verb.tag_ == "VB" and verb.head.tag_ == "VBD"


def _verb_above(token, steps: int):
    """The verb (or auxiliary) governing a token, climbing at most `steps` heads; else the
    token reached (a root stays itself: spaCy's root is its own head)."""
    for _ in range(steps):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
    return token


def _previous_sentence_period(recent_periods: list[tuple[int, int, str]], sent_index: int,
                              shape: str) -> str | None:
    """The last period of the given shape named in the sentence before."""
    return next((value for index, _, value in reversed(recent_periods)
                 if index == sent_index - 1 and re.search(shape + "$", value)), None)


def _point_of_comparison(span: Span) -> bool:
    """ "up from Tuesday", "risen since its low on March 6": a day to measure from, not the day
    the story has moved to."""
    token = span.root
    for _ in range(3):
        if token.pos_ == "VERB" and token.dep_ == "acl" and token.tag_ == "VBN" and any(
                word.lower_ in _MARKS for word in (token.head, *token.head.children)):
            return True  # "the record level set on 10 November": a mark to measure against
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return False  # (spaCy makes a new Token per access: compare indices, not objects)
        if token.lower_ in ("in", "during") and token.head.lower_ in ("up", "down") and any(
                word.lower_ == "from" and word.i < token.i for word in token.head.children):
            return True  # "down from $1bn in the fourth quarter of 2003"
        token = token.head
        if token.lower_ in ("since", "from", "than") or token.lower_ == "with" and \
                token.head.lemma_ in ("compare", "comparison"):
            return True  # "compared with 1.4bn yuan in 2003"
    return False


def _aside(token: Token, span: Span) -> bool:
    """The token is in a clause or apposition that describes a noun the span is not in
    ("Aksoy, who joined in 2007, said profit in the third quarter...")."""
    for ancestor in token.ancestors:
        if ancestor.dep_ in ("relcl", "acl", "appos") and not (
                ancestor.left_edge.i <= span.start and span.end - 1 <= ancestor.right_edge.i):
            return True
    return False


def _sentence_period(recent_periods: list[tuple[int, int, str]], sent_index: int,
                     before: int, shape: str = "") -> str | None:
    """The last period named earlier in the same sentence (of the shape asked for, if any)."""
    for index, start, value in reversed(recent_periods):
        if index != sent_index:
            return None
        if start < before and re.search(shape + "$", value):
            return value
    return None


def _same_period_unit(match: re.Match) -> str:
    """The unit of a `_SAME_PERIOD` match, written before or after its year."""
    return match.group("unit") or match.group("unit2")


def _same_period_year(match: re.Match) -> str | None:
    """ "the same 2004 period", "the same period of 2004": the year, wherever it stands."""
    return match.group("year") or match.group("year2")


def _same_period(match: re.Match, recent_periods: list[tuple[int, int, str]], sent_index: int,
                 before: int, published: dt.date | None) -> Timex:
    """ "the same quarter last year": the quarter the sentence (or the one before it) spoke of,
    in the year before it; "the same period of 2007": in 2007."""
    shape = _UNIT_SHAPES[_same_period_unit(match)]
    period = _sentence_period(recent_periods, sent_index, before, shape)
    if period is None and _sentence_period(recent_periods, sent_index, before) is None:
        # (a whole year named in the sentence is the period: "the first eleven months of
        # 2004 ... higher than the same period in 2003", not a month named before it)
        period = _previous_sentence_period(recent_periods, sent_index, shape)
    year = _same_period_year(match)  # "the same 2004 period"
    if year:
        return Timex("DATE", year + (period[4:] if period else ""), "absolute")
    if published is None:
        return Timex("DATE", None, None)
    if match.group("this"):  # "from 44 per cent in the first quarter of 2008 to 31 per cent
        # in the same period this year"
        return Timex("DATE", f"{published.year:04d}{period[4:] if period else ''}", "published")
    year = int(period[:4]) if period else published.year
    return Timex("DATE", f"{year - 1:04d}{period[4:] if period else ''}", "published")


def _context_date(recent_dates: list[tuple[int, str]], sent_index: int,
                  need: int = 4, window: int = CONTEXT_SENTENCES) -> str | None:
    """The latest date named in the context (the same or the `window` previous sentences)
    written to at least `need` characters: 4 a year, 7 a month, 10 a day."""
    for index, value in reversed(recent_dates):
        if sent_index - index > window:
            return None
        if len(value) >= need:
            return value
    return None


def _prose(sentence: Span) -> bool:
    """Mostly lower-case words: a capital inside it marks a name (headlines capitalise all)."""
    words = [token for token in sentence if token.is_alpha and len(token) > 3]
    return sum(token.is_lower for token in words) * 2 > len(words)


def _digits_kind(shape: str) -> str:
    """"" for a shape without digits; "timex" for digits that can be a time expression on their
    own (a year "dddd", a clock, a numeric date, an ordinal "22nd"); "count" for a plain number
    ("3", "150", "2,000"), one only beside a unit, month or clock word, which opens a window
    itself: most numbers in news are counts."""
    if "d" not in shape:
        return ""
    return "timex" if shape == "dddd" or re.search(r"[^d,]", shape) else "count"


def _named_in_context(doc: Doc, mentions: list[DateMention], token: Token,
                      value: str, sentences: int = 3) -> str | None:
    """The value matching `value` named last before `token`, in its sentence or the ones before
    it (`sentences` in all)."""
    starts = [sent.start_char for sent in doc.sents if sent.start <= token.i]
    first = starts[-sentences] if len(starts) >= sentences else 0
    named = [m for m in mentions if m.value and re.fullmatch(value, m.value)
             and first <= m.start < token.idx]
    # (in the order of the text: a range pass appends the mentions it adds)
    return max(named, key=lambda m: m.start).value if named else None


def _a_days_length(words: Span) -> bool:
    """ "in one day", "delayed by one day", "the strike lasted one day", "had been in the job
    one day" (not "he was in office one day when the bank fell"): "one day" as a length."""
    doc = words.doc
    before = doc[words.start - 1] if words.start else None
    if before is None:
        return False
    if before.lower_ in ("in", "for", "within", "after", "than", "only", "just", "by") or \
            words.root.head.lemma_ in ("last", "take", "spend"):
        return True
    # the time spent in a post: "been in the job one day"
    return before.pos_ == "NOUN" and before.dep_ == "pobj" and before.head.lower_ == "in" and \
        before.head.head.lemma_ == "be" and doc[words.end:words.end + 1].text not in (
            "when", "while")


def _in_time_for(span: Span) -> bool:
    """ "in time for Christmas", "in time for the Christmas shopping season"."""
    doc, index = span.doc, span.start - 1
    while index >= 0 and doc[index].pos_ in ("DET", "ADJ", "PRON") and \
            doc[index].lower_ != "for":
        index -= 1
    return index >= 2 and doc[index - 2:index + 1].text.lower() == "in time for"


def _compound_heads(token: Token) -> list[Token]:
    """The nouns a modifier leads up to: "Christmas" -> "gift", "buying" in "Christmas gift
    buying"."""
    heads = [token.head]
    while heads[-1].dep_ == "compound" and heads[-1].head.i > heads[-1].i:
        heads.append(heads[-1].head)
    return heads


def _sentence_index(starts: list[int], token_index: int) -> int:
    low, high = 0, len(starts)
    while low + 1 < high:
        middle = (low + high) // 2
        if starts[middle] <= token_index:
            low = middle
        else:
            high = middle
    return low


@Language.factory("newsfacts_dates",
                  default_config={"vague_references": False, "timeml_extents": False})
def make_dates(nlp: Language, name: str, vague_references: bool, timeml_extents: bool):
    return DateExtractor(nlp, load_json_asset(PATTERNS_ASSET), vague_references, timeml_extents)
