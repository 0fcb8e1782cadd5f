"""Corpus in, contract tables out: clean, parse once, run every extractor, write atomically."""

from __future__ import annotations

import dataclasses
import logging
import platform
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Literal, Protocol

import pandas as pd
from spacy.language import Language

from analysis import attribution, figures, keywords, schema
from analysis.articles import (
    ArticleResult,
    Extractors,
    iter_on_dask,
    iter_results,
    unanalysed_result,
)
from analysis.clean import BoilerplateRule, CleanText, clean_corpus
from analysis.codebook import Codebook, load_codebook
from analysis.corpus import Article, Corpus
from analysis.corrections import Corrections, correct_folds, correct_records
from analysis.duplicates import DEFAULT_DUPLICATE_THRESHOLD, Duplicate, find_duplicates
from analysis.fingerprint import VERSIONED_PACKAGES, package_version
from analysis.nlp import DEFAULT_MODEL, chunked, model_version
from analysis.tablestore import staged_tables, table_columns, typed

logger = logging.getLogger(__name__)
Period = Literal["day", "week", "month", "quarter", "year"]


@dataclass
class Tables:
    """The contract's tables for one corpus, plus how long each stage took (seconds)."""

    articles: pd.DataFrame
    figures: pd.DataFrame
    attributions: pd.DataFrame
    keywords: pd.DataFrame
    trends: pd.DataFrame
    boilerplate: pd.DataFrame
    kwic: pd.DataFrame
    keyterms: pd.DataFrame
    distinctive: pd.DataFrame
    fold_duplicates: bool = True
    timings: dict[str, float] = field(default_factory=dict)

    def by_name(self) -> dict[str, pd.DataFrame]:
        """Return the tables keyed by their file name stem, in contract order."""
        return {name: getattr(self, name) for name in schema.TABLES}

    def counted_articles(self) -> pd.DataFrame:
        """Return the articles that counts use: one per duplicate cluster when folding."""
        return select_counted(self.articles, fold_duplicates=self.fold_duplicates)

    @property
    def folded(self) -> int:
        """Return how many articles counts leave out as duplicates of an earlier one."""
        if not self.fold_duplicates:
            return 0
        return int(((self.articles["duplicate_of"] != "") & self.articles["analysed"]).sum())


def select_counted(articles: pd.DataFrame, *, fold_duplicates: bool) -> pd.DataFrame:
    """Return the articles counts use: those the extractors read (in the pipeline's
    language) and, with ``fold_duplicates``, none marked a duplicate."""
    counted = articles[articles["analysed"]]
    return counted[counted["duplicate_of"] == ""] if fold_duplicates else counted


class TableSink(Protocol):
    """Where a streamed run puts its rows: a collector in memory or files on disk."""

    def append(self, name: str, frame: pd.DataFrame) -> None:
        """Add the rows of ``frame`` to table ``name``."""

    def rewrite(self, name: str, change: Callable[[pd.DataFrame], pd.DataFrame]) -> None:
        """Pass every chunk of table ``name`` appended so far through ``change``."""


class FrameCollector:
    """A TableSink that keeps every chunk and joins them into whole tables."""

    def __init__(self) -> None:
        self.chunks: dict[str, list[pd.DataFrame]] = {name: [] for name in schema.TABLES}

    def append(self, name: str, frame: pd.DataFrame) -> None:
        """Keep ``frame`` as the next chunk of table ``name``."""
        self.chunks[name].append(typed(frame[table_columns(name)], name))

    def rewrite(self, name: str, change: Callable[[pd.DataFrame], pd.DataFrame]) -> None:
        """Replace every chunk of table ``name`` with ``change(chunk)``."""
        self.chunks[name] = [typed(change(chunk)[table_columns(name)], name)
                             for chunk in self.chunks[name]]

    def frames(self) -> dict[str, pd.DataFrame]:
        """Return every table whole, keyed by name (an empty table keeps its columns)."""
        return {name: pd.concat(chunks, ignore_index=True) if chunks else
                typed(pd.DataFrame(columns=table_columns(name)), name)
                for name, chunks in self.chunks.items()}


