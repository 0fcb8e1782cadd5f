"""Load a corpus of news articles into Article records, with errors that name the file.

A corpus is either a folder of .txt, .md and .html files with an optional
``manifest.csv`` (article_id, outlet, published, title, url, language), or one
.jsonl, .csv or .parquet file whose records hold those fields plus ``text``.

A bad file or record is skipped and listed in ``Corpus.skipped`` with the reason; the
caller decides whether that is fatal (``strict=True`` raises on the first one).

An article may hold at most ``MAX_ARTICLE_CHARS`` characters (500,000: parsing costs
memory in proportion to length); a longer one is skipped with a message, and an article
file larger than ``MAX_FILE_BYTES`` (16 MB) is refused without being read.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import charset_normalizer
from tqdm import tqdm

from analysis.files import show_progress

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".jsonl", ".csv", ".parquet")
MANIFEST_NAME = "manifest.csv"
METADATA_FIELDS = ("outlet", "published", "title", "url", "language")
# Columns a manifest or table may carry for people's own notes; read and ignored.
ANNOTATION_FIELDS = ("note", "notes")
BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "gzip-compressed data",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
}
WESTERN_ENCODINGS = ("cp1252", "latin_1", "iso8859_15")
MIN_HTML_MAIN_TEXT_WORDS = 8
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
SAFE_ID = re.compile(r"^[\w][\w.\-]*$")
# One article is at most 500,000 characters (about 85,000 words, four times the longest
# long-read). Parsing costs about 3.5 MB of memory per 1,000 characters (1,000,000
# characters: 45 s and 3.5 GB with en_core_web_sm), and spaCy refuses texts over its
# max_length of 1,000,000; a longer text is a feed or a book, not an article.
MAX_ARTICLE_CHARS = 500_000
# An article file larger than this is refused from its size alone, without reading it;
# HTML pages carry markup and scripts beside the text, hence the margin.
MAX_FILE_BYTES = 16 * 1024 * 1024
LONE_SURROGATES = re.compile("[\ud800-\udfff]")


class CorpusError(ValueError):
    """The corpus cannot be loaded; the message names the file (and line) at fault."""


@dataclass(frozen=True)
class Article:
    """One news article: its raw text and the metadata the manifest gives it."""

    article_id: str
    text: str
    outlet: str = ""
    published: str = ""
    title: str = ""
    url: str = ""
    language: str = ""
    source_file: str = ""


@dataclass(frozen=True)
class Problem:
    """A file or record that was skipped or loaded with a caveat, and why."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}, line {self.line}"
        return f"{where}: {self.reason}"


@dataclass
class Corpus:
    """The loaded articles, the skipped inputs and the warnings, in input order."""

    source: Path
    articles: list[Article] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        """Return a short sha256 over every article's id, metadata and text."""
        digest = hashlib.sha256()
        for article in sorted(self.articles, key=lambda a: a.article_id):
            for value in (article.article_id, article.outlet, article.published, article.text):
                digest.update(value.encode("utf-8", "surrogatepass") + b"\0")
        return digest.hexdigest()[:16]

    @property
    def outlets(self) -> list[str]:
        """Return the distinct outlet names, sorted."""
        return sorted({article.outlet for article in self.articles if article.outlet})


def load_corpus(path: Path | str, *, strict: bool = False) -> Corpus:
    """Return the Corpus at ``path``: a folder of articles or one .jsonl/.csv/.parquet file.

    Bad files and records are skipped and listed in ``Corpus.skipped``; with
    ``strict=True`` the first one raises CorpusError instead. Raises CorpusError when
    ``path`` does not exist, is of an unsupported type, or holds no usable article.
    """
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder; expected a folder of articles "
                          f"or a .jsonl, .csv or .parquet file")
    corpus = Corpus(source=path)
    if path.is_dir():
        _load_folder(path, corpus, strict=strict)
    elif path.suffix.lower() in TABLE_SUFFIXES:
        _load_table(path, corpus, strict=strict)
    else:
        raise CorpusError(f"{path}: unsupported corpus file; expected a folder or a "
                          f".jsonl, .csv or .parquet file")
    if not corpus.articles:
        reasons = "; ".join(str(problem) for problem in corpus.skipped[:5])
        raise CorpusError(f"{path}: no usable article" + (f" ({reasons})" if reasons else ""))
    return corpus


