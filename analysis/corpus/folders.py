"""A folder of article files, saved pages and crawls, with an optional manifest.csv.

Article files are .txt, .md, .html, .htm and .xhtml, each also gzip-compressed (.gz);
their id is the file name without its extensions ("story.html.gz" -> "story"). WARC
files (.warc, .warc.gz) hold one article per HTML response. The manifest's row for an
id overrides the metadata read from the file, field by field.
"""

from __future__ import annotations

import csv
from pathlib import Path

from tqdm import tqdm

from analysis.corpus import crawls
from analysis.corpus.columns import map_columns
from analysis.corpus.decoding import decode_text, read_file_bytes
from analysis.corpus.intake import Intake, id_problem
from analysis.corpus.metadata import Layer, checked_date
from analysis.corpus.model import METADATA_FIELDS, CorpusError, Problem
from analysis.corpus.pages import read_page
from analysis.files import show_progress

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
    quiet = not show_progress() or len(files) < 1000
    for file in tqdm(files, unit="file", desc="loading", disable=quiet):
        shown = str(file.relative_to(folder))
        if not _is_utf8(shown):
            intake.skip(Problem(_printable(shown), "file name is not valid UTF-8; rename the "
                                "file"))
            continue
        if crawls.is_warc(file):
            crawls.load_warc(file, shown, intake, manifest=manifest)
            continue
        article_id = article_stem(file)
        loaded = _read_article_file(file, shown, intake)
        if loaded is None:
            continue
        text, page_layer, declared = loaded
        row = manifest.pop(article_id, None)
        if row is None and manifest_path.exists():
            intake.warn(Problem(shown, f"no row in {MANIFEST_NAME}; its metadata comes from "
                                f"the file itself (a plain-text file has none)"))
        layers = [page_layer, Layer("manifest", row or {})]
        intake.add(article_id, text, shown=shown, layers=layers, declared_language=declared,
                   fetched=(row or {}).get("fetched", ""))
    for article_id in manifest:
        intake.warn(Problem(MANIFEST_NAME, f"lists {article_id!r} but no such article file "
                            f"was loaded"))


def article_stem(path: Path) -> str:
    """Return an article file's id: its name without ".gz" and the article suffix."""
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    return Path(name).stem


def _article_suffix(path: Path) -> str:
    name = path.name.lower().removesuffix(".gz")
    return Path(name).suffix


def _article_files(folder: Path, intake: Intake) -> list[Path]:
    files = []
    for file in sorted(folder.rglob("*")):
        relative = file.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not file.is_file():
            continue
        if file.name in OWN_FILES and file.parent == folder:
            continue
        if _article_suffix(file) in ARTICLE_SUFFIXES or crawls.is_warc(file):
            files.append(file)
        else:
            intake.skip(Problem(_printable(str(relative)),
                                f"unsupported file type; expected {EXPECTED_FILES}"))
    return files


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
            rows = list(reader)
            header = [name for name in reader.fieldnames or [] if name is not None]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise CorpusError(f"{path}: unreadable manifest ({error}); expected a UTF-8 CSV with "
                          f"{expected}") from error
    if rows and "article_id" not in header:
        raise CorpusError(f"{path}: manifest has no article_id column; expected {expected}")
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
    for line, row in enumerate(rows, start=2):
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
