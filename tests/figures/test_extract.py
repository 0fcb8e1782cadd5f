"""analysis.figures.extract: the seed figures, rules on rows, shared units, any text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.figures import (
    explain_numbers,
    extract_figures,
    extract_object_phrases,
    figures_frame,
)
from tests.figures.helpers import figures, one_figure, seed_figure


def test_seed_002_thirty_thousand_returns_a_month(nlp, seed_text):
    figure = seed_figure(nlp, seed_text, "002", "30,000")
    assert figure.value == 30000
    assert (figure.object, figure.concept, figure.rate_period) == ("migrant", "return", "month")
    assert figure.unit == ""
    assert "accept back 30,000 migrants every month" in figure.sentence


def test_seed_004_four_billion_in_development_aid(nlp, seed_text):
    figure = seed_figure(nlp, seed_text, "004", "$4 billion")
    assert figure.value == 4e9
    assert (figure.unit, figure.object, figure.concept) == ("USD", "aid", "aid")


def test_seed_003_around_ten_thousand_crossings_a_day(nlp, seed_text):
    figure = seed_figure(nlp, seed_text, "003", "around 10,000")
    assert figure.value == 10000
    assert (figure.object, figure.concept, figure.rate_period) == ("crossing", "crossing", "day")
    assert figure.approximate is True
    assert figure.qualifier == "around"
    assert figure.bound == ""


def test_seed_000_vaccine_doses(nlp, seed_text):
    figure = seed_figure(nlp, seed_text, "000", "2.5 million")
    assert (figure.value, figure.object, figure.concept) == (2.5e6, "dose", "dose")


def test_seed_002_over_a_million_migrants_annually(nlp, seed_text):
    figure = seed_figure(nlp, seed_text, "002", "over a million")
    assert figure.value == 1e6
    assert (figure.bound, figure.rate_period, figure.qualifier) == ("lower", "year", "over")
    assert (figure.object, figure.concept) == ("migrant", "return")
    assert figure.approximate is False


def test_seed_002_percent_and_deportation_flights(nlp, seed_text):
    percent = seed_figure(nlp, seed_text, "002", "10%")
    assert (percent.value, percent.unit) == (10, "percent")
    flights = seed_figure(nlp, seed_text, "002", "eleven")
    assert (flights.value, flights.object, flights.concept) == (11, "flight", "flight")


@pytest.mark.parametrize(
    ("prefix", "phrase"),
    [
        ("002", "in 2023"),
        ("002", "December 30"),
        ("002", "Title 42"),
        ("000", "COVID-19"),
        ("004", "COVID-19"),
        ("000", "H.R. 1"),
        ("000", "March 08, 2019"),
        ("004", "In 2019"),
        ("002", "early 2023"),
    ],
)
def test_seeds_have_no_figure_in_years_dates_laws_and_names(nlp, seed_text, prefix, phrase):
    text = seed_text(prefix)
    spans = [(match.start(), match.end()) for match in re.finditer(re.escape(phrase), text)]
    assert spans, f"{phrase!r} is not in seed {prefix}"
    for figure in figures(nlp, text):
        assert not any(figure.start < end and start < figure.end for start, end in spans), figure


def test_seed_002_for_three_years_is_a_duration_without_a_concept(nlp, seed_text):
    years = seed_figure(nlp, seed_text, "002", "three years")
    assert (years.value, years.unit, years.concept, years.rule) == (3, "year", "", "duration")


def test_seed_002_one_of_the_top_two_nationalities_is_not_a_figure(nlp, seed_text):
    surfaces = [figure.surface.lower() for figure in figures(nlp, seed_text("002"))]
    assert surfaces.count("one") == 1  # only "only one scheduled flight each week"
    assert "two" not in surfaces


TEXT = st.lists(
    st.one_of(
        st.characters(categories=("L", "Nd", "P", "Zs", "Sc")),
        st.sampled_from(list("0123456789 ,.-%$€£¥\"'“”‘’()\n")),
        st.sampled_from(["million ", "a ", "half ", "one ", "between ", " and ", "per day "]),
    ),
    max_size=80,
).map("".join)


@settings(max_examples=60, deadline=None)
@given(text=TEXT)
def test_any_text_yields_figures_whose_surface_matches_the_offsets(nlp, text):
    doc = nlp(text)
    for figure in extract_figures(doc):
        assert doc.text[figure.start : figure.end] == figure.surface
        assert figure.start < figure.end
        assert figure.sentence


@pytest.mark.parametrize(
    ("text", "unit", "obj"),
    [
        ("Exports grew by 2 percent but imports shrank by 1.", "percent", ""),
        ("One index closed at 2,187.45 points, the other at 1,902.10.", "", "point"),
    ],
)
def test_a_bare_number_after_the_same_preposition_shares_the_unit(nlp, text, unit, obj):
    first, second = figures(nlp, text)
    assert (second.unit, second.object) == (unit, obj)
    assert first.unit == unit


@pytest.mark.parametrize(
    ("text", "unit", "obj"),
    [
        ("The slope was 3.5 degrees in 2020 and 4.2 this year.", "°", ""),
        ("Unemployment was 5.2% in May and 5.4 in June.", "percent", ""),
        ("They arrested 12 people and 3 were charged.", "", "people"),
    ],
)
def test_a_bare_number_after_and_shares_the_unit_of_the_figure_before(nlp, text, unit, obj):
    second = figures(nlp, text)[1]
    assert (second.unit, second.object) == (unit, obj)


def test_a_bare_number_after_and_after_a_bare_one_or_a_price_keeps_no_unit(nlp):
    found = figures(nlp, "The index rose 2% to 3,400 and 3,500 in May.")
    assert [figure.unit for figure in found] == ["percent", "", ""]
    found = figures(nlp, "It cost $5 in 2018 and 7.5 last year.")
    assert [figure.unit for figure in found] == ["USD", ""]


def test_a_bare_number_after_another_preposition_keeps_no_unit(nlp):
    found = figures(nlp, "Exports rose by 2 percent to 140 in May.")
    assert [(figure.value, figure.unit) for figure in found] == [(2, "percent"), (140, "")]


def test_a_bare_number_after_a_price_is_not_given_its_currency(nlp):
    found = figures(nlp, "Oil traded at $50 a barrel, and the index closed at 1,200.")
    assert [(figure.value, figure.unit) for figure in found] == [
        (50, "USD per barrel"),
        (1200, ""),
    ]


def test_a_number_between_a_count_and_its_noun_is_part_of_the_name(nlp):
    doc = nlp("The airline grounded three new 787 Dreamliner planes.")
    ((figure, phrase),) = extract_object_phrases(doc)
    assert (figure.value, figure.object, phrase) == (3, "plane", "new 787 dreamliner plane")
    found = figures(nlp, "They sent 5 and 6 trucks.")
    assert [figure.value for figure in found] == [5, 6]


# --- issue 18: every figure names its rule, every dropped number its refusal ----------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Mexico received 30,000 migrants.", "count"),
        ("The index closed at 1,234 on Friday.", "number"),
        ("The bank lent $4bn to the region.", "currency_sign"),
        ("Fees total USD 300 per visa.", "currency_code"),
        ("Arrests fell 10 percent last month.", "unit_words"),
        ("Each ration weighs 45g.", "glued_symbol"),
        ("Temperatures hit 35 C in Monterrey.", "spaced_symbol"),
        ("A 9-year-old girl crossed the river.", "hyphen_unit"),
        ("The talks lasted 40 days.", "duration"),
        ("Mexico imposed a 30-day ban.", "hyphen_duration"),
        ("Officials reviewed the 20 previous years.", "duration_noun"),
        ("Maria Lopez, 34, waited at the bridge.", "apposed_age"),
        ("Half of the migrants came from Venezuela.", "fraction_of_group"),
        ("The campaign raised millions of dollars in May.", "vague_currency"),
        ("She paid 1,200€ for the laptop.", "currency_sign_after"),
        ("The dollar rose to 150.25 JPY= in Asian trade.", "quote_code"),
    ],
)
def test_each_figure_names_the_rule_that_read_it(nlp, text, rule):
    assert one_figure(nlp, text).rule == rule


def test_the_rule_goes_into_the_figures_table(nlp):
    frame = figures_frame(("a", figure) for figure in figures(nlp, "It cost $5 and 3 km."))
    assert frame["rule"].tolist() == ["currency_sign", "unit_words"]


@pytest.mark.parametrize(
    ("text", "surface", "refusal"),
    [
        ("The policy ended in 2023.", "2023", "date_or_time"),
        ("Title 42's legacy remains.", "42", "identifier"),
        ("Clinics ran out of COVID -19 vaccines.", "", "name_or_code"),
        ("She lives at 31 Oak Lane.", "31", "identifier"),
        ("One day, Mexico cooperated.", "One", "time_idiom"),
        ("One of the government officials said so.", "One", "bare_one"),
        ("The two presidents discussed vaccines.", "two", "definite_reference"),
        ("Half the time nobody knows.", "Half", "time_idiom"),
        ("Half is gone already.", "Half", "lone_half"),
        ("Steps:\n1. Register at the border.", "1", "list_marker"),
        ("The airline grounded three new 787 Dreamliner planes.", "787", "part_of_name"),
    ],
)
def test_explain_numbers_names_the_refusal_of_each_dropped_number(nlp, text, surface, refusal):
    readings = [reading for reading in explain_numbers(nlp(text)) if reading.refusal]
    assert [(reading.surface.split()[0].split("-")[0], reading.refusal) for reading in readings
            ] == [(surface, refusal)]


def test_every_part_of_a_phone_number_is_refused_as_one(nlp):
    readings = list(explain_numbers(nlp("Call 555-123-4567 for help.")))
    assert {reading.refusal for reading in readings} == {"phone_number"}


def test_explain_numbers_gives_kept_figures_their_rule(nlp):
    readings = list(explain_numbers(nlp("In 2019 Mexico returned 30,000 migrants.")))
    assert [(reading.surface, reading.rule, reading.refusal) for reading in readings] == [
        ("2019", "", "date_or_time"), ("30,000", "count", "")
    ]
