"""The NewsQuant benchmark mapping of our figures."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from analysis.figures import (
    extract_object_phrases,
)


def _newsquant_mapping():
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "figures_newsquant.py"
    spec = importlib.util.spec_from_file_location("figures_newsquant", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmark_mapping_gives_equal_range_ends_as_one_value(nlp):
    mapping = _newsquant_mapping()
    text = "The sides were level at 3-3 at halftime."
    quantities = mapping.prediction(text, list(extract_object_phrases(nlp(text))))
    assert [quantity["value"] for quantity in quantities] == [3]


def test_benchmark_mapping_names_units_and_counted_phrases(nlp):
    mapping = _newsquant_mapping()
    text = "The engine gives 250 PS and 700 Nm to nine coastal border towns."
    quantities = mapping.prediction(text, list(extract_object_phrases(nlp(text))))
    units = [quantity["unit"] for quantity in quantities]
    assert units == ["horsepower", "newton metre", "coastal border town"]


def test_benchmark_mapping_names_a_duration_by_its_unit_of_time(nlp):
    mapping = _newsquant_mapping()
    text = "Mexico imposed a 30-day ban for two years."
    quantities = mapping.prediction(text, list(extract_object_phrases(nlp(text))))
    assert [(quantity["value"], quantity["unit"]) for quantity in quantities] == [
        (30, "day"), (2, "year")]
