"""Fetch news pages into a corpus folder, politely and resumably.

``collect(source, out)`` reads a list of page URLs (a text file, one per line), an RSS or
Atom feed, or an XML sitemap (a file or a URL; sitemap indexes and news sitemaps too),
then fetches each page and saves it as ``<id>.html.gz`` with a row in ``manifest.csv``
(url, fetch time, and the title and date a feed or news sitemap gives). It asks each
host's robots.txt first, waits between requests to one host, retries what fails for a
passing reason (connection errors, 429 and 5xx answers) with growing pauses, names
itself in the User-Agent, and skips pages saved by an earlier run. A page that cannot
be had is listed with its reason in ``collect.json``; it never stops the others.
"""

from __future__ import annotations

import csv
import gzip
import itertools
import json
import logging
import time
import urllib.robotparser
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from tqdm import tqdm

from analysis.corpus.decoding import MAX_FILE_BYTES, decode_text
from analysis.corpus.folders import MANIFEST_FIELDS, MANIFEST_NAME
from analysis.corpus.metadata import article_id_for_url
from analysis.corpus.model import CorpusError
from analysis.files import show_progress, write_atomically

logger = logging.getLogger(__name__)
REPORT_NAME = "collect.json"
HTML_TYPES = ("text/html", "application/xhtml+xml")
RETRY_STATUSES = (429, 500, 502, 503, 504)
# A sitemap index may point to sitemaps that are indexes again; this far and no further.
MAX_SITEMAP_DEPTH = 3
MAX_SITEMAPS = 1000
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"
SITEMAP_TAGS = (f"{SITEMAP_NS}urlset", f"{SITEMAP_NS}sitemapindex")


class CollectError(ValueError):
    """The source cannot be read as URLs, a feed or a sitemap; the message names it."""


@dataclass(frozen=True)
class Politeness:
    """How collect treats the sites it fetches from."""

    delay: float = 1.0  # seconds between two requests to one host (robots.txt may ask more)
    timeout: float = 20.0  # seconds to connect, and again to wait for data
    retries: int = 3  # further tries after a connection error, 429 or 5xx
    backoff: float = 1.0  # pause before retry n is backoff * 2 ** (n - 1) seconds


@dataclass(frozen=True)
class Target:
    """A page to fetch, with what the feed or sitemap said of it."""

    url: str
    title: str = ""
    published: str = ""


@dataclass
class CollectResult:
    """What one collect run did: pages saved, skipped as saved before, and failures."""

    source: str
    saved: list[str] = field(default_factory=list)
    already_saved: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)
    started: str = ""
    finished: str = ""


def collect(source: str, out: Path, *, politeness: Politeness = Politeness(),
            limit: int | None = None, progress: bool | None = None) -> CollectResult:
    """Fetch the pages ``source`` names into the corpus folder ``out``; return the result.

    Raises CollectError when ``source`` is neither a readable file nor an http(s) URL, or
    holds no page URL; every failure of a single page is recorded, not raised.
    """
    out.mkdir(parents=True, exist_ok=True)
    result = CollectResult(source=source, started=_now())
    fetcher = Fetcher(politeness)
    try:
        targets = list(_unique(read_targets(source, fetcher)))[:limit]
        known = _saved_urls(out)
        with tqdm(total=len(targets), unit="page", desc="collecting",
                  disable=not show_progress(progress)) as bar:
            for target in targets:
                _collect_one(target, out, fetcher, known, result)
                bar.update(1)
    finally:
        result.finished = _now()
        write_atomically(out / REPORT_NAME, json.dumps(
            {**asdict(result), "options": asdict(politeness)}, indent=2) + "\n")
    return result


