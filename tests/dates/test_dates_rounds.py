"""Dates the eighteenth session's development rounds (realpn8, realtech8 in
benchmarks/timex_real/) showed the rules missing: years that date an event's edition, ...

Sentences of our own, written after those cases."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.dates.test_dates import by_text

MARCH = dt.date(2009, 3, 4)  # a Wednesday


@pytest.mark.parametrize(("text", "year"), [
    ("He spoke after giving the Institute of Physics 2008 Bragg Lecture.", "2008"),
    ("She judged the National Poetry 2008 awards last year.", "2008"),
    ("Rally teams met at the Northern Motorsport 2009 show in Leeds.", "2009"),
])
def test_a_year_in_the_name_of_a_yearly_event_dates_that_edition(nlp, text, year):
    assert by_text(nlp, text, MARCH)[year].value == year


@pytest.mark.parametrize("text", [
    "The office laptops still run Windows 2000.",
    "The office laptops still run Windows 2000 Professional.",
])
def test_a_year_in_a_product_name_is_no_date(nlp, text):
    assert "2000" not in by_text(nlp, text, MARCH)
