"""Tables of attributions: the contract table, counts of citations, who is cited most and the
anonymous share."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.attribution import attribution_counts, attributions_frame, extract_attributions
from analysis.schema import ATTRIBUTIONS
from tests.attribution.helpers import only


def test_attributions_frame_has_the_contract_columns(nlp):
    record = only(nlp, "Insiders revealed that the plan had been shelved.")
    frame = attributions_frame([("a1", record)])
    assert list(frame.columns) == list(ATTRIBUTIONS)
    assert frame.loc[0, "article_id"] == "a1" and frame.loc[0, "source"] == "Insiders"


def test_attributions_frame_of_nothing_is_empty_with_columns():
    assert list(attributions_frame([]).columns) == list(ATTRIBUTIONS)


def counts_fixture(nlp):
    texts = {
        "a1": "Insiders revealed that the plan had been shelved. “We agree,” Marcelo Ebrard said.",
        "a2": "According to three U.S. officials, Biden is running out of options.",
        "a3": "Nothing was attributed here.",
    }
    rows = [(article_id, record) for article_id, text in texts.items()
            for record in extract_attributions(nlp(text))]
    articles = pd.DataFrame({"article_id": ["a1", "a2", "a3"],
                             "outlet": ["Paper", "Paper", "Wire"]})
    return attributions_frame(rows), articles


def test_attribution_counts_by_outlet(nlp):
    frame, articles = counts_fixture(nlp)
    counts = attribution_counts(frame, articles, by="outlet").set_index("outlet")
    assert list(counts.index) == ["Paper", "Wire"]
    paper = counts.loc["Paper"]
    assert (paper["attributions"], paper["sources"]) == (3, 3)
    assert (paper["kind_anonymous"], paper["kind_named_person"]) == (2, 1)
    assert (paper["side_US"], paper["side_Mexico"], paper["side_none"]) == (1, 1, 1)
    assert (paper["direct"], paper["indirect"], paper["according_to"]) == (1, 1, 1)
    assert paper["anonymous_share"] == pytest.approx(0.667)
    assert counts.loc["Wire", "attributions"] == 0
    assert counts.loc["Wire", "anonymous_share"] == 0.0


def test_attribution_counts_by_article(nlp):
    frame, articles = counts_fixture(nlp)
    counts = attribution_counts(frame, articles, by="article").set_index("article_id")
    assert counts["attributions"].to_dict() == {"a1": 2, "a2": 1, "a3": 0}
    assert counts.loc["a2", "anonymous_share"] == 1.0


def test_attribution_counts_refuses_an_unknown_grouping(nlp):
    frame, articles = counts_fixture(nlp)
    with pytest.raises(ValueError, match="by must be 'article' or 'outlet'"):
        attribution_counts(frame, articles, by="day")  # type: ignore[arg-type]


# --- the anonymous share -------------------------------------------------------------------


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
