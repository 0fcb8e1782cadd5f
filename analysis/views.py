"""What a report shows: its header, key findings, summary tables and long listings.

Summary tables are DataFrames, which pandas renders with every cell escaped. Long
listings (``listing``) are interactive tables (itables in its offline mode: sort, search,
page, all inside the one HTML file, cells escaped); an empty one is a sentence instead.
Rows name articles by a short label (outlet, date, short title), not by their id. The
few HTML boxes here (key findings, caveats, links) escape every value they hold.
"""

from __future__ import annotations

import html

import pandas as pd

from analysis.attribution import anonymous_shares, only_citations
from analysis.attribution import top_sources as _top_sources
from analysis.comparisons import (  # noqa: F401 (compare_figures and the rest: the views API)
    COMPARISON_COLUMNS,
    comparable,
    compare_figures,
    plain_number,
)
from analysis.workbook import ReportData

# The most rows a report lists in one table; the CSV beside the report has them all.
ROW_LIMIT = 500
# Characters of a title in an article's label, and of long text in a listing cell.
LABEL_TITLE_CHARS = 40
# Rows a listing shows per page (the reader can choose more).
PAGE_ROWS = 10


def interactive_tables():
    """Load the interactive-table library into the notebook, offline: its script and style
    are embedded in this output, so the rendered report fetches nothing. Call once, before
    the first ``listing``; returns the HTML to display."""
    from pathlib import Path

    import itables
    from IPython.display import HTML
    from itables.javascript import generate_init_offline_itables_html

    bundle = Path(itables.__file__).parent / "html" / "dt_bundle.js"
    return HTML(generate_init_offline_itables_html(bundle))


def listing(frame: pd.DataFrame, *, empty: str, data: ReportData | None = None):
    """Return ``frame`` as an interactive table (sort, search, pages) that works offline, or
    the sentence ``empty`` when it has no rows. With ``data``, an ``article_id`` column
    becomes the article's label, first. The first column stays in view; cells are escaped,
    never read as HTML."""
    from IPython.display import HTML
    from itables import to_html_datatable

    if frame.empty:
        return HTML(f'<p class="empty-table">{html.escape(empty)}</p>')
    table = frame.reset_index() if frame.index.name else frame
    if data is not None and "article_id" in table.columns:
        table = with_labels(table, data)
    return HTML(to_html_datatable(
        table, connected=False, maxBytes=0, pageLength=PAGE_ROWS, showIndex=False,
        classes="display compact listing", autoWidth=False, scrollX=True,
        fixedColumns={"start": 1}, display_logo_when_loading=False, allow_html=False))


def article_labels(articles: pd.DataFrame) -> pd.Series:
    """Return a short label per article id: "The New York Times · 2021-03-18 · Biden Urges
    Mexico to Do More…" (the id where there is no title)."""
    titles = articles["title"].fillna("").astype(str)
    named = titles.where(titles.str.strip() != "", articles["article_id"].astype(str))
    parts = [articles["outlet"].replace("", "(no outlet named)"),
             articles["published"].replace("", "undated"),
             named.map(lambda title: shortened(title, LABEL_TITLE_CHARS))]
    labels = parts[0].str.cat(parts[1:], sep=" · ")
    return pd.Series(labels.to_numpy(), index=articles["article_id"].to_numpy())


def with_labels(frame: pd.DataFrame, data: ReportData) -> pd.DataFrame:
    """Return ``frame`` with its article_id column replaced, in place, by the article's
    label ("outlet · date · short title")."""
    labels = article_labels(data.tables.articles)
    labelled = frame.assign(article_id=frame["article_id"].map(labels))
    return labelled.rename(columns={"article_id": "article"})


def key_findings(data: ReportData):
    """Return the key findings (``findings.key_findings``) as a list: each sentence with
    its numbers and a link to the section that shows them, caveats last."""
    from IPython.display import HTML

    from analysis.findings import key_findings as findings_of

    items = []
    for finding in findings_of(data):
        anchor, name = html.escape(finding.section), html.escape(_section_name(finding))
        link = f'<a href="#{anchor}">{name}</a>'
        kind = ' class="caveat"' if finding.topic == "caveat" else ""
        items.append(f"<li{kind}>{html.escape(finding.text)} ({link})</li>")
    return HTML(f'<ul class="key-findings">{"".join(items)}</ul>')


