"""The extractor as a whole: the record, one citation per cue, and any text in, valid rows out."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.attribution import (
    Attribution,
    extract_attributions,
)
from analysis.schema import ATTRIBUTIONS
from tests.attribution.helpers import attributions, by_cue, only

_PIECES = st.sampled_from(
    ['"', "“", "”", "'", "‘", "’", ",", ".", " ", " ", "\n", "said", "according to", "he",
     "they", "officials", "Mexico", "US", "told", "added", "by", ":", "that"]
)
_TEXTS = st.lists(st.one_of(_PIECES, st.text(min_size=1, max_size=8)), max_size=30).map(" ".join)


def test_record_fields_follow_the_contract():
    fields = tuple(field.name for field in dataclasses.fields(Attribution))
    assert fields == ATTRIBUTIONS[1:]


@settings(deadline=None, max_examples=60)
@given(text=_TEXTS)
def test_any_text_yields_valid_offsets(nlp, text):
    doc = nlp(text)
    for record in extract_attributions(doc):
        assert 0 <= record.cue_start < record.cue_end <= len(doc.text)
        assert doc.text[record.cue_start:record.cue_end] == record.cue
        if record.source_start == -1:
            assert record.source_end == -1 and record.source_surface == ""
        else:
            assert 0 <= record.source_start < record.source_end <= len(doc.text)
        assert doc.text[record.source_start:record.source_end] == record.source_surface or (
            record.source_start == -1)
        if record.content_start >= 0:
            assert record.content_start <= record.content_end <= len(doc.text)
            assert doc.text[record.content_start:record.content_end] == record.content


def test_a_cue_inside_another_attributions_content_is_not_a_second_citation(nlp):
    record = only(nlp, "The senator told reporters that he believes the plan will fail.")
    assert (record.cue, record.source) == ("told", "The senator")
    assert record.content == "he believes the plan will fail"


def test_a_wish_in_a_relative_clause_on_the_source_describes_the_source(nlp):
    record = only(nlp, "A senior official, who wished to remain anonymous, said the talks "
                       "had failed.")
    assert (record.cue, record.source, record.content) == (
        "said", "A senior official", "the talks had failed")


def test_adverbial_clause_with_its_own_clause_is_a_second_statement(nlp):
    found = attributions(nlp, "The mayor says the city collected about $2 million in fees "
                              "last year — arguing that the charges pay for the parks.")
    assert [r.cue for r in found] == ["says", "arguing"]
    says = by_cue(found, "says")[0]
    assert says.content == "the city collected about $2 million in fees last year"
    arguing = by_cue(found, "arguing")[0]
    assert (arguing.source, arguing.content) == ("The mayor", "the charges pay for the parks")
    found = attributions(nlp, "The senator accuses the governor of wasting money while the "
                              "governor suggests the senator is a puppet of the unions.")
    suggests = by_cue(found, "suggests")[0]
    assert (suggests.source, suggests.content) == (
        "the governor", "the senator is a puppet of the unions")
