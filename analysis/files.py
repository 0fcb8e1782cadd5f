"""Small file helpers shared by the package: TOML lists users edit, atomic writes, progress."""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path


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
