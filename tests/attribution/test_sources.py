"""Sources: the span of who is cited, its kind (``sources.KIND_RULES``), and whom a pronoun
means."""

from __future__ import annotations

import pytest

from analysis.attribution import extract_attributions
from analysis.attribution.spans import past_dateline
from tests.attribution.helpers import attributions, by_cue, only, summary


def test_appositive_is_not_part_of_the_source_span_but_gives_the_side(nlp):
    record = only(nlp, "Roberto Velasco, the director general for the North America region at "
                       "Mexico's foreign ministry, said the two issues were separate.")
    assert summary(record) == ("said", "Roberto Velasco", "named_person", "Mexico", "indirect")


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


def test_unresolvable_pronoun_stays_a_pronoun_of_unknown_kind(nlp):
    record = only(nlp, "He said the talks were useful.")
    assert (record.source, record.source_surface, record.source_kind) == ("He", "He", "unknown")


def test_pronoun_resolves_to_an_earlier_named_person(nlp):
    record = only(nlp, "Marcelo Ebrard met the delegation on Tuesday. He said the talks were "
                       "useful.")
    assert (record.source, record.source_surface, record.source_kind, record.side) == (
        "Marcelo Ebrard", "He", "named_person", "Mexico")


def test_a_source_span_does_not_end_in_a_no_break_space(nlp):
    record = only(nlp, "A recent report\u00a0has shown that crossings fell.")
    assert record.source_surface == "A recent report"


def test_a_relative_pronoun_is_the_span_and_its_antecedent_the_name(nlp):
    records = attributions(nlp, "The crowd cheered Barkley, who said the team would win.")
    record = by_cue(records, "said")[0]
    assert (record.source_surface, record.source) == ("who", "Barkley")
    assert record.source_kind == "named_person"
    assert record.content == "the team would win"


def test_stance_noun_possessive_pronoun_is_resolved(nlp):
    found = attributions(
        nlp, "Mayor Linda Osei spoke on Monday. Her criticism of the budget was blunt.")
    record = by_cue(found, "criticism of")[0]
    assert record.source == "Linda Osei"
    assert record.source_surface == "Her"
    assert record.source_kind == "named_person"


# --- kinds of source -----------------------------------------------------------------------


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


# --- pronouns ------------------------------------------------------------------------------


def sources_by_cue(nlp, text: str) -> dict[str, tuple[str, str]]:
    return {record.cue: (record.source, record.source_surface)
            for record in extract_attributions(nlp(text))}


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # The speaker before wins over a person only named in what was said.
        ("The US representative said Biden was wrong. He added that talks would go on.",
         "added", "The US representative"),
        ("“We will meet again,” said the US representative, praising Marcelo Ebrard. "
         "“We are grateful,” he added.", "added", "the US representative"),
        # Of two people named, the subject.
        ("Alicia Bárcena, the foreign minister, met Antony Blinken on Monday. She said the "
         "meeting was useful.", "said", "Alicia Bárcena"),
        # A person named in the pronoun's own sentence, but not as its subject, is not it.
        ("Marcelo Ebrard arrived in Washington on Monday. Asked about Donald Trump, he said "
         "the talks would go on.", "said", "Marcelo Ebrard"),
    ],
)
def test_a_pronoun_means_the_speaker_or_subject_before_it(nlp, text, cue, source):
    assert sources_by_cue(nlp, text)[cue][0] == source


def test_a_pronoun_far_from_any_person_stays_a_pronoun(nlp):
    text = ("Marcelo Ebrard arrived on Monday. The talks opened at noon. Rain fell all day. "
            "Traffic was heavy. Flights were late. He said the talks were useful.")
    assert sources_by_cue(nlp, text)["said"] == ("He", "He")


