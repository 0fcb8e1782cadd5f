"""An article's metadata, field by field from the best source that has it.

Sources rank, highest first: the folder's manifest (or the export's own record), the
crawl's headers, the page itself, what the URL tells (the outlet's domain), then the
file's name and folders (``filenames``: "nyt_2024-03-05_talks.txt"). Each
field keeps the name of the source it came from, for the ``metadata_source`` column.
Outlet names go through the alias list; the language comes from the manifest, else
from a detector reading the text, else from what the page declares (pages often declare
their site's default language, not the article's).
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from email.utils import parsedate_to_datetime
from functools import cache
from urllib.parse import urlsplit

from analysis.corpus.model import METADATA_FIELDS
from analysis.corpus.outlets import OutletNames

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
LANGUAGE_CODE = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]+)*$", re.IGNORECASE)
# Dates before this year are taken for typing errors or placeholders ("0001-01-01").
EARLIEST_YEAR = 1900
# How far ahead of today a date may lie before it is taken for an error.
LATEST_AHEAD = timedelta(days=365)
# The detector reads the start of the text; it needs a few words to be sure.
DETECTION_CHARS = 2000
MIN_DETECTION_WORDS = 8
MIN_DETECTION_CONFIDENCE = 0.8

Warn = Callable[[str], None]
# Fields whose few distinct values repeat across articles: kept once in memory.
REPEATED_FIELDS = ("outlet", "published", "language")


@dataclass(frozen=True)
class Layer:
    """Metadata values from one source, by field."""

    source: str
    values: dict[str, str]


def compose(layers: list[Layer]) -> tuple[dict[str, str], dict[str, str]]:
    """Return (values, sources) by field: each from the last layer that has a value.

    Layers are given lowest priority first; a field no layer has is "" from "none".
    """
    values = dict.fromkeys(METADATA_FIELDS, "")
    sources = dict.fromkeys(METADATA_FIELDS, "none")
    for layer in layers:
        for name in METADATA_FIELDS:
            value = layer.values.get(name, "")
            if value:
                values[name], sources[name] = value, layer.source
    return values, sources


def finish(values: dict[str, str], sources: dict[str, str], *, text: str,
           declared_language: str, names: OutletNames, warn: Warn) -> dict[str, str]:
    """Return the final metadata of one article, updating ``sources`` in place.

    The outlet is named through ``names`` (or after the URL's domain when no source
    but the file name names it); the date is checked (``warn`` for one that is not a date or not
    plausible, which leaves the article undated); the language is normalised to its
    ISO 639 code and detected from ``text`` when no record gives it.
    """
    values = dict(values)
    if values["outlet"] and sources["outlet"] != "filename":
        # A site name no alias knows ("Nj") yields to an alias of the page's own domain.
        by_domain = names.known_domain(values["url"]) if sources["outlet"] == "page" else ""
        values["outlet"] = (names.alias(values["outlet"]) or by_domain
                            or names.name(values["outlet"]))
    elif values["url"] and (by_url := names.for_url(values["url"])):
        # The URL's domain outranks an outlet read from the file name.
        values["outlet"], sources["outlet"] = by_url, "url"
    if values["published"] and sources["published"] != "manifest":  # checked when read
        values["published"] = checked_date(values["published"], warn)
        if not values["published"]:
            sources["published"] = "none"
    values["language"], sources["language"] = _language(
        values["language"] if sources["language"] in ("manifest", "record") else "",
        sources["language"], text=text, declared=declared_language or (
            values["language"] if sources["language"] == "page" else ""), warn=warn)
    for name in REPEATED_FIELDS:  # a million articles share a few outlets and dates
        values[name] = sys.intern(values[name])
    return values


def describe_sources(sources: dict[str, str]) -> str:
    """Return the ``metadata_source`` string: "outlet=page; published=manifest; ..."."""
    # Interned: a million articles share the few distinct strings.
    return sys.intern("; ".join(f"{name}={sources[name]}" for name in METADATA_FIELDS))


def checked_date(value: str, warn: Warn) -> str:
    """Return ``value`` as an ISO date, or "" (with ``warn``) when it is none or implausible.

    ISO dates and timestamps ("2021-03-18", "2021-03-18T12:00:00Z") and e-mail or RSS
    dates ("Thu, 18 Mar 2021 12:00:00 GMT") are read; a date before 1900 or more than a
    year ahead is taken for an error; a date ahead of today but within a year is kept
    with a warning.
    """
    value = value.strip()
    published = _parsed_date(value)
    if published is None:
        warn(f"published {value!r} is not an ISO date (YYYY-MM-DD); the article is kept "
             f"undated")
        return ""
    today = date.today()
    if published.year < EARLIEST_YEAR or published > today + LATEST_AHEAD:
        warn(f"published {value!r} lies outside the plausible range ({EARLIEST_YEAR} to a "
             f"year from today); the article is kept undated")
        return ""
    if published > today:
        warn(f"published {value!r} lies in the future")
    return published.isoformat()


def _parsed_date(value: str) -> date | None:
    try:
        if ISO_DATE.match(value):
            return date.fromisoformat(value[:10])
        return parsedate_to_datetime(value).date()
    except (ValueError, TypeError, IndexError, OverflowError):
        return None


def normalise_language(value: str) -> str:
    """Return the ISO 639 code of a language tag ("en-US" -> "en"), or "" for none."""
    match = LANGUAGE_CODE.match(value.strip())
    return match.group(1).lower() if match else ""


def _language(given: str, source: str, *, text: str, declared: str,
              warn: Warn) -> tuple[str, str]:
    if given:
        code = normalise_language(given)
        if code:
            return code, source
        warn(f"language {given!r} is not a language code such as 'en' or 'es-MX'; it is "
             f"detected from the text instead")
    detected = detect_language(text)
    if detected:
        return detected, "detected"
    code = normalise_language(declared)
    return (code, "page") if code else ("", "none")


def detect_language(text: str) -> str:
    """Return the ISO 639-1 code of the language ``text`` is written in, or "" if unsure.

    py3langid reads the first 2,000 characters; a text of fewer than 8 words, or one the
    model gives less than 80% confidence, is left undetected.
    """
    sample = text[:DETECTION_CHARS]
    if len(sample.split()) < MIN_DETECTION_WORDS:
        return ""
    code, confidence = _identifier().classify(sample)
    return code if confidence >= MIN_DETECTION_CONFIDENCE else ""


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def article_id_for_url(url: str) -> str:
    """Return a readable article id for a URL: its host and path as a slug, plus a hash.

    "https://www.example.com/2021/03/18/talks.html" -> "example.com-2021-03-18-talks-
    html-<8 hex>"; the hash keeps URLs that share a long prefix apart.
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    slug = re.sub(r"[^A-Za-z0-9.]+", "-", f"{host}/{parts.path}").strip("-.")[:72]
    digest = hashlib.sha1(url.strip().encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{slug.rstrip('-.')}-{digest}" if slug else f"url-{digest}"
