"""The per-article stage: parse once, run every extractor, cache what they found.

``iter_results`` is the one function that turns cleaned texts into per-article results,
in order and batch by batch. It runs in this process, in forked processes, or on Dask
workers partition by partition (``iter_on_dask``), and gives the same results each way.
With a cache folder, results are kept per article keyed by the parse key and a
fingerprint of the extractors (their code and their lists), so an unchanged article is
neither parsed nor extracted again, and editing a codebook, a term list or the code
recomputes everything.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import json
import logging
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from analysis import attribution, figures, keywords
from analysis.codebook import Codebook
from analysis.files import progress as progress_counter
from analysis.files import write_atomically
from analysis.nlp import LazyPipeline, ParseCache, chunked, load_nlp, parse, parse_key

logger = logging.getLogger(__name__)
EXTRACTOR_MODULES = ("articles", "attribution", "codebook", "figures", "keywords")


@dataclass(frozen=True)
class ArticleResult:
    """Everything the extractors found in one parsed article."""

    words: int
    figures: list[figures.Figure]
    attributions: list[attribution.Attribution]
    keywords: list[keywords.TermCount]
    hits: list[keywords.TermHit]
    keyterms: list[keywords.Keyterm]
    frequencies: Counter[str]
    analysed: bool = True


def unanalysed_result(text: str) -> ArticleResult:
    """Return the result of an article the extractors do not read (another language):
    nothing found, words counted at the spaces."""
    return ArticleResult(words=len(text.split()), figures=[], attributions=[], keywords=[],
                         hits=[], keyterms=[], frequencies=Counter(), analysed=False)


@dataclass(frozen=True)
class Extractors:
    """The lists the extractors use: codebook, side gazetteer and tracked terms."""

    codebook: Codebook
    gazetteer: attribution.SideGazetteer
    terms: keywords.TermList

    @cached_property
    def fingerprint(self) -> str:
        """Return a hash of the extractors' code and lists: any change misses the cache."""
        digest = hashlib.sha256()
        for path in extractor_sources():
            digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
        digest.update(repr((self.codebook, self.gazetteer, self.terms)).encode("utf-8"))
        return digest.hexdigest()


def extractor_sources(package: Path = Path(__file__).parent) -> list[Path]:
    """Return the files whose content decides what the extractors find, in a fixed order.

    An extractor is a module (``figures.py``) or a package (``figures/``), whose Python
    files and data files all count.
    """
    sources = []
    for name in EXTRACTOR_MODULES:
        module, folder = package / f"{name}.py", package / name
        if module.is_file():
            sources.append(module)
        if folder.is_dir():
            sources += sorted(path for path in folder.rglob("*")
                              if path.is_file() and "__pycache__" not in path.parts)
    return sources


def extract_article(doc: Doc, extractors: Extractors, matcher: keywords.TermMatcher
                    ) -> ArticleResult:
    """Return what every extractor finds in ``doc``; figures get their source attached."""
    found_attributions = list(attribution.extract_attributions(
        doc, gazetteer=extractors.gazetteer))
    found_figures = [
        _with_source(figure, doc, found_attributions)
        for figure in figures.extract_figures(doc, codebook=extractors.codebook)
    ]
    words = keywords.count_words(doc)
    hits = keywords.find_terms(doc, matcher)
    return ArticleResult(
        words=words,
        figures=found_figures,
        attributions=found_attributions,
        keywords=list(keywords.count_terms(doc, matcher, hits=hits, words=words)),
        hits=list(keywords.keyword_in_context(doc, matcher, hits=hits)),
        keyterms=list(keywords.extract_keyterms(doc)),
        frequencies=keywords.term_frequencies(doc),
    )


def _with_source(
    figure: figures.Figure, doc: Doc, found: Sequence[attribution.Attribution]
) -> figures.Figure:
    """Return ``figure`` with the source of the citation that covers it.

    Only citations give a figure a source (not a plan, a belief or a stance taken by
    deeds). The citation whose content holds the figure wins (the narrowest, where contents
    nest); otherwise one whose cue is in the figure's sentence, the nearest to it; otherwise
    a citation that closes a later sentence of its paragraph after its claim ("...,
    The Washington Post reported"), with no other cue between: it covers the claims
    before it back to the last cue.
    """
    cited = [record for record in found if record.citation and record.source]
    holding = [record for record in cited
               if record.content_start <= figure.start < record.content_end]
    if holding:
        narrowest = min(holding, key=lambda record: record.content_end - record.content_start)
        return dataclasses.replace(figure, source=narrowest.source)
    span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
    if span is None:
        return figure
    sentence = span.sent
    in_sentence = [record for record in cited
                   if sentence.start_char <= record.cue_start < sentence.end_char]
    if in_sentence:
        nearest = min(in_sentence, key=lambda record: abs(record.cue_start - figure.start))
        return dataclasses.replace(figure, source=nearest.source)
    following = _following_citation(doc.text, figure.start, sentence.end_char, found, cited)
    return figure if following is None else dataclasses.replace(figure, source=following.source)


