"""The data contract: the columns of every output table, in their fixed order.

Checks outside this repository read these tables, so names here only ever grow.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable

import pandas as pd

ARTICLES = (
    "article_id",
    "outlet",
    "published",
    "title",
    "language",
    "url",
    "words",
    "duplicate_of",
    "boilerplate_chars",
    "source_file",
    "duplicate_score",
    "authors",
    "metadata_source",
    "fetched",
    "analysed",
)
FIGURES = (
    "article_id",
    "start",
    "end",
    "surface",
    "value",
    "unit",
    "object",
    "concept",
    "rate_period",
    "approximate",
    "bound",
    "qualifier",
    "source",
    "sentence",
    "rule",
)
ATTRIBUTIONS = (
    "article_id",
    "cue",
    "cue_start",
    "cue_end",
    "source",
    "source_start",
    "source_end",
    "source_surface",
    "source_kind",
    "side",
    "quote_type",
    "content",
    "content_start",
    "content_end",
    "cue_class",
    "citation",
    "source_name",
    "rule",
)
# Every span cleaning removed, for audit: offsets into the raw text (line ends as LF).
BOILERPLATE = ("article_id", "start", "end", "rule", "text")
KEYWORDS = ("article_id", "term", "count", "per_1k_words")
TRENDS = ("period", "outlet", "term", "count", "articles", "words", "per_1k_words")
# Every hit of a tracked term with its context; offsets into the cleaned text.
KWIC = ("article_id", "term", "start", "end", "left", "match", "right")
# textacy keyterms per article, best first.
KEYTERMS = ("article_id", "rank", "keyterm", "score")
# Terms distinctive of one outlet (or period) against the rest, by log-odds z-score.
DISTINCTIVE = ("comparison", "group", "term", "count", "rest_count", "log_odds", "z_score")

# Column types where not text; a column name means the same type in every table.
INTEGER_COLUMNS = frozenset({
    "words", "boilerplate_chars", "start", "end", "cue_start", "cue_end", "source_start",
    "source_end", "content_start", "content_end", "count", "articles", "rank", "rest_count",
})
FLOAT_COLUMNS = frozenset({"duplicate_score", "value", "per_1k_words", "score", "log_odds",
                           "z_score"})
BOOLEAN_COLUMNS = frozenset({"approximate", "analysed", "citation"})

TABLES: dict[str, tuple[str, ...]] = {
    "articles": ARTICLES,
    "figures": FIGURES,
    "attributions": ATTRIBUTIONS,
    "keywords": KEYWORDS,
    "trends": TRENDS,
    "boilerplate": BOILERPLATE,
    "kwic": KWIC,
    "keyterms": KEYTERMS,
    "distinctive": DISTINCTIVE,
}


# Tables a report run writes beside the extract's: what changed since an earlier report.
CHANGES = ("kind", "key", "before", "after", "article_ids")
EXTRA_TABLES: dict[str, tuple[str, ...]] = {"changes": CHANGES}


def column_type(column: str) -> str:
    """Return the type of ``column`` in every table: "int", "float", "bool" or "str"."""
    if column in INTEGER_COLUMNS:
        return "int"
    if column in FLOAT_COLUMNS:
        return "float"
    return "bool" if column in BOOLEAN_COLUMNS else "str"


def records_frame(
    rows: Iterable[tuple[str, object]], columns: tuple[str, ...]
) -> pd.DataFrame:
    """Return a DataFrame of ``(article_id, record)`` pairs with exactly ``columns``.

    Each record is a flat dataclass whose fields, with article_id, are the table's columns
    (read field by field: ``dataclasses.asdict`` deep-copies, ten times slower).
    """
    data = [{"article_id": article_id, **{name: getattr(record, name)
                                          for name in _field_names(type(record))}}
            for article_id, record in rows]
    return pd.DataFrame(data, columns=list(columns))


@functools.cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(kind))
