"""Writing tables: CSV cells a spreadsheet would run are neutralised; Parquet keeps values."""

from __future__ import annotations

import csv

import pandas as pd
import pyarrow.parquet as pq

from analysis import schema
from analysis.reports import table_outlets
from analysis.tablestore import staged_tables, table_columns


def article_rows(outlets: list[str]) -> pd.DataFrame:
    rows = []
    for number, outlet in enumerate(outlets):
        row = dict.fromkeys(table_columns("articles"), "")
        row.update(article_id=f"a{number}", outlet=outlet, words=10, boilerplate_chars=0,
                   duplicate_score=None, analysed=True, title=outlet)
        rows.append(row)
    return pd.DataFrame(rows)


def test_cells_a_spreadsheet_would_run_are_quoted_in_csv_and_kept_in_parquet(tmp_path):
    hostile = ['=HYPERLINK("http://evil.example","x")', "+1", "-2", "@SUM(A1)", "\tx", "plain"]
    with staged_tables(tmp_path / "tables") as files:
        files.append("articles", article_rows(hostile))
        files.run_info = {}
    with (tmp_path / "tables" / "articles.csv").open(newline="", encoding="utf-8") as handle:
        titles = [row["title"] for row in csv.DictReader(handle)]
    assert titles == ["'" + value for value in hostile[:-1]] + ["plain"]
    parquet = pq.read_table(tmp_path / "tables" / "articles.parquet").column("title")
    assert parquet.to_pylist() == hostile
    assert set(schema.ARTICLES) <= set(pd.read_csv(tmp_path / "tables" / "articles.csv").columns)


def test_outlet_names_that_look_like_numbers_or_flags_stay_text(tmp_path):
    with staged_tables(tmp_path / "tables") as files:
        files.append("articles", article_rows(["1999", "NaN", "True", "007", ""]))
        files.run_info = {}
    assert table_outlets(tmp_path / "tables" / "articles.parquet") == [
        "007", "1999", "NaN", "True"]
