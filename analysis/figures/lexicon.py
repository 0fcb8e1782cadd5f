"""Word lists and patterns the figure rules share (numbers, times, labels, qualifiers)."""

from __future__ import annotations

import re

from analysis.figures.records import Bound, RatePeriod

# --- lexicons -----------------------------------------------------------------------------


def words(text: str) -> list[str]:
    return text.split()


SMALL = dict(
    zip(
        words(
            "one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen"
        ),
        range(1, 20),
        strict=True,
    )
)
TENS = dict(
    zip(
        words("twenty thirty forty fifty sixty seventy eighty ninety"),
        range(20, 100, 10),
        strict=True,
    )
)
# Denominators of a spelled fraction ("two-thirds of", "a quarter of").
DENOMINATOR_WORDS = {
    word: float(value)
    for value, forms in enumerate(
        ["", "", "", "third thirds", "quarter quarters", "fifth fifths", "sixth sixths",
         "seventh sevenths", "eighth eighths", "ninth ninths", "tenth tenths"]
    )
    for word in forms.split()
}
DIGIT_FRACTION = re.compile(r"(?P<numerator>[0-9]{1,3})[/⁄](?P<denominator>[0-9]{1,4})")
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
VAGUE_SMALL = {"tens": 10, "dozens": 12, "hundreds": 100}
VAGUE_SCALES = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}
# Words that may start a number run ("two", "a dozen", "half a million", "hundreds").
RUN_START_WORDS = {
    *SMALL,
    *TENS,
    *SCALES,
    *VAGUE_SMALL,
    *VAGUE_SCALES,
    *words("a an one hundred dozen half"),
}
SUFFIX_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12}
# "4m" alone is four metres; these suffixes mean a multiplier only after a currency sign.
SUFFIXES_NEEDING_CURRENCY = {"k", "m", "b"}

