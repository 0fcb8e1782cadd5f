"""Metadata in file and folder names: a date and a known outlet, below every other source."""

from __future__ import annotations

import pytest

from analysis.corpus import load_corpus, load_outlet_names, metadata_gaps, metadata_sources
from analysis.corpus.filenames import date_in_path, leading_tokens
from tests.corpus import pages

TEXT = "Mexico agreed to accept back 30,000 migrants every month, officials said on Tuesday."


def write(folder, relative, content=TEXT):
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def only_article(folder):
    (article,) = load_corpus(folder).articles
    return article


def sources(article) -> tuple[str, str]:
    found = metadata_sources(article.metadata_source)
    return found["outlet"], found["published"]


@pytest.mark.parametrize(("prefix", "outlet"), [
    ("nyt", "The New York Times"), ("wash-post", "The Washington Post"),
    ("huff-post", "HuffPost"), ("usa-today", "USA Today"), ("politico", "Politico"),
    ("breitbart", "Breitbart"), ("west-journal", "The Western Journal"),
    ("USA Today", "USA Today"), ("USA_Today", "USA Today"),
    ("nytimes.com", "The New York Times"), ("nyt_border-talks", "The New York Times"),
])
def test_outlet_and_date_come_from_a_file_named_outlet_date_slug(tmp_path, prefix, outlet):
    write(tmp_path, f"{prefix}_2016-09-12_clinton-speaks-on-border.txt")
    article = only_article(tmp_path)
    assert (article.outlet, article.published) == (outlet, "2016-09-12")
    assert sources(article) == ("filename", "filename")


def test_an_undated_name_gives_its_outlet_and_no_date(tmp_path):
    write(tmp_path, "nyt_border-talks.txt")
    article = only_article(tmp_path)
    assert (article.outlet, article.published) == ("The New York Times", "")
    assert sources(article) == ("filename", "none")


@pytest.mark.parametrize("name", ["gazette_2024-03-05_talks.txt", "news_2024-03-05_talks.txt",
                                  "border-talks-2024-03-05.txt"])
def test_a_prefix_that_names_no_known_outlet_gives_only_the_date(tmp_path, name):
    write(tmp_path, name)
    article = only_article(tmp_path)
    assert (article.outlet, article.published) == ("", "2024-03-05")
    assert sources(article) == ("none", "filename")


def test_the_manifest_wins_over_the_file_name(tmp_path):
    write(tmp_path, "nyt_2024-03-05_talks.txt")
    write(tmp_path, "manifest.csv", "article_id,outlet,published\n"
                                    "nyt_2024-03-05_talks,Reuters,2024-03-04\n")
    article = only_article(tmp_path)
    assert (article.outlet, article.published) == ("Reuters", "2024-03-04")
    assert sources(article) == ("manifest", "manifest")


def test_a_manifest_without_outlet_and_date_leaves_them_to_the_file_name(tmp_path):
    write(tmp_path, "wash-post_2024-03-05_talks.txt")
    write(tmp_path, "manifest.csv", "article_id,title\nwash-post_2024-03-05_talks,Talks\n")
    article = only_article(tmp_path)
    assert (article.outlet, article.published, article.title) == (
        "The Washington Post", "2024-03-05", "Talks")


def test_the_page_own_metadata_wins_over_the_file_name(tmp_path):
    write(tmp_path, "nyt_2020-01-01_border-talks.html", pages.OPEN_GRAPH)
    article = only_article(tmp_path)
    assert (article.outlet, article.published) == ("The Daily Example", "2024-03-05")
    assert sources(article) == ("page", "page")


def test_the_url_domain_wins_over_the_outlet_of_the_file_name(tmp_path):
    write(tmp_path, "nyt_2020-01-01_border.html", pages.META_TAGS)  # no site name
    article = only_article(tmp_path)
    assert (article.outlet, article.published) == ("example.org", "2024-03-07")
    assert sources(article) == ("url", "page")


def test_a_manifest_url_names_the_outlet_of_a_text_file_before_its_file_name(tmp_path):
    write(tmp_path, "nyt_2024-03-05_talks.txt")
    write(tmp_path, "manifest.csv", "article_id,url\n"
                                    "nyt_2024-03-05_talks,https://www.reuters.com/world/x\n")
    article = only_article(tmp_path)
    assert (article.outlet, article.published) == ("Reuters", "2024-03-05")
    assert sources(article) == ("url", "filename")


