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
# Numbers from two outlets describe the same moment when published at most this far apart.
DISAGREEMENT_DAYS = 7


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


def disagreements(comparison: pd.DataFrame, *, days: int = DISAGREEMENT_DAYS) -> pd.DataFrame:
    """Return one row per comparable concept, unit and rate where outlets disagree about
    the same time: the widest gap between numbers two outlets gave at most ``days`` apart.

    Columns: concept, unit, rate_period, low_outlet, low_date, low (the smaller number),
    high_outlet, high_date, high, ratio; largest ratio first. Two outlets disagree when the
    high is at least DISAGREEMENT_RATIO times the low. Numbers months apart describe
    different moments, and undated ones cannot be placed, so neither is set side by side.
    """
    columns = [*GROUP, "low_outlet", "low_date", "low", "high_outlet", "high_date", "high",
               "ratio"]
    rows = []
    for key, group in comparable(comparison).groupby(GROUP, sort=True):
        widest = _widest_gap(group[group["published"] != ""], days=days)
        if widest is not None and widest[-1] >= DISAGREEMENT_RATIO:
            rows.append([*key, *widest])
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["ratio", "concept"], ascending=[False, True],
                             kind="stable").reset_index(drop=True)


def _widest_gap(rows: pd.DataFrame, *, days: int) -> list | None:
    """Return [low outlet, date, value, high outlet, date, value, ratio] of the widest gap
    between two outlets' numbers at most ``days`` apart, None when there is no such pair."""
    rows = rows.assign(day=pd.to_datetime(rows["published"])).sort_values("day", kind="stable")
    records = list(rows.itertuples())
    best = None
    for number, first in enumerate(records):
        for second in records[number + 1:]:
            if (second.day - first.day).days > days:
                break
            if first.outlet == second.outlet:
                continue
            for low, high in ((first, second), (second, first)):
                if low.value_min > 0 and high.value_max > low.value_min:
                    ratio = round(float(high.value_max) / float(low.value_min), 2)
                    if best is None or ratio > best[-1]:
                        best = [low.outlet, low.published, float(low.value_min), high.outlet,
                                high.published, float(high.value_max), ratio]
    return best


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
