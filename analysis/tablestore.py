"""Writing the contract tables to a folder: incrementally, and all or nothing.

``staged_tables`` hands out a ``TableFiles`` in a staging folder beside the target: a
run appends chunks of rows as it goes (CSV appended, one Parquet row group per chunk),
so no table has to be whole in memory. When the run finishes, the staging folder is
swapped in with one atomic exchange; a run that fails or is killed at any moment leaves
the previous set whole.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis import schema
from analysis.files import write_atomically

RUN_INFO = "run.json"
# The cleaned article text lives in articles.parquet only: a CSV cell per article would
# make the table unreadable in a spreadsheet.
PARQUET_ONLY = {"articles": ("text",)}
_ARROW_TYPES = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
                "str": pa.large_string()}
_PANDAS_TYPES = {"int": "int64", "float": "float64", "bool": "bool"}


def table_columns(name: str) -> list[str]:
    """Return every column of table ``name`` as written to Parquet, in order."""
    columns = schema.TABLES.get(name) or schema.EXTRA_TABLES[name]
    return [*columns, *PARQUET_ONLY.get(name, ())]


def typed(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Return ``frame`` with the contract's columns of table ``name`` in their fixed types.

    Every chunk of a table then writes the same CSV and Parquet columns, whatever rows
    (or none) it holds.
    """
    kinds = {column: schema.column_type(column) for column in table_columns(name)}
    return frame.astype({column: _PANDAS_TYPES[kind] for column, kind in kinds.items()
                         if kind in _PANDAS_TYPES})


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP's list).
FORMULA_START = re.compile(r"^[=+\-@\t\r]")


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with every text cell that a spreadsheet would run as a formula
    ("=HYPERLINK(...)", "+1", "-2", "@SUM", a leading tab or carriage return) prefixed with
    an apostrophe, which spreadsheets show as text. Only CSV tables get this; Parquet keeps
    the value as it is."""
    text_columns = [column for column in frame.columns if schema.column_type(column) == "str"
                    and (frame[column].dtype == object
                         or pd.api.types.is_string_dtype(frame[column].dtype))]
    if not text_columns:
        return frame
    safe = frame.copy()
    for column in text_columns:
        values = safe[column]
        risky = values.str.match(FORMULA_START.pattern, na=False).astype(bool)
        if risky.any():
            safe[column] = values.where(~risky, "'" + values.astype(str))
    return safe


def write_table(folder: Path, name: str, frame: pd.DataFrame) -> list[Path]:
    """Write one table beside the contract's (``schema.EXTRA_TABLES``) as CSV and Parquet,
    each atomically; the CSV is spreadsheet-safe like the others. Returns the paths."""
    columns = list(schema.EXTRA_TABLES[name])
    frame = typed(frame.reindex(columns=columns), name)
    csv_path, parquet_path = folder / f"{name}.csv", folder / f"{name}.parquet"
    write_atomically(csv_path, spreadsheet_safe(frame).to_csv(index=False))
    table = pa.Table.from_pandas(frame, schema=arrow_schema(name), preserve_index=False)
    temporary = folder / f".{name}.parquet.tmp"
    pq.write_table(table, temporary)
    os.replace(temporary, parquet_path)
    return [csv_path, parquet_path]


def arrow_schema(name: str) -> pa.Schema:
    """Return the Parquet schema of table ``name``."""
    return pa.schema([(column, _ARROW_TYPES[schema.column_type(column)])
                      for column in table_columns(name)])


class TableFiles:
    """Open CSV and Parquet files, one pair per contract table, appended chunk by chunk."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._csv: dict[str, IO[str]] = {}
        self._parquet: dict[str, pq.ParquetWriter] = {}
        self.rows: dict[str, int] = dict.fromkeys(schema.TABLES, 0)
        self.run_info: dict | None = None  # written as run.json when the set is published
        self.written: list[Path] = []  # the published paths

    def append(self, name: str, frame: pd.DataFrame) -> None:
        """Append the rows of ``frame`` to table ``name`` (one Parquet row group)."""
        frame = typed(frame[table_columns(name)], name)
        if name not in self._csv:
            self._csv[name] = (self.folder / f"{name}.csv").open("w", encoding="utf-8",
                                                                 newline="")
            self._parquet[name] = pq.ParquetWriter(self.folder / f"{name}.parquet",
                                                   arrow_schema(name))
        spreadsheet_safe(frame.drop(columns=list(PARQUET_ONLY.get(name, ())))).to_csv(
            self._csv[name], index=False, header=self._csv[name].tell() == 0)
        if len(frame):
            self._parquet[name].write_table(
                pa.Table.from_pandas(frame, schema=arrow_schema(name), preserve_index=False))
        self.rows[name] += len(frame)

    def rewrite(self, name: str, change: Callable[[pd.DataFrame], pd.DataFrame]) -> None:
        """Pass every row group of table ``name`` written so far through ``change`` and
        write both files again, one row group at a time (the table never whole in
        memory); appends after this go on the rewritten files."""
        if name not in self._csv:
            return
        self._csv.pop(name).close()
        self._parquet.pop(name).close()
        written = self.folder / f"{name}.parquet"
        previous = written.rename(self.folder / f".{name}.before-rewrite.parquet")
        (self.folder / f"{name}.csv").unlink()
        self.rows[name] = 0
        source = pq.ParquetFile(previous)
        self.append(name, pd.DataFrame(columns=table_columns(name)))  # the header
        for group in range(source.num_row_groups):
            self.append(name, change(source.read_row_group(group).to_pandas()))
        source.close()
        previous.unlink()

    def close(self) -> list[Path]:
        """Finish every table (an empty one keeps its header) and return the paths."""
        for name in schema.TABLES:
            if name not in self._csv:
                self.append(name, pd.DataFrame(columns=table_columns(name)))
        for handle in self._csv.values():
            handle.close()
        for writer in self._parquet.values():
            writer.close()
        return [self.folder / f"{name}.{suffix}" for name in schema.TABLES
                for suffix in ("csv", "parquet")]

    def abandon(self) -> None:
        """Close every open file without finishing the set (the run failed)."""
        for handle in self._csv.values():
            handle.close()
        for writer in self._parquet.values():
            with suppress(OSError):
                writer.close()


