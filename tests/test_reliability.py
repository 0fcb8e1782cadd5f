"""Failure behaviour as a feature: bad inputs are named and skipped, nothing is ever lost.

Loader cases that tests/test_corpus.py already covers (empty, blank, binary, UTF-16 with a
BOM, Latin-1, HTML without a main text, duplicate ids, bad dates, '../etc' in JSONL, JSON
that is not JSON) are not repeated here. The load tests print their figures (run with
``-s`` to see them); timings are reported, never asserted.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from analysis import reports
from analysis.corpus import MAX_ARTICLE_CHARS, MAX_FILE_BYTES, CorpusError, load_corpus
from tests.conftest import REPO, SEEDS, report_folder
from tests.test_cli import run_cli

ARTICLE = "Mexico agreed to accept back 30,000 migrants every month, officials said.\n"
TEMPORARY_NAMES = (".run-*", ".old-*", ".index.html.tmp-*", ".staging-*")


def reasons(problems) -> list[str]:
    return [str(problem) for problem in problems]


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for pattern in TEMPORARY_NAMES for path in folder.glob(pattern))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


# --- 1. bad inputs the loader tests do not cover -------------------------------------------


def test_utf16_and_latin1_are_decoded_with_a_warning_naming_the_encoding(tmp_path):
    latin = "López Obrador said the talks in Juárez went well; señor Ebrard agreed. " * 3
    (tmp_path / "latin.txt").write_bytes(latin.encode("latin-1"))
    (tmp_path / "bom.txt").write_bytes(ARTICLE.encode("utf-16"))
    (tmp_path / "le.txt").write_bytes(ARTICLE.encode("utf-16-le"))
    (tmp_path / "be.txt").write_bytes(ARTICLE.encode("utf-16-be"))
    corpus = load_corpus(tmp_path)
    texts = {article.article_id: article.text for article in corpus.articles}
    assert texts == {"be": ARTICLE, "bom": ARTICLE, "latin": latin, "le": ARTICLE}, (
        "UTF-16 (with and without a byte-order mark) and Latin-1 must decode to the text")
    warnings = dict((w.path, w.reason) for w in corpus.warnings)
    assert warnings["bom.txt"] == "not UTF-8; decoded as UTF-16 (byte-order mark)"
    assert warnings["le.txt"] == "not UTF-8; decoded as UTF-16-LE (no byte-order mark)"
    assert warnings["be.txt"] == "not UTF-8; decoded as UTF-16-BE (no byte-order mark)"
    assert re.fullmatch(r"not UTF-8; decoded as (cp1252|latin_1|iso8859_15)",
                        warnings["latin.txt"]), warnings["latin.txt"]


def test_a_50_mb_article_is_refused_by_its_size_without_being_read(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    with (tmp_path / "huge.txt").open("wb") as handle:
        line = b"Officials said 300 migrants crossed the border on Monday.\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    tracemalloc.start()
    try:
        corpus = load_corpus(tmp_path)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [a.article_id for a in corpus.articles] == ["good"]
    size = (tmp_path / "huge.txt").stat().st_size
    assert reasons(corpus.skipped) == [
        f"huge.txt: file of {size:,} bytes is too large to be one article (at most "
        f"{MAX_FILE_BYTES:,} bytes); split it into articles"]
    assert peak < 5 * 1024 * 1024, f"loading read the 50 MB file into memory ({peak:,} bytes)"


def test_an_article_over_the_character_cap_is_skipped_and_one_at_the_cap_loads(tmp_path):
    sentence = "Officials said 300 migrants crossed the border on Monday. "
    at_cap = (sentence * (MAX_ARTICLE_CHARS // len(sentence) + 1))[:MAX_ARTICLE_CHARS]
    (tmp_path / "at-cap.txt").write_text(at_cap, encoding="utf-8")
    (tmp_path / "over-cap.txt").write_text(at_cap + "x", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [a.article_id for a in corpus.articles] == ["at-cap"]
    assert reasons(corpus.skipped) == [
        f"over-cap.txt: text of {MAX_ARTICLE_CHARS + 1:,} characters is too long for one "
        f"article (at most {MAX_ARTICLE_CHARS:,}); split it into articles"]
    rows = [{"article_id": "long", "text": at_cap + "x"}, {"article_id": "ok", "text": ARTICLE}]
    (tmp_path / "t.jsonl").write_text("\n".join(map(json.dumps, rows)), encoding="utf-8")
    table = load_corpus(tmp_path / "t.jsonl")
    assert [a.article_id for a in table.articles] == ["ok"]
    assert table.skipped[0].line == 1 and "too long for one article" in table.skipped[0].reason


def test_a_folder_of_20000_small_files_loads(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(20_000):
        (folder / f"a{number:05d}.txt").write_text(f"Article {number}. {ARTICLE}",
                                                   encoding="utf-8")
    started = time.perf_counter()
    corpus = load_corpus(folder)
    seconds = time.perf_counter() - started
    print(f"\n20,000 files loaded in {seconds:.1f} s")
    assert len(corpus.articles) == 20_000 and corpus.skipped == []
    assert corpus.articles[12_345].article_id == "a12345"


def test_manifest_missing_metadata_columns_warns_and_leaves_them_empty(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("article_id,outlet\na,Outlet A,extra cell\n",
                                           encoding="utf-8")
    corpus = load_corpus(tmp_path)
    (article,) = corpus.articles
    assert (article.outlet, article.published, article.title) == ("Outlet A", "", "")
    assert reasons(corpus.warnings) == [
        "manifest.csv: no column 'published'; those fields come from the files themselves "
        "where they have them"]


def test_manifest_duplicate_traversal_and_future_rows_are_named_by_line(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "article_id,outlet,published,title,url,language\n"
        "a,Outlet A,2024-01-02,T,,en\n"
        "a,Outlet B,2024-01-03,T,,en\n"
        "../x,Outlet C,2024-01-03,T,,en\n"
        "b,Outlet D,2999-01-01,T,,en\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [(a.article_id, a.outlet, a.published) for a in corpus.articles] == [
        ("a", "Outlet A", "2024-01-02"), ("b", "Outlet D", "")]
    assert reasons(corpus.skipped) == [
        "manifest.csv, line 3: duplicate article_id 'a' (first on line 2)",
        "manifest.csv, line 4: article_id '../x' is not a plain name; expected letters, "
        "digits, '_', '-' and '.' only"]
    assert reasons(corpus.warnings) == [
        "manifest.csv, line 5: published '2999-01-01' lies outside the plausible range (1900 "
        "to a year from today); the article is kept undated"]


def test_file_ids_differing_only_in_case_warn(tmp_path):
    (tmp_path / "Story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert len(corpus.articles) == 2
    assert reasons(corpus.warnings) == [
        "story.txt: article id 'story' differs only in case from 'Story' (one file would "
        "overwrite the other on a case-insensitive disk)"]


@pytest.mark.parametrize(("line", "reason"), [
    ("1" * 5000, "not valid JSON (a number too long to read)"),
    ("[" * 100_000, "not valid JSON (nested too deeply)"),
    ('{"article_id": "x", "text": {"body": "hi"}}', "'text' is dict; expected the article's "
                                                    "text as a string"),
])
def test_jsonl_lines_that_break_the_json_reader_are_skipped(tmp_path, line, reason):
    good = json.dumps({"article_id": "good", "text": ARTICLE})
    (tmp_path / "a.jsonl").write_text(f"{good}\n{line}\n", encoding="utf-8")
    corpus = load_corpus(tmp_path / "a.jsonl")
    assert [a.article_id for a in corpus.articles] == ["good"]
    (problem,) = corpus.skipped
    assert (problem.path, problem.line) == ("a.jsonl", 2)
    assert problem.reason.startswith(reason), problem.reason


def test_unpaired_surrogates_are_replaced_so_parsing_and_writing_work(tmp_path, nlp):
    from analysis.pipeline import extract_tables

    line = '{"article_id": "a", "outlet": "O\\udc00", "text": "Officials said 300 \\ud800 ' \
           'migrants crossed the border."}'
    (tmp_path / "a.jsonl").write_text(line + "\n", encoding="utf-8")
    corpus = load_corpus(tmp_path / "a.jsonl")
    (article,) = corpus.articles
    assert "\ufffd" in article.text and article.outlet == "O\ufffd"
    assert [w.reason.split(";")[0] for w in corpus.warnings] == [
        "text holds unpaired surrogate code points (invalid Unicode)",
        "outlet holds unpaired surrogate code points (invalid Unicode)"]
    tables = extract_tables(corpus, nlp=nlp)
    tables.articles.to_csv(tmp_path / "articles.csv")


def test_a_file_name_that_is_not_utf8_is_skipped_by_name(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    try:
        (tmp_path / os.fsdecode(b"bad\xff.txt")).write_text(ARTICLE, encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses file names that are not UTF-8")
    corpus = load_corpus(tmp_path)
    assert [a.article_id for a in corpus.articles] == ["good"]
    assert reasons(corpus.skipped) == [
        "bad\ufffd.txt: file name is not valid UTF-8; rename the file"]
    json.dumps([str(problem) for problem in corpus.skipped]).encode("utf-8")


def mixed_corpus(folder: Path) -> dict[str, str]:
    """Copy the seeds into ``folder`` beside five bad files; return {bad file: reason}."""
    shutil.copytree(SEEDS, folder)
    bad = {
        "zz-empty.txt": (b"", "empty text"),
        "zz-scan.txt": (b"%PDF-1.7\n\x00\x01", "binary file (a PDF document)"),
        "zz-photo.txt": (b"\x89PNG\r\n\x1a\n\x00", "binary file (a PNG image)"),
        "zz-nav.html": (b"<html><body><nav>Home</nav></body></html>",
                        "HTML page without a main text"),
        "zz-sheet.xlsx": (b"PK\x03\x04", "unsupported file type"),
    }
    for name, (data, _reason) in bad.items():
        (folder / name).write_bytes(data)
    return {name: reason for name, (_data, reason) in bad.items()}


def test_extract_over_a_few_bad_files_keeps_the_good_ones_and_lists_every_skip(tmp_path):
    corpus = tmp_path / "corpus"
    bad = mixed_corpus(corpus)
    result = run_cli("extract", str(corpus), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "5 input(s) skipped" in result.stdout
    info = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert info["corpus"]["articles"] == 5, "every good seed article must be processed"
    skipped = {item["path"]: item["reason"] for item in info["corpus"]["skipped"]}
    assert set(skipped) == set(bad), "run.json must list every skipped file"
    for name, reason in bad.items():
        assert skipped[name].startswith(reason), (name, skipped[name])
        assert name in result.stderr, f"{name} was skipped without a message on stderr"
    strict = run_cli("extract", str(corpus), "--out", str(tmp_path / "strict"), "--strict")
    assert strict.returncode == 2 and "--strict" in strict.stderr
    assert not (tmp_path / "strict").exists()


# --- 2. nothing lost: killed extracts, disk full -------------------------------------------

# Runs `python -m analysis extract` in a child that SIGKILLs itself at a chosen write:
# the Nth table chunk written to staging, the exchange, or the Nth rename into the out folder.
KILLED_EXTRACT = textwrap.dedent("""
    import os, signal, sys
    from analysis import tablestore
    stage, after = sys.argv[1], int(sys.argv[2])
    calls = []
    def dying(original):
        def wrapper(*args, **kwargs):
            calls.append(1)
            if len(calls) > after:
                os.kill(os.getpid(), signal.SIGKILL)
            return original(*args, **kwargs)
        return wrapper
    if stage == "staging":
        tablestore.TableFiles.append = dying(tablestore.TableFiles.append)
    elif stage == "exchange-after":
        exchange = tablestore._exchange
        def exchanged_then_killed(*args):
            exchange(*args)
            os.kill(os.getpid(), signal.SIGKILL)
        tablestore._exchange = exchanged_then_killed
    elif stage == "exchange":
        tablestore._exchange = dying(tablestore._exchange)
    else:
        tablestore.os.replace = dying(os.replace)
    from analysis.__main__ import main
    sys.exit(main(sys.argv[3:]))
