"""Where the collection has gaps: per outlet and period, what was loaded and what was not.

An analyst trusts a trend only where the collection is whole. Per outlet and period this
counts the articles loaded, those the counts use, those folded as rewrites and those in
another language; undated articles get the period "(no date)". A period inside an outlet's
span in which an outlet that usually publishes (in at least half of the periods of its
span, over three or more) has nothing is a gap.
"""

from __future__ import annotations

import pandas as pd

from analysis.keywords import all_periods, period_label

NO_DATE = "(no date)"
GAP_COLUMNS = ("outlet", "period", "loaded", "counted", "folded", "other_language", "gap")
# An outlet usually publishes when it has articles in this share of its span's periods.
USUAL_SHARE = 0.5
MIN_SPAN_PERIODS = 3


def coverage_gaps(articles: pd.DataFrame, *, period: str) -> pd.DataFrame:
    """Return one row per outlet and period of the articles table (every period of each
    outlet's span, empty ones too), with the counts of ``GAP_COLUMNS`` and ``gap``.

    ``attrs["periods"]`` lists every period from the first dated article to the last, for
    a chart's axis.
    """
    if articles.empty:
        empty = pd.DataFrame(columns=list(GAP_COLUMNS))
        empty.attrs["periods"] = []
        return empty
    frame = articles.assign(
        outlet=articles["outlet"].replace("", "(no outlet named)"),
        folded=articles["duplicate_of"] != "",
        other_language=~articles["analysed"].astype(bool))
    frame["counted"] = ~frame["folded"] & ~frame["other_language"]
    dated = frame["published"] != ""
    frame["period"] = NO_DATE
    if dated.any():
        frame.loc[dated, "period"] = period_label(frame.loc[dated, "published"], period).values
    rows = []
    for outlet, group in frame.groupby("outlet", sort=True):
        spans = group[group["period"] != NO_DATE]
        periods = all_periods(spans["published"], period) if len(spans) else []
        counts = group.groupby("period").agg(
            loaded=("article_id", "size"), counted=("counted", "sum"),
            folded=("folded", "sum"), other_language=("other_language", "sum"))
        usual = (len(periods) >= MIN_SPAN_PERIODS and
                 (counts.index.isin(periods).sum() >= USUAL_SHARE * len(periods)))
        for label in [*periods, *([NO_DATE] if NO_DATE in counts.index else [])]:
            row = counts.loc[label] if label in counts.index else None
            values = [int(row[name]) if row is not None else 0
                      for name in ("loaded", "counted", "folded", "other_language")]
            rows.append([outlet, label, *values,
                         bool(usual and label != NO_DATE and values[0] == 0)])
    table = pd.DataFrame(rows, columns=list(GAP_COLUMNS))
    dates = frame.loc[dated, "published"]
    table.attrs["periods"] = all_periods(dates, period) if len(dates) else []
    return table