@contextmanager
def staged_tables(out_dir: Path) -> Iterator[TableFiles]:
    """Yield files to append tables to; swap them into ``out_dir`` when the block ends.

    Set ``run_info`` on the yielded object before the block ends: run.json is written
    last. When the block raises, nothing in ``out_dir`` changes. One writer at a time per
    folder (a lock file beside it); a staging folder left by a killed run is removed. A
    folder that also holds files of its own (or a system without the atomic exchange)
    gets the files moved in one by one, run.json last.
    """
    out_dir = out_dir.absolute()
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir.parent / f".{out_dir.name}.lock").open("a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        # A run killed while moving its tables in is finished first: its staging is whole.
        finish_interrupted_move(out_dir)
        # Any staging folder that exists while we hold the lock is a killed run's.
        for stale in [*out_dir.parent.glob(f".{out_dir.name}.staging-*"),
                      *out_dir.parent.glob(f"..{out_dir.name}.moving.tmp-*"),
                      *out_dir.glob(".staging-*")]:
            if stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)
            else:
                stale.unlink(missing_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.staging-", dir=out_dir.parent))
        files = TableFiles(staging)
        try:
            try:
                yield files
                staged = files.close()
            except BaseException:
                files.abandon()
                raise
            if files.run_info is None:
                raise ValueError("staged_tables: run_info was not set before publishing")
            (staging / RUN_INFO).write_text(
                json.dumps(files.run_info, indent=2, ensure_ascii=False) + "\n",
                encoding="utf-8")
            staged.append(staging / RUN_INFO)
            staging.chmod(out_dir.stat().st_mode & 0o7777)  # mkdtemp makes it private
            if _only_tables(out_dir) and _exchange(staging, out_dir):
                files.written = [out_dir / path.name for path in staged]
            else:
                files.written = _move_in(staged, out_dir)
        finally:
            finish_interrupted_move(out_dir)  # a move cut short by an exception completes
            shutil.rmtree(staging, ignore_errors=True)


def _only_tables(folder: Path) -> bool:
    """Return whether ``folder`` holds nothing but files a table run writes."""
    names = {f"{name}.{suffix}" for name in schema.TABLES for suffix in ("csv", "parquet")}
    return all(path.name in names | {RUN_INFO} for path in folder.iterdir())


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2); return False where unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except AttributeError:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second),
                       _RENAME_EXCHANGE)
    if result == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.EXDEV, errno.ENOTSUP):
        return False
    raise OSError(error, os.strerror(error), str(second))


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _move_in(staged: list[Path], out_dir: Path) -> list[Path]:
    """Move the staged files into ``out_dir`` one by one, run.json last, under a journal.

    The journal beside ``out_dir`` names the staging folder and the files; a run killed
    at any point of the move leaves it, and the next run (or this one, on an exception)
    completes the move from the staging folder before anything else
    (``finish_interrupted_move``): the folder ends with the whole new set, never a mix.
    """
    journal = _journal(out_dir)
    write_atomically(journal, json.dumps({"staging": str(staged[0].parent),
                                          "files": [path.name for path in staged]}))
    written = [out_dir / path.name for path in staged]
    finish_interrupted_move(out_dir)
    return written


def finish_interrupted_move(out_dir: Path) -> None:
    """Complete a move of tables into ``out_dir`` that its journal says was begun.

    Call with the folder's lock held. Files still in the staging folder are moved in, in
    the journal's order (run.json last), then the journal is removed.
    """
    journal = _journal(out_dir)
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return
    except (OSError, ValueError):
        journal.unlink(missing_ok=True)  # a journal cut short: the move never began
        return
    staging = Path(record["staging"])
    for name in record["files"]:
        if (staging / name).exists():
            os.replace(staging / name, out_dir / name)
    journal.unlink(missing_ok=True)


def _journal(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.moving"
