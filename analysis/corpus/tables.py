"""Table exports: one .jsonl, .json, .csv or .parquet file, one record per article.

Records carry ``text`` and the metadata fields, under the workbook's names or the
aliases common tools write (``columns.FIELD_COLUMNS``). Every record is read on its own:
a bad one (not JSON, not UTF-8, a CSV row with extra cells, no text) is skipped and
named with its line, and the rest load. A table without an id column gets ids from each
record's URL, or from its line.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from analysis.corpus.columns import ColumnMap, duplicated_columns, flatten_record, map_columns
from analysis.corpus.intake import MAX_ARTICLE_CHARS, Intake
from analysis.corpus.metadata import Layer, article_id_for_url
from analysis.corpus.model import METADATA_FIELDS, CorpusError, Problem
from analysis.files import progress

TABLE_SUFFIXES = (".jsonl", ".json", ".csv", ".parquet")
RECORD_FIELDS = ("article_id", "text", *METADATA_FIELDS, "fetched")
# A JSON document may hold its records in one of these lists (NewsAPI: "articles").
JSON_RECORD_LISTS = ("articles", "stories", "results", "data", "items", "records")
# CSV cells may hold a whole article: allow a little more than the longest article.
csv.field_size_limit(4 * MAX_ARTICLE_CHARS)


def load_table(path: Path, intake: Intake) -> None:
    """Add every record of the table export at ``path`` to ``intake``.

    Raises CorpusError when the file cannot be read at all or a Parquet column holds the
    wrong type; single bad records are skipped with their line.
    """
    suffix = path.suffix.lower()
    readers = {".jsonl": _jsonl_rows, ".json": _json_rows, ".csv": _csv_rows,
               ".parquet": _parquet_rows}
    maps: dict[frozenset[str], ColumnMap] = {}
    with progress(None, unit="record", desc="loading", every=100_000) as bar:
        for line, record in readers[suffix](path, intake):
            keys = frozenset(record)
            if keys not in maps:
                maps[keys] = _columns(list(record), path.name, intake, first=not maps)
            _add_record(record, line, maps[keys], path, intake)
            bar.update(1)


def _columns(header: list[str], shown: str, intake: Intake, *, first: bool) -> ColumnMap:
    columns = map_columns(header, fields=RECORD_FIELDS)
    if first and "text" not in columns.columns:
        raise CorpusError(f"{shown}: no text column; expected the article's text in 'text' "
                          f"(or 'maintext', 'content', 'body'), beside article_id, "
                          f"{', '.join(METADATA_FIELDS)}")
    if first:
        notes = []
        if columns.aliased():
            notes.append(f"read {', '.join(columns.aliased())}")
        if columns.unknown:
            notes.append(f"ignored columns {', '.join(map(repr, columns.unknown))}")
        if "article_id" not in columns.columns:
            notes.append("no article_id column: ids are made from each record's url, or "
                         "its line")
        if notes:
            intake.warn(Problem(shown, "; ".join(notes) + f" (expected article_id, text, "
                                f"{', '.join(METADATA_FIELDS)}; see the README for the "
                                f"export column names read)"))
    return columns


def _add_record(record: dict, line: int, columns: ColumnMap, path: Path,
                intake: Intake) -> None:
    shown = path.name
    values = {}
    for name, column in columns.columns.items():
        value = record.get(column)
        if value is not None and not isinstance(value, str | int | float):
            expected = "the article's text as a string" if name == "text" else "text"
            intake.skip(Problem(shown, f"{column!r} is {type(value).__name__}; expected "
                                f"{expected}", line))
            return
        values[name] = _text_value(value).strip() if name != "text" else _text_value(value)
    if "text" not in columns.columns:
        intake.skip(Problem(shown, "no text column; expected the article's text in 'text' "
                            "(or 'maintext', 'content', 'body')", line))
        return
    article_id = values.pop("article_id", None)
    if article_id is None:
        url = values.get("url", "")
        article_id = article_id_for_url(url) if url else f"{path.stem}-{line}"
    text = values.pop("text")
    fetched = values.pop("fetched", "")
    intake.add(article_id, text, shown=shown, line=line, layers=[Layer("record", values)],
               fetched=fetched, check_id=True)


def _text_value(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- readers: (line, record) pairs ---------------------------------------------------


def _jsonl_rows(path: Path, intake: Intake) -> Iterator[tuple[int, dict]]:
    """Yield one record per line; a line is split at LF only (a CR inside a JSON string
    stays in it) and decoded on its own, so one bad byte costs one line."""
    try:
        handle = path.open("rb")
    except OSError as error:
        raise CorpusError(f"{path}: unreadable file ({error.strerror})") from error
    with handle:
        for line_number, raw in enumerate(handle, start=1):
            if line_number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            record = _json_record(raw, path.name, line_number, intake)
            if record is not None:
                yield line_number, record


def _json_record(raw: bytes, shown: str, line: int, intake: Intake) -> dict | None:
    try:
        # strict=False: a raw tab or carriage return inside a string, which exporters
        # write though JSON asks for an escape, stays in the string.
        record = json.loads(raw.decode("utf-8"), strict=False)
    except UnicodeDecodeError as error:
        intake.skip(Problem(shown, f"not UTF-8 text ({error.reason} at byte {error.start}); "
                            f"save the file as UTF-8", line))
        return None
    except (ValueError, RecursionError) as error:
        # ValueError beside JSONDecodeError: an integer of more than 4,300 digits;
        # RecursionError: arrays or objects nested thousands deep.
        reason = (error.msg if isinstance(error, json.JSONDecodeError)
                  else "nested too deeply" if isinstance(error, RecursionError)
                  else "a number too long to read")
        intake.skip(Problem(shown, f"not valid JSON ({reason}); expected one JSON object per "
                            f"line", line))
        return None
    if not isinstance(record, dict):
        intake.skip(Problem(shown, "expected a JSON object with article_id and text", line))
        return None
    return flatten_record(record)


def _json_rows(path: Path, intake: Intake) -> Iterator[tuple[int, dict]]:
    """Yield the records of one JSON document: a list of objects, or an object holding
    one (NewsAPI's {"articles": [...]}); records are numbered from 1."""
    try:
        document = json.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as error:
        raise CorpusError(f"{path}: unreadable file ({error.strerror})") from error
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise CorpusError(f"{path}: not a valid UTF-8 JSON document ({error}); expected a "
                          f"list of article objects") from None
    if isinstance(document, dict):
        document = next((document[key] for key in JSON_RECORD_LISTS
                         if isinstance(document.get(key), list)), None)
    if not isinstance(document, list):
        raise CorpusError(f"{path}: expected a JSON list of article objects (or an object "
                          f"with one of {', '.join(JSON_RECORD_LISTS)})")
    for number, record in enumerate(document, start=1):
        if isinstance(record, dict):
            yield number, flatten_record(record)
        else:
            intake.skip(Problem(path.name, "expected a JSON object with article_id and text",
                                number))


def _csv_rows(path: Path, intake: Intake) -> Iterator[tuple[int, dict]]:
    """Yield one record per CSV row, numbered by the line it starts on (header: line 1).

    A row with more cells than the header is skipped (its cells cannot be told apart); a
    row with bytes that are not UTF-8 is skipped; the rest of the file loads.
    """
    try:
        handle = path.open(encoding="utf-8-sig", errors="surrogateescape", newline="")
    except OSError as error:
        raise CorpusError(f"{path}: unreadable file ({error.strerror})") from error
    with handle:
        reader = csv.reader(handle)
        try:
            header = next(reader, None)
            if header is None:
                return
            twice = duplicated_columns(header)
            if twice:
                raise CorpusError(f"{path}: column {', '.join(map(repr, twice))} appears more "
                                  f"than once; keep one of each")
            line = reader.line_num + 1
            for cells in reader:
                problem = _row_problem(cells, header)
                if problem:
                    intake.skip(Problem(path.name, problem, line))
                elif any(cells):
                    yield line, dict(zip(header, cells, strict=False))
                line = reader.line_num + 1
        except csv.Error as error:
            raise CorpusError(f"{path}, line {reader.line_num}: not readable as CSV "
                              f"({error})") from None


def _row_problem(cells: list[str], header: list[str]) -> str | None:
    if len(cells) > len(header):
        return (f"row has {len(cells)} cells but the header has {len(header)}; a cell "
                f"holding a comma must be quoted")
    for cell in cells:
        try:
            cell.encode("utf-8")
        except UnicodeEncodeError:
            return "not UTF-8 text; save the file as UTF-8"
    return None


def _parquet_rows(path: Path, intake: Intake) -> Iterator[tuple[int, dict]]:
    """Yield one record per Parquet row (numbered from 1), one row group at a time.

    Raises CorpusError when a column the workbook reads holds numbers where text is
    expected, or lists or structs anywhere (ids may be integers, dates may be dates).
    """
    import pyarrow.parquet as pq

    try:
        table_file = pq.ParquetFile(path)
    except (OSError, ValueError) as error:
        raise CorpusError(f"{path}: cannot read the table ({error})") from None
    schema = table_file.schema_arrow
    twice = duplicated_columns(schema.names)
    if twice:
        raise CorpusError(f"{path}: column {', '.join(map(repr, twice))} appears more than once; "
                          f"keep one of each")
    columns = map_columns(schema.names, fields=RECORD_FIELDS)
    for name, column in columns.columns.items():
        _check_parquet_type(path, column, schema.field(column).type, name)
    wanted = list(dict.fromkeys(columns.columns.values()))
    if columns.unknown:
        intake.warn(Problem(path.name, f"ignored columns {', '.join(map(repr, columns.unknown))}"
                            f" (expected article_id, text, {', '.join(METADATA_FIELDS)})"))
    number = 0
    try:
        for batch in table_file.iter_batches(columns=wanted, batch_size=1024):
            for record in batch.to_pylist():
                number += 1
                yield number, {key: _plain(value) for key, value in record.items()}
    except (OSError, ValueError) as error:
        raise CorpusError(f"{path}: cannot read the table after row {number} ({error})") \
            from None


def _check_parquet_type(path: Path, column: str, arrow_type, name: str) -> None:
    import pyarrow.types as types

    allowed = types.is_string(arrow_type) or types.is_large_string(arrow_type) or \
        types.is_null(arrow_type)
    if name == "article_id":
        allowed = allowed or types.is_integer(arrow_type)
    if name in ("published", "fetched"):
        allowed = allowed or types.is_date(arrow_type) or types.is_timestamp(arrow_type)
    if not allowed:
        raise CorpusError(f"{path}: column {column!r} ({name}) holds {arrow_type}; expected "
                          f"text" + (" or whole numbers" if name == "article_id" else "")
                          + (" or dates" if name in ("published", "fetched") else ""))


def _plain(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value
