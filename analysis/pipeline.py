"""Corpus in, contract tables out: clean, parse once, run every extractor, write atomically."""

from __future__ import annotations

import ctypes
import dataclasses
import errno
import fcntl
import json
import os
import platform
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Literal

import pandas as pd
from spacy.language import Language

from analysis import attribution, figures, keywords, schema
from analysis.articles import ArticleResult, Extractors, extract_articles, extract_on_dask
from analysis.clean import (
    DEFAULT_DUPLICATE_THRESHOLD,
    BoilerplateRule,
    CleanText,
    Duplicate,
    clean_corpus,
    find_duplicates,
)
from analysis.codebook import Codebook, load_codebook
from analysis.corpus import Article, Corpus
from analysis.nlp import DEFAULT_MODEL, model_version

Period = Literal["day", "week", "month", "quarter"]
VERSIONED_PACKAGES = ("analysis", "spacy", "textacy", "pandas", "papermill", "nbconvert")


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
        if not self.fold_duplicates:
            return self.articles
        return self.articles[self.articles["duplicate_of"] == ""]

    @property
    def folded(self) -> int:
        """Return how many articles counts leave out as duplicates of an earlier one."""
        return len(self.articles) - len(self.counted_articles())


def extract_tables(
    corpus: Corpus,
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
) -> Tables:
    """Return the contract tables for every article of ``corpus``, parsing each once.

    With ``fold_duplicates`` (the default) trends count each duplicate cluster once;
    the articles table always lists every article with its ``duplicate_of``. With
    ``cache_folder`` an article whose text, model and extractors are unchanged since an
    earlier run is neither parsed nor extracted again. With a ``scheduler`` ("local" or a
    dask.distributed address) the per-article stage runs on Dask workers, which load the
    pipeline ``model`` themselves; the tables are the same as in one process.
    """
    timings: dict[str, float] = {}
    started = time.perf_counter()
    cleaned = clean_corpus(corpus, rules=boilerplate_rules)
    duplicates = {duplicate.article_id: duplicate for duplicate in find_duplicates(
        [(article.article_id, article.published, clean.text)
         for article, clean in zip(corpus.articles, cleaned, strict=True)],
        threshold=duplicate_threshold)}
    timings["clean"] = time.perf_counter() - started

    terms = terms or keywords.load_terms()
    extractors = Extractors(codebook=codebook or load_codebook(),
                            gazetteer=gazetteer or attribution.load_gazetteer(), terms=terms)
    started = time.perf_counter()
    texts = [clean.text for clean in cleaned]
    if scheduler:
        results = extract_on_dask(texts, extractors, scheduler=scheduler, model=model,
                                  cache_folder=cache_folder)
    else:
        results = extract_articles(texts, nlp, extractors, cache_folder=cache_folder,
                                   batch_size=batch_size, n_process=n_process)
    timings["parse_and_extract"] = time.perf_counter() - started

    started = time.perf_counter()
    articles = _articles_frame(corpus.articles, cleaned, results, duplicates)
    ids = [article.article_id for article in corpus.articles]
    counted = articles[articles["duplicate_of"] == ""] if fold_duplicates else articles
    keyword_frame = keywords.keywords_frame(_per_article(ids, results, "keywords"))
    tables = Tables(
        articles=articles,
        figures=figures.figures_frame(_per_article(ids, results, "figures")),
        attributions=attribution.attributions_frame(_per_article(ids, results, "attributions")),
        keywords=keyword_frame,
        trends=keywords.build_trends(keyword_frame, counted, terms=terms.names, period=period,
                                     outlets=corpus.outlets),
        boilerplate=pd.DataFrame(
            [{"article_id": article_id, **dataclasses.asdict(removal)}
             for article_id, clean in zip(ids, cleaned, strict=True)
             for removal in clean.removals],
            columns=list(schema.BOILERPLATE)),
        kwic=keywords.kwic_frame(_per_article(ids, results, "hits")),
        keyterms=keywords.keyterms_frame(_per_article(ids, results, "keyterms")),
        distinctive=_distinctive_terms(counted, dict(zip(ids, results, strict=True)), period),
        fold_duplicates=fold_duplicates,
        timings=timings,
    )
    timings["tables"] = time.perf_counter() - started
    return tables


def _per_article(
    ids: Sequence[str], results: Sequence[ArticleResult], field_name: str
) -> Iterator[tuple[str, object]]:
    """Yield ``(article_id, record)`` for every record in one field of every result."""
    for article_id, result in zip(ids, results, strict=True):
        for record in getattr(result, field_name):
            yield article_id, record