def _collect_one(target: Target, out: Path, fetcher: Fetcher, known: set[str],
                 result: CollectResult) -> None:
    article_id = article_id_for_url(target.url)
    if target.url in known:
        result.already_saved += 1
        return
    saved = out / f"{article_id}.html.gz"
    if saved.exists():
        # Saved by a run stopped before it wrote the manifest row: the row is written now,
        # fetched at the time the page was written.
        if article_id not in known:
            _append_manifest_row(out / MANIFEST_NAME, {
                "article_id": article_id, "url": target.url, "title": target.title,
                "published": target.published, "fetched": datetime.fromtimestamp(
                    saved.stat().st_mtime, UTC).isoformat(timespec="seconds")})
            known.add(article_id)
        result.already_saved += 1
        return
    try:
        page = fetcher.page(target.url)
    except FetchError as error:
        result.failed.append({"url": target.url, "reason": str(error)})
        logger.info("not saved: %s (%s)", target.url, error)
        return
    write_atomically(out / f"{article_id}.html.gz", gzip.compress(page.text.encode("utf-8")))
    _append_manifest_row(out / MANIFEST_NAME, {
        "article_id": article_id, "url": page.url, "fetched": page.fetched,
        "title": target.title, "published": target.published})
    known.update((target.url, article_id))
    result.saved.append(article_id)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _unique(targets: Iterator[Target]) -> Iterator[Target]:
    seen: set[str] = set()
    for target in targets:
        if target.url not in seen:
            seen.add(target.url)
            yield target


# --- the manifest -----------------------------------------------------------------------


def _saved_urls(out: Path) -> set[str]:
    """Return the URLs and article ids the folder's manifest already lists."""
    path = out / MANIFEST_NAME
    if not path.exists():
        return set()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {row.get(name) or "" for row in rows for name in ("url", "article_id")} - {""}


def _append_manifest_row(path: Path, row: dict[str, str]) -> None:
    """Append one row to the manifest (written with a header when new), in one write."""
    header = ["article_id", *MANIFEST_FIELDS]
    if path.exists() and path.stat().st_size:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle), header)
        prefix = ""
    else:
        prefix = ",".join(header) + "\n"
    line = _csv_line([row.get(name, "") for name in header])
    with path.open("a", encoding="utf-8", newline="") as handle:
        handle.write(prefix + line)


def _csv_line(cells: list[str]) -> str:
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(cells)
    return buffer.getvalue()


# --- what to fetch: URL lists, feeds, sitemaps ---------------------------------------


def read_targets(source: str, fetcher: Fetcher) -> Iterator[Target]:
    """Yield the pages ``source`` names: a file or URL of a feed, a sitemap or a URL list.

    Raises CollectError for a source that is neither a file nor an http(s) URL, cannot
    be fetched, or names no page.
    """
    path = Path(source).expanduser()
    if path.is_file():
        data, origin = path.read_bytes(), ""
    elif urlsplit(source).scheme in ("http", "https"):
        try:
            data, origin = fetcher.document(source), source
        except FetchError as error:
            raise CollectError(f"{source}: could not be fetched ({error})") from None
    else:
        raise CollectError(f"{source}: no such file, and not an http(s) URL; expected a file "
                           f"of URLs, or a feed or sitemap (file or URL)")
    targets = list(_targets_in(data, origin, fetcher, source=source, depth=0))
    if not targets:
        raise CollectError(f"{source}: holds no page URL; expected one http(s) URL per line, "
                           f"an RSS or Atom feed, or an XML sitemap")
    yield from targets


def _targets_in(data: bytes, origin: str, fetcher: Fetcher, *, source: str,
                depth: int) -> Iterator[Target]:
    if data[:2] == b"\x1f\x8b":
        data = _gunzipped(data)
    root = _xml_root(data)
    if root is None and data.lstrip()[:1] == b"<":
        root = _xml_root(data, recover=True)
        if root is not None and root.tag in SITEMAP_TAGS:
            logger.warning("%s: the sitemap is cut short or damaged; its URLs before the "
                           "damage are read", source)
            # The last entry read may be the one the damage cut in half.
            for entry in root.iterchildren(reversed=True):
                root.remove(entry)
                break
    if root is not None and root.tag in SITEMAP_TAGS:
        yield from _sitemap_targets(root, origin, fetcher, depth=depth)
        return
    import feedparser

    feed = feedparser.parse(data)
    if feed.entries:
        yield from (_feed_target(entry, origin) for entry in feed.entries
                    if entry.get("link"))
        return
    if root is not None or b"<html" in data[:2048].lower():
        raise CollectError(f"{source}: an XML or HTML document that is neither a feed nor a "
                           f"sitemap; put page URLs in a text file, one per line")
    if data.lstrip()[:1] == b"<":
        raise CollectError(f"{source}: looks like XML but is not well-formed (cut short?); "
                           f"expected a whole RSS or Atom feed or XML sitemap")
    yield from _url_lines(data, origin, source=source)


