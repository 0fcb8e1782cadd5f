"""The command line: ``workbook collect|extract|report|render`` (or ``python -m analysis``).

Exit status: 0 on success, 1 when a run failed, 2 for bad input or parameters (the
message names the file, line or parameter), 130 when interrupted (Ctrl-C), 143 when
stopped by SIGTERM; an interrupted run cleans up and publishes nothing.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from analysis.attribution import GazetteerError
from analysis.clean import BoilerplateRulesError
from analysis.codebook import CodebookError
from analysis.corpus import CorpusError, OutletNamesError
from analysis.corrections import CorrectionsError
from analysis.keywords import TermFileError
from analysis.notify import NotifyError
from analysis.parameters import BY_NAME, add_options
from analysis.params import (
    ParameterError,
    ReportParameters,
    validate_folder,
    validate_parameters,
)

EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130  # Ctrl-C (SIGINT)
EXIT_TERMINATED = 143  # SIGTERM
BAD_INPUT_ERRORS = (CorpusError, ParameterError, TermFileError, CodebookError, GazetteerError,
                    BoilerplateRulesError, OutletNamesError, CorrectionsError, NotifyError)
# The last lines of the run's log, for a failure notice.
LOG_TAIL: deque[str] = deque(maxlen=40)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser for every subcommand."""
    parser = argparse.ArgumentParser(prog="workbook", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", required=True)

    collect = commands.add_parser(
        "collect", help="fetch pages from a URL list, feed or sitemap into a corpus folder")
    collect.add_argument("source", help="file of URLs (one per line), or an RSS/Atom feed or "
                                        "XML sitemap (file or URL)")
    collect.add_argument("--out", required=True, type=Path,
                         help="corpus folder: pages are saved as <id>.html.gz beside "
                              "manifest.csv and collect.json")
    collect.add_argument("--delay", type=float, default=1.0,
                         help="seconds between requests to one host (default 1; robots.txt "
                              "may ask for more)")
    collect.add_argument("--timeout", type=float, default=20.0,
                         help="seconds to wait for a connection or for data (default 20)")
    collect.add_argument("--retries", type=int, default=3,
                         help="retries after a connection error, 429 or 5xx (default 3)")
    collect.add_argument("--limit", type=int, default=None,
                         help="fetch at most this many pages of the source")

    extract = commands.add_parser("extract", help="write the contract tables for a corpus")
    extract.add_argument("corpus", help="folder of articles, or a .jsonl/.json/.csv/.parquet "
                                        "file")
    extract.add_argument("--out", required=True, type=Path, help="folder for the tables")
    add_options(extract, "extract")

    render = commands.add_parser(
        "render", help="render an executed notebook as one offline HTML file, code hidden")
    render.add_argument("notebook", type=Path, help="an executed notebook (.ipynb)")
    render.add_argument("--out", type=Path, default=None,
                        help="the HTML file to write (default: beside the notebook, .html)")

    review = commands.add_parser(
        "review", help="write the rows of a table to review, in the corrections format")
    review.add_argument("tables", type=Path, help="a folder of tables (extract --out, or a "
                                                  "report's tables/)")
    review.add_argument("--table", choices=("figures", "attributions", "articles"),
                        default="figures", help="which table to review (default: figures)")
    review.add_argument("--out", type=Path, required=True,
                        help="the CSV to write; keep the rows to change, fill in action, "
                             "field and value, and pass it as --corrections")

    report = commands.add_parser("report", help="run the report notebook and publish HTML")
    report.add_argument("--per-outlet", action="store_true",
                        help="also render one outlet report per outlet (outlet-NAME.html)")
    report.add_argument("--force", action="store_true",
                        help="render even when corpus and parameters are those of the last report")
    report.add_argument("--reports-dir", type=Path, default=None,
                        help="where dated reports and index.html go (default: reports/)")
    report.add_argument("--since", default="", metavar="DATE|PATH",
                        help="compare with the report of this date (same corpus and "
                             "parameters) or the tables in this folder, instead of the last "
                             "report")
    report.add_argument("--notify", action="append", default=[], metavar="ADDRESS",
                        help="e-mail the key findings and the report after the run, or a "
                             "failure notice (repeatable; mail server from the environment)")
    report.add_argument("--notify-config", type=Path, default=None, metavar="FILE",
                        help="TOML file of mail settings ([smtp] host, port, tls, user, "
                             "password, from) instead of NEWS_WORKBOOK_SMTP_* variables")
    report.add_argument("--quiet-if-unchanged", action="store_true",
                        help="print and send nothing when there is nothing new to report")
    add_options(report, "report")
    return parser


def _validated(arguments: argparse.Namespace, **fixed) -> ReportParameters:
    """Return the validated parameters of ``arguments``: every option that names a run
    parameter (``analysis.parameters``), with ``fixed`` values on top."""
    values = {name: getattr(arguments, name) for name in BY_NAME if hasattr(arguments, name)}
    values.pop("report_date", None)  # the report's own date, not a parameter of the run
    return validate_parameters(**{**values, **fixed})


def run_collect(arguments: argparse.Namespace) -> int:
    """Fetch the pages of ``arguments.source`` into ``arguments.out``; return the exit code.

    0 when pages were saved or all were saved before, 1 when every page failed.
    """
    from analysis.collect import REPORT_NAME, Politeness, collect

    for name in ("delay", "timeout"):
        if not getattr(arguments, name) >= 0:
            raise ParameterError(f"--{name}", f"{getattr(arguments, name)!r} is not a number "
                                 f"of seconds; expected 0 or more")
    if arguments.retries < 0:
        raise ParameterError("--retries", f"{arguments.retries} is negative; expected 0 or more")
    if arguments.limit is not None and arguments.limit < 1:
        raise ParameterError("--limit", f"{arguments.limit} is not a number of pages; expected "
                             f"1 or more")
    validate_folder("--out", str(arguments.out))
    politeness = Politeness(delay=arguments.delay, timeout=arguments.timeout,
                            retries=arguments.retries)
    result = collect(arguments.source, arguments.out, politeness=politeness,
                     limit=arguments.limit)
    print(f"saved {len(result.saved)} page(s) to {arguments.out}"
          + (f"; {result.already_saved} saved before" if result.already_saved else "")
          + (f"; {len(result.failed)} failed, listed with their reasons in "
             f"{arguments.out / REPORT_NAME}" if result.failed else ""))
    return EXIT_FAILED if result.failed and not (result.saved or result.already_saved) else 0


def run_review(arguments: argparse.Namespace) -> int:
    """Write the rows of a table to review in the corrections format; return the exit code."""
    import csv
    import io

    from analysis.corrections import COLUMNS, review_rows
    from analysis.files import write_atomically

    if not (arguments.tables / f"{arguments.table}.parquet").is_file():
        raise ParameterError("tables", f"{arguments.tables} holds no {arguments.table}.parquet; "
                             f"expected a folder of tables written by extract or report")
    rows = review_rows(arguments.tables, table=arguments.table)
    columns = [*COLUMNS[:4], "current", "context", *COLUMNS[4:]]
    page = io.StringIO(newline="")
    writer = csv.DictWriter(page, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    write_atomically(arguments.out, page.getvalue())
    print(f"wrote {len(rows)} {arguments.table} rows to review to {arguments.out}")
    return 0


def run_render(arguments: argparse.Namespace) -> int:
    """Write the offline HTML of an executed notebook; return the exit code."""
    from analysis.files import write_atomically
    from analysis.reports import render_html

    notebook = arguments.notebook
    if not notebook.is_file():
        raise ParameterError("notebook", f"{notebook} is not a file; expected an executed "
                             f"notebook (.ipynb), for example the output of papermill")
    try:
        page = render_html(notebook)
    except ValueError as error:  # not JSON, not a notebook
        raise ParameterError("notebook", f"{notebook} is not a notebook ({error})") from None
    out = arguments.out or notebook.with_suffix(".html")
    validate_folder("--out", str(out.parent))
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(out, page)
    print(f"html: {out}")
    return 0


def run_extract(arguments: argparse.Namespace) -> int:
    """Write the tables for ``arguments.corpus`` to ``arguments.out``; return the exit code."""
    from analysis.workbook import extract_to_folder

    validate_folder("--out", str(arguments.out))
    parameters = _validated(arguments, out_dir=str(arguments.out))
    summary = extract_to_folder(parameters)
    skipped = len(summary.corpus.skipped)
    print(f"wrote {summary.rows['articles']} articles' tables to {arguments.out}"
          + (f" ({skipped} input(s) skipped, listed in run.json)" if skipped else ""))
    return 0


def run_report_command(arguments: argparse.Namespace) -> int:
    """Run the report for ``arguments`` and print where its HTML is; return the exit code.

    With ``--notify`` the addresses get the key findings and the report after a published
    run, or a short failure notice (the error and the log's last lines) after a failed
    one; a mail that cannot be sent is a warning. With ``--quiet-if-unchanged`` a run
    with nothing new prints and sends nothing.
    """
    from analysis.notify import mail_settings
    from analysis.reports import DEFAULT_REPORTS_DIR, run_report

    settings = mail_settings(arguments.notify_config) if arguments.notify else None
    try:
        report_date = _report_date(arguments.report_date)
        parameters = _validated(arguments)
        if arguments.reports_dir is not None:
            validate_folder("--reports-dir", str(arguments.reports_dir))
        reports_dir = arguments.reports_dir or DEFAULT_REPORTS_DIR
        published = run_report(parameters, report_date=report_date, reports_dir=reports_dir,
                               force=arguments.force, per_outlet=arguments.per_outlet,
                               since=arguments.since)
    except BaseException as error:
        if settings is not None:
            _notify_failure(settings, arguments.notify, error)
        raise
    if published.unchanged_since and arguments.quiet_if_unchanged:
        return 0
    _say_published(published)
    if settings is not None and not published.unchanged_since:
        try:
            _notify_published(settings, arguments.notify, published, parameters, report_date)
        except Exception as error:  # the report is published whatever the mail does
            print(f"warning: could not prepare the notification ({type(error).__name__}: "
                  f"{error}); the report itself is published", file=sys.stderr)
    return 0


def _say_published(published) -> None:
    from analysis.reports import INDEX_FILE

    if published.unchanged_since:
        print(f"nothing new to report: the corpus and parameters are those of the report of "
              f"{published.unchanged_since}; pass --force to render it again")
    print(f"report: {published.html}")
    for page in published.outlet_pages:
        print(f"outlet: {page}")
    print(f"index:  {published.folder.parent / INDEX_FILE}")


def _notify_published(settings, recipients: list[str], published, parameters,
                      report_date: date) -> None:
    from dataclasses import replace

    from analysis.findings import key_findings
    from analysis.notify import report_message
    from analysis.workbook import load_report_data

    data = load_report_data(replace(parameters, tables_dir=published.folder / "tables"))
    lines = [finding.text for finding in key_findings(data)]
    title = f"Coverage report of {report_date}: {parameters.corpus.name or parameters.corpus}"
    _send(settings, report_message(settings, recipients, title=title, findings=lines,
                                   report=published.html), recipients)


def _notify_failure(settings, recipients: list[str], error: BaseException) -> None:
    from analysis.notify import failure_message

    reason = str(error) or type(error).__name__
    if isinstance(error, KeyboardInterrupt):
        reason = "the run was interrupted (Ctrl-C or SIGTERM); nothing was published"
    title = "Coverage report failed"
    _send(settings, failure_message(settings, recipients, title=title, error=reason,
                                    log_tail=list(LOG_TAIL)), recipients)


def _send(settings, message, recipients: list[str]) -> None:
    import smtplib

    from analysis.notify import send

    try:
        send(settings, message)
    except (OSError, smtplib.SMTPException) as error:
        print(f"warning: could not send the notification to {', '.join(recipients)} through "
              f"{settings.host}:{settings.port} ({type(error).__name__}: {error}); the run "
              f"itself is not affected", file=sys.stderr)
    else:
        print(f"notified: {', '.join(recipients)}")


def _version() -> str:
    """Return the installed package's version (pyproject.toml is its one source)."""
    from importlib import metadata

    try:
        return metadata.version("analysis")
    except metadata.PackageNotFoundError:
        return "unknown (not installed)"


def _report_date(value: str) -> date:
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ParameterError("--date", f"{value!r} is not a date; expected YYYY-MM-DD") from None


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    from analysis.collect import CollectError
    from analysis.reports import ReportError

    logging.basicConfig(level=logging.WARNING, format="warning: %(message)s")
    _log_progress_lines()
    logging.getLogger().addHandler(_TailHandler())
    arguments = build_parser().parse_args(argv)
    command = {"collect": run_collect, "extract": run_extract, "render": run_render,
               "report": run_report_command, "review": run_review}[arguments.command]
    with _termination_as_interrupt() as received:
        try:
            return command(arguments)
        except (*BAD_INPUT_ERRORS, CollectError) as error:
            print(f"error: {error}", file=sys.stderr)
            return EXIT_BAD_INPUT
        except ReportError as error:
            print(f"error: {error}", file=sys.stderr)
            return EXIT_FAILED
        except KeyboardInterrupt:
            stopped = "stopped by SIGTERM" if signal.SIGTERM in received else "interrupted"
            print(f"{stopped}: {INTERRUPTED[arguments.command]}", file=sys.stderr)
            return EXIT_TERMINATED if signal.SIGTERM in received else EXIT_INTERRUPTED
        except OSError as error:
            print(f"error: {error} (earlier tables and reports are as they were)",
                  file=sys.stderr)
            return EXIT_FAILED
        except RuntimeError as error:
            from analysis.nlp import ModelNotInstalledError

            if not isinstance(error, ModelNotInstalledError):
                raise
            print(f"error: {error}", file=sys.stderr)
            return EXIT_FAILED


class _TailHandler(logging.Handler):
    """Keeps the last lines of the log for a failure notice."""

    def emit(self, record: logging.LogRecord) -> None:
        LOG_TAIL.append(f"{record.levelname.lower()}: {record.getMessage()}")


def _log_progress_lines() -> None:
    """Print the progress lines of long runs (``analysis.progress``) to stderr, so that a
    scheduled run's log says how far it got; on a terminal a bar shows instead."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("progress: %(message)s"))
    progress_log = logging.getLogger("analysis.progress")
    progress_log.addHandler(handler)
    progress_log.setLevel(logging.INFO)
    progress_log.propagate = False


# What an interrupted command leaves, in the message it prints.
INTERRUPTED = {
    "collect": "the pages saved so far are kept and listed in collect.json; run the same "
               "command again to go on where it stopped",
    "extract": "nothing was written; the earlier tables are as they were",
    "report": "nothing was published; earlier reports and the index are as they were",
    "render": "no HTML was written",
    "review": "no review file was written",
}


@contextmanager
def _termination_as_interrupt() -> Iterator[list[int]]:
    """Handle SIGTERM (a scheduler's stop, ``kill``) as Ctrl-C: the run stops the same way,
    cleaning up its staging; yields the signals received."""
    received: list[int] = []

    def stop(number: int, _frame) -> None:
        received.append(number)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield received
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
