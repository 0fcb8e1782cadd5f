"""Saved news web pages: body text, page metadata, folds and speed of the corpus loader.

usage: python benchmarks/webpages.py [BENCHMARK_DIR] [--out PRED.json] [--replicate N]

BENCHMARK_DIR holds ``html/<id>.html.gz``, ``ground_truth.json`` and ``score.py`` (default:
../shared/benchmarks/webpages beside the repository; the run is skipped with exit status
0 when it is absent). The pages are loaded as a user's folder without a manifest
(``load_corpus``), cleaned as every report cleans them (``clean_corpus``), and scored:

- body-text F1 of the cleaned text, and of trafilatura's text before our cleaning, by
  the benchmark's own ``score.py`` (word 4-gram shingles, averaged per page);
- the share of pages with a title, a publication date and an outlet found;
- the pages folded as rewrites of another (``find_duplicates`` at the default threshold);
- pages per second through loading (text and metadata extraction).

With ``--replicate N`` the pages are also copied N times over into a temporary folder
(each copy a new file) and ``extract`` runs on it end to end without a cache: the time
to load, parse and extract that many saved pages.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis.clean import clean_corpus
from analysis.corpus import load_corpus
from analysis.duplicates import find_duplicates

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DIR = REPO.parent / "shared" / "benchmarks" / "webpages"
SCORE_LINE = re.compile(r"body F1 ([\d.]+)\s+precision ([\d.]+)\s+recall ([\d.]+)")


def score(folder: Path, bodies: dict[str, str], out: Path) -> tuple[float, float, float]:
    """Return (F1, precision, recall) of ``bodies`` by the benchmark's own scorer."""
    out.write_text(json.dumps({key: {"articleBody": text} for key, text in bodies.items()},
                              ensure_ascii=False), encoding="utf-8")
    printed = subprocess.run(
        [sys.executable, str(folder / "score.py"), str(folder / "ground_truth.json"), str(out)],
        capture_output=True, text=True, check=True).stdout
    f1, precision, recall = map(float, SCORE_LINE.search(printed).groups())
    return f1, precision, recall


def raw_bodies(folder: Path) -> dict[str, str]:
    """Return trafilatura's text of every page with the loader's options, before cleaning."""
    from analysis.corpus.pages import read_page

    bodies = {}
    for path in sorted((folder / "html").glob("*.html.gz")):
        try:
            bodies[path.name.removesuffix(".html.gz")] = read_page(
                gzip.decompress(path.read_bytes()).decode("utf-8")).text
        except ValueError:
            bodies[path.name.removesuffix(".html.gz")] = ""
    return bodies


def replicate_and_extract(folder: Path, copies: int) -> tuple[int, float]:
    """Copy the pages ``copies`` times into a temporary corpus and time ``extract`` on it."""
    with tempfile.TemporaryDirectory(prefix="webpages-x") as temporary:
        corpus = Path(temporary) / "corpus"
        corpus.mkdir()
        pages = sorted((folder / "html").glob("*.html.gz"))
        for copy in range(copies):
            for page in pages:
                shutil.copy(page, corpus / f"c{copy:03d}-{page.name}")
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "analysis", "extract", str(corpus), "--out",
                        str(Path(temporary) / "tables"), "--no-cache"], check=True,
                       cwd=REPO, capture_output=True)
        return len(pages) * copies, time.perf_counter() - started


def main() -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--out", type=Path, default=None, help="where to keep predictions")
    parser.add_argument("--replicate", type=int, default=0,
                        help="also time extract on this many copies of the pages")
    arguments = parser.parse_args()
    folder = arguments.folder
    if not (folder / "html").is_dir() or not (folder / "score.py").is_file():
        print(f"skipped: no webpages benchmark at {folder}")
        return 0
    pages = len(list((folder / "html").glob("*.html.gz")))

    started = time.perf_counter()
    corpus = load_corpus(folder / "html")
    load_seconds = time.perf_counter() - started
    cleaned = clean_corpus(corpus)
    bodies = {article.article_id: clean.text
              for article, clean in zip(corpus.articles, cleaned, strict=True)}
    folds = find_duplicates([(article.article_id, article.published, clean.text)
                             for article, clean in zip(corpus.articles, cleaned, strict=True)])

    with tempfile.TemporaryDirectory() as temporary:
        out = arguments.out or Path(temporary) / "pred.json"
        cleaned_score = score(folder, bodies, out)
        raw_score = score(folder, raw_bodies(folder), Path(temporary) / "raw.json")

    def share(field: str) -> str:
        found = sum(bool(getattr(article, field)) for article in corpus.articles)
        return f"{found}/{pages} ({100 * found / pages:.1f}%)"

    print(f"pages: {pages}, loaded {len(corpus.articles)}, skipped {len(corpus.skipped)}")
    print(f"body F1 / P / R, cleaned text:        {cleaned_score[0]:.3f} / "
          f"{cleaned_score[1]:.3f} / {cleaned_score[2]:.3f}")
    print(f"body F1 / P / R, before our cleaning: {raw_score[0]:.3f} / {raw_score[1]:.3f} / "
          f"{raw_score[2]:.3f}")
    print(f"title {share('title')}, date {share('published')}, outlet {share('outlet')}, "
          f"url {share('url')}, authors {share('authors')}")
    languages = sorted({article.language for article in corpus.articles} - {""})
    print(f"languages: {', '.join(languages)}; not English: "
          f"{sum(article.language not in ('', 'en') for article in corpus.articles)}")
    print(f"folded as rewrites: {len(folds)}"
          + "".join(f"\n  {fold.article_id} -> {fold.duplicate_of} ({fold.score})"
                    for fold in folds))
    print(f"loading (text and metadata): {load_seconds:.1f} s, {pages / load_seconds:.1f} "
          f"pages/s")
    if arguments.replicate:
        count, seconds = replicate_and_extract(folder, arguments.replicate)
        print(f"extract on {count} saved pages (load, clean, parse, extract; no cache): "
              f"{seconds:.0f} s, {count / seconds:.1f} pages/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