def _section_name(finding) -> str:
    return finding.section.replace("-", " ").replace(" ,", ",")


def report_header(data: ReportData, *, report_date: str = "") -> pd.DataFrame:
    """Return the report's header facts: corpus, fingerprint, coverage and run date."""
    articles = data.tables.articles
    dated = articles.loc[articles["published"] != "", "published"]
    facts = {
        "report date": report_date or data.run_info["created"][:10],
        "corpus": str(data.parameters.corpus),
        "corpus fingerprint": data.run_info["corpus"]["fingerprint"],
        "articles": len(articles),
        "outlets": ", ".join(sorted(set(articles["outlet"]) - {""})) or "(none named)",
        "published": f"{dated.min()} to {dated.max()}" if len(dated) else "(undated)",
        "skipped inputs": len(data.corpus.skipped),
        "duplicates folded in counts": data.tables.folded,
        "generated (UTC)": data.run_info["created"],
    }
    return pd.DataFrame({"value": [str(value) for value in facts.values()]},
                        index=pd.Index(list(facts), name=""))


def what_changed(data: ReportData):
    """Return the changes since the earlier report (one row each, with the articles they
    rest on by label), or a sentence when there is no earlier report or nothing changed."""
    from IPython.display import HTML

    if data.changes is None:
        return HTML('<p class="empty-table">This is the first report of this corpus with these '
                    "parameters: the next run says what changed since this one.</p>")
    labels = article_labels(data.tables.articles)

    def named(ids: str, shown: int = 2) -> str:
        # Two labels and a count keep a row short on a phone; changes.csv lists them all.
        ids = str(ids).split()
        more = f" and {len(ids) - shown:,} more" if len(ids) > shown else ""
        return "; ".join(labels.get(article_id, article_id) for article_id in ids[:shown]) + more

    rows = data.changes.assign(articles=data.changes["article_ids"].map(named))
    return listing(rows[["kind", "key", "before", "after", "articles"]],
                   empty=f"Nothing changed in the counts since {data.changes_since}.")


def coverage_gaps(data: ReportData) -> pd.DataFrame:
    """Return per outlet and period what the collection holds (``gaps.coverage_gaps``)."""
    from analysis.gaps import coverage_gaps as gaps

    return gaps(data.tables.articles, period=data.run_info.get("trend_period", "month"))


def run_line(data: ReportData, *, report_date: str = ""):
    """Return one line under the report's title: its date, corpus, size and run time."""
    from IPython.display import HTML

    info = data.run_info
    facts = [f"Report of {report_date or info['created'][:10]}",
             f"corpus {data.parameters.corpus.name or data.parameters.corpus}",
             f"{len(data.tables.articles):,} articles",
             f"trend period {info.get('trend_period', data.parameters.period)}",
             f"generated {info['created'].replace('T', ' ')[:16]} UTC"]
    return HTML(f'<p class="run-line">{html.escape(" · ".join(facts))}</p>')


def table_or_sentence(frame: pd.DataFrame, *, empty: str):
    """Return ``frame``, or the sentence ``empty`` when it has no rows (not a bare header)."""
    from IPython.display import HTML

    return HTML(f'<p class="empty-table">{html.escape(empty)}</p>') if frame.empty else frame


def term_totals(data: ReportData) -> pd.DataFrame:
    """Return mentions of each tracked term per outlet over the counted articles, dated or
    undated alike (``keywords.term_totals``)."""
    from analysis.keywords import term_totals as totals

    return totals(data.tables.keywords, data.tables.counted_articles())


