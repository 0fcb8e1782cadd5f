"""Figure extraction on NewsQuant: accuracy and speed of ours against quantulum3.

usage: python benchmarks/figures_newsquant.py [DATA.jsonl] [--out PRED.jsonl]
           [--baseline {quantulum3,cqe,none}] [--no-baseline]

DATA is a NewsQuant-style JSONL file (default: ../shared/benchmarks/figures/newsquant_dev.jsonl
beside the repository; the run is skipped with exit status 0 when it is absent). The
predictions are scored with the ``score.py`` that sits beside DATA: the scorer and the
sentences stay outside this repository.

Our figures are mapped onto the benchmark's format: a range ("between 2 and 3", "2-3%",
"from 2 to 3") becomes one ``[low, high]`` value, and a plain count takes the counted
noun as its unit, as the benchmark does ("13,000 workers" -> ``worker``), a rate period
joins the unit ("$3,500 a month" -> ``USD per month``), and a vague plural is a decade
("dozens" -> ``[12, 120]``). The baseline runs on the same sentences in the same run:
quantulum3 (default) with its heuristic unit disambiguation (its classifier is turned off:
it does not load with recent scikit-learn), or with ``--baseline cqe`` CQE 2.0.3, the
NewsQuant authors' extractor, on the same spaCy model (it needs the en_US.UTF-8 locale to
read "30,000"; its quantities are mapped as the authors' evaluation maps them: normalised
unit, "-" as no unit, a range as ``[low, high]``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from analysis.figures import Figure, extract_object_phrases, load_unit_table
from analysis.nlp import DEFAULT_MODEL, load_nlp

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "benchmarks" / "figures" / "newsquant_dev.jsonl"

# Our units named as the benchmark's gold vocabulary names them, where the unit table's
# English name differs; every other unit is sent under its name in the table.
UNIT_NAMES = {
    "fraction": "% -",
    # The benchmark has one horsepower, metric "PS" included.
    "PS": "horsepower",
    "times": "count",
    "pence": "pence",
}
_RANGE_GLUE = {"-", "–", "—", "to", "and", "through"}
_VAGUE_WORDS = ("tens", "dozens", "hundreds", "thousands", "millions", "billions")


def load_sentences(path: Path) -> list[tuple[str, str]]:
    """Return (id, text) per line of a NewsQuant JSONL file; raises ValueError naming the line."""
    sentences = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                sentences.append((str(row["id"]), str(row["text"])))
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise ValueError(f"{path}:{number}: expected {{'id', 'text'}} ({error})") from None
    return sentences


def load_scorer(data: Path) -> ModuleType:
    """Import the ``score.py`` that sits beside the data file."""
    path = data.resolve().parent / "score.py"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: the scorer is missing beside {data.name}")
    spec = importlib.util.spec_from_file_location("newsquant_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _unit(figure: Figure, phrase: str) -> str | None:
    """The benchmark's unit: ours, else the counted thing with its modifiers ("border town")."""
    # The benchmark writes a share of a group as "%" + the group ("% germans").
    if figure.unit == "fraction" and phrase:
        return f"% {phrase}"
    unit = unit_name(figure.unit)
    unit = unit or phrase
    if unit and figure.rate_period:
        unit = f"{unit} per {figure.rate_period}"
    return unit or None


def unit_name(code: str) -> str:
    """A unit code in words, each side of a compound unit apart: "USD per gal" -> "US
    Dollar per gallon"; "" stays ""."""
    if not code:
        return ""
    table = load_unit_table()
    return " per ".join(UNIT_NAMES.get(part) or table.name(part) for part in code.split(" per "))


def _value(figure: Figure) -> float | list[float]:
    """The benchmark writes a vague plural as a decade: "dozens" -> [12, 120]."""
    words = figure.surface.lower().split()
    if figure.approximate and figure.bound == "lower" and words[0] in _VAGUE_WORDS:
        return [figure.value, figure.value * 10]
    return figure.value


def _change(figure: Figure) -> str:
    if figure.bound:
        return ">" if figure.bound == "lower" else "<"
    return "~" if figure.approximate else "="