CURRENCY_SIGNS = {
    "US$": "USD",
    "U.S.$": "USD",
    "MX$": "MXN",
    "Mex$": "MXN",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "R$": "BRL",
    "HK$": "HKD",
    "NZ$": "NZD",
    "S$": "SGD",
    "RM": "MYR",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
}
CURRENCY_CODES = {"USD", "EUR", "MXN", "GBP", "CAD", "AUD", "JPY", "CNY", "BRL", "INR", "GTQ"}
# "$US55m", "$A82m", "HK $5.4m": a country marker next to the dollar sign.
DOLLAR_COUNTRIES = {"US": "USD", "A": "AUD", "AU": "AUD", "NZ": "NZD", "C": "CAD", "HK": "HKD"}
# "$60 U.S. per barrel", "$40 Cdn": the country after a dollar amount.
DOLLAR_COUNTRY_WORDS = {"U.S.": "USD", "US": "USD", "Cdn": "CAD", "CDN": "CAD"}
DOLLAR_CURRENCIES = set(DOLLAR_COUNTRIES.values()) | {"USD"}
CURRENCY_WORDS = {
    "dollar": "USD",
    "peso": "MXN",
    "euro": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "quetzal": "GTQ",
    "quetzales": "GTQ",
    "shekel": "ILS",
    "ringgit": "MYR",
    "rupee": "INR",
}
CURRENCY_ADJECTIVES = {
    ("us", "dollar"): "USD",
    ("u.s.", "dollar"): "USD",
    ("american", "dollar"): "USD",
    ("canadian", "dollar"): "CAD",
    ("australian", "dollar"): "AUD",
    ("mexican", "peso"): "MXN",
    ("pound", "sterling"): "GBP",
    ("danish", "crown"): "DKK",
    ("danish", "krone"): "DKK",
    ("hong", "kong"): "HKD",
}
# Every currency code, for rules that treat prices apart.
ALL_CURRENCIES = {
    *CURRENCY_SIGNS.values(),
    *CURRENCY_CODES,
    *DOLLAR_COUNTRIES.values(),
    *CURRENCY_WORDS.values(),
    *CURRENCY_ADJECTIVES.values(),
    "pence",
    "cent",
    "sen",
}
# Units of measure written as words after the number, by lemma (or lower-cased word when the
# lemmatizer leaves a plural): value is the unit code stored in the ``unit`` column.
MEASURES = {
    "pence": "pence",
    "p": "pence",
    "pound": "lb",
    "lb": "lb",
    "lbs": "lb",
    "kilogram": "kg",
    "kilo": "kg",
    "kg": "kg",
    "gram": "g",
    "milligram": "mg",
    "mg": "mg",
    "ounce": "oz",
    "oz": "oz",
    "ton": "t",
    "tonne": "t",
    "mile": "mi",
    "yard": "yd",
    "foot": "ft",
    "feet": "ft",
    "ft": "ft",
    "inch": "inch",
    "inches": "inch",
    "kilometer": "km",
    "kilometre": "km",
    "km": "km",
    "meter": "m",
    "metre": "m",
    "centimeter": "cm",
    "centimetre": "cm",
    "cm": "cm",
    "millimeter": "mm",
    "millimetre": "mm",
    "mm": "mm",
    "micrometer": "μm",
    "micrometre": "μm",
    "micron": "μm",
    "μm": "μm",
    "µm": "μm",
    "nanometer": "nm",
    "nanometre": "nm",
    "acre": "acre",
    "hectare": "ha",
    "liter": "L",
    "litre": "L",
    "milliliter": "mL",
    "millilitre": "mL",
    "gallon": "gal",
    "pint": "pint",
    "quart": "quart",
    "mph": "mph",
    "km/h": "km/h",
    "kph": "km/h",
    "mpg": "mpg",
    "degree": "°",
    "celsius": "°C",
    "fahrenheit": "°F",
    "horsepower": "hp",
    "hp": "hp",
    "bhp": "bhp",
    "watt": "W",
    "kilowatt": "kW",
    "kw": "kW",
    "megawatt": "MW",
    "mw": "MW",
    "gigawatt": "GW",
    "gw": "GW",
    "kwh": "kWh",
    "gwh": "GWh",
    "volt": "V",
    "ampere": "A",
    "amp": "A",
    "farad": "F",
    "knot": "kn",
    "hertz": "Hz",
    "hz": "Hz",
    "gigahertz": "GHz",
    "ghz": "GHz",
    "gigabyte": "GB",
    "gb": "GB",
    "megabyte": "MB",
    "mb": "MB",
    "terabyte": "TB",
    "tb": "TB",
    "gigapascal": "GPa",
    "gpa": "GPa",
    "decibel": "dB",
    "rpm": "rpm",
    "cent": "cent",
    "sen": "sen",
}
# Unit symbols written apart from the number whose case tells them from words and names:
# "700 Nm" (newton metres, not nanometres), "250 PS" (metric horsepower), "35 C" (degrees
# Celsius, as news agencies write temperatures), "5 W" (watts), "2.3 WAR" (wins above
# replacement, the baseball statistic).
SPACED_SYMBOLS = {"Nm": "N·m", "PS": "PS", "C": "°C", "F": "°F", "W": "W", "WAR": "WAR"}
# "300km/hr", "60mi per hour": a glued length unit over an hour is a speed.
SPEEDS = {"km": "km/h", "mi": "mph"}
HOUR_WORDS = {"h", "hr", "hour"}
# "a 12m (39ft) mast", "a 10m-high wall": a glued "m" before a dimension is metres
# (without that, "37m" may be millions, so it is left alone).
DIMENSION_WORDS = set(words("long high tall deep wide thick away"))
# The tokenizer keeps "39ft)-long" in "a 12m (39ft)-long hull" as one token.
GLUED_DIMENSION = re.compile(r"\)-(?:long|high|tall|deep|wide|thick)$")
MULTIWORD_MEASURES = {
    ("mile", "per", "hour"): "mph",
    ("mile", "an", "hour"): "mph",
    ("mile", "a", "hour"): "mph",
    ("kilometer", "per", "hour"): "km/h",
    ("kilometre", "per", "hour"): "km/h",
    ("km", "/", "h"): "km/h",
    ("km", "/", "hr"): "km/h",
    ("mile", "per", "gallon"): "mpg",
    ("square", "foot"): "sq ft",
    ("square", "feet"): "sq ft",
    ("sq", "ft"): "sq ft",
    ("square", "meter"): "m²",
    ("square", "metre"): "m²",
    ("sq", "m"): "m²",
    ("square", "mile"): "sq mi",
    ("square", "kilometer"): "km²",
    ("square", "kilometre"): "km²",
    ("cubic", "foot"): "cu ft",
    ("cubic", "feet"): "cu ft",
    ("degree", "celsius"): "°C",
    ("degree", "fahrenheit"): "°F",
    ("basis", "point"): "bp",
    ("pound", "-", "foot"): "lb-ft",
    ("pound", "-", "feet"): "lb-ft",
    ("lb", "-", "ft"): "lb-ft",
    ("kilowatt", "-", "hour"): "kWh",
    ("year", "-", "old"): "years old",
    ("year", "old"): "years old",
    ("month", "-", "old"): "months old",
    ("month", "old"): "months old",
    ("week", "-", "old"): "weeks old",
    ("day", "-", "old"): "days old",
}
LONGEST_MEASURE = max(len(words) for words in MULTIWORD_MEASURES)
# Unit symbols glued to the number ("50mph", "10kW", "45g"); case matters ("5G" is no gram).
GLUED_UNITS = {
    **{
        symbol: symbol
        for symbol in words("mph mpg kW MW GW kWh GWh W Hz GHz GB MB TB GPa hp bhp mAh V km cm mm")
    },
    "lb": "lb",
    "lbs": "lb",
    "kg": "kg",
    "g": "g",
    "mg": "mg",
    "oz": "oz",
    "ft": "ft",
    "mL": "mL",
    "ml": "mL",
    "m2": "m²",
    "m²": "m²",
    "km2": "km²",
    "μm": "μm",
    "µm": "μm",
    "nm": "nm",
    "min": "min",
    "pc": "percent",
    "p": "pence",
    "″": "inch",
    "°C": "°C",
    "°F": "°F",
    "°": "°",
}
# Video resolutions ("1080p") are not prices in pence.
VIDEO_LINES = {"240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"}
# "per barrel", "a share", "/sq m": what a price or a measure is counted against.
PER_WORDS = {"per", "a", "an", "/"}
DENOMINATORS = {
    "share": "share",
    "barrel": "barrel",
    "gallon": "gal",
    "ounce": "oz",
    "gram": "g",
    "kilogram": "kg",
    "kilo": "kg",
    "ton": "t",
    "tonne": "t",
    "liter": "L",
    "litre": "L",
    "mmbtu": "mmBtu",
    "kwh": "kWh",
    "megawatt": "MW",
}
# Time units a measure or price is counted against, past the rate periods of the
# ``rate_period`` column: "$15 an hour", "3 inches per decade".
TIME_DENOMINATORS = {
    "second": "second",
    "sec": "second",
    "minute": "minute",
    "min": "minute",
    "hour": "hour",
    "hr": "hour",
    "decade": "decade",
    "century": "century",
}
# "2 percent an hour after the open" tells when, not how fast.
TIME_RELATIONS = set(words("ago earlier later after before"))
PERCENT_WORDS = {("%",), ("percent",), ("per", "cent"), ("pct",), ("pct.",)}
POINT_WORDS = {("percentage", "point"), ("percentage", "points")}

