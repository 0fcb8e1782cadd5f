"""Analyst corrections: drop or fix a record, kept in a file, applied on every run.

A corrections file is a CSV an analyst edits (``workbook review`` writes the rows to
review in its format):

    table,article_id,start,match,action,field,value,note
    figures,001_nyt,1234,"30,000",set,concept,return,a return figure, not a crossing
    attributions,001_nyt,567,said,drop,,,the headline is no citation
    attributions,004_ind,88,told,set,side,Mexico,
    articles,000_presstv,,,set,outlet,Press TV,
    articles,002_nbc,,,set,duplicate_of,,not a rewrite: unfold it

A figure is keyed by its article and start offset, an attribution by its article and its
cue's start; ``match`` is the figure's surface or the cue's text, so that a key that no
longer points at the same words is not applied (it is applied to the one record of the
article with that text instead, when there is exactly one). Corrections are applied when
the tables are built, after the extractors (whose cached results stay valid); the run
counts what it applied and names what it could not match, in run.json and the report.
"""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import get_args

from analysis.attribution.records import SIDES, SOURCE_KINDS
from analysis.figures.records import RatePeriod
from analysis.files import numbered_rows

COLUMNS = ("table", "article_id", "start", "match", "action", "field", "value", "note")
# The fields a correction may set, per table, and how their value is read.
SETTABLE = {
    "articles": {"outlet": str, "published": "date", "title": str, "duplicate_of": str},
    "figures": {"value": float, "unit": str, "concept": str, "object": str,
                "rate_period": str, "source": str},
    "attributions": {"citation": "bool", "source_kind": str, "side": str,
                     "source_name": str, "cue_class": str},
}
RATE_PERIODS: tuple[str, ...] = get_args(RatePeriod)