def _is_range(text: str, first: Figure, second: Figure) -> bool:
    """Two figures joined by "-", "to" or "and" (after "between" or "from") form one range."""
    if first.sentence != second.sentence or first.end > second.start:
        return False
    glue = text[first.end : second.start].strip().lower()
    before = text[: first.start].rstrip().lower()
    # "from $75 per barrel in October to $45.88": the benchmark's range spans a short aside.
    words = glue.split()
    if before.endswith("from") and 1 < len(words) <= 6 and words[-1] == "to":
        return not any(mark in glue for mark in ",;:()")
    if glue not in _RANGE_GLUE:
        return False
    if (first.bound, second.bound) == ("lower", "upper"):
        return True
    return glue == "to" and before.endswith("from")


def prediction(text: str, found: list[tuple[Figure, str]]) -> list[dict]:
    """Return the benchmark quantities for our (figure, object phrase) pairs in one sentence."""
    figures = [figure for figure, _phrase in found]
    phrases = [phrase for _figure, phrase in found]
    quantities, i = [], 0
    while i < len(figures):
        figure = figures[i]
        following = figures[i + 1] if i + 1 < len(figures) else None
        if following is not None and _is_range(text, figure, following):
            unit = _unit(following, phrases[i + 1]) or _unit(figure, phrases[i])
            value: float | list[float] = [figure.value, following.value]
            # "level at 3-3": a range whose ends are equal is one value.
            if figure.value == following.value:
                value = figure.value
            quantities.append({"value": value, "unit": unit, "change": "="})
            i += 2
            continue
        quantity = {
            "value": _value(figure), "unit": _unit(figure, phrases[i]), "change": _change(figure)
        }
        quantities.append(quantity)
        i += 1
    return quantities


def run_ours(sentences: list[tuple[str, str]]) -> tuple[list[dict], float, float, float]:
    """Return (prediction rows, seconds to load the pipeline, to parse, to extract)."""
    started = time.perf_counter()
    nlp = load_nlp()
    list(extract_object_phrases(nlp("Warm-up: 30,000 migrants a month.")))
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    docs = list(nlp.pipe([text for _id, text in sentences], batch_size=64))
    parsed = time.perf_counter() - started
    started = time.perf_counter()
    rows = [
        {"id": sentence_id, "quantities": prediction(text, list(extract_object_phrases(doc)))}
        for (sentence_id, text), doc in zip(sentences, docs, strict=True)
    ]
    return rows, loaded, parsed, time.perf_counter() - started


def _quantulum_quantities(parser: ModuleType, text: str) -> Iterator[dict]:
    for quantity in parser.parse(text):
        name = quantity.unit.name
        unit = None if name in ("dimensionless", "unk") else name
        # quantulum3 gives a range as its midpoint and half-width: "10-15%" -> 12.5 ± 2.5.
        spread = quantity.uncertainty
        value = [quantity.value - spread, quantity.value + spread] if spread else quantity.value
        yield {"value": value, "unit": unit}


def run_quantulum(sentences: list[tuple[str, str]]) -> tuple[list[dict], float, float]:
    """Return (prediction rows, seconds to load, seconds to parse) for quantulum3."""
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import classifier, parser
    # The shipped classifier does not load with recent scikit-learn; use the heuristics.
    classifier.USE_CLF = False
    list(parser.parse("Warm-up: 30,000 migrants a month."))
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    rows = [
        {"id": sentence_id, "quantities": list(_quantulum_quantities(parser, text))}
        for sentence_id, text in sentences
    ]
    return rows, loaded, time.perf_counter() - started


def _cqe_quantity(quantity) -> dict:
    value = quantity.value
    if hasattr(value, "lower"):
        number: float | list[float] = [float(value.lower), float(value.upper)]
    else:
        number = float(value.value)
    unit = getattr(quantity.unit, "norm_unit", "-")
    change = getattr(quantity.change, "change", "") or "="
    return {"value": number, "unit": None if unit in ("-", "", None) else unit, "change": change}


