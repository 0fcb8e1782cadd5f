"""Numeric claims in news text: value, unit, rate, the thing counted, concept and qualifier.

The extractor works on the spaCy parse. It finds runs of number tokens ("30,000",
"2.5 million", "two dozen", "a million", "hundreds of thousands"), attaches currency signs
and unit words, pairs ranges ("between 2,000 and 3,000"), drops what is not a claim
(years, dates, times, ordinals, identifiers such as "Title 42", names such as "COVID-19",
phone numbers, list numbering, "one" as a pronoun), and reads the counted noun, the rate
("a day", "every month") and the governing verb from the dependency parse.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Literal

import pandas as pd
from spacy.tokens import Doc, Span, Token

from analysis.codebook import Codebook, load_codebook
from analysis.schema import FIGURES, records_frame

Bound = Literal["lower", "upper", ""]
RatePeriod = Literal["day", "week", "month", "year", ""]
_ClaimKind = Literal["single", "range", "change"]


@dataclass(frozen=True, slots=True)
class Figure:
    """One numeric claim; ``doc.text[start:end] == surface``. Fields follow schema.FIGURES."""

    start: int
    end: int
    surface: str
    value: float
    unit: str
    object: str
    concept: str
    rate_period: RatePeriod
    approximate: bool
    bound: Bound
    qualifier: str
    source: str
    sentence: str


# --- lexicons -----------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


_SMALL = dict(
    zip(
        _words(
            "one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen"
        ),
        range(1, 20),
        strict=True,
    )
)
_TENS = dict(
    zip(
        _words("twenty thirty forty fifty sixty seventy eighty ninety"),
        range(20, 100, 10),
        strict=True,
    )
)
# Denominators of a spelled fraction ("two-thirds of", "a quarter of").
_DENOMINATOR_WORDS = {
    word: float(value)
    for value, forms in enumerate(
        ["", "", "", "third thirds", "quarter quarters", "fifth fifths", "sixth sixths",
         "seventh sevenths", "eighth eighths", "ninth ninths", "tenth tenths"]
    )
    for word in forms.split()
}
_DIGIT_FRACTION = re.compile(r"(?P<numerator>[0-9]{1,3})[/⁄](?P<denominator>[0-9]{1,4})")
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_VAGUE_SMALL = {"tens": 10, "dozens": 12, "hundreds": 100}
_VAGUE_SCALES = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}
# Words that may start a number run ("two", "a dozen", "half a million", "hundreds").
_RUN_START_WORDS = {
    *_SMALL,
    *_TENS,
    *_SCALES,
    *_VAGUE_SMALL,
    *_VAGUE_SCALES,
    *_words("a an one hundred dozen half"),
}
_SUFFIX_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12}
# "4m" alone is four metres; these suffixes mean a multiplier only after a currency sign.
_SUFFIXES_NEEDING_CURRENCY = {"k", "m", "b"}

_CURRENCY_SIGNS = {
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
_CURRENCY_CODES = {"USD", "EUR", "MXN", "GBP", "CAD", "AUD", "JPY", "CNY", "BRL", "INR", "GTQ"}
# "$US55m", "$A82m", "HK $5.4m": a country marker next to the dollar sign.
_DOLLAR_COUNTRIES = {"US": "USD", "A": "AUD", "AU": "AUD", "NZ": "NZD", "C": "CAD", "HK": "HKD"}
# "$60 U.S. per barrel", "$40 Cdn": the country after a dollar amount.
_DOLLAR_COUNTRY_WORDS = {"U.S.": "USD", "US": "USD", "Cdn": "CAD", "CDN": "CAD"}
_DOLLAR_CURRENCIES = set(_DOLLAR_COUNTRIES.values()) | {"USD"}
_CURRENCY_WORDS = {
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
_CURRENCY_ADJECTIVES = {
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
_ALL_CURRENCIES = {
    *_CURRENCY_SIGNS.values(),
    *_CURRENCY_CODES,
    *_DOLLAR_COUNTRIES.values(),
    *_CURRENCY_WORDS.values(),
    *_CURRENCY_ADJECTIVES.values(),
    "pence",
    "cent",
    "sen",
}
# Units of measure written as words after the number, by lemma (or lower-cased word when the
# lemmatizer leaves a plural): value is the unit code stored in the ``unit`` column.
_MEASURES = {
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
_SPACED_SYMBOLS = {"Nm": "N·m", "PS": "PS", "C": "°C", "F": "°F", "W": "W", "WAR": "WAR"}
# "300km/hr", "60mi per hour": a glued length unit over an hour is a speed.
_SPEEDS = {"km": "km/h", "mi": "mph"}
_HOUR_WORDS = {"h", "hr", "hour"}
# "a 12m (39ft) mast", "a 10m-high wall": a glued "m" before a dimension is metres
# (without that, "37m" may be millions, so it is left alone).
_DIMENSION_WORDS = set(_words("long high tall deep wide thick away"))
# The tokenizer keeps "39ft)-long" in "a 12m (39ft)-long hull" as one token.
_GLUED_DIMENSION = re.compile(r"\)-(?:long|high|tall|deep|wide|thick)$")
_MULTIWORD_MEASURES = {
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
_LONGEST_MEASURE = max(len(words) for words in _MULTIWORD_MEASURES)
# Unit symbols glued to the number ("50mph", "10kW", "45g"); case matters ("5G" is no gram).
_GLUED_UNITS = {
    **{
        symbol: symbol
        for symbol in _words("mph mpg kW MW GW kWh GWh W Hz GHz GB MB TB GPa hp bhp mAh V km cm mm")
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
_VIDEO_LINES = {"240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"}
# "per barrel", "a share", "/sq m": what a price or a measure is counted against.
_PER_WORDS = {"per", "a", "an", "/"}
_DENOMINATORS = {
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
_TIME_DENOMINATORS = {
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
_TIME_RELATIONS = set(_words("ago earlier later after before"))
_PERCENT_WORDS = {("%",), ("percent",), ("per", "cent"), ("pct",), ("pct.",)}
_POINT_WORDS = {("percentage", "point"), ("percentage", "points")}

_QUALIFIERS: dict[tuple[str, ...], tuple[bool, Bound]] = {
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
_LONGEST_QUALIFIER = max(len(words) for words in _QUALIFIERS)
_APPROXIMATIONS = {
    words[0] for words, (approximate, _) in _QUALIFIERS.items() if approximate and len(words) == 1
}

_RATE_NOUNS: dict[str, RatePeriod] = {
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "annum": "year",
}
_RATE_ADVERBS: dict[str, RatePeriod] = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "annually": "year",
    "yearly": "year",
    "annual": "year",
}
# Tokens inside a bracketed conversion that a rate may follow: "($2.4 billion)".
_LONGEST_ASIDE = 6
_RATE_DETERMINERS = {"a", "an", "per", "each", "every", "/"}
_TIME_NOUNS = set(
    _words("second minute hour day night week weekend month year decade century time")
)
_MONTHS = set(
    _words(
        "January February March April May June July August September October November "
        "December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
    )
)
# Plural nouns a year written before them dates rather than counts: "2018 sales".
_YEARLY_RESULTS = set(
    _words("sale revenue earning earnings profit loss result election forecast estimate")
)
_CLOCK_WORDS = {"a.m.", "p.m.", "am", "pm", "o'clock", "gmt", "utc", "edt", "est", "pst", "cst"}
_IDENTIFIER_WORDS = set(
    _words(
        "title section article chapter part rule amendment act bill resolution order "
        "proposition prop. route highway interstate flight room case docket item page "
        "paragraph clause phase level stage category tier grade class form appendix table "
        "figure volume vol. no. number"
    )
)
# Label words that mark an identifier even in lower case: "a category 4 hurricane".
_LOWER_IDENTIFIER_WORDS = set(
    _words("category level phase stage tier grade class section title chapter route highway")
) | {"interstate", "flight", "room", "page", "code"}
_INDEX_NAMES = set(_words("s&p sp ftse nikkei stoxx russell dax cac asx kospi"))
_CODE_LABELS = {"zip", "postcode", "postal", "zipcode"}
_STREET_WORDS = set(
    _words("st street rd road ave avenue way blvd boulevard ln lane dr drive pl place terrace")
)
# "four years in prison" is a sentence handed down, a figure even when spelled out.
_CUSTODY_WORDS = set(_words("prison jail custody detention bar penitentiary"))
_ONE_WORDS = {"a", "an", "another", "one"}
_TIME_DEICTICS = set(_words("last next this past coming"))
# Spans of time that "last", "next" or "this" turn into a when: "36 last season".
_WHEN_NOUNS = _TIME_NOUNS | set(
    _words("season quarter term session semester spring summer autumn fall winter")
)
# Subjects whose value is an age in years: "the retirement age is 67".
_AGE_NOUNS = {"age", "expectancy"}
_EXPECTANCY_WINDOW = 8
_DEFINITE_DETERMINERS = {"the", "these", "those", "this", "that"}
# Words that pick out a group by its place: "the top two", "the bottom three".
_RANK_WORDS = set(_words("top bottom first last final other remaining"))
_EMPHASIS = {"only", "just", "exactly", "precisely"}
# Verbs and nouns that report a number whose counted thing is their subject:
# "the number of migrants reached 30,000".
_TOTAL_VERBS = set(
    _words(
        "reach total hit top exceed surpass be number stand amount come "
        "rise fall increase decrease drop climb grow jump decline surge soar plunge"
    )
)
_TOTAL_NOUNS = {"number", "total", "count", "figure", "tally"}
# Nouns that name a quantity rather than things that can be counted.
_MEASURE_NOUNS = set(
    _words(
        "index average rate level price value cost score temperature length width height "
        "depth weight speed distance horsepower torque mileage ratio yield"
    )
)

_CURRENCY_PREFIX = "|".join(
    re.escape(sign) for sign in sorted([*_CURRENCY_SIGNS, *_CURRENCY_CODES], key=len)[::-1]
)
_NUMBER = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+"
# A sign glued to the number is a negative figure: "minus-5 yards", "$-50.8bn"; a glued
# plus is a change written as such ("Dow +0.2%"), a glued tilde an approximation ("~25"),
# a glued "sub-" an upper bound ("sub-5 nanometre chips", "a sub-$300 phone").
_SIGN = r"(?P<sign>[-−+~]|minus-|sub-)?"
_DIGITS = re.compile(
    rf"{_SIGN}(?P<currency>{_CURRENCY_PREFIX})?(?P<number>{_NUMBER})(?P<suffix>bn|mn|tn|k|m|b)?",
    re.IGNORECASE,
)
# ASCII transliterations of "£" and "¥" (as unidecode writes them) glued to a number:
# "PS2.7m", "Y=28,030". Case-sensitive, and "PS" needs a figure unlike a console name ("PS5").
_TRANSLITERATED = re.compile(
    rf"(?P<currency>PS|Y=)(?P<number>{_NUMBER})(?P<suffix>bn|mn|tn|k|m|b)?"
)
_TRANSLITERATED_SIGNS = {"PS": "GBP", "Y=": "JPY"}
_GLUED_UNIT = re.compile(rf"{_SIGN}(?P<number>{_NUMBER})(?P<unit>[^\W\d_]+[23²]?|[″°][CF]?)")
_DOLLAR_NUMBER = re.compile(
    rf"(?P<country>{'|'.join(_DOLLAR_COUNTRIES)})(?P<number>{_NUMBER})(?P<suffix>bn|mn|tn|k|m|b)?"
)
_PHONE = re.compile(
    r"(?<![0-9])(?:\+[0-9]{1,3}[\s.-]?)?(?:\([0-9]{3}\)\s?|[0-9]{3}[\s.-])[0-9]{3}[\s.-][0-9]{4}"
    r"(?![0-9])|(?<![0-9,.])[0-9]{3}-[0-9]{4}(?![0-9])"
)
# Reuters quote codes ("JPY=", "EUR=" at the end of a sentence keeps its full stop).
_QUOTE_CODE = re.compile(r"(?P<code>[A-Z]{3})=\.?")
_ABBREVIATION = re.compile(r"(?:[A-Z]\.)+(?:[A-Z][a-z]*\.)?")
_HAS_DIGIT = re.compile(r"[0-9]")
_THOUSANDS = re.compile(r"[0-9],[0-9]{3}")
_LONG_DIGITS = re.compile(r"[0-9]{5}")
_MINUS = ("-", "−", "minus-")
_LIST_BULLETS = set("-*•·–—>")


# --- public API ---------------------------------------------------------------------------


def extract_figures(doc: Doc, *, codebook: Codebook | None = None) -> Iterator[Figure]:
    """Yield every numeric claim in ``doc``, in text order; a range yields one figure per end.

    Refuses (yields nothing for) years, dates, times of day, ordinals, law and bill numbers,
    names containing digits, phone numbers, list numbering and "one" used as a pronoun or
    article. ``codebook`` maps counted things to concepts (default: the shipped codebook).
    The ``source`` field is left empty for the attribution step to fill.
    """
    for figure, _noun in _figures_with_nouns(doc, codebook=codebook):
        yield figure


def extract_object_phrases(
    doc: Doc, *, codebook: Codebook | None = None
) -> Iterator[tuple[Figure, str]]:
    """Yield each figure of ``extract_figures`` with the counted thing as a phrase.

    The phrase is the counted noun's lemma after its adjective and compound modifiers,
    lower-cased ("nine coastal border towns" -> "coastal border town", "40
    deportation flights" -> "deportation flight"); it is "" when the figure counts nothing.
    """
    for figure, noun in _figures_with_nouns(doc, codebook=codebook):
        phrase = _object_phrase(noun, figure) if noun is not None else ""
        yield figure, phrase


def _figures_with_nouns(
    doc: Doc, *, codebook: Codebook | None
) -> Iterator[tuple[Figure, Token | None]]:
    codebook = load_codebook() if codebook is None else codebook
    text = doc.text  # built anew on every access
    phones = [match.span() for match in _PHONE.finditer(text)]
    runs = _coordinated_units(doc, [_attach_units(doc, run) for run in _number_runs(doc)])
    parallels: dict[tuple[int, str], tuple[str, Token | None] | None] = {}
    counts: dict[int, int] = {}  # counted noun -> end of the figure that counts it
    for claim in _claims(doc, runs):
        noun = _counted_noun(doc, claim.runs[-1])
        if _is_in_name(doc, claim, noun, counts):
            continue
        if _is_refused(doc, claim, noun=noun, phones=phones, text=text):
            continue
        if noun is not None:
            counts[noun.i] = claim.runs[-1].suffix_end
        # "Horsepower climbed to 215", "the price index stood at 104.2": the subject names what is
        # measured (and keeps the number from being read as a date), it is not counted.
        if noun is not None and _is_measure_subject(noun):
            noun = None
        claim, noun = _elided_unit(doc, claim, noun, parallels)
        yield from _claim_figures(doc, claim, noun=noun, codebook=codebook, text=text)


def _is_in_name(doc: Doc, claim: _Claim, noun: Token | None, counts: dict[int, int]) -> bool:
    """"three new 787 Dreamliner planes": a number right after a count of the same noun (adjectives
    between at most) is part of the noun's name. "5 and 6 trucks" are two counts."""
    if noun is None or noun.i not in counts or claim.runs[-1].unit:
        return False
    between = doc[counts[noun.i] : claim.runs[0].prefix_start]
    return all(token.pos_ == "ADJ" for token in between)


def _is_measure_subject(noun: Token) -> bool:
    return noun.dep_ in ("nsubj", "nsubjpass") and noun.lemma_.lower() in _MEASURE_NOUNS


def _elided_unit(
    doc: Doc,
    claim: _Claim,
    noun: Token | None,
    parallels: dict[tuple[int, str], tuple[str, Token | None] | None],
) -> tuple[_Claim, Token | None]:
    """A bare number shares the unit or counted noun of an earlier figure of its sentence
    after the same preposition ("grew by 2 percent, imports by 1", "closed at 2,187
    points, the other index at 1,902"), or of the figure right before it after "and" or
    "or" ("a 3.5 degree slope in 2020 and 4.2 this year"). Records in ``parallels`` what
    ``claim`` has to share, under its preposition and as the sentence's last figure."""
    before = claim.qualifier_start - 1
    sentence = doc[claim.runs[0].start].sent.start
    own = _to_share(claim, noun)
    previous = parallels.get((sentence, ""))
    parallels[(sentence, "")] = own
    word = doc[before] if before >= 0 else None
    if word is not None and word.pos_ == "ADP":
        key = (sentence, word.lower_)
        if claim.runs[-1].unit or noun is not None:
            parallels[key] = own
            return claim, noun
        shared = parallels.get(key)
    elif word is not None and word.lower_ in ("and", "or"):
        shared = previous
    else:
        return claim, noun
    bare = not claim.runs[-1].unit and noun is None
    if not bare or shared is None or len(claim.runs) > 1 or claim.runs[0].spelled:
        return claim, noun
    parallels[(sentence, "")] = shared
    runs = tuple(replace(run, unit=shared[0]) for run in claim.runs)
    return replace(claim, runs=runs), shared[1]


def _to_share(claim: _Claim, noun: Token | None) -> tuple[str, Token | None] | None:
    """The unit, else the counted noun, that a later bare number may share; None for a
    price: a bare number after one is as often an index level ("traded at $50 a barrel,
    the index closed at 1,200"). With a unit, the noun is what the figure is about
    ("exports grew by 2 percent"), not a unit to share."""
    unit = claim.runs[-1].unit
    if not (unit or noun is not None) or unit.split(" per ")[0] in _ALL_CURRENCIES:
        return None
    return unit, None if unit else noun


def figures_frame(rows: Iterable[tuple[str, Figure]]) -> pd.DataFrame:
    """Return the figures table: one row per ``(article_id, Figure)``, columns schema.FIGURES."""
    return records_frame(rows, FIGURES)


COMPARISON_COLUMNS = (
    "concept",
    "outlet",
    "published",
    "rate_period",
    "figures",
    "articles",
    "value_min",
    "value_max",
    "units",
    "surfaces",
)


def compare_figures(figures: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Return who reported which number for the same concept.

    One row per concept x outlet x published date x rate_period, sorted by concept, date,
    outlet and rate_period: how many figures and articles, the smallest and largest value,
    the units seen (joined with ", "; several units mean min and max mix them) and the
    surfaces in text order (joined with " | "). ``figures`` has the figures.csv columns,
    ``articles`` at least article_id, outlet and published. Figures without a concept are
    left out; a figure whose article is not in ``articles`` is left out too.
    """
    keys = ["concept", "outlet", "published", "rate_period"]
    meta = articles[["article_id", "outlet", "published"]].astype({"article_id": str})
    rows = figures[figures["concept"].fillna("").astype(str) != ""].astype({"article_id": str})
    rows = rows.merge(meta, on="article_id", how="inner")
    if rows.empty:
        return pd.DataFrame(columns=list(COMPARISON_COLUMNS))
    rows = rows.fillna({"rate_period": "", "unit": "", "outlet": "", "published": ""})
    rows = rows.sort_values([*keys, "article_id", "start"], kind="stable")
    grouped = rows.groupby(keys, sort=True, dropna=False)
    table = grouped.agg(
        figures=("value", "size"),
        articles=("article_id", "nunique"),
        value_min=("value", "min"),
        value_max=("value", "max"),
        units=("unit", lambda units: ", ".join(sorted(set(units)))),
        surfaces=("surface", " | ".join),
    ).reset_index()
    table = table.sort_values(["concept", "published", "outlet", "rate_period"], kind="stable")
    return table[list(COMPARISON_COLUMNS)].reset_index(drop=True)


# --- number runs --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Run:
    """Number tokens ``doc[start:end]`` with their currency prefix and unit suffix."""

    start: int
    end: int
    value: float
    scale: float
    spelled: bool
    vague: bool
    currency: str = ""
    unit: str = ""
    prefix_start: int = -1
    suffix_end: int = -1
    unit_token: int = -1


@dataclass(frozen=True, slots=True)
class _Piece:
    kind: Literal["digits", "small", "tens", "hundred", "dozen", "scale", "vague", "half", "a"]
    value: float
    currency: str = ""
    unit: str = ""


def _number_runs(doc: Doc) -> Iterator[_Run]:
    # One pass over the words first: most tokens cannot start a number, and reading a token
    # from the Doc costs more than the test.
    starts = [token.i for token in doc if _may_start_run(token.lower_)]
    i = 0
    for start in starts:
        if start < i:
            continue
        i = start
        fraction = _fraction_run(doc, i)
        if fraction is not None:
            yield fraction
            i = fraction.end
        elif _starts_run(doc, i):
            end = _run_end(doc, i)
            run = _value_run(doc, i, end)
            if run is not None:
                yield run
            i = max(end, i + 1)


def _may_start_run(lower: str) -> bool:
    """False for a word that starts neither a number nor a fraction (most words)."""
    return lower in _RUN_START_WORDS or _HAS_DIGIT.search(lower) is not None


def _fraction_run(doc: Doc, i: int) -> _Run | None:
    """A share written as a fraction before "of": "two-thirds of", "a quarter of", "1/16 of",
    or "one out of three" (before the group). Its unit is ``fraction``."""
    numerator, spelled = None, True
    digits = _DIGIT_FRACTION.fullmatch(doc[i].text)
    if digits and i + 1 < len(doc) and doc[i + 1].lower_ == "of":
        value = float(digits["numerator"]) / float(digits["denominator"] or "0")
        if 0 < value < 1:
            return _Run(i, i + 1, value, 1.0, spelled=False, vague=False, unit="fraction")
        return None
    lower = doc[i].lower_
    if lower in ("a", "an", "one"):
        numerator = 1.0
    elif lower in _SMALL or lower in _TENS:
        numerator = float(_SMALL.get(lower) or _TENS[lower])
    elif _DIGITS.fullmatch(doc[i].text) and doc[i].text.isdigit():
        numerator, spelled = float(doc[i].text), False
    if numerator is None:
        return None
    j = i + 1
    if j < len(doc) and doc[j].text in ("-", "‐") and _tight(doc, j):
        j += 1
    if j + 1 < len(doc) and doc[j].lower_ in _DENOMINATOR_WORDS and doc[j + 1].lower_ == "of":
        if spelled:
            value = numerator / _DENOMINATOR_WORDS[doc[j].lower_]
            return _Run(i, j + 1, value, 1.0, spelled=True, vague=False, unit="fraction")
        return None
    if i + 3 < len(doc) and (doc[i + 1].lower_, doc[i + 2].lower_) == ("out", "of"):
        whole = doc[i + 3]
        total = _SMALL.get(whole.lower_) or _TENS.get(whole.lower_)
        if total is None and whole.text.isdigit():
            total = int(whole.text)
        if total and numerator < total:
            value = numerator / total
            return _Run(i, i + 4, value, 1.0, spelled=spelled, vague=False, unit="fraction")
    return None


def _piece(token: Token, *, currency_before: bool = False) -> _Piece | None:
    lower = token.lower_
    match = _DIGITS.fullmatch(token.text)
    if match and _is_glued_metres(match, token):
        return _Piece("digits", float(match["number"].replace(",", "")), unit="m")
    if match:
        return _digits_piece(match, currency_before=currency_before)
    transliterated = _transliterated(token.text)
    if transliterated is not None:
        return transliterated
    glued = _GLUED_UNIT.fullmatch(_GLUED_DIMENSION.sub("", token.text))
    if glued and glued["unit"] == "p" and glued["number"] in _VIDEO_LINES:
        return None
    if glued and glued["unit"] in _GLUED_UNITS:
        value = float(glued["number"].replace(",", "")) * (-1 if glued["sign"] in _MINUS else 1)
        return _Piece("digits", value, unit=_GLUED_UNITS[glued["unit"]])
    dollars = _DOLLAR_NUMBER.fullmatch(token.text) if currency_before else None
    if dollars:
        value = float(dollars["number"].replace(",", ""))
        value *= _SUFFIX_SCALES.get((dollars["suffix"] or "").lower(), 1)
        return _Piece("digits", value, currency=_DOLLAR_COUNTRIES[dollars["country"]])
    if lower in _SMALL:
        return _Piece("small", _SMALL[lower])
    if lower in _TENS:
        return _Piece("tens", _TENS[lower])
    if lower == "hundred":
        return _Piece("hundred", 100)
    if lower == "dozen":
        return _Piece("dozen", 12)
    if lower in _SCALES:
        return _Piece("scale", _SCALES[lower])
    if lower in _VAGUE_SMALL or lower in _VAGUE_SCALES:
        return _Piece("vague", _VAGUE_SMALL.get(lower) or _VAGUE_SCALES[lower])
    if lower == "half":
        return _Piece("half", 0.5)
    if lower in ("a", "an"):
        return _Piece("a", 1)
    return None


def _is_glued_metres(match: re.Match[str], token: Token) -> bool:
    """A glued "m" with no currency before a dimension is metres: "10m-long", "12m (39ft)"."""
    if match["suffix"] != "m" or match["currency"] or match["sign"]:
        return False
    return not _has_currency_before(token.doc, token.i) and _dimension_follows(
        token.doc, token.i + 1
    )


def _digits_piece(match: re.Match[str], *, currency_before: bool) -> _Piece | None:
    currency = match["currency"] or ""
    suffix = (match["suffix"] or "").lower()
    # A capital M after a decimal is a million even without a currency ("4.3M sales");
    # a lower-case m may be metres, and "3M" is a company.
    million = match["suffix"] == "M" and "." in match["number"]
    if suffix in _SUFFIXES_NEEDING_CURRENCY and not (currency or currency_before or million):
        return None
    value = float(match["number"].replace(",", "")) * _SUFFIX_SCALES.get(suffix, 1)
    value = -value if match["sign"] in _MINUS else value
    return _Piece("digits", value, currency=_CURRENCY_SIGNS.get(currency, currency.upper()))


def _transliterated(text: str) -> _Piece | None:
    match = _TRANSLITERATED.fullmatch(text)
    if match is None:
        return None
    number, suffix = match["number"], (match["suffix"] or "").lower()
    value = float(number.replace(",", "")) * _SUFFIX_SCALES.get(suffix, 1)
    if match["currency"] == "PS" and not (suffix or "," in number or "." in number or value >= 10):
        return None
    return _Piece("digits", value, currency=_TRANSLITERATED_SIGNS[match["currency"]])


def _has_currency_before(doc: Doc, i: int) -> bool:
    return i > 0 and doc[i - 1].text in _CURRENCY_SIGNS


def _starts_run(doc: Doc, i: int) -> bool:
    piece = _piece(doc[i], currency_before=_has_currency_before(doc, i))
    if piece is None:
        return False
    if piece.kind == "a":
        following = _piece(doc[i + 1]) if i + 1 < len(doc) else None
        return following is not None and following.kind in ("hundred", "dozen", "scale", "half")
    return True


def _run_end(doc: Doc, start: int) -> int:
    end = start + 1
    while end < len(doc):
        step = _continuation(doc, end)
        if step == 0:
            break
        end += step
    return end


def _continuation(doc: Doc, i: int) -> int:
    """Return how many tokens from ``doc[i]`` continue the run ending at ``doc[i - 1]``."""
    last = _piece(doc[i - 1], currency_before=_has_currency_before(doc, i - 1))
    piece = _piece(doc[i])
    after = _piece(doc[i + 1]) if i + 1 < len(doc) else None
    if last is None or last.unit:
        return 0
    if piece is not None:
        return 1 if _joins(last, piece, doc, i) else 0
    glue = doc[i].lower_
    if after is None:
        return 0
    if glue == "-" and _tight(doc, i) and last.kind == "tens" and after.kind == "small":
        return 2
    if glue == "-" and _tight(doc, i) and last.kind == "digits" and after.kind == "scale":
        return 2
    if glue == "and" and last.kind in ("hundred", "scale") and after.kind in ("small", "tens"):
        return 2
    if glue == "of" and last.kind == "vague" and after.kind in ("vague", "scale"):
        return 2
    return 0


def _joins(last: _Piece, piece: _Piece, doc: Doc, i: int) -> bool:
    if piece.kind in ("hundred", "dozen", "scale"):
        return True
    if piece.kind == "digits":
        return False
    if piece.kind == "small":
        return last.kind == "tens"
    if piece.kind == "a":
        following = _piece(doc[i + 1]) if i + 1 < len(doc) else None
        return last.kind == "half" and following is not None and following.kind == "scale"
    if piece.kind == "vague":
        return piece.value >= 1000 and last.kind in ("digits", "small", "tens", "vague")
    return False


def _tight(doc: Doc, i: int) -> bool:
    """True when ``doc[i]`` touches both neighbours (no whitespace around it)."""
    return not doc[i - 1].whitespace_ and not doc[i].whitespace_


def _suffix_scale(doc: Doc, end: int, *, currency: bool) -> int:
    """Return 1 when a split multiplier such as "m" in "€2.5m" follows ``doc[end - 1]``."""
    if end >= len(doc) or doc[end - 1].whitespace_:
        return 0
    suffix = doc[end].lower_.rstrip(".") or "."
    million = doc[end].text == "M" and "." in doc[end - 1].text
    if suffix in _SUFFIX_SCALES and (
        currency or million or suffix not in _SUFFIXES_NEEDING_CURRENCY
    ):
        number = doc[end - 1].text
        return 1 if _DIGITS.fullmatch(number) or _TRANSLITERATED.fullmatch(number) else 0
    return 0


def _value_run(doc: Doc, start: int, end: int) -> _Run | None:
    currency_before = _has_currency_before(doc, start)
    pieces = [_piece(doc[i], currency_before=currency_before) for i in range(start, end)]
    pieces = [piece for piece in pieces if piece is not None]
    currency = next((piece.currency for piece in pieces if piece.currency), "")
    split_scale = _suffix_scale(doc, end, currency=bool(currency or currency_before))
    if split_scale:
        pieces.append(_Piece("scale", _SUFFIX_SCALES[doc[end].lower_.rstrip(".")]))
        end += 1
    # "billion" with no number before it ("Y=590 billion") is no figure of its own, nor is
    # "dozen" without one ("a baker's dozen" is an idiom; "a dozen" is read as one run).
    kinds = {piece.kind for piece in pieces}
    if not pieces or kinds <= {"a"} or kinds in ({"scale"}, {"dozen"}):
        return None
    value, scale = _combine(pieces)
    return _Run(
        start=start,
        end=end,
        value=value,
        scale=scale,
        spelled=not any(piece.kind == "digits" for piece in pieces),
        vague=any(piece.kind == "vague" for piece in pieces),
        currency=currency,
        unit=next((piece.unit for piece in pieces if piece.unit), ""),
    )


def _combine(pieces: list[_Piece]) -> tuple[float, float]:
    """Return (value, largest multiplier) of number words and digits read left to right."""
    total, current, scale = 0.0, None, 1.0
    for piece in pieces:
        if piece.kind in ("digits", "small", "tens", "half"):
            current = (current or 0) + piece.value
        elif piece.kind == "a":
            current = current if current is not None else 1
        elif piece.kind in ("hundred", "dozen") or (piece.kind == "vague" and piece.value < 1000):
            current = (current or 1) * piece.value
        else:
            total += (current or 1) * piece.value
            current, scale = None, max(scale, piece.value)
    return total + (current or 0), scale


# --- units --------------------------------------------------------------------------------


def _attach_units(doc: Doc, run: _Run) -> _Run:
    prefix_start, currency = _currency_prefix(doc, run)
    suffix_end, unit, unit_token = _unit_suffix(doc, run)
    # Half of a count is a share, not a count: "half of the migrants".
    fraction = "fraction" if run.spelled and run.value < 1 else ""
    if not (unit or run.unit or run.currency or currency):
        suffix_end, currency = _currency_after(doc, run, suffix_end)
    if currency and not unit and suffix_end == run.end:
        suffix_end, currency = _dollar_country_after(doc, suffix_end, currency)
    if not (unit or run.unit) and suffix_end == run.end:
        suffix_end, quoted = _quote_code_after(doc, suffix_end)
        currency = currency or quoted
    unit = unit or run.unit or run.currency or currency or fraction or _age(doc, run)
    if unit == "fraction":
        suffix_end, unit, unit_token = _fraction_of_measure(doc, run, suffix_end)
    if unit and unit not in ("fraction", "years old"):
        suffix_end, unit = _per_denominator(doc, suffix_end, unit)
    value = run.value
    if prefix_start > 0 and doc[prefix_start - 1].lower_ == "minus":
        prefix_start, value = prefix_start - 1, -value
    return replace(
        run,
        value=value,
        unit=unit,
        prefix_start=prefix_start,
        suffix_end=suffix_end,
        unit_token=unit_token,
    )


def _coordinated_units(doc: Doc, runs: list[_Run]) -> list[_Run]:
    """Bare numbers coordinated before a number with a unit written after it share that
    unit: "5 and 6 km", "2, 3 or 4 percent". A year ("in 2019 and 20 percent") does not."""
    shared = list(runs)
    for i in range(len(runs) - 2, -1, -1):
        run, following = shared[i], shared[i + 1]
        glue = doc[run.suffix_end].lower_ if run.suffix_end < len(doc) else ""
        chained = glue == "," and following is not runs[i + 1]
        if following.prefix_start != run.suffix_end + 1 or not (glue in ("and", "or") or chained):
            continue
        written_after = following.suffix_end > following.end or chained
        unit_after = written_after and following.prefix_start == following.start
        year = doc[run.start].text.isdigit() and len(doc[run.start].text) == 4
        if run.unit or run.currency or run.end - run.start > 1 or year or not unit_after:
            continue
        shared[i] = replace(run, unit=following.unit, unit_token=following.unit_token)
    return shared


def _fraction_of_measure(doc: Doc, run: _Run, suffix_end: int) -> tuple[int, str, int]:
    """A fraction of a unit of measure is a measure, not a share: "1/8 of a US pint",
    "half a mile" -> (end token, unit of the measure, its token); else a share of a group."""
    i = run.end
    if i < len(doc) and doc[i].lower_ == "of":
        i += 1
    if i < len(doc) and doc[i].lower_ in ("a", "an"):
        i += 1
    # At most two modifiers before the unit: "a US pint", "an imperial fluid ounce".
    for begin in range(i, min(i + 3, len(doc))):
        size, measure = _measure_at(doc, begin)
        if size:
            return begin + size, measure, begin + size - 1
        if doc[begin].pos_ not in ("ADJ", "PROPN") and doc[begin].dep_ != "compound":
            break
    return suffix_end, "fraction", run.unit_token


def _currency_prefix(doc: Doc, run: _Run) -> tuple[int, str]:
    i = run.start - 1
    if i >= 0 and doc[i].text in _CURRENCY_SIGNS:
        country = doc[i - 1].text if i > 0 else ""
        # "A $5 fee" is an article, "HK $5" and "A$5" are currencies.
        spaced_ok = len(country) > 1 or not doc[i - 1].whitespace_
        if doc[i].text == "$" and country in _DOLLAR_COUNTRIES and spaced_ok:
            return i - 1, _DOLLAR_COUNTRIES[country]
        return i, _CURRENCY_SIGNS[doc[i].text]
    if i >= 0 and doc[i].text in _CURRENCY_CODES:
        return i, doc[i].text
    return run.start, ""


def _currency_after(doc: Doc, run: _Run, suffix_end: int) -> tuple[int, str]:
    """A currency written after the number: a sign, as in much of Europe ("1,200€", "5 €"),
    or what a vague amount is of ("millions of dollars", "thousands of pesos")."""
    i = run.end
    if suffix_end != run.end or i >= len(doc):
        return suffix_end, ""
    if doc[i].text in ("€", "£", "¥"):
        return i + 1, _CURRENCY_SIGNS[doc[i].text]
    # "dozens of dollar stores" counts stores.
    if run.vague and doc[i].lower_ == "of" and i + 1 < len(doc) and doc[i + 1].dep_ != "compound":
        currency = _CURRENCY_WORDS.get(doc[i + 1].lemma_.lower(), "")
        if currency:
            return i + 2, currency
    return suffix_end, ""


def _dollar_country_after(doc: Doc, i: int, currency: str) -> tuple[int, str]:
    """A country written after a dollar amount names its dollar: "$60 U.S.", "$40 Cdn"."""
    if currency not in _DOLLAR_CURRENCIES or i >= len(doc):
        return i, currency
    # "$5 US investors": the country word modifies the noun after it.
    word = doc[i]
    if word.text in _DOLLAR_COUNTRY_WORDS and word.head.i <= i:
        return i + 1, _DOLLAR_COUNTRY_WORDS[word.text]
    return i, currency


def _quote_code_after(doc: Doc, i: int) -> tuple[int, str]:
    """A market quote code after a number is part of it and names its currency when no sign
    does: "150.25 JPY=" is yen; the code in "$1.08 EUR=" is read past, not counted."""
    match = _QUOTE_CODE.fullmatch(doc[i].text) if i < len(doc) else None
    if match is None or match["code"] not in _CURRENCY_CODES:
        return i, ""
    return i + 1, match["code"]


def _age(doc: Doc, run: _Run) -> str:
    """"years old" for a whole number that gives an age, apposed or predicated."""
    return _apposed_age(doc, run) or _predicated_age(doc, run)


def _predicated_age(doc: Doc, run: _Run) -> str:
    """A whole number said of a person or of an age is an age: "She is 42", "he turned 60",
    "the retirement age is 67", "life expectancy is about 75", "under the age of 12"."""
    number = doc[run.start]
    if run.end - run.start != 1 or not number.text.isdigit() or not 0 < run.value < 120:
        return ""
    # "over the age of 18", read on word order: the parser may take the number for a modifier.
    preceding = tuple(token.lemma_.lower() for token in doc[max(run.start - 2, 0) : run.start])
    if preceding == ("age", "of") or _is_life_expectancy(doc, run):
        return "years old"
    verb = number.head
    if (number.dep_, verb.lemma_.lower()) not in (("attr", "be"), ("dobj", "turn")):
        return ""
    # "He was 1 of 5 finalists" counts something.
    if any(child.dep_ in ("prep", "pobj") for child in number.children):
        return ""
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    if not subjects:
        return ""
    subject = subjects[0]
    person = subject.lower_ in ("he", "she", "i") or subject.ent_type_ == "PERSON"
    age = subject.lemma_.lower() in _AGE_NOUNS and verb.lemma_.lower() == "be"
    return "years old" if person or age else ""


def _is_life_expectancy(doc: Doc, run: _Run) -> bool:
    """"life expectancy in the region is around 78", read on word order (the parser
    may not take the number for the attribute): "expectancy" in the few words before a
    form of "be" right before the number, with no other number between; "is 3 years"
    counts years."""
    if run.end < len(doc) and doc[run.end].pos_ == "NOUN":
        return False
    i = run.start - 1
    while i >= 0 and doc[i].lower_ in _APPROXIMATIONS:
        i -= 1
    if i < 0 or doc[i].lemma_ != "be":
        return False
    window = doc[max(i - _EXPECTANCY_WINDOW, doc[i].sent.start) : i]
    if any(token.like_num for token in window):
        return False
    return any(token.lower_ == "expectancy" for token in window)


def _apposed_age(doc: Doc, run: _Run) -> str:
    """A whole number set off by commas after a name is an age: "Senard, 65, said"."""
    start, end = run.start, run.end
    if end - start != 1 or run.spelled or start < 2 or end >= len(doc):
        return ""
    if doc[start - 1].text != "," or doc[end].text != "," or doc[start - 2].pos_ != "PROPN":
        return ""
    return "years old" if doc[start].text.isdigit() and 0 < run.value < 120 else ""


def _per_denominator(doc: Doc, end: int, unit: str) -> tuple[int, str]:
    """Extend a unit with what it is counted against: "$58 per barrel" -> "USD per barrel"."""
    if end + 1 >= len(doc) or doc[end].lower_ not in _PER_WORDS:
        return end, unit
    if unit in _SPEEDS and doc[end + 1].lower_.rstrip(".") in _HOUR_WORDS:
        return end + 2, _SPEEDS[unit]
    size, measure = _measure_at(doc, end + 1)
    if size and measure not in ("years old", "months old", "weeks old", "days old"):
        return end + 1 + size, f"{unit} per {measure}"
    following = doc[end + 1]
    for word in (following.lemma_.lower(), following.lower_):
        if word in _DENOMINATORS:
            return end + 2, f"{unit} per {_DENOMINATORS[word]}"
        if word in _TIME_DENOMINATORS and _lemma_at(doc, end + 2) not in _TIME_RELATIONS:
            return end + 2, f"{unit} per {_TIME_DENOMINATORS[word]}"
    return end, unit


def _measure_at(doc: Doc, i: int) -> tuple[int, str]:
    """Return (tokens, unit code) of a unit of measure written as words at ``doc[i]``."""
    tokens = doc[i : i + _LONGEST_MEASURE]
    lemmas = tuple(token.lemma_.lower() for token in tokens)
    # A sentence's full stop may stay on the last word: "per sq m."
    words = tuple(token.lower_.rstrip(".") or token.lower_ for token in tokens)
    for size in range(len(tokens), 1, -1):
        for key in (lemmas[:size], words[:size]):
            if key in _MULTIWORD_MEASURES:
                return size, _MULTIWORD_MEASURES[key]
    if tokens and tokens[0].text in _SPACED_SYMBOLS and _is_spaced_symbol(tokens):
        return 1, _SPACED_SYMBOLS[tokens[0].text]
    # A unit word before a noun may be tagged an adjective ("sub-5 nanometer chips").
    if not tokens or tokens[0].pos_ not in ("NOUN", "PROPN", "NUM", "X", "ADJ"):
        return 0, ""
    for key in (lemmas[0], words[0]):
        if key in _MEASURES:
            return 1, _MEASURES[key]
    return 0, ""


def _is_spaced_symbol(tokens: Span) -> bool:
    """False when the capitals at ``tokens[0]`` are a word of a name or a headline: before a
    number ("40 W 57th St") or in a sentence written in capitals ("2 WAR HEROES HONOURED");
    an acronym after the symbol is the thing measured ("a 10 W USB-C adapter")."""
    if len(tokens) > 1 and tokens[1].text[:1].isdigit():
        return False
    words = [token for token in tokens[0].sent if token.is_alpha and len(token) > 1]
    return sum(token.is_upper for token in words) * 2 <= len(words)


def _unit_suffix(doc: Doc, run: _Run) -> tuple[int, str, int]:
    """Return (end token, unit, unit token or -1) for a unit written after the number."""
    words = tuple(token.lower_ for token in doc[run.end : run.end + 2])
    lemmas = tuple(token.lemma_.lower() for token in doc[run.end : run.end + 2])
    for size in range(len(words), 0, -1):
        if words[:size] in _POINT_WORDS:
            return run.end + size, "percentage point", run.end + size - 1
        if words[:size] in _PERCENT_WORDS:
            return run.end + size, "percent", run.end + size - 1
        if size == 2 and lemmas[:2] in _CURRENCY_ADJECTIVES:
            return run.end + 2, _CURRENCY_ADJECTIVES[lemmas[:2]], run.end + 1
    if not lemmas:
        return run.end, "", -1
    if doc[run.end].text in _CURRENCY_CODES:
        return run.end + 1, doc[run.end].text, -1
    if lemmas[0] in _CURRENCY_WORDS or words[0] in _CURRENCY_WORDS:
        return run.end + 1, _CURRENCY_WORDS.get(lemmas[0]) or _CURRENCY_WORDS[words[0]], run.end
    glued = not doc[run.end - 1].whitespace_
    # The tokenizer splits "45g." and "10m." at the end of a sentence into two tokens.
    symbol = doc[run.end].text.rstrip(".") if glued else ""
    if symbol in _GLUED_UNITS and doc[run.end].text != ".":
        return run.end + 1, _GLUED_UNITS[symbol], run.end
    if symbol == "m" and _dimension_follows(doc, run.end + 1):
        return run.end + 1, "m", run.end
    if doc[run.end].text == "times":
        return run.end + 1, "times", run.end
    # "a 10-mile walk", "a 9-year-old girl": the unit after a hyphen.
    hyphen = glued and doc[run.end].text in ("-", "‐") and not doc[run.end].whitespace_
    begin = run.end + 1 if hyphen else run.end
    size, measure = _measure_at(doc, begin)
    if size:
        return begin + size, measure, begin
    return run.end, "", -1


def _dimension_follows(doc: Doc, i: int) -> bool:
    """True before "long", "-high" or a conversion in brackets: "12m (39ft)", "10m-long"."""
    if i < len(doc) and doc[i].text in ("-", "‐") and not doc[i].whitespace_:
        i += 1
    return i < len(doc) and (doc[i].lower_ in _DIMENSION_WORDS or doc[i].text == "(")


# --- claims: single numbers, ranges and changes --------------------------------------------


@dataclass(frozen=True, slots=True)
class _Claim:
    runs: tuple[_Run, ...]
    kind: _ClaimKind
    qualifier_start: int
    qualifier: str
    approximate: bool
    bound: Bound


def _claims(doc: Doc, runs: list[_Run]) -> Iterator[_Claim]:
    i = 0
    while i < len(runs):
        first = runs[i]
        second = runs[i + 1] if i + 1 < len(runs) else None
        kind = _pair_kind(doc, first, second) if second is not None else None
        if kind is not None and second is not None:
            yield _qualified(doc, _shared_units(first, second), kind)
            i += 2
        else:
            yield _qualified(doc, (first,), "single")
            i += 1


def _pair_kind(doc: Doc, first: _Run, second: _Run) -> _ClaimKind | None:
    """Return "range" for "2,000-3,000" / "between 2 and 3", "change" for "from 2 to 3"."""
    if second.prefix_start - first.suffix_end != 1:
        return None
    connector = doc[first.suffix_end]
    opener = doc[first.prefix_start - 1].lower_ if first.prefix_start > 0 else ""
    if connector.text in ("-", "–", "—") and not first.spelled and not second.spelled:
        return "range"
    if connector.lower_ == "and" and opener == "between":
        return "range"
    if connector.lower_ != "to":
        return None
    if opener == "from":
        return "change"
    # "rose 10% to 3,000" or "up by 500 to 3,000" are two figures, not a range.
    same_unit = not first.unit or first.unit == second.unit
    if opener == "by":
        # "rose by 2 to 2.5 degrees" (one unit, close ends) is a range of changes.
        return "range" if not first.unit and first.value < second.value <= 2 * first.value else None
    return "range" if same_unit and first.value < second.value else None


def _shared_units(first: _Run, second: _Run) -> tuple[_Run, _Run]:
    """Give the first end of a range the unit and multiplier written only on the second."""
    value = first.value
    # "$2 to $3 billion" shares the multiplier; "from $500 to $3 million" does not.
    written_second = second.value / second.scale
    if first.scale == 1 and second.scale > 1 and first.value < min(1000, written_second):
        value = first.value * second.scale
    # "from 14 mpg to 24" writes the unit once, on the first end; "from $75 per barrel to
    # $45" writes the denominator once.
    return replace(first, value=value, unit=_shared_unit(first.unit, second.unit)), replace(
        second, unit=_shared_unit(second.unit, first.unit)
    )


def _shared_unit(own: str, other: str) -> str:
    """``own``, or ``other`` when ``own`` is missing or is ``other`` without its denominator."""
    if not own or other.startswith(f"{own} per "):
        return other
    return own


def _qualified(doc: Doc, runs: tuple[_Run, ...], kind: _ClaimKind) -> _Claim:
    start = runs[0].prefix_start
    words, qualifier_start = _qualifier_before(doc, start)
    approximate, bound = _QUALIFIERS.get(words, (False, ""))
    if kind == "range" and start > 0 and doc[start - 1].lower_ == "between":
        qualifier_start = start - 1
        words = ("between",)
    if any(run.vague for run in runs):
        approximate, bound = True, bound or "lower"
    approximate = approximate or doc[runs[0].start].text.startswith("~")
    if doc[runs[0].start].lower_.startswith("sub-") and kind == "single":
        bound = bound or "upper"
    qualifier = doc[qualifier_start:start].text if words else ""
    return _Claim(runs, kind, qualifier_start, qualifier, approximate, bound)


def _qualifier_before(doc: Doc, start: int) -> tuple[tuple[str, ...], int]:
    for size in range(_LONGEST_QUALIFIER, 0, -1):
        begin = start - size
        if begin < 0 or any(doc[j].is_sent_start for j in range(begin + 1, start + 1)):
            continue
        words = tuple(token.lower_ for token in doc[begin:start])
        if words in _QUALIFIERS:
            return words, begin
    return (), start


# --- refusals: what looks like a number but is not a claim ---------------------------------


def _is_refused(
    doc: Doc, claim: _Claim, *, noun: Token | None, phones: list[tuple[int, int]], text: str
) -> bool:
    unit = claim.runs[-1].unit or claim.runs[0].unit
    checks = (
        _is_list_marker(doc, claim, text),
        _is_phone_number(doc, claim, phones),
        _is_name_or_code(doc, claim, text),
        _is_identifier(doc, claim, noun=noun, unit=unit),
        _is_street_address(doc, claim, unit=unit),
        _is_date_or_time(doc, claim, noun=noun, unit=unit),
        _is_duration(doc, claim, noun=noun, unit=unit),
        _is_bare_one(doc, claim, noun=noun, unit=unit),
        _is_definite_reference(doc, claim, noun=noun),
        _is_lone_half(claim, noun=noun, unit=unit),
    )
    return any(checks)


def _is_list_marker(doc: Doc, claim: _Claim, text: str) -> bool:
    run = claim.runs[0]
    if len(claim.runs) > 1 or run.end - run.start != 1 or run.spelled:
        return False
    after = doc[run.end].text if run.end < len(doc) else ""
    before = doc[run.start - 1].text if run.start > 0 else ""
    if before == "(" and after == ")" and run.value < 100:
        return True
    line_start = text.rfind("\n", 0, doc[run.start].idx) + 1
    lead = text[line_start : doc[run.start].idx]
    return after in (".", ")") and all(char.isspace() or char in _LIST_BULLETS for char in lead)


def _is_phone_number(doc: Doc, claim: _Claim, phones: list[tuple[int, int]]) -> bool:
    start = doc[claim.runs[0].start].idx
    end = doc[claim.runs[-1].end - 1].idx + len(doc[claim.runs[-1].end - 1])
    return any(start < phone_end and phone_start < end for phone_start, phone_end in phones)


def _is_name_or_code(doc: Doc, claim: _Claim, text: str) -> bool:
    """Digits glued to letters are names or codes, not counts: "COVID-19", "F-16", "30-day"."""
    first, last = claim.runs[0], claim.runs[-1]
    start = doc[first.prefix_start].idx
    end = doc[last.suffix_end - 1].idx + len(doc[last.suffix_end - 1])
    before = text[start - 2 : start] if start >= 2 else text[:start]
    after = text[end : end + 2]
    if before[-1:].isalnum() or after[:1].isalnum() or _is_spaced_code(doc, first):
        return True
    glued_before = len(before) == 2 and before[1] in "-‐/" and before[0].isalpha()
    glued_after = len(after) == 2 and after[0] in "-‐/" and after[1].isalpha()
    unit_written = last.suffix_end > last.end or bool(last.unit)
    return glued_before or (glued_after and not unit_written and not _is_unit_word_after(doc, last))


def _is_spaced_code(doc: Doc, run: _Run) -> bool:
    """A hyphen and digits after an acronym, with a stray space: "F -16", "G -7"."""
    i = run.prefix_start
    if i == 0 or run.unit or not doc[i].text.startswith(("-", "‐")):
        return False
    previous = doc[i - 1]
    return previous.is_upper and previous.is_alpha and bool(previous.whitespace_)


def _is_unit_word_after(doc: Doc, run: _Run) -> bool:
    """True for "10-percent" or "$4-billion", where the glued word is a unit or multiplier."""
    i = run.suffix_end + 1
    if i >= len(doc):
        return False
    word = doc[i].lower_
    return word in _SCALES or word == "percent" or doc[i].lemma_.lower() in _CURRENCY_WORDS


def _is_identifier(doc: Doc, claim: _Claim, *, noun: Token | None, unit: str) -> bool:
    """A number after a label word is an identifier: "Title 42", "H.R. 1", "Section 8"."""
    i = claim.runs[0].prefix_start - 1
    # A lone capital after the number is a letter of the name ("Section 3 C", "Type 2 C"),
    # not a symbol, after a label.
    unit_token = claim.runs[-1].unit_token
    letter = unit_token >= 0 and len(doc[unit_token].text) == 1 and doc[unit_token].is_upper
    if i < 0 or (unit and not letter) or not doc[i].whitespace_:
        return False
    previous = doc[i]
    if previous.text in ("#", "No.", "no.", "Nr.") or _ABBREVIATION.fullmatch(previous.text):
        return True
    capitalised = previous.is_title or previous.is_upper
    if (capitalised and previous.lower_ in _IDENTIFIER_WORDS) or (
        previous.lower_ in _LOWER_IDENTIFIER_WORDS
    ):
        return True
    if _is_product_name(previous) or _is_code_label_after(doc, claim.runs[-1]):
        return True
    # "the sp 500", "ftse 100": index names keep their number in text written in lower case.
    if previous.lower_ in _INDEX_NAMES and doc[claim.runs[0].start].text.isdigit():
        return True
    # "iPhone 11", "S&P 500", "Note 20 Ultra": a name with a number in it.
    has_capital = any(char.isupper() for char in previous.text)
    has_letter = any(char.isalpha() for char in previous.text)
    is_name = has_capital and has_letter and previous.pos_ in ("PROPN", "NOUN")
    in_name = _name_follows(doc, claim, tags=("PROPN", "NOUN"))
    if is_name and not previous.is_sent_start and (noun is None or in_name):
        return True
    no_comma = "," not in doc[claim.runs[0].start].text
    return noun is None and no_comma and _name_follows(doc, claim, tags=("PROPN",))


def _is_product_name(token: Token) -> bool:
    """A word in camel case that starts lower-case ("iPhone", "eGolf") names a product."""
    text = token.text
    return text[:1].islower() and text.isalpha() and any(char.isupper() for char in text[1:])


def _is_code_label_after(doc: Doc, run: _Run) -> bool:
    """A number before "ZIP code", "area code" or "postcode" is that code, not a count."""
    words = [token.lower_ for token in doc[run.suffix_end : run.suffix_end + 2]]
    return bool(words) and (words[0] in _CODE_LABELS or words[-1] == "code")


def _is_street_address(doc: Doc, claim: _Claim, *, unit: str) -> bool:
    """A house number before a capitalised street name: "31 Oak Lane", "12 W 54th St"."""
    run = claim.runs[-1]
    if unit or len(claim.runs) > 1 or run.spelled or "." in doc[run.start].text:
        return False
    for i in range(run.suffix_end, min(run.suffix_end + 4, len(doc))):
        token = doc[i]
        if not (token.is_title or token.is_upper or token.text[:1].isdigit()):
            return False
        if i > run.suffix_end and token.lower_.rstrip(".") in _STREET_WORDS:
            return True
    return False


def _name_follows(doc: Doc, claim: _Claim, *, tags: tuple[str, ...]) -> bool:
    """True when a capitalised name that is not a group of people follows: "787 Dreamliner"."""
    i = claim.runs[-1].suffix_end
    if i >= len(doc) or claim.qualifier:
        return False
    following = doc[i]
    return (
        following.pos_ in tags
        and following.is_title
        and following.ent_type_ not in ("NORP", "ORG", "GPE")
    )


def _is_date_or_time(doc: Doc, claim: _Claim, *, noun: Token | None, unit: str) -> bool:
    """Years, "December 30", "March 08, 2019", "10 p.m." and NER dates that count nothing."""
    first, last = claim.runs[0], claim.runs[-1]
    if any(_is_year(doc, run, noun=noun, unit=unit) for run in claim.runs):
        return True
    before = doc[first.prefix_start - 1].text if first.prefix_start > 0 else ""
    after = doc[last.suffix_end].text if last.suffix_end < len(doc) else ""
    if before.rstrip(".") in _MONTHS or after.rstrip(".") in _MONTHS:
        return True
    if after.lower() in _CLOCK_WORDS:
        return True
    tokens = [doc[i] for run in claim.runs for i in range(run.start, run.end)]
    in_date = any(token.ent_type_ in ("DATE", "TIME") for token in tokens)
    # A period in digits is a figure even when NER tags it a date: "every 33 years".
    period = not last.spelled and _lemma_at(doc, last.suffix_end) in _TIME_NOUNS
    # Thousands separators ("1,902.10") and five or more digits ("48213") write amounts,
    # never dates or times.
    grouped = any(_THOUSANDS.search(token.text) or _LONG_DIGITS.search(token.text)
                  for token in tokens)
    # "rose to 36 last season": NER stretches the date of the time phrase over the number.
    told_when = (_lemma_at(doc, last.suffix_end) in _TIME_DEICTICS
                 and _lemma_at(doc, last.suffix_end + 1) in _WHEN_NOUNS)
    return in_date and not unit and noun is None and not (period or grouped or told_when)


def _lemma_at(doc: Doc, i: int) -> str:
    return doc[i].lemma_.lower() if i < len(doc) else ""


def _is_year(doc: Doc, run: _Run, *, noun: Token | None, unit: str) -> bool:
    """A bare four-digit 1000-2199 is a year unless it counts a plural noun ("1500 migrants")."""
    text = doc[run.start : run.end].text
    if run.end - run.start != 1 or unit or not (text.isdigit() and len(text) == 4):
        return False
    plural_count = noun is not None and noun.tag_ in ("NNS", "NNPS")
    if plural_count and noun is not None and _is_yearly_result(doc, run, noun):
        plural_count = False
    # "In 2020 many workers ...": the parser tags the year as a date even before a plural.
    tagged_date = doc[run.start].ent_type_ == "DATE"
    return 1000 <= run.value < 2200 and (tagged_date or not plural_count)


def _is_yearly_result(doc: Doc, run: _Run, noun: Token) -> bool:
    """"the drug's 2019 sales", "its 2019 earnings", "the 2020 results": a year between an
    owner or article and a result noun dates the results ("recorded 1500 sales" counts)."""
    if noun.lemma_.lower() not in _YEARLY_RESULTS or not 1900 <= run.value <= 2100:
        return False
    previous = doc[run.start - 1] if run.start > 0 else None
    return previous is not None and (
        previous.tag_ in ("PRP$", "POS", "NNP") or previous.lower_ == "the"
    )


def _is_duration(doc: Doc, claim: _Claim, *, noun: Token | None, unit: str) -> bool:
    """Spans of time spelled out ("for three years", "two decades") tell when, not how much.

    A duration in digits ("70 days", "3.5 seconds"), with a qualifier ("more than three
    months") or an emphasis ("in just two hours"), or a prison term ("four years in
    prison") is a measured figure and stays.
    """
    if noun is None or unit not in ("", "fraction") or noun.lemma_.lower() not in _TIME_NOUNS:
        return False
    start = claim.runs[0].prefix_start
    emphasised = start > 0 and doc[start - 1].lower_ in _EMPHASIS
    # "a two hour drive" measures the drive; it does not tell when.
    describes = noun.dep_ in _MODIFIER_DEPS and noun.head.i > noun.i
    if claim.qualifier or emphasised or describes or _is_prison_term(noun):
        return False
    return all(run.spelled for run in claim.runs)


def _is_prison_term(noun: Token) -> bool:
    """True for a time noun followed by "in prison", "behind bars" and the like."""
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("in", "behind") and any(
            grand.lemma_.lower() in _CUSTODY_WORDS for grand in child.children
        ):
            return True
    return False


def _is_bare_one(doc: Doc, claim: _Claim, *, noun: Token | None, unit: str) -> bool:
    """A lone "one" is a pronoun or article ("One of the officials", "one Mexican official").

    A lone spelled "one" is a figure only with a qualifier, a unit, a rate or an emphasis
    ("only one scheduled flight each week").
    """
    run = claim.runs[0]
    if len(claim.runs) > 1 or run.end - run.start != 1 or doc[run.start].lower_ != "one":
        return False
    emphasised = run.prefix_start > 0 and doc[run.prefix_start - 1].lower_ in _EMPHASIS
    has_rate = bool(_rate_period(doc, claim, noun=noun))
    return not (claim.qualifier or unit or has_rate or emphasised)


def _is_definite_reference(doc: Doc, claim: _Claim, *, noun: Token | None) -> bool:
    """Spelled numbers in a definite noun phrase ("the two presidents", "our two countries")
    refer back to known things rather than claim a count. Digits ("the 11 flights") stay."""
    run = claim.runs[0]
    if len(claim.runs) > 1 or not run.spelled or run.vague or run.scale > 1:
        return False
    if noun is None:
        return _is_definite_group(doc, claim)
    for child in noun.children:
        if child.i >= run.start:
            continue
        if child.dep_ == "poss" or (child.dep_ == "det" and child.lower_ in _DEFINITE_DETERMINERS):
            return True
    return False


def _is_definite_group(doc: Doc, claim: _Claim) -> bool:
    """A spelled number standing for a known group: "the three were freed", "the top two",
    "slipped into the bottom three"."""
    i = claim.runs[0].prefix_start - 1
    if claim.qualifier or i < 0:
        return False
    if doc[i].lower_ in _RANK_WORDS and i > 0:
        i -= 1
    return doc[i].lower_ in _DEFINITE_DETERMINERS or doc[i].tag_ == "PRP$"


def _is_lone_half(claim: _Claim, *, noun: Token | None, unit: str) -> bool:
    """A lone "half" counts only with something to be half of ("half of the migrants",
    "half a mile")."""
    run = claim.runs[0]
    has_whole = noun is not None or unit not in ("", "fraction")
    return run.value == 0.5 and run.spelled and not has_whole and not claim.qualifier


# --- the counted thing, rate and concept --------------------------------------------------


def _anchor(doc: Doc, run: _Run) -> Token:
    """The unit word if there is one ("%", "dollars"), else the number's syntactic root."""
    if run.unit_token >= 0:
        return doc[run.unit_token]
    roots = [doc[i] for i in range(run.start, run.end) if not run.start <= doc[i].head.i < run.end]
    return roots[-1] if roots else doc[run.end - 1]


def _counted_noun(doc: Doc, run: _Run) -> Token | None:
    """Return the noun the number counts: its head ("30,000 migrants"), the complement of a
    unit or multiplier ("$4 billion in aid", "10% of the total", "half of the migrants"),
    the subject of a total ("the number of migrants reached 30,000"), or the noun right
    after the number when the parse attached it elsewhere."""
    anchor = _anchor(doc, run)
    noun = (
        _time_modifier_after(doc, run)
        or _modified_noun(anchor)
        or _noun_before_or(doc, run)
        or _of_complement(anchor)
        or _subject_of_total(anchor)
        or (_noun_after(doc, run.suffix_end) if run.unit_token < 0 else None)
    )
    # The figure's own unit ("hr" in "300km/hr") is not the thing counted.
    if noun is not None and run.start <= noun.i < run.suffix_end:
        return None
    return None if noun is not None and _is_time_adverbial(noun, run) else noun


def _is_time_adverbial(noun: Token, run: _Run) -> bool:
    """"4.2 last year", "5% this month", "36 last season": a singular time noun with "last",
    "next" or "this" after a number other than one tells when, it is not counted."""
    if noun.tag_ != "NN" or noun.lemma_.lower() not in _WHEN_NOUNS or run.value == 1:
        return False
    return any(
        child.lower_ in _TIME_DEICTICS and run.end <= child.i < noun.i for child in noun.children
    )


def _time_modifier_after(doc: Doc, run: _Run) -> Token | None:
    """A unit of time between the number and a noun is what it counts: "a 10 minute walk",
    "a 9.8 second sprint" (the parser may read "second" as an ordinal)."""
    i = run.suffix_end
    if run.unit_token >= 0 or i + 1 >= len(doc) or doc[i].lemma_.lower() not in _TIME_NOUNS:
        return None
    word = doc[i]
    if doc[i + 1].text in ("-", "‐") or word.head.i <= i or word.dep_ not in _MODIFIER_DEPS:
        return None
    return word


def _noun_before_or(doc: Doc, run: _Run) -> Token | None:
    """"another pick or two", "a drink or three": the noun before "or" is counted."""
    i = run.prefix_start
    if run.unit or i < 3 or doc[i - 1].lower_ != "or" or doc[i - 3].lower_ not in _ONE_WORDS:
        return None
    noun = doc[i - 2]
    return noun if noun.tag_ == "NN" and _is_noun(noun) else None


def _modified_noun(anchor: Token) -> Token | None:
    head = anchor.head
    modifier = anchor.dep_ in ("nummod", "quantmod", "compound", "predet", "amod", "nmod")
    if not modifier or head.i <= anchor.i or not _is_noun(head):
        return None
    if _is_rate_expression(head) and not _is_counted_period(anchor, head):
        return None
    while head.dep_ == "compound" and head.head.i > head.i and _is_noun(head.head):
        head = head.head
    return head


def _is_counted_period(number: Token, noun: Token) -> bool:
    """"every 76 years": the number counts the period; "a month" alone is a rate."""
    return number.dep_ == "nummod" and any(
        child.lower_ in ("every", "each") and child.i < number.i for child in noun.children
    )


def _noun_after(doc: Doc, i: int) -> Token | None:
    while i < len(doc) and doc[i].dep_ in ("compound", "amod") and doc[i].head.i > i:
        i += 1
    if i < len(doc) and doc[i].pos_ == "NOUN" and _is_noun(doc[i]) and not doc[i].is_sent_start:
        return None if _is_rate_expression(doc[i]) else doc[i]
    return None


def _is_noun(token: Token) -> bool:
    # A sign or another figure tagged as a noun ("500 +0.3%") is not a counted thing.
    if not any(char.isalpha() for char in token.text) or _DIGITS.match(token.text):
        return False
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.ent_type_ == "NORP")


def _is_rate_expression(token: Token) -> bool:
    return token.lemma_.lower() in _RATE_NOUNS and any(
        child.lower_ in _RATE_DETERMINERS for child in token.children
    )


def _of_complement(anchor: Token) -> Token | None:
    """The noun after "of" or "in": "10% of the total", "$4 billion in aid". "In" counts a
    bare noun only: "$4 billion in the red" says where the money stands."""
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "in") and child.i > anchor.i:
            objects = [
                grand for grand in child.children
                if grand.dep_ == "pobj" and _is_noun(grand)
                and not (child.lower_ == "in" and _has_determiner(grand))
            ]
            if objects:
                return objects[0]
    return None


def _has_determiner(noun: Token) -> bool:
    return any(child.dep_ in ("det", "poss") for child in noun.children)


def _subject_of_total(anchor: Token) -> Token | None:
    """The subject of a total: "the number of migrants reached 30,000" -> migrants."""
    verb = anchor.head
    if anchor.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ("at", "to", "from", "by"):
        verb = verb.head
    elif anchor.dep_ not in ("dobj", "attr"):
        return None
    if verb.lemma_.lower() not in _TOTAL_VERBS:
        return None
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or not _is_noun(subjects[0]):
        return None
    subject = subjects[0]
    if subject.lemma_.lower() in _TOTAL_NOUNS:
        return _of_complement(subject)
    return subject


def _phrase_head(doc: Doc, run: _Run, noun: Token | None) -> Token:
    """The token that stands for the whole figure phrase in its clause."""
    anchor = _anchor(doc, run)
    if noun is not None and noun.i > anchor.i and noun.is_ancestor(anchor):
        anchor = noun
    while anchor.dep_ in ("conj", "appos") and anchor.head != anchor:
        anchor = anchor.head
    return anchor


def _governor(phrase: Token) -> Token | None:
    """The verb or noun that governs the figure phrase ("accept" in "accept back 30,000")."""
    if phrase.dep_ == "pobj" and phrase.head.dep_ == "prep":
        return phrase.head.head
    if (
        phrase.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "oprd", "dative")
        and phrase.head != phrase
    ):
        return phrase.head
    return None


