"""Coverage gaps: per outlet and period what was loaded, and where an outlet is missing."""

from __future__ import annotations

import pandas as pd

from analysis.gaps import NO_DATE, coverage_gaps


def articles(rows):
    return pd.DataFrame(rows, columns=["article_id", "outlet", "published", "duplicate_of",
                                       "analysed"])


def test_a_period_without_articles_from_an_outlet_that_usually_publishes_is_a_gap():
    table = coverage_gaps(articles([
        ["a", "A", "2024-01-05", "", True], ["b", "A", "2024-02-05", "", True],
        ["c", "A", "2024-04-05", "", True], ["d", "A", "2024-05-01", "", True],
        ["e", "B", "2024-03-01", "b", True], ["f", "", "", "", True],
        ["g", "C", "2024-01-02", "", False]]), period="month")
    rows = {(row.outlet, row.period): row for row in table.itertuples()}
    assert rows[("A", "2024-03")].gap and rows[("A", "2024-03")].loaded == 0
    assert not rows[("A", "2024-02")].gap
    assert (rows[("B", "2024-03")].folded, rows[("B", "2024-03")].counted) == (1, 0)
    assert rows[("C", "2024-01")].other_language == 1
    assert rows[("(no outlet named)", NO_DATE)].loaded == 1
    assert table.attrs["periods"] == ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05"]


def test_an_outlet_that_rarely_publishes_has_no_gaps():
    table = coverage_gaps(articles([
        ["a", "A", "2024-01-05", "", True], ["b", "A", "2024-06-05", "", True]]),
        period="month")
    assert not table["gap"].any()
