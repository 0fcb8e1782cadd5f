"""collect against a local HTTP server: pages, a feed, sitemaps, failures, politeness, resume."""

from __future__ import annotations

import itertools
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from analysis.collect import CollectError, Politeness, collect
from analysis.corpus import load_corpus, metadata_sources
from analysis.corpus.metadata import article_id_for_url
from tests.corpus import pages

FAST = Politeness(delay=0.0, timeout=0.5, retries=1, backoff=0.0)


def news_page(title: str, day: int) -> str:
    return pages.page(f'<meta property="og:site_name" content="Example Wire">'
                      f'<meta property="article:published_time" content="2024-03-{day:02d}">',
                      title=title)


class Site:
    """The routes of the test server and a log of every request it answered."""

    def __init__(self):
        self.requests: list[tuple[float, str, str]] = []
        self.flaky_calls = 0
        self.base = ""

    def answer(self, path: str) -> tuple[int, str, bytes, dict]:
        html = "text/html; charset=utf-8"
        if path == "/robots.txt":
            return 200, "text/plain", b"User-agent: *\nDisallow: /private/\n", {}
        if path == "/feed.xml":
            items = "".join(f"<item><title>Item {name}</title><link>{self.base}{name}</link>"
                            f"<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>"
                            for name in ("/news/a.html", "/news/b.html", "/missing", "/old",
                                         "/slow", "/doc.pdf", "/private/secret.html"))
            return 200, "application/rss+xml", (
                f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
                f"{items}</channel></rss>").encode(), {}
        if path == "/sitemap-index.xml":
            return 200, "application/xml", (
                '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/'
                f'sitemap/0.9"><sitemap><loc>{self.base}/sitemap.xml</loc></sitemap>'
                "</sitemapindex>").encode(), {}
        if path == "/cut-sitemap.xml":
            whole = "".join(f"<url><loc>{self.base}/news/{name}.html</loc></url>"
                            for name in ("d", "e"))
            return 200, "application/xml", (
                '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/'
                f'0.9">{whole}<url><loc>{self.base}/ne').encode(), {}
        if path == "/sitemap.xml":
            return 200, "application/xml", (
                '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/'
                '0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url>'
                f"<loc>{self.base}/news/c.html</loc><news:news><news:publication_date>"
                "2024-03-09T08:00:00Z</news:publication_date><news:title>Sitemap title"
                "</news:title></news:news></url></urlset>").encode(), {}
        if path.startswith("/news/"):
            name = path.rsplit("/", 1)[-1].split(".")[0]
            return 200, html, news_page(f"Story {name}", 5).encode(), {}
        if path == "/old":
            return 301, html, b"", {"Location": "/news/moved.html"}
        if path == "/slow":
            time.sleep(2)
            return 200, html, news_page("Slow", 6).encode(), {}
        if path == "/doc.pdf":
            return 200, "application/pdf", b"%PDF-1.7", {}
        if path == "/flaky":
            self.flaky_calls += 1
            if self.flaky_calls == 1:
                return 503, "text/plain", b"busy", {}
            return 200, html, news_page("Flaky", 7).encode(), {}
        return 404, "text/plain", b"not found", {}


@pytest.fixture
def site():
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            state.requests.append((time.monotonic(), self.path,
                                   self.headers.get("User-Agent", "")))
            status, content_type, body, headers = state.answer(self.path)
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up on a slow page

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


def test_a_feed_is_collected_and_every_failure_is_listed_with_its_reason(site, tmp_path):
    out = tmp_path / "corpus"
    result = collect(f"{site.base}/feed.xml", out, politeness=FAST)
    assert sorted(result.saved) == sorted(article_id_for_url(f"{site.base}{path}")
                                          for path in ("/news/a.html", "/news/b.html", "/old"))
    report = json.loads((out / "collect.json").read_text())
    assert {item["url"].removeprefix(site.base): item["reason"] for item in report["failed"]} == {
        "/missing": "HTTP 404 Not Found",
        "/slow": "timed out after 0.5 s",
        "/doc.pdf": "not an HTML page (application/pdf)",
        "/private/secret.html": "disallowed by robots.txt",
    }
    assert not any(path.startswith("/private") for _, path, _ in site.requests)
    corpus = load_corpus(out)
    by_id = {article.article_id: article for article in corpus.articles}
    moved = by_id[article_id_for_url(f"{site.base}/old")]
    assert moved.url == f"{site.base}/news/moved.html"  # the address after the redirect
    assert (moved.title, moved.outlet, moved.published) == (
        "Item /old", "Example Wire", "2024-03-05")
    assert metadata_sources(moved.metadata_source)["title"] == "manifest"
    assert moved.fetched and moved.source_file.endswith(".html.gz")


