"""Near-duplicate detection at scale: MinHash LSH on synthetic articles with planted rewrites.

usage: python benchmarks/dedup_scale.py [--articles 10000] [--words 400] [--rewrites 0.05]

Each synthetic article draws words from a Zipf-like vocabulary; a share of them are
rewrites of an earlier article with a fifth of the words replaced. Prints the time of
``find_duplicates`` and how many planted rewrites it found and how many it invented.
"""

from __future__ import annotations

import argparse
import random
import time

from analysis.clean import find_duplicates

VOCABULARY = [f"w{n}" for n in range(20_000)]
WEIGHTS = [1 / (rank + 1) for rank in range(len(VOCABULARY))]


def synthetic_corpus(count: int, words: int, rewrite_share: float, *, seed: int = 7):
    """Return (articles, planted) where planted maps a rewrite's id to its original's."""
    rng = random.Random(seed)
    articles, planted = [], {}
    for number in range(count):
        article_id = f"a{number:06d}"
        published = f"2024-{1 + number * 12 // count:02d}-01"
        if number > 10 and rng.random() < rewrite_share:
            original_id, _date, original = articles[rng.randrange(len(articles))]
            tokens = original.split()
            for position in rng.sample(range(len(tokens)), len(tokens) // 5):
                tokens[position] = rng.choices(VOCABULARY, WEIGHTS)[0]
            planted[article_id] = planted.get(original_id, original_id)
            articles.append((article_id, published, " ".join(tokens)))
        else:
            text = " ".join(rng.choices(VOCABULARY, WEIGHTS, k=words))
            articles.append((article_id, published, text))
    return articles, planted


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=400)
    parser.add_argument("--rewrites", type=float, default=0.05)
    arguments = parser.parse_args()
    articles, planted = synthetic_corpus(arguments.articles, arguments.words, arguments.rewrites)
    started = time.perf_counter()
    found = {d.article_id: d.duplicate_of for d in find_duplicates(articles)}
    seconds = time.perf_counter() - started
    hits = sum(1 for article_id, original in planted.items() if found.get(article_id) == original)
    invented = sum(1 for article_id in found if article_id not in planted)
    print(f"articles: {len(articles)}  words each: {arguments.words}  planted rewrites: "
          f"{len(planted)}")
    print(f"find_duplicates: {seconds:.1f} s ({1000 * seconds / len(articles):.2f} ms/article)")
    print(f"planted rewrites found: {hits}/{len(planted)}  duplicates invented: {invented}")


if __name__ == "__main__":
    main()
