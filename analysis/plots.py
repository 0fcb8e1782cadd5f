"""Matplotlib charts for notebooks and reports; each returns a Figure and never shows it.

Figures are built without pyplot, so nothing global accumulates across a long run and a
notebook shows each chart once, as the value of its cell.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

CHART_SIZE = (9, 4)


def plot_term_trends(trends: pd.DataFrame, *, top: int = 6) -> Figure:
    """Return a line chart of the ``top`` tracked terms per 1,000 words, by period.

    Outlets are pooled (counts and words summed), so a period with few articles weighs
    as little as it should; empty periods are drawn as zero, not bridged.
    """
    figure = Figure(figsize=CHART_SIZE, layout="constrained")
    axes = figure.subplots()
    pooled = trends.groupby(["period", "term"], as_index=False)[["count", "words"]].sum()
    pooled["per_1k_words"] = (1000 * pooled["count"] / pooled["words"].where(pooled["words"] > 0)
                              ).fillna(0.0)
    leaders = (pooled.groupby("term")["count"].sum().sort_values(ascending=False, kind="stable")
               .head(top).index)
    for term in leaders:
        series = pooled[pooled["term"] == term].sort_values("period")
        # Plain lists: matplotlib's category axis does not take pandas string arrays.
        axes.plot(series["period"].tolist(), series["per_1k_words"].tolist(), marker="o",
                  label=term)
    axes.set_ylabel("mentions per 1,000 words")
    axes.set_xlabel("period")
    axes.tick_params(axis="x", labelrotation=45)
    if len(leaders):
        axes.legend(loc="upper left", fontsize="small", frameon=False)
    axes.set_title("Tracked terms over time (all outlets)")
    return figure


def plot_source_kinds(attributions: pd.DataFrame, articles: pd.DataFrame) -> Figure:
    """Return a stacked bar chart of attributions per outlet, by source kind."""
    figure = Figure(figsize=CHART_SIZE, layout="constrained")
    axes = figure.subplots()
    merged = attributions.merge(articles[["article_id", "outlet"]], on="article_id")
    table = pd.crosstab(merged["outlet"], merged["source_kind"])
    if table.empty:
        axes.text(0.5, 0.5, "no attributions found", ha="center", va="center")
    else:
        table.plot.barh(stacked=True, ax=axes, width=0.7)
        axes.legend(title="source kind", fontsize="small", frameon=False,
                    bbox_to_anchor=(1.0, 1.0), loc="upper left")
    axes.set_xlabel("attributions")
    axes.set_ylabel("")
    axes.set_title("Who is cited, by outlet")
    return figure


def plot_figure_concepts(figures: pd.DataFrame, articles: pd.DataFrame) -> Figure:
    """Return a bar chart of extracted figures per concept and outlet."""
    figure = Figure(figsize=CHART_SIZE, layout="constrained")
    axes = figure.subplots()
    merged = figures.merge(articles[["article_id", "outlet"]], on="article_id")
    merged["concept"] = merged["concept"].replace("", "(no concept)")
    table = pd.crosstab(merged["concept"], merged["outlet"])
    if table.empty:
        axes.text(0.5, 0.5, "no figures found", ha="center", va="center")
    else:
        table.plot.barh(ax=axes, width=0.8)
        axes.legend(title="outlet", fontsize="small", frameon=False,
                    bbox_to_anchor=(1.0, 1.0), loc="upper left")
    axes.set_xlabel("figures")
    axes.set_ylabel("")
    axes.set_title("Numeric claims by concept and outlet")
    return figure