def extract_tables(corpus: Corpus, *, nlp: Language, fold_duplicates: bool = True,
                   **options) -> Tables:
    """Return the contract tables for every article of ``corpus``, parsing each once.

    The options are those of ``stream_tables``. With ``fold_duplicates`` (the default)
    trends count each duplicate cluster once; the articles table always lists every
    article with its ``duplicate_of``.
    """
    collector = FrameCollector()
    timings = stream_tables(corpus, collector, nlp=nlp, fold_duplicates=fold_duplicates,
                            **options)
    return Tables(**collector.frames(), fold_duplicates=fold_duplicates, timings=timings)


def stream_tables(
    corpus: Corpus,
    sink: TableSink,
    *,
    nlp: Language,
    codebook: Codebook | None = None,
    gazetteer: attribution.SideGazetteer | None = None,
    terms: keywords.TermList | None = None,
    boilerplate_rules: Sequence[BoilerplateRule] | None = None,
    period: Period = "month",
    fold_duplicates: bool = True,
    duplicate_threshold: float = DEFAULT_DUPLICATE_THRESHOLD,
    batch_size: int = 32,
    n_process: int = 1,
    cache_folder: Path | None = None,
    scheduler: str = "",
    model: str = DEFAULT_MODEL,
    chunk_articles: int = 500,
    progress: bool | None = None,
    corrections: Corrections | None = None,
) -> dict[str, float]:
    """Append the contract tables of ``corpus`` to ``sink`` chunk by chunk; return timings.

    Articles flow through parsing and extraction in batches and their rows leave for the
    sink every ``chunk_articles`` articles, so memory holds the texts, one chunk of
    results and the small running totals that trends and distinctive terms need. With
    ``cache_folder`` an article whose text, model and extractors are unchanged since an
    earlier run is neither parsed nor extracted again. With a ``scheduler`` ("local" or a
    dask.distributed address) the per-article stage runs on Dask workers, which load the
    pipeline ``model`` themselves; the tables are the same as in one process.
    """
    timings: dict[str, float] = {}
    started = time.perf_counter()
    cleaned = clean_corpus(corpus, rules=boilerplate_rules)
    corrections = corrections or Corrections()
    duplicates = {duplicate.article_id: duplicate for duplicate in find_duplicates(
        [(article.article_id, article.published, clean.text)
         for article, clean in zip(corpus.articles, cleaned, strict=True)],
        threshold=duplicate_threshold)}
    duplicates = correct_folds(duplicates, corrections,
                               known={article.article_id for article in corpus.articles})
    timings["clean"] = time.perf_counter() - started

    started = time.perf_counter()
    terms = terms or keywords.load_terms()
    extractors = Extractors(codebook=codebook or load_codebook(),
                            gazetteer=gazetteer or attribution.load_gazetteer(), terms=terms)
    analysed = [is_analysed(article, nlp) for article in corpus.articles]
    texts = [clean.text for clean, keep in zip(cleaned, analysed, strict=True) if keep]
    if scheduler:
        found = iter_on_dask(texts, extractors, scheduler=scheduler, model=model,
                             cache_folder=cache_folder, progress=progress)
    else:
        found = iter_results(texts, nlp, extractors, cache_folder=cache_folder,
                             batch_size=batch_size, n_process=n_process, progress=progress)
    results = (_corrected(article.article_id, next(found), corrections) if keep
               else unanalysed_result(clean.text)
               for article, clean, keep in zip(corpus.articles, cleaned, analysed, strict=True))
    totals = _RunningTotals(period=period)
    names = attribution.SourceNameFolder()
    for chunk in chunked(zip(corpus.articles, cleaned, results, strict=True), chunk_articles):
        articles = _articles_frame(chunk, duplicates)
        counted = select_counted(articles, fold_duplicates=fold_duplicates)
        keyword_rows = keywords.keywords_frame(_per_article(chunk, "keywords"))
        _append_article_tables(sink, chunk, articles, keyword_rows, names)
        totals.add(chunk, counted, keyword_rows)
    timings["parse_and_extract"] = time.perf_counter() - started

    started = time.perf_counter()
    sink.rewrite("attributions", partial(_one_name_per_person, names))
    sink.append("trends", totals.trends(terms=terms.names, outlets=corpus.outlets))
    sink.append("distinctive", totals.distinctive())
    timings["tables"] = time.perf_counter() - started
    return timings


