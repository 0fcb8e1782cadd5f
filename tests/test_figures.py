"""Figure extraction: each rule on short real sentences, the seed figures, and no crash."""

from __future__ import annotations

import dataclasses
import importlib.util
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.codebook import CodebookError, load_codebook
from analysis.figures import (
    Figure,
    extract_figures,
    extract_object_phrases,
    figures_frame,
)
from analysis.schema import FIGURES
from analysis.views import COMPARISON_COLUMNS, compare_figures


def figures(nlp, text: str, **options) -> list[Figure]:
    doc = nlp(text)
    found = list(extract_figures(doc, **options))
    for figure in found:
        assert doc.text[figure.start : figure.end] == figure.surface
    return found


def one_figure(nlp, text: str, **options) -> Figure:
    found = figures(nlp, text, **options)
    assert len(found) == 1, found
    return found[0]


def seed_figure(nlp, seed_text, prefix: str, surface: str) -> Figure:
    found = [figure for figure in figures(nlp, seed_text(prefix)) if figure.surface == surface]
    assert len(found) == 1, f"no single figure {surface!r} in seed {prefix}"
    return found[0]


# --- the record and the table ----------------------------------------------------------------


def test_figure_fields_are_the_figures_columns_without_article_id():
    names = tuple(field.name for field in dataclasses.fields(Figure))
    assert names == FIGURES[1:]


def test_figures_frame_has_the_contract_columns(nlp):
    found = figures(nlp, "Mexico pledged to accept back 30,000 migrants every month.")
    frame = figures_frame(("002", figure) for figure in found)
    assert list(frame.columns) == list(FIGURES)
    assert frame.loc[0, "article_id"] == "002"
    assert frame.loc[0, "value"] == 30000


def test_figures_frame_of_nothing_is_empty_with_columns():
    frame = figures_frame([])
    assert frame.empty
    assert list(frame.columns) == list(FIGURES)


# --- the seed figures ------------------------------------------------------------------------


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
        ("002", "For three years"),
    ],
)
def test_seeds_have_no_figure_in_years_dates_laws_and_names(nlp, seed_text, prefix, phrase):
    text = seed_text(prefix)
    spans = [(match.start(), match.end()) for match in re.finditer(re.escape(phrase), text)]
    assert spans, f"{phrase!r} is not in seed {prefix}"
    for figure in figures(nlp, text):
        assert not any(figure.start < end and start < figure.end for start, end in spans), figure


def test_seed_002_one_of_the_top_two_nationalities_is_not_a_figure(nlp, seed_text):
    surfaces = [figure.surface.lower() for figure in figures(nlp, seed_text("002"))]
    assert surfaces.count("one") == 1  # only "only one scheduled flight each week"
    assert "two" not in surfaces


# --- values, multipliers and spelled-out numbers ------------------------------------------


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


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "obj"),
    [
        ("The campaign raised millions of dollars in May.", "millions of dollars", 1e6, "USD",
         ""),
        ("Tens of millions of pesos went missing.", "Tens of millions of pesos", 1e7, "MXN", ""),
        ("Dozens of dollar stores closed.", "Dozens", 12, "", "store"),
    ],
)
def test_a_vague_amount_of_a_currency_is_money(nlp, text, surface, value, unit, obj):
    figure = one_figure(nlp, text)
    assert (figure.surface, figure.value, figure.unit, figure.object) == (surface, value,
                                                                          unit, obj)
    assert (figure.approximate, figure.bound) == (True, "lower")


# --- units and currencies ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("Biden has spoken of sending $4 billion in development aid.", "$4 billion", 4e9, "USD"),
        ("The bank lent $4bn to the region.", "$4bn", 4e9, "USD"),
        ("It costs $4-billion.", "$4-billion", 4e9, "USD"),
        ("Fees total USD 300 per visa.", "USD 300", 300, "USD"),
        ("The EU pledged €2.5m for shelters.", "€2.5m", 2.5e6, "EUR"),
        ("Each visa costs MX$300 in fees.", "MX$300", 300, "MXN"),
        ("The fee is 300 pesos per person.", "300 pesos", 300, "MXN"),
        ("They pay 20 Mexican pesos.", "20 Mexican pesos", 20, "MXN"),
        ("The plan costs 4 billion US dollars.", "4 billion US dollars", 4e9, "USD"),
        ("It only accounts for 10% of December's total.", "10%", 10, "percent"),
        ("Arrests fell 10 percent last month.", "10 percent", 10, "percent"),
        ("Arrests fell 5 per cent.", "5 per cent", 5, "percent"),
        ("Agents seized 300 kilograms of fentanyl.", "300 kilograms", 300, "kg"),
    ],
)
def test_units(nlp, text, surface, value, unit):
    figure = one_figure(nlp, text)
    assert (figure.surface, figure.value, figure.unit) == (surface, value, unit)


