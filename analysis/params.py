"""Validate report parameters at the door, before any heavy work starts.

Notebook parameter cells hold plain values; ``validate_parameters`` turns them into a
``ReportParameters`` or raises ParameterError naming the parameter and what it expects.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Literal, get_args

from analysis.corpus import Corpus
from analysis.files import shipped
from analysis.nlp import DEFAULT_MODEL, default_cache_dir

SEEDS_DIR = shipped("seeds")
Period = Literal["auto", "day", "week", "month", "quarter", "year"]
PERIODS: tuple[str, ...] = get_args(Period)
# "auto" picks the finest period that cuts the date span into at most this many bins.
AUTO_MAX_BINS = 30


class ParameterError(ValueError):
    """A report or command-line parameter is invalid; the message names it."""

    def __init__(self, name: str, message: str):
        super().__init__(f"parameter {name!r}: {message}")
        self.name = name


@dataclass(frozen=True)
class ReportParameters:
    """The validated parameters of one report run."""

    corpus: Path
    outlets: tuple[str, ...]
    date_from: str
    date_to: str
    terms: tuple[str, ...]
    terms_file: Path | None
    period: Period
    out_dir: Path | None
    strict: bool
    fold_duplicates: bool
    duplicate_threshold: float
    boilerplate_file: Path | None
    codebook_file: Path | None = None
    sides_file: Path | None = None
    outlets_file: Path | None = None
    corrections_file: Path | None = None
    cache_dir: Path | None = None
    processes: int = 1
    scheduler: str = ""
    tables_dir: Path | None = None
    model: str = DEFAULT_MODEL

    def as_record(self) -> dict:
        """Return the parameters as plain JSON-ready values, for run.json and the report."""
        record = asdict(self)
        return {key: str(value) if isinstance(value, Path) else
                list(value) if isinstance(value, tuple) else value
                for key, value in record.items()}


def validate_parameters(
    *,
    corpus: str = "",
    outlets: Sequence[str] = (),
    date_from: str = "",
    date_to: str = "",
    terms: Sequence[str] = (),
    terms_file: str = "",
    period: str = "auto",
    out_dir: str = "",
    strict: bool = False,
    fold_duplicates: bool = True,
    duplicate_threshold: float = 0.15,
    boilerplate_file: str = "",
    codebook_file: str = "",
    sides_file: str = "",
    outlets_file: str = "",
    corrections_file: str = "",
    cache_dir: str = "",
    processes: int = 1,
    scheduler: str = "",
    tables_dir: str = "",
    model: str = DEFAULT_MODEL,
) -> ReportParameters:
    """Return the checked parameters, or raise ParameterError naming the first bad one.

    An empty ``corpus`` means the seed articles shipped with the project; an empty
    ``cache_dir`` the user's cache folder, and ``cache_dir="off"`` parses without a cache.
    List parameters take a list, one string, or a JSON list written as a string (as
    ``papermill -p terms '["a", "b"]'`` passes it). The keywords and their defaults are
    those of ``analysis.parameters.PARAMETERS`` (a test keeps them equal).
    """
    for name, value in (("corpus", corpus), ("date_from", date_from), ("date_to", date_to),
                        ("terms_file", terms_file), ("period", period), ("out_dir", out_dir),
                        ("boilerplate_file", boilerplate_file), ("codebook_file", codebook_file),
                        ("sides_file", sides_file), ("outlets_file", outlets_file),
                        ("corrections_file", corrections_file), ("cache_dir", cache_dir),
                        ("scheduler", scheduler), ("tables_dir", tables_dir), ("model", model)):
        _check_text(name, value)
    corpus_path = _user_path(corpus) if corpus else SEEDS_DIR
    if not corpus_path.exists():
        raise ParameterError("corpus", f"{_as_typed(corpus)} does not exist; expected a folder of "
                             f"articles or a .jsonl, .csv or .parquet file")
    start = _checked_date("date_from", date_from)
    end = _checked_date("date_to", date_to)
    if start and end and start > end:
        raise ParameterError("date_from", f"{date_from} is after date_to {date_to}")
    if period not in PERIODS:
        raise ParameterError("period", f"{period!r} is not one of {', '.join(PERIODS)}")
    if not isinstance(duplicate_threshold, int | float) or not 0 < duplicate_threshold <= 1:
        raise ParameterError("duplicate_threshold", f"{duplicate_threshold!r} is not a "
                             f"similarity; expected a number above 0 and at most 1")
    if isinstance(processes, bool) or not isinstance(processes, int) or processes < 1:
        raise ParameterError("processes", f"{processes!r} is not a number of processes; "
                             f"expected a whole number of at least 1")
    if scheduler and scheduler != "local" and not _SCHEDULER_ADDRESS.fullmatch(scheduler):
        raise ParameterError("scheduler", f"{scheduler!r} is not a Dask scheduler; expected "
                             f"\"local\" or an address such as tcp://10.0.0.5:8786")
    return ReportParameters(
        corpus=corpus_path,
        outlets=_checked_strings("outlets", outlets),
        date_from=start,
        date_to=end,
        terms=_checked_strings("terms", terms),
        terms_file=_checked_file("terms_file", terms_file, "a TOML term list"),
        period=period,
        out_dir=_checked_folder("out_dir", out_dir),
        strict=_checked_flag("strict", strict),
        fold_duplicates=_checked_flag("fold_duplicates", fold_duplicates),
        duplicate_threshold=float(duplicate_threshold),
        boilerplate_file=_checked_file("boilerplate_file", boilerplate_file,
                                       "a TOML file of boilerplate rules"),
        codebook_file=_checked_file("codebook_file", codebook_file,
                                    "a TOML concept codebook for figures"),
        sides_file=_checked_file("sides_file", sides_file,
                                 "a TOML gazetteer of sides for attribution"),
        outlets_file=_checked_file("outlets_file", outlets_file,
                                   "a TOML list of outlet names and their aliases"),
        corrections_file=_checked_file("corrections_file", corrections_file,
                                       "a CSV of analyst corrections"),
        cache_dir=_cache_dir(cache_dir),
        processes=processes,
        scheduler=scheduler,
        tables_dir=_checked_tables(tables_dir),
        model=_checked_model(model),
    )


_SCHEDULER_ADDRESS = re.compile(r"(?:(?:tcp|tls|ucx|ws|wss)://)?[\w.\-\[\]:]+:\d+")


def _cache_dir(value: str) -> Path | None:
    if value == "off":
        return None
    return _checked_folder("cache_dir", value) if value else default_cache_dir()


def validate_folder(name: str, value: str) -> Path | None:
    """Return ``value`` as an absolute folder path, or raise ParameterError naming ``name``
    when it is a file (see ``_checked_folder``)."""
    return _checked_folder(name, value)


def _checked_folder(name: str, value: str) -> Path | None:
    """Return ``value`` as a folder path (created later if missing), or None for "".

    Raises ParameterError when it names an existing file, or a path under a file.
    """
    if not value:
        return None
    path = _user_path(value)
    existing = next((parent for parent in (path, *path.parents) if parent.exists()), None)
    if existing is not None and not existing.is_dir():
        where = "" if existing == path else f" ({existing} is a file)"
        raise ParameterError(name, f"{_as_typed(value)} is not a folder{where}; expected a "
                             f"folder, which is created when it does not exist")
    return path


def _as_typed(value: str) -> Path:
    """Return ``value`` as the user wrote it (with ~ expanded), for messages."""
    return Path(value).expanduser()


def _user_path(value: str) -> Path:
    """Return ``value`` as an absolute path: the report notebooks run in notebooks/, so a
    path relative to where the user typed it must not be read relative to them."""
    return Path(os.path.abspath(_as_typed(value)))


def check_outlets(parameters: ReportParameters, corpus: Corpus) -> None:
    """Raise ParameterError when a requested outlet has no article in ``corpus``, naming
    the closest outlet names the corpus has."""
    for name in parameters.outlets:
        if name not in corpus.outlets:
            raise ParameterError("outlets", _unknown_outlet(name, corpus))


def _unknown_outlet(name: str, corpus: Corpus) -> str:
    import difflib

    known = corpus.outlets
    by_key = {outlet.casefold(): outlet for outlet in known}
    close = difflib.get_close_matches(name.casefold(), by_key, n=3, cutoff=0.5)
    close += [key for key in by_key if name.casefold() in key and key not in close]
    if close:
        return (f"{name!r} is not an outlet of the corpus; did you mean "
                f"{' or '.join(repr(by_key[key]) for key in close[:3])}?")
    listed = ", ".join(map(repr, known[:12])) + (" ..." if len(known) > 12 else "")
    return f"{name!r} is not an outlet of the corpus; it has {listed or 'no outlet names'}"


def check_selection(parameters: ReportParameters, corpus: Corpus, selected: Corpus) -> None:
    """Raise ParameterError when the outlet and date filters leave no article, saying
    which dates the corpus has."""
    if selected.articles:
        return
    dates = sorted(article.published for article in corpus.articles if article.published)
    span = f"its articles run from {dates[0]} to {dates[-1]}" if dates else \
        "its articles have no dates"
    name = "date_from" if parameters.date_from else "date_to" if parameters.date_to \
        else "outlets"
    raise ParameterError(name, f"no article of the corpus is left by outlets="
                         f"{list(parameters.outlets)}, date_from={parameters.date_from!r}, "
                         f"date_to={parameters.date_to!r}; {span}")


# Trends put every period between the first and the last date on their axis, for every
# outlet and term: more periods than this is a chart nobody can read and a table that
# grows without bound (a day period over a century is 46,000 rows per outlet and term).
MAX_PERIODS = 2000
PERIOD_DAYS = {"day": 1, "week": 7, "month": 30.44, "quarter": 91.31, "year": 365.25}


def resolve_period(period: str, corpus: Corpus) -> str:
    """Return ``period``, or for "auto" the finest period that cuts the corpus's dates into
    at most 30 bins (a year over a decade, months over two years, days over a month)."""
    if period != "auto":
        return period
    dates = sorted(article.published for article in corpus.articles if article.published)
    if not dates:
        return "month"
    span_days = (date.fromisoformat(dates[-1]) - date.fromisoformat(dates[0])).days
    return next((name for name, days in PERIOD_DAYS.items()
                 if span_days / days + 1 <= AUTO_MAX_BINS), "year")


def check_period(parameters: ReportParameters, corpus: Corpus) -> None:
    """Raise ParameterError when ``period`` cuts the corpus's dates into too many periods."""
    dates = sorted(article.published for article in corpus.articles if article.published)
    if not dates or parameters.period == "auto":
        return
    span_days = (date.fromisoformat(dates[-1]) - date.fromisoformat(dates[0])).days
    periods = int(span_days / PERIOD_DAYS[parameters.period]) + 1
    if periods > MAX_PERIODS:
        longer = [name for name in PERIOD_DAYS
                  if span_days / PERIOD_DAYS[name] + 1 <= MAX_PERIODS]
        raise ParameterError("period", f"{parameters.period!r} cuts the articles' dates "
                             f"({dates[0]} to {dates[-1]}) into about {periods:,} periods, "
                             f"more than {MAX_PERIODS:,}; choose "
                             f"{' or '.join(longer) or 'a narrower date range'}, or narrow "
                             f"the dates with date_from and date_to")