def _following_citation(
    text: str, position: int, after: int, found: Sequence[attribution.Attribution],
    cited: Sequence[attribution.Attribution],
) -> attribution.Attribution | None:
    """Return the citation that reports the claims of its paragraph before it ("X. Y, the
    Post reported"): the first cue after ``after`` in the paragraph of ``position``, when it
    is a citation whose content comes before its cue."""
    paragraph_end = text.find("\n", position)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    later = sorted((record for record in found if after <= record.cue_start < paragraph_end),
                   key=lambda record: record.cue_start)
    if not later or later[0] not in cited:
        return None
    first = later[0]
    reported_before = first.content_start >= 0 and first.content_end <= first.cue_start
    return first if reported_before else None


@dataclass(frozen=True)
class ResultCache:
    """Per-article results as JSON files, keyed by parse key and extractor fingerprint."""

    folder: Path

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def has(self, key: str) -> bool:
        """Return whether a result is stored under ``key``."""
        return self._path(key).is_file()

    def load(self, key: str) -> ArticleResult | None:
        """Return the cached result for ``key``, or None when missing or unreadable."""
        try:
            record = json.loads(self._path(key).read_text(encoding="utf-8"))
            return _result_from_record(record)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, KeyError):
            logger.warning("result cache entry %s is unreadable; extracting again",
                           self._path(key))
            return None

    def store(self, key: str, result: ArticleResult) -> None:
        """Write ``result`` under ``key``; a cache that cannot be written is only a warning."""
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, json.dumps(_record(result)))
        except OSError as error:
            logger.warning("could not write the result cache in %s: %s", self.folder, error)


def _record(result: ArticleResult) -> dict:
    # asdict rebuilds a Counter from (key, count) pairs, counting the pairs: copy it aside.
    record = dataclasses.asdict(dataclasses.replace(result, frequencies=Counter()))
    record["frequencies"] = dict(result.frequencies)
    return record


def _result_from_record(record: dict) -> ArticleResult:
    return ArticleResult(
        words=int(record["words"]),
        figures=[figures.Figure(**item) for item in record["figures"]],
        attributions=[attribution.Attribution(**item) for item in record["attributions"]],
        keywords=[keywords.TermCount(**item) for item in record["keywords"]],
        hits=[keywords.TermHit(**item) for item in record["hits"]],
        keyterms=[keywords.Keyterm(**item) for item in record["keyterms"]],
        frequencies=Counter(record["frequencies"]),
    )