# --- kind rules (sources.KIND_RULES) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # media: a medium or journalist without an outlet's name.
        ("The newspaper reported that the talks had stalled.", "media_outlet"),
        ("A reporter said the talks had stalled.", "media_outlet"),
        # role: one person by role, named when definite, unnamed when not.
        ("The billionaire said the talks had stalled.", "named_person"),
        ("A voter said the talks had stalled.", "anonymous"),
        # group: people by role in the plural, and people only counted.
        ("Voters said the talks had stalled.", "group"),
        ("Some say the talks have stalled.", "group"),
        ("Most of the voters said the talks had stalled.", "group"),
        ("Fifty-two percent of voters said the talks had stalled.", "group"),
        # anonymous: one unnamed.
        ("One said the talks had stalled, another that they had not.", "anonymous"),
        # agent_noun: a person by what they do, unlisted.
        ("A lobbyist said the talks had stalled.", "anonymous"),
        ("The lobbyists said the talks had stalled.", "group"),
        # document: a document of any kind.
        ("The ad claims that the governor raised taxes.", "document"),
    ],
)
def test_each_kind_rule_gives_the_kind_a_reader_would(nlp, text, kind):
    record = attributions(nlp, text)[0]
    assert record.source_kind == kind


def test_the_surname_of_a_person_the_article_names_is_a_named_person(nlp):
    # The entity recognizer reads "Fields" alone as an organisation.
    text = ("Michelle Fields filed a complaint on Monday. Fields said the race was close.")
    record = attributions(nlp, text)[0]
    assert (record.source, record.source_kind) == ("Fields", "named_person")


# --- pronouns and gender ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Hillary Clinton met Bernie Sanders on Monday. He said the debate was fair.",
         "Bernie Sanders"),
        ("Bernie Sanders met Hillary Clinton on Monday. She said the debate was fair.",
         "Hillary Clinton"),
        # "She" is not Marcelo Ebrard, and no woman is named: it stays a pronoun.
        ("The spokeswoman met Marcelo Ebrard on Monday. She said the talks went well.",
         "She"),
    ],
)
def test_he_and_she_do_not_mean_a_person_a_name_or_title_gives_the_other_gender(nlp, text,
                                                                                source):
    (record,) = [r for r in attributions(nlp, text) if r.source_surface in ("He", "She")]
    assert record.source == source



@pytest.mark.parametrize(
    ("span", "left"),
    [
        ("WASHINGTON — Sen. Jane Whitcombe", "Sen. Jane Whitcombe"),
        ("ORLANDO, Fla. (Reuters) - Governor Tom Aldous", "Governor Tom Aldous"),
        ("NEW YORK (AP) — Mayor Ana Ruiz", "Mayor Ana Ruiz"),
        ("LONDON, March 3 (Reuters) – a senior British official", "a senior British official"),
        ("WASHINGTON, Dec. 8 (UPI) — The governor", "The governor"),
        ("DES MOINES, Iowa, Aug. 10 (UPI) — Tom Aldous", "Tom Aldous"),
        ("Dec 29 (Reuters) - Retired general Tom Aldous", "Retired general Tom Aldous"),
        ("Mexico City (AFP) – Officials", "Officials"),
        ("ST. LOUIS -- The mayor", "The mayor"),
        ("EXCLUSIVE – Tom Aldous", "Tom Aldous"),
        # Not a dateline: no dash, a name in ordinary case, or nothing after the dash.
        ("FBI Director Ann Ortiz", "FBI Director Ann Ortiz"),
        ("Washington — the senator", "Washington — the senator"),
        ("NATO", "NATO"),
    ],
)
def test_a_dateline_opening_a_paragraph_is_not_part_of_a_source_span(span, left):
    text = f"The vote was close.\n{span}"
    start = past_dateline(text, text.index(span), len(text))
    assert text[start:] == left


def test_a_dateline_inside_a_paragraph_is_left_alone():
    text = "He said so. WASHINGTON — Sen. Jane Whitcombe"
    assert past_dateline(text, 12, len(text)) == 12


def test_a_dateline_taken_for_the_subject_gives_way_to_the_name_after_it(nlp):
    record = only(nlp, "WASHINGTON, Dec. 8 (UPI) — Republican presidential candidate Tom Aldous "
                       "on Tuesday said he would win.")
    assert record.source.startswith("Republican presidential candidate Tom Aldous")
    assert (record.source_kind, record.source_name) == ("named_person", "Tom Aldous")
