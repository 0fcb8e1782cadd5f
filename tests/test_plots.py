"""Charts stay readable from 5 to 50 outlets and draw what the tables hold."""

from __future__ import annotations

import html

import pandas as pd
import pytest
from matplotlib.colors import to_hex

from analysis import plots

TERMS = ["asylum", "border", "Title 42"]


def trends_for(outlets: int, periods: tuple[str, ...] = ("2021-01", "2021-02", "2021-03")
               ) -> pd.DataFrame:
    rows = []
    for number in range(outlets):
        for position, period in enumerate(periods):
            empty = position == 1  # every outlet is silent in the middle period
            for rank, term in enumerate(TERMS):
                rows.append({"period": period, "outlet": f"Outlet {number:02d}", "term": term,
                             "count": 0 if empty else (number + 1) * (len(TERMS) - rank),
                             "articles": 0 if empty else 2,
                             "words": 0 if empty else 1000 + number})
    frame = pd.DataFrame(rows)
    frame["per_1k_words"] = (1000 * frame["count"] / frame["words"].where(frame["words"] > 0)
                             ).fillna(0.0)
    return frame


def visible_axes(figure) -> list:
    return [axes for axes in figure.axes if axes.get_visible() and axes.get_label() != "<colorbar>"]


def test_small_outlets_share_one_group_named_with_their_number():
    grouped = plots.group_small_outlets(trends_for(50), top=8)
    assert grouped["outlet"].nunique() == 9
    assert "other outlets (42)" in set(grouped["outlet"])
    assert "Outlet 49" in set(grouped["outlet"])  # most words, kept
    assert grouped["count"].sum() == trends_for(50)["count"].sum()


def test_few_outlets_are_not_grouped():
    assert plots.group_small_outlets(trends_for(5), top=8)["outlet"].nunique() == 5


@pytest.mark.parametrize(("outlets", "panels"), [(5, 5), (50, 9)])
def test_small_multiples_have_one_panel_per_outlet_up_to_the_limit(outlets, panels):
    figure = plots.plot_term_trends_by_outlet(trends_for(outlets), top_outlets=8)
    shown = visible_axes(figure)
    assert len(shown) == panels
    assert shown[-1].get_title() == ("other outlets (42)" if outlets == 50 else "Outlet 04")


def test_trend_lines_draw_zero_for_a_period_without_articles():
    figure = plots.plot_term_trends(trends_for(5))
    (axes,) = figure.axes
    for line in axes.get_lines():
        assert list(line.get_ydata())[1] == 0.0
    assert len(axes.patches) == 1  # the grey band over the empty period


def test_heatmap_rows_are_outlets_and_cells_are_pooled_rates():
    figure = plots.plot_term_heatmap(trends_for(50), top_outlets=12)
    axes = figure.axes[0]
    assert len(axes.get_yticklabels()) == 13
    assert [label.get_text() for label in axes.get_xticklabels()] == TERMS
    image = axes.get_images()[0].get_array()
    assert image.shape == (13, 3)


def test_distinctive_chart_has_a_panel_per_group():
    distinctive = pd.DataFrame([
        {"comparison": "outlet", "group": group, "term": term, "count": 5, "rest_count": 1,
         "log_odds": 1.0, "z_score": score}
        for group in ("A", "B") for term, score in (("wall", 3.0), ("visa", 2.0))])
    figure = plots.plot_distinctive_terms(distinctive, comparison="outlet")
    shown = visible_axes(figure)
    assert [axes.get_title() for axes in shown] == ["A", "B"]
    assert [label.get_text() for label in shown[0].get_yticklabels()] == ["visa", "wall"]


def test_distinctive_chart_draws_nine_groups_and_names_how_many_more():
    distinctive = pd.DataFrame([
        {"comparison": "outlet", "group": f"Outlet {number:02d}", "term": "wall", "count": 5,
         "rest_count": 1, "log_odds": 1.0, "z_score": 3.0} for number in range(11)])
    figure = plots.plot_distinctive_terms(distinctive, comparison="outlet")
    assert len(visible_axes(figure)) == 9
    assert "2 more outlets are in the table" in figure.caption


