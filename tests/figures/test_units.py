"""analysis.figures.units: units and currencies written with a number."""

from __future__ import annotations

import pytest

from analysis.figures import (
    extract_object_phrases,
)
from tests.figures.helpers import figures, one_figure


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


def test_a_word_glued_after_a_unit_does_not_make_a_name(nlp):
    figure = one_figure(nlp, "The bank is 27.5 percent-owned by the government.")
    assert (figure.value, figure.unit) == (27.5, "percent")


def test_transliterated_pound_and_yen_signs_are_currencies(nlp):
    pounds = one_figure(nlp, "The deal was worth PS2.7m to the club.")
    assert (pounds.value, pounds.unit) == (2.7e6, "GBP")
    yen = one_figure(nlp, "Shares closed at Y=5,182 on Friday.")
    assert (yen.value, yen.unit) == (5182, "JPY")
    assert [figure.value for figure in figures(nlp, "He bought a PS5 for his son.")] == []


def test_a_currency_sign_after_the_number_is_its_unit(nlp):
    figure = one_figure(nlp, "She paid 1,200€ for the laptop.")
    assert (figure.value, figure.unit, figure.surface) == (1200, "EUR", "1,200€")


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        # A gallon is no group: 1/16 of it is a volume (this case once expected "fraction").
        ("A cup is 1/8 of a gallon.", "1/8 of a gallon", 1 / 8, "gal"),
        ("They walked a quarter of a mile.", "a quarter of a mile", 0.25, "mi"),
        ("Two-thirds of a US pint was spilled.", "Two-thirds of a US pint", 2 / 3, "pint"),
        ("She ran half a mile.", "half a mile", 0.5, "mi"),
        ("The crossing took half an hour.", "half an hour", 0.5, "hour"),
        ("They waited a quarter of an hour.", "a quarter of an hour", 0.25, "hour"),
    ],
)
def test_fractions_of_a_unit_of_measure_are_measures(nlp, text, surface, value, unit):
    figure = one_figure(nlp, text)
    assert (figure.surface, figure.unit) == (surface, unit)
    assert figure.value == pytest.approx(value)


def test_pence_glued_to_the_number_but_not_video_lines(nlp):
    figure = one_figure(nlp, "Shares closed at 118.5p on Friday.")
    assert (figure.value, figure.unit) == (118.5, "pence")
    assert figures(nlp, "The screen shows 1080p video.") == []


def test_pence_written_apart_is_a_unit_and_keeps_a_four_digit_price(nlp):
    found = figures(nlp, "The shares fell 42 p to 1385 p on Thursday.")
    assert [(figure.value, figure.unit) for figure in found] == [(42, "pence"), (1385, "pence")]


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


def test_a_speed_has_no_counted_hour(nlp):
    figure = one_figure(nlp, "The train was clocked at 120km/hr last week.")
    assert (figure.unit, figure.object) == ("km/h", "")


def test_a_number_of_times_is_a_figure_even_spelled(nlp):
    figure = one_figure(nlp, "Crossings rose three times in a year.")
    assert (figure.value, figure.unit) == (3, "times")
    decades = one_figure(nlp, "The talks lasted two decades.")
    assert (decades.value, decades.unit, decades.rule) == (2, "decade", "duration")


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


def test_a_quote_code_after_a_number_names_its_currency_unless_a_sign_does(nlp):
    figure = one_figure(nlp, "The dollar rose to 150.25 JPY= in Asian trade.")
    assert (figure.surface, figure.unit) == ("150.25 JPY=", "JPY")
    ((figure, phrase),) = extract_object_phrases(nlp("It closed at $1.0815 EUR= on Friday."))
    assert (figure.unit, phrase) == ("USD", "")


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


# --- issue 18: currencies and units from the table ------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("Profit rose to C$ 16.4 million in the quarter.", "C$ 16.4 million", 16.4e6, "CAD"),
        ("Profit rose to C $16.4 million in the quarter.", "C $16.4 million", 16.4e6, "CAD"),
        ("The offering raised HK$ 10.05 billion.", "HK$ 10.05 billion", 10.05e9, "HKD"),
        ("Sales were NT$ 5.2 billion last year.", "NT$ 5.2 billion", 5.2e9, "TWD"),
        ("The port cost S$ 300 million to build.", "S$ 300 million", 3e8, "SGD"),
        ("The deal is worth R$ 1.2 billion.", "R$ 1.2 billion", 1.2e9, "BRL"),
        ("The fine was 2 million Swiss francs.", "2 million Swiss francs", 2e6, "CHF"),
        ("He lost 3 million Canadian dollars.", "3 million Canadian dollars", 3e6, "CAD"),
        ("Sales rose to 3.5 billion yuan.", "3.5 billion yuan", 3.5e9, "CNY"),
        ("The bill came to 40,000 naira.", "40,000 naira", 40000, "NGN"),
        ("Rents rose 300 zlotys a month.", "300 zlotys", 300, "PLN"),
        ("Shares rose one penny to close at 45 pence.", "one penny", 1, "pence"),
        ("The stock paid 22 C cents a share.", "22 C cents a share", 22, "cent per share"),
    ],
)
def test_currencies_from_signs_names_and_minor_units(nlp, text, surface, value, unit):
    figure = figures(nlp, text)[0]
    assert (figure.surface, figure.value, figure.unit) == (surface, value, unit)


