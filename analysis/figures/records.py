"""The records of figure extraction: the Figure row and the runs and claims behind it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from analysis.schema import FIGURES, records_frame

Bound = Literal["lower", "upper", ""]
RatePeriod = Literal["day", "week", "month", "year", ""]
ClaimKind = Literal["single", "range", "change"]


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
    rule: str = ""



@dataclass(frozen=True, slots=True)
class Run:
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
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Piece:
    kind: Literal[
        "digits", "small", "tens", "hundred", "dozen", "scale", "vague", "half", "a", "fraction"
    ]
    value: float
    currency: str = ""
    unit: str = ""



@dataclass(frozen=True, slots=True)
class Claim:
    runs: tuple[Run, ...]
    kind: ClaimKind
    qualifier_start: int
    qualifier: str
    approximate: bool
    bound: Bound



def figures_frame(rows: Iterable[tuple[str, Figure]]) -> pd.DataFrame:
    """Return the figures table: one row per ``(article_id, Figure)``, columns schema.FIGURES."""
    return records_frame(rows, FIGURES)
