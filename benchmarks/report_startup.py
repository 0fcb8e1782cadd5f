"""Seed report end to end (papermill + nbconvert): where the seconds go, warm.

usage: python benchmarks/report_startup.py [--runs 3] [--corpus seeds]

Runs `python -m analysis report --force` into a temporary reports folder, as a scheduled
run would, and prints for each run the wall time of the command and its parts: notebook
execution (kernel start, imports, corpus, spaCy load, cleaning, parsing and extraction,
tables, charts) and HTML rendering. The first run warms the disk cache; the target is
at most 20 seconds warm.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run_once(reports: Path, corpus: str, number: int) -> dict:
    """Run one forced report; return its wall time and the parts its records hold."""
    report_date = f"2030-01-{number + 1:02d}"
    started = time.perf_counter()
    command = [sys.executable, "-m", "analysis", "report", "--reports-dir", str(reports),
               "--date", report_date, "--force"]
    if corpus:
        command += ["--corpus", corpus]
    subprocess.run(command, cwd=REPO, check=True, capture_output=True)
    wall = time.perf_counter() - started
    folder = reports / report_date
    status = json.loads((folder / "status.json").read_text())
    inside = json.loads((folder / "tables" / "run.json").read_text())["timings_seconds"]
    notebook = status["seconds"]["execute_notebook"]
    cells = cell_seconds(folder / "report.ipynb")
    build = cells.pop("build")
    return {"wall": wall, **status["seconds"],
            "kernel_start_and_papermill": notebook - build - sum(cells.values()),
            "build_cell": build, **{f"  {name}": value for name, value in inside.items()},
            "  imports_and_rest_of_build": build - sum(inside.values()),
            "chart_cells": cells["charts"], "table_cells": cells["tables"],
            "command_overhead": wall - notebook - status["seconds"]["render_html"]}


def cell_seconds(executed: Path) -> dict[str, float]:
    """Return the seconds papermill recorded for the build cell, chart cells and the rest."""
    notebook = json.loads(executed.read_text())
    totals = {"build": 0.0, "charts": 0.0, "tables": 0.0}
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        duration = cell["metadata"].get("papermill", {}).get("duration") or 0.0
        source = "".join(cell["source"])
        kind = ("build" if "build_report_data(" in source else
                "charts" if "plots." in source else "tables")
        totals[kind] += duration
    return totals


def main() -> None:
    """Parse arguments, run the report several times and print the breakdown."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", default="", help="corpus path (default: the seeds)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        results = [run_once(Path(folder), arguments.corpus, number)
                   for number in range(arguments.runs)]
    keys = list(results[0])
    print(f"{'seconds':<30}" + "".join(f"{'run ' + str(n + 1):>9}" for n in range(len(results))))
    for key in keys:
        print(f"{key:<30}" + "".join(f"{result[key]:>9.2f}" for result in results))
    warm = min(result["wall"] for result in results[1:] or results)
    print(f"\nwarm wall time (best of runs 2..{len(results)}): {warm:.1f} s (target: <= 20 s)")


if __name__ == "__main__":
    main()
