"""Who reported which number for the same concept, and where outlets can be compared.

Numbers are comparable only within one concept, unit and rate: 10,000 crossings a day is
not set beside "hundreds of thousands" in a year, nor 11 flights in all beside one a week.
"""

from __future__ import annotations

import pandas as pd

COMPARISON_COLUMNS = (
    "concept",
    "unit",
    "rate_period",
    "outlet",
    "published",
    "figures",
    "articles",
    "value_min",
    "value_max",
    "surfaces",
)
GROUP = ["concept", "unit", "rate_period"]
# Outlets disagree on a group when the largest number is this many times the smallest.
DISAGREEMENT_RATIO = 1.5


def compare_figures(figures: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Return who reported which number for the same concept, unit and rate.

    One row per concept x unit x rate_period x outlet x published date, sorted by concept,
    unit, rate, date and outlet: how many figures and articles, the smallest and largest
    value and the surfaces in text order (joined with " | "). ``figures`` has the
    figures.csv columns, ``articles`` at least article_id, outlet and published. Figures
    without a concept are left out; a figure whose article is not in ``articles`` is left
    out too.
    """
    keys = [*GROUP, "outlet", "published"]
    meta = articles[["article_id", "outlet", "published"]].astype({"article_id": str})
    rows = figures[figures["concept"].fillna("").astype(str) != ""].astype({"article_id": str})
    rows = rows.merge(meta, on="article_id", how="inner")
    if rows.empty:
        return pd.DataFrame(columns=list(COMPARISON_COLUMNS))
    rows = rows.fillna({"rate_period": "", "unit": "", "outlet": "", "published": ""})
    rows = rows.sort_values([*keys, "article_id", "start"], kind="stable")
    table = rows.groupby(keys, sort=True, dropna=False).agg(
        figures=("value", "size"),
        articles=("article_id", "nunique"),
        value_min=("value", "min"),
        value_max=("value", "max"),
        surfaces=("surface", " | ".join),
    ).reset_index()
    table = table.sort_values([*GROUP, "published", "outlet"], kind="stable")
    return table[list(COMPARISON_COLUMNS)].reset_index(drop=True)


def comparable(comparison: pd.DataFrame) -> pd.DataFrame:
    """Return the rows of ``comparison`` whose concept, unit and rate at least two outlets
    reported: the numbers that can be set side by side."""
    if comparison.empty:
        return comparison
    outlets = comparison.groupby(GROUP)["outlet"].transform("nunique")
    return comparison[outlets >= 2].reset_index(drop=True)


def disagreements(comparison: pd.DataFrame) -> pd.DataFrame:
    """Return one row per comparable concept, unit and rate where outlets disagree.

    Columns: concept, unit, rate_period, low_outlet, low (the smallest number one outlet
    gave), high_outlet, high (the largest another gave), ratio; largest ratio first. Two
    outlets disagree when the high is at least 1.5 times the low.
    """
    columns = [*GROUP, "low_outlet", "low", "high_outlet", "high", "ratio"]
    rows = []
    for key, group in comparable(comparison).groupby(GROUP, sort=True):
        low = group.loc[group["value_min"].idxmin()]
        high = group.loc[group["value_max"].idxmax()]
        if low["outlet"] == high["outlet"] or low["value_min"] <= 0:
            continue
        ratio = float(high["value_max"]) / float(low["value_min"])
        if ratio >= DISAGREEMENT_RATIO:
            rows.append([*key, low["outlet"], float(low["value_min"]), high["outlet"],
                         float(high["value_max"]), round(ratio, 2)])
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["ratio", "concept"], ascending=[False, True],
                             kind="stable").reset_index(drop=True)


def plain_number(value: float) -> str:
    """Return ``value`` written out with thousands separators: 8,800,000,000; 4.3; 0.0625.

    A table mixing 2 and 8.8 billion would otherwise switch to scientific notation.
    """
    if float(value).is_integer():
        return f"{value:,.0f}"
    if abs(value) >= 1:
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{value:.4g}"


def describe_group(concept: str, unit: str, rate_period: str) -> str:
    """Return a concept with its unit and rate in words: "crossing (per day)", "aid (USD)"."""
    parts = [part for part in (unit, f"per {rate_period}" if rate_period else "") if part]
    return f"{concept} ({', '.join(parts)})" if parts else concept
