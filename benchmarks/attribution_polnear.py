"""Source attribution on PolNeAR: our extractor against textacy's direct_quotations.

usage: python benchmarks/attribution_polnear.py [DATA_DIR] [--split dev] [--out PRED.jsonl]

DATA_DIR holds the PolNeAR benchmark as described in its README.md (texts/<id>.txt,
gold_<split>.jsonl, score.py); without it the script reads ../shared/benchmarks/attribution
relative to the repository and, when that is absent, prints "skipped: ..." and exits 0.
The texts and annotations carry no license: they are read from DATA_DIR and never copied.

Both extractors run on the same parse (``analysis.nlp.load_nlp()``). Predictions are scored
by the benchmark's own score.py (run from DATA_DIR): span P/R/F1 for source, cue and
content (exact and overlap), attribution-level F1 and the mean per-article count error.
textacy's ``direct_quotations`` raises on unbalanced quotation marks; such articles count
as predicting nothing and the crashes are reported.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc, Token

from analysis.attribution import extract_attributions, load_gazetteer
from analysis.nlp import load_nlp

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "benchmarks" / "attribution"
ROLES = ("source", "cue", "content")
Predict = Callable[[Doc], list[dict]]


def load_articles(data_dir: Path, split: str) -> list[tuple[str, str]]:
    """Return ``(id, text)`` for every article of the gold ``split``, in file order."""
    gold = data_dir / f"gold_{split}.jsonl"
    if not gold.is_file():
        raise SystemExit(f"error: {gold} not found (expected gold_{split}.jsonl in DATA_DIR)")
    articles = []
    with gold.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                article_id = str(json.loads(line)["id"])
            except (ValueError, KeyError) as error:
                raise SystemExit(
                    f"error: {gold}:{number}: not a record with an id ({error})") from error
            text_path = data_dir / "texts" / f"{article_id}.txt"
            try:
                articles.append((article_id, text_path.read_text(encoding="utf-8")))
            except FileNotFoundError as error:
                raise SystemExit(
                    f"error: {text_path} not found (named in {gold}:{number})") from error
    return articles


def _span(start: int, end: int) -> dict | None:
    return {"start": start, "end": end} if 0 <= start < end else None


def ours(doc: Doc) -> list[dict]:
    """Return our attributions in ``doc`` in the scorer's format."""
    gazetteer = load_gazetteer()
    return [
        {"source": _span(record.source_start, record.source_end),
         "cue": _span(record.cue_start, record.cue_end),
         "content": _span(record.content_start, record.content_end)}
        for record in extract_attributions(doc, gazetteer=gazetteer)
    ]


def _token_span(tokens: Iterable[Token]) -> dict | None:
    tokens = list(tokens)
    if not tokens:
        return None
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return _span(first.idx, last.idx + len(last.text))


def textacy_quotations(doc: Doc) -> list[dict]:
    """Return textacy's direct quotations in ``doc`` in the scorer's format (may raise)."""
    from textacy.extract.triples import direct_quotations

    return [
        {"source": _token_span(triple.speaker), "cue": _token_span(triple.cue),
         "content": _span(triple.content.start_char, triple.content.end_char)}
        for triple in direct_quotations(doc)
    ]


def predict(
    docs: list[tuple[str, Doc]], predictor: Predict, *, tolerate: bool = False
) -> tuple[list[dict], float, list[str]]:
    """Return prediction lines, the seconds spent and the ids of articles that raised.

    Only with ``tolerate`` is an exception counted (the article predicts nothing) rather
    than raised: our extractor must never raise, the baseline may.
    """
    lines, crashed = [], []
    started = time.perf_counter()
    for article_id, doc in docs:
        try:
            attributions = [a for a in predictor(doc) if a["cue"] is not None]
        except Exception:
            if not tolerate:
                raise
            attributions = []
            crashed.append(article_id)
        lines.append({"id": article_id, "attributions": attributions})
    return lines, time.perf_counter() - started, crashed


