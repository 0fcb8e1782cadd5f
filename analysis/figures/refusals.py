"""Refusals: what looks like a number but is not a claim (years, dates, names, codes, ...)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from analysis.figures.lexicon import (
    ABBREVIATION,
    CLOCK_WORDS,
    CODE_LABELS,
    DEFINITE_DETERMINERS,
    EMPHASIS,
    IDENTIFIER_WORDS,
    IDIOM_OPENERS,
    INDEX_NAMES,
    LIST_BULLETS,
    LONG_DIGITS,
    LOWER_IDENTIFIER_WORDS,
    MONTHS,
    PERIOD_ORDINALS,
    RANK_WORDS,
    SCALES,
    STREET_WORDS,
    THOUSANDS,
    TIME_DEICTICS,
    TIME_NOUNS,
    TIME_RELATIONS,
    WHEN_NOUNS,
    YEARLY_RESULTS,
    lemma_at,
)
from analysis.figures.rates import rate_period
from analysis.figures.records import Claim, Run
from analysis.figures.unit_table import UnitTable


@dataclass(frozen=True, slots=True)
class Candidate:
    """A claim on its way to become figures, with what the refusals look at."""

    doc: Doc
    claim: Claim
    noun: Token | None
    unit: str
    phones: list[tuple[int, int]]
    text: str
    table: UnitTable


def refusal(candidate: Candidate) -> str:
    """The name of the first refusal in ``REFUSALS`` that drops ``candidate``, else ""."""
    for name, refuses in REFUSALS:
        if refuses(candidate):
            return name
    return ""


def _is_list_marker(doc: Doc, claim: Claim, text: str) -> bool:
    run = claim.runs[0]
    if len(claim.runs) > 1 or run.end - run.start != 1 or run.spelled:
        return False
    after = doc[run.end].text if run.end < len(doc) else ""
    before = doc[run.start - 1].text if run.start > 0 else ""
    if before == "(" and after == ")" and run.value < 100:
        # "Clinton (68)": an age in brackets after a person's name.
        return run.unit != "years old"
    line_start = text.rfind("\n", 0, doc[run.start].idx) + 1
    lead = text[line_start : doc[run.start].idx]
    return after in (".", ")") and all(char.isspace() or char in LIST_BULLETS for char in lead)


def _is_phone_number(doc: Doc, claim: Claim, phones: list[tuple[int, int]]) -> bool:
    start = doc[claim.runs[0].start].idx
    end = doc[claim.runs[-1].end - 1].idx + len(doc[claim.runs[-1].end - 1])
    return any(start < phone_end and phone_start < end for phone_start, phone_end in phones)


def _is_name_or_code(doc: Doc, claim: Claim, text: str, table: UnitTable) -> bool:
    """Digits glued to letters are names or codes, not counts: "COVID-19", "F-16", "4-H"; a
    unit after a hyphen ("a 30-day ban", "a 5-mile fence") was read with the number."""
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
    unit_after = _is_unit_word_after(doc, last, table)
    return glued_before or (glued_after and not unit_written and not unit_after)


def _is_spaced_code(doc: Doc, run: Run) -> bool:
    """A hyphen and digits after an acronym, with a stray space: "F -16", "G -7"."""
    i = run.prefix_start
    if i == 0 or run.unit or not doc[i].text.startswith(("-", "‐")):
        return False
    previous = doc[i - 1]
    return previous.is_upper and previous.is_alpha and bool(previous.whitespace_)


def _is_unit_word_after(doc: Doc, run: Run, table: UnitTable) -> bool:
    """True for "10-percent" or "$4-billion", where the glued word is a unit or multiplier."""
    i = run.suffix_end + 1
    if i >= len(doc):
        return False
    word = doc[i].lower_
    codes = table.words.get((word,)) or table.words.get((doc[i].lemma_.lower(),)) or ()
    return (word in SCALES or word in ("percent", "fold")
            or any(table.is_currency(code) for code in codes))


def _is_identifier(doc: Doc, claim: Claim, *, noun: Token | None, unit: str) -> bool:
    """A number after a label word is an identifier: "Title 42", "H.R. 1", "Section 8"."""
    i = claim.runs[0].prefix_start - 1
    # A lone capital after the number is a letter of the name ("Section 3 C", "Type 2 C"),
    # not a symbol, after a label.
    unit_token = claim.runs[-1].unit_token
    letter = unit_token >= 0 and len(doc[unit_token].text) == 1 and doc[unit_token].is_upper
    if i < 0 or (unit and not letter) or not doc[i].whitespace_:
        return False
    previous = doc[i]
    if previous.text in ("#", "No.", "no.", "Nr.") or ABBREVIATION.fullmatch(previous.text):
        return True
    # "the No. 2": the tokenizer may split "No." from its full stop.
    if previous.text == "." and i > 0 and not doc[i - 1].whitespace_ and doc[i - 1].text in (
            "No", "Nos", "Nr"):
        return True
    capitalised = previous.is_title or previous.is_upper
    if (capitalised and previous.lower_ in IDENTIFIER_WORDS) or (
        previous.lower_ in LOWER_IDENTIFIER_WORDS
    ):
        return True
    if _is_product_name(previous) or _is_code_label_after(doc, claim.runs[-1]):
        return True
    # "the sp 500", "ftse 100": index names keep their number in text written in lower case.
    if previous.lower_ in INDEX_NAMES and doc[claim.runs[0].start].text.isdigit():
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


def _is_model_name(doc: Doc, claim: Claim, *, noun: Token | None, unit: str) -> bool:
    """Digits between a capitalised name and a singular noun name a model, not a count:
    "his Boeing 757 airliner" (a count takes the plural: "757 jets")."""
    run = claim.runs[0]
    if noun is None or unit or len(claim.runs) > 1 or run.spelled or noun.tag_ != "NN":
        return False
    if run.end - run.start != 1 or run.value <= 1 or run.prefix_start == 0:
        return False
    previous = doc[run.prefix_start - 1]
    return (previous.pos_ == "PROPN" and previous.is_title and previous.head == noun
            and previous.dep_ == "compound")


def _is_product_name(token: Token) -> bool:
    """A word in camel case that starts lower-case ("iPhone", "eGolf") names a product."""
    text = token.text
    return text[:1].islower() and text.isalpha() and any(char.isupper() for char in text[1:])


def _is_code_label_after(doc: Doc, run: Run) -> bool:
    """A number before "ZIP code", "area code" or "postcode" is that code, not a count."""
    words = [token.lower_ for token in doc[run.suffix_end : run.suffix_end + 2]]
    return bool(words) and (words[0] in CODE_LABELS or words[-1] == "code")


def _is_street_address(doc: Doc, claim: Claim, *, unit: str) -> bool:
    """A house number before a capitalised street name: "31 Oak Lane", "12 W 54th St"."""
    run = claim.runs[-1]
    if unit or len(claim.runs) > 1 or run.spelled or "." in doc[run.start].text:
        return False
    for i in range(run.suffix_end, min(run.suffix_end + 4, len(doc))):
        token = doc[i]
        if not (token.is_title or token.is_upper or token.text[:1].isdigit()):
            return False
        if i > run.suffix_end and token.lower_.rstrip(".") in STREET_WORDS:
            return True
    return False


def _name_follows(doc: Doc, claim: Claim, *, tags: tuple[str, ...]) -> bool:
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


def _is_date_or_time(doc: Doc, claim: Claim, *, noun: Token | None, unit: str) -> bool:
    """Years, "December 30", "March 08, 2019", "10 p.m." and NER dates that count nothing."""
    first, last = claim.runs[0], claim.runs[-1]
    if any(_is_year(doc, run, noun=noun, unit=unit) for run in claim.runs):
        return True
    before = doc[first.prefix_start - 1].text if first.prefix_start > 0 else ""
    after = doc[last.suffix_end].text if last.suffix_end < len(doc) else ""
    if before.rstrip(".") in MONTHS or after.rstrip(".") in MONTHS:
        return True
    if after.lower() in CLOCK_WORDS:
        return True
    tokens = [doc[i] for run in claim.runs for i in range(run.start, run.end)]
    in_date = any(token.ent_type_ in ("DATE", "TIME") for token in tokens)
    # A period in digits is a figure even when NER tags it a date: "every 33 years".
    period = not last.spelled and lemma_at(doc, last.suffix_end) in TIME_NOUNS
    # Thousands separators ("1,902.10") and five or more digits ("48213") write amounts,
    # never dates or times.
    grouped = any(THOUSANDS.search(token.text) or LONG_DIGITS.search(token.text)
                  for token in tokens)
    # "rose to 36 last season": NER stretches the date of the time phrase over the number.
    told_when = (lemma_at(doc, last.suffix_end) in TIME_DEICTICS
                 and lemma_at(doc, last.suffix_end + 1) in WHEN_NOUNS)
    return in_date and not unit and noun is None and not (period or grouped or told_when)


def _is_year(doc: Doc, run: Run, *, noun: Token | None, unit: str) -> bool:
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


def _is_yearly_result(doc: Doc, run: Run, noun: Token) -> bool:
    """"the drug's 2019 sales", "its 2019 earnings", "the 2020 results": a year between an
    owner or article and a result noun dates the results ("recorded 1500 sales" counts)."""
    if noun.lemma_.lower() not in YEARLY_RESULTS or not 1900 <= run.value <= 2100:
        return False
    previous = doc[run.start - 1] if run.start > 0 else None
    return previous is not None and (
        previous.tag_ in ("PRP$", "POS", "NNP") or previous.lower_ == "the"
    )


def _is_time_idiom(doc: Doc, claim: Claim, *, noun: Token | None, unit: str) -> bool:
    """A spelled number in an idiom of time measures nothing: "half the time" (often), "the
    first half of the year" (a part of a period, like "the first quarter"), and "one day"
    opening a clause or before its verb ("One day, she left", "until one day he called",
    "he will one day return", "to one day see peace": someday, once), read on word order
    (the parser often takes "day" for a noun's modifier). Durations stay figures: "it
    lasted one day", "one day later", "one day after the vote", "just one day", "one day a
    week"."""
    run = claim.runs[-1]
    if len(claim.runs) > 1 or not run.spelled or claim.qualifier:
        return False
    if run.value < 1:
        before = doc[run.prefix_start - 1].lower_ if run.prefix_start > 0 else ""
        return before in PERIOD_ORDINALS or (noun is not None and noun.lemma_.lower() == "time")
    if doc[run.start].lower_ != "one" or run.end - run.start != 1 or run.unit_token != run.end:
        return False
    if doc[run.end].lemma_.lower() not in TIME_NOUNS:
        return False
    after = doc[run.end + 1] if run.end + 1 < len(doc) else None
    if after is None or after.lower_ in TIME_RELATIONS or after.lower_ in ("'s", "’s"):
        return False
    if rate_period(doc, claim, noun=noun):
        return False
    i = run.prefix_start
    sentence_start = doc[i].sent.start if doc.has_annotation("SENT_START") else 0
    before = doc[i - 1] if i > sentence_start else None
    if before is not None and before.tag_ == "MD":
        return True
    if before is not None and before.lower_ == "to":
        return after.tag_ == "VB" or after.pos_ in ("VERB", "AUX")
    opens_clause = before is None or before.lower_ in IDIOM_OPENERS or before.text in ",;:—–"
    return opens_clause and (after.text == "," or after.pos_ in ("PRON", "DET", "PROPN", "NOUN"))


def _is_bare_one(doc: Doc, claim: Claim, *, noun: Token | None, unit: str) -> bool:
    """A lone "one" is a pronoun or article ("One of the officials", "one Mexican official").

    A lone spelled "one" is a figure only with a qualifier, a unit, a rate or an emphasis
    ("only one scheduled flight each week").
    """
    run = claim.runs[0]
    if len(claim.runs) > 1 or run.end - run.start != 1 or doc[run.start].lower_ != "one":
        return False
    emphasised = run.prefix_start > 0 and doc[run.prefix_start - 1].lower_ in EMPHASIS
    has_rate = bool(rate_period(doc, claim, noun=noun))
    return not (claim.qualifier or unit or has_rate or emphasised)


def _is_definite_reference(doc: Doc, claim: Claim, *, noun: Token | None) -> bool:
    """Spelled numbers in a definite noun phrase ("the two presidents", "our two countries")
    refer back to known things rather than claim a count. Digits ("the 11 flights") and
    measures ("the past two years", "the last five miles") stay."""
    run = claim.runs[0]
    if len(claim.runs) > 1 or not run.spelled or run.vague or run.scale > 1:
        return False
    # A measure refers to no known things: "the past two years", "the last five miles".
    if run.unit not in ("", "fraction"):
        return False
    if noun is None:
        return _is_definite_group(doc, claim)
    for child in noun.children:
        if child.i >= run.start:
            continue
        if child.dep_ == "poss" or (child.dep_ == "det" and child.lower_ in DEFINITE_DETERMINERS):
            return True
    return False


def _is_definite_group(doc: Doc, claim: Claim) -> bool:
    """A spelled number standing for a known group: "the three were freed", "the top two",
    "slipped into the bottom three"."""
    i = claim.runs[0].prefix_start - 1
    if claim.qualifier or i < 0:
        return False
    if doc[i].lower_ in RANK_WORDS and i > 0:
        i -= 1
    return doc[i].lower_ in DEFINITE_DETERMINERS or doc[i].tag_ == "PRP$"


def _is_lone_half(claim: Claim, *, noun: Token | None, unit: str) -> bool:
    """A lone "half" counts only with something to be half of ("half of the migrants",
    "half a mile")."""
    run = claim.runs[0]
    has_whole = noun is not None or unit not in ("", "fraction")
    return run.value == 0.5 and run.spelled and not has_whole and not claim.qualifier



REFUSALS: list[tuple[str, Callable[[Candidate], bool]]] = [
    ("list_marker", lambda c: _is_list_marker(c.doc, c.claim, c.text)),
    ("phone_number", lambda c: _is_phone_number(c.doc, c.claim, c.phones)),
    ("name_or_code", lambda c: _is_name_or_code(c.doc, c.claim, c.text, c.table)),
    ("identifier", lambda c: _is_identifier(c.doc, c.claim, noun=c.noun, unit=c.unit)),
    ("model_name", lambda c: _is_model_name(c.doc, c.claim, noun=c.noun, unit=c.unit)),
    ("street_address", lambda c: _is_street_address(c.doc, c.claim, unit=c.unit)),
    ("date_or_time", lambda c: _is_date_or_time(c.doc, c.claim, noun=c.noun, unit=c.unit)),
    ("time_idiom", lambda c: _is_time_idiom(c.doc, c.claim, noun=c.noun, unit=c.unit)),
    ("bare_one", lambda c: _is_bare_one(c.doc, c.claim, noun=c.noun, unit=c.unit)),
    ("definite_reference", lambda c: _is_definite_reference(c.doc, c.claim, noun=c.noun)),
    ("lone_half", lambda c: _is_lone_half(c.claim, noun=c.noun, unit=c.unit)),
]
"""The refusals in the order they are tried; each function's docstring names its class."""
