"""Table exports: the column names common tools write, and one bad record costing one record."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.corpus import CorpusError, load_corpus, metadata_sources
from analysis.corpus.metadata import article_id_for_url

TEXT = "Mexico agreed to accept back 30,000 migrants every month, officials said on Tuesday."


def test_a_media_cloud_story_list_loads_with_its_own_column_names(tmp_path):
    frame = pd.DataFrame({
        "stories_id": [101, 102], "publish_date": ["2021-03-18 14:02:11", "2021-03-19 08:00:00"],
        "title": ["Talks", "More talks"], "url": ["https://www.nytimes.com/a", "https://x.com/b"],
        "media_name": ["nytimes.com", "Example"], "text": [TEXT, TEXT], "media_id": [1, 2]})
    frame.to_csv(tmp_path / "stories.csv", index=False)
    corpus = load_corpus(tmp_path / "stories.csv")
    first = corpus.articles[0]
    assert (first.article_id, first.published, first.outlet, first.title) == (
        "101", "2021-03-18", "The New York Times", "Talks")
    assert metadata_sources(first.metadata_source)["outlet"] == "record"
    (note,) = corpus.warnings
    assert note.reason.startswith("read 'stories_id' as article_id, 'media_name' as outlet, "
                                  "'publish_date' as published;")
    assert "ignored columns 'media_id'" in note.reason


def test_a_newsapi_response_loads_with_nested_source_names_and_ids_from_urls(tmp_path):
    response = {"status": "ok", "totalResults": 1, "articles": [{
        "source": {"id": None, "name": "Reuters"}, "author": "Dave Graham",
        "title": "Mexico agrees to take back migrants", "url": "https://www.reuters.com/x/1",
        "publishedAt": "2021-03-18T12:00:00Z", "content": TEXT}]}
    (tmp_path / "newsapi.json").write_text(json.dumps(response), encoding="utf-8")
    (article,) = load_corpus(tmp_path / "newsapi.json").articles
    assert (article.article_id, article.outlet, article.published, article.authors) == (
        article_id_for_url("https://www.reuters.com/x/1"), "Reuters", "2021-03-18",
        "Dave Graham")
    assert article.text == TEXT


def test_news_please_records_load_with_maintext_and_author_lists(tmp_path):
    record = {"maintext": TEXT, "date_publish": "2021-03-18 10:00:00", "title": "Talks",
              "source_domain": "www.theguardian.com", "authors": ["A. One", "B. Two"],
              "url": "https://www.theguardian.com/world/1", "language": "en"}
    (tmp_path / "np.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (article,) = load_corpus(tmp_path / "np.jsonl").articles
    assert (article.outlet, article.authors, article.language) == (
        "The Guardian", "A. One; B. Two", "en")


def test_a_csv_row_with_extra_cells_is_skipped_not_shifted(tmp_path):
    (tmp_path / "a.csv").write_text(
        f"article_id,outlet,text\na,Outlet,{TEXT.replace(',', '')}\n"
        f"b,Outlet,{TEXT}\nc,Outlet,\"{TEXT}\"\n", encoding="utf-8")
    corpus = load_corpus(tmp_path / "a.csv")
    assert [a.article_id for a in corpus.articles] == ["a", "c"]
    (problem,) = corpus.skipped
    assert (problem.line, problem.reason) == (
        3, "row has 5 cells but the header has 3; a cell holding a comma must be quoted")


def test_one_undecodable_byte_in_jsonl_costs_one_line(tmp_path):
    good = json.dumps({"article_id": "good", "text": TEXT}).encode()
    bad = json.dumps({"article_id": "bad", "text": "caf\u00e9"}).encode().replace(
        b"\\u00e9", b"\xe9")
    (tmp_path / "a.jsonl").write_bytes(good + b"\n" + bad + b"\n" + good.replace(
        b"good", b"also") + b"\n")
    corpus = load_corpus(tmp_path / "a.jsonl")
    assert [a.article_id for a in corpus.articles] == ["good", "also"]
    (problem,) = corpus.skipped
    assert problem.line == 2 and problem.reason.startswith("not UTF-8 text")


def test_a_carriage_return_inside_a_json_string_stays_in_the_record(tmp_path):
    line = json.dumps({"article_id": "a", "text": "First line.\rSecond line of the story."},
                      ensure_ascii=False).replace("\\r", "\r")
    (tmp_path / "a.jsonl").write_text(line + "\n", encoding="utf-8", newline="")
    corpus = load_corpus(tmp_path / "a.jsonl")
    assert corpus.skipped == [] and [a.article_id for a in corpus.articles] == ["a"]


@pytest.mark.parametrize(("column", "values", "message"), [
    ("text", [1.5], "column 'text' (text) holds double; expected text"),
    ("outlet", [["a", "b"]], "column 'outlet' (outlet) holds list<element: string>"),
    ("title", [{"x": 1}], "column 'title' (title) holds struct<x: int64>"),
])
def test_parquet_columns_of_the_wrong_type_are_refused_naming_the_column(tmp_path, column,
                                                                         values, message):
    frame = pd.DataFrame({"article_id": ["a"], "text": [TEXT]})
    frame[column] = pd.Series(values, dtype=object)
    frame.to_parquet(tmp_path / "p.parquet", index=False)
    with pytest.raises(CorpusError, match=r"p\.parquet") as caught:
        load_corpus(tmp_path / "p.parquet")
    assert message in str(caught.value)


def test_parquet_ids_may_be_integers_and_dates_may_be_dates(tmp_path):
    frame = pd.DataFrame({"article_id": [7], "text": [TEXT],
                          "published": [pd.Timestamp("2021-03-18").date()]})
    frame.to_parquet(tmp_path / "p.parquet", index=False)
    (article,) = load_corpus(tmp_path / "p.parquet").articles
    assert (article.article_id, article.published) == ("7", "2021-03-18")


def test_a_table_without_a_text_column_is_refused_with_the_names_it_reads(tmp_path):
    (tmp_path / "a.csv").write_text("article_id,outlet\na,Outlet\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"a\.csv: no text column.*'maintext'"):
        load_corpus(tmp_path / "a.csv")


def test_a_manifest_or_table_with_two_columns_of_one_name_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("article_id,outlet,outlet\na,A,B\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"manifest\.csv: column 'outlet' appears more than once"):
        load_corpus(tmp_path)
    (tmp_path / "t.csv").write_text(f'article_id,text,text\na,"{TEXT}",x\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"t\.csv: column 'text' appears more than once"):
        load_corpus(tmp_path / "t.csv")
