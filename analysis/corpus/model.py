"""The records a loaded corpus is made of: articles, problems and the corpus itself."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

# The metadata an article carries besides its text, in the order tables list them.
METADATA_FIELDS = ("outlet", "published", "title", "url", "authors", "language")
# Where a metadata value came from, as written in ``metadata_source``: the folder's
# manifest.csv, the record of a table export, the page itself (Open Graph, JSON-LD, meta
# tags), the crawl that fetched it (WARC headers), the URL (an outlet named after its
# domain), the file's name and folders ("nyt_2024-03-05_talks.txt"), the language
# detector reading the text, or nowhere.
SOURCES = ("manifest", "record", "page", "crawl", "url", "filename", "detected", "none")


class CorpusError(ValueError):
    """The corpus cannot be loaded; the message names the file (and line) at fault."""


@dataclass(frozen=True, slots=True)
class Article:
    """One news article: its raw text, its metadata and where each field came from.

    ``metadata_source`` reads ``"outlet=page; published=manifest; ..."``: one source of
    ``SOURCES`` per field of ``METADATA_FIELDS``. ``fetched`` is when a crawl or
    ``collect`` fetched the page (ISO timestamp), else empty.
    """

    article_id: str
    text: str
    outlet: str = ""
    published: str = ""
    title: str = ""
    url: str = ""
    authors: str = ""
    language: str = ""
    source_file: str = ""
    fetched: str = ""
    metadata_source: str = ""


@dataclass(frozen=True)
class Problem:
    """A file or record that was skipped or loaded with a caveat, and why."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}, line {self.line}"
        return f"{where}: {self.reason}"


@dataclass
class Corpus:
    """The loaded articles, the skipped inputs and the warnings, in input order."""

    source: Path
    articles: list[Article] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        """Return a short sha256 over every article's id, metadata and text."""
        digest = hashlib.sha256()
        for article in sorted(self.articles, key=lambda a: a.article_id):
            values = (article.article_id, *(getattr(article, name) for name in METADATA_FIELDS),
                      article.text)
            for value in values:
                digest.update(value.encode("utf-8", "surrogatepass") + b"\0")
        return digest.hexdigest()[:16]

    @property
    def outlets(self) -> list[str]:
        """Return the distinct outlet names, sorted."""
        return sorted({article.outlet for article in self.articles if article.outlet})


def metadata_sources(value: str) -> dict[str, str]:
    """Return the ``metadata_source`` string of an article as {field: source}."""
    pairs = (item.split("=", 1) for item in value.split(";") if "=" in item)
    return {name.strip(): source.strip() for name, source in pairs}
