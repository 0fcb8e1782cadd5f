"""analysis.figures.rates: "a day", "per week", "every month"."""

from __future__ import annotations

import pytest

from tests.figures.helpers import figures, one_figure


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("Mexico will accept back 30,000 migrants every month.", "month"),
        ("Agents reported 10,000 irregular border crossings a day.", "day"),
        ("Officials expect 2,000 arrivals per day.", "day"),
        ("There is only one scheduled flight each week.", "week"),
        ("Mexico welcomed back a million migrants annually.", "year"),
        ("The US sent 2 million vaccine doses monthly.", "month"),
        ("Mexico returns 5,000 migrants a year.", "year"),
        ("Mexico returned 5,000 migrants this year.", ""),
        ("Mexico returned 5,000 migrants a year ago.", ""),
    ],
)
def test_rate_periods(nlp, text, rate):
    assert one_figure(nlp, text).rate_period == rate


def test_a_rate_stays_with_its_own_conjunct(nlp):
    rent, dogs = figures(nlp, "She pays a $1200 a month rent and keeps three dogs at home.")
    assert (rent.value, rent.rate_period) == (1200, "month")
    assert (dogs.value, dogs.object, dogs.rate_period) == (3, "dog", "")


def test_a_period_after_every_is_a_figure_and_no_rate(nlp):
    figure = one_figure(nlp, "The comet returns every 76 years.")
    assert figure.value == 76
    assert (figure.unit, figure.rate_period) == ("year", "")
    figure = one_figure(nlp, "Buses leave every 3 days.")
    assert (figure.unit, figure.rate_period) == ("day", "")
    assert figures(nlp, "The comet returns every few years.") == []


def test_a_rate_after_a_conversion_in_brackets(nlp):
    found = figures(nlp, "The state pays 9 billion pesos ($450 million) a year to the program.")
    assert (found[0].unit, found[0].rate_period) == ("MXN", "year")
