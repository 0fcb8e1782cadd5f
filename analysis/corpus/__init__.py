"""Load a corpus of news articles into Article records, with errors that name the file.

A corpus is either a folder of article files (.txt, .md, .html, .htm, .xhtml, each also
gzip-compressed, and WARC crawls) with an optional ``manifest.csv``, or one table export
(.jsonl, .json, .csv, .parquet) whose records hold ``text`` and metadata under the
workbook's column names or those of common tools (Media Cloud, NewsAPI, news-please).

Metadata comes field by field from the best source that has it: the manifest (or the
record), the page itself (Open Graph, JSON-LD, meta tags, through trafilatura and
htmldate), the crawl, the URL, and last the file's name and folders
("nyt_2024-03-05_talks.txt"). Each article says where each field came from.

A bad file or record is skipped and listed in ``Corpus.skipped`` with the reason; the
caller decides whether that is fatal (``strict=True`` raises on the first one).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from analysis.corpus.decoding import MAX_FILE_BYTES, decode_text
from analysis.corpus.folders import MANIFEST_NAME, _file_kind, load_folder
from analysis.corpus.intake import MAX_ARTICLE_CHARS, Intake
from analysis.corpus.metadata import detect_language
from analysis.corpus.model import (
    METADATA_FIELDS,
    Article,
    Corpus,
    CorpusError,
    Problem,
    metadata_sources,
)
from analysis.corpus.outlets import OutletNames, OutletNamesError, load_outlet_names
from analysis.corpus.pages import extract_html_text
from analysis.corpus.tables import TABLE_SUFFIXES, load_table

__all__ = [
    "MANIFEST_NAME", "MAX_ARTICLE_CHARS", "MAX_FILE_BYTES", "METADATA_FIELDS", "Article",
    "Corpus", "CorpusError", "OutletNames", "OutletNamesError", "Problem", "decode_text",
    "detect_language", "extract_html_text", "load_corpus", "load_outlet_names",
    "metadata_gaps", "metadata_sources", "select_articles",
]


def load_corpus(path: Path | str, *, strict: bool = False,
                outlet_names: OutletNames | None = None) -> Corpus:
    """Return the Corpus at ``path``: a folder of articles or one table export.

    Outlet names go through ``outlet_names`` (default: the shipped alias list). Bad
    files and records are skipped and listed in ``Corpus.skipped``; with ``strict=True``
    the first one raises CorpusError instead. Raises CorpusError when ``path`` does not
    exist, is of an unsupported type, or holds no usable article.
    """
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder; expected a folder of articles "
                          f"or a {', '.join(TABLE_SUFFIXES)} file")
    corpus = Corpus(source=path)
    intake = Intake(corpus, strict=strict, names=outlet_names or load_outlet_names())
    if path.is_dir():
        load_folder(path, intake)
    elif not path.is_file():
        raise CorpusError(f"{path}: not a regular file or folder ({_file_kind(path)}); "
                          f"expected a folder of articles or a {', '.join(TABLE_SUFFIXES)} file")
    elif path.suffix.lower() in TABLE_SUFFIXES:
        load_table(path, intake)
    else:
        raise CorpusError(f"{path}: unsupported corpus file; expected a folder or a "
                          f"{', '.join(TABLE_SUFFIXES)} file")
    if not corpus.articles:
        reasons = "; ".join(str(problem) for problem in corpus.skipped[:5])
        raise CorpusError(f"{path}: no usable article" + (f" ({reasons})" if reasons else ""))
    corpus.articles = unify_outlet_spellings(corpus.articles)
    return corpus


def unify_outlet_spellings(articles: list[Article]) -> list[Article]:
    """Return ``articles`` with outlet names that differ only in case, spaces or punctuation
    ("PolitiFact", "Politifact"; "Inexhibit magazine", "Inexhibitmagazine") written one way:
    the most frequent spelling, ties to the first in sort order."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        if article.outlet:
            spellings[_spelling_key(article.outlet)][article.outlet] += 1
    chosen = {key: min(counts, key=lambda name: (-counts[name], name))
              for key, counts in spellings.items() if len(counts) > 1}
    if not chosen:
        return articles
    return [dataclasses.replace(article, outlet=chosen[_spelling_key(article.outlet)])
            if article.outlet and _spelling_key(article.outlet) in chosen else article
            for article in articles]


def _spelling_key(name: str) -> str:
    return re.sub(r"\W+", "", name.casefold())


def select_articles(
    corpus: Corpus, *, outlets: Iterable[str] = (), date_from: str = "", date_to: str = ""
) -> Corpus:
    """Return a Corpus with only the articles of ``outlets`` published in the date range.

    Empty ``outlets`` keeps every outlet; an empty bound leaves that side open. Undated
    articles are kept only when no date bound is given.
    """
    wanted = set(outlets)

    def keep(article: Article) -> bool:
        if wanted and article.outlet not in wanted:
            return False
        if (date_from or date_to) and not article.published:
            return False
        if date_from and article.published < date_from:
            return False
        return not (date_to and article.published > date_to)

    return Corpus(source=corpus.source, articles=[a for a in corpus.articles if keep(a)],
                  skipped=list(corpus.skipped), warnings=list(corpus.warnings))


def metadata_gaps(articles: Iterable[Article]) -> str:
    """Return one sentence on missing outlets and dates and what they cost, or "".

    Says how many articles lack each, what that turns off (trends over time without
    dates; outlet comparisons without outlets) and how to fix it (manifest columns).
    """
    articles = list(articles)
    no_outlet = sum(not article.outlet for article in articles)
    no_date = sum(not article.published for article in articles)
    if not (no_outlet or no_date):
        return ""
    parts = []
    if no_date:
        parts.append(f"{no_date:,} of {len(articles):,} articles have no publication date, "
                     f"so they are left out of trends over time")
    if no_outlet:
        parts.append(f"{no_outlet:,} of {len(articles):,} have no outlet, so they count as "
                     f"'(no outlet named)' in outlet comparisons")
    return ("; ".join(parts) + ". To fix it, give them a row in the folder's manifest.csv "
            "with the columns article_id, outlet and published (YYYY-MM-DD), or name the "
            "files after their outlet and date (nyt_2024-03-05_talks.txt).")
