"""Numeric claims in news text: value, unit, rate, the thing counted, concept and qualifier.

The extractor works on the spaCy parse, in stages that each have a module:

- ``numbers``: runs of number tokens ("30,000", "2.5 million", "two dozen", "7 3/4",
  "hundreds of thousands");
- ``units``: currency signs, codes and names, units of measure and rates written after the
  number or a hyphen, durations ("for two weeks", "a 30-day ban": the unit of time is the
  figure's unit), read from the unit and currency tables in ``data/``;
- ``claims``: ranges ("between 2,000 and 3,000"), changes ("from 2 to 3") and qualifiers
  ("about", "more than");
- ``refusals``: what is not a claim (years, dates, times, ordinals, identifiers such as
  "Title 42", names such as "COVID-19", phone numbers, list numbering, "one" as a pronoun,
  idioms of time such as "half the time");
- ``objects``: the counted noun; ``rates``: "a day", "every month"; ``concepts``: the
  codebook concept, given the governing verb, the counted noun and the subject of the text.

Every rule and every refusal has a name; each figure says which rule read it (``rule``),
and ``explain_numbers`` lists every number of a text with the refusal that dropped it.
"""

from analysis.figures.extract import (
    NumberReading,
    explain_numbers,
    extract_figures,
    extract_object_phrases,
)
from analysis.figures.records import Bound, Figure, RatePeriod, figures_frame
from analysis.figures.unit_table import Unit, UnitTable, UnitTableError, load_unit_table

__all__ = [
    "Bound",
    "Figure",
    "NumberReading",
    "RatePeriod",
    "Unit",
    "UnitTable",
    "UnitTableError",
    "explain_numbers",
    "extract_figures",
    "extract_object_phrases",
    "figures_frame",
    "load_unit_table",
]
