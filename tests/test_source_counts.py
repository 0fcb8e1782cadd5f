"""The counts analysts read: the anonymous share is of attributions that have a source."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.attribution import attribution_counts, attributions_frame, extract_attributions


def test_the_anonymous_share_leaves_out_attributions_without_a_source(nlp):
    text = ("A senior official said the talks had stalled. Ebrard said Mexico would not pay. "
            "The deal reportedly includes visas.")
    records = list(extract_attributions(nlp(text)))
    assert sorted(record.source_kind for record in records) == [
        "anonymous", "named_person", "unknown"]
    frame = attributions_frame(("a1", record) for record in records)
    articles = pd.DataFrame({"article_id": ["a1"], "outlet": ["Paper"]})
    counts = attribution_counts(frame, articles).set_index("outlet")
    assert counts.loc["Paper", "attributions"] == 3
    assert counts.loc["Paper", "anonymous_share"] == pytest.approx(0.5)
