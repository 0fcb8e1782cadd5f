"""Units and currencies attached to a number run, read from the unit table.

A unit may be written before the number (a currency sign or code: "$", "C$", "USD"),
glued to it ("45g", "€2.5m", read with the number run), or after it. The rules that read
a unit written after the number are tried in the order of ``SUFFIX_RULES``; the first
that matches wins and its name goes on the figure row (``rule``).

A word that names several units ("pound": pound sterling or pound-mass) is resolved by
``AMBIGUITY_RULES``, in this order:

1. ``modified_noun``: the noun the unit describes ("a twenty-pound bag" is mass, "a
   five-pound note" money);
2. ``of_what``: the noun after "of" says what is weighed or paid ("361 million pounds of
   profit" is money, "300 pounds of cocaine" is mass);
3. ``context_words``: the sentence speaks of money (profit, sales, paid, price, "£", ...)
   or of weight (weigh, heavy, cargo, ...), and not of both;
4. ``money_multiplier``: an amount in millions or billions is money;
5. ``table_order``: the first unit the table lists for the word (pound-mass).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from analysis.figures.ages import age_rule
from analysis.figures.lexicon import (
    DIMENSION_WORDS,
    GLUED_ONLY_SYMBOLS,
    HOUR_WORDS,
    PER_WORDS,
    QUOTE_CODE,
    RATE_UNITS,
    SPEEDS,
    TIME_RELATIONS,
    lemma_at,
    words,
)
from analysis.figures.records import Run
from analysis.figures.unit_table import CURRENCY, TIME, UnitTable

# Units of a share: their word carries no part of speech worth checking ("%").
_SHARES = {"percent", "percentage point"}
_AGES = {"years old", "months old", "weeks old", "days old"}
# A unit word before a noun may be tagged an adjective ("sub-5 nanometer chips").
_UNIT_TAGS = {"NOUN", "PROPN", "NUM", "X", "ADJ"}
_MONEY_WORDS = set(
    words(
        "profit revenue sale earnings income loss price cost fee fine pay paid salary wage "
        "fund funding budget deal bid offer worth value spend spending tax debt loan bank "
        "invest investment investor share stock market sterling £ bonus payment bill "
        "compensation damages rent charge cash money capital turnover dividend valuation "
        "raise raised sell sold buy bought pension grant aid subsidy contract note coin "
        "banknote"
    )
)
_MATTER_WORDS = set(
    words(
        "weigh weighs weighed weighing weight heavy heavier light lighter mass cargo load "
        "haul catch fish meat beef pork cheese flour sugar coffee cocaine heroin marijuana "
        "cannabis drug drugs explosive explosives waste trash garbage food body baby lose "
        "lost gain gained pound-for-pound"
    )
)


def attach_units(doc: Doc, run: Run, table: UnitTable) -> Run:
    """Return ``run`` with its unit (code), the tokens it spans with its currency prefix and
    unit suffix, and the name of the rule that read the unit ("" when there is none)."""
    prefix_start, currency = _currency_prefix(doc, run, table)
    suffix_end, unit, unit_token, rule = _unit_suffix(doc, run, table)
    # A price written with a sign takes no unit after it: "an $800 stone oven", "$1.25
    # sterling"; what it is per comes below ("$58 per barrel").
    if (currency or run.currency) and unit and unit != (currency or run.currency):
        suffix_end, unit, unit_token, rule = run.end, "", -1, ""
    if run.unit or run.currency:
        rule = rule or ("glued_symbol" if run.unit else "currency_sign")
    elif currency and not unit:
        rule = "currency_sign" if doc[prefix_start].text not in table.codes else "currency_code"
    # Half of a count is a share, not a count: "half of the migrants".
    fraction = "fraction" if (run.spelled and run.value < 1) or run.unit == "fraction" else ""
    if not (unit or run.unit or run.currency or currency):
        suffix_end, currency, after_rule = _currency_after(doc, run, suffix_end, table)
        rule = after_rule or rule
    if currency and not unit and suffix_end == run.end:
        suffix_end, currency = _dollar_country_after(doc, suffix_end, currency, table)
    if not (unit or run.unit) and suffix_end == run.end:
        suffix_end, quoted = _quote_code_after(doc, suffix_end, table)
        if quoted and not currency:
            currency, rule = quoted, "quote_code"
    age = "" if unit or run.unit or run.currency or currency or fraction else age_rule(doc, run)
    unit = (unit or run.unit or run.currency or currency or fraction
            or ("years old" if age else ""))
    rule = rule or age
    if unit == "fraction":
        suffix_end, unit, unit_token = _fraction_of_measure(doc, run, suffix_end, table)
        rule = "fraction_of_group" if unit == "fraction" else "fraction_of_measure"
    if unit and unit not in ("fraction", "years old"):
        suffix_end, unit = _per_denominator(doc, suffix_end, unit, table)
    value = run.value
    # "minus 5 degrees" is negative; "plus or minus 4 points" is a margin.
    before = [token.lower_ for token in doc[max(prefix_start - 3, 0) : prefix_start]]
    if before[-1:] == ["minus"] and before[-3:-1] != ["plus", "or"]:
        prefix_start, value = prefix_start - 1, -value
    return replace(
        run,
        value=value,
        unit=unit,
        prefix_start=prefix_start,
        suffix_end=suffix_end,
        unit_token=unit_token,
        rule=rule,
    )


def coordinated_units(doc: Doc, runs: list[Run], table: UnitTable) -> list[Run]:
    """Bare numbers coordinated before a number with a unit written after it share that
    unit: "5 and 6 km", "2, 3 or 4 percent", and the sides of a size: "10 by 12 feet",
    "3 x 4 m". A year ("in 2019 and 20 percent") does not."""
    shared = list(runs)
    for i in range(len(runs) - 2, -1, -1):
        run, following = shared[i], shared[i + 1]
        glue = doc[run.suffix_end].lower_ if run.suffix_end < len(doc) else ""
        chained = glue == "," and following is not runs[i + 1]
        size = glue in ("by", "x", "×") and following.unit in table.units and (
            table.units[following.unit].dimension in ("length", "area", "volume"))
        joined = glue in ("and", "or") or chained or size
        if following.prefix_start != run.suffix_end + 1 or not joined:
            continue
        written_after = following.suffix_end > following.end or chained
        unit_after = written_after and following.prefix_start == following.start
        year = doc[run.start].text.isdigit() and len(doc[run.start].text) == 4
        if run.unit or run.currency or run.end - run.start > 1 or year or not unit_after:
            continue
        shared[i] = replace(run, unit=following.unit, unit_token=following.unit_token,
                            rule="coordinated_unit")
    return shared


# --- before the number --------------------------------------------------------------------


def _currency_prefix(doc: Doc, run: Run, table: UnitTable) -> tuple[int, str]:
    """A sign or code before the number: "$ 5", "HK $5", "C$ 16.4 million", "USD 300"."""
    i = run.start - 1
    if i < 0:
        return run.start, ""
    sign = doc[i].text
    if sign in table.signs:
        country = doc[i - 1].text if i > 0 else ""
        # "A $5 fee" is an article; "HK $5", "C $16.4 million" and "A$5" are currencies.
        spaced_ok = country != "A" or not doc[i - 1].whitespace_
        if sign == "$" and country in table.dollar_before and spaced_ok:
            return i - 1, table.dollar_before[country]
        return i, table.signs[sign]
    if sign in table.codes:
        return i, sign
    # The tokenizer may split a prefixed dollar: "C" "$" glued, or "HK$" kept whole above.
    return run.start, ""


# --- after the number ---------------------------------------------------------------------

_Suffix = tuple[int, str, int]  # (end token, unit code, unit token)


def _unit_suffix(doc: Doc, run: Run, table: UnitTable) -> tuple[int, str, int, str]:
    """Return (end token, unit, unit token or -1, rule name) for a unit written after the
    number, by the first rule of ``SUFFIX_RULES`` that matches."""
    if run.end >= len(doc):
        return run.end, "", -1, ""
    for name, rule in SUFFIX_RULES:
        found = rule(doc, run, table)
        if found is not None:
            return (*found, name)
    return run.end, "", -1, ""


def _unit_words(doc: Doc, run: Run, table: UnitTable) -> _Suffix | None:
    """A unit, currency or share written in words after the number: "30 miles", "20 Mexican
    pesos", "10 percent", "5 percentage points", "40 degrees Celsius", "361 million pounds",
    also after the country of a dollar ("22 C cents", "5 US cents")."""
    found = _words_at(doc, run.end, table)
    if found is None and doc[run.end].text in table.dollar_before and run.end + 1 < len(doc):
        after = _words_at(doc, run.end + 1, table)
        if after is not None and table.is_currency(after[1]):
            return after
    return found


def _currency_code_after(doc: Doc, run: Run, table: UnitTable) -> _Suffix | None:
    """An ISO code after the number: "300 USD", "5 billion EUR"."""
    if doc[run.end].text in table.codes:
        return run.end + 1, doc[run.end].text, -1
    return None


def _glued_symbol(doc: Doc, run: Run, table: UnitTable) -> _Suffix | None:
    """A symbol the tokenizer split from its number at the end of a sentence: "45g."."""
    if doc[run.end - 1].whitespace_ or doc[run.end].text == ".":
        return None
    symbol = doc[run.end].text.rstrip(".")
    if symbol in table.symbols:
        return run.end + 1, table.symbols[symbol], run.end
    return None


def _glued_metres(doc: Doc, run: Run, table: UnitTable) -> _Suffix | None:
    """A glued "m" before a dimension is metres: "a 10m-long wall", "12m (39ft)"."""
    if doc[run.end - 1].whitespace_ or doc[run.end].text.rstrip(".") != "m":
        return None
    return (run.end + 1, "m", run.end) if dimension_follows(doc, run.end + 1) else None


def _times(doc: Doc, run: Run, table: UnitTable) -> _Suffix | None:
    """A multiple: "2.5 times faster", "three times a year", "a 10-fold rise"."""
    if doc[run.end].text == "times":
        return run.end + 1, "times", run.end
    glued = not doc[run.end - 1].whitespace_ and not doc[run.end].whitespace_
    if glued and doc[run.end].text in ("-", "‐") and run.end + 1 < len(doc) and (
            doc[run.end + 1].lower_ == "fold"):
        return run.end + 2, "times", run.end + 1
    return None


def _hyphen_unit(doc: Doc, run: Run, table: UnitTable) -> _Suffix | None:
    """A unit or currency after a hyphen: "a 10-mile walk", "a 9-year-old girl", "a
    one-yen bid", "a $70-a-share offer" (the share is read as the denominator)."""
    i = run.end
    if doc[i - 1].whitespace_ or doc[i].text not in ("-", "‐") or doc[i].whitespace_:
        return None
    return _words_at(doc, i + 1, table)


