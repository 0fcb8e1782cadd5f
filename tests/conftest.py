"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.nlp import load_nlp

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline, loaded once."""
    return load_nlp()


@pytest.fixture(scope="session")
def seed_text():
    """Return a function that reads a seed article's raw text by its id prefix ("003")."""

    def read(prefix: str) -> str:
        (path,) = SEEDS.glob(f"{prefix}_*.txt")
        return path.read_text(encoding="utf-8")

    return read


REPORT_DATE = "2024-01-31"

# Charts in the seed report: coverage panel, trends pooled and per outlet, term heatmap,
# distinctive words, citations by kind and side, who is cited most, figure concepts. The
# comparison of figures across outlets is a sentence: no two counted seed outlets share a
# concept in one unit and rate.
SEED_CHARTS = 8


def report_folder(reports: Path, day: str) -> Path:
    """Return the one run folder of ``day`` under ``reports`` ("<day>-<corpus>-<key>")."""
    folders = sorted(path for path in reports.glob(f"{day}-*") if path.is_dir())
    assert len(folders) == 1, f"expected one run folder of {day} in {reports}: {folders}"
    return folders[0]


@pytest.fixture(scope="session")
def published(tmp_path_factory):
    """Run `python -m analysis report` on the seeds once; return (reports folder, result)."""
    from tests.test_cli import run_cli

    reports = tmp_path_factory.mktemp("reports")
    result = run_cli("report", "--reports-dir", str(reports), "--date", REPORT_DATE)
    assert result.returncode == 0, result.stderr[-3000:]
    return reports, result


@pytest.fixture(scope="session", autouse=True)
def private_parse_cache(tmp_path_factory):
    """Keep the tests' parse cache (and that of the commands they run) out of ~/.cache."""
    import os

    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if previous is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = previous
