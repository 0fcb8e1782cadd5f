"""Quotation marks: passages found in the text, cues inside them, quotations that run on."""

from __future__ import annotations

import pytest

from analysis.attribution import (
    find_quotations,
)
from tests.attribution.helpers import attributions, only


def test_a_cue_inside_a_quotation_belongs_to_the_quoted_speaker(nlp):
    record = only(nlp, "“Nobody said it would be easy,” López Obrador said.")
    assert (record.source, record.content) == ("López Obrador", "Nobody said it would be easy")


def test_unbalanced_quote_runs_to_the_end_of_the_paragraph(nlp):
    said, declined = attributions(nlp, 'He said "the border is closed.\nOfficials declined to '
                                       "comment.")
    assert (said.quote_type, said.content) == ("direct", "the border is closed.")
    assert (declined.cue, declined.source) == ("declined to comment", "Officials")


def test_find_quotations_pairs_straight_and_curly_marks():
    text = 'He said "yes" and “no” and \u201cmaybe".'
    found = find_quotations(text)
    assert [text[q.inner_start:q.inner_end] for q in found] == ["yes", "no", "maybe"]
    assert [text[q.start:q.end] for q in found] == ['"yes"', "“no”", "\u201cmaybe\""]


def test_find_quotations_closes_on_an_opening_mark_typed_as_a_closing_one():
    text = "a “rapid audit“ of the port and “a border task force”"
    found = find_quotations(text)
    assert [text[q.inner_start:q.inner_end] for q in found] == ["rapid audit",
                                                                 "a border task force"]


def test_find_quotations_closes_an_open_quote_at_the_paragraph_end():
    text = "“First paragraph\n“Second one.”"
    first, second = find_quotations(text)
    assert text[first.inner_start:first.inner_end] == "First paragraph"
    assert text[second.inner_start:second.inner_end] == "Second one."


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("“We will not pay,” said Ebrard, “and we never will.”",
         "We will not pay,” said Ebrard, “and we never will."),
        ("“We were impressed,” said the envoy. “Crossings fell by half.” The talks ended.",
         "We were impressed,” said the envoy. “Crossings fell by half."),
        ("Ebrard said: “We will not pay.\n\n“It is not our wall.”\n\nThe talks ended.",
         "We will not pay.\n\n“It is not our wall."),
    ],
)
def test_a_quotation_runs_on_where_it_resumes(nlp, text, content):
    assert only(nlp, text).content == content


def test_a_cue_between_the_parts_of_a_quotation_is_still_a_citation(nlp):
    records = attributions(nlp, "“We will not pay,” said Ebrard, speaking of the wall. “Never.”")
    assert [record.cue for record in records] == ["said", "speaking"]
    assert records[0].content.endswith("“Never.")


def test_a_quotation_with_a_cue_of_its_own_does_not_run_on(nlp):
    records = attributions(nlp, "“A deal is close,” Ebrard said. “We disagree,” said Blinken.")
    assert [(record.source, record.content) for record in records] == [
        ("Ebrard", "A deal is close"), ("Blinken", "We disagree")]


def test_find_quotations_reads_two_apostrophes_as_a_double_mark():
    text = "''We are ready,'' she said. ''He said 'no,''' they added."
    found = find_quotations(text)
    assert [text[q.inner_start:q.inner_end] for q in found] == ["We are ready,", "He said 'no,"]


def test_a_quotation_in_two_apostrophes_is_direct_speech(nlp):
    record = only(nlp, "''The border is closed,'' the minister said.")
    assert (record.cue, record.source, record.quote_type) == ("said", "the minister", "direct")
    assert record.content == "The border is closed"
