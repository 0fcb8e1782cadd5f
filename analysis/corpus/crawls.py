"""WARC files of a crawl: every HTML page fetched with status 200 is an article.

warcio reads the records (plain or gzip-compressed WARC); a page's article id comes from
its URL, its fetch time from the WARC-Date header, and its metadata from the page itself,
with the fetched URL where the page names no canonical one. Requests, metadata records,
revisits, non-HTML responses and responses other than 200 are counted in one warning
per file, not listed one by one.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from analysis.corpus.decoding import MAX_FILE_BYTES, decode_text
from analysis.corpus.intake import Intake
from analysis.corpus.metadata import Layer, article_id_for_url
from analysis.corpus.model import CorpusError, Problem
from analysis.corpus.pages import read_page

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: Path) -> bool:
    """Return whether ``path`` names a WARC file (.warc or .warc.gz)."""
    return path.name.lower().endswith(WARC_SUFFIXES)


def load_warc(path: Path, shown: str, intake: Intake, *,
              manifest: dict[str, dict[str, str]]) -> None:
    """Add every HTML page of the WARC file at ``path`` to ``intake``.

    A manifest row whose article_id is a page's id overrides its metadata. Raises nothing
    for a damaged file: what was read before the damage is kept and the damage is
    reported as a skipped input.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    ignored: Counter[str] = Counter()
    pages = 0
    try:
        stream = path.open("rb")
    except OSError as error:
        intake.skip(Problem(shown, f"cannot read the WARC file ({error.strerror or error})"))
        return
    with stream:
        records = ArchiveIterator(stream)
        while True:
            # Only reading the archive is guarded here: an error of one page is that
            # page's, reported by _add_page, not damage to the crawl.
            try:
                record = next(records)
                reason = _ignored(record)
                data = b"" if reason else record.content_stream().read(MAX_FILE_BYTES + 1)
            except StopIteration:
                break
            except (ArchiveLoadFailed, OSError, EOFError, ValueError) as error:
                intake.skip(Problem(shown, f"damaged WARC file; records after the damage "
                                    f"are lost ({error})"))
                return
            if reason:
                ignored[reason] += 1
                continue
            pages += 1
            _add_page(record, data, shown, intake, manifest=manifest)
    counts = ", ".join(f"{count:,} {reason}" for reason, count in sorted(ignored.items()))
    if not pages:
        intake.skip(Problem(shown, "no HTML page in this crawl" +
                            (f" (only {counts})" if counts else " (no records)")))
    elif ignored:
        intake.warn(Problem(shown, f"records that are no article were ignored: {counts}"))


def _ignored(record) -> str:
    """Return why a WARC record is no article page ("" when it is one)."""
    if record.rec_type != "response":
        return f"{record.rec_type} records"
    status = record.http_headers.get_statuscode() if record.http_headers else ""
    if status != "200":
        return f"responses with status {status or 'unknown'}"
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0]
    if content_type.strip().lower() not in HTML_TYPES:
        return "non-HTML responses"
    return ""


def _add_page(record, data: bytes, shown: str, intake: Intake, *,
              manifest: dict[str, dict[str, str]]) -> None:
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    fetched = (record.rec_headers.get_header("WARC-Date") or "").strip()
    where = f"{shown} ({url})"
    article_id = article_id_for_url(url)
    try:
        if len(data) > MAX_FILE_BYTES:
            raise CorpusError(f"page of more than {MAX_FILE_BYTES:,} bytes is too large to "
                              f"be one article")
        page = read_page(decode_text(data, intake.warner(where)), url=url)
    except CorpusError as error:
        intake.skip(Problem(where, str(error)))
        return
    row = manifest.pop(article_id, {})
    layers = [Layer("crawl", {"url": url}), Layer("page", page.metadata),
              Layer("manifest", row)]
    intake.add(article_id, page.text, shown=where, layers=layers, source_file=shown,
               declared_language=page.declared_language, fetched=row.get("fetched") or fetched)