def run_cqe(sentences: list[tuple[str, str]]) -> tuple[list[dict], float, float]:
    """Return (prediction rows, seconds to load, seconds to parse and extract) for CQE 2.0.3.

    Raises RuntimeError when the en_US.UTF-8 locale CQE sets at import is missing."""
    import locale

    started = time.perf_counter()
    try:
        locale.setlocale(locale.LC_ALL, "en_US.UTF-8")
    except locale.Error as error:
        raise RuntimeError("CQE needs the en_US.UTF-8 locale (Debian: apt-get install "
                           "locales, then locale-gen en_US.UTF-8)") from error
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from CQE import CQE

        extractor = CQE.CQE(spacy_model=DEFAULT_MODEL)
        extractor.parse("Warm-up: 30,000 migrants a month.")
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    rows = []
    # CQE logs a warning for every unit it cannot normalise.
    logging.disable(logging.WARNING)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for sentence_id, text in sentences:
            quantities = [_cqe_quantity(quantity) for quantity in extractor.parse(text)]
            rows.append({"id": sentence_id, "quantities": quantities})
    logging.disable(logging.NOTSET)
    return rows, loaded, time.perf_counter() - started


BASELINES = {"quantulum3": run_quantulum, "cqe": run_cqe}


def write_jsonl(rows: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row) + "\n")


def score_file(scorer: ModuleType, data: Path, predictions: Path) -> dict:
    """Score a prediction file with the benchmark's own scorer; return its result dict."""
    gold = scorer.load_jsonl(data, "gold")
    predicted = scorer.load_jsonl(predictions, "pred")
    return scorer.score(gold, predicted)


def report_line(name: str, result: dict, sentences: int, loaded: float, seconds: float) -> str:
    scores = result["scores"]
    value, unit = scores["value"], scores["value+unit"]
    speed = sentences / seconds if seconds else float("inf")
    return (
        f"{name:<12} value P/R/F1 {value['precision']:5.1f} / {value['recall']:5.1f} / "
        f"{value['f1']:5.1f}   value+unit P/R/F1 {unit['precision']:5.1f} / "
        f"{unit['recall']:5.1f} / {unit['f1']:5.1f}   {speed:7.0f} sentences/s "
        f"({seconds:.2f} s; {loaded:.1f} s to load)"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, help="NewsQuant-style JSONL")
    parser.add_argument("--out", type=Path, help="where to write our predictions (JSONL)")
    parser.add_argument("--baseline", choices=[*BASELINES, "none"], default="quantulum3",
                        help="the extractor to run beside ours (default: quantulum3)")
    parser.add_argument("--no-baseline", action="store_true", help="same as --baseline none")
    arguments = parser.parse_args(argv)
    data = arguments.data or DEFAULT_DATA
    if not data.is_file():
        if arguments.data is not None:
            parser.error(f"{data}: no such file")
        print(f"skipped: {data} is absent (NewsQuant is not distributed with the repository)")
        return 0
    try:
        sentences = load_sentences(data)
        scorer = load_scorer(data)
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory() as scratch:
        out = arguments.out or Path(scratch) / "figures_newsquant.jsonl"
        rows, loaded, parsed, extracted = run_ours(sentences)
        seconds = parsed + extracted
        write_jsonl(rows, out)
        ours = score_file(scorer, data, out)
        print(f"{data.name}: {len(sentences)} sentences, {ours['gold_quantities']} quantities")
        print(report_line("ours", ours, len(sentences), loaded, seconds))
        print(
            f"{'':<12} of which spaCy parse {len(sentences) / parsed:.0f} sentences/s, "
            f"extract_figures on the parse {len(sentences) / extracted:.0f} sentences/s"
        )
        if arguments.out:
            print(f"predictions: {out} (errors: python {data.parent / 'score.py'} {data} {out} "
                  "--errors)")
        baseline_name = "none" if arguments.no_baseline else arguments.baseline
        if baseline_name != "none":
            try:
                rows, q_loaded, q_seconds = BASELINES[baseline_name](sentences)
            except (ImportError, RuntimeError) as error:
                print(f"error: baseline {baseline_name}: {error}", file=sys.stderr)
                return 2
            baseline_out = Path(scratch) / f"{baseline_name}.jsonl"
            write_jsonl(rows, baseline_out)
            baseline = score_file(scorer, data, baseline_out)
            print(report_line(baseline_name, baseline, len(sentences), q_loaded, q_seconds))
            print(
                f"speed ratio to {baseline_name}: {q_seconds / seconds:.1f}x end to end (parse "
                f"included), {q_seconds / extracted:.1f}x on an already parsed corpus"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
