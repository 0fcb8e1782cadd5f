"""Number runs: digits, number words, multipliers, fractions ("2.5 million", "two dozen",
"7 3/4", "¾", "hundreds of thousands"), with a currency sign or unit glued to them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from analysis.figures.lexicon import (
    DENOMINATOR_WORDS,
    DIGIT_FRACTION,
    GLUED_DIMENSION,
    GLUED_UNIT,
    HAS_DIGIT,
    MINUS,
    RUN_START_WORDS,
    SCALES,
    SMALL,
    SUFFIX_SCALES,
    SUFFIXES_NEEDING_CURRENCY,
    TENS,
    TRANSLITERATED,
    TRANSLITERATED_SIGNS,
    VAGUE_SCALES,
    VAGUE_SMALL,
    VIDEO_LINES,
    VULGAR,
    VULGAR_FRACTIONS,
)
from analysis.figures.records import Piece, Run
from analysis.figures.unit_table import UnitTable
from analysis.figures.units import dimension_follows, measure_at


def number_runs(doc: Doc, table: UnitTable) -> Iterator[Run]:
    """Yield the runs of number tokens in ``doc``, left to right; signs, codes and units
    glued to a number (``table``) are read with it."""
    # One pass over the words first: most tokens cannot start a number, and reading a token
    # from the Doc costs more than the test.
    starts = [token.i for token in doc if _may_start_run(token.lower_)]
    i = 0
    for start in starts:
        if start < i:
            continue
        i = start
        fraction = _fraction_run(doc, i, table)
        if fraction is not None:
            yield fraction
            i = fraction.end
        elif _starts_run(doc, i, table):
            end = _run_end(doc, i, table)
            run = _value_run(doc, i, end, table)
            if run is not None:
                yield run
            i = max(end, i + 1)


def _may_start_run(lower: str) -> bool:
    """False for a word that starts neither a number nor a fraction (most words)."""
    return lower in RUN_START_WORDS or HAS_DIGIT.search(lower) is not None


def _fraction_run(doc: Doc, i: int, table: UnitTable) -> Run | None:
    """A share written as a fraction before "of": "two-thirds of", "a quarter of", "1/16 of",
    or "one out of three" (before the group). Its unit is ``fraction``."""
    numerator, spelled = None, True
    vulgar = VULGAR.fullmatch(doc[i].text)
    if vulgar and not vulgar["whole"] and i + 1 < len(doc) and doc[i + 1].lower_ == "of":
        value = VULGAR_FRACTIONS[vulgar["fraction"]]
        return Run(i, i + 1, value, 1.0, spelled=False, vague=False, unit="fraction")
    digits = DIGIT_FRACTION.fullmatch(doc[i].text)
    if digits and i + 1 < len(doc) and doc[i + 1].lower_ == "of":
        value = float(digits["numerator"]) / float(digits["denominator"] or "0")
        if 0 < value < 1:
            return Run(i, i + 1, value, 1.0, spelled=False, vague=False, unit="fraction")
        return None
    lower = doc[i].lower_
    if lower in ("a", "an", "one"):
        numerator = 1.0
    elif lower in SMALL or lower in TENS:
        numerator = float(SMALL.get(lower) or TENS[lower])
    elif table.amount.fullmatch(doc[i].text) and doc[i].text.isdigit():
        numerator, spelled = float(doc[i].text), False
    if numerator is None:
        return None
    j = i + 1
    if j < len(doc) and doc[j].text in ("-", "‐") and _tight(doc, j):
        j += 1
    if j + 1 < len(doc) and doc[j].lower_ in DENOMINATOR_WORDS and doc[j + 1].lower_ == "of":
        if spelled:
            value = numerator / DENOMINATOR_WORDS[doc[j].lower_]
            return Run(i, j + 1, value, 1.0, spelled=True, vague=False, unit="fraction")
        return None
    if i + 3 < len(doc) and (doc[i + 1].lower_, doc[i + 2].lower_) == ("out", "of"):
        whole = doc[i + 3]
        total = SMALL.get(whole.lower_) or TENS.get(whole.lower_)
        if total is None and whole.text.isdigit():
            total = int(whole.text)
        if total and numerator < total:
            value = numerator / total
            return Run(i, i + 4, value, 1.0, spelled=spelled, vague=False, unit="fraction")
    return None


def _piece(token: Token, table: UnitTable, *, currency_before: bool = False) -> Piece | None:
    lower = token.lower_
    # Most tokens asked about are words: no pattern below can match a word without a digit.
    if HAS_DIGIT.search(lower) is None:
        return _word_piece(lower)
    match = table.amount.fullmatch(token.text)
    # A sentence's full stop the tokenizer left on a multiplier: "$2.174T.", "€4bn."
    if match is None and token.text.endswith("."):
        match = table.amount.fullmatch(token.text[:-1])
        match = match if match is not None and match["suffix"] else None
    if match and _is_glued_metres(match, token, table):
        return Piece("digits", float(match["number"].replace(",", "")), unit="m")
    if match:
        return _digits_piece(match, table, currency_before=currency_before)
    transliterated = _transliterated(token.text)
    if transliterated is not None:
        return transliterated
    glued = GLUED_UNIT.fullmatch(GLUED_DIMENSION.sub("", token.text))
    if glued and glued["unit"] == "p" and glued["number"] in VIDEO_LINES:
        return None
    if glued and glued["unit"] in table.symbols:
        value = float(glued["number"].replace(",", "")) * (-1 if glued["sign"] in MINUS else 1)
        return Piece("digits", value, unit=table.symbols[glued["unit"]])
    vulgar = VULGAR.fullmatch(token.text)
    if vulgar:
        value = float(vulgar["whole"] or 0) + VULGAR_FRACTIONS[vulgar["fraction"]]
        # "5 ½ years": a vulgar fraction alone joins a whole number before it.
        kind = "fraction" if not vulgar["whole"] and not vulgar["sign"] else "digits"
        return Piece(kind, -value if vulgar["sign"] in MINUS else value)
    fraction = DIGIT_FRACTION.fullmatch(token.text)
    if fraction and 0 < int(fraction["numerator"]) < int(fraction["denominator"]):
        return Piece("fraction", int(fraction["numerator"]) / int(fraction["denominator"]))
    dollars = table.dollar_amount.fullmatch(token.text) if currency_before else None
    if dollars:
        value = float(dollars["number"].replace(",", ""))
        value *= SUFFIX_SCALES.get((dollars["suffix"] or "").lower(), 1)
        return Piece("digits", value, currency=table.dollar_before[dollars["country"]])
    return None


def _word_piece(lower: str) -> Piece | None:
    """A number word: "two", "twenty", "hundred", "dozen", "million", "dozens", "half", "a"."""
    if lower in SMALL:
        return Piece("small", SMALL[lower])
    if lower in TENS:
        return Piece("tens", TENS[lower])
    if lower == "hundred":
        return Piece("hundred", 100)
    if lower == "dozen":
        return Piece("dozen", 12)
    if lower in SCALES:
        return Piece("scale", SCALES[lower])
    if lower in VAGUE_SMALL or lower in VAGUE_SCALES:
        return Piece("vague", VAGUE_SMALL.get(lower) or VAGUE_SCALES[lower])
    if lower == "half":
        return Piece("half", 0.5)
    if lower in ("a", "an"):
        return Piece("a", 1)
    return None


def _is_glued_metres(match: re.Match[str], token: Token, table: UnitTable) -> bool:
    """A glued "m" with no currency before a dimension is metres: "10m-long", "12m (39ft)"."""
    if match["suffix"] != "m" or match["currency"] or match["sign"]:
        return False
    return not _has_currency_before(token.doc, token.i, table) and dimension_follows(
        token.doc, token.i + 1
    )


def _digits_piece(match: re.Match[str], table: UnitTable, *, currency_before: bool
                  ) -> Piece | None:
    currency = match["currency"] or ""
    suffix = (match["suffix"] or "").lower()
    # A capital M after a decimal is a million even without a currency ("4.3M sales");
    # a lower-case m may be metres, and "3M" is a company.
    million = match["suffix"] == "M" and "." in match["number"]
    if suffix in SUFFIXES_NEEDING_CURRENCY and not (currency or currency_before or million):
        return None
    value = float(match["number"].replace(",", "")) * SUFFIX_SCALES.get(suffix, 1)
    value = -value if match["sign"] in MINUS else value
    sign = table.signs.get(currency) or table.glued_signs.get(currency)
    return Piece("digits", value, currency=sign or currency)


def _transliterated(text: str) -> Piece | None:
    match = TRANSLITERATED.fullmatch(text)
    if match is None:
        return None
    number, suffix = match["number"], (match["suffix"] or "").lower()
    value = float(number.replace(",", "")) * SUFFIX_SCALES.get(suffix, 1)
    if match["currency"] == "PS" and not (suffix or "," in number or "." in number or value >= 10):
        return None
    return Piece("digits", value, currency=TRANSLITERATED_SIGNS[match["currency"]])


def _has_currency_before(doc: Doc, i: int, table: UnitTable) -> bool:
    return i > 0 and doc[i - 1].text in table.signs


def _starts_run(doc: Doc, i: int, table: UnitTable) -> bool:
    piece = _piece(doc[i], table, currency_before=_has_currency_before(doc, i, table))
    if piece is None:
        return False
    if piece.kind == "a":
        following = _piece(doc[i + 1], table) if i + 1 < len(doc) else None
        return following is not None and following.kind in ("hundred", "dozen", "scale", "half")
    # "1/4 inch", "3/4-mile": a fraction in digits alone is a figure only before a unit
    # (a vulgar one, "½", is never a date).
    if piece.kind != "fraction" or VULGAR.fullmatch(doc[i].text):
        return True
    return _unit_follows(doc, i + 1, table)


def _run_end(doc: Doc, start: int, table: UnitTable) -> int:
    end = start + 1
    while end < len(doc):
        step = _continuation(doc, end, table)
        if step == 0:
            break
        end += step
    return end


def _continuation(doc: Doc, i: int, table: UnitTable) -> int:
    """Return how many tokens from ``doc[i]`` continue the run ending at ``doc[i - 1]``."""
    last = _piece(doc[i - 1], table, currency_before=_has_currency_before(doc, i - 1, table))
    piece = _piece(doc[i], table)
    after = _piece(doc[i + 1], table) if i + 1 < len(doc) else None
    if last is None or last.unit:
        return 0
    if piece is not None:
        return 1 if _joins(last, piece, doc, i, table) else 0
    glue = doc[i].lower_
    if after is None:
        return 0
    # "two and a half", "3 and a half": the half is part of the number.
    if (glue == "and" and after.kind == "a" and i + 2 < len(doc) and doc[i + 2].lower_ == "half"
            and last.kind in ("digits", "small", "tens") and not last.unit):
        return 3
    if glue == "-" and _tight(doc, i) and last.kind == "tens" and after.kind == "small":
        return 2
    if glue == "-" and _tight(doc, i) and last.kind == "digits" and after.kind == "scale":
        return 2
    if glue == "and" and last.kind in ("hundred", "scale") and after.kind in ("small", "tens"):
        return 2
    if glue == "of" and last.kind == "vague" and after.kind in ("vague", "scale"):
        return 2
    return 0


def _joins(last: Piece, piece: Piece, doc: Doc, i: int, table: UnitTable) -> bool:
    if piece.kind in ("hundred", "dozen", "scale"):
        return True
    if piece.kind == "fraction":
        # "7 3/4", "101 1/4": a fraction after a whole number in digits is its part.
        return last.kind == "digits" and last.value.is_integer() and not last.currency
    if piece.kind == "digits":
        return False
    if piece.kind == "small":
        return last.kind == "tens"
    if piece.kind == "a":
        following = _piece(doc[i + 1], table) if i + 1 < len(doc) else None
        return last.kind == "half" and following is not None and following.kind == "scale"
    if piece.kind == "vague":
        return piece.value >= 1000 and last.kind in ("digits", "small", "tens", "vague")
    return False


def _tight(doc: Doc, i: int) -> bool:
    """True when ``doc[i]`` touches both neighbours (no whitespace around it)."""
    return not doc[i - 1].whitespace_ and not doc[i].whitespace_


def _suffix_scale(doc: Doc, end: int, table: UnitTable, *, currency: bool) -> int:
    """Return 1 when a split multiplier such as "m" in "€2.5m" follows ``doc[end - 1]``."""
    if end >= len(doc) or doc[end - 1].whitespace_:
        return 0
    suffix = doc[end].lower_.rstrip(".") or "."
    million = doc[end].text == "M" and "." in doc[end - 1].text
    if suffix in SUFFIX_SCALES and (
        currency or million or suffix not in SUFFIXES_NEEDING_CURRENCY
    ):
        number = doc[end - 1].text
        return 1 if table.amount.fullmatch(number) or TRANSLITERATED.fullmatch(number) else 0
    return 0


def _value_run(doc: Doc, start: int, end: int, table: UnitTable) -> Run | None:
    currency_before = _has_currency_before(doc, start, table)
    pieces = [_piece(doc[i], table, currency_before=currency_before) for i in range(start, end)]
    pieces = [piece for piece in pieces if piece is not None]
    currency = next((piece.currency for piece in pieces if piece.currency), "")
    split_scale = _suffix_scale(doc, end, table, currency=bool(currency or currency_before))
    if split_scale:
        pieces.append(Piece("scale", SUFFIX_SCALES[doc[end].lower_.rstrip(".")]))
        end += 1
    # "billion" with no number before it ("Y=590 billion") is no figure of its own, nor is
    # "dozen" without one ("a baker's dozen" is an idiom; "a dozen" is read as one run).
    kinds = {piece.kind for piece in pieces}
    if not pieces or kinds <= {"a"} or kinds in ({"scale"}, {"dozen"}):
        return None
    value, scale = _combine(pieces)
    return Run(
        start=start,
        end=end,
        value=round_value(value),
        scale=scale,
        spelled=not any(piece.kind in ("digits", "fraction") for piece in pieces),
        vague=any(piece.kind == "vague" for piece in pieces),
        currency=currency,
        unit=next((piece.unit for piece in pieces if piece.unit), ""),
    )


def _combine(pieces: list[Piece]) -> tuple[float, float]:
    """Return (value, largest multiplier) of number words and digits read left to right."""
    total, current, scale = 0.0, None, 1.0
    for piece in pieces:
        if piece.kind in ("digits", "small", "tens", "half", "fraction"):
            current = (current or 0) + piece.value
        elif piece.kind == "a":
            current = current if current is not None else 1
        elif piece.kind in ("hundred", "dozen") or (piece.kind == "vague" and piece.value < 1000):
            current = (current or 1) * piece.value
        else:
            total += (current or 1) * piece.value
            current, scale = None, max(scale, piece.value)
    return total + (current or 0), scale



def round_value(value: float) -> float:
    """``value`` to 12 significant digits: "16.4 million" is 16400000, not 16399999.999999998."""
    return float(f"{value:.12g}")


def _unit_follows(doc: Doc, i: int, table: UnitTable) -> bool:
    if i < len(doc) and doc[i].text in ("-", "‐"):
        i += 1
    return i < len(doc) and measure_at(doc, i, table)[0] > 0
