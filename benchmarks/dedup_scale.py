"""Near-duplicate detection at scale: MinHash LSH on synthetic articles with planted rewrites.

usage: python benchmarks/dedup_scale.py [--articles 10000] [--words 400] [--rewrites 0.05]
                                        [--template 0]

Each synthetic article draws words from a Zipf-like vocabulary; a share of them are
rewrites of an earlier article with a fifth of the words replaced. ``--template N`` adds
N automated items written from one template (a weather or results item whose slots take
different numbers and places), which all fall into the same LSH buckets. Prints the time
and peak memory of ``find_duplicates`` and how many planted rewrites it found and how
many it invented.
"""

from __future__ import annotations

import argparse
import random
import resource
import time

from analysis.duplicates import find_duplicates

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


TEMPLATE = ("The forecast for {place} calls for a high of {high} degrees and a low of {low} "
            "on {day}, with winds from the {wind} at {speed} miles an hour and a {rain} "
            "percent chance of rain. Residents should expect clear skies in the morning and "
            "clouds building in the afternoon, the weather service said in its daily outlook "
            "for the region, which is updated every morning at six.")


def template_items(count: int, *, seed: int = 11) -> list[tuple[str, str, str]]:
    """Return ``count`` automated items from one template with random slot values."""
    rng = random.Random(seed)
    places = [f"town{n}" for n in range(500)]
    return [(f"t{number:06d}", f"2024-{1 + number % 12:02d}-15", TEMPLATE.format(
        place=rng.choice(places), high=rng.randrange(40, 100), low=rng.randrange(10, 60),
        day=rng.choice(["Monday", "Tuesday", "Friday"]), wind=rng.choice(["north", "south"]),
        speed=rng.randrange(2, 30), rain=rng.randrange(0, 100)))
        for number in range(count)]


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=400)
    parser.add_argument("--rewrites", type=float, default=0.05)
    parser.add_argument("--template", type=int, default=0,
                        help="also this many automated items from one template")
    arguments = parser.parse_args()
    articles, planted = synthetic_corpus(arguments.articles, arguments.words, arguments.rewrites)
    articles += template_items(arguments.template)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    found = {d.article_id: d.duplicate_of for d in find_duplicates(articles)}
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    hits = sum(1 for article_id, original in planted.items() if found.get(article_id) == original)
    invented = sum(1 for article_id in found if article_id not in planted)
    print(f"articles: {len(articles)}  words each: {arguments.words}  planted rewrites: "
          f"{len(planted)}")
    print(f"template items: {arguments.template}")
    print(f"find_duplicates: {seconds:.1f} s ({1000 * seconds / len(articles):.2f} ms/article), "
          f"peak RSS {peak / 1024:.0f} MiB (before: {before / 1024:.0f} MiB)")
    print(f"planted rewrites found: {hits}/{len(planted)}  duplicates invented: {invented} "
          f"(template items folded: {sum(key.startswith('t') for key in found)})")


if __name__ == "__main__":
    main()