def check_outlet(outlet: str, corpus: Corpus) -> str:
    """Return ``outlet`` when the corpus has articles from it; else raise ParameterError
    naming the closest outlet names."""
    if outlet not in corpus.outlets:
        raise ParameterError("outlet", _unknown_outlet(outlet, corpus))
    return outlet


def validate_report_date(value: str) -> str:
    """Return the report date as YYYY-MM-DD (today for ""), or raise ParameterError."""
    if not value:
        return date.today().isoformat()
    return _checked_date("report_date", value)


def _checked_file(name: str, value: str, expected: str) -> Path | None:
    if not value:
        return None
    path = _user_path(value)
    if not path.is_file():
        raise ParameterError(name, f"{_as_typed(value)} is not a file; expected {expected}")
    return path


def _checked_date(name: str, value: str) -> str:
    if not value:
        return ""
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ParameterError(name, f"{value!r} is not a date; expected YYYY-MM-DD") from None


def _checked_tables(value: str) -> Path | None:
    if not value:
        return None
    path = _user_path(value)
    if not (path / "run.json").is_file():
        raise ParameterError("tables_dir", f"{_as_typed(value)} holds no run.json; expected a "
                             f"folder of tables written by `python -m analysis extract`")
    return path


def _check_text(name: str, value: object) -> None:
    """Raise ParameterError unless ``value`` is a string (paths, dates and names are)."""
    if not isinstance(value, str):
        raise ParameterError(name, f"{value!r} is a {type(value).__name__}; expected a string "
                             f"(\"\" for the default)")


