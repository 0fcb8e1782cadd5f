"""Units and currencies attached to a number run: signs, codes, words, symbols, ages, rates."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from analysis.figures.lexicon import (
    AGE_NOUNS,
    APPROXIMATIONS,
    CURRENCY_ADJECTIVES,
    CURRENCY_CODES,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    DENOMINATORS,
    DIMENSION_WORDS,
    DOLLAR_COUNTRIES,
    DOLLAR_COUNTRY_WORDS,
    DOLLAR_CURRENCIES,
    EXPECTANCY_WINDOW,
    GLUED_UNITS,
    HOUR_WORDS,
    LONGEST_MEASURE,
    MEASURES,
    MULTIWORD_MEASURES,
    PER_WORDS,
    PERCENT_WORDS,
    POINT_WORDS,
    QUOTE_CODE,
    SPACED_SYMBOLS,
    SPEEDS,
    TIME_DENOMINATORS,
    TIME_RELATIONS,
)
from analysis.figures.records import Run
from analysis.figures.refusals import lemma_at


def attach_units(doc: Doc, run: Run) -> Run:
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


def coordinated_units(doc: Doc, runs: list[Run]) -> list[Run]:
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


def _fraction_of_measure(doc: Doc, run: Run, suffix_end: int) -> tuple[int, str, int]:
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


def _currency_prefix(doc: Doc, run: Run) -> tuple[int, str]:
    i = run.start - 1
    if i >= 0 and doc[i].text in CURRENCY_SIGNS:
        country = doc[i - 1].text if i > 0 else ""
        # "A $5 fee" is an article, "HK $5" and "A$5" are currencies.
        spaced_ok = len(country) > 1 or not doc[i - 1].whitespace_
        if doc[i].text == "$" and country in DOLLAR_COUNTRIES and spaced_ok:
            return i - 1, DOLLAR_COUNTRIES[country]
        return i, CURRENCY_SIGNS[doc[i].text]
    if i >= 0 and doc[i].text in CURRENCY_CODES:
        return i, doc[i].text
    return run.start, ""


def _currency_after(doc: Doc, run: Run, suffix_end: int) -> tuple[int, str]:
    """A currency written after the number: a sign, as in much of Europe ("1,200€", "5 €"),
    or what a vague amount is of ("millions of dollars", "thousands of pesos")."""
    i = run.end
    if suffix_end != run.end or i >= len(doc):
        return suffix_end, ""
    if doc[i].text in ("€", "£", "¥"):
        return i + 1, CURRENCY_SIGNS[doc[i].text]
    # "dozens of dollar stores" counts stores.
    if run.vague and doc[i].lower_ == "of" and i + 1 < len(doc) and doc[i + 1].dep_ != "compound":
        currency = CURRENCY_WORDS.get(doc[i + 1].lemma_.lower(), "")
        if currency:
            return i + 2, currency
    return suffix_end, ""


def _dollar_country_after(doc: Doc, i: int, currency: str) -> tuple[int, str]:
    """A country written after a dollar amount names its dollar: "$60 U.S.", "$40 Cdn"."""
    if currency not in DOLLAR_CURRENCIES or i >= len(doc):
        return i, currency
    # "$5 US investors": the country word modifies the noun after it.
    word = doc[i]
    if word.text in DOLLAR_COUNTRY_WORDS and word.head.i <= i:
        return i + 1, DOLLAR_COUNTRY_WORDS[word.text]
    return i, currency


def _quote_code_after(doc: Doc, i: int) -> tuple[int, str]:
    """A market quote code after a number is part of it and names its currency when no sign
    does: "150.25 JPY=" is yen; the code in "$1.08 EUR=" is read past, not counted."""
    match = QUOTE_CODE.fullmatch(doc[i].text) if i < len(doc) else None
    if match is None or match["code"] not in CURRENCY_CODES:
        return i, ""
    return i + 1, match["code"]


def _age(doc: Doc, run: Run) -> str:
    """"years old" for a whole number that gives an age, apposed or predicated."""
    return _apposed_age(doc, run) or _predicated_age(doc, run)


def _predicated_age(doc: Doc, run: Run) -> str:
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
    age = subject.lemma_.lower() in AGE_NOUNS and verb.lemma_.lower() == "be"
    return "years old" if person or age else ""


def _is_life_expectancy(doc: Doc, run: Run) -> bool:
    """"life expectancy in the region is around 78", read on word order (the parser
    may not take the number for the attribute): "expectancy" in the few words before a
    form of "be" right before the number, with no other number between; "is 3 years"
    counts years."""
    if run.end < len(doc) and doc[run.end].pos_ == "NOUN":
        return False
    i = run.start - 1
    while i >= 0 and doc[i].lower_ in APPROXIMATIONS:
        i -= 1
    if i < 0 or doc[i].lemma_ != "be":
        return False
    window = doc[max(i - EXPECTANCY_WINDOW, doc[i].sent.start) : i]
    if any(token.like_num for token in window):
        return False
    return any(token.lower_ == "expectancy" for token in window)


def _apposed_age(doc: Doc, run: Run) -> str:
    """A whole number set off by commas after a name is an age: "Senard, 65, said"."""
    start, end = run.start, run.end
    if end - start != 1 or run.spelled or start < 2 or end >= len(doc):
        return ""
    if doc[start - 1].text != "," or doc[end].text != "," or doc[start - 2].pos_ != "PROPN":
        return ""
    return "years old" if doc[start].text.isdigit() and 0 < run.value < 120 else ""


def _per_denominator(doc: Doc, end: int, unit: str) -> tuple[int, str]:
    """Extend a unit with what it is counted against: "$58 per barrel" -> "USD per barrel"."""
    if end + 1 >= len(doc) or doc[end].lower_ not in PER_WORDS:
        return end, unit
    if unit in SPEEDS and doc[end + 1].lower_.rstrip(".") in HOUR_WORDS:
        return end + 2, SPEEDS[unit]
    size, measure = _measure_at(doc, end + 1)
    if size and measure not in ("years old", "months old", "weeks old", "days old"):
        return end + 1 + size, f"{unit} per {measure}"
    following = doc[end + 1]
    for word in (following.lemma_.lower(), following.lower_):
        if word in DENOMINATORS:
            return end + 2, f"{unit} per {DENOMINATORS[word]}"
        if word in TIME_DENOMINATORS and lemma_at(doc, end + 2) not in TIME_RELATIONS:
            return end + 2, f"{unit} per {TIME_DENOMINATORS[word]}"
    return end, unit


def _measure_at(doc: Doc, i: int) -> tuple[int, str]:
    """Return (tokens, unit code) of a unit of measure written as words at ``doc[i]``."""
    tokens = doc[i : i + LONGEST_MEASURE]
    lemmas = tuple(token.lemma_.lower() for token in tokens)
    # A sentence's full stop may stay on the last word: "per sq m."
    words = tuple(token.lower_.rstrip(".") or token.lower_ for token in tokens)
    for size in range(len(tokens), 1, -1):
        for key in (lemmas[:size], words[:size]):
            if key in MULTIWORD_MEASURES:
                return size, MULTIWORD_MEASURES[key]
    if tokens and tokens[0].text in SPACED_SYMBOLS and _is_spaced_symbol(tokens):
        return 1, SPACED_SYMBOLS[tokens[0].text]
    # A unit word before a noun may be tagged an adjective ("sub-5 nanometer chips").
    if not tokens or tokens[0].pos_ not in ("NOUN", "PROPN", "NUM", "X", "ADJ"):
        return 0, ""
    for key in (lemmas[0], words[0]):
        if key in MEASURES:
            return 1, MEASURES[key]
    return 0, ""


def _is_spaced_symbol(tokens: Span) -> bool:
    """False when the capitals at ``tokens[0]`` are a word of a name or a headline: before a
    number ("40 W 57th St") or in a sentence written in capitals ("2 WAR HEROES HONOURED");
    an acronym after the symbol is the thing measured ("a 10 W USB-C adapter")."""
    if len(tokens) > 1 and tokens[1].text[:1].isdigit():
        return False
    words = [token for token in tokens[0].sent if token.is_alpha and len(token) > 1]
    return sum(token.is_upper for token in words) * 2 <= len(words)


def _unit_suffix(doc: Doc, run: Run) -> tuple[int, str, int]:
    """Return (end token, unit, unit token or -1) for a unit written after the number."""
    words = tuple(token.lower_ for token in doc[run.end : run.end + 2])
    lemmas = tuple(token.lemma_.lower() for token in doc[run.end : run.end + 2])
    for size in range(len(words), 0, -1):
        if words[:size] in POINT_WORDS:
            return run.end + size, "percentage point", run.end + size - 1
        if words[:size] in PERCENT_WORDS:
            return run.end + size, "percent", run.end + size - 1
        if size == 2 and lemmas[:2] in CURRENCY_ADJECTIVES:
            return run.end + 2, CURRENCY_ADJECTIVES[lemmas[:2]], run.end + 1
    if not lemmas:
        return run.end, "", -1
    if doc[run.end].text in CURRENCY_CODES:
        return run.end + 1, doc[run.end].text, -1
    if lemmas[0] in CURRENCY_WORDS or words[0] in CURRENCY_WORDS:
        return run.end + 1, CURRENCY_WORDS.get(lemmas[0]) or CURRENCY_WORDS[words[0]], run.end
    glued = not doc[run.end - 1].whitespace_
    # The tokenizer splits "45g." and "10m." at the end of a sentence into two tokens.
    symbol = doc[run.end].text.rstrip(".") if glued else ""
    if symbol in GLUED_UNITS and doc[run.end].text != ".":
        return run.end + 1, GLUED_UNITS[symbol], run.end
    if symbol == "m" and dimension_follows(doc, run.end + 1):
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


def dimension_follows(doc: Doc, i: int) -> bool:
    """True before "long", "-high" or a conversion in brackets: "12m (39ft)", "10m-long"."""
    if i < len(doc) and doc[i].text in ("-", "‐") and not doc[i].whitespace_:
        i += 1
    return i < len(doc) and (doc[i].lower_ in DIMENSION_WORDS or doc[i].text == "(")

