"""Outlets disagree only about numbers of the same moment: published within days."""

from __future__ import annotations

import pandas as pd

from analysis.comparisons import compare_figures, disagreements


def figures_of(rows):
    articles = pd.DataFrame([(article_id, outlet, published)
                             for article_id, outlet, published, _ in rows],
                            columns=["article_id", "outlet", "published"])
    figures = pd.DataFrame([(article_id, 0, f"{value:,}", value, "", "refugee", "")
                            for article_id, _, _, value in rows],
                           columns=["article_id", "start", "surface", "value", "unit",
                                    "concept", "rate_period"])
    return compare_figures(figures, articles)


def test_numbers_two_outlets_gave_the_same_week_are_set_side_by_side():
    table = disagreements(figures_of([("a", "AP", "2016-09-01", 10_000),
                                      ("b", "Reuters", "2016-09-03", 250_000)]))
    (row,) = table.itertuples()
    assert (row.low_outlet, row.low_date, row.low, row.high_outlet, row.high_date, row.high) == (
        "AP", "2016-09-01", 10_000, "Reuters", "2016-09-03", 250_000)
    assert row.ratio == 25.0


def test_numbers_months_apart_or_undated_are_not_a_disagreement():
    apart = figures_of([("a", "AP", "2016-01-01", 10_000), ("b", "Reuters", "2016-06-01", 250_000)])
    undated = figures_of([("a", "AP", "", 10_000), ("b", "Reuters", "", 250_000)])
    assert disagreements(apart).empty and disagreements(undated).empty


def test_the_widest_gap_of_the_same_week_is_the_one_named():
    table = disagreements(figures_of([("a", "AP", "2016-01-01", 10_000),
                                      ("b", "Reuters", "2016-01-02", 12_000),
                                      ("c", "Reuters", "2016-03-01", 900_000),
                                      ("d", "AFP", "2016-03-03", 30_000)]))
    (row,) = table.itertuples()
    assert (row.low_outlet, row.high_outlet, row.ratio) == ("AFP", "Reuters", 30.0)
