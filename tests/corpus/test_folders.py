"""The corpus is the regular files inside its folder: links out, special files and loops are
named and kept out, and nothing hangs."""

from __future__ import annotations

import os

import pytest

from analysis.corpus import CorpusError, load_corpus

TEXT = "Mexico agreed to accept back 30,000 migrants every month, officials said on Tuesday."


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    return folder


def reasons(loaded) -> dict[str, str]:
    return {problem.path: problem.reason for problem in loaded.skipped}


def test_a_link_to_a_file_outside_the_corpus_is_refused_and_named(corpus, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("password: hunter2 and other things no report should show", "utf-8")
    (corpus / "leak.txt").symlink_to(secret)
    loaded = load_corpus(corpus)
    assert [a.article_id for a in loaded.articles] == ["good"]
    assert reasons(loaded) == {
        "leak.txt": f"symbolic link to {secret.resolve()}, outside the corpus folder; not read"}


def test_a_link_to_a_file_inside_the_corpus_is_read(corpus):
    (corpus / "sub").mkdir()
    (corpus / "sub" / "real.txt").write_text(TEXT + " More.", encoding="utf-8")
    (corpus / "alias.txt").symlink_to(corpus / "sub" / "real.txt")
    assert sorted(a.article_id for a in load_corpus(corpus).articles) == [
        "alias", "good", "real"]


def test_dangling_links_loops_links_to_folders_and_pipes_are_named(corpus, tmp_path):
    (corpus / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    (corpus / "folder-link").symlink_to(corpus)
    os.mkfifo(corpus / "pipe.txt")
    loaded = load_corpus(corpus)
    assert [a.article_id for a in loaded.articles] == ["good"]
    found = reasons(loaded)
    assert found["gone.txt"].startswith("broken symbolic link")
    assert found["loop.txt"] == "symbolic link loop; not read"
    assert found["folder-link"].startswith("symbolic link to a folder; not followed")
    assert found["pipe.txt"] == "not a regular file (a named pipe); not read"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_subfolder_is_named(corpus):
    locked = corpus / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(TEXT, encoding="utf-8")
    locked.chmod(0)
    try:
        assert reasons(load_corpus(corpus))["locked"].startswith("unreadable folder")
    finally:
        locked.chmod(0o755)


def test_a_pipe_given_as_the_corpus_is_refused_without_waiting_for_it(tmp_path):
    os.mkfifo(tmp_path / "articles.jsonl")
    with pytest.raises(CorpusError, match=r"articles\.jsonl: not a regular file or folder "
                                          r"\(a named pipe\)"):
        load_corpus(tmp_path / "articles.jsonl")
