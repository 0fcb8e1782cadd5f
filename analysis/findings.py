"""Key findings: the few sentences an editor reads first, each with its number and section.

Every number here is computed from the same tables the report's sections show (counted
articles: rewrites folded, other languages left out), so a finding and its section agree.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.attribution import anonymous_shares, top_sources
from analysis.comparisons import (
    DISAGREEMENT_DAYS,
    compare_figures,
    describe_group,
    disagreements,
    plain_number,
)
from analysis.workbook import ReportData

# How many items a finding names before it stops.
TOP_SOURCES = 3
TOP_OUTLETS = 6
TOP_CONCEPTS = 5
TOP_DISAGREEMENTS = 3
TOP_TERMS = 2


@dataclass(frozen=True)
class Finding:
    """One key finding: what it is about, its sentence, and the section that shows it."""

    topic: str  # since, coverage, sources, anonymous, figures, disagreement, terms, caveat
    text: str
    section: str  # the id of the report heading it links to


def key_findings(data: ReportData) -> list[Finding]:
    """Return the key findings of a report, in reading order: coverage, who is cited most,
    the anonymous share per outlet, the largest figures per concept and where outlets
    disagree, the tracked terms that rose and fell most, then the caveats."""
    return [*_since(data), *_coverage(data), *_sources(data), *_anonymous(data),
            *_figures(data), *_disagreements(data), *_terms(data), *_gaps(data),
            *_caveats(data)]


# Changes named per kind in the opening "since" finding; the rest are in the table.
CHANGES_PER_KIND = 3


def _since(data: ReportData) -> list[Finding]:
    from analysis.changes import KINDS, describe

    if data.changes is None:
        return []
    if data.changes.empty:
        return [Finding("since", f"Nothing changed in the counts since {data.changes_since}.",
                        "What-changed")]
    findings = []
    for kind in KINDS:
        rows = data.changes[data.changes["kind"] == kind]
        if rows.empty:
            continue
        named = "; ".join(describe(row)
                          for _, row in rows.head(CHANGES_PER_KIND).iterrows())
        more = f" (and {len(rows) - CHANGES_PER_KIND} more)" if len(rows) > CHANGES_PER_KIND \
            else ""
        findings.append(Finding("since", f"Since {data.changes_since}: {named}{more}.",
                                "What-changed"))
    return findings


def _gaps(data: ReportData) -> list[Finding]:
    from analysis.gaps import coverage_gaps

    gaps = coverage_gaps(data.tables.articles, period=data.run_info.get("trend_period", "month"))
    missing = gaps[gaps["gap"]]
    if missing.empty:
        return []
    by_outlet = missing.groupby("outlet")["period"].agg(list)
    named = "; ".join(f"{outlet} in {', '.join(periods[:4])}"
                      + (f" and {len(periods) - 4} more" if len(periods) > 4 else "")
                      for outlet, periods in by_outlet.items())
    return [Finding("caveat", f"Gaps in the collection: outlets that usually publish every "
                              f"period have none in some, so trends there lack them: {named}.",
                    "Coverage-by-outlet-and-period")]


def _coverage(data: ReportData) -> list[Finding]:
    articles = data.tables.articles
    counted = data.tables.counted_articles()
    outlets = sorted(set(counted["outlet"]) - {""})
    dates = counted.loc[counted["published"] != "", "published"]
    span = f", published {dates.min()} to {dates.max()}" if len(dates) else ", undated"
    left_out = len(articles) - len(counted)
    sources = (f"from {len(outlets):,} outlet{'s' if len(outlets) != 1 else ''}" if outlets
               else "with no outlet named")
    text = (f"{len(counted):,} articles {sources}{span}"
            + (f" ({left_out:,} more loaded but left out of the counts: see the caveats)"
               if left_out else "") + ".")
    return [Finding("coverage", text, "Articles")]


def _sources(data: ReportData) -> list[Finding]:
    table = top_sources(data.tables.attributions, data.tables.counted_articles(),
                        top=TOP_SOURCES)
    if table.empty:
        return [Finding("sources", "No source is cited in the counted articles.",
                        "Who-is-cited-most")]
    named = "; ".join(f"{row.source_name} ({row.citations:,} citation"
                      f"{'s' if row.citations != 1 else ''} in {row.articles} article"
                      f"{'s' if row.articles != 1 else ''})" for row in table.itertuples())
    return [Finding("sources", f"Cited most: {named}.", "Who-is-cited-most")]


def _anonymous(data: ReportData) -> list[Finding]:
    shares = anonymous_shares(data.tables.attributions, data.tables.counted_articles())
    shares = shares[shares["citations"] > 0]
    if shares.empty:
        return []
    listed = shares.head(TOP_OUTLETS)
    named = "; ".join(f"{row.outlet or '(no outlet named)'} {row.anonymous:,} of "
                      f"{row.citations:,}"
                      for row in listed.itertuples())
    more = f" and {len(shares) - len(listed)} more outlets" if len(shares) > len(listed) else ""
    anonymous, citations = int(shares["anonymous"].sum()), int(shares["citations"].sum())
    return [Finding("anonymous", f"Citations resting on anonymous sources: {anonymous:,} of "
                                 f"{citations:,} in all; by outlet, {named}{more}.",
                    "Anonymous-sources")]


def _figures(data: ReportData) -> list[Finding]:
    figures = data.tables.figures.merge(
        data.tables.counted_articles()[["article_id", "outlet", "published"]], on="article_id")
    figures = figures[figures["concept"] != ""]
    if figures.empty:
        return []
    figures = figures.fillna({"unit": "", "rate_period": ""})
    concepts = figures["concept"].value_counts().index[:TOP_CONCEPTS]
    parts = []
    for concept in concepts:
        rows = figures[figures["concept"] == concept]
        unit, rate = _most_frequent_unit_and_rate(rows)
        rows = rows[(rows["unit"] == unit) & (rows["rate_period"] == rate)].sort_values(
            ["value", "published"], ascending=[False, True], kind="stable")
        top = rows.iloc[0]
        parts.append(f"{describe_group(concept, unit, rate)}: {plain_number(top['value'])} "
                     f"({top['outlet'] or '(no outlet named)'}, {top['published'] or 'undated'})")
    return [Finding("figures", "Largest figure per concept, in its most frequent unit and "
                               "rate: " + "; ".join(parts) + ".", "Figures")]


def _most_frequent_unit_and_rate(rows: pd.DataFrame) -> tuple[str, str]:
    """Return the unit and rate a concept's numbers are compared in: the one given in most
    articles, then with most figures; a tie goes to the first by name (month before year)."""
    sizes = rows.groupby(["unit", "rate_period"]).agg(
        articles=("article_id", "nunique"), figures=("article_id", "size"))
    ranked = sizes.sort_values(["articles", "figures"], ascending=False, kind="stable")
    return ranked.index[0]


def _disagreements(data: ReportData) -> list[Finding]:
    table = disagreements(compare_figures(data.tables.figures, data.tables.counted_articles()))
    if table.empty:
        return []
    parts = [f"{describe_group(row.concept, row.unit, row.rate_period)}: {row.low_outlet} "
             f"{plain_number(row.low)} ({row.low_date}) against {row.high_outlet} "
             f"{plain_number(row.high)} ({row.high_date})"
             for row in table.head(TOP_DISAGREEMENTS).itertuples()]
    return [Finding("disagreement", f"Outlets disagree, in numbers published at most "
                                    f"{DISAGREEMENT_DAYS} days apart, on " + "; ".join(parts)
                    + ".", "Same-concept,-different-outlets")]


def _terms(data: ReportData) -> list[Finding]:
    changes = term_changes(data.tables.trends)
    if changes.empty:
        return []
    rose = changes[changes["change"] > 0].head(TOP_TERMS)
    fell = changes[changes["change"] < 0].sort_values("change", kind="stable").head(TOP_TERMS)
    first, last = changes.attrs["early"], changes.attrs["late"]
    parts = [f"{'rose' if row.change > 0 else 'fell'}: {row.term} from {row.early:.2f} to "
             f"{row.late:.2f} mentions per 1,000 words"
             for frame in (rose, fell) for row in frame.itertuples()]
    if not parts:
        return []
    return [Finding("terms", f"Tracked terms, {first} against {last}: " + "; ".join(parts)
                    + ".", "Keyword-trends")]


def term_changes(trends: pd.DataFrame) -> pd.DataFrame:
    """Return each tracked term's rate per 1,000 words in the earlier and the later half of
    the periods that have articles, and the change, largest rise first.

    ``attrs["early"]`` and ``attrs["late"]`` name the two spans ("2021Q1-2022Q2"). Empty
    when fewer than two periods have articles.
    """
    volume = trends.groupby("period")["words"].max()  # equal for every term of a period
    periods = sorted(volume[volume > 0].index) if len(trends) else []
    columns = ["term", "early", "late", "change"]
    if len(periods) < 2:
        return pd.DataFrame(columns=columns)
    middle = len(periods) // 2
    halves = {"early": periods[:middle], "late": periods[middle:]}
    rates = {}
    for name, span in halves.items():
        rows = trends[trends["period"].isin(span)]
        pooled = rows.groupby("term")[["count", "words"]].sum()
        rates[name] = 1000 * pooled["count"] / pooled["words"].where(pooled["words"] > 0)
    table = pd.DataFrame(rates).fillna(0.0).round(2)
    table["change"] = (table["late"] - table["early"]).round(2)
    table = table.reset_index().rename(columns={"index": "term"})
    table = table[table["change"] != 0].sort_values(["change", "term"], ascending=[False, True],
                                                    kind="stable").reset_index(drop=True)
    table.attrs.update(early=_span(halves["early"]), late=_span(halves["late"]))
    return table[columns]


def _span(periods: list[str]) -> str:
    return periods[0] if len(periods) == 1 else f"{periods[0]}–{periods[-1]}"


def _caveats(data: ReportData) -> list[Finding]:
    sentences = list(data.run_info.get("caveats", []))
    folded = data.tables.articles[data.tables.articles["duplicate_of"] != ""]
    if data.tables.fold_duplicates and len(folded):
        from analysis.views import article_labels

        labels = article_labels(data.tables.articles)
        listed = "; ".join(
            f"{labels.get(row.article_id, row.article_id)} folded into "
            f"{labels.get(row.duplicate_of, row.duplicate_of)} (score {row.duplicate_score:.2f})"
            for row in folded.head(3).itertuples())
        more = f" and {len(folded) - 3} more" if len(folded) > 3 else ""
        sentences.append(f"{len(folded):,} article(s) are rewrites or copies of an earlier one "
                         f"and count once: {listed}{more}.")
    if data.corpus.skipped:
        sentences.append(f"{len(data.corpus.skipped):,} input(s) could not be read and were "
                         f"skipped; Provenance lists each with its reason.")
    corrections = data.run_info.get("corrections") or {}
    if corrections.get("lines"):
        unmatched = len(corrections["unmatched"])
        sentences.append(f"{corrections['applied']} analyst correction(s) applied"
                         + (f"; {unmatched} no longer match a record (listed in Provenance)"
                            if unmatched else "") + ".")
    return [Finding("caveat", sentence, "Provenance") for sentence in sentences]
