"""analysis.figures.concepts: concepts and the subject of the text."""

from __future__ import annotations

import pytest

from analysis.codebook import load_codebook
from analysis.figures import explain_numbers
from tests.figures.helpers import figures, one_figure


@pytest.mark.parametrize(
    ("text", "obj", "concept"),
    [
        ("Mexico has pledged to accept back 30,000 migrants every month.", "migrant", "return"),
        ("There were eleven deportation flights to Venezuela.", "flight", "flight"),
        ("Biden has spoken of sending $4 billion in development aid to curb migration.", "aid",
         "aid"),
        ("Agents reported 10,000 irregular border crossings a day.", "crossing", "crossing"),
        ("Mexico is slated to receive 2.5 million doses.", "dose", "dose"),
        ("Mexico deported 500 migrants last week.", "migrant", "deportation"),
        ("About 2,000 people were detained at the border in Tijuana.", "people", "detention"),
        ("Apprehensions rose to 3,000 in May.", "apprehension", "apprehension"),
        ("The number of migrants reached 30,000 in May.", "migrant", "migrant"),
        ("Border agents seized 300 kilograms of fentanyl.", "fentanyl", "drugs"),
        ("The report cited 40 new policies.", "policy", ""),
    ],
)
def test_object_and_concept(nlp, text, obj, concept):
    figure = one_figure(nlp, text)
    assert (figure.object, figure.concept) == (obj, concept)


def test_a_verb_modifying_the_counted_noun_sets_the_concept(nlp):
    figure = one_figure(nlp, "Officials said 500 migrants deported from Texas arrived.")
    assert (figure.object, figure.concept) == ("migrant", "deportation")


# --- the subject of the text (issue 18) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "obj"),
    [
        ("The goalie stopped 30 shots in the win.", "shot"),
        ("Police said they arrested 12 people after the game.", "people"),
        ("The airline cancelled 40 flights because of the storm.", "flight"),
        ("The fund will invest $2 billion in new factories.", "factory"),
    ],
)
def test_a_text_not_on_the_concepts_subject_gets_no_concept(nlp, text, obj):
    figure = one_figure(nlp, text)
    assert (figure.object, figure.concept) == (obj, "")


def test_a_migration_word_elsewhere_in_the_article_puts_the_text_on_the_subject(nlp):
    text = ("Migrants waited at the bridge for days. Police said they arrested 12 people "
            "on Monday.")
    arrested = [figure for figure in figures(nlp, text) if figure.value == 12]
    assert [figure.concept for figure in arrested] == ["apprehension"]


@pytest.mark.parametrize(
    "text",
    [
        "Near the border, he caught two TD passes in the first half.",
        "Border Holdings agreed to a buyout that funds 300 migrant shelters.",
    ],
)
def test_a_sentence_about_a_game_or_a_deal_gets_no_migration_concept(nlp, text):
    assert {figure.concept for figure in figures(nlp, text)} <= {""}


def test_an_age_gets_no_concept_even_in_a_migration_text(nlp):
    text = "Border agents said Elizabeth A. Burton, 32, was arrested with four migrants."
    found = {figure.value: figure for figure in figures(nlp, text)}
    assert (found[32].unit, found[32].concept) == ("years old", "")
    assert found[4].concept == "apprehension"


def test_the_rule_that_drops_a_concept_is_named(nlp):
    readings = list(explain_numbers(nlp("The airline cancelled 40 flights in the storm.")))
    assert [(reading.concept, reading.concept_dropped) for reading in readings] == [
        ("", "off_subject")
    ]
    readings = list(explain_numbers(nlp("The goalie stopped 30 shots in the win.")))
    assert [reading.concept_dropped for reading in readings] == ["other_matter"]


def test_a_user_concept_without_a_subject_applies_to_any_text(nlp, tmp_path):
    path = tmp_path / "sports.toml"
    path.write_text('extends = "default"\n\n[concepts.save]\nobjects = ["shot"]\n', "utf-8")
    figure = one_figure(nlp, "The goalie stopped 30 shots in the win.",
                        codebook=load_codebook(path))
    assert figure.concept == "save"


def test_a_user_subject_with_its_own_words(nlp, tmp_path):
    path = tmp_path / "hockey.toml"
    path.write_text(
        '[subjects.hockey]\nwords = ["goalie", "puck"]\n\n'
        '[concepts.save]\nsubject = "hockey"\nobjects = ["shot"]\n', "utf-8")
    codebook = load_codebook(path)
    assert one_figure(nlp, "The goalie stopped 30 shots.", codebook=codebook).concept == "save"
    assert one_figure(nlp, "The army fired 30 shots.", codebook=codebook).concept == ""


def test_a_duration_gets_no_concept(nlp):
    text = "Migrants were detained for three years at the border."
    figure = one_figure(nlp, text)
    assert (figure.value, figure.unit, figure.concept) == (3, "year", "")
    (reading,) = explain_numbers(nlp(text))
    assert reading.concept_dropped == "duration_has_no_concept"


def test_a_generic_count_far_from_the_subject_gets_no_concept(nlp):
    text = ("Migrants crossed the border near Yuma on Monday. The senator spoke about taxes "
            "and roads for an hour. More than 13 million people voted for him in May.")
    readings = [reading for reading in explain_numbers(nlp(text))
                if "13 million" in reading.surface]
    assert [(reading.concept, reading.concept_dropped) for reading in readings] == [
        ("", "generic_far_from_subject")]


@pytest.mark.parametrize("text", [
    "The caravan reached Tijuana on Monday. More than 5,000 people were in it.",
    "More than 5,000 people in the caravan reached Tijuana on Monday.",
])
def test_a_generic_count_next_to_the_subject_keeps_its_concept(nlp, text):
    (figure,) = [figure for figure in figures(nlp, text) if figure.value == 5000]
    assert (figure.object, figure.concept) == ("people", "migrant")


def test_a_specific_count_keeps_its_concept_anywhere_in_a_text_on_the_subject(nlp):
    text = ("Migrants crossed the border near Yuma on Monday. The senator spoke about taxes "
            "and roads for an hour. He said 300 refugees would settle in the state.")
    (figure,) = [figure for figure in figures(nlp, text) if figure.value == 300]
    assert (figure.object, figure.concept) == ("refugee", "migrant")