def _governors(phrase: Token, noun: Token | None) -> list[Token]:
    """The verb or noun governing the figure phrase ("accept" in "accept back 30,000"), then
    verbs that modify the counted noun ("deported" in "500 migrants deported last week")."""
    governor = _governor(phrase)
    modifiers = [child for child in noun.children if child.dep_ == "acl"] if noun else []
    return [*([governor] if governor is not None else []), *modifiers]


def _governor_terms(governor: Token, phrase: Token) -> list[str]:
    """Candidate codebook terms for a governor, the most specific first."""
    lemma = governor.lemma_.lower()
    terms = []
    for child in governor.children:
        if child.dep_ in ("prt", "advmod") and child.lower_ in ("back", "in", "out", "away"):
            terms.append(f"{lemma} {child.lower_}")
        elif child.dep_ == "dobj" and child != phrase:
            terms.append(f"{lemma} {child.lemma_.lower()}")
        elif child.dep_ == "prep":
            terms.extend(
                f"{lemma} {child.lower_} {pobj.lemma_.lower()}"
                for pobj in child.children
                if pobj.dep_ == "pobj"
            )
    return [*terms, lemma, governor.lower_]


def _object_terms(noun: Token, lemma: str) -> list[str]:
    """Candidate codebook terms for the counted noun: with its modifiers first, then alone."""
    modifiers = []
    for child in reversed(list(noun.lefts)):
        if child.dep_ not in ("compound", "amod") or child.i != noun.i - len(modifiers) - 1:
            break
        modifiers.insert(0, child)
    terms = []
    for begin in range(len(modifiers)):
        words = modifiers[begin:]
        terms.append(" ".join([*(word.lemma_.lower() for word in words), lemma]))
        terms.append(" ".join([*(word.lower_ for word in words), noun.lower_]))
    return [*terms, lemma, noun.lower_]