_Chunk = list[tuple[Article, CleanText, ArticleResult]]


def _corrected(article_id: str, result: ArticleResult, corrections: Corrections
               ) -> ArticleResult:
    """Return ``result`` with the analyst's figure and attribution corrections applied."""
    if not corrections.items:
        return result
    return dataclasses.replace(
        result,
        figures=correct_records(article_id, result.figures, corrections, table="figures"),
        attributions=correct_records(article_id, result.attributions, corrections,
                                     table="attributions"))


def is_analysed(article: Article, nlp: Language) -> bool:
    """Return whether the extractors read ``article``: it is in the pipeline's language,
    or its language is not known."""
    return not article.language or article.language == nlp.lang


def other_languages(corpus: Corpus, nlp: Language) -> dict[str, str]:
    """Return {article_id: language} of the articles not in the pipeline's language."""
    return {article.article_id: article.language for article in corpus.articles
            if not is_analysed(article, nlp)}


def language_caveat(corpus: Corpus, nlp: Language) -> str:
    """Return one sentence naming the articles not in the pipeline's language, or ""."""
    others = other_languages(corpus, nlp)
    if not others:
        return ""
    titles = {article.article_id: article.title for article in corpus.articles}
    named = ", ".join(f"{_label(titles[article_id] or article_id)} ({language})"
                      for article_id, language in list(others.items())[:10])
    more = f" and {len(others) - 10:,} more" if len(others) > 10 else ""
    return (f"{len(others):,} of {len(corpus.articles):,} articles are not in the pipeline's "
            f"language ({nlp.lang}) and are listed but not analysed: {named}{more}.")


def _label(text: str, *, width: int = 48) -> str:
    """Return ``text`` on one line, cut to ``width`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def _append_article_tables(sink: TableSink, chunk: _Chunk, articles: pd.DataFrame,
                           keyword_rows: pd.DataFrame,
                           names: attribution.SourceNameFolder) -> None:
    """Append one chunk's rows of every per-article table to ``sink``, adding its source
    names to ``names``."""
    sink.append("articles", articles)
    sink.append("figures", figures.figures_frame(_per_article(chunk, "figures")))
    attributions = attribution.attributions_frame(_per_article(chunk, "attributions"))
    names.add(attributions)
    sink.append("attributions", attributions)
    sink.append("keywords", keyword_rows)
    sink.append("boilerplate", pd.DataFrame(
        [{"article_id": article.article_id, **dataclasses.asdict(removal)}
         for article, clean, _ in chunk for removal in clean.removals],
        columns=list(schema.BOILERPLATE)))
    sink.append("kwic", keywords.kwic_frame(_per_article(chunk, "hits")))
    sink.append("keyterms", keywords.keyterms_frame(_per_article(chunk, "keyterms")))


def _one_name_per_person(names: attribution.SourceNameFolder,
                         attributions: pd.DataFrame) -> pd.DataFrame:
    """Return ``attributions`` with each person's one name across the corpus (``names``
    holds every chunk's); a row an analyst corrected keeps the name the correction gave."""
    corrected = attributions["rule"].astype(str).str.contains("(corrected", regex=False)
    if not corrected.any():
        return names.fold(attributions)
    folded = names.fold(attributions[~corrected])
    return pd.concat([folded, attributions[corrected]]).loc[attributions.index]


def _per_article(chunk: _Chunk, field_name: str) -> Iterator[tuple[str, object]]:
    """Yield ``(article_id, record)`` for every record in one field of every result."""
    for article, _, result in chunk:
        for record in getattr(result, field_name):
            yield article.article_id, record


