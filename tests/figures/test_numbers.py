"""analysis.figures.numbers: number runs, words, multipliers and fractions."""

from __future__ import annotations

import pytest

from tests.figures.helpers import figures, one_figure


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Mexico received 30,000 migrants.", "30,000", 30000),
        ("Mexico is slated to receive 1.5 million doses.", "1.5 million", 1.5e6),
        ("There were eleven deportation flights.", "eleven", 11),
        ("Two dozen families waited at the bridge.", "Two dozen", 24),
        ("Officials counted twenty-five children.", "twenty-five", 25),
        ("One hundred and fifty families arrived.", "One hundred and fifty", 150),
        ("The shelter took in a million migrants.", "a million", 1e6),
        ("The program will deliver half a million doses.", "half a million", 5e5),
        ("Republicans cited hundreds of thousands of foreigners.", "hundreds of thousands", 1e5),
        ("Tens of thousands of migrants waited.", "Tens of thousands", 1e4),
    ],
)
def test_values(nlp, text, surface, value):
    figure = one_figure(nlp, text)
    assert (figure.surface, figure.value) == (surface, value)


def test_half_of_a_group_is_a_fraction(nlp):
    figure = one_figure(nlp, "Half of the migrants came from Venezuela.")
    assert (figure.value, figure.unit, figure.object) == (0.5, "fraction", "migrant")


def test_vague_plurals_are_approximate_lower_bounds(nlp):
    figure = one_figure(nlp, "Millions of immigrants live in the United States.")
    assert (figure.value, figure.approximate, figure.bound) == (1e6, True, "lower")


def test_a_glued_plus_sign_is_a_positive_change(nlp):
    found = figures(nlp, "Tokyo +0.4% Seoul +1.2% at noon.")
    assert [(figure.value, figure.unit) for figure in found] == [(0.4, "percent"), (1.2, "percent")]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Nearly two-thirds of the voters stayed home.", "Nearly two-thirds", 2 / 3),
        ("A quarter of the staff left.", "A quarter", 0.25),
        ("Three quarters of the budget went on rent.", "Three quarters", 0.75),
        ("One out of three renters struggle.", "One out of three", 1 / 3),
        ("Nine out of 10 doctors agree.", "Nine out of 10", 0.9),
        ("Only 1/16 of the land is farmed.", "1/16", 1 / 16),
    ],
)
def test_fractions_of_a_group_are_shares(nlp, text, surface, value):
    figure = one_figure(nlp, text)
    assert (figure.surface, figure.unit) == (surface, "fraction")
    assert figure.value == pytest.approx(value)


def test_fraction_words_without_of_are_not_shares(nlp):
    assert figures(nlp, "A third-party audit ran in the first quarter.") == []
    assert [figure.value for figure in figures(nlp, "The shop is open 24/7 now.")] == []


def test_a_qualified_half_of_a_pronoun_is_a_share(nlp):
    found = figures(nlp, "The firm has 600 staff, almost half of which work in Ohio.")
    assert [(figure.value, figure.unit) for figure in found] == [(600, ""), (0.5, "fraction")]


def test_a_capital_m_after_a_decimal_is_a_million(nlp):
    figure = one_figure(nlp, "The album sold 4.3M copies.")
    assert (figure.value, figure.object) == (4.3e6, "copy")
    # A lower-case m is never a million without a currency; before "tall" it is metres.
    pole = one_figure(nlp, "The pole is 4.3m tall.")
    assert (pole.value, pole.unit) == (4.3, "m")


def test_a_lone_dozen_is_no_figure_but_a_dozen_is(nlp):
    assert [figure.value for figure in figures(nlp, "She baked a baker's dozen.")] == []
    assert one_figure(nlp, "They bought a dozen eggs.").value == 12


def test_a_spaced_minus_after_a_lower_case_word_is_still_negative(nlp):
    figure = one_figure(nlp, "Temperatures fell to -19 degrees overnight.")
    assert (figure.value, figure.unit) == (-19, "°")


# --- issue 18: fractions and halves --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("The bond yields 7 3/4 % now.", "7 3/4 %", 7.75, "percent"),
        ("The bond trades at 101 1/4 today.", "101 1/4", 101.25, ""),
        ("A mouse can get through a 1/4 inch gap.", "1/4 inch", 0.25, "inch"),
        ("The recipe needs ¾ cup of flour.", "¾ cup", 0.75, "cup"),
        ("The pole is 2½ metres tall.", "2½ metres", 2.5, "m"),
        ("They walked two and a half miles.", "two and a half miles", 2.5, "mi"),
        ("They walked ¾ of a mile.", "¾ of a mile", 0.75, "mi"),
        ("He spent 5 ½ years in prison.", "5 ½ years", 5.5, "year"),
        ("Add 1 ¾ cups of flour.", "1 ¾ cups", 1.75, "cup"),
    ],
)
def test_mixed_and_vulgar_fractions(nlp, text, surface, value, unit):
    figure = one_figure(nlp, text)
    assert (figure.surface, figure.value, figure.unit) == (surface, value, unit)


@pytest.mark.parametrize("text", ["The 9/11 attacks changed travel.", "It runs 24/7 now."])
def test_a_slash_number_that_is_no_fraction_of_a_unit_stays_out(nlp, text):
    assert figures(nlp, text) == []


def test_values_are_exact_to_twelve_digits(nlp):
    assert one_figure(nlp, "Profit was $16.4 million.").value == 16_400_000
    assert one_figure(nlp, "Its GDP is $2.174T.").value == 2.174e12


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [("The PAC raised $64.8million in August.", "$64.8million", 64.8e6),
     ("Some 23million people watched.", "Some 23million", 23e6)],
)
def test_a_multiplier_word_glued_to_the_number(nlp, text, surface, value):
    figure = one_figure(nlp, text)
    assert (figure.surface, figure.value) == (surface, value)


def test_plus_or_minus_is_a_margin_not_a_negative(nlp):
    figure = one_figure(nlp, "The margin of error is plus or minus 4 percentage points.")
    assert (figure.value, figure.unit) == (4, "percentage point")
    assert one_figure(nlp, "Temperatures fell to minus 5 degrees.").value == -5