def test_plain_counts_have_no_unit(nlp):
    assert one_figure(nlp, "Mexico deported 500 migrants.").unit == ""


# --- the counted thing and its concept ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "obj", "concept"),
    [
        ("Mexico has pledged to accept back 30,000 migrants every month.", "migrant", "return"),
        ("There were eleven deportation flights to Venezuela.", "flight", "flight"),
        ("Biden has spoken of sending $4 billion in development aid.", "aid", "aid"),
        ("Agents reported 10,000 irregular border crossings a day.", "crossing", "crossing"),
        ("Mexico is slated to receive 2.5 million doses.", "dose", "dose"),
        ("Mexico deported 500 migrants last week.", "migrant", "deportation"),
        ("About 2,000 people were detained in Tijuana.", "people", "detention"),
        ("Apprehensions rose to 3,000 in May.", "apprehension", "apprehension"),
        ("The number of migrants reached 30,000 in May.", "migrant", "migrant"),
        ("Agents seized 300 kilograms of fentanyl.", "fentanyl", "drugs"),
        ("The report cited 40 new policies.", "policy", ""),
    ],
)
def test_object_and_concept(nlp, text, obj, concept):
    figure = one_figure(nlp, text)
    assert (figure.object, figure.concept) == (obj, concept)


def test_a_verb_modifying_the_counted_noun_sets_the_concept(nlp):
    figure = one_figure(nlp, "Officials said 500 migrants deported from Texas arrived.")
    assert (figure.object, figure.concept) == ("migrant", "deportation")


def test_a_number_with_nothing_counted_has_no_object(nlp):
    figure = one_figure(nlp, "The Border Patrol reported 10,000 a day.")
    assert (figure.object, figure.concept, figure.rate_period) == ("", "", "day")


def test_money_in_the_red_counts_no_object_but_money_in_aid_does(nlp):
    assert one_figure(nlp, "The shelter network ended the year $4 million in the red.").object == ""
    assert one_figure(nlp, "Mexico sent $2 billion in new loans.").object == "loan"


# --- qualifiers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "qualifier", "approximate", "bound"),
    [
        ("Around 10,000 migrants crossed.", "Around", True, ""),
        ("About 2,000 people were detained.", "About", True, ""),
        ("Nearly 500 children arrived.", "Nearly", True, ""),
        ("Some 300 families waited.", "Some", True, ""),
        ("Roughly 40 buses left.", "Roughly", True, ""),
        ("Almost 900 migrants were returned.", "Almost", True, ""),
        ("Approximately 70 flights landed.", "Approximately", True, ""),
        ("Mexico welcomed back over a million migrants.", "over", False, "lower"),
        ("More than 3,000 migrants crossed.", "More than", False, "lower"),
        ("At least 20 people died.", "At least", False, "lower"),
        ("Up to 5,000 migrants may be returned.", "Up to", False, "upper"),
        ("Less than 10% of claims succeed.", "Less than", False, "upper"),
        ("Fewer than 40 beds were free.", "Fewer than", False, "upper"),
        ("Under 600 migrants were flown out.", "Under", False, "upper"),
        ("At most 90 agents were sent.", "At most", False, "upper"),
        ("Mexico deported 500 migrants.", "", False, ""),
    ],
)
def test_qualifiers(nlp, text, qualifier, approximate, bound):
    figure = one_figure(nlp, text)
    assert (figure.qualifier, figure.approximate, figure.bound) == (qualifier, approximate, bound)
    assert figure.surface.startswith(qualifier)


# --- rate periods -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("Mexico will accept back 30,000 migrants every month.", "month"),
        ("Agents reported 10,000 irregular border crossings a day.", "day"),
        ("Officials expect 2,000 arrivals per day.", "day"),
        ("There is only one scheduled flight each week.", "week"),
        ("Mexico welcomed back a million migrants annually.", "year"),
        ("The US sent 2 million vaccine doses monthly.", "month"),
        ("Mexico returns 5,000 migrants a year.", "year"),
        ("Mexico returned 5,000 migrants this year.", ""),
        ("Mexico returned 5,000 migrants a year ago.", ""),
    ],
)
def test_rate_periods(nlp, text, rate):
    assert one_figure(nlp, text).rate_period == rate


# --- ranges and changes -------------------------------------------------------------------


