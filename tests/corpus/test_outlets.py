"""Outlet names: aliases, domains and a user's list that extends the shipped one."""

from __future__ import annotations

import pytest

from analysis.corpus import OutletNamesError, load_corpus, load_outlet_names
from analysis.corpus.outlets import registered_domain
from tests.corpus import pages


@pytest.mark.parametrize("written", ["The New York Times", "New York Times", "NYT",
                                     "nytimes.com", "https://www.nytimes.com/2021/03/18/x",
                                     "  the new york   times "])
def test_every_alias_of_an_outlet_gives_its_one_name(written):
    assert load_outlet_names().name(written) == "The New York Times"


def test_a_subdomain_takes_the_alias_of_its_domain_and_an_unknown_domain_stays_a_domain():
    names = load_outlet_names()
    assert names.for_url("https://edition.cnn.com/2024/politics/x") == "CNN"
    assert names.for_url("https://www.example.co.uk/news/1") == "example.co.uk"
    assert names.name("Some Local Gazette") == "Some Local Gazette"


@pytest.mark.parametrize(("url", "domain"), [
    ("https://www.bbc.co.uk/news/x", "bbc.co.uk"), ("http://news.example.org/a", "example.org"),
    ("www.example.com", "example.com"), ("http://localhost:8000/page", "localhost"),
    ("", ""),
])
def test_registered_domain(url, domain):
    assert registered_domain(url) == domain


def test_a_user_list_that_extends_the_default_adds_names_and_keeps_the_shipped_ones(tmp_path):
    path = tmp_path / "outlets.toml"
    path.write_text('extends = "default"\n[outlets]\n"The Daily Example" = '
                    '["dailyexample.com", "Daily Ex"]\n', encoding="utf-8")
    names = load_outlet_names(path)
    assert names.name("Daily Ex") == "The Daily Example"
    assert names.name("NYT") == "The New York Times"


def test_a_user_list_without_extends_holds_only_its_own_names(tmp_path):
    path = tmp_path / "outlets.toml"
    path.write_text('[outlets]\n"Daily Example" = ["DE"]\n', encoding="utf-8")
    assert load_outlet_names(path).name("NYT") == "NYT"


@pytest.mark.parametrize(("content", "message"), [
    ('[outlets]\n"A" = "a.com"\n', "outlet 'A': expected a list of aliases"),
    ('[outlets]\n"A" = ["X"]\n"B" = ["x"]\n', "alias 'x' names both 'A' and 'B'"),
    ('extends = "mine"\n', "'extends' must be \"default\" or absent"),
    ("[outlets\n", "not valid TOML"),
])
def test_a_malformed_list_is_refused_naming_the_file(tmp_path, content, message):
    path = tmp_path / "outlets.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(OutletNamesError, match=str(path).replace(".", r"\.")) as caught:
        load_outlet_names(path)
    assert message in str(caught.value)


def test_pages_and_manifest_rows_of_one_outlet_get_one_name(tmp_path):
    (tmp_path / "a.html").write_text(pages.page(
        '<meta property="og:site_name" content="NYTimes.com">'), encoding="utf-8")
    (tmp_path / "b.txt").write_text(pages.BODY, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("article_id,outlet\nb,NYT\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.outlets == ["The New York Times"]


def test_spellings_of_one_outlet_that_differ_in_case_or_spaces_become_one(tmp_path):
    for name, site in (("a", "PolitiFact"), ("b", "Politifact"), ("c", "PolitiFact"),
                       ("d", "Inexhibit magazine"), ("e", "Inexhibitmagazine")):
        (tmp_path / f"{name}.html").write_text(pages.page(
            f'<meta property="og:site_name" content="{site}">'), encoding="utf-8")
    assert load_corpus(tmp_path).outlets == ["Inexhibit magazine", "PolitiFact"]


@pytest.mark.parametrize(("token", "outlet"), [
    ("usa-today", "USA Today"), ("USA_Today", "USA Today"), ("huff-post", "HuffPost"),
    ("the-new-york-times", "The New York Times"), ("nytimes.com", "The New York Times"),
    ("la_times", "Los Angeles Times"), ("wash-post", "The Washington Post"),
    ("west-journal", "The Western Journal"), ("fin-times", "Financial Times"),
])
def test_a_file_name_token_names_an_outlet_without_separators_or_by_abbreviated_words(
        token, outlet):
    assert load_outlet_names().alias_in_file_name(token) == outlet


@pytest.mark.parametrize("token", ["news", "gazette", "daily-news", "new-york", "wa-po-x", ""])
def test_a_file_name_token_that_is_no_alias_names_no_outlet(token):
    assert load_outlet_names().alias_in_file_name(token) == ""


def test_abbreviated_words_that_fit_two_outlets_name_neither(tmp_path):
    path = tmp_path / "outlets.toml"
    path.write_text('extends = "default"\n[outlets]\n"Washington Postscript" = ["wpscript.com"]\n',
                    encoding="utf-8")
    names = load_outlet_names(path)
    assert names.alias_in_file_name("washi-post") == ""
    assert load_outlet_names().alias_in_file_name("washi-post") == "The Washington Post"
    assert names.alias_in_file_name("wash-postscr") == "Washington Postscript"


@pytest.mark.parametrize(("written", "outlet"), [
    ("Wash Post", "The Washington Post"), ("HuffPo", "HuffPost"),
    ("Western Journal", "The Western Journal"), ("westernjournal.com", "The Western Journal"),
])
def test_common_short_forms_are_aliases(written, outlet):
    assert load_outlet_names().name(written) == outlet