def test_a_currency_word_glued_to_a_number_word_by_a_hyphen(nlp):
    figure = one_figure(nlp, "The group made a one-yen bid for the company.")
    assert (figure.surface, figure.value, figure.unit, figure.rule) == (
        "one-yen", 1, "JPY", "hyphen_unit")


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("He made a $70-a-share offer.", "$70-a-share", "USD per share"),
        ("Eggs cost $3 per dozen.", "$3 per dozen", "USD per dozen"),
        ("Cattle sold for $2,000 a head.", "$2,000 a head", "USD per head"),
        ("Gold traded at $1,800 per troy ounce.", "$1,800 per troy ounce", "USD per troy oz"),
    ],
)
def test_a_price_per_share_dozen_or_head(nlp, text, surface, unit):
    figure = one_figure(nlp, text)
    assert (figure.surface, figure.unit) == (surface, unit)


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("It was 40 deg celsius outside.", "40 deg celsius", "°C"),
        ("His temperature was 98.6 degrees F.", "98.6 degrees F", "°F"),
        ("It was 35 degrees celcius in the shade.", "35 degrees celcius", "°C"),
        ("Overnight it fell to -10C in the hills.", "-10C", "°C"),
        ("The door is 2 in thick.", "2 in", "inch"),
        ("The plant produced 50 Wh today.", "50 Wh", "Wh"),
        ("A CT scan gives about 14 mGy.", "about 14 mGy", "mGy"),
        ("The pipe carries 40 cubic metres a second.", "40 cubic metres a second",
         "m³ per second"),
        ("The tank holds 300 imperial gallons.", "300 imperial gallons", "imp gal"),
    ],
)
def test_measures_from_the_table(nlp, text, surface, unit):
    figure = one_figure(nlp, text)
    assert (figure.surface, figure.unit) == (surface, unit)


@pytest.mark.parametrize(
    "text", ["She ranked 2 in the world.", "One in 5 people voted.", "They met at 5 Pa. Ave."]
)
def test_in_and_short_symbols_apart_from_a_number_are_words(nlp, text):
    assert {figure.unit for figure in figures(nlp, text)} <= {""}


@pytest.mark.parametrize(
    ("text", "unit", "rule"),
    [
        ("The bank made 361 million pounds of profit last year.", "GBP", "of_what"),
        ("Police seized 300 pounds of cocaine.", "lb", "of_what"),
        ("He bought a twenty-pound bag of rice.", "lb", "modified_noun"),
        ("She found a five-pound note in the street.", "GBP", "modified_noun"),
        ("The club paid 40 million pounds for the striker.", "GBP", "context_words"),
        ("The baby weighed 8 pounds at birth.", "lb", "context_words"),
        ("The tower cost 2 billion pounds.", "GBP", "context_words"),
    ],
)
def test_pound_is_money_or_mass_by_the_first_context_rule_that_decides(nlp, text, unit, rule):
    from analysis.figures.unit_table import load_unit_table
    from analysis.figures.units import resolve

    doc = nlp(text)
    figure = figures(nlp, text)[0]
    assert figure.unit == unit
    start = next(token.i for token in doc if token.lower_.startswith("pound"))
    codes = load_unit_table().words[(doc[start].lower_,)]
    assert resolve(doc, start, start + 1, codes, load_unit_table())[1] == rule


def test_an_amount_in_millions_of_pounds_without_other_context_is_money(nlp):
    from analysis.figures.unit_table import load_unit_table
    from analysis.figures.units import resolve

    doc = nlp("It came to 2 billion pounds.")
    start = next(token.i for token in doc if token.lower_ == "pounds")
    table = load_unit_table()
    assert resolve(doc, start, start + 1, table.words[("pounds",)], table) == (
        "GBP", "money_multiplier")
    doc = nlp("It came to 200 pounds.")
    assert resolve(doc, 4, 5, table.words[("pounds",)], table) == ("lb", "table_order")


def test_a_price_sign_keeps_its_currency_over_a_word_after_it(nlp):
    found = figures(nlp, "It is an $800 stone oven and sells at $1.25 sterling.")
    assert [(figure.surface, figure.unit) for figure in found] == [
        ("$800", "USD"), ("$1.25", "USD")
    ]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("Net profit rose to 4.5 mln dlrs.", "4.5 mln dlrs", 4.5e6, "USD"),
        ("The unit earned 350 mln stg in the year.", "350 mln stg", 3.5e8, "GBP"),
        ("The state will spend Rs 500 crore on roads.", "Rs 500 crore", 5e9, "INR"),
        ("A meal costs Rp 50,000 in Jakarta.", "Rp 50,000", 50000, "IDR"),
        ("A meal costs R50 in Cape Town.", "R50", 50, "ZAR"),
        ("Prices saw a 10-fold rise.", "10-fold", 10, "times"),
    ],
)
def test_wire_abbreviations_indian_multipliers_and_folds(nlp, text, surface, value, unit):
    figure = one_figure(nlp, text)
    assert (figure.surface, figure.value, figure.unit) == (surface, value, unit)