def test_between_range_gives_two_rows(nlp):
    low, high = figures(nlp, "Between 2,000 and 3,000 migrants cross every day.")
    assert (low.surface, low.value, low.bound) == ("2,000", 2000, "lower")
    assert (high.surface, high.value, high.bound) == ("3,000", 3000, "upper")
    assert low.object == high.object == "migrant"
    assert low.rate_period == high.rate_period == "day"
    assert low.qualifier == "Between"


def test_hyphen_range_shares_the_unit(nlp):
    low, high = figures(nlp, "Prices rose 10-15% in the border towns.")
    assert (low.value, low.unit, low.bound) == (10, "percent", "lower")
    assert (high.value, high.unit, high.bound) == (15, "percent", "upper")


def test_range_shares_the_multiplier(nlp):
    low, high = figures(nlp, "The plan costs between $2 and $3 billion.")
    assert (low.value, high.value) == (2e9, 3e9)
    assert low.unit == high.unit == "USD"


def test_a_change_in_a_different_unit_is_not_a_range(nlp):
    percent, price = figures(nlp, "Fees rose 10% to 3,000 pesos.")
    assert (percent.value, percent.unit, percent.bound) == (10, "percent", "")
    assert (price.value, price.unit, price.bound) == (3000, "MXN", "")


def test_from_to_is_a_change_not_a_range(nlp):
    before, after = figures(nlp, "Apprehensions rose from 2,000 to 3,000 per week.")
    assert (before.value, after.value) == (2000, 3000)
    assert before.bound == after.bound == ""
    assert before.object == "apprehension"


# --- not figures --------------------------------------------------------------------------


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
        "Mexico imposed a 30-day ban.",
        "For three years, Mexico cooperated.",
        "The talks lasted two decades.",
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


# --- units of measure, glued units, ages, signs -------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("The wall runs for 30 miles along the river.", "30 miles", 30, "mi"),
        ("Winds reached 50mph near the camp.", "50mph", 50, "mph"),
        ("The generator gives 10kW of power.", "10kW", 10, "kW"),
        ("Each ration weighs 45g.", "45g", 45, "g"),
        ("The bus drove at 60 miles per hour.", "60 miles per hour", 60, "mph"),
        ("It was 40 degrees Celsius in the desert.", "40 degrees Celsius", 40, "°C"),
        ("The shelter has 900 square feet of space.", "900 square feet", 900, "sq ft"),
        ("Oil sold at $58 per barrel.", "$58 per barrel", 58, "USD per barrel"),
        ("Rates rose 60 basis points.", "60 basis points", 60, "bp"),
        ("Inflation was 1.4pc in May.", "1.4pc", 1.4, "percent"),
        ("Temperatures fell to minus 5 degrees.", "minus 5 degrees", -5, "°"),
        ("The loss was minus-5 yards.", "minus-5 yards", -5, "yd"),
        ("The error rate was .5 percent.", ".5 percent", 0.5, "percent"),
        ("The house sold for $A82,000.", "$A82,000", 82000, "AUD"),
        ("The flights cost HK $5,400.", "HK $5,400", 5400, "HKD"),
        ("The fund holds USD10m.", "USD10m", 1e7, "USD"),
    ],
)
def test_units_of_measure(nlp, text, surface, value, unit):
    figure = one_figure(nlp, text)
    assert (figure.surface, figure.value, figure.unit) == (surface, value, unit)


def test_ranges_share_a_glued_unit(nlp):
    low, high = figures(nlp, "They used a 5-10W lamp.")
    assert (low.value, high.value, low.unit, high.unit) == (5, 10, "W", "W")


def test_a_word_glued_after_a_unit_does_not_make_a_name(nlp):
    figure = one_figure(nlp, "The bank is 27.5 percent-owned by the government.")
    assert (figure.value, figure.unit) == (27.5, "percent")


def test_ages(nlp):
    age = one_figure(nlp, "A 9-year-old girl crossed the river.")
    assert (age.value, age.unit) == (9, "years old")
    apposed = one_figure(nlp, "Maria Lopez, 34, waited at the bridge.")
    assert (apposed.value, apposed.unit) == (34, "years old")


def test_durations_in_digits_are_figures_spelled_ones_are_not(nlp):
    figure = one_figure(nlp, "Asylum cases take 70 days on average.")
    assert (figure.value, figure.object) == (70, "day")
    assert figures(nlp, "For three years, Mexico cooperated.") == []
    qualified = one_figure(nlp, "The camp stood for more than three months.")
    assert (qualified.value, qualified.bound) == (3, "lower")


def test_a_range_keeps_its_own_multipliers(nlp):
    low, high = figures(nlp, "Awards ranged from $500 to $3 million.")
    assert (low.value, high.value) == (500, 3e6)


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


