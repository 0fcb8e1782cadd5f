"""`python -m analysis report`: papermill runs, nbconvert renders, a run publishes safely."""

from __future__ import annotations

import fcntl
import json
import re
import shutil
import subprocess
import sys
from datetime import date

import pytest

from analysis import schema
from tests.conftest import REPO, REPORT_DATE, SEED_CHARTS, SEEDS, report_folder
from tests.test_cli import run_cli


def test_report_prints_where_the_html_is(published):
    reports, result = published
    html_path = report_folder(reports, REPORT_DATE) / "report.html"
    assert f"report: {html_path}" in result.stdout
    assert html_path.is_file()


def test_report_html_shows_sections_charts_and_tables_but_no_code(published):
    reports, _ = published
    page = (report_folder(reports, REPORT_DATE) / "report.html").read_text()
    for heading in ("Coverage report", "Articles", "Keyword trends", "Keyterms and distinctive",
                    "Hits in context", "Sources", "Figures", "Provenance"):
        assert re.search(rf"<h[123][^>]*>{heading}", page), heading
    assert len(re.findall(r'<img[^>]+src="data:image/png;base64,', page)) == SEED_CHARTS
    # No two counted seed outlets give one concept in one unit and rate (Press TV's million
    # migrants is folded into The New York Times'), so that chart is a sentence.
    assert "No concept was reported by two outlets in the same unit and rate." in page
    assert "Figure size" not in page
    assert "validate_parameters(" not in page and "build_report_data" not in page
    assert "The New York Times" in page and "30,000" in page


def test_report_writes_its_tables_and_provenance_beside_the_html(published):
    reports, _ = published
    tables = report_folder(reports, REPORT_DATE) / "tables"
    assert {p.name for p in tables.glob("*.csv")} == {f"{name}.csv" for name in schema.TABLES}
    info = json.loads((tables / "run.json").read_text())
    assert info["corpus"]["articles"] == 5
    assert not list(reports.glob(".run-*"))


def test_index_lists_the_run(published):
    reports, _ = published
    index = (reports / "index.html").read_text()
    folder = report_folder(reports, REPORT_DATE).name
    assert f'href="{folder}/report.html"' in index and ">ok<" in index
    assert "5 articles" in index and "defaults" in index


@pytest.mark.parametrize(("failing_cell", "message"), [
    ('raise RuntimeError("a chart broke")', "RuntimeError: a chart broke"),
    ("import os; os._exit(9)", "the notebook's kernel died"),
])
def test_failed_run_keeps_notebook_and_leaves_last_good_report(published, tmp_path,
                                                                failing_cell, message):
    import nbformat

    from analysis import reports as reporting
    from analysis.params import validate_parameters

    reports, _ = published
    good = (report_folder(reports, REPORT_DATE) / "report.html").read_bytes()
    index = (reports / "index.html").read_bytes()
    notebook = nbformat.read(reporting.REPORT_NOTEBOOK, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(failing_cell))
    broken = tmp_path / "broken.ipynb"
    nbformat.write(notebook, broken)
    with pytest.raises(reporting.ReportError) as caught:
        reporting.run_report(validate_parameters(), report_date=date(2024, 1, 31),
                             reports_dir=reports, notebook=broken, force=True)
    assert message in str(caught.value)
    (kept,) = reports.glob("failed/*/report.ipynb")
    assert str(kept) in str(caught.value)
    assert nbformat.read(kept, as_version=4).cells[-1].source == failing_cell
    assert (report_folder(reports, REPORT_DATE) / "report.html").read_bytes() == good
    assert (reports / "index.html").read_bytes() == index
    assert not list(reports.glob(".run-*"))
    shutil.rmtree(kept.parent.parent)


