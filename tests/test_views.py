"""What the report tables show: numbers an analyst reads without decoding."""

from __future__ import annotations

import pytest

from analysis import views
from analysis.params import validate_parameters
from analysis.views import plain_number
from analysis.workbook import build_report_data
from tests.conftest import SEEDS


@pytest.mark.parametrize(
    ("value", "written"),
    [(2.0, "2"), (8.8e9, "8,800,000,000"), (30000.0, "30,000"), (4.3, "4.3"),
     (1234.567, "1,234.57"), (0.0625, "0.0625"), (-1.5, "-1.5")],
)
def test_values_are_written_out_never_in_scientific_notation(value, written):
    assert plain_number(value) == written


@pytest.fixture(scope="module")
def seed_data(tmp_path_factory):
    folder = tmp_path_factory.mktemp("views")
    return build_report_data(validate_parameters(corpus=str(SEEDS), out_dir=str(folder)))


def test_attribution_rows_show_what_is_attributed_on_one_line(seed_data):
    rows = views.attribution_rows(seed_data, width=40)
    attributions = seed_data.tables.attributions
    assert len(rows) == attributions["citation"].sum() < len(attributions)
    assert {"content", "source_name", "rule"} <= set(rows.columns)
    assert rows["content"].str.len().max() <= 40
    assert not rows["content"].str.contains("\n").any()


def test_long_tables_list_the_first_rows_only(seed_data):
    assert len(views.attribution_rows(seed_data, limit=3)) == 3
    assert len(views.figure_rows(seed_data, limit=2)) == 2


def test_rows_run_from_the_oldest_article(seed_data):
    order = views.attribution_rows(seed_data)["article_id"].drop_duplicates().tolist()
    published = seed_data.tables.articles.set_index("article_id")["published"]
    assert published[order].is_monotonic_increasing


def test_every_attribution_is_listed_on_request_with_its_citation_flag(seed_data):
    rows = views.attribution_rows(seed_data, everything=True)
    assert len(rows) == len(seed_data.tables.attributions)
    assert set(rows["citation"]) == {True, False}


def test_who_is_cited_most_lists_names_with_kind_side_citations_and_articles(seed_data):
    table = views.top_sources(seed_data, top=3)
    assert len(table) == 3 and table.index.name == "source_name"
    assert list(table.columns) == ["kind", "side", "citations", "articles"]
    assert table["citations"].is_monotonic_decreasing
    per_outlet = views.top_sources(seed_data, per_outlet=True, top=2)
    assert per_outlet.index.name == "outlet"
    assert per_outlet.groupby(level=0).size().max() <= 2


def test_the_anonymous_share_per_outlet_reads_n_of_m(seed_data):
    table = views.anonymous_share(seed_data)
    for outlet, row in table.iterrows():
        assert row["anonymous share"] == f"{row['anonymous']} of {row['citations']}", outlet
    assert table["share"].is_monotonic_decreasing

