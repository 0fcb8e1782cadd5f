"""notebooks/explore.ipynb: papermill reads its parameters and it runs on the seeds."""

from __future__ import annotations

import ast
import re

import nbformat
import pytest

from analysis.reports import KERNEL_NAME, NOTEBOOKS_DIR

EXPLORE_NOTEBOOK = NOTEBOOKS_DIR / "explore.ipynb"
PARAMETERS = {"corpus", "outlets", "date_from", "date_to", "terms", "period", "model"}


def _execute(output, **parameters):
    import papermill

    return papermill.execute_notebook(
        str(EXPLORE_NOTEBOOK), str(output), parameters=parameters, kernel_name=KERNEL_NAME,
        cwd=str(EXPLORE_NOTEBOOK.parent), progress_bar=False, execution_timeout=600)


def _code_cells(notebook) -> list:
    return [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]


def _output_of(notebook, snippet: str) -> str:
    """Return the plain-text output of the one code cell whose source contains ``snippet``."""
    (cell,) = [cell for cell in _code_cells(notebook) if snippet in cell["source"]]
    texts = []
    for output in cell["outputs"]:
        if output["output_type"] == "stream":
            texts.append(output["text"])
        elif "data" in output:
            texts.append(output["data"].get("text/plain", ""))
    return "\n".join(texts)


@pytest.fixture(scope="module")
def explored(tmp_path_factory):
    """Run the notebook on the seeds once; return the executed notebook."""
    before = {path.name for path in NOTEBOOKS_DIR.iterdir()}
    executed = _execute(tmp_path_factory.mktemp("explore") / "explore.ipynb")
    # Other notebooks may appear while this runs; tables, CSV or run.json must not.
    written = {path.name for path in NOTEBOOKS_DIR.iterdir()} - before
    assert not {name for name in written if not name.endswith(".ipynb")}, written
    return executed


def test_notebook_is_valid_stripped_and_starts_with_its_parameters():
    notebook = nbformat.read(EXPLORE_NOTEBOOK, as_version=nbformat.NO_CONVERT)
    nbformat.validate(notebook)
    assert (notebook.nbformat, notebook.nbformat_minor) == (4, 5)
    assert all(cell.get("id") for cell in notebook.cells)
    code = _code_cells(notebook)
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)
    assert "parameters" in code[0].metadata.get("tags", [])
    assert code[1].source.splitlines()[0] == "%matplotlib inline"


def test_papermill_reads_every_parameter():
    import papermill

    notebook = nbformat.read(EXPLORE_NOTEBOOK, as_version=nbformat.NO_CONVERT)
    source = _code_cells(notebook)[0].source
    assigned = {target.id for node in ast.parse(source).body if isinstance(node, ast.Assign)
                for target in node.targets}
    declared = papermill.inspect_notebook(str(EXPLORE_NOTEBOOK))
    # papermill skips a line it cannot parse (an '=' in a comment), so compare with the AST.
    assert set(declared) == assigned == PARAMETERS
    assert declared["period"]["default"] == '"auto"'
    assert declared["corpus"]["default"] == '""'


@pytest.mark.slow
def test_hits_in_context_show_title_42_in_the_nbc_rewrite(explored):
    output = _output_of(explored, "views.hits_in_context(")
    assert output.count("Title 42  NBC News (rewritten)") == 4
    assert "The New York Times" not in output


@pytest.mark.slow
def test_compare_figures_lists_the_returns(explored):
    output = _output_of(explored, "views.compare_figures(")
    assert "return" in output
    assert "NBC News (rewritten)" in output


@pytest.mark.slow
def test_adhoc_term_is_counted_in_quarterly_trends(explored):
    output = _output_of(explored, "adhoc_trends.pivot_table(")
    assert "Guatemala" in output
    assert "2021Q1" in output and "2024Q1" in output


@pytest.mark.slow
def test_sources_show_the_anonymous_share(explored):
    output = _output_of(explored, "views.anonymous_share(data)")
    assert "anonymous share" in output
    assert re.search(r"The New York Times\s+\d+ of \d+", output), output


@pytest.mark.slow
def test_one_sentence_shows_what_each_extractor_reads(explored):
    figures = _output_of(explored, "pd.DataFrame(list(figures.extract_figures(doc)))")
    assert "about 30,000" in figures and "return" in figures and "month" in figures
    attributions = _output_of(explored, "attribution.extract_attributions(doc)")
    assert "a senior administration official" in attributions and "anonymous" in attributions
    hits = _output_of(explored, "keywords.keyword_in_context(doc, matcher)")
    assert "Title 42" in hits and "migrant" in hits


@pytest.mark.slow
def test_bad_parameter_stops_the_notebook_with_a_parameter_error(tmp_path):
    from papermill.exceptions import PapermillExecutionError

    with pytest.raises(PapermillExecutionError) as caught:
        _execute(tmp_path / "out.ipynb", period="fortnight")
    assert caught.value.ename == "ParameterError"
    assert "parameter 'period'" in caught.value.evalue


@pytest.mark.slow
def test_one_sentence_shows_why_a_number_was_refused(explored):
    output = _output_of(explored, "pd.DataFrame(list(figures.explain_numbers(doc)))")
    assert "identifier" in output and "count" in output