QUALIFIERS: dict[tuple[str, ...], tuple[bool, Bound]] = {
    ("about",): (True, ""),
    ("around",): (True, ""),
    ("nearly",): (True, ""),
    ("almost",): (True, ""),
    ("some",): (True, ""),
    ("roughly",): (True, ""),
    ("approximately",): (True, ""),
    ("approx.",): (True, ""),
    ("circa",): (True, ""),
    ("close", "to"): (True, ""),
    ("an", "estimated"): (True, ""),
    ("estimated",): (True, ""),
    ("more", "than"): (False, "lower"),
    ("over",): (False, "lower"),
    ("at", "least"): (False, "lower"),
    ("above",): (False, "lower"),
    ("upwards", "of"): (False, "lower"),
    ("in", "excess", "of"): (False, "lower"),
    ("no", "fewer", "than"): (False, "lower"),
    ("no", "less", "than"): (False, "lower"),
    ("just", "over"): (False, "lower"),
    ("well", "over"): (False, "lower"),
    ("up", "to"): (False, "upper"),
    ("less", "than"): (False, "upper"),
    ("fewer", "than"): (False, "upper"),
    ("under",): (False, "upper"),
    ("below",): (False, "upper"),
    ("at", "most"): (False, "upper"),
    ("no", "more", "than"): (False, "upper"),
    ("as", "many", "as"): (False, "upper"),
    ("as", "much", "as"): (False, "upper"),
    ("just", "under"): (False, "upper"),
}
LONGEST_QUALIFIER = max(len(words) for words in QUALIFIERS)
APPROXIMATIONS = {
    words[0] for words, (approximate, _) in QUALIFIERS.items() if approximate and len(words) == 1
}

