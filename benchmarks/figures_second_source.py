"""Figure extraction on a second public source: quantulum3's test sentences.

usage: python benchmarks/figures_second_source.py QUANTITIES.json [MORE.json ...]
           [--scorer SCORE.py] [--errors] [--baseline cqe]

QUANTITIES.json is a test file of the quantulum3 repository (``quantities.json``, or
``quantities.ambiguity.json``: a list of ``{"req": sentence, "res": [{"value", "unit",
"surface"}, ...]}``), e.g. from ``pip download --no-binary :all: quantulum3`` unpacked in
/tmp. The sentences are general prose (recipes, physics, money), not news: they check
that a rule written for one class of expressions holds outside the NewsQuant dev half. The
file is read where it lies and never copied into this repository.

The sentences are scored with the NewsQuant ``score.py`` (default
``../shared/benchmarks/figures/score.py``): quantulum3's "dimensionless" is a bare number,
and a count of things has no unit there, so our counted nouns are left out; units of time
("5 years") are units on both sides. The run is skipped with exit
status 0 when the scorer is absent. ``--baseline cqe`` scores CQE 2.0.3 on the same
sentences (see benchmarks/figures_newsquant.py).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures_newsquant import (
    load_scorer,
    run_cqe,
    score_file,
    unit_name,
    write_jsonl,
)

from analysis.figures import Figure, extract_figures
from analysis.nlp import load_nlp

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SCORER = REPO.parent / "shared" / "benchmarks" / "figures" / "score.py"
# quantulum3 names these units so; the scorer does not know them by our names.
_NAMES = {"USD": "dollar", "GBP": "pound sterling", "EUR": "euro", "percent": "percentage"}


def load_cases(path: Path, prefix: str) -> list[dict]:
    """Return the sentences of a quantulum3 test file as NewsQuant gold rows."""
    rows = []
    for number, case in enumerate(json.loads(path.read_text(encoding="utf-8"))):
        quantities = []
        for result in case["res"]:
            value = result["value"]
            unit = result.get("unit")
            quantities.append({
                "value": None if isinstance(value, list) else float(value),
                "range": value if isinstance(value, list) else None,
                "unit": None if unit in (None, "dimensionless") else unit,
                "change": "=",
            })
        rows.append({"id": f"{prefix}-{number:03d}", "text": case["req"],
                     "quantities": quantities})
    return rows


def predicted_unit(figure: Figure) -> str | None:
    """Our unit as quantulum3 names it: the table's name, or None for a count or a share."""
    if figure.unit in ("", "fraction"):
        return None
    parts = figure.unit.split(" per ")
    return " per ".join(_NAMES.get(part) or unit_name(part) for part in parts)


def predictions(rows: list[dict]) -> list[dict]:
    """Our figures for each gold row, as prediction rows; ranges joined into one value."""
    nlp = load_nlp()
    out = []
    for row, doc in zip(rows, nlp.pipe([row["text"] for row in rows]), strict=True):
        quantities = []
        figures = list(extract_figures(doc))
        i = 0
        while i < len(figures):
            figure = figures[i]
            following = figures[i + 1] if i + 1 < len(figures) else None
            if following is not None and (figure.bound, following.bound) == ("lower", "upper"):
                quantities.append({"value": [figure.value, following.value],
                                   "unit": predicted_unit(following)})
                i += 2
                continue
            quantities.append({"value": figure.value, "unit": predicted_unit(figure)})
            i += 1
        out.append({"id": row["id"], "quantities": quantities})
    return out


def _line(name: str, result: dict, sentences: int) -> str:
    value, unit = result["scores"]["value"], result["scores"]["value+unit"]
    return (f"{name}: {sentences} sentences, {result['gold_quantities']} quantities; value "
            f"P/R/F1 {value['precision']:.1f} / {value['recall']:.1f} / {value['f1']:.1f}, "
            f"value+unit {unit['precision']:.1f} / {unit['recall']:.1f} / {unit['f1']:.1f}")


def main(argv: list[str] | None = None) -> int:
    """Score ours on each file given; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+", type=Path, help="quantulum3 test JSON files")
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument("--errors", action="store_true", help="print misses per sentence")
    parser.add_argument("--baseline", choices=["cqe", "none"], default="none",
                        help="also score CQE 2.0.3 on the same sentences")
    arguments = parser.parse_args(argv)
    if not arguments.scorer.is_file():
        print(f"skipped: {arguments.scorer} is absent")
        return 0
    scorer = load_scorer(arguments.scorer)
    with tempfile.TemporaryDirectory() as scratch:
        for path in arguments.files:
            if not path.is_file():
                parser.error(f"{path}: no such file")
            rows = load_cases(path, path.stem)
            gold, pred = Path(scratch) / "gold.jsonl", Path(scratch) / "pred.jsonl"
            write_jsonl(rows, gold)
            write_jsonl(predictions(rows), pred)
            print(_line(f"{path.name} ours", score_file(scorer, gold, pred), len(rows)))
            if arguments.errors:
                scorer.main([str(gold), str(pred), "--errors"])
            if arguments.baseline == "cqe":
                cqe_rows, _loaded, _seconds = run_cqe([(row["id"], row["text"]) for row in rows])
                write_jsonl(cqe_rows, pred)
                print(_line(f"{path.name} cqe", score_file(scorer, gold, pred), len(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