@pytest.mark.parametrize(("arguments", "named"), [
    (("--outlet", "New York Times"), "'outlets': 'New York Times' is not an outlet of the "
                                     "corpus; did you mean 'The New York Times'?"),
    (("--date-from", "2030-01-01"), "'date_from': no article of the corpus is left"),
    (("--period", "day", "--outlet", "Press TV", "--outlet", "The Independent"), None),
    (("--corpus", "{empty}"), "no usable article"),
])
def test_a_bad_parameter_or_corpus_exits_2_before_a_kernel_starts(tmp_path, arguments, named):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "empty.txt").write_text("")
    reports = tmp_path / "reports"
    filled = [value.format(empty=empty) for value in arguments]
    result = run_cli("report", "--reports-dir", str(reports), "--date", REPORT_DATE, *filled)
    if named is None:  # a fine period over two outlets' dates: it runs
        assert result.returncode == 0, result.stderr[-2000:]
        return
    assert result.returncode == 2, result.stderr[-2000:]
    assert named in result.stderr
    assert not (reports / "failed").exists() and not list(reports.glob(".run-*"))
    assert not list(reports.glob("2024-*"))


def test_second_run_while_one_holds_the_lock_is_refused(published):
    reports, _ = published
    with (reports / ".lock").open("a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = run_cli("report", "--reports-dir", str(reports), "--date", "2024-02-01")
    assert result.returncode == 1
    assert "another report run is writing to" in result.stderr
    assert not list(reports.glob("2024-02-01*"))


def test_bad_report_date_exits_2_naming_it(tmp_path):
    result = run_cli("report", "--reports-dir", str(tmp_path), "--date", "2024-13-01")
    assert result.returncode == 2
    assert "parameter '--date'" in result.stderr


def test_papermill_sees_every_parameter_the_command_line_passes():
    import papermill

    from analysis.params import validate_parameters
    from analysis.reports import REPORT_NOTEBOOK, notebook_parameters

    declared = set(papermill.inspect_notebook(str(REPORT_NOTEBOOK)))
    passed = set(notebook_parameters(validate_parameters(), report_date="2024-01-31"))
    assert passed <= declared, passed - declared


@pytest.mark.parametrize("cache_dir", ["off", "", "/tmp/a-cache"])
def test_the_cache_setting_survives_the_trip_into_the_notebook(cache_dir):
    from analysis.params import validate_parameters
    from analysis.reports import notebook_parameters

    given = validate_parameters(cache_dir=cache_dir)
    passed = notebook_parameters(given, report_date="2024-01-31")["cache_dir"]
    assert validate_parameters(cache_dir=passed).cache_dir == given.cache_dir


def test_notebook_refuses_a_bad_parameter_before_any_work(tmp_path):
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from analysis.reports import KERNEL_NAME, REPORT_NOTEBOOK

    with pytest.raises(PapermillExecutionError) as caught:
        papermill.execute_notebook(str(REPORT_NOTEBOOK), str(tmp_path / "out.ipynb"),
                                   parameters={"period": "fortnight"}, kernel_name=KERNEL_NAME,
                                   progress_bar=False, cwd=str(REPORT_NOTEBOOK.parent))
    assert caught.value.ename == "ParameterError"
    assert "parameter 'period'" in caught.value.evalue


def test_unchanged_corpus_and_parameters_have_nothing_new_to_report(published):
    reports, _ = published
    result = run_cli("report", "--reports-dir", str(reports), "--date", "2024-02-02")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "nothing new to report" in result.stdout and REPORT_DATE in result.stdout
    assert f"report: {report_folder(reports, REPORT_DATE) / 'report.html'}" in result.stdout
    assert not list(reports.glob("2024-02-02*"))
    forced = run_cli("report", "--reports-dir", str(reports), "--date", "2024-02-02", "--force")
    assert forced.returncode == 0, forced.stderr[-2000:]
    assert "nothing new" not in forced.stdout
    assert (report_folder(reports, "2024-02-02") / "report.html").is_file()
    status = json.loads((report_folder(reports, "2024-02-02") / "status.json").read_text())
    assert status["fingerprint"] and status["parameters"]["period"] == "auto"


@pytest.fixture(scope="module")
def two_outlets(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("two-outlets")
    for prefix in ("001", "004"):
        (source,) = SEEDS.glob(f"{prefix}_*.txt")
        (corpus / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    manifest = (SEEDS / "manifest.csv").read_text(encoding="utf-8").splitlines()
    (corpus / "manifest.csv").write_text(
        "\n".join([manifest[0], *[line for line in manifest if line.startswith(("001", "004"))]])
        + "\n", encoding="utf-8")
    reports = tmp_path_factory.mktemp("outlet-reports")
    result = run_cli("report", "--corpus", str(corpus), "--reports-dir", str(reports),
                     "--date", REPORT_DATE, "--per-outlet")
    assert result.returncode == 0, result.stderr[-3000:]
    return reports, result


def test_per_outlet_run_renders_one_page_per_outlet_and_lists_them(two_outlets):
    reports, result = two_outlets
    folder = report_folder(reports, REPORT_DATE)
    pages = {path.name for path in folder.glob("outlet-*.html")}
    assert pages == {"outlet-the-new-york-times.html", "outlet-the-independent.html"}
    assert f"outlet: {folder / 'outlet-the-independent.html'}" in result.stdout
    page = (folder / "outlet-the-independent.html").read_text()
    assert re.search(r"<h1[^>]*>Outlet report", page)
    assert "The Independent" in page and "all other outlets" in page
    assert "$4 billion" in page
    index = (reports / "index.html").read_text()
    assert f'href="{folder.name}/outlet-the-new-york-times.html"' in index
    assert ">The New York Times</a>" in index


def test_outlet_notebook_refuses_an_outlet_the_corpus_lacks(tmp_path):
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from analysis.reports import KERNEL_NAME, OUTLET_NOTEBOOK

    with pytest.raises(PapermillExecutionError) as caught:
        papermill.execute_notebook(str(OUTLET_NOTEBOOK), str(tmp_path / "out.ipynb"),
                                   parameters={"outlet": "The Daily Planet"},
                                   kernel_name=KERNEL_NAME, progress_bar=False,
                                   cwd=str(OUTLET_NOTEBOOK.parent))
    assert caught.value.ename == "ParameterError"
    assert "parameter 'outlet'" in caught.value.evalue and "The Daily Planet" in caught.value.evalue


def test_relative_paths_are_read_from_where_the_command_runs(tmp_path):
    # The notebooks run in notebooks/, so a relative path must be made absolute first.
    shutil.copytree(SEEDS, tmp_path / "my corpus")
    shutil.copy(REPO / "analysis" / "data" / "terms.toml", tmp_path / "my terms.toml")
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "report", "--corpus", "my corpus",
         "--terms-file", "my terms.toml", "--reports-dir", "out", "--date", REPORT_DATE],
        cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    html = report_folder(tmp_path / "out", REPORT_DATE) / "report.html"
    assert f"report: {html}" in result.stdout
    assert f"index:  {tmp_path / 'out' / 'index.html'}" in result.stdout
    run = json.loads((html.parent / "tables" / "run.json").read_text())
    assert run["parameters"]["corpus"] == str(tmp_path / "my corpus")
    assert run["parameters"]["terms_file"] == str(tmp_path / "my terms.toml")
    assert not (REPO / "notebooks" / "out").exists()


def test_a_report_on_saved_pages_without_a_manifest_uses_the_pages_metadata(tmp_path):
    import gzip

    import pandas as pd

    from tests.corpus import pages

    corpus = tmp_path / "pages"
    corpus.mkdir()
    (corpus / "og.html").write_text(pages.OPEN_GRAPH, encoding="utf-8")
    (corpus / "ld.html.gz").write_bytes(gzip.compress(pages.JSON_LD.encode("utf-8")))
    (corpus / "meta.htm").write_text(pages.META_TAGS, encoding="utf-8")
    (corpus / "ru.html").write_text(pages.RUSSIAN, encoding="utf-8")
    reports = tmp_path / "reports"
    result = run_cli("report", "--corpus", str(corpus), "--reports-dir", str(reports),
                     "--date", REPORT_DATE, "--no-cache")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "not in the pipeline's language (en)" in result.stderr
    articles = pd.read_csv(report_folder(reports, REPORT_DATE) / "tables" / "articles.csv",
                           keep_default_na=False).set_index("article_id")
    assert articles.loc[["og", "ld", "meta"], "outlet"].tolist() == [
        "The Daily Example", "Example Noticias", "example.org"]
    assert articles.loc[["og", "ld", "meta"], "published"].tolist() == [
        "2024-03-05", "2024-03-06", "2024-03-07"]
    assert articles.loc["ru", "language"] == "ru" and not articles.loc["ru", "analysed"]
    page = (report_folder(reports, REPORT_DATE) / "report.html").read_text()
    assert "Key findings" in page and "Переговоры о границе (ru)" in page
    assert "no dated articles" not in page
