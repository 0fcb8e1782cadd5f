"""Analyst corrections: kept in a file, keyed to survive re-runs, applied and counted."""

from __future__ import annotations

import csv
import json

import pandas as pd
import pytest

from analysis.corrections import CorrectionsError, load_corrections
from tests.conftest import SEEDS
from tests.test_cli import run_cli

PRESS_TV, NYT = "000_8c58a1b6ffc7d96e", "001_631f0facc17a50fe"


@pytest.fixture(scope="module")
def seed_tables(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corrections")
    result = run_cli("extract", str(SEEDS), "--out", str(folder / "before"))
    assert result.returncode == 0, result.stderr[-2000:]
    return folder


def table(folder, name) -> pd.DataFrame:
    return pd.read_parquet(folder / f"{name}.parquet")


def test_corrections_drop_and_fix_records_and_articles_and_count_what_they_did(seed_tables):
    before = seed_tables / "before"
    figures, attributions = table(before, "figures"), table(before, "attributions")
    dose = figures[(figures["article_id"] == PRESS_TV) & (figures["surface"] == "2.5 million")]
    (dose,) = dose.itertuples()
    cited = attributions[attributions["citation"] & (attributions["article_id"] == NYT)]
    first = cited.iloc[0]
    rows = [
        ["table", "article_id", "start", "match", "action", "field", "value", "note"],
        ["figures", PRESS_TV, dose.start, dose.surface, "set", "concept", "aid", "not doses"],
        ["figures", PRESS_TV, dose.start + 48, "1.5 million", "drop", "", "", ""],
        ["attributions", NYT, first.cue_start, first.cue, "set", "citation", "false", ""],
        ["articles", PRESS_TV, "", "", "set", "duplicate_of", "", "not a rewrite"],
        ["articles", NYT, "", "", "set", "outlet", "NYT desk", ""],
        ["figures", NYT, 1, "no such words", "drop", "", "", "stale"],
    ]
    path = seed_tables / "corrections.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    result = run_cli("extract", str(SEEDS), "--out", str(seed_tables / "after"),
                     "--corrections", str(path))
    assert result.returncode == 0, result.stderr[-2000:]
    after = seed_tables / "after"
    figures_after = table(after, "figures").set_index(["article_id", "surface"])
    assert figures_after.loc[(PRESS_TV, "2.5 million"), "concept"] == "aid"
    assert figures_after.loc[(PRESS_TV, "2.5 million"), "rule"].endswith("(corrected: line 2)")
    assert (PRESS_TV, "1.5 million") not in figures_after.index
    attributions_after = table(after, "attributions")
    again = attributions_after[(attributions_after["article_id"] == NYT)
                               & (attributions_after["cue_start"] == first.cue_start)]
    assert not again["citation"].iloc[0]
    articles = table(after, "articles").set_index("article_id")
    assert articles.loc[PRESS_TV, "duplicate_of"] == ""
    assert articles.loc[NYT, "outlet"] == "NYT desk"
    summary = json.loads((after / "run.json").read_text())["corrections"]
    assert (summary["lines"], summary["applied"]) == (6, 5)
    assert summary["unmatched"] == [f"line 7: figures {NYT} at 1 'no such words'"]


def test_the_review_rows_go_back_in_as_corrections(seed_tables, tmp_path):
    review = tmp_path / "review.csv"
    result = run_cli("review", str(seed_tables / "before"), "--table", "figures",
                     "--out", str(review))
    assert result.returncode == 0, result.stderr[-2000:]
    rows = list(csv.DictReader(review.open(encoding="utf-8")))
    assert {"table", "article_id", "start", "match", "action", "current", "context"} <= set(
        rows[0])
    rows[0].update(action="drop")
    kept = tmp_path / "corrections.csv"
    with kept.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerow(rows[0])
    loaded = load_corrections(kept)
    assert [(item.table, item.action, item.start) for item in loaded.items] == [
        ("figures", "drop", int(rows[0]["start"]))]


@pytest.mark.parametrize(("line", "message"), [
    ("quotes,a,1,x,drop,,,", "table 'quotes' is not one of articles, figures, attributions"),
    ("figures,a,,x,drop,,,", "a figures correction needs its start offset"),
    ("figures,a,3,x,set,colour,red,", "field 'colour' cannot be set in figures"),
    ("figures,a,3,x,set,value,lots,", "value 'lots' is not a number"),
    ("attributions,a,3,said,set,side,Canada,", "side 'Canada' is not one of"),
    ("articles,a,,,set,published,March,", "published 'March' is not a date"),
    ("articles,a,,,set,duplicate_of,a,", "a cannot be a rewrite of itself"),
    ("figures,a,3,x,set,rate_period,fortnight,", "rate_period 'fortnight' is not one of"),
])
def test_a_bad_correction_is_refused_naming_the_file_and_line(tmp_path, line, message):
    path = tmp_path / "corrections.csv"
    path.write_text("table,article_id,start,match,action,field,value,note\n" + line + "\n",
                    encoding="utf-8")
    with pytest.raises(CorrectionsError, match=r"corrections\.csv, line 2: ") as caught:
        load_corrections(path)
    assert message in str(caught.value)


def test_a_bad_line_after_a_note_that_spans_lines_is_named_by_its_own_line(tmp_path):
    path = tmp_path / "corrections.csv"
    path.write_text('table,article_id,start,match,action,field,value,note\n'
                    'figures,a,3,x,drop,,,"a note\nover two lines"\n'
                    'quotes,a,1,x,drop,,,\n', encoding="utf-8")
    with pytest.raises(CorrectionsError, match=r"corrections\.csv, line 4: table 'quotes'"):
        load_corrections(path)


def corrected_folds(tmp_path, lines: list[str], detected: dict):
    from analysis.corrections import correct_folds

    path = tmp_path / "corrections.csv"
    path.write_text("table,article_id,start,match,action,field,value,note\n"
                    + "\n".join(lines) + "\n", encoding="utf-8")
    return correct_folds(detected, load_corrections(path), known={"a", "b", "c", "d"})


def test_a_fold_into_a_rewrite_goes_to_the_original_it_repeats(tmp_path):
    from analysis.duplicates import Duplicate

    folds = corrected_folds(tmp_path, ["articles,c,,,set,duplicate_of,b,"],
                            {"b": Duplicate("b", "a", 0.8)})
    assert {article: fold.duplicate_of for article, fold in folds.items()} == {
        "b": "a", "c": "a"}


def test_folds_that_go_round_in_a_circle_are_refused_naming_the_lines(tmp_path):
    with pytest.raises(CorrectionsError, match=r"line\(s\) 2, 3: the folds .* circle"):
        corrected_folds(tmp_path, ["articles,a,,,set,duplicate_of,b,",
                                   "articles,b,,,set,duplicate_of,a,"], {})