def articles_overview(data: ReportData) -> pd.DataFrame:
    """Return one row per article, oldest first: its date, words, what was found in it
    (citations, attributions: every row of that table, figures), its language, and the
    earlier article it repeats (by label) when it is a folded rewrite."""
    tables = data.tables
    overview = tables.articles[["article_id", "published", "words", "language",
                                "duplicate_of"]].copy()
    for name, frame in (("citations", only_citations(tables.attributions)),
                        ("attributions", tables.attributions), ("figures", tables.figures)):
        counts = frame.groupby("article_id").size()
        overview[name] = overview["article_id"].map(counts).fillna(0).astype(int)
    labels = article_labels(tables.articles)
    overview["duplicate_of"] = overview["duplicate_of"].map(
        lambda original: labels.get(original, original) if original else "")
    columns = ["article_id", "published", "words", "citations", "attributions", "figures",
               "language", "duplicate_of"]
    return overview.sort_values(["published", "article_id"], kind="stable")[columns].set_index(
        "article_id")


def cleaning_summary(data: ReportData) -> pd.DataFrame:
    """Return per article: characters removed as furniture, and the rewrite it repeats."""
    articles = data.tables.articles
    summary = articles[["article_id", "outlet", "boilerplate_chars", "duplicate_of",
                        "duplicate_score"]].copy()
    rules = data.tables.boilerplate.groupby("article_id")["rule"].agg(
        lambda names: ", ".join(sorted(set(names))))
    summary["removed by"] = summary["article_id"].map(rules).fillna("")
    summary["duplicate_score"] = summary["duplicate_score"].map(
        lambda score: "" if pd.isna(score) else f"{score:.3f}")
    return summary.set_index("article_id")


def removed_text(data: ReportData, *, width: int = 160) -> pd.DataFrame:
    """Return every removed span with its rule, the text cut to ``width`` characters."""
    removed = data.tables.boilerplate.copy()
    removed["text"] = removed["text"].map(lambda text: shortened(text, width))
    return removed[["rule", "text", "start", "end", "article_id"]]


