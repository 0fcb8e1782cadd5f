"""A folder of article files, saved pages and crawls, with an optional manifest.csv.

Article files are .txt, .md, .html, .htm and .xhtml, each also gzip-compressed (.gz);
their id is the file name without its extensions ("story.html.gz" -> "story"). WARC
files (.warc, .warc.gz) hold one article per HTML response. The manifest's row for an
id overrides the metadata read from the file, field by field; what the file's name
and folders tell ("nyt_2024-03-05_talks.txt") ranks below everything else.
"""

from __future__ import annotations

import csv
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from analysis.corpus import crawls
from analysis.corpus.columns import duplicated_columns, map_columns
from analysis.corpus.decoding import decode_text, read_file_bytes
from analysis.corpus.filenames import filename_layer
from analysis.corpus.intake import Intake, id_problem
from analysis.corpus.metadata import Layer, checked_date
from analysis.corpus.model import METADATA_FIELDS, CorpusError, Problem
from analysis.corpus.pages import read_page
from analysis.files import numbered_rows, progress

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
MANIFEST_NAME = "manifest.csv"
MANIFEST_FIELDS = (*METADATA_FIELDS, "fetched")
# Files the workbook itself keeps in a corpus folder (``collect`` writes collect.json).
OWN_FILES = (MANIFEST_NAME, "collect.json")
EXPECTED_FILES = ".txt, .md, .html, .htm or .xhtml (each also .gz), or .warc / .warc.gz"