def _duration(doc: Doc, run: Run, table: UnitTable) -> _Suffix | None:
    """A unit of time after the number, spelled or in digits: "for 3 years", "nine months",
    "70 days", "a 10 minute walk" (the walk is what it describes), "4.3 second 40 yard dash"."""
    i = run.end
    # "two second-half goals", "the 2 second-round games": an ordinal in a compound.
    if i + 1 < len(doc) and doc[i + 1].text in ("-", "‐") and not doc[i].whitespace_:
        return None
    return _time_at(doc, run, i, table)


def _hyphen_duration(doc: Doc, run: Run, table: UnitTable) -> _Suffix | None:
    """A unit of time after a hyphen: "a 30-day ban", "a five-year plan", "a 24-hour strike"
    (the noun after it is the thing described, not counted); "a 9-year-old" is an age."""
    i = run.end
    if doc[i - 1].whitespace_ or doc[i].text not in ("-", "‐") or doc[i].whitespace_:
        return None
    return _time_at(doc, run, i + 1, table)


def _time_at(doc: Doc, run: Run, i: int, table: UnitTable) -> _Suffix | None:
    """(end, code, token) of a unit of time written at ``doc[i]``, else None. A name is no
    unit ("the 4-H club", "told 60 Minutes" in a sentence in lower case), nor an ordinal
    after a spelled number ("two second cousins"), nor a year's "year" ("the 2021 year")."""
    size, codes = measure_at(doc, i, table, counted=True)
    if not size or table.units[codes[0]].dimension != TIME or not _written_as_unit(doc[i]):
        return None
    word = doc[i]
    if run.spelled and word.lower_ == "second" and word.pos_ != "NOUN":
        return None
    number = doc[run.start].text
    if run.end - run.start == 1 and len(number) == 4 and number.isdigit() and (
            word.tag_ == "NN" and 1000 <= run.value < 2200):
        return None
    return i + size, codes[0], i