RATE_NOUNS: dict[str, RatePeriod] = {
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "annum": "year",
}
RATE_ADVERBS: dict[str, RatePeriod] = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "annually": "year",
    "yearly": "year",
    "annual": "year",
}
# Tokens inside a bracketed conversion that a rate may follow: "($2.4 billion)".
LONGEST_ASIDE = 6
RATE_DETERMINERS = {"a", "an", "per", "each", "every", "/"}
TIME_NOUNS = set(
    words("second minute hour day night week weekend month year decade century time")
)
MONTHS = set(
    words(
        "January February March April May June July August September October November "
        "December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
    )
)
# Plural nouns a year written before them dates rather than counts: "2018 sales".
YEARLY_RESULTS = set(
    words("sale revenue earning earnings profit loss result election forecast estimate")
)
CLOCK_WORDS = {"a.m.", "p.m.", "am", "pm", "o'clock", "gmt", "utc", "edt", "est", "pst", "cst"}
IDENTIFIER_WORDS = set(
    words(
        "title section article chapter part rule amendment act bill resolution order "
        "proposition prop. route highway interstate flight room case docket item page "
        "paragraph clause phase level stage category tier grade class form appendix table "
        "figure volume vol. no. number"
    )
)
# Label words that mark an identifier even in lower case: "a category 4 hurricane".
LOWER_IDENTIFIER_WORDS = set(
    words("category level phase stage tier grade class section title chapter route highway")
) | {"interstate", "flight", "room", "page", "code"}
INDEX_NAMES = set(words("s&p sp ftse nikkei stoxx russell dax cac asx kospi"))
CODE_LABELS = {"zip", "postcode", "postal", "zipcode"}
STREET_WORDS = set(
    words("st street rd road ave avenue way blvd boulevard ln lane dr drive pl place terrace")
)
# "four years in prison" is a sentence handed down, a figure even when spelled out.
CUSTODY_WORDS = set(words("prison jail custody detention bar penitentiary"))
ONE_WORDS = {"a", "an", "another", "one"}
TIME_DEICTICS = set(words("last next this past coming"))
# Spans of time that "last", "next" or "this" turn into a when: "36 last season".
WHEN_NOUNS = TIME_NOUNS | set(
    words("season quarter term session semester spring summer autumn fall winter")
)
# Subjects whose value is an age in years: "the retirement age is 67".
AGE_NOUNS = {"age", "expectancy"}
EXPECTANCY_WINDOW = 8
DEFINITE_DETERMINERS = {"the", "these", "those", "this", "that"}
# Words that pick out a group by its place: "the top two", "the bottom three".
RANK_WORDS = set(words("top bottom first last final other remaining"))
EMPHASIS = {"only", "just", "exactly", "precisely"}
# Verbs and nouns that report a number whose counted thing is their subject:
# "the number of migrants reached 30,000".
TOTAL_VERBS = set(
    words(
        "reach total hit top exceed surpass be number stand amount come "
        "rise fall increase decrease drop climb grow jump decline surge soar plunge"
    )
)
TOTAL_NOUNS = {"number", "total", "count", "figure", "tally"}
# Nouns that name a quantity rather than things that can be counted.
MEASURE_NOUNS = set(
    words(
        "index average rate level price value cost score temperature length width height "
        "depth weight speed distance horsepower torque mileage ratio yield"
    )
)