@pytest.mark.parametrize("plot", [plots.plot_term_trends, plots.plot_term_trends_by_outlet])
def test_an_undated_corpus_is_said_to_have_no_trends_not_drawn_as_empty_axes(plot):
    undated = trends_for(3).iloc[0:0]
    said = plot(undated)
    assert isinstance(said, plots.NothingToDraw) and said.sentence == plots.NO_DATES
    assert said._repr_html_() == f'<p class="empty-table">{html.escape(plots.NO_DATES)}</p>'


def test_charts_with_nothing_to_draw_say_why_in_a_sentence():
    articles = pd.DataFrame({"article_id": ["a"], "outlet": ["Reuters"], "published": [""]})
    none_cited = pd.DataFrame(columns=["article_id", "source_kind", "side", "citation"])
    no_sources = pd.DataFrame(columns=["source_name", "kind", "side", "citations", "articles"])
    no_words = pd.DataFrame(columns=["comparison", "group", "term", "z_score"])
    said = [plots.plot_source_kinds(none_cited, articles), plots.plot_top_sources(no_sources),
            plots.plot_distinctive_terms(no_words, comparison="outlet"),
            plots.plot_term_heatmap(trends_for(3).iloc[0:0])]
    assert [type(item) for item in said] == [plots.NothingToDraw] * 4
    assert "at least two outlets" in said[2].sentence


def test_the_term_outlet_heatmap_draws_for_undated_articles():
    from analysis.keywords import term_totals

    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["A", "B", "B"],
                             "published": ["", "", ""], "words": [1000, 500, 500]})
    found = pd.DataFrame({"article_id": ["a", "b", "c"], "term": ["border", "border", "aid"],
                          "count": [4, 2, 1], "per_1k_words": [4.0, 4.0, 2.0]})
    totals = term_totals(found, articles)
    assert totals.set_index(["outlet", "term"])["per_1k_words"].to_dict() == {
        ("A", "aid"): 0.0, ("A", "border"): 4.0, ("B", "aid"): 1.0, ("B", "border"): 2.0}
    axes = plots.plot_term_heatmap(totals).axes[0]
    assert [label.get_text() for label in axes.get_yticklabels()] == ["A", "B"]
    assert axes.get_images()[0].get_array().shape == (2, 2)


def test_articles_without_an_outlet_get_a_label_in_the_legend(recwarn):
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["", ""]})
    figures = pd.DataFrame({"article_id": ["a", "b"], "concept": ["aid", ""]})
    attributions = pd.DataFrame({"article_id": ["a", "b"], "source_kind": ["group", "unknown"],
                                 "side": ["US", ""]})
    (concepts,) = plots.plot_figure_concepts(figures, articles).axes
    assert [text.get_text() for text in concepts.get_legend().get_texts()] == [plots.NO_OUTLET]
    kinds, sides = plots.plot_source_kinds(attributions, articles).axes
    assert [label.get_text() for label in kinds.get_yticklabels()] == [plots.NO_OUTLET]
    assert [text.get_text() for text in sides.get_legend().get_texts()] == ["US", "none"]
    assert not [warning for warning in recwarn if "legend" in str(warning.message)]


def test_a_source_kind_keeps_its_colour_whichever_kinds_a_report_has():
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Reuters", "Milenio"]})

    def anonymous_colour(kinds: list[str]) -> str:
        attributions = pd.DataFrame({"article_id": ["a", "b"], "source_kind": kinds,
                                     "side": ["", ""]})
        legend = plots.plot_source_kinds(attributions, articles).axes[0].get_legend()
        labels = [text.get_text() for text in legend.get_texts()]
        handle = legend.legend_handles[labels.index("anonymous")]
        return to_hex(handle.get_facecolor())
    assert anonymous_colour(["anonymous", "group"]) == anonymous_colour(["anonymous", "document"])
    assert anonymous_colour(["anonymous", "group"]) == plots.KIND_COLOURS["anonymous"]


