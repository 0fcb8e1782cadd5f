"""Claims: single numbers, ranges ("between 2 and 3") and changes ("from 2 to 3")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc

from analysis.figures.lexicon import LONGEST_QUALIFIER, QUALIFIERS
from analysis.figures.records import Claim, ClaimKind, Run


def claims(doc: Doc, runs: list[Run]) -> Iterator[Claim]:
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


def _pair_kind(doc: Doc, first: Run, second: Run) -> ClaimKind | None:
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


def _shared_units(first: Run, second: Run) -> tuple[Run, Run]:
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


def _qualified(doc: Doc, runs: tuple[Run, ...], kind: ClaimKind) -> Claim:
    start = runs[0].prefix_start
    words, qualifier_start = _qualifier_before(doc, start)
    approximate, bound = QUALIFIERS.get(words, (False, ""))
    if kind == "range" and start > 0 and doc[start - 1].lower_ == "between":
        qualifier_start = start - 1
        words = ("between",)
    if any(run.vague for run in runs):
        approximate, bound = True, bound or "lower"
    approximate = approximate or doc[runs[0].start].text.startswith("~")
    if doc[runs[0].start].lower_.startswith("sub-") and kind == "single":
        bound = bound or "upper"
    qualifier = doc[qualifier_start:start].text if words else ""
    return Claim(runs, kind, qualifier_start, qualifier, approximate, bound)


def _qualifier_before(doc: Doc, start: int) -> tuple[tuple[str, ...], int]:
    for size in range(LONGEST_QUALIFIER, 0, -1):
        begin = start - size
        if begin < 0 or any(doc[j].is_sent_start for j in range(begin + 1, start + 1)):
            continue
        words = tuple(token.lower_ for token in doc[begin:start])
        if words in QUALIFIERS:
            return words, begin
    return (), start