# --- the codebook -------------------------------------------------------------------------


def test_default_codebook_has_the_migration_concepts():
    concepts = load_codebook().concepts
    for concept in ("return", "deportation", "crossing", "apprehension", "aid", "flight"):
        assert concept in concepts
    for concept in ("dose", "migrant", "detention", "asylum"):
        assert concept in concepts


def test_user_codebook_adds_a_concept(nlp, tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(
        'extends = "default"\n\n[concepts.shelter]\nobjects = ["shelter", "bed"]\n',
        encoding="utf-8",
    )
    codebook = load_codebook(path)
    figure = one_figure(nlp, "Juárez opened 12 new shelters.", codebook=codebook)
    assert (figure.object, figure.concept) == ("shelter", "shelter")
    kept = one_figure(nlp, "Mexico is slated to receive 2.5 million doses.", codebook=codebook)
    assert kept.concept == "dose"


def test_user_codebook_without_extends_stands_alone(nlp, tmp_path):
    path = tmp_path / "only.toml"
    path.write_text('[concepts.people]\nobjects = ["migrant"]\ngovernors = []\n', "utf-8")
    codebook = load_codebook(path)
    assert codebook.concepts == ("people",)
    assert one_figure(nlp, "Mexico received 300 migrants.", codebook=codebook).concept == "people"
    assert one_figure(nlp, "They sent 4 doses.", codebook=codebook).concept == ""


def test_user_governor_phrase_wins_over_the_object(nlp, tmp_path):
    path = tmp_path / "verbs.toml"
    path.write_text('[concepts.rescue]\ngovernors = ["rescue"]\n', encoding="utf-8")
    figure = one_figure(nlp, "The navy rescued 300 migrants.", codebook=load_codebook(path))
    assert (figure.object, figure.concept) == ("migrant", "rescue")


def test_malformed_codebook_names_the_file(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("[concepts.return\nobjects = [", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"broken\.toml.*not valid TOML"):
        load_codebook(path)


def test_codebook_terms_must_be_a_list_of_strings(tmp_path):
    path = tmp_path / "wrong.toml"
    path.write_text('[concepts.aid]\nobjects = "aid"\n', encoding="utf-8")
    with pytest.raises(CodebookError, match=r"wrong\.toml: concepts\.aid\.objects must be a list"):
        load_codebook(path)


def test_codebook_extends_only_the_default(tmp_path):
    path = tmp_path / "other.toml"
    path.write_text('extends = "mine"\n', encoding="utf-8")
    with pytest.raises(CodebookError, match=r"other\.toml: 'extends' must be"):
        load_codebook(path)


def test_missing_codebook_names_the_file(tmp_path):
    with pytest.raises(CodebookError, match=r"absent\.toml: codebook file not found"):
        load_codebook(tmp_path / "absent.toml")


# --- any text in, no exception out --------------------------------------------------------

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


# --- who reported which number ----------------------------------------------------------


def _figure_row(article_id, start, surface, value, concept, unit="", rate_period=""):
    return {
        "article_id": article_id, "start": start, "end": start + len(surface),
        "surface": surface, "value": value, "unit": unit, "object": "migrant",
        "concept": concept, "rate_period": rate_period, "approximate": False, "bound": "",
        "qualifier": "", "source": "", "sentence": surface,
    }


def test_compare_figures_groups_by_concept_outlet_date_and_period():
    figures_table = pd.DataFrame([
        _figure_row("b1", 40, "30,000", 30000, "return", rate_period="month"),
        _figure_row("a1", 90, "35,000", 35000, "return", rate_period="month"),
        _figure_row("a1", 10, "30,000", 30000, "return", rate_period="month"),
        _figure_row("a2", 5, "$4 billion", 4e9, "aid", unit="USD"),
        _figure_row("a2", 50, "12", 12, ""),
        _figure_row("zz", 0, "7", 7, "return"),
    ])
    articles = pd.DataFrame({
        "article_id": ["a1", "a2", "b1"],
        "outlet": ["Reuters", "Reuters", "AP"],
        "published": ["2023-05-02", "2023-05-01", "2023-05-02"],
    })
    table = compare_figures(figures_table, articles)
    assert tuple(table.columns) == COMPARISON_COLUMNS
    assert table[["concept", "outlet", "published"]].values.tolist() == [
        ["aid", "Reuters", "2023-05-01"],
        ["return", "AP", "2023-05-02"],
        ["return", "Reuters", "2023-05-02"],
    ]
    reuters = table.iloc[2]
    assert (reuters.figures, reuters.articles, reuters.rate_period) == (2, 1, "month")
    assert (reuters.value_min, reuters.value_max) == (30000, 35000)
    assert reuters.surfaces == "30,000 | 35,000"
    assert table.iloc[0].units == "USD"


def test_compare_figures_of_nothing_is_empty_with_columns():
    table = compare_figures(figures_frame([]), pd.DataFrame(columns=["article_id", "outlet",
                                                                     "published"]))
    assert table.empty
    assert tuple(table.columns) == COMPARISON_COLUMNS


# --- transliterated currencies, signs, fractions -------------------------------------------


def test_transliterated_pound_and_yen_signs_are_currencies(nlp):
    pounds = one_figure(nlp, "The deal was worth PS2.7m to the club.")
    assert (pounds.value, pounds.unit) == (2.7e6, "GBP")
    yen = one_figure(nlp, "Shares closed at Y=5,182 on Friday.")
    assert (yen.value, yen.unit) == (5182, "JPY")
    assert [figure.value for figure in figures(nlp, "He bought a PS5 for his son.")] == []


def test_a_currency_sign_after_the_number_is_its_unit(nlp):
    figure = one_figure(nlp, "She paid 1,200€ for the laptop.")
    assert (figure.value, figure.unit, figure.surface) == (1200, "EUR", "1,200€")


def test_a_glued_plus_sign_is_a_positive_change(nlp):
    found = figures(nlp, "Tokyo +0.4% Seoul +1.2% at noon.")
    assert [(figure.value, figure.unit) for figure in found] == [(0.4, "percent"), (1.2, "percent")]


def test_a_percent_sign_is_not_a_counted_thing(nlp):
    found = figures(nlp, "The Nikkei rose to 500 +0.3% on Monday.")
    assert all(figure.object != "%" for figure in found)


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


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        # A gallon is no group: 1/16 of it is a volume (this case once expected "fraction").
        ("A cup is 1/8 of a gallon.", "1/8 of a gallon", 1 / 8, "gal"),
        ("They walked a quarter of a mile.", "a quarter of a mile", 0.25, "mi"),
        ("Two-thirds of a US pint was spilled.", "Two-thirds of a US pint", 2 / 3, "pint"),
        ("She ran half a mile.", "half a mile", 0.5, "mi"),
    ],
)
def test_fractions_of_a_unit_of_measure_are_measures(nlp, text, surface, value, unit):
    figure = one_figure(nlp, text)
    assert (figure.surface, figure.unit) == (surface, unit)
    assert figure.value == pytest.approx(value)