def _written_as_unit(token: Token) -> bool:
    """A unit word is lower case, or capitalised in a title written in capitals ("a 30-Day
    Ban"); one capital letter is a name ("4-H")."""
    if token.is_lower:
        return True
    if len(token.text) == 1:
        return False
    span = token.sent if token.doc.has_annotation("SENT_START") else token.doc[:]
    sentence = [word for word in span if word.is_alpha and len(word) > 3]
    return sum(word.is_title or word.is_upper for word in sentence) * 2 > len(sentence)


def _spaced_symbol(doc: Doc, run: Run, table: UnitTable) -> _Suffix | None:
    """A case-sensitive symbol written apart: "35 C", "95 F", "700 Nm", "4.5 WAR", and
    a symbol of two letters or more that is no word ("50 Wh", "14 mGy", "4 TeV")."""
    tokens = doc[run.end : run.end + 2]
    text = tokens[0].text
    code = table.spaced.get(text)
    if code is None and len(text) > 1 and text not in GLUED_ONLY_SYMBOLS:
        code = table.symbols.get(text)
    if code is not None and not table.units[code].counted and _is_spaced_symbol(tokens):
        return run.end + 1, code, run.end
    return None


def _inch_abbreviation(doc: Doc, run: Run, table: UnitTable) -> _Suffix | None:
    """"in" after a number in digits is inches when a dimension or the end of the clause
    follows: "2 1/2 in thick", "a pencil 2 in." ("ranked 2 in the world" is no unit)."""
    if run.spelled or doc[run.end].lower_ not in ("in", "in."):
        return None
    following = doc[run.end + 1] if run.end + 1 < len(doc) else None
    closes = following is None or (following.is_punct and following.text not in "([")
    if closes or following.lower_ in DIMENSION_WORDS:
        return run.end + 1, "inch", run.end
    return None