class _RunningTotals:
    """What trends and distinctive terms need, summed chunk by chunk over counted articles.

    Keeps the counted articles' metadata and term counts (a few numbers per article) and
    the word frequencies per outlet and per period (bounded by the vocabulary).
    """

    def __init__(self, *, period: Period):
        self.period = period
        self.articles: list[pd.DataFrame] = []
        self.keywords: list[pd.DataFrame] = []
        self.by_outlet: dict[str, Counter[str]] = {}
        self.by_period: dict[str, Counter[str]] = {}

    def add(self, chunk: _Chunk, counted: pd.DataFrame, keyword_rows: pd.DataFrame) -> None:
        """Add one chunk: its ``counted`` articles and the term counts of all its articles."""
        self.articles.append(counted[["article_id", "outlet", "published", "words"]])
        self.keywords.append(keyword_rows[keyword_rows["article_id"].isin(
            counted["article_id"])])
        frequencies = {article.article_id: result.frequencies for article, _, result in chunk}
        labels = pd.Series("", index=counted.index)
        dated = counted["published"] != ""
        if dated.any():
            labels[dated] = keywords.period_label(counted.loc[dated, "published"], self.period)
        for article_id, outlet, label in zip(counted["article_id"], counted["outlet"], labels,
                                             strict=True):
            self.by_outlet.setdefault(outlet, Counter()).update(frequencies[article_id])
            if label:
                self.by_period.setdefault(label, Counter()).update(frequencies[article_id])

    def trends(self, *, terms: Sequence[str], outlets: Sequence[str]) -> pd.DataFrame:
        """Return the trends table over every counted article added."""
        return keywords.build_trends(
            _joined(self.keywords, schema.KEYWORDS),
            _joined(self.articles, ("article_id", "outlet", "published", "words")),
            terms=terms, period=self.period, outlets=outlets)

    def distinctive(self) -> pd.DataFrame:
        """Return the terms distinctive of each outlet and of each period, against the rest."""
        outlets = keywords.distinctive_terms(
            self.by_outlet, comparison="outlet",
            own_words={outlet: keywords.name_words(outlet) for outlet in self.by_outlet})
        periods = keywords.distinctive_terms(self.by_period, comparison="period")
        frames = [frame for frame in (outlets, periods) if not frame.empty] or [outlets]
        return pd.concat(frames, ignore_index=True)


def _joined(frames: list[pd.DataFrame], columns: Sequence[str]) -> pd.DataFrame:
    return (pd.concat(frames, ignore_index=True) if frames
            else pd.DataFrame(columns=list(columns)))


def _articles_frame(chunk: _Chunk, duplicates: dict[str, Duplicate]) -> pd.DataFrame:
    rows = [_article_row(article, clean, result, duplicates.get(article.article_id))
            for article, clean, result in chunk]
    return pd.DataFrame(rows, columns=table_columns("articles"))


def _article_row(
    article: Article, clean: CleanText, result: ArticleResult, duplicate: Duplicate | None
) -> dict:
    return {
        "article_id": article.article_id,
        "outlet": article.outlet,
        "published": article.published,
        "title": article.title,
        "language": article.language,
        "url": article.url,
        "words": result.words,
        "duplicate_of": duplicate.duplicate_of if duplicate else "",
        "boilerplate_chars": clean.removed_chars,
        "source_file": article.source_file,
        "duplicate_score": duplicate.score if duplicate else None,
        "authors": article.authors,
        "metadata_source": article.metadata_source,
        "fetched": article.fetched,
        "analysed": result.analysed,
        "text": clean.text,
    }


# --- provenance and writing --------------------------------------------------------------


def build_run_info(
    corpus: Corpus, *, parameters: dict, nlp: Language, timings: dict[str, float]
) -> dict:
    """Return the provenance record written as run.json beside the tables."""
    return {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "corpus": {
            "source": str(corpus.source),
            "fingerprint": corpus.fingerprint,
            "articles": len(corpus.articles),
            "skipped": [dataclasses.asdict(problem) for problem in corpus.skipped],
            "other_language": other_languages(corpus, nlp),
            "warnings": [dataclasses.asdict(problem) for problem in corpus.warnings],
        },
        "parameters": parameters,
        "versions": {
            "python": platform.python_version(),
            "model": model_version(nlp),
            **{name: package_version(name) for name in VERSIONED_PACKAGES},
        },
        "timings_seconds": {name: round(seconds, 3) for name, seconds in timings.items()},
    }


def write_tables(tables: Tables, out_dir: Path, *, run_info: dict) -> list[Path]:
    """Write every table as CSV and Parquet plus run.json into ``out_dir``; return the paths.

    The set is staged beside ``out_dir`` and swapped in at once (``staged_tables``): a
    run that fails or is killed at any moment leaves the previous set whole.
    """
    with staged_tables(out_dir) as files:
        for name, frame in tables.by_name().items():
            files.append(name, frame)
        files.run_info = run_info
    return files.written