def test_fraction_words_without_of_are_not_shares(nlp):
    assert figures(nlp, "A third-party audit ran in the first quarter.") == []
    assert [figure.value for figure in figures(nlp, "The shop is open 24/7 now.")] == []


def test_a_qualified_half_of_a_pronoun_is_a_share(nlp):
    found = figures(nlp, "The firm has 600 staff, almost half of which work in Ohio.")
    assert [(figure.value, figure.unit) for figure in found] == [(600, ""), (0.5, "fraction")]


def test_a_glued_tilde_makes_a_range_approximate(nlp):
    low, high = figures(nlp, "Bake it for ~25 – 40min at most.")
    assert (low.value, high.value, low.unit, high.unit) == (25, 40, "minute", "minute")
    assert low.approximate and high.approximate


def test_a_change_by_a_close_range_is_a_range(nlp):
    low, high = figures(nlp, "Prices rose by 2 to 2.5 percent.")
    assert (low.value, high.value, low.unit) == (2, 2.5, "percent")
    assert (low.bound, high.bound) == ("lower", "upper")
    change, level = figures(nlp, "Sales rose by 500 to 3,000.")
    assert (change.bound, level.bound) == ("", "")


def test_a_rate_stays_with_its_own_conjunct(nlp):
    rent, dogs = figures(nlp, "She pays a $1200 a month rent and keeps three dogs at home.")
    assert (rent.value, rent.rate_period) == (1200, "month")
    assert (dogs.value, dogs.object, dogs.rate_period) == (3, "dog", "")


def test_pence_glued_to_the_number_but_not_video_lines(nlp):
    figure = one_figure(nlp, "Shares closed at 118.5p on Friday.")
    assert (figure.value, figure.unit) == (118.5, "pence")
    assert figures(nlp, "The screen shows 1080p video.") == []


def test_a_period_in_digits_after_every_is_a_figure(nlp):
    figure = one_figure(nlp, "The comet returns every 76 years.")
    assert figure.value == 76
    assert (figure.object, figure.rate_period) == ("year", "")
    figure = one_figure(nlp, "Buses leave every 3 days.")
    assert (figure.object, figure.rate_period) == ("day", "")
    assert figures(nlp, "The comet returns every few years.") == []


