"""analysis.figures.ages: numbers that give a person's age."""

from __future__ import annotations

import pytest

from tests.figures.helpers import figures, one_figure


def test_ages(nlp):
    age = one_figure(nlp, "A 9-year-old girl crossed the river.")
    assert (age.value, age.unit) == (9, "years old")
    apposed = one_figure(nlp, "Maria Lopez, 34, waited at the bridge.")
    assert (apposed.value, apposed.unit) == (34, "years old")


@pytest.mark.parametrize(
    "text",
    [
        "She is 42.",
        "He turned 60 last week.",
        "The retirement age is 67.",
        "Life expectancy in the state is about 75.",
        "Average life expectancy for women in the county is around 79 now.",
        "Only adults over the age of 18 may enter.",
        "Children under the age of 12 ride free.",
    ],
)
def test_a_number_said_of_a_person_or_an_age_is_an_age(nlp, text):
    assert one_figure(nlp, text).unit == "years old"


@pytest.mark.parametrize(("text", "value"), [("The score was 35.", 35), ("He was 1 of 5.", 1)])
def test_a_number_said_of_something_else_is_no_age(nlp, text, value):
    found = figures(nlp, text)
    assert [figure.unit for figure in found if figure.value == value] == [""]


@pytest.mark.parametrize(
    ("text", "value"), [("The life expectancy of a phone is 3 years.", 3)]
)
def test_a_life_expectancy_with_a_unit_of_time_is_no_age(nlp, text, value):
    found = figures(nlp, text)
    assert [figure.unit for figure in found if figure.value == value] == ["year"]


@pytest.mark.parametrize(
    "text",
    ["Ali died on Friday at age 74.", "She had lived alone since age 14.",
     "Workers aged 55 and over may retire early."],
)
def test_a_number_after_age_or_aged_is_an_age(nlp, text):
    assert figures(nlp, text)[0].unit == "years old"


def test_a_count_after_age_is_no_age(nlp):
    assert one_figure(nlp, "The age 5 students were sent home.").unit == ""


def test_a_number_in_brackets_after_a_persons_name_is_an_age(nlp):
    found = figures(nlp, "Hillary Clinton (68) and Bernie Sanders (74) spoke on Monday.")
    assert [(figure.value, figure.unit, figure.rule) for figure in found] == [
        (68, "years old", "apposed_age"), (74, "years old", "apposed_age")
    ]
    assert figures(nlp, "Steps:\n(3) Appear in court.") == []