_CURRENCY_PREFIX = "|".join(
    re.escape(sign) for sign in sorted([*CURRENCY_SIGNS, *CURRENCY_CODES], key=len)[::-1]
)
_NUMBER = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+"
# A sign glued to the number is a negative figure: "minus-5 yards", "$-50.8bn"; a glued
# plus is a change written as such ("Dow +0.2%"), a glued tilde an approximation ("~25"),
# a glued "sub-" an upper bound ("sub-5 nanometre chips", "a sub-$300 phone").
_SIGN = r"(?P<sign>[-−+~]|minus-|sub-)?"
DIGITS = re.compile(
    rf"{_SIGN}(?P<currency>{_CURRENCY_PREFIX})?(?P<number>{_NUMBER})(?P<suffix>bn|mn|tn|k|m|b)?",
    re.IGNORECASE,
)
# ASCII transliterations of "£" and "¥" (as unidecode writes them) glued to a number:
# "PS2.7m", "Y=28,030". Case-sensitive, and "PS" needs a figure unlike a console name ("PS5").
TRANSLITERATED = re.compile(
    rf"(?P<currency>PS|Y=)(?P<number>{_NUMBER})(?P<suffix>bn|mn|tn|k|m|b)?"
)
TRANSLITERATED_SIGNS = {"PS": "GBP", "Y=": "JPY"}
GLUED_UNIT = re.compile(rf"{_SIGN}(?P<number>{_NUMBER})(?P<unit>[^\W\d_]+[23²]?|[″°][CF]?)")
DOLLAR_NUMBER = re.compile(
    rf"(?P<country>{'|'.join(DOLLAR_COUNTRIES)})(?P<number>{_NUMBER})(?P<suffix>bn|mn|tn|k|m|b)?"
)
PHONE = re.compile(
    r"(?<![0-9])(?:\+[0-9]{1,3}[\s.-]?)?(?:\([0-9]{3}\)\s?|[0-9]{3}[\s.-])[0-9]{3}[\s.-][0-9]{4}"
    r"(?![0-9])|(?<![0-9,.])[0-9]{3}-[0-9]{4}(?![0-9])"
)
# Reuters quote codes ("JPY=", "EUR=" at the end of a sentence keeps its full stop).
QUOTE_CODE = re.compile(r"(?P<code>[A-Z]{3})=\.?")
ABBREVIATION = re.compile(r"(?:[A-Z]\.)+(?:[A-Z][a-z]*\.)?")
HAS_DIGIT = re.compile(r"[0-9]")
THOUSANDS = re.compile(r"[0-9],[0-9]{3}")
LONG_DIGITS = re.compile(r"[0-9]{5}")
MINUS = ("-", "−", "minus-")
LIST_BULLETS = set("-*•·–—>")

