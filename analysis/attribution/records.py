"""The attribution record and the closed vocabularies of its fields."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from analysis.attribution.lexicons import CUE_CLASSES, CueClass

SourceKind = Literal[
    "named_person", "anonymous", "organization", "media_outlet", "document", "group", "unknown"
]
Side = Literal["US", "Mexico", "other", ""]
QuoteType = Literal["direct", "indirect", "mixed", "according_to"]

SOURCE_KINDS: tuple[SourceKind, ...] = (
    "named_person", "anonymous", "organization", "media_outlet", "document", "group", "unknown"
)
SIDES: tuple[Side, ...] = ("US", "Mexico", "other", "")
QUOTE_TYPES: tuple[QuoteType, ...] = ("direct", "indirect", "mixed", "according_to")
__all__ = ["CUE_CLASSES", "QUOTE_TYPES", "SIDES", "SOURCE_KINDS", "Attribution", "CueClass",
           "QuoteType", "Side", "SourceKind"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """One cue of attribution. Fields follow schema.ATTRIBUTIONS (without article_id).

    Offsets are character offsets into ``doc.text``, end exclusive;
    ``doc.text[source_start:source_end] == source_surface``. A statement without a named
    source span has ``source_start == source_end == -1`` and empty source texts; a cue
    without content ("declined to comment") has ``content_start == content_end == -1``.

    ``cue_class`` says what the cue reports (speech, document, evidential, belief,
    intention, stance); ``citation`` whether a source is given words or information, which
    is what counts, charts and the anonymous share use; ``source_name`` is one name per
    person or organisation ("Joe Biden" for "President Joe Biden", "Biden" and "he");
    ``rule`` names the rule that found the cue and its content, then, after "/", the rule
    that decided ``citation``.
    """

    cue: str
    cue_start: int
    cue_end: int
    source: str
    source_start: int
    source_end: int
    source_surface: str
    source_kind: SourceKind
    side: Side
    quote_type: QuoteType
    content: str
    content_start: int
    content_end: int
    cue_class: CueClass
    citation: bool
    source_name: str
    rule: str
