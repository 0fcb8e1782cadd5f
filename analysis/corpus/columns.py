"""Column names: the workbook's own, and the aliases common export tools write.

A table export (CSV, JSONL, Parquet) may name its columns as the tool that wrote it does:
Media Cloud story lists (``stories_id``, ``publish_date``, ``media_name``, ``url``,
``title``), NewsAPI (``publishedAt``, ``source.name``, ``author``, ``content``),
news-please (``maintext``, ``date_publish``, ``source_domain``, ``authors``). For each
field the first name of its list that the table has is read; the README lists them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# The workbook's own name comes first; the rest are aliases, in the order they are tried.
FIELD_COLUMNS: dict[str, tuple[str, ...]] = {
    "article_id": ("article_id", "id", "stories_id", "story_id", "guid", "uuid"),
    "text": ("text", "maintext", "full_text", "fulltext", "story_text", "article_text",
             "body", "content"),
    "outlet": ("outlet", "media_name", "source.name", "source_name", "publisher", "site_name",
               "sitename", "media", "source_domain", "media_url", "domain"),
    "published": ("published", "publish_date", "publishedAt", "published_at", "date_publish",
                  "pub_date", "publication_date", "datePublished", "date"),
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url", "story_url"),
    "authors": ("authors", "author", "byline", "creator"),
    "language": ("language", "lang", "language_code"),
    "fetched": ("fetched", "date_download", "collected_at", "crawled_at"),
}
# Columns a manifest or table may carry for people's own notes; read and ignored.
ANNOTATION_COLUMNS = ("note", "notes")


@dataclass(frozen=True)
class ColumnMap:
    """Which column of one table holds each field (fields it lacks are absent)."""

    columns: dict[str, str]
    unknown: tuple[str, ...]

    def aliased(self) -> list[str]:
        """Return "'publish_date' as published" for each field read from an alias."""
        return [f"{column!r} as {name}" for name, column in self.columns.items()
                if column != name]


def map_columns(header: Iterable[str], *, fields: Iterable[str],
                aliases: bool = True) -> ColumnMap:
    """Return the column of ``header`` that holds each of ``fields``.

    A field's own name wins; with ``aliases`` the export names of ``FIELD_COLUMNS`` are
    tried in order (exactly, then ignoring case). Columns that are neither a field nor
    a note are listed as unknown.
    """
    header = list(header)
    lowered = {name.lower(): name for name in reversed(header)}
    columns = {}
    for name in fields:
        names = FIELD_COLUMNS[name] if aliases else (name,)
        found = next((column for column in names if column in header), None)
        if found is None and aliases:
            found = next((lowered[c.lower()] for c in names if c.lower() in lowered), None)
        if found is not None:
            columns[name] = found
    used = set(columns.values()) | set(ANNOTATION_COLUMNS)
    return ColumnMap(columns=columns,
                     unknown=tuple(name for name in header if name not in used))


def duplicated_columns(header: Iterable[str]) -> list[str]:
    """Return the column names that appear more than once in ``header``, in order."""
    seen: dict[str, int] = {}
    for name in header:
        seen[name] = seen.get(name, 0) + 1
    return [name for name, count in seen.items() if count > 1]


def flatten_record(record: dict) -> dict:
    """Return a JSON record with nested objects one level flattened ("source.name").

    Lists of strings (several authors) are joined with "; ".
    """
    flat = {}
    for key, value in record.items():
        if isinstance(value, dict):
            for inner, item in value.items():
                flat.setdefault(f"{key}.{inner}", item)
        flat.setdefault(key, value)
    return {key: "; ".join(value) if isinstance(value, list) and value and all(
        isinstance(item, str) for item in value) else value for key, value in flat.items()}
