"""What a report notebook needs, in one call: validated parameters in, tables out."""

from __future__ import annotations

import time
from dataclasses import dataclass

from analysis import keywords
from analysis.attribution import load_gazetteer
from analysis.clean import load_boilerplate_rules
from analysis.codebook import load_codebook
from analysis.corpus import Corpus, load_corpus, select_articles
from analysis.nlp import DEFAULT_MODEL, load_nlp
from analysis.params import ReportParameters, check_outlets
from analysis.pipeline import Tables, build_run_info, extract_tables, write_tables


@dataclass
class ReportData:
    """The corpus a report covers, its tables and the provenance written beside them."""

    parameters: ReportParameters
    corpus: Corpus
    tables: Tables
    run_info: dict


def build_report_data(parameters: ReportParameters, *, model: str = DEFAULT_MODEL) -> ReportData:
    """Load, select and extract the corpus named by ``parameters``; write tables to out_dir.

    Raises CorpusError for an unusable corpus, ParameterError for an unknown outlet and
    the rule files' own errors for a malformed file, all before the model is loaded.
    """
    started = time.perf_counter()
    corpus = load_corpus(parameters.corpus, strict=parameters.strict)
    check_outlets(parameters, corpus)
    selected = select_articles(corpus, outlets=parameters.outlets,
                               date_from=parameters.date_from, date_to=parameters.date_to)
    terms = keywords.load_terms(parameters.terms_file, extra=parameters.terms)
    rules = load_boilerplate_rules(parameters.boilerplate_file)
    codebook = load_codebook(parameters.codebook_file)
    gazetteer = load_gazetteer(parameters.sides_file)
    load_started = time.perf_counter()
    nlp = load_nlp(model)
    loaded = time.perf_counter()
    tables = extract_tables(selected, nlp=nlp, terms=terms, boilerplate_rules=rules,
                            codebook=codebook, gazetteer=gazetteer,
                            cache_folder=parameters.cache_dir,
                            scheduler=parameters.scheduler, model=model,
                            n_process=parameters.processes,
                            period=parameters.period,
                            fold_duplicates=parameters.fold_duplicates,
                            duplicate_threshold=parameters.duplicate_threshold)
    timings = {"load_corpus": load_started - started, "load_model": loaded - load_started,
               **tables.timings}
    run_info = build_run_info(selected, parameters=parameters.as_record(), nlp=nlp,
                              timings=timings)
    if parameters.out_dir is not None:
        write_tables(tables, parameters.out_dir, run_info=run_info)
    return ReportData(parameters=parameters, corpus=selected, tables=tables, run_info=run_info)