class CorrectionsError(ValueError):
    """The corrections file cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Correction:
    """One line of the corrections file."""

    table: str
    article_id: str
    start: int | None
    match: str
    action: str  # "drop" or "set"
    field: str
    value: object
    line: int


@dataclass
class Corrections:
    """The corrections of one file, and what a run made of them."""

    path: Path | None = None
    items: list[Correction] = field(default_factory=list)
    applied: list[Correction] = field(default_factory=list)
    _by_article: dict[tuple[str, str], list[Correction]] | None = field(
        default=None, init=False, repr=False)

    def for_article(self, table: str, article_id: str) -> list[Correction]:
        """Return the corrections of ``table`` for one article."""
        if self._by_article is None:
            self._by_article = {}
            for item in self.items:
                self._by_article.setdefault((item.table, item.article_id), []).append(item)
        return self._by_article.get((table, article_id), [])

    def summary(self) -> dict:
        """Return what run.json and the report say: the file, applied and unmatched lines."""
        done = {id(item) for item in self.applied}
        unmatched = [item for item in self.items if id(item) not in done]
        return {"file": str(self.path) if self.path else "", "lines": len(self.items),
                "applied": len(self.applied),
                "unmatched": [f"line {item.line}: {item.table} {item.article_id}"
                              f"{'' if item.start is None else f' at {item.start}'} "
                              f"{item.match!r}".rstrip() for item in unmatched]}


def load_corrections(path: Path | str | None) -> Corrections:
    """Return the corrections of the CSV file at ``path`` (none for None).

    Raises CorrectionsError naming the file and line for a missing column, an unknown
    table, action or field, or a value of the wrong kind.
    """
    if path is None:
        return Corrections()
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            rows = numbered_rows(reader)  # a note may span lines
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise CorrectionsError(f"{path}: cannot read the corrections ({error})") from None
    missing = [name for name in COLUMNS[:7] if name not in header]
    if missing:
        raise CorrectionsError(f"{path}: no column {', '.join(map(repr, missing))}; expected "
                               f"{', '.join(COLUMNS)}")
    items = [_correction(row, path, line) for line, row in rows
             if any((value or "").strip() for value in row.values() if isinstance(value, str))]
    return Corrections(path=path, items=items)


def _correction(row: dict, path: Path, line: int) -> Correction:
    def fail(reason: str) -> CorrectionsError:
        return CorrectionsError(f"{path}, line {line}: {reason}")

    table, action = (row.get("table") or "").strip(), (row.get("action") or "").strip()
    name = (row.get("field") or "").strip()
    if table not in SETTABLE:
        raise fail(f"table {table!r} is not one of {', '.join(SETTABLE)}")
    if action not in ("drop", "set"):
        raise fail(f"action {action!r} is not drop or set")
    article_id = (row.get("article_id") or "").strip()
    if not article_id:
        raise fail("no article_id")
    start_text = (row.get("start") or "").strip()
    if table != "articles" and not start_text.isdigit():
        raise fail(f"a {table} correction needs its start offset, got {start_text!r}")
    if action == "set" and name not in SETTABLE[table]:
        raise fail(f"field {name!r} cannot be set in {table}; expected one of "
                   f"{', '.join(SETTABLE[table])}")
    value = _value(SETTABLE[table].get(name, str), (row.get("value") or "").strip(), name,
                   fail) if action == "set" else None
    if name == "duplicate_of" and value == article_id:
        raise fail(f"{article_id} cannot be a rewrite of itself")
    return Correction(table=table, article_id=article_id,
                      start=int(start_text) if start_text.isdigit() else None,
                      match=(row.get("match") or "").strip(), action=action, field=name,
                      value=value, line=line)


def _value(kind, text: str, name: str, fail):
    allowed = {"source_kind": SOURCE_KINDS, "side": SIDES, "rate_period": RATE_PERIODS}
    if name in allowed and text not in allowed[name]:
        raise fail(f"{name} {text!r} is not one of {', '.join(map(repr, allowed[name]))}")
    if kind is float:
        try:
            return float(text.replace(",", ""))
        except ValueError:
            raise fail(f"value {text!r} is not a number") from None
    if kind == "bool":
        if text.lower() not in ("true", "false"):
            raise fail(f"{name} {text!r} is not true or false")
        return text.lower() == "true"
    if kind == "date" and text:
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            raise fail(f"published {text!r} is not a date (YYYY-MM-DD)") from None
    return text


def correct_articles(articles: Sequence, corrections: Corrections) -> list:
    """Return the corpus's Article records with the article corrections applied: dropped
    articles left out, outlets, dates and titles set (duplicate_of is applied later)."""
    kept = []
    for article in articles:
        changes = {}
        dropped = False
        for item in corrections.for_article("articles", article.article_id):
            if item.action == "drop":
                dropped = True
            elif item.field != "duplicate_of":
                changes[item.field] = item.value
            else:
                continue
            corrections.applied.append(item)
        if not dropped:
            kept.append(dataclasses.replace(article, **changes) if changes else article)
    return kept


def correct_folds(duplicates: dict, corrections: Corrections, *, known: set[str]) -> dict:
    """Return the rewrite folds with ``duplicate_of`` corrections applied: empty unfolds an
    article, an article id folds it into that article (which must be in ``known``)."""
    from analysis.duplicates import Duplicate

    folds = dict(duplicates)
    for item in corrections.items:
        if item.table != "articles" or item.field != "duplicate_of" or item.article_id not in known:
            continue
        if item.value:
            if item.value not in known:
                continue
            folds[item.article_id] = Duplicate(item.article_id, str(item.value), 1.0)
        else:
            folds.pop(item.article_id, None)
        corrections.applied.append(item)
    return _resolved_folds(folds, corrections)


def _resolved_folds(folds: dict, corrections: Corrections) -> dict:
    """Return ``folds`` with every article folded into the original of its chain (a fold
    into a rewrite goes to what that rewrite repeats); raise CorrectionsError naming the
    lines when corrected folds go round in a circle."""
    resolved = {}
    for article_id, duplicate in folds.items():
        seen, target = [article_id], duplicate.duplicate_of
        while target in folds:
            if target in seen:
                lines = sorted(item.line for item in corrections.items
                               if item.field == "duplicate_of" and item.article_id in seen)
                raise CorrectionsError(
                    f"{corrections.path}, line(s) {', '.join(map(str, lines))}: the folds "
                    f"{' -> '.join([*seen, target])} go round in a circle; every chain of "
                    f"rewrites must end at an original")
            seen.append(target)
            target = folds[target].duplicate_of
        resolved[article_id] = dataclasses.replace(duplicate, duplicate_of=target)
    return resolved


def correct_records(article_id: str, records: list, corrections: Corrections, *,
                    table: str) -> list:
    """Return one article's figure or attribution records with their corrections applied.

    A figure is found by its start and ``match`` (its surface); an attribution by its
    cue's start and ``match``: the cue's text (every record of that cue: sources named
    together share it) or one source's text (that record). Failing that, by ``match``
    alone where the article has exactly one such figure or cue.
    """
    items = corrections.for_article(table, article_id)
    if not items:
        return records
    position, texts = (("start", ("surface",)) if table == "figures"
                       else ("cue_start", ("cue", "source")))
    records = list(records)
    dropped: set[int] = set()
    for item in items:
        found = _matching(records, item, position, texts)
        if not found:
            continue
        for number in found:
            if item.action == "drop":
                dropped.add(number)
            else:
                record = records[number]
                changes = {item.field: item.value}
                if hasattr(record, "rule"):  # why the row is as it is: the analyst said so
                    changes["rule"] = f"{record.rule} (corrected: line {item.line})"
                records[number] = dataclasses.replace(record, **changes)
        corrections.applied.append(item)
    return [record for n, record in enumerate(records) if n not in dropped]


def _matching(records: list, item: Correction, position: str,
              texts: tuple[str, ...]) -> list[int]:
    """Return the numbers of the records ``item`` points at (none when it is ambiguous)."""
    def says(record, text: str) -> bool:
        return not item.match or getattr(record, text) == item.match

    for text in texts:
        found = [n for n, record in enumerate(records)
                 if getattr(record, position) == item.start and says(record, text)]
        if found:
            return found
    if item.match:
        found = [n for n, record in enumerate(records) if getattr(record, texts[0]) == item.match]
        starts = {getattr(records[n], position) for n in found}
        if len(starts) == 1:  # one figure, or one cue and the sources it names
            return found
    return []


def review_rows(tables: Path, *, table: str) -> list[dict]:
    """Return the rows of ``table`` ("figures", "attributions" or "articles") of a tables
    folder in the corrections format, with context columns to read them by, and action,
    field and value left for the analyst to fill in."""
    import pyarrow.parquet as pq

    from analysis.comparisons import plain_number

    frame = pq.read_table(tables / f"{table}.parquet").to_pandas()
    rows = []
    for record in frame.to_dict("records"):
        base = {"table": table, "article_id": record["article_id"], "action": "", "field": "",
                "value": "", "note": ""}
        if table == "figures":
            value = f"{plain_number(record['value'])} {record['unit']}".strip()
            base.update(start=record["start"], match=record["surface"],
                        context=record["sentence"],
                        current=f"{value}, concept={record['concept'] or '(none)'}")
        elif table == "attributions":
            base.update(start=record["cue_start"], match=record["cue"],
                        context=record["content"],
                        current=f"{record['source_name'] or record['source']} "
                                f"({record['source_kind']}, {record['side'] or 'no side'}, "
                                f"citation={record['citation']})")
        else:
            base.update(start="", match="", context=record["title"],
                        current=f"{record['outlet']} {record['published']} "
                                f"duplicate_of={record['duplicate_of']}")
        rows.append(base)
    return rows
