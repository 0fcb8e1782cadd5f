"""Key findings compare a concept's numbers within the unit and rate most articles use."""

from __future__ import annotations

import pandas as pd

from analysis.findings import _most_frequent_unit_and_rate


def figures(*rows: tuple[str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["article_id", "unit", "rate_period"])


def test_the_unit_and_rate_of_most_articles_wins_over_most_figures():
    rows = figures(("a", "", "day"), ("a", "", "day"), ("a", "", "day"),
                   ("b", "", "month"), ("c", "", "month"))
    assert _most_frequent_unit_and_rate(rows) == ("", "month")


def test_figures_break_a_tie_of_articles_and_names_break_a_tie_of_both():
    assert _most_frequent_unit_and_rate(figures(
        ("a", "USD", ""), ("b", "USD", ""), ("b", "USD", ""), ("c", "EUR", ""))) == ("USD", "")
    assert _most_frequent_unit_and_rate(figures(("a", "", "year"), ("a", "", "month"))) == (
        "", "month")
