"""WARC crawls: each HTML page fetched with status 200 is an article with URL and fetch date."""

from __future__ import annotations

import io

from analysis.corpus import load_corpus, metadata_sources
from analysis.corpus.metadata import article_id_for_url
from tests.corpus import pages


def write_warc(path, responses):
    """Write a gzip WARC of (url, status, content type, body) responses and one request."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as output:
        writer = WARCWriter(output, gzip=True)
        for url, status, content_type, body in responses:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body.encode("utf-8")),
                http_headers=headers, warc_headers_dict={"WARC-Date": "2024-03-08T06:15:00Z"})
            writer.write_record(record)
        writer.write_record(writer.create_warc_record(
            "https://news.example.org/", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))


def test_html_responses_of_a_crawl_become_articles_and_the_rest_is_counted(tmp_path):
    meta_page = "https://news.example.org/2024/03/07/border"
    bare_page = "https://www.dailyexample.com/world/talks"
    write_warc(tmp_path / "crawl.warc.gz", [
        (meta_page, "200 OK", "text/html; charset=utf-8", pages.META_TAGS),
        (bare_page, "200 OK", "text/html", pages.NO_METADATA),
        ("https://news.example.org/logo.png", "200 OK", "image/png", "not really a png"),
        ("https://news.example.org/gone", "404 Not Found", "text/html", "<p>gone</p>"),
    ])
    corpus = load_corpus(tmp_path)
    first, second = corpus.articles
    assert first.article_id == article_id_for_url(meta_page)
    assert first.article_id.startswith("news.example.org-2024-03-07-border-")
    assert (first.url, first.fetched, first.published) == (
        meta_page, "2024-03-08T06:15:00Z", "2024-03-07")
    assert (second.url, second.outlet) == (bare_page, "dailyexample.com")
    assert metadata_sources(second.metadata_source)["url"] == "crawl"
    assert {a.source_file for a in corpus.articles} == {"crawl.warc.gz"}
    (warning,) = corpus.warnings
    assert warning.reason == ("records that are no article were ignored: 1 non-HTML responses, "
                              "1 request records, 1 responses with status 404")


def test_a_manifest_row_overrides_a_crawled_page(tmp_path):
    url = "https://www.dailyexample.com/world/talks"
    write_warc(tmp_path / "crawl.warc", [(url, "200 OK", "text/html", pages.NO_METADATA)])
    (tmp_path / "manifest.csv").write_text(
        f"article_id,outlet,published\n{article_id_for_url(url)},Daily Example,2024-03-01\n",
        encoding="utf-8")
    (article,) = load_corpus(tmp_path).articles
    assert (article.outlet, article.published) == ("Daily Example", "2024-03-01")


def test_a_damaged_crawl_keeps_what_was_read_and_says_so(tmp_path):
    write_warc(tmp_path / "crawl.warc.gz", [
        ("https://a.example.com/1", "200 OK", "text/html", pages.META_TAGS)])
    data = (tmp_path / "crawl.warc.gz").read_bytes()
    (tmp_path / "crawl.warc.gz").write_bytes(data + b"\x1f\x8bgarbage that is no gzip member")
    corpus = load_corpus(tmp_path)
    assert len(corpus.articles) == 1
    (problem,) = corpus.skipped
    assert problem.path == "crawl.warc.gz" and problem.reason.startswith("damaged WARC file")


def test_a_bad_page_in_a_crawl_is_that_page_s_problem_not_damage_to_the_crawl(tmp_path):
    from analysis.corpus import CorpusError

    write_warc(tmp_path / "crawl.warc.gz", [
        ("https://news.example.org/empty", "200 OK", "text/html", "<html><body></body></html>"),
        ("https://news.example.org/talks", "200 OK", "text/html", pages.META_TAGS),
    ])
    corpus = load_corpus(tmp_path)
    assert [article.article_id for article in corpus.articles] == [
        article_id_for_url("https://news.example.org/talks")]
    (skipped,) = corpus.skipped
    assert skipped.path == "crawl.warc.gz (https://news.example.org/empty)"
    assert "damaged" not in skipped.reason
    try:
        load_corpus(tmp_path, strict=True)
    except CorpusError as error:
        assert "damaged" not in str(error) and "news.example.org/empty" in str(error)
    else:
        raise AssertionError("strict loading must stop at the bad page")
