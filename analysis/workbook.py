"""What a report notebook needs, in one call: validated parameters in, tables out."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from spacy.language import Language

from analysis import keywords
from analysis.attribution import load_gazetteer
from analysis.clean import load_boilerplate_rules
from analysis.codebook import load_codebook
from analysis.corpus import Corpus, load_corpus, load_outlet_names, metadata_gaps, select_articles
from analysis.corrections import correct_articles, load_corrections
from analysis.nlp import lazy_nlp
from analysis.params import (
    ReportParameters,
    check_outlet,
    check_outlets,
    check_period,
    check_selection,
    resolve_period,
)
from analysis.pipeline import (
    Tables,
    build_run_info,
    extract_tables,
    language_caveat,
    stream_tables,
    write_tables,
)
from analysis.tablestore import staged_tables

logger = logging.getLogger(__name__)


@dataclass
class ReportData:
    """The corpus a report covers, its tables and the provenance written beside them."""

    parameters: ReportParameters
    corpus: Corpus
    tables: Tables
    run_info: dict
    changes: pd.DataFrame | None = None  # since an earlier report, when a run compared
    changes_since: str = ""  # which report: "the report of 2024-01-30"


def build_report_data(parameters: ReportParameters, *, outlet: str = "") -> ReportData:
    """Load, select and extract the corpus named by ``parameters``; write tables to out_dir.

    With ``tables_dir`` set, read the tables an ``extract`` wrote there instead
    (``load_report_data``). ``outlet`` is the outlet a page is about, checked against the
    corpus. Raises CorpusError for an unusable corpus, ParameterError for an unknown
    outlet or an empty selection and the rule files' own errors for a malformed file, all
    before the model is loaded.
    """
    if parameters.tables_dir is not None:
        data = load_report_data(parameters)
        if outlet:
            check_outlet(outlet, data.corpus)
        return data
    run = _prepare(parameters, parameters.model, outlet=outlet)
    tables = extract_tables(run.corpus, nlp=run.nlp, **run.options)
    run_info = run.info(tables.timings)
    if parameters.out_dir is not None:
        write_tables(tables, parameters.out_dir, run_info=run_info)
    return ReportData(parameters=parameters, corpus=run.corpus, tables=tables,
                      run_info=run_info)


# The parameters that decide what the tables hold: with tables_dir they are read, not
# applied, so one set to another value than the tables were made with is an error.
EXTRACTION_PARAMETERS = ("corpus", "outlets", "date_from", "date_to", "terms", "terms_file",
                         "period", "duplicate_threshold", "boilerplate_file", "codebook_file",
                         "sides_file", "outlets_file", "corrections_file", "model")


def _check_tables_match(parameters: ReportParameters, recorded: dict, folder: Path) -> None:
    """Raise ParameterError when a parameter that decides the tables is set to a value other
    than the one the tables in ``folder`` were made with (a default defers to the tables)."""
    from analysis.params import ParameterError, validate_parameters

    given, defaults = parameters.as_record(), validate_parameters().as_record()
    for name in EXTRACTION_PARAMETERS:
        if name in recorded and given[name] != defaults[name] and given[name] != recorded[name]:
            raise ParameterError(name, f"{given[name]!r} differs from the {recorded[name]!r} "
                                 f"the tables in {folder} were made with; with tables_dir "
                                 f"the tables decide: leave {name} at its default, or extract "
                                 f"again with it")


def load_report_data(parameters: ReportParameters) -> ReportData:
    """Return the report data of the tables an extract wrote in ``parameters.tables_dir``.

    The articles come back from ``articles.parquet`` (their cleaned text), the skipped
    inputs, warnings and caveats from ``run.json``. Raises ParameterError when a parameter
    that decides the tables (``EXTRACTION_PARAMETERS``) is set to another value than the
    tables were made with.
    """
    import json

    import pyarrow.parquet as pq

    from analysis import schema
    from analysis.corpus import Article, Problem
    from analysis.tablestore import typed

    folder = parameters.tables_dir
    run_info = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    _check_tables_match(parameters, run_info.get("parameters", {}), folder)
    frames = {name: typed(pq.read_table(folder / f"{name}.parquet").to_pandas(), name)
              for name in schema.TABLES}
    tables = Tables(**frames, fold_duplicates=parameters.fold_duplicates,
                    timings=run_info.get("timings_seconds", {}))
    fields = ("outlet", "published", "title", "url", "authors", "language", "source_file",
              "fetched", "metadata_source")
    articles = [Article(article_id=row["article_id"], text=row["text"],
                        **{name: row[name] or "" for name in fields})
                for row in frames["articles"].to_dict("records")]
    changes, since = None, ""
    if (folder / "changes.parquet").is_file():
        changes = pq.read_table(folder / "changes.parquet").to_pandas()
        since = json.loads((folder / "changes.json").read_text(encoding="utf-8"))["since"]
    recorded = run_info.get("corpus", {})
    corpus = Corpus(source=Path(recorded.get("source", str(parameters.corpus))),
                    articles=articles,
                    skipped=[Problem(**problem) for problem in recorded.get("skipped", [])],
                    warnings=[Problem(**problem) for problem in recorded.get("warnings", [])])
    return ReportData(parameters=parameters, corpus=corpus, tables=tables, run_info=run_info,
                      changes=changes, changes_since=since)


def extract_to_folder(parameters: ReportParameters, *, progress: bool | None = None,
                      write_to: Path | None = None) -> ExtractSummary:
    """Write the tables of the corpus named by ``parameters`` into ``parameters.out_dir``.

    Rows are written chunk by chunk as articles are extracted (one Parquet row group per
    chunk), so no table is ever whole in memory; the set replaces the folder's previous
    one at once when the run completes, and a failed run leaves it untouched. With
    ``write_to`` the tables go there while run.json still names ``out_dir`` (a report
    stages its tables where they will not stay). Raises as ``build_report_data`` does.
    """
    if parameters.out_dir is None:
        raise ValueError("extract_to_folder: parameters.out_dir is not set")
    run = _prepare(parameters, parameters.model)
    for caveat in run.caveats:
        logger.warning("%s", caveat)
    with staged_tables(write_to or parameters.out_dir) as files:
        timings = stream_tables(run.corpus, files, nlp=run.nlp, progress=progress,
                                **run.options)
        files.run_info = run.info(timings)
    return ExtractSummary(corpus=run.corpus, rows=dict(files.rows), written=files.written)


@dataclass
class ExtractSummary:
    """What ``extract_to_folder`` wrote: the corpus, rows per table and the files."""

    corpus: Corpus
    rows: dict[str, int]
    written: list[Path]


@dataclass
class _PreparedRun:
    """A selected corpus, the loaded model and the extraction options, ready to run."""

    parameters: ReportParameters
    corpus: Corpus
    nlp: Language
    options: dict
    caveats: list[str]
    timings: dict[str, float]

    def info(self, timings: dict[str, float]) -> dict:
        """Return the run.json record of this run with the extraction ``timings``."""
        return {**build_run_info(self.corpus, parameters=self.parameters.as_record(),
                                 nlp=self.nlp, timings={**self.timings, **timings}),
                "trend_period": self.options["period"], "caveats": self.caveats,
                "corrections": self.options["corrections"].summary()}


def _prepare(parameters: ReportParameters, model: str, *, outlet: str = "") -> _PreparedRun:
    """Load and check the corpus and every list before the model, then the model."""
    started = time.perf_counter()
    corpus = load_corpus(parameters.corpus, strict=parameters.strict,
                         outlet_names=load_outlet_names(parameters.outlets_file))
    corrections = load_corrections(parameters.corrections_file)
    corpus.articles = correct_articles(corpus.articles, corrections)
    check_outlets(parameters, corpus)
    if outlet:
        check_outlet(outlet, corpus)
    selected = select_articles(corpus, outlets=parameters.outlets,
                               date_from=parameters.date_from, date_to=parameters.date_to)
    check_selection(parameters, corpus, selected)
    check_period(parameters, selected)
    options = dict(
        terms=keywords.load_terms(parameters.terms_file, extra=parameters.terms),
        boilerplate_rules=load_boilerplate_rules(parameters.boilerplate_file),
        codebook=load_codebook(parameters.codebook_file),
        gazetteer=load_gazetteer(parameters.sides_file),
        cache_folder=parameters.cache_dir, scheduler=parameters.scheduler, model=model,
        n_process=parameters.processes, period=resolve_period(parameters.period, selected),
        fold_duplicates=parameters.fold_duplicates,
        duplicate_threshold=parameters.duplicate_threshold, corrections=corrections)
    load_started = time.perf_counter()
    nlp = lazy_nlp(model)  # loaded on first use: a fully cached re-run never loads it
    loaded = time.perf_counter()
    caveats = [sentence for sentence in (metadata_gaps(selected.articles),
                                         language_caveat(selected, nlp)) if sentence]
    return _PreparedRun(parameters=parameters, corpus=selected, nlp=nlp, options=options,
                        caveats=caveats, timings={"load_corpus": load_started - started,
                                                  "load_model": loaded - load_started})