def score(data_dir: Path, split: str, lines: list[dict]) -> dict:
    """Return the benchmark's own score.py result for ``lines`` as a dict."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as handle:
        write_lines(lines, handle.name)
        result = subprocess.run(
            [sys.executable, "score.py", f"gold_{split}.jsonl", handle.name, "--json"],
            cwd=data_dir, capture_output=True, text=True, check=False,
        )
    if result.returncode != 0:
        raise SystemExit(f"error: score.py failed: {result.stderr.strip()}")
    return json.loads(result.stdout)


def write_lines(lines: list[dict], path: str | Path) -> None:
    """Write prediction lines as JSONL, one article per line."""
    with open(path, "w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(json.dumps(line) + "\n")


def table(results: dict[str, dict]) -> Iterator[str]:
    """Yield the lines of a side-by-side table of P/R/F1 for each system."""
    names = list(results)
    yield f"{'':18}" + "".join(f"{name:>24}" for name in names)
    yield f"{'':18}" + "".join(f"{'P':>8}{'R':>8}{'F1':>8}" for _ in names)
    keys = [f"{role}_{mode}" for mode in ("exact", "overlap") for role in ROLES]
    for key in [*keys, "attribution"]:
        cells = "".join(
            f"{results[n][key]['precision']:8.1f}{results[n][key]['recall']:8.1f}"
            f"{results[n][key]['f1']:8.1f}" for n in names
        )
        yield f"{key:18}{cells}"
    counts = "".join(f"{results[n]['count_error_per_article']:>24.2f}" for n in names)
    yield f"{'count error/art.':18}{counts}"
    predicted = "".join(f"{results[n]['attribution']['pred']:>24}" for n in names)
    yield f"{'predicted':18}{predicted}   (gold {results[names[0]]['attribution']['gold']})"


def main() -> int:
    """Parse once, run both extractors, score them and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=None,
                        help=f"the PolNeAR folder (default: {DEFAULT_DATA})")
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--out", type=Path, default=None,
                        help="write our predictions here as JSONL (score.py format)")
    parser.add_argument("--limit", type=int, default=0,
                        help="only the first N articles (for a quick look; scores then "
                             "count the rest of the split as predicting nothing)")
    parser.add_argument("--no-baseline", action="store_true", help="skip textacy")
    arguments = parser.parse_args()
    data_dir = arguments.data_dir
    if data_dir is None:
        data_dir = DEFAULT_DATA
        if not (data_dir / "score.py").is_file():
            print(f"skipped: no PolNeAR benchmark at {data_dir} (pass DATA_DIR)")
            return 0
    if not (data_dir / "score.py").is_file():
        raise SystemExit(f"error: {data_dir} has no score.py; expected the PolNeAR folder")
    data_dir = data_dir.resolve()

    articles = load_articles(data_dir, arguments.split)
    if arguments.limit > 0:
        articles = articles[:arguments.limit]
    nlp = load_nlp()
    load_gazetteer()
    started = time.perf_counter()
    docs = list(zip((a for a, _ in articles), nlp.pipe(t for _, t in articles), strict=True))
    parse_seconds = time.perf_counter() - started
    sentences = sum(1 for _, doc in docs for _ in doc.sents)
    words = sum(1 for _, doc in docs for t in doc if not (t.is_punct or t.is_space))

    systems: dict[str, Predict] = {"ours": ours}
    if not arguments.no_baseline:
        systems["textacy"] = textacy_quotations
    results, timing, crashes = {}, {}, {}
    for name, predictor in systems.items():
        lines, seconds, crashed = predict(docs, predictor, tolerate=name == "textacy")
        if name == "ours" and arguments.out is not None:
            write_lines(lines, arguments.out)
        results[name] = score(data_dir, arguments.split, lines)
        timing[name], crashes[name] = seconds, crashed

    print(f"PolNeAR {arguments.split}: {len(docs)} articles, {sentences} sentences, "
          f"{words} words; model {nlp.meta['name']} {nlp.meta['version']}")
    print("\n".join(table(results)))
    print(f"parse: {parse_seconds:.1f} s ({words / parse_seconds:,.0f} words/s)")
    for name, seconds in timing.items():
        total = parse_seconds + seconds
        print(f"{name}: extract {seconds:.1f} s; with parse {total / len(docs):.3f} s/article, "
              f"{sentences / total:,.0f} sentences/s, {words / total:,.0f} words/s")
    if "textacy" in crashes:
        print(f"textacy crashed (ValueError etc.) on {len(crashes['textacy'])} of {len(docs)} "
              "articles; they count as predicting nothing")
    if arguments.out is not None:
        print(f"our predictions: {arguments.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
