"""Run a report notebook with papermill, render it to HTML and publish it safely.

A run executes into a hidden staging folder under ``reports/`` and is published by
atomic rename as ``reports/YYYY-MM-DD/``; a failed run keeps its executed notebook under
``reports/failed/`` and leaves the last good report and the index untouched.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from analysis.files import in_checkout, shipped, write_atomically
from analysis.fingerprint import run_fingerprint
from analysis.params import ReportParameters
from analysis.rendering import render_html
from analysis.report_index import INDEX_FILE, STATUS_FILE, list_runs, write_index

__all__ = ["INDEX_FILE", "ReportError", "ReportLockedError", "list_runs", "render_html",
           "run_report", "write_index"]

NOTEBOOKS_DIR = shipped("notebooks")
REPORT_NOTEBOOK = NOTEBOOKS_DIR / "report.ipynb"
OUTLET_NOTEBOOK = NOTEBOOKS_DIR / "outlet.ipynb"
# Reports go to the checkout's reports/ (make report), or to ./reports for an installed
# package run from any folder.
DEFAULT_REPORTS_DIR = (Path(__file__).resolve().parent.parent / "reports" if in_checkout()
                       else Path("reports"))
# "python3" is the kernel of the interpreter running the report, so a scheduled run
# uses exactly the environment it was started from.
KERNEL_NAME = "python3"
EXECUTION_TIMEOUT_SECONDS = 1800


class ReportError(RuntimeError):
    """A report run failed; the message says where its executed notebook was kept."""


class ReportLockedError(ReportError):
    """Another report run holds the lock on the reports folder."""


@dataclass(frozen=True)
class PublishedReport:
    """Where a successful run put its HTML and tables."""

    html: Path
    folder: Path
    unchanged_since: str = ""
    outlet_pages: tuple[Path, ...] = ()


def run_report(
    parameters: ReportParameters,
    *,
    report_date: date,
    reports_dir: Path = DEFAULT_REPORTS_DIR,
    notebook: Path = REPORT_NOTEBOOK,
    force: bool = False,
    per_outlet: bool = False,
    since: str = "",
) -> PublishedReport:
    """Extract the tables, execute ``notebook`` on them and publish it for ``report_date``.

    Each run publishes to its own folder, ``reports/<date>-<slug>/``, the slug naming the
    corpus and the parameters (``run_folder_name``), so that runs on one day with other
    corpora or parameters keep their own reports. The tables are extracted in this
    process before any kernel starts: a bad parameter (an unknown outlet, filters that
    leave no article, a period too fine) or an unusable corpus raises its error here,
    and nothing is kept. When the latest good report of the same corpus and parameters
    has the same run fingerprint (``run_fingerprint``: every corpus file, the
    parameters, every list file's content, the code and notebooks) there is nothing new
    to report: unless ``force``, nothing runs and the result points at that report with
    ``unchanged_since`` set to its date. With ``per_outlet`` the outlet notebook also
    runs once per outlet, one HTML page each, published together with the overview.
    When an earlier good report of the same corpus and parameters exists (or ``since``
    names one: a date, or a folder of a report or of tables), the run compares its tables
    with that report's and writes the ``changes`` table beside its own (``changes.compare_runs``),
    which the report opens its key findings with.
    Raises ReportLockedError when another run is in progress, ReportError when a cell
    fails (the executed notebook is kept under ``reports/failed/``) or when the disk
    refuses a write (full, read-only); the last good report and the index stay as they were.
    """
    reports_dir = Path(os.path.abspath(reports_dir))
    reports_dir.mkdir(parents=True, exist_ok=True)
    name = run_folder_name(parameters, report_date)
    with _run_lock(reports_dir), _stop_signals() as stopped:
        _remove_stale_files(reports_dir)
        fingerprint = run_fingerprint(
            parameters, notebooks=[notebook, *([OUTLET_NOTEBOOK] if per_outlet else [])],
            extra={"per_outlet": per_outlet})
        latest = _latest_good_run(reports_dir, key=run_key(parameters))
        base = _base_run(reports_dir, key=run_key(parameters), since=since, current=name,
                         before=report_date.isoformat())
        if not force and latest and latest.get("fingerprint") == fingerprint:
            folder = reports_dir / latest["link"].split("/")[0]
            return PublishedReport(html=reports_dir / latest["link"], folder=folder,
                                   unchanged_since=latest["date"])
        staging = Path(tempfile.mkdtemp(prefix=f".run-{report_date}-", dir=reports_dir))
        _make_readable(staging)
        try:
            seconds = _extract(parameters, staging, final=reports_dir / name / "tables")
            if base is not None:
                seconds["compare"] = _write_changes(staging / "tables", base,
                                                    fold_duplicates=parameters.fold_duplicates)
            values = notebook_parameters(parameters, report_date=report_date.isoformat(),
                                         tables_dir=staging / "tables")
            started = time.perf_counter()
            _execute(notebook, staging / "report.ipynb", values, staging=staging,
                     parameters=parameters, report_date=report_date)
            executed = time.perf_counter()
            (staging / "report.html").write_text(render_html(staging / "report.ipynb"),
                                                 encoding="utf-8")
            seconds.update(execute_notebook=round(executed - started, 3),
                           render_html=round(time.perf_counter() - executed, 3))
            pages = [{"title": "overview", "link": "report.html"}]
            if per_outlet:
                started = time.perf_counter()
                pages += _outlet_pages(staging, parameters, report_date, OUTLET_NOTEBOOK)
                seconds["outlet_pages"] = round(time.perf_counter() - started, 3)
            _write_status(staging, parameters, report_date, status="ok",
                          fingerprint=fingerprint, pages=pages, seconds=seconds,
                          counts=_headline_counts(staging / "tables"),
                          changes=_changes_summary(staging / "tables"))
            if stopped:
                # Ctrl-C or a stop request may have been swallowed by the kernel client.
                raise KeyboardInterrupt
            folder = _publish(staging, reports_dir / name)
        except OSError as error:
            raise ReportError(f"report for {report_date} could not be written to {reports_dir} "
                              f"({error.strerror or error}); the last good report and the "
                              f"index are unchanged") from error
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        try:
            write_index(reports_dir)
        except OSError as error:
            raise ReportError(f"report for {report_date} is published in {folder} but "
                              f"{reports_dir / INDEX_FILE} could not be rewritten "
                              f"({error.strerror or error}); the next run rewrites it") from error
        return PublishedReport(html=folder / "report.html", folder=folder,
                               outlet_pages=tuple(folder / page["link"] for page in pages[1:]))


def _extract(parameters: ReportParameters, staging: Path, *, final: Path) -> dict[str, float]:
    """Write the run's tables into ``staging/tables`` (run.json naming ``final``), in this
    process; return how long it took. The lock file of the write is not published."""
    from dataclasses import replace

    from analysis.workbook import extract_to_folder

    started = time.perf_counter()
    extract_to_folder(replace(parameters, out_dir=final), write_to=staging / "tables")
    (staging / ".tables.lock").unlink(missing_ok=True)
    return {"extract": round(time.perf_counter() - started, 3)}


@dataclass(frozen=True)
class BaseRun:
    """The earlier run a report compares itself with: its tables and how to name it."""

    tables: Path
    label: str  # "the report of 2024-01-30", or the folder given
    link: str = ""  # its report, relative to reports/, when it is one


def _base_run(reports_dir: Path, *, key: str, since: str, current: str,
              before: str) -> BaseRun | None:
    """Return the run to compare with: ``since`` (a date, or a folder of a report or of
    tables), else the newest good run of the same report dated ``before`` this one (a
    backfilled report is not compared with a later one); None when there is none.
    Raises ParameterError for a ``since`` that names no run."""
    from analysis.params import ParameterError

    if since and Path(since).expanduser().exists():
        folder = Path(since).expanduser().resolve()
        tables = folder / "tables" if (folder / "tables" / "run.json").is_file() else folder
        if not (tables / "articles.parquet").is_file():
            raise ParameterError("--since", f"{since} holds no tables; expected a report's "
                                 f"folder or a folder of tables written by extract")
        return BaseRun(tables=tables, label=f"the tables in {folder}")
    runs = [run for run in list_runs(reports_dir) if run.get("status") == "ok"
            and run.get("key") == key and run["link"].split("/")[0] != current
            and (run.get("date") == since if since else run.get("date", "") < before)]
    if since and not runs:
        dates = sorted({run.get("date", "") for run in list_runs(reports_dir)
                        if run.get("key") == key and run.get("status") == "ok"})
        raise ParameterError("--since", f"no good report of this corpus and these parameters "
                             f"on {since!r}; there are reports of "
                             f"{', '.join(dates) or 'no earlier date'} (or give a folder)")
    if not runs:
        return None
    folder = reports_dir / runs[0]["link"].split("/")[0]
    return BaseRun(tables=folder / "tables", label=f"the report of {runs[0]['date']}",
                   link=runs[0]["link"])


def _write_changes(tables: Path, base: BaseRun, *, fold_duplicates: bool) -> float:
    """Write the changes from ``base`` to the run in ``tables`` (changes.csv, .parquet and
    changes.json naming the base); return the seconds it took."""
    from analysis.changes import compare_runs, read_run
    from analysis.tablestore import write_table

    started = time.perf_counter()
    before = read_run(base.tables, label=base.label, fold_duplicates=fold_duplicates)
    after = read_run(tables, label="this report", fold_duplicates=fold_duplicates)
    write_table(tables, "changes", compare_runs(before, after))
    write_atomically(tables / "changes.json",
                     json.dumps({"since": base.label, "link": base.link}) + "\n")
    return round(time.perf_counter() - started, 3)


def run_key(parameters: ReportParameters) -> str:
    """Return a short hash of the corpus and the parameters: runs that share it are runs of
    the same report (to compare, and to find "nothing new")."""
    import hashlib

    record = {name: value for name, value in parameters.as_record().items()
              if name not in ("out_dir", "tables_dir", "cache_dir", "processes", "scheduler")}
    return hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest()[:6]


def run_folder_name(parameters: ReportParameters, report_date: date) -> str:
    """Return the folder a run publishes to: its date, the corpus's name and ``run_key``.

    "2024-01-31-seeds-3fa2c1"; a second run of the same report on the same day replaces
    the first, a run of another corpus or other parameters gets a folder of its own.
    """
    corpus = re.sub(r"[^a-z0-9]+", "-", parameters.corpus.stem.lower()).strip("-")[:24]
    return f"{report_date.isoformat()}-{corpus or 'corpus'}-{run_key(parameters)}"


def _changes_summary(tables: Path) -> dict:
    """Return what the index says of a run's changes: since which report, how many rows."""
    import pyarrow.parquet as pq

    if not (tables / "changes.json").is_file():
        return {}
    since = json.loads((tables / "changes.json").read_text(encoding="utf-8"))["since"]
    return {"since": since, "rows": pq.ParquetFile(tables / "changes.parquet").metadata.num_rows}


def _headline_counts(tables: Path) -> dict[str, int]:
    """Return the counts the index shows for a run: articles, outlets, figures, citations."""
    import pyarrow.parquet as pq

    articles = pq.read_table(tables / "articles.parquet", columns=["outlet"])
    counts = {"articles": articles.num_rows,
              "outlets": len(set(articles.column("outlet").to_pylist()) - {"", None}),
              "figures": pq.ParquetFile(tables / "figures.parquet").metadata.num_rows}
    attributions = pq.ParquetFile(tables / "attributions.parquet")
    if "citation" in attributions.schema_arrow.names:
        cited = pq.read_table(tables / "attributions.parquet", columns=["citation"])
        counts["citations"] = sum(bool(value) for value in cited.column("citation").to_pylist())
    else:
        counts["attributions"] = attributions.metadata.num_rows
    return counts


def _execute(notebook: Path, output: Path, values: dict, *, staging: Path,
             parameters: ReportParameters, report_date: date) -> None:
    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    declared = papermill.inspect_notebook(str(notebook))
    try:
        with tempfile.TemporaryDirectory(prefix="nwb-kernel-") as sockets:
            papermill.execute_notebook(
                str(notebook), str(output),
                parameters={name: value for name, value in values.items() if name in declared},
                kernel_name=KERNEL_NAME, cwd=str(notebook.parent), progress_bar=False,
                execution_timeout=EXECUTION_TIMEOUT_SECONDS,
                kernel_manager_class=_ipc_kernel_manager(Path(sockets)),
            )
    except PapermillExecutionError as error:
        kept = _keep_failed(staging, parameters, report_date, executed=output)
        raise ReportError(f"report for {report_date} failed in {output.name}, cell "
                          f"{error.exec_count}: {error.ename}: {error.evalue}; the executed "
                          f"notebook is kept at {kept}") from None
    except (CellTimeoutError, DeadKernelError) as error:
        # Caught before the OSError of run_report: a cell timeout is a TimeoutError.
        what = (f"a cell ran longer than {EXECUTION_TIMEOUT_SECONDS} s"
                if isinstance(error, CellTimeoutError) else "the notebook's kernel died "
                "(out of memory?)")
        kept = _keep_failed(staging, parameters, report_date, executed=output)
        raise ReportError(f"report for {report_date} failed in {output.name}: {what}; the "
                          f"executed notebook is kept at {kept}") from None


def _ipc_kernel_manager(folder: Path) -> type:
    """Return a kernel manager class whose kernels talk over Unix sockets in ``folder``.

    Local sockets, not TCP ports on localhost: no other user of the machine can reach the
    kernel, and the kernel prints no "running over TCP without encryption" warning into
    the logs of every scheduled run.
    """
    from jupyter_client.manager import AsyncKernelManager

    class IPCKernelManager(AsyncKernelManager):
        def __init__(self, **options):
            super().__init__(**options)
            self.transport = "ipc"
            self.ip = str(folder / "kernel")

        async def _async_interrupt_kernel(self) -> None:
            # jupyter_client interrupts a kernel before shutting it down; a report's kernel
            # has finished its cells by then, and the interrupt only logs "KeyboardInterrupt
            # caught in kernel" into the run's log.
            if not self.shutting_down:
                await super()._async_interrupt_kernel()

    return IPCKernelManager


def _outlet_pages(staging: Path, parameters: ReportParameters, report_date: date,
                  notebook: Path) -> list[dict]:
    """Run the outlet notebook once per outlet of the overview's tables; return the pages."""
    pages, used = [], set()
    for outlet in table_outlets(staging / "tables" / "articles.parquet"):
        slug = re.sub(r"[^a-z0-9]+", "-", outlet.lower()).strip("-") or "outlet"
        while slug in used:
            slug += "-"
        used.add(slug)
        executed = staging / "outlets" / f"{slug}.ipynb"
        executed.parent.mkdir(exist_ok=True)
        values = {**notebook_parameters(parameters, report_date=report_date.isoformat(),
                                        tables_dir=staging / "tables"),
                  "outlet": outlet}
        _execute(notebook, executed, values, staging=staging, parameters=parameters,
                 report_date=report_date)
        page = f"outlet-{slug}.html"
        (staging / page).write_text(render_html(executed), encoding="utf-8")
        pages.append({"title": outlet, "link": page})
    return pages


def table_outlets(articles: Path) -> list[str]:
    """Return the outlet names of an articles table, sorted, read as text (an outlet named
    "1999", "NaN" or "True" stays that string)."""
    import pyarrow.parquet as pq

    outlets = pq.read_table(articles, columns=["outlet"]).column("outlet").to_pylist()
    return sorted(set(outlets) - {"", None})


def notebook_parameters(
    parameters: ReportParameters, *, report_date: str, tables_dir: Path | None = None
) -> dict:
    """Return the values papermill injects into a notebook's parameters cell.

    With ``tables_dir`` the notebook reads the tables there instead of extracting; it
    writes none (``out_dir`` empty).
    """
    # A path left unset is "" in a notebook, as it is on the command line.
    values = {name: "" if value is None else value
              for name, value in parameters.as_record().items()}
    # The notebook validates its values again: no cache folder must stay "off", not empty
    # (which means the default folder).
    values.update(report_date=report_date, out_dir="",
                  cache_dir="off" if parameters.cache_dir is None else values["cache_dir"])
    if tables_dir is not None:
        values.update(tables_dir=str(tables_dir))
    return values


def _keep_failed(staging: Path, parameters: ReportParameters, report_date: date, *,
                 executed: Path) -> Path:
    """Move the failed run's folder to ``reports/failed/`` (without its tables); return
    where the ``executed`` notebook, the one that failed, now is."""
    _write_status(staging, parameters, report_date, status="failed",
                  notebook=str(executed.relative_to(staging)))
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    failed = staging.parent / "failed" / f"{report_date}-{stamp}"
    failed.parent.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(staging / "tables", ignore_errors=True)
    os.replace(staging, failed)
    return failed / executed.relative_to(staging)


def _latest_good_run(reports_dir: Path, *, key: str) -> dict | None:
    """Return the status of the newest good run of the report ``key`` (``run_key``)."""
    return next((run for run in list_runs(reports_dir)
                 if run.get("status") == "ok" and run.get("key") == key), None)


def _write_status(folder: Path, parameters: ReportParameters, report_date: date,
                  *, status: str, fingerprint: str = "", pages: list[dict] | None = None,
                  seconds: dict[str, float] | None = None,
                  counts: dict[str, int] | None = None, changes: dict | None = None,
                  notebook: str = "") -> None:
    """Write ``status.json`` into ``folder``: what the index lists for a run (``notebook``:
    the one that failed, for a failed run)."""
    pages = pages or []
    record = {"date": report_date.isoformat(), "status": status, "key": run_key(parameters),
              "corpus": str(parameters.corpus), "fingerprint": fingerprint,
              "parameters": parameters.as_record(), "pages": pages,
              "per_outlet": len(pages) > 1, "seconds": seconds or {}, "counts": counts or {},
              "changes": changes or {}, **({"notebook": notebook} if notebook else {}),
              "generated": datetime.now(UTC).isoformat(timespec="seconds")}
    (folder / STATUS_FILE).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


def _make_readable(folder: Path) -> None:
    """Give a mkdtemp folder (mode 0700) the permissions a published folder should have."""
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)


