"""The corpus loader: good inputs load with their metadata, bad ones are named and skipped."""

from __future__ import annotations

import gzip
import json

import pandas as pd
import pytest

from analysis.corpus import CorpusError, load_corpus, select_articles
from tests.conftest import SEEDS

ARTICLE = "Mexico agreed to accept back 30,000 migrants every month, officials said.\n"


def write_manifest(folder, rows, header="article_id,outlet,published,title,url,language"):
    (folder / "manifest.csv").write_text(header + "\n" + "\n".join(rows) + "\n",
                                         encoding="utf-8")


def test_seeds_load_with_manifest_metadata():
    corpus = load_corpus(SEEDS)
    assert [a.article_id for a in corpus.articles] == [
        "000_8c58a1b6ffc7d96e", "001_631f0facc17a50fe", "002_6685a3c0bb75d462",
        "003_72ee96cb111d85f2", "004_821917237f8e104a"]
    first = corpus.articles[1]
    assert (first.outlet, first.published) == ("The New York Times", "2021-03-18")
    assert first.title == "Biden Urges Mexico to Do More to Stop Migration"
    assert first.text.startswith("Biden Urges Mexico")
    assert corpus.skipped == [] and corpus.warnings == []
    assert len(corpus.outlets) == 5


def test_fingerprint_changes_with_text(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    before = load_corpus(tmp_path).fingerprint
    assert load_corpus(tmp_path).fingerprint == before
    (tmp_path / "a.txt").write_text(ARTICLE + "More.", encoding="utf-8")
    assert load_corpus(tmp_path).fingerprint != before


def test_file_without_manifest_row_gets_stem_and_warning(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.md").write_text(ARTICLE, encoding="utf-8")
    write_manifest(tmp_path, ["a,Outlet A,2024-01-02,Title,,en"])
    corpus = load_corpus(tmp_path)
    b = corpus.articles[1]
    assert (b.article_id, b.outlet, b.published) == ("b", "", "")
    assert [str(w) for w in corpus.warnings] == [
        "b.md: no row in manifest.csv; its metadata comes from the file itself (a plain-text "
        "file has none)"]


def test_html_main_text_is_extracted(tmp_path):
    paragraph = ("The United States and Mexico agreed on Tuesday to step up enforcement at the "
                 "southern border, officials from both countries said after the talks. ")
    page = (f"<html><head><title>Talks</title></head><body><nav>Home | World | Sport</nav>"
            f"<article><h1>Talks</h1><p>{paragraph * 3}</p><p>{paragraph}</p></article>"
            f"<footer>Copyright 2024 Example News</footer></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (article,) = load_corpus(tmp_path).articles
    assert "step up enforcement" in article.text
    assert "Home | World" not in article.text and "Copyright" not in article.text


def test_html_without_main_text_is_skipped(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.html").write_text("<html><body><nav>Home</nav></body></html>",
                                         encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [str(p) for p in corpus.skipped] == [
        "empty.html: HTML page without a main text that could be extracted"]


def test_utf16_with_bom_is_decoded(tmp_path):
    (tmp_path / "u16.txt").write_bytes(ARTICLE.encode("utf-16"))
    (article,) = load_corpus(tmp_path).articles
    assert article.text == ARTICLE


def test_latin1_is_decoded_with_a_warning_naming_file_and_encoding(tmp_path):
    text = "López Obrador said the talks in Juárez went well; señor Ebrard agreed. " * 3
    (tmp_path / "latin.txt").write_bytes(text.encode("latin-1"))
    corpus = load_corpus(tmp_path)
    assert corpus.articles[0].text == text
    (warning,) = corpus.warnings
    assert warning.path == "latin.txt" and "not UTF-8; decoded as" in warning.reason


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("report.pdf", b"%PDF-1.7 binary", "unsupported file type; expected .txt, .md, .html, .htm "
                                       "or .xhtml (each also .gz), or .warc / .warc.gz"),
    ("scan.txt", b"%PDF-1.7\n\x00\x01", "binary file (a PDF document); expected UTF-8 text"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00", "binary file (a PNG image); expected UTF-8 text"),
    ("packed.txt", gzip.compress(b"hello"), "binary file (gzip-compressed data); expected "
                                           "UTF-8 text"),
    ("nul.txt", b"abc\x00def", "binary file (contains NUL bytes); expected UTF-8 text"),
    ("empty.txt", b"", "empty text; expected the article's text"),
    ("blank.txt", b"  \n\t\n", "empty text; expected the article's text"),
])
def test_bad_files_are_skipped_with_their_reason(tmp_path, name, data, reason):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / name).write_bytes(data)
    corpus = load_corpus(tmp_path)
    assert [a.article_id for a in corpus.articles] == ["good"]
    assert [str(p) for p in corpus.skipped] == [f"{name}: {reason}"]


def test_strict_makes_a_bad_file_fatal(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(CorpusError, match=r"empty\.txt: empty text.*--strict"):
        load_corpus(tmp_path, strict=True)


def test_duplicate_ids_across_file_types_are_skipped(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert len(corpus.articles) == 1
    assert str(corpus.skipped[0]) == "a.txt: duplicate article id 'a' (also a.md)"


def test_manifest_bad_date_unknown_column_and_missing_file(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    write_manifest(tmp_path, ["a,Outlet,18/03/2021,T,,en,x", "ghost,Outlet,2021-03-18,T,,en,y"],
                   header="article_id,outlet,published,title,url,language,section")
    corpus = load_corpus(tmp_path)
    assert corpus.articles[0].published == ""
    assert [str(w) for w in corpus.warnings] == [
        "manifest.csv: unknown columns 'section' are ignored; expected article_id, outlet, "
        "published, title, url, authors, language, fetched",
        "manifest.csv, line 2: published '18/03/2021' is not an ISO date (YYYY-MM-DD); the "
        "article is kept undated",
        "manifest.csv: lists 'ghost' but no such article file was loaded",
    ]


def test_manifest_without_article_id_column_is_fatal(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    write_manifest(tmp_path, ["a,Outlet"], header="id,outlet")
    with pytest.raises(CorpusError, match=r"manifest\.csv: manifest has no article_id column"):
        load_corpus(tmp_path)


def test_jsonl_loads_and_names_bad_lines(tmp_path):
    path = tmp_path / "articles.jsonl"
    lines = [
        json.dumps({"article_id": "a", "outlet": "O", "published": "2024-01-05", "text": ARTICLE}),
        "{not json",
        json.dumps({"article_id": "a", "text": ARTICLE}),
        json.dumps({"article_id": "../etc", "text": ARTICLE}),
        json.dumps({"article_id": "c", "text": "   "}),
        json.dumps(["a list"]),
        json.dumps({"article_id": "d", "text": ARTICLE, "published": "2024-02-30"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = load_corpus(path)
    assert [a.article_id for a in corpus.articles] == ["a", "d"]
    assert corpus.articles[0].published == "2024-01-05"
    assert [(p.line, p.reason.split(" (")[0].split(";")[0]) for p in corpus.skipped] == [
        (2, "not valid JSON"),
        (3, "duplicate article_id 'a'"),
        (4, "article_id '../etc' is not a plain name"),
        (5, "empty text"),
        (6, "expected a JSON object with article_id and text"),
    ]
    assert all(p.path == "articles.jsonl" for p in corpus.skipped)
    assert "line 7" in str(corpus.warnings[0])


def test_csv_and_parquet_tables_load_with_line_numbers(tmp_path):
    frame = pd.DataFrame({"article_id": ["a", "b", "a"], "outlet": ["O", "P", "O"],
                          "published": ["2024-01-01", "2024-01-02", "2024-01-03"],
                          "text": [ARTICLE, ARTICLE, ARTICLE], "extra": ["", "", ""]})
    frame.to_csv(tmp_path / "c.csv", index=False)
    frame.to_parquet(tmp_path / "p.parquet", index=False)
    # A CSV row is numbered by the line it starts on: each text here ends with a line break.
    for name, line in (("c.csv", 6), ("p.parquet", 3)):
        corpus = load_corpus(tmp_path / name)
        assert [a.article_id for a in corpus.articles] == ["a", "b"]
        assert corpus.skipped[0].line == line and corpus.skipped[0].path == name
        assert "ignored columns 'extra'" in str(corpus.warnings[0])


def test_ids_differing_only_in_case_warn(tmp_path):
    rows = [{"article_id": "Story", "text": ARTICLE}, {"article_id": "story", "text": ARTICLE}]
    (tmp_path / "a.jsonl").write_text("\n".join(map(json.dumps, rows)), encoding="utf-8")
    corpus = load_corpus(tmp_path / "a.jsonl")
    assert len(corpus.articles) == 2
    assert "differs only in case" in str(corpus.warnings[0])


@pytest.mark.parametrize("name", ["missing", "notes.docx"])
def test_missing_or_unsupported_corpus_path_is_fatal(tmp_path, name):
    path = tmp_path / name
    if name.endswith(".docx"):
        path.write_bytes(b"PK\x03\x04")
    with pytest.raises(CorpusError, match=name.replace(".", r"\.")):
        load_corpus(path)


def test_folder_with_only_bad_files_is_fatal_and_says_why(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(CorpusError, match=r"no usable article.*empty\.txt: empty text"):
        load_corpus(tmp_path)


def test_select_articles_by_outlet_and_dates():
    corpus = load_corpus(SEEDS)
    selected = select_articles(corpus, outlets=["Press TV", "stern.de"], date_from="2021-01-01",
                               date_to="2022-12-31")
    assert [a.article_id for a in selected.articles] == ["000_8c58a1b6ffc7d96e"]
    assert len(select_articles(corpus).articles) == 5


def test_a_manifest_line_after_a_title_over_two_lines_is_named_by_its_own_line(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE.replace("border", "frontier"), encoding="utf-8")
    write_manifest(tmp_path, ['a,Outlet,2021-03-18,"A title\nover two lines"',
                              "b,Outlet,March 2021,T"], header="article_id,outlet,published,title")
    warnings = [str(warning) for warning in load_corpus(tmp_path).warnings]
    assert any(warning.startswith("manifest.csv, line 4: published 'March 2021'")
               for warning in warnings), warnings
