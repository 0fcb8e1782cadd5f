"""analysis.figures.claims: ranges, changes and qualifiers."""

from __future__ import annotations

import pytest

from tests.figures.helpers import figures, one_figure


@pytest.mark.parametrize(
    ("text", "qualifier", "approximate", "bound"),
    [
        ("Around 10,000 migrants crossed.", "Around", True, ""),
        ("About 2,000 people were detained.", "About", True, ""),
        ("Nearly 500 children arrived.", "Nearly", True, ""),
        ("Some 300 families waited.", "Some", True, ""),
        ("Roughly 40 buses left.", "Roughly", True, ""),
        ("Almost 900 migrants were returned.", "Almost", True, ""),
        ("Approximately 70 flights landed.", "Approximately", True, ""),
        ("Mexico welcomed back over a million migrants.", "over", False, "lower"),
        ("More than 3,000 migrants crossed.", "More than", False, "lower"),
        ("At least 20 people died.", "At least", False, "lower"),
        ("Up to 5,000 migrants may be returned.", "Up to", False, "upper"),
        ("Less than 10% of claims succeed.", "Less than", False, "upper"),
        ("Fewer than 40 beds were free.", "Fewer than", False, "upper"),
        ("Under 600 migrants were flown out.", "Under", False, "upper"),
        ("At most 90 agents were sent.", "At most", False, "upper"),
        ("Mexico deported 500 migrants.", "", False, ""),
    ],
)
def test_qualifiers(nlp, text, qualifier, approximate, bound):
    figure = one_figure(nlp, text)
    assert (figure.qualifier, figure.approximate, figure.bound) == (qualifier, approximate, bound)
    assert figure.surface.startswith(qualifier)


def test_between_range_gives_two_rows(nlp):
    low, high = figures(nlp, "Between 2,000 and 3,000 migrants cross every day.")
    assert (low.surface, low.value, low.bound) == ("2,000", 2000, "lower")
    assert (high.surface, high.value, high.bound) == ("3,000", 3000, "upper")
    assert low.object == high.object == "migrant"
    assert low.rate_period == high.rate_period == "day"
    assert low.qualifier == "Between"


def test_hyphen_range_shares_the_unit(nlp):
    low, high = figures(nlp, "Prices rose 10-15% in the border towns.")
    assert (low.value, low.unit, low.bound) == (10, "percent", "lower")
    assert (high.value, high.unit, high.bound) == (15, "percent", "upper")


def test_range_shares_the_multiplier(nlp):
    low, high = figures(nlp, "The plan costs between $2 and $3 billion.")
    assert (low.value, high.value) == (2e9, 3e9)
    assert low.unit == high.unit == "USD"


def test_a_change_in_a_different_unit_is_not_a_range(nlp):
    percent, price = figures(nlp, "Fees rose 10% to 3,000 pesos.")
    assert (percent.value, percent.unit, percent.bound) == (10, "percent", "")
    assert (price.value, price.unit, price.bound) == (3000, "MXN", "")


def test_from_to_is_a_change_not_a_range(nlp):
    before, after = figures(nlp, "Apprehensions rose from 2,000 to 3,000 per week.")
    assert (before.value, after.value) == (2000, 3000)
    assert before.bound == after.bound == ""
    assert before.object == "apprehension"


def test_ranges_share_a_glued_unit(nlp):
    low, high = figures(nlp, "They used a 5-10W lamp.")
    assert (low.value, high.value, low.unit, high.unit) == (5, 10, "W", "W")


def test_a_range_keeps_its_own_multipliers(nlp):
    low, high = figures(nlp, "Awards ranged from $500 to $3 million.")
    assert (low.value, high.value) == (500, 3e6)


def test_a_glued_tilde_makes_a_range_approximate(nlp):
    low, high = figures(nlp, "Bake it for ~25 – 40min at most.")
    assert (low.value, high.value, low.unit, high.unit) == (25, 40, "minute", "minute")
    assert low.approximate and high.approximate


def test_a_change_by_a_close_range_is_a_range(nlp):
    low, high = figures(nlp, "Prices rose by 2 to 2.5 percent.")
    assert (low.value, high.value, low.unit) == (2, 2.5, "percent")
    assert (low.bound, high.bound) == ("lower", "upper")
    change, level = figures(nlp, "Sales rose by 500 to 3,000.")
    assert (change.bound, level.bound) == ("", "")


def test_a_change_written_with_one_unit_gives_it_to_both_ends(nlp):
    start, end = figures(nlp, "Economy rose from 22 mpg to 31 for vans.")
    assert (start.value, start.unit, end.value, end.unit) == (22, "mpg", 31, "mpg")


def test_a_denominator_written_on_one_end_of_a_change_holds_for_both(nlp):
    start, end = figures(nlp, "Diesel fell from $4 per gallon to $3.20 in May.")
    assert (start.unit, end.unit) == ("USD per gal", "USD per gal")
    low, high = figures(nlp, "Prices rose from $3 to $4 per gallon.")
    assert (low.unit, high.unit) == ("USD per gal", "USD per gal")