SUFFIX_RULES: list[tuple[str, Callable[[Doc, Run, UnitTable], _Suffix | None]]] = [
    ("unit_words", _unit_words),
    ("currency_code", _currency_code_after),
    ("glued_symbol", _glued_symbol),
    ("glued_metres", _glued_metres),
    ("times", _times),
    ("hyphen_unit", _hyphen_unit),
    ("duration", _duration),
    ("hyphen_duration", _hyphen_duration),
    ("spaced_symbol", _spaced_symbol),
    ("inch_abbreviation", _inch_abbreviation),
]


def _words_at(doc: Doc, i: int, table: UnitTable) -> _Suffix | None:
    size, codes = measure_at(doc, i, table)
    if not size:
        return None
    code = resolve(doc, i, i + size, codes, table)[0]
    unit = table.units[code]
    last = unit.dimension == CURRENCY or code in _SHARES
    return i + size, code, (i + size - 1) if last else i


def measure_at(doc: Doc, i: int, table: UnitTable, *, counted: bool = False
               ) -> tuple[int, tuple[str, ...]]:
    """Return (tokens, candidate codes) of the longest unit written in words at ``doc[i]``;
    units of time only when ``counted`` (the duration and denominator rules read them)."""
    if i >= len(doc):
        return 0, ()
    first = doc[i]
    starts = table.first_words
    lower = first.lower_
    if lower not in starts and lower.rstrip(".") not in starts and (
            first.lemma_.lower() not in starts):
        return 0, ()
    tokens = doc[i : i + table.longest_words]
    lemmas = tuple(token.lemma_.lower() for token in tokens)
    # A sentence's full stop may stay on the last word: "per sq m."
    written = tuple(token.lower_.rstrip(".") or token.lower_ for token in tokens)
    lowered = tuple(token.lower_ for token in tokens)
    for size in range(len(tokens), 0, -1):
        for key in (lowered[:size], written[:size], lemmas[:size]):
            codes = table.words.get(key)
            if codes and _may_be_unit(tokens[0], size, codes, table, counted=counted):
                return size, codes
    return 0, ()