def test_house_numbers_of_street_addresses_are_not_figures(nlp):
    found = figures(nlp, "She sold 31 Oak Lane and 12 W 54th St for $2 million.")
    assert [(figure.value, figure.unit) for figure in found] == [(2e6, "USD")]


def test_a_capital_m_after_a_decimal_is_a_million(nlp):
    figure = one_figure(nlp, "The album sold 4.3M copies.")
    assert (figure.value, figure.object) == (4.3e6, "copy")
    # A lower-case m is never a million without a currency; before "tall" it is metres.
    pole = one_figure(nlp, "The pole is 4.3m tall.")
    assert (pole.value, pole.unit) == (4.3, "m")


def test_a_dash_glued_to_the_counted_noun_is_dropped(nlp):
    found = figures(nlp, "Volunteers built 40 houses- and a school.")
    assert [(figure.value, figure.object) for figure in found] == [(40, "house")]


def test_a_number_with_thousands_separators_is_no_date(nlp):
    found = figures(nlp, "The index lost 0.8% to close at 2,417.60 on Tuesday.")
    assert 2417.6 in [figure.value for figure in found]
    assert figures(nlp, "The talks end on March 4, 2021.") == []


def test_pence_written_apart_is_a_unit_and_keeps_a_four_digit_price(nlp):
    found = figures(nlp, "The shares fell 42 p to 1385 p on Thursday.")
    assert [(figure.value, figure.unit) for figure in found] == [(42, "pence"), (1385, "pence")]


def test_a_change_written_with_one_unit_gives_it_to_both_ends(nlp):
    start, end = figures(nlp, "Economy rose from 22 mpg to 31 for vans.")
    assert (start.value, start.unit, end.value, end.unit) == (22, "mpg", 31, "mpg")


# --- issue 5: rules added for accuracy on news figures ------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Inspectors visited nine coastal border towns.", "coastal border town"),
        ("The airline added six long-haul routes.", "long-haul route"),
        ("Police found 30 abandoned cars.", "car"),
        ("Officials reviewed the 20 previous years of data.", "year"),
        ("The fund paid out $4 million.", ""),
    ],
)
def test_object_phrases_keep_the_modifiers_after_the_number(nlp, text, phrase):
    ((_figure, found),) = extract_object_phrases(nlp(text))
    assert found == phrase


def test_a_lone_dozen_is_no_figure_but_a_dozen_is(nlp):
    assert [figure.value for figure in figures(nlp, "She baked a baker's dozen.")] == []
    assert one_figure(nlp, "They bought a dozen eggs.").value == 12


def test_five_digits_are_never_a_date(nlp):
    # The parser may tag a long bare number as a date; it is an amount.
    found = figures(nlp, "Meters logged 48213 visits in 2019, up from 39117.")
    assert [figure.value for figure in found] == [48213, 39117]


@pytest.mark.parametrize(
    ("text", "value", "obj"),
    [
        ("The smuggler was sentenced to four years in prison.", 4, "year"),
        ("The battery charges in just two hours.", 2, "hour"),
    ],
)
def test_prison_terms_and_emphasised_durations_are_figures(nlp, text, value, obj):
    figure = one_figure(nlp, text)
    assert (figure.value, figure.object) == (value, obj)


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


def test_a_spaced_minus_after_a_lower_case_word_is_still_negative(nlp):
    figure = one_figure(nlp, "Temperatures fell to -19 degrees overnight.")
    assert (figure.value, figure.unit) == (-19, "°")


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("The truck engine makes 700 Nm of torque.", "700 Nm", 700, "N·m"),
        ("The tuned engine gives 250 PS.", "250 PS", 250, "PS"),
        ("The diesel delivers 410 lb-ft of torque.", "410 lb-ft", 410, "lb-ft"),
        ("The ringgit stock rose 12 sen on Monday.", "12 sen", 12, "sen"),
        ("Warehouse space rents at $95 per sq m.", "$95 per sq m", 95, "USD per m²"),
        ("The train reaches 300km/hr on the plain.", "300km/hr", 300, "km/h"),
        ("They built a 10m-long wall.", "10m", 10, "m"),
        ("The 12m (39ft) mast fell.", "12m", 12, "m"),
        ("Rents rose 2.5 times faster than wages.", "2.5 times", 2.5, "times"),
    ],
)
def test_more_units_of_measure(nlp, text, surface, value, unit):
    figure = figures(nlp, text)[0]
    assert (figure.surface, figure.value, figure.unit) == (surface, value, unit)