def _gunzipped(data: bytes) -> bytes:
    """Return gzip-compressed ``data`` decompressed, at most MAX_FILE_BYTES of it."""
    import io

    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            return handle.read(MAX_FILE_BYTES)
    except (OSError, EOFError) as error:
        raise CollectError(f"not valid gzip-compressed data ({error})") from None


def _xml_root(data: bytes, *, recover: bool = False):
    """Return the root element of XML ``data``, None when it is not well-formed XML (with
    ``recover``: None only when nothing before the damage can be read)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             recover=recover)
    try:
        return etree.fromstring(data.lstrip(), parser=parser)
    except etree.XMLSyntaxError:
        return None


def _sitemap_targets(root, origin: str, fetcher: Fetcher, *, depth: int) -> Iterator[Target]:
    if root.tag == f"{SITEMAP_NS}sitemapindex":
        if depth >= MAX_SITEMAP_DEPTH:
            return
        locations = root.iterfind(f"{SITEMAP_NS}sitemap/{SITEMAP_NS}loc")
        for location in itertools.islice(locations, MAX_SITEMAPS):
            url = urljoin(origin, (location.text or "").strip())
            try:
                child = fetcher.document(url)
            except FetchError as error:
                logger.warning("sitemap %s not read: %s", url, error)
                continue
            yield from _targets_in(child, url, fetcher, source=url, depth=depth + 1)
        return
    for entry in root.iterfind(f"{SITEMAP_NS}url"):
        url = (entry.findtext(f"{SITEMAP_NS}loc") or "").strip()
        if url:
            yield Target(url=urljoin(origin, url),
                         title=(entry.findtext(f"{NEWS_NS}news/{NEWS_NS}title") or "").strip(),
                         published=(entry.findtext(f"{NEWS_NS}news/{NEWS_NS}publication_date")
                                    or "").strip()[:10])


def _feed_target(entry, origin: str) -> Target:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    published = time.strftime("%Y-%m-%d", parsed) if parsed else ""
    return Target(url=urljoin(origin, entry["link"].strip()), title=entry.get("title", ""),
                  published=published)


def _url_lines(data: bytes, origin: str, *, source: str) -> Iterator[Target]:
    """Yield the page URLs of a text file, one per line (# starts a comment); a line that
    is no http(s) URL, after resolving it against ``origin``, is skipped with a warning."""
    text = data.decode("utf-8-sig", errors="replace")
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        url = urljoin(origin, line) if origin else line
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc \
                and not any(character.isspace() or character in "<>\"" for character in url):
            yield Target(url=url)
        else:
            logger.warning("%s, line %d: %r is not an http(s) URL; skipped", source, number,
                           line[:80])


# --- fetching --------------------------------------------------------------------------


class FetchError(Exception):
    """One URL could not be fetched; the message says why in a few words."""


@dataclass(frozen=True)
class FetchedPage:
    """A fetched HTML page: its final URL (after redirects), text and fetch time."""

    url: str
    text: str
    fetched: str


class Fetcher:
    """One HTTP session that asks robots.txt, paces each host and retries with backoff."""

    def __init__(self, politeness: Politeness):
        import requests
        from requests.adapters import HTTPAdapter
        from urllib3.util.retry import Retry

        self.politeness = politeness
        self.session = requests.Session()
        self.session.headers["User-Agent"] = user_agent()
        retry = Retry(total=politeness.retries, connect=politeness.retries,
                      read=politeness.retries, status=politeness.retries,
                      backoff_factor=politeness.backoff, status_forcelist=RETRY_STATUSES,
                      allowed_methods=frozenset({"GET"}), respect_retry_after_header=True,
                      raise_on_status=False)
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}
        self._last_request: dict[str, float] = {}

    def page(self, url: str) -> FetchedPage:
        """Return the HTML page at ``url``; FetchError says why when there is none."""
        response, data = self._get(url)
        content_type = (response.headers.get("Content-Type") or "").split(";")[0].strip()
        if content_type.lower() not in HTML_TYPES:
            raise FetchError(f"not an HTML page ({content_type or 'no content type'})")
        text = _decoded(data, response.encoding if "charset" in (
            response.headers.get("Content-Type") or "").lower() else None)
        return FetchedPage(url=response.url, text=text, fetched=_now())

    def document(self, url: str) -> bytes:
        """Return the body of ``url`` (a feed or sitemap) as bytes; FetchError otherwise."""
        return self._get(url)[1]

    def _get(self, url: str):
        import requests

        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError("not an http(s) URL")
        self._check_robots(url)
        self._wait_for(url)
        try:
            with self.session.get(url, timeout=self.politeness.timeout, stream=True) as response:
                if response.status_code != 200:
                    raise FetchError(f"HTTP {response.status_code}"
                                     + (f" {response.reason}" if response.reason else ""))
                data = _read_capped(response)
        except requests.exceptions.Timeout:
            raise FetchError(f"timed out after {self.politeness.timeout:g} s") from None
        except requests.exceptions.TooManyRedirects:
            raise FetchError("too many redirects") from None
        except requests.exceptions.RetryError as error:
            raise FetchError(f"gave up after {self.politeness.retries} retries "
                             f"({_short(error)})") from None
        except requests.exceptions.RequestException as error:
            if _timed_out(error):
                raise FetchError(f"timed out after {self.politeness.timeout:g} s") from None
            raise FetchError(f"connection failed ({_short(error)})") from None
        return response, data

    def _wait_for(self, url: str) -> None:
        host = urlsplit(url).netloc
        delay = max(self.politeness.delay, self._crawl_delay(url))
        wait = self._last_request.get(host, -delay) + delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last_request[host] = time.monotonic()

    def _robots_for(self, url: str):
        """Return the parsed robots.txt of the URL's host, or a reason to fetch nothing."""
        import requests

        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            robots_url = f"{host}/robots.txt"
            self._wait_for(robots_url)
            try:
                response = self.session.get(robots_url, timeout=self.politeness.timeout)
            except requests.exceptions.RequestException as error:
                self._robots[host] = f"robots.txt could not be fetched ({_short(error)})"
            else:
                self._robots[host] = _robots_rules(response)
        return self._robots[host]

    def _check_robots(self, url: str) -> None:
        rules = self._robots_for(url)
        if isinstance(rules, str):
            raise FetchError(f"{rules}; not fetched, as the robots exclusion standard asks")
        if not rules.can_fetch(user_agent(), url):
            raise FetchError("disallowed by robots.txt")

    def _crawl_delay(self, url: str) -> float:
        rules = self._robots.get(f"{urlsplit(url).scheme}://{urlsplit(url).netloc}")
        if isinstance(rules, urllib.robotparser.RobotFileParser):
            return float(rules.crawl_delay(user_agent()) or 0)
        return 0.0


def _robots_rules(response) -> urllib.robotparser.RobotFileParser | str:
    """Return the rules of a robots.txt answer: none for 4xx, a refusal for 5xx (RFC 9309)."""
    rules = urllib.robotparser.RobotFileParser()
    if response.status_code >= 500:
        return f"robots.txt unavailable (HTTP {response.status_code})"
    if response.status_code >= 400:
        rules.parse([])
    else:
        rules.parse(response.text.splitlines())
    return rules


def _read_capped(response) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_content(chunk_size=65536):
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_FILE_BYTES:
            raise FetchError(f"larger than {MAX_FILE_BYTES:,} bytes, too large for one article")
    return b"".join(chunks)


def _decoded(data: bytes, declared: str | None) -> str:
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return decode_text(data, lambda reason: None)
    except CorpusError as error:
        raise FetchError(str(error)) from None


def _timed_out(error: Exception) -> bool:
    """Return whether a requests error is a timeout that retries wrapped in another error."""
    from urllib3.exceptions import MaxRetryError, TimeoutError

    cause = error.args[0] if error.args else None
    return isinstance(cause, MaxRetryError) and isinstance(cause.reason, TimeoutError)


def _short(error: Exception) -> str:
    text = str(error.__context__ or error) if not str(error) else str(error)
    return text.split(": ")[-1][:160]


def user_agent() -> str:
    """Return the User-Agent collect names itself with: the tool and its version."""
    from importlib import metadata

    try:
        version = metadata.version("analysis")
    except metadata.PackageNotFoundError:
        version = "dev"
    return f"news-workbook/{version} (analysis collect; polite, obeys robots.txt)"