def _skip(corpus: Corpus, problem: Problem, *, strict: bool) -> None:
    if strict:
        raise CorpusError(f"{problem} (--strict makes every bad input fatal)")
    log.warning("skipped %s", problem)
    corpus.skipped.append(problem)


def _warn(corpus: Corpus, problem: Problem) -> None:
    log.warning("%s", problem)
    corpus.warnings.append(problem)


# --- folders ---------------------------------------------------------------------------


def _load_folder(folder: Path, corpus: Corpus, *, strict: bool) -> None:
    manifest = _read_manifest(folder / MANIFEST_NAME, corpus, strict=strict)
    seen: dict[str, str] = {}
    lowered: dict[str, str] = {}
    files = _article_files(folder, corpus, strict=strict)
    quiet = not show_progress() or len(files) < 1000
    for file in tqdm(files, unit="file", desc="loading", disable=quiet):
        shown = str(file.relative_to(folder))
        article_id = file.stem
        if not _is_utf8(shown):
            _skip(corpus, Problem(_printable(shown), "file name is not valid UTF-8; rename "
                                  "the file"), strict=strict)
            continue
        text = _read_article_file(file, shown, corpus, strict=strict)
        if text is None:
            continue
        if article_id in seen:
            _skip(corpus, Problem(shown, f"duplicate article id {article_id!r} "
                                  f"(also {seen[article_id]})"), strict=strict)
            continue
        if article_id.lower() in lowered:
            _warn(corpus, Problem(shown, f"article id {article_id!r} differs only in case from "
                                  f"{lowered[article_id.lower()]!r} (one file would overwrite "
                                  f"the other on a case-insensitive disk)"))
        seen[article_id] = shown
        lowered[article_id.lower()] = article_id
        metadata = manifest.pop(article_id, None)
        if metadata is None:
            if manifest or (folder / MANIFEST_NAME).exists():
                _warn(corpus, Problem(shown, "no row in manifest.csv; using the file stem "
                                      "as article_id and empty metadata"))
            metadata = {}
        corpus.articles.append(Article(article_id=article_id, text=text, source_file=shown,
                                       **metadata))
    for article_id in manifest:
        _warn(corpus, Problem(MANIFEST_NAME, f"lists {article_id!r} but no such article file "
                              f"was loaded"))


def _article_files(folder: Path, corpus: Corpus, *, strict: bool) -> list[Path]:
    suffixes = TEXT_SUFFIXES + HTML_SUFFIXES
    files = []
    for file in sorted(folder.rglob("*")):
        relative = file.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not file.is_file():
            continue
        if file.name == MANIFEST_NAME:
            continue
        if file.suffix.lower() in suffixes:
            files.append(file)
        else:
            _skip(corpus, Problem(_printable(str(relative)), "unsupported file type; expected "
                                  ".txt, .md or .html"), strict=strict)
    return files


