"""Tables of attributions: the contract table, counts of citations, who is cited most and the
anonymous share."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.attribution import (
    anonymous_shares,
    attribution_counts,
    attributions_frame,
    extract_attributions,
    top_sources,
)
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


# --- citations, who is cited most, the anonymous share -------------------------------------


def _frame(nlp, texts: dict[str, str]) -> pd.DataFrame:
    return attributions_frame([(article_id, record) for article_id, text in texts.items()
                               for record in extract_attributions(nlp(text))])


def test_counts_are_of_citations_and_attributions_keep_every_row(nlp):
    frame = _frame(nlp, {"a1": "A senior official said the talks had stalled. The governor "
                               "wants to close the border. Marcelo Ebrard said they had not."})
    articles = pd.DataFrame({"article_id": ["a1"], "outlet": ["Paper"]})
    paper = attribution_counts(frame, articles).set_index("outlet").loc["Paper"]
    assert (paper["attributions"], paper["citations"]) == (3, 2)
    assert (paper["kind_anonymous"], paper["kind_named_person"]) == (1, 1)
    assert paper["anonymous_share"] == pytest.approx(0.5)


def test_top_sources_count_citations_and_articles_per_name(nlp):
    frame = _frame(nlp, {
        "a1": "President Joe Biden said the talks went well. Biden added that Mexico agreed.",
        "a2": "Joe Biden said the border was calm. A Mexican official said it was not.",
        "a3": "Biden wants to close the border.",
    })
    articles = pd.DataFrame({"article_id": ["a1", "a2", "a3"],
                             "outlet": ["Paper", "Wire", "Wire"]})
    table = top_sources(frame, articles)
    assert table.iloc[0].to_dict() == {"source_name": "Joe Biden", "kind": "named_person",
                                       "side": "US", "citations": 3, "articles": 2}
    assert table["source_name"].tolist() == ["Joe Biden", "Mexican official"]
    per_outlet = top_sources(frame, articles, per_outlet=True, top=1)
    assert per_outlet[["outlet", "source_name", "citations"]].values.tolist() == [
        ["Paper", "Joe Biden", 2], ["Wire", "Joe Biden", 1]]


def test_a_source_has_one_kind_and_side_in_every_outlets_rows():
    frame = pd.DataFrame({
        "article_id": ["a1", "a1", "a2"], "source_name": ["Jane Roe"] * 3,
        "source_kind": ["named_person", "named_person", "organization"],
        "side": ["US", "US", ""], "citation": [True] * 3, "source": ["Jane Roe"] * 3})
    articles = pd.DataFrame({"article_id": ["a1", "a2"], "outlet": ["Paper", "Wire"]})
    per_outlet = top_sources(frame, articles, per_outlet=True)
    assert per_outlet[["outlet", "kind", "side", "citations"]].values.tolist() == [
        ["Paper", "named_person", "US", 2], ["Wire", "named_person", "US", 1]]


def test_top_sources_of_nothing_is_empty_with_columns():
    articles = pd.DataFrame({"article_id": ["a1"], "outlet": ["Paper"]})
    table = top_sources(attributions_frame([]), articles)
    assert list(table.columns) == ["source_name", "kind", "side", "citations", "articles"]
    with pytest.raises(ValueError, match="top must be at least 1"):
        top_sources(attributions_frame([]), articles, top=0)


def test_the_anonymous_share_per_outlet_is_written_out(nlp):
    frame = _frame(nlp, {
        "a1": "A senior official said the talks had stalled. Officials said it would last. "
              "Marcelo Ebrard said it would not.",
        "a2": "Marcelo Ebrard said the talks went well.",
    })
    articles = pd.DataFrame({"article_id": ["a1", "a2", "a3"],
                             "outlet": ["Paper", "Wire", "Quiet"]})
    shares = anonymous_shares(frame, articles).set_index("outlet")
    assert shares.loc["Paper", "anonymous share"] == "2 of 3"
    assert shares.loc["Wire", "anonymous share"] == "0 of 1"
    assert shares.loc["Quiet", "anonymous share"] == "0 of 0"
    assert shares.index.tolist() == ["Paper", "Quiet", "Wire"]
