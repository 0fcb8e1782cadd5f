"""Streaming: results flow batch by batch and tables are written chunk by chunk."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow.parquet as pq
import pytest

from analysis import schema
from analysis.articles import Extractors, iter_results
from analysis.attribution import load_gazetteer
from analysis.codebook import load_codebook
from analysis.corpus import load_corpus
from analysis.keywords import load_terms
from analysis.pipeline import build_run_info, extract_tables, stream_tables, write_tables
from analysis.tablestore import TableFiles, staged_tables
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def extractors():
    return Extractors(codebook=load_codebook(), gazetteer=load_gazetteer(), terms=load_terms())


def test_results_are_yielded_before_the_later_texts_are_parsed(nlp, extractors, tmp_path):
    texts = [f"Officials said {number},000 migrants crossed on day {number}." for number in
             range(1, 13)]
    results = iter_results(texts, nlp, extractors, cache_folder=tmp_path, batch_size=1)
    first = next(results)
    assert first.figures and first.figures[0].value == 1000
    parsed = len(list((tmp_path / "parses").rglob("*.spacy")))
    assert parsed == 4, f"{parsed} of 12 texts parsed before the first result was used"
    assert len([first, *results]) == 12
    assert len(list((tmp_path / "parses").rglob("*.spacy"))) == 12


def test_results_of_forked_processes_keep_the_order_of_the_texts(nlp, extractors):
    texts = [f"The agency reported {number} crossings a day." for number in range(1, 30)]
    alone = [result.figures[0].value for result in iter_results(texts, nlp, extractors)]
    forked = [result.figures[0].value for result in
              iter_results(texts, nlp, extractors, batch_size=2, n_process=2)]
    assert forked == alone == list(range(1, 30))


def written(folder):
    return {path.name: path.read_bytes() for path in folder.iterdir() if path.suffix == ".csv"}


def test_tables_written_in_chunks_equal_the_tables_written_whole(nlp, tmp_path):
    corpus = load_corpus(SEEDS)
    whole = extract_tables(corpus, nlp=nlp)
    info = build_run_info(corpus, parameters={}, nlp=nlp, timings={})
    write_tables(whole, tmp_path / "whole", run_info=info)
    with staged_tables(tmp_path / "chunked") as files:
        stream_tables(corpus, files, nlp=nlp, chunk_articles=2)
        files.run_info = info
    assert written(tmp_path / "chunked") == written(tmp_path / "whole")
    for name in schema.TABLES:
        chunked = pd.read_parquet(tmp_path / "chunked" / f"{name}.parquet")
        pd.testing.assert_frame_equal(chunked, pd.read_parquet(
            tmp_path / "whole" / f"{name}.parquet"), obj=name)
    # five articles in chunks of two: three row groups, the last of one article
    articles = pq.ParquetFile(tmp_path / "chunked" / "articles.parquet")
    assert [articles.metadata.row_group(n).num_rows for n in range(3)] == [2, 2, 1]
    assert json.loads((tmp_path / "chunked" / "run.json").read_text())["corpus"]["articles"] == 5


def test_a_table_with_no_rows_keeps_its_columns_and_types(tmp_path):
    files = TableFiles(tmp_path)
    files.append("figures", pd.DataFrame(columns=list(schema.FIGURES)))
    files.close()
    assert (tmp_path / "figures.csv").read_text().strip() == ",".join(schema.FIGURES)
    empty = pq.read_schema(tmp_path / "figures.parquet")
    assert str(empty.field("value").type) == "double"
    assert str(empty.field("approximate").type) == "bool"
    assert pd.read_parquet(tmp_path / "trends.parquet").columns.tolist() == list(schema.TRENDS)


def test_a_run_that_fails_midway_publishes_nothing(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(RuntimeError), staged_tables(out) as files:
        files.append("figures", pd.DataFrame(columns=list(schema.FIGURES)))
        raise RuntimeError("extraction failed")
    assert list(out.iterdir()) == []
    assert not list(tmp_path.glob(".out.staging-*"))


def test_a_run_without_its_provenance_is_not_published(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(ValueError, match="run_info"), staged_tables(out):
        pass
    assert list(out.iterdir()) == []


def senator_and_surname_corpus(tmp_path):
    """Two articles: one names Senator Jane Whitcombe in full, the other only 'Whitcombe'."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Senator Jane Whitcombe said the talks had failed.\n")
    (folder / "b.txt").write_text("Whitcombe said the border would stay open.\n")
    return load_corpus(folder)


def test_a_person_has_one_name_in_the_written_table_whatever_chunk_names_her(nlp, tmp_path):
    corpus = senator_and_surname_corpus(tmp_path)
    with staged_tables(tmp_path / "tables") as files:
        stream_tables(corpus, files, nlp=nlp, chunk_articles=1)
        files.run_info = build_run_info(corpus, parameters={}, nlp=nlp, timings={})
    for table in (pd.read_parquet(tmp_path / "tables" / "attributions.parquet"),
                  pd.read_csv(tmp_path / "tables" / "attributions.csv"),
                  extract_tables(corpus, nlp=nlp).attributions):
        assert table["source"].tolist() == ["Senator Jane Whitcombe", "Whitcombe"]
        assert table["source_name"].tolist() == ["Jane Whitcombe", "Jane Whitcombe"]
    two_groups = pq.ParquetFile(tmp_path / "tables" / "attributions.parquet")
    assert two_groups.num_row_groups == 2


def test_a_source_name_an_analyst_corrected_is_not_folded_again(nlp, tmp_path):
    from analysis.corrections import load_corrections

    corpus = senator_and_surname_corpus(tmp_path)
    before = extract_tables(corpus, nlp=nlp).attributions
    assert before["source_name"].tolist() == ["Jane Whitcombe"] * 2
    other = before.iloc[1]  # the analyst knows this Whitcombe is not the senator
    corrections = tmp_path / "corrections.csv"
    corrections.write_text(
        "table,article_id,start,match,action,field,value,note\n"
        f"attributions,{other.article_id},{other.cue_start},{other.cue},set,source_name,"
        "Whitcombe,the mill owner\n")
    after = extract_tables(corpus, nlp=nlp, corrections=load_corrections(corrections))
    assert after.attributions["source_name"].tolist() == [
        "Jane Whitcombe", "Whitcombe"]


def test_worker_processes_are_replaced_after_their_share_of_texts_and_keep_the_order(
        monkeypatch):
    import os

    from analysis import articles

    monkeypatch.setattr(articles, "WORKER_TEXTS", 6)
    batches = [[f"text {number}", f"text {number + 1}"] for number in range(0, 30, 2)]
    seen = list(articles._in_processes(
        lambda texts: [(text, os.getpid()) for text in texts], iter(batches), 2))
    assert [text for batch in seen for text, _ in batch] == [f"text {n}" for n in range(30)]
    workers = {pid for batch in seen for _, pid in batch}
    # 30 texts, fresh processes every 6: five generations of at most two processes each.
    assert 5 <= len(workers) <= 10 and os.getpid() not in workers