def _distinctive_terms(
    counted: pd.DataFrame, results: dict[str, ArticleResult], period: Period
) -> pd.DataFrame:
    """Return the terms distinctive of each outlet and of each period, against the rest."""
    by_outlet: dict[str, Counter[str]] = {}
    by_period: dict[str, Counter[str]] = {}
    dated = counted["published"] != ""
    periods = pd.Series("", index=counted.index)
    if dated.any():
        periods[dated] = keywords.period_label(counted.loc[dated, "published"], period)
    for article_id, outlet, label in zip(counted["article_id"], counted["outlet"], periods,
                                         strict=True):
        frequencies = results[article_id].frequencies
        by_outlet.setdefault(outlet, Counter()).update(frequencies)
        if label:
            by_period.setdefault(label, Counter()).update(frequencies)
    outlets = keywords.distinctive_terms(by_outlet, comparison="outlet")
    periods = keywords.distinctive_terms(by_period, comparison="period")
    frames = [frame for frame in (outlets, periods) if not frame.empty] or [outlets]
    return pd.concat(frames, ignore_index=True)


def _articles_frame(
    articles: Sequence[Article],
    cleaned: Sequence[CleanText],
    results: Sequence[ArticleResult],
    duplicates: dict[str, Duplicate],
) -> pd.DataFrame:
    rows = [
        _article_row(article, clean, result, duplicates.get(article.article_id))
        for article, clean, result in zip(articles, cleaned, results, strict=True)
    ]
    return pd.DataFrame(rows, columns=[*schema.ARTICLES, "text"])


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
            "warnings": [dataclasses.asdict(problem) for problem in corpus.warnings],
        },
        "parameters": parameters,
        "versions": {
            "python": platform.python_version(),
            "model": model_version(nlp),
            **{name: _package_version(name) for name in VERSIONED_PACKAGES},
        },
        "timings_seconds": {name: round(seconds, 3) for name, seconds in timings.items()},
    }


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def write_tables(tables: Tables, out_dir: Path, *, run_info: dict) -> list[Path]:
    """Write every table as CSV and Parquet plus run.json into ``out_dir``; return the paths.

    Tables are written to a staging folder beside ``out_dir`` and swapped in with one
    atomic exchange of the two folders, so a run that fails or is killed at any moment
    leaves the previous set whole. A folder that also holds files of its own (or a
    system without the exchange) gets the files moved in one by one, run.json last.
    """
    out_dir = out_dir.absolute()
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir.parent / f".{out_dir.name}.lock").open("a+") as lock:
        # One writer at a time: any staging folder that exists while we hold the lock
        # is a killed run's.
        fcntl.flock(lock, fcntl.LOCK_EX)
        for stale in [*out_dir.parent.glob(f".{out_dir.name}.staging-*"),
                      *out_dir.glob(".staging-*")]:
            shutil.rmtree(stale, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.staging-", dir=out_dir.parent))
        try:
            staged = _stage_tables(tables, staging)
            (staging / "run.json").write_text(
                json.dumps(run_info, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            staged.append(staging / "run.json")
            staging.chmod(out_dir.stat().st_mode & 0o7777)  # mkdtemp makes it private
            if _only_tables(out_dir) and _exchange(staging, out_dir):
                return [out_dir / path.name for path in staged]
            return _move_in(staged, out_dir)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _only_tables(folder: Path) -> bool:
    """Return whether ``folder`` holds nothing but files a table run writes."""
    names = {f"{name}.{suffix}" for name in schema.TABLES for suffix in ("csv", "parquet")}
    return all(path.name in names | {"run.json"} for path in folder.iterdir())


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2); return False where unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except AttributeError:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second),
                       _RENAME_EXCHANGE)
    if result == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.EXDEV, errno.ENOTSUP):
        return False
    raise OSError(error, os.strerror(error), str(second))


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _move_in(staged: list[Path], out_dir: Path) -> list[Path]:
    written = []
    for path in staged:
        target = out_dir / path.name
        os.replace(path, target)
        written.append(target)
    return written


def _stage_tables(tables: Tables, staging: Path) -> list[Path]:
    staged = []
    for name, frame in tables.by_name().items():
        csv_path = staging / f"{name}.csv"
        # The cleaned article text lives in articles.parquet only: a CSV cell per article
        # would make the table unreadable in a spreadsheet.
        shown = frame.drop(columns=["text"]) if name == "articles" else frame
        shown.to_csv(csv_path, index=False)
        parquet_path = staging / f"{name}.parquet"
        frame.to_parquet(parquet_path, index=False)
        staged += [csv_path, parquet_path]
    return staged
