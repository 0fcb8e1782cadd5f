"""analysis.figures.refusals: what looks like a number but is not a claim."""

from __future__ import annotations

import pytest

from analysis.figures import explain_numbers
from tests.figures.helpers import figures, one_figure


@pytest.mark.parametrize(
    "text",
    [
        "The policy ended in 2023.",
        "In 2019, Mexico deployed its National Guard.",
        "Migration rose in the 2024 election year.",
        "Mexico began deporting people on December 30.",
        "The vote was held on March 08, 2019 in Washington.",
        "The meeting started on 30 December.",
        "The meeting starts at 10:30 a.m. and ends at 5 p.m.",
        "Talks enter their second month.",
        "It was the 22nd meeting.",
        "Democrats voted on H.R. 1 on Tuesday.",
        "Title 42's legacy remains.",
        "Families use Section 8 vouchers.",
        "The COVID-19 vaccine arrived.",
        "Leaders met at the G20 summit.",
        "The F-16 jets flew over.",
        "Call 555-123-4567 for help.",
        "Call (202) 555-0199 for help.",
        "The 4-H club met in Laredo.",
        "One day, Mexico cooperated.",
        "One of the government officials said so.",
        "One Mexican official told NBC News.",
        "Venezuela is one of the top two nationalities.",
        "The two presidents discussed vaccines.",
        "This benefits our two countries.",
        "Half the time nobody knows.",
    ],
)
def test_not_figures(nlp, text):
    assert figures(nlp, text) == []


def test_list_numbering_is_not_a_figure(nlp):
    text = "Steps:\n1. Register at the border.\n2) Wait for a hearing.\n(3) Appear in court."
    assert figures(nlp, text) == []


def test_a_counted_year_like_number_is_a_figure(nlp):
    figure = one_figure(nlp, "Agents detained 1500 migrants.")
    assert (figure.value, figure.object) == (1500, "migrant")


@pytest.mark.parametrize(
    "text", ["The drug's 2019 sales were strong.", "Its 2019 earnings were weak."]
)
def test_a_year_before_the_results_of_an_owner_is_a_year(nlp, text):
    assert figures(nlp, text) == []


def test_a_year_like_number_of_results_without_an_owner_counts_them(nlp):
    figure = one_figure(nlp, "They recorded 1500 sales in a week.")
    assert (figure.value, figure.object) == (1500, "sale")


def test_one_with_a_rate_or_emphasis_is_a_figure(nlp):
    figure = one_figure(nlp, "Currently there is only one scheduled flight each week.")
    assert (figure.value, figure.object, figure.rate_period) == (1, "flight", "week")


def test_digits_in_a_definite_phrase_stay_figures(nlp):
    assert one_figure(nlp, "The 11 flights left from Texas.").value == 11


@pytest.mark.parametrize(
    "text",
    ["The three were freed on Monday.", "The club slid into the bottom three.",
     "Only the top two go through."],
)
def test_a_spelled_number_for_a_known_group_is_no_figure(nlp, text):
    assert figures(nlp, text) == []


def test_a_spelled_group_without_the_article_and_digits_after_it_stay_figures(nlp):
    assert one_figure(nlp, "All three were freed.").value == 3
    assert one_figure(nlp, "Only the top 10 go through.").value == 10


def test_durations_spelled_and_in_digits_are_figures_with_a_unit_of_time(nlp):
    figure = one_figure(nlp, "Asylum cases take 70 days on average.")
    assert (figure.value, figure.unit, figure.object) == (70, "day", "")
    spelled = one_figure(nlp, "For three years, Mexico cooperated.")
    assert (spelled.value, spelled.unit, spelled.object) == (3, "year", "")
    qualified = one_figure(nlp, "The camp stood for more than three months.")
    assert (qualified.value, qualified.unit, qualified.bound) == (3, "month", "lower")


@pytest.mark.parametrize(
    "text",
    [
        "The new iPhone 11 Pro cameras are sharp.",
        "Stocks in the S&P 500 fell.",
        "The 787 Dreamliner landed in Tijuana.",
        "A category 4 hurricane hit the coast.",
        "In 2022 many border offices stayed closed.",
        "The yen rose to Y=590 billion.",
    ],
)
def test_names_years_and_lone_multipliers_are_not_figures(nlp, text):
    # "Y=590 billion" itself is a figure (see the transliterated currencies); no other is.
    found = [figure for figure in figures(nlp, text) if figure.value not in (590, 590e9)]
    assert found == []


def test_house_numbers_of_street_addresses_are_not_figures(nlp):
    found = figures(nlp, "She sold 31 Oak Lane and 12 W 54th St for $2 million.")
    assert [(figure.value, figure.unit) for figure in found] == [(2e6, "USD")]


