"""Installed like a package: a built wheel runs a report from any folder, and every package
the code imports is declared."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

from tests.conftest import REPO

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_package_the_code_imports_is_declared():
    imported = set()
    for path in (REPO / "analysis").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = {name for name in imported
                   if name not in sys.stdlib_module_names and name != "analysis"}
    distributions = metadata.packages_distributions()
    declared = {_normalised(re.split(r"[<>=!~\[ ]", requirement)[0])
                for requirement in PYPROJECT["project"]["dependencies"]}
    undeclared = {name: distributions.get(name) for name in third_party
                  if not {_normalised(d) for d in distributions.get(name, [name])} & declared}
    assert undeclared == {}, f"imported but not in pyproject.toml's dependencies: {undeclared}"


def test_the_package_list_names_every_subpackage_and_the_shipped_folders():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    found = {".".join(path.parent.relative_to(REPO).parts)
             for path in (REPO / "analysis").rglob("__init__.py")}
    assert found | {"analysis.notebooks", "analysis.seeds"} == listed


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """Build the wheel and install it (without dependencies) into a folder of its own."""
    root = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--quiet", "--wheel-dir", str(root / "dist"), str(REPO)], check=True,
                   capture_output=True, timeout=300)
    (wheel,) = (root / "dist").glob("analysis-*.whl")
    target = root / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet",
                    "--target", str(target), str(wheel)], check=True, capture_output=True,
                   timeout=300)
    return target


def run_installed(target: Path, cwd: Path, *arguments: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(target)}
    return subprocess.run([str(target / "bin" / "workbook"), *arguments], cwd=cwd,
                          env=environment, capture_output=True, text=True, timeout=900)


def test_the_wheel_ships_notebooks_templates_data_and_seeds(installed):
    package = installed / "analysis"
    assert {path.name for path in (package / "notebooks").glob("*.ipynb")} == {
        "report.ipynb", "outlet.ipynb", "explore.ipynb"}
    assert (package / "seeds" / "manifest.csv").is_file()
    assert len(list((package / "seeds").glob("*.txt"))) == 5
    assert (package / "templates" / "offline.html.j2").is_file()
    assert (package / "data" / "terms.toml").is_file()
    assert (package / "figures" / "data" / "units.toml").is_file()


def test_the_installed_command_runs_a_report_from_any_folder(installed, tmp_path):
    version = run_installed(installed, tmp_path, "--version")
    assert version.returncode == 0 and version.stdout.strip() == (
        f"workbook {PYPROJECT['project']['version']}")
    where = subprocess.run([sys.executable, "-c", "import analysis; print(analysis.__file__)"],
                           cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(installed)},
                           capture_output=True, text=True, check=True)
    assert where.stdout.startswith(str(installed))  # the wheel, not the source tree
    result = run_installed(installed, tmp_path, "report", "--date", "2024-01-31")
    assert result.returncode == 0, result.stderr[-3000:]
    (html,) = (tmp_path / "reports").glob("2024-01-31-*/report.html")
    assert f"report: {html}" in result.stdout
    assert "The New York Times" in html.read_text(encoding="utf-8")