def test_a_spaced_r_is_no_rand(nlp):
    found = figures(nlp, "Route R 50 closed for 3 days.")
    assert "ZAR" not in {figure.unit for figure in found}


def test_a_ton_is_a_short_ton_and_a_tonne_a_metric_ton(nlp):
    found = figures(nlp, "The ship carried 500 tons of grain and 300 tonnes of coal.")
    assert [figure.unit for figure in found] == ["ton", "t"]


@pytest.mark.parametrize(
    ("text", "units"),
    [("The room measures 10 by 12 feet.", ["ft", "ft"]),
     ("The panel is 3 x 4 metres.", ["m", "m"]),
     ("The team won 3 by 2 goals.", ["", ""])],
)
def test_the_sides_of_a_size_share_its_unit(nlp, text, units):
    assert [figure.unit for figure in figures(nlp, text)] == units


# --- durations: a unit of time after the number or a hyphen -------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("The program will run for two weeks.", "two weeks", 2, "week"),
        ("The program will run for 2 weeks.", "2 weeks", 2, "week"),
        ("It took nine months to build the wall.", "nine months", 9, "month"),
        ("It took 9 months to build the wall.", "9 months", 9, "month"),
        ("He served for three years in prison.", "three years", 3, "year"),
        ("He served for 3 years in prison.", "3 years", 3, "year"),
        ("The strike lasted one day.", "one day", 1, "day"),
        ("Two years later, the fence was finished.", "Two years", 2, "year"),
        ("The hearing took 45 minutes.", "45 minutes", 45, "minute"),
        ("The policy held for two decades.", "two decades", 2, "decade"),
    ],
)
def test_a_duration_spelled_or_in_digits_has_its_unit_of_time(nlp, text, surface, value, unit):
    figure = one_figure(nlp, text)
    assert (figure.surface, figure.value, figure.unit, figure.object, figure.rule) == (
        surface, value, unit, "", "duration")


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "obj"),
    [
        ("Mexico imposed a 30-day ban on imports.", "30-day", 30, "day", "ban"),
        ("A 90-day pause on deportations took effect.", "90-day", 90, "day", "pause"),
        ("The government unveiled a 10-year plan.", "10-year", 10, "year", "plan"),
        ("The government unveiled a ten-year plan.", "ten-year", 10, "year", "plan"),
        ("Drivers staged a 24-hour strike.", "24-hour", 24, "hour", "strike"),
        ("The shelter is a 15-minute walk away.", "15-minute", 15, "minute", "walk"),
    ],
)
def test_a_unit_of_time_after_a_hyphen_is_the_unit_of_the_noun_it_describes(
        nlp, text, surface, value, unit, obj):
    figure = one_figure(nlp, text)
    assert (figure.surface, figure.value, figure.unit, figure.object, figure.rule) == (
        surface, value, unit, obj, "hyphen_duration")


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "obj", "rule"),
    [
        ("Crews built a 5-mile fence.", "5-mile", 5, "mi", "fence", "hyphen_unit"),
        ("The US shares a 2,000-mile border with Mexico.", "2,000-mile", 2000, "mi", "border",
         "hyphen_unit"),
        ("Congress passed a $4-billion package.", "$4-billion", 4e9, "USD", "package",
         "currency_sign"),
        ("A 15-year-old boy was detained.", "15-year-old", 15, "years old", "",
         "hyphen_unit"),
    ],
)
def test_other_hyphenated_units_and_ages_are_read_as_before(nlp, text, surface, value, unit,
                                                            obj, rule):
    figure = one_figure(nlp, text)
    assert (figure.surface, figure.value, figure.unit, figure.object, figure.rule) == (
        surface, value, unit, obj, rule)


def test_a_unit_of_time_in_a_title_in_capitals_is_read(nlp):
    figure = one_figure(nlp, "Mexico Imposes 30-Day Ban On Steel Imports")
    assert (figure.value, figure.unit) == (30, "day")


@pytest.mark.parametrize(
    "text",
    [
        "COVID-19 cases rose in Texas.",
        "The F-35 jets flew over the border.",
        "Title 42 ended in May.",
        "Employers asked for more H-1B visas.",
        "The 9/11 attacks changed the border.",
        "The 4-H club met in Laredo.",
    ],
)
def test_names_with_digits_stay_refused(nlp, text):
    assert figures(nlp, text) == []


def test_an_ordinal_in_a_compound_is_no_second(nlp):
    figure = one_figure(nlp, "He scored two second-half goals.")
    assert (figure.value, figure.unit) == (2, "")


def test_a_duration_keeps_its_rate(nlp):
    figure = one_figure(nlp, "Staff work 3 days a week at the shelter.")
    assert (figure.value, figure.unit, figure.rate_period) == (3, "day", "week")
