"""Word lists and patterns the figure rules share (numbers, times, labels, qualifiers)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

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
# Multipliers as words, with the abbreviations of wire copy ("4.5 mln", "1.2 bln") and the
# Indian lakh and crore ("Rs 500 crore").
SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mln": 1e6,
    "bln": 1e9, "trln": 1e12, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
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
SUFFIX_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "t": 1e12,
                 "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# "4m" alone is four metres; these suffixes mean a multiplier only after a currency sign.
SUFFIXES_NEEDING_CURRENCY = {"k", "m", "b", "t"}

# "300km/hr", "60mi per hour": a glued length unit over an hour is a speed.
SPEEDS = {"km": "km/h", "mi": "mph"}
HOUR_WORDS = {"h", "hr", "hour"}
# "a 12m (39ft) mast", "a 10m-high wall": a glued "m" before a dimension is metres
# (without that, "37m" may be millions, so it is left alone).
DIMENSION_WORDS = set(words("long high tall deep wide thick away"))
# The tokenizer keeps "39ft)-long" in "a 12m (39ft)-long hull" as one token.
GLUED_DIMENSION = re.compile(r"\)-(?:long|high|tall|deep|wide|thick)$")
# Video resolutions ("1080p") are not prices in pence.
VIDEO_LINES = {"240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"}
# "per barrel", "a share", "/sq m": what a price or a measure is counted against.
PER_WORDS = {"per", "a", "an", "/"}
# Rate periods have a column of their own; other units of time make a unit "per" them.
RATE_UNITS = {"day", "week", "month", "year"}
# "2 percent an hour after the open" tells when, not how fast.
TIME_RELATIONS = set(words("ago earlier later after before"))

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
# "the first half of the year", "the latter half": a half after these names a part of a period.
PERIOD_ORDINALS = set(words("first second last latter former final opening closing"))
# Words that open a clause in which "one day" is once, not a span: "until one day he called".
IDIOM_OPENERS = set(words("and but then until that when"))
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

NUMBER = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+"
# A sign glued to the number is a negative figure: "minus-5 yards", "$-50.8bn"; a glued
# plus is a change written as such ("Dow +0.2%"), a glued tilde an approximation ("~25"),
# a glued "sub-" an upper bound ("sub-5 nanometre chips", "a sub-$300 phone").
SIGN = r"(?P<sign>[-−+~]|minus-|sub-)?"
# A multiplier glued to the number: "4bn", "€2.5m", "$23million".
SUFFIX = r"(?P<suffix>(?i:thousand|million|billion|trillion|bn|mn|tn|k|m|b|t))?"
# A token that starts with an amount ("+0.3%", "$5", "USD10m"): no counted noun.
LEADING_AMOUNT = re.compile(rf"{SIGN}(?:[A-Z]{{0,3}}[^\w\s]{{0,2}})?(?:{NUMBER})")
# ASCII transliterations of "£" and "¥" (as unidecode writes them) glued to a number:
# "PS2.7m", "Y=28,030". Case-sensitive, and "PS" needs a figure unlike a console name ("PS5").
TRANSLITERATED = re.compile(rf"(?P<currency>PS|Y=)(?P<number>{NUMBER}){SUFFIX}")
TRANSLITERATED_SIGNS = {"PS": "GBP", "Y=": "JPY"}
GLUED_UNIT = re.compile(
    rf"{SIGN}(?P<number>{NUMBER})(?P<unit>[^\W\d_]+[23²³]?(?:/[^\W\d_]+)?|[″′°º][CF]?|[℃℉Ω%¢])"
)
# A vulgar fraction, alone or after a whole number: "¾", "7¾".
VULGAR_FRACTIONS = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
    "⅞": 7 / 8,
}
VULGAR = re.compile(
    rf"{SIGN}(?P<whole>[0-9]+)?(?P<fraction>[{''.join(VULGAR_FRACTIONS)}])"
)
PHONE = re.compile(
    r"(?<![0-9])(?:\+[0-9]{1,3}[\s.-]?)?(?:\([0-9]{3}\)\s?|[0-9]{3}[\s.-])[0-9]{3}[\s.-][0-9]{4}"
    r"(?![0-9])|(?<![0-9,.])[0-9]{3}-[0-9]{4}(?![0-9])"
)
# Reuters quote codes ("JPY=", "EUR=" at the end of a sentence keeps its full stop).
QUOTE_CODE = re.compile(r"(?P<code>[A-Z]{3})=\.?")
ABBREVIATION = re.compile(r"(?:[A-Z]\.)+(?:[A-Z][a-z]*\.)?")
# A digit or a vulgar fraction ("¾"): what may start a number run besides number words.
HAS_DIGIT = re.compile(r"[0-9¼½¾⅐-⅞]")
THOUSANDS = re.compile(r"[0-9],[0-9]{3}")
LONG_DIGITS = re.compile(r"[0-9]{5}")
MINUS = ("-", "−", "minus-")
LIST_BULLETS = set("-*•·–—>")



def lemma_at(doc: Doc, i: int) -> str:
    """The lower-cased lemma of ``doc[i]``, or "" past the end of ``doc``."""
    return doc[i].lemma_.lower() if i < len(doc) else ""


# Unit symbols that are also words or abbreviations when written apart from a number
# ("5 in the morning", "5 Pa." for Pennsylvania, "3 ms" in a list): read only glued.
GLUED_ONLY_SYMBOLS = set(words("in Pa ha cc ct ms min mins sec secs hr hrs h l t gal yd yds"))