_MODIFIER_DEPS = {"amod", "compound", "nmod"}
_PHRASE_SKIPPED_DEPS = {"det", "cc", "poss", "case", "predet", "nummod", "quantmod", "advmod"}
# Adjectives that place the counted things in time or a sequence rather than say what they
# are: "the 20 previous years", "5 other flights".
_PHRASE_SKIPPED_WORDS = set(_words("previous last next past other same such"))


def _object_phrase(noun: Token, figure: Figure) -> str:
    """The counted noun's lemma (``figure.object``) after the adjective and compound
    modifiers written between the number and the noun, lemmatised and lower-cased; words
    written joined ("long-haul") stay joined. Participles ("abandoned cars") are left out."""
    words = sorted(
        (
            token
            for child in noun.lefts
            if child.dep_ in _MODIFIER_DEPS and child.idx >= figure.end
            for token in child.subtree
            if _is_phrase_word(token, figure)
        ),
        key=lambda token: token.i,
    )
    # A number in the name of the counted thing: "three new 787 Dreamliner planes".
    words = sorted(
        [*words, *(child for child in noun.lefts if _is_name_number(child, figure))],
        key=lambda token: token.i,
    )
    phrase = ""
    for token in words:
        phrase += token.lemma_.lower() + (" " if token.whitespace_ else "")
    return f"{phrase.rstrip()} {figure.object}".strip() if phrase.strip() else figure.object


