"""What changed since an earlier run of the same report: the changes table.

Two runs are compared through their tables (the earlier run's are kept beside its
report), never through their HTML. Each change is one row: its ``kind``, a ``key`` (an
outlet, a concept with its unit and rate, a source, a term), the value ``before`` and
``after``, and the ids of the articles it rests on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.comparisons import describe_group, plain_number
from analysis.schema import CHANGES

# Kinds of change, in the order a reader meets them.
KINDS = ("new_articles", "articles_gone", "new_concept", "new_outlet_for_concept",
         "figure_moved", "new_source", "source_gone", "term_rate")
# A term's rate must move at least this much (mentions per 1,000 words) to be a change.
MIN_RATE_CHANGE = 0.1


@dataclass(frozen=True)
class RunTables:
    """The tables of one run that a comparison reads, and where they came from."""

    label: str  # the earlier run's date or folder, for sentences
    articles: pd.DataFrame
    figures: pd.DataFrame
    attributions: pd.DataFrame
    keywords: pd.DataFrame
    fold_duplicates: bool = True

    def counted(self) -> pd.DataFrame:
        """Return the articles counts use (in the pipeline's language; rewrites folded)."""
        from analysis.pipeline import select_counted

        return select_counted(self.articles, fold_duplicates=self.fold_duplicates)


def read_run(folder: Path, *, label: str, fold_duplicates: bool = True) -> RunTables:
    """Return the tables of the run whose Parquet tables are in ``folder``."""
    import pyarrow.parquet as pq

    frames = {name: pq.read_table(folder / f"{name}.parquet").to_pandas()
              for name in ("articles", "figures", "attributions", "keywords")}
    if "analysed" not in frames["articles"].columns:  # tables of an older version
        frames["articles"]["analysed"] = True
    return RunTables(label=label, fold_duplicates=fold_duplicates, **frames)


def compare_runs(before: RunTables, after: RunTables) -> pd.DataFrame:
    """Return the changes table from ``before`` to ``after``: one row per change."""
    rows = [*_articles(before, after), *_figures(before, after), *_sources(before, after),
            *_terms(before, after)]
    table = pd.DataFrame(rows, columns=list(CHANGES))
    order = {kind: number for number, kind in enumerate(KINDS)}
    # Within a kind, rows keep the order their maker gave: outlets and concepts by name,
    # sources most cited first, terms that moved most first.
    table = table.assign(_order=table["kind"].map(order)).sort_values(
        "_order", kind="stable").drop(columns="_order")
    return table.reset_index(drop=True)


def _articles(before: RunTables, after: RunTables) -> list[list]:
    rows = []
    old, new = set(before.articles["article_id"]), set(after.articles["article_id"])
    for kind, ids, frame in (("new_articles", new - old, after.articles),
                             ("articles_gone", old - new, before.articles)):
        chosen = frame[frame["article_id"].isin(ids)]
        for outlet, group in chosen.groupby("outlet", sort=True):
            counts = (len(before.articles[before.articles["outlet"] == outlet]),
                      len(after.articles[after.articles["outlet"] == outlet]))
            rows.append([kind, outlet or "(no outlet named)", str(counts[0]), str(counts[1]),
                         " ".join(sorted(group["article_id"]))])
    return rows


def _figures(before: RunTables, after: RunTables) -> list[list]:
    old = _figure_groups(before)
    new = _figure_groups(after)
    rows = []
    old_concepts = {key[0] for key in old}
    for key, figures in sorted(new.items()):
        concept, unit, rate, outlet = key
        group = describe_group(concept, unit, rate)
        ids = " ".join(sorted(figures["article_ids"]))
        if concept not in old_concepts:
            rows.append(["new_concept", f"{group} · {outlet}", "", figures["values"], ids])
        elif key not in old:
            rows.append(["new_outlet_for_concept", f"{group} · {outlet}", "", figures["values"],
                         ids])
        elif old[key]["values"] != figures["values"]:
            rows.append(["figure_moved", f"{group} · {outlet}", old[key]["values"],
                         figures["values"], ids])
    return rows


def _figure_groups(run: RunTables) -> dict[tuple, dict]:
    """Return per (concept, unit, rate, outlet) of the counted articles the values given
    ("a–b" when several) and the articles that gave them."""
    keys = ["concept", "unit", "rate_period", "outlet"]
    outlets = run.counted()[["article_id", "outlet"]].astype({"article_id": str})
    figures = run.figures[run.figures["concept"].fillna("").astype(str) != ""]
    rows = figures.astype({"article_id": str}).merge(outlets, on="article_id", how="inner")
    rows = rows.fillna({"unit": "", "rate_period": "", "outlet": ""})
    groups: dict[tuple, dict] = {}
    for key, group in rows.groupby(keys, sort=True):
        low, high = group["value"].min(), group["value"].max()
        values = plain_number(low) if low == high else \
            f"{plain_number(low)}–{plain_number(high)}"
        groups[key] = {"values": values, "article_ids": set(group["article_id"])}
    return groups


def _sources(before: RunTables, after: RunTables) -> list[list]:
    old, new = _citing(before), _citing(after)
    rows = []
    # The most cited first: the first few are what the key findings name.
    for name in sorted(set(new) - set(old), key=lambda name: (-new[name][0], name)):
        rows.append(["new_source", name, "0", str(new[name][0]), new[name][1]])
    for name in sorted(set(old) - set(new), key=lambda name: (-old[name][0], name)):
        rows.append(["source_gone", name, str(old[name][0]), "0", old[name][1]])
    return rows


def _citing(run: RunTables) -> dict[str, tuple[int, str]]:
    """Return, per source name (one per person, as ``top_sources`` counts them), its
    citations in the counted articles of ``run`` and those articles' ids (sorted, joined
    by spaces)."""
    from analysis.attribution import fold_source_names, only_citations

    cited = fold_source_names(only_citations(run.attributions))
    cited = cited[cited["article_id"].isin(run.counted()["article_id"])
                  & (cited["source_name"].astype(str) != "")]
    return {name: (len(ids), " ".join(sorted(set(ids))))
            for name, ids in cited.groupby("source_name")["article_id"]}


def _terms(before: RunTables, after: RunTables) -> list[list]:
    old, new = _term_rates(before), _term_rates(after)
    rows = []
    for term in sorted(set(old) | set(new)):
        change = new.get(term, 0.0) - old.get(term, 0.0)
        if abs(change) >= MIN_RATE_CHANGE:
            rows.append(["term_rate", term, f"{old.get(term, 0.0):.2f}",
                         f"{new.get(term, 0.0):.2f}", ""])
    return sorted(rows, key=lambda row: -abs(float(row[3]) - float(row[2])))


def _term_rates(run: RunTables) -> dict[str, float]:
    """Return each tracked term's mentions per 1,000 words over the counted articles."""
    counted = run.counted()
    words = int(counted["words"].sum())
    if not words:
        return {}
    mentions = run.keywords[run.keywords["article_id"].isin(counted["article_id"])]
    return {term: 1000 * count / words
            for term, count in mentions.groupby("term")["count"].sum().items()}


def describe(change: pd.Series) -> str:
    """Return one change as a sentence for the key findings."""
    kind, key, before, after = change["kind"], change["key"], change["before"], change["after"]
    if kind == "new_articles":
        return f"{key}: {len(change['article_ids'].split())} new article(s) ({after} in all)"
    if kind == "articles_gone":
        return f"{key}: {len(change['article_ids'].split())} article(s) no longer in the corpus"
    sentences = {
        "new_concept": f"a new concept, {key}: {after}",
        "new_outlet_for_concept": f"{key} reports it for the first time: {after}",
        "figure_moved": f"{key} moved from {before} to {after}",
        "new_source": f"newly cited: {key} ({after} citation(s))",
        "source_gone": f"no longer cited: {key} (was {before})",
        "term_rate": f"{key} from {before} to {after} mentions per 1,000 words",
    }
    return sentences[kind]