def _remove_stale_files(reports_dir: Path) -> None:
    """Remove what a killed run left behind; called with the lock held, so none is live.

    A run killed between the two renames of ``_publish`` leaves its date's earlier report
    in ``.old-*``: it is put back, since nothing replaced it.
    """
    for retired in reports_dir.glob(".old-*"):
        for folder in list(retired.iterdir()) if retired.is_dir() else []:
            if not (reports_dir / folder.name).exists():
                os.replace(folder, reports_dir / folder.name)
    for stale in [*reports_dir.glob(".run-*"), *reports_dir.glob(".old-*"),
                  *reports_dir.glob(f".{INDEX_FILE}.tmp-*")]:
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
        else:
            stale.unlink(missing_ok=True)


def _publish(staging: Path, target: Path) -> Path:
    """Move ``staging`` to ``target`` by rename, replacing an earlier run of that date.

    Ctrl-C and SIGTERM wait until both renames are done: between them the earlier report
    is out of place and the new one not yet in it.
    """
    blocked = {signal.SIGINT, signal.SIGTERM}
    in_main_thread = threading.current_thread() is threading.main_thread()
    if in_main_thread:
        signal.pthread_sigmask(signal.SIG_BLOCK, blocked)
    try:
        retired = None
        if target.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".old-{target.name}-", dir=target.parent))
            os.replace(target, retired / target.name)
        os.replace(staging, target)
    finally:
        if in_main_thread:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, blocked)
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)
    return target


@contextmanager
def _stop_signals() -> Iterator[list[int]]:
    """Turn SIGINT and SIGTERM into KeyboardInterrupt and remember them (main thread only).

    The list it yields is empty until a signal arrives, so a run can refuse to publish
    even when a library in between caught the KeyboardInterrupt.
    """
    received: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield received
        return

    def stop(number: int, frame) -> None:
        received.append(number)
        handler = previous[number]
        if callable(handler):  # the command line's own handler records the signal too
            handler(number, frame)
        raise KeyboardInterrupt

    previous = {number: signal.signal(number, stop) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield received
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextmanager
def _run_lock(reports_dir: Path) -> Iterator[None]:
    with (reports_dir / ".lock").open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ReportLockedError(f"another report run is writing to {reports_dir} "
                                    f"(it holds {reports_dir / '.lock'}); try again when "
                                    f"it has finished") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