def _is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable(name: str) -> str:
    """Return a file name that os.fsdecode left with escapes as text that can be written."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _read_article_file(file: Path, shown: str, corpus: Corpus, *, strict: bool) -> str | None:
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            _skip(corpus, Problem(shown, f"file of {size:,} bytes is too large to be one article "
                                  f"(at most {MAX_FILE_BYTES:,} bytes); split it into "
                                  f"articles"), strict=strict)
            return None
        data = file.read_bytes()
    except OSError as error:
        _skip(corpus, Problem(shown, f"unreadable file ({error.strerror})"), strict=strict)
        return None
    try:
        text = decode_text(data, shown, corpus)
        if file.suffix.lower() in HTML_SUFFIXES:
            text = extract_html_text(text)
    except CorpusError as error:
        _skip(corpus, Problem(shown, str(error)), strict=strict)
        return None
    problem = _text_problem(text)
    if problem:
        _skip(corpus, Problem(shown, problem), strict=strict)
        return None
    return text


def _text_problem(text: str) -> str | None:
    if not text.strip():
        return "empty text; expected the article's text"
    if len(text) > MAX_ARTICLE_CHARS:
        return (f"text of {len(text):,} characters is too long for one article (at most "
                f"{MAX_ARTICLE_CHARS:,}); split it into articles")
    return None


def _valid_unicode(value: str, shown: str, line: int | None, corpus: Corpus, *,
                   name: str) -> str:
    """Return ``value`` with unpaired surrogates (which no encoder accepts) as U+FFFD."""
    if not LONE_SURROGATES.search(value):
        return value
    _warn(corpus, Problem(shown, f"{name} holds unpaired surrogate code points (invalid "
                          f"Unicode); each is replaced with U+FFFD", line))
    return LONE_SURROGATES.sub("\ufffd", value)


def decode_text(data: bytes, shown: str, corpus: Corpus) -> str:
    """Return ``data`` decoded as text: UTF-8, UTF-16 with a BOM, or a detected encoding.

    A detected encoding other than UTF-8 adds a warning naming the file and the encoding.
    Raises CorpusError for binary data or text whose encoding cannot be told.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise CorpusError(f"starts with a UTF-16 byte-order mark but does not decode as "
                              f"UTF-16 ({error.reason})") from error
        _warn(corpus, Problem(shown, "not UTF-8; decoded as UTF-16 (byte-order mark)"))
        return _valid_unicode(text, shown, None, corpus, name="text")
    kind = next((name for magic, name in BINARY_SIGNATURES.items() if data.startswith(magic)),
                None)
    if kind:
        raise CorpusError(f"binary file ({kind}); expected UTF-8 text")
    if b"\x00" in data[:4096]:
        encoding = _bomless_utf16(data)
        if encoding is None:
            raise CorpusError("binary file (contains NUL bytes); expected UTF-8 text")
        _warn(corpus, Problem(shown, f"not UTF-8; decoded as {encoding} (no byte-order mark)"))
        return data.decode(encoding)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = _best_encoding(charset_normalizer.from_bytes(data))
    if best is None:
        raise CorpusError("text is not UTF-8 and its encoding could not be detected; "
                          "save it as UTF-8")
    _warn(corpus, Problem(shown, f"not UTF-8; decoded as {best.encoding}"))
    return _valid_unicode(str(best), shown, None, corpus, name="text")


def _bomless_utf16(data: bytes) -> str | None:
    """Return "UTF-16-LE" or "UTF-16-BE" when ``data`` reads as such text, else None.

    Text in UTF-16 without a byte-order mark has a NUL in nearly every other byte (the
    high byte of each ASCII letter); other data with NUL bytes is binary.
    """
    if len(data) % 2:
        return None
    half = len(data) // 2
    for encoding, high_bytes in (("UTF-16-LE", data[1::2]), ("UTF-16-BE", data[0::2])):
        if high_bytes.count(0) >= 0.9 * half:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            printable = sum(char.isprintable() or char.isspace() for char in text)
            return encoding if printable >= 0.95 * len(text) else None
    return None


def _best_encoding(matches: charset_normalizer.CharsetMatches):
    """Return the detector's best match, preferring Windows-1252 among equally good ones.

    English news scraped as a legacy single-byte encoding is nearly always Windows-1252
    or Latin-1, and the detector cannot tell cp1250 from cp1252 on a few accented names.
    """
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        if match.encoding in WESTERN_ENCODINGS and (match.chaos, -match.coherence) <= (
            best.chaos, -best.coherence
        ):
            return match
    return best


