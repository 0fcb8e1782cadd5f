"""Saved web pages: the article's main text and the metadata the page carries.

trafilatura finds the main text and reads the page's metadata (Open Graph, JSON-LD
``NewsArticle``, meta tags, the canonical URL; the date through htmldate, which also
reads the URL). The language the page declares (``<html lang>``, ``og:locale``,
``Content-Language``) is read from the same parsed tree.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cache

from analysis.corpus.model import CorpusError

MIN_HTML_MAIN_TEXT_WORDS = 8
# trafilatura's own settings for pages: precision first (navigation and teasers out),
# tables kept (a table of figures is part of the story), reader comments left out. On
# the shared half of the article-extraction benchmark: body F1 0.975 against 0.962 with
# the defaults (benchmarks/webpages.py).
EXTRACTION_OPTIONS = dict(favor_precision=True, include_comments=False, include_tables=True)
# Loggers of the extraction libraries; their warnings ("discarding data: None") are about
# inner heuristics and name no file, so only their errors are shown. A page without a
# main text is reported by the loader, with its file name.
LIBRARY_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "readability")


@dataclass(frozen=True)
class Page:
    """The main text of a web page and the metadata read from it (empty when absent)."""

    text: str
    metadata: dict[str, str] = field(default_factory=dict)
    declared_language: str = ""


def read_page(html: str, *, url: str = "") -> Page:
    """Return the main text and metadata of one HTML page.

    ``url`` is where the page was fetched from, when known (a crawl); the page's own
    canonical URL wins over it. Metadata holds the fields title, published, outlet (the
    site name), url and authors where the page gives them. Raises CorpusError when the
    page has no main text of at least a sentence.
    """
    import trafilatura
    from trafilatura.utils import load_html

    _quiet_library_loggers()
    tree = load_html(html)
    if tree is None:
        raise CorpusError("not an HTML page that could be parsed")
    declared = _declared_language(tree)
    document = trafilatura.bare_extraction(tree, url=url or None, with_metadata=True,
                                           date_extraction_params=_date_options(),
                                           **EXTRACTION_OPTIONS)
    text = (document.text or "") if document is not None else ""
    # The fallback extractors return stray navigation ("Home") for a page with no
    # article; a main text has at least a sentence's worth of words.
    if len(text.split()) < MIN_HTML_MAIN_TEXT_WORDS:
        raise CorpusError("HTML page without a main text that could be extracted")
    metadata = {
        "title": document.title or "",
        "published": document.date or "",
        "outlet": site_name(document.sitename or "", url=document.url or ""),
        # trafilatura falls back to the URL it was given; only the page's own counts here.
        "url": document.url if document.url != url else "",
        "authors": document.author or "",
    }
    return Page(text=text, metadata={name: value.strip() for name, value in metadata.items()
                                     if value and value.strip()},
                declared_language=declared)


def extract_html_text(html: str) -> str:
    """Return the main text of an HTML page; CorpusError when it has none."""
    return read_page(html).text


def site_name(value: str, *, url: str = "") -> str:
    """Return a page's site name without the tagline some sites append after a bar.

    "LinkNaija | Nigeria's popular news platform" -> "LinkNaija". A "site name" that is
    only the host name of the page's ``url`` (trafilatura's fallback) is no site name: "".
    """
    from urllib.parse import urlsplit

    name = value.split(" | ")[0].strip()
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return "" if host and name.lower().removeprefix("www.") == host else name


def _date_options() -> dict:
    """Return htmldate's options: the original publication date, read from the page's
    metadata, its time elements and its URL only. Its extensive search also reads dates in
    the body text and would take a footer's "Copyright 2024" for 2024-01-01."""
    from datetime import date

    return {"original_date": True, "extensive_search": False,
            "max_date": date.today().isoformat()}


def _declared_language(tree) -> str:
    """Return the language the page declares for itself, or ""."""
    candidates = [
        tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        *tree.xpath("//meta[@property='og:locale']/@content"),
        *tree.xpath("//meta[translate(@http-equiv, 'CONTENTLAGU-', 'contentlagu-')="
                    "'content-language']/@content"),
    ]
    return next((value.strip() for value in candidates if value and value.strip()), "")


@cache
def _quiet_library_loggers() -> None:
    for name in LIBRARY_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)