def test_a_name_with_two_different_dates_gives_no_date(tmp_path):
    write(tmp_path, "nyt_2024-03-05_recap-of-the-2024-03-01-talks.txt")
    article = only_article(tmp_path)
    assert (article.outlet, article.published) == ("The New York Times", "")


@pytest.mark.parametrize(("relative", "published"), [
    ("2024/03/05/talks.txt", "2024-03-05"),
    ("2024-03-05/talks.txt", "2024-03-05"),
    ("20240305/talks.txt", "2024-03-05"),
    ("2024/03/05/nyt_2024-03-05_talks.txt", "2024-03-05"),  # the same date twice
    ("2024/03/04/nyt_2024-03-05_talks.txt", ""),  # folders and name disagree
    ("2024/03/talks.txt", ""),  # a month is no publication date
    ("12345678/talks.txt", ""),  # eight digits that are no calendar day: an id
])
def test_date_named_folders_inside_the_corpus_give_the_date(tmp_path, relative, published):
    write(tmp_path, relative)
    assert only_article(tmp_path).published == published


def test_the_corpus_folder_own_name_is_not_read(tmp_path):
    corpus = tmp_path / "nyt" / "2024-03-05"
    write(corpus, "talks_notes.txt")
    article = only_article(corpus)
    assert (article.outlet, article.published) == ("", "")


@pytest.mark.parametrize(("relative", "outlet"), [
    ("nyt/talks.txt", "The New York Times"),
    ("wash-post/2024/03/05/talks.txt", "The Washington Post"),
    ("The New York Times/opinion/talks.txt", "The New York Times"),
    ("nyt/nyt_2024-03-05_talks.txt", "The New York Times"),
    ("nyt/politico_2024-03-05_talks.txt", ""),  # folder and name disagree
    ("news/talks.txt", ""),
])
def test_a_folder_named_after_a_known_outlet_gives_the_outlet(tmp_path, relative, outlet):
    write(tmp_path, relative)
    assert only_article(tmp_path).outlet == outlet


@pytest.mark.parametrize(("stem", "published"), [
    ("nyt_2024_03_05_talks", "2024-03-05"),
    ("nyt-2024-03-05T10-30-talks", "2024-03-05"),
    ("nyt_2024-03_05_talks", ""),  # mixed separators
    ("story_20240305", ""),  # bare digits in a file name are ids as often as dates
    ("id12024-03-05", ""),
    ("talks_2024-03-051", ""),
])
def test_a_date_in_a_file_name_is_written_with_separators(stem, published):
    assert date_in_path((), stem) == published


@pytest.mark.parametrize("name", ["nyt_1850-06-01_talks.txt", "nyt_2024-02-30_talks.txt"])
def test_an_implausible_or_impossible_date_in_a_name_is_refused_with_a_warning(tmp_path, name):
    write(tmp_path, name)
    corpus = load_corpus(tmp_path)
    (article,) = corpus.articles
    assert (article.outlet, article.published) == ("The New York Times", "")
    assert [problem.path for problem in corpus.warnings] == [name]


@pytest.mark.parametrize(("stem", "tokens"), [
    ("usa-today_2016-09-12_slug", ["usa-today"]),
    ("USA_Today_2016-09-12_slug", ["USA_Today", "USA"]),
    ("nyt-2024-03-05-talks", ["nyt"]), ("nyt_talks", ["nyt"]), ("talks", []),
    ("2024-03-05_nyt_talks", ["2024-03-05"]),
])
def test_the_leading_token_ends_at_the_date_or_the_first_underscore(stem, tokens):
    assert leading_tokens(stem) == tokens


def test_a_corpus_named_by_the_convention_has_no_metadata_gap(tmp_path):
    write(tmp_path, "nyt_2024-03-05_talks.txt")
    write(tmp_path, "politico_2024-03-06_talks.txt", TEXT + " More talks are planned.")
    assert metadata_gaps(load_corpus(tmp_path).articles) == ""


def test_a_user_outlet_list_names_the_files_too(tmp_path):
    names_file = tmp_path / "outlets.toml"
    names_file.write_text('extends = "default"\n[outlets]\n"The Daily Example" = ["DEX"]\n',
                          encoding="utf-8")
    write(tmp_path / "corpus", "dex_2024-03-05_talks.txt")
    (article,) = load_corpus(tmp_path / "corpus",
                             outlet_names=load_outlet_names(names_file)).articles
    assert article.outlet == "The Daily Example"
