"""The run fingerprint: "nothing new to report" only when nothing a report reads changed."""

from __future__ import annotations

import shutil

import pytest

from analysis.fingerprint import code_digest, corpus_digest, run_fingerprint
from analysis.params import validate_parameters
from tests.conftest import SEEDS


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def fingerprint(corpus, **parameters) -> str:
    return run_fingerprint(validate_parameters(corpus=str(corpus), **parameters))


def test_the_fingerprint_is_stable_while_nothing_changes(corpus):
    assert fingerprint(corpus) == fingerprint(corpus)


@pytest.mark.parametrize("change", ["title", "url", "note", "new file", "text"])
def test_any_change_to_the_corpus_files_changes_the_fingerprint(corpus, change):
    before = fingerprint(corpus)
    manifest = corpus / "manifest.csv"
    if change == "new file":
        (corpus / "extra.txt").write_text("Another article about the border talks.", "utf-8")
    elif change == "text":
        path = next(corpus.glob("001_*.txt"))
        path.write_text(path.read_text("utf-8") + "\nA correction.", "utf-8")
    else:
        old = {"title": "Biden Urges Mexico", "url": ",en,,", "note": "AP report"}[change]
        new = {"title": "Biden Presses Mexico", "url": ",en,https://example.com/x,",
               "note": "AP story"}[change]
        text = manifest.read_text("utf-8")
        assert old in text
        manifest.write_text(text.replace(old, new, 1), "utf-8")
    assert fingerprint(corpus) != before


@pytest.mark.parametrize("name", ["terms_file", "codebook_file", "sides_file",
                                  "boilerplate_file", "outlets_file"])
def test_editing_a_list_file_in_place_changes_the_fingerprint(corpus, tmp_path, name):
    from analysis.fingerprint import DEFAULT_LISTS

    copy = tmp_path / f"{name}.toml"
    shutil.copy(DEFAULT_LISTS[name], copy)
    before = fingerprint(corpus, **{name: str(copy)})
    copy.write_text(copy.read_text("utf-8") + "\n# an edit\n", "utf-8")
    assert fingerprint(corpus, **{name: str(copy)}) != before


def test_parameters_count(corpus):
    assert fingerprint(corpus, period="week") != fingerprint(corpus, period="month")
    assert fingerprint(corpus, terms=["wall"]) != fingerprint(corpus)


def test_a_change_to_the_code_or_its_data_changes_the_code_digest(tmp_path):
    from analysis.fingerprint import PACKAGE

    copy = tmp_path / "analysis"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = code_digest(copy)
    (copy / "data" / "codebook.toml").write_text("# changed\n", "utf-8")
    assert code_digest(copy) != before


def test_a_single_file_corpus_and_a_pipe_are_hashed_without_being_opened_as_pipes(tmp_path):
    import os

    table = tmp_path / "a.jsonl"
    table.write_text('{"article_id": "a", "text": "x"}\n', "utf-8")
    before = corpus_digest(table)
    table.write_text('{"article_id": "a", "text": "y"}\n', "utf-8")
    assert corpus_digest(table) != before
    os.mkfifo(tmp_path / "pipe.jsonl")
    assert corpus_digest(tmp_path / "pipe.jsonl")  # returns at once