def _is_name_number(token: Token, figure: Figure) -> bool:
    return token.dep_ == "nummod" and token.idx >= figure.end and token.text.isdigit()


def _is_phrase_word(token: Token, figure: Figure) -> bool:
    if token.idx < figure.end or token.dep_ in _PHRASE_SKIPPED_DEPS:
        return False
    if token.tag_ in ("VBG", "VBN") or token.lower_ in _PHRASE_SKIPPED_WORDS:
        return False
    return token.is_alpha or (token.text in ("-", "‐") and not token.whitespace_)


def _object_lemma(noun: Token, codebook: Codebook) -> str:
    """The noun's lemma, corrected by the codebook where the lemmatizer errs ("doses" -> "dos")."""
    lemma = noun.lemma_.lower()
    lower = noun.lower_
    if lower[-1:] in ("-", "–", "—"):
        # A dash glued to the noun ("miles-") is punctuation the lemmatizer kept.
        lower = lower.rstrip("-–—")
        lemma = _plain_singular(lower) if noun.tag_ in ("NNS", "NNPS") else lower
    if lemma in codebook.objects or noun.tag_ not in ("NNS", "NNPS"):
        return lemma
    for singular in (lower[:-1], lower[:-2]):
        if lower.endswith("s") and singular in codebook.objects:
            return singular
    return lemma


