"""Tables of attributions: the contract table, counts by outlet or article, who is cited
most, and the anonymous share. Counts are of citations (``citation`` true); the table
keeps every attribution for research."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import pandas as pd

from analysis.attribution.folding import fold_source_names
from analysis.attribution.records import QUOTE_TYPES, SIDES, SOURCE_KINDS, Attribution
from analysis.schema import ATTRIBUTIONS, records_frame

CountBy = Literal["article", "outlet"]


def attributions_frame(rows: Iterable[tuple[str, Attribution]]) -> pd.DataFrame:
    """Return ``(article_id, Attribution)`` pairs as a DataFrame with schema.ATTRIBUTIONS.

    Each row is as its article gives it, so tables written chunk by chunk equal tables
    written whole; ``fold_source_names`` (or ``SourceNameFolder`` chunk by chunk) then
    gives each person one name across the corpus, and ``top_sources`` folds the names of
    the articles it counts."""
    return records_frame(rows, ATTRIBUTIONS)


def only_citations(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the rows of ``frame`` that are citations (all rows of a table written before
    the ``citation`` column existed)."""
    if "citation" not in frame:
        return frame
    return frame[frame["citation"].astype(bool)]


def attribution_counts(
    frame: pd.DataFrame, articles: pd.DataFrame, *, by: CountBy = "outlet"
) -> pd.DataFrame:
    """Return one row per outlet (or article): how many citations, of which kind and side.

    Columns: the key (``outlet`` or ``article_id``), ``attributions`` (every row, for
    research: beliefs, plans and stances included), ``citations`` (the rows where a source
    is given words or information, which every other column counts), ``sources`` (distinct
    source names per article, summed), ``kind_<kind>`` for every source kind, ``side_US``,
    ``side_Mexico``, ``side_other``, ``side_none``, one column per quote type (``direct``,
    ``indirect``, ``mixed``, ``according_to``) and ``anonymous_share`` (the share of
    citations whose source is anonymous; 0.0 where there are none). Every outlet or article
    of ``articles`` has a row, sorted by the key. Raises ValueError for any other ``by``.
    """
    if by not in ("article", "outlet"):
        raise ValueError(f"by must be 'article' or 'outlet', got {by!r}")
    key = "outlet" if by == "outlet" else "article_id"
    everything = _with_outlet(frame, articles, key)
    merged = only_citations(everything)
    keys = sorted(articles[key].astype(str).unique())
    grouped = merged.groupby(key)
    counts = pd.DataFrame(index=pd.Index(keys, name=key))
    counts["attributions"] = everything.groupby(key).size()
    counts["citations"] = grouped.size()
    counts["sources"] = _distinct_sources(merged, key)
    for kind in SOURCE_KINDS:
        counts[f"kind_{kind}"] = grouped["source_kind"].apply(lambda s, k=kind: (s == k).sum())
    for side in SIDES:
        counts[f"side_{side or 'none'}"] = grouped["side"].apply(lambda s, v=side: (s == v).sum())
    for quote_type in QUOTE_TYPES:
        counts[quote_type] = grouped["quote_type"].apply(lambda s, q=quote_type: (s == q).sum())
    counts = counts.fillna(0).astype(int)
    total = counts["citations"].where(counts["citations"] > 0)
    counts["anonymous_share"] = (counts["kind_anonymous"] / total).fillna(0.0).round(3)
    return counts.reset_index()


def _with_outlet(frame: pd.DataFrame, articles: pd.DataFrame, key: str) -> pd.DataFrame:
    merged = frame.merge(articles[["article_id", "outlet"]], on="article_id", how="inner")
    return merged.assign(**{key: merged[key].astype(str)})


def _distinct_sources(merged: pd.DataFrame, key: str) -> pd.Series:
    column = "source_name" if "source_name" in merged else "source"
    named = merged[merged[column].astype(str) != ""]
    distinct = named.drop_duplicates(["article_id", column])
    return distinct.groupby(key).size()


def top_sources(
    frame: pd.DataFrame, articles: pd.DataFrame, *, per_outlet: bool = False, top: int = 10
) -> pd.DataFrame:
    """Return who is cited most: one row per source name (per outlet and source name with
    ``per_outlet``), the ``top`` with most citations first. A person named by surname alone
    in one article takes the full name another article gives ("Biden" -> "Joe Biden",
    ``folding.fold_source_names``).

    Columns: ``outlet`` (with ``per_outlet``), ``source_name``, ``kind`` and ``side`` (the
    most frequent among all its citations, in every outlet's rows alike; a side only where
    one is named), ``citations`` and
    ``articles`` (how many articles cite it). Only citations count; ties are broken by
    articles, then by name. Raises ValueError when ``top`` is below 1.
    """
    if top < 1:
        raise ValueError(f"top must be at least 1, got {top!r}")
    keys = ["outlet", "source_name"] if per_outlet else ["source_name"]
    merged = fold_source_names(only_citations(_with_outlet(frame, articles, "outlet")))
    merged = merged[merged["source_name"].astype(str) != ""]
    columns = [*keys, "kind", "side", "citations", "articles"]
    if merged.empty:
        return pd.DataFrame(columns=columns)
    table = merged.groupby(keys).agg(
        citations=("article_id", "size"),
        articles=("article_id", "nunique"),
    ).reset_index()
    # A source's kind and side are its own, whichever outlet cites it: taken over all the
    # citations of the name, so one person has one side in every outlet's rows.
    by_name = ["source_name"]
    table = table.merge(_most_frequent(merged, by_name, "source_kind").rename("kind"),
                        left_on=by_name, right_index=True, how="left")
    sided = merged[merged["side"].astype(str) != ""]
    table = table.merge(_most_frequent(sided, by_name, "side"), left_on=by_name,
                        right_index=True, how="left").fillna({"side": "", "kind": ""})
    table = table.sort_values(
        [*keys[:-1], "citations", "articles", "source_name"],
        ascending=[*([True] * (len(keys) - 1)), False, False, True], kind="stable")
    leaders = table.groupby("outlet").head(top) if per_outlet else table.head(top)
    return leaders[columns].reset_index(drop=True)


def _most_frequent(frame: pd.DataFrame, keys: list[str], column: str) -> pd.Series:
    """Return, per group of ``keys``, the most frequent value of ``column`` (a tie goes
    to the first by name), indexed by the keys."""
    values = frame[keys].assign(**{column: frame[column].astype(str)})
    counts = values.groupby([*keys, column]).size().reset_index(name="rows")
    ranked = counts.sort_values([*keys, "rows", column],
                                ascending=[*([True] * len(keys)), False, True], kind="stable")
    return ranked.drop_duplicates(keys).set_index(keys)[column]


def anonymous_shares(frame: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Return per outlet how many citations rest on anonymous sources: ``anonymous``,
    ``citations``, ``share`` (0.0 without citations) and ``anonymous share`` written out
    ("3 of 5"). Every outlet of ``articles`` has a row, highest share first, then by name.
    """
    counts = attribution_counts(frame, articles, by="outlet")
    table = pd.DataFrame({
        "outlet": counts["outlet"],
        "anonymous": counts["kind_anonymous"],
        "citations": counts["citations"],
        "share": counts["anonymous_share"],
    })
    table["anonymous share"] = [f"{a} of {c}" for a, c in zip(table["anonymous"],
                                                               table["citations"], strict=True)]
    return table.sort_values(["share", "outlet"], ascending=[False, True],
                             kind="stable").reset_index(drop=True)
