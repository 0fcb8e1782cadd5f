"""Saved web pages: main text and metadata from the page, the manifest overriding it."""

from __future__ import annotations

import gzip

import pytest

from analysis.corpus import load_corpus, metadata_sources
from tests.corpus import pages


def save(folder, name, html, *, compress=False):
    path = folder / name
    data = html.encode("utf-8")
    path.write_bytes(gzip.compress(data) if compress else data)
    return path


def only_article(folder):
    corpus = load_corpus(folder)
    (article,) = corpus.articles
    return article


def test_open_graph_gives_title_date_outlet_url_and_author(tmp_path):
    save(tmp_path, "og.html", pages.OPEN_GRAPH)
    article = only_article(tmp_path)
    assert (article.title, article.published, article.outlet, article.url, article.authors) == (
        "US and Mexico agree to step up border enforcement", "2024-03-05", "The Daily Example",
        "https://www.dailyexample.com/world/border-talks", "Ana Ruiz")
    assert metadata_sources(article.metadata_source) == {
        "outlet": "page", "published": "page", "title": "page", "url": "page",
        "authors": "page", "language": "detected"}
    assert "step up enforcement" in article.text and "World" not in article.text


def test_json_ld_news_article_gives_headline_date_publisher_and_author(tmp_path):
    save(tmp_path, "ld.html", pages.JSON_LD)
    article = only_article(tmp_path)
    assert (article.title, article.published, article.outlet, article.authors) == (
        "Mexico to deploy more troops after border talks", "2024-03-06", "Example Noticias",
        "Luis Ortega")


def test_plain_meta_tags_and_canonical_link_name_the_outlet_by_its_domain(tmp_path):
    save(tmp_path, "meta.html", pages.META_TAGS)
    article = only_article(tmp_path)
    assert (article.published, article.authors, article.url) == (
        "2024-03-07", "Jo Smith", "https://news.example.org/2024/03/07/border")
    assert article.outlet == "example.org"
    assert metadata_sources(article.metadata_source)["outlet"] == "url"


def test_a_page_without_metadata_loads_with_empty_fields_from_none(tmp_path):
    save(tmp_path, "bare.html", pages.NO_METADATA)
    article = only_article(tmp_path)
    assert (article.outlet, article.published, article.title, article.url) == ("", "", "", "")
    sources = metadata_sources(article.metadata_source)
    assert sources["outlet"] == sources["published"] == sources["url"] == "none"


def test_the_manifest_overrides_the_page_field_by_field(tmp_path):
    save(tmp_path, "og.html", pages.OPEN_GRAPH)
    (tmp_path / "manifest.csv").write_text(
        "article_id,outlet,published,title\nog,,2024-03-04,My own title\n", encoding="utf-8")
    article = only_article(tmp_path)
    assert (article.outlet, article.published, article.title) == (
        "The Daily Example", "2024-03-04", "My own title")
    sources = metadata_sources(article.metadata_source)
    assert (sources["outlet"], sources["published"], sources["title"]) == (
        "page", "manifest", "manifest")


@pytest.mark.parametrize(("name", "compress", "article_id"), [
    ("story.html.gz", True, "story"), ("story.htm", False, "story"),
    ("story.xhtml", False, "story"), ("story.htm.gz", True, "story"),
    ("notes.txt.gz", True, "notes"),
])
def test_compressed_and_other_html_suffixes_load_with_their_stem_as_id(tmp_path, name, compress,
                                                                       article_id):
    html = pages.OPEN_GRAPH if "htm" in name else pages.BODY
    save(tmp_path, name, html, compress=compress)
    article = only_article(tmp_path)
    assert article.article_id == article_id
    assert "step up enforcement" in article.text


def test_a_gz_file_that_is_not_gzip_is_skipped_by_name(tmp_path):
    save(tmp_path, "good.html", pages.OPEN_GRAPH)
    save(tmp_path, "broken.html.gz", "plain text, not compressed")
    corpus = load_corpus(tmp_path)
    assert [a.article_id for a in corpus.articles] == ["good"]
    (problem,) = corpus.skipped
    assert problem.path == "broken.html.gz" and "not valid gzip" in problem.reason


def test_a_gzip_bomb_is_refused_once_it_passes_the_size_cap(tmp_path):
    from analysis.corpus import MAX_FILE_BYTES

    (tmp_path / "good.txt").write_text(pages.BODY, encoding="utf-8")
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a " * (MAX_FILE_BYTES // 2 + 1)))
    assert (tmp_path / "bomb.txt.gz").stat().st_size < 100_000
    corpus = load_corpus(tmp_path)
    (problem,) = corpus.skipped
    assert problem.path == "bomb.txt.gz" and "decompresses to more than" in problem.reason
