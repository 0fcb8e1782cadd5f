"""Parsing and extraction throughput: bare nlp.pipe, full extraction, processes, cache.

usage: python benchmarks/throughput.py [CORPUS] [--limit N] [--processes 2]

CORPUS is a folder of articles or a .jsonl/.csv/.parquet file; by default the ~900
PolNeAR news texts under ../shared/benchmarks/attribution/texts (evaluation data, read
in place, never copied; the script skips when they are absent). Prints in one run: bare
`nlp.pipe` words per second, full extraction (clean, parse, every extractor, tables)
words per second and their ratio; 1 against N processes; a Dask LocalCluster (one
worker per core) against one process; a cold against a warm cache; and the peak resident
memory of this process (Dask workers and parser processes not included). Every timing
follows a one-article warm-up, so one-time imports do not count as throughput. Targets
(issue 9): full >= 0.9x bare; 2 processes >= 1.8x one; warm >= 20x faster than cold.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from analysis.corpus import Corpus, load_corpus
from analysis.nlp import PIPE_BATCH_SIZE, load_nlp, parse
from analysis.pipeline import extract_tables

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "benchmarks" / "attribution" / "texts"


def timed(label: str, words: int, action) -> float:
    """Run ``action``, print its words per second and return the seconds it took."""
    started = time.perf_counter()
    action()
    seconds = time.perf_counter() - started
    print(f"{label:<44}{seconds:>9.1f} s{words / seconds:>12,.0f} words/s", flush=True)
    return seconds


def main() -> None:
    """Parse arguments, run every measurement and print the ratios against the targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="first N articles only")
    parser.add_argument("--processes", type=int, default=2)
    arguments = parser.parse_args()
    if not arguments.corpus.exists():
        print(f"skipped: {arguments.corpus} not found (pass a corpus path)")
        return
    corpus = load_corpus(arguments.corpus)
    if arguments.limit:
        corpus = Corpus(source=corpus.source, articles=corpus.articles[: arguments.limit])
    nlp = load_nlp()
    texts = [article.text for article in corpus.articles]
    words = sum(len(text.split()) for text in texts)
    print(f"{len(texts)} articles, {words:,} words; model {nlp.meta['name']} "
          f"{nlp.meta['version']}\n")
    # Warm-up, as the model is loaded before the bare parse: one-time imports (textacy's
    # keyterms take about 2.5 s) and the term matcher are not throughput.
    extract_tables(Corpus(source=corpus.source, articles=corpus.articles[:1]), nlp=nlp)
    bare = timed("bare nlp.pipe, 1 process", words,
                 lambda: list(nlp.pipe(texts, batch_size=PIPE_BATCH_SIZE)))
    full = timed("full extraction, 1 process, no cache", words,
                 lambda: extract_tables(corpus, nlp=nlp))
    several = timed(f"full extraction, {arguments.processes} processes, no cache", words,
                    lambda: extract_tables(corpus, nlp=nlp, n_process=arguments.processes))
    bare_several = timed(f"bare nlp.pipe, {arguments.processes} processes", words,
                         lambda: list(parse(texts, nlp, n_process=arguments.processes)))
    on_dask = timed("full extraction, Dask LocalCluster, no cache", words,
                    lambda: extract_tables(corpus, nlp=nlp, scheduler="local"))
    with tempfile.TemporaryDirectory() as folder:
        cold = timed("full extraction, cold cache", words,
                     lambda: extract_tables(corpus, nlp=nlp, cache_folder=Path(folder)))
        warm = timed("full extraction, warm cache", words,
                     lambda: extract_tables(corpus, nlp=nlp, cache_folder=Path(folder)))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nfull / bare speed:                {bare / full:.2f}x   (target >= 0.9)")
    print(f"{arguments.processes} processes / 1, full:          {full / several:.2f}x   "
          f"(target >= 1.8)")
    print(f"{arguments.processes} processes / 1, bare:          {bare / bare_several:.2f}x")
    print(f"Dask LocalCluster / 1 process:    {full / on_dask:.2f}x   (cluster start included)")
    print(f"warm / cold cache:                {cold / warm:.1f}x   (target >= 20)")
    print(f"peak resident memory:             {peak:,.0f} MB")


if __name__ == "__main__":
    main()
