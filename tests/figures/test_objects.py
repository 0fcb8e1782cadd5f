"""analysis.figures.objects: the counted thing and its phrase."""

from __future__ import annotations

import pytest

from analysis.figures import (
    extract_object_phrases,
)
from tests.figures.helpers import figures, one_figure


def test_a_number_with_nothing_counted_has_no_object(nlp):
    figure = one_figure(nlp, "The Border Patrol reported 10,000 a day.")
    assert (figure.object, figure.concept, figure.rate_period) == ("", "", "day")


def test_money_in_the_red_counts_no_object_but_money_in_aid_does(nlp):
    assert one_figure(nlp, "The shelter network ended the year $4 million in the red.").object == ""
    assert one_figure(nlp, "Mexico sent $2 billion in new loans.").object == "loan"


def test_a_percent_sign_is_not_a_counted_thing(nlp):
    found = figures(nlp, "The Nikkei rose to 500 +0.3% on Monday.")
    assert all(figure.object != "%" for figure in found)


def test_a_dash_glued_to_the_counted_noun_is_dropped(nlp):
    found = figures(nlp, "Volunteers built 40 houses- and a school.")
    assert [(figure.value, figure.object) for figure in found] == [(40, "house")]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Inspectors visited nine coastal border towns.", "coastal border town"),
        ("The airline added six long-haul routes.", "long-haul route"),
        ("Police found 30 abandoned cars.", "car"),
        ("Officials reviewed the 20 previous reports.", "report"),
        ("The fund paid out $4 million.", ""),
    ],
)
def test_object_phrases_keep_the_modifiers_after_the_number(nlp, text, phrase):
    ((_figure, found),) = extract_object_phrases(nlp(text))
    assert found == phrase


@pytest.mark.parametrize(
    ("text", "value", "unit", "obj"),
    [
        ("The shelter is a 10 minute walk from the bridge.", 10, "minute", "walk"),
        ("Scouts want a 4.4 second sprint.", 4.4, "second", "sprint"),
        ("It is a two hour drive to the border.", 2, "hour", "drive"),
    ],
)
def test_a_unit_of_time_before_a_noun_is_the_unit_and_the_noun_its_object(
        nlp, text, value, unit, obj):
    figure = one_figure(nlp, text)
    assert (figure.value, figure.unit, figure.object) == (value, unit, obj)


def test_a_number_before_last_year_does_not_count_years(nlp):
    found = figures(nlp, "The fund paid $2.3 million in 2019 and 3.2 million last year.")
    assert [(figure.value, figure.object) for figure in found][1] == (3.2e6, "")


@pytest.mark.parametrize(
    "text",
    ["His average rose from 31 to 36 last season.", "Sales grew 5 percent this quarter."],
)
def test_a_number_before_a_season_or_quarter_that_tells_when_counts_nothing(nlp, text):
    assert {figure.object for figure in figures(nlp, text)} == {""}


@pytest.mark.parametrize(
    "text", ["Horsepower climbed from 190 to 215.", "The price index stood at 104.2 on Friday."]
)
def test_a_measure_as_the_subject_of_a_total_is_not_counted(nlp, text):
    assert {figure.object for figure in figures(nlp, text)} == {""}


def test_a_noun_or_a_number_counts_the_noun(nlp):
    figure = one_figure(nlp, "The club wants to add another striker or two.")
    assert (figure.value, figure.object) == (2, "striker")
    # A unit of time before "or" is the unit, as after the number.
    figure = one_figure(nlp, "The talks may take a week or two.")
    assert (figure.value, figure.unit, figure.object, figure.rule) == (2, "week", "",
                                                                      "duration_noun")
