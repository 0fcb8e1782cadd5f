"""Peak memory and time of `python -m analysis extract` on a large synthetic corpus.

usage: python benchmarks/memory_scale.py [SOURCE] [--articles 10000] [--processes 2]
                                         [--short] [--keep DIR]

Builds a JSONL corpus of ``--articles`` articles from the texts in SOURCE (a folder of
.txt files; by default the ~900 PolNeAR news texts under
../shared/benchmarks/attribution/texts, read in place and never copied into this
repository; the script skips when they are absent). Article n is source text
n mod len(SOURCE) with its paragraphs rotated, so every article is a distinct text of
real news prose, spread over 50 outlets and one year. Then runs the extract command on
it twice (cold cache, then warm) in a child process and samples the resident memory of
the child and all its workers every 0.2 s (proportional set size, so pages the forked
workers share are counted once). Prints the time, articles per second, the peak memory
of the whole process tree and of the main process, and the rows written. Target
(issue 9): a 10,000-article corpus within 2 GB of peak RSS.

With ``--short`` each record is one sentence of the source texts with its record number
(a feed of short items: ``--articles 1000000`` is the million-record case of issue 20,
target: the whole process tree within 2 GiB).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO.parent / "shared" / "benchmarks" / "attribution" / "texts"


def build_corpus(source: Path, count: int, target: Path, *, short: bool = False) -> int:
    """Write ``count`` synthetic articles from the texts in ``source`` to ``target``.

    Returns the number of words written.
    """
    texts = [path.read_text(encoding="utf-8") for path in sorted(source.glob("*.txt"))]
    if short:
        return _build_short_corpus(texts, count, target)
    words = 0
    first_day = date(2024, 1, 1)
    with target.open("w", encoding="utf-8") as handle:
        for number in range(count):
            paragraphs = [part for part in texts[number % len(texts)].split("\n\n") if part]
            turn = (number // len(texts)) % max(len(paragraphs), 1)
            text = "\n\n".join(paragraphs[turn:] + paragraphs[:turn])
            words += len(text.split())
            record = {"article_id": f"synthetic-{number:05d}",
                      "outlet": f"Outlet {number % 50:02d}",
                      "published": (first_day + timedelta(days=number % 366)).isoformat(),
                      "title": f"Synthetic article {number}", "text": text}
            handle.write(json.dumps(record) + "\n")
    return words


def _build_short_corpus(texts: list[str], count: int, target: Path) -> int:
    """Write ``count`` one-sentence records, each a sentence of ``texts`` and its number."""
    import re

    sentences = [sentence for text in texts
                 for sentence in re.split(r"(?<=[.!?])\s+", text.replace("\n", " "))
                 if 8 <= len(sentence.split()) <= 40]
    words = 0
    first_day = date(2024, 1, 1)
    with target.open("w", encoding="utf-8") as handle:
        for number in range(count):
            text = f"{sentences[number % len(sentences)]} Item {number}."
            words += len(text.split())
            handle.write(json.dumps({
                "article_id": f"item-{number:07d}", "outlet": f"Outlet {number % 50:02d}",
                "published": (first_day + timedelta(days=number % 366)).isoformat(),
                "text": text}) + "\n")
    return words


def run_measured(command: list[str]) -> tuple[float, float, float, str]:
    """Run ``command``; return (seconds, peak tree PSS MB, peak main PSS MB, stdout)."""
    started = time.perf_counter()
    # stderr goes to a file: a long run's progress lines would fill a pipe nobody reads.
    with tempfile.TemporaryFile(mode="w+") as log:
        child = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=log,
                                 text=True)
        process = psutil.Process(child.pid)
        peak_tree = peak_main = 0.0
        while child.poll() is None:
            try:
                main = _memory(process)
                tree = main + sum(_memory(worker)
                                  for worker in process.children(recursive=True))
            except psutil.NoSuchProcess:
                break
            peak_main, peak_tree = max(peak_main, main), max(peak_tree, tree)
            time.sleep(0.2)
        stdout, _ = child.communicate()
        log.seek(0)
        stderr = log.read()
    seconds = time.perf_counter() - started
    if child.returncode != 0:
        sys.exit(f"extract failed ({child.returncode}):\n{stderr[-3000:]}")
    return seconds, peak_tree / 2**20, peak_main / 2**20, stdout.strip()


def _memory(process: psutil.Process) -> int:
    """Return the proportional set size of ``process``: RSS with shared pages split.

    Forked workers share the parent's loaded model copy-on-write; summing plain RSS
    would count those pages once per process.
    """
    try:
        return process.memory_full_info().pss
    except psutil.NoSuchProcess:
        return 0


def main() -> None:
    """Build the corpus, run extract cold and warm, print time, memory and rows."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--short", action="store_true",
                        help="one-sentence records instead of whole articles")
    parser.add_argument("--keep", type=Path, help="build the corpus and tables here and keep them")
    arguments = parser.parse_args()
    if not any(arguments.source.glob("*.txt")):
        print(f"skipped: no .txt articles in {arguments.source} (pass a folder of texts)")
        return
    with tempfile.TemporaryDirectory() as scratch:
        folder = arguments.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        corpus = folder / "corpus.jsonl"
        words = build_corpus(arguments.source, arguments.articles, corpus, short=arguments.short)
        print(f"{arguments.articles:,} articles, {words:,} words "
              f"({corpus.stat().st_size / 2**20:,.0f} MB of JSONL); "
              f"{arguments.processes} processes\n")
        command = [sys.executable, "-m", "analysis", "extract", str(corpus),
                   "--out", str(folder / "tables"), "--cache-dir", str(folder / "cache"),
                   "--processes", str(arguments.processes)]
        for label in ("cold cache", "warm cache"):
            seconds, tree, main_rss, said = run_measured(command)
            said = said.splitlines()[-1] if said else said
            print(f"{label}: {seconds:,.0f} s ({arguments.articles / seconds:,.1f} articles/s, "
                  f"{words / seconds:,.0f} words/s); peak memory {tree:,.0f} MB for all "
                  f"processes (PSS), {main_rss:,.0f} MB for the main one  [{said}]", flush=True)
        rows = {path.stem: _rows(path) for path in sorted((folder / "tables").glob("*.parquet"))}
        print("rows: " + ", ".join(f"{name} {count:,}" for name, count in rows.items()))
        print("target: peak RSS <= 2,048 MB for 10,000 articles")


def _rows(path: Path) -> int:
    import pyarrow.parquet as pq

    return pq.ParquetFile(path).metadata.num_rows


if __name__ == "__main__":
    main()