def test_a_number_with_thousands_separators_is_no_date(nlp):
    found = figures(nlp, "The index lost 0.8% to close at 2,417.60 on Tuesday.")
    assert 2417.6 in [figure.value for figure in found]
    assert figures(nlp, "The talks end on March 4, 2021.") == []


def test_five_digits_are_never_a_date(nlp):
    # The parser may tag a long bare number as a date; it is an amount.
    found = figures(nlp, "Meters logged 48213 visits in 2019, up from 39117.")
    assert [figure.value for figure in found] == [48213, 39117]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The smuggler was sentenced to four years in prison.", 4, "year"),
        ("The battery charges in just two hours.", 2, "hour"),
    ],
)
def test_prison_terms_and_emphasised_durations_are_figures(nlp, text, value, unit):
    figure = one_figure(nlp, text)
    # "in prison" says where the time is spent: it is not what the figure counts.
    assert (figure.value, figure.unit, figure.object) == (value, unit, "")


@pytest.mark.parametrize(
    "text",
    [
        "The new iPad 10 Pro deal is cheap.",
        "Home prices rose in the 90210 ZIP code.",
        "Residents of the 305 area code complained.",
        "Clinics ran out of COVID -19 vaccines.",
    ],
)
def test_product_names_codes_and_spaced_names_are_not_figures(nlp, text):
    assert figures(nlp, text) == []


def test_a_glued_m_without_a_dimension_is_still_no_figure(nlp):
    assert figures(nlp, "The firm raised 5m shares.") == []


@pytest.mark.parametrize(
    "text", ["She lives at 40 W 57th St in Manhattan.", "Section 3 C of the law applies."]
)
def test_a_capital_letter_after_an_address_or_label_number_is_no_symbol(nlp, text):
    assert figures(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [("the sp 500 fell 0.2% on friday.", [0.2]), ("the ftse 100 lost 20 points.", [20])],
)
def test_an_index_name_in_lower_case_keeps_its_number(nlp, text, values):
    assert [figure.value for figure in figures(nlp, text)] == values


def test_digits_between_a_name_and_a_singular_noun_name_a_model(nlp):
    assert figures(nlp, "Trump flies on his personal Boeing 757 airliner.") == []
    assert one_figure(nlp, "The airline bought 40 Boeing jets.").value == 40
    assert one_figure(nlp, "Mexico sent 757 migrants home.").value == 757


def test_a_number_after_a_split_no_is_an_identifier(nlp):
    assert figures(nlp, "As John Cornyn, the No. 2 in the GOP leadership, put it.") == []


# --- idioms of time and measures in a definite phrase ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "One day, she hopes to return home.",
        "One day the wall will fall.",
        "He will one day return to Honduras.",
        "We hope to one day see peace.",
        "Things were calm until one day the agents came.",
        "Half the time nobody knows.",
        "Crossings rose in the second half of the year.",
    ],
)
def test_one_day_and_half_the_time_as_idioms_are_no_figures(nlp, text):
    readings = list(explain_numbers(nlp(text)))
    assert [(reading.rule, reading.refusal) for reading in readings] == [("", "time_idiom")]


@pytest.mark.parametrize(
    "text",
    [
        "The strike lasted one day.",
        "One day later, the border reopened.",
        "One day after the vote, the border reopened.",
        "The crossing took just one day.",
        "He was sentenced to one day in jail.",
    ],
)
def test_one_day_as_a_span_is_a_figure(nlp, text):
    figure = one_figure(nlp, text)
    assert (figure.value, figure.unit) == (1, "day")


def test_one_day_a_week_is_a_figure_with_its_rate(nlp):
    figure = one_figure(nlp, "She volunteers one day a week.")
    assert (figure.value, figure.unit, figure.rate_period) == (1, "day", "week")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Over the past two years, crossings rose.", 2, "year"),
        ("In the last three months, arrests fell.", 3, "month"),
        ("The first five miles of the fence are done.", 5, "mi"),
    ],
)
def test_a_measure_in_a_definite_phrase_is_a_figure(nlp, text, value, unit):
    figure = one_figure(nlp, text)
    assert (figure.value, figure.unit) == (value, unit)


def test_a_definite_reference_and_a_bare_one_stay_refused_beside_a_duration(nlp):
    text = "The two presidents met for two hours, and one of the officials said so."
    readings = [(reading.surface, reading.rule or reading.refusal)
                for reading in explain_numbers(nlp(text))]
    assert readings == [("two", "definite_reference"), ("two hours", "duration"),
                        ("one", "bare_one")]


@pytest.mark.parametrize(
    "text",
    [
        "For the first time, the two leaders met.",
        "Crossings fell in 2019.",
        "The talks end on March 4, 2021.",
        "Migration rose in the 2024 election year.",
        "The 2021 year was hard for farmers.",
    ],
)
def test_ordinals_years_and_dates_beside_time_words_stay_refused(nlp, text):
    assert figures(nlp, text) == []