FLAG_WORDS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}


def _checked_flag(name: str, value: object) -> bool:
    """Return a yes/no parameter as a bool: True or False, or one of the words of
    FLAG_WORDS as ``papermill -r`` passes them; anything else raises ParameterError."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in FLAG_WORDS:
        return FLAG_WORDS[value.strip().lower()]
    raise ParameterError(name, f"{value!r} is not yes or no; expected True or False")


def _checked_model(model: str) -> str:
    """Return ``model`` when it names an installed spaCy model package or a model folder;
    else raise ParameterError listing the installed models."""
    from spacy.util import get_installed_models, is_package

    if is_package(model):
        return model
    if (_as_typed(model) / "meta.json").is_file():
        return str(_user_path(model))
    installed = ", ".join(sorted(get_installed_models())) or "none"
    raise ParameterError("model", f"{model!r} is neither an installed spaCy model package nor "
                         f"a model folder (with meta.json); installed: {installed}. Models "
                         f"are installed as Python packages, never downloaded at run time")


def _checked_strings(name: str, values: Sequence[str]) -> tuple[str, ...]:
    if isinstance(values, str) and values.lstrip().startswith("["):
        try:
            values = json.loads(values)
        except ValueError:
            raise ParameterError(name, f"{values!r} looks like a JSON list but is not one; "
                                 f"expected a list such as '[\"a\", \"b\"]'") from None
    if isinstance(values, str):
        values = [values] if values else []
    if not isinstance(values, list | tuple):
        raise ParameterError(name, f"{values!r} is not a list; expected a list of strings "
                             f"such as [\"a\", \"b\"]")
    if not all(isinstance(value, str) and value.strip() for value in values):
        raise ParameterError(name, f"expected a list of non-empty strings, got {values!r}")
    return tuple(value.strip() for value in values)