def test_a_second_run_skips_the_saved_pages(site, tmp_path):
    source = tmp_path / "urls.txt"
    source.write_text(f"# two pages\n{site.base}/news/a.html\n\n{site.base}/news/b.html\n")
    collect(str(source), tmp_path / "corpus", politeness=FAST)
    before = len(site.requests)
    again = collect(str(source), tmp_path / "corpus", politeness=FAST)
    assert (again.saved, again.already_saved, again.failed) == ([], 2, [])
    assert len(site.requests) == before
    assert len(load_corpus(tmp_path / "corpus").articles) == 2


def test_a_page_saved_by_a_run_stopped_before_its_manifest_row_gets_the_row(site, tmp_path):
    source = tmp_path / "urls.txt"
    source.write_text(f"{site.base}/news/a.html\n")
    collect(str(source), tmp_path / "corpus", politeness=FAST)
    manifest = tmp_path / "corpus" / "manifest.csv"
    manifest.write_text(manifest.read_text().splitlines()[0] + "\n")  # the row never written
    again = collect(str(source), tmp_path / "corpus", politeness=FAST)
    assert (again.saved, again.already_saved) == ([], 1)
    (article,) = load_corpus(tmp_path / "corpus").articles
    assert article.url == f"{site.base}/news/a.html" and article.fetched


def test_a_damaged_sitemap_gives_the_whole_urls_before_the_damage(site, tmp_path):
    result = collect(f"{site.base}/cut-sitemap.xml", tmp_path / "corpus", politeness=FAST)
    assert sorted(result.saved) == sorted(article_id_for_url(f"{site.base}/news/{name}.html")
                                          for name in ("d", "e"))
    assert result.failed == []


def test_lines_of_a_url_list_that_are_no_web_address_are_skipped(site, tmp_path, caplog):
    source = tmp_path / "urls.txt"
    source.write_text(f"{site.base}/news/a.html\nsee the list below\nftp://x.example/f\n")
    result = collect(str(source), tmp_path / "corpus", politeness=FAST)
    assert len(result.saved) == 1 and result.failed == []
    assert "urls.txt, line 2: 'see the list below' is not an http(s) URL" in caplog.text


def test_a_sitemap_index_leads_to_the_pages_with_their_news_title_and_date(site, tmp_path):
    collect(f"{site.base}/sitemap-index.xml", tmp_path / "corpus", politeness=FAST)
    (article,) = load_corpus(tmp_path / "corpus").articles
    assert (article.title, article.published) == ("Sitemap title", "2024-03-09")


def test_requests_name_the_tool_and_keep_the_delay_between_them(site, tmp_path):
    source = tmp_path / "urls.txt"
    source.write_text("\n".join(f"{site.base}/news/{n}.html" for n in range(3)))
    collect(str(source), tmp_path / "corpus", politeness=Politeness(delay=0.3, timeout=5))
    times = [moment for moment, path, _ in site.requests if path.startswith("/news/")]
    assert len(times) == 3
    assert all(later - earlier >= 0.29 for earlier, later in itertools.pairwise(times))
    assert all(agent.startswith("news-workbook/") for _, _, agent in site.requests)


def test_a_passing_server_error_is_retried(site, tmp_path):
    source = tmp_path / "urls.txt"
    source.write_text(f"{site.base}/flaky\n")
    result = collect(str(source), tmp_path / "corpus", politeness=FAST)
    assert len(result.saved) == 1 and site.flaky_calls == 2


@pytest.mark.parametrize("source", ["no/such/file.txt", "ftp://example.org/feed"])
def test_a_source_that_is_neither_a_file_nor_a_url_is_refused(tmp_path, source):
    with pytest.raises(CollectError, match="not an http"):
        collect(source, tmp_path / "corpus", politeness=FAST)


def test_the_command_line_reports_what_it_saved_and_exits_2_for_a_bad_source(site, tmp_path):
    from tests.test_cli import run_cli

    source = tmp_path / "urls.txt"
    source.write_text(f"{site.base}/news/a.html\n{site.base}/missing\n")
    result = run_cli("collect", str(source), "--out", str(tmp_path / "c"), "--delay", "0")
    assert result.returncode == 0, result.stderr
    assert "saved 1 page(s)" in result.stdout and "1 failed" in result.stdout
    bad = run_cli("collect", str(tmp_path / "absent.txt"), "--out", str(tmp_path / "c"))
    assert bad.returncode == 2 and "absent.txt" in bad.stderr
