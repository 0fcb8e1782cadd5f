"""Which codebook concepts figure extraction assigns on real web pages, for reading by hand.

usage: python benchmarks/figures_concepts_webpages.py [HTML_DIR] [--all]

HTML_DIR holds saved pages (``*.html`` or gzip ``*.html.gz``; default
``../shared/benchmarks/webpages/html``, skipped with exit status 0 when absent). Each page's
main text is taken with trafilatura, parsed with the shared pipeline and run through
``extract_figures`` with the default codebook. The script prints every figure that got a
concept, with its sentence, so that a person can judge each one, then the counts per
concept and how many figures have none. ``--all`` also lists the figures without one.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections import Counter
from pathlib import Path

import trafilatura

from analysis.figures import extract_figures
from analysis.nlp import load_nlp

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PAGES = REPO.parent / "shared" / "benchmarks" / "webpages" / "html"


def page_text(path: Path) -> str:
    """The main text of a saved page, "" when trafilatura finds none."""
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    return trafilatura.extract(raw.decode("utf-8", errors="replace")) or ""


def main(argv: list[str] | None = None) -> int:
    """Print the concepts assigned on every page; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="?", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--all", action="store_true", help="list figures without a concept")
    arguments = parser.parse_args(argv)
    if not arguments.pages.is_dir():
        print(f"skipped: {arguments.pages} is absent")
        return 0
    nlp = load_nlp()
    paths = sorted([*arguments.pages.glob("*.html"), *arguments.pages.glob("*.html.gz")])
    counts: Counter[str] = Counter()
    for path in paths:
        doc = nlp(page_text(path))
        for figure in extract_figures(doc):
            counts[figure.concept] += 1
            if figure.concept or arguments.all:
                sentence = " ".join(figure.sentence.split())[:240]
                print(f"{path.name[:12]}\t{figure.concept or '-'}\t{figure.surface!r}\t"
                      f"object={figure.object!r}\t{sentence}")
    total = sum(counts.values())
    print(f"\n{len(paths)} pages, {total} figures, {total - counts['']} with a concept:")
    for concept, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {concept or '(none)'}: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