def _plain_singular(word: str) -> str:
    """A regular English singular, for words the lemmatizer did not see cleanly."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _rate_period(doc: Doc, claim: _Claim, *, noun: Token | None) -> RatePeriod:
    """Return the period of "a day", "per week", "every month", "annually" near the figure."""
    run = claim.runs[-1]
    phrase = _phrase_head(doc, run, noun)
    numbers = [doc[i] for each in claim.runs for i in range(each.start, each.end)]
    holders = [*numbers, *(token.head for token in numbers)]
    if noun is not None:
        holders.append(noun)
    # An earlier conjunct's rate is its own: "$2,000 a month rent and three children".
    if phrase.i >= claim.runs[0].prefix_start:
        holders += [token for token in (phrase, _governor(phrase)) if token is not None]
    for holder in holders:
        for child in holder.children:
            # The counted period is no rate of its own: "every 3 days".
            period = _rate_of(child) if child != noun else ""
            if period:
                return period
    return _rate_after(doc, noun.i + 1 if noun is not None else run.suffix_end)


def _rate_of(token: Token) -> RatePeriod:
    lower = token.lower_
    if lower in _RATE_ADVERBS and token.dep_ in ("advmod", "amod", "npadvmod"):
        return _RATE_ADVERBS[lower]
    if _is_rate_expression(token):
        return _RATE_NOUNS[token.lemma_.lower()]
    if token.dep_ == "prep" and lower in _RATE_DETERMINERS:
        for pobj in token.children:
            if pobj.lemma_.lower() in _RATE_NOUNS:
                return _RATE_NOUNS[pobj.lemma_.lower()]
    return ""


def _rate_after(doc: Doc, i: int) -> RatePeriod:
    """Fallback on word order: "... crossings a day" right after the counted noun, or after
    a conversion in brackets ("6 billion pesos ($300 million) a year")."""
    i = _after_brackets(doc, i)
    if i + 1 >= len(doc) or doc[i].lower_ not in _RATE_DETERMINERS or doc[i + 1].is_sent_start:
        return ""
    following = doc[i + 2].lower_ if i + 2 < len(doc) else ""
    if following in ("ago", "earlier", "later", "after", "before"):
        return ""
    return _RATE_NOUNS.get(doc[i + 1].lemma_.lower(), "")


def _after_brackets(doc: Doc, i: int) -> int:
    """The token after a short bracketed aside that starts at ``doc[i]``, else ``i``."""
    if i >= len(doc) or doc[i].text != "(":
        return i
    for j in range(i + 1, min(i + _LONGEST_ASIDE + 2, len(doc))):
        if doc[j].text == ")":
            return j + 1
    return i


def _claim_figures(
    doc: Doc, claim: _Claim, *, noun: Token | None, codebook: Codebook, text: str
) -> Iterator[tuple[Figure, Token | None]]:
    last = claim.runs[-1]
    lemma = _object_lemma(noun, codebook) if noun is not None else ""
    phrase = _phrase_head(doc, last, noun)
    concept = codebook.concept_for(
        objects=_object_terms(noun, lemma) if noun is not None else [],
        governors=[
            term
            for governor in _governors(phrase, noun)
            for term in _governor_terms(governor, phrase)
        ],
    )
    rate = _rate_period(doc, claim, noun=noun)
    sentence = _sentence(doc, claim.runs[0].start)
    for position, run in enumerate(claim.runs):
        start_token = claim.qualifier_start if claim.kind == "single" else run.prefix_start
        start = doc[start_token].idx
        end_token = doc[run.suffix_end - 1]
        end = end_token.idx + _figure_length(end_token.text)
        figure = Figure(
            start=start,
            end=end,
            surface=text[start:end],
            value=run.value,
            unit=run.unit or last.unit,
            object=lemma,
            concept=concept,
            rate_period=rate,
            approximate=claim.approximate,
            bound=_row_bound(claim, position),
            qualifier=claim.qualifier,
            source="",
            sentence=sentence,
        )
        yield figure, noun


def _figure_length(text: str) -> int:
    """The characters of a figure's last token that belong to the figure: not a sentence's
    full stop split off with a unit ("45g."), nor a dimension glued after a bracketed
    conversion ("(39ft)-long")."""
    dimension = _GLUED_DIMENSION.search(text)
    if dimension is not None:
        return dimension.start()
    return len(text.rstrip(".") or text)


def _row_bound(claim: _Claim, position: int) -> Bound:
    if claim.kind == "range":
        return "lower" if position == 0 else "upper"
    return claim.bound


def _sentence(doc: Doc, i: int) -> str:
    if doc.has_annotation("SENT_START"):
        return doc[i].sent.text.strip()
    return doc.text.strip()