""")


def killed_extract(stage: str, after: int, corpus: Path, out: Path) -> subprocess.CompletedProcess:
    # No parse cache: a cache entry written on the way is one more os.replace to count.
    return subprocess.run([sys.executable, "-c", KILLED_EXTRACT, stage, str(after), "extract",
                           str(corpus), "--out", str(out), "--no-cache"], cwd=REPO,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def two_corpora(tmp_path_factory):
    """Two one-article corpora and the tables of the first: (first, second, tables)."""
    root = tmp_path_factory.mktemp("two-corpora")
    first, second = root / "first", root / "second"
    first.mkdir()
    second.mkdir()
    (first / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (second / "b.txt").write_text("Officials said 300 migrants crossed on Monday.\n",
                                  encoding="utf-8")
    result = run_cli("extract", str(first), "--out", str(root / "tables"))
    assert result.returncode == 0, result.stderr[-3000:]
    return first, second, root / "tables"


def test_extract_killed_while_staging_leaves_the_previous_tables_and_the_next_run_completes(
        tmp_path, two_corpora):
    _first, second, tables = two_corpora
    out = tmp_path / "out"
    shutil.copytree(tables, out)
    before = snapshot(out)
    killed = killed_extract("staging", 3, second, out)
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    assert {name: data for name, data in snapshot(out).items()
            if not name.startswith(".staging-")} == before, "a killed run changed the tables"
    again = run_cli("extract", str(second), "--out", str(out))
    assert again.returncode == 0, again.stderr[-3000:]
    articles = pd.read_csv(out / "articles.csv", keep_default_na=False)
    assert list(articles["article_id"]) == ["b"]


def test_the_staging_folder_of_a_killed_extract_is_removed_by_the_next_run(tmp_path,
                                                                          two_corpora):
    _first, second, tables = two_corpora
    out = tmp_path / "out"
    shutil.copytree(tables, out)
    assert killed_extract("staging", 3, second, out).returncode == -signal.SIGKILL
    assert run_cli("extract", str(second), "--out", str(out)).returncode == 0
    assert leftovers(out) == []


@pytest.mark.parametrize("stage", ["exchange", "exchange-after"])
def test_extract_killed_while_swapping_tables_in_leaves_one_consistent_set(tmp_path,
                                                                           two_corpora, stage):
    _first, second, tables = two_corpora
    out = tmp_path / "out"
    shutil.copytree(tables, out)
    before = snapshot(out)
    killed = killed_extract(stage, 0, second, out)
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    after = snapshot(out)
    if stage == "exchange":
        assert after == before, "a run killed before the swap changed the tables"
    else:
        articles = pd.read_csv(out / "articles.csv", keep_default_na=False)
        assert list(articles["article_id"]) == ["b"], "the swap did not bring in the new set"
        assert set(after) == set(before), "the new set is not complete"
    again = run_cli("extract", str(second), "--out", str(out))
    assert again.returncode == 0, again.stderr[-3000:]
    assert not list(tmp_path.glob(".out.staging-*")), "the next run left a staging folder"


def test_a_folder_with_files_of_its_own_gets_the_tables_moved_in_and_keeps_them(
        tmp_path, two_corpora):
    _first, second, _tables = two_corpora
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("my notes", encoding="utf-8")
    result = run_cli("extract", str(second), "--out", str(out))
    assert result.returncode == 0, result.stderr[-3000:]
    assert (out / "notes.txt").read_text(encoding="utf-8") == "my notes"
    assert (out / "articles.csv").is_file() and (out / "run.json").is_file()


def test_sigterm_during_extract_stops_it_like_ctrl_c_and_cleans_up(tmp_path, two_corpora):
    _first, _second, tables = two_corpora
    out = tmp_path / "out"
    shutil.copytree(tables, out)
    before = snapshot(out)
    corpus = tmp_path / "many"
    corpus.mkdir()
    for number in range(60):
        for seed in SEEDS.glob("*.txt"):
            text = seed.read_text(encoding="utf-8") + f"\nCopy {number}."
            (corpus / f"{number:03d}-{seed.name}").write_text(text, encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "analysis", "extract", str(corpus),
                                "--out", str(out), "--no-cache"], cwd=REPO,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".out.staging-*")) and process.poll() is None:
        assert time.monotonic() < deadline, "extract never started staging"
        time.sleep(0.2)
    time.sleep(1.0)
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=120)
    assert process.returncode == 143, err[-2000:]
    assert "stopped by SIGTERM: nothing was written; the earlier tables are as they were" in err
    assert "Traceback" not in err
    assert snapshot(out) == before
    assert not list(tmp_path.glob(".out.staging-*"))


@pytest.mark.parametrize("after", [0, 1, 6, 18])
def test_extract_killed_while_moving_into_a_folder_of_user_files_is_completed_not_mixed(
        tmp_path, two_corpora, after):
    from analysis.tablestore import finish_interrupted_move

    first, second, _tables = two_corpora
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("my notes", encoding="utf-8")
    assert run_cli("extract", str(first), "--out", str(out)).returncode == 0
    before = snapshot(out)
    killed = killed_extract("replace", after, second, out)
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    finish_interrupted_move(out)  # what the next run does first, under the lock
    articles = pd.read_csv(out / "articles.csv", keep_default_na=False, dtype=str)
    if after == 0:  # killed while writing the journal: the move never began
        assert snapshot(out) == before
    else:
        assert list(articles["article_id"]) == ["b"]
        info = json.loads((out / "run.json").read_text(encoding="utf-8"))
        assert info["corpus"]["articles"] == 1 and str(second) in info["corpus"]["source"]
        for name in ("figures", "attributions", "keywords"):
            ids = set(pd.read_csv(out / f"{name}.csv", dtype=str)["article_id"].dropna())
            assert ids <= {"b"}, f"{name}.csv still holds the previous run's rows"
    assert (out / "notes.txt").read_text(encoding="utf-8") == "my notes"
    again = run_cli("extract", str(second), "--out", str(out))
    assert again.returncode == 0, again.stderr[-3000:]
    assert leftovers(out) == []
    assert [path.name for path in tmp_path.glob(".mine.*")] == [".mine.lock"]


def test_disk_full_while_writing_tables_leaves_the_previous_tables(tmp_path, nlp,
                                                                   monkeypatch):
    from analysis.pipeline import build_run_info, extract_tables, write_tables

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    loaded = load_corpus(corpus)
    tables = extract_tables(loaded, nlp=nlp)
    info = build_run_info(loaded, parameters={}, nlp=nlp, timings={})
    out = tmp_path / "out"
    write_tables(tables, out, run_info=info)
    before = snapshot(out)
    calls = []
    original = pq.ParquetWriter.write_table

    def full_disk(self, *args, **kwargs):
        calls.append(1)
        if len(calls) > 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetWriter, "write_table", full_disk)
    with pytest.raises(OSError) as caught:
        write_tables(tables, out, run_info={**info, "created": "later"})
    assert caught.value.errno == errno.ENOSPC
    assert snapshot(out) == before, "a full disk changed the previous tables"
    assert leftovers(out) == [], "a full disk left a staging folder behind"


# --- 2. nothing lost: the reports folder ---------------------------------------------------


def fake_run(reports_dir: Path, day: str) -> None:
    """Publish a stand-in run folder for ``day`` (status ok) without running a notebook."""
    folder = reports_dir / day
    folder.mkdir(parents=True)
    (folder / "report.html").write_text(f"<p>report of {day}</p>", encoding="utf-8")
    (folder / "status.json").write_text(json.dumps({
        "date": day, "status": "ok", "corpus": "seeds", "fingerprint": "f", "parameters": {},
        "pages": [{"title": "overview", "link": "report.html"}],
        "generated": f"{day}T06:15:00+00:00"}), encoding="utf-8")


def test_disk_full_while_writing_the_index_leaves_the_index(tmp_path, monkeypatch):
    fake_run(tmp_path, "2024-01-01")
    reports.write_index(tmp_path)
    before = (tmp_path / "index.html").read_bytes()
    fake_run(tmp_path, "2024-01-02")
    original = Path.write_text

    def full_disk(self, data, *args, **kwargs):
        if self.name.startswith(".index.html.tmp-"):
            original(self, data[: len(data) // 2], *args, **kwargs)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return original(self, data, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full_disk)
    with pytest.raises(OSError):
        reports.write_index(tmp_path)
    assert (tmp_path / "index.html").read_bytes() == before
    assert leftovers(tmp_path) == [], "a full disk left a half-written index behind"


@pytest.fixture
def quick_notebook(monkeypatch):
    """Make run_report execute and render instantly, so its file handling can be tested."""

    def execute(notebook, output, values, **_keywords):
        Path(values["out_dir"]).mkdir(parents=True, exist_ok=True)
        output.write_text("{}", encoding="utf-8")

    monkeypatch.setattr(reports, "_execute", execute)
    monkeypatch.setattr(reports, "render_html", lambda executed: "<p>new report</p>")


def test_disk_full_during_a_report_run_is_a_report_error_and_loses_nothing(
        tmp_path, quick_notebook, monkeypatch):
    from analysis.params import validate_parameters

    fake_run(tmp_path, "2024-01-01")
    reports.write_index(tmp_path)
    before = snapshot(tmp_path)

    def full_disk(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(reports, "_write_status", full_disk)
    with pytest.raises(reports.ReportError, match=r"No space left on device.*last good report"):
        reports.run_report(validate_parameters(corpus=str(SEEDS)),
                           report_date=date(2024, 1, 2), reports_dir=tmp_path, force=True)
    assert {k: v for k, v in snapshot(tmp_path).items() if k != ".lock"} == {
        k: v for k, v in before.items() if k != ".lock"}
    assert leftovers(tmp_path) == []


def test_a_run_clears_what_a_killed_run_left_and_restores_a_half_replaced_report(
        tmp_path, quick_notebook):
    from analysis.params import validate_parameters

    fake_run(tmp_path, "2024-01-01")
    (tmp_path / ".run-2024-01-03-abcd" / "tables").mkdir(parents=True)
    (tmp_path / ".index.html.tmp-4242").write_text("<html>half", encoding="utf-8")
    # Killed between the two renames of _publish: 2024-01-02 moved aside, not replaced.
    retired = tmp_path / ".old-2024-01-02-wxyz"
    retired.mkdir()
    fake_run(retired, "2024-01-02")
    reports.run_report(validate_parameters(corpus=str(SEEDS)), report_date=date(2024, 1, 3),
                       reports_dir=tmp_path, force=True)
    assert leftovers(tmp_path) == []
    assert (tmp_path / "2024-01-02" / "report.html").read_text() == "<p>report of 2024-01-02</p>"
    assert index_links(tmp_path) == ["2024-01-03", "2024-01-02", "2024-01-01"]


# --- 2. nothing lost: interrupted report runs (real notebook runs) ------------------------


def start_report(reports_dir: Path, day: str, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "analysis", "report", "--reports-dir", str(reports_dir),
         "--date", day, "--force", *extra],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True)


def wait_for_staging(reports_dir: Path, process: subprocess.Popen, *, settle: float) -> None:
    deadline = time.monotonic() + 120
    # papermill writes the notebook into staging before the kernel starts: from then on
    # the run is executing, and stays so for several seconds.
    while not list(reports_dir.glob(".run-*/report.ipynb")):
        assert process.poll() is None, process.communicate()[1][-3000:]
        assert time.monotonic() < deadline, "the run never started executing"
        time.sleep(0.05)
    time.sleep(settle)  # let the kernel start and the notebook get under way
    assert process.poll() is None, "the run ended before it could be interrupted"


def lock_is_free(reports_dir: Path) -> bool:
    with (reports_dir / ".lock").open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(handle, fcntl.LOCK_UN)
        return True


@pytest.fixture(scope="module")
def good_reports(tmp_path_factory):
    reports_dir = tmp_path_factory.mktemp("good-reports")
    result = run_cli("report", "--reports-dir", str(reports_dir), "--date", "2024-03-01")
    assert result.returncode == 0, result.stderr[-3000:]
    return reports_dir


def published_state(reports_dir: Path) -> dict[str, bytes]:
    return {name: data for name, data in snapshot(reports_dir).items()
            if not name.startswith((".", "failed/"))}


@pytest.mark.parametrize(("how", "settle"), [("SIGINT", 1.5), ("SIGTERM", 1.5),
                                             ("SIGKILL", 1.5)])
def test_an_interrupted_report_run_leaves_the_last_good_report_and_releases_the_lock(
        good_reports, how, settle):
    before = published_state(good_reports)
    process = start_report(good_reports, "2024-03-02")
    wait_for_staging(good_reports, process, settle=settle)
    os.killpg(process.pid, getattr(signal, how))
    _out, err = process.communicate(timeout=120)
    assert process.returncode != 0, "an interrupted run must not exit 0"
    assert published_state(good_reports) == before, f"{how} changed the published reports"
    assert not list(good_reports.glob("2024-03-02*"))
    assert lock_is_free(good_reports), f"the lock is still held after {how}"
    if how in ("SIGINT", "SIGTERM"):
        assert leftovers(good_reports) == [], "an interrupted run left its staging folder"
        expected = {"SIGINT": (130, "interrupted"), "SIGTERM": (143, "stopped by SIGTERM")}
        code, said = expected[how]
        assert process.returncode == code, err[-2000:]
        # Ctrl-C reaches the kernel too, which logs its own traceback; ours prints none.
        assert f"{said}: nothing was published" in err
        assert "KeyboardInterrupt" not in err.split(f"{said}: nothing was published")[-1]


def test_the_run_after_a_killed_one_completes_and_leaves_no_staging(good_reports):
    process = start_report(good_reports, "2024-03-03")
    wait_for_staging(good_reports, process, settle=2.0)
    os.killpg(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)
    assert leftovers(good_reports), "expected the killed run's staging folder to remain"
    result = run_cli("report", "--reports-dir", str(good_reports), "--date", "2024-03-04",
                     "--force")
    assert result.returncode == 0, result.stderr[-3000:]
    assert leftovers(good_reports) == [], "the next run did not clear the stale staging"
    index = (good_reports / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="2024-03-04-[^"/]+/report.html"', index)
    assert re.search(r'href="2024-03-01-[^"/]+/report.html"', index)
    assert "2024-03-03" not in index


# --- 3. load -------------------------------------------------------------------------------


def index_links(reports_dir: Path) -> list[str]:
    index = (reports_dir / "index.html").read_text(encoding="utf-8")
    # A run folder is "<date>-<corpus>-<key>" (a fake run in these tests: "<date>").
    return re.findall(r'href="(\d{4}-\d{2}-\d{2})(?:-[^"/]*)?/report\.html"', index)


def test_four_concurrent_runs_one_at_a_time_one_consistent_index(tmp_path):
    corpus = tmp_path / "corpus"
    bad = mixed_corpus(corpus)
    reports_dir = tmp_path / "reports"
    days = [f"2024-04-0{number}" for number in range(1, 5)]
    started = time.perf_counter()
    processes = [start_report(reports_dir, day, "--corpus", str(corpus)) for day in days]
    results = [(day, process, *process.communicate(timeout=900))
               for day, process in zip(days, processes, strict=True)]
    seconds = time.perf_counter() - started
    published = [day for day, process, _out, _err in results if process.returncode == 0]
    refused = [day for day, process, _out, err in results
               if process.returncode == 1 and "another report run is writing to" in err]
    other = [(day, process.returncode, err[-1500:]) for day, process, _out, err in results
             if day not in published and day not in refused]
    print(f"\n4 concurrent runs: {len(published)} published, {len(refused)} refused by the "
          f"lock, {seconds:.1f} s in all")
    assert other == [], f"runs that neither published nor were refused: {other}"
    assert published, "no run published"
    assert sorted(index_links(reports_dir), reverse=True) == index_links(reports_dir)
    assert sorted(index_links(reports_dir)) == sorted(published), "index and runs disagree"
    assert sorted(p.name[:10] for p in reports_dir.iterdir() if re.match(r"\d{4}-", p.name)) \
        == sorted(published)
    assert leftovers(reports_dir) == [], "temporary files were left behind"
    assert lock_is_free(reports_dir)
    page = (report_folder(reports_dir, published[0]) / "report.html").read_text(encoding="utf-8")
    for name in bad:
        assert name in page, f"the report does not list the skipped file {name}"


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("RUN_SLOW"), reason="20 report runs take ~4 minutes; "
                    "set RUN_SLOW=1")
def test_twenty_consecutive_runs_leave_one_index_listing_them_all(tmp_path):
    from analysis.params import validate_parameters

    parameters = validate_parameters(corpus=str(SEEDS))
    days = [date(2024, 5, 1) + timedelta(days=number) for number in range(20)]
    seconds = []
    for day in days:
        started = time.perf_counter()
        reports.run_report(parameters, report_date=day, reports_dir=tmp_path, force=True)
        seconds.append(time.perf_counter() - started)
    print(f"\n20 consecutive runs: {sum(seconds):.0f} s in all, {min(seconds):.1f}-"
          f"{max(seconds):.1f} s each")
    assert index_links(tmp_path) == [day.isoformat() for day in reversed(days)]
    assert leftovers(tmp_path) == []
    assert all(json.loads((report_folder(tmp_path, day.isoformat()) / "status.json")
                          .read_text())["status"] == "ok" for day in days)


@pytest.mark.parametrize("text", ["ok ok ok ok", "the the the", "`` `` ``"])
def test_an_article_of_one_repeated_word_is_extracted(tmp_path, nlp, text):
    from analysis.pipeline import extract_tables

    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    tables = extract_tables(load_corpus(tmp_path), nlp=nlp)
    assert len(tables.articles) == 1


def test_corpus_error_names_the_folder_when_nothing_loads(tmp_path):
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.4")
    with pytest.raises(CorpusError, match=re.escape(str(tmp_path)) + r".*scan\.txt: binary"):
        load_corpus(tmp_path)
