"""Matplotlib charts for notebooks and reports; each returns a Figure and never shows it,
or, with nothing to draw, the sentence that says why (``NothingToDraw``).

Figures are built without pyplot, so nothing global accumulates across a long run and a
notebook shows each chart once, as the value of its cell. Every text comes from the
input (outlet names, terms, sources), so matplotlib's mathtext is off: "$" and "\\" are
drawn as written, never read as formulas.
"""

from __future__ import annotations

import base64
import html
import io

import matplotlib
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from analysis.attribution import only_citations
from analysis.comparisons import comparable, describe_group

# Text from the input is drawn literally in every chart ("$5 $10" is not math, and a
# malformed formula would stop the report); axes write their numbers plainly instead.
matplotlib.rcParams["text.parse_math"] = False
matplotlib.rcParams["text.usetex"] = False
# Okabe and Ito's palette: its colours stay apart for readers with any common colour
# vision deficiency (yellow last: it is faint on white).
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#000000",
           "#f0e442")
matplotlib.rcParams["axes.prop_cycle"] = matplotlib.cycler(color=PALETTE)

CHART_SIZE = (9, 4)
CHART_DPI = 100


class Chart(Figure):
    """A matplotlib Figure that carries a caption, shown under it in notebooks and reports.

    In a notebook the chart displays as a PNG whose metadata holds the caption, which the
    report template prints as the image's alt text and figure caption.
    """

    def __init__(self, *args, caption: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.caption = caption

    def _repr_mimebundle_(self, include=None, exclude=None) -> tuple[dict, dict]:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", dpi=CHART_DPI)
        encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
        text = self.caption or repr(self)
        return ({"image/png": encoded, "text/plain": text},
                {"image/png": {"alt": text, "caption": self.caption}})


class NothingToDraw:
    """What a chart function returns when it has nothing to draw: the sentence that says
    why, shown in place of an empty chart (an analyst reads one line, not a blank frame)."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence

    def _repr_html_(self) -> str:
        return f'<p class="empty-table">{html.escape(self.sentence)}</p>'

    def __repr__(self) -> str:
        return self.sentence


def plot_term_trends(trends: pd.DataFrame, *, top: int = 6) -> Figure | NothingToDraw:
    """Return a line chart of the ``top`` tracked terms per 1,000 words, by period.

    Outlets are pooled (counts and words summed), so a period with few articles weighs
    as little as it should; empty periods are drawn as zero, not bridged, on a grey band
    that marks them as periods without articles.
    """
    pooled = _rate(trends, ["period", "term"])
    leaders = _leaders(pooled, "term", "count", top)
    periods = sorted(pooled["period"].unique())
    if not periods:
        return NothingToDraw(NO_DATES)
    figure = Chart(figsize=CHART_SIZE, layout="constrained",
                   caption=("Mentions of the most frequent tracked terms per 1,000 words, by "
                            "period, all outlets pooled; grey bands mark periods without "
                            "articles."))
    axes = figure.subplots()
    for term in leaders:
        series = pooled[pooled["term"] == term].set_index("period")["per_1k_words"]
        # Plain lists: matplotlib's category axis does not take pandas string arrays.
        axes.plot(periods, series.reindex(periods, fill_value=0).tolist(), marker="o",
                  markersize=3, label=term)
    _shade_empty_periods(axes, periods, trends)
    _thin_ticks(axes, periods, most=12)
    axes.set_ylabel("mentions per 1,000 words")
    axes.set_xlabel("period")
    axes.tick_params(axis="x", labelrotation=45)
    if len(leaders):
        axes.legend(loc="upper left", fontsize="small", frameon=False)
    axes.set_title("Tracked terms over time (all outlets)")
    return figure


# Fixed colours, so a kind or side keeps its colour whichever others a report has.
KIND_COLOURS = {
    "named_person": "#0072b2", "anonymous": "#d55e00", "organization": "#009e73",
    "media_outlet": "#cc79a7", "document": "#e69f00", "group": "#56b4e9", "unknown": "#999999",
}
SIDE_COLOURS = {"US": "#0072b2", "Mexico": "#009e73", "other": "#e69f00", "none": "#bbbbbb"}


def plot_source_kinds(attributions: pd.DataFrame, articles: pd.DataFrame) -> Figure | NothingToDraw:
    """Return stacked bar charts of citations per outlet: by kind of source and by side.

    Only citations count (``attribution.only_citations``: a source given words or
    information); each kind and side has a fixed colour (``KIND_COLOURS``,
    ``SIDE_COLOURS``); a citation without a side counts as "none".
    """
    figure = Chart(figsize=(CHART_SIZE[0], CHART_SIZE[1] + 1), layout="constrained",
                   caption=("Citations per outlet, one per source cited each time: stacked by "
                            "kind of source (left) and by the side the source speaks for "
                            "(right)."))
    merged = only_citations(attributions).merge(articles[["article_id", "outlet"]],
                                                on="article_id")
    if merged.empty:
        return NothingToDraw(NO_CITATIONS)
    kinds_axes, sides_axes = figure.subplots(1, 2, sharey=True)
    outlets = _outlet_labels(merged["outlet"])
    _stacked_bars(kinds_axes, pd.crosstab(outlets, merged["source_kind"]), KIND_COLOURS,
                  title="Who is cited", legend="source kind")
    sides = merged["side"].replace("", "none")
    _stacked_bars(sides_axes, pd.crosstab(outlets, sides), SIDE_COLOURS,
                  title="For which side", legend="side")
    return figure


def _stacked_bars(axes, table: pd.DataFrame, colours: dict[str, str], *, title: str,
                  legend: str) -> None:
    """Draw ``table`` (rows: outlets, columns: categories) as stacked horizontal bars, the
    categories in the order and colours of ``colours``."""
    columns = [name for name in colours if name in table.columns]
    columns += [name for name in table.columns if name not in colours]
    table[columns].plot.barh(stacked=True, ax=axes, width=0.7,
                             color=[colours.get(name, "#bcbd22") for name in columns])
    axes.legend(title=legend, fontsize="small", frameon=False, ncol=2,
                loc="upper center", bbox_to_anchor=(0.5, -0.15))
    axes.set_xlabel("citations")
    axes.set_ylabel("")
    axes.set_title(title)
    whole_numbers(axes.xaxis)


def plot_top_sources(sources: pd.DataFrame) -> Figure | NothingToDraw:
    """Return a bar chart of who is cited most: citations per source name, most first,
    each bar in the colour of the source's kind (``KIND_COLOURS``).

    ``sources`` is ``attribution.top_sources`` (or ``views.top_sources``) over all outlets.
    """
    figure = Chart(figsize=CHART_SIZE, layout="constrained",
                   caption=("Who is cited most: citations per source, all outlets, coloured by "
                            "the kind of source."))
    table = sources.reset_index() if "source_name" not in sources else sources
    if table.empty:
        return NothingToDraw(NO_CITATIONS)
    axes = figure.subplots()
    table = table.iloc[::-1]  # the most cited at the top
    axes.barh([str(name) for name in table["source_name"]], table["citations"].tolist(),
              color=[KIND_COLOURS.get(kind, "#bcbd22") for kind in table["kind"]])
    kinds = [kind for kind in KIND_COLOURS if kind in set(table["kind"])]
    handles = [Patch(color=KIND_COLOURS[kind], label=kind) for kind in kinds]
    axes.legend(handles=handles, title="source kind", fontsize="small", frameon=False,
                loc="lower right")
    axes.set_xlabel("citations")
    whole_numbers(axes.xaxis)
    axes.set_title("Who is cited most")
    return figure


def plot_figure_concepts(figures: pd.DataFrame, articles: pd.DataFrame) -> Figure | NothingToDraw:
    """Return a bar chart of extracted figures per concept and outlet.

    Figures without a concept are left out of the bars (they would dwarf the rest) and
    counted in the caption; with none that has a concept the axes say so.
    """
    merged = figures.merge(articles[["article_id", "outlet"]], on="article_id")
    concept = merged["concept"].fillna("").astype(str)
    without = int((concept == "").sum())
    figure = Chart(figsize=CHART_SIZE, layout="constrained",
                   caption=(f"Extracted figures per concept, one bar per outlet; {without:,} "
                            "figures without a codebook concept are not drawn."))
    merged = merged[concept != ""]
    table = pd.crosstab(merged["concept"], _outlet_labels(merged["outlet"]))
    if table.empty:
        return NothingToDraw(f"No figure matched a codebook concept ({without:,} figure"
                             f"{'s' if without != 1 else ''} without one).")
    axes = figure.subplots()
    table.plot.barh(ax=axes, width=0.8)
    axes.legend(title="outlet", fontsize="small", frameon=False,
                bbox_to_anchor=(1.0, 1.0), loc="upper left")
    axes.set_xlabel("figures")
    whole_numbers(axes.xaxis)
    axes.set_ylabel("")
    axes.set_title("Numeric claims by concept and outlet")
    return figure


NO_OUTLET = "(no outlet named)"
NO_DATES = ("No article has a publication date, so nothing is drawn over time: give the "
            "dates in the corpus's manifest.csv (see the caveats).")
NO_CITATIONS = "No citation was found in the counted articles."


def _outlet_labels(outlets: pd.Series) -> pd.Series:
    """Return ``outlets`` with a visible label for articles without one: matplotlib leaves
    an empty label out of the legend."""
    return outlets.replace("", NO_OUTLET)


def group_small_outlets(frame: pd.DataFrame, *, top: int) -> pd.DataFrame:
    """Return ``frame`` with every outlet beyond the ``top`` largest renamed to one group.

    Outlets rank by words (then name); the rest become "other outlets (N)", so a chart
    stays readable with 50 outlets. Frames with ``top`` outlets or fewer come back as is.
    """
    sizes = frame.groupby("outlet")["words"].sum()
    if len(sizes) <= top:
        return frame
    ranked = sorted(sizes.index, key=lambda outlet: (-sizes[outlet], outlet))
    kept = set(ranked[:top])
    other = f"other outlets ({len(ranked) - top})"
    return frame.assign(outlet=frame["outlet"].where(frame["outlet"].isin(kept), other))


def _rate(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    # Rates are recomputed from summed counts and words: averaging rates would let a
    # period with one short article weigh as much as a busy one.
    pooled = frame.groupby(keys, as_index=False)[["count", "words"]].sum()
    pooled["per_1k_words"] = (1000 * pooled["count"] / pooled["words"].where(pooled["words"] > 0)
                              ).fillna(0.0)
    return pooled


def _panels(count: int, *, caption: str, row_height: float, padding: float = 0.8,
            sharex: bool = False, sharey: bool = False) -> tuple[Chart, list]:
    """Return a chart of ``count`` panels (at least one), three to a row, and its panels.

    Grid cells beyond the panels are hidden, so the last row may be short.
    """
    shown = max(count, 1)
    columns = min(3, shown)
    rows = -(-shown // columns)
    figure = Chart(figsize=(9, row_height * rows + padding), layout="constrained",
                   caption=caption)
    grid = list(figure.subplots(rows, columns, sharex=sharex, sharey=sharey,
                                squeeze=False).flat)
    for axes in grid[shown:]:
        axes.set_visible(False)
    return figure, grid[:shown]


def _leaders(frame: pd.DataFrame, key: str, weight: str, top: int) -> list:
    """Return the ``top`` values of ``key`` with the largest summed ``weight``, ties stable."""
    totals = frame.groupby(key)[weight].sum().sort_values(ascending=False, kind="stable")
    return list(totals.head(top).index)


def plot_term_trends_by_outlet(
    trends: pd.DataFrame, *, top_terms: int = 4, top_outlets: int = 8
) -> Figure | NothingToDraw:
    """Return small multiples: one panel per outlet, the ``top_terms`` terms per 1,000 words.

    The ``top_outlets`` outlets with most words get a panel each and the rest share one;
    all panels share both axes, and periods without articles are drawn as zero on a grey
    band.
    """
    # An outlet without a counted article (every one a folded rewrite, or in another
    # language) has nothing to draw: it is named in the caption, not drawn as zeros.
    articles = trends.groupby("outlet")["articles"].sum()
    absent = sorted(articles[articles == 0].index)
    grouped = group_small_outlets(trends[~trends["outlet"].isin(absent)], top=top_outlets)
    pooled = _rate(grouped, ["outlet", "period", "term"])
    leaders = _leaders(pooled, "term", "count", top_terms)
    outlets = sorted(pooled["outlet"].unique(), key=lambda name: (name.startswith("other "), name))
    left_out = (f" Not drawn, having no counted article (rewrites are counted with their "
                f"original): {', '.join(absent)}." if absent else "")
    periods = sorted(pooled["period"].unique())
    if not periods:
        return NothingToDraw(NO_DATES)
    figure, panels = _panels(
        len(outlets), row_height=2.4, sharex=True, sharey=True,
        caption=("Mentions per 1,000 words of the most frequent tracked terms, one panel per "
                 "outlet; grey bands mark periods without articles from that outlet."
                 + left_out))
    for axes, outlet in zip(panels, outlets, strict=False):
        for term in leaders:
            series = pooled[(pooled["outlet"] == outlet) & (pooled["term"] == term)]
            series = series.set_index("period")["per_1k_words"].reindex(periods, fill_value=0)
            axes.plot(periods, series.tolist(), label=term, linewidth=1.2)
        _shade_empty_periods(axes, periods, grouped[grouped["outlet"] == outlet])
        axes.set_title(outlet, fontsize="small")
        axes.tick_params(axis="x", labelrotation=90, labelsize="x-small")
        _thin_ticks(axes, periods)
    if leaders:
        figure.legend(*panels[0].get_legend_handles_labels(), loc="outside upper center",
                      ncols=len(leaders), fontsize="small", frameon=False)
    figure.supylabel("mentions per 1,000 words", fontsize="small")
    return figure


def whole_numbers(axis) -> None:
    """Tick a count axis at whole numbers only (no 0.25 of a citation), written plainly."""
    from matplotlib.ticker import MaxNLocator, StrMethodFormatter

    axis.set_major_locator(MaxNLocator(integer=True))
    axis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))


def plain_values(axis) -> None:
    """Write a value axis's numbers in full with thousands separators, also on a log scale
    (matplotlib would write 10^6 as a formula, which charts here never parse)."""
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda value, _position: f"{value:,.10g}"))
    axis.set_minor_formatter(FuncFormatter(lambda _value, _position: ""))


def _shade_empty_periods(axes, periods: list[str], trends: pd.DataFrame) -> None:
    """Shade the periods without any article, so a zero there reads as "no data"."""
    articles = trends.groupby("period")["articles"].max().reindex(periods, fill_value=0)
    for position, period in enumerate(periods):
        if articles[period] == 0:
            axes.axvspan(position - 0.5, position + 0.5, color="0.92", linewidth=0, zorder=0)


def _thin_ticks(axes, periods: list[str], *, most: int = 8) -> None:
    step = max(1, -(-len(periods) // most))
    axes.set_xticks(range(0, len(periods), step), periods[::step])


def plot_term_heatmap(
    trends: pd.DataFrame, *, top_terms: int = 15, top_outlets: int = 12
) -> Figure | NothingToDraw:
    """Return a heatmap of tracked terms × outlets, mentions per 1,000 words over all periods.

    ``trends`` is the trends table or ``keywords.term_totals`` (which also counts undated
    articles). Shows the ``top_terms`` most frequent terms and the ``top_outlets`` outlets
    with most words; the other outlets share one row. Each cell is labelled with its rate.
    """
    grouped = group_small_outlets(trends, top=top_outlets)
    pooled = _rate(grouped, ["outlet", "term"])
    leaders = _leaders(pooled, "term", "count", top_terms)
    table = pooled.pivot(index="outlet", columns="term", values="per_1k_words")
    table = table.reindex(columns=leaders).fillna(0.0)
    if table.empty or not leaders:
        return NothingToDraw("No tracked term occurs in the counted articles.")
    figure = Chart(figsize=(9, 1.2 + 0.45 * len(table)), layout="constrained",
                   caption=("Mentions per 1,000 words of each tracked term by outlet, over the "
                            "whole span; darker is more."))
    axes = figure.subplots()
    # Each cell is labelled with its rate, so no colour bar is needed to read it.
    axes.imshow(table.to_numpy(), aspect="auto", cmap="Blues")
    axes.set_xticks(range(len(leaders)), leaders, rotation=45, ha="right", fontsize="small")
    axes.set_yticks(range(len(table)), table.index.tolist(), fontsize="small")
    peak = table.to_numpy().max() or 1.0
    for row, outlet in enumerate(table.index):
        for column, term in enumerate(leaders):
            value = table.loc[outlet, term]
            axes.text(column, row, f"{value:.1f}", ha="center", va="center", fontsize="x-small",
                      color="white" if value > peak / 2 else "black")
    axes.set_title("Tracked terms by outlet (all periods)")
    return figure


def plot_distinctive_terms(
    distinctive: pd.DataFrame, *, comparison: str = "outlet", top: int = 8, groups: int = 9
) -> Figure | NothingToDraw:
    """Return one bar panel per group: its ``top`` most distinctive terms by z-score.

    Shows the first ``groups`` groups of ``comparison`` ("outlet" or "period") in name
    order; the caption names how many more there are.
    """
    rows = distinctive[(distinctive["comparison"] == comparison) & (distinctive["z_score"] > 0)]
    every = sorted(rows["group"].unique())
    names = every[:groups]
    more = (f" {len(every) - groups} more {comparison}s are in the table of distinctive "
            f"words." if len(every) > groups else "")
    if not names:
        return NothingToDraw(f"No distinctive words: they need at least two {comparison}s "
                             f"with enough words to compare.")
    figure, panels = _panels(
        len(names), row_height=2.6, padding=0.6,
        caption=(f"The words each {comparison} uses most distinctively against the rest of the "
                 f"corpus (z-score of the log-odds ratio with an informative Dirichlet prior)."
                 + more))
    for axes, name in zip(panels, names, strict=False):
        top_rows = rows[rows["group"] == name].nlargest(top, "z_score").iloc[::-1]
        axes.barh(top_rows["term"].tolist(), top_rows["z_score"].tolist(), color=PALETTE[0])
        axes.set_title(name, fontsize="small")
        axes.tick_params(labelsize="x-small")
    figure.supxlabel("z-score of log-odds against the rest", fontsize="small")
    figure.suptitle(f"Distinctive words by {comparison}")
    return figure


def plot_figure_comparison(comparison: pd.DataFrame, *, groups: int = 6) -> Figure | None:
    """Return one panel per concept, unit and rate that two or more outlets reported: the
    numbers each outlet gave, side by side.

    ``comparison`` is ``views.compare_figures(...)``; only rows of ``comparable`` groups are
    drawn (a rate is never set beside a total, nor dollars beside people). Each outlet's
    numbers of one day are dots, joined by a line from the smallest to the largest; the
    value axis is logarithmic only where a panel's numbers span more than a hundredfold.
    Shows the ``groups`` groups with most figures; None when no concept was reported by
    two outlets (the table beside the chart says so).
    """
    rows = comparable(comparison)
    rows = rows.assign(outlet=_outlet_labels(rows["outlet"]),
                       group=[describe_group(*key) for key in
                              zip(rows["concept"], rows["unit"], rows["rate_period"],
                                  strict=True)])
    leaders = _leaders(rows, "group", "figures", groups)
    if not leaders:
        return None
    figure, panels = _panels(
        len(leaders), row_height=2.6,
        caption=("Numbers two or more outlets gave for the same concept, unit and rate: a dot "
                 "per number an outlet gave on a day, a line joining its smallest and largest "
                 "of that day."))
    outlets = sorted(rows["outlet"].unique())
    colours = {outlet: PALETTE[number % len(PALETTE)] for number, outlet in enumerate(outlets)}
    for axes, group in zip(panels, leaders, strict=False):
        panel = rows[rows["group"] == group]
        names = sorted(panel["outlet"].unique())
        for row in panel.itertuples():
            x = names.index(row.outlet)
            low, high = float(row.value_min), float(row.value_max)
            axes.plot([x, x], [low, high], "-o", color=colours[row.outlet], markersize=5,
                      linewidth=2)
        positive = panel[["value_min", "value_max"]].to_numpy().ravel()
        positive = positive[positive > 0]
        if len(positive) and positive.max() / positive.min() > 100:
            axes.set_yscale("log")
        plain_values(axes.yaxis)
        axes.set_xticks(range(len(names)), names, rotation=30, ha="right", fontsize="x-small")
        axes.set_xlim(-0.6, len(names) - 0.4)
        axes.set_title(group, fontsize="small")
        axes.tick_params(axis="y", labelsize="x-small")
    return figure


def plot_coverage(gaps: pd.DataFrame, *, top_outlets: int = 20) -> Figure | NothingToDraw:
    """Return a grid of outlets by period: the articles each outlet has in each period
    (counted ones darker, folded rewrites and other languages lighter), gaps marked.

    ``gaps`` is ``views.coverage_gaps``; the ``top_outlets`` outlets with most articles.
    """
    from analysis.gaps import NO_DATE

    dated = gaps[gaps["period"] != NO_DATE]
    totals = dated.groupby("outlet")["loaded"].sum().sort_values(ascending=False, kind="stable")
    outlets = list(totals.index[:top_outlets])
    periods = gaps.attrs.get("periods") or sorted(dated["period"].unique())
    if not outlets or not periods:
        return NothingToDraw("No article has a publication date, so there is no grid of "
                             "outlets by period; the table below counts the undated ones.")
    figure = Chart(figsize=(9, 1.4 + 0.32 * len(outlets)), layout="constrained",
                   caption=("Articles per outlet and period: the number in each cell is what was "
                            "loaded (darker: counted; lighter: only folded rewrites or other "
                            "languages); a cross marks a gap, a period with nothing from an "
                            "outlet that usually publishes."))
    axes = figure.subplots()
    index = {(row.outlet, row.period): row for row in dated.itertuples()}
    for y, outlet in enumerate(outlets):
        for x, period in enumerate(periods):
            row = index.get((outlet, period))
            if row is None:
                continue
            if row.gap:
                axes.text(x, y, "×", ha="center", va="center", color=PALETTE[3],
                          fontsize="large", fontweight="bold")
            elif row.loaded:
                shade = PALETTE[0] if row.counted else PALETTE[5]
                axes.add_patch(Rectangle((x - 0.45, y - 0.4), 0.9, 0.8, color=shade,
                                         alpha=0.85))
                axes.text(x, y, str(row.loaded), ha="center", va="center", color="white",
                          fontsize="x-small")
    axes.set_xlim(-0.6, len(periods) - 0.4)
    axes.set_ylim(len(outlets) - 0.5, -0.5)
    axes.set_yticks(range(len(outlets)), outlets, fontsize="small")
    axes.set_xticks(range(len(periods)), periods, rotation=90, fontsize="x-small")
    _thin_ticks(axes, periods, most=30)
    axes.set_title("Coverage by outlet and period")
    return figure


def plot_outlet_against_rest(trends: pd.DataFrame, outlet: str, *,
                             top_terms: int = 6) -> Figure | NothingToDraw:
    """Return one panel per tracked term: ``outlet`` against all other outlets pooled.

    Mentions per 1,000 words by period; the ``top_terms`` terms with most mentions overall.
    """
    sides = trends.assign(side=trends["outlet"].where(trends["outlet"] == outlet,
                                                      "all other outlets"))
    pooled = _rate(sides, ["side", "period", "term"])
    leaders = _leaders(pooled, "term", "count", top_terms)
    periods = sorted(pooled["period"].unique())
    if not periods:
        return NothingToDraw(NO_DATES)
    figure, panels = _panels(
        len(leaders), row_height=2.4, sharex=True,
        caption=(f"Mentions per 1,000 words of the most frequent tracked terms: {outlet} "
                 f"against all other outlets pooled, by period."))
    for axes, term in zip(panels, leaders, strict=False):
        for side, style in ((outlet, "-"), ("all other outlets", "--")):
            series = pooled[(pooled["side"] == side) & (pooled["term"] == term)]
            values = series.set_index("period")["per_1k_words"].reindex(periods, fill_value=0)
            axes.plot(periods, values.tolist(), style, label=side, linewidth=1.3)
        axes.set_title(term, fontsize="small")
        axes.tick_params(axis="x", labelrotation=90, labelsize="x-small")
        _thin_ticks(axes, periods)
    if leaders:
        figure.legend(*panels[0].get_legend_handles_labels(),
                      loc="outside upper center", ncols=2, fontsize="small", frameon=False)
    return figure