def _may_be_unit(token, size: int, codes: tuple[str, ...], table: UnitTable, *,
                 counted: bool) -> bool:
    units = [table.units[code] for code in codes]
    if not counted and all(unit.counted for unit in units):
        return False
    if size > 1:
        return True
    if all(unit.dimension == CURRENCY for unit in units):
        return token.lower_ not in table.noun_only or token.pos_ in ("NOUN", "PROPN")
    return codes[0] in _SHARES or token.pos_ in _UNIT_TAGS


def _is_spaced_symbol(tokens: Span) -> bool:
    """False when the capitals at ``tokens[0]`` are a word of a name or a headline: before a
    number ("40 W 57th St") or in a sentence written in capitals ("2 WAR HEROES HONOURED");
    an acronym after the symbol is the thing measured ("a 10 W USB-C adapter")."""
    if len(tokens) > 1 and tokens[1].text[:1].isdigit():
        return False
    sentence = [token for token in tokens[0].sent if token.is_alpha and len(token) > 1]
    return sum(token.is_upper for token in sentence) * 2 <= len(sentence)


def dimension_follows(doc: Doc, i: int) -> bool:
    """True before "long", "-high" or a conversion in brackets: "12m (39ft)", "10m-long"."""
    if i < len(doc) and doc[i].text in ("-", "‐") and not doc[i].whitespace_:
        i += 1
    return i < len(doc) and (doc[i].lower_ in DIMENSION_WORDS or doc[i].text == "(")


def _currency_after(doc: Doc, run: Run, suffix_end: int, table: UnitTable
                    ) -> tuple[int, str, str]:
    """A currency written after the number: a sign, as in much of Europe ("1,200€", "5 €"),
    or what a vague amount is of ("millions of dollars", "thousands of pesos")."""
    i = run.end
    if suffix_end != run.end or i >= len(doc):
        return suffix_end, "", ""
    if doc[i].text in table.signs and doc[i].text not in ("$",) and not doc[i].text.isalpha():
        return i + 1, table.signs[doc[i].text], "currency_sign_after"
    # "dozens of dollar stores" counts stores.
    if run.vague and doc[i].lower_ == "of" and i + 1 < len(doc) and doc[i + 1].dep_ != "compound":
        size, codes = measure_at(doc, i + 1, table)
        if size and table.units[codes[-1]].dimension == CURRENCY:
            currency = next(code for code in codes if table.units[code].dimension == CURRENCY)
            return i + 1 + size, currency, "vague_currency"
    return suffix_end, "", ""


def _dollar_country_after(doc: Doc, i: int, currency: str, table: UnitTable
                          ) -> tuple[int, str]:
    """A country written after a dollar amount names its dollar: "$60 U.S.", "$40 Cdn"."""
    if currency not in table.dollar_codes or i >= len(doc):
        return i, currency
    # "$5 US investors": the country word modifies the noun after it.
    word = doc[i]
    if word.text in table.dollar_after and word.head.i <= i:
        return i + 1, table.dollar_after[word.text]
    return i, currency


def _quote_code_after(doc: Doc, i: int, table: UnitTable) -> tuple[int, str]:
    """A market quote code after a number is part of it and names its currency when no sign
    does: "150.25 JPY=" is yen; the code in "$1.08 EUR=" is read past, not counted."""
    match = QUOTE_CODE.fullmatch(doc[i].text) if i < len(doc) else None
    if match is None or match["code"] not in table.codes:
        return i, ""
    return i + 1, match["code"]


def _fraction_of_measure(doc: Doc, run: Run, suffix_end: int, table: UnitTable
                         ) -> tuple[int, str, int]:
    """A fraction of a unit of measure is a measure, not a share: "1/8 of a US pint",
    "half a mile", "half an hour" -> (end token, unit of the measure, its token); else a
    share of a group."""
    i = run.end
    if i < len(doc) and doc[i].lower_ == "of":
        i += 1
    if i < len(doc) and doc[i].lower_ in ("a", "an"):
        i += 1
    # At most two modifiers before the unit: "a US pint", "an imperial fluid ounce"; a unit
    # of time is a measure too ("half an hour").
    for begin in range(i, min(i + 3, len(doc))):
        size, codes = measure_at(doc, begin, table, counted=True)
        unit = table.units[codes[0]] if size else None
        if unit is not None and unit.dimension != CURRENCY and (
                not unit.counted or unit.dimension == TIME):
            return begin + size, codes[0], begin + size - 1
        if doc[begin].pos_ not in ("ADJ", "PROPN") and doc[begin].dep_ != "compound":
            break
    return suffix_end, "fraction", run.unit_token


