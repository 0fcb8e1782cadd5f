"""compare_figures: who reported which number for the same concept."""

from __future__ import annotations

import pandas as pd

from analysis.figures import (
    figures_frame,
)
from analysis.views import COMPARISON_COLUMNS, comparable, compare_figures


def _figure_row(article_id, start, surface, value, concept, unit="", rate_period=""):
    return {
        "article_id": article_id, "start": start, "end": start + len(surface),
        "surface": surface, "value": value, "unit": unit, "object": "migrant",
        "concept": concept, "rate_period": rate_period, "approximate": False, "bound": "",
        "qualifier": "", "source": "", "sentence": surface,
    }


def test_compare_figures_groups_by_concept_unit_rate_outlet_and_date():
    figures_table = pd.DataFrame([
        _figure_row("b1", 40, "30,000", 30000, "return", rate_period="month"),
        _figure_row("a1", 90, "35,000", 35000, "return", rate_period="month"),
        _figure_row("a1", 10, "30,000", 30000, "return", rate_period="month"),
        _figure_row("a2", 5, "$4 billion", 4e9, "aid", unit="USD"),
        _figure_row("a2", 50, "12", 12, ""),
        _figure_row("zz", 0, "7", 7, "return"),
    ])
    articles = pd.DataFrame({
        "article_id": ["a1", "a2", "b1"],
        "outlet": ["Reuters", "Reuters", "AP"],
        "published": ["2023-05-02", "2023-05-01", "2023-05-02"],
    })
    table = compare_figures(figures_table, articles)
    assert tuple(table.columns) == COMPARISON_COLUMNS
    assert table[["concept", "outlet", "published"]].values.tolist() == [
        ["aid", "Reuters", "2023-05-01"],
        ["return", "AP", "2023-05-02"],
        ["return", "Reuters", "2023-05-02"],
    ]
    reuters = table.iloc[2]
    assert (reuters.figures, reuters.articles, reuters.rate_period) == (2, 1, "month")
    assert (reuters.value_min, reuters.value_max) == (30000, 35000)
    assert reuters.surfaces == "30,000 | 35,000"
    assert table.iloc[0].unit == "USD"


def test_only_numbers_of_one_concept_unit_and_rate_given_by_two_outlets_are_comparable():
    figures_table = pd.DataFrame([
        _figure_row("a1", 0, "10,000", 10000, "crossing", rate_period="day"),
        _figure_row("b1", 0, "12,000", 12000, "crossing", rate_period="day"),
        _figure_row("b1", 20, "hundreds of thousands", 100000, "crossing"),
        _figure_row("a1", 40, "$4 billion", 4e9, "aid", unit="USD"),
        _figure_row("b1", 40, "4,000 tonnes", 4000, "aid", unit="t"),
    ])
    articles = pd.DataFrame({"article_id": ["a1", "b1"], "outlet": ["Reuters", "AP"],
                             "published": ["2023-05-02", "2023-05-03"]})
    table = comparable(compare_figures(figures_table, articles))
    assert table[["concept", "unit", "rate_period", "outlet"]].values.tolist() == [
        ["crossing", "", "day", "Reuters"], ["crossing", "", "day", "AP"]]


def test_compare_figures_of_nothing_is_empty_with_columns():
    table = compare_figures(figures_frame([]), pd.DataFrame(columns=["article_id", "outlet",
                                                                     "published"]))
    assert table.empty
    assert tuple(table.columns) == COMPARISON_COLUMNS
