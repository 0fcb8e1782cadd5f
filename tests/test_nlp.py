"""The parse cache: an unchanged text is read back, never parsed twice; damage is repaired."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.corpus import load_corpus
from analysis.keywords import load_terms
from analysis.nlp import ParseCache, parse
from analysis.pipeline import extract_tables
from tests.conftest import SEEDS

ATTRIBUTES = ("text", "lemma_", "tag_", "pos_", "dep_", "ent_type_", "ent_iob_", "is_sent_start",
              "whitespace_")


def token_view(doc) -> list[tuple]:
    return [(*(getattr(token, name) for name in ATTRIBUTES), token.head.i)
            for token in doc]


@pytest.fixture
def cache(tmp_path):
    return ParseCache(tmp_path / "parses")


def test_a_cached_parse_reads_back_exactly_what_was_parsed(nlp, cache, seed_text):
    texts = [seed_text("001"), "Mexico said it would take back 30,000 migrants a month."]
    first = list(parse(texts, nlp, cache=cache))
    assert len(list(cache.folder.rglob("*.spacy"))) == 2
    second = list(parse(texts, nlp, cache=cache))
    for fresh, cached in zip(first, second, strict=True):
        assert cached.text == fresh.text
        assert token_view(cached) == token_view(fresh)
        assert [(ent.text, ent.label_) for ent in cached.ents] == [
            (ent.text, ent.label_) for ent in fresh.ents]


def test_a_cache_hit_does_not_run_the_parser(nlp, cache):
    text = "Officials said the talks went well."
    list(parse([text], nlp, cache=cache))
    entry = next(cache.folder.rglob("*.spacy"))
    before = entry.stat().st_mtime_ns
    (doc,) = parse([text], nlp, cache=cache)
    assert entry.stat().st_mtime_ns == before  # read, not rewritten
    assert doc[1].lemma_ == "say"


def test_an_edited_text_or_another_model_misses_the_cache(nlp, cache):
    key = cache.key("The border was closed.", nlp)
    assert cache.key("The border was closed!", nlp) != key
    other = nlp.meta.copy()
    nlp.meta["version"] = "0.0.0-test"
    try:
        assert cache.key("The border was closed.", nlp) != key
    finally:
        nlp.meta.clear()
        nlp.meta.update(other)


def test_a_damaged_entry_is_parsed_again_and_repaired(nlp, cache, caplog):
    text = "The agency reported 10,000 crossings a day."
    list(parse([text], nlp, cache=cache))
    entry = next(cache.folder.rglob("*.spacy"))
    entry.write_bytes(b"not a DocBin")
    (doc,) = parse([text], nlp, cache=cache)
    assert doc.text == text and doc[2].lemma_ == "report"
    assert "unreadable" in caplog.text
    assert entry.read_bytes() != b"not a DocBin"


def test_tables_are_the_same_with_a_cold_cache_a_warm_cache_and_none(nlp, tmp_path):
    corpus = load_corpus(SEEDS)
    plain = extract_tables(corpus, nlp=nlp)
    cold = extract_tables(corpus, nlp=nlp, cache_folder=tmp_path)
    assert len(list((tmp_path / "results").rglob("*.json"))) == 5
    warm = extract_tables(corpus, nlp=nlp, cache_folder=tmp_path)
    for name in plain.by_name():
        pd.testing.assert_frame_equal(cold.by_name()[name], plain.by_name()[name], obj=name)
        pd.testing.assert_frame_equal(warm.by_name()[name], plain.by_name()[name], obj=name)


def test_two_processes_give_the_same_docs_as_one(nlp, seed_text):
    texts = [seed_text(prefix) for prefix in ("000", "001", "002", "003", "004")] * 2
    one = [token_view(doc) for doc in parse(texts, nlp, batch_size=2)]
    two = [token_view(doc) for doc in parse(texts, nlp, batch_size=2, n_process=2)]
    assert one == two


def test_editing_the_term_list_recomputes_cached_results(nlp, tmp_path):
    corpus = load_corpus(SEEDS)
    extract_tables(corpus, nlp=nlp, cache_folder=tmp_path)
    extra = load_terms(extra=["Guatemala"])
    tables = extract_tables(corpus, nlp=nlp, cache_folder=tmp_path, terms=extra)
    assert "Guatemala" in set(tables.keywords["term"])
    assert len(list((tmp_path / "results").rglob("*.json"))) == 10
    assert len(list((tmp_path / "parses").rglob("*.spacy"))) == 5  # parsed once only


def test_a_damaged_result_entry_is_extracted_again(nlp, tmp_path, caplog):
    corpus = load_corpus(SEEDS)
    plain = extract_tables(corpus, nlp=nlp, cache_folder=tmp_path)
    for entry in (tmp_path / "results").rglob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    again = extract_tables(corpus, nlp=nlp, cache_folder=tmp_path)
    pd.testing.assert_frame_equal(again.figures, plain.figures)
    assert "unreadable" in caplog.text


def test_two_worker_processes_give_the_tables_of_one(nlp, tmp_path):
    corpus = load_corpus(SEEDS)
    alone = extract_tables(corpus, nlp=nlp)
    forked = extract_tables(corpus, nlp=nlp, n_process=2, batch_size=2, cache_folder=tmp_path)
    for name, frame in alone.by_name().items():
        pd.testing.assert_frame_equal(forked.by_name()[name], frame, obj=name)
    assert len(list((tmp_path / "parses").rglob("*.spacy"))) == 5  # workers fill the cache


def test_a_blank_line_ends_a_sentence_so_a_headline_is_not_a_subject(nlp):
    doc = nlp("Biden Urges Mexico to Act on Migration\n\nThe administration has been quietly "
              "pressing Mexico to limit migration.")
    assert [sentence.text.split()[0] for sentence in doc.sents] == ["Biden", "The"]
    (pressing,) = [token for token in doc if token.text == "pressing"]
    assert pressing.sent.start_char > 0


def test_the_pipeline_runs_paragraph_breaks_before_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index("paragraph_breaks") == names.index("parser") - 1


WARM_RUN = """
import sys
from pathlib import Path
from analysis.nlp import load_nlp
from analysis.params import validate_parameters
from analysis.workbook import extract_to_folder
folder = Path(sys.argv[1])
parameters = validate_parameters(corpus=sys.argv[2], out_dir=str(folder / "tables"),
                                 cache_dir=str(folder / "cache"))
summary = extract_to_folder(parameters, progress=False)
print(summary.rows["articles"], load_nlp.cache_info().currsize)
"""


def test_a_warm_rerun_of_an_unchanged_corpus_does_not_load_the_model(tmp_path):
    import subprocess
    import sys

    from tests.conftest import REPO, SEEDS

    def run() -> str:
        done = subprocess.run([sys.executable, "-c", WARM_RUN, str(tmp_path), str(SEEDS)],
                              cwd=REPO, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout.split()

    assert run() == ["5", "1"]  # cold: parsed, so the model was loaded
    assert run() == ["5", "0"]  # warm: every result cached, the model never loaded


def test_a_lazy_pipeline_gives_the_same_cache_keys_as_the_loaded_one(nlp):
    from analysis.nlp import LazyPipeline, lazy_nlp, model_version, parse_key

    lazy = lazy_nlp()
    assert isinstance(lazy, LazyPipeline)
    assert (lazy.pipe_names, model_version(lazy), lazy.lang) == (
        nlp.pipe_names, model_version(nlp), nlp.lang)
    assert parse_key("Officials said 300 migrants crossed.", lazy) == parse_key(
        "Officials said 300 migrants crossed.", nlp)
