"""The Figure record and the figures table."""

from __future__ import annotations

import dataclasses

from analysis.figures import (
    Figure,
    figures_frame,
)
from analysis.schema import FIGURES
from tests.figures.helpers import figures


def test_figure_fields_are_the_figures_columns_without_article_id():
    names = tuple(field.name for field in dataclasses.fields(Figure))
    assert names == FIGURES[1:]


def test_figures_frame_has_the_contract_columns(nlp):
    found = figures(nlp, "Mexico pledged to accept back 30,000 migrants every month.")
    frame = figures_frame(("002", figure) for figure in found)
    assert list(frame.columns) == list(FIGURES)
    assert frame.loc[0, "article_id"] == "002"
    assert frame.loc[0, "value"] == 30000


def test_figures_frame_of_nothing_is_empty_with_columns():
    frame = figures_frame([])
    assert frame.empty
    assert list(frame.columns) == list(FIGURES)
