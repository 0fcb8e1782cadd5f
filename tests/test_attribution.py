"""Source attribution: cue, source span, kind, side, quote type and content on real sentences."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from analysis.attribution import (
    Attribution,
    GazetteerError,
    attribution_counts,
    attributions_frame,
    extract_attributions,
    find_quotations,
    load_gazetteer,
)
from analysis.schema import ATTRIBUTIONS


def attributions(nlp, text: str, **options) -> list[Attribution]:
    doc = nlp(text)
    found = list(extract_attributions(doc, **options))
    for record in found:
        assert doc.text[record.cue_start:record.cue_end] == record.cue
        if record.source_start >= 0:
            assert doc.text[record.source_start:record.source_end] == record.source_surface
        if record.content_start >= 0:
            assert doc.text[record.content_start:record.content_end] == record.content
    return found


def only(nlp, text: str, **options) -> Attribution:
    (record,) = attributions(nlp, text, **options)
    return record


def summary(record: Attribution) -> tuple[str, str, str, str, str]:
    return (record.cue, record.source, record.source_kind, record.side, record.quote_type)


def by_cue(records: list[Attribution], cue: str) -> list[Attribution]:
    return [record for record in records if record.cue == cue]


def test_record_fields_follow_the_contract():
    fields = tuple(field.name for field in dataclasses.fields(Attribution))
    assert fields == ATTRIBUTIONS[1:]


# --- the seed articles --------------------------------------------------------------------


def test_seed_001_according_to_mexican_officials_is_anonymous_and_mexican(nlp, seed_text):
    found = attributions(nlp, seed_text("001"))
    record = next(r for r in found if r.source == "Mexican officials")
    assert summary(record) == (
        "according to", "Mexican officials", "anonymous", "Mexico", "according_to")
    assert record.content.startswith("The Biden administration has been quietly pressing Mexico")


def test_seed_001_velasco_is_a_named_mexican_source_of_a_direct_quote(nlp, seed_text):
    found = attributions(nlp, seed_text("001"))
    record = next(r for r in found if r.source_surface == "Roberto Velasco")
    assert summary(record) == ("said", "Roberto Velasco", "named_person", "Mexico", "direct")
    assert record.content == (
        "Both governments cooperate on the basis of an orderly, safe and regular migration system")


def test_seed_001_he_said_resolves_to_velasco_and_mixes_speech_and_quote(nlp, seed_text):
    found = attributions(nlp, seed_text("001"))
    record = next(r for r in found if r.source_surface == "he")
    assert summary(record) == ("said", "Roberto Velasco", "named_person", "Mexico", "mixed")
    assert record.content.startswith("there was no quid pro quo for vaccines: “These are")


def test_seed_001_declined_to_comment_noted_and_said_share_one_source(nlp, seed_text):
    found = attributions(nlp, seed_text("001"))
    records = [r for r in found if r.source == "A Biden administration official"]
    assert [r.cue for r in records] == ["declined to comment", "noted", "said"]
    assert {(r.source_kind, r.side) for r in records} == {("anonymous", "US")}
    assert records[0].content == "" and records[0].content_start == -1
    assert records[1].content.endswith("by addressing its root causes")
    assert records[2].content.startswith("they were working closely")


def test_seed_003_the_us_representative_and_he_added(nlp, seed_text):
    found = attributions(nlp, seed_text("003"))
    said = next(r for r in found if r.source_surface == "the US representative")
    assert summary(said) == ("said", "the US representative", "anonymous", "US", "direct")
    # The quotation that follows the cue without one of its own is the representative's too.
    assert said.content == (
        "We were really impressed with some of the new measures that Mexico is taking,\" "
        "said the US representative. \"We've seen a pretty significant drop in border "
        "crossings over the past few days.")
    added = next(r for r in found if r.cue == "added")
    assert (added.source, added.source_surface) == ("the US representative", "he")
    assert (added.source_kind, added.side, added.quote_type) == ("anonymous", "US", "mixed")


def test_seed_003_relative_clause_is_not_part_of_the_source_span(nlp, seed_text):
    # The headline ("... speak of progress ...") is the first record, the lead's "said" next.
    said = by_cue(attributions(nlp, seed_text("003")), "said")[0]
    assert summary(said) == (
        "said", "A high-ranking US official", "anonymous", "US", "indirect")
    assert said.content.startswith("Mexico's representatives had presented")


def test_seed_003_quote_first_indirect_speech_with_inverted_subject(nlp, seed_text):
    found = attributions(nlp, seed_text("003"))
    record = next(r for r in found if r.source == "López Obrador")
    assert summary(record) == ("said", "López Obrador", "named_person", "Mexico", "indirect")
    assert record.content.startswith("Mexico will step up its efforts")


def test_seed_000_cites_two_newspapers_as_media_outlets(nlp, seed_text):
    found = attributions(nlp, seed_text("000"))
    times = next(r for r in found if "New York Times" in r.source)
    assert summary(times) == (
        "According to", "a New York Times report", "media_outlet", "", "according_to")
    post = next(r for r in found if r.source == "The Washington Post")
    assert (post.cue, post.source_kind, post.quote_type) == ("reported", "media_outlet", "indirect")
    assert post.content == "The administration is expected to announce the plan on Friday"


def test_seed_000_they_acknowledge_resolves_to_mexican_officials(nlp, seed_text):
    record = by_cue(attributions(nlp, seed_text("000")), "acknowledge")[0]
    assert (record.source, record.source_surface, record.side) == (
        "Mexican officials", "they", "Mexico")


def test_seed_002_passive_by_phrase_and_document(nlp, seed_text):
    found = attributions(nlp, seed_text("002"))
    informed = by_cue(found, "informed")[0]
    assert summary(informed) == (
        "informed", "a senior administration official", "anonymous", "US", "indirect")
    records = next(r for r in found if r.source == "ICE flight records")
    assert (records.source_kind, records.side, records.quote_type) == (
        "document", "US", "according_to")


def test_seed_002_advcl_and_pcomp_cues_find_the_main_subject(nlp, seed_text):
    found = attributions(nlp, seed_text("002"))
    adding = by_cue(found, "adding")[0]
    assert (adding.source, adding.source_kind) == ("The insiders", "anonymous")
    telling = by_cue(found, "telling")[0]
    assert telling.source == "A senior Biden administration official"
    assert telling.quote_type == "mixed"
    assert telling.content.endswith("“has a very ambitious agenda.”")


def test_seed_004_the_statement_inherits_the_side_of_a_statement(nlp, seed_text):
    found = attributions(nlp, seed_text("004"))
    first = next(r for r in found if r.source == "a statement")
    assert (first.source_kind, first.side, first.quote_type) == ("document", "Mexico",
                                                                 "according_to")
    later = next(r for r in found if r.source == "the statement")
    assert (later.source_kind, later.side, later.quote_type) == ("document", "Mexico", "mixed")


def test_every_seed_parses_with_valid_offsets(nlp, seed_text):
    for prefix in ("000", "001", "002", "003", "004"):
        assert attributions(nlp, seed_text(prefix))


# --- structures on short sentences --------------------------------------------------------


def test_quote_first_with_straight_quotes(nlp):
    record = only(nlp, '"We are ready," said the spokesman.')
    assert summary(record) == ("said", "the spokesman", "anonymous", "", "direct")
    assert record.content == "We are ready"


def test_quote_after_a_colon(nlp):
    record = only(nlp, 'The spokesman said: "We will not pay for the wall."')
    assert (record.quote_type, record.content) == ("direct", "We will not pay for the wall.")


def test_quote_spanning_two_sentences(nlp):
    record = only(nlp, "“We are ready. We have always been ready,” Marcelo Ebrard said.")
    assert summary(record) == ("said", "Marcelo Ebrard", "named_person", "Mexico", "direct")
    assert record.content == "We are ready. We have always been ready"


def test_a_cue_inside_a_quotation_belongs_to_the_quoted_speaker(nlp):
    record = only(nlp, "“Nobody said it would be easy,” López Obrador said.")
    assert (record.source, record.content) == ("López Obrador", "Nobody said it would be easy")


def test_unbalanced_quote_runs_to_the_end_of_the_paragraph(nlp):
    said, declined = attributions(nlp, 'He said "the border is closed.\nOfficials declined to '
                                       "comment.")
    assert (said.quote_type, said.content) == ("direct", "the border is closed.")
    assert (declined.cue, declined.source) == ("declined to comment", "Officials")


def test_indirect_speech_without_that(nlp):
    record = only(nlp, "A senior Mexican official said the talks would resume in January.")
    assert summary(record) == (
        "said", "A senior Mexican official", "anonymous", "Mexico", "indirect")
    assert record.content == "the talks would resume in January"


def test_told_reporters_keeps_the_listener_out_of_the_content(nlp):
    record = only(nlp, "Alejandro Mayorkas told reporters that the border was not open.")
    assert summary(record) == ("told", "Alejandro Mayorkas", "named_person", "US", "indirect")
    assert record.content == "the border was not open"


def test_said_in_a_statement_that(nlp):
    record = only(nlp, "Mexico's foreign ministry said in a statement that the meeting was good.")
    assert summary(record) == (
        "said", "Mexico's foreign ministry", "organization", "Mexico", "indirect")
    assert record.content == "the meeting was good"


def test_appositive_is_not_part_of_the_source_span_but_gives_the_side(nlp):
    record = only(nlp, "Roberto Velasco, the director general for the North America region at "
                       "Mexico's foreign ministry, said the two issues were separate.")
    assert summary(record) == ("said", "Roberto Velasco", "named_person", "Mexico", "indirect")


def test_according_to_at_the_end_of_the_sentence(nlp):
    record = only(nlp, "Biden is running out of options, according to three U.S. officials.")
    assert summary(record) == (
        "according to", "three U.S. officials", "anonymous", "US", "according_to")
    assert record.content == "Biden is running out of options"


def test_according_to_a_document(nlp):
    record = only(nlp, "According to a statement from the White House, the two presidents "
                       "spoke on Monday.")
    assert (record.source_kind, record.side) == ("document", "US")
    assert record.content == "the two presidents spoke on Monday."


def test_quote_first_then_adding(nlp):
    said, adding = attributions(nlp, '"It is a good day," Biden said, adding that more work '
                                     "was needed.")
    assert summary(said) == ("said", "Biden", "named_person", "US", "direct")
    assert summary(adding) == ("adding", "Biden", "named_person", "US", "indirect")
    assert adding.content == "more work was needed"


def test_mixed_quote_inside_indirect_speech(nlp):
    record = only(nlp, "The insiders described such talks as “preliminary.”")
    assert (record.cue, record.quote_type) == ("described", "mixed")
    assert record.content == "such talks as “preliminary.”"


@pytest.mark.parametrize(
    ("sentence", "cue", "kind", "side"),
    [
        ("Migrant advocates warned that the new rule would put families at risk.",
         "warned", "group", ""),
        ("The State Department confirmed that the flights had resumed.",
         "confirmed", "organization", "US"),
        ("Officials familiar with the talks acknowledged that no deal had been reached.",
         "acknowledged", "anonymous", ""),
        ("The ministry stated that 300 migrants were returned.", "stated", "organization", ""),
        ("Insiders revealed that the plan had been shelved.", "revealed", "anonymous", ""),
        ("Marcelo Ebrard announced that Mexico would deploy 10,000 troops.",
         "announced", "named_person", "Mexico"),
        ("Guatemalan officials noted that the flows had slowed.", "noted", "anonymous", "other"),
        ("Mexican officials contend that the efforts are separate.",
         "contend", "anonymous", "Mexico"),
        ("The Washington Post reported that the plan would be announced on Friday.",
         "reported", "media_outlet", ""),
        ("The US Border Patrol has reported around 10,000 border crossings a day.",
         "reported", "organization", "US"),
        ("Mexico reported that on December 30, it began deporting people to Venezuela.",
         "reported", "organization", "Mexico"),
        ("A White House official said the United States was assessing how to send doses.",
         "said", "anonymous", "US"),
    ],
)
def test_reporting_verbs_kinds_and_sides(nlp, sentence, cue, kind, side):
    record = only(nlp, sentence)
    assert (record.cue, record.source_kind, record.side) == (cue, kind, side)
    assert record.quote_type == "indirect" and record.content


def test_declined_to_comment_has_no_content(nlp):
    record = only(nlp, "The White House declined to comment.")
    assert summary(record) == (
        "declined to comment", "The White House", "organization", "US", "indirect")
    assert (record.content, record.content_start, record.content_end) == ("", -1, -1)


def test_unresolvable_pronoun_stays_a_pronoun_of_unknown_kind(nlp):
    record = only(nlp, "He said the talks were useful.")
    assert (record.source, record.source_surface, record.source_kind) == ("He", "He", "unknown")


def test_pronoun_resolves_to_an_earlier_named_person(nlp):
    record = only(nlp, "Marcelo Ebrard met the delegation on Tuesday. He said the talks were "
                       "useful.")
    assert (record.source, record.source_surface, record.source_kind, record.side) == (
        "Marcelo Ebrard", "He", "named_person", "Mexico")


def test_both_sides_named_leaves_the_side_empty(nlp):
    record = only(nlp, "According to representatives from the United States and Mexico, "
                       "Mexico has substantial negotiating power.")
    assert (record.source_kind, record.side) == ("anonymous", "")


def test_a_reporting_verb_without_content_is_not_an_attribution(nlp):
    assert attributions(nlp, "The minister said so in Mexico City.") == []
    assert attributions(nlp, "The administration is expected to announce the plan.") == []


# --- stances, findings, commitments and other structures (PolNeAR) ------------------------


@pytest.mark.parametrize(
    ("sentence", "cue", "source", "content"),
    [
        ("The mayor called the governor “reckless.”", "called", "The mayor",
         "the governor “reckless.”"),
        ("Democrats criticized the senator for his remarks.", "criticized", "Democrats",
         "the senator for his remarks"),
        ("Critics accused the campaign of lying about the emails.", "accused", "Critics",
         "the campaign of lying about the emails"),
        ("The senator is calling for Mexico to expand its patrols.",
         "calling", "The senator", "for Mexico to expand its patrols"),
        ("The senator vowed to block the nomination.", "vowed", "The senator",
         "to block the nomination"),
        ("The governor pointed to the jobs report.", "pointed to", "The governor",
         "the jobs report"),
    ],
)
def test_stance_and_commitment_verbs_attribute_their_object(nlp, sentence, cue, source, content):
    record = only(nlp, sentence)
    assert (record.cue, record.source, record.content) == (cue, source, content)
    assert record.quote_type in ("indirect", "mixed")


def test_a_poll_shows_a_finding(nlp):
    record = only(nlp, "A new poll shows that Clinton leads in Ohio.")
    assert (record.cue, record.source, record.source_kind) == ("shows", "A new poll", "document")
    assert record.content == "Clinton leads in Ohio"


def test_a_reporting_verb_under_another_verb_takes_its_subject(nlp):
    record = only(nlp, "The candidate took to Twitter to say that the race was rigged.")
    assert (record.cue, record.source, record.content) == (
        "say", "The candidate", "the race was rigged")


def test_as_the_outlet_reported_attributes_the_main_clause(nlp):
    record = only(nlp, "As The Washington Post reported, the plan was shelved.")
    assert (record.cue, record.source, record.source_kind) == (
        "reported", "The Washington Post", "media_outlet")
    assert record.content == "the plan was shelved."


def test_passive_with_an_agent_attributes_the_subject(nlp):
    record = only(nlp, "The decision was first reported by Reuters.")
    assert (record.cue, record.source, record.content) == ("reported", "Reuters", "The decision")


def test_said_that_stands_for_what_was_said(nlp):
    record = only(nlp, "Later, in 2019, Ebrard said that.")
    assert (record.cue, record.source, record.content) == ("said", "Ebrard", "that")


def test_a_name_and_a_colon_open_a_headline_attribution(nlp):
    record = only(nlp, "John McCain: Populist anger appeals to our bad angels")
    assert (record.cue, record.source, record.source_kind) == (":", "John McCain",
                                                             "named_person")
    assert record.content == "Populist anger appeals to our bad angels"


@pytest.mark.parametrize("text", ["Wait, it gets better: the plan was shelved.",
                                  "9:15 p.m.: Polls close in Texas."])
def test_a_colon_after_anything_but_a_name_is_not_a_cue(nlp, text):
    assert [r.cue for r in attributions(nlp, text)] == []


def test_a_quotation_after_a_colon_may_open_the_next_paragraph(nlp):
    record = only(nlp, 'Univision responded:\n\n"If the numbers are wrong, they should be '
                       'corrected."')
    assert (record.cue, record.source, record.quote_type) == (
        "responded", "Univision", "direct")
    assert record.content == "If the numbers are wrong, they should be corrected."


def test_verbs_that_as_often_report_plain_events_are_not_cues(nlp):
    assert attributions(nlp, "The senator wants a new bridge and supports the plan.") == []


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("Migrants continue to arrive at the border.", []),
        ("“We will not pay,” Ebrard continued.", ["continued"]),
        ("The senator continued to insist that the wall would be built.", ["continued"]),
        ("The Border Patrol released 200 migrants in El Paso.", []),
        ("The ministry released a statement on the talks.", ["released"]),
        ("Mexico pushed migrants back across the river.", []),
        ("Mexico pushed for more aid.", ["pushed"]),
        ("Mexico pushed the envoy to drop the tariff.", ["pushed"]),
        ("The administration maintained the policy.", []),
        ("The administration maintained that the policy was legal.", ["maintained"]),
    ],
)
def test_a_verb_of_speech_used_as_a_plain_action_cites_nobody(nlp, text, cues):
    assert [record.cue for record in attributions(nlp, text)] == cues


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The ministry did not respond to a request for comment.",
         "respond to a request for comment"),
        ("The embassy did not answer requests for comment.", "answer requests for comment"),
        ("A request for comment was not answered by the ministry.", "answered"),
        ("The mayor refused to comment.", "refused to comment"),
        ("The mayor refused to say whether the talks had failed.", "refused to say"),
    ],
)
def test_a_request_left_unanswered_is_a_cue_without_content_like_declining(nlp, text, cue):
    record = only(nlp, text)
    assert record.cue == cue
    assert record.content_start == -1 or record.content.startswith("whether")


def test_refusing_to_act_is_still_a_stance_with_its_content(nlp):
    assert only(nlp, "Mexico refused to pay for the wall.").content == "to pay for the wall"


def test_a_source_span_does_not_end_in_a_no_break_space(nlp):
    record = only(nlp, "A recent report\u00a0has shown that crossings fell.")
    assert record.source_surface == "A recent report"


# --- quotations ---------------------------------------------------------------------------


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


# --- the gazetteer ------------------------------------------------------------------------


def test_default_gazetteer_places_terms_on_sides():
    gazetteer = load_gazetteer()
    assert gazetteer.sides_in("a White House official") == {"US"}
    assert gazetteer.sides_in("Lopez Obrador") == {"Mexico"}
    assert gazetteer.sides_in("the U.S. delegation") == {"US"}
    assert gazetteer.sides_in("told us nothing") == set()


def test_a_custom_gazetteer_changes_the_side(nlp, tmp_path):
    path = tmp_path / "sides.toml"
    path.write_text('[sides.other]\nterms = ["Ebrard"]\n', encoding="utf-8")
    record = only(nlp, "Marcelo Ebrard announced that Mexico would deploy troops.",
                  gazetteer=load_gazetteer(path))
    assert record.side == "other"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[sides.US\nterms = []", "not valid TOML"),
        ("[sides.Canada]\nterms = []", "unknown side(s) ['Canada']"),
        ('[sides.US]\nterms = "US"', "sides.US.terms must be a list of strings"),
        ("[media]\noutlets = [1]", "media.outlets must be a list of strings"),
    ],
)
def test_a_malformed_gazetteer_names_the_file(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"bad\.toml") as error:
        load_gazetteer(path)
    assert message in str(error.value)


def test_a_missing_gazetteer_names_the_file(tmp_path):
    with pytest.raises(GazetteerError, match=r"missing\.toml: side gazetteer file not found"):
        load_gazetteer(tmp_path / "missing.toml")


# --- tables -------------------------------------------------------------------------------


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


# --- any text in, no exception out --------------------------------------------------------

_PIECES = st.sampled_from(
    ['"', "“", "”", "'", "‘", "’", ",", ".", " ", " ", "\n", "said", "according to", "he",
     "they", "officials", "Mexico", "US", "told", "added", "by", ":", "that"]
)
_TEXTS = st.lists(st.one_of(_PIECES, st.text(min_size=1, max_size=8)), max_size=30).map(" ".join)


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


# --- PolNeAR recall: beliefs, commitments, polls, headlines, relative clauses -------------


def test_beliefs_and_hopes_are_attributed(nlp):
    record = only(nlp, "Economists believe the tax cut helps employers.")
    assert (record.cue, record.source) == ("believe", "Economists")
    assert record.content == "the tax cut helps employers"
    record = only(nlp, "Sanders hopes to win the state.")  # the model's lemma is "hop"
    assert (record.cue, record.source, record.content) == ("hopes", "Sanders", "to win the state")


def test_agreeing_to_something_is_a_commitment(nlp):
    record = only(nlp, "The governor agreed to debate his rival.")
    assert (record.cue, record.source, record.content) == (
        "agreed", "The governor", "to debate his rival")


def test_a_passive_forecast_is_not_a_belief_but_an_active_one_is(nlp):
    assert attributions(nlp, "The vote is expected to take place on Monday.") == []
    record = only(nlp, "Analysts expect the vote to take place on Monday.")
    assert (record.cue, record.source) == ("expect", "Analysts")


def test_in_a_named_poll_attributes_the_clause_to_the_poll(nlp):
    record = only(nlp, "In a CNN poll released Monday, Clinton led Sanders by ten points.")
    assert (record.cue, record.quote_type) == ("In", "according_to")
    assert record.source_surface.startswith("a CNN poll")
    assert record.content.rstrip(".") == "Clinton led Sanders by ten points"


def test_in_other_words_and_trailing_in_the_polls_are_not_cues(nlp):
    assert attributions(nlp, "In other words, Clinton led Sanders by ten points.") == []
    assert attributions(nlp, "Carson slid in the polls after the debate.") == []


def test_in_someones_words_is_a_cue(nlp):
    record = only(nlp, "In Obama's words, the economy has recovered.")
    assert record.cue == "In"
    assert record.content.rstrip(".") == "the economy has recovered"


def test_a_headline_colon_after_a_short_name_is_a_cue(nlp):
    record = only(nlp, "Poll: Sanders Leads Clinton in New Hampshire\n\nThe race tightened.")
    assert (record.cue, record.source) == (":", "Poll")
    assert record.content == "Sanders Leads Clinton in New Hampshire"


def test_a_relative_pronoun_is_the_span_and_its_antecedent_the_name(nlp):
    records = attributions(nlp, "The crowd cheered Barkley, who said the team would win.")
    record = by_cue(records, "said")[0]
    assert (record.source_surface, record.source) == ("who", "Barkley")
    assert record.source_kind == "named_person"
    assert record.content == "the team would win"


def test_a_participle_after_a_name_takes_the_name_as_source(nlp):
    records = attributions(nlp, "Lindsey Graham, calling Trump a liar, left the stage.")
    record = by_cue(records, "calling")[0]
    assert record.source == "Lindsey Graham"
    assert "a liar" in record.content
    assert attributions(nlp, "The plan announced Monday failed.") == []


def test_a_closing_colon_introduces_the_quoted_next_paragraph(nlp):
    record = only(nlp, "The senator ended his speech with a warning:\n\n"
                       "“Nobody will cross this border again.”")
    assert (record.cue, record.source, record.quote_type) == (":", "The senator", "direct")
    assert record.content == "Nobody will cross this border again."
    records = attributions(nlp, "It gets better:\n\n“The wall will be paid for,” the letter "
                                "read.")
    assert by_cue(records, ":") == []


# --- issue 6: quotation marks, nesting, beliefs and wishes, evidentials -------------------


def test_find_quotations_reads_two_apostrophes_as_a_double_mark():
    text = "''We are ready,'' she said. ''He said 'no,''' they added."
    found = find_quotations(text)
    assert [text[q.inner_start:q.inner_end] for q in found] == ["We are ready,", "He said 'no,"]


def test_a_quotation_in_two_apostrophes_is_direct_speech(nlp):
    record = only(nlp, "''The border is closed,'' the minister said.")
    assert (record.cue, record.source, record.quote_type) == ("said", "the minister", "direct")
    assert record.content == "The border is closed"


def test_a_cue_inside_another_attributions_content_is_not_a_second_citation(nlp):
    record = only(nlp, "The senator told reporters that he believes the plan will fail.")
    assert (record.cue, record.source) == ("told", "The senator")
    assert record.content == "he believes the plan will fail"


@pytest.mark.parametrize(
    ("sentence", "cue", "source", "content"),
    [
        ("Most voters think the economy is improving.", "think", "Most voters",
         "the economy is improving"),
        ("The mayor knows that the bridge is unsafe.", "knows", "The mayor",
         "the bridge is unsafe"),
        ("The governor wants Canada to cover the cost.", "wants", "The governor",
         "Canada to cover the cost"),
        ("The governor wants to build a new bridge.", "wants", "The governor",
         "to build a new bridge"),
    ],
)
def test_beliefs_and_wishes_with_a_proposition_are_attributed(nlp, sentence, cue, source,
                                                               content):
    record = only(nlp, sentence)
    assert (record.cue, record.source, record.content) == (cue, source, content)


@pytest.mark.parametrize(
    "sentence",
    ["The mayor knows the area well.", "The senator feels tired after the vote.",
     "Voters think about the economy.", "The governor wants a new bridge."],
)
def test_beliefs_and_wishes_with_a_plain_object_are_not_attributed(nlp, sentence):
    assert attributions(nlp, sentence) == []


def test_an_evidential_has_no_source_and_attributes_the_whole_clause(nlp):
    record = only(nlp, "The senator appears to have lost the support of his party.")
    assert (record.cue, record.source, record.source_start) == ("appears", "", -1)
    assert record.content == "The senator appears to have lost the support of his party"
    assert attributions(nlp, "The senator appeared on television on Sunday.") == []


def test_a_wish_in_a_relative_clause_on_the_source_describes_the_source(nlp):
    record = only(nlp, "A senior official, who wished to remain anonymous, said the talks "
                       "had failed.")
    assert (record.cue, record.source, record.content) == (
        "said", "A senior official", "the talks had failed")


def test_a_parenthetical_cue_attributes_the_sentence_around_it(nlp):
    record = only(nlp, "By then, the senator said, the plan was already doomed.")
    assert (record.cue, record.source) == ("said", "the senator")
    assert record.content.startswith("By then")
    assert record.content.rstrip(".").endswith("already doomed")


def test_a_belief_with_an_object_and_a_predicate_is_attributed(nlp):
    record = only(nlp, "Many voters view the senator as a threat to the party.")
    assert (record.cue, record.source) == ("view", "Many voters")
    assert record.content.startswith("the senator as a threat")


def test_an_open_question_is_not_a_belief(nlp):
    assert attributions(nlp, "The mayor does not know whether the bridge is safe.") == []


@pytest.mark.parametrize(
    ("sentence", "cue", "source"),
    [
        ("The governor repeated his promise to cut taxes.", "repeated", "The governor"),
        ("The senator highlighted the cost of the program.", "highlighted", "The senator"),
        ("Protesters chanted that the election was stolen.", "chanted", "Protesters"),
    ],
)
def test_more_speech_acts_are_cues(nlp, sentence, cue, source):
    record = only(nlp, sentence)
    assert (record.cue, record.source) == (cue, source)


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


# --- adjective and noun cues --------------------------------------------------------------


def test_stance_adjective_with_a_complement_is_a_cue(nlp):
    record = only(nlp, "Councillor Okafor has been critical of the parking levy for months.")
    assert record.cue == "has been critical of"
    assert record.source == "Councillor Okafor"
    assert record.content == "the parking levy"


def test_stance_adjective_with_a_clause_or_infinitive(nlp):
    sure = only(nlp, "The harbour master was sure the ferry would sail on time.")
    assert (sure.source, sure.content) == ("The harbour master", "the ferry would sail on time")
    willing = only(nlp, "Several growers were willing to sell their land to the county.")
    assert willing.source == "Several growers"
    assert willing.content == "to sell their land to the county"


def test_stance_adjective_without_complement_or_as_importance_is_no_cue(nlp):
    assert attributions(nlp, "The fishermen were angry.") == []
    assert attributions(nlp, "Fresh water is critical to the survival of the valley.") == []


def test_stance_noun_with_possessor_and_complement(nlp):
    record = only(nlp, "The mayor's criticism of the stadium deal surprised the council.")
    assert record.cue == "criticism of"
    assert record.source == "The mayor's"
    assert record.content == "the stadium deal"


def test_stance_noun_holder_from_by_or_light_verb(nlp):
    attacks = only(nlp, "Attacks on the mayor by the opposition continued.")
    assert attacks.cue == "Attacks on"
    assert (attacks.source, attacks.content) == ("the opposition", "the mayor")
    raised = only(nlp, "Senator Alvarez raised questions about the contract.")
    assert raised.cue == "raised questions about"
    assert (raised.source, raised.content) == ("Senator Alvarez", "the contract")


def test_stance_noun_possessive_pronoun_is_resolved(nlp):
    found = attributions(
        nlp, "Mayor Linda Osei spoke on Monday. Her criticism of the budget was blunt.")
    record = by_cue(found, "criticism of")[0]
    assert record.source == "Linda Osei"
    assert record.source_surface == "Her"
    assert record.source_kind == "named_person"


def test_stance_noun_without_holder_or_about_a_time_is_no_cue(nlp):
    assert attributions(nlp, "Criticism of the stadium deal grew.") == []
    assert attributions(nlp, "His remarks on Tuesday were brief.") == []


def test_speech_verb_with_a_topic_or_object_is_a_cue(nlp):
    responded = only(nlp, "The ferry company responded to the complaints of its riders.")
    assert responded.source == "The ferry company"
    assert responded.content == "the complaints of its riders"
    noted = only(nlp, "Dr. Amara Singh noted the rise in admissions.")
    assert (noted.cue, noted.content) == ("noted", "the rise in admissions")


def test_acts_of_public_stance_are_cues(nlp):
    apology = only(nlp, "The club's chairman apologized for the delay.")
    assert (apology.cue, apology.content) == ("apologized", "the delay")
    liken = only(nlp, "Governor Brandt likened the tax to a toll on bread.")
    assert liken.source == "Governor Brandt"
    assert liken.content.startswith("the tax")


def test_declined_to_say_whether_attributes_the_question(nlp):
    record = only(nlp, "The coach declined to say whether the striker would play.")
    assert record.cue == "declined to say"
    assert record.source == "The coach"
    assert record.content == "whether the striker would play"


def test_participle_with_a_clause_speaks_for_its_noun(nlp):
    record = only(nlp, "Residents received a letter saying that the water was unsafe.")
    assert record.cue == "saying"
    assert record.source == "a letter"
    assert record.content == "the water was unsafe"


def test_rarer_speech_verbs_are_cues(nlp):
    rebut = only(nlp, "The union's lawyer rebutted the claim at once.")
    assert (rebut.cue, rebut.source, rebut.content) == (
        "rebutted", "The union's lawyer", "the claim")
    retweet = only(nlp, "Senator Holt retweeted a cartoon of the mayor.")
    assert (retweet.cue, retweet.source) == ("retweeted", "Senator Holt")


def test_voting_and_ruling_out_are_cues(nlp):
    ruled = only(nlp, "The minister ruled out a second referendum.")
    assert (ruled.cue, ruled.source, ruled.content) == (
        "ruled", "The minister", "a second referendum")
    voted = only(nlp, "Councillor Reyes voted against the new bus lanes.")
    assert (voted.cue, voted.content) == ("voted", "the new bus lanes")


def test_agreeing_with_and_commenting_on_a_topic(nlp):
    agreed = only(nlp, "The rival candidate agreed with the verdict of the panel.")
    assert (agreed.cue, agreed.content) == ("agreed", "the verdict of the panel")
    commented = only(nlp, "The museum commented on the theft.")
    assert (commented.cue, commented.content) == ("commented", "the theft")
    assert attributions(nlp, "The museum announced on Monday.") == []


def test_reportedly_attributes_its_clause_to_nobody(nlp):
    record = only(nlp, "The striker reportedly asked for a transfer.")
    assert record.cue == "reportedly"
    assert record.source_start == -1 and record.source == ""
    assert record.content.startswith("The striker")
    assert record.content.endswith("asked for a transfer")


def test_made_it_clear_states_its_clause(nlp):
    record = only(nlp, "The mayor made it clear that the bridge would close.")
    assert record.cue == "made it clear"
    assert (record.source, record.content) == ("The mayor", "the bridge would close")


def test_poll_preferences_are_stances(nlp):
    record = only(nlp, "Most of the surveyed nurses prefer the night shift.")
    assert record.cue == "prefer"
    assert record.content == "the night shift"
    assert attributions(nlp, "The nurses want a sandwich.") == []


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


def test_a_poll_or_study_finding_a_thing_is_a_finding(nlp):
    record = only(nlp, "A survey by the state university found broad support for the new park.")
    assert (record.cue, record.source) == ("found", "A survey by the state university")
    assert record.content == "broad support for the new park"
    assert record.source_kind == "document"
    assert attributions(nlp, "The mayor found a wallet on the bench.") == []


def test_unquoted_content_after_a_colon_that_closes_the_cue(nlp):
    record = only(nlp, "In his weekly column, Dale Porter wrote:\n\n"
                       "The new bridge is a waste of money. Nobody will use it.")
    assert (record.cue, record.source) == ("wrote", "Dale Porter")
    assert record.content == "The new bridge is a waste of money. Nobody will use it."
    record = only(nlp, "The coach explained his choice in the following way:  Young players "
                       "need time on the pitch, and they will get it.")
    assert (record.cue, record.source) == ("explained", "The coach")
    assert record.content == "Young players need time on the pitch, and they will get it."


def test_a_relative_clause_whose_gap_is_the_object_attributes_its_antecedent(nlp):
    record = only(nlp, "The harsh things the senator said about the miners cost him the vote.")
    assert (record.cue, record.source, record.content) == (
        "said", "the senator", "The harsh things")
    record = only(nlp, "It was a claim the union has long disputed.")
    assert (record.cue, record.source, record.content) == ("disputed", "the union", "a claim")
    assert attributions(nlp, "The night she spoke at the harbor was cold.") == []


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


def test_stance_verbs_chosen_by_their_share_of_cues_on_train(nlp):
    disavowed = only(nlp, "The councillor disavowed the leaflet.")
    assert (disavowed.cue, disavowed.source, disavowed.content) == (
        "disavowed", "The councillor", "the leaflet")
    distanced = only(nlp, "The mayor distanced herself from the old plan.")
    assert (distanced.cue, distanced.source, distanced.content) == (
        "distanced", "The mayor", "the old plan")
    brushed = only(nlp, "The club owner brushed off the criticism from fans.")
    assert (brushed.cue, brushed.content) == ("brushed", "the criticism from fans")
    persuaded = only(nlp, "The coach persuaded the board to delay the vote.")
    assert (persuaded.cue, persuaded.content) == ("persuaded", "the board to delay the vote")


def test_a_parenthetical_cue_the_parser_hung_on_the_reported_clause(nlp):
    record = only(nlp, "Our town is doing fine, but it is under strain from the new highway, "
                       "said the mayor, Tove Dahl.")
    assert (record.cue, record.source) == ("said", "the mayor")
    assert record.content == "Our town is doing fine, but it is under strain from the new highway"


def test_saying_the_same_of_someone_is_a_statement(nlp):
    found = attributions(nlp, "Half the players praised the coach, and 43 said the same about "
                              "his assistant.")
    said = by_cue(found, "said")[0]
    assert (said.source, said.content) == ("43", "the same about his assistant")


def test_resisting_unveiling_and_contradicting_are_stances(nlp):
    resisted = only(nlp, "The union resisted the new pay scale.")
    assert (resisted.cue, resisted.source, resisted.content) == (
        "resisted", "The union", "the new pay scale")
    unveiled = only(nlp, "The minister unveiled a plan to cut fares.")
    assert (unveiled.cue, unveiled.source, unveiled.content) == (
        "unveiled", "The minister", "a plan to cut fares")
    contradicts = only(nlp, "Her account contradicts the police report.")
    assert (contradicts.source, contradicts.content) == ("Her account", "the police report")


def test_the_object_of_say_is_what_was_said(nlp):
    record = only(nlp, "The coach said little about the injury.")
    assert (record.cue, record.source, record.content) == (
        "said", "The coach", "little about the injury")
    record = only(nlp, "The mayor says odd things.")
    assert (record.cue, record.content) == ("says", "odd things")


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


def test_rarer_speech_verbs_with_a_topic_or_object(nlp):
    record = only(nlp, "The consul cautioned against a rush to judgment.")
    assert (record.cue, record.source, record.content) == (
        "cautioned", "The consul", "a rush to judgment")
    record = only(nlp, "The senator testified about the detention centers.")
    assert (record.cue, record.content) == ("testified", "the detention centers")
    record = only(nlp, "The border agent recounted the night of the crossing.")
    assert (record.cue, record.content) == ("recounted", "the night of the crossing")


def test_speaking_counts_only_with_a_topic(nlp):
    record = only(nlp, "The bishop spoke about the families waiting at the border.")
    assert (record.cue, record.source, record.content) == (
        "spoke", "The bishop", "the families waiting at the border")
    record = only(nlp, "The mayor spoke out against the new checkpoints.")
    assert (record.source, record.content) == ("The mayor", "the new checkpoints")
    assert attributions(nlp, "The mayor spoke at the rally on Friday.") == []
    assert attributions(nlp, "The consul spoke to reporters in Tijuana.") == []


def test_as_someone_put_it_quotes_the_clause(nlp):
    record = only(nlp, "As the mayor put it, the border is not a wall but a door.")
    assert (record.cue, record.source, record.content) == (
        "put it", "the mayor", "the border is not a wall but a door.")
    assert by_cue(attributions(nlp, "The governor plans to put it into law."), "put it") == []


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


def test_verbs_whose_content_follows_at(nlp):
    record = only(nlp, "The mayor lashed out at the new bridge tolls.")
    assert (record.cue, record.source, record.content) == (
        "lashed", "The mayor", "the new bridge tolls")
    record = only(nlp, "The consulate hinted at a change in the visa rules.")
    assert (record.cue, record.content) == ("hinted", "a change in the visa rules")


def test_the_object_of_a_causative_verb_speaks_for_its_infinitive(nlp):
    record = only(nlp, "The new fees led the mayor to warn that trade would suffer.")
    assert (record.cue, record.source, record.content) == (
        "warn", "the mayor", "trade would suffer")


def test_declining_any_act_of_speech_is_a_cue_without_content(nlp):
    record = only(nlp, "The mayor declined to criticize the governor.")
    assert (record.cue, record.source, record.content) == (
        "declined to criticize", "The mayor", "")
    record = only(nlp, "The consul declined to weigh in.")
    assert (record.cue, record.source) == ("declined to weigh", "The consul")


def test_casting_someone_as_something_is_a_stance(nlp):
    record = only(nlp, "The senator cast the new tariffs as a tax on families.")
    assert (record.cue, record.source, record.content) == (
        "cast", "The senator", "the new tariffs as a tax on families")
    assert attributions(nlp, "The senator cast a vote against the border bill.") == []


def test_seems_like_is_an_evidential_without_source(nlp):
    record = only(nlp, "The new visa plan seems like a long shot.")
    assert (record.cue, record.source, record.content) == (
        "seems", "", "The new visa plan seems like a long shot")


def test_phrasal_verbs_of_speech(nlp):
    record = only(nlp, "The governor shot back that the fees were legal.")
    assert (record.cue, record.source, record.content) == (
        "shot back", "The governor", "the fees were legal")
    record = only(nlp, "The senator weighed in on the border dispute.")
    assert (record.cue, record.content) == ("weighed in", "the border dispute")


def test_a_reported_clause_parsed_as_a_first_subject_is_the_content(nlp):
    # The parser gives "said" two subjects: "plan" (the reported clause) and "Ortiz".
    record = only(nlp, "The plan to reopen the crossing appeals to shop owners, said Luis "
                       "Ortiz, a trader in Nogales.")
    assert (record.cue, record.source, record.content) == (
        "said", "Luis Ortiz", "The plan to reopen the crossing appeals to shop owners")


def test_aiming_to_do_something_is_an_intention(nlp):
    record = only(nlp, "The governor aims to cut the wait at the bridge.")
    assert (record.cue, record.source, record.content) == (
        "aims", "The governor", "to cut the wait at the bridge")
    assert attributions(nlp, "The new ad is aimed at young voters.") == []


def test_responding_with_something_attributes_the_reply(nlp):
    record = only(nlp, "The consulate responded with a short statement on the new rule.")
    assert (record.cue, record.source, record.content) == (
        "responded", "The consulate", "a short statement on the new rule")
