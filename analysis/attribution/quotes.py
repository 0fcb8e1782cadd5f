"""Quotation marks: the double-quoted passages of a text, and the tokens outside them."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

OPENING_MARKS = "“„«"
CLOSING_MARKS = "”»"


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quotation: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int


def find_quotations(text: str) -> list[Quotation]:
    """Return the double-quoted passages of ``text`` in order.

    Straight and curly marks pair up within a paragraph; an opening curly mark typed where a
    closing one belongs (“review“) closes the quotation. Two apostrophes ('') count as a
    straight double mark, as some newspapers type them (''We are ready,'' she said). A
    quotation left open runs to the end of its paragraph, as when a quote continues into
    the next paragraph. Single quotes are not read as quotation marks: they are too often
    apostrophes.
    """
    quotations: list[Quotation] = []
    offset = 0
    for paragraph in text.split("\n"):
        quotations.extend(_paragraph_quotations(paragraph, offset))
        offset += len(paragraph) + 1
    return quotations


# A straight or curly double mark, or a run of two or more apostrophes: '' and, where a
# nested single quotation ends with the outer one, '''.
_QUOTE_MARK = re.compile("[\"“”„«»]|'{2,}")
STRAIGHT_MARKS = "\"'"


def _paragraph_quotations(paragraph: str, offset: int) -> Iterator[Quotation]:
    opened: re.Match[str] | None = None
    for mark in _QUOTE_MARK.finditer(paragraph):
        char = mark.group()[0]
        if opened is None and char in STRAIGHT_MARKS + OPENING_MARKS:
            opened = mark
        elif opened is not None and char in STRAIGHT_MARKS + CLOSING_MARKS + "“":
            start, end = offset + opened.start(), offset + mark.end()
            yield Quotation(start, end, offset + opened.end(), offset + mark.start())
            opened = None
    if opened is not None:
        inner_start = offset + opened.end()
        end = max(offset + len(paragraph.rstrip()), inner_start)
        yield Quotation(offset + opened.start(), end, inner_start, end)


def unquoted_tokens(doc: Doc, quotations: Sequence[Quotation]) -> Iterator[Token]:
    """Yield the tokens of ``doc`` that start inside no quotation, in one pass over both."""
    bounds = sorted((quote.start, quote.end) for quote in quotations)
    upcoming = 0
    quoted_until = -1  # quotations may nest, so keep the furthest end seen so far
    for token in doc:
        while upcoming < len(bounds) and bounds[upcoming][0] < token.idx:
            quoted_until = max(quoted_until, bounds[upcoming][1])
            upcoming += 1
        if token.idx >= quoted_until:
            yield token