def shortened(text: str, width: int) -> str:
    """Return ``text`` on one line, cut to ``width`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def top_terms(data: ReportData, *, top: int = 15) -> pd.DataFrame:
    """Return the most frequent tracked terms: count, articles with a hit, per 1,000 words.

    Duplicates are folded as the run's ``fold_duplicates`` says.
    """
    counted = data.tables.counted_articles()
    keywords = data.tables.keywords
    keywords = keywords[keywords["article_id"].isin(counted["article_id"])]
    total_words = max(int(counted["words"].sum()), 1)
    table = keywords.groupby("term").agg(count=("count", "sum"),
                                         articles=("article_id", "nunique"))
    table["per_1k_words"] = (1000 * table["count"] / total_words).round(2)
    return table.sort_values(["count", "articles"], ascending=False, kind="stable").head(top)


def keyterms_by_outlet(data: ReportData, *, top: int = 8) -> pd.DataFrame:
    """Return each outlet's ``top`` keyterms: textacy scores summed over its articles.

    Duplicates are folded as the run's ``fold_duplicates`` says.
    """
    counted = data.tables.counted_articles()[["article_id", "outlet"]]
    keyterms = data.tables.keyterms.merge(counted, on="article_id")
    scores = keyterms.groupby(["outlet", "keyterm"], as_index=False).agg(
        score=("score", "sum"), articles=("article_id", "nunique"))
    scores = scores.sort_values(["outlet", "score", "keyterm"], ascending=[True, False, True],
                                kind="stable")
    leaders = scores.groupby("outlet").head(top)
    table = leaders.groupby("outlet")["keyterm"].agg("; ".join).to_frame("keyterms")
    table.insert(0, "articles", counted.groupby("outlet").size().reindex(table.index))
    return table


def distinctive_words(data: ReportData, *, comparison: str = "outlet", top: int = 8
                      ) -> pd.DataFrame:
    """Return per group (outlet or period) its ``top`` distinctive words with their z-scores."""
    rows = data.tables.distinctive
    rows = rows[(rows["comparison"] == comparison) & (rows["z_score"] > 0)]
    leaders = rows.groupby("group").head(top)
    return leaders.groupby("group").agg(
        words=("term", lambda terms: "; ".join(terms)),
        z_scores=("z_score", lambda scores: "; ".join(f"{score:.1f}" for score in scores)))


def hits_in_context(
    data: ReportData, *, term: str = "", outlet: str = "", per_term: int | None = None
) -> pd.DataFrame:
    """Return every hit of a tracked term with its left and right context.

    Filter with ``term`` and ``outlet`` (exact names); ``per_term`` keeps the first hits of
    each term in date order, which is what a report shows (the full table is kwic.csv).
    """
    hits = data.tables.kwic.merge(
        data.tables.articles[["article_id", "outlet", "published"]], on="article_id")
    if term:
        hits = hits[hits["term"] == term]
    if outlet:
        hits = hits[hits["outlet"] == outlet]
    hits = hits.sort_values(["term", "published", "article_id", "start"], kind="stable")
    if per_term is not None:
        hits = hits.groupby("term").head(per_term)
    return hits[["term", "left", "match", "right", "outlet", "published", "article_id"]
                ].set_index("term")


def figure_rows(data: ReportData, *, limit: int = ROW_LIMIT) -> pd.DataFrame:
    """Return the first ``limit`` extracted figures with their outlet, oldest article first,
    in reading order."""
    merged = data.tables.figures.merge(
        data.tables.articles[["article_id", "outlet", "published"]], on="article_id")
    columns = ["surface", "value", "unit", "rate_period", "concept", "object", "approximate",
               "bound", "source", "rule", "article_id"]
    ordered = merged.sort_values(["published", "article_id", "start"], kind="stable")
    rows = ordered[columns].head(limit)
    return rows.assign(value=rows["value"].map(plain_number))


def figure_comparison(data: ReportData) -> pd.DataFrame:
    """Return who reported which number for the same concept, unit and rate, where at least
    two outlets did, values written out in full.

    One row per concept, unit, rate, outlet and date (see ``compare_figures``); counted
    articles only, so a rewrite does not repeat its original's numbers.
    """
    table = comparable(compare_figures(data.tables.figures, data.tables.counted_articles()))
    for column in ("value_min", "value_max"):
        table[column] = table[column].map(plain_number)
    return table.set_index("concept")


def attribution_rows(data: ReportData, *, limit: int = ROW_LIMIT, width: int = 160,
                     everything: bool = False) -> pd.DataFrame:
    """Return the first ``limit`` citations with their outlet, who is cited (the source as
    written and its one name), how, what each attributes (cut to ``width`` characters) and
    the rule that counted it, oldest article first, in reading order. With ``everything``,
    every attribution (beliefs, plans and stances by deeds too, with ``citation``)."""
    rows = data.tables.attributions if everything else only_citations(data.tables.attributions)
    merged = rows.merge(
        data.tables.articles[["article_id", "outlet", "published"]], on="article_id")
    columns = ["source_name", "cue", "content", "source", "source_kind", "side", "quote_type",
               "cue_class", *(["citation"] if everything else []), "rule", "article_id"]
    ordered = merged.sort_values(["published", "article_id", "cue_start"], kind="stable")
    rows = ordered[columns].head(limit)
    return rows.assign(content=rows["content"].map(lambda text: shortened(text, width)))


def top_sources(data: ReportData, *, per_outlet: bool = False, top: int = 10) -> pd.DataFrame:
    """Return who is cited most, over the counted articles (duplicates folded as the run
    says): the source's name, kind, side, citations and articles citing it, the ``top`` per
    outlet with ``per_outlet`` (see ``attribution.top_sources``)."""
    table = _top_sources(data.tables.attributions, data.tables.counted_articles(),
                         per_outlet=per_outlet, top=top)
    return table.set_index("outlet" if per_outlet else "source_name")


def anonymous_share(data: ReportData) -> pd.DataFrame:
    """Return per outlet how many of its citations rest on anonymous sources, written out
    ("3 of 5") and as a share, highest share first, over the counted articles."""
    table = anonymous_shares(data.tables.attributions, data.tables.counted_articles())
    return table[["outlet", "anonymous share", "share", "anonymous", "citations"]].set_index(
        "outlet")


def provenance(data: ReportData) -> pd.DataFrame:
    """Return the versions, parameters and timings the run recorded in run.json."""
    info = data.run_info
    rows = {f"version: {name}": value for name, value in info["versions"].items()}
    rows.update({f"parameter: {name}": value for name, value in info["parameters"].items()
                 if name != "tables_dir"})
    if "trend_period" in info:
        rows["trend period used"] = info["trend_period"]
    corrections = info.get("corrections") or {}
    if corrections.get("lines"):
        rows["corrections applied"] = (f"{corrections['applied']} of {corrections['lines']} "
                                       f"({corrections['file']})")
        for number, unmatched in enumerate(corrections["unmatched"], start=1):
            rows[f"correction not matched {number}"] = unmatched
    rows.update({f"seconds: {name}": value for name, value in info["timings_seconds"].items()})
    return pd.DataFrame({"value": [str(value) for value in rows.values()]},
                        index=pd.Index(list(rows), name=""))


def table_links(data: ReportData, *, written_to: str = ""):
    """Return links to the CSV tables of this report, or a sentence saying none were written.

    A report the command line publishes has its tables beside it in ``tables/``; a
    notebook run with ``out_dir`` links the folder as its parameter names it.
    """
    from IPython.display import HTML

    from analysis import schema

    if data.parameters.tables_dir is not None:
        folder = "tables"
    elif written_to:
        folder = written_to.rstrip("/")
    else:
        return HTML("<p>The tables of this run were not written; set <code>out_dir</code> to "
                    "keep them as CSV and Parquet beside <code>run.json</code>.</p>")
    links = " · ".join(f'<a href="{html.escape(folder)}/{name}.csv">{name}.csv</a>'
                       for name in schema.TABLES)
    return HTML(f"<p>The tables this report was computed from (with Parquet versions and "
                f"<code>run.json</code>), in <code>{html.escape(folder)}/</code>: {links}.</p>")


def skipped_inputs(data: ReportData) -> pd.DataFrame:
    """Return every skipped input and every warning with its file, line and reason."""
    rows = [{"kind": kind, "file": problem.path, "line": problem.line or "",
             "reason": problem.reason}
            for kind, problems in (("skipped", data.corpus.skipped),
                                   ("warning", data.corpus.warnings))
            for problem in problems]
    return pd.DataFrame(rows, columns=["kind", "file", "line", "reason"]).set_index("kind")


def outlet_against_rest(data: ReportData, outlet: str) -> pd.DataFrame:
    """Return key rates of ``outlet`` beside those of all other outlets pooled.

    Rows: articles, words, tracked-term mentions per 1,000 words, citations and figures per
    article, and the share of citations resting on anonymous sources ("3 of 5").
    Duplicates are folded as the run says.
    """
    tables = data.tables
    counted = tables.counted_articles()
    sides = {outlet: counted[counted["outlet"] == outlet],
             "all other outlets": counted[counted["outlet"] != outlet]}
    columns = {}
    for name, articles in sides.items():
        ids = set(articles["article_id"])
        mentions = tables.keywords.loc[tables.keywords["article_id"].isin(ids), "count"].sum()
        cited = only_citations(tables.attributions)
        cited = cited[cited["article_id"].isin(ids)]
        anonymous = int((cited["source_kind"] == "anonymous").sum())
        found = tables.figures[tables.figures["article_id"].isin(ids)]
        words, count = int(articles["words"].sum()), len(articles)
        columns[name] = {
            "articles": count,
            "words": words,
            "tracked-term mentions per 1,000 words": round(1000 * mentions / max(words, 1), 2),
            "citations per article": round(len(cited) / max(count, 1), 2),
            "anonymous share of citations": round(anonymous / len(cited), 3) if len(cited)
            else 0.0,
            "anonymous citations": f"{anonymous} of {len(cited)}",
            "figures per article": round(len(found) / max(count, 1), 2),
        }
    return pd.DataFrame(columns)


def outlet_figures_in_context(data: ReportData, outlet: str) -> pd.DataFrame:
    """Return the figure comparison for the concepts ``outlet`` reported, every outlet shown."""
    table = figure_comparison(data)
    concepts = set(table.index[table["outlet"] == outlet])
    return table[table.index.isin(concepts)]
