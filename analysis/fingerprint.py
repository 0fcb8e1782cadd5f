"""What a report depends on, in one hash: "nothing new to report" only when none changed.

A run's fingerprint covers every file of the corpus (names and bytes: texts, pages,
crawls, the manifest with all its columns), the parameters, the content of every list
file the run reads (terms, codebook, sides, boilerplate rules, outlet names: the user's
copy or the shipped one), the package's version and its code, data and notebooks, and
the versions of the libraries and the spaCy model the tables come from. It is computed
from the files alone, without loading the corpus or the model.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from analysis.params import ReportParameters

PACKAGE = Path(__file__).resolve().parent
# The libraries whose versions go into run.json and the fingerprint: a new version of any
# may change what is extracted.
VERSIONED_PACKAGES = ("analysis", "spacy", "textacy", "trafilatura", "pandas", "papermill",
                      "nbconvert")
CHUNK_BYTES = 1 << 20
# The shipped list each list-file parameter replaces when it is empty.
DEFAULT_LISTS = {
    "terms_file": PACKAGE / "data" / "terms.toml",
    "codebook_file": PACKAGE / "data" / "codebook.toml",
    "sides_file": PACKAGE / "data" / "sides.toml",
    "boilerplate_file": PACKAGE / "data" / "boilerplate.toml",
    "outlets_file": PACKAGE / "data" / "outlets.toml",
}


def run_fingerprint(parameters: ReportParameters, *, notebooks: Iterable[Path] = (),
                    extra: dict | None = None) -> str:
    """Return the hex sha256 of everything a report run on ``parameters`` depends on.

    ``notebooks`` are the notebooks the run executes; ``extra`` holds further settings of
    the run (such as whether outlet pages are rendered).
    """
    digest = hashlib.sha256()
    _add(digest, "corpus", corpus_digest(parameters.corpus))
    _add(digest, "parameters", json.dumps(parameters.as_record(), sort_keys=True))
    for name, default in DEFAULT_LISTS.items():
        chosen = getattr(parameters, name, None) or default
        _add(digest, name, _file_digest(Path(chosen)))
    if parameters.corrections_file is not None:
        _add(digest, "corrections_file", _file_digest(parameters.corrections_file))
    _add(digest, "code", code_digest())
    _add(digest, "versions", json.dumps(
        {**{name: package_version(name) for name in VERSIONED_PACKAGES},
         "model": package_version(parameters.model)}, sort_keys=True))
    for notebook in notebooks:
        _add(digest, "notebook", _file_digest(notebook))
    _add(digest, "extra", json.dumps(extra or {}, sort_keys=True))
    return digest.hexdigest()


def corpus_digest(path: Path) -> str:
    """Return the hex sha256 of a corpus: every file's relative name and bytes.

    A folder is walked as the loader walks it (``walk_corpus``: regular files inside it,
    links out and special files named but not read); a single file is read whole.
    """
    from analysis.corpus.folders import walk_corpus

    digest = hashlib.sha256()
    if path.is_dir():
        for file, problem in walk_corpus(path):
            _add(digest, str(file.relative_to(path)), problem or _file_digest(file))
    elif path.is_file():
        _add(digest, path.name, _file_digest(path))
    else:
        _add(digest, path.name, "not a regular file")  # a pipe is never opened
    return digest.hexdigest()


def code_digest(package: Path = PACKAGE) -> str:
    """Return the hex sha256 of the package's version and of every file it ships."""
    digest = hashlib.sha256()
    _add(digest, "version", package_version("analysis"))
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            _add(digest, str(path.relative_to(package)), _file_digest(path))
    return digest.hexdigest()


def package_version(name: str) -> str:
    """Return the installed version of the distribution ``name`` (a spaCy model package
    too), or "not installed"."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK_BYTES):
                digest.update(chunk)
    except OSError as error:
        return f"unreadable: {error.strerror or error}"
    return digest.hexdigest()


def _add(digest, name: str, value: str) -> None:
    digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(value.encode("utf-8", "surrogateescape") + b"\0")
