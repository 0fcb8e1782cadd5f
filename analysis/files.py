"""Small file helpers shared by the package: TOML lists users edit, atomic writes, progress."""

from __future__ import annotations

import logging
import os
import sys
import time
import tomllib
from pathlib import Path

progress_log = logging.getLogger("analysis.progress")


def read_toml(path: Path, *, error: type[Exception], what: str) -> dict:
    """Return the TOML document at ``path``.

    Raises ``error`` with a message naming the file when it is missing ("<path>: <what>
    file not found"), is not valid TOML or is not UTF-8 text.
    """
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as cause:
        raise error(f"{path}: {what} file not found") from cause
    except tomllib.TOMLDecodeError as cause:
        raise error(f"{path}: not valid TOML ({cause})") from cause
    except UnicodeDecodeError as cause:
        raise error(f"{path}: not UTF-8 text ({cause})") from cause


def extends_default(document: dict, path: Path, *, error: type[Exception]) -> bool:
    """Return whether a user's TOML ``document`` says ``extends = "default"``: keep the
    shipped entries and add the file's own. Raises ``error`` naming the file for any other
    value of ``extends``."""
    extends = document.get("extends", "")
    if extends not in ("", "default"):
        raise error(f"{path}: 'extends' must be \"default\" or absent, got {extends!r}")
    return extends == "default"


def shipped(name: str) -> Path:
    """Return the folder of a resource shipped with the workbook ("notebooks", "seeds").

    In a source checkout (or an editable install) it is the repository's own folder; in
    an installed wheel, the copy inside the package (``importlib.resources``).
    """
    from importlib import resources

    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / name).is_dir():
        return checkout / name
    return Path(str(resources.files("analysis") / name))


def in_checkout() -> bool:
    """Return whether the package runs from a source checkout (not an installed wheel)."""
    return (Path(__file__).resolve().parent.parent / "pyproject.toml").is_file()


def write_atomically(path: Path, content: str | bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file beside it and one rename.

    Readers see the old file or the new one, never a part; the temporary file
    (``.<name>.tmp-<pid>``) is removed when the write fails. Raises OSError.
    """
    temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        if isinstance(content, str):
            temporary.write_text(content, encoding="utf-8")
        else:
            temporary.write_bytes(content)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def show_progress(requested: bool | None = None) -> bool:
    """Return whether to draw a progress bar: as ``requested``, else only on a terminal.

    Under CI (``$CI`` set) or when stderr is not a terminal, None means no bar.
    """
    if requested is not None:
        return requested
    return sys.stderr.isatty() and not os.environ.get("CI")


class LogProgress:
    """Progress for logs: one line every ``every`` items, or after ``seconds`` without a
    line, and at the end; never a bar.

    A scheduled run writes to a file, where a progress bar is noise and nothing at all
    leaves an hour-long run silent; this says how far it got and how fast.
    """

    def __init__(self, total: int | None, *, unit: str, desc: str, every: int,
                 seconds: float = 60.0) -> None:
        self.total, self.unit, self.desc, self.every = total, unit, desc, every
        self.seconds = seconds
        self.done = 0
        self.lines = self._said_at = 0
        self._next = every
        self._started = self._last_line = time.monotonic()

    def update(self, count: int = 1) -> None:
        """Count ``count`` more items done; log a line when another ``every`` are done
        or ``seconds`` have passed since the last line."""
        self.done += count
        if self.done >= self._next or time.monotonic() - self._last_line >= self.seconds:
            self._say()
            self._next = (self.done // self.every + 1) * self.every

    def _say(self) -> None:
        seconds = max(time.monotonic() - self._started, 1e-9)
        of = f" of {self.total:,}" if self.total else ""
        share = f" ({100 * self.done / self.total:.0f}%)" if self.total else ""
        progress_log.info("%s: %s%s %ss%s, %.1f %ss/s", self.desc, f"{self.done:,}", of,
                          self.unit, share, self.done / seconds, self.unit)
        self.lines += 1
        self._said_at = self.done
        self._last_line = time.monotonic()

    def __enter__(self) -> LogProgress:
        return self

    def __exit__(self, *exc) -> None:
        # A closing line only after progress lines: a short run stays silent.
        if self.lines and self.done != self._said_at and exc == (None, None, None):
            self._say()


def progress(total: int | None, *, unit: str, desc: str, requested: bool | None = None,
             every: int | None = None):
    """Return a progress counter: a tqdm bar on a terminal, else a LogProgress writing a
    line every ``every`` items (default: a tenth of ``total``, at least 1,000 and at most
    10,000) to the ``analysis.progress`` log. Use it as a context manager; call
    ``update(n)``."""
    from tqdm import tqdm

    if show_progress(requested):
        return tqdm(total=total, unit=unit, desc=desc)
    if every is None:
        every = min(max((total or 0) // 10, 1000), 10_000)
    return LogProgress(total, unit=unit, desc=desc, every=every)


def numbered_rows(reader) -> list[tuple[int, dict]]:
    """Return the rows of a ``csv.DictReader`` with the file line each starts on: a quoted
    cell may span lines, so a row's number in the file is not its index plus two."""
    rows, ended = [], reader.line_num
    for row in reader:
        rows.append((ended + 1, row))
        ended = reader.line_num
    return rows

