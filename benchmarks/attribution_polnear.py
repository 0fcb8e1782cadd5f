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

PolNeAR annotates every stance, belief and intention; the workbook counts *citations*, the
attributions where a source is given words or information (``Attribution.citation``). The
script also prints, for ours:

- citation precision: the share of predicted citations that match a gold attribution one to
  one as score.py's attribution level does (cues overlap, sources overlap or both are
  null); beside it the looser share whose cue overlaps a gold cue;
- citation recall: the share of gold attributions whose cue is a verb of saying
  (``SAYING_VERBS``, any word of the cue by lemma) or "according to" that a predicted
  citation matches, and the same over those of them that have a source span;
- the kinds of source of the citations (the share of "unknown") and, per publisher, gold
  attributions, our attributions and our citations, with the anonymous share of citations.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc, Token

from analysis.attribution import extract_attributions, load_gazetteer
from analysis.nlp import load_nlp

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "benchmarks" / "attribution"
ROLES = ("source", "cue", "content")
Predict = Callable[[Doc], list[dict]]
# Verbs of saying for citation recall, fixed before any dev number was read: the common
# English verbs whose meaning is to say or write something to someone (lemmas).
SAYING_VERBS = frozenset([
    "say", "tell", "add", "state", "note", "explain", "announce", "declare", "write",
    "tweet", "post", "report", "claim", "insist", "argue", "assert", "contend", "maintain",
    "warn", "confirm", "deny", "acknowledge", "admit", "concede", "reveal", "disclose",
    "reply", "respond", "answer", "ask", "comment", "remark", "mention", "stress",
    "emphasize", "emphasise", "reiterate", "repeat", "suggest", "recall", "predict",
    "promise", "pledge", "vow", "complain", "allege", "testify", "describe", "inform",
    "quip", "joke", "muse", "retort", "observe", "speak", "talk", "shout", "yell", "whisper",
    "conclude", "estimate",
])


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
    """Return our attributions in ``doc`` in the scorer's format, one per cue as PolNeAR
    annotates them (coordinated sources are not split), each with its ``citation`` flag and
    ``kind`` of source (extra keys the scorer ignores)."""
    gazetteer = load_gazetteer()
    return [
        {"source": _span(record.source_start, record.source_end),
         "cue": _span(record.cue_start, record.cue_end),
         "content": _span(record.content_start, record.content_end),
         "citation": record.citation, "kind": record.source_kind}
        for record in extract_attributions(doc, gazetteer=gazetteer, split_coordinated=False)
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


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and min(a[1], b[1]) > max(a[0], b[0])


def _pair(item: dict) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    cue, source = item.get("cue"), item.get("source")
    return ((cue["start"], cue["end"]) if cue else None,
            (source["start"], source["end"]) if source else None)


def _same_attribution(gold: tuple, predicted: tuple) -> bool:
    """score.py's attribution match: cues overlap, and sources overlap or both are null."""
    (gold_cue, gold_source), (cue, source) = gold, predicted
    if not _overlaps(gold_cue, cue):
        return False
    if gold_source is None or source is None:
        return gold_source is None and source is None
    return _overlaps(gold_source, source)


def _matched(gold: list, predicted: list, same: Callable[[tuple, tuple], bool]) -> int:
    """Return the size of a maximum one-to-one matching (as score.py computes it)."""
    edges = [[j for j, item in enumerate(predicted) if same(g, item)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return sum(augment(i, set()) for i in range(len(gold)))


def load_gold(data_dir: Path, split: str) -> dict[str, dict]:
    """Return the gold lines of ``split`` by article id."""
    with (data_dir / f"gold_{split}.jsonl").open(encoding="utf-8") as handle:
        return {str(line["id"]): line for line in map(json.loads, handle) if line}


def is_saying(gold: dict, doc: Doc) -> bool:
    """Return whether a gold attribution's cue is "according to" or holds a verb of saying."""
    cue = gold["cue"]
    if "according to" in cue["text"].lower():
        return True
    span = doc.char_span(cue["start"], cue["end"], alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() in SAYING_VERBS for t in span)


def citation_scores(gold: dict[str, dict], docs: list[tuple[str, Doc]], lines: list[dict]
                    ) -> dict:
    """Return citation precision and recall (see the module docstring), kind counts of our
    citations, and per publisher gold attributions, our attributions and our citations."""
    counts = Counter()
    kinds: Counter[str] = Counter()
    publishers: dict[str, Counter] = {}
    predicted = {line["id"]: line["attributions"] for line in lines}
    for article_id, doc in docs:
        gold_items = gold[article_id]["attributions"]
        ours_all = predicted.get(article_id, [])
        cited = [item for item in ours_all if item["citation"]]
        gold_pairs = [_pair(item) for item in gold_items]
        cited_pairs = [_pair(item) for item in cited]
        saying = [_pair(item) for item in gold_items if is_saying(item, doc)]
        sourced = [pair for pair in saying if pair[1] is not None]
        counts["citations"] += len(cited)
        counts["matched"] += _matched(gold_pairs, cited_pairs, _same_attribution)
        counts["cue_matched"] += _matched(gold_pairs, cited_pairs,
                                          lambda g, p: _overlaps(g[0], p[0]))
        counts["saying"] += len(saying)
        counts["saying_found"] += _matched(saying, cited_pairs, _same_attribution)
        counts["sourced"] += len(sourced)
        counts["sourced_found"] += _matched(sourced, cited_pairs, _same_attribution)
        kinds.update(item["kind"] for item in cited)
        publisher = publishers.setdefault(gold[article_id].get("publisher", "?"), Counter())
        publisher.update(articles=1, gold=len(gold_items), attributions=len(ours_all),
                         citations=len(cited),
                         anonymous=sum(item["kind"] == "anonymous" for item in cited))
    return {"counts": counts, "kinds": kinds, "publishers": publishers}


def citation_table(scores: dict) -> Iterator[str]:
    """Yield the lines that report ``citation_scores``."""
    counts, kinds = scores["counts"], scores["kinds"]

    def share(part: int, whole: int) -> str:
        return f"{100 * part / whole:.1f}" if whole else "-"

    yield (f"citations: {counts['citations']}; precision "
           f"{share(counts['matched'], counts['citations'])} (cue and source match a gold "
           "attribution), "
           f"{share(counts['cue_matched'], counts['citations'])} (cue overlaps a gold cue)")
    yield (f"citation recall: {share(counts['saying_found'], counts['saying'])} of "
           f"{counts['saying']} gold attributions with a verb of saying or 'according to'; "
           f"{share(counts['sourced_found'], counts['sourced'])} of the {counts['sourced']} "
           "of them with a source span")
    total = sum(kinds.values())
    yield ("kinds of the citations: " + ", ".join(
        f"{kind} {share(count, total)}%" for kind, count in kinds.most_common()))
    yield f"{'publisher':16}{'articles':>9}{'gold':>7}{'ours':>7}{'citations':>10}" \
          f"{'per art.':>9}{'anonymous':>11}"
    for name, row in sorted(scores["publishers"].items()):
        yield (f"{name:16}{row['articles']:>9}{row['gold']:>7}{row['attributions']:>7}"
               f"{row['citations']:>10}{row['citations'] / row['articles']:>9.1f}"
               f"{row['anonymous']:>5} of {row['citations']:<4}")


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
        if name == "ours":
            our_lines = lines
            if arguments.out is not None:
                write_lines(lines, arguments.out)
        results[name] = score(data_dir, arguments.split, lines)
        timing[name], crashes[name] = seconds, crashed

    print(f"PolNeAR {arguments.split}: {len(docs)} articles, {sentences} sentences, "
          f"{words} words; model {nlp.meta['name']} {nlp.meta['version']}")
    print("\n".join(table(results)))
    print("\n".join(citation_table(citation_scores(load_gold(data_dir, arguments.split), docs,
                                                  our_lines))))
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
