"""One name per person across a corpus (``folding.fold_source_names`` and
``SourceNameFolder``): what a table written chunk by chunk gives everything that reads it."""

from __future__ import annotations

import pandas as pd

from analysis.attribution import (
    SourceNameFolder,
    attributions_frame,
    fold_source_names,
)
from tests.attribution.helpers import attributions


def table(*rows: tuple[str, str, str, str]) -> pd.DataFrame:
    """Return attribution rows: (article_id, source text, kind, source_name), cited by a
    verb of speech."""
    return pd.DataFrame({
        "article_id": [row[0] for row in rows],
        "source": [row[1] for row in rows],
        "source_surface": [row[1] for row in rows],
        "source_kind": [row[2] for row in rows],
        "source_name": [row[3] for row in rows],
        "cue_class": ["speech"] * len(rows),
        "citation": [True] * len(rows),
    })


def folded_names(frame: pd.DataFrame) -> list[str]:
    return fold_source_names(frame)["source_name"].tolist()


def test_a_surname_in_one_article_takes_the_full_name_another_gives(nlp):
    rows = [("a1", record) for record in attributions(nlp, "The plan would fail, Whitcombe "
                                                          "said.")]
    rows += [("a2", record) for record in attributions(
        nlp, "Jane Whitcombe said the plan would work.")]
    frame = attributions_frame(rows)
    assert fold_source_names(frame)[["source_kind", "source_name"]].values.tolist() == [
        ["named_person", "Jane Whitcombe"], ["named_person", "Jane Whitcombe"]]


def test_a_surname_two_people_share_stays_unless_a_title_tells_which():
    frame = table(("a1", "Hillary Clinton", "named_person", "Hillary Clinton"),
                  ("a2", "Bill Clinton", "named_person", "Bill Clinton"),
                  ("a3", "Clinton", "named_person", "Clinton"),
                  ("a3", "Mrs. Clinton", "named_person", "Clinton"),
                  ("a4", "Mr. Clinton", "named_person", "Clinton"))
    assert folded_names(frame) == ["Hillary Clinton", "Bill Clinton", "Clinton",
                                   "Hillary Clinton", "Bill Clinton"]


def test_a_title_tells_which_person_of_a_shared_surname_is_meant():
    frame = table(("a1", "President Tom Aldous", "named_person", "Tom Aldous"),
                  ("a2", "first lady Ann Aldous", "named_person", "Ann Aldous"),
                  ("a3", "Aldous", "named_person", "Aldous"),
                  ("a4", "President Aldous", "named_person", "Aldous"))
    assert folded_names(frame)[2:] == ["Aldous", "Tom Aldous"]


def test_a_headline_fragment_ending_in_the_surname_does_not_make_it_ambiguous():
    frame = table(("a1", "Barack Obama", "named_person", "Barack Obama"),
                  ("a2", "Derelict Obama", "named_person", "Derelict Obama"),
                  ("a3", "Obama", "named_person", "Obama"))
    assert folded_names(frame)[2] == "Barack Obama"


def test_middle_initials_fold_into_the_plain_name_where_only_one_set_is_cited():
    frame = table(("a1", "Paul D. Ryan", "named_person", "Paul D. Ryan"),
                  ("a2", "Paul Ryan", "named_person", "Paul Ryan"),
                  ("a3", "Ryan", "named_person", "Ryan"),
                  ("a4", "George W. Bush", "named_person", "George W. Bush"),
                  ("a5", "George H.W. Bush", "named_person", "George H.W. Bush"),
                  ("a6", "George Bush", "named_person", "George Bush"))
    assert folded_names(frame) == ["Paul Ryan", "Paul Ryan", "Paul Ryan", "George W. Bush",
                                   "George H.W. Bush", "George Bush"]


def test_a_description_is_not_folded_into_a_longer_description():
    frame = table(("a1", "the mayor", "named_person", "mayor"),
                  ("a2", "the city's new mayor", "named_person", "city's new mayor"))
    assert folded_names(frame) == ["mayor", "city's new mayor"]


def test_a_surname_keeps_its_spelling_where_its_article_names_another_person_of_it():
    # a1 cites Dahlys Whitcombe and a Whitcombe its own article could not tell apart; the
    # corpus's one whole name ending with Whitcombe is someone else's.
    frame = table(("a1", "Dahlys Whitcombe", "named_person", "Dahlys Whitcombe"),
                  ("a1", "Whitcombe", "named_person", "Whitcombe"),
                  ("a2", "Jane Whitcombe", "named_person", "Jane Whitcombe"))
    assert folded_names(frame)[1] == "Whitcombe"


def test_a_lone_surname_taken_for_an_organisation_is_the_person_the_corpus_cites(nlp):
    rows = [("a1", record) for record in attributions(nlp, "Whitcombe said the plan would "
                                                          "fail.")]
    assert [r.source_kind for _, r in rows] == ["organization"]  # the entity recognizer's ORG
    rows += [("a2", record) for record in attributions(
        nlp, "Jane Whitcombe said the plan would work.")]
    frame = fold_source_names(attributions_frame(rows))
    assert frame[["source_kind", "source_name"]].values.tolist() == [
        ["named_person", "Jane Whitcombe"], ["named_person", "Jane Whitcombe"]]


def test_a_name_cited_more_often_as_an_organisation_stays_one():
    frame = table(*[(f"a{n}", "Ford", "organization", "Ford") for n in range(3)],
                  ("a9", "Robert Ford", "named_person", "Robert Ford"))
    assert fold_source_names(frame)["source_kind"].tolist()[:3] == ["organization"] * 3


def test_an_organisation_in_capitals_or_of_several_words_is_never_a_person():
    frame = table(("a1", "NATO", "organization", "NATO"),
                  ("a2", "Jens NATO", "named_person", "Jens NATO"),
                  ("a3", "Whitcombe Foundation", "organization", "Whitcombe Foundation"),
                  ("a4", "Jane Whitcombe", "named_person", "Jane Whitcombe"))
    assert fold_source_names(frame)["source_kind"].tolist() == [
        "organization", "named_person", "organization", "named_person"]


def test_a_table_folded_chunk_by_chunk_equals_one_folded_whole():
    frame = table(("a1", "Whitcombe", "named_person", "Whitcombe"),
                  ("a2", "Jane Whitcombe", "named_person", "Jane Whitcombe"),
                  ("a3", "Mr. Aldous", "named_person", "Aldous"),
                  ("a4", "Tom Aldous", "named_person", "Tom Aldous"))
    chunks = [frame.iloc[:2], frame.iloc[2:]]
    folder = SourceNameFolder()
    for chunk in chunks:
        folder.add(chunk)
    streamed = pd.concat([folder.fold(chunk) for chunk in chunks])
    pd.testing.assert_frame_equal(streamed, fold_source_names(frame))
    assert streamed["source_name"].tolist() == ["Jane Whitcombe", "Jane Whitcombe",
                                                "Tom Aldous", "Tom Aldous"]


def test_folding_a_folded_table_changes_nothing():
    frame = table(("a1", "Whitcombe", "named_person", "Whitcombe"),
                  ("a2", "Jane Whitcombe", "named_person", "Jane Whitcombe"),
                  ("a3", "Paul D. Ryan", "named_person", "Paul D. Ryan"),
                  ("a4", "Paul Ryan", "named_person", "Paul Ryan"))
    once = fold_source_names(frame)
    pd.testing.assert_frame_equal(fold_source_names(once), once)