# --- what a price or measure is per -------------------------------------------------------


def _per_denominator(doc: Doc, end: int, unit: str, table: UnitTable) -> tuple[int, str]:
    """Extend a unit with what it is counted against: "$58 per barrel" -> "USD per barrel",
    "$15 an hour" -> "USD per hour", "a $70-a-share offer" -> "USD per share"."""
    per = end
    # "$70-a-share": the denominator glued with hyphens.
    if (end + 2 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
            and doc[end + 1].lower_ in PER_WORDS and doc[end + 2].text == "-"):
        per = end + 2
    if per + 1 >= len(doc) or (per == end and doc[per].lower_ not in PER_WORDS):
        return end, unit
    if unit in SPEEDS and doc[per + 1].lower_.rstrip(".") in HOUR_WORDS:
        return per + 2, SPEEDS[unit]
    size, codes = measure_at(doc, per + 1, table, counted=True)
    if size:
        # A price per pound is per pound of weight.
        measures = [code for code in codes if table.units[code].dimension != CURRENCY]
        code = (measures or list(codes))[0]
        denominator = table.units[code]
        if code in _AGES or code in RATE_UNITS:
            return end, unit
        if denominator.counted and lemma_at(doc, per + 1 + size) in TIME_RELATIONS:
            return end, unit
        return per + 1 + size, f"{unit} per {code}"
    following = doc[per + 1]
    for word in (following.lemma_.lower(), following.lower_):
        if word in table.denominators:
            return per + 2, f"{unit} per {table.denominators[word]}"
    return end, unit


# --- words that name several units ----------------------------------------------------------


def resolve(doc: Doc, start: int, end: int, codes: tuple[str, ...], table: UnitTable
            ) -> tuple[str, str]:
    """Return (code, rule name) for the unit words ``doc[start:end]`` that may name any of
    ``codes``: the first rule of ``AMBIGUITY_RULES`` that picks one, else the first code."""
    if len(codes) == 1:
        return codes[0], ""
    money = [code for code in codes if table.units[code].dimension == CURRENCY]
    matter = [code for code in codes if table.units[code].dimension != CURRENCY]
    if not money or not matter:
        return codes[0], "table_order"
    for name, rule in AMBIGUITY_RULES:
        verdict = rule(doc, start, end)
        if verdict is not None:
            return (money if verdict else matter)[0], name
    return codes[0], "table_order"


def _modified_noun(doc: Doc, start: int, end: int) -> bool | None:
    """The noun the unit describes: "a twenty-pound bag" (matter), "a five-pound note"
    (money)."""
    if end >= len(doc) or doc[end].pos_ != "NOUN" or doc[end].tag_ not in ("NN", "NNS"):
        return None
    return doc[end].lemma_.lower() in _MONEY_WORDS


def _of_what(doc: Doc, start: int, end: int) -> bool | None:
    """The noun after "of": "pounds of profit" (money), "pounds of cocaine" (matter)."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    for token in doc[end + 1 : end + 5]:
        if token.pos_ in ("NOUN", "PROPN"):
            return token.lemma_.lower() in _MONEY_WORDS or token.lower_ in _MONEY_WORDS
    return None


def _context_words(doc: Doc, start: int, end: int) -> bool | None:
    """Money words or weight words elsewhere in the sentence, but not both."""
    sentence = doc[start].sent
    lemmas = {token.lemma_.lower() for token in sentence} | {token.lower_ for token in sentence}
    money, matter = bool(lemmas & _MONEY_WORDS), bool(lemmas & _MATTER_WORDS)
    return money if money != matter else None


def _money_multiplier(doc: Doc, start: int, end: int) -> bool | None:
    """"2 billion pounds": amounts in millions and billions are money more often."""
    before = doc[start - 1].lower_ if start > 0 else ""
    return True if before in ("million", "billion", "trillion", "bn", "mn") else None


AMBIGUITY_RULES: list[tuple[str, Callable[[Doc, int, int], bool | None]]] = [
    ("modified_noun", _modified_noun),
    ("of_what", _of_what),
    ("context_words", _context_words),
    ("money_multiplier", _money_multiplier),
]