def test_a_glued_m_without_a_dimension_is_still_no_figure(nlp):
    assert figures(nlp, "The firm raised 5m shares.") == []


def test_a_speed_has_no_counted_hour(nlp):
    figure = one_figure(nlp, "The train was clocked at 120km/hr last week.")
    assert (figure.unit, figure.object) == ("km/h", "")


def test_a_number_of_times_is_a_figure_even_spelled(nlp):
    figure = one_figure(nlp, "Crossings rose three times in a year.")
    assert (figure.value, figure.unit) == (3, "times")
    assert figures(nlp, "The talks lasted two decades.") == []


def _newsquant_mapping():
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "figures_newsquant.py"
    spec = importlib.util.spec_from_file_location("figures_newsquant", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmark_mapping_gives_equal_range_ends_as_one_value(nlp):
    mapping = _newsquant_mapping()
    text = "The sides were level at 3-3 at halftime."
    quantities = mapping.prediction(text, list(extract_object_phrases(nlp(text))))
    assert [quantity["value"] for quantity in quantities] == [3]


def test_benchmark_mapping_names_units_and_counted_phrases(nlp):
    mapping = _newsquant_mapping()
    text = "The engine gives 250 PS and 700 Nm to nine coastal border towns."
    quantities = mapping.prediction(text, list(extract_object_phrases(nlp(text))))
    units = [quantity["unit"] for quantity in quantities]
    assert units == ["horsepower", "newton metre", "coastal border town"]


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("Cleaners earn $15 an hour.", "$15 an hour", "USD per hour"),
        ("The glacier sinks 3 mm a decade.", "3 mm a decade", "mm per decade"),
        ("The pumps move 500 litres per second.", "500 litres per second", "L per second"),
        ("Shares fell 2 percent an hour after the open.", "2 percent", "percent"),
    ],
)
def test_a_measure_or_price_per_unit_of_time(nlp, text, surface, unit):
    figure = one_figure(nlp, text)
    assert (figure.surface, figure.unit) == (surface, unit)


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("Gold traded at $1,300 US an ounce.", "$1,300 US an ounce", "USD per oz"),
        ("The ticket costs $40 Cdn.", "$40 Cdn", "CAD"),
        ("He gave $5 US investors.", "$5", "USD"),
    ],
)
def test_a_country_after_a_dollar_amount_names_the_dollar(nlp, text, surface, unit):
    figure = one_figure(nlp, text)
    assert (figure.surface, figure.unit) == (surface, unit)


def test_a_denominator_written_on_one_end_of_a_change_holds_for_both(nlp):
    start, end = figures(nlp, "Diesel fell from $4 per gallon to $3.20 in May.")
    assert (start.unit, end.unit) == ("USD per gal", "USD per gal")
    low, high = figures(nlp, "Prices rose from $3 to $4 per gallon.")
    assert (low.unit, high.unit) == ("USD per gal", "USD per gal")


def test_a_rate_after_a_conversion_in_brackets(nlp):
    found = figures(nlp, "The state pays 9 billion pesos ($450 million) a year to the program.")
    assert (found[0].unit, found[0].rate_period) == ("MXN", "year")


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("Temperatures hit 35 C in Monterrey.", "35 C", "°C"),
        ("It was 95 F in Phoenix.", "95 F", "°F"),
        ("The phone ships with a 5 W charger.", "5 W", "W"),
        ("The speaker ships with a 10 W USB-C adapter.", "10 W", "W"),
    ],
)
def test_spaced_temperature_and_power_symbols(nlp, text, surface, unit):
    figure = one_figure(nlp, text)
    assert (figure.surface, figure.unit) == (surface, unit)


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("Gusts reached 60 knots off the coast.", "60 knots", "kn"),
        ("The fuse is rated at 13 amps.", "13 amps", "A"),
        ("A 3,000 farad supercapacitor was fitted.", "3,000 farad", "F"),
    ],
)
def test_knots_amperes_and_farads(nlp, text, surface, unit):
    figure = one_figure(nlp, text)
    assert (figure.surface, figure.unit) == (surface, unit)


def test_wins_above_replacement_is_a_unit_but_not_in_a_headline_in_capitals(nlp):
    figure = one_figure(nlp, "The shortstop was worth 4.5 WAR last season.")
    assert (figure.surface, figure.unit, figure.object) == ("4.5 WAR", "WAR", "")
    assert [figure.unit for figure in figures(nlp, "2 WAR HEROES HONOURED")] == [""]