def iter_results(
    texts: Sequence[str],
    nlp: Language,
    extractors: Extractors,
    *,
    cache_folder: Path | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    progress: bool | None = None,
) -> Iterator[ArticleResult]:
    """Yield one ArticleResult per text, in order, parsing only what no cache holds.

    Texts flow in batches and results are yielded as their batch is done, so memory is
    bounded by the batches in flight, not by the corpus. With ``cache_folder`` a result
    found under ``results/`` is read back and the rest are parsed (through the parse
    cache under ``parses/``) and extracted. With ``n_process`` > 1, forked processes each
    parse and extract whole batches of up to ``batch_size`` texts (nlp.pipe itself takes
    ``nlp.PIPE_BATCH_SIZE`` at a time).
    """
    worker = BatchWorker(nlp, extractors, cache_folder)
    if n_process > 1 and len(texts) > batch_size:
        worker.load_unless_cached(texts)  # before the fork, so the workers share one copy
    with progress_counter(len(texts), unit="article", desc="extract",
                          requested=progress) as bar:
        if n_process > 1 and len(texts) > batch_size:
            # At least eight batches per process, so that none idles long at the end.
            size = max(4, min(batch_size, -(-len(texts) // (8 * n_process))))
            done = _in_processes(worker, chunked(texts, size), n_process)
        else:
            done = map(worker, chunked(texts, batch_size * 4))
        for results in done:
            bar.update(len(results))
            yield from results


def extract_articles(texts: Sequence[str], nlp: Language, extractors: Extractors,
                     **options) -> list[ArticleResult]:
    """Return ``iter_results`` as a list: one ArticleResult per text, in order."""
    return list(iter_results(texts, nlp, extractors, **options))


class BatchWorker:
    """Turns one batch of texts into results: cached ones read back, the rest parsed once."""

    def __init__(self, nlp: Language, extractors: Extractors, cache_folder: Path | None):
        self.nlp = nlp
        self.extractors = extractors
        self.parses = ParseCache(cache_folder / "parses") if cache_folder else None
        self.results = ResultCache(cache_folder / "results") if cache_folder else None
        self._matcher: keywords.TermMatcher | None = None

    @property
    def matcher(self) -> keywords.TermMatcher:
        """Return the tracked-term matcher, built on first use (in the process that runs)."""
        if self._matcher is None:
            self._matcher = keywords.build_term_matcher(self.nlp, self.extractors.terms)
        return self._matcher

    def load_unless_cached(self, texts: Sequence[str]) -> None:
        """Load a lazy pipeline now unless every text's result is in the cache."""
        if isinstance(self.nlp, LazyPipeline) and not (
                self.results and all(self.results.has(self._result_key(text)) for text in texts)):
            self.nlp.load()

    def __call__(self, texts: list[str]) -> list[ArticleResult]:
        """Return the results of ``texts``, in order, storing new ones in the cache."""
        if self.results is None:
            return self._extract(texts)
        keys = [self._result_key(text) for text in texts]
        results = [self.results.load(key) for key in keys]
        missing = [number for number, result in enumerate(results) if result is None]
        for number, result in zip(missing, self._extract([texts[n] for n in missing]),
                                  strict=True):
            self.results.store(keys[number], result)
            results[number] = result
        return results  # type: ignore[return-value]

    def _extract(self, texts: list[str]) -> list[ArticleResult]:
        docs = parse(texts, self.nlp, cache=self.parses, progress=False)
        return [extract_article(doc, self.extractors, self.matcher) for doc in docs]

    def _result_key(self, text: str) -> str:
        key = f"{parse_key(text, self.nlp)}|{self.extractors.fingerprint}"
        return hashlib.sha256(key.encode()).hexdigest()


# Set before the worker processes fork, so that each inherits the loaded pipeline.
_FORKED_WORKER: list[BatchWorker] = []
# Worker processes are replaced by fresh forks after this many texts: a spaCy process
# keeps every new word it meets in its vocabulary, so a long run's workers would grow
# with the corpus (a million feed items each with its own number) instead of staying put.
WORKER_TEXTS = 20_000


def _in_processes(
    worker: BatchWorker, batches: Iterator[list[str]], n_process: int
) -> Iterator[list[ArticleResult]]:
    """Yield ``worker``'s results of each batch, in order, run in ``n_process`` forks.

    Each process runs both stages, so extraction scales with the processes as parsing
    does (spaCy's own ``n_process`` parallelises the parse only). At most two batches per
    process are in flight, so finished results never pile up. After ``WORKER_TEXTS``
    texts the processes finish their batches and fresh ones are forked.
    """
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    _FORKED_WORKER[:] = [worker]
    # Objects that exist before the fork move to a generation the collector never scans:
    # otherwise each worker's collections touch them and copy every page they sit on.
    gc.freeze()
    pool: ProcessPoolExecutor | None = None
    try:
        pending: deque = deque()
        texts = 0
        for batch in batches:
            if pool is None:
                pool = ProcessPoolExecutor(max_workers=n_process, mp_context=get_context("fork"))
            pending.append(pool.submit(_run_forked_worker, batch))
            texts += len(batch)
            if len(pending) >= 2 * n_process:
                yield pending.popleft().result()
            if texts >= WORKER_TEXTS:
                while pending:
                    yield pending.popleft().result()
                pool.shutdown()
                pool, texts = None, 0
        while pending:
            yield pending.popleft().result()
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        _FORKED_WORKER.clear()
        gc.unfreeze()


def _run_forked_worker(texts: list[str]) -> list[ArticleResult]:
    return _FORKED_WORKER[0](texts)


def iter_on_dask(
    texts: Sequence[str],
    extractors: Extractors,
    *,
    scheduler: str,
    model: str,
    cache_folder: Path | None = None,
    partition_size: int = 64,
    progress: bool | None = None,
) -> Iterator[ArticleResult]:
    """Yield one ArticleResult per text, in order, computed on a dask.distributed cluster.

    ``scheduler`` is a scheduler address ("tcp://host:8786") or "local" for a
    LocalCluster of one single-threaded worker process per core on this machine. Texts go
    to workers as a dask.bag in partitions of at most ``partition_size``, at least four
    per worker thread, and each partition's results are gathered and released in order.
    Every worker needs this package and the model installed (and, for a shared cache,
    the same cache folder).
    """
    import dask.bag
    from dask.distributed import Client, LocalCluster

    if scheduler == "local":
        cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        cluster, client = None, Client(scheduler)
    try:
        # Four partitions per worker thread at least, so that no worker idles at the end.
        threads = max(sum(client.nthreads().values()), 1)
        size = max(8, min(partition_size, -(-len(texts) // (4 * threads))))
        bag = dask.bag.from_sequence(list(texts), partition_size=size).map_partitions(
            _partition_results, model=model, extractors=extractors, cache_folder=cache_folder)
        partitions = client.compute(bag.to_delayed())
        with progress_counter(len(texts), unit="article", desc="extract on Dask",
                              requested=progress) as bar:
            for number, partition in enumerate(partitions):
                results = partition.result()
                partitions[number] = None  # release it on the cluster
                bar.update(len(results))
                yield from results
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _partition_results(texts: Sequence[str], **options) -> list[ArticleResult]:
    return extract_partition(list(texts), **options)


def extract_partition(
    texts: Sequence[str], *, model: str, extractors: Extractors, cache_folder: Path | None
) -> list[ArticleResult]:
    """Return the results of one partition of texts: the function Dask workers run.

    Each worker process loads the pipeline ``model`` once and keeps it.
    """
    return extract_articles(texts, load_nlp(model), extractors, cache_folder=cache_folder,
                            progress=False)
