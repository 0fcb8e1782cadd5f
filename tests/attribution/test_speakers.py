"""Who speaks: the speaker of a reporting verb on the parse."""

from __future__ import annotations

from spacy.tokens import Doc

from analysis.attribution import (
    extract_attributions,
)
from tests.attribution.helpers import attributions, by_cue, only, summary


def test_quote_first_then_adding(nlp):
    said, adding = attributions(nlp, '"It is a good day," Biden said, adding that more work '
                                     "was needed.")
    assert summary(said) == ("said", "Biden", "named_person", "US", "direct")
    assert summary(adding) == ("adding", "Biden", "named_person", "US", "indirect")
    assert adding.content == "more work was needed"


def test_a_reporting_verb_under_another_verb_takes_its_subject(nlp):
    record = only(nlp, "The candidate took to Twitter to say that the race was rigged.")
    assert (record.cue, record.source, record.content) == (
        "say", "The candidate", "the race was rigged")


def test_a_participle_after_a_name_takes_the_name_as_source(nlp):
    records = attributions(nlp, "Lindsey Graham, calling Trump a liar, left the stage.")
    record = by_cue(records, "calling")[0]
    assert record.source == "Lindsey Graham"
    assert "a liar" in record.content
    assert attributions(nlp, "The plan announced Monday failed.") == []


def test_whoever_asked_a_bare_participle_is_not_named(nlp):
    records = attributions(nlp, "Asked about the tax plan, the senator said it was unfair.")
    asked = by_cue(records, "Asked")
    assert asked and (asked[0].source, asked[0].source_start) == ("", -1)
    assert by_cue(records, "said")[0].source == "the senator"


def test_a_subject_reached_through_an_adjective_is_the_speaker(nlp):
    record = only(nlp, "The governor was quick to insist that the plan was final.")
    assert (record.cue, record.source) == ("insist", "The governor")


def test_a_name_the_parser_did_not_attach_to_the_cue_is_the_source(nlp):
    # A hand-made parse with the parser's error: "Maynard" hangs on the quoted verb.
    words = ["“", "We", "won", ",", "”", "said", "Robin", "Maynard", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[False, True, False, False, True, True, True,
                                              False, False],
              heads=[2, 2, 5, 5, 5, 5, 7, 2, 5],
              deps=["punct", "nsubj", "ccomp", "punct", "punct", "ROOT", "compound", "dep",
                    "punct"],
              pos=["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "VERB", "PROPN", "PROPN",
                   "PUNCT"],
              tags=["``", "PRP", "VBD", ",", "''", "VBD", "NNP", "NNP", "."],
              lemmas=["“", "we", "win", ",", "”", "say", "Robin", "Maynard", "."])
    (record,) = extract_attributions(doc)
    assert (record.cue, record.source_surface, record.content) == ("said", "Robin Maynard",
                                                                  "We won")


def test_participle_with_a_clause_speaks_for_its_noun(nlp):
    record = only(nlp, "Residents received a letter saying that the water was unsafe.")
    assert record.cue == "saying"
    assert record.source == "a letter"
    assert record.content == "the water was unsafe"


def test_a_speaker_after_an_inverted_quotative_verb(nlp):
    record = only(nlp, "“The bridge will never open,” wrote a reader from the harbor district.")
    assert (record.cue, record.source, record.content) == (
        "wrote", "a reader", "The bridge will never open")
    assert record.quote_type == "direct"
    record = only(nlp, "“We lost the vote,” added a Labour councillor.")
    assert (record.cue, record.source, record.content) == (
        "added", "a Labour councillor", "We lost the vote")
    # The parser makes both noun phrases subjects of "say"; the one after it speaks.
    record = only(nlp, "The main reason for the delay, say officials at the port, is a "
                       "shortage of cranes.")
    assert (record.cue, record.source) == ("say", "officials at the port")


def test_of_two_subjects_the_one_nearest_the_verb_speaks(nlp):
    # The parser makes a live-blog time stamp a second subject of the verb.
    record = only(nlp, "12:05 p.m.\n\nGovernor Tom Reyes is thanking the crews for "
                       "clearing the roads overnight.")
    assert (record.cue, record.source) == ("thanking", "Governor Tom Reyes")


def test_a_verb_coordinated_with_a_reported_clause_is_the_outer_speakers(nlp):
    # The parser hangs "predicted" on "want", the clause that "said" reports.
    found = attributions(nlp, "The mayor said on Tuesday that she did not want to discuss "
                              "the budget and predicted that the council would approve it.")
    predicted = by_cue(found, "predicted")[0]
    assert (predicted.source, predicted.content) == (
        "The mayor", "the council would approve it")
    said = by_cue(found, "said")[0]
    assert said.content == "she did not want to discuss the budget"


def test_a_verb_after_a_quotation_is_not_its_reported_clause(nlp):
    # The parser makes "added" a clause of the quoted "say".
    found = attributions(nlp, "“The board cannot say that on its own,” the treasurer added, "
                              "saying the choice belongs to the members.")
    assert [(record.cue, record.source) for record in found] == [
        ("added", "the treasurer"), ("saying", "the treasurer")]


def test_a_speaker_read_as_an_apposition_in_an_opening_phrase(nlp):
    # The parser hangs "Ruiz" on "governor" and leaves "recounted" without a subject.
    record = only(nlp, "In a letter to the governor, Ruiz, head of the agency, recounted a "
                       "talk she had with the consul.")
    assert (record.cue, record.source, record.content) == (
        "recounted", "Ruiz", "a talk she had with the consul")


def test_a_gerund_completing_an_object_speaks_for_the_verbs_subject(nlp):
    record = only(nlp, "The governor made a point of praising the volunteers at the shelter.")
    assert (record.cue, record.source, record.content) == (
        "praising", "The governor", "the volunteers")


def test_the_object_of_a_causative_verb_speaks_for_its_infinitive(nlp):
    record = only(nlp, "The new fees led the mayor to warn that trade would suffer.")
    assert (record.cue, record.source, record.content) == (
        "warn", "the mayor", "trade would suffer")