def extract_html_text(html: str) -> str:
    """Return the main text of an HTML page (trafilatura); CorpusError when it has none."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True)
    # The fallback extractors return stray navigation ("Home") for a page with no
    # article; a main text has at least a sentence's worth of words.
    if not text or len(text.split()) < MIN_HTML_MAIN_TEXT_WORDS:
        raise CorpusError("HTML page without a main text that could be extracted")
    return text


def _read_manifest(path: Path, corpus: Corpus, *, strict: bool) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            rows = list(reader)
            header = [name for name in reader.fieldnames or [] if name is not None]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise CorpusError(f"{path}: unreadable manifest ({error}); expected a UTF-8 CSV with "
                          f"columns article_id, {', '.join(METADATA_FIELDS)}") from error
    if rows and "article_id" not in header:
        raise CorpusError(f"{path}: manifest has no article_id column; expected columns "
                          f"article_id, {', '.join(METADATA_FIELDS)}")
    _check_columns(header, MANIFEST_NAME, corpus, extra=())
    missing = [name for name in METADATA_FIELDS if name not in header]
    if rows and missing:
        _warn(corpus, Problem(MANIFEST_NAME, f"no column {', '.join(map(repr, missing))}; "
                              f"those fields are left empty (expected columns article_id, "
                              f"{', '.join(METADATA_FIELDS)})"))
    records = _records_by_id(
        ((line, row) for line, row in enumerate(rows, start=2)), MANIFEST_NAME, corpus,
        strict=strict,
    )
    return {article_id: metadata for article_id, (metadata, _text) in records.items()}


# --- tables ------------------------------------------------------------------------------


def _load_table(path: Path, corpus: Corpus, *, strict: bool) -> None:
    jsonl = path.suffix.lower() == ".jsonl"
    rows = _jsonl_rows(path, corpus, strict=strict) if jsonl else _frame_rows(path)
    records = _records_by_id(rows, path.name, corpus, strict=strict, with_text=True)
    for article_id, (metadata, text) in records.items():
        corpus.articles.append(Article(article_id=article_id, text=text,
                                       source_file=path.name, **metadata))


def _jsonl_rows(path: Path, corpus: Corpus, *, strict: bool) -> Iterator[tuple[int, dict]]:
    try:
        handle = path.open(encoding="utf-8-sig")
    except OSError as error:
        raise CorpusError(f"{path}: unreadable file ({error.strerror})") from error
    with handle:
        try:
            for line_number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except (ValueError, RecursionError) as error:
                    # ValueError beside JSONDecodeError: an integer of more than 4,300
                    # digits; RecursionError: arrays or objects nested thousands deep.
                    reason = (error.msg if isinstance(error, json.JSONDecodeError)
                              else "nested too deeply" if isinstance(error, RecursionError)
                              else "a number too long to read")
                    _skip(corpus, Problem(path.name, f"not valid JSON ({reason}); expected "
                                          f"one JSON object per line", line_number),
                          strict=strict)
                    continue
                if not isinstance(record, dict):
                    _skip(corpus, Problem(path.name, "expected a JSON object with article_id "
                                          "and text", line_number), strict=strict)
                    continue
                yield line_number, record
        except UnicodeDecodeError as error:
            raise CorpusError(f"{path}: not UTF-8 text ({error.reason}); save the file as "
                              f"UTF-8") from error


def _frame_rows(path: Path) -> Iterator[tuple[int, dict]]:
    import pandas as pd

    try:
        if path.suffix.lower() == ".csv":
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
            first_line = 2  # the header is line 1
        else:
            frame = pd.read_parquet(path)
            first_line = 1  # parquet rows are numbered from 1
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise CorpusError(f"{path}: cannot read the table ({error})") from error
    for offset, record in enumerate(frame.to_dict("records")):
        yield first_line + offset, record


# --- records shared by manifests and tables ------------------------------------------


def _records_by_id(
    rows: Iterable[tuple[int, dict]],
    shown: str,
    corpus: Corpus,
    *,
    strict: bool,
    with_text: bool = False,
) -> dict[str, tuple[dict[str, str], str]]:
    records: dict[str, tuple[dict[str, str], str]] = {}
    first_line: dict[str, int] = {}
    lowered: dict[str, str] = {}
    checked_columns = False
    for line, row in rows:
        if not checked_columns and with_text:
            _check_columns(list(row), shown, corpus, extra=("text",))
            checked_columns = True
        article_id = _text_value(row.get("article_id"))
        problem = _id_problem(article_id)
        if problem:
            _skip(corpus, Problem(shown, problem, line), strict=strict)
            continue
        if article_id in records:
            _skip(corpus, Problem(shown, f"duplicate article_id {article_id!r} (first on line "
                                  f"{first_line[article_id]})", line), strict=strict)
            continue
        if article_id.lower() in lowered:
            _warn(corpus, Problem(shown, f"article_id {article_id!r} differs only in case from "
                                  f"{lowered[article_id.lower()]!r}", line))
        raw_text = row.get("text") if with_text else ""
        if raw_text is not None and not isinstance(raw_text, str | float):
            _skip(corpus, Problem(shown, f"'text' is {type(raw_text).__name__}; expected the "
                                  f"article's text as a string", line), strict=strict)
            continue
        text = _text_value(raw_text)
        if with_text and not text.strip():
            _skip(corpus, Problem(shown, "empty text; expected the article's text in the "
                                  "'text' field", line), strict=strict)
            continue
        if len(text) > MAX_ARTICLE_CHARS:
            _skip(corpus, Problem(shown, _text_problem(text) or "", line), strict=strict)
            continue
        text = _valid_unicode(text, shown, line, corpus, name="text")
        metadata = {name: _valid_unicode(_text_value(row.get(name)).strip(), shown, line,
                                         corpus, name=name)
                    for name in METADATA_FIELDS}
        metadata["published"] = _checked_date(metadata["published"], shown, line, corpus)
        records[article_id] = (metadata, text)
        first_line[article_id] = line
        lowered[article_id.lower()] = article_id
    return records


def _check_columns(header: list[str], shown: str, corpus: Corpus, *, extra: tuple[str, ...]):
    known = {"article_id", *METADATA_FIELDS, *ANNOTATION_FIELDS, *extra}
    unknown = [name for name in header if name not in known]
    if unknown:
        _warn(corpus, Problem(shown, f"unknown columns {', '.join(map(repr, unknown))} are "
                              f"ignored; expected article_id, {', '.join(METADATA_FIELDS)}"
                              + (", text" if "text" in extra else "")))


def _text_value(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def _id_problem(article_id: str) -> str | None:
    if not article_id.strip():
        return "missing article_id"
    if not SAFE_ID.match(article_id) or ".." in article_id:
        return (f"article_id {article_id!r} is not a plain name; expected letters, digits, "
                f"'_', '-' and '.' only")
    return None


def _checked_date(value: str, shown: str, line: int, corpus: Corpus) -> str:
    if not value:
        return ""
    try:
        if not ISO_DATE.match(value):
            raise ValueError(value)
        published = date.fromisoformat(value[:10])
    except ValueError:
        _warn(corpus, Problem(shown, f"published {value!r} is not an ISO date (YYYY-MM-DD); "
                              f"the article is kept undated", line))
        return ""
    if published > date.today():
        _warn(corpus, Problem(shown, f"published {value!r} lies in the future", line))
    return published.isoformat()


def select_articles(
    corpus: Corpus, *, outlets: Iterable[str] = (), date_from: str = "", date_to: str = ""
) -> Corpus:
    """Return a Corpus with only the articles of ``outlets`` published in the date range.

    Empty ``outlets`` keeps every outlet; an empty bound leaves that side open. Undated
    articles are kept only when no date bound is given.
    """
    wanted = set(outlets)

    def keep(article: Article) -> bool:
        if wanted and article.outlet not in wanted:
            return False
        if (date_from or date_to) and not article.published:
            return False
        if date_from and article.published < date_from:
            return False
        return not (date_to and article.published > date_to)

    return Corpus(source=corpus.source, articles=[a for a in corpus.articles if keep(a)],
                  skipped=list(corpus.skipped), warnings=list(corpus.warnings))
