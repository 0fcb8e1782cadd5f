"""Scheduled runs say what changed: the changes table, the opening findings and the index."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from analysis.changes import RunTables, compare_runs
from tests.conftest import SEEDS, report_folder
from tests.test_cli import run_cli

DAY_ONE, DAY_TWO = "2024-01-30", "2024-01-31"


def run_tables(articles, figures=(), attributions=(), keywords=()) -> RunTables:
    return RunTables(
        label="before",
        articles=pd.DataFrame(articles, columns=["article_id", "outlet", "published", "words",
                                                 "duplicate_of", "analysed"]),
        figures=pd.DataFrame(list(figures), columns=[
            "article_id", "start", "surface", "value", "unit", "concept", "rate_period"]),
        attributions=pd.DataFrame(list(attributions), columns=[
            "article_id", "source_name", "source_kind", "side", "citation"]),
        keywords=pd.DataFrame(list(keywords), columns=["article_id", "term", "count"]))


def test_the_changes_name_new_articles_sources_moved_figures_and_term_rates():
    before = run_tables(
        [["a", "Reuters", "2024-01-01", 1000, "", True]],
        figures=[["a", 0, "10,000", 10000, "", "crossing", "day"]],
        attributions=[["a", "Joe Biden", "named_person", "US", True]],
        keywords=[["a", "asylum", 2]])
    after = run_tables(
        [["a", "Reuters", "2024-01-01", 1000, "", True],
         ["b", "AP", "2024-01-02", 1000, "", True]],
        figures=[["a", 0, "10,000", 10000, "", "crossing", "day"],
                 ["b", 0, "12,000", 12000, "", "crossing", "day"]],
        attributions=[["b", "Claudia Sheinbaum", "named_person", "Mexico", True]],
        keywords=[["a", "asylum", 2], ["b", "asylum", 6]])
    changes = compare_runs(before, after)
    rows = {(row.kind, row.key): (row.before, row.after, row.article_ids)
            for row in changes.itertuples()}
    assert rows[("new_articles", "AP")] == ("0", "1", "b")
    assert rows[("new_outlet_for_concept", "crossing (per day) · AP")] == ("", "12,000", "b")
    assert rows[("new_source", "Claudia Sheinbaum")] == ("0", "1", "b")
    assert rows[("source_gone", "Joe Biden")] == ("1", "0", "a")
    assert rows[("term_rate", "asylum")] == ("2.00", "4.00", "")
    assert list(changes["kind"]) == sorted(changes["kind"], key=[
        "new_articles", "new_outlet_for_concept", "new_source", "source_gone",
        "term_rate"].index)


def test_new_sources_come_most_cited_first_and_terms_that_moved_most_first():
    before = run_tables([["a", "AP", "2024-01-01", 1000, "", True]],
                        keywords=[["a", "asylum", 1], ["a", "border", 1]])
    after = run_tables(
        [["a", "AP", "2024-01-01", 1000, "", True], ["b", "AP", "2024-01-02", 1000, "", True]],
        attributions=[["b", "Adam Abbott", "named_person", "", True],
                      ["b", "Zoe Zimmer", "named_person", "", True],
                      ["a", "Zoe Zimmer", "named_person", "", True],
                      ["b", "Bea Brown", "named_person", "", True]],
        keywords=[["a", "asylum", 1], ["a", "border", 1], ["b", "asylum", 3],
                  ["b", "border", 9]])
    changes = compare_runs(before, after)
    new = changes[changes["kind"] == "new_source"]
    assert new[["key", "after", "article_ids"]].values.tolist() == [
        ["Zoe Zimmer", "2", "a b"], ["Adam Abbott", "1", "b"], ["Bea Brown", "1", "b"]]
    terms = changes[changes["kind"] == "term_rate"]
    assert terms[["key", "before", "after"]].values.tolist() == [
        ["border", "1.00", "5.00"], ["asylum", "1.00", "2.00"]]


def test_an_outlet_that_swapped_an_article_has_one_new_and_one_gone():
    from analysis.changes import describe

    before = run_tables([["a", "AP", "2024-01-01", 1000, "", True]])
    after = run_tables([["b", "AP", "2024-01-02", 1000, "", True]])
    sentences = [describe(row) for _, row in compare_runs(before, after).iterrows()]
    assert "AP: 1 new article(s) (1 in all)" in sentences
    assert "AP: 1 article(s) no longer in the corpus" in sentences


def test_a_figure_change_lists_only_the_articles_with_that_unit_and_rate():
    articles = [["a", "AP", "2024-01-01", 1000, "", True],
                ["c", "AP", "2024-01-02", 1000, "", True]]
    before = run_tables(articles[:1], figures=[["a", 0, "$4 billion", 4e9, "USD", "aid", ""]])
    after = run_tables(articles, figures=[["a", 0, "$4 billion", 4e9, "USD", "aid", ""],
                                          ["c", 0, "$1 million a day", 1e6, "USD", "aid", "day"]])
    rows = {row.key: row.article_ids for row in compare_runs(before, after).itertuples()
            if row.kind == "new_outlet_for_concept"}
    assert rows == {"aid (USD, per day) · AP": "c"}


@pytest.fixture(scope="module")
def two_days(tmp_path_factory):
    """The seeds split by date: the 2021 articles on day one, all of them on day two."""
    root = tmp_path_factory.mktemp("two-days")
    corpus, reports = root / "corpus", root / "reports"
    corpus.mkdir()
    manifest = (SEEDS / "manifest.csv").read_text(encoding="utf-8").splitlines()
    early = [line for line in manifest[1:] if ",2021-" in line]
    for line in early:
        name = line.split(",")[0] + ".txt"
        shutil.copy(SEEDS / name, corpus / name)
    (corpus / "manifest.csv").write_text("\n".join([manifest[0], *early]) + "\n", "utf-8")
    first = run_cli("report", "--corpus", str(corpus), "--reports-dir", str(reports),
                    "--date", DAY_ONE)
    assert first.returncode == 0, first.stderr[-3000:]
    for path in SEEDS.iterdir():
        shutil.copy(path, corpus / path.name)
    second = run_cli("report", "--corpus", str(corpus), "--reports-dir", str(reports),
                     "--date", DAY_TWO)
    assert second.returncode == 0, second.stderr[-3000:]
    return corpus, reports


def test_the_second_day_compares_with_the_first_and_opens_with_what_changed(two_days):
    _corpus, reports = two_days
    folder = report_folder(reports, DAY_TWO)
    changes = pd.read_csv(folder / "tables" / "changes.csv", dtype=str, keep_default_na=False)
    new = changes[changes["kind"] == "new_articles"]
    assert set(new["key"]) == {"NBC News (rewritten)", "stern.de"}
    assert "new_source" in set(changes["kind"])
    page = (folder / "report.html").read_text(encoding="utf-8")
    findings = page[page.index('<ul class="key-findings">'):]
    assert findings.index(f"Since the report of {DAY_ONE}") < findings.index("articles from")
    assert "What changed" in page and "stern.de: 1 new article(s)" in page
    first = report_folder(reports, DAY_ONE)
    assert not (first / "tables" / "changes.csv").exists()  # the first report has no base


def test_the_index_groups_runs_and_links_what_changed(two_days):
    corpus, reports = two_days
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert index.count(f"<h2>{corpus}</h2>") == 1  # one group: same corpus and parameters
    second = report_folder(reports, DAY_TWO).name
    assert f'href="{second}/report.html#What-changed"' in index
    assert index.index(DAY_TWO) < index.index(DAY_ONE)  # newest first


def test_since_names_another_base_or_exits_2(two_days, tmp_path):
    corpus, reports = two_days
    bad = run_cli("report", "--corpus", str(corpus), "--reports-dir", str(reports),
                  "--date", "2024-02-01", "--since", "2023-12-31")
    assert bad.returncode == 2 and "parameter '--since'" in bad.stderr
    assert f"there are reports of {DAY_ONE}, {DAY_TWO}" in bad.stderr
    base = report_folder(reports, DAY_ONE)
    good = run_cli("report", "--corpus", str(corpus), "--reports-dir", str(reports),
                   "--date", "2024-02-01", "--since", str(base), "--force")
    assert good.returncode == 0, good.stderr[-3000:]
    changes = pd.read_csv(report_folder(reports, "2024-02-01") / "tables" / "changes.csv",
                          dtype=str, keep_default_na=False)
    assert "new_articles" in set(changes["kind"])  # against day one, not day two
