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