def test_text_from_the_input_is_drawn_literally_not_as_math():
    hostile = ["$\\frac{1}{0}$ Times", "$$", "Cost: $5 and $10", "\\mathbf{x}"]
    articles = pd.DataFrame({"article_id": list("abcd"), "outlet": hostile})
    figures = pd.DataFrame({"article_id": list("abcd"), "concept": ["aid"] * 4})
    chart = plots.plot_figure_concepts(figures, articles)
    chart._repr_mimebundle_()  # renders to PNG: a formula would be parsed here
    (axes,) = chart.axes
    assert sorted(text.get_text() for text in axes.get_legend().get_texts()) == sorted(hostile)


def test_figures_without_a_concept_are_counted_in_the_caption_not_drawn_as_a_bar():
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Reuters", "AP"]})
    figures = pd.DataFrame({"article_id": ["a", "a", "b"], "concept": ["aid", "", ""]})
    chart = plots.plot_figure_concepts(figures, articles)
    (axes,) = chart.axes
    assert [label.get_text() for label in axes.get_yticklabels()] == ["aid"]
    assert "2 figures without a codebook concept" in chart.caption
    none = plots.plot_figure_concepts(figures.assign(concept=""), articles)
    assert none.sentence == "No figure matched a codebook concept (3 figures without one)."


def test_who_is_cited_most_is_one_bar_per_source_in_the_colour_of_its_kind():
    sources = pd.DataFrame({"source_name": ["Joe Biden", "Mexican official"],
                            "kind": ["named_person", "anonymous"], "side": ["US", "Mexico"],
                            "citations": [3, 2], "articles": [2, 1]})
    (axes,) = plots.plot_top_sources(sources).axes
    labels = [label.get_text() for label in axes.get_yticklabels()]
    assert labels == ["Mexican official", "Joe Biden"]  # the most cited on top
    colours = [to_hex(bar.get_facecolor()) for bar in axes.patches]
    assert colours == [plots.KIND_COLOURS["anonymous"], plots.KIND_COLOURS["named_person"]]


def test_the_charts_of_sources_count_citations_only():
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Reuters", "Reuters"]})
    attributions = pd.DataFrame({"article_id": ["a", "b"], "source_kind": ["group", "anonymous"],
                                 "side": ["", ""], "citation": [True, False]})
    kinds, _ = plots.plot_source_kinds(attributions, articles).axes
    labels = [text.get_text() for text in kinds.get_legend().get_texts()]
    assert labels == ["group"]



def test_the_figure_comparison_draws_only_what_two_outlets_gave_in_one_unit_and_rate():
    from analysis.comparisons import compare_figures

    def figure(article_id, value, rate_period):
        return {"article_id": article_id, "start": 0, "end": 6, "surface": "x", "value": value,
                "unit": "", "object": "migrant", "concept": "return",
                "rate_period": rate_period, "approximate": False, "bound": "", "qualifier": "",
                "source": "", "sentence": "x"}

    figures = pd.DataFrame([figure("a", 30000, "month"), figure("b", 35000, "month"),
                            figure("b", 1e6, "year")])
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Reuters", "AP"],
                             "published": ["2024-01-05", "2024-01-06"]})
    chart = plots.plot_figure_comparison(compare_figures(figures, articles))
    (axes,) = visible_axes(chart)
    assert axes.get_title() == "return (per month)"  # the yearly number has no second outlet
    assert [label.get_text() for label in axes.get_xticklabels()] == ["AP", "Reuters"]
    assert sorted(line.get_ydata()[0] for line in axes.get_lines()) == [30000, 35000]
    assert plots.plot_figure_comparison(compare_figures(figures[2:], articles)) is None
