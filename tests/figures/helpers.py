"""Shared helpers for the figure tests: extract and check offsets."""

from __future__ import annotations

from analysis.figures import Figure, extract_figures


def figures(nlp, text: str, **options) -> list[Figure]:
    doc = nlp(text)
    found = list(extract_figures(doc, **options))
    for figure in found:
        assert doc.text[figure.start : figure.end] == figure.surface
    return found


def one_figure(nlp, text: str, **options) -> Figure:
    found = figures(nlp, text, **options)
    assert len(found) == 1, found
    return found[0]


def seed_figure(nlp, seed_text, prefix: str, surface: str) -> Figure:
    found = [figure for figure in figures(nlp, seed_text(prefix)) if figure.surface == surface]
    assert len(found) == 1, f"no single figure {surface!r} in seed {prefix}"
    return found[0]
