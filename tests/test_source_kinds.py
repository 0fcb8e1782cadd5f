"""Kinds of source a reader would give: outlets by short name, offices, agencies."""

from __future__ import annotations

import pytest

from analysis.attribution import extract_attributions


@pytest.mark.parametrize(
    ("text", "source", "kind"),
    [
        ("The Post said the talks had stalled.", "The Post", "media_outlet"),
        ("The Times reported that the talks had stalled.", "The Times", "media_outlet"),
        ("A Reuters reporter said the talks had stalled.", "A Reuters reporter", "media_outlet"),
        ("The Border Patrol, in a statement, said crossings fell.", "The Border Patrol",
         "organization"),
        ("A Honduran congressman said the caravan would leave.", "A Honduran congressman",
         "anonymous"),
        ("His post said the talks had stalled.", "His post", "document"),
    ],
)
def test_kind_of_source(nlp, text, source, kind):
    (record,) = extract_attributions(nlp(text))
    assert (record.source, record.source_kind) == (source, kind)