def load_folder(folder: Path, intake: Intake) -> None:
    """Add every article of ``folder`` (and its subfolders) to ``intake``."""
    manifest_path = folder / MANIFEST_NAME
    manifest = read_manifest(manifest_path, intake)
    files = _article_files(folder, intake)
    with progress(len(files), unit="file", desc="loading", every=max(1000, len(files) // 10)
                  ) as bar:
        for file in files:
            _load_file(file, folder, intake, manifest=manifest,
                       has_manifest=manifest_path.exists())
            bar.update(1)
    for article_id in manifest:
        intake.warn(Problem(MANIFEST_NAME, f"lists {article_id!r} but no such article file "
                            f"was loaded"))


def _load_file(file: Path, folder: Path, intake: Intake, *,
               manifest: dict[str, dict[str, str]], has_manifest: bool) -> None:
    """Add the article (or, for a crawl, the articles) of one file to ``intake``."""
    shown = str(file.relative_to(folder))
    if not _is_utf8(shown):
        intake.skip(Problem(_printable(shown), "file name is not valid UTF-8; rename the file"))
        return
    if crawls.is_warc(file):
        crawls.load_warc(file, shown, intake, manifest=manifest)
        return
    article_id = article_stem(file)
    loaded = _read_article_file(file, shown, intake)
    if loaded is None:
        return
    text, page_layer, declared = loaded
    row = manifest.pop(article_id, None)
    if row is None and has_manifest:
        intake.warn(Problem(shown, f"no row in {MANIFEST_NAME}; its metadata comes from the "
                            f"file itself (a plain-text file has none)"))
    names_layer = filename_layer(file.relative_to(folder).parent.parts, article_id,
                                 intake.names)
    layers = [names_layer, page_layer, Layer("manifest", row or {})]
    intake.add(article_id, text, shown=shown, layers=layers, declared_language=declared,
               fetched=(row or {}).get("fetched", ""))


def article_stem(path: Path) -> str:
    """Return an article file's id: its name without ".gz" and the article suffix."""
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    return Path(name).stem


def _article_suffix(path: Path) -> str:
    name = path.name.lower().removesuffix(".gz")
    return Path(name).suffix


def _article_files(folder: Path, intake: Intake) -> list[Path]:
    files = []
    for path, problem in walk_corpus(folder):
        relative = str(path.relative_to(folder))
        if problem:
            intake.skip(Problem(_printable(relative), problem))
        elif path.name in OWN_FILES and path.parent == folder:
            continue
        elif _article_suffix(path) in ARTICLE_SUFFIXES or crawls.is_warc(path):
            files.append(path)
        else:
            intake.skip(Problem(_printable(relative),
                                f"unsupported file type; expected {EXPECTED_FILES}"))
    return files


def walk_corpus(folder: Path) -> Iterator[tuple[Path, str]]:
    """Yield (path, problem) for every entry under ``folder``, in name order.

    The corpus is the regular files inside the folder: hidden entries are passed over; a
    symbolic link is followed only to a file inside the folder; links that lead outside,
    dangle or loop, links to folders, special files (pipes, sockets, devices) and folders
    that cannot be read come with the problem that keeps them out ("" for a file to read).
    """
    root = folder.resolve()
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        yield folder, f"unreadable folder ({error.strerror or error})"
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_symlink():
            yield path, _link_problem(path, root)
        elif entry.is_dir(follow_symlinks=False):
            yield from walk_corpus(path) if path.resolve().is_relative_to(root) else ()
        elif entry.is_file(follow_symlinks=False):
            yield path, ""
        else:
            yield path, f"not a regular file ({_file_kind(path)}); not read"


def _link_problem(path: Path, root: Path) -> str:
    """Return why a symbolic link is not read, or "" for a link to a file in the corpus."""
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return f"broken symbolic link (to {os.readlink(path)}); not read"
    except (RuntimeError, OSError):
        return "symbolic link loop; not read"
    if not target.is_relative_to(root):
        return f"symbolic link to {target}, outside the corpus folder; not read"
    if target.is_dir():
        return "symbolic link to a folder; not followed (its files would count twice)"
    if not target.is_file():
        return f"symbolic link to a special file ({_file_kind(target)}); not read"
    return ""


def _file_kind(path: Path) -> str:
    """Return what kind of special file ``path`` is, in words."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return "unknown kind"
    kinds = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))
    return next((name for test, name in kinds if test(mode)), "unknown kind")


def _read_article_file(file: Path, shown: str, intake: Intake
                       ) -> tuple[str, Layer, str] | None:
    """Return (text, metadata read from the file, declared language), or None if skipped."""
    try:
        data = read_file_bytes(file, compressed=file.name.lower().endswith(".gz"))
        text = decode_text(data, intake.warner(shown))
        if _article_suffix(file) in HTML_SUFFIXES:
            page = read_page(text)
            return page.text, Layer("page", page.metadata), page.declared_language
    except OSError as error:
        intake.skip(Problem(shown, f"unreadable file ({error.strerror or error})"))
        return None
    except CorpusError as error:
        intake.skip(Problem(shown, str(error)))
        return None
    return text, Layer("page", {}), ""


def _is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable(name: str) -> str:
    """Return a file name that os.fsdecode left with escapes as text that can be written."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_manifest(path: Path, intake: Intake) -> dict[str, dict[str, str]]:
    """Return the manifest's metadata by article_id ({} when there is no manifest).

    Raises CorpusError for a manifest that cannot be read or has no article_id column;
    bad rows are skipped and bad values warned about, each with its line.
    """
    if not path.exists():
        return {}
    expected = f"columns article_id, {', '.join(MANIFEST_FIELDS)}"
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = [name for name in reader.fieldnames or [] if name is not None]
            rows = numbered_rows(reader)  # a title may span lines
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise CorpusError(f"{path}: unreadable manifest ({error}); expected a UTF-8 CSV with "
                          f"{expected}") from error
    if rows and "article_id" not in header:
        raise CorpusError(f"{path}: manifest has no article_id column; expected {expected}")
    twice = duplicated_columns(header)
    if twice:
        raise CorpusError(f"{path}: column {', '.join(map(repr, twice))} appears more than once; "
                          f"keep one of each")
    columns = map_columns(header, fields=("article_id", *MANIFEST_FIELDS), aliases=False)
    if columns.unknown:
        intake.warn(Problem(MANIFEST_NAME, f"unknown columns "
                            f"{', '.join(map(repr, columns.unknown))} are ignored; expected "
                            f"article_id, {', '.join(MANIFEST_FIELDS)}"))
    missing = [name for name in ("outlet", "published") if name not in header]
    if rows and missing:
        intake.warn(Problem(MANIFEST_NAME, f"no column {', '.join(map(repr, missing))}; those "
                            f"fields come from the files themselves where they have them"))
    manifest: dict[str, dict[str, str]] = {}
    first_line: dict[str, int] = {}
    for line, row in rows:
        article_id = (row.get("article_id") or "").strip()
        if article_id in manifest:
            intake.skip(Problem(MANIFEST_NAME, f"duplicate article_id {article_id!r} (first on "
                                f"line {first_line[article_id]})", line))
            continue
        problem = id_problem(article_id)
        if problem:
            intake.skip(Problem(MANIFEST_NAME, problem, line))
            continue
        values = {name: (row.get(name) or "").strip() for name in MANIFEST_FIELDS}
        if values["published"]:
            values["published"] = checked_date(values["published"],
                                               intake.warner(MANIFEST_NAME, line))
        manifest[article_id] = values
        first_line[article_id] = line
    return manifest
