"""What the report tables show: numbers an analyst reads without decoding."""

from __future__ import annotations

import pytest

from analysis.views import plain_number


@pytest.mark.parametrize(
    ("value", "written"),
    [(2.0, "2"), (8.8e9, "8,800,000,000"), (30000.0, "30,000"), (4.3, "4.3"),
     (1234.567, "1,234.57"), (0.0625, "0.0625"), (-1.5, "-1.5")],
)
def test_values_are_written_out_never_in_scientific_notation(value, written):
    assert plain_number(value) == written
