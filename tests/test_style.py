"""The code stays ruff-clean and the notebooks are committed without outputs."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPO


def test_ruff_is_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "analysis", "tests",
                             "benchmarks", "scripts", "notebooks"],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_notebooks_have_no_outputs_and_keep_the_parameters_tag():
    notebooks = sorted((REPO / "notebooks").glob("*.ipynb"))
    assert notebooks
    for path in notebooks:
        cells = json.loads(path.read_text())["cells"]
        code = [cell for cell in cells if cell["cell_type"] == "code"]
        assert all(cell["outputs"] == [] and cell["execution_count"] is None
                   for cell in code), f"{path.name} has outputs; run `make strip`"
        assert "parameters" in code[0]["metadata"].get("tags", []), \
            f"{path.name}: the first code cell must be tagged 'parameters'"