@pytest.mark.parametrize(
    "text", ["She lives at 40 W 57th St in Manhattan.", "Section 3 C of the law applies."]
)
def test_a_capital_letter_after_an_address_or_label_number_is_no_symbol(nlp, text):
    assert figures(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "value", "obj"),
    [
        ("The shelter is a 10 minute walk from the bridge.", 10, "minute"),
        ("Scouts want a 4.4 second sprint.", 4.4, "second"),
        ("It is a two hour drive to the border.", 2, "hour"),
    ],
)
def test_a_unit_of_time_before_a_noun_is_what_the_number_counts(nlp, text, value, obj):
    figure = one_figure(nlp, text)
    assert (figure.value, figure.object) == (value, obj)


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


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("The trails are 5 and 6 km long.", ["km", "km"]),
        ("Prices rose 2, 3 or 4 percent.", ["percent"] * 3),
        ("The 2 and 3 year-old children.", ["years old"] * 2),
        ("They sent 5 and 6 trucks.", ["", ""]),
        ("In 2019 and 20 percent of cases.", ["percent"]),
    ],
)
def test_coordinated_numbers_share_a_unit_written_after_the_last(nlp, text, units):
    assert [figure.unit for figure in figures(nlp, text)] == units


def test_a_bare_number_after_another_preposition_keeps_no_unit(nlp):
    found = figures(nlp, "Exports rose by 2 percent to 140 in May.")
    assert [(figure.value, figure.unit) for figure in found] == [(2, "percent"), (140, "")]


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
def test_a_life_expectancy_with_a_counted_noun_is_no_age(nlp, text, value):
    found = figures(nlp, text)
    assert [figure.unit for figure in found if figure.value == value] == [""]


@pytest.mark.parametrize(
    "text", ["Horsepower climbed from 190 to 215.", "The price index stood at 104.2 on Friday."]
)
def test_a_measure_as_the_subject_of_a_total_is_not_counted(nlp, text):
    assert {figure.object for figure in figures(nlp, text)} == {""}


def test_a_bare_number_after_a_price_is_not_given_its_currency(nlp):
    found = figures(nlp, "Oil traded at $50 a barrel, and the index closed at 1,200.")
    assert [(figure.value, figure.unit) for figure in found] == [
        (50, "USD per barrel"),
        (1200, ""),
    ]


def test_a_noun_or_a_number_counts_the_noun(nlp):
    figure = one_figure(nlp, "The club wants to add another striker or two.")
    assert (figure.value, figure.object) == (2, "striker")
    # Spelled, a time frame stays refused.
    assert figures(nlp, "The talks may take a week or two.") == []


def test_a_number_between_a_count_and_its_noun_is_part_of_the_name(nlp):
    doc = nlp("The airline grounded three new 787 Dreamliner planes.")
    ((figure, phrase),) = extract_object_phrases(doc)
    assert (figure.value, figure.object, phrase) == (3, "plane", "new 787 dreamliner plane")
    found = figures(nlp, "They sent 5 and 6 trucks.")
    assert [figure.value for figure in found] == [5, 6]


def test_a_quote_code_after_a_number_names_its_currency_unless_a_sign_does(nlp):
    figure = one_figure(nlp, "The dollar rose to 150.25 JPY= in Asian trade.")
    assert (figure.surface, figure.unit) == ("150.25 JPY=", "JPY")
    ((figure, phrase),) = extract_object_phrases(nlp("It closed at $1.0815 EUR= on Friday."))
    assert (figure.unit, phrase) == ("USD", "")


@pytest.mark.parametrize(
    ("text", "values"),
    [("the sp 500 fell 0.2% on friday.", [0.2]), ("the ftse 100 lost 20 points.", [20])],
)
def test_an_index_name_in_lower_case_keeps_its_number(nlp, text, values):
    assert [figure.value for figure in figures(nlp, text)] == values


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("Chipmakers will produce sub-5 nanometer chips.", "sub-5 nanometer", 5, "nm"),
        ("It launched a sub-$300 phone.", "sub-$300", 300, "USD"),
    ],
)
def test_a_glued_sub_is_an_upper_bound(nlp, text, surface, value, unit):
    figure = one_figure(nlp, text)
    assert (figure.surface, figure.value, figure.unit, figure.bound) == (
        surface, value, unit, "upper"
    )


def test_a_conversion_in_brackets_glued_to_a_dimension_is_read(nlp):
    found = figures(nlp, "The yard restored a 12m (39ft)-long wooden hull.")
    assert [(figure.surface, figure.value, figure.unit) for figure in found] == [
        ("12m", 12, "m"), ("39ft", 39, "ft")
    ]
